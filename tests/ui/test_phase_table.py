"""The phase table: every phase has a widget, its own key, and no key taken from someone else."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.widget import Widget

from wijksessie.domain.model import Phase
from wijksessie.ui.app import WijksessieApp
from wijksessie.ui.screens.phase_table import PHASES, PhaseEntry
from wijksessie.ui.screens.session import SessionScreen


def _keys(bindings: list[Binding | tuple[str, ...]]) -> dict[str, str]:
    """Each key of ``bindings`` with its action (a binding may list several keys)."""
    found: dict[str, str] = {}
    for binding in bindings:
        assert isinstance(binding, Binding)
        for key in binding.key.split(","):
            found[key.strip()] = binding.action
    return found


def colliding_keys(phases: tuple[PhaseEntry, ...]) -> list[str]:
    """The phase keys that the app, the session screen (besides the jumps) or another phase bind."""
    app_keys = _keys(WijksessieApp.BINDINGS)
    jumps = {f"show_phase('{entry.phase.value}')" for entry in PHASES}
    screen_keys = {
        key: action for key, action in _keys(SessionScreen.BINDINGS).items() if action not in jumps
    }
    phase_keys = [entry.key for entry in phases]
    return [
        key
        for key in phase_keys
        if key in app_keys or key in screen_keys or phase_keys.count(key) > 1
    ]


def test_every_phase_is_in_the_table_once_in_order() -> None:
    assert [entry.phase for entry in PHASES] == list(Phase)


def test_no_phase_key_is_bound_elsewhere() -> None:
    assert colliding_keys(PHASES) == []


def test_a_phase_on_the_projector_key_is_caught() -> None:
    """The check can fail: a seventh phase counted on from F2 would get F8, the projector key."""
    seventh = PhaseEntry(Phase.SUMMARY, PHASES[-1].widget, "f8")
    assert colliding_keys((*PHASES, seventh)) == ["f8"]
    twice = PhaseEntry(Phase.SUMMARY, PHASES[-1].widget, "f2")
    assert colliding_keys((*PHASES, twice)) == ["f2", "f2"]


def test_the_screen_binds_each_phase_key_to_its_phase() -> None:
    keys = _keys(SessionScreen.BINDINGS)
    for entry in PHASES:
        assert keys[entry.key] == f"show_phase('{entry.phase.value}')"


@pytest.mark.parametrize("entry", PHASES, ids=lambda entry: entry.phase.value)
def test_each_factory_gives_a_widget_class(entry: PhaseEntry) -> None:
    widget = entry.widget()
    assert isinstance(widget, type) and issubclass(widget, Widget)
