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
from wijksessie.i18n import _
from wijksessie.ui.literal import literal


class SessionHeader(Horizontal):
    """Shows which session is open, whether it is read-only, and the phase's time left."""

    def compose(self) -> ComposeResult:
        yield Static(id="header-title")
        yield Static(id="header-clock")

    def show(self, session: Session, read_only: bool = False) -> None:
        """Render the title part for ``session``."""
        parts = [literal(session.title, "bold")]
        if session.wijk:
            parts.append(literal(session.wijk))
        if session.date:
            parts.append(Text(long_date(session.date)))
        text = Text(" · ").join(parts)
        if read_only:
            text.append(_("   ALLEEN-LEZEN"), style="bold reverse")
        self.query_one("#header-title", Static).update(text)

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
