"""Opening a session and quitting without a change leaves its file byte for byte as it was.

Issue 19.7: an empty agenda got a phase, and ``\\n`` became ``\\r\\n`` in a text that also held
``\\r\\n``, so merely looking at a session rewrote it. Issue 19.6: a file with repaired ids says
so on opening.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.ui.conftest import AppFactory
from wijksessie.store import SessionStore
from wijksessie.ui.screens.session import AVAILABLE_PHASES, SessionScreen


def _hand_edited(path: Path) -> None:
    """As another tool or a hand edit might leave it: no agenda, mixed line ends."""
    data = json.loads(path.read_text(encoding="utf-8"))
    session = data["session"]["1"]
    session["agenda"] = []
    session["notes"] = "Koffie vanaf 9:30.\r\nZaal open om 9:00.\nSleutel bij de beheerder."
    session["question"] = "Hoe bereiken we\r\neenzame ouderen samen?"
    data["participants"]["1"] = {
        "name": "Fatima el Amrani",
        "organisation_id": "",
        "role": "verbinder",
        "email": "",
        "phone": "",
        "present": True,
        "share_contact": False,
        "id": "3" * 32,
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


async def test_opening_and_quitting_leaves_the_file_as_it_was(
    make_app: AppFactory, session_file: Path
) -> None:
    _hand_edited(session_file)
    before = session_file.read_bytes()
    mtime = os.stat(session_file).st_mtime_ns
    app = make_app(SessionStore.open(session_file))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+q")
    assert session_file.read_bytes() == before
    assert os.stat(session_file).st_mtime_ns == mtime


async def test_visiting_every_phase_and_leaving_writes_nothing(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hand_edited(session_file)
    before = session_file.read_bytes()
    monkeypatch.setattr(SessionScreen, "clock_source", staticmethod(lambda: 1000.0))
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for number in range(len(AVAILABLE_PHASES)):
            await pilot.press(f"f{number + 2}")
            await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert session_file.read_bytes() == before


async def test_ids_repaired_on_opening_are_shown(make_app: AppFactory, session_file: Path) -> None:
    data = json.loads(session_file.read_text(encoding="utf-8"))
    person = {"name": "Henk de Vries", "role": "bewoner", "present": True}
    data["participants"] = {"1": {**person, "id": "4" * 32}, "2": {**person, "id": "4" * 32}}
    session_file.write_text(json.dumps(data), encoding="utf-8")
    app = make_app(SessionStore.open(session_file))
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert any("hetzelfde id" in m and "opgeslagen" in m for m in shown), shown
        await pilot.press("ctrl+q")
    ids = [doc["id"] for doc in json.loads(session_file.read_text())["participants"].values()]
    assert len(set(ids)) == 2
