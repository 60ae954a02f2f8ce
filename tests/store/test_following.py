"""A read-only store follows another window's saves; the editor's position lives beside the file.

For the wall (``wijksessie view PAD --volg``): rereading takes no lock and writes nothing, a
damaged file leaves the last good data, and the position file is hidden from the folder's
listing and never half written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wijksessie.domain.model import Participant, Session
from wijksessie.errors import SessionFileError
from wijksessie.store import SessionStore
from wijksessie.store.folder import list_sessions
from wijksessie.store.session_file import lock_path
from wijksessie.store.wall_position import (
    WallPosition,
    read_wall_position,
    remove_wall_position,
    wall_path,
    write_wall_position,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "2026-12-03-kamer.json"
    SessionStore.create(path, Session("Kamer", date=date(2026, 12, 3))).close()
    return path


def test_a_follower_rereads_what_the_editor_saved_without_writing(path: Path) -> None:
    with SessionStore.open(path) as editor, SessionStore.open(path, read_only=True) as wall:
        editor.add(Participant("Anna", id="a" * 32))
        saved = path.read_bytes()
        lock = lock_path(path).read_bytes()
        assert wall.all(Participant) == []
        wall.reread()
        assert [p.name for p in wall.all(Participant)] == ["Anna"]
        assert wall.read_only
        assert path.read_bytes() == saved
        assert lock_path(path).read_bytes() == lock
        editor.add(Participant("Bram", id="b" * 32))  # the editor still holds its lock
        wall.reread()
        assert [p.name for p in wall.all(Participant)] == ["Anna", "Bram"]


def test_a_damaged_file_keeps_the_last_good_data(path: Path) -> None:
    with SessionStore.open(path, read_only=True) as wall:
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: len(text) // 2], encoding="utf-8")
        with pytest.raises(SessionFileError):
            wall.reread()
        assert wall.session.title == "Kamer"
        path.unlink()
        with pytest.raises(SessionFileError):
            wall.reread()
        assert wall.session.title == "Kamer"


def test_only_a_read_only_store_rereads(path: Path) -> None:
    with SessionStore.open(path) as editor, pytest.raises(RuntimeError):
        editor.reread()


def test_the_position_is_written_whole_read_back_and_removed(path: Path) -> None:
    assert read_wall_position(path) is None
    write_wall_position(path, WallPosition("wie-doet-wat", "matrix"))
    assert read_wall_position(path) == WallPosition("wie-doet-wat", "matrix")
    assert wall_path(path).stat().st_mode & 0o777 == path.stat().st_mode & 0o777
    write_wall_position(path, WallPosition("doelen"))
    assert read_wall_position(path) == WallPosition("doelen", "")
    assert sorted(p.name for p in path.parent.iterdir()) == [
        ".2026-12-03-kamer.json.lock",
        ".2026-12-03-kamer.json.wall",
        "2026-12-03-kamer.json",
    ]
    assert [info.path.name for info in list_sessions(path.parent)] == [path.name]
    remove_wall_position(path)
    remove_wall_position(path)  # already gone: quiet
    assert not wall_path(path).exists()


@pytest.mark.parametrize(
    "content", [b"", b"{", b"[1]", b'{"phase": 3}', b"\xff\xfe", b'{"phase": "x", "tab": 1}']
)
def test_a_foreign_position_file_is_ignored(path: Path, content: bytes) -> None:
    wall_path(path).write_bytes(content)
    assert read_wall_position(path) is None
