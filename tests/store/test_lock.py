"""The session lock: exclusive, released by release and by the end of its process, link-proof."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import demo_session
from wijksessie.errors import SessionFileError
from wijksessie.store.lock import FileLock, LockHeld
from wijksessie.store.session_store import SessionStore, lock_path

HOLDER = """
import sys, time
from pathlib import Path
from wijksessie.store.lock import FileLock
lock = FileLock.acquire(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(60)
"""


def test_a_second_acquire_is_refused_until_the_first_is_released(tmp_path: Path) -> None:
    path = tmp_path / ".s.json.lock"
    first = FileLock.acquire(path)
    assert first.held
    with pytest.raises(LockHeld):
        FileLock.acquire(path)
    first.release()
    assert not first.held
    second = FileLock.acquire(path)
    second.release()


def test_release_twice_is_harmless_and_the_file_stays(tmp_path: Path) -> None:
    path = tmp_path / ".s.json.lock"
    lock = FileLock.acquire(path)
    lock.release()
    lock.release()
    assert path.exists()
    FileLock.acquire(path).release()


def test_a_refused_acquire_leaves_no_open_file_behind(tmp_path: Path) -> None:
    path = tmp_path / ".s.json.lock"
    held = FileLock.acquire(path)
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        pytest.skip("counting open files needs /proc")
    before = len(list(fd_dir.iterdir()))
    for _ in range(20):
        with pytest.raises(LockHeld):
            FileLock.acquire(path)
    assert len(list(fd_dir.iterdir())) == before
    held.release()


def test_another_process_holds_the_lock_until_it_is_killed(tmp_path: Path) -> None:
    path = tmp_path / ".s.json.lock"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld):
            FileLock.acquire(path)
    finally:
        child.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        child.wait(timeout=10)
    FileLock.acquire(path).release()


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="O_NOFOLLOW is POSIX")
def test_a_planted_link_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    session = sessions / "s.json"
    SessionStore.create(session, demo_session()).close()
    target = tmp_path / "precious.txt"
    target.write_text("niet aankomen")
    lock_path(session).unlink()
    lock_path(session).symlink_to(target)
    with pytest.raises(SessionFileError) as caught:
        SessionStore.open(session)
    assert "vergrendelen" in str(caught.value)
    assert target.read_text() == "niet aankomen"


def test_a_lock_nobody_holds_any_more_lets_go(tmp_path: Path) -> None:
    path = tmp_path / ".s.json.lock"
    lock = FileLock.acquire(path)
    del lock
    gc.collect()
    again = FileLock.acquire(path)  # raises LockHeld while the dropped lock still holds
    assert again.held
    again.release()
