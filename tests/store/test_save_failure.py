"""A failed save loses nothing: the change stays in memory until a later save succeeds."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.conftest import MakeStore
from wijksessie.domain.model import Goal, Organisation, ParkingItem
from wijksessie.errors import SaveError, WijksessieError
from wijksessie.store import storage
from wijksessie.store.session_store import SessionStore


class Disk:
    """A switchable fault: while ``full``, every atomic write fails with ENOSPC."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        self.attempts = 0
        self._real = storage.atomic_write_bytes
        monkeypatch.setattr(storage, "atomic_write_bytes", self._write)

    def _write(self, path: Path, data: bytes) -> None:
        self.attempts += 1
        if self.full:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        self._real(path, data)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    """The disk under the atomic storage, which a test can fill up and free again."""
    return Disk(monkeypatch)


@pytest.fixture
def store(make_store: MakeStore, disk: Disk) -> SessionStore:
    """A file store with one organisation, saved before the disk fills up."""
    store = make_store("file")
    store.add(Organisation("Welzijn Zuid"))
    return store


def _on_disk(store: SessionStore) -> SessionStore:
    assert store.path is not None
    return SessionStore.open(store.path, read_only=True)


def test_a_failed_add_raises_a_dutch_save_error_and_keeps_the_entity(
    store: SessionStore, disk: Disk
) -> None:
    disk.full = True
    item = ParkingItem("Buurtapp")
    with pytest.raises(SaveError) as caught:
        store.add(item)
    message = str(caught.value)
    assert "Opslaan van sessie.json mislukt" in message
    assert "Niets is verloren" in message
    assert store.unsaved is True
    assert store.all(ParkingItem) == [item]
    with _on_disk(store) as reader:
        assert reader.all(ParkingItem) == []


def test_after_a_failed_add_get_and_count_agree_with_all(store: SessionStore, disk: Disk) -> None:
    disk.full = True
    item = ParkingItem("Buurtapp")
    with pytest.raises(SaveError):
        store.add(item)
    assert store.count(ParkingItem) == 1
    assert store.get(ParkingItem, item.id) == item
    item.text = "Buurtapp voor iedereen"
    with pytest.raises(SaveError):
        store.update(item)
    assert store.all(ParkingItem) == [item]


def test_adding_again_after_a_failed_save_does_not_duplicate(
    store: SessionStore, disk: Disk
) -> None:
    disk.full = True
    item = ParkingItem("Buurtapp")
    with pytest.raises(SaveError):
        store.add(item)
    disk.full = False
    with pytest.raises(WijksessieError):
        store.add(item)
    assert store.all(ParkingItem) == [item]


def test_flush_writes_what_was_kept_once_the_disk_is_free(store: SessionStore, disk: Disk) -> None:
    disk.full = True
    item = ParkingItem("Buurtapp")
    with pytest.raises(SaveError):
        store.add(item)
    with pytest.raises(SaveError):
        store.flush()
    assert store.unsaved is True
    disk.full = False
    store.flush()
    assert store.unsaved is False
    with _on_disk(store) as reader:
        assert reader.all(ParkingItem) == [item]
        assert reader.count(Organisation) == 1


def test_the_next_successful_change_saves_the_earlier_ones_too(
    store: SessionStore, disk: Disk
) -> None:
    disk.full = True
    first = ParkingItem("Eerste")
    with pytest.raises(SaveError):
        store.add(first)
    disk.full = False
    second = ParkingItem("Tweede")
    store.add(second)
    assert store.unsaved is False
    with _on_disk(store) as reader:
        assert reader.all(ParkingItem) == [first, second]


def test_a_failed_remove_and_update_are_kept_and_saved_later(
    store: SessionStore, disk: Disk
) -> None:
    goal = Goal("Samen sterk")
    store.add(goal)
    organisation = store.all(Organisation)[0]
    disk.full = True
    goal.votes = {"p1": 3}
    with pytest.raises(SaveError):
        store.update(goal)
    with pytest.raises(SaveError):
        store.remove(organisation)
    assert store.all(Organisation) == []
    assert store.count(Organisation) == 0
    assert store.get(Goal, goal.id) == goal
    disk.full = False
    store.flush()
    with _on_disk(store) as reader:
        assert reader.all(Organisation) == []
        assert reader.get(Goal, goal.id).votes == {"p1": 3}


def test_close_with_a_full_disk_raises_and_still_releases_the_lock(
    store: SessionStore, disk: Disk
) -> None:
    disk.full = True
    with pytest.raises(SaveError):
        store.add(ParkingItem("Buurtapp"))
    with pytest.raises(SaveError):
        store.close()
    assert store.path is not None
    with SessionStore.open(store.path) as again:
        assert again.all(ParkingItem) == []


def test_a_failing_rename_leaves_the_old_file_and_no_temp_file(
    make_store: MakeStore, monkeypatch: pytest.MonkeyPatch, sessions_dir: Path
) -> None:
    store = make_store("file")
    assert store.path is not None
    before = store.path.read_bytes()

    def no_room(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage.os, "replace", no_room)
    with pytest.raises(SaveError, match="mislukt"):
        store.add(ParkingItem("Buurtapp"))
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in sessions_dir.iterdir()) == [".sessie.json.lock", "sessie.json"]
    monkeypatch.undo()
    store.flush()
    with _on_disk(store) as reader:
        assert [p.text for p in reader.all(ParkingItem)] == ["Buurtapp"]


def test_the_memory_store_never_reports_unsaved(make_store: MakeStore) -> None:
    store = make_store("memory")
    store.add(ParkingItem("Buurtapp"))
    store.flush()
    assert store.unsaved is False


class HeldOpen:
    """Windows' ``os.replace`` while another program has the target open: ``PermissionError``
    (WinError 5 or 32) for the first ``times`` attempts on the session file, then it works."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, target: Path, times: int) -> None:
        self.target = target
        self.times = times
        self.attempts = 0
        self._real = os.replace
        monkeypatch.setattr(os, "replace", self._replace)
        monkeypatch.setattr(storage, "REPLACE_PAUSE", 0.001)

    def _replace(self, source: object, target: object) -> None:
        if Path(str(target)) == self.target:
            self.attempts += 1
            if self.attempts <= self.times:
                raise PermissionError(13, "Toegang geweigerd", str(target))
        self._real(source, target)


def _temp_files(store: SessionStore) -> list[str]:
    assert store.path is not None
    return [p.name for p in store.path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_target_held_open_briefly_is_saved_after_a_few_tries(
    make_store: MakeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store("file")
    assert store.path is not None
    held = HeldOpen(monkeypatch, store.path, times=storage.REPLACE_TRIES - 1)
    store.add(Organisation("Welzijn Zuid"))
    assert held.attempts == storage.REPLACE_TRIES
    assert not store.unsaved and not _temp_files(store)
    assert [o.name for o in _on_disk(store).all(Organisation)] == ["Welzijn Zuid"]


def test_a_target_held_open_longer_fails_like_a_full_disk_and_loses_nothing(
    make_store: MakeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store("file")
    assert store.path is not None
    held = HeldOpen(monkeypatch, store.path, times=10**6)
    with pytest.raises(SaveError, match=r"Opslaan van sessie\.json mislukt"):
        store.add(Organisation("Welzijn Zuid"))
    assert held.attempts == storage.REPLACE_TRIES  # bounded: 5 tries, then the banner
    assert store.unsaved and not _temp_files(store)
    assert [o.name for o in store.all(Organisation)] == ["Welzijn Zuid"]
    held.times = 0  # the other program lets go
    store.add(ParkingItem("Buurtapp"))
    assert not store.unsaved
    saved = _on_disk(store)
    assert [o.name for o in saved.all(Organisation)] == ["Welzijn Zuid"]
    assert [p.text for p in saved.all(ParkingItem)] == ["Buurtapp"]


def test_other_errors_are_not_retried(
    make_store: MakeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store("file")
    calls = []

    def full(source: object, target: object) -> None:
        calls.append(target)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(SaveError):
        store.add(Organisation("Welzijn Zuid"))
    assert len(calls) == 1
