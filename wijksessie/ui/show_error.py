"""One way to tell the user in the app that something they asked for could not be done."""

from __future__ import annotations

from textual.dom import DOMNode
from textual.notifications import SeverityLevel

from wijksessie.errors import WijksessieError


def show_error(
    node: DOMNode,
    error: WijksessieError,
    *,
    severity: SeverityLevel = "error",
    timeout: float | None = None,
) -> None:
    """Show ``error``'s message in a toast, as written.

    A typed error's message is already the Dutch sentence the user should read (made in the
    language current when it was raised), so it is shown whole and never parsed as markup: a
    file name or a typed text with ``[`` in it must not be taken for a style.
    """
    node.notify(str(error), severity=severity, markup=False, timeout=timeout)
