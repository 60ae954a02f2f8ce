"""The session screen: header, a stepper of the phases, and the current phase below it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, TabbedContent, TabPane

from wijksessie.domain.model import Phase
from wijksessie.errors import WijksessieError
from wijksessie.store import SessionStore
from wijksessie.ui.phases.session_phase import SessionPhase
from wijksessie.ui.widgets.session_header import SessionHeader

AVAILABLE_PHASES: tuple[Phase, ...] = (Phase.SESSION,)
"""The phases that work today; the stepper shows only these."""


class SessionScreen(Screen[None]):
    """One open session, phase by phase."""

    BINDINGS = [
        Binding("ctrl+pagedown,alt+right", "step(1)", "Volgende fase", id="session.next"),
        Binding("ctrl+pageup,alt+left", "step(-1)", "Vorige fase", id="session.previous"),
        Binding("escape", "close", "Naar overzicht", id="session.close"),
    ]

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield SessionHeader(id="session-header")
        with TabbedContent(id="phases"):
            for number, phase in enumerate(AVAILABLE_PHASES, start=1):
                with TabPane(f"{number} {phase.label}", id=phase.value):
                    yield self._phase_widget(phase)
        yield Footer()

    def _phase_widget(self, phase: Phase) -> SessionPhase:
        return SessionPhase(self.store, id=f"phase-{phase.value}")

    def on_mount(self) -> None:
        self.refresh_header()

    def refresh_header(self) -> None:
        """Show the session's current title, wijk and date."""
        header = self.query_one(SessionHeader)
        header.show(self.store.session, self.store.read_only)

    @on(SessionPhase.Saved)
    def _session_saved(self) -> None:
        self.refresh_header()

    def action_step(self, delta: int) -> None:
        """Go to the next or previous phase."""
        tabs = self.query_one(TabbedContent)
        order = [phase.value for phase in AVAILABLE_PHASES]
        index = order.index(tabs.active) if tabs.active in order else 0
        tabs.active = order[max(0, min(len(order) - 1, index + delta))]

    def action_close(self) -> None:
        """Save what is pending, release the session and go back to the start screen."""
        self.finish()
        self.dismiss(None)

    def finish(self) -> None:
        """Save pending edits and close the store; safe to call twice."""
        for phase in self.query(SessionPhase):
            phase.save_now()
        try:
            self.store.close()
        except WijksessieError as error:
            self.notify(str(error), severity="error", markup=False, timeout=15)
