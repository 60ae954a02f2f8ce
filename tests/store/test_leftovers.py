"""What a killed save or a failed open leaves behind is cleaned up (issue 19.8 and 19.12)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import demo_session
from wijksessie.errors import SessionFileError, SessionLockedError
from wijksessie.store.session_store import SessionStore, lock_path


def _session(folder: Path, name: str = "x.json") -> Path:
    path = folder / name
    SessionStore.create(path, demo_session()).close()
    return path


def _plant_temp(path: Path, middle: str) -> Path:
    temp = path.with_name(f".{path.name}.{middle}.tmp")
    temp.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return temp


def test_opening_a_session_removes_the_temp_files_a_killed_save_left(sessions_dir: Path) -> None:
    path = _session(sessions_dir)
    stale = [_plant_temp(path, "k3j_9x2a"), _plant_temp(path, "0abcdefg")]
    with SessionStore.open(path):
        pass
    assert not any(temp.exists() for temp in stale)


def test_only_its_own_temp_files_and_only_when_it_holds_the_lock(sessions_dir: Path) -> None:
    path = _session(sessions_dir)
    other = _session(sessions_dir, "x.json.2.json")
    not_ours = [
        _plant_temp(other, "k3j_9x2a"),  # another session's
        path.with_name(f".{path.name}.kort.tmp"),  # not the pattern of a save's temp file
        path.with_name(f"{path.name}.k3j_9x2a.tmp"),  # not hidden
    ]
    for temp in not_ours[1:]:
        temp.write_text("{}", encoding="utf-8")
    ours = _plant_temp(path, "k3j_9x2a")
    with SessionStore.open(path, read_only=True):
        assert ours.exists()  # a viewer holds no lock: a save may be writing it right now
    with SessionStore.open(path), pytest.raises(SessionLockedError):
        SessionStore.open(path)
    assert not ours.exists()
    assert all(temp.exists() for temp in not_ours)


def test_a_temp_file_that_is_a_link_or_a_folder_is_left_alone(sessions_dir: Path) -> None:
    path = _session(sessions_dir)
    folder = path.with_name(f".{path.name}.abcdefgh.tmp")
    folder.mkdir()
    with SessionStore.open(path):
        pass
    assert folder.is_dir()


@pytest.mark.parametrize("contents", [None, "geen json", '{"session": {}}'])
def test_a_failed_open_outside_the_sessions_folder_leaves_no_lock_file(
    tmp_path: Path, contents: str | None
) -> None:
    elsewhere = tmp_path / "downloads"
    elsewhere.mkdir()
    path = elsewhere / "kapot.json"
    if contents is not None:
        path.write_text(contents, encoding="utf-8")
    with pytest.raises(SessionFileError):
        SessionStore.open(path)
    assert sorted(os.listdir(elsewhere)) == ([path.name] if contents is not None else [])


def test_a_lock_file_that_was_there_already_stays(sessions_dir: Path) -> None:
    path = sessions_dir / "kapot.json"
    path.write_text("geen json", encoding="utf-8")
    lock_path(path).touch()
    with pytest.raises(SessionFileError):
        SessionStore.open(path)
    assert lock_path(path).exists()
