"""The cached table texts and decoded lists never go stale, whatever changes the session.

``dumps`` reuses a table's text and ``SessionStore.all`` its decoded list while the table dict
is the same object. A change that slipped past that (a table changed in place) would write
old data to disk: here every kind of change is made at random, and after each one the file
must equal a fresh encoding of the data, and reading it back must give what the store says.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from wijksessie.domain.codec import from_dict
from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import (
    Agreement,
    Commitment,
    Goal,
    Initiative,
    Organisation,
    Participant,
)
from wijksessie.errors import WijksessieError
from wijksessie.services.sessions import write_network
from wijksessie.store import SessionStore
from wijksessie.store.session_store import TABLES
from wijksessie.store.storage import dumps

KINDS = (Organisation, Participant, Initiative, Goal, Agreement, Commitment)


def _stale(store: SessionStore, path: Path) -> list[str]:
    """What differs from a fresh reading: the file, a reopened store, each decoded kind."""
    data = store._storage.read()
    stale = []
    if path.read_bytes() != dumps(data):  # no cache: every table anew
        stale.append("file")
    with SessionStore.open(path, read_only=True) as fresh:
        if fresh.network() != store.network():
            stale.append("reopened")
    for kind in KINDS:  # the cached lists against a fresh decoding of what is stored
        stored = data.get(TABLES[kind], {}).values()
        if store.all(kind) != [from_dict(kind, doc) for doc in stored]:
            stale.append(kind.__name__)
    return stale


def _step(store: SessionStore, rng: random.Random, number: int) -> None:
    kind = rng.choice(KINDS)
    present = store.all(kind)
    action = rng.choice(["add", "update", "remove", "undo", "redo", "batch", "failed", "session"])
    if action == "update" and present:
        entity = rng.choice(present)
        field = "name" if hasattr(entity, "name") else "text" if hasattr(entity, "text") else None
        if field is None:
            field = "what"
        store.update(replace(entity, **{field: f"{getattr(entity, field)} {number}"}))
    elif action == "remove" and present:
        entity = rng.choice(present)
        if kind in (Organisation, Participant, Goal):
            return  # others point at these; cascade deletes are the UI's plan, tested there
        store.remove(entity)
    elif action == "undo":
        store.undo()
    elif action == "redo":
        store.redo()
    elif action == "batch":
        with store.batch():
            store.add(Organisation(f"Batch {number}"))
            store.add(Organisation(f"Batch {number} b"))
    elif action == "failed":
        with pytest.raises(WijksessieError), store.batch():
            store.add(Organisation(f"Mislukt {number}"))
            store.add(Organisation(""))  # refused: the whole batch goes back
    elif action == "session":
        store.save_session(replace(store.session, notes=f"notitie {number}"))
    else:
        store.add(Organisation(f"Nieuw {number}"))


@pytest.mark.parametrize("seed", range(4))
def test_every_change_reaches_the_file_as_a_fresh_encoding(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "sessie.json"
    store = write_network(path, demo_network(date(2026, 11, 25)))
    rng = random.Random(seed)
    try:
        for number in range(40):
            _step(store, rng, number)
            assert _stale(store, path) == [], f"after step {number}"
    finally:
        store.close()
