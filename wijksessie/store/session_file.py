"""The session file as a whole: its tables, a fresh file's contents, reading it, its lock.

Everything here works on the file or its path; ``SessionStore`` works on the data inside.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def read_session_file(path: Path) -> dict[str, Any]:
    """The parsed, migrated contents of a session file; ``SessionFileError`` when unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SessionFileError(_("Sessiebestand niet gevonden: {path}").format(path=path)) from None
    except IsADirectoryError:
        raise SessionFileError(
            _("{path} is een map, geen sessiebestand.").format(path=path)
        ) from None
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
