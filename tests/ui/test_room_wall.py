"""Fit the wall (issue 15, points 8–11): nothing the room needs is cut, hidden or exposed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tests.ui.conftest import AppFactory, wait_until
from wijksessie.store import SessionStore
from wijksessie.ui.widgets.form_dialog import FormDialog
from wijksessie.ui.widgets.session_header import SessionHeader

WALL_SIZES = [(80, 24), (120, 35), (160, 45)]


def _labels(table: DataTable) -> list[str]:
    return [str(column.label) for column in table.columns.values()]


@pytest.mark.parametrize("size", WALL_SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_header_keeps_the_date(
    make_app: AppFactory, demo_file: Path, size: tuple[int, int]
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        header = app.screen.query_one(SessionHeader)
        assert header.title().plain.endswith("25 nov 2026")
        assert header.render().cell_len <= header.content_region.width


async def test_the_backup_column_stays_on_the_wall(make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "3")
        await pilot.pause()
        table = app.screen.query_one("#pane-initiatives .pane-table", DataTable)
        assert "Back-up" in _labels(table)
        await pilot.press("f8")
        await pilot.pause()
        assert "Back-up" in _labels(table)


async def test_the_wall_counts_who_promised_nothing_and_names_nobody(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        checks = app.screen.query_one("#commitment-checks", Static)
        desk = str(checks.render())
        assert "Nog niets toegezegd:" in desk
        await pilot.press("f8")
        await pilot.pause()
        wall = str(checks.render())
        assert "Nog niets toegezegd:" not in wall
        assert "nog niets toegezegd." in wall


async def test_the_facilitator_is_not_asked_to_promise(
    make_app: AppFactory, demo_file: Path
) -> None:
    with SessionStore.open(demo_file) as store:
        facilitator = store.session.facilitator
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert facilitator
        assert facilitator not in str(app.screen.query_one("#commitment-checks", Static).render())


@pytest.mark.parametrize("size", [(120, 35), (160, 45)], ids=["120x35", "160x45"])
async def test_the_participant_form_shows_every_field(
    make_app: AppFactory, room_file: Path, size: tuple[int, int]
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=size) as pilot:
        await pilot.press("f3", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.pause()
        dialog = app.screen
        fields = dialog.query_one("#fields")
        assert fields.max_scroll_y == 0, "the form scrolls"
        for widget in dialog.query("#fields > *"):
            assert widget.region.bottom <= dialog.region.bottom


# -- 9. At 80x24 nothing essential is cut ---------------------------------------------------


@pytest.mark.parametrize("tab", ["1", "6", "7"], ids=["participants", "overlap", "gaps"])
async def test_a_small_screen_wraps_a_table_instead_of_cutting_it(
    make_app: AppFactory, demo_file: Path, tab: str
) -> None:
    """Every column in sight (no sideways scrolling), so no text ends at the right edge."""
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", tab)
        await pilot.pause()
        table = next(t for t in app.screen.query(DataTable) if t.display and t.region.area)
        assert table.row_count
        assert table.max_scroll_x == 0, "the table runs off the right edge"
        if tab == "1":
            assert "Aanwezig" in _labels(table)
            cells = {str(table.get_cell_at((row, 3))) for row in range(table.row_count)}
            assert cells <= {"ja", "nee"}


@pytest.mark.parametrize(
    ("keys", "way_out"),
    [(("f4", "s"), "esc Klaar"), (("f5", "down", "down", "r"), "esc Terug")],
    ids=["voting", "consent"],
)
async def test_a_round_shows_its_way_out_at_80x24(
    make_app: AppFactory, demo_file: Path, keys: tuple[str, ...], way_out: str
) -> None:
    from wijksessie.ui.widgets.key_bar import KeyBar

    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        shown = bar.render().plain
        assert way_out in shown
        keys_part = shown.split("▏")[0].rstrip()
        descriptions = {str(binding.description) for binding, _on in bar.shown()}
        # The last key shown is whole: its text ends with a whole description.
        assert any(keys_part.endswith(text) for text in descriptions), keys_part
