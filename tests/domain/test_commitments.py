"""Checks and groupings of the Toezeggingen phase on small crafted networks."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from wijksessie.domain.commitments import (
    assign_person,
    by_goal,
    by_organisation,
    by_person,
    check_commitments,
    commitments_without_date,
    default_organisation,
    goals_without_commitment,
    organisation_of,
    overdue_commitments,
    participants_without_commitment,
)
from wijksessie.domain.model import (
    Commitment,
    CommitmentStatus,
    Goal,
    Network,
    Organisation,
    Participant,
    Session,
)

TODAY = date(2026, 6, 10)
OPEN, BUSY, DONE, DROPPED = (
    CommitmentStatus.OPEN,
    CommitmentStatus.BUSY,
    CommitmentStatus.DONE,
    CommitmentStatus.DROPPED,
)


@pytest.fixture
def network() -> Network:
    welzijn = Organisation("Welzijn Zuid", id="welzijn")
    huisarts = Organisation("Huisartsen", id="huisarts")
    woning = Organisation("Woonstad", id="woning")
    return Network(
        session=Session("Sessie"),
        organisations=[welzijn, woning, huisarts],
        participants=[
            Participant("Zeynep", organisation_id="welzijn", id="zeynep"),
            Participant("anna", organisation_id="huisarts", id="anna"),
            Participant("Bram", organisation_id="woning", id="bram"),
            Participant("Carla", organisation_id="woning", id="carla", present=False),
            Participant("Dirk", id="dirk"),
        ],
        goals=[
            Goal("Eenzaamheid", id="g1", votes={"anna": 1}),
            Goal("Schulden", id="g2", votes={"anna": 2}),
            Goal("Jeugd", id="g3"),
            Goal("Wonen", id="g4"),
        ],
        commitments=[
            Commitment("Koffieochtend", "zeynep", "welzijn", "g1", date(2026, 7, 1), OPEN, id="c1"),
            Commitment("Spreekuur", "anna", "", "g2", date(2026, 6, 1), BUSY, id="c2"),
            Commitment("Folder", "anna", "huisarts", "g2", None, OPEN, id="c3"),
            Commitment("Oud", "anna", "huisarts", "g2", date(2026, 1, 1), DONE, id="c4"),
            Commitment("Laat", "zeynep", "welzijn", "g3", date(2026, 5, 1), OPEN, id="c5"),
            Commitment("Afgeblazen", "bram", "woning", "g4", None, DROPPED, id="c6"),
            Commitment("Namens", "", "woning", "weg", date(2026, 6, 10), OPEN, id="c7"),
        ],
    )


def ids(items: list) -> list[str]:
    return [item.id for item in items]


def test_goals_without_commitment_ignore_dropped_ones(network: Network) -> None:
    assert ids(goals_without_commitment(network)) == ["g4"]


def test_goal_served_only_by_a_done_commitment_counts_as_served(network: Network) -> None:
    network.commitments = [c for c in network.commitments if c.id == "c4"]
    assert ids(goals_without_commitment(network)) == ["g1", "g3", "g4"]


def test_unserved_goals_come_in_priority_order(network: Network) -> None:
    network.commitments = []
    assert ids(goals_without_commitment(network)) == ["g2", "g1", "g3", "g4"]


def test_commitments_without_date_are_only_live_ones(network: Network) -> None:
    assert ids(commitments_without_date(network)) == ["c3"]


def test_overdue_is_live_and_strictly_before_today_longest_first(network: Network) -> None:
    assert ids(overdue_commitments(network, TODAY)) == ["c5", "c2"]


def test_present_participants_without_commitment(network: Network) -> None:
    assert ids(participants_without_commitment(network)) == ["bram", "dirk"]


def test_the_facilitator_is_never_asked_for_a_commitment(network: Network) -> None:
    led = dataclasses.replace(network, session=Session("Sessie", facilitator=" dirk "))
    assert ids(participants_without_commitment(led)) == ["bram"]


def test_the_wall_counts_people_without_a_commitment_and_names_nobody(network: Network) -> None:
    checks = check_commitments(network, TODAY)
    assert "Nog niets toegezegd: Bram, Dirk." in checks.messages()
    wall = checks.messages(names=False)
    assert "2 aanwezigen hebben nog niets toegezegd." in wall
    assert not any("Bram" in line or "Dirk" in line for line in wall)


def test_check_commitments_gathers_everything_with_dutch_lines(network: Network) -> None:
    checks = check_commitments(network, TODAY)
    assert not checks.ok
    assert checks.messages() == [
        "Doelen zonder toezegging: Wonen.",
        "1 toezegging zonder datum.",
        "2 toezeggingen over de datum.",
        "Nog niets toegezegd: Bram, Dirk.",
    ]


def test_a_tidy_network_passes_the_checks() -> None:
    network = Network(
        session=Session("Sessie"),
        participants=[Participant("Anna", id="anna")],
        goals=[Goal("Doel", id="g1")],
        commitments=[Commitment("Iets", "anna", goal_id="g1", due=TODAY)],
    )
    checks = check_commitments(network, TODAY)
    assert checks.ok and checks.messages() == []


def test_by_goal_in_priority_order_unknown_goal_last(network: Network) -> None:
    groups = by_goal(network)
    assert [(g.id if g else None, ids(cs)) for g, cs in groups] == [
        ("g2", ["c4", "c2", "c3"]),
        ("g1", ["c1"]),
        ("g3", ["c5"]),
        ("g4", ["c6"]),
        (None, ["c7"]),
    ]


def test_by_person_by_name_organisation_only_last(network: Network) -> None:
    groups = by_person(network)
    assert [(p.id if p else None, ids(cs)) for p, cs in groups] == [
        ("anna", ["c4", "c2", "c3"]),
        ("bram", ["c6"]),
        ("zeynep", ["c5", "c1"]),
        (None, ["c7"]),
    ]


def test_by_organisation_uses_the_persons_organisation_when_empty(network: Network) -> None:
    groups = by_organisation(network)
    assert [(o.id if o else None, ids(cs)) for o, cs in groups] == [
        ("huisarts", ["c4", "c2", "c3"]),
        ("welzijn", ["c5", "c1"]),
        ("woning", ["c7", "c6"]),
    ]


def test_commitment_without_any_organisation_lands_in_the_none_group() -> None:
    network = Network(
        session=Session("Sessie"),
        participants=[Participant("Dirk", id="dirk")],
        commitments=[Commitment("Iets", "dirk", id="c1")],
    )
    assert [(o, ids(cs)) for o, cs in by_organisation(network)] == [(None, ["c1"])]


def test_groupings_do_not_depend_on_input_order(network: Network) -> None:
    before = (by_goal(network), by_person(network), by_organisation(network))
    network.commitments.reverse()
    network.participants.reverse()
    network.organisations.reverse()
    assert (by_goal(network), by_person(network), by_organisation(network)) == before


def test_default_organisation_follows_the_person(network: Network) -> None:
    assert default_organisation(network.participants[0]) == "welzijn"
    assert default_organisation(None) == ""
    assert organisation_of(network.commitments[1], network.participants) == "huisarts"


def test_assign_person_moves_the_organisation_along(network: Network) -> None:
    _, anna, bram = network.participants[:3]
    fresh = Commitment("Nieuw")
    assert assign_person(fresh, anna, network.participants).organisation_id == "huisarts"
    moved = assign_person(network.commitments[0], bram, network.participants)
    assert (moved.participant_id, moved.organisation_id) == ("bram", "woning")
    assert network.commitments[0].participant_id == "zeynep"


def test_assign_person_keeps_an_organisation_chosen_on_purpose(network: Network) -> None:
    anna = network.participants[1]
    on_behalf = Commitment("Namens woning", "zeynep", "woning")
    moved = assign_person(on_behalf, anna, network.participants)
    assert (moved.participant_id, moved.organisation_id) == ("anna", "woning")


def test_assign_nobody_keeps_the_organisation(network: Network) -> None:
    moved = assign_person(network.commitments[0], None, network.participants)
    assert (moved.participant_id, moved.organisation_id) == ("", "welzijn")
