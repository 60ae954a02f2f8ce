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
from wijksessie.domain.dates import format_date, long_date
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

    ``when`` is the new session's date; None takes the ``next_date`` planned last time. A
    follow-up always has a date, because its file is named after it: without one planned (or
    with one that has passed) the date is asked for. ``previous`` is the previous session's
    file name, kept in ``Session.previous_session``; its title and date are kept too, which
    is how the new session shows it. Raises ``ValidationError`` for a blank title, a missing
    date or a date before ``today``.
    """
    if not title.strip():
        raise ValidationError({"title": _("Geef de vervolgsessie een titel.")})
    when = when or _planned(network.session, today)
    if when < today:
        raise ValidationError({"date": _("De vervolgsessie kan niet in het verleden liggen.")})
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


def _planned(session: Session, today: date) -> date:
    """The date planned last time, or ``ValidationError`` asking for one."""
    planned = session.next_date
    if planned is None:
        raise ValidationError(
            {"date": _("Geef de datum van de vervolgsessie: er is geen vervolgdatum gepland.")}
        )
    if planned < today:
        raise ValidationError(
            {
                "date": _(
                    "De geplande vervolgdatum {date} is voorbij: geef de datum van de "
                    "vervolgsessie."
                ).format(date=format_date(planned))
            }
        )
    return planned


def previous_name(session: Session) -> str:
    """How the room knows the session ``session`` follows: ``‘Titel’ van wo 25 nov 2026``.

    Never the file name, which is a link for the app, not a name for people. A file made
    before the title was kept shows the date its file name starts with, if any. Empty when
    the session follows none.
    """
    if not session.previous_session:
        return ""
    when = session.previous_date or _date_in_name(session.previous_session)
    if session.previous_title:
        if when is None:
            return _("‘{title}’").format(title=session.previous_title)
        return _("‘{title}’ van {date}").format(title=session.previous_title, date=long_date(when))
    if when is None:
        return _("een eerdere sessie")
    return _("de sessie van {date}").format(date=long_date(when))


def _date_in_name(name: str) -> date | None:
    try:
        return date.fromisoformat(name[:10])
    except ValueError:
        return None


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
        previous_title=old.title,
        previous_date=old.date,
        agenda=[AgendaItem(item.phase, item.planned_minutes) for item in old.agenda],
    )
