"""The store's decoded lists: reused until their own table changes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from wijksessie.domain.model import Organisation, Participant, Session
from wijksessie.store import SessionStore


def test_all_decodes_a_kind_again_only_after_its_table_changed(tmp_path: Path) -> None:
    """The decoded lists are reused until their own table is written; each call is a new list."""
    store = SessionStore.create(tmp_path / "s.json", Session("Cache"))
    organisation = Organisation("Welzijn Zuid")
    store.add(organisation)
    first = store.all(Organisation)
    assert first == [organisation]
    assert store.all(Organisation) is not first  # a fresh list a caller may change
    assert store.all(Organisation)[0] is first[0]  # the same decoded entity, not decoded again
    store.add(Participant("Anna de Vries", organisation_id=organisation.id))
    assert store.all(Organisation)[0] is first[0]  # another table changed: still reused
    store.update(replace(organisation, name="Welzijn Zuid-Oost"))
    assert [o.name for o in store.all(Organisation)] == ["Welzijn Zuid-Oost"]
    store.undo()
    assert [o.name for o in store.all(Organisation)] == ["Welzijn Zuid"]
    store.remove(store.all(Participant)[0])
    assert store.all(Participant) == []
    store.undo()
    assert [p.name for p in store.all(Participant)] == ["Anna de Vries"]
    store.close()


def test_a_changed_table_decodes_only_its_new_and_changed_documents(tmp_path: Path) -> None:
    store = SessionStore.create(tmp_path / "s.json", Session("Cache"))
    for name in ("Welzijn Zuid", "Buurthuis", "Bibliotheek"):
        store.add(Organisation(name))
    before = store.all(Organisation)
    store.add(Organisation("Huisartsen"))
    after = store.all(Organisation)
    assert [a is b for a, b in zip(after, before, strict=False)] == [True, True, True]
    store.update(replace(before[1], name="Buurthuis De Linde"))
    changed = store.all(Organisation)
    assert [a is b for a, b in zip(changed, after, strict=True)] == [True, False, True, True]
    assert changed[1].name == "Buurthuis De Linde"
    store.undo()
    assert store.all(Organisation)[1].name == "Buurthuis"
    store.close()
