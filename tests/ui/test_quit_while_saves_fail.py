"""Quitting or closing while saves fail asks first and offers an emergency copy (issue 19.3).

Before, with the sessions folder gone or the disk full, a change was confirmed, ``ctrl+q``
quit at once and the change was lost, while the exit message said "Niets is verloren".
"""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path

import pytest

from tests.ui.conftest import AppFactory
from wijksessie.domain.model import Organisation
from wijksessie.errors import SaveError
from wijksessie.store import SessionStore
from wijksessie.store import storage as storage_module
from wijksessie.ui.app import WijksessieApp
from wijksessie.ui.screens.session import SessionScreen
from wijksessie.ui.screens.start import StartScreen
from wijksessie.ui.widgets.unsaved_dialog import UnsavedDialog


class Disk:
    """While ``full``, every save of a session fails with ENOSPC."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        real = storage_module.atomic_write_bytes

        def write(path: Path, data: bytes) -> None:
            if self.full:
                raise OSError(errno.ENOSPC, "No space left on device")
            real(path, data)

        monkeypatch.setattr(storage_module, "atomic_write_bytes", write)


async def _add_organisation(pilot: object, name: str) -> None:
    await pilot.press("f3", "2", "a", *name, "enter", "enter", "enter", "escape")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def _copies(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "noodkopieen").glob("*.json"))


def _organisations(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [doc["name"] for doc in data["organisations"].values()]


async def test_quitting_with_the_folder_gone_offers_an_emergency_copy(
    make_app: AppFactory, session_file: Path, sessions: Path, own_data_dir: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        shutil.rmtree(sessions)
        await _add_organisation(pilot, "Welzijn Zuid")
        assert app.screen.query_one("#save-warning").has_class("visible")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        question = str(app.screen.query_one("#question").render())
        assert "gaat verloren" in question and str(own_data_dir) in question
        assert "Niets is verloren" not in question
        await pilot.press("k")
        await pilot.pause()
    assert not app.is_running
    (copy,) = _copies(own_data_dir)
    assert copy.name.startswith(session_file.stem + "-noodkopie-")
    assert _organisations(copy) == ["Welzijn Zuid"]
    assert str(copy) in app.farewell
    assert "Niets is verloren" not in app.farewell
    with SessionStore.open(copy, read_only=True) as reader:
        assert reader.session.title == "Netwerksessie De Pijp"
    assert not sessions.exists()


async def test_going_back_keeps_the_session_and_quits_once_saving_works_again(
    make_app: AppFactory,
    session_file: Path,
    own_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    disk = Disk(monkeypatch)
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        disk.full = True
        await _add_organisation(pilot, "Welzijn Zuid")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SessionScreen)
        disk.full = False
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running
    assert _organisations(session_file) == ["Welzijn Zuid"]
    assert _copies(own_data_dir) == []


async def test_quitting_without_a_copy_says_the_changes_are_gone(
    sessions: Path, session_file: Path, own_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = Disk(monkeypatch)
    store = SessionStore.open(session_file)
    app = WijksessieApp(sessions, store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        disk.full = True
        await _add_organisation(pilot, "Welzijn Zuid")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
    assert not app.is_running
    assert "niet bewaard" in app.farewell and "Niets is verloren" not in app.farewell
    assert _organisations(session_file) == []
    assert _copies(own_data_dir) == []
    store.close()  # as the command line does after the app: nothing left to fail or claim


async def test_closing_the_session_while_saves_fail_asks_too(
    make_app: AppFactory, session_file: Path, own_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = Disk(monkeypatch)
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        disk.full = True
        await _add_organisation(pilot, "Welzijn Zuid")
        await pilot.press("escape", "escape")  # from the list: back to the start screen
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        (copy,) = _copies(own_data_dir)
        assert any(str(copy) in str(n.message) for n in app._notifications)
    assert _organisations(copy) == ["Welzijn Zuid"]


def test_closing_a_store_that_cannot_save_says_what_is_lost(
    sessions: Path, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the command line prints when the store it closes after the app cannot save."""
    disk = Disk(monkeypatch)
    store = SessionStore.open(session_file)
    disk.full = True
    with pytest.raises(SaveError):
        store.add(Organisation("Welzijn Zuid"))
    with pytest.raises(SaveError) as closing:
        store.close()
    assert "niet opgeslagen" in str(closing.value)
    assert "Niets is verloren" not in str(closing.value)


async def test_going_back_from_the_question_leaves_the_countdown_running(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = Disk(monkeypatch)
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        disk.full = True
        await _add_organisation(pilot, "Welzijn Zuid")
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.clock.running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.clock.running
        disk.full = False
