"""The follow-up session: exactly the live commitments come along, and every link holds."""

from __future__ import annotations

from datetime import date

import pytest

from wijksessie.domain.demo import demo_network
from wijksessie.domain.followup import carry, follow_up, review_statuses
from wijksessie.domain.model import (
    Agreement,
    AgreementStatus,
    Commitment,
    CommitmentStatus,
    Connection,
    Goal,
    Initiative,
    Network,
    Organisation,
    ParkingItem,
    Participant,
    Phase,
    ResidentQuestion,
    Session,
)
from wijksessie.errors import ValidationError

TODAY = date(2026, 6, 10)
PREVIOUS = "2026-06-10-netwerksessie-kruidenbuurt.json"


@pytest.fixture
def network() -> Network:
    session = Session(
        "Eerste sessie",
        wijk="Kruidenbuurt",
        date=TODAY,
        location="Buurthuis",
        facilitator="Fatima",
        question="Hoe bereiken we eenzame ouderen?",
        notes="Alleen voor deze keer.",
        next_date=date(2026, 9, 1),
    )
    session.agenda[1].planned_minutes = 55
    session.agenda[1].spent_seconds = 3000
    return Network(
        session=session,
        questions=[ResidentQuestion("Waar kan ik terecht?", id="q1")],
        organisations=[Organisation("Welzijn", id="o1"), Organisation("Huisarts", id="o2")],
        participants=[
            Participant("Bram", organisation_id="o2", id="p2"),
            Participant("Anna", organisation_id="o1", id="p1", present=False),
        ],
        initiatives=[Initiative("Koffie", organisation_id="o1", contact_id="p1", id="i1")],
        connections=[Connection("o1", "o2", id="k1")],
        goals=[Goal("Eenzaamheid", question_ids=["q1"], votes={"p1": 2}, id="g1")],
        agreements=[
            Agreement("Aangenomen", status=AgreementStatus.ADOPTED, id="a1"),
            Agreement("Voorstel", id="a2"),
            Agreement("Verworpen", status=AgreementStatus.REJECTED, id="a3"),
        ],
        commitments=[
            Commitment("Open", "p1", "o1", "g1", date(2026, 7, 1), id="c1"),
            Commitment("Bezig", "p2", "o2", "g1", None, CommitmentStatus.BUSY, "half", id="c2"),
            Commitment("Gedaan", "p1", "o1", "g1", status=CommitmentStatus.DONE, id="c3"),
            Commitment("Vervallen", "p2", "o2", status=CommitmentStatus.DROPPED, id="c4"),
        ],
        parking=[ParkingItem("Buurtfeest", id="x1")],
    )


def make(network: Network, when: date | None = date(2026, 10, 1)) -> Network:
    return follow_up(network, title=" Tweede sessie ", when=when, today=TODAY, previous=PREVIOUS)


def test_carries_exactly_the_open_and_busy_commitments(network: Network) -> None:
    carried = make(network).commitments
    assert [c.carried_from for c in carried] == ["c1", "c2"]
    assert [c.status for c in carried] == [CommitmentStatus.OPEN, CommitmentStatus.BUSY]
    assert all(c.id not in {"c1", "c2", "c3", "c4"} for c in carried)
    assert len({c.id for c in carried}) == 2
    first, second = carried
    assert (first.what, first.participant_id, first.organisation_id, first.goal_id) == (
        "Open",
        "p1",
        "o1",
        "g1",
    )
    assert first.due == date(2026, 7, 1) and second.note == "half"


def test_keeps_the_ids_of_people_and_everything_linked(network: Network) -> None:
    new = make(network)
    assert [p.id for p in new.participants] == ["p2", "p1"]
    assert [o.id for o in new.organisations] == ["o1", "o2"]
    assert [i.id for i in new.initiatives] == ["i1"]
    assert new.initiatives[0].contact_id == "p1"
    assert [k.id for k in new.connections] == ["k1"]
    assert [q.id for q in new.questions] == ["q1"]
    assert [g.id for g in new.goals] == ["g1"] and new.goals[0].question_ids == ["q1"]
    assert [x.id for x in new.parking] == ["x1"]


def test_goals_lose_their_votes_and_everyone_is_present_again(network: Network) -> None:
    new = make(network)
    assert new.goals[0].votes == {}
    assert all(p.present for p in new.participants)


def test_only_adopted_agreements_come_along(network: Network) -> None:
    assert [a.id for a in make(network).agreements] == ["a1"]


def test_new_session_refers_to_the_previous_one(network: Network) -> None:
    session = make(network).session
    assert session.title == "Tweede sessie"
    assert session.previous_session == PREVIOUS
    assert session.date == date(2026, 10, 1)
    assert (session.wijk, session.location, session.facilitator, session.question) == (
        "Kruidenbuurt",
        "Buurthuis",
        "Fatima",
        "Hoe bereiken we eenzame ouderen?",
    )
    assert session.notes == "" and session.next_date is None
    assert session.id != network.session.id
    network_item = next(item for item in session.agenda if item.phase is Phase.NETWORK)
    assert (network_item.planned_minutes, network_item.spent_seconds) == (55, 0)


def test_without_a_date_the_planned_next_date_is_taken(network: Network) -> None:
    assert make(network, when=None).session.date == date(2026, 9, 1)


def test_a_planned_next_date_in_the_past_asks_for_a_date(network: Network) -> None:
    network.session.next_date = date(2026, 6, 1)
    with pytest.raises(ValidationError) as refused:
        make(network, when=None)
    assert list(refused.value.problems) == ["date"]
    assert "1-6-2026" in refused.value.problems["date"]


def test_without_a_date_or_a_planned_one_a_date_is_asked(network: Network) -> None:
    network.session.next_date = None
    with pytest.raises(ValidationError) as refused:
        make(network, when=None)
    assert list(refused.value.problems) == ["date"]


def test_the_new_session_knows_the_previous_one_by_title_and_date(network: Network) -> None:
    session = make(network).session
    assert (session.previous_title, session.previous_date) == ("Eerste sessie", TODAY)


def test_refuses_a_blank_title_and_a_date_in_the_past(network: Network) -> None:
    with pytest.raises(ValidationError, match="titel"):
        follow_up(network, title="  ", when=None, today=TODAY, previous=PREVIOUS)
    with pytest.raises(ValidationError, match="verleden"):
        make(network, when=date(2026, 6, 9))


def test_shares_nothing_mutable_with_the_previous_session(network: Network) -> None:
    new = make(network)
    new.participants[0].name = "Veranderd"
    new.questions[0].themes.append("x")
    new.agreements[0].rounds.append(None)  # type: ignore[arg-type]
    assert network.participants[0].name == "Bram"
    assert network.questions[0].themes == []
    assert network.agreements[0].rounds == []
    assert network.goals[0].votes == {"p1": 2}
    assert network.participants[1].present is False


def test_carry_sets_carried_from_and_a_new_id() -> None:
    original = Commitment("Iets", "p1", status=CommitmentStatus.BUSY, id="c9")
    carried = carry(original)
    assert carried.carried_from == "c9" and carried.id != "c9"
    assert carried.status is CommitmentStatus.BUSY and original.carried_from == ""


def test_carried_again_it_points_to_the_first_commitment_of_its_chain() -> None:
    """Issue 17: a calendar knows a promise by its chain's first id, however often carried."""
    first = Commitment("Iets", "p1", id="c1")
    third = carry(carry(first))
    assert third.carried_from == "c1" and third.id != "c1"


def test_review_statuses_go_person_by_person_earliest_first(network: Network) -> None:
    new = make(network)
    new.commitments.append(Commitment("Vers vandaag", "p1"))
    new.commitments.append(carry(Commitment("Eerder", "p1", due=date(2026, 6, 20), id="c8")))
    reviewed = review_statuses(new)
    assert [(c.participant_id, c.carried_from) for c in reviewed] == [
        ("p1", "c8"),
        ("p1", "c1"),
        ("p2", "c2"),
    ]


def test_follow_up_of_the_demo_session_keeps_every_link() -> None:
    demo = demo_network(TODAY)
    new = follow_up(demo, title="Vervolg", when=None, today=TODAY, previous=PREVIOUS)
    live = [
        c for c in demo.commitments if c.status in (CommitmentStatus.OPEN, CommitmentStatus.BUSY)
    ]
    assert [c.carried_from for c in new.commitments] == [c.id for c in live]
    people = {p.id for p in new.participants}
    assert {c.participant_id for c in new.commitments if c.participant_id} <= people
    goals = {g.id for g in new.goals}
    assert {c.goal_id for c in new.commitments if c.goal_id} <= goals
    assert all(a.status is AgreementStatus.ADOPTED for a in new.agreements)
