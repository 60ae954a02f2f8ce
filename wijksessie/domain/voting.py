"""Dot-voting on shared goals: every present participant spreads a few votes over the goals.

The votes live on the goals themselves (``Goal.votes``: participant id → count), so one saved
goal carries its own tally. Every change returns a new ``Goal`` instead of mutating the old
one, so the UI can hand the result to the store and re-render from what was saved.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from wijksessie.domain.model import Goal, Participant, Session
from wijksessie.domain.record import record
from wijksessie.domain.text import normalise
from wijksessie.errors import NotFoundError, WijksessieError
from wijksessie.i18n import _

DEFAULT_BUDGET = 3


class VoteError(WijksessieError):
    """A vote that the rules of the round do not allow, said in the current language."""


@record
class TallyBar:
    """One goal's line in the tally: its votes, place and bar length relative to the leader."""

    goal: Goal
    total: int
    rank: int
    share: float

    def cells(self, width: int) -> int:
        """How many of ``width`` cells the bar fills; at least one when it has any vote."""
        if self.total == 0:
            return 0
        return max(1, round(self.share * width))


def total_votes(goal: Goal) -> int:
    """All votes on one goal."""
    return sum(goal.votes.values())


def votes_used(goals: Iterable[Goal], participant_id: str) -> int:
    """How many votes one participant has placed over all goals."""
    return sum(goal.votes.get(participant_id, 0) for goal in goals)


def remaining_votes(
    goals: Iterable[Goal], participant_id: str, budget: int = DEFAULT_BUDGET
) -> int:
    """Votes a participant still has; never negative, even when the budget was lowered."""
    return max(0, budget - votes_used(goals, participant_id))


def remaining_by_participant(
    goals: Sequence[Goal], participants: Iterable[Participant], budget: int = DEFAULT_BUDGET
) -> dict[str, int]:
    """Remaining votes of every present participant, in the room's order, for the status line."""
    return {p.id: remaining_votes(goals, p.id, budget) for p in participants if p.present}


def give_vote(
    goals: Sequence[Goal], goal_id: str, participant: Participant, budget: int = DEFAULT_BUDGET
) -> Goal:
    """The goal with one more vote from ``participant``.

    Only someone in the room votes, and nobody places more than ``budget`` votes in all:
    that scarcity is what turns a wish list into priorities. Raises ``VoteError``.
    """
    goal = _find(goals, goal_id)
    if not participant.present:
        raise VoteError(
            _("{name} is niet aanwezig en kan niet stemmen.").format(name=participant.name)
        )
    if remaining_votes(goals, participant.id, budget) == 0:
        raise VoteError(
            _("{name} heeft alle {budget} stemmen al uitgebracht.").format(
                name=participant.name, budget=budget
            )
        )
    votes = dict(goal.votes)
    votes[participant.id] = votes.get(participant.id, 0) + 1
    return dataclasses.replace(goal, votes=votes)


def take_vote(goals: Sequence[Goal], goal_id: str, participant: Participant) -> Goal:
    """The goal with one vote of ``participant`` taken back.

    Taking back is allowed for someone who has left the room too, so a slip can always be
    undone. A count that reaches zero disappears, keeping the saved file small.
    """
    goal = _find(goals, goal_id)
    current = goal.votes.get(participant.id, 0)
    if current == 0:
        raise VoteError(
            _("{name} heeft geen stem op dit doel om terug te nemen.").format(name=participant.name)
        )
    votes = dict(goal.votes)
    if current == 1:
        del votes[participant.id]
    else:
        votes[participant.id] = current - 1
    return dataclasses.replace(goal, votes=votes)


def cleared(goal: Goal) -> Goal:
    """The goal without any votes, for a new round or a follow-up session."""
    return dataclasses.replace(goal, votes={})


def ranked_goals(goals: Iterable[Goal]) -> list[tuple[Goal, int]]:
    """Goals with their totals, most votes first, ties by text then id: the same every time."""
    with_totals = [(goal, total_votes(goal)) for goal in goals]
    return sorted(with_totals, key=lambda pair: (-pair[1], normalise(pair[0].text), pair[0].id))


def tally(goals: Iterable[Goal]) -> list[TallyBar]:
    """The ranking as bars: equal totals share a rank (1, 2, 2, 4), bars scale to the leader."""
    ranked = ranked_goals(goals)
    highest = ranked[0][1] if ranked else 0
    bars: list[TallyBar] = []
    for position, (goal, total) in enumerate(ranked, start=1):
        rank = bars[-1].rank if bars and bars[-1].total == total else position
        share = total / highest if highest else 0.0
        bars.append(TallyBar(goal=goal, total=total, rank=rank, share=share))
    return bars


def results_hidden(session: Session) -> bool:
    """True while a blind round is open: no bars, totals or ranking may show anywhere."""
    return session.vote_round is not None and session.vote_round.blind


def _find(goals: Sequence[Goal], goal_id: str) -> Goal:
    for goal in goals:
        if goal.id == goal_id:
            return goal
    raise NotFoundError(_("Dit doel bestaat niet (meer)."))
