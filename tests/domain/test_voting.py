"""Dot-voting: the budget per participant, who may vote, and a ranking that never wobbles."""

from __future__ import annotations

import pytest

from wijksessie.domain.model import Goal, Participant
from wijksessie.domain.voting import (
    DEFAULT_BUDGET,
    VoteError,
    cleared,
    give_vote,
    ranked_goals,
    remaining_by_participant,
    remaining_votes,
    take_vote,
    tally,
    total_votes,
)
from wijksessie.errors import NotFoundError

ANNA = Participant("Anna", id="anna")
BOB = Participant("Bob", id="bob")
GONE = Participant("Carla", id="carla", present=False)


def replace_goal(goals: list[Goal], new: Goal) -> list[Goal]:
    """What the store does after a vote: the saved goal takes the old one's place."""
    return [new if goal.id == new.id else goal for goal in goals]


@pytest.fixture
def goals() -> list[Goal]:
    return [Goal("Minder eenzaamheid", id="g1"), Goal("Schulden eerder zien", id="g2")]


def test_default_budget_is_three() -> None:
    assert DEFAULT_BUDGET == 3


def test_give_vote_returns_a_new_goal_and_leaves_the_old_one(goals: list[Goal]) -> None:
    voted = give_vote(goals, "g1", ANNA)
    assert voted.votes == {"anna": 1}
    assert goals[0].votes == {}
    assert voted.id == "g1" and voted.text == goals[0].text


def test_votes_can_pile_up_on_one_goal_up_to_the_budget(goals: list[Goal]) -> None:
    for _ in range(3):
        goals = replace_goal(goals, give_vote(goals, "g1", ANNA))
    assert goals[0].votes == {"anna": 3}
    assert remaining_votes(goals, "anna") == 0
    with pytest.raises(VoteError, match="alle 3 stemmen"):
        give_vote(goals, "g2", ANNA)


def test_budget_counts_over_all_goals(goals: list[Goal]) -> None:
    goals = replace_goal(goals, give_vote(goals, "g1", ANNA, budget=2))
    goals = replace_goal(goals, give_vote(goals, "g2", ANNA, budget=2))
    with pytest.raises(VoteError):
        give_vote(goals, "g1", ANNA, budget=2)
    assert remaining_votes(goals, "anna", budget=2) == 0
    assert remaining_votes(goals, "bob", budget=2) == 2


def test_lowering_the_budget_never_gives_negative_remaining(goals: list[Goal]) -> None:
    goals = replace_goal(goals, give_vote(goals, "g1", ANNA))
    goals = replace_goal(goals, give_vote(goals, "g1", ANNA))
    assert remaining_votes(goals, "anna", budget=1) == 0


def test_absent_participant_cannot_vote(goals: list[Goal]) -> None:
    with pytest.raises(VoteError, match="niet aanwezig"):
        give_vote(goals, "g1", GONE)


def test_take_vote_goes_down_to_zero_and_not_below(goals: list[Goal]) -> None:
    goals = replace_goal(goals, give_vote(goals, "g1", ANNA))
    goals = replace_goal(goals, give_vote(goals, "g1", ANNA))
    goals = replace_goal(goals, take_vote(goals, "g1", ANNA))
    assert goals[0].votes == {"anna": 1}
    goals = replace_goal(goals, take_vote(goals, "g1", ANNA))
    assert goals[0].votes == {}
    with pytest.raises(VoteError, match="geen stem"):
        take_vote(goals, "g1", ANNA)


def test_a_vote_can_be_taken_back_after_leaving_the_room() -> None:
    goals = [Goal("Doel", id="g1", votes={"carla": 1})]
    assert take_vote(goals, "g1", GONE).votes == {}


def test_unknown_goal_is_a_clear_error(goals: list[Goal]) -> None:
    with pytest.raises(NotFoundError, match="bestaat niet"):
        give_vote(goals, "nope", ANNA)


def test_remaining_by_participant_lists_present_people_in_room_order() -> None:
    goals = [Goal("Doel", id="g1", votes={"bob": 2, "carla": 1})]
    assert remaining_by_participant(goals, [BOB, GONE, ANNA]) == {"bob": 1, "anna": 3}


def test_ranked_goals_by_votes_then_text() -> None:
    goals = [
        Goal("zorg", id="a", votes={"anna": 1}),
        Goal("Armoede", id="b", votes={"anna": 1}),
        Goal("Jeugd", id="c", votes={"anna": 1, "bob": 2}),
        Goal("Buurt", id="d"),
    ]
    ranked = ranked_goals(goals)
    assert [(goal.text, total) for goal, total in ranked] == [
        ("Jeugd", 3),
        ("Armoede", 1),
        ("zorg", 1),
        ("Buurt", 0),
    ]
    assert ranked_goals(reversed(goals)) == ranked


def test_tally_shares_ranks_on_ties_and_scales_bars() -> None:
    goals = [
        Goal("A", id="a", votes={"x": 4}),
        Goal("B", id="b", votes={"x": 1}),
        Goal("C", id="c", votes={"y": 1}),
        Goal("D", id="d"),
    ]
    bars = tally(goals)
    assert [(bar.goal.id, bar.total, bar.rank) for bar in bars] == [
        ("a", 4, 1),
        ("b", 1, 2),
        ("c", 1, 2),
        ("d", 0, 4),
    ]
    assert [bar.cells(20) for bar in bars] == [20, 5, 5, 0]
    assert bars[1].share == 0.25


def test_tally_of_nothing_is_empty_and_no_votes_means_no_bars() -> None:
    assert tally([]) == []
    assert [bar.cells(10) for bar in tally([Goal("A"), Goal("B")])] == [0, 0]


def test_small_share_still_shows_one_cell() -> None:
    bars = tally([Goal("A", votes={"x": 100}), Goal("B", votes={"y": 1})])
    assert bars[1].cells(10) == 1


def test_cleared_and_total() -> None:
    goal = Goal("A", votes={"x": 2, "y": 1})
    assert total_votes(goal) == 3
    assert cleared(goal).votes == {} and goal.votes == {"x": 2, "y": 1}
