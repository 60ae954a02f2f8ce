"""Spotlight: one item big and alone on the wall, while the room talks about it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from wijksessie.i18n import _
from wijksessie.render.big_text import big_text
from wijksessie.ui.literal import literal
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.modal import Modal


class SpotlightScreen(StyledOnce, Modal[None]):
    """The row's first cell in big letters (``render.big_text``), the rest bold below it, in a
    frame that fills the screen; any of its keys closes it.

    The big letters are drawn for the frame's size whenever it changes: at 160 × 45 a name of
    about 26 letters fits on one line, at 80 × 24 about 12. Text too long to fit in big letters,
    or with a sign the font lacks, is shown bold at normal size, whole.
    """

    BINDINGS = [Binding("escape,ctrl+l,enter,space", "dismiss", _("Sluiten"), id="spotlight.close")]

    def __init__(self, heading: str, text: str) -> None:
        super().__init__()
        self.heading = heading
        self.text = text
        self.big = False
        """Whether the first line shows in big letters at the current size (for tests)."""

    def compose(self) -> ComposeResult:
        yield Static(id="spotlight")

    def on_mount(self) -> None:
        self._fill()

    def on_resize(self) -> None:
        self._fill()

    def _fill(self) -> None:
        box = self.query_one("#spotlight", Static)
        width, height = box.content_size
        if not width or not height:  # not laid out yet
            self.call_after_refresh(self._fill)
            return
        first, rest = _main_line(self.text.split("\n"))
        rest_text = literal("\n".join(rest), "bold")
        room = height - 2 - (len(rest) + 1 if rest else 0)
        drawn = big_text(first, width, room)
        self.big = drawn is not None
        body = Text(f"{self.heading}\n\n", style="dim")
        if drawn is not None:
            body.append("\n".join(drawn), style="bold")
        else:
            body.append_text(literal(first, "bold"))
        if rest:
            body.append("\n\n")
            body.append_text(rest_text)
        body.justify = "center"
        box.update(body)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


def _main_line(lines: list[str]) -> tuple[str, list[str]]:
    """The line to show big (the first with a letter: a goal's rank "1" is not what the room
    talks about) and the others, in their order."""
    index = next((i for i, line in enumerate(lines) if any(c.isalpha() for c in line)), 0)
    return lines[index], lines[:index] + lines[index + 1 :]
