"""The network over time, reached from the start screen with real keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tests.cli.test_network_cli import contents, save
from tests.domain.over_time_sessions import RESIDENT_NAMES, four_sessions
from tests.ui.conftest import AppFactory
from wijksessie.ui.screens.network_over_time import MatchDialog, NetworkOverTimeScreen, bar
from wijksessie.ui.screens.start import StartScreen


def sessions_only(folder: Path) -> dict[str, bytes]:
    """The session files (the start screen keeps its own index beside them)."""
    found = contents(folder).items()
    return {name: data for name, data in found if name.endswith(".json") and name[0] != "."}


@pytest.fixture
def four(sessions: Path) -> Path:
    for name, network in four_sessions().items():
        save(sessions / name, network)
    (sessions / "kapot.json").write_text("{", "utf-8")
    return sessions


async def show(pilot) -> NetworkOverTimeScreen:
    await pilot.press("t")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, NetworkOverTimeScreen)
    return screen


async def test_t_shows_every_indicator_per_session_and_esc_goes_back(
    make_app: AppFactory, four: Path
) -> None:
    before = sessions_only(four)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await show(pilot)
        table = screen.query_one("#indicators", DataTable)
        assert table.row_count == 30
        assert [str(c.label) for c in table.columns.values()][1:] == [
            "#1 10-01-2026",
            "#2 01-03-2026",
            "#3 15-04-2026",
            "#4 01-06-2026",
        ]
        first = [str(cell).split()[0] for cell in table.get_row_at(0)[1:]]
        assert first == ["4", "4", "4", "4"]
        shares = [str(cell).split()[0] for cell in table.get_row_at(5)[1:]]
        assert shares == ["20%", "33%", "33%", "43%"]
        notes = str(screen.query_one("#network-notes", Static).render())
        assert "kapot.json" in notes
        shown = "\n".join(
            str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)
        )
        assert not any(name in shown + notes for name in RESIDENT_NAMES)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
    assert sessions_only(four) == before


async def test_a_bad_decisions_file_is_said_on_the_screen(make_app: AppFactory, four: Path) -> None:
    (four / ".wijksessie-koppelingen.json").write_text("[]", "utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await show(pilot)
        status = str(screen.query_one("#network-status", Static).render())
        assert "Het overzicht lukte niet" in status
        assert "koppelingenbestand" in status


@pytest.mark.parametrize(
    ("value", "top", "expected"),
    [(0, 5, "      "), (5, 5, "██████"), (1, 8, "▊     "), (3, 6, "███   "), (2, 0, "      ")],
)
def test_bar(value: float, top: float, expected: str) -> None:
    assert bar(value, top) == expected


def test_snapshot(snap_compare, make_app: AppFactory, four: Path) -> None:
    async def open_it(pilot) -> None:
        await show(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=open_it)


async def test_k_confirms_a_match_into_the_decisions_file_and_counts_again(
    make_app: AppFactory, four: Path
) -> None:
    before = sessions_only(four)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await show(pilot)
        assert "6 organisaties" in str(screen.query_one("#network-status", Static).render())
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, MatchDialog)
        assert app.screen.candidate.first == "Gemeente Waterfeen"
        await pilot.press("j")
        await pilot.pause()
        assert app.screen.candidate.second == "Bea Janssen"
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NetworkOverTimeScreen)
        assert "5 organisaties" in str(screen.query_one("#network-status", Static).render())
    saved = json.loads((four / ".wijksessie-koppelingen.json").read_text("utf-8"))
    assert saved["organisaties"] == [
        {"a": "Gemeente Waterfeen", "b": "Gemeente Waterveen", "zelfde": True}
    ]
    assert saved["personen"] == [{"a": "Bea Jansen", "b": "Bea Janssen", "zelfde": False}]
    assert sessions_only(four) == before


async def test_esc_in_the_match_dialog_decides_nothing(make_app: AppFactory, four: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await show(pilot)
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NetworkOverTimeScreen)
    assert not (four / ".wijksessie-koppelingen.json").exists()


async def test_a_decisions_file_broken_while_the_screen_is_open_is_said_not_a_crash(
    make_app: AppFactory, four: Path
) -> None:
    """Broken from outside after the overview was read, the file made the answer to a match
    end the app with a traceback (found in tmux). It is said, and written over by nothing."""
    decisions = four / ".wijksessie-koppelingen.json"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await show(pilot)
        decisions.write_text("{kapot", "utf-8")
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, MatchDialog)
        await pilot.press("j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, NetworkOverTimeScreen)
        said = [n.message for n in app._notifications]
        assert any("koppelingenbestand" in message for message in said), said
    assert decisions.read_text("utf-8") == "{kapot"


async def test_an_answer_keeps_what_the_file_holds_besides(
    make_app: AppFactory, four: Path
) -> None:
    """Answering wrote the file anew from the decisions: a note added by hand ("opmerking")
    was dropped, and names were folded to lower case. Now only the answer changes."""
    decisions = four / ".wijksessie-koppelingen.json"
    decisions.write_text(
        json.dumps(
            {
                "format": "wijksessie-koppelingen",
                "versie": 1,
                "organisaties": [
                    {
                        "a": "Gemeente Waterveen",
                        "b": "Gemeente Waterfeen",
                        "zelfde": None,
                        "opmerking": "vragen aan Marloes",
                    }
                ],
                "personen": [],
                "door": "Marloes",
            }
        ),
        "utf-8",
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await show(pilot)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, MatchDialog)
        await pilot.press("j", "escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
    saved = json.loads(decisions.read_text("utf-8"))
    assert saved["door"] == "Marloes"
    assert saved["organisaties"] == [
        {
            "a": "Gemeente Waterveen",
            "b": "Gemeente Waterfeen",
            "zelfde": True,
            "opmerking": "vragen aan Marloes",
        }
    ]
