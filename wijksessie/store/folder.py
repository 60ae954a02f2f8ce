"""The sessions folder: where it is, how files are named, what is in it, and the trash.

A title becomes a file name through ``slugify``, which keeps Dutch letters readable (é → e) and
can never produce a name that leaves the folder.

The start screen's list comes from a hidden index (``.sessions-index``) of each file's line,
keyed on the file's size, times and inode: a folder of a thousand sessions lists in milliseconds
instead of parsing a thousand files. The index is only a cache; any file whose stamp changed is
read again, and an index that is missing, damaged or from another version is rebuilt.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import tempfile
import unicodedata
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import wijksessie
from wijksessie.domain.text import visible
from wijksessie.errors import SessionFileError
from wijksessie.i18n import N_, _
from wijksessie.store.conflicts import mark_conflict_copies
from wijksessie.store.migrations import SCHEMA_VERSION, session_doc
from wijksessie.store.reading import (
    NOT_A_FILE,
    NOT_JSON,
    UNREADABLE,
    UnreadableFile,
    decode,
    parse_json,
    read_bytes,
    read_json,
)
from wijksessie.store.session_info import SessionInfo

ENV_DIR = "WIJKSESSIE_DIR"
TRASH = ".prullenbak"
INDEX = ".sessions-index"
"""Hidden, and not ``*.json``: neither the listing nor a user's ``*.json`` glob sees it."""
DEMO_FILE = "demo-kruidenbuurt.json"
"""The demo session's file name in a sessions folder."""

_INDEX_KEY = {"app_version": wijksessie.__version__, "schema_version": SCHEMA_VERSION}
SLUG_MAX = 60
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}
_UNREADABLE = UNREADABLE
_FOREIGN = N_("geen wijksessie-bestand")
"""Why a file won't open, as the index keeps it (Dutch); ``SessionInfo.problem`` translates it."""


def sessions_dir(option: str | Path | None = None) -> Path:
    """The sessions folder: the ``--dir`` option, else ``$WIJKSESSIE_DIR``, else ``./sessions``."""
    chosen = option or os.environ.get(ENV_DIR) or "sessions"
    return Path(chosen).expanduser()


def slugify(title: str) -> str:
    """A safe, readable file-name part: ``"Café de Wijk/../x"`` → ``"cafe-de-wijk-x"``."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_MAX].strip("-")
    if not slug:
        return "sessie"
    if slug in _RESERVED:
        return f"sessie-{slug}"
    return slug


def new_session_path(folder: Path, title: str, when: date | None) -> Path:
    """A free file name ``YYYY-MM-DD-<slug>.json`` inside ``folder``."""
    stem = f"{(when or date.today()).isoformat()}-{slugify(title)}"
    candidate = folder / f"{stem}.json"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.json"
        number += 1
    if candidate.resolve().parent != folder.resolve():
        raise SessionFileError(_("Deze titel geeft een ongeldige bestandsnaam."))
    return candidate


def list_sessions(folder: Path) -> list[SessionInfo]:
    """Every ``*.json`` in the folder, newest session date first; unreadable ones last.

    Files whose stamp matches the folder's index are not opened; the others are read and the
    index is brought up to date.
    """
    if not folder.is_dir():
        return []
    known = _read_index(folder)
    listed = []
    for path in folder.glob("*.json"):
        name = path.name
        if not name.startswith("."):
            stamp = _stamp(path)
            entry = known.get(name)
            listed.append((path, name, stamp, entry, _current(entry, stamp)))
    outline = sum(not current for *_rest, current in listed) >= OUTLINE_FROM
    entries: dict[str, dict[str, Any]] = {}
    infos = []
    for path, name, stamp, entry, current in listed:
        info, entries[name] = _indexed_info(path, entry, stamp, outline, current)
        infos.append(info)
    if entries != known and (entries or known):
        _write_index(folder, entries)
    return sorted(mark_conflict_copies(infos), key=_newest_first)


def _newest_first(info: SessionInfo) -> tuple[bool, bool, int, str, bool, str]:
    """Readable before unreadable, dated before undated, then the newest date first; a
    conflict copy right under its original."""
    ordinal = info.date.toordinal() if info.date else 0
    name = info.path.name
    return (
        bool(info.problem),
        info.date is None,
        -ordinal,
        info.copy_of or name,
        bool(info.copy_of),
        name,
    )


def read_info(path: Path) -> SessionInfo:
    """The start screen's line for one file; never raises for a bad file."""
    return _translated(_read_info(path))


def _translated(info: SessionInfo) -> SessionInfo:
    """``info`` with its (Dutch) problem in the current language."""
    return replace(info, problem=_(info.problem)) if info.problem else info


def _read_info(path: Path, outline: bool = False) -> SessionInfo:
    """The line for one file with its problem in Dutch, as the index keeps it.

    With ``outline``, the file's JSON is checked whole but only the session table is decoded
    (``_outline``); the line is the same.
    """
    # Decoding needs the model, which the start screen otherwise never loads: a listing
    # served from the index starts the app ~10 ms sooner without it.
    from wijksessie.domain.codec import from_dict
    from wijksessie.domain.model import Session
    from wijksessie.domain.tidy import tidy

    title = visible(path.stem)
    try:
        raw = read_bytes(path)
        outlined = _outline(raw) if outline else None
        if outlined is None:
            data = parse_json(decode(raw))
            doc = session_doc(data)
            participants = _count(data.get("participants"))
            commitments = _count(data.get("commitments"))
        else:
            data, participants, commitments = outlined
            doc = session_doc(data)
        tidy(Session, doc)
        session = from_dict(Session, doc)
    except UnreadableFile as error:
        reason = _UNREADABLE if error.reason == NOT_JSON else error.reason
        return SessionInfo(path, title=title, problem=reason)
    except IsADirectoryError:
        return SessionInfo(path, title=title, problem=NOT_A_FILE)
    except OSError:
        return SessionInfo(path, title=title, problem=_UNREADABLE)
    except (SessionFileError, ValueError, TypeError, RecursionError):
        return SessionInfo(path, title=title, problem=_FOREIGN)
    return SessionInfo(
        path,
        title=session.title,
        wijk=session.wijk,
        date=session.date,
        participants=participants,
        commitments=commitments,
        session_id=session.id,
        checksum=zlib.crc32(raw),
    )


OUTLINE_FROM = 12
"""From this many files to read, ``_outline`` reads them: importing msgspec (about 5 ms) costs
more than parsing a few files whole."""


def _count(table: Any) -> int:
    """How many documents the start screen counts in a table (a table that is no object
    counts what ``len`` makes of it, and anything ``len`` refuses makes the file foreign)."""
    return len(table or {})


Outline = tuple[dict[str, Any], int, int]
"""A file's top level with only its session table, and its participants and commitments
counted."""


def _outline(raw: bytes) -> Outline | None:
    """What ``_read_info`` needs of a file: the session table decoded, the participants and
    commitments only counted, the rest not decoded at all; ``None`` when the file is not
    plain valid JSON by msgspec's rules, or its participants or commitments are no table (the
    caller then parses it whole and says what is wrong, as before).

    The first listing of a folder of a thousand sessions parsed 37 MB of JSON with ``json``
    (about 0.3 s of a 0.9 s start); msgspec checks the syntax of what it skips as strictly,
    in a tenth of the time. Where the two disagree (``NaN``, a lone surrogate), msgspec
    refuses and ``json`` decides. It does not check UTF-8 inside what it skips: that is
    checked here first.
    """
    import msgspec

    if not raw.isascii():
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
    try:
        top = _outline_decoder().decode(raw)
        data = {"session": json.loads(bytes(top.session))} if top.session else {}
    except (msgspec.DecodeError, RecursionError, ValueError):
        return None
    return data, len(top.participants), len(top.commitments)


@functools.cache
def _outline_decoder() -> Any:
    """msgspec's decoder of a file's top level into what ``_outline`` reads, made once: the
    session table's raw text, and the keys of the participants and commitments."""
    import msgspec

    table = dict[str, msgspec.Raw]
    top = msgspec.defstruct(
        "Top",
        [
            ("session", msgspec.Raw, msgspec.Raw(b"")),
            ("participants", table, {}),
            ("commitments", table, {}),
        ],
    )
    return msgspec.json.Decoder(top)


# --- the index ---------------------------------------------------------------------------------


def _stamp(path: Path) -> list[int] | None:
    """What changes whenever the file does: an atomic save gives a new inode and times."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]


def _current(entry: Any, stamp: list[int] | None) -> bool:
    """Whether an index entry still describes the file of ``stamp``."""
    return stamp is not None and isinstance(entry, dict) and entry.get("stamp") == stamp


def _indexed_info(
    path: Path, entry: Any, stamp: list[int] | None, outline: bool = False, current: bool = False
) -> tuple[SessionInfo, dict[str, Any]]:
    """The file's line from its index entry when it is ``current`` (its stamp still
    matches), else read afresh (with ``outline``: see ``_read_info``).

    The stamp is taken before reading, so a save racing the read leaves a stale stamp that
    makes the next listing read the file again, never a stale line.
    """
    if current:
        with contextlib.suppress(KeyError, TypeError, ValueError):
            info = _from_entry(path, entry)
            return (_translated(info) if info.problem else info), entry
    info = _read_info(path, outline)
    return _translated(info), _to_entry(info, stamp)


def _to_entry(info: SessionInfo, stamp: list[int] | None) -> dict[str, Any]:
    return {
        "stamp": stamp,
        "title": info.title,
        "wijk": info.wijk,
        "date": info.date.isoformat() if info.date else None,
        "participants": info.participants,
        "commitments": info.commitments,
        "problem": info.problem,
        "id": info.session_id,
        "crc": info.checksum,
    }


def _from_entry(path: Path, entry: dict[str, Any]) -> SessionInfo:
    when = entry["date"]
    title, wijk, problem, session_id = entry["title"], entry["wijk"], entry["problem"], entry["id"]
    participants, commitments, crc = entry["participants"], entry["commitments"], entry["crc"]
    # One test each, without building tuples: a thousand entries are read at every start.
    if not (
        isinstance(participants, int)
        and isinstance(commitments, int)
        and isinstance(crc, int)
        and isinstance(title, str)
        and isinstance(wijk, str)
        and isinstance(problem, str)
        and isinstance(session_id, str)
    ):
        raise TypeError("index entry of the wrong shape")
    when = date.fromisoformat(when) if when is not None else None
    return SessionInfo(
        path,
        title=title,
        wijk=wijk,
        date=when,
        participants=participants,
        commitments=commitments,
        problem=problem,
        session_id=session_id,
        checksum=crc,
    )


def _read_index(folder: Path) -> dict[str, Any]:
    """The index's entries by file name; empty when it is missing, damaged or out of date."""
    try:
        data = read_json(folder / INDEX)
    except (OSError, UnreadableFile):
        return {}
    if not isinstance(data, dict) or data.get("key") != _INDEX_KEY:
        return {}
    files = data.get("files")
    return files if isinstance(files, dict) else {}


def _write_index(folder: Path, entries: dict[str, dict[str, Any]]) -> None:
    """Replace the index in one rename; a folder we cannot write to simply has no index.

    No fsync: after a crash the index may be stale or empty, and either is only read again.
    """
    text = json.dumps({"key": _INDEX_KEY, "files": entries}, ensure_ascii=False)
    temp = ""
    try:
        handle, temp = tempfile.mkstemp(prefix=f"{INDEX}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temp, folder / INDEX)
    except (OSError, ValueError):  # ValueError: text the codec cannot write (a lone surrogate)
        if temp:
            with contextlib.suppress(OSError):
                os.unlink(temp)


# --- the trash ---------------------------------------------------------------------------------


def move_to_trash(path: Path) -> Path:
    """Move a session file into the folder's ``.prullenbak`` instead of erasing it.

    A session open for editing elsewhere is refused (``SessionLockedError``): moving it away
    under a facilitator who is typing in it would split the session in two.
    """
    from wijksessie.store.session_store import SessionStore, lock_path

    lock = SessionStore.acquire_lock(path)
    try:
        trash = path.parent / TRASH
        trash.mkdir(exist_ok=True)
        target = trash / path.name
        number = 2
        while target.exists():
            target = trash / f"{path.stem}-{number}{path.suffix}"
            number += 1
        os.replace(path, target)
    finally:
        lock.release()
        with contextlib.suppress(OSError):
            lock_path(path).unlink()
    return target
