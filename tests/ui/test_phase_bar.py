"""The phase bar: the room sees where the session is; keys and clicks move it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.style import Style

from tests.ui.conftest import AppFactory
from wijksessie.domain.model import Phase
from wijksessie.store import SessionStore
from wijksessie.ui.screens.session import AVAILABLE_PHASES
from wijksessie.ui.widgets.phase_bar import PhaseBar
from wijksessie.ui.widgets.session_header import SessionHeader


def _lit(bar: PhaseBar) -> str:
    """The text of the highlighted part of the bar as it is drawn."""
    text = bar.render()
    lit = bar.get_component_rich_style("phase-bar--current", partial=True).bgcolor
    parts = [
        text.plain[span.start : span.end]
        for span in text.spans
        if isinstance(span.style, Style) and span.style.bgcolor == lit
    ]
    return "".join(parts).strip()


async def test_keys_move_the_lit_phase(make_app: AppFactory, session_file: Path) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(PhaseBar)
        assert _lit(bar) == "1 Sessie"
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        assert _lit(bar) == "2 Wie doet wat"
        await pilot.press("f6")
        await pilot.pause()
        assert _lit(bar) == "5 Toezeggingen"
        assert app.screen.phase is Phase.COMMITMENTS
        await pilot.press("ctrl+pageup")
        await pilot.pause()
        assert app.screen.phase is Phase.AGREEMENTS
        assert _lit(bar) == "4 Afspraken"


async def test_a_click_on_a_phase_opens_it_and_starts_its_clock(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(PhaseBar)
        column = bar.render().plain.index("3 Doelen") + 1  # the bar's left padding
        assert await pilot.click(PhaseBar, offset=(column + 2, 0))
        await pilot.pause()
        assert app.screen.phase is Phase.GOALS
        assert _lit(bar) == "3 Doelen"
        assert "Doelen" in str(app.screen.query_one(SessionHeader).clock())
        assert app.focused is not None
        assert app.screen.query_one("#phase-doelen") in app.focused.ancestors_with_self


def test_a_narrow_bar_keeps_the_name_of_the_current_phase_only() -> None:
    bar = PhaseBar(AVAILABLE_PHASES, Phase.GOALS)
    wide = bar.labels(120)
    assert [label.strip() for label in wide][:3] == ["1 Sessie", "2 Wie doet wat", "3 Doelen"]
    narrow = [label.strip() for label in bar.labels(60)]
    assert narrow == ["1", "2", "3 Doelen", "4", "5", "6"]
    assert sum(len(label) + 1 for label in bar.labels(60)) <= 60


async def test_a_click_while_a_key_still_builds_a_phase(
    make_app: AppFactory, demo_file: Path
) -> None:
    """A key's action runs in the app's task, a click's in the screen's: the two can overlap
    while a phase is mounted for the first time. Each is then done whole, in the order given."""
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        screen = app.screen
        key = asyncio.create_task(screen.show_phase(Phase.NETWORK))
        click = asyncio.create_task(screen.show_phase(Phase.NETWORK))
        await asyncio.gather(key, click)
        await pilot.pause()
        assert screen.phase is Phase.NETWORK
        assert screen.query_one("#network-tabs")
        later = asyncio.create_task(screen.show_phase(Phase.GOALS))
        await asyncio.sleep(0)
        latest = asyncio.create_task(screen.show_phase(Phase.SESSION))
        await asyncio.gather(later, latest)
        await pilot.pause()
        assert screen.phase is Phase.SESSION
        assert _lit(screen.query_one(PhaseBar)) == "1 Sessie"
