"""The sessions folder: where it is, how files are named, what is in it, and the trash.

A title becomes a file name through ``slugify``, which keeps Dutch letters readable (é → e) and
can never produce a name that leaves the folder.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wijksessie.domain.codec import from_dict
from wijksessie.domain.model import Session
from wijksessie.errors import SessionFileError
from wijksessie.store.migrations import session_doc

ENV_DIR = "WIJKSESSIE_DIR"
TRASH = ".prullenbak"
SLUG_MAX = 60
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}


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
        raise SessionFileError("Deze titel geeft een ongeldige bestandsnaam.")
    return candidate


@dataclass(frozen=True)
class SessionInfo:
    """One line of the start screen: a session file and what it holds, or why it won't open."""

    path: Path
    title: str = ""
    wijk: str = ""
    date: date | None = None
    participants: int = 0
    commitments: int = 0
    problem: str = ""


def list_sessions(folder: Path) -> list[SessionInfo]:
    """Every ``*.json`` in the folder, newest session date first; unreadable ones last."""
    if not folder.is_dir():
        return []
    infos = [read_info(path) for path in folder.glob("*.json") if not path.name.startswith(".")]
    return sorted(infos, key=_newest_first)


def _newest_first(info: SessionInfo) -> tuple[bool, bool, int, str]:
    """Readable before unreadable, dated before undated, then the newest date first."""
    ordinal = info.date.toordinal() if info.date else 0
    return (bool(info.problem), info.date is None, -ordinal, info.path.name)


def read_info(path: Path) -> SessionInfo:
    """The start screen's line for one file; never raises for a bad file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        doc = session_doc(data)
        session = from_dict(Session, doc)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return SessionInfo(path, title=path.stem, problem="beschadigd of onleesbaar")
    except (SessionFileError, ValueError, TypeError):
        return SessionInfo(path, title=path.stem, problem="geen wijksessie-bestand")
    return SessionInfo(
        path,
        title=session.title,
        wijk=session.wijk,
        date=session.date,
        participants=len(data.get("participants") or {}),
        commitments=len(data.get("commitments") or {}),
    )


def move_to_trash(path: Path) -> Path:
    """Move a session file into the folder's ``.prullenbak`` instead of erasing it."""
    trash = path.parent / TRASH
    trash.mkdir(exist_ok=True)
    target = trash / path.name
    number = 2
    while target.exists():
        target = trash / f"{path.stem}-{number}{path.suffix}"
        number += 1
    os.replace(path, target)
    return target
