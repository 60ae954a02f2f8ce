"""Windows file semantics in the app: a session file another program holds open (issue 22.2)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.synced import ReadOnlyFolder
from tests.ui.conftest import AppFactory, table_docs
from wijksessie.store import SessionStore, storage
from wijksessie.ui.screens.session import SessionScreen


async def test_a_file_held_open_by_another_program_shows_the_banner_and_catches_up(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OneDrive or a virus scanner holding the file: ``os.replace`` raises PermissionError on
    Windows. A few quick tries, then the banner; nothing typed is lost, and the next save
    after the program lets go writes it all."""
    real = os.replace
    held = {"on": True, "tries": 0}

    def replace(source: object, target: object) -> None:
        if held["on"] and Path(str(target)).resolve() == session_file.resolve():
            held["tries"] += 1
            raise PermissionError(13, "Het proces heeft geen toegang tot het bestand", target)
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(storage, "REPLACE_PAUSE", 0.001)
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "2", "a", *"Welzijn Zuid", "enter", "enter", "enter", "escape")
        await pilot.pause()
        banner = app.screen.query_one("#save-warning")
        assert banner.has_class("visible")
        assert "mislukt" in str(banner.render())
        assert held["tries"] >= storage.REPLACE_TRIES
        assert table_docs(session_file, "organisations") == []
        assert app.screen.query_one("#pane-organisations .pane-table").row_count == 1
        held["on"] = False
        assert isinstance(app.screen, SessionScreen)
        app.screen.check_saved()
        await pilot.pause()
        assert not banner.has_class("visible")
    assert [o["name"] for o in table_docs(session_file, "organisations")] == ["Welzijn Zuid"]
    assert not [p for p in session_file.parent.iterdir() if p.name.endswith(".tmp")]


async def test_opening_a_session_on_a_read_only_share_says_why_and_how_to_view_it(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network share mounted read-only (issue 22.4): the lock file cannot be made, and the
    start screen says so in Dutch and offers nothing it cannot do."""
    for lock in session_file.parent.glob(".*.lock"):
        lock.unlink()
    ReadOnlyFolder(session_file.parent, monkeypatch)
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("geen toestemming om hier te schrijven" in m for m in messages), messages
        assert any("wijksessie view" in m for m in messages)
        assert not isinstance(app.screen, SessionScreen)
