"""Shared fixtures: a tmp sessions folder, a store factory, a small linked demo session, and
English for one test."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import pytest

from wijksessie import i18n
from wijksessie.domain.model import (
    AgendaItem,
    Agreement,
    AgreementStatus,
    Commitment,
    CommitmentStatus,
    ConnectionKind,
    ConsentRound,
    Goal,
    Initiative,
    Organisation,
    ParkingItem,
    Participant,
    Phase,
    Position,
    ResidentQuestion,
    Role,
    Session,
    Stance,
)
from wijksessie.domain.model import Connection as OrgConnection
from wijksessie.errors import WijksessieError
from wijksessie.store.session_store import SessionStore

STORE_KINDS = ("memory", "file")


@pytest.fixture(autouse=True, scope="session")
def own_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Compiled templates in a tmp folder: tests never write into the user's cache folder."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WIJKSESSIE_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture
def english() -> Iterator[None]:
    """English for the test, Dutch again afterwards (as the app starts)."""
    i18n.set_language("en")
    yield
    i18n.set_language("nl")


class MakeStore(Protocol):
    """Builds a store of one kind on the tmp sessions folder; closed after the test."""

    def __call__(
        self, kind: str = "file", session: Session | None = None, name: str = "sessie.json"
    ) -> SessionStore: ...


def demo_session() -> Session:
    """A session with every field filled, dates and a touched agenda."""
    session = Session(
        title="Netwerksessie De Pijp",
        wijk="De Pijp",
        date=date(2026, 3, 12),
        location="Buurthuis Het Anker",
        facilitator="Fatima el Amrani",
        question="Hoe bereiken we eenzame ouderen samen?",
        notes="Koffie vanaf 9:30.",
        next_date=date(2026, 6, 11),
        previous_session="2025-11-20-netwerksessie-de-pijp.json",
    )
    session.agenda[0] = AgendaItem(Phase.SESSION, 15, spent_seconds=842)
    return session


def demo_entities() -> list[Any]:
    """One linked entity of every kind, in an order the store can add them."""
    question = ResidentQuestion(
        "Waar kan ik terecht als ik niemand meer zie?",
        themes=["eenzaamheid", "ouderen"],
        source="spreekuur huisarts",
    )
    welzijn = Organisation("Welzijn Zuid", sector="welzijn", interests=["bereik", "vrijwilligers"])
    huisarts = Organisation("Huisartsenpraktijk Pijp", sector="huisartsenzorg")
    anna = Participant(
        "Anna de Vries",
        organisation_id=welzijn.id,
        role=Role.CONNECTOR,
        email="anna@welzijnzuid.nl",
        phone="06-12345678",
        share_contact=True,
    )
    karim = Participant("Karim Ouali", organisation_id=huisarts.id, present=False)
    initiative = Initiative(
        "Koffieochtend",
        organisation_id=welzijn.id,
        themes=["ontmoeting"],
        target_groups=["ouderen"],
        description="Elke dinsdag in het buurthuis.",
        contact_id=anna.id,
        backup_contact_id=karim.id,
    )
    link = OrgConnection(welzijn.id, huisarts.id, ConnectionKind.WANT_TO, note="via POH-GGZ")
    goal = Goal(
        "Elke eenzame oudere kent één vast aanspreekpunt",
        themes=["eenzaamheid"],
        question_ids=[question.id],
        votes={anna.id: 3, karim.id: 1},
        coalition=[welzijn.id, huisarts.id],
    )
    agreement = Agreement(
        "We verwijzen warm door, niet met een folder.",
        status=AgreementStatus.ADOPTED,
        rounds=[
            ConsentRound(
                "We verwijzen door.",
                {
                    anna.id: Position(Stance.RESERVATION, "te vaag"),
                    karim.id: Position(Stance.OBJECTION),
                },
            ),
            ConsentRound(
                "We verwijzen warm door, niet met een folder.",
                {anna.id: Position(Stance.CONSENT), karim.id: Position(Stance.CONSENT, "prima")},
            ),
        ],
    )
    commitment = Commitment(
        "Lijst van aanspreekpunten delen",
        participant_id=anna.id,
        organisation_id=welzijn.id,
        goal_id=goal.id,
        due=date(2026, 4, 1),
        status=CommitmentStatus.BUSY,
        note="eerst met de POH",
        carried_from="abc123",
    )
    parking = ParkingItem("Buurtapp voor de hele wijk?")
    return [
        question,
        welzijn,
        huisarts,
        anna,
        karim,
        initiative,
        link,
        goal,
        agreement,
        commitment,
        parking,
    ]


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    """An empty sessions folder under the test's tmp dir."""
    folder = tmp_path / "sessions"
    folder.mkdir()
    return folder


@pytest.fixture
def make_store(sessions_dir: Path) -> Iterator[MakeStore]:
    """A factory for stores: ``"memory"`` (TinyDB MemoryStorage) or ``"file"`` (atomic file)."""
    made: list[SessionStore] = []

    def make(
        kind: str = "file", session: Session | None = None, name: str = "sessie.json"
    ) -> SessionStore:
        session = session or demo_session()
        if kind == "memory":
            store = SessionStore.in_memory(session)
        elif kind == "file":
            store = SessionStore.create(sessions_dir / name, session)
        else:
            raise ValueError(kind)
        made.append(store)
        return store

    yield make
    for store in made:
        with contextlib.suppress(WijksessieError):
            store.close()


@pytest.fixture(params=STORE_KINDS)
def any_store(request: pytest.FixtureRequest, make_store: MakeStore) -> SessionStore:
    """The same test once over MemoryStorage and once over the atomic file storage."""
    return make_store(request.param)


@pytest.fixture
def demo_store(make_store: MakeStore) -> SessionStore:
    """A file store holding the demo session and one entity of every kind."""
    store = make_store("file")
    for entity in demo_entities():
        store.add(entity)
    return store


@pytest.fixture
def reopen() -> Iterator[Callable[[SessionStore], SessionStore]]:
    """Close a file store and open its file again (the caller closes the new one)."""
    opened: list[SessionStore] = []

    def again(store: SessionStore) -> SessionStore:
        assert store.path is not None, "only a file store can be reopened"
        store.close()
        fresh = SessionStore.open(store.path)
        opened.append(fresh)
        return fresh

    yield again
    for store in opened:
        with contextlib.suppress(WijksessieError):
            store.close()
