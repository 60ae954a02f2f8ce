"""A fast typist's half-typed organisation never becomes a new organisation by accident.

Tried in tmux: "Welzijn" typed in the participant form's Organisatie, the suggestion "Welzijn
Waterveen" shown beside it, and ctrl+s saved a new organisation called "Welzijn" next to the
real one. A new name that begins an existing organisation's name now asks first, in the form;
saving the same name again means "yes, a new one".
"""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import AppFactory, table_docs, wait_until
from wijksessie.store import SessionStore
from wijksessie.ui.widgets.form_dialog import FormDialog


def _organisations(path: Path) -> list[str]:
    return [doc["name"] for doc in table_docs(path, "organisations")]


def _people(path: Path) -> list[str]:
    return [doc["name"] for doc in table_docs(path, "participants")]


async def test_the_start_of_a_known_name_asks_before_it_makes_a_new_organisation(
    make_app: AppFactory, demo_file: Path
) -> None:
    before = _organisations(demo_file)
    assert "Welzijn Waterveen" in before and "Welzijn" not in before
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "a", *"Fatima Test", "tab", *"Welzijn", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert _organisations(demo_file) == before
        assert "Fatima Test" not in _people(demo_file)
        shown = " ".join(str(label.render()) for label in app.screen.query("Label"))
        assert "Welzijn Waterveen" in shown
        await pilot.press("ctrl+s")  # the same name again: yes, a new organisation
        await wait_until(pilot, lambda: "Fatima Test" in _people(demo_file))
        assert _organisations(demo_file) == [*before, "Welzijn"]


async def test_the_suggestion_taken_with_right_arrow_saves_the_known_organisation(
    make_app: AppFactory, demo_file: Path
) -> None:
    before = _organisations(demo_file)
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "a", *"Fatima Test", "tab", *"Welzijn", "right", "ctrl+s")
        await wait_until(pilot, lambda: "Fatima Test" in _people(demo_file))
        assert _organisations(demo_file) == before
