"""The benchmark runs and reports every figure, so it cannot rot between the times it is read.

Only that it works is checked, never how fast: CI machines differ and share their cores, and a
timing assertion would fail for reasons that have nothing to do with the code. The figures
themselves are read by a person, from ``python tests/perf/bench.py``.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).with_name("bench.py")

FIGURES = {
    "cold_start",
    "open_large",
    "save_large",
    "key_idle_participants",
    "key_cursor_participants",
    "key_add_participants",
    "key_idle_commitments",
    "key_cursor_commitments",
    "key_add_commitments",
    "overlap_large",
    "network_over_time",
    "network_over_time_plates",
    "import_preview_10000",
    "start_screen_1000",
    "start_screen_1000_first",
    "start_screen_1000_inside",
    "start_screen_1000_every_row",
    "open_large_inside",
    "phase_first_show_large",
    "tab_network_large",
    "plate_draw_large",
    "peak_memory",
    "cold_open_large",
}


@pytest.mark.bench
def test_quick_benchmark_reports_every_figure() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    expected = set(FIGURES)
    if importlib.util.find_spec("wijksessie.render") is not None:
        expected |= {"summaries_large", "summary_build_large", "summary_text_large"}
        expected |= {"summary_md_large", "summary_html_large", "summary_ics_large"}
        expected.add("cold_summary_demo")
    figures = report["figures"]
    assert expected <= set(figures)
    for key, figure in figures.items():
        assert figure["value"] > 0, key
        if figure["baseline"] is not None:
            assert figure["baseline"] > 0 and figure["ratio"] > 0, key
        assert figure["runs"] > 0, key
    assert "overlap_huge" not in figures, "--quick must skip the huge network"
