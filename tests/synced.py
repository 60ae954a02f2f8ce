"""Sessions folders as facilitators have them: conflict copies with the names each sync client
gives them, made the way they come about (one session saved on two laptops), and a read-only
network share."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from wijksessie.domain.model import Participant, Session
from wijksessie.store.session_store import SessionStore

ONEDRIVE = "2026-12-03-netwerk-LAPTOP-ILSE.json"
DROPBOX = "2026-12-03-netwerk (conflicted copy 2026-12-03).json"
DROPBOX_NAMED = "2026-12-03-netwerk (Ilse's conflicted copy 2026-12-03).json"
SHAREPOINT = "2026-12-03-netwerk-1.json"
ORIGINAL = "2026-12-03-netwerk.json"


def session_with(folder: Path, people: int, name: str = ORIGINAL) -> Path:
    """The session of 3 December with ``people`` participants, saved as the app saves it."""
    path = folder / name
    session = Session("Netwerk Kruidenbuurt", wijk="Kruidenbuurt", date=date(2026, 12, 3))
    with SessionStore.create(path, session) as store, store.batch():
        for number in range(people):
            store.add(Participant(f"Deelnemer {number + 1}"))
    return path


def add_people(path: Path, count: int, who: str = "Nieuw") -> None:
    """``count`` more participants in the session at ``path``, saved."""
    with SessionStore.open(path) as store, store.batch():
        for number in range(count):
            store.add(Participant(f"{who} {number + 1}"))


def conflict_copy(original: Path, name: str, more_here: int = 0, more_there: int = 0) -> Path:
    """The copy a sync client keeps when both laptops saved: ``more_here`` people were added
    to the original on this laptop and ``more_there`` to the copy on the other."""
    copy = original.with_name(name)
    shutil.copyfile(original, copy)
    add_people(copy, more_there, "Andere laptop")
    add_people(original, more_here, "Deze laptop")
    copy.with_name(f".{copy.name}.lock").unlink(missing_ok=True)
    return copy


class ReadOnlyFolder:
    """A folder nothing may be created or written in, as a read-only network share (the tests
    may run as root, for whom chmod does not stop writes, so the refusal is simulated)."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder.resolve()
        self._open = os.open
        monkeypatch.setattr(os, "open", self.open)

    def open(self, path: object, flags: int, *args: object, **kwargs: object) -> int:
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if writing and Path(os.fsdecode(path)).resolve().parent == self.folder:
            raise PermissionError(errno.EROFS, "Read-only file system", os.fsdecode(path))
        return self._open(path, flags, *args, **kwargs)
