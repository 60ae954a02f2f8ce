"""The agenda clock: how long the room has left for the current phase, and where time went.

The facilitator's header shows a countdown the back row can read; it changes colour at two
minutes left and when the phase runs over. The clock takes its time from an injected function
(monotonic seconds), so tests drive it with a fake clock instead of sleeping, and it never
touches storage: ``agenda()`` hands back the items to save, and saving the same items twice
changes nothing.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from enum import StrEnum

from wijksessie.domain.model import DEFAULT_MINUTES, AgendaItem, Phase

Clock = Callable[[], float]
"""Seconds from a monotonic source; only differences between two readings matter."""

WARNING_SECONDS = 120
"""From this many seconds left, the countdown warns."""


class ClockState(StrEnum):
    """How the current phase stands against its plan; the values double as CSS classes."""

    NORMAL = "normal"
    WARNING = "warning"
    OVER = "over"


def format_seconds(seconds: int) -> str:
    """Seconds left as "mm:ss", or "-mm:ss" once past the plan (minutes may exceed 99)."""
    sign = "-" if seconds < 0 else ""
    minutes, rest = divmod(abs(seconds), 60)
    return f"{sign}{minutes:02d}:{rest:02d}"


class AgendaClock:
    """Times the phase the room is in, on top of the time already spent per phase.

    Running time is booked on the phase when the clock pauses or switches phase; until then
    every reading includes it, so the header and ``agenda()`` are always up to date.
    """

    def __init__(
        self,
        agenda: Iterable[AgendaItem],
        clock: Clock = time.monotonic,
        *,
        warning_seconds: int = WARNING_SECONDS,
    ) -> None:
        self._clock = clock
        self._warning_seconds = warning_seconds
        self._items: list[AgendaItem] = [replace(item) for item in agenda]
        self._spent: dict[Phase, float] = {item.phase: item.spent_seconds for item in self._items}
        self._stored: set[Phase] = {item.phase for item in self._items}
        """The phases the session's own agenda has; ``agenda()`` adds another only once time
        was spent on it, so that opening a session with a short agenda changes nothing."""
        self._phase: Phase | None = None
        self._since: float | None = None

    # -- what the header reads ---------------------------------------------------------

    @property
    def phase(self) -> Phase | None:
        """The phase being timed, or ``None`` before the first ``start``."""
        return self._phase

    @property
    def running(self) -> bool:
        """True while time counts; False before ``start`` and while paused."""
        return self._since is not None

    def spent(self, phase: Phase | None = None) -> int:
        """Whole seconds spent on ``phase`` (default: the current one), running time included."""
        phase = self._phase if phase is None else phase
        if phase is None:
            return 0
        total = self._spent.get(phase, 0.0)
        if phase == self._phase:
            total += self._running_seconds()
        return math.floor(total)

    def remaining(self, phase: Phase | None = None) -> int:
        """Planned seconds minus spent seconds; negative once the phase runs over."""
        phase = self._phase if phase is None else phase
        if phase is None:
            return 0
        return self._item(phase).planned_minutes * 60 - self.spent(phase)

    def state(self) -> ClockState:
        """``WARNING`` from two minutes left, ``OVER`` once past the planned time."""
        if self._phase is None:
            return ClockState.NORMAL
        left = self.remaining()
        if left < 0:
            return ClockState.OVER
        if left <= self._warning_seconds:
            return ClockState.WARNING
        return ClockState.NORMAL

    def display(self) -> str:
        """The countdown for the header: "mm:ss", "-mm:ss" when over, "--:--" before start."""
        if self._phase is None:
            return "--:--"
        return format_seconds(self.remaining())

    def agenda(self) -> list[AgendaItem]:
        """The agenda with the time spent so far, for ``store.save_session``.

        Reading it changes nothing, so the app can save it every half minute; two readings in
        the same second are equal, and the store writes nothing for an equal agenda.
        """
        return [
            replace(item, spent_seconds=spent)
            for item in self._items
            if (spent := self.spent(item.phase)) or item.phase in self._stored
        ]

    # -- what the facilitator does -----------------------------------------------------

    def start(self, phase: Phase) -> None:
        """Time ``phase`` from now, booking any running time on the phase before it."""
        self.switch(phase)
        if self._since is None:
            self._since = self._clock()

    def switch(self, phase: Phase) -> None:
        """Move to ``phase``: the previous phase keeps its time; a paused clock stays paused."""
        self._book()
        self._item(phase)
        self._phase = phase

    def pause(self) -> None:
        """Stop counting (a break); the time so far stays on the current phase."""
        self._book()
        self._since = None

    def resume(self) -> None:
        """Count again on the current phase after a pause; nothing happens before ``start``."""
        if self._phase is not None and self._since is None:
            self._since = self._clock()

    def toggle(self) -> None:
        """Pause when running, resume when paused: what the pause key does."""
        if self.running:
            self.pause()
        else:
            self.resume()

    def replan(self, agenda: Iterable[AgendaItem]) -> None:
        """Take new planned minutes (edited in phase 1, or undone); the time spent stays."""
        planned = {item.phase: item.planned_minutes for item in agenda}
        self._stored |= planned.keys()
        self._items = [
            replace(item, planned_minutes=planned.get(item.phase, item.planned_minutes))
            for item in self._items
        ]
        known = {item.phase for item in self._items}
        for phase, minutes in planned.items():
            if phase not in known:
                self._items.append(AgendaItem(phase, minutes))
        self._items.sort(key=_phase_order)

    # -- internals ---------------------------------------------------------------------

    def _item(self, phase: Phase) -> AgendaItem:
        """The agenda item of ``phase``; a phase missing from an old file gets its default."""
        for item in self._items:
            if item.phase == phase:
                return item
        item = AgendaItem(phase, DEFAULT_MINUTES[phase])
        self._items.append(item)
        self._items.sort(key=_phase_order)
        return item

    def _running_seconds(self) -> float:
        if self._since is None:
            return 0.0
        return max(0.0, self._clock() - self._since)

    def _book(self) -> None:
        """Add the running time to the current phase and restart the count from now."""
        if self._phase is None or self._since is None:
            return
        now = self._clock()
        self._spent[self._phase] = self._spent.get(self._phase, 0.0) + max(0.0, now - self._since)
        self._since = now


def _phase_order(item: AgendaItem) -> int:
    return list(Phase).index(item.phase)
