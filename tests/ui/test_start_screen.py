"""The start screen, driven with real keys."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from tests.ui.conftest import AppFactory, read_json
from wijksessie.store import SessionStore
from wijksessie.ui.screens.session import SessionScreen
from wijksessie.ui.screens.start import StartScreen


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
        table = app.screen.query_one("#sessions", DataTable)
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
        header = app.screen.query_one("#header-title", Static)
        assert "[bold red]x[/]" in str(header.render())
        await pilot.press("escape", "escape")
        await pilot.pause()
        table = app.screen.query_one("#sessions", DataTable)
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
            assert "ALLEEN-LEZEN" in str(app.screen.query_one("#header-title").render())


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
    """``wijksessie open FILE`` builds no start screen underneath; closing the session does."""
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert not any(isinstance(screen, StartScreen) for screen in app.screen_stack)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 1
        assert "Netwerksessie De Pijp" in str(table.get_row_at(0)[1])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert sum(isinstance(screen, StartScreen) for screen in app.screen_stack) == 1
