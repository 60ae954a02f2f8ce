"""Gaps: residents' questions and themes that no initiative in the network answers."""

from __future__ import annotations

from wijksessie.domain.analysis.common import key_set, ordered_themes
from wijksessie.domain.model import Network, ResidentQuestion
from wijksessie.domain.record import record
from wijksessie.domain.text import normalise
from wijksessie.i18n import _


@record
class QuestionGap:
    """A residents' question that no initiative answers, and why."""

    question_id: str
    text: str
    reason: str


@record
class Gaps:
    """What residents ask or the wijk needs that nobody in the network works on."""

    questions: tuple[QuestionGap, ...]
    themes: tuple[str, ...]


def gaps(network: Network) -> Gaps:
    """Uncovered questions and themes: what a shared goal or new coalition could take on.

    A question is covered when some initiative shares one of its themes; a question without
    themes cannot be matched, so it counts as uncovered until someone tags it.
    """
    covered: set[str] = set().union(*(key_set(i.themes) for i in network.initiatives))
    questions = tuple(
        gap for question in network.questions if (gap := _question_gap(question, covered))
    )
    asked = (theme for question in network.questions for theme in question.themes)
    themes = ordered_themes(asked, all_standard=True)
    return Gaps(questions, tuple(theme for theme in themes if normalise(theme) not in covered))


def _question_gap(question: ResidentQuestion, covered: set[str]) -> QuestionGap | None:
    keys = key_set(question.themes)
    if not keys:
        return QuestionGap(question.id, question.text, _("geen thema's"))
    if keys & covered:
        return None
    missing = ", ".join(ordered_themes(question.themes))
    reason = _("niemand werkt aan: {themes}").format(themes=missing)
    return QuestionGap(question.id, question.text, reason)
