"""An older file is brought up to date on open, and a read-only open never writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MakeStore
from wijksessie.domain.model import ParkingItem
from wijksessie.errors import SessionFileError
from wijksessie.store import migrations
from wijksessie.store.migrations import Data, migrate, session_doc
from wijksessie.store.session_store import SessionStore


def _v1_to_v2(data: Data) -> Data:
    """A pretend step: version 2 keeps the session's notes in capitals."""
    doc = session_doc(data)
    doc["notes"] = str(doc.get("notes", "")).upper()
    return data


@pytest.fixture
def old_file(make_store: MakeStore) -> Path:
    """A closed version-1 session file with notes and one parking item."""
    store = make_store("file", name="oud.json")
    session = store.session
    session.notes = "koffie om half tien"
    store.save_session(session)
    store.add(ParkingItem("Buurtapp"))
    store.close()
    assert store.path is not None
    return store.path


@pytest.fixture
def version_2(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The app now knows schema 2; returns a list that records each step taken."""
    calls: list[int] = []

    def step(data: Data) -> Data:
        calls.append(session_doc(data)["schema_version"])
        return _v1_to_v2(data)

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, step)
    return calls


def _version_on_disk(path: Path) -> Any:
    return session_doc(json.loads(path.read_text(encoding="utf-8")))["schema_version"]


def test_an_old_file_is_migrated_on_open(old_file: Path, version_2: list[int]) -> None:
    with SessionStore.open(old_file) as store:
        assert store.session.notes == "KOFFIE OM HALF TIEN"
        assert [item.text for item in store.all(ParkingItem)] == ["Buurtapp"]
        store.add(ParkingItem("Tweede idee"))
    assert version_2 == [1]
    assert _version_on_disk(old_file) == 2
    with SessionStore.open(old_file) as again:
        assert again.session.notes == "KOFFIE OM HALF TIEN"
        assert again.count(ParkingItem) == 2
    assert version_2 == [1], "a file already at version 2 takes no step"


def test_read_only_open_migrates_in_memory_and_does_not_write(
    old_file: Path, version_2: list[int]
) -> None:
    before = old_file.read_bytes()
    with SessionStore.open(old_file, read_only=True) as store:
        assert store.session.notes == "KOFFIE OM HALF TIEN"
    assert version_2 == [1]
    assert old_file.read_bytes() == before
    assert _version_on_disk(old_file) == 1


def test_steps_run_in_order_up_to_the_current_version(monkeypatch: pytest.MonkeyPatch) -> None:
    taken: list[int] = []

    def step(version: int) -> Any:
        def run(data: Data) -> Data:
            assert session_doc(data)["schema_version"] == version
            taken.append(version)
            return data

        return run

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 4)
    for version in (1, 2, 3):
        monkeypatch.setitem(migrations.MIGRATIONS, version, step(version))
    data = {"session": {"1": {"app": "wijksessie", "schema_version": 2}}}
    assert session_doc(migrate(data, "x.json"))["schema_version"] == 4
    assert taken == [2, 3]


def test_a_file_of_the_current_version_is_returned_as_it_is() -> None:
    data = {"session": {"1": {"app": "wijksessie", "schema_version": migrations.SCHEMA_VERSION}}}
    assert migrate(data, "x.json") == data


def test_a_newer_file_is_refused_before_any_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda data: pytest.fail("no step expected"))
    data = {"session": {"1": {"app": "wijksessie", "schema_version": 2}}}
    with pytest.raises(SessionFileError, match="Werk wijksessie bij"):
        migrate(data, "x.json")


def test_there_is_a_step_for_every_older_version() -> None:
    assert set(migrations.MIGRATIONS) == set(range(1, migrations.SCHEMA_VERSION))
