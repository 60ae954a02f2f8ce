"""``RowList`` draws what a ``DataTable`` with a row cursor and zebra stripes draws, and only
the lines on screen."""

from __future__ import annotations

import random
from typing import Any

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable

from wijksessie.ui.widgets.list_table import ListTable
from wijksessie.ui.widgets.row_list import Cell, RowList

LABELS = ["Datum", "Titel", "Wijk", "Aantal"]
STYLES = ["", "bold", "italic yellow", "dim", "italic red"]


def _rows(count: int, seed: int = 3) -> list[list[Cell]]:
    rng = random.Random(seed)
    words = [
        "Noord",
        "Café",
        "De Pijp",
        "",
        "一二三",
        "Lange naam met spaties",
        "x",
        "a\nbcd",
        "t\tab",
    ]
    rows = []
    for number in range(count):
        rows.append(
            [
                Cell(f"2026-01-{number % 28 + 1:02d}"),
                Cell(rng.choice(words) + f" {number}", rng.choice(STYLES)),
                Cell(rng.choice(words), rng.choice(STYLES)),
                Cell(str(rng.randrange(1000)), justify="right"),
            ]
        )
    return rows


class Both(App[None]):
    """A ``DataTable`` and a ``RowList`` with the same rows, one above the other."""

    CSS = "DataTable, RowList { height: 12; }"

    def __init__(
        self, rows: list[list[Cell]], widths: tuple[int | None, ...] = (), wrap: bool = False
    ) -> None:
        super().__init__()
        self.rows = rows
        self.widths = widths
        self.wrap = wrap

    def compose(self) -> ComposeResult:
        # The start screen's table before the RowList: a DataTable with Home and End on rows.
        yield ListTable(id="table", cursor_type="row", zebra_stripes=True)
        yield RowList(id="list")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for index, label in enumerate(LABELS):
            width = self.widths[index] if index < len(self.widths) else None
            table.add_column(label, width=width)
        for cells in self.rows:
            table.add_row(
                *(Text(c.text, style=c.style, justify=c.justify) for c in cells),
                height=None if self.wrap else 1,
            )
        texts = [[cell.text for cell in cells] for cells in self.rows]
        self.query_one(RowList).set_rows(
            LABELS, texts, self.rows.__getitem__, self.widths, wrap=self.wrap
        )


def _chars(strip: Strip) -> list[tuple[str, Any]]:
    """Each character of a line with its look: segment boundaries and the mouse's metadata
    (which ``DataTable`` puts in its styles) are not seen."""
    return [
        (char, segment.style.clear_meta_and_links() if segment.style else None)
        for segment in strip
        for char in segment.text
    ]


def _screen(widget: Widget) -> list[list[tuple[str, Any]]]:
    return [_chars(widget.render_line(y)) for y in range(widget.size.height)]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_lines_are_a_data_tables(theme: str) -> None:
    """Character by character and style by style, focused and not, cursor and zebra stripes."""
    app = Both(_rows(30))
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        table, rows = app.query_one(DataTable), app.query_one(RowList)
        table.move_cursor(row=2)
        rows.move_cursor(2)
        table.focus()
        await pilot.pause()
        focused_table = _screen(table)
        rows.focus()
        await pilot.pause()
        assert _screen(rows) == focused_table
        app.set_focus(None)
        await pilot.pause()
        assert _screen(rows) == _screen(table) != focused_table
        assert rows.column_widths() == [c.get_render_width(table) for c in table.columns.values()]
        assert len({tuple(line) for line in _screen(rows)}) == rows.size.height


async def test_set_widths_are_a_data_tables() -> None:
    """A column given a width is that wide, its longer texts cut, as ``add_column(width=…)``
    makes a ``DataTable``'s (the agenda's phase column); the other columns fit their text."""
    app = Both(_rows(30), widths=(4, None, 16))
    async with app.run_test(size=(100, 30)) as pilot:
        table, rows = app.query_one(DataTable), app.query_one(RowList)
        app.set_focus(None)
        await pilot.pause()
        assert rows.column_widths()[0] == 4 + 2 and rows.column_widths()[2] == 16 + 2
        assert rows.column_widths() == [c.get_render_width(table) for c in table.columns.values()]
        assert _screen(rows) == _screen(table)


async def test_wrapped_rows_are_a_data_tables() -> None:
    """Rows that grow to show all their text (``wrap``, a ``DataTable``'s ``height=None``):
    the same lines, cursor on a tall row or not, focused or not; keys and the mouse find
    rows by their lines."""
    rows = _rows(12, seed=5)
    rows[1][1] = Cell("Waar kan ik terecht als ik niemand meer zie, en wie helpt dan?")
    rows[4][2] = Cell("armoede & schulden, eenzaamheid", "italic red")
    app = Both(rows, widths=(10, 16, 12), wrap=True)
    async with app.run_test(size=(100, 30)) as pilot:
        table, rows_list = app.query_one(DataTable), app.query_one(RowList)
        await pilot.pause()
        assert rows_list.virtual_size.height == table.virtual_size.height > 13
        for cursor in (0, 1, 4):
            table.move_cursor(row=cursor)
            rows_list.move_cursor(cursor)
            for focused in (table, rows_list, None):
                app.set_focus(focused)
                await pilot.pause()
                expected = _screen(table) if focused is not rows_list else None
                if focused is table:
                    app.set_focus(rows_list)
                    await pilot.pause()
                    assert _screen(rows_list) == expected
                elif focused is None:
                    assert _screen(rows_list) == _screen(table)
        rows_list.focus()
        rows_list.move_cursor(0)
        await pilot.press("down", "down")
        assert rows_list.cursor_row == 2
        await pilot.click(RowList, offset=(3, rows_list._tops[4] + 1))
        assert rows_list.cursor_row == 4


async def test_only_the_lines_on_screen_are_built() -> None:
    """A thousand rows cost what a screenful does: no line is built for a row off screen."""
    app = Both(_rows(1000))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rows = app.query_one(RowList)
        assert rows.row_count == 1000
        assert 0 < rows.lines_built <= 3 * rows.size.height
        rows.focus()
        await pilot.press("end")
        await pilot.pause()
        assert rows.cursor_row == 999
        last = rows.render_line(rows.size.height - 1)
        assert "999" in "".join(char for char, _style in _chars(last))
        assert rows.lines_built <= 6 * rows.size.height


KEYS = ["down", "down", "pagedown", "pagedown", "up", "pageup", "end", "pageup", "up", "home"]


async def test_keys_move_the_cursor_and_the_view_as_in_a_data_table() -> None:
    app = Both(_rows(100))
    async with app.run_test(size=(100, 30)) as pilot:
        seen: list[list[tuple[int, list[list[tuple[str, Any]]]]]] = []
        for widget in (app.query_one(DataTable), app.query_one(RowList)):
            widget.focus()
            await pilot.pause()
            states = []
            for key in KEYS:
                await pilot.press(key)
                await pilot.pause()
                states.append((widget.cursor_row, _screen(widget)))
            seen.append(states)
            app.set_focus(None)
        table, rows = seen
        assert [row for row, _lines in rows] == [row for row, _lines in table]
        assert rows == table


async def test_the_mouse_hovers_picks_and_chooses_as_in_a_data_table() -> None:
    app = Both(_rows(100))
    chosen: list[int] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one(RowList).message_signal.subscribe(
            app,
            lambda message: (
                chosen.append(message.row) if isinstance(message, RowList.Selected) else None
            ),
        )
        seen = []
        both = ((app.query_one(DataTable), "#table"), (app.query_one(RowList), "#list"))
        for widget, selector in both:
            widget.focus()
            await pilot.pause()
            before = _screen(widget)
            await pilot.hover(selector, offset=(3, 6))
            await pilot.pause()
            hovered = _screen(widget)
            assert [y for y, line in enumerate(hovered) if line != before[y]] == [6]
            await pilot.click(selector, offset=(3, 4))
            await pilot.pause()
            seen.append((hovered, widget.cursor_row, _screen(widget)))
            await pilot.click(selector, offset=(3, 4))
            await pilot.pause()
        assert seen[1] == seen[0]
        assert seen[1][1] == 3
        assert chosen == [3]
