"""The domain's messages in English: analysis, checks and rule errors follow ``set_language``.

Each test switches to English and back; the Dutch of the same calls is covered by the other
tests in this folder (and must stay exactly as it was).
"""

from __future__ import annotations

from datetime import date

import pytest

from wijksessie import i18n
from wijksessie.domain import codec, commitments, consent, voting
from wijksessie.domain.analysis import WeakLinkKind, cascade_delete, gaps, overlaps, weak_links
from wijksessie.domain.followup import follow_up
from wijksessie.domain.lookup import Names
from wijksessie.domain.model import (
    Agreement,
    AgreementStatus,
    Commitment,
    Connection,
    ConnectionKind,
    ConsentRound,
    Goal,
    Initiative,
    Network,
    Organisation,
    Participant,
    Position,
    ResidentQuestion,
    Session,
    Stance,
)
from wijksessie.errors import NotFoundError, ValidationError

TODAY = date(2026, 3, 12)


def network(**lists: list) -> Network:
    return Network(Session("Netwerksessie Oost"), **lists)


def overlapping() -> tuple[Network, Organisation, Participant]:
    welzijn = Organisation("Welzijn Oost", sector="welzijn")
    buurtzorg = Organisation("Buurtzorg", sector="thuiszorg")
    anna = Participant("Anna", organisation_id=welzijn.id)
    first = Initiative(
        "Koffieochtend",
        organisation_id=welzijn.id,
        themes=["eenzaamheid"],
        target_groups=["ouderen"],
        contact_id=anna.id,
    )
    second = Initiative(
        "Koffieochtend", organisation_id=buurtzorg.id, themes=["eenzaamheid"], contact_id=""
    )
    goal = Goal("Niemand eenzaam", coalition=[welzijn.id], votes={anna.id: 2})
    promise = Commitment("Koffie zetten", participant_id=anna.id, organisation_id=welzijn.id)
    agreement = Agreement(
        "We delen wat we weten",
        rounds=[ConsentRound("We delen wat we weten", {anna.id: Position(Stance.CONSENT)})],
    )
    net = network(
        organisations=[welzijn, buurtzorg],
        participants=[anna],
        initiatives=[first, second],
        goals=[goal],
        commitments=[promise],
        agreements=[agreement],
    )
    return net, welzijn, anna


@pytest.mark.usefixtures("english")
def test_an_overlap_reason_is_english() -> None:
    net, _, _ = overlapping()
    [found] = overlaps(net)
    assert found.reason == "both: eenzaamheid; name 100% alike"


def test_the_overlap_reason_follows_the_language_of_each_call() -> None:
    net, _, _ = overlapping()
    assert overlaps(net)[0].reason == "beide: eenzaamheid; naam lijkt 100%"
    i18n.set_language("en")
    try:
        assert overlaps(net)[0].reason.startswith("both: ")
    finally:
        i18n.set_language("nl")


@pytest.mark.usefixtures("english")
def test_gap_reasons_are_english() -> None:
    untagged = ResidentQuestion("Waar kan ik terecht?")
    housing = ResidentQuestion("Wie helpt met de huur?", themes=["wonen"])
    found = gaps(network(questions=[untagged, housing]))
    assert [gap.reason for gap in found.questions] == ["no themes", "nobody works on: wonen"]


@pytest.mark.usefixtures("english")
def test_weak_link_reasons_and_labels_are_english() -> None:
    net, _, _ = overlapping()
    found = {(link.kind, link.reason) for link in weak_links(net)}
    assert (WeakLinkKind.NO_CONTACT, "Nobody is the point of contact for ‘Koffieochtend’.") in found
    assert (WeakLinkKind.NO_BACKUP, "‘Koffieochtend’ depends on Anna: there is no backup.") in found
    assert (
        WeakLinkKind.SOLE_PARTICIPANT,
        "Anna is the only one from Welzijn Oost in the network.",
    ) in found
    assert (
        WeakLinkKind.ISOLATED,
        "Buurtzorg is not yet connected to any other organisation.",
    ) in found
    assert WeakLinkKind.NO_BACKUP.label == "no backup"
    assert WeakLinkKind.NO_BACKUP.value == "geen reserve"


def test_a_weak_link_label_is_dutch_by_default() -> None:
    assert [kind.label for kind in WeakLinkKind] == [kind.value for kind in WeakLinkKind]


@pytest.mark.usefixtures("english")
def test_a_cascade_delete_explains_itself_in_english() -> None:
    net, welzijn, _ = overlapping()
    other = net.organisations[1]
    net.connections.append(Connection(welzijn.id, other.id, ConnectionKind.KNOW))
    lines = cascade_delete(net, welzijn).description
    assert lines[0] == "Organisation ‘Welzijn Oost’ will be deleted."
    assert "Also deleted: initiative ‘Koffieochtend’." in lines
    assert "Also deleted: connection Welzijn Oost – Buurtzorg." in lines
    assert "Participant ‘Anna’ will then belong to no organisation." in lines
    assert "Goal ‘Niemand eenzaam’: Welzijn Oost leaves the coalition." in lines


@pytest.mark.usefixtures("english")
def test_deleting_a_person_is_explained_in_english() -> None:
    net, _, anna = overlapping()
    lines = cascade_delete(net, anna).description
    assert lines[0] == "Participant ‘Anna’ will be deleted."
    assert "Initiative ‘Koffieochtend’ will then have no contact person." in lines
    assert "Commitment ‘Koffie zetten’ will then be in nobody's name." in lines
    assert "Goal ‘Niemand eenzaam’: Anna's votes are dropped." in lines
    assert "Agreement ‘We delen wat we weten’: Anna's position is dropped." in lines


@pytest.mark.usefixtures("english")
def test_commitment_checks_are_english_with_plurals() -> None:
    anna = Participant("Anna")
    bram = Participant("Bram")
    goal = Goal("Niemand eenzaam")
    late = [
        Commitment("Bellen", participant_id=bram.id, due=date(2026, 1, 5)),
        Commitment("Mailen", participant_id=bram.id, due=date(2026, 2, 5)),
    ]
    undated = Commitment("Folder", participant_id=bram.id)
    net = network(participants=[anna, bram], goals=[goal], commitments=[*late, undated])
    assert commitments.check_commitments(net, TODAY).messages() == [
        "Goals without a commitment: Niemand eenzaam.",
        "1 commitment without a date.",
        "2 commitments past their date.",
        "Nothing committed yet: Anna.",
    ]


@pytest.mark.usefixtures("english")
def test_consent_rules_speak_english() -> None:
    anna = Participant("Anna")
    away = Participant("Bram", present=False)
    agreement = consent.start_round(Agreement("We delen wat we weten"))
    with pytest.raises(consent.ConsentError, match=r"^Bram is not present and cannot take part"):
        consent.record_stance(agreement, away, Stance.CONSENT)
    with pytest.raises(ValidationError) as caught:
        consent.record_stance(agreement, anna, Stance.OBJECTION)
    assert caught.value.problems["note"].startswith("Explain the objection:")
    assert consent.close_problem(agreement, [anna]) == "Nobody has answered in this round yet."
    adopted = Agreement("X", status=AgreementStatus.ADOPTED, rounds=[ConsentRound("X")])
    with pytest.raises(consent.ConsentError) as refused:
        consent.record_stance(adopted, anna, Stance.CONSENT)
    assert str(refused.value) == "This agreement has already been adopted; start a new round."


@pytest.mark.usefixtures("english")
def test_vote_errors_are_english() -> None:
    anna = Participant("Anna")
    goal = Goal("Niemand eenzaam", votes={anna.id: 3})
    with pytest.raises(voting.VoteError) as caught:
        voting.give_vote([goal], goal.id, anna)
    assert str(caught.value) == "Anna has already used all their votes (3 per person)."
    with pytest.raises(NotFoundError, match=r"^This goal does not exist"):
        voting.give_vote([goal], "gone", anna)


@pytest.mark.usefixtures("english")
def test_lookup_follow_up_and_codec_messages_are_english() -> None:
    twins = [Participant("Sam de Boer"), Participant("Sam de Boer")]
    assert Names([], twins).person("Sam de Boer") == (
        "There are 2 people called Sam de Boer; choose one with their organisation."
    )
    with pytest.raises(ValidationError) as caught:
        follow_up(network(), title=" ", when=None, today=TODAY, previous="x.json")
    assert caught.value.problems == {"title": "Give the follow-up session a title."}
    with pytest.raises(ValueError, match=r"^expected an object, got a list$"):
        codec.from_dict(Goal, [])
    with pytest.raises(ValueError, match=r"^votes: expected a whole number, got ‘3’$"):
        codec.from_dict(Goal, {"text": "x", "votes": {"a": "3"}})
    with pytest.raises(ValueError, match=r"^date: not a valid date: ‘2026-02-30’$"):
        codec.from_dict(Session, {"title": "x", "date": "2026-02-30"})
