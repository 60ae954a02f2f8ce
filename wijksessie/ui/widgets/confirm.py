"""A yes/no question that returns its answer with ``dismiss``."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.modal import Modal


class ConfirmDialog(StyledOnce, Modal[bool]):
    """Ask the facilitator to confirm something that is hard to undo."""

    BINDINGS = [
        Binding("j,y", "answer(True)", _("Ja"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", _("Nee"), id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes = _("Ja") if yes is None else yes
        self.no = _("Nee") if no is None else no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(literal(self.question), id="question")
            with Horizontal(id="buttons"):
                yield Button(_("{answer} (j)").format(answer=self.yes), variant="error", id="yes")
                yield Button(f"{self.no} (n)", variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
