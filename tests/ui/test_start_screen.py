"""The start screen, driven with real keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from tests.ui.conftest import AppFactory, read_json, wait_until
from wijksessie.domain.model import Phase
from wijksessie.store import SessionStore
from wijksessie.ui.screens.session import SessionScreen
from wijksessie.ui.screens.start import StartScreen
from wijksessie.ui.widgets.row_list import RowList
from wijksessie.ui.widgets.session_header import SessionHeader


async def test_empty_folder_explains_the_way_to_a_session(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        empty = app.screen.query_one("#empty", Static)
        assert empty.display
        assert "Nog geen sessies" in str(empty.render())


async def test_new_session_by_keys_creates_the_file(make_app: AppFactory, sessions: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("n")
        await pilot.press(*"Netwerk Kruidenbuurt", "enter")
        await pilot.press(*"Kruidenbuurt", "enter")
        await pilot.press(*"3-12-2026", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        files = sorted(sessions.glob("*.json"))
        assert [f.name for f in files] == ["2026-12-03-netwerk-kruidenbuurt.json"]
        doc = read_json(files[0])["session"]["1"]
        assert (doc["title"], doc["wijk"], doc["date"]) == (
            "Netwerk Kruidenbuurt",
            "Kruidenbuurt",
            "2026-12-03",
        )


async def test_new_session_refuses_empty_title_and_bad_date(
    make_app: AppFactory, sessions: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("n", "enter", "enter", *"31-2-2026", "ctrl+s")
        await pilot.pause()
        errors = [str(label.render()) for label in app.screen.query(".field-error.visible")]
        assert any("bestaat niet als datum" in text for text in errors)
        assert any("Geef de sessie een titel" in text for text in errors)
        assert not list(sessions.glob("*.json"))
        await pilot.press("shift+tab", "shift+tab")
        await pilot.press(*"Sessie", "ctrl+s")
        await pilot.pause()
        errors = [str(label.render()) for label in app.screen.query(".field-error.visible")]
        assert any("bestaat niet als datum" in text for text in errors)
        assert not list(sessions.glob("*.json"))


async def test_path_traversal_title_stays_in_the_folder(
    make_app: AppFactory, sessions: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("n", *"../../etc/passwd", "ctrl+s")
        await pilot.pause()
        files = list(sessions.glob("*.json"))
        assert len(files) == 1
        assert files[0].parent == sessions
        assert files[0].name.endswith("-etc-passwd.json")


async def test_list_and_open_session(make_app: AppFactory, session_file: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", RowList)
        assert table.row_count == 1
        assert "Netwerksessie De Pijp" in str(table.get_row_at(0)[1])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_delete_moves_to_trash_after_asking(make_app: AppFactory, session_file: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("delete")
        await pilot.press("n")
        await pilot.pause()
        assert session_file.exists()
        await pilot.press("delete", "j")
        await pilot.pause()
        assert not session_file.exists()
        assert (session_file.parent / ".prullenbak" / session_file.name).exists()
        assert app.screen.query_one("#empty", Static).display


async def test_markup_in_title_is_shown_literally(make_app: AppFactory, sessions: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("n", *"[bold red]x[/]", "ctrl+s")
        await pilot.pause()
        header = app.screen.query_one(SessionHeader)
        assert "[bold red]x[/]" in str(header.title())
        await pilot.press("escape", "escape")
        await pilot.pause()
        table = app.screen.query_one("#sessions", RowList)
        assert str(table.get_row_at(0)[1]) == "[bold red]x[/]"


async def test_locked_session_offers_read_only(make_app: AppFactory, session_file: Path) -> None:
    from wijksessie.store import SessionStore

    with SessionStore.open(session_file):
        app = make_app()
        async with app.run_test(size=(120, 35)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            assert "al geopend" in str(app.screen.query_one("#question").render())
            await pilot.press("j")
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
            assert app.screen.store.read_only
            assert "ALLEEN-LEZEN" in str(app.screen.query_one(SessionHeader).title())


async def test_delete_refuses_a_session_open_elsewhere(
    make_app: AppFactory, session_file: Path
) -> None:
    from wijksessie.store import SessionStore

    with SessionStore.open(session_file):
        app = make_app()
        async with app.run_test(size=(120, 35)) as pilot:
            await pilot.press("delete", "j")
            await pilot.pause()
            assert session_file.exists()
            assert isinstance(app.screen, StartScreen)


async def test_a_session_opened_from_the_command_line_closes_to_the_start_screen(
    make_app: AppFactory, session_file: Path
) -> None:
    """``wijksessie open FILE`` shows the session as the app's first screen, with nothing
    underneath (issue 20); closing it builds the start screen and lets the session's screen
    go, as closing a session opened from the start screen does."""
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        first = app.screen
        assert isinstance(first, SessionScreen)
        assert app.screen_stack == [first]
        await pilot.press("escape", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        await wait_until(pilot, lambda: not first.is_attached)
        assert app.screen_stack == [app.screen]
        SessionStore.open(session_file).close()  # the session let go of its lock
        table = app.screen.query_one("#sessions", RowList)
        assert table.row_count == 1
        assert "Netwerksessie De Pijp" in str(table.get_row_at(0)[1])
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        second = app.screen
        assert second is not first
        assert [type(screen) for screen in app.screen_stack] == [StartScreen, SessionScreen]
        await pilot.press("ctrl+pagedown", "escape", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        await wait_until(pilot, lambda: not second.is_attached)
        assert len(app.screen_stack) == 1
        SessionStore.open(session_file).close()


async def test_a_folder_longer_than_the_screen_lists_every_session_at_once(
    make_app: AppFactory, sessions: Path, session_file: Path
) -> None:
    """Every session is in the list before the first paint, in the columns a tall screen
    gives them, and only the rows on screen are drawn (issue 20): a key pressed at once
    reaches the last session."""
    data = read_json(session_file)
    doc = data["session"]["1"]
    for number in range(80):
        year, month = 2010 + number // 12, number % 12 + 1
        doc.update(title=f"Sessie {number}", date=f"{year}-{month:02d}-01", id=f"{number:032x}")
        # The oldest, listed last, has the widest wijk: its width must be there from the start.
        doc["wijk"] = "Een wijk met een lange naam, onderaan" if number == 0 else "De Pijp"
        path = sessions / f"{year}-{month:02d}-01-sessie-{number}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
    widths: dict[int, list[int]] = {}
    for height in (30, 120):
        app = make_app()
        async with app.run_test(size=(160, height)) as pilot:
            table = app.screen.query_one("#sessions", RowList)
            assert table.row_count == 81
            widths[height] = table.column_widths()
            await pilot.press("end")
            assert isinstance(app.screen, StartScreen)
            selected = app.screen.selected()
            assert selected is not None and selected.title == "Sessie 0"
            if height == 30:
                assert table.lines_built <= 3 * 30, "rows off screen are not drawn"
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, SessionScreen)
                assert app.screen.store.session.title == "Sessie 0"
    assert widths[30] == widths[120]


async def test_the_cursor_stays_on_its_session_when_the_list_is_read_again(
    make_app: AppFactory, sessions: Path, session_file: Path
) -> None:
    """A dialog cancelled, a session closed: the cursor is where it was, not back at the top
    of a long list; after a delete it is on the next session."""
    data = read_json(session_file)
    for number in range(60):
        data["session"]["1"].update(title=f"Sessie {number}", id=f"{number:032x}")
        data["session"]["1"]["date"] = f"2020-01-{number % 28 + 1:02d}"
        (sessions / f"sessie-{number}.json").write_text(json.dumps(data), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press(*["down"] * 40)
        screen = app.screen
        assert isinstance(screen, StartScreen)
        chosen = screen.selected()
        assert chosen is not None
        await pilot.press("delete", "n")  # asked, and cancelled
        await pilot.pause()
        assert screen.selected() == chosen
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.selected() is not None and screen.selected().path == chosen.path
        row = screen.query_one("#sessions", RowList).cursor_row
        await pilot.press("delete", "j")
        await pilot.pause()
        assert not chosen.path.exists()
        assert screen.query_one("#sessions", RowList).cursor_row == row
        assert screen.selected() == screen.infos[row]


async def test_a_priority_key_before_the_first_screen_mounted_waits_for_it(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session opened from the command line is the app's first screen, and a key bound
    with priority (ctrl+pagedown) runs from the app's task, even before that screen mounted
    its phases: it waits in the screen's queue instead (a snapshot test lost it so)."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        screen = SessionScreen(SessionStore.open(session_file, read_only=True))
        waiting: list[tuple[Any, ...]] = []
        monkeypatch.setattr(screen, "call_later", lambda *call: waiting.append(call) or True)
        await screen.action_step(1)
        assert len(waiting) == 1, "not run on the unmounted screen"
        monkeypatch.undo()  # Textual's own calls go to the queue again
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.phase is Phase.SESSION
        run, *args = waiting[0]
        await run(*args)
        assert screen.phase is Phase.NETWORK


async def test_a_session_viewed_from_the_command_line_closes_to_the_start_screen_unchanged(
    make_app: AppFactory, session_file: Path
) -> None:
    """``wijksessie view FILE`` is the first screen too; leaving it writes nothing and leaves
    no lock behind."""
    before = session_file.read_bytes()
    lock = session_file.with_name(f".{session_file.name}.lock")
    lock.unlink(missing_ok=True)  # left by the fixture's save; a view must not make one
    app = make_app(SessionStore.open(session_file, read_only=True))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        first = app.screen
        assert isinstance(first, SessionScreen) and first.read_only
        # Nothing can be added here, so no hint says "a: vraag toevoegen".
        hints = [str(label.render()) for label in first.query(".panel-hint")]
        assert not any("toevoegen" in hint for hint in hints), hints
        await pilot.press("escape", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        await wait_until(pilot, lambda: not first.is_attached)
        assert app.screen_stack == [app.screen]
    assert session_file.read_bytes() == before
    assert not lock.exists()
