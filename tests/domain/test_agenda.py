"""The agenda clock, driven by a fake clock: no test sleeps."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from wijksessie.domain.agenda import AgendaClock, ClockState, format_seconds
from wijksessie.domain.model import AgendaItem, Phase, default_agenda

GOALS_PLANNED = 25 * 60  # the default minutes of Phase.GOALS, in seconds


class FakeClock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _run(steps: list[tuple[Any, ...]], agenda: list[AgendaItem] | None = None) -> AgendaClock:
    """Play steps such as ``("start", Phase.GOALS)``, ``("tick", 60)`` or ``("pause",)``."""
    fake = FakeClock()
    clock = AgendaClock(agenda if agenda is not None else default_agenda(), fake)
    for action, *args in steps:
        if action == "tick":
            fake.advance(*args)
        else:
            getattr(clock, action)(*args)
    return clock


START = ("start", Phase.GOALS)

COUNTDOWN_CASES = [
    ("just started", [START], GOALS_PLANNED, ClockState.NORMAL, "25:00"),
    ("ten minutes in", [START, ("tick", 600)], 900, ClockState.NORMAL, "15:00"),
    (
        "a fraction of a second counts once whole",
        [START, ("tick", 0.9)],
        1500,
        ClockState.NORMAL,
        "25:00",
    ),
    ("121 s left is still calm", [START, ("tick", 1379)], 121, ClockState.NORMAL, "02:01"),
    ("two minutes left warns", [START, ("tick", 1380)], 120, ClockState.WARNING, "02:00"),
    ("at zero it warns, not over", [START, ("tick", 1500)], 0, ClockState.WARNING, "00:00"),
    ("one second over", [START, ("tick", 1501)], -1, ClockState.OVER, "-00:01"),
    ("long over", [START, ("tick", 1500 + 65 * 60 + 5)], -3905, ClockState.OVER, "-65:05"),
    (
        "a pause stops the count",
        [START, ("tick", 60), ("pause",), ("tick", 900)],
        1440,
        ClockState.NORMAL,
        "24:00",
    ),
    (
        "resume counts on",
        [START, ("tick", 60), ("pause",), ("tick", 900), ("resume",), ("tick", 60)],
        1380,
        ClockState.NORMAL,
        "23:00",
    ),
    (
        "pause twice books once",
        [START, ("tick", 60), ("pause",), ("pause",)],
        1440,
        ClockState.NORMAL,
        "24:00",
    ),
    (
        "resume while running changes nothing",
        [START, ("tick", 60), ("resume",), ("tick", 60)],
        1380,
        ClockState.NORMAL,
        "23:00",
    ),
    (
        "toggle pauses",
        [START, ("tick", 30), ("toggle",), ("tick", 600)],
        1470,
        ClockState.NORMAL,
        "24:30",
    ),
    (
        "back to a phase adds to its time",
        [
            START,
            ("tick", 600),
            ("switch", Phase.AGREEMENTS),
            ("tick", 60),
            ("switch", Phase.GOALS),
            ("tick", 300),
        ],
        600,
        ClockState.NORMAL,
        "10:00",
    ),
    (
        "a switch while paused stays paused",
        [START, ("tick", 10), ("pause",), ("switch", Phase.SUMMARY), ("tick", 900)],
        600,
        ClockState.NORMAL,
        "10:00",
    ),
    (
        "start on a new phase from a pause runs",
        [START, ("pause",), ("start", Phase.SUMMARY), ("tick", 500)],
        100,
        ClockState.WARNING,
        "01:40",
    ),
]


@pytest.mark.parametrize(
    ("steps", "remaining", "state", "shown"),
    [case[1:] for case in COUNTDOWN_CASES],
    ids=[case[0] for case in COUNTDOWN_CASES],
)
def test_countdown(
    steps: list[tuple[Any, ...]], remaining: int, state: ClockState, shown: str
) -> None:
    clock = _run(steps)
    assert clock.remaining() == remaining
    assert clock.state() == state
    assert clock.display() == shown


SPENT_CASES = [
    ("nothing before start", [], {}),
    ("the running phase", [START, ("tick", 90)], {Phase.GOALS: 90}),
    (
        "a switch books the previous phase",
        [START, ("tick", 90), ("switch", Phase.AGREEMENTS), ("tick", 30)],
        {Phase.GOALS: 90, Phase.AGREEMENTS: 30},
    ),
    (
        "start from another phase is a switch",
        [START, ("tick", 90), ("start", Phase.NETWORK), ("tick", 45)],
        {Phase.GOALS: 90, Phase.NETWORK: 45},
    ),
    (
        "paused time is nobody's",
        [START, ("tick", 90), ("pause",), ("tick", 999), ("switch", Phase.AGREEMENTS), ("tick", 5)],
        {Phase.GOALS: 90},
    ),
    (
        "fractions add up before they are cut",
        [START, ("tick", 0.6), ("switch", Phase.NETWORK), ("switch", Phase.GOALS), ("tick", 0.6)],
        {Phase.GOALS: 1},
    ),
]


@pytest.mark.parametrize(
    ("steps", "expected"),
    [case[1:] for case in SPENT_CASES],
    ids=[case[0] for case in SPENT_CASES],
)
def test_time_spent_per_phase(steps: list[tuple[Any, ...]], expected: dict[Phase, int]) -> None:
    clock = _run(steps)
    assert {item.phase: item.spent_seconds for item in clock.agenda() if item.spent_seconds} == (
        expected
    )


def test_time_from_the_file_counts_too() -> None:
    agenda = default_agenda()
    agenda[0] = AgendaItem(Phase.SESSION, 15, spent_seconds=842)
    clock = _run([("start", Phase.SESSION), ("tick", 58)], agenda)
    assert clock.spent() == 900
    assert clock.remaining() == 0
    assert clock.display() == "00:00"
    assert clock.agenda()[0] == AgendaItem(Phase.SESSION, 15, spent_seconds=900)


def test_before_start_the_header_shows_dashes() -> None:
    clock = _run([("resume",), ("pause",), ("tick", 60)])
    assert (clock.phase, clock.running) == (None, False)
    assert clock.display() == "--:--"
    assert clock.state() == ClockState.NORMAL
    assert clock.remaining() == 0
    assert clock.spent() == 0


def test_reading_the_agenda_changes_nothing_and_repeats() -> None:
    given = default_agenda()
    original = [replace(item) for item in given]
    fake = FakeClock()
    clock = AgendaClock(given, fake)
    clock.start(Phase.NETWORK)
    fake.advance(30.4)
    first = clock.agenda()
    assert clock.agenda() == first
    assert given == original, "the session's own list is not touched"
    assert [item.phase for item in first] == list(Phase)
    assert [item.planned_minutes for item in first] == [item.planned_minutes for item in given]
    assert first[1].spent_seconds == 30
    first[1].spent_seconds = 0
    assert clock.spent(Phase.NETWORK) == 30, "the returned list is the caller's to change"


def test_the_running_phase_and_state_are_exposed() -> None:
    clock = _run([START])
    assert (clock.phase, clock.running) == (Phase.GOALS, True)
    clock.pause()
    assert clock.running is False


def test_replan_takes_new_minutes_and_keeps_time() -> None:
    clock = _run([START, ("tick", 600)])
    agenda = default_agenda()
    agenda[2] = AgendaItem(Phase.GOALS, 12)
    clock.replan(agenda)
    assert clock.remaining() == 120
    assert clock.state() == ClockState.WARNING
    assert clock.agenda()[2] == AgendaItem(Phase.GOALS, 12, spent_seconds=600)


def test_a_phase_missing_from_an_old_agenda_gets_its_default() -> None:
    clock = _run([START, ("tick", 60)], agenda=[AgendaItem(Phase.SESSION, 5)])
    assert clock.remaining() == GOALS_PLANNED - 60
    assert [item.phase for item in clock.agenda()] == [Phase.SESSION, Phase.GOALS]


def test_a_clock_that_steps_back_never_makes_time_negative() -> None:
    fake = FakeClock()
    clock = AgendaClock(default_agenda(), fake)
    clock.start(Phase.GOALS)
    fake.advance(-5)
    assert clock.spent() == 0
    clock.pause()
    assert clock.spent() == 0


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "00:00"), (59, "00:59"), (60, "01:00"), (6000, "100:00"), (-1, "-00:01"), (-61, "-01:01")],
)
def test_format_seconds(seconds: int, shown: str) -> None:
    assert format_seconds(seconds) == shown
