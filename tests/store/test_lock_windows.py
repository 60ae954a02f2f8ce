"""The Windows path of the session lock, run here through a stand-in for ``msvcrt`` that keeps
the rules of the real one (issue 22.2), and lock files a synced folder brings in (22.3).

``msvcrt.locking(fd, LK_NBLCK, n)`` locks ``n`` bytes from the handle's current position. The
lock belongs to that handle: a second handle on the same file is refused (``OSError``,
EACCES) even in the same process, unlocking a range the handle does not hold is refused too,
and closing the handle lets go of its locks. This cannot prove what only real Windows shows
(sharing modes, antivirus, a handle inherited by a child), but it runs every line of
``store/lock.py``'s Windows branch against those rules.
"""

from __future__ import annotations

import errno
import gc
import importlib.util
import os
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import demo_session
from wijksessie.errors import SessionLockedError
from wijksessie.store import lock as posix_lock
from wijksessie.store import session_file, session_store
from wijksessie.store.session_store import SessionStore, lock_path


class StandInMsvcrt(types.ModuleType):
    """``msvcrt.locking`` and its constants, with byte-range locks per open handle."""

    LK_UNLCK = 0
    LK_LOCK = 1
    LK_NBLCK = 2
    LK_RLCK = 3
    LK_NBRLCK = 4

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held: dict[tuple[int, int, int], int] = {}
        """(device, inode, byte) -> the descriptor that holds it."""
        self.calls: list[tuple[int, int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        self.calls.append((fd, mode, nbytes))
        info = os.fstat(fd)  # EBADF for a closed handle, as the real one
        start = os.lseek(fd, 0, os.SEEK_CUR)
        keys = [(info.st_dev, info.st_ino, start + n) for n in range(nbytes)]
        if mode in (self.LK_NBLCK, self.LK_NBRLCK, self.LK_LOCK, self.LK_RLCK):
            if any(self.held.get(key, fd) != fd for key in keys):
                raise OSError(errno.EACCES, "Permission denied")
            for key in keys:
                self.held[key] = fd
        elif mode == self.LK_UNLCK:
            if any(self.held.get(key) != fd for key in keys):
                raise OSError(errno.EACCES, "Permission denied")
            for key in keys:
                del self.held[key]
        else:
            raise ValueError(mode)

    def closing(self, real_close: Callable[[int], None]) -> Callable[[int], None]:
        """``os.close`` that drops the handle's locks first: the lock goes with the handle."""

        def close(fd: int) -> None:
            for key in [key for key, owner in self.held.items() if owner == fd]:
                del self.held[key]
            real_close(fd)

        return close


@pytest.fixture
def msvcrt(monkeypatch: pytest.MonkeyPatch) -> StandInMsvcrt:
    stand_in = StandInMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", stand_in)
    monkeypatch.setattr(os, "close", stand_in.closing(os.close))
    return stand_in


@pytest.fixture
def windows_lock(msvcrt: StandInMsvcrt, monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """``store/lock.py`` loaded afresh as on Windows, used by the session store."""
    monkeypatch.setattr(sys, "platform", "win32")
    spec = importlib.util.spec_from_file_location("wijksessie_lock_on_windows", posix_lock.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(sys, "platform", "linux")
    assert not hasattr(module, "fcntl")
    monkeypatch.setattr(session_file, "FileLock", module.FileLock)
    monkeypatch.setattr(session_file, "LockHeld", module.LockHeld)
    # On Windows only the lock file is locked, not the session file itself (see read_session).
    monkeypatch.setattr(session_file, "LOCK_FILE_ITSELF", False)
    monkeypatch.setattr(session_store, "LOCK_FILE_ITSELF", False)
    return module


def test_the_windows_lock_refuses_a_second_handle_and_lets_go_on_release(
    windows_lock: types.ModuleType, msvcrt: StandInMsvcrt, tmp_path: Path
) -> None:
    path = tmp_path / ".s.json.lock"
    first = windows_lock.FileLock.acquire(path)
    assert msvcrt.held and msvcrt.calls[-1][1:] == (msvcrt.LK_NBLCK, 1)
    with pytest.raises(windows_lock.LockHeld):
        windows_lock.FileLock.acquire(path)
    first.release()
    assert msvcrt.held == {}
    assert msvcrt.calls[-1][1:] == (msvcrt.LK_UNLCK, 1)
    windows_lock.FileLock.acquire(path).release()


def test_the_windows_lock_goes_with_its_handle(
    windows_lock: types.ModuleType, msvcrt: StandInMsvcrt, tmp_path: Path
) -> None:
    """A crashed process's handles are closed by Windows: here, a dropped lock's handle."""
    path = tmp_path / ".s.json.lock"
    windows_lock.FileLock.acquire(path)  # dropped at once, as a crash drops everything
    gc.collect()
    assert msvcrt.held == {}
    windows_lock.FileLock.acquire(path).release()


def test_a_refused_windows_lock_closes_its_handle(
    windows_lock: types.ModuleType, msvcrt: StandInMsvcrt, tmp_path: Path
) -> None:
    path = tmp_path / ".s.json.lock"
    first = windows_lock.FileLock.acquire(path)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        with pytest.raises(windows_lock.LockHeld):
            windows_lock.FileLock.acquire(path)
    assert len(os.listdir("/proc/self/fd")) == before
    first.release()


def test_a_session_open_in_one_window_is_refused_in_another_on_windows(
    windows_lock: types.ModuleType, tmp_path: Path
) -> None:
    path = tmp_path / "sessie.json"
    with SessionStore.create(path, demo_session()):
        with pytest.raises(SessionLockedError, match="al geopend in een ander venster"):
            SessionStore.open(path)
        SessionStore.open(path, read_only=True).close()
    SessionStore.open(path).close()


@pytest.mark.parametrize("platform", ["posix", "windows"])
def test_a_lock_file_synced_from_another_laptop_is_not_a_live_lock(
    request: pytest.FixtureRequest, tmp_path: Path, platform: str
) -> None:
    """OneDrive or Dropbox copies ``.NAME.json.lock`` like any file, but a lock is held by an
    open handle on this machine, never by the file being there: a lock file that arrived from
    another laptop (old, with bytes in it) opens the session as usual."""
    if platform == "windows":
        request.getfixturevalue("windows_lock")
    path = tmp_path / "2026-12-03-netwerk.json"
    SessionStore.create(path, demo_session()).close()
    synced = lock_path(path)
    synced.write_bytes(b"LAPTOP-ILSE 4242\n")
    os.utime(synced, (1_700_000_000, 1_700_000_000))
    with SessionStore.open(path) as store:
        assert not store.read_only
    assert synced.read_bytes() == b"LAPTOP-ILSE 4242\n"  # never written, so never synced back
