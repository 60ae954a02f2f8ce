"""One hostile file never breaks the folder: listed as bad with its reason, or opened within
the rules with a message, and nothing hangs (issue 19, points 4 and 5)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests import hostile
from wijksessie.domain.model import Participant
from wijksessie.domain.tidy import summary_line
from wijksessie.domain.validation import NAME_MAX, problems
from wijksessie.errors import SessionFileError
from wijksessie.store.folder import INDEX, list_sessions
from wijksessie.store.session_store import SessionStore, lock_path

LIMIT = 10.0
"""Seconds a listing or an open may take before the test calls it a hang."""


def within(seconds: float, work: Callable[[], Any]) -> Any:
    """``work()``'s result, or a failure (not a hung test run) when it takes too long."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = work()
        except BaseException as error:
            result["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"hung for more than {seconds} s"
    if "error" in result:
        raise result["error"]
    return result["value"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "sessions"
    path.mkdir()
    return path


def test_every_hostile_file_is_listed_and_the_good_one_too(folder: Path) -> None:
    made = hostile.make_all(folder)
    good = folder / "goed.json"
    good.write_text(json.dumps(hostile.valid_data(folder)), encoding="utf-8")
    infos = within(LIMIT, lambda: list_sessions(folder))
    by_name = {info.path.name: info for info in infos}
    assert set(by_name) == {path.name for path in made.values()} | {"goed.json"}
    assert not by_name["goed.json"].problem
    reasons = {name: by_name[made[name].name].problem for name in hostile.BAD}
    assert reasons == {
        "deep-array": "te diep genest (geen sessiebestand)",
        "fifo": "geen gewoon bestand (een map, pipe of apparaat)",
        "folder": "geen gewoon bestand (een map, pipe of apparaat)",
        "dev-zero": "geen gewoon bestand (een map, pipe of apparaat)",
        "huge-number": "beschadigd of onleesbaar",
    }
    for name in hostile.FIXED:
        info = by_name[made[name].name]
        assert not info.problem, name
        assert len(info.title) <= NAME_MAX
        assert "\x1b" not in info.title and "\u202e" not in info.title
        info.title.encode("utf-8")  # no lone surrogate left to break a write


def test_the_index_is_written_and_no_temp_file_is_left(folder: Path) -> None:
    hostile.make_all(folder)
    within(LIMIT, lambda: list_sessions(folder))
    index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    assert len(index["files"]) == len(hostile.BAD) + len(hostile.FIXED)
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    again = within(LIMIT, lambda: list_sessions(folder))
    assert [info.problem for info in again] == [info.problem for info in list_sessions(folder)]


def test_a_surrogate_the_index_cannot_write_leaves_no_temp_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even text that slipped past cleaning cannot make the index leave a temp file behind."""
    monkeypatch.setattr("wijksessie.domain.tidy.tidy", lambda *_args: [])
    hostile.lone_surrogate(folder)
    within(LIMIT, lambda: list_sessions(folder))
    assert [p.name for p in folder.iterdir()] == ["surrogaat.json"]


@pytest.mark.parametrize("name", sorted(hostile.BAD))
def test_a_bad_file_is_refused_on_open_quickly_and_lets_go_of_its_lock(
    folder: Path, name: str
) -> None:
    path = hostile.BAD[name](folder)
    started = time.monotonic()
    with pytest.raises(SessionFileError) as refused:
        within(LIMIT, lambda: SessionStore.open(path))
    assert time.monotonic() - started < 2
    assert path.name in str(refused.value)
    if lock_path(path).exists():  # nobody holds it: it can be taken again at once
        SessionStore.acquire_lock(path).release()


@pytest.mark.parametrize("name", sorted(hostile.FIXED))
def test_a_file_beyond_the_rules_opens_within_them_and_says_so(folder: Path, name: str) -> None:
    path = hostile.FIXED[name](folder)
    before = path.read_bytes()
    with within(LIMIT, lambda: SessionStore.open(path)) as store:
        assert store.load_fixes
        assert summary_line(store.load_fixes).startswith("Bij het openen aangepast")
        assert problems(store.session) == {}
        for participant in store.all(Participant):
            assert problems(participant) == {}
        store.save_session(store.session)  # what the header's clock does on mount
    assert path.read_bytes() == before  # reading never writes; an unchanged save neither
    with SessionStore.open(path) as store:  # every kind of change works, and is saved clean
        for participant in store.all(Participant):
            store.update(replace(participant, present=not participant.present))
        store.save_session(replace(store.session, notes="bijgewerkt"))
    with SessionStore.open(path) as again:
        assert again.load_fixes == []


def test_a_huge_name_costs_nothing_in_the_summary(folder: Path) -> None:
    from wijksessie.domain.summary import build_summary
    from wijksessie.render.text import to_text

    path = hostile.huge_name(folder)
    started = time.monotonic()
    with SessionStore.open(path, read_only=True) as store:
        network = store.network()
    text = to_text(build_summary(network, today=date(2026, 12, 3)))
    assert time.monotonic() - started < 5
    assert len(text) < 20_000


def test_what_loading_changed_is_told_in_english_too(folder: Path, english: None) -> None:
    path = hostile.bad_minutes(folder)
    with SessionStore.open(path, read_only=True) as store:
        assert summary_line(store.load_fixes) == (
            "Changed on opening: 2× session: agenda outside the allowed range, corrected."
        )


def test_windows_line_ends_in_notes_are_made_plain_without_a_message(folder: Path) -> None:
    data = hostile.valid_data(folder)
    data["session"]["1"]["notes"] = "regel 1\r\nregel 2"
    path = folder / "crlf.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with SessionStore.open(path, read_only=True) as store:
        assert store.session.notes == "regel 1\nregel 2"
        assert store.load_fixes == []
