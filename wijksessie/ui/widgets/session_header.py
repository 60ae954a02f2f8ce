"""The bar at the top of a session: title, wijk and date, and the phase's countdown.

Both are readable from the back row: the countdown changes colour two minutes before the
phase's planned end and again when it runs over.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from wijksessie.domain.agenda import AgendaClock, ClockState
from wijksessie.domain.dates import long_date
from wijksessie.domain.model import Session
from wijksessie.ui.literal import literal


class SessionHeader(Widget):
    """Shows which session is open, whether it is read-only, and the phase's time left.

    One line drawn by one widget: the title, wijk and date on the left, shortened when they do
    not fit, and the countdown on the right, its colour from its state (``-warning``,
    ``-over``: component classes in app.tcss). It was a container of two ``Static``s, three
    widgets to mount, style and lay out on every open (about 13 ms of CPU of a cold open).

    The date and the wijk are what a room checks ("is this our session?"); a long title is
    recognised by its start. Fitted as it is drawn, so it follows every change of width.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "session-header--clock",
        "session-header--warning",
        "session-header--over",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: list[Text] = []
        self._mark = Text()
        self._clock = Text()
        self.clock_state: ClockState | None = None
        """The countdown's state as last shown (None: no countdown, as in a read-only view)."""

    def show(self, session: Session, mark: Text | None = None) -> None:
        """Render the title part for ``session``, then ``mark`` (read-only, the wall)."""
        parts = [literal(session.title, "bold")]
        if session.wijk:
            parts.append(literal(session.wijk))
        if session.date:
            parts.append(Text(long_date(session.date)))
        self._parts, self._mark = parts, mark or Text()
        self.refresh()

    def show_clock(self, clock: AgendaClock) -> None:
        """Render the countdown of the current phase in the colour of its state."""
        label = Text("⏱ ")
        if clock.phase is not None:
            label.append(f"{clock.phase.label} ")
        label.append(clock.display(), style="bold")
        if not clock.running:
            label.append("  ⏸ F9", style="dim")
        self._clock = label
        self.clock_state = clock.state()
        self.refresh()

    def title(self) -> Text:
        """The title part as it is shown now (shortened to its room)."""
        return self._title(max(self.content_region.width - self._clock_text().cell_len, 0))

    def clock(self) -> Text:
        """The countdown as it is shown now (empty before ``show_clock``)."""
        return self._clock.copy()

    def _clock_text(self) -> Text:
        """The countdown with a space each side, in its state's colour."""
        text = Text(" ", end="")
        text.append_text(self._clock)
        text.append(" ")
        name = {
            ClockState.WARNING: "session-header--warning",
            ClockState.OVER: "session-header--over",
        }.get(self.clock_state, "session-header--clock")  # type: ignore[arg-type]
        text.stylize_before(self.get_component_rich_style(name, partial=False))
        return text

    def _title(self, width: int) -> Text:
        parts = list(self._parts)
        text = self._joined(parts)
        if width and text.cell_len > width:
            title = parts[0].copy()
            title.truncate(max(title.cell_len - (text.cell_len - width), 8), overflow="ellipsis")
            text = self._joined([title, *parts[1:]])
            text.truncate(width, overflow="ellipsis")
        return text

    def _joined(self, parts: list[Text]) -> Text:
        text = Text(" · ").join(parts)
        text.append_text(self._mark)
        return text

    def render(self) -> Text:
        clock = self._clock_text()
        room = max(self.content_region.width - clock.cell_len, 0)
        line = self._title(room)
        line.truncate(room, pad=True)
        line.no_wrap = True
        line.append_text(clock)
        return line
