"""``SessionStore.batch``: many changes, one save, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wijksessie.domain.model import Organisation, Participant, Session
from wijksessie.errors import ValidationError
from wijksessie.store import SessionStore
from wijksessie.store import storage as storage_module


def _on_disk(path: Path, table: str) -> list[dict]:
    return list(json.loads(path.read_text(encoding="utf-8"))[table].values())


def test_batch_saves_once_at_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.json"
    store = SessionStore.create(path, Session("Sessie"))
    writes: list[Path] = []
    real = storage_module.atomic_write_bytes
    monkeypatch.setattr(
        storage_module, "atomic_write_bytes", lambda p, t: (writes.append(p), real(p, t))
    )
    with store.batch():
        for name in ("A", "B", "C"):
            store.add(Organisation(name))
        assert _on_disk(path, "organisations") == []
    assert len(writes) == 1
    assert [doc["name"] for doc in _on_disk(path, "organisations")] == ["A", "B", "C"]
    store.close()


def test_failed_batch_changes_nothing_in_memory_or_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    store = SessionStore.create(path, Session("Sessie"))
    kept = Organisation("Blijft")
    store.add(kept)
    before = path.read_bytes()
    with pytest.raises(ValidationError), store.batch():
        store.remove(kept)
        store.add(Organisation("Nieuw"))
        store.add(Organisation("nieuw"))
    assert path.read_bytes() == before
    assert [org.name for org in store.all(Organisation)] == ["Blijft"]
    store.add(Participant("Ans", organisation_id=kept.id))
    store.close()
    reopened = SessionStore.open(path)
    assert [org.name for org in reopened.all(Organisation)] == ["Blijft"]
    assert [p.name for p in reopened.all(Participant)] == ["Ans"]
    reopened.close()


def test_batch_on_memory_store_just_runs() -> None:
    store = SessionStore.in_memory(Session("Sessie"))
    with store.batch():
        store.add(Organisation("A"))
    assert store.count(Organisation) == 1
