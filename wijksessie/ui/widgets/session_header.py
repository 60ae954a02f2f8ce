"""The bar at the top of a session: title, wijk and date, and the phase's countdown.

Both are readable from the back row: the countdown changes colour two minutes before the
phase's planned end and again when it runs over.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from wijksessie.domain.agenda import AgendaClock, ClockState
from wijksessie.domain.dates import long_date
from wijksessie.domain.model import Session
from wijksessie.ui.literal import literal


class HeaderTitle(Static):
    """The session's title, wijk and date; when they do not fit, the title is shortened.

    The date and the wijk are what a room checks ("is this our session?"); a long title is
    recognised by its start. Fitted as it is drawn, so it follows every change of width.
    """

    def show(self, parts: list[Text], mark: Text) -> None:
        """Show ``parts`` (title, wijk, date) and then ``mark`` (read-only, or nothing)."""
        self._parts, self._mark = parts, mark
        self.refresh()

    def render(self) -> Text:
        if not hasattr(self, "_parts"):
            return Text()
        parts = list(self._parts)
        text = self._joined(parts)
        width = self.content_region.width
        if width and text.cell_len > width:
            title = parts[0].copy()
            title.truncate(max(title.cell_len - (text.cell_len - width), 8), overflow="ellipsis")
            text = self._joined([title, *parts[1:]])
            text.no_wrap = True
            text.overflow = "ellipsis"
        return text

    def _joined(self, parts: list[Text]) -> Text:
        text = Text(" · ").join(parts)
        text.append_text(self._mark)
        return text


class SessionHeader(Horizontal):
    """Shows which session is open, whether it is read-only, and the phase's time left."""

    def compose(self) -> ComposeResult:
        yield HeaderTitle(id="header-title")
        yield Static(id="header-clock")

    def show(self, session: Session, mark: Text | None = None) -> None:
        """Render the title part for ``session``, then ``mark`` (read-only, the wall)."""
        parts = [literal(session.title, "bold")]
        if session.wijk:
            parts.append(literal(session.wijk))
        if session.date:
            parts.append(Text(long_date(session.date)))
        self.query_one(HeaderTitle).show(parts, mark or Text())

    def show_clock(self, clock: AgendaClock) -> None:
        """Render the countdown of the current phase; its state becomes a CSS class."""
        label = Text("⏱ ")
        if clock.phase is not None:
            label.append(f"{clock.phase.label} ")
        label.append(clock.display(), style="bold")
        if not clock.running:
            label.append("  ⏸ F9", style="dim")
        widget = self.query_one("#header-clock", Static)
        widget.update(label)
        for state in ClockState:
            widget.set_class(clock.state() is state, f"-{state.value}")
