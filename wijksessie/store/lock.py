"""One editor per session: an exclusive lock on a hidden file beside the session file.

The operating system does the locking: ``fcntl.flock`` on Linux and macOS, ``msvcrt.locking`` on
Windows. Both belong to the open file, so the system lets go of them when the process ends in
whatever way (closed, crashed, killed with ``kill -9``): a lock is never left behind for someone
to clear by hand. Both also refuse a second open in the same process, so two stores in one app
cannot edit the same session either.

This replaces the ``filelock`` package, which did the same with ``flock`` but whose version 4
loads 24 modules (OpenSSL's hashing among them) for features wijksessie does not use: about
10 ms and 1.4 MB of opening a session, measured with Textual already loaded.

The lock file is opened without following symbolic links and is never truncated or written, so
a link planted in the sessions folder cannot make wijksessie damage the file it points to.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:  # another handle holds the byte: EACCES or EDEADLOCK
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


OPEN_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOINHERIT", 0)
)
"""Read-write, created when missing, never through a symbolic link, not passed to children."""


ATTEMPTS = 5
"""How often ``acquire`` opens a lock file again that was removed while it locked it."""


class LockHeld(Exception):
    """Another open file (in this process or another) holds the lock."""


class FileLock:
    """An exclusive lock held on ``path`` from ``acquire`` until ``release``."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: Path) -> FileLock:
        """Take the lock now or raise ``LockHeld``; ``OSError`` if the file cannot be opened.

        The lock is held only once the locked file is still the one at ``path``: a lock file
        removed (and perhaps made anew) between our open and our lock is opened again, so a
        lock file may be removed by whoever holds it without two holders coming of it.
        """
        for _attempt in range(ATTEMPTS):
            lock = cls.take(path, os.open(path, OPEN_FLAGS, 0o644))
            if lock._still_at_path():
                return lock
            lock.release()
        raise LockHeld(str(path))

    @classmethod
    def take(cls, path: Path, fd: int) -> FileLock:
        """Lock the file open at ``fd`` (named ``path``) or raise ``LockHeld``.

        The lock owns ``fd`` from then on, and closes it when released or refused. The store
        locks the session file itself this way, so a second name for the same file (a link)
        finds it held.
        """
        try:
            locked = _try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            os.close(fd)
            raise LockHeld(str(path))
        return cls(path, fd)

    def _still_at_path(self) -> bool:
        assert self._fd is not None
        try:
            named = os.stat(self.path, follow_symlinks=False)
        except OSError:
            return False
        held = os.fstat(self._fd)
        return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)

    def __del__(self) -> None:
        # A lock nobody holds any more lets go, as a file object closes when dropped.
        with contextlib.suppress(Exception):
            self.release()

    @property
    def held(self) -> bool:
        """True until ``release``."""
        return self._fd is not None

    def release(self) -> None:
        """Let go of the lock; releasing twice is harmless. The lock file stays for next time.

        Whoever holds a lock may remove its file before releasing it (``acquire`` then opens
        the new one), but a lock file left beside a session costs nothing.
        """
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)
