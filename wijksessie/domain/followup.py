"""The follow-up session (vervolgsessie): the network goes on, its open promises come along.

What is carried over, and why:

* wijk, question, facilitator, place and planned minutes: the same network meets again;
* residents' questions, organisations, participants, initiatives, connections, goals and the
  parking lot, with the **same ids**, so every link between them still holds;
* only **adopted** agreements (with their rounds, the record of who consented): a proposal
  that did not make it is in the previous file, and can be put again;
* goals **without votes**: priorities belong to one meeting, the new room sets its own; the
  previous ranking stays in the previous file;
* participants marked **present**: attendance belongs to one meeting; the facilitator marks
  who is missing;
* every commitment that is still ``open`` or ``bezig``, as a **new** commitment (new id) with
  ``carried_from`` set to the id of the first commitment of its chain (the original's own
  ``carried_from``, or the original's id when it was new) and the same status, so the review
  round can ask after it and both files keep their own history. The chain's first id is what a
  calendar knows the promise by (``render.ics``): carried three sessions on, it is still the one
  event. ``gedaan`` and ``vervallen`` stay behind.
"""

from __future__ import annotations

import copy
import dataclasses
from datetime import date

from wijksessie.domain.commitments import LIVE, by_person
from wijksessie.domain.model import (
    AgendaItem,
    AgreementStatus,
    Commitment,
    Network,
    Session,
    new_id,
)
from wijksessie.domain.voting import cleared
from wijksessie.errors import ValidationError
from wijksessie.i18n import _


def follow_up(
    network: Network, *, title: str, when: date | None, today: date, previous: str
) -> Network:
    """The next session of this network, sharing nothing mutable with ``network``.

    ``when`` is the new session's date; None takes the ``next_date`` planned last time, unless
    that has passed already (then the date is left open). ``previous`` is the previous
    session's file name, kept in ``Session.previous_session``. Raises ``ValidationError``
    for a blank title or an explicit date before ``today``.
    """
    if not title.strip():
        raise ValidationError({"title": _("Geef de vervolgsessie een titel.")})
    if when is not None and when < today:
        raise ValidationError({"date": _("De vervolgsessie kan niet in het verleden liggen.")})
    if when is None and network.session.next_date and network.session.next_date >= today:
        when = network.session.next_date
    old = copy.deepcopy(network)
    return Network(
        session=_next_session(old.session, title.strip(), when, previous),
        questions=old.questions,
        organisations=old.organisations,
        participants=[dataclasses.replace(p, present=True) for p in old.participants],
        initiatives=old.initiatives,
        connections=old.connections,
        goals=[cleared(goal) for goal in old.goals],
        agreements=[a for a in old.agreements if a.status is AgreementStatus.ADOPTED],
        commitments=[carry(c) for c in old.commitments if c.status in LIVE],
        parking=old.parking,
    )


def carry(commitment: Commitment) -> Commitment:
    """A live commitment as it enters the next session: a new id, pointing back to its chain's
    first commitment (the one it was first promised as)."""
    first = commitment.carried_from or commitment.id
    return dataclasses.replace(commitment, id=new_id(), carried_from=first)


def review_statuses(network: Network) -> list[Commitment]:
    """The carried commitments in the order the review round asks after them.

    Person by person (by name) so the round goes once around the room, each person's earliest
    date first; commitments of an organisation without a person come last.
    """
    return [
        commitment
        for _, group in by_person(network)
        for commitment in group
        if commitment.carried_from
    ]


def _next_session(old: Session, title: str, when: date | None, previous: str) -> Session:
    return Session(
        title=title,
        wijk=old.wijk,
        date=when,
        location=old.location,
        facilitator=old.facilitator,
        question=old.question,
        previous_session=previous,
        agenda=[AgendaItem(item.phase, item.planned_minutes) for item in old.agenda],
    )
