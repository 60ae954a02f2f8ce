"""The session screen: header, a stepper of the phases, and the current phase below it."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, TabbedContent, TabPane, TextArea

from wijksessie.domain.model import ParkingItem, Phase
from wijksessie.errors import WijksessieError
from wijksessie.store import SessionStore
from wijksessie.ui.phases.agreements.pane import AgreementsPane
from wijksessie.ui.phases.commitments.phase import CommitmentsPhase
from wijksessie.ui.phases.goals.pane import GoalsPane
from wijksessie.ui.phases.network.phase import NetworkPhase
from wijksessie.ui.phases.session_phase import SessionPhase
from wijksessie.ui.phases.summary_phase import SummaryPhase
from wijksessie.ui.widgets.form_dialog import FormDialog, FormField, Values
from wijksessie.ui.widgets.session_header import SessionHeader

PHASE_WIDGETS: dict[Phase, Callable[..., Widget]] = {
    Phase.SESSION: SessionPhase,
    Phase.NETWORK: NetworkPhase,
    Phase.GOALS: GoalsPane,
    Phase.AGREEMENTS: AgreementsPane,
    Phase.COMMITMENTS: CommitmentsPhase,
    Phase.SUMMARY: SummaryPhase,
}
"""The phases that work today, each with the widget that shows it; the stepper shows these."""

AVAILABLE_PHASES: tuple[Phase, ...] = tuple(PHASE_WIDGETS)


class SessionScreen(Screen[None]):
    """One open session, phase by phase."""

    BINDINGS = [
        Binding("ctrl+pagedown", "step(1)", "Volgende fase", id="session.next", priority=True),
        Binding("ctrl+pageup", "step(-1)", "Vorige fase", id="session.previous", priority=True),
        Binding("ctrl+t", "park", "Parkeren", id="session.park", priority=True),
        Binding("escape", "close", "Naar overzicht", id="session.close"),
        *(
            Binding(f"f{number + 1}", f"show_phase('{phase.value}')", phase.label, show=False)
            for number, phase in enumerate(AVAILABLE_PHASES, start=1)
        ),
    ]

    def __init__(self, store: SessionStore, *, review: bool = False) -> None:
        super().__init__()
        self.store = store
        self.review = review
        """Open on the commitments with the review round of a fresh follow-up session."""

    def compose(self) -> ComposeResult:
        yield SessionHeader(id="session-header")
        initial = Phase.COMMITMENTS.value if self.review else ""
        with TabbedContent(id="phases", initial=initial):
            for number, phase in enumerate(AVAILABLE_PHASES, start=1):
                with TabPane(f"{number} {phase.label}", id=phase.value):
                    yield PHASE_WIDGETS[phase](self.store, id=f"phase-{phase.value}")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_header()
        if self.review:
            self.call_after_refresh(self._start_review)

    def _start_review(self) -> None:
        self.query_one(CommitmentsPhase).query_one("CommitmentsPane").action_review()

    def refresh_header(self) -> None:
        """Show the session's current title, wijk and date."""
        header = self.query_one(SessionHeader)
        header.show(self.store.session, self.store.read_only)

    def phase_widgets(self) -> list[Widget]:
        """The widget of every phase, in order."""
        return [self.query_one(f"#phase-{phase.value}") for phase in AVAILABLE_PHASES]

    @on(TabbedContent.TabActivated, "#phases")
    def _phase_shown(self, event: TabbedContent.TabActivated) -> None:
        """Bring the phase now on the wall up to date and put the keyboard in it."""
        for widget in event.pane.children:
            widget.reload()  # type: ignore[attr-defined]
            widget.focus_default()  # type: ignore[attr-defined]

    @on(SessionPhase.Saved)
    def _session_saved(self) -> None:
        self.refresh_header()

    def action_step(self, delta: int) -> None:
        """Go to the next or previous phase."""
        tabs = self.query_one("#phases", TabbedContent)
        order = [phase.value for phase in AVAILABLE_PHASES]
        index = order.index(tabs.active) if tabs.active in order else 0
        tabs.active = order[max(0, min(len(order) - 1, index + delta))]

    def action_show_phase(self, phase: str) -> None:
        """Go to one phase."""
        self.query_one("#phases", TabbedContent).active = phase

    def action_park(self) -> None:
        """Put an idea on the parking lot without leaving the phase."""
        if self.store.read_only:
            self.notify("Alleen-lezen: parkeren kan hier niet.", severity="warning")
            return

        def save(values: Values) -> dict[str, str]:
            try:
                self.store.add(ParkingItem(values["text"].strip()))
            except WijksessieError as error:
                return getattr(error, "problems", None) or {"text": str(error)}
            self.notify("Geparkeerd.", timeout=2)
            return {}

        field = FormField("text", "Idee voor later", placeholder="wat komt nu niet aan bod?")
        self.app.push_screen(FormDialog("Parkeerplaats", [field], {"text": ""}, save))

    def action_close(self) -> None:
        """Leave a text field first; from anywhere else, save and go back to the start screen."""
        if isinstance(self.focused, Input | TextArea):
            for widget in self.query_one("#phases", TabbedContent).active_pane.children:
                widget.focus_default()  # type: ignore[attr-defined,union-attr]
            if not isinstance(self.focused, Input | TextArea):
                return
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
