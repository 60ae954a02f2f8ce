"""The session's phases in one table: which widget shows each, which key jumps to it, its label.

Adding a phase is one factory and one row here. Each factory imports its widget when the phase is
first shown, so opening a session waits only for phase 1 (and the analysis, summary or import
code behind the others loads later), yet the imports are plain ``import`` statements that type
checkers and import-linter see. The keys are written down, not counted: a seventh phase counted
from F2 would get F8, the app's projector key (``tests/ui/test_phase_table.py`` checks that no
phase key is bound elsewhere).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from wijksessie.domain.model import Phase
from wijksessie.domain.record import record

if TYPE_CHECKING:
    from textual.widget import Widget

    from wijksessie.store import SessionStore

PhaseWidget = Callable[..., "Widget"]
"""A phase's widget class: called with the store and an ``id``."""


def _session() -> PhaseWidget:
    from wijksessie.ui.phases.session_phase import SessionPhase

    return SessionPhase


def _network() -> PhaseWidget:
    from wijksessie.ui.phases.network.phase import NetworkPhase

    return NetworkPhase


def _goals() -> PhaseWidget:
    from wijksessie.ui.phases.goals.pane import GoalsPane

    return GoalsPane


def _agreements() -> PhaseWidget:
    from wijksessie.ui.phases.agreements.pane import AgreementsPane

    return AgreementsPane


def _commitments() -> PhaseWidget:
    from wijksessie.ui.phases.commitments.phase import CommitmentsPhase

    return CommitmentsPhase


def _summary() -> PhaseWidget:
    from wijksessie.ui.phases.summary_phase import SummaryPhase

    return SummaryPhase


@record
class PhaseEntry:
    """One phase of the session screen."""

    phase: Phase
    widget: Callable[[], PhaseWidget]
    """Imports and returns the widget class that shows the phase."""
    key: str
    """The key that jumps to the phase (Textual's key name)."""

    @property
    def label(self) -> str:
        """The phase's name as the room reads it (translated when shown)."""
        return self.phase.label

    @property
    def key_display(self) -> str:
        """The key as the palette and the help show it."""
        return self.key.upper()

    def build(self, store: SessionStore) -> Widget:
        """The phase's widget on ``store``."""
        return self.widget()(store, id=f"phase-{self.phase.value}")


PHASES: tuple[PhaseEntry, ...] = (
    PhaseEntry(Phase.SESSION, _session, "f2"),
    PhaseEntry(Phase.NETWORK, _network, "f3"),
    PhaseEntry(Phase.GOALS, _goals, "f4"),
    PhaseEntry(Phase.AGREEMENTS, _agreements, "f5"),
    PhaseEntry(Phase.COMMITMENTS, _commitments, "f6"),
    PhaseEntry(Phase.SUMMARY, _summary, "f7"),
)
"""The phases the stepper shows, in order."""

PHASE_ENTRIES: dict[Phase, PhaseEntry] = {entry.phase: entry for entry in PHASES}
AVAILABLE_PHASES: tuple[Phase, ...] = tuple(entry.phase for entry in PHASES)
