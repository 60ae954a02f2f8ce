"""Pick lists filter as you type (issue 15, point 13): a coalition in a few letters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.conftest import AppFactory, table_docs, type_at_once, wait_until
from wijksessie.store import SessionStore
from wijksessie.ui.widgets.form_dialog import FormDialog
from wijksessie.ui.widgets.pick_list import PickList


async def _goal_coalition(pilot: Any, title: str) -> PickList:
    """A new goal's form, ``title`` typed, the focus on its coalition (each key settled)."""
    app = pilot.app
    await pilot.press("f4", "a")
    await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
    await pilot.press(*title, "tab", "tab", "tab")
    coalition = app.screen.query_one("#field-coalition", PickList)
    assert app.focused is coalition
    return coalition


def _org_ids(path: Path) -> dict[str, str]:
    return {doc["name"]: doc["id"] for doc in table_docs(path, "organisations")}


async def test_typing_narrows_the_coalition_and_keeps_what_was_ticked(
    make_app: AppFactory, demo_file: Path
) -> None:
    orgs = _org_ids(demo_file)
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        coalition = await _goal_coalition(pilot, "Samen sterker")
        total = coalition.option_count
        await pilot.press(*"WELZ")  # case does not matter
        assert coalition.option_count == 1
        assert "1 van" in str(app.screen.query_one("#filter-coalition").render())
        await pilot.press("space")
        await pilot.press("escape")  # clears the filter, does not cancel the form
        assert isinstance(app.screen, FormDialog) and coalition.option_count == total
        await pilot.press(*"kruidenbuurx", "backspace")
        assert coalition.query == "kruidenbuur"
        await pilot.press("t", "space")  # a space ticks, it does not type
        assert coalition.query == "kruidenbuurt"
        assert set(coalition.chosen) == {orgs["Welzijn Waterveen"], orgs["Kruidenbuurt Samen"]}
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, FormDialog))
    goal = next(g for g in table_docs(demo_file, "goals") if g["text"] == "Samen sterker")
    assert set(goal["coalition"]) == {orgs["Welzijn Waterveen"], orgs["Kruidenbuurt Samen"]}


async def test_accents_do_not_matter_and_fast_keys_are_not_held(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.press("tab", "tab")
        questions = app.screen.query_one("#field-question_ids", PickList)
        assert app.focused is questions
        type_at_once(app, *"xyz")  # nothing matches: the list says so
        await wait_until(pilot, lambda: questions.query == "xyz")
        assert questions.option_count == 0
        assert "niets gevonden" in str(app.screen.query_one("#filter-question_ids").render())
        type_at_once(app, "escape", *"huiswérk", "space")
        await wait_until(pilot, lambda: bool(questions.chosen))
        assert questions.option_count == 1 and not app.holding_keys


async def test_a_burst_that_empties_the_list_leaves_the_form_working(
    make_app: AppFactory, demo_file: Path
) -> None:
    """ "wx" at once: "w" highlighted the first option, "x" took every option away before the
    list handled that highlight, and handling it raised (the form and the app stopped)."""
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        coalition = await _goal_coalition(pilot, "Doel C")
        total = coalition.option_count
        type_at_once(app, *"wx")
        await wait_until(pilot, lambda: coalition.query == "wx")
        await pilot.pause()
        assert coalition.option_count == 0
        # The tick and the save in the same burst: the save reads the tick (it read the list
        # before the list's own message about the space had ticked it).
        type_at_once(app, "backspace", "backspace", *"welz", "space", "ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, FormDialog))
        assert coalition.option_count == 1 < total
    goal = next(g for g in table_docs(demo_file, "goals") if g["text"] == "Doel C")
    assert goal["coalition"] == [_org_ids(demo_file)["Welzijn Waterveen"]]
