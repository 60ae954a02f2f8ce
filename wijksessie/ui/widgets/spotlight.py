"""Spotlight: one item big and alone on the wall, while the room talks about it."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.modal import Modal


class SpotlightScreen(StyledOnce, Modal[None]):
    """Shows a title and a text centred, large and bold; any of its keys closes it."""

    BINDINGS = [Binding("escape,ctrl+l,enter,space", "dismiss", _("Sluiten"), id="spotlight.close")]

    def __init__(self, heading: str, text: str) -> None:
        super().__init__()
        self.heading = heading
        self.text = text

    def compose(self) -> ComposeResult:
        body = Text(f"{self.heading}\n\n", style="dim")
        body.append_text(literal(self.text, "bold"))
        yield Static(Align.center(body, vertical="middle"), id="spotlight")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
