"""One headless app run in its own process, for the cold-start and peak-memory figures.

``bench.py`` starts this script in a fresh interpreter, so imports, CSS parsing and the first
layout are all paid, as they are for a facilitator who types ``wijksessie``. It prints one JSON
line: ``ready`` (``time.monotonic()`` when the screen is mounted and painted; on Linux that clock
is shared by all processes, so the parent subtracts its own start time) and ``maxrss_kb``, the
peak resident memory (see ``peak_rss_kb``).

    probe.py bare                  a bare Textual app: Header, DataTable, Footer
    probe.py start FOLDER          wijksessie's start screen on FOLDER
    probe.py open FOLDER FILE      wijksessie with FILE opened, as ``wijksessie open`` does
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

SIZE = (120, 40)
"""A projector-sized terminal: the same for every run and both apps."""


class BareApp(App[None]):
    """The framework's own cost: the widgets a start screen needs and nothing of ours."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()


async def settle(pilot: Pilot[Any]) -> None:
    """Handle every pending message, then paint, without ``Pilot.pause``'s idle sleeps.

    ``Pilot.pause`` and ``Pilot.press`` wait for the process to look idle, sleeping 20 ms at a
    time; that sleep would be measured too. Draining the screen's queues a few times (a handler
    may post more messages) and then running the screen's update (what its refresh timer does)
    leaves only the app's own work in the figure.
    """
    for _ in range(3):
        await pilot._wait_for_screen()
    pilot.app.screen._on_timer_update()


def run_until(app: App[Any], ready: type[Screen[Any]] | None) -> float:
    """Run ``app`` headless until ``ready`` (or the default screen) is mounted; when it was."""
    seen: list[float] = []

    async def autopilot(pilot: Pilot[Any]) -> None:
        while ready is not None and not (isinstance(app.screen, ready) and app.screen.is_mounted):
            await pilot._wait_for_screen()
        await settle(pilot)
        seen.append(time.monotonic())
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=autopilot)
    return seen[0]


def peak_rss_kb() -> int:
    """This program's peak resident memory in kB.

    ``ru_maxrss`` alone is not enough on Linux: a child started by a big parent (the benchmark,
    holding a large network) inherits the parent's peak across fork and exec, so it would report
    the parent's size. ``VmHWM`` in ``/proc/self/status`` belongs to the new program's own
    memory map; ``ru_maxrss`` remains the answer where there is no ``/proc``.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str]) -> None:
    """Run the chosen app once and print when it was ready and the peak memory."""
    mode = argv[0]
    if mode == "bare":
        ready = run_until(BareApp(), None)
    else:
        # Each mode imports what ``wijksessie`` itself imports on that path, no more: the
        # command line module first (the console script's entry point), then the app; the
        # session screen (and the analysis behind it) is loaded lazily, so "start" does not.
        import wijksessie.cli  # noqa: F401
        from wijksessie.ui.app import WijksessieApp

        folder = Path(argv[1])
        if mode == "start":
            from wijksessie.ui.screens.start import StartScreen

            ready = run_until(WijksessieApp(folder), StartScreen)
        else:
            from wijksessie.store import SessionStore
            from wijksessie.ui.screens.session import SessionScreen

            store = SessionStore.open(Path(argv[2]))
            ready = run_until(WijksessieApp(folder, store=store), SessionScreen)
            store.close()
    print(json.dumps({"ready": ready, "maxrss_kb": peak_rss_kb()}))


if __name__ == "__main__":
    main(sys.argv[1:])
