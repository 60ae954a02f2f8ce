"""The store's contract, kept the same over TinyDB's MemoryStorage and the atomic file storage."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import STORE_KINDS, MakeStore, demo_entities, demo_session
from wijksessie.domain.model import (
    ENTITY_TYPES,
    Agreement,
    AgreementStatus,
    Commitment,
    CommitmentStatus,
    ConsentRound,
    Goal,
    Network,
    Organisation,
    ParkingItem,
    Participant,
    Position,
    Session,
    Stance,
)
from wijksessie.errors import NotFoundError, ValidationError, WijksessieError
from wijksessie.store.session_store import SessionStore


def _snapshot(store: SessionStore) -> tuple[Network, bytes | None]:
    """Everything the store holds, and the file's bytes when there is a file."""
    data = store.path.read_bytes() if store.path else None
    return store.network(), data


def _filled(store: SessionStore) -> list[Any]:
    entities = demo_entities()
    for entity in entities:
        store.add(entity)
    return entities


@pytest.mark.parametrize("kind", STORE_KINDS)
def test_a_new_store_holds_the_session_and_nothing_else(make_store: MakeStore, kind: str) -> None:
    session = demo_session()
    store = make_store(kind, session=session)
    assert store.session == session
    for entity_type in ENTITY_TYPES:
        assert store.all(entity_type) == []
        assert store.count(entity_type) == 0
    assert store.unsaved is False


@pytest.mark.parametrize("entity", demo_entities(), ids=lambda e: type(e).__name__)
def test_add_then_get_gives_an_equal_entity(any_store: SessionStore, entity: Any) -> None:
    any_store.add(entity)
    assert any_store.get(type(entity), entity.id) == entity
    assert any_store.all(type(entity)) == [entity]
    assert any_store.count(type(entity)) == 1


def test_all_keeps_the_order_of_adding(any_store: SessionStore) -> None:
    items = [ParkingItem(f"idee {n}") for n in (3, 1, 2)]
    for item in items:
        any_store.add(item)
    assert any_store.all(ParkingItem) == items
    assert any_store.count(ParkingItem) == 3


def test_network_holds_everything(any_store: SessionStore) -> None:
    entities = _filled(any_store)
    network = any_store.network()
    assert network.session.title == "Netwerksessie De Pijp"
    held = [
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
    assert sorted(e.id for e in held) == sorted(e.id for e in entities)
    assert all(entity in held for entity in entities)


def test_update_replaces_the_entity(any_store: SessionStore) -> None:
    goal = Goal("Samen sterk")
    any_store.add(goal)
    goal.votes = {"p1": 4}
    goal.text = "Samen sterker"
    any_store.update(goal)
    assert any_store.get(Goal, goal.id) == goal
    assert any_store.count(Goal) == 1


def test_update_of_consent_rounds_and_status(any_store: SessionStore) -> None:
    agreement = Agreement("Warm doorverwijzen")
    commitment = Commitment("Bellen", organisation_id="o1")
    any_store.add(agreement)
    any_store.add(commitment)
    agreement.rounds.append(ConsentRound(agreement.text, {"p1": Position(Stance.CONSENT)}))
    agreement.status = AgreementStatus.ADOPTED
    commitment.status = CommitmentStatus.DONE
    any_store.update(agreement)
    any_store.update(commitment)
    assert any_store.get(Agreement, agreement.id) == agreement
    assert any_store.get(Commitment, commitment.id).status is CommitmentStatus.DONE


def test_remove_takes_only_that_entity(any_store: SessionStore) -> None:
    first, second, third = (ParkingItem(text) for text in ("a", "b", "c"))
    for item in (first, second, third):
        any_store.add(item)
    any_store.remove(second)
    assert any_store.all(ParkingItem) == [first, third]
    assert any_store.count(ParkingItem) == 2
    with pytest.raises(NotFoundError):
        any_store.get(ParkingItem, second.id)


def test_a_removed_entity_can_be_added_again(any_store: SessionStore) -> None:
    organisation = Organisation("Welzijn Zuid")
    any_store.add(organisation)
    any_store.remove(organisation)
    any_store.add(organisation)
    assert any_store.all(Organisation) == [organisation]


def test_save_session_replaces_the_session_fields(any_store: SessionStore) -> None:
    session = any_store.session
    session.title = "Vervolgsessie De Pijp"
    session.agenda[2].spent_seconds = 1500
    any_store.save_session(session)
    assert any_store.session == session


def test_unknown_ids_raise_not_found(any_store: SessionStore) -> None:
    stranger = Organisation("Nooit toegevoegd")
    with pytest.raises(NotFoundError, match="Niet gevonden"):
        any_store.get(Organisation, stranger.id)
    with pytest.raises(NotFoundError):
        any_store.update(stranger)
    with pytest.raises(NotFoundError):
        any_store.remove(stranger)
    assert any_store.all(Organisation) == []


def test_an_id_of_another_kind_is_not_found(any_store: SessionStore) -> None:
    organisation = Organisation("Welzijn Zuid")
    any_store.add(organisation)
    with pytest.raises(NotFoundError):
        any_store.get(Participant, organisation.id)


BAD: list[Any] = [
    Organisation("   "),
    Participant("Jan", email="geen-adres"),
    ParkingItem("x" * 100_000),
    Goal("Doel", votes={"p": -1}),
]


@pytest.mark.parametrize("bad", BAD, ids=lambda e: type(e).__name__)
def test_a_bad_entity_is_refused_and_changes_nothing(any_store: SessionStore, bad: Any) -> None:
    _filled(any_store)
    before = _snapshot(any_store)
    with pytest.raises(ValidationError) as caught:
        any_store.add(bad)
    assert caught.value.problems
    assert _snapshot(any_store) == before


def test_a_duplicate_is_refused_and_changes_nothing(any_store: SessionStore) -> None:
    any_store.add(Organisation("Welzijn Zuid"))
    before = _snapshot(any_store)
    with pytest.raises(ValidationError, match="Er is al een organisatie met deze naam"):
        any_store.add(Organisation(" welzijn  zuid"))
    assert _snapshot(any_store) == before


def test_an_update_into_a_duplicate_is_refused_and_changes_nothing(any_store: SessionStore) -> None:
    first, second = Organisation("Welzijn Zuid"), Organisation("GGD")
    any_store.add(first)
    any_store.add(second)
    before = _snapshot(any_store)
    second.name = "WELZIJN ZUID"
    with pytest.raises(ValidationError):
        any_store.update(second)
    assert _snapshot(any_store) == before
    assert any_store.get(Organisation, second.id).name == "GGD"


def test_an_invalid_session_is_refused_and_changes_nothing(any_store: SessionStore) -> None:
    before = _snapshot(any_store)
    with pytest.raises(ValidationError, match="Geef de sessie een titel"):
        any_store.save_session(Session(" "))
    assert _snapshot(any_store) == before


def test_adding_the_same_entity_twice_is_refused(any_store: SessionStore) -> None:
    item = ParkingItem("Buurtapp")
    any_store.add(item)
    before = _snapshot(any_store)
    with pytest.raises(WijksessieError):
        any_store.add(item)
    assert _snapshot(any_store) == before


def test_same_person_name_at_two_organisations_is_stored(any_store: SessionStore) -> None:
    any_store.add(Participant("Anna", organisation_id="welzijn"))
    any_store.add(Participant("Anna", organisation_id="huisarts"))
    assert any_store.count(Participant) == 2


def test_both_storages_end_in_the_same_state(make_store: MakeStore) -> None:
    """One script of changes over each kind of store gives the same network."""
    session, entities = demo_session(), demo_entities()
    results = []
    for kind in STORE_KINDS:
        store = make_store(kind, session=copy.deepcopy(session))
        script_of_changes(store, copy.deepcopy(entities))
        results.append(store.network())
    assert results[0] == results[1]
    assert len(results[0].parking) == 0
    assert results[0].goals[0].votes["extra"] == 2


def script_of_changes(store: SessionStore, entities: list[Any]) -> None:
    """A little of everything: adds, an update, a remove and a refused duplicate."""
    for entity in entities:
        store.add(entity)
    goal = next(e for e in entities if isinstance(e, Goal))
    goal.votes["extra"] = 2
    store.update(goal)
    store.remove(next(e for e in entities if isinstance(e, ParkingItem)))
    with pytest.raises(ValidationError):
        store.add(Organisation("welzijn zuid"))


# -- only the file storage: what is added is on disk -------------------------------------


def test_every_change_is_on_disk_before_the_call_returns(make_store: MakeStore) -> None:
    store = make_store("file")
    item = ParkingItem("Buurtapp")
    store.add(item)
    with SessionStore.open(store.path, read_only=True) as reader:
        assert reader.all(ParkingItem) == [item]
    store.remove(item)
    with SessionStore.open(store.path, read_only=True) as reader:
        assert reader.all(ParkingItem) == []


def test_every_entity_type_survives_reopening(
    make_store: MakeStore, reopen: Callable[[SessionStore], SessionStore]
) -> None:
    store = make_store("file")
    entities = _filled(store)
    network = store.network()
    fresh = reopen(store)
    for entity in entities:
        assert fresh.get(type(entity), entity.id) == entity
        assert fresh.all(type(entity)) == [e for e in entities if type(e) is type(entity)]
    assert fresh.session == network.session
    assert fresh.network() == network


def test_the_session_with_its_agenda_survives_reopening(
    make_store: MakeStore, reopen: Callable[[SessionStore], SessionStore]
) -> None:
    session = demo_session()
    session.agenda[3].spent_seconds = 1234
    session.agenda[3].planned_minutes = 45
    store = make_store("file", session=session)
    assert reopen(store).session == session


def test_changes_after_reopening_keep_working(
    make_store: MakeStore, reopen: Callable[[SessionStore], SessionStore]
) -> None:
    store = make_store("file")
    entities = _filled(store)
    fresh = reopen(store)
    parking = next(e for e in entities if isinstance(e, ParkingItem))
    fresh.remove(parking)
    fresh.add(ParkingItem("Nieuw idee"))
    with pytest.raises(ValidationError):
        fresh.add(Organisation("WELZIJN zuid"))
    again = reopen(fresh)
    assert [p.text for p in again.all(ParkingItem)] == ["Nieuw idee"]
    assert again.count(Organisation) == 2


MARKUP = ["[bold red]x[/]", "[link=file:///etc/passwd]klik[/link]", "<b>&amp;</b>", "a\\x1b"]
ESCAPES = ["\x1b[31mrood", "a\x00b\x7f", "\x1b]0;titel\x07", "Jan\u202egnirts", "Pi\u200bet"]


@pytest.mark.parametrize("name", ESCAPES)
def test_control_and_invisible_characters_are_refused_and_nothing_is_saved(
    make_store: MakeStore, reopen: Callable[[SessionStore], SessionStore], name: str
) -> None:
    """Every entry point cleans text first (``text.clean``); the store refuses what did not."""
    store = make_store("file")
    with pytest.raises(ValidationError) as refused:
        store.add(Organisation(name))
    assert "name" in refused.value.problems
    with pytest.raises(ValidationError):
        store.add(ParkingItem(f"idee {name}"[:-1] + "\x1b"))
    assert reopen(store).count(Organisation) == 0


@pytest.mark.parametrize("name", MARKUP)
def test_markup_comes_back_byte_for_byte(
    make_store: MakeStore, reopen: Callable[[SessionStore], SessionStore], name: str
) -> None:
    store = make_store("file")
    organisation = Organisation(name)
    store.add(organisation)
    store.add(Participant(name, organisation_id=organisation.id))
    store.add(ParkingItem(name))
    fresh = reopen(store)
    assert fresh.all(Organisation)[0].name.encode() == name.encode()
    assert fresh.all(Participant)[0].name.encode() == name.encode()
    assert fresh.all(ParkingItem)[0].text.encode() == name.encode()
