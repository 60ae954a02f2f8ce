"""UI fixtures: an app factory on a tmp sessions folder (relative, so snapshots are stable)."""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from wijksessie.domain.model import ResidentQuestion, Session
from wijksessie.store import SessionStore
from wijksessie.ui.app import WijksessieApp

AppFactory = Callable[..., WijksessieApp]


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings (theme) in a tmp folder: tests never read or write the user's own."""
    folder = tmp_path / "config"
    monkeypatch.setenv("WIJKSESSIE_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Emergency copies in a tmp folder: tests never write to the user's data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("WIJKSESSIE_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def presses_wait_for_their_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """``pilot.press`` returns once the app has handled the keys, not only received them.

    The app handles a key that may move the focus before it routes the next one
    (``KeysInOrder``), so keys can wait a moment in its queue; a test that looked right after
    pressing would see the screen before the last keys did their work.
    """
    pressed = Pilot.press

    async def press(self: Pilot[Any], *keys: str) -> None:
        await pressed(self, *keys)
        deadline = time.monotonic() + 10
        while (
            self.app.is_running  # a key that quit the app leaves nothing to wait for
            and getattr(self.app, "holding_keys", False)
            and time.monotonic() < deadline
        ):
            await self.pause(0.01)

    monkeypatch.setattr(Pilot, "press", press)


@pytest.fixture
def sessions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty ``sessions`` folder, named relatively so screens show the same text each run."""
    monkeypatch.chdir(tmp_path)
    folder = Path("sessions")
    folder.mkdir()
    return folder


@pytest.fixture
def make_app(sessions: Path) -> AppFactory:
    """Build the app on the tmp folder, optionally with an opened session."""

    def factory(store: SessionStore | None = None) -> WijksessieApp:
        return WijksessieApp(sessions, store)

    return factory


@pytest.fixture
def session_file(sessions: Path) -> Path:
    """A closed session file with two residents' questions, dated so that order is fixed."""
    path = sessions / "2026-03-12-netwerksessie-de-pijp.json"
    session = Session(
        "Netwerksessie De Pijp",
        wijk="De Pijp",
        date=date(2026, 3, 12),
        location="Buurthuis Het Anker",
        facilitator="Fatima el Amrani",
        question="Hoe bereiken we eenzame ouderen samen?",
        id="0" * 32,
    )
    with SessionStore.create(path, session) as store:
        store.add(
            ResidentQuestion(
                "Waar kan ik terecht als ik niemand meer zie?",
                themes=["eenzaamheid", "ouderen"],
                source="spreekuur",
                id="1" * 32,
            )
        )
        store.add(
            ResidentQuestion(
                "Wie helpt met formulieren?", themes=["armoede & schulden"], id="2" * 32
            )
        )
    return path


def read_json(path: Path) -> dict[str, Any]:
    """The session file as it is on disk now."""
    return json.loads(path.read_text(encoding="utf-8"))


def table_docs(path: Path, table: str) -> list[dict[str, Any]]:
    """The documents of one table in the file on disk."""
    return list(read_json(path)[table].values())


DEMO_DAY = date(2026, 11, 25)


@pytest.fixture
def demo_file(sessions: Path) -> Path:
    """The demo session as of a fixed day, written and closed."""
    from wijksessie.domain.demo import demo_network
    from wijksessie.services.sessions import DEMO_FILE, write_network

    path = sessions / DEMO_FILE
    write_network(path, demo_network(today=DEMO_DAY)).close()
    return path


@pytest.fixture
def room_file(sessions: Path) -> Path:
    """A small session with people, goals and an agreement, closed."""
    from wijksessie.domain.model import Agreement, Goal, Organisation, Participant

    path = sessions / "2026-12-03-kamer.json"
    org = Organisation("Welzijn Zuid", id="a" * 32)
    with SessionStore.create(path, Session("Kamer", date=date(2026, 12, 3))) as store:
        store.add(org)
        for index, name in enumerate(["Anna", "Bram", "Cor"]):
            store.add(Participant(name, organisation_id=org.id, id=str(index) * 32))
        store.add(Participant("Dirk", present=False, id="9" * 32))
        store.add(Goal("Niemand eenzaam", id="g" * 32))
        store.add(Goal("Geldzorgen vroeg zien", id="h" * 32))
        store.add(Agreement("We verwijzen warm door", id="x" * 32))
    return path


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], object], *, timeout: float = 10.0
) -> None:
    """Let the app run until ``condition()`` holds (a timer fired, a screen shown, a file saved).

    A fixed pause is either too short on a busy machine or wasted on a quiet one; this returns
    as soon as the app got there, and fails the test with a clear message when it never does.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {condition.__name__}")
        await pilot.pause(0.02)


KEY_CHARACTERS = {"enter": "\r", "tab": "\t", "escape": "\x1b", "space": " "}


def type_at_once(app: App[Any], *keys: str) -> None:
    """Put every key in the app's queue at once, as a terminal does with a fast typist's keys
    or a pasted string (``tmux send-keys``); ``pilot.press`` lets the app settle after each."""
    for key in keys:
        if len(key) == 1:
            # Textual's key name for a sign: its Unicode name ("@" is "commercial_at").
            name = key if key.isalnum() else unicodedata.name(key).lower().replace(" ", "_")
            app.post_message(events.Key(name, key))
        else:
            app.post_message(events.Key(key, KEY_CHARACTERS.get(key)))


def palette_offers(app: App[Any], text: str) -> Callable[[], bool]:
    """Whether the command palette is up with its highlighted option saying ``text``."""

    def offered() -> bool:
        if not isinstance(app.screen, CommandPalette):
            return False
        options = app.screen.query_one(CommandList)
        if options.highlighted is None:
            return False
        return text in str(options.get_option_at_index(options.highlighted).prompt)

    offered.__name__ = f"the palette offering {text!r}"
    return offered
