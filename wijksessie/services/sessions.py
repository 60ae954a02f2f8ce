"""Session files as the user knows them: the demo, a follow-up, a whole ``Network`` written at once.

It goes through ``SessionStore.add`` so that every entity meets the same rules as one typed in
the app, inside one ``batch`` so the file is written once; a network that breaks a rule leaves
no file behind at all.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from wijksessie.domain.demo import demo_network
from wijksessie.domain.followup import follow_up
from wijksessie.domain.model import Network
from wijksessie.store.folder import DEMO_FILE, new_session_path
from wijksessie.store.session_store import SessionStore


def open_demo(folder: Path) -> SessionStore:
    """Open the demo session in ``folder`` for editing, creating it the first time."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_FILE
    return SessionStore.open(path) if path.exists() else write_network(path, demo_network())


def write_network(path: Path, network: Network) -> SessionStore:
    """Create ``path`` (which must not exist) holding ``network``; returns the open store."""
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


def write_follow_up(previous: Path, *, title: str, when: date | None, today: date) -> SessionStore:
    """Create the next session of the network in ``previous``'s folder and open it.

    The previous file is only read (no lock needed; it may be open elsewhere). The new file
    gets the usual dated name and links back to the previous one by file name.
    """
    with SessionStore.open(previous, read_only=True) as old:
        network = follow_up(
            old.network(), title=title, when=when, today=today, previous=previous.name
        )
    path = new_session_path(previous.parent, network.session.title, network.session.date)
    return write_network(path, network)
