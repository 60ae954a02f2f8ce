"""The session file as a whole: its tables, a fresh file's contents, reading it, its lock.

Everything here works on the file or its path; ``SessionStore`` works on the data inside.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from dataclasses import dataclass, field
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
from wijksessie.domain.tidy import DROPPED_DEEP, Fix, depth_over, tidy
from wijksessie.errors import SessionFileError, SessionLockedError
from wijksessie.i18n import _
from wijksessie.store import os_errors
from wijksessie.store.clean_read import read_clean, tidy_session
from wijksessie.store.lock import FileLock, LockHeld
from wijksessie.store.migrations import APP_MARK, SCHEMA_VERSION, migrate, session_doc
from wijksessie.store.reading import (
    MAX_FILE_BYTES,
    NOT_JSON,
    TOO_LARGE,
    UnreadableFile,
    decode,
    parse_json,
)
from wijksessie.store.storage import READ_FLAGS, FileState

LOCK_FILE_ITSELF = os.name == "posix"
"""Whether the session file itself is locked too (see ``read_session``)."""

LATER = ("vote_round",)
"""Session fields newer than the file format's first version: a file has them only while
they hold something, so files stay as earlier versions wrote them."""

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


CLEAN_TABLES = tuple(TABLES.items())
"""``TABLES`` as ``clean_read`` takes them."""


def lock_path(path: Path) -> Path:
    """The hidden lock file beside a session file."""
    return path.with_name(f".{path.name}.lock")


@dataclass
class SessionRead:
    """A session file as read: its data, its state then, and the lock on it if one was asked."""

    data: dict[str, Any]
    state: FileState
    identity: FileLock | None
    fixes: list[Fix] = field(default_factory=list)
    """What reading changed to bring the data within the rules of typing (``tidy_data``)."""
    clean: bool = False
    """Every entity's document is proven to need no tidying and to decode (``clean_read``):
    the store decodes each kind when it is first asked for, not all at open."""


def read_session_file(path: Path) -> dict[str, Any]:
    """The parsed, migrated contents of a session file; ``SessionFileError`` when unusable."""
    return read_session(path).data


def read_session(path: Path, *, lock: bool = False) -> SessionRead:
    """Read a session file once, with its state; with ``lock``, lock the file itself first.

    The data come parsed, migrated and brought within the rules of typing (``tidy_data``).
    A FIFO, a device, a file over 64 MB or JSON nested too deep is refused without hanging,
    exhausting memory or crashing (``store.reading``).

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
        if error.errno == errno.ELOOP:  # a link (O_NOFOLLOW) to what is not a regular file
            raise SessionFileError(
                _("{name} is geen gewoon bestand en wordt niet geopend.").format(name=path.name)
            ) from None
        raise SessionFileError(
            _("{name} is niet te lezen: {error}").format(
                name=path.name, error=os_errors.reason(error)
            )
        ) from None
    info = os.fstat(fd)
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_FILE_BYTES:
        os.close(fd)
        raise SessionFileError(
            _("{name} is niet te lezen: {error}").format(name=path.name, error=_(TOO_LARGE))
        )
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
            data, clean = _parse(path, file, info.st_size)
        except BaseException:
            if identity is not None:
                identity.release()
            raise
    fixes = tidy_session(session_doc(data)) if clean else tidy_data(data)
    return SessionRead(data, FileState.of(info), identity, fixes, clean)


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


def _parse(path: Path, file: BinaryIO, size: int) -> tuple[dict[str, Any], bool]:
    """The file's data, parsed and migrated, and whether it is proven clean (``clean_read``:
    then only its session document needs tidying).

    The file is read as large as it was (``size``) and a byte more, to see it grew: asking for
    the 64 MB limit at once made Python set that aside, 0.6 ms of reading the 1 MB large
    session instead of 0.06 (as ``reading.read_bytes``)."""
    try:
        raw = file.read(size + 1)
        if len(raw) > size:
            raw += file.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as error:
        raise SessionFileError(
            _("{name} is niet te lezen: {error}").format(
                name=path.name, error=os_errors.reason(error)
            )
        ) from None
    data = None if len(raw) > MAX_FILE_BYTES else read_clean(raw, SESSION_TABLE, CLEAN_TABLES)
    clean = data is not None
    try:
        if len(raw) > MAX_FILE_BYTES:  # grew after the stat
            raise UnreadableFile(TOO_LARGE)
        if data is None:
            data = parse_json(decode(raw))
    except UnreadableFile as error:
        if error.reason == NOT_JSON:
            message = _("{name} is beschadigd: geen geldige JSON.").format(name=path.name)
        else:
            reason = f"{_(error.reason)} ({error.detail})" if error.detail else _(error.reason)
            message = _("{name} is niet te lezen: {error}").format(name=path.name, error=reason)
        raise SessionFileError(message) from None
    try:
        session_doc(data)
    except SessionFileError:
        raise SessionFileError(
            _("{name} is geen wijksessie-bestand.").format(name=path.name)
        ) from None
    return migrate(data, path.name), clean


def tidy_data(data: dict[str, Any]) -> list[Fix]:
    """Apply ``domain.tidy`` to every document of a session file's data, in place."""
    fixes = tidy(Session, session_doc(data))
    for name in data.keys() - {SESSION_TABLE, *TABLES.values()}:
        if depth_over(data[name]):
            del data[name]  # a table this version does not know, nested beyond reason
            fixes.append(Fix(Session, name, DROPPED_DEEP))
    for kind, table_name in TABLES.items():
        table = data.get(table_name)
        if isinstance(table, dict):
            for doc in table.values():
                fixes += tidy(kind, doc)
    return fixes


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
    if not path.is_symlink():
        return path
    target = path.resolve()
    # A link to a device or FIFO keeps its own name, so the refusal names what the user chose.
    return target if target.is_file() else path


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
        message = _("Kan {name} niet vergrendelen: {error}.").format(
            name=path.name, error=os_errors.reason(error)
        )
        if os_errors.is_read_only(error):
            message += " " + _(
                "Bekijk de sessie alleen-lezen (wijksessie view), of kopieer hem naar een "
                "map waarin u mag schrijven."
            )
        raise SessionFileError(message) from None


def new_file_data(session: Session) -> dict[str, Any]:
    """The contents of a fresh session file: the session table and an empty table per entity."""
    doc = {"app": APP_MARK, "schema_version": SCHEMA_VERSION, "app_version": wijksessie.__version__}
    doc.update({key: value for key, value in to_dict(session).items() if value or key not in LATER})
    data: dict[str, Any] = {SESSION_TABLE: {"1": doc}}
    for table_name in TABLES.values():
        data[table_name] = {}
    return data
