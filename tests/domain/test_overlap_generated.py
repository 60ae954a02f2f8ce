"""The overlap search on the benchmark's large wijk finds exactly what comparing every pair finds.

``overlaps`` compares an item with the others in its theme and group blocks, in one rapidfuzz
call per item for the names and one for the descriptions; the 500 initiatives of
``tests/perf/generate.py``'s large session (templated names and descriptions, as a real wijk's
near-duplicates) must give every pair the slow, obvious comparison gives, with the same score.
"""

from __future__ import annotations

from tests.domain.test_analysis import brute_force
from tests.perf.generate import generate
from wijksessie.domain.analysis import OVERLAP_MIN_SCORE, overlaps


def test_the_large_generated_wijk_loses_no_pair() -> None:
    network = generate("large")

    found = {(o.first_id, o.second_id, o.score) for o in overlaps(network)}

    assert len(found) > 4000
    assert found == brute_force(network, OVERLAP_MIN_SCORE)
