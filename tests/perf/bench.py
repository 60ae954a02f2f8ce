"""Does wijksessie stay instant on a big network? Every figure beside a baseline from the same run.

A facilitator types while the room watches the wall, so lag is felt by everyone. The app may cost
no more than the framework it is built on, and its cost must not grow with the network. Because
machines and their load differ, no figure is judged alone: each stands beside a baseline measured
in the same run (a bare Textual app, plain ``json``, the same action on a small session), and the
goals are ratios.

    python tests/perf/bench.py [--quick] [--json | --markdown]

``--quick`` takes fewer repetitions and skips the huge network; CI runs it once
(``test_bench_quick.py``) so the benchmark cannot rot. Run it by hand for the README's table.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from generate import (
    CITY_SESSION,
    SESSION_DATE,
    copy_sessions,
    generate,
    new_entity,
    write_city,
    write_session,
)
from probe import SIZE, settle
from rich.console import Console
from rich.table import Table
from textual import events
from textual.widgets import DataTable, TabbedContent, TabPane

import wijksessie
from wijksessie.domain.analysis import overlaps
from wijksessie.domain.model import Network, Participant, Phase, Role
from wijksessie.store import SessionStore
from wijksessie.store.folder import INDEX, list_sessions
from wijksessie.ui.app import WijksessieApp
from wijksessie.ui.screens.session import AVAILABLE_PHASES, SessionScreen
from wijksessie.ui.screens.start import StartScreen
from wijksessie.ui.widgets.row_list import RowList

KEY_PRESS_TABLES: tuple[tuple[Phase, str], ...] = (
    (Phase.NETWORK, "#pane-participants"),
    (Phase.COMMITMENTS, "#pane-commitments"),
)
"""The tables whose key presses are measured: (phase, selector of its ``EntityPane``).

A new phase's table is one more line here (and, for a new kind, a branch in
``generate.new_entity``)."""

HERE = Path(__file__).resolve().parent


@dataclass
class Figure:
    """One line of the table: a median, what it is compared with, and the goal."""

    key: str
    label: str
    value: float
    unit: str = "s"
    baseline: float | None = None
    baseline_label: str = ""
    goal: str = ""
    limit: float | None = None
    """The goal as a number: a ratio limit, or (``unit == 's'`` and no baseline) seconds."""
    absolute: bool = False
    """The limit is in seconds even though a baseline is shown (for the growth, say)."""
    runs: int = 0
    spread: tuple[float, float] | None = None
    """With ``--runs``: the lowest and highest ratio (or value, without a baseline) of the runs."""

    @property
    def ratio(self) -> float | None:
        """The figure divided by its baseline."""
        return self.value / self.baseline if self.baseline else None

    @property
    def met(self) -> bool | None:
        """Whether the goal is met; None when the goal is only to report."""
        if self.limit is None:
            return None
        measured = self.ratio if self.baseline is not None and not self.absolute else self.value
        return measured is not None and measured <= self.limit


@dataclass(frozen=True)
class Plan:
    """How often to repeat each kind of measurement."""

    processes: int
    app_runs: int
    presses: int
    calls: int
    summaries: int
    huge: bool


QUICK = Plan(processes=2, app_runs=2, presses=3, calls=5, summaries=1, huge=False)
FULL = Plan(processes=15, app_runs=5, presses=25, calls=15, summaries=5, huge=True)


def median_of(runs: int, measure: Callable[[], float]) -> float:
    """The median of ``runs`` calls of ``measure`` (each returns seconds or kB)."""
    return statistics.median(measure() for _ in range(runs))


async def amedian_of(runs: int, measure: Callable[[], Awaitable[float]]) -> float:
    """``median_of`` for measurements that run inside the event loop."""
    return statistics.median([await measure() for _ in range(runs)])


@contextmanager
def steady_heap() -> Iterator[None]:
    """Keep the benchmark's own data out of the garbage collector's way while measuring.

    The generated networks are hundreds of thousands of objects; a full collection triggered by
    the measured code would walk them all and charge the code for the benchmark's heap (``json
    .loads`` of the large file took 150 ms instead of 7). Freezing them leaves the collector
    only what the measured code itself creates, as in the app.
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# --- the sessions measured -----------------------------------------------------------------------


@dataclass(frozen=True)
class Files:
    """The generated sessions and folders, all in one temporary folder."""

    root: Path
    small: Path
    large: Path
    ten: Path
    thousand: Path


def make_files(root: Path) -> Files:
    """Write the small and large sessions through the store, and folders of 10 and 1,000."""
    sessions = root / "sessions"
    ten, thousand = root / "ten", root / "thousand"
    for folder in (sessions, ten, thousand):
        folder.mkdir()
    small = write_session(sessions / "small.json", "small")
    large = write_session(sessions / "large.json", "large")
    copy_sessions(small, ten, 10)
    copy_sessions(small, thousand, 1000)
    return Files(root, small, large, ten, thousand)


def working_copy(files: Files, source: Path) -> Path:
    """A fresh copy to change, so every measurement starts from the generated file."""
    target = files.root / "sessions" / f"work-{source.name}"
    shutil.copyfile(source, target)
    return target


# --- cold start and memory, in fresh processes ---------------------------------------------------


def probe(*args: str) -> tuple[float, int]:
    """Seconds from spawning ``probe.py`` to its screen being painted, and its peak RSS in kB."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(HERE / "probe.py"), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["ready"] - started, result["maxrss_kb"]


def byte_code() -> None:
    """Byte-code for every module, as any earlier start leaves it (and as pip leaves Textual's).

    With PYTHONDONTWRITEBYTECODE set, every probe would otherwise compile our modules again.
    Forced: compileall's own check compares only the second a source was last saved, while
    an import also compares its size, so a module saved twice within one second kept
    byte-code that every probe refused and compiled from source (``domain.model`` and the
    format registry did, about 6 ms of each cold start here).
    """
    compileall.compile_dir(Path(wijksessie.__file__).parent, quiet=1, force=True)


def process_figures(files: Files, plan: Plan) -> list[Figure]:
    """Cold starts against a bare Textual app, and peak memory with the large session open.

    Each kind of run is interleaved with the others, so a burst of load hits every side.
    """
    runs: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for folder in (files.ten, files.thousand):
        list_sessions(folder)  # the index, as any earlier start of the app leaves it
    byte_code()
    for _ in range(plan.processes):
        runs["bare"].append(probe("bare"))
        runs["ten"].append(probe("start", str(files.ten)))
        runs["thousand"].append(probe("start", str(files.thousand)))
        (files.thousand / INDEX).unlink(missing_ok=True)
        runs["first"].append(probe("start", str(files.thousand)))
        runs["open"].append(probe("open", str(files.ten), str(files.large)))
    seconds = {name: statistics.median(t for t, _ in found) for name, found in runs.items()}
    peak_mb = {name: statistics.median(kb for _, kb in got) / 1024 for name, got in runs.items()}
    bare = {"baseline": seconds["bare"], "baseline_label": "bare Textual app"}
    return [
        Figure(
            "cold_start",
            "cold start to the start screen (10 sessions)",
            seconds["ten"],
            goal="≤ 1.3×",
            limit=1.3,
            runs=plan.processes,
            **bare,
        ),
        Figure(
            "start_screen_1000",
            "start screen with 1,000 session files (cold start)",
            seconds["thousand"],
            baseline=seconds["ten"],
            baseline_label="the same with 10 files",
            goal="≤ 3×",
            limit=3.0,
            runs=plan.processes,
        ),
        Figure(
            "start_screen_1000_first",
            "the same, first time (no index yet)",
            seconds["first"],
            baseline=seconds["ten"],
            baseline_label="10 files",
            goal="≤ 2×",
            limit=2.0,
            runs=plan.processes,
        ),
        Figure(
            "open_large",
            "open the large session to its first phase, beyond the cold start",
            seconds["open"] - seconds["ten"],
            goal="≤ 0.25 s",
            limit=0.25,
            runs=plan.processes,
        ),
        Figure(
            "cold_open_large",
            "cold start straight into the large session",
            seconds["open"],
            goal="≤ 1.5×",
            limit=1.5,
            runs=plan.processes,
            **bare,
        ),
        Figure(
            "peak_memory",
            "peak memory, large session open",
            peak_mb["open"],
            unit="MB",
            baseline=peak_mb["bare"],
            baseline_label="bare Textual app",
            goal="≤ 1.5×",
            limit=1.5,
            runs=plan.processes,
        ),
    ]


# --- inside a running app ------------------------------------------------------------------------


async def time_start_screen(folder: Path, *, every_row: bool = False) -> float:
    """Seconds from starting the app (warm interpreter) to its start screen painted.

    Stricter than the cold start: interpreter and imports are not there to dilute the ratio.
    With ``every_row``, until the last session's row is in the list too (the start screen's
    ``RowList`` has them all at the first paint; a list that got the rest after the paint, as
    the ``DataTable`` before it did, would show here).
    """
    started = time.perf_counter()
    app = WijksessieApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        while not (isinstance(app.screen, StartScreen) and app.screen.is_mounted):
            await pilot._wait_for_screen()
        await settle(pilot)
        if every_row:
            screen = app.screen
            table = screen.query_one("#sessions", RowList)
            while table.row_count < len(screen.infos):
                await asyncio.sleep(0.002)
        return time.perf_counter() - started


async def time_open(files: Files, source: Path) -> float:
    """Seconds from 'open this file' on the start screen to its first phase painted."""
    app = WijksessieApp(files.ten)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        path = working_copy(files, source)
        started = time.perf_counter()
        store = SessionStore.open(path)
        await app.push_screen(SessionScreen(store))
        await settle(pilot)
        elapsed = time.perf_counter() - started
        store.close()
        return elapsed


@asynccontextmanager
async def session_on_screen(
    files: Files, source: Path
) -> AsyncIterator[tuple[WijksessieApp, Any, SessionStore]]:
    """A headless app with a working copy of ``source`` open on its first phase, painted."""
    app = WijksessieApp(files.ten)
    async with app.run_test(size=SIZE) as pilot:
        store = SessionStore.open(working_copy(files, source))
        await app.push_screen(SessionScreen(store))
        await settle(pilot)
        await filled(app)
        try:
            yield app, pilot, store
        finally:
            store.close()


async def filled(app: WijksessieApp) -> None:
    """Wait until every list on the screen has all its rows (not measured).

    A long list shows a screenful first and gets the rest after the paint; a key press or the
    next phase measured meanwhile would be charged for that filling.
    """
    from wijksessie.ui.widgets.entity_pane import EntityPane

    while any(pane.still_filling for pane in app.screen.query(EntityPane)):
        await asyncio.sleep(0.002)


async def time_phases(files: Files, source: Path) -> dict[Phase, float]:
    """Seconds to show each phase the first time, from the key to the painted phase.

    A phase that finishes its work in a thread (the summary) counts until its first paint, as
    the facilitator sees it; the thread is let finish before the next phase is timed.
    """
    found: dict[Phase, float] = {}
    async with session_on_screen(files, source) as (app, pilot, _store):
        for phase in AVAILABLE_PHASES[1:]:
            started = time.perf_counter()
            await app.screen.show_phase(phase)
            await settle(pilot)
            found[phase] = time.perf_counter() - started
            await app.workers.wait_for_complete()
            await filled(app)
            await settle(pilot)
    return found


async def median_phases(runs: int, files: Files, source: Path) -> dict[Phase, float]:
    """Per phase, the median of ``runs`` first showings (each run in a new app)."""
    timings = [await time_phases(files, source) for _ in range(runs)]
    return {phase: statistics.median(t[phase] for t in timings) for phase in timings[0]}


async def time_tabs(app: WijksessieApp, pilot: Any, runs: int) -> dict[str, float]:
    """Seconds to switch to tab 8 (the network plate) and to tab 7 (gaps and weak links), from
    the key to the painted tab, each with its view out of date (as after any change), taken
    in turns, in an app with a session open. The plate's possible lines come from a thread
    after the paint; it is let finish before the next switch."""
    from wijksessie.ui.phases.network.phase import NetworkPhase

    found: dict[str, list[float]] = {"netwerk": [], "gaten": []}
    await app.screen.show_phase(Phase.NETWORK)
    await settle(pilot)
    phase = app.screen.query_one(NetworkPhase)
    for _run in range(runs):
        for tab in found:
            phase.action_show_tab("organisaties")
            await settle(pilot)
            phase.refresh_views()
            await settle(pilot)
            started = time.perf_counter()
            phase.action_show_tab(tab)
            await settle(pilot)
            found[tab].append(time.perf_counter() - started)
            await app.workers.wait_for_complete()
            await settle(pilot)
    return {tab: statistics.median(times) for tab, times in found.items()}


def plate_figure(plan: Plan, large: Network) -> Figure:
    """Laying out and drawing the large session's plate (40 organisations) on the main thread,
    in the 118×26 cells tab 8 has at 120×35; the possible lines come later, from a thread."""
    from textual.geometry import Size

    from wijksessie.render.layout import plate_of
    from wijksessie.ui.widgets.plate import draw

    with steady_heap():
        value = median_of(
            plan.calls, _timed(lambda: draw(plate_of(large, possible=False), Size(118, 26)))
        )
    return Figure(
        "plate_draw_large",
        f"draw the network plate, large ({len(large.organisations)} organisations)",
        value,
        goal="≤ 0.1 s",
        limit=0.1,
        runs=plan.calls,
    )


def reveal(widget: Any) -> None:
    """Activate every tab around ``widget``, outermost first, so it is on the wall."""
    panes = [node for node in widget.ancestors_with_self if isinstance(node, TabPane)]
    for pane in reversed(panes):
        tabs = next(node for node in pane.ancestors if isinstance(node, TabbedContent))
        tabs.active = pane.id or ""


async def time_keys(
    files: Files, source: Path, plan: Plan, tabs: dict[str, float] | None = None
) -> dict[str, float]:
    """Per measured table: seconds for one cursor move and for adding one item; with ``tabs``,
    the tab switches of ``time_tabs`` too, in the same app (opening another costs seconds)."""
    found: dict[str, float] = {}
    async with session_on_screen(files, source) as (app, pilot, store):
        if tabs is not None:
            tabs.update(await time_tabs(app, pilot, plan.app_runs))
        network = store.network()
        for number, (phase, selector) in enumerate(KEY_PRESS_TABLES):
            await app.screen.show_phase(phase)
            await settle(pilot)
            pane = app.screen.query_one(selector)
            reveal(pane)
            await settle(pilot)
            table = pane.query_one(DataTable)
            table.focus()
            await filled(app)
            await settle(pilot)
            name = selector.removeprefix("#pane-")
            found[f"idle_{name}"] = await amedian_of(plan.presses, lambda: _idle(pilot))
            found[f"cursor_{name}"] = await amedian_of(
                plan.presses, lambda table=table: _press(pilot, table)
            )
            counter = iter(range(number * 10_000, (number + 1) * 10_000))
            found[f"add_{name}"] = await amedian_of(
                plan.presses,
                lambda pane=pane, counter=counter: _add(
                    pilot, pane, new_entity(pane.kind, network, next(counter))
                ),
            )
    return found


async def _idle(pilot: Any) -> float:
    """What measuring costs by itself: settling a screen where nothing happened."""
    started = time.perf_counter()
    await settle(pilot)
    return time.perf_counter() - started


async def _press(pilot: Any, table: DataTable[Any]) -> float:
    """One key press that moves the cursor (down, or up at the last row), painted."""
    key = "up" if table.cursor_row >= table.row_count - 1 else "down"
    started = time.perf_counter()
    pilot.app.post_message(events.Key(key, None))
    await settle(pilot)
    return time.perf_counter() - started


async def _add(pilot: Any, pane: Any, entity: Any) -> float:
    """What saving the add form does: store, refill the table, tell the phase; painted."""
    started = time.perf_counter()
    with pane.store.batch():
        pane.store.add(entity)
    pane.refresh_rows(keep=entity.id)
    pane.post_message(pane.Changed(pane))
    await settle(pilot)
    return time.perf_counter() - started


def app_figures(files: Files, plan: Plan) -> list[Figure]:
    """Start screen by folder size, opening a session, and key presses by session size."""

    async def measure() -> list[Figure]:
        ten = await amedian_of(plan.app_runs, lambda: time_start_screen(files.ten))
        thousand = await amedian_of(plan.app_runs, lambda: time_start_screen(files.thousand))
        whole = await amedian_of(
            plan.app_runs, lambda: time_start_screen(files.thousand, every_row=True)
        )
        small_open = await amedian_of(plan.app_runs, lambda: time_open(files, files.small))
        large_open = await amedian_of(plan.app_runs, lambda: time_open(files, files.large))
        small_phases = await median_phases(plan.app_runs, files, files.small)
        large_phases = await median_phases(plan.app_runs, files, files.large)
        small_keys = await time_keys(files, files.small, plan)
        tabs: dict[str, float] = {}
        large_keys = await time_keys(files, files.large, plan, tabs)
        figures = [
            Figure(
                "open_large_inside",
                "open the large session in a running app, to its first phase",
                large_open,
                baseline=small_open,
                baseline_label="the small session",
                goal="≤ 1.2×",
                limit=1.2,
                runs=plan.app_runs,
            ),
        ]
        slowest = max(large_phases, key=large_phases.__getitem__)
        figures.append(
            Figure(
                "phase_first_show_large",
                f"show a phase the first time, large (the slowest: {slowest.value})",
                large_phases[slowest],
                baseline=small_phases[slowest],
                baseline_label="the same phase, small session",
                goal="≤ 1.5×",
                limit=1.5,
                runs=plan.app_runs,
            )
        )
        figures.append(
            Figure(
                "tab_network_large",
                "switch to tab 8, the network plate, large",
                tabs["netwerk"],
                baseline=tabs["gaten"],
                baseline_label="switch to tab 7, gaps (same session)",
                goal="≤ 1.5×",
                limit=1.5,
                runs=plan.app_runs,
            )
        )
        for key, large in large_keys.items():
            action, table = key.split("_", 1)
            what = {"idle": "no key (measuring's own cost)", "cursor": "cursor move"}
            # Adding an item is the press the room waits on most (issue 20): it may cost no
            # more than a fifth over the small session; a cursor move half again.
            limit = {"idle": None, "cursor": 1.5}.get(action, 1.2)
            figures.append(
                Figure(
                    f"key_{key}",
                    f"key press: {what.get(action, 'add an item')} in {table}, large",
                    large,
                    baseline=small_keys[key],
                    baseline_label="the same, small session",
                    goal="report" if limit is None else f"≤ {limit:g}×",
                    limit=limit,
                    runs=plan.presses,
                )
            )
        figures.append(
            Figure(
                "start_screen_1000_inside",
                "start screen with 1,000 files, app start in a warm process",
                thousand,
                baseline=ten,
                baseline_label="the same with 10 files",
                goal="≤ 2×",
                limit=2.0,
                runs=plan.app_runs,
            )
        )
        figures.append(
            Figure(
                "start_screen_1000_every_row",
                "  the same, until the last of the 1,000 rows is in the list",
                whole,
                baseline=ten,
                baseline_label="the start with 10 files",
                goal="report",
                runs=plan.app_runs,
            )
        )
        return figures

    return asyncio.run(measure())


# --- the store, the analysis and the summaries, in process ---------------------------------------


def save_figure(files: Files, plan: Plan) -> Figure:
    """One change saved by the store against the least a crash-safe save of the data costs."""
    path = working_copy(files, files.large)
    store = SessionStore.open(path)
    person = store.all(Participant)[0]
    roles = iter(Role)

    def change() -> float:
        nonlocal roles
        role = next(roles, None) or next(roles := iter(Role))
        started = time.perf_counter()
        store.update(replace(person, role=role))
        return time.perf_counter() - started

    data = json.loads(path.read_text(encoding="utf-8"))
    target = path.with_name("baseline.json")

    def plain() -> float:
        started = time.perf_counter()
        text = json.dumps(data)
        handle, temp = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, target)
        return time.perf_counter() - started

    with steady_heap():
        value, baseline = _interleaved(plan.calls * 2, change, plain)
    store.close()
    return Figure(
        "save_large",
        "save after one change, large session",
        value,
        baseline=baseline,
        baseline_label="json.dumps + temp file + fsync + os.replace",
        goal="≤ 1.5×",
        limit=1.5,
        runs=plan.calls * 2,
    )


def _interleaved(runs: int, first: Callable[[], float], second: Callable[[], float]) -> tuple:
    """Medians of two measurements taken turn about, so load on the machine hits both alike."""
    a, b = [], []
    for _ in range(runs):
        a.append(first())
        b.append(second())
    return statistics.median(a), statistics.median(b)


def _timed(action: Callable[[], object]) -> Callable[[], float]:
    def measure() -> float:
        started = time.perf_counter()
        action()
        return time.perf_counter() - started

    return measure


def analysis_figures(plan: Plan, large: Network) -> list[Figure]:
    """Overlap of the large network, and of the huge one to show how it grows."""
    with steady_heap():
        large_time = median_of(plan.calls, _timed(lambda: overlaps(large)))
    figures = [
        Figure(
            "overlap_large",
            f"overlap analysis, large ({len(large.initiatives)} initiatives)",
            large_time,
            goal="≤ 0.3 s",
            limit=0.3,
            runs=plan.calls,
        )
    ]
    if plan.huge:
        huge = generate("huge")
        runs = 3
        with steady_heap():
            huge_time = median_of(runs, _timed(lambda: overlaps(huge)))
        figures.append(
            Figure(
                "overlap_huge",
                f"overlap analysis, huge ({len(huge.initiatives)} initiatives)",
                huge_time,
                baseline=large_time,
                baseline_label="large, for the growth",
                goal="≤ 1 s",
                limit=1.0,
                absolute=True,
                runs=runs,
            )
        )
    return figures


def sign_up_list(path: Path, count: int) -> Path:
    """A sign-up list of ``count`` people over 40 organisations, as Excel writes a CSV."""
    header = "Naam;Organisatie;E-mailadres;Telefoon;Rol;Toestemming delen contact"
    people = (f"Persoon {n};Organisatie {n % 40};p{n}@x.nl;;;ja" for n in range(count))
    path.write_bytes(("\r\n".join([header, *people]) + "\r\n").encode("utf-8"))
    return path


def import_figure(files: Files, plan: Plan) -> Figure:
    """The import preview of a sign-up list of 10,000 people (twenty times a session; it is
    refused as too large, after the preview says so) against one of 1,000: the work must grow
    with the rows (10×; the goal leaves room for the sorting and the collector), not with
    their square (100×). It was a 5 s timing in the test suite, which now counts the work
    instead (``tests/exchange/test_importer.py``, issue 20)."""
    from wijksessie.domain.model import Session
    from wijksessie.exchange.importer import preview_import

    network = SessionStore.in_memory(Session("x")).network()
    large = sign_up_list(files.root / "sign-ups-10000.csv", 10_000)
    small = sign_up_list(files.root / "sign-ups-1000.csv", 1_000)
    runs = max(plan.calls // 2, 1)
    with steady_heap():
        value, baseline = _interleaved(
            runs,
            _timed(lambda: preview_import(large, network)),
            _timed(lambda: preview_import(small, network)),
        )
    return Figure(
        "import_preview_10000",
        "import preview of a sign-up list of 10,000 people",
        value,
        baseline=baseline,
        baseline_label="the same, 1,000 people",
        goal="≤ 15×",
        limit=15.0,
        runs=runs,
    )


def network_over_time_figures(files: Files, plan: Plan) -> list[Figure]:
    """Issue 18's overview of a city, cold: ``wijksessie netwerk`` in a fresh process, to JSON
    (the indicators), and to HTML (the same with every plate drawn: the whole network and one
    per theme, for each session).

    Fifty sessions (3 in ``--quick``, once) of ``generate.CITY_SESSION``: 400 organisations, 3,000
    people, 5,000 initiatives and 20,000 commitments in all, from spawn to the file written.
    """
    count = 50 if plan.huge else 3
    city = files.root / "city"
    city.mkdir(exist_ok=True)
    write_city(city, count)
    runs = plan.processes if plan.huge else 1
    what = (
        f"{count} sessions, {count * CITY_SESSION.initiatives:,} initiatives, "
        f"{count * CITY_SESSION.commitments:,} commitments"
    )
    figures = []
    for key, fmt, label, limit in (
        ("network_over_time", "json", f"network over time, cold: {what}", 2.0),
        ("network_over_time_plates", "html", "the same as HTML, with every plate drawn", 3.0),
    ):
        target = files.root / f"netwerk.{fmt}"
        command = [sys.executable, "-m", "wijksessie", "--dir", str(city), "netwerk"]
        command += ["--format", fmt, "-o", str(target)]

        def once(command: list[str] = command) -> float:
            started = time.monotonic()
            subprocess.run(command, capture_output=True, check=True)
            return time.monotonic() - started

        figures.append(
            Figure(
                key,
                label,
                median_of(runs, once),
                goal=f"≤ {limit:g} s" if plan.huge else "report",
                limit=limit if plan.huge else None,
                runs=runs,
            )
        )
    return figures


def summary_figures(files: Files, plan: Plan, large: Network) -> list[Figure]:
    """The large session's summary: built once and rendered in every format (as the command
    line, the app's exports and ``--iedereen`` do), each part on its own line; and a cold
    ``wijksessie summary`` of the demo against a cold ``wijksessie --version``."""
    try:
        from wijksessie.domain.summary import build_summary
        from wijksessie.services.formats import SUMMARY_NAMES as FORMATS
        from wijksessie.services.formats import render
    except ImportError:
        return []

    parts: dict[str, list[float]] = defaultdict(list)

    def every_format() -> float:
        """One summary in every format, each part timed as well."""
        started = time.perf_counter()
        summary = build_summary(large, today=SESSION_DATE)
        parts["build"].append(time.perf_counter() - started)
        for fmt in FORMATS:
            begun = time.perf_counter()
            render(summary, fmt)
            parts[fmt].append(time.perf_counter() - begun)
        return time.perf_counter() - started

    with steady_heap():
        value = median_of(plan.summaries, every_format)
    build = statistics.median(parts.pop("build"))
    figures = [
        Figure(
            "summaries_large",
            f"one summary in all formats ({', '.join(FORMATS)}), large",
            value,
            goal="≤ 0.6 s",
            limit=0.6,
            runs=plan.summaries,
        ),
        Figure("summary_build_large", "  of which building the summary, large", build,
               goal="report", runs=plan.summaries),
        *(
            Figure(f"summary_{fmt}_large", f"  of which the {fmt} format, large",
                   statistics.median(times), goal="report", runs=plan.summaries)
            for fmt, times in parts.items()
        ),
    ]  # fmt: skip
    return [*figures, cold_summary_figure(files, plan)]


def cold_summary_figure(files: Files, plan: Plan) -> Figure:
    """``wijksessie summary demo --format html`` in a fresh process, against ``--version``:
    what a facilitator waits for when mailing the page from a terminal."""
    from wijksessie.domain.demo import demo_network
    from wijksessie.services.sessions import write_network

    demo = files.root / "demo.json"
    if not demo.exists():
        write_network(demo, demo_network(today=SESSION_DATE)).close()
    byte_code()

    def cold(*args: str) -> Callable[[], float]:
        command = [sys.executable, "-m", "wijksessie", *args]

        def measure() -> float:
            started = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
            return time.perf_counter() - started

        return measure

    value, baseline = _interleaved(
        plan.processes,
        cold("summary", str(demo), "--format", "html"),
        cold("--version"),
    )
    return Figure(
        "cold_summary_demo",
        "cold wijksessie summary of the demo (html)",
        value,
        baseline=baseline,
        baseline_label="cold wijksessie --version",
        goal="≤ 1.5×",
        limit=1.5,
        runs=plan.processes,
    )


# --- running and reporting -----------------------------------------------------------------------


def run(plan: Plan, root: Path) -> list[Figure]:
    """Every figure, in the order of the README's table."""
    files = make_files(root)
    with SessionStore.open(files.large, read_only=True) as store:
        large = store.network()
    process = process_figures(files, plan)
    inside = app_figures(files, plan)
    summaries = summary_figures(files, plan, large)
    by_key = {f.key: f for f in [*process, *inside]}
    return [
        by_key["cold_start"],
        by_key["open_large"],
        save_figure(files, plan),
        *(f for f in inside if f.key.startswith("key_")),
        *analysis_figures(plan, large),
        *network_over_time_figures(files, plan),
        import_figure(files, plan),
        plate_figure(plan, large),
        *summaries,
        by_key["start_screen_1000"],
        by_key["start_screen_1000_first"],
        by_key["start_screen_1000_inside"],
        by_key["start_screen_1000_every_row"],
        by_key["open_large_inside"],
        by_key["phase_first_show_large"],
        by_key["tab_network_large"],
        by_key["peak_memory"],
        by_key["cold_open_large"],
    ]


def combined(runs: list[list[Figure]]) -> list[Figure]:
    """One table from several runs: per figure the median value and baseline, and the spread."""
    result = []
    for first, *others in zip(*runs, strict=True):
        found = [first, *others]
        value = statistics.median(f.value for f in found)
        baselines = [f.baseline for f in found if f.baseline is not None]
        measured = [f.ratio if f.ratio is not None else f.value for f in found]
        result.append(
            replace(
                first,
                value=value,
                baseline=statistics.median(baselines) if baselines else None,
                runs=sum(f.runs for f in found),
                spread=(min(measured), max(measured)),
            )
        )
    return result


def machine() -> dict[str, Any]:
    """Where the figures were measured, so a reader can weigh them."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "cpus": os.cpu_count(),
        "load_average": [round(load, 2) for load in os.getloadavg()],
    }


def _number(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.1f} {unit}"


def table(figures: list[Figure], title: str) -> Table:
    """The Rich table printed by default."""
    grid = Table(title=title, title_justify="left")
    for column, justify in (
        ("figure", "left"),
        ("median", "right"),
        ("baseline", "right"),
        ("baseline is", "left"),
        ("ratio", "right"),
        ("goal", "left"),
        ("met", "center"),
    ):
        grid.add_column(column, justify=justify)  # type: ignore[arg-type]
    for f in figures:
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else ""
        met = {True: "[green]yes[/]", False: "[bold red]no[/]", None: ""}[f.met]
        grid.add_row(
            f.label,
            _number(f.value, f.unit),
            _number(f.baseline, f.unit) if f.baseline is not None else "",
            f.baseline_label,
            ratio,
            f.goal,
            met,
        )
    return grid


def markdown(figures: list[Figure]) -> str:
    """The same table in Markdown, for the README's Performance section."""
    spread = any(f.spread for f in figures)
    lines = [
        "| figure | median | baseline (same run) | ratio | goal | met |"
        + (" spread over the runs |" if spread else ""),
        "| --- | ---: | --- | ---: | --- | :-: |" + (" ---: |" if spread else ""),
    ]
    for f in figures:
        baseline = f"{_number(f.baseline, f.unit)} ({f.baseline_label})" if f.baseline else ""
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else ""
        met = {True: "met", False: "**not met**", None: ""}[f.met]
        value = _number(f.value, f.unit)
        line = f"| {f.label} | {value} | {baseline} | {ratio} | {f.goal} | {met} |"
        if spread:
            low, high = f.spread or (f.value, f.value)
            if f.ratio is not None:
                line += f" {low:.2f}–{high:.2f}× |"
            else:
                line += f" {_number(low, f.unit)} – {_number(high, f.unit)} |"
        lines.append(line)
    return "\n".join(lines)


def as_json(figures: list[Figure], plan: Plan, seconds: float) -> dict[str, Any]:
    """The machine-readable report: every figure with its baseline, ratio and verdict."""
    return {
        "plan": asdict(plan),
        "machine": machine(),
        "seconds": round(seconds, 1),
        "figures": {f.key: {**asdict(f), "ratio": f.ratio, "met": f.met} for f in figures},
    }


def main(argv: list[str] | None = None) -> None:
    """Generate the sessions in a temporary folder, measure, print, clean up."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, no huge network")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON instead of a table")
    output.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--runs", type=int, default=1, help="run it all N times: medians, and each spread"
    )
    options = parser.parse_args(argv)
    plan = QUICK if options.quick else FULL
    started = time.perf_counter()
    runs = []
    for _run in range(max(options.runs, 1)):
        with tempfile.TemporaryDirectory(prefix="wijksessie-bench-") as root:
            runs.append(run(plan, Path(root)))
    figures = runs[0] if len(runs) == 1 else combined(runs)
    seconds = time.perf_counter() - started
    if options.json:
        print(json.dumps(as_json(figures, plan, seconds), indent=2))
        return
    info = machine()
    title = (
        f"wijksessie benchmark ({'quick' if options.quick else 'full'}; medians"
        f"{f' of {len(runs)} runs' if len(runs) > 1 else ''}; "
        f"{info['cpus']} cores, load {info['load_average'][0]}; {seconds:.0f} s)"
    )
    if options.markdown:
        print(f"{title}\n\n{markdown(figures)}")
        return
    Console(width=None if sys.stdout.isatty() else 130).print(table(figures, title))


if __name__ == "__main__":
    main()
