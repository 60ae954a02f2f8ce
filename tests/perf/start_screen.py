"""The benchmark's start-screen figures alone (issue 20), with its own functions, for working on
the start screen without the three minutes of the whole run.

    python tests/perf/start_screen.py [--runs N]

Each figure is the median of N runs (5 by default) beside the same baseline as in ``bench.py``:
the cold starts come from ``process_figures`` (which measures the bare app and the large session
too), the warm ones from ``time_start_screen``.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from dataclasses import replace
from pathlib import Path

from bench import QUICK, amedian_of, make_files, process_figures, time_start_screen


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each kind (default 5)")
    runs = max(parser.parse_args(argv).runs, 1)
    with tempfile.TemporaryDirectory(prefix="wijksessie-start-") as root:
        files = make_files(Path(root))
        cold = {f.key: f for f in process_figures(files, replace(QUICK, processes=runs))}

        async def warm() -> tuple[float, float, float]:
            ten = await amedian_of(runs, lambda: time_start_screen(files.ten))
            thousand = await amedian_of(runs, lambda: time_start_screen(files.thousand))
            every = await amedian_of(
                runs, lambda: time_start_screen(files.thousand, every_row=True)
            )
            return ten, thousand, every

        ten, thousand, every = asyncio.run(warm())
    keys = ("cold_start", "start_screen_1000", "start_screen_1000_first")
    lines = [(cold[key].label, cold[key].value, cold[key].baseline or 0.0) for key in keys]
    lines.append(("start screen with 1,000 files, app start in a warm process", thousand, ten))
    lines.append(("  the same, until the last of the 1,000 rows is in the list", every, ten))
    for label, value, baseline in lines:
        ratio = f"{value / baseline:5.2f}×" if baseline else ""
        print(f"{label:64s} {value * 1000:8.1f} ms  {baseline * 1000:8.1f} ms  {ratio}")


if __name__ == "__main__":
    main()
