"""Consent rounds on basic agreements: every present participant answers, nobody objects.

A round records the text it puts to the room, so when the text is amended and put again the
earlier rounds stay as history of how the agreement came about. The current round is the last
one. Every function returns a new ``Agreement``; nothing is mutated.

Rules chosen here:

* An agreement is adopted only when every present participant has answered and nobody objects.
  Unanswered participants make the round not yet closable (``ConsentError``), because silence is
  not consent.
* A ``bezwaar`` needs a note: an objection the room cannot hear cannot be resolved. A
  ``bedenking`` may go without, but the form should invite one.
* Closing with an objection leaves the agreement a ``voorstel``; the room amends the text or
  talks until the objection is withdrawn. Only the facilitator rejects (``reject``).
* Amending or re-running an adopted or rejected agreement makes it a ``voorstel`` again: the
  earlier consent was given to an earlier text.
* A recorded position counts even if its participant has since left the room: an objection
  stands until it is withdrawn.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from wijksessie.domain.model import (
    Agreement,
    AgreementStatus,
    ConsentRound,
    Participant,
    Position,
    Stance,
    choice_label,
)
from wijksessie.domain.record import record
from wijksessie.errors import ValidationError, WijksessieError
from wijksessie.i18n import N_, _

OBJECTION_NOTE = N_("Licht het bezwaar toe: wat maakt deze afspraak onwerkbaar, en wat zou helpen?")
"""Marked for the catalogue; pass it through ``_()`` where it is shown."""


class ConsentError(WijksessieError):
    """A step in the consent round that cannot be taken now, said in the current language."""


@record
class ConsentTally:
    """Where the current round stands: answers per stance and who has not answered yet."""

    counts: dict[Stance, int]
    objections: list[str]
    reservations: list[str]
    missing: list[str]

    @property
    def complete(self) -> bool:
        """Every present participant has answered."""
        return not self.missing

    @property
    def consented(self) -> bool:
        """Complete and without objection: the agreement can be adopted."""
        return self.complete and not self.objections


def current_round(agreement: Agreement) -> ConsentRound | None:
    """The round in progress (the last one), or None before the first round."""
    return agreement.rounds[-1] if agreement.rounds else None


def start_round(agreement: Agreement) -> Agreement:
    """A new round that puts the agreement's current text to the room."""
    if not agreement.text.strip():
        raise ValidationError({"text": _("Typ eerst de tekst van de afspraak.")})
    rounds = [*agreement.rounds, ConsentRound(text=agreement.text)]
    return dataclasses.replace(agreement, rounds=rounds, status=AgreementStatus.PROPOSED)


def amend(agreement: Agreement, text: str) -> Agreement:
    """The agreement with a new text; earlier rounds stay, a new round is needed to decide."""
    if not text.strip():
        raise ValidationError({"text": _("Typ de tekst van de afspraak.")})
    return dataclasses.replace(agreement, text=text, status=AgreementStatus.PROPOSED)


def position_problems(position: Position) -> dict[str, str]:
    """What is wrong with a position, as ``{field: message}``, for the form to show."""
    if position.stance is Stance.OBJECTION and not position.note.strip():
        return {"note": _(OBJECTION_NOTE)}
    return {}


def record_stance(
    agreement: Agreement, participant: Participant, stance: Stance, note: str = ""
) -> Agreement:
    """The agreement with ``participant``'s answer in the current round (replacing an earlier one).

    Raises ``ValidationError`` for an objection without a note and ``ConsentError`` when no
    round is open for this text or the participant is not in the room.
    """
    round_ = _open_round(agreement)
    if not participant.present:
        raise ConsentError(
            _("{name} is niet aanwezig en kan niet meedoen in de ronde.").format(
                name=participant.name
            )
        )
    position = Position(stance=stance, note=note.strip())
    if found := position_problems(position):
        raise ValidationError(found)
    return _with_positions(agreement, {**round_.positions, participant.id: position})


def withdraw_stance(agreement: Agreement, participant_id: str) -> Agreement:
    """The agreement without this participant's answer in the current round, to undo a slip."""
    round_ = _open_round(agreement)
    positions = {pid: pos for pid, pos in round_.positions.items() if pid != participant_id}
    return _with_positions(agreement, positions)


def tally(agreement: Agreement, participants: Iterable[Participant]) -> ConsentTally:
    """The current round counted; ``missing`` lists present participants in the room's order."""
    round_ = current_round(agreement)
    positions = round_.positions if round_ else {}
    counts = {stance: 0 for stance in Stance}
    for position in positions.values():
        counts[position.stance] += 1
    missing = [p.id for p in participants if p.present and p.id not in positions]
    return ConsentTally(
        counts=counts,
        objections=_with_stance(positions, Stance.OBJECTION),
        reservations=_with_stance(positions, Stance.RESERVATION),
        missing=missing,
    )


def close_problem(agreement: Agreement, participants: Iterable[Participant]) -> str | None:
    """Why the round cannot be closed yet, in the current language; None when it can."""
    try:
        round_ = _open_round(agreement)
    except ConsentError as error:
        return str(error)
    if not round_.positions:
        return _("Nog niemand heeft geantwoord in deze ronde.")
    people = list(participants)
    missing = tally(agreement, people).missing
    if missing:
        names = {p.id: p.name for p in people}
        waiting = ", ".join(names[pid] for pid in missing)
        return _("Nog niet iedereen heeft geantwoord: {names}. Zwijgen is geen instemming.").format(
            names=waiting
        )
    return None


def close_round(agreement: Agreement, participants: Iterable[Participant]) -> Agreement:
    """Decide the current round: adopted when complete without objection, else still a proposal.

    Raises ``ConsentError`` with ``close_problem``'s message while someone present has not
    answered. With an objection the status stays ``voorstel``: the round has done its work of
    bringing the objection to the table; amend the text and start a new round.
    """
    people = list(participants)
    if problem := close_problem(agreement, people):
        raise ConsentError(problem)
    if tally(agreement, people).objections:
        return dataclasses.replace(agreement, status=AgreementStatus.PROPOSED)
    return dataclasses.replace(agreement, status=AgreementStatus.ADOPTED)


def reject(agreement: Agreement) -> Agreement:
    """The agreement rejected by the facilitator; its rounds stay as a record."""
    return dataclasses.replace(agreement, status=AgreementStatus.REJECTED)


def _open_round(agreement: Agreement) -> ConsentRound:
    round_ = current_round(agreement)
    if round_ is None:
        raise ConsentError(_("Start eerst een ronde voor deze afspraak."))
    if agreement.status is not AgreementStatus.PROPOSED:
        raise ConsentError(
            _("Deze afspraak is al {status}; start een nieuwe ronde.").format(
                status=choice_label(agreement.status)
            )
        )
    if round_.text != agreement.text:
        raise ConsentError(_("De tekst is gewijzigd sinds deze ronde; start een nieuwe ronde."))
    return round_


def _with_positions(agreement: Agreement, positions: dict[str, Position]) -> Agreement:
    last = dataclasses.replace(agreement.rounds[-1], positions=positions)
    return dataclasses.replace(agreement, rounds=[*agreement.rounds[:-1], last])


def _with_stance(positions: dict[str, Position], stance: Stance) -> list[str]:
    return [pid for pid, position in positions.items() if position.stance is stance]
