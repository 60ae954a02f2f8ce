"""Tab 5, the heatmap: themes × sectors on the page's blue scale, gaps in red, readable ink."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.style import Style
from textual.widgets import DataTable

from tests.ui.conftest import AppFactory
from wijksessie.domain.analysis import sector_matrix
from wijksessie.domain.demo import demo_network
from wijksessie.services.sessions import read_network
from wijksessie.store import SessionStore
from wijksessie.ui.phases.network.matrix import MatrixView, heat_style, heatmap

GAP = Style(color="red", bold=True)


def test_sector_matrix_sums_the_organisations_of_each_sector() -> None:
    network = demo_network()
    matrix = sector_matrix(network)
    assert matrix.sectors[:2] == ("huisartsenzorg", "welzijn")
    row = matrix.themes.index("ontmoeting")
    assert matrix.counts[row][matrix.sectors.index("bewonersinitiatief")] == 2
    assert matrix.row_totals[matrix.themes.index("mantelzorg")] == 0
    # Every initiative once in its sector's total, however many themes it has.
    owned = {o.id for o in network.organisations}
    assert matrix.total == sum(i.organisation_id in owned for i in network.initiatives)
    assert sum(matrix.column_totals) == matrix.total < sum(matrix.row_totals)


def test_every_sector_heads_its_column_and_gaps_are_red() -> None:
    matrix = sector_matrix(demo_network())
    for width in (76, 116, 156):
        text = heatmap(matrix, width, GAP)
        lines = text.plain.splitlines()
        assert max(len(line) for line in lines) <= width
        heads = " ".join(lines[:2])
        for sector in matrix.sectors:
            assert sector[:6] in heads, (width, sector)
        assert "totaal" in heads
        gap_line = next(line for line in lines if line.startswith("mantelzorg"))
        start = text.plain.index(gap_line)
        styles = {span.style for span in text.spans if span.start <= start < span.end}
        assert GAP in styles


def test_numbers_read_on_every_shade() -> None:
    for peak in (1, 2, 5):
        for count in range(1, peak + 1):
            style = heat_style(count, peak)
            ink = style.color.triplet
            paper = style.bgcolor.triplet
            contrast = abs(sum(ink) - sum(paper)) / 3
            assert contrast > 100, (count, peak, style)


async def test_o_switches_to_the_table_per_organisation(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        view = app.screen.query_one(MatrixView)
        table = view.query_one("#matrix-table", DataTable)
        assert view.query_one("#matrix-heat").display and not table.display
        assert "mantelzorg" in str(view.query_one("#matrix-heatmap").render())
        await pilot.press("o")
        await pilot.pause()
        assert table.display and table.row_count == 11 and app.focused is table
        await pilot.press("o")
        await pilot.pause()
        assert not table.display


async def test_totals_count_initiatives_and_the_legends_say_so(
    make_app: AppFactory, demo_file: Path
) -> None:
    """Issue 15, point 21: "Welzijn 4 for 2 initiatives". The total per organisation (table)
    and per sector (heatmap) is the number of initiatives in the saved file, each once."""
    network = read_network(demo_file)
    runs = Counter(i.organisation_id for i in network.initiatives)
    names = {o.id: o.name for o in network.organisations}
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("ctrl+pagedown", "5")
        await pilot.pause()
        view = app.screen.query_one(MatrixView)
        heat_legend_text = str(view.query_one("#matrix-legend").render())
        assert "één keer" in heat_legend_text
        last = str(view.query_one("#matrix-heatmap").render()).splitlines()[-1]
        assert last.split()[-1] == str(sum(runs[o] for o in names))
        await pilot.press("o")
        await pilot.pause()
        table = view.query_one("#matrix-table", DataTable)
        legend_text = str(view.query_one("#matrix-legend").render())
        assert "één keer" in legend_text
        several = 0
        for row in range(table.row_count - 1):
            cells = table.get_row_at(row)
            name = str(cells[0]).rstrip("…")
            org = next(o for o, n in names.items() if n.startswith(name))
            assert str(cells[-1]) == str(runs[org]), name
            several += (
                sum(int(str(c).strip() or 0) for c in cells[1:-1] if str(c).strip() != "·")
                > runs[org]
            )
        assert several, "the demo has an organisation whose initiatives have several themes"
        assert str(table.get_row_at(table.row_count - 1)[-1]) == str(sum(runs[o] for o in names))
