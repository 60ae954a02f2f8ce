"""Session files as the user knows them: find, create, open, follow up, list, move to the trash.

The command line and the app both call these, so a session is made, opened or carried on in
one way. A whole network (the demo, a follow-up) goes in through ``SessionStore.add``, so every
entity meets the same rules as one typed in the app, inside one ``batch`` so the file is written
once; a network that breaks a rule leaves no file behind at all.

The store (TinyDB, the lock), the demo and the follow-up rules load inside the functions that
need them: the start screen lists and trashes sessions without them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from wijksessie.domain.dates import DateError, parse_date
from wijksessie.errors import ValidationError
from wijksessie.store import folder as _folder
from wijksessie.store.folder import DEMO_FILE, SessionInfo, new_session_path

if TYPE_CHECKING:
    from wijksessie.domain.model import Network, Session
    from wijksessie.store.session_store import SessionStore

__all__ = [
    "DEMO_FILE",
    "SessionInfo",
    "create_session",
    "follow_up_session",
    "list_sessions",
    "move_to_trash",
    "open_demo",
    "open_session",
    "opening_notes",
    "read_network",
    "read_session",
    "resolve_session_path",
    "write_network",
]


def resolve_session_path(text: str, folder: Path) -> Path:
    """The session file a user named: as given, or else that name inside the sessions folder.

    Raises ``SessionFileError`` when there is no such file or it is a folder, with the store's
    own words for it (the store reads the file and says why it cannot; nothing is locked).
    """
    path = Path(text).expanduser()
    if not path.exists() and not path.is_absolute() and (folder / path).exists():
        path = folder / path
    if not path.exists() or path.is_dir():
        from wijksessie.store.session_store import read_session_file

        read_session_file(path)  # raises: not found, or a folder
    return path


def list_sessions(folder: Path) -> list[SessionInfo]:
    """Every session in ``folder``, newest first, with why a file will not open."""
    return _folder.list_sessions(folder)


def move_to_trash(path: Path) -> Path:
    """Move a session file into its folder's ``.prullenbak``; returns where it went.

    ``SessionLockedError`` when it is open for editing elsewhere.
    """
    return _folder.move_to_trash(path)


def open_session(path: Path, *, read_only: bool = False) -> SessionStore:
    """Open a session file: locked for editing, or read-only (no lock; it may be open elsewhere)."""
    from wijksessie.store.session_store import SessionStore

    return SessionStore.open(path, read_only=read_only)


Tell = Callable[[str], None]
"""Where a use case reports what opening a file changed (the CLI: a line on stderr)."""


def opening_notes(store: SessionStore) -> list[str]:
    """What opening ``store`` changed in the file, one line each: ids repaired (and saved),
    and values brought within the rules of typing (kept in memory, saved with the next
    change; ``domain.tidy``). Empty for a file that needed nothing."""
    notes = list(store.repairs)
    if store.load_fixes:
        from wijksessie.domain.tidy import summary_line

        name = store.path.name if store.path else ""
        notes.append(f"{name}: {summary_line(store.load_fixes)}")
    return notes


def read_network(path: Path, *, tell: Tell | None = None) -> Network:
    """The whole session in ``path``, read without taking the lock; ``tell`` hears what
    reading had to change (``opening_notes``)."""
    with open_session(path, read_only=True) as store:
        if tell is not None:
            for note in opening_notes(store):
                tell(note)
        return store.network()


def read_session(path: Path) -> Session:
    """The session's own fields (title, dates…) in ``path``, read without taking the lock."""
    with open_session(path, read_only=True) as store:
        return store.session


def create_session(
    folder: Path, *, title: str, wijk: str, date_text: str = "", blank: date | None = None
) -> SessionStore:
    """Create a new session file in ``folder`` (made when missing) and open it for editing.

    ``date_text`` is a date as the user typed it; left blank, the session gets ``blank``.
    Raises ``ValidationError`` naming every field that is wrong (the date among them), before
    anything is written.
    """
    from wijksessie.domain.model import Session
    from wijksessie.domain.validation import problems
    from wijksessie.store.session_store import SessionStore

    found: dict[str, str] = {}
    try:
        when = parse_date(date_text) or blank
    except DateError as error:
        when, found["date"] = None, str(error)
    session = Session(title=title.strip(), wijk=wijk.strip(), date=when)
    found = {**problems(session), **found}
    if found:
        raise ValidationError(found)
    folder.mkdir(parents=True, exist_ok=True)
    return SessionStore.create(new_session_path(folder, session.title, session.date), session)


def open_demo(folder: Path) -> SessionStore:
    """Open the demo session in ``folder`` for editing, creating it the first time."""
    from wijksessie.domain.demo import demo_network

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_FILE
    return open_session(path) if path.exists() else write_network(path, demo_network())


def follow_up_session(
    previous: Path,
    *,
    title: str | None = None,
    date_text: str = "",
    today: date | None = None,
    tell: Tell | None = None,
) -> SessionStore:
    """Create the next session of the network in ``previous``'s folder and open it.

    ``title`` defaults to the previous session's, a blank ``date_text`` to its planned next
    date. The previous file is only read (no lock needed; it may be open elsewhere). The new
    file is named after the new session's date (never today's by default) and links back to
    the previous one by file name, keeping its title and date to show. Raises
    ``ValidationError`` (per field) for a date that is not one, is missing (nothing planned)
    or has passed, or a title that breaks a rule. The app's dialog and ``wijksessie vervolg``
    both come here.
    """
    from wijksessie.domain.followup import follow_up

    try:
        when = parse_date(date_text)
    except DateError as error:
        raise ValidationError({"date": str(error)}) from None
    old = read_network(previous, tell=tell)
    network = follow_up(
        old,
        title=old.session.title if title is None else title,
        when=when,
        today=today or date.today(),
        previous=previous.name,
    )
    path = new_session_path(previous.parent, network.session.title, network.session.date)
    return write_network(path, network)


def write_network(path: Path, network: Network) -> SessionStore:
    """Create ``path`` (which must not exist) holding ``network``; returns the open store."""
    from wijksessie.store.session_store import SessionStore

    store = SessionStore.create(path, network.session)
    try:
        with store.batch():
            for entity in _entities(network):
                store.add(entity)
    except BaseException:
        with contextlib.suppress(Exception):
            store.close()
        Path(path).unlink(missing_ok=True)
        raise
    return store


def _entities(network: Network) -> list[object]:
    """Every entity in the order the phases introduce them."""
    return [
        *network.questions,
        *network.organisations,
        *network.participants,
        *network.initiatives,
        *network.connections,
        *network.goals,
        *network.agreements,
        *network.commitments,
        *network.parking,
    ]
