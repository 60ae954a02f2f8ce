"""Consent rounds: silence is not consent, one objection blocks, and history is kept."""

from __future__ import annotations

import pytest

from wijksessie.domain.consent import (
    ConsentError,
    amend,
    close_problem,
    close_round,
    current_round,
    position_problems,
    record_stance,
    reject,
    start_round,
    tally,
    withdraw_stance,
)
from wijksessie.domain.model import Agreement, AgreementStatus, Participant, Position, Stance
from wijksessie.errors import ValidationError

ANNA = Participant("Anna", id="anna")
BOB = Participant("Bob", id="bob")
GONE = Participant("Carla", id="carla", present=False)
ROOM = [ANNA, BOB, GONE]
TEXT = "We verwijzen binnen een week terug naar wie de vraag stelde."


@pytest.fixture
def started() -> Agreement:
    return start_round(Agreement(TEXT, id="a1"))


def test_start_round_records_the_current_text() -> None:
    agreement = Agreement(TEXT)
    started = start_round(agreement)
    assert [r.text for r in started.rounds] == [TEXT]
    assert agreement.rounds == []
    assert started.status is AgreementStatus.PROPOSED


def test_start_round_needs_text() -> None:
    with pytest.raises(ValidationError):
        start_round(Agreement("  "))


def test_everyone_consents_means_adopted(started: Agreement) -> None:
    agreement = record_stance(started, ANNA, Stance.CONSENT)
    agreement = record_stance(agreement, BOB, Stance.RESERVATION, "Liever twee weken")
    closed = close_round(agreement, ROOM)
    assert closed.status is AgreementStatus.ADOPTED
    assert started.status is AgreementStatus.PROPOSED
    assert closed.rounds[-1].positions["bob"] == Position(Stance.RESERVATION, "Liever twee weken")


def test_one_objection_keeps_it_a_proposal(started: Agreement) -> None:
    agreement = record_stance(started, ANNA, Stance.CONSENT)
    agreement = record_stance(agreement, BOB, Stance.OBJECTION, "Een week haalt de GGZ niet.")
    closed = close_round(agreement, ROOM)
    assert closed.status is AgreementStatus.PROPOSED
    assert tally(closed, ROOM).objections == ["bob"]


def test_unanswered_present_participant_blocks_closing(started: Agreement) -> None:
    agreement = record_stance(started, ANNA, Stance.CONSENT)
    assert close_problem(agreement, ROOM) == (
        "Nog niet iedereen heeft geantwoord: Bob. Zwijgen is geen instemming."
    )
    with pytest.raises(ConsentError, match="Bob"):
        close_round(agreement, ROOM)


def test_absent_participants_are_not_waited_for(started: Agreement) -> None:
    agreement = record_stance(started, ANNA, Stance.CONSENT)
    agreement = record_stance(agreement, BOB, Stance.CONSENT)
    assert tally(agreement, ROOM).missing == []
    assert close_problem(agreement, ROOM) is None


def test_absent_participant_cannot_answer(started: Agreement) -> None:
    with pytest.raises(ConsentError, match="niet aanwezig"):
        record_stance(started, GONE, Stance.CONSENT)


def test_a_round_without_any_answer_cannot_close(started: Agreement) -> None:
    with pytest.raises(ConsentError, match="Nog niemand"):
        close_round(started, [])


def test_objection_needs_a_note(started: Agreement) -> None:
    with pytest.raises(ValidationError) as caught:
        record_stance(started, ANNA, Stance.OBJECTION, "   ")
    assert "note" in caught.value.problems
    assert position_problems(Position(Stance.OBJECTION)) == caught.value.problems
    assert position_problems(Position(Stance.RESERVATION)) == {}


def test_a_new_answer_replaces_the_old_one(started: Agreement) -> None:
    agreement = record_stance(started, ANNA, Stance.OBJECTION, "Te snel")
    agreement = record_stance(agreement, ANNA, Stance.CONSENT)
    assert agreement.rounds[-1].positions == {"anna": Position(Stance.CONSENT)}


def test_withdraw_stance(started: Agreement) -> None:
    agreement = record_stance(started, ANNA, Stance.CONSENT)
    assert withdraw_stance(agreement, "anna").rounds[-1].positions == {}
    assert agreement.rounds[-1].positions != {}


def test_tally_counts_every_stance(started: Agreement) -> None:
    agreement = record_stance(started, ANNA, Stance.RESERVATION, "")
    counted = tally(agreement, ROOM)
    assert counted.counts == {Stance.CONSENT: 0, Stance.RESERVATION: 1, Stance.OBJECTION: 0}
    assert counted.reservations == ["anna"]
    assert counted.missing == ["bob"]
    assert not counted.complete and not counted.consented


def test_tally_before_any_round() -> None:
    counted = tally(Agreement(TEXT), ROOM)
    assert counted.missing == ["anna", "bob"]
    assert current_round(Agreement(TEXT)) is None


def test_amend_and_rerun_keeps_the_history(started: Agreement) -> None:
    agreement = record_stance(started, ANNA, Stance.CONSENT)
    agreement = record_stance(agreement, BOB, Stance.OBJECTION, "Een week is te kort.")
    agreement = close_round(agreement, ROOM)
    new_text = "We verwijzen binnen twee weken terug."
    agreement = amend(agreement, new_text)
    with pytest.raises(ConsentError, match="gewijzigd"):
        record_stance(agreement, ANNA, Stance.CONSENT)
    agreement = start_round(agreement)
    agreement = record_stance(agreement, ANNA, Stance.CONSENT)
    agreement = record_stance(agreement, BOB, Stance.CONSENT)
    agreement = close_round(agreement, ROOM)
    assert agreement.status is AgreementStatus.ADOPTED
    assert [r.text for r in agreement.rounds] == [TEXT, new_text]
    assert agreement.rounds[0].positions["bob"].stance is Stance.OBJECTION
    assert agreement.rounds[1].positions["bob"].stance is Stance.CONSENT


def test_adopted_agreement_takes_no_more_answers_until_a_new_round(started: Agreement) -> None:
    agreement = close_round(record_stance(started, ANNA, Stance.CONSENT), [ANNA])
    with pytest.raises(ConsentError, match="al aangenomen"):
        record_stance(agreement, BOB, Stance.CONSENT)
    reopened = start_round(agreement)
    assert reopened.status is AgreementStatus.PROPOSED
    assert len(reopened.rounds) == 2


def test_amending_an_adopted_agreement_makes_it_a_proposal_again(started: Agreement) -> None:
    agreement = close_round(record_stance(started, ANNA, Stance.CONSENT), [ANNA])
    assert amend(agreement, "Nieuwe tekst").status is AgreementStatus.PROPOSED
    with pytest.raises(ValidationError):
        amend(agreement, "")


def test_only_the_facilitator_rejects(started: Agreement) -> None:
    agreement = record_stance(started, BOB, Stance.OBJECTION, "Niet haalbaar")
    rejected = reject(agreement)
    assert rejected.status is AgreementStatus.REJECTED
    assert rejected.rounds == agreement.rounds
    with pytest.raises(ConsentError, match="verworpen"):
        close_round(rejected, ROOM)
