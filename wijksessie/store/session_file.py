"""The session file as a whole: its tables, a fresh file's contents, reading it, its lock.

Everything here works on the file or its path; ``SessionStore`` works on the data inside.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import wijksessie
from wijksessie.domain.codec import to_dict
from wijksessie.domain.model import (
    Agreement,
    Commitment,
    Connection,
    Goal,
    Initiative,
    Organisation,
    ParkingItem,
    Participant,
    ResidentQuestion,
    Session,
)
from wijksessie.errors import SessionFileError, SessionLockedError
from wijksessie.i18n import _
from wijksessie.store.lock import FileLock, LockHeld
from wijksessie.store.migrations import APP_MARK, SCHEMA_VERSION, migrate, session_doc
from wijksessie.store.storage import READ_FLAGS, FileState

LOCK_FILE_ITSELF = os.name == "posix"
"""Whether the session file itself is locked too (see ``read_session``)."""

SESSION_TABLE = "session"
TABLES: dict[type, str] = {
    ResidentQuestion: "resident_questions",
    Organisation: "organisations",
    Participant: "participants",
    Initiative: "initiatives",
    Connection: "connections",
    Goal: "goals",
    Agreement: "agreements",
    Commitment: "commitments",
    ParkingItem: "parking",
}


def lock_path(path: Path) -> Path:
    """The hidden lock file beside a session file."""
    return path.with_name(f".{path.name}.lock")


@dataclass
class SessionRead:
    """A session file as read: its data, its state then, and the lock on it if one was asked."""

    data: dict[str, Any]
    state: FileState
    identity: FileLock | None


def read_session_file(path: Path) -> dict[str, Any]:
    """The parsed, migrated contents of a session file; ``SessionFileError`` when unusable."""
    return read_session(path).data


def read_session(path: Path, *, lock: bool = False) -> SessionRead:
    """Read a session file once, with its state; with ``lock``, lock the file itself first.

    The lock is on the file, not on its name, so another name for it (a symbolic or hard
    link) finds it held (issue 19.1). It is taken on POSIX only: on Windows a lock on the file
    would stop the atomic save from replacing it. A FIFO or device is refused without waiting.
    """
    try:
        fd = os.open(path, READ_FLAGS)
    except FileNotFoundError:
        raise SessionFileError(_("Sessiebestand niet gevonden: {path}").format(path=path)) from None
    except IsADirectoryError:
        raise SessionFileError(
            _("{path} is een map, geen sessiebestand.").format(path=path)
        ) from None
    except OSError as error:
        raise SessionFileError(
            _("{name} is niet te lezen: {error}").format(name=path.name, error=error)
        ) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SessionFileError(_("{path} is een map, geen sessiebestand.").format(path=path))
        raise SessionFileError(
            _("{name} is geen gewoon bestand en wordt niet geopend.").format(name=path.name)
        )
    with os.fdopen(fd, "rb") as file:
        identity = _lock_file_itself(path, fd) if lock else None
        try:
            data = _parse(path, file)
        except BaseException:
            if identity is not None:
                identity.release()
            raise
    return SessionRead(data, FileState.of(info), identity)


def _lock_file_itself(path: Path, fd: int) -> FileLock | None:
    if not LOCK_FILE_ITSELF:
        return None
    try:
        return FileLock.take(path, os.dup(fd))
    except LockHeld:
        raise SessionLockedError(
            _(
                "{name} is al geopend in een ander venster van wijksessie, onder deze of een "
                "andere naam (een link naar hetzelfde bestand). Sluit dat eerst, of open deze "
                "sessie alleen-lezen (wijksessie view)."
            ).format(name=path.name)
        ) from None


def _parse(path: Path, file: BinaryIO) -> dict[str, Any]:
    try:
        text = file.read().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SessionFileError(
            _("{name} is niet te lezen: {error}").format(name=path.name, error=error)
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise SessionFileError(
            _("{name} is beschadigd: geen geldige JSON.").format(name=path.name)
        ) from None
    try:
        session_doc(data)
    except SessionFileError:
        raise SessionFileError(
            _("{name} is geen wijksessie-bestand.").format(name=path.name)
        ) from None
    return migrate(data, path.name)


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Remove the temp files a save of this session left when it was killed mid-write.

    Only files named as ``atomic_write_text`` names this session's temp files, and only by
    the holder of the session's lock, so no save in progress loses its file. Returns them.
    """
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")
    removed = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        if not pattern.fullmatch(name):
            continue
        stale = path.parent / name
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(stale).st_mode):
                stale.unlink()
                removed.append(stale)
    return removed


def real_path(path: Path) -> Path:
    """The file a symbolic link points to (else ``path``): the store saves into that file,
    instead of replacing the link with a file of its own."""
    return path.resolve() if path.is_symlink() else path


def acquire_lock(path: Path) -> FileLock:
    """The session's exclusive lock, or ``SessionLockedError`` when another window has it."""
    try:
        return FileLock.acquire(lock_path(path))
    except LockHeld:
        raise SessionLockedError(
            _(
                "{name} is al geopend in een ander venster van wijksessie. Sluit dat eerst, "
                "of open deze sessie alleen-lezen (wijksessie view)."
            ).format(name=path.name)
        ) from None
    except OSError as error:
        raise SessionFileError(
            _("Kan {name} niet vergrendelen: {error}").format(name=path.name, error=error)
        ) from None


def new_file_data(session: Session) -> dict[str, Any]:
    """The contents of a fresh session file: the session table and an empty table per entity."""
    doc = {"app": APP_MARK, "schema_version": SCHEMA_VERSION, "app_version": wijksessie.__version__}
    doc.update(to_dict(session))
    data: dict[str, Any] = {SESSION_TABLE: {"1": doc}}
    for table_name in TABLES.values():
        data[table_name] = {}
    return data
