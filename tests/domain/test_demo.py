"""The demo session must be valid, complete and show what the analysis is for."""

from __future__ import annotations

from collections import Counter
from dataclasses import fields
from datetime import date

import pytest

from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import (
    THEMES,
    AgreementStatus,
    CommitmentStatus,
    ConnectionKind,
    Network,
    Role,
    Stance,
)
from wijksessie.domain.validation import problems, validate

TODAY = date(2026, 11, 25)


@pytest.fixture
def demo() -> Network:
    return demo_network(TODAY)


def _entity_lists(network: Network) -> dict[str, list]:
    return {f.name: getattr(network, f.name) for f in fields(network) if f.name != "session"}


def test_every_entity_validates(demo: Network) -> None:
    assert problems(demo.session) == {}
    for items in _entity_lists(demo).values():
        for entity in items:
            assert validate(entity, items) is None


def test_counts_match_the_spec(demo: Network) -> None:
    counts = {name: len(items) for name, items in _entity_lists(demo).items()}
    assert counts == {
        "questions": 6,
        "organisations": 10,
        "participants": 15,
        "initiatives": 12,
        "connections": counts["connections"],
        "goals": 4,
        "agreements": 5,
        "commitments": 12,
        "parking": 3,
    }
    assert counts["connections"] >= 8


def test_ids_are_unique(demo: Network) -> None:
    ids = [demo.session.id] + [e.id for items in _entity_lists(demo).values() for e in items]
    assert len(ids) == len(set(ids))


def test_deterministic() -> None:
    assert demo_network(TODAY) == demo_network(TODAY)


def test_session_fields_all_filled(demo: Network) -> None:
    session = demo.session
    assert session.date == TODAY
    assert session.next_date is not None and session.next_date > TODAY
    for name in ("title", "wijk", "location", "facilitator", "question", "notes"):
        assert getattr(session, name).strip(), name


def test_references_point_at_existing_entities(demo: Network) -> None:
    orgs = {o.id for o in demo.organisations}
    people = {p.id for p in demo.participants}
    questions = {q.id for q in demo.questions}
    goals = {g.id for g in demo.goals}
    assert {p.organisation_id for p in demo.participants} - {""} <= orgs
    for initiative in demo.initiatives:
        assert initiative.organisation_id in orgs
        assert initiative.contact_id in people
        assert initiative.backup_contact_id in people | {""}
    for connection in demo.connections:
        assert {connection.org_a, connection.org_b} <= orgs
    for goal in demo.goals:
        assert set(goal.question_ids) <= questions
        assert set(goal.coalition) <= orgs
        assert set(goal.votes) <= people
    for agreement in demo.agreements:
        for consent_round in agreement.rounds:
            assert set(consent_round.positions) <= people
    for commitment in demo.commitments:
        assert commitment.participant_id in people | {""}
        assert commitment.organisation_id in orgs
        assert commitment.goal_id in goals | {""}


def test_themes_come_from_the_model(demo: Network) -> None:
    used = {t for e in [*demo.questions, *demo.initiatives, *demo.goals] for t in e.themes}
    assert used <= set(THEMES)


def test_participants_are_a_realistic_mix(demo: Network) -> None:
    roles = Counter(p.role for p in demo.participants)
    assert set(roles) == set(Role)
    assert 1 <= sum(not p.present for p in demo.participants) <= 2
    assert any(p.share_contact for p in demo.participants)
    assert any(p.email and p.phone for p in demo.participants)


def test_organisations_span_sectors(demo: Network) -> None:
    assert len({o.sector for o in demo.organisations}) == 10
    assert all(o.interests for o in demo.organisations)


def test_has_overlap_candidates(demo: Network) -> None:
    pairs = [
        (a.name, b.name)
        for i, a in enumerate(demo.initiatives)
        for b in demo.initiatives[i + 1 :]
        if a.organisation_id != b.organisation_id
        and set(a.themes) & set(b.themes)
        and set(a.target_groups) & set(b.target_groups)
    ]
    assert ("Koffie-ochtend voor ouderen", "Ouderencafé De Ontmoeting") in pairs
    assert ("Schuldhulp aan de keukentafel", "Geldzorgen spreekuur") in pairs


def test_has_a_gap(demo: Network) -> None:
    covered = {theme for initiative in demo.initiatives for theme in initiative.themes}
    gaps = [q for q in demo.questions if q.themes and not set(q.themes) & covered]
    assert gaps


def test_has_weak_links(demo: Network) -> None:
    assert any(not i.backup_contact_id for i in demo.initiatives)
    assert any(i.backup_contact_id for i in demo.initiatives)


def test_has_an_isolated_organisation(demo: Network) -> None:
    connected = {org for c in demo.connections for org in (c.org_a, c.org_b)}
    assert [o for o in demo.organisations if o.id not in connected]


def test_connections_of_every_kind(demo: Network) -> None:
    assert {c.kind for c in demo.connections} == set(ConnectionKind)


def test_goals_have_votes_coalitions_and_questions(demo: Network) -> None:
    for goal in demo.goals:
        assert goal.votes and goal.coalition and goal.question_ids and goal.themes


def test_agreements_cover_every_consent_story(demo: Network) -> None:
    adopted_with_reservation = [
        a
        for a in demo.agreements
        if a.status is AgreementStatus.ADOPTED
        and a.rounds
        and all(p.stance is not Stance.OBJECTION for p in a.rounds[-1].positions.values())
        and any(p.stance is Stance.RESERVATION and p.note for p in a.rounds[-1].positions.values())
    ]
    assert adopted_with_reservation
    objected = [
        a
        for a in demo.agreements
        if a.status is AgreementStatus.PROPOSED
        and len(a.rounds) == 2
        and any(p.stance is Stance.OBJECTION and p.note for p in a.rounds[-1].positions.values())
    ]
    assert objected
    assert objected[0].rounds[0].text != objected[0].rounds[1].text
    assert objected[0].text == objected[0].rounds[-1].text
    assert any(a.status is AgreementStatus.PROPOSED and not a.rounds for a in demo.agreements)


def test_commitments_in_every_status_some_overdue_one_undated(demo: Network) -> None:
    assert {c.status for c in demo.commitments} == set(CommitmentStatus)
    unfinished = (CommitmentStatus.OPEN, CommitmentStatus.BUSY)
    overdue = [c for c in demo.commitments if c.due and c.due < TODAY and c.status in unfinished]
    assert overdue
    assert sum(c.due is None for c in demo.commitments) == 1


def test_dates_follow_today() -> None:
    later = date(2027, 3, 1)
    assert demo_network(later).session.date == later
    assert demo_network(later).goals == demo_network(TODAY).goals
