"""Phase 6 "Samenvatting": on the wall without contact details, exported with one key."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import DEMO_DAY, AppFactory
from wijksessie.domain.model import ParkingItem
from wijksessie.domain.summary import build_summary
from wijksessie.render.text import summary_lines
from wijksessie.services import exports
from wijksessie.store import SessionStore
from wijksessie.ui.phases.summary_phase import SummaryPhase
from wijksessie.ui.widgets.summary_view import SummaryView


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SummaryPhase, "today", DEMO_DAY)


async def _press(app, pilot, *keys: str) -> None:
    """Press the keys, then wait for the threads they started (drawing, exporting) and paint."""
    await pilot.press(*keys)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _summary_shown(app, pilot) -> SummaryView:
    await _press(app, pilot, "f7")
    return app.screen.query_one(SummaryView)


async def test_summary_on_the_wall_shows_no_contact_details(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _press(app, pilot, "f7")
        seen = [app.export_screenshot()]
        for _ in range(40):
            await pilot.press("pagedown")
            seen.append(app.export_screenshot())
        wall = "".join(seen)
        assert "Kruidenbuurt" in wall
        assert "Koffie-ochtend" in wall
        assert "Parkeerplaats" in wall
        assert "@" not in wall.replace("@font-face", "")


@pytest.mark.parametrize(("key", "suffix"), [("h", ".html"), ("m", ".md"), ("k", ".ics")])
async def test_export_key_writes_into_exports(
    make_app: AppFactory, demo_file: Path, key: str, suffix: str
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _press(app, pilot, "f7", key)
        assert any("Geëxporteerd" in str(n.message) for n in app._notifications)
        files = list((demo_file.parent / "exports").iterdir())
        assert [f.suffix for f in files] == [suffix]
        assert files[0].stem == "demo-kruidenbuurt-samenvatting"
        assert "Kruidenbuurt" in files[0].read_text(encoding="utf-8")


async def test_the_everyone_key_writes_a_page_and_calendar_per_participant(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _press(app, pilot, "f7", "i")
        [folder] = (demo_file.parent / exports.EXPORTS).iterdir()
        assert folder.is_dir() and folder.name.endswith("-iedereen")
        names = {path.name for path in folder.iterdir()}
        assert {"deelnemers.csv", "gerda-willems.html", "gerda-willems.ics"} <= names
        assert len(names) == 2 * 15 + 1
        page = (folder / "gerda-willems.html").read_text(encoding="utf-8")
        assert "Jouw toezeggingen · Gerda Willems" in page
        assert any(str(folder) in str(n.message) for n in app._notifications)


async def test_the_wall_shows_the_whole_summary_drawn_in_parts(
    make_app: AppFactory, demo_file: Path
) -> None:
    store = SessionStore.open(demo_file)
    app = make_app(store)
    async with app.run_test(size=(120, 35)) as pilot:
        view = await _summary_shown(app, pilot)
        width = view.scrollable_content_region.width
        summary = build_summary(store.network(), today=DEMO_DAY, with_contact=False)
        expected = [line for part in summary_lines(summary, width) for line in part]
        assert view.line_count == len(expected) > 100
        assert view.plain_text().splitlines()[:3] == [
            "".join(s.text for s in line).rstrip() for line in expected[:3]
        ]
        assert view.has_focus


async def test_a_change_elsewhere_is_in_the_summary_when_it_is_shown_again(
    make_app: AppFactory, demo_file: Path
) -> None:
    store = SessionStore.open(demo_file)
    app = make_app(store)
    async with app.run_test(size=(120, 35)) as pilot:
        view = await _summary_shown(app, pilot)
        assert "Buurtbus op dinsdag" not in view.plain_text()
        await pilot.press("f2")
        store.add(ParkingItem("Buurtbus op dinsdag"))
        view = await _summary_shown(app, pilot)
        assert "Buurtbus op dinsdag" in view.plain_text()


async def test_showing_an_unchanged_summary_again_keeps_the_place(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        view = await _summary_shown(app, pilot)
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        place = view.scroll_y
        assert place > 0
        await pilot.press("f2")
        await pilot.pause()
        view = await _summary_shown(app, pilot)
        assert view.scroll_y == place


async def test_a_summary_that_cannot_be_drawn_says_so_and_the_app_stays(
    make_app: AppFactory, demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("kapot")

    monkeypatch.setattr("wijksessie.ui.phases.summary_phase.build_summary", broken)
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _press(app, pilot, "f7")
        assert app.is_running
        messages = [str(n.message) for n in app._notifications]
        assert any("kon niet worden gemaakt: kapot" in m for m in messages)


async def test_an_export_that_cannot_be_written_says_why(
    make_app: AppFactory, demo_file: Path
) -> None:
    (demo_file.parent / "exports").write_text("een bestand, geen map")
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _press(app, pilot, "f7", "h")
        assert app.is_running
        assert any("Exporteren mislukt" in str(n.message) for n in app._notifications)


async def test_an_export_pressed_twice_writes_two_files(
    make_app: AppFactory, demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exports run in threads; each must still find its own free name, not both the same."""
    real = exports.free_name

    def slow(*args: Any) -> Path:
        found = real(*args)
        time.sleep(0.2)  # the other export's thread would pick its name meanwhile
        return found

    monkeypatch.setattr(exports, "free_name", slow)
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _press(app, pilot, "f7", "h", "h")
        files = sorted(p.name for p in (demo_file.parent / "exports").iterdir())
        assert files == [
            "demo-kruidenbuurt-samenvatting-2.html",
            "demo-kruidenbuurt-samenvatting.html",
        ]
        said = sorted(
            str(n.message) for n in app._notifications if "Geëxporteerd" in str(n.message)
        )
        assert len(set(said)) == 2


async def test_a_summary_that_failed_is_drawn_again_when_shown_again(
    make_app: AppFactory, demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failures = [ValueError("even niet")]

    def once_broken(*args: Any, **kwargs: Any) -> Any:
        if failures:
            raise failures.pop()
        return build_summary(*args, **kwargs)

    monkeypatch.setattr("wijksessie.ui.phases.summary_phase.build_summary", once_broken)
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        view = await _summary_shown(app, pilot)
        assert view.line_count == 0
        await pilot.press("f2")
        view = await _summary_shown(app, pilot)
        assert "Kruidenbuurt" in view.plain_text()


async def test_open_questions_on_the_wall_agree_with_the_gaps(
    make_app: AppFactory, demo_file: Path
) -> None:
    """Issue 15, point 20: the demo's playground question is covered by an initiative (so not
    open), the carer's question is covered by none (so open), in the summary as in Gaten."""
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        view = await _summary_shown(app, pilot)
        text = view.plain_text()
        section = text.split("Open vragen van inwoners", 1)[1].split("Parkeerplaats", 1)[0]
        flat = " ".join(section.split())
        assert "Mijn moeder zorgt voor mijn vader met dementie" in flat
        assert "speelveld" not in flat
        await _press(app, pilot, "f3", "7")
        gaps_shown = " ".join(app.export_screenshot().replace("&#160;", " ").split())
        assert "Mijn moeder zorgt" in gaps_shown and "speelveld" not in gaps_shown
