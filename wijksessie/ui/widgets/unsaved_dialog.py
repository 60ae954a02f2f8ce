"""What to do with changes that could not be saved, asked before they would be lost.

While saves fail the changes live only in memory; quitting or closing the session would drop
them. This dialog offers an emergency copy elsewhere, leaving without one, or going back. It
returns ``"copy"``, ``"discard"`` or ``None`` (back) with ``dismiss``.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.styled_once import StyledOnce

COPY = "copy"
DISCARD = "discard"


class UnsavedDialog(StyledOnce, ModalScreen[str | None]):
    """Ask whether to keep an emergency copy of changes that could not be saved."""

    BINDINGS = [
        Binding("k", "answer('copy')", _("Noodkopie"), id="unsaved.copy"),
        Binding("v", "answer('discard')", _("Niet bewaren"), id="unsaved.discard"),
        Binding("escape", "answer(None)", _("Terug"), id="unsaved.back"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(literal(self.question), id="question")
            with Horizontal(id="buttons"):
                yield Button(_("Noodkopie bewaren (k)"), variant="primary", id=COPY)
                yield Button(_("Niet bewaren (v)"), variant="error", id=DISCARD)
                yield Button(_("Terug (esc)"), id="back")

    def on_mount(self) -> None:
        self.query_one(f"#{COPY}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id if event.button.id in (COPY, DISCARD) else None)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)
