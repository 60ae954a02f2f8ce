"""The session's phases on one line, the current one lit: where the room is in the session.

A plain line of text rather than Textual's ``TabbedContent`` tabs: the phases are chosen with
``ctrl+pageup``/``ctrl+pagedown``, F2…F7 or a click, so the bar needs no focus, and one line
costs the projector one row instead of two. Building the tabs' widgets was also about a tenth of
the time to open a large session.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from wijksessie.domain.model import Phase


class PhaseBar(Widget):
    """Numbered phases; the current one highlighted. A click posts ``Chosen``."""

    COMPONENT_CLASSES = {"phase-bar--phase", "phase-bar--current"}

    current: reactive[Phase] = reactive(Phase.SESSION)
    """The phase on screen."""

    class Chosen(Message):
        """The user clicked a phase."""

        def __init__(self, phase: Phase) -> None:
            super().__init__()
            self.phase = phase

    def __init__(self, phases: Sequence[Phase], current: Phase, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.phases = tuple(phases)
        self.set_reactive(PhaseBar.current, current)

    def labels(self, width: int) -> list[str]:
        """Each phase's text: number and name when all fit in ``width``, else only the current
        phase keeps its name and the others show their number."""
        full = [f" {number} {phase.label} " for number, phase in enumerate(self.phases, start=1)]
        if sum(len(label) + 1 for label in full) <= width:
            return full
        return [
            label if phase is self.current else f" {number} "
            for number, (phase, label) in enumerate(zip(self.phases, full, strict=True), start=1)
        ]

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        plain = self.get_component_rich_style("phase-bar--phase", partial=True)
        lit = self.get_component_rich_style("phase-bar--current", partial=True)
        for phase, label in zip(self.phases, self.labels(self.size.width), strict=True):
            style = lit if phase is self.current else plain
            text.append(label, style + Style(meta={"phase": phase.value}))
            text.append(" ")
        return text

    def on_click(self, event: events.Click) -> None:
        value = event.style.meta.get("phase")
        if value is not None:
            self.post_message(self.Chosen(Phase(value)))
