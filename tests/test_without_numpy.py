"""numpy is not a dependency (pyproject): nothing the app runs may need it.

A developer's venv often has numpy from an earlier version or another tool, so a call that needs
it (rapidfuzz's ``cdist``, networkx's ``spring_layout``) passes every test there and fails on a
fresh install. This test runs the code that used to need it in a fresh interpreter in which
importing numpy fails, as on a clean machine.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent(
    """
    import sys
    from datetime import date

    class NoNumpy:
        def find_spec(self, name, path=None, target=None):
            if name == "numpy" or name.startswith("numpy."):
                raise ImportError("numpy is not installed here")
            return None

    sys.meta_path.insert(0, NoNumpy())

    from tests.domain.over_time_sessions import four_sessions
    from wijksessie.domain.demo import demo_network
    from wijksessie.domain.matching import parse_decisions
    from wijksessie.domain.over_time import SessionSource, build_overview
    from wijksessie.domain.summary import build_summary
    from wijksessie.render.figures import network_figures
    from wijksessie.render.plates import plate_rows, poster_svg
    from wijksessie.services.formats import render

    sources = [SessionSource(name, net) for name, net in four_sessions().items()]
    overview = build_overview(sources, parse_decisions({"format": "wijksessie-koppelingen"}))
    assert plate_rows(overview) and poster_svg(overview)
    network = demo_network(today=date(2026, 11, 25))
    html = render(build_summary(network, today=date(2026, 11, 25)), "html",
                  figures=network_figures(network))
    assert "<svg" in html
    assert "numpy" not in sys.modules
    print("ok")
    """
)


def test_the_overview_plates_and_pictures_run_without_numpy() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
