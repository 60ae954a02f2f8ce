"""Phase 6 "Samenvatting": on the wall without contact details, exported with one key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import DEMO_DAY, AppFactory
from wijksessie.store import SessionStore
from wijksessie.ui.phases.summary_phase import SummaryPhase


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SummaryPhase, "today", DEMO_DAY)


async def test_summary_on_the_wall_shows_no_contact_details(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
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
        await pilot.press("f7", key)
        await pilot.pause()
        files = list((demo_file.parent / "exports").iterdir())
        assert [f.suffix for f in files] == [suffix]
        assert files[0].stem == "demo-kruidenbuurt-samenvatting"
        assert "Kruidenbuurt" in files[0].read_text(encoding="utf-8")
