"""Blind voting (issue 15.17): ``b`` in the voting round hides bars and totals on the wall until
the round closes, then shows them at once. The round is kept in the session file, so a round
left open is still open, and still blind, when the session opens again.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.widgets import DataTable, Static

from tests.ui.conftest import AppFactory, read_json, table_docs, wait_until
from wijksessie.store import SessionStore
from wijksessie.store.wall_position import WallPosition, write_wall_position
from wijksessie.ui.app import WijksessieApp
from wijksessie.ui.phases.goals.voting import VotingScreen
from wijksessie.ui.screens.session import SessionScreen
from wijksessie.ui.screens.wall import WallScreen


def _stored_round(path: Path) -> object:
    return read_json(path)["session"]["1"].get("vote_round")


def _text(app: WijksessieApp, selector: str) -> str:
    """What a Static shows, as plain text (a Rich table included)."""
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()


def _goal_rows(app: WijksessieApp) -> list[str]:
    table = app.screen.query_one("#phase-doelen DataTable", DataTable)
    return [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


async def test_a_blind_round_hides_the_standings_until_it_closes(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f4", "s")
        assert isinstance(app.screen, VotingScreen)
        await pilot.press("b")
        assert _stored_round(room_file) == {"blind": True, "budget": 3}
        await pilot.press("2", "2", "2")  # Anna: all three on the second goal
        shown = _text(app, "#voting-goals")
        assert "verborgen" in shown and "3" not in shown.replace("●", "")
        assert "blind" in _text(app, "#voting-title")
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen)
        assert _stored_round(room_file) is None  # closed: the results show at once
        rows = _goal_rows(app)
        assert rows[0].startswith("1 Geldzorgen vroeg zien")  # re-sorted by votes
        assert "blind" not in " ".join(rows)


async def test_a_blind_round_left_open_is_still_blind_after_reopening(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f4", "s", "b", "2", "2", "2")
        await pilot.press("ctrl+q")  # the laptop closes mid-round
    assert _stored_round(room_file) == {"blind": True, "budget": 3}
    votes = {g["text"]: g["votes"] for g in table_docs(room_file, "goals")}
    assert votes["Geldzorgen vroeg zien"] == {"0" * 32: 3}

    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f4")
        rows = _goal_rows(app)
        assert rows[0].startswith("– Niemand eenzaam")  # stored order, no rank, no bar
        assert all("blind" in row for row in rows)
        await pilot.press("s")
        assert isinstance(app.screen, VotingScreen) and app.screen.round.blind
        await pilot.press("b")  # not blind after all: the standings show
        assert "verborgen" not in _text(app, "#voting-goals")
        await pilot.press("escape")
        assert _goal_rows(app)[0].startswith("1 Geldzorgen vroeg zien")


async def test_the_wall_hides_a_blind_round_and_reveals_it_when_it_closes(
    sessions: Path, room_file: Path
) -> None:
    editor = make = WijksessieApp(sessions, SessionStore.open(room_file))
    write_wall_position(room_file, WallPosition("doelen"))
    wall = WijksessieApp(sessions, SessionStore.open(room_file, read_only=True), follow=True)
    async with make.run_test(size=(120, 35)) as desk, wall.run_test(size=(160, 45)) as beamer:
        await wait_until(beamer, lambda: isinstance(wall.screen, WallScreen))
        await desk.press("f4", "s", "b", "2", "2", "2")
        await wait_until(beamer, lambda: any("blind" in r for r in _goal_rows(wall)))
        assert not any("3" in r for r in _goal_rows(wall))
        await desk.press("escape")
        await wait_until(beamer, lambda: _goal_rows(wall)[0].startswith("1 Geldzorgen"))
        await desk.press("ctrl+q")
        await beamer.press("q")
    assert editor.return_code in (None, 0)
