"""The plain-Python scorers give rapidfuzz's very floats, so an overlap scores the same either way.

A cold summary of a small session compares its few pairs without importing rapidfuzz
(``similarity.scorers``); a page must not change with the number of pairs. Compared here on
random text (words from a small alphabet, so that they share words and letters), on the large
benchmark session's names and descriptions, and as whole overlap analyses.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from tests.domain.test_analysis import generated_network
from tests.perf.generate import generate
from wijksessie.domain.analysis import overlaps, similarity
from wijksessie.domain.analysis.overlap import OVERLAP_MIN_SCORE, _blocked, _items, _text_size
from wijksessie.domain.demo import demo_network
from wijksessie.domain.text import normalise

PAIRS = [
    (fuzz.token_set_ratio, similarity.token_set_ratio),
    (fuzz.token_sort_ratio, similarity.token_sort_ratio),
]

words = st.text(alphabet="abcdeéü日-", min_size=0, max_size=6)
texts = st.lists(words, max_size=8).map(lambda found: normalise(" ".join(found)))
cutoffs = st.one_of(st.just(0.0), st.floats(min_value=0, max_value=101, allow_nan=False))
needs = st.one_of(st.just(0.0), st.floats(min_value=0, max_value=100, allow_nan=False))
"""``extract``'s cutoffs: ``overlap`` never asks more than 100 (rapidfuzz refuses it)."""


@settings(max_examples=2000, deadline=None)
@given(texts, texts, cutoffs)
def test_the_plain_scorers_give_rapidfuzzs_floats(a: str, b: str, cutoff: float) -> None:
    for rapid, plain in PAIRS:
        expected = rapid(a, b, score_cutoff=cutoff)
        assert plain(a, b, score_cutoff=cutoff) == expected
        assert plain(b, a, score_cutoff=cutoff) == rapid(b, a, score_cutoff=cutoff)


@settings(max_examples=300, deadline=None)
@given(texts, st.lists(texts, max_size=6), needs)
def test_extract_finds_what_rapidfuzz_finds(query: str, choices: list[str], cutoff: float) -> None:
    """rapidfuzz's ``extract`` also lets through a score a hair below the cutoff (0.0 for a
    cutoff of 1e-46, 50.0 for 50.000001); the analysis holds every score to its own need, so
    what counts is the same scores at or above the cutoff."""
    for rapid, plain in PAIRS:
        found = process.extract(query, choices, scorer=rapid, score_cutoff=cutoff, limit=None)
        expected = sorted((f for f in found if f[1] >= cutoff), key=lambda f: f[2])
        got = similarity.extract(query, choices, scorer=plain, score_cutoff=cutoff)
        assert sorted(got, key=lambda f: f[2]) == expected


def test_the_large_sessions_texts_score_the_same() -> None:
    items = _items(generate("large"))
    for index, item in enumerate(items):
        for other in items[index + 1 : index + 12]:
            assert similarity.token_set_ratio(item.name, other.name) == fuzz.token_set_ratio(
                item.name, other.name
            )
            assert similarity.token_sort_ratio(
                item.description, other.description
            ) == fuzz.token_sort_ratio(item.description, other.description)


@pytest.mark.parametrize(
    "network",
    [demo_network(), generated_network(60, seed=3)[0]],
    ids=["demo", "generated"],
)
def test_an_overlap_analysis_is_the_same_with_either_scorers(
    network, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(similarity, "PLAIN_UP_TO", 10**9)
    plain = overlaps(network)
    monkeypatch.setattr(similarity, "PLAIN_UP_TO", -1)
    rapid = overlaps(network)

    assert plain == rapid
    assert plain


def test_little_text_needs_no_rapidfuzz() -> None:
    """The demo compares 14 pairs, 2,585 characters: rapidfuzz's 12-15 ms import is not worth
    it."""
    code = (
        "import sys\n"
        "from wijksessie.domain.analysis import overlaps\n"
        "from wijksessie.domain.demo import demo_network\n"
        "assert overlaps(demo_network())\n"
        "print(sorted(m for m in sys.modules if 'rapidfuzz' in m))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_much_text_is_compared_by_rapidfuzz() -> None:
    assert similarity.scorers(similarity.PLAIN_UP_TO) is similarity.PLAIN
    rapid = similarity.scorers(similarity.PLAIN_UP_TO + 1)
    assert rapid.token_set_ratio is fuzz.token_set_ratio
    assert rapid.extract is process.extract


def test_two_long_descriptions_are_enough_for_rapidfuzz() -> None:
    """Plain Python compares two of the longest descriptions (5,000 characters) in about 5 ms,
    rapidfuzz in 0.05: a few initiatives with pasted-in texts must not make a slow page."""
    text = "buurt koffie ouderen ontmoeting " * 160
    net = demo_network()
    net.initiatives = [
        dataclasses.replace(initiative, description=text[:5000]) for initiative in net.initiatives
    ]
    items = _items(net)
    blocked = _blocked(items, OVERLAP_MIN_SCORE)

    assert _text_size(blocked) > similarity.PLAIN_UP_TO
    assert similarity.scorers(_text_size(blocked)) is not similarity.PLAIN
