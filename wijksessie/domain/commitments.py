"""Commitments checked and grouped: what the Toezeggingen phase shows above its table.

The checks exist because a network falls apart on vague promises: a goal nobody serves, a
promise without a date, one past its date, a person in the room who promised nothing. The
groupings let the room read the same commitments per goal, per person and per organisation.
Every order here is deterministic, so the projector and the summary never reshuffle.

Every commitment except a ``vervallen`` one counts as serving a goal or a person (a ``gedaan``
one did serve); only live ones (``open``, ``bezig``) can lack a date or be overdue.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date
from typing import Protocol, TypeVar

from wijksessie.domain.model import (
    Commitment,
    CommitmentStatus,
    Goal,
    Network,
    Organisation,
    Participant,
)
from wijksessie.domain.record import record
from wijksessie.domain.text import normalise
from wijksessie.domain.voting import ranked_goals
from wijksessie.i18n import _, ngettext

LIVE = (CommitmentStatus.OPEN, CommitmentStatus.BUSY)


class _Identified(Protocol):
    id: str


T = TypeVar("T", bound=_Identified)


@record
class CommitmentChecks:
    """What still needs attention before the room leaves, each list in a stable order."""

    unserved_goals: list[Goal]
    undated: list[Commitment]
    overdue: list[Commitment]
    idle_participants: list[Participant]

    @property
    def ok(self) -> bool:
        """Nothing to point out."""
        return not (self.unserved_goals or self.undated or self.overdue or self.idle_participants)

    def messages(self, *, names: bool = True) -> list[str]:
        """One line per kind of problem, for the top of the phase; empty when ok.

        Without ``names`` the people who promised nothing are counted, not named: on the wall a
        list of names puts people on the spot in front of the room.
        """
        lines = []
        if self.unserved_goals:
            goals = ", ".join(g.text for g in self.unserved_goals)
            lines.append(_("Doelen zonder toezegging: {names}.").format(names=goals))
        if undated := len(self.undated):
            lines.append(
                ngettext(
                    "{n} toezegging zonder datum.", "{n} toezeggingen zonder datum.", undated
                ).format(n=undated)
            )
        if overdue := len(self.overdue):
            lines.append(
                ngettext(
                    "{n} toezegging over de datum.", "{n} toezeggingen over de datum.", overdue
                ).format(n=overdue)
            )
        if self.idle_participants and names:
            named = ", ".join(p.name for p in self.idle_participants)
            lines.append(_("Nog niets toegezegd: {names}.").format(names=named))
        elif idle := len(self.idle_participants):
            lines.append(
                ngettext(
                    "{n} aanwezige heeft nog niets toegezegd.",
                    "{n} aanwezigen hebben nog niets toegezegd.",
                    idle,
                ).format(n=idle)
            )
        return lines


def check_commitments(network: Network, today: date) -> CommitmentChecks:
    """Every check of the Toezeggingen phase at once."""
    return CommitmentChecks(
        unserved_goals=goals_without_commitment(network),
        undated=commitments_without_date(network),
        overdue=overdue_commitments(network, today),
        idle_participants=participants_without_commitment(network),
    )


def goals_without_commitment(network: Network) -> list[Goal]:
    """Goals that no (not dropped) commitment serves, in the room's priority order."""
    served = {c.goal_id for c in network.commitments if c.status is not CommitmentStatus.DROPPED}
    return [goal for goal, _ in ranked_goals(network.goals) if goal.id not in served]


def commitments_without_date(network: Network) -> list[Commitment]:
    """Live commitments with no due date: a promise without a date is a wish."""
    return [c for c in network.commitments if c.status in LIVE and c.due is None]


def overdue_commitments(network: Network, today: date) -> list[Commitment]:
    """Live commitments whose date has passed, the longest overdue first."""
    late = [c for c in network.commitments if c.status in LIVE and c.due and c.due < today]
    return sorted(late, key=_commitment_order)


def participants_without_commitment(network: Network) -> list[Participant]:
    """Present participants who promised nothing (dropped promises do not count), by name.

    The session's facilitator is left out: they lead the round, they are not asked to promise.
    """
    committed = {
        c.participant_id for c in network.commitments if c.status is not CommitmentStatus.DROPPED
    }
    facilitator = normalise(network.session.facilitator or "")
    idle = [
        p
        for p in network.participants
        if p.present
        and p.id not in committed
        and not (facilitator and normalise(p.name) == facilitator)
    ]
    return sorted(idle, key=lambda p: (normalise(p.name), p.id))


def default_organisation(participant: Participant | None) -> str:
    """The organisation a commitment gets when only the person is chosen: the person's own."""
    return participant.organisation_id if participant else ""


def organisation_of(commitment: Commitment, participants: Iterable[Participant]) -> str:
    """The organisation a commitment is on: its own, else its person's."""
    if commitment.organisation_id:
        return commitment.organisation_id
    person = next((p for p in participants if p.id == commitment.participant_id), None)
    return default_organisation(person)


def assign_person(
    commitment: Commitment, participant: Participant | None, participants: Iterable[Participant]
) -> Commitment:
    """The commitment given to another person; the organisation follows the person.

    The organisation follows only when it was empty or still the previous person's own: an
    organisation chosen on purpose (someone promising on behalf of a partner) is kept.
    """
    previous = next((p for p in participants if p.id == commitment.participant_id), None)
    organisation = commitment.organisation_id
    if not organisation or organisation == default_organisation(previous):
        organisation = default_organisation(participant) or organisation
    return dataclasses.replace(
        commitment,
        participant_id=participant.id if participant else "",
        organisation_id=organisation,
    )


def by_goal(network: Network) -> list[tuple[Goal | None, list[Commitment]]]:
    """Commitments per goal, goals in priority order; those without a (known) goal last."""
    goals = [goal for goal, _ in ranked_goals(network.goals)]
    return _group(network.commitments, goals, lambda c: c.goal_id)


def by_person(network: Network) -> list[tuple[Participant | None, list[Commitment]]]:
    """Commitments per person, by name; those made by an organisation only last."""
    people = sorted(network.participants, key=lambda p: (normalise(p.name), p.id))
    return _group(network.commitments, people, lambda c: c.participant_id)


def by_organisation(network: Network) -> list[tuple[Organisation | None, list[Commitment]]]:
    """Commitments per organisation (their own, else their person's), by name; none last."""
    organisations = sorted(network.organisations, key=lambda o: (normalise(o.name), o.id))
    return _group(
        network.commitments,
        organisations,
        lambda c: organisation_of(c, network.participants),
    )


def sorted_commitments(commitments: Iterable[Commitment]) -> list[Commitment]:
    """Commitments by due date (undated last), then text: the order inside every group."""
    return sorted(commitments, key=_commitment_order)


def _group(
    commitments: list[Commitment], keys: list[T], key_of: Callable[[Commitment], str]
) -> list[tuple[T | None, list[Commitment]]]:
    """Non-empty groups in the order of ``keys``, then one ``None`` group for the rest."""
    known = {item.id: item for item in keys}
    buckets: dict[str, list[Commitment]] = {}
    rest: list[Commitment] = []
    for commitment in commitments:
        ref = key_of(commitment)
        if ref in known:
            buckets.setdefault(ref, []).append(commitment)
        else:
            rest.append(commitment)
    groups: list[tuple[T | None, list[Commitment]]] = [
        (item, sorted_commitments(buckets[item_id]))
        for item_id, item in known.items()
        if item_id in buckets
    ]
    if rest:
        groups.append((None, sorted_commitments(rest)))
    return groups


def _commitment_order(commitment: Commitment) -> tuple[bool, date, str, str]:
    due = commitment.due or date.max
    return (commitment.due is None, due, normalise(commitment.what), commitment.id)
