"""Text similarity for the overlap analysis: rapidfuzz for many pairs, plain Python for a few.

The overlap score takes rapidfuzz's ``token_set_ratio`` of two names and ``token_sort_ratio``
of two descriptions. Importing rapidfuzz costs 12-15 ms whatever one uses of it: its package
``__init__`` loads every compiled module, the ten distance metrics among them (~10 ms), and
``rapidfuzz.fuzz`` cannot be imported without it. A cold ``wijksessie summary --format html``
of the demo makes 26 comparisons, which this module does in well under a millisecond; that
import was a third of what the command costs beyond ``wijksessie --version`` (issue 17, 9).
The large benchmark session makes 66,000, which only rapidfuzz's C does in time, so
``scorers`` picks by how much text there is to compare (``PLAIN_UP_TO``).

The plain scorers give the very same floats as rapidfuzz 3 for text that ``text.normalise``
made (words separated by one space): the same token sets and sorted joins, the Indel distance
(the two lengths minus twice the longest common subsequence, found here with Hyyrö's
bit-parallel algorithm on Python ints) and the same floating-point formulas in the same order,
so a score rounds the same way on a page. Tests hold them to rapidfuzz on random text, on the
large session's texts and in whole analyses.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

Scorer = Callable[..., float]
"""``scorer(a, b, score_cutoff=0.0)``: 0-100, or 0 when below ``score_cutoff``."""

Extract = Callable[..., list[tuple[str, float, int]]]
"""``extract(query, choices, scorer=…, score_cutoff=…, limit=None)`` as
``rapidfuzz.process.extract``: ``(choice, score, index)`` for every choice that reaches the
cutoff (the order is not used here)."""

PLAIN_UP_TO = 20_000
"""Characters the plain scorers take on (the names and descriptions of both sides of every
pair to compare); above it rapidfuzz is worth its import. Plain Python compares 0.25-0.5 µs a
character (a 100-character description pair in 50 µs, two of the longest descriptions, 5,000
characters, in 5 ms), rapidfuzz a hundredth of that, so 20,000 characters cost at most about
what importing rapidfuzz does. The demo compares 14 pairs, 2,585 characters; the large
benchmark session 35,000 pairs, 7 million."""


class Scorers:
    """The three functions the overlap analysis compares texts with.

    A plain class: a dataclass would compile its methods at import (~0.8 ms), which is what
    this module is here to save."""

    __slots__ = ("extract", "token_set_ratio", "token_sort_ratio")

    def __init__(self, token_set_ratio: Scorer, token_sort_ratio: Scorer, extract: Extract) -> None:
        self.token_set_ratio = token_set_ratio
        self.token_sort_ratio = token_sort_ratio
        self.extract = extract


def scorers(characters: int) -> Scorers:
    """The scorers for comparing texts of ``characters`` characters in all: plain Python for a
    few, rapidfuzz (imported now, the first time) for more."""
    if characters <= PLAIN_UP_TO:
        return PLAIN
    from rapidfuzz import fuzz, process

    return Scorers(fuzz.token_set_ratio, fuzz.token_sort_ratio, process.extract)


def token_sort_ratio(a: str, b: str, *, score_cutoff: float = 0.0) -> float:
    """rapidfuzz's ``fuzz.token_sort_ratio``: the ratio of the two texts' words, sorted."""
    if score_cutoff > 100:
        return 0.0
    return _ratio(" ".join(sorted(a.split())), " ".join(sorted(b.split())), score_cutoff)


def token_set_ratio(a: str, b: str, *, score_cutoff: float = 0.0) -> float:
    """rapidfuzz's ``fuzz.token_set_ratio``: 100 when one text's words contain the other's,
    else the best of comparing the words only one text has, each side with the shared words
    added, and those two with the shared words alone."""
    if score_cutoff > 100:
        return 0.0
    words_a, words_b = set(a.split()), set(b.split())
    if not words_a or not words_b:
        return 0.0
    shared = words_a & words_b
    only_a, only_b = words_a - words_b, words_b - words_a
    if shared and (not only_a or not only_b):
        return 100.0
    joined_a, joined_b = " ".join(sorted(only_a)), " ".join(sorted(only_b))
    shared_len = len(" ".join(shared))
    with_a = shared_len + bool(shared_len) + len(joined_a)
    with_b = shared_len + bool(shared_len) + len(joined_b)
    result = 0.0
    most = math.ceil((with_a + with_b) * (1.0 - score_cutoff / 100))
    distance = _indel(joined_a, joined_b)
    if distance <= most:
        result = _score(distance, with_a + with_b, score_cutoff)
    if not shared_len:
        return result
    shared_with_a = _score(bool(shared_len) + len(joined_a), shared_len + with_a, score_cutoff)
    shared_with_b = _score(bool(shared_len) + len(joined_b), shared_len + with_b, score_cutoff)
    return max(result, shared_with_a, shared_with_b)


def extract(
    query: str,
    choices: Sequence[str],
    *,
    scorer: Scorer,
    score_cutoff: float = 0.0,
    limit: None = None,
) -> list[tuple[str, float, int]]:
    """``rapidfuzz.process.extract`` with ``limit=None``, in the choices' order.

    Exactly the scores at or above ``score_cutoff``: rapidfuzz's also lets through some a hair
    below it, which ``overlap`` drops when it holds each score to its own need."""
    found = []
    for index, choice in enumerate(choices):
        score = scorer(query, choice, score_cutoff=score_cutoff)
        if score >= score_cutoff:
            found.append((choice, score, index))
    return found


PLAIN = Scorers(token_set_ratio, token_sort_ratio, extract)


def _ratio(a: str, b: str, score_cutoff: float) -> float:
    """``fuzz.ratio``: the normalised Indel similarity, as a percentage."""
    cutoff = score_cutoff / 100
    total = len(a) + len(b)
    distance = _indel(a, b)
    similarity = 1.0 - (distance / total if total else 0.0)
    return similarity * 100 if similarity >= cutoff else 0.0


def _score(distance: int, total: int, score_cutoff: float) -> float:
    """A distance over a length as a percentage, 0 below the cutoff (rapidfuzz's formula)."""
    score = 100.0 - 100.0 * distance / total if total else 100.0
    return score if score >= score_cutoff else 0.0


def _indel(a: str, b: str) -> int:
    """Characters to insert and delete to turn ``a`` into ``b``."""
    return len(a) + len(b) - 2 * _common(a, b)


def _common(a: str, b: str) -> int:
    """The length of the longest common subsequence (Hyyrö 2004: one bit per character of
    ``a``, a few integer operations per character of ``b``). Carries run only upwards, so the
    bits above ``a``'s length are masked off once, at the end."""
    if not a or not b:
        return 0
    if len(a) > len(b):
        a, b = b, a
    where: dict[str, int] = {}
    for position, char in enumerate(a):
        where[char] = where.get(char, 0) | (1 << position)
    full = (1 << len(a)) - 1
    row = full
    bits = where.get
    for char in b:
        matches = row & bits(char, 0)
        row = (row + matches) | (row - matches)
    return len(a) - (row & full).bit_count()
