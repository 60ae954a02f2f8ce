"""The session screen: header, a stepper of the phases, and the current phase below it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, TabbedContent, TabPane

from wijksessie.domain.model import Phase
from wijksessie.errors import WijksessieError
from wijksessie.store import SessionStore
from wijksessie.ui.phases.network.phase import NetworkPhase
from wijksessie.ui.phases.session_phase import SessionPhase
from wijksessie.ui.widgets.session_header import SessionHeader

AVAILABLE_PHASES: tuple[Phase, ...] = (Phase.SESSION, Phase.NETWORK)
"""The phases that work today; the stepper shows only these."""


class SessionScreen(Screen[None]):
    """One open session, phase by phase."""

    BINDINGS = [
        Binding("ctrl+pagedown,alt+right", "step(1)", "Volgende fase", id="session.next"),
        Binding("ctrl+pageup,alt+left", "step(-1)", "Vorige fase", id="session.previous"),
        Binding("escape", "close", "Naar overzicht", id="session.close"),
        *(
            Binding(f"f{number + 1}", f"show_phase('{phase.value}')", phase.label, show=False)
            for number, phase in enumerate(AVAILABLE_PHASES, start=1)
        ),
    ]

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield SessionHeader(id="session-header")
        with TabbedContent(id="phases"):
            for number, phase in enumerate(AVAILABLE_PHASES, start=1):
                with TabPane(f"Fase {number} · {phase.label}", id=phase.value):
                    yield self._phase_widget(phase)
        yield Footer()

    def _phase_widget(self, phase: Phase) -> Widget:
        widget_id = f"phase-{phase.value}"
        if phase is Phase.NETWORK:
            return NetworkPhase(self.store, id=widget_id)
        return SessionPhase(self.store, id=widget_id)

    def on_mount(self) -> None:
        self.refresh_header()

    def refresh_header(self) -> None:
        """Show the session's current title, wijk and date."""
        header = self.query_one(SessionHeader)
        header.show(self.store.session, self.store.read_only)

    @on(TabbedContent.TabActivated, "#phases")
    def _phase_shown(self, event: TabbedContent.TabActivated) -> None:
        """Move the keyboard into the phase that is now on the wall."""
        for phase in event.pane.query("SessionPhase, NetworkPhase"):
            phase.focus_default()  # type: ignore[attr-defined]

    @on(SessionPhase.Saved)
    def _session_saved(self) -> None:
        self.refresh_header()

    def action_step(self, delta: int) -> None:
        """Go to the next or previous phase."""
        tabs = self.query_one(TabbedContent)
        order = [phase.value for phase in AVAILABLE_PHASES]
        index = order.index(tabs.active) if tabs.active in order else 0
        tabs.active = order[max(0, min(len(order) - 1, index + delta))]

    def action_show_phase(self, phase: str) -> None:
        """Go to one phase."""
        self.query_one("#phases", TabbedContent).active = phase

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
