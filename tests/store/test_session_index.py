"""The start screen's index: a cache that never shows a stale or wrong line.

``list_sessions`` must answer exactly as if it had read every file; the index only saves it the
reading. These tests change files under it in every way a folder changes.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from wijksessie.domain.model import Participant, Session
from wijksessie.store import folder
from wijksessie.store.folder import INDEX, list_sessions, read_info
from wijksessie.store.session_store import SessionStore

WHEN = date(2026, 3, 12)


def _session(sessions_dir: Path, title: str, people: int = 1) -> Path:
    path = sessions_dir / f"{title.lower()}.json"
    with SessionStore.create(path, Session(title, wijk="Oost", date=WHEN)) as store:
        for number in range(people):
            store.add(Participant(f"Persoon {number}"))
    return path


def _fresh(sessions_dir: Path) -> list[folder.SessionInfo]:
    """What a listing without any index says: every file read."""
    infos = [read_info(p) for p in sessions_dir.glob("*.json") if not p.name.startswith(".")]
    return sorted(infos, key=folder._newest_first)


def test_the_index_is_hidden_and_no_session_file(sessions_dir: Path) -> None:
    _session(sessions_dir, "Een")
    list_sessions(sessions_dir)
    assert (sessions_dir / INDEX).is_file()
    assert INDEX.startswith(".") and not INDEX.endswith(".json")
    assert [p.name for p in sessions_dir.glob("*.json")] == ["een.json"]


def test_an_empty_folder_gets_no_index(sessions_dir: Path) -> None:
    assert list_sessions(sessions_dir) == []
    assert not (sessions_dir / INDEX).exists()


def test_a_second_listing_reads_no_file(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for title in ("Een", "Twee", "Drie"):
        _session(sessions_dir, title)
    first = list_sessions(sessions_dir)

    def no_reading(path: Path) -> folder.SessionInfo:
        raise AssertionError(f"read {path.name} although it did not change")

    monkeypatch.setattr(folder, "read_info", no_reading)
    assert list_sessions(sessions_dir) == first == _fresh(sessions_dir)


def test_changed_added_and_removed_files_are_seen(sessions_dir: Path) -> None:
    een, twee = _session(sessions_dir, "Een"), _session(sessions_dir, "Twee")
    list_sessions(sessions_dir)
    with SessionStore.open(een) as store:
        store.add(Participant("Nieuw"))
        store.save_session(Session("Een, hernoemd", wijk="West", date=date(2027, 1, 1)))
    twee.unlink()
    drie = _session(sessions_dir, "Drie", people=3)
    infos = list_sessions(sessions_dir)
    assert infos == _fresh(sessions_dir)
    assert [(i.path, i.title, i.participants) for i in infos] == [
        (een, "Een, hernoemd", 2),
        (drie, "Drie", 3),
    ]
    assert set(json.loads((sessions_dir / INDEX).read_text())["files"]) == {"een.json", "drie.json"}


def test_a_file_damaged_after_indexing_shows_as_damaged(sessions_dir: Path) -> None:
    path = _session(sessions_dir, "Een")
    list_sessions(sessions_dir)
    path.write_text("{kapot", encoding="utf-8")
    [info] = list_sessions(sessions_dir)
    assert info.problem == "beschadigd of onleesbaar"


def test_same_size_and_time_but_new_contents_is_read_again(sessions_dir: Path) -> None:
    path = _session(sessions_dir, "Een")
    list_sessions(sessions_dir)
    before = path.stat()
    text = path.read_text(encoding="utf-8").replace('"title": "Een"', '"title": "Nee"')
    replacement = path.with_name("vervanging.tmp")
    replacement.write_text(text, encoding="utf-8")
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(replacement, path)  # same size and mtime, but a new inode
    assert path.stat().st_size == before.st_size
    [info] = list_sessions(sessions_dir)
    assert info.title == "Nee"


@pytest.mark.parametrize(
    "index",
    [
        "{kapot",
        "[]",
        json.dumps({"key": {"app_version": "0.0.0", "schema_version": 1}, "files": {}}),
        json.dumps({"key": folder._INDEX_KEY, "files": []}),
        json.dumps({"key": folder._INDEX_KEY, "files": {"een.json": {"stamp": None}}}),
        json.dumps({"key": folder._INDEX_KEY, "files": {"een.json": "x"}}),
    ],
)
def test_a_damaged_or_foreign_index_is_rebuilt(sessions_dir: Path, index: str) -> None:
    _session(sessions_dir, "Een")
    (sessions_dir / INDEX).write_text(index, encoding="utf-8")
    assert list_sessions(sessions_dir) == _fresh(sessions_dir)
    assert list_sessions(sessions_dir) == _fresh(sessions_dir)


def test_an_entry_of_the_wrong_shape_is_read_again(sessions_dir: Path) -> None:
    path = _session(sessions_dir, "Een")
    list_sessions(sessions_dir)
    data = json.loads((sessions_dir / INDEX).read_text())
    data["files"][path.name]["participants"] = "veel"
    (sessions_dir / INDEX).write_text(json.dumps(data), encoding="utf-8")
    assert list_sessions(sessions_dir) == _fresh(sessions_dir)


def test_a_folder_that_cannot_be_written_still_lists(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _session(sessions_dir, "Een")

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(folder.tempfile, "mkstemp", read_only)
    assert list_sessions(sessions_dir) == _fresh(sessions_dir)
    assert not (sessions_dir / INDEX).exists()
