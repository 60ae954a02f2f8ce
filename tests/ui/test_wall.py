"""The wall: ``wijksessie view PAD --volg`` follows a session another window edits (issue 15.18).

The follower opens the file read-only, follows every save within a second and the editor's
phase and tab, never takes the lock and never writes; a damaged file keeps the last good view.
A read-only view shows only the keys it can use.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from tests.ui.conftest import AppFactory, palette_offers, wait_until
from wijksessie.domain.model import Goal, Participant, Phase
from wijksessie.errors import SessionLockedError
from wijksessie.store import SessionStore
from wijksessie.store.session_file import lock_path
from wijksessie.store.wall_position import (
    WallPosition,
    read_wall_position,
    wall_path,
    write_wall_position,
)
from wijksessie.ui.app import WijksessieApp
from wijksessie.ui.screens.session import SessionScreen
from wijksessie.ui.screens.wall import WallScreen
from wijksessie.ui.widgets.entity_table import EntityTable
from wijksessie.ui.widgets.key_bar import KeyBar
from wijksessie.ui.widgets.session_header import SessionHeader


def _wall(sessions: Path, path: Path) -> WijksessieApp:
    return WijksessieApp(sessions, SessionStore.open(path, read_only=True), follow=True)


def _rows(app: WijksessieApp, selector: str) -> list[str]:
    table = app.screen.query_one(f"{selector} EntityTable", EntityTable)
    return [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


def _shows(app: WijksessieApp, selector: str, text: str) -> Callable[[], bool]:
    def shown() -> bool:
        try:
            return any(text in row for row in _rows(app, selector))
        except Exception:
            return False

    shown.__name__ = f"{text!r} shown in {selector}"
    return shown


def _on(app: WijksessieApp, phase: Phase) -> Callable[[], bool]:
    def there() -> bool:
        return isinstance(app.screen, WallScreen) and app.screen.phase is phase

    there.__name__ = f"the wall on {phase.value}"
    return there


def _keys(app: WijksessieApp) -> str:
    return app.screen.query_one(KeyBar).render().plain


async def test_the_wall_follows_saves_phase_and_tab_without_writing_or_locking(
    sessions: Path, room_file: Path
) -> None:
    lock_before = lock_path(room_file).read_bytes()
    editor = SessionStore.open(room_file)  # the facilitator's window: it holds the lock
    app = _wall(sessions, room_file)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, WallScreen))
        assert app.screen.phase is Phase.SESSION

        editor.add(Participant("Eva Janssen", id="e" * 32))
        write_wall_position(room_file, WallPosition(Phase.NETWORK.value, "deelnemers"))
        # No key, no message: the wall's own polling brings both (how fast is not timed here:
        # these machines are too noisy for that; POLL_SECONDS says it).
        await wait_until(pilot, _on(app, Phase.NETWORK))
        await wait_until(pilot, _shows(app, "#pane-participants", "Eva Janssen"))

        editor.update(Goal("Niemand eenzaam, ook niet in de zomer", id="g" * 32))
        write_wall_position(room_file, WallPosition(Phase.GOALS.value))
        await wait_until(pilot, _on(app, Phase.GOALS))
        await wait_until(pilot, _shows(app, "#phase-doelen", "ook niet in de zomer"))

        write_wall_position(room_file, WallPosition(Phase.NETWORK.value, "matrix"))
        tabs = app.screen.query_one("#network-tabs", TabbedContent)
        await wait_until(
            pilot, lambda: tabs.active == "tab-matrix" and app.screen.phase is Phase.NETWORK
        )

        on_disk = room_file.read_bytes()
        stamp = os.stat(room_file).st_mtime_ns
        editor.close()  # the wall held no lock: the session opens for editing beside it
        with SessionStore.open(room_file):
            pass
        await pilot.pause(0.5)
        assert isinstance(app.screen, WallScreen)
        await pilot.press("q")
    assert room_file.read_bytes() == on_disk
    assert os.stat(room_file).st_mtime_ns == stamp
    assert lock_path(room_file).read_bytes() == lock_before == b""


async def test_the_wall_never_holds_the_lock(sessions: Path, room_file: Path) -> None:
    app = _wall(sessions, room_file)
    async with app.run_test(size=(120, 35)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, WallScreen))
        with SessionStore.open(room_file) as editor:  # editing while the wall is up
            with pytest.raises(SessionLockedError):
                SessionStore.open(room_file)
            editor.add(Participant("Fenna", id="f" * 32))
        await pilot.press("q")


async def test_a_damaged_file_keeps_the_last_good_view_with_a_quiet_notice(
    sessions: Path, room_file: Path
) -> None:
    good = room_file.read_bytes()
    write_wall_position(room_file, WallPosition(Phase.NETWORK.value, "deelnemers"))
    app = _wall(sessions, room_file)
    async with app.run_test(size=(120, 35)) as pilot:
        await wait_until(pilot, _shows(app, "#pane-participants", "Anna"))
        notice = app.screen.query_one("#wall-notice")
        room_file.write_bytes(good[: len(good) // 2])  # a hand edit caught half-way
        await wait_until(pilot, lambda: notice.has_class("visible"))
        assert "laatste goede stand" in str(notice.render())
        assert _shows(app, "#pane-participants", "Anna")()
        room_file.write_bytes(good.replace(b'"Anna"', b'"Anna de Wit"'))
        await wait_until(pilot, _shows(app, "#pane-participants", "Anna de Wit"))
        assert not notice.has_class("visible")
        room_file.unlink()  # moved to the trash by the editor: the wall keeps what it had
        await wait_until(pilot, lambda: notice.has_class("visible"))
        assert _shows(app, "#pane-participants", "Anna de Wit")()
        await pilot.press("q")


async def test_the_editor_records_its_phase_and_tab_and_removes_it_on_closing(
    make_app: AppFactory, room_file: Path
) -> None:
    before = room_file.read_bytes()
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await wait_until(pilot, lambda: read_wall_position(room_file) is not None)
        assert read_wall_position(room_file) == WallPosition("sessie", "")
        await pilot.press("f3")
        assert read_wall_position(room_file) == WallPosition("wie-doet-wat", "deelnemers")
        await pilot.press("5")
        assert read_wall_position(room_file) == WallPosition("wie-doet-wat", "matrix")
        await pilot.press("f4")
        assert read_wall_position(room_file) == WallPosition("doelen", "")
        await pilot.press("ctrl+q")
    assert not wall_path(room_file).exists()
    assert room_file.read_bytes() == before  # switching phases never touched the session


async def test_a_read_only_view_writes_no_position_and_shows_only_what_it_can_do(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file, read_only=True))
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await pilot.press("f3")
        keys = _keys(app)
        for editing in ("Toevoegen", "Bewerken", "Verwijderen", "Ongedaan", "Timer", "Parkeren"):
            assert editing not in keys
        assert "Projector" in keys and "Hulp" in keys and "Filter" in keys
        await pilot.press("a", "f9")
        assert isinstance(app.screen, SessionScreen)  # no form opened
        assert "⏱" not in str(app.screen.query_one(SessionHeader).clock())
        await pilot.press("f4")
        assert "Stemronde" not in _keys(app)
        await pilot.press("f7")
        assert "HTML" in _keys(app)  # exporting from a view is still possible
        assert not wall_path(room_file).exists()


async def test_the_wall_keys_are_only_looking_keys(sessions: Path, room_file: Path) -> None:
    app = _wall(sessions, room_file)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, WallScreen))
        assert app.projector and app.masked
        for phase in ("f2", "f3", "f4", "f5", "f6", "f7"):
            await pilot.press(phase)
            keys = _keys(app)
            for editing in ("Toevoegen", "Bewerken", "Ongedaan", "Timer", "Naar overzicht"):
                assert editing not in keys
            assert "Afsluiten" in keys
        assert "HTML" not in _keys(app)  # no exports from the wall
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, WallScreen)  # a stray Esc never leaves the wall
        await pilot.press("q")
    assert not wall_path(room_file).exists()


async def test_the_palette_tells_the_command_for_the_wall(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await pilot.press("ctrl+p", *"Muurscherm")

        await wait_until(pilot, palette_offers(app, "Muurscherm openen"))
        await pilot.press("enter")
        expected = f"wijksessie view {room_file.resolve()} --volg"
        await wait_until(pilot, lambda: any(expected in n.message for n in app._notifications))


async def test_the_wall_opens_on_the_editors_tab_and_stays_there(
    sessions: Path, room_file: Path
) -> None:
    """The tab is chosen before the keyboard goes into the phase: focusing the first tab's
    list and then switching made Textual's two focus messages undo each other (the wall
    flipped between Deelnemers and Initiatieven and could end on the wrong one)."""
    write_wall_position(room_file, WallPosition(Phase.NETWORK.value, "initiatieven"))
    app = _wall(sessions, room_file)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_until(pilot, _on(app, Phase.NETWORK))
        tabs = app.screen.query_one("#network-tabs", TabbedContent)
        await wait_until(pilot, lambda: tabs.active == "tab-initiatieven")
        for _poll in range(3):  # the focus messages of the first show have all been handled
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert tabs.active == "tab-initiatieven"
        assert app.focused is not None
        assert app.focused in app.screen.query_one("#tab-initiatieven").query("*")
        await pilot.press("q")
