"""The base of every dialog: a modal screen from which ``ctrl+q`` still quits.

Textual leaves the app's own keys out while a modal screen is up, so ``ctrl+q`` did nothing in
a form or a question (and said nothing). Each dialog binds it again.
"""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

from wijksessie.i18n import _

ResultT = TypeVar("ResultT")


class Modal(ModalScreen[ResultT]):
    """A dialog; ``ctrl+q`` quits the app from it like from anywhere else."""

    BINDINGS = [
        # Not first in line: a form's field takes the keys typed before ctrl+q, so the form
        # knows whether it holds typed text when it is asked to quit.
        Binding("ctrl+q", "quit_app", _("Afsluiten"), id="modal.quit", show=False),
    ]

    async def action_quit_app(self) -> None:
        """Quit the app (which saves and releases the open session first)."""
        await self.app.run_action("quit")
