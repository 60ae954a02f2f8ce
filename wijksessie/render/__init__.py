"""Rendering for humans: the one summary structure as terminal text, Markdown, HTML or iCalendar.

Every format is built from ``wijksessie.domain.summary.Summary``, so they all say the same
thing. This package imports the domain only: no Textual, no store.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from wijksessie.errors import WijksessieError
from wijksessie.i18n import _

if TYPE_CHECKING:
    from wijksessie.domain.summary import Summary
    from wijksessie.render.figures import Figure

FORMATS: tuple[str, ...] = ("text", "md", "html", "ics")
EXTENSIONS: dict[str, str] = {"text": "txt", "md": "md", "html": "html", "ics": "ics"}
SHARED_FORMATS = frozenset({"html", "ics"})
"""Files made to hand to participants; text and Markdown are what a (projected) terminal shows."""


def contact_allowed(fmt: str, asked: bool = False, refused: bool = False) -> bool:
    """Whether a summary in ``fmt`` may carry shared contact details (``with_contact``).

    The privacy rule in one place: HTML and iCalendar are handed to the participants, so they
    carry the email and phone of whoever chose to share them. Text and Markdown may be on a
    projector, so they carry them only when the user asks (``--met-contact``). A page meant
    for the public (a website, a newsletter) carries none, in any format (``refused``:
    ``--zonder-contact``).
    """
    return not refused and (asked or fmt in SHARED_FORMATS)


def render(summary: Summary, fmt: str, *, figures: Sequence[Figure] = ()) -> str:
    """The summary in ``fmt`` (one of ``FORMATS``) as a string, ready to print or save.

    ``figures`` (see ``render.figures``) appear in the HTML page; other formats have no room
    for pictures and leave them out.
    """
    if fmt not in _RENDERERS:
        raise WijksessieError(
            _("Onbekend formaat ‘{format}’; kies uit {formats}.").format(
                format=fmt, formats=", ".join(FORMATS)
            )
        )
    if fmt == "html" and figures:
        from wijksessie.render.html import to_html

        return to_html(summary, figures)
    return _renderer(fmt)(summary)


_RENDERERS: dict[str, tuple[str, str]] = {
    "text": ("wijksessie.render.text", "to_text"),
    "md": ("wijksessie.render.markdown", "to_markdown"),
    "html": ("wijksessie.render.html", "to_html"),
    "ics": ("wijksessie.render.ics", "to_ics"),
}


def _renderer(fmt: str) -> Callable[[Summary], str]:
    """Only the asked format's module is imported: HTML need not load Rich (0.1 s) or
    icalendar (0.16 s), which a cold ``wijksessie summary --format html`` paid for before."""
    module, name = _RENDERERS[fmt]
    renderer: Callable[[Summary], str] = getattr(importlib.import_module(module), name)
    return renderer
