"""A change the disk could not take is still made: the form closes as after any save.

The store keeps a change in memory when writing it fails (the screen warns and saves it once
it can), but the forms and rounds took that ``SaveError`` for a refusal: the form stayed open
with the warning, the keys typed for the next entry went into it, and every Enter added the
text so far once more (three questions out of two, the parked idea inside the second).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ui.conftest import AppFactory, type_at_once, wait_until
from tests.ui.test_quit_while_saves_fail import Disk
from wijksessie.domain.model import ParkingItem
from wijksessie.store import SessionStore
from wijksessie.ui.screens.session import SessionScreen
from wijksessie.ui.widgets.form_dialog import FormDialog


def _texts(path: Path, table: str, field: str) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [doc[field] for doc in data[table].values()]


async def test_a_burst_of_entries_while_the_disk_is_full_adds_each_once(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = Disk(monkeypatch)
    before = _texts(session_file, "resident_questions", "text")
    store = SessionStore.open(session_file)
    app = make_app(store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        disk.full = True
        type_at_once(
            app,
            "a", *"Vraag een", "enter", *"wonen", "enter", *"bron", "enter",
            "a", *"Vraag twee", "enter", "enter", "enter",
            "ctrl+t", *"Idee voor later", "enter",
        )  # fmt: skip
        await wait_until(
            pilot,
            lambda: (
                not app.holding_keys
                and isinstance(app.screen, SessionScreen)
                and len(store.all(ParkingItem)) == 1
            ),
        )
        assert not isinstance(app.screen, FormDialog)
        # The screen's check (every two seconds) says the changes are not on disk yet.
        await wait_until(pilot, lambda: app.screen.query_one("#save-warning").has_class("visible"))
        disk.full = False
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: not app.is_running)
    assert _texts(session_file, "resident_questions", "text") == [
        *before,
        "Vraag een",
        "Vraag twee",
    ]
    assert _texts(session_file, "parking", "text") == ["Idee voor later"]


async def test_the_warning_goes_when_a_later_change_is_saved(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the disk took a later change, the banner still said the changes were only in
    memory: the screen's check looked only while something was unsaved."""
    disk = Disk(monkeypatch)
    store = SessionStore.open(session_file)
    app = make_app(store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one("#save-warning")
        disk.full = True
        await pilot.press("ctrl+t", *"Eerste idee", "enter")
        await wait_until(pilot, lambda: banner.has_class("visible"))
        disk.full = False
        store.add(ParkingItem("Tweede idee"))  # saved by the store, not by the screen's retry
        assert not store.unsaved
        await wait_until(pilot, lambda: not banner.has_class("visible"))
    assert _texts(session_file, "parking", "text") == ["Eerste idee", "Tweede idee"]


async def test_hanging_up_saves_the_field_being_typed_and_copies_what_the_disk_refused(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch, own_data_dir: Path
) -> None:
    """A closed terminal window (SIGHUP) ended the app at once: the field being typed (saved a
    moment after the last key) and whatever a full disk held in memory were lost."""
    disk = Disk(monkeypatch)
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        app.screen.query_one("#session-notes").focus()
        await pilot.press(*"Notitie vlak voor het sluiten")
        app.hang_up()  # what SIGHUP and SIGTERM call in a terminal
        await wait_until(pilot, lambda: not app.is_running)
    notes = json.loads(session_file.read_text("utf-8"))["session"]["1"]["notes"]
    assert notes.startswith("Notitie vlak voor het sluiten")

    disk.full = True
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t", *"Idee bij volle schijf", "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, FormDialog))
        app.hang_up()
        await wait_until(pilot, lambda: not app.is_running)
    (copy,) = sorted((own_data_dir / "noodkopieen").glob("*.json"))
    assert _texts(copy, "parking", "text") == ["Idee bij volle schijf"]
    assert str(copy) in app.farewell
