"""The facilitator's safety nets: undo and redo, a failed save, and the agenda clock."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import DataTable

from tests.ui.conftest import AppFactory, palette_offers, table_docs, wait_until
from wijksessie.domain.agenda import ClockState
from wijksessie.store import SessionStore
from wijksessie.store import storage as storage_module
from wijksessie.ui.app import Restart
from wijksessie.ui.screens.session import SessionScreen
from wijksessie.ui.widgets.row_list import RowList
from wijksessie.ui.widgets.session_header import SessionHeader


async def test_undo_and_redo_of_add_edit_delete_reach_the_file(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "2", "a", *"Welzijn Zuid", "enter", "enter", "enter", "escape")
        await pilot.press("e", "end", *" en Noord", "ctrl+s")
        await pilot.press("delete", "j")
        await pilot.pause()
        assert table_docs(session_file, "organisations") == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [o["name"] for o in table_docs(session_file, "organisations")] == [
            "Welzijn Zuid en Noord"
        ]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [o["name"] for o in table_docs(session_file, "organisations")] == ["Welzijn Zuid"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert table_docs(session_file, "organisations") == []
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        assert [o["name"] for o in table_docs(session_file, "organisations")] == [
            "Welzijn Zuid en Noord"
        ]
        table = app.screen.query_one("#pane-organisations .pane-table")
        assert table.row_count == 1


async def test_failed_save_warns_keeps_the_data_and_catches_up(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = storage_module.atomic_write_bytes
    broken = {"on": True}

    def flaky(path: Path, data: bytes) -> None:
        if broken["on"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(storage_module, "atomic_write_bytes", flaky)
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "2", "a", *"Welzijn Zuid", "enter", "enter", "enter", "escape")
        await pilot.pause()
        banner = app.screen.query_one("#save-warning")
        assert banner.has_class("visible")
        assert "Niets is verloren" in str(banner.render())
        assert table_docs(session_file, "organisations") == []
        assert app.screen.query_one("#pane-organisations .pane-table").row_count == 1
        broken["on"] = False
        assert isinstance(app.screen, SessionScreen)
        app.screen.check_saved()
        await pilot.pause()
        assert not banner.has_class("visible")
        assert [o["name"] for o in table_docs(session_file, "organisations")] == ["Welzijn Zuid"]


async def test_clock_counts_the_phase_and_stores_time_spent(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = {"t": 1000.0}
    monkeypatch.setattr(SessionScreen, "clock_source", staticmethod(lambda: now["t"]))
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f9")
        now["t"] += 9 * 60
        app.screen._tick()
        header = app.screen.query_one(SessionHeader)
        assert "01:00" in str(header.clock())
        assert header.clock_state is ClockState.WARNING
        assert _clock_background(app, header) == _component_background(header, "warning")
        now["t"] += 2 * 60
        app.screen._tick()
        assert header.clock_state is ClockState.OVER
        assert "-01:00" in str(header.clock())
        assert _clock_background(app, header) == _component_background(header, "over")
        await pilot.press("f3")
        await pilot.pause()
        agenda = {
            a["phase"]: a["spent_seconds"] for a in table_docs(session_file, "session")[0]["agenda"]
        }
        assert agenda["sessie"] == 11 * 60
        now["t"] += 90
        await pilot.press("f9")
        await pilot.pause()
        agenda = {
            a["phase"]: a["spent_seconds"] for a in table_docs(session_file, "session")[0]["agenda"]
        }
        assert agenda["wie-doet-wat"] == 90


async def test_projector_mode_masks_contact_and_is_remembered(
    make_app: AppFactory, demo_file: Path, own_settings: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f8", "f3")
        await pilot.pause()
        assert app.projector and app.theme == "wijksessie-projector"
        table = app.screen.query_one("#pane-participants .pane-table")
        names = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        table.move_cursor(row=names.index("Fatima el Amrani"))
        await pilot.press("e")
        await pilot.pause()
        screen = app.export_screenshot()
        assert "@" not in screen.replace("@font-face", "")
        assert app.screen.query_one("#field-email").password
    assert '"projector"' in (own_settings / "settings.json").read_text()
    again = make_app()
    async with again.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert again.projector and again.theme == "wijksessie-projector"


async def test_help_lists_the_keys_of_the_screen(make_app: AppFactory, room_file: Path) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f4", "question_mark")
        await pilot.pause()
        descriptions = [description for _key, _display, description in app.screen.keys]
        assert "Stemronde" in descriptions and "Ongedaan maken" in descriptions
        assert "Stemronde" in app.export_screenshot()


async def test_spotlight_shows_the_item_in_focus(make_app: AppFactory, room_file: Path) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f5", "ctrl+l")
        await pilot.pause()
        from wijksessie.ui.widgets.spotlight import SpotlightScreen

        assert isinstance(app.screen, SpotlightScreen)
        assert "We verwijzen warm door" in app.screen.text
        await pilot.press("escape")
        assert not isinstance(app.screen, SpotlightScreen)


@pytest.mark.parametrize(("size", "projector"), [((160, 45), True), ((80, 24), False)])
async def test_spotlight_shows_the_row_big_on_the_wall(
    make_app: AppFactory, demo_file: Path, size: tuple[int, int], projector: bool
) -> None:
    """Issue 15, point 19: the row in big letters, framed on the whole screen, in projector
    mode at 160 × 45 and at 80 × 24; the other cells whole, at normal size below it."""
    from wijksessie.ui.widgets.spotlight import SpotlightScreen

    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=size) as pilot:
        if projector:
            await pilot.press("f8")
        await pilot.press("ctrl+pagedown", "3", "ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, SpotlightScreen)
        await pilot.pause()
        assert app.screen.big
        shown = app.screen.query_one("#spotlight")
        assert shown.region.width == size[0] and shown.region.height == size[1]
        lines = str(shown.render()).splitlines()
        blocks = [line for line in lines if "█" in line]
        assert len(blocks) >= 8  # two lines of big letters, each 4 or 7 high
        first = app.screen.text.split("\n")[0]
        assert first not in "\n".join(lines)  # the name is drawn, not typed
        assert "Basisschool De Kruidentuin" in "\n".join(lines)
        await pilot.press("escape")
        assert not isinstance(app.screen, SpotlightScreen)


async def test_spotlight_shows_a_goal_not_its_rank_big(
    make_app: AppFactory, demo_file: Path
) -> None:
    from wijksessie.render.big_text import big_text
    from wijksessie.ui.widgets.spotlight import SpotlightScreen

    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("f4", "ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, SpotlightScreen)
        await pilot.pause()
        shown = str(app.screen.query_one("#spotlight").render())
        goal = app.screen.text.split("\n")[1]
        assert goal.startswith("Geldzorgen") and app.screen.big
        assert (big_text(goal, 154, 45) or ["?"])[0] in shown
        assert "\n1\n" in f"\n{shown}\n"  # the rank, small, below it


async def test_theme_chosen_in_the_palette_is_remembered(
    make_app: AppFactory, session_file: Path, own_settings: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
        assert not app.projector
        await pilot.press("f8")
        await pilot.pause()
        assert app.projector and app.theme == "wijksessie-projector"
        await pilot.press("f8")
        await pilot.pause()
        assert not app.projector and app.theme == "textual-light"
    assert '"light"' in (own_settings / "settings.json").read_text()
    again = make_app()
    async with again.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light" and not again.projector


def _labels(table: DataTable | RowList) -> list[str]:
    if isinstance(table, RowList):
        return table.labels
    return [str(column.label) for column in table.columns.values()]


async def test_projector_mode_shows_fewer_columns_and_puts_them_back(
    make_app: AppFactory, demo_file: Path
) -> None:
    """F8 takes secondary columns off the wall (here: contact, file name) and brings them back."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        sessions = app.screen.query_one("#sessions", RowList)
        assert "Bestand" in _labels(sessions)
        await pilot.press("f8")
        await pilot.pause()
        assert "Bestand" not in _labels(sessions)
        assert len(sessions.get_row_at(0)) == len(sessions.labels)
        assert "Kruidenbuurt" in " ".join(str(cell) for cell in sessions.get_row_at(0))
        await pilot.press("enter", "f3")
        await pilot.pause()
        people = app.screen.query_one("#pane-participants .pane-table", DataTable)
        assert _labels(people) == ["Naam", "Organisatie", "Rol", "Aanwezig"]
        assert [len(people.get_row_at(r)) for r in range(people.row_count)] == [4] * 15
        assert "✉" not in app.export_screenshot()
        await pilot.press("f8")
        await pilot.pause()
        assert _labels(people)[-1] == "Contact"
        assert "✉" in " ".join(str(people.get_row_at(r)[-1]) for r in range(people.row_count))


async def test_choosing_english_in_the_palette_restarts_in_the_open_session(
    make_app: AppFactory, demo_file: Path, own_settings: Path
) -> None:
    """ctrl+p → Taal kiezen → English: saved as the setting, the app exits asking for a restart."""
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"Taal kiezen")
        await wait_until(pilot, palette_offers(app, "Taal kiezen"))
        await pilot.press("enter")
        await wait_until(pilot, palette_offers(app, "Nederlands"))
        await pilot.press(*"English")
        await wait_until(pilot, palette_offers(app, "English"))
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value == Restart("en", demo_file, False)
    assert json.loads((own_settings / "settings.json").read_text())["language"] == "en"
    with SessionStore.open(demo_file) as store:  # finished and unlocked: it opens again
        assert store.session.title


async def test_choosing_the_language_already_on_changes_nothing(
    make_app: AppFactory, own_settings: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        app.switch_language("nl")
        await pilot.pause()
        assert app.is_running and app.return_value is None
    assert not (own_settings / "settings.json").exists()


async def test_a_narrow_terminal_shows_the_secondary_columns_only_when_it_widens(
    make_app: AppFactory, demo_file: Path
) -> None:
    """At 80 columns the lists leave out what projector mode leaves out; at 120 it is back."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sessions = app.screen.query_one("#sessions", RowList)
        assert "Bestand" not in _labels(sessions)
        await pilot.press("enter", "f3")
        await pilot.pause()
        people = app.screen.query_one("#pane-participants .pane-table", DataTable)
        assert _labels(people) == ["Naam", "Organisatie", "Rol", "Aanwezig"]
        await pilot.resize_terminal(120, 35)
        await pilot.pause()
        assert _labels(people)[-1] == "Contact"
        assert [len(people.get_row_at(r)) for r in range(people.row_count)] == [5] * 15
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert "Bestand" in _labels(app.screen.query_one("#sessions", RowList))


def _clock_background(app: App[object], header: SessionHeader) -> object:
    """The background the header draws its countdown's digits on."""
    line = header.render()
    return line.get_style_at_offset(app.console, len(line.plain) - 3).bgcolor


def _component_background(header: SessionHeader, state: str) -> object:
    return header.get_component_rich_style(f"session-header--{state}", partial=False).bgcolor
