"""Undo and redo: every change a step, saved like any other change, checked in the saved file.

The history belongs to one open store: a session opened again starts with an empty history.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MakeStore, demo_entities
from wijksessie.domain.agenda import AgendaClock
from wijksessie.domain.model import (
    AgendaItem,
    Connection,
    ConnectionKind,
    Goal,
    Network,
    Organisation,
    ParkingItem,
    Participant,
    Phase,
    ResidentQuestion,
)
from wijksessie.errors import ReadOnlyError, SaveError, ValidationError
from wijksessie.store import storage as storage_module
from wijksessie.store.session_store import UNDO_DEPTH, SessionStore

NOUNS = {
    "ResidentQuestion": "vraag",
    "Organisation": "organisatie",
    "Participant": "deelnemer",
    "Initiative": "initiatief",
    "Connection": "verbinding",
    "Goal": "doel",
    "Agreement": "afspraak",
    "Commitment": "toezegging",
    "ParkingItem": "parkeerplaats-idee",
}


def _one_of_each_kind() -> list[Any]:
    seen: dict[type, Any] = {}
    for entity in demo_entities():
        seen.setdefault(type(entity), entity)
    return list(seen.values())


KINDS = [type(entity).__name__ for entity in _one_of_each_kind()]


def _target(entities: list[Any], kind_name: str) -> Any:
    return next(entity for entity in entities if type(entity).__name__ == kind_name)


def _edited(entity: Any) -> Any:
    """The entity with its main text changed (a connection: its kind and note)."""
    if isinstance(entity, Connection):
        return replace(entity, kind=ConnectionKind.WORK_TOGETHER, note="sinds vandaag")
    first = fields(entity)[0].name
    return replace(entity, **{first: getattr(entity, first) + " (bijgewerkt)"})


def _saved(store: SessionStore) -> Network:
    """What the session file on disk holds, read by a second, read-only store."""
    assert store.path is not None
    with SessionStore.open(store.path, read_only=True) as reader:
        return reader.network()


def _all(store: SessionStore) -> Iterator[Any]:
    """Every entity in the store, kind after kind."""
    network = store.network()
    for name in (f.name for f in fields(network) if f.name != "session"):
        yield from getattr(network, name)


def _filled(store: SessionStore, entities: list[Any]) -> SessionStore:
    for entity in entities:
        store.add(entity)
    return store


class Writes:
    """Counts the atomic file writes, optionally failing the next ones with ENOSPC."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        self.fail_next = 0
        self._real = storage_module.atomic_write_bytes
        monkeypatch.setattr(storage_module, "atomic_write_bytes", self._write)

    def _write(self, path: Path, data: bytes) -> None:
        self.count += 1
        if self.fail_next:
            self.fail_next -= 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        self._real(path, data)


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> Writes:
    """The disk under the file store, counted and able to fail once."""
    return Writes(monkeypatch)


@pytest.fixture
def filled_store(make_store: MakeStore) -> SessionStore:
    """A file store with one entity of every kind (two organisations, two participants)."""
    return _filled(make_store("file"), demo_entities())


# -- add, edit and delete of every kind, checked in the file ----------------------------


@pytest.mark.parametrize("kind_name", KINDS)
def test_undo_and_redo_of_an_add(make_store: MakeStore, kind_name: str) -> None:
    entities = demo_entities()
    target = _target(entities, kind_name)
    store = _filled(make_store("file"), [e for e in entities if e is not target])
    before = store.network()
    store.add(target)
    after = store.network()

    undone = store.undo()
    assert undone is not None
    assert undone.startswith(f"{NOUNS[kind_name]} ‘")
    assert undone.endswith("’ toegevoegd")
    assert store.network() == before
    assert _saved(store) == before

    assert store.redo() == undone
    assert store.network() == after
    assert _saved(store) == after
    assert store.get(type(target), target.id) == target


@pytest.mark.parametrize("kind_name", KINDS)
def test_undo_and_redo_of_an_edit(filled_store: SessionStore, kind_name: str) -> None:
    store = filled_store
    target = _target(list(_all(store)), kind_name)
    before = store.network()
    store.update(_edited(target))
    after = store.network()
    assert after != before

    undone = store.undo()
    assert undone is not None
    assert undone.startswith(f"{NOUNS[kind_name]} ")
    assert undone.endswith(" gewijzigd")
    assert _saved(store) == before
    assert store.get(type(target), target.id) == target

    assert store.redo() == undone
    assert _saved(store) == after
    assert store.get(type(target), target.id) == _edited(target)


@pytest.mark.parametrize("kind_name", KINDS)
def test_undo_and_redo_of_a_delete(filled_store: SessionStore, kind_name: str) -> None:
    store = filled_store
    target = _target(list(_all(store)), kind_name)
    before = store.network()
    store.remove(target)
    after = store.network()

    undone = store.undo()
    assert undone is not None
    assert undone.startswith(f"{NOUNS[kind_name]} ")
    assert undone.endswith(" verwijderd")
    assert store.network() == before
    assert _saved(store) == before
    assert store.count(type(target)) == len(store.all(type(target)))

    assert store.redo() == undone
    assert _saved(store) == after
    assert store.network() == after


# -- position, ids and descriptions ----------------------------------------------------


@pytest.mark.parametrize("kind", ["memory", "file"])
def test_an_undone_delete_comes_back_in_its_place(make_store: MakeStore, kind: str) -> None:
    store = make_store(kind)
    items = [ParkingItem(f"idee {n}") for n in range(5)]
    _filled(store, items)
    doc_ids = _parking_doc_ids(store)
    store.remove(items[2])
    store.remove(items[0])
    store.undo()
    store.undo()
    assert store.all(ParkingItem) == items
    if store.path is not None:
        assert _saved(store).parking == items
        assert _parking_doc_ids(store) == doc_ids


def _parking_doc_ids(store: SessionStore) -> list[str]:
    """The TinyDB document ids of the saved parking table, in the file's order."""
    if store.path is None:
        return []
    return list(json.loads(store.path.read_text(encoding="utf-8"))["parking"])


def test_the_id_index_stays_right_after_undo_and_redo(make_store: MakeStore) -> None:
    store = make_store("file")
    items = _filled(store, [ParkingItem("een"), ParkingItem("twee")]).all(ParkingItem)
    store.remove(items[0])
    store.undo()
    assert store.get(ParkingItem, items[0].id) == items[0]
    assert store.count(ParkingItem) == 2
    store.update(replace(items[0], text="een, herzien"))
    store.remove(items[1])
    store.add(ParkingItem("drie"))
    assert [item.text for item in store.all(ParkingItem)] == ["een, herzien", "drie"]
    for _ in range(5):
        store.undo()
    assert store.count(ParkingItem) == 0
    while store.can_redo:
        store.redo()
    assert [item.text for item in store.all(ParkingItem)] == ["een, herzien", "drie"]
    assert [item.text for item in _saved(store).parking] == ["een, herzien", "drie"]
    store.add(ParkingItem("vier"))
    assert store.count(ParkingItem) == 3


def test_descriptions_name_the_entity_in_dutch(make_store: MakeStore) -> None:
    store = make_store("memory")
    welzijn, huisarts = Organisation("Welzijn Zuid"), Organisation("Huisarts")
    _filled(store, [welzijn, huisarts])
    store.add(Connection(welzijn.id, huisarts.id))
    long_question = ResidentQuestion("Waar kan ik terecht als ik mijn huur niet meer kan betalen?")
    store.add(long_question)
    store.update(replace(welzijn, sector="welzijn"))
    store.remove(huisarts)
    store.add(Goal("Samen"), description="doel van de coalitie")
    assert [store.undo() for _ in range(6)] == [
        "doel van de coalitie",
        "organisatie ‘Huisarts’ verwijderd",
        "organisatie ‘Welzijn Zuid’ gewijzigd",
        "vraag ‘Waar kan ik terecht als ik mijn huur…’ toegevoegd",
        "verbinding ‘Welzijn Zuid – Huisarts’ toegevoegd",
        "organisatie ‘Huisarts’ toegevoegd",
    ]


def test_the_next_step_is_named_before_it_is_taken(make_store: MakeStore) -> None:
    store = make_store("memory")
    assert (store.can_undo, store.can_redo) == (False, False)
    assert store.undo_description is None
    store.add(Organisation("Welzijn Zuid"))
    assert store.can_undo
    assert store.undo_description == "organisatie ‘Welzijn Zuid’ toegevoegd"
    store.undo()
    assert (store.can_undo, store.can_redo) == (False, True)
    assert store.redo_description == "organisatie ‘Welzijn Zuid’ toegevoegd"


def test_nothing_to_undo_or_redo_gives_none(make_store: MakeStore) -> None:
    store = make_store("file")
    assert store.undo() is None
    assert store.redo() is None


# -- steps: batches, redo, depth ---------------------------------------------------------


def test_a_batch_is_one_step_and_one_save(make_store: MakeStore, writes: Writes) -> None:
    store = make_store("file")
    kept = Organisation("Blijft")
    store.add(kept)
    before = store.network()
    with store.batch():
        store.add(Organisation("A"))
        store.update(replace(kept, sector="welzijn"))
        store.add(ParkingItem("Buurtapp"))
    after = store.network()
    writes.count = 0
    assert store.undo() == "3 wijzigingen"
    assert writes.count == 1
    assert _saved(store) == before
    assert store.redo() == "3 wijzigingen"
    assert writes.count == 2
    assert _saved(store) == after
    assert store.undo() == "3 wijzigingen"
    assert store.undo() == "organisatie ‘Blijft’ toegevoegd"


def test_a_batch_can_be_named_and_a_one_change_batch_keeps_its_name(
    make_store: MakeStore,
) -> None:
    store = make_store("memory")
    with store.batch():
        store.add(Organisation("Welzijn Zuid"))
    with store.batch(description="import van 2 rijen"):
        store.add(Organisation("A"))
        store.add(Organisation("B"))
    with store.batch():
        pass
    assert store.undo() == "import van 2 rijen"
    assert store.undo() == "organisatie ‘Welzijn Zuid’ toegevoegd"
    assert store.undo() is None


def test_a_cascade_delete_in_a_batch_comes_back_whole(filled_store: SessionStore) -> None:
    store = filled_store
    before = store.network()
    welzijn = before.organisations[0]
    with store.batch():
        for participant in store.all(Participant):
            if participant.organisation_id == welzijn.id:
                store.update(replace(participant, organisation_id=""))
        for connection in store.all(Connection):
            store.remove(connection)
        store.remove(welzijn)
    assert store.undo() == "3 wijzigingen"
    assert _saved(store) == before


@pytest.mark.parametrize("kind", ["memory", "file"])
def test_a_failed_batch_is_no_step_and_leaves_nothing(make_store: MakeStore, kind: str) -> None:
    store = make_store(kind)
    store.add(Organisation("Blijft"))
    with pytest.raises(ValidationError), store.batch():
        store.add(Organisation("Nieuw"))
        store.add(Organisation("nieuw"))
    assert [org.name for org in store.all(Organisation)] == ["Blijft"]
    assert store.count(Organisation) == 1
    assert store.undo() == "organisatie ‘Blijft’ toegevoegd"
    assert store.undo() is None


def test_an_unchanged_update_inside_a_batch_does_not_save_early(
    make_store: MakeStore, writes: Writes
) -> None:
    store = make_store("file")
    kept = Organisation("Blijft")
    store.add(kept)
    writes.count = 0
    with pytest.raises(RuntimeError), store.batch():
        store.add(Organisation("Nieuw"))
        store.update(kept)
        store.save_session(store.session)
        raise RuntimeError("afgebroken")
    assert writes.count == 0
    assert [org.name for org in _saved(store).organisations] == ["Blijft"]
    assert store.all(Organisation) == [kept]


def test_a_new_change_clears_redo(make_store: MakeStore) -> None:
    store = make_store("file")
    store.add(Organisation("A"))
    store.add(Organisation("B"))
    store.undo()
    assert store.can_redo
    store.add(Organisation("C"))
    assert not store.can_redo
    assert store.redo() is None
    assert [org.name for org in _saved(store).organisations] == ["A", "C"]


def test_undo_goes_back_at_most_the_history_depth(make_store: MakeStore) -> None:
    store = make_store("memory")
    for n in range(UNDO_DEPTH + 5):
        store.add(ParkingItem(f"idee {n}"))
    undone = 0
    while store.undo() is not None:
        undone += 1
    assert undone == UNDO_DEPTH
    assert [item.text for item in store.all(ParkingItem)] == [f"idee {n}" for n in range(5)]


def test_a_smaller_depth_can_be_chosen() -> None:
    from tinydb.storages import MemoryStorage

    from wijksessie.domain.model import Session
    from wijksessie.store.session_store import new_file_data

    storage = MemoryStorage()
    storage.write(new_file_data(Session("Sessie")))
    store = SessionStore(storage, undo_depth=2)
    for name in ("A", "B", "C"):
        store.add(Organisation(name))
    assert store.undo() and store.undo()
    assert store.undo() is None
    assert [org.name for org in store.all(Organisation)] == ["A"]


# -- per open, read-only, failed saves ---------------------------------------------------


def test_a_reopened_session_has_no_history(
    make_store: MakeStore, reopen: Callable[[SessionStore], SessionStore]
) -> None:
    store = make_store("file")
    store.add(Organisation("Welzijn Zuid"))
    again = reopen(store)
    assert not again.can_undo
    assert again.undo() is None
    assert [org.name for org in again.all(Organisation)] == ["Welzijn Zuid"]


def test_a_read_only_store_refuses_undo_and_redo(make_store: MakeStore) -> None:
    store = make_store("file")
    store.add(Organisation("Welzijn Zuid"))
    assert store.path is not None
    with SessionStore.open(store.path, read_only=True) as reader:
        assert (reader.can_undo, reader.can_redo) == (False, False)
        with pytest.raises(ReadOnlyError):
            reader.undo()
        with pytest.raises(ReadOnlyError):
            reader.redo()


def test_a_failed_save_during_undo_keeps_the_undo_in_memory(
    make_store: MakeStore, writes: Writes
) -> None:
    store = make_store("file")
    first, second = Organisation("Welzijn Zuid"), Organisation("Huisarts")
    _filled(store, [first, second])
    store.remove(first)
    writes.fail_next = 1
    with pytest.raises(SaveError, match="Niets is verloren"):
        store.undo()
    assert store.all(Organisation) == [first, second]
    assert store.get(Organisation, first.id) == first
    assert store.unsaved
    assert [org.name for org in _saved(store).organisations] == ["Huisarts"]
    assert store.can_redo
    assert store.undo_description == "organisatie ‘Huisarts’ toegevoegd"
    store.flush()
    assert not store.unsaved
    assert _saved(store).organisations == [first, second]
    assert store.redo() == "organisatie ‘Welzijn Zuid’ verwijderd"
    assert _saved(store).organisations == [second]


def test_a_change_whose_save_failed_can_be_undone(make_store: MakeStore, writes: Writes) -> None:
    store = make_store("file")
    item = ParkingItem("Buurtapp")
    writes.fail_next = 1
    with pytest.raises(SaveError):
        store.add(item)
    assert store.undo() == "parkeerplaats-idee ‘Buurtapp’ toegevoegd"
    assert not store.unsaved
    assert _saved(store).parking == []
    assert store.redo() is not None
    assert _saved(store).parking == [item]


# -- the session's own fields and the agenda clock ---------------------------------------


def test_undo_of_a_session_edit_in_the_file(make_store: MakeStore) -> None:
    store = make_store("file")
    before = store.session
    store.save_session(replace(before, title="Nieuwe titel", wijk="Oost"))
    assert store.undo() == "sessiegegevens gewijzigd"
    assert _saved(store).session == before
    assert store.redo() == "sessiegegevens gewijzigd"
    assert _saved(store).session.title == "Nieuwe titel"


def _with_time(store: SessionStore, seconds: int) -> list[AgendaItem]:
    return [replace(item, spent_seconds=seconds) for item in store.session.agenda]


def test_time_spent_is_saved_but_is_no_step_and_survives_undo(make_store: MakeStore) -> None:
    store = make_store("file")
    store.save_session(replace(store.session, title="Nieuwe titel"))
    store.add(Organisation("A"))
    store.undo()
    store.save_session(replace(store.session, agenda=_with_time(store, 120)))
    assert store.can_redo, "a tick of the clock must not clear redo"
    assert _saved(store).session.agenda[2].spent_seconds == 120
    assert store.undo() == "sessiegegevens gewijzigd"
    saved = _saved(store).session
    assert saved.title == "Netwerksessie De Pijp"
    assert [item.spent_seconds for item in saved.agenda] == [120] * len(saved.agenda)


def test_undo_of_a_planned_minutes_edit_keeps_the_time(make_store: MakeStore) -> None:
    store = make_store("memory")
    agenda = store.session.agenda
    agenda[1] = replace(agenda[1], planned_minutes=55)
    store.save_session(replace(store.session, agenda=agenda))
    store.save_session(replace(store.session, agenda=_with_time(store, 300)))
    store.undo()
    network = store.session.agenda[1]
    assert network.phase is Phase.NETWORK
    assert (network.planned_minutes, network.spent_seconds) == (40, 300)


def test_saving_what_is_stored_writes_nothing(filled_store: SessionStore, writes: Writes) -> None:
    store = filled_store
    store.save_session(store.session)
    store.update(store.all(Organisation)[0])
    assert writes.count == 0
    assert store.undo_description == "parkeerplaats-idee ‘Buurtapp voor de hele wijk?’ toegevoegd"


def test_the_agenda_clock_saves_every_half_minute_without_steps(make_store: MakeStore) -> None:
    """The round trip the app makes: saved, idempotent, no undo step, redo kept."""
    store = make_store("file")
    store.add(Organisation("A"))
    store.undo()
    now = [0.0]
    clock = AgendaClock(store.session.agenda, lambda: now[0])
    clock.start(Phase.NETWORK)
    for _ in range(3):
        now[0] += 30
        store.save_session(replace(store.session, agenda=clock.agenda()))
        store.save_session(replace(store.session, agenda=clock.agenda()))
    assert _saved(store).session.agenda[1].spent_seconds == 90
    assert (store.can_undo, store.can_redo) == (False, True)
