"""``--voor`` finds people the way a person asks for them (issue 17, point 4).

A first name or a part of a name finds the one person; a name that fits several is refused with
at most ten of them, told apart by organisation; two people with the same full name are never
silently confused; a blank name is an error, not the whole room's summary.
"""

from __future__ import annotations

from datetime import date

import pytest

from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import Commitment, Network, Organisation, Participant, Session
from wijksessie.domain.summary import MAX_LISTED, build_summary, find_participant
from wijksessie.errors import NotFoundError

TODAY = date(2026, 11, 25)


@pytest.fixture
def demo() -> Network:
    return demo_network(today=TODAY)


@pytest.mark.parametrize("asked", ["Erik", "Mul", "erik mul", "  MULDER ", "Erik Mulder"])
def test_a_first_name_or_part_finds_the_one_person(demo: Network, asked: str) -> None:
    assert find_participant(demo, asked).name == "Erik Mulder"


def test_accents_and_case_do_not_matter(demo: Network) -> None:
    assert find_participant(demo, "FATIMA EL AMRANI").name == "Fatima el Amrani"


@pytest.mark.parametrize("asked", ["", "   "])
def test_a_blank_name_is_an_error(demo: Network, asked: str) -> None:
    with pytest.raises(NotFoundError, match="Geef de naam van een deelnemer op"):
        build_summary(demo, today=TODAY, for_participant=asked)


def test_an_ambiguous_part_lists_the_matches(demo: Network) -> None:
    with pytest.raises(NotFoundError) as caught:
        find_participant(demo, "Welzijn")
    message = str(caught.value)
    assert "past bij 3 deelnemers" in message
    assert "Mirjam Bakker (Welzijn Waterveen)" in message


def _crowd(count: int) -> Network:
    organisation = Organisation("Buurtteam", id="o1")
    people = [
        Participant(f"Jan Jansen {number:03}", organisation_id="o1", id=f"p{number}")
        for number in range(count)
    ]
    return Network(Session("Groot"), organisations=[organisation], participants=people)


def test_an_ambiguous_name_lists_at_most_ten_and_counts_the_rest() -> None:
    with pytest.raises(NotFoundError) as caught:
        find_participant(_crowd(300), "Jan")
    message = str(caught.value)
    assert "past bij 300 deelnemers" in message
    assert message.count("Jan Jansen") == MAX_LISTED
    assert "en nog 290" in message


def test_an_unknown_name_in_a_big_session_lists_the_closest_not_all() -> None:
    with pytest.raises(NotFoundError) as caught:
        find_participant(_crowd(300), "Jan Jansen 1000")
    suggestions = str(caught.value).split("Bedoel je:")[1]
    assert 0 < suggestions.count("Jan Jansen") <= MAX_LISTED


def test_the_same_full_name_is_told_apart_by_organisation(demo: Network) -> None:
    other_org = Organisation("Huurdersvereniging Kruidenbuurt", id="o-huur")
    twin = Participant("Erik Mulder", organisation_id=other_org.id, id="p-twin")
    demo.organisations.append(other_org)
    demo.participants.append(twin)
    demo.commitments.append(Commitment("Huurders uitnodigen", participant_id=twin.id))
    with pytest.raises(NotFoundError) as caught:
        build_summary(demo, today=TODAY, for_participant="Erik Mulder")
    message = str(caught.value)
    assert "Erik Mulder (Huurdersvereniging Kruidenbuurt)" in message
    assert "Erik Mulder (Woonstichting Thuisbasis)" in message
    chosen = build_summary(
        demo, today=TODAY, for_participant="Erik Mulder (Huurdersvereniging Kruidenbuurt)"
    )
    assert [line.what for line in chosen.own] == ["Huurders uitnodigen"]


def test_the_same_name_and_organisation_is_told_apart_by_id() -> None:
    organisation = Organisation("Buurtteam", id="o1")
    people = [Participant("Jan", organisation_id="o1", id=f"p{n}") for n in (1, 2)]
    network = Network(Session("Twee"), organisations=[organisation], participants=people)
    with pytest.raises(NotFoundError, match=r"Jan \(Buurtteam\) \[p1\], Jan \(Buurtteam\) \[p2\]"):
        find_participant(network, "Jan")
    assert find_participant(network, "p2").id == "p2"


def test_a_name_that_is_also_someone_elses_label_is_not_picked_silently() -> None:
    organisation = Organisation("Buurtteam", id="o1")
    alone = Participant("Erik Mulder", id="p-alone")
    other = Participant("Erik Mulder", organisation_id="o1", id="p-org")
    network = Network(Session("Twee"), organisations=[organisation], participants=[alone, other])
    with pytest.raises(NotFoundError, match=r"Erik Mulder \[p-alone\]"):
        find_participant(network, "Erik Mulder")
