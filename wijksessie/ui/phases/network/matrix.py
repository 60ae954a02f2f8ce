"""The theme × organisation matrix: where the work is, and where it piles up."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Label

from wijksessie.domain.analysis import Matrix, theme_matrix
from wijksessie.domain.model import Network
from wijksessie.i18n import _
from wijksessie.ui.literal import literal

HEAT = ("", "on #1f4e3d", "on #2e7d32", "bold on #c77c02")
"""Cell backgrounds for 0, 1, 2 and 3+ initiatives: readable on a projector."""


THEME_WIDTH = 12
"""Theme columns are narrow and their headers wrap over two lines, so more fit on the wall."""


def heat(count: int) -> Text:
    """One matrix cell: the count on a background that darkens with it."""
    if count == 0:
        return Text("·", style="dim", justify="center")
    return Text(f" {count} ", style=HEAT[min(count, 3)], justify="center")


def legend() -> Text:
    """What the colours mean."""
    text = Text(_("Aantal initiatieven:  "))
    for count, label in ((1, "1"), (2, "2"), (3, _("3 of meer"))):
        text.append_text(heat(count))
        text.append(f" {label}   ")
    text.append("·", style="dim")
    text.append(_(" geen"))
    return text


class MatrixView(Vertical):
    """Organisations down, themes across; scrolls for 30 organisations."""

    def compose(self) -> ComposeResult:
        yield Label(legend(), classes="view-legend")
        yield DataTable(id="matrix-table", cursor_type="cell", fixed_columns=1, header_height=2)

    def show(self, network: Network) -> None:
        """Re-draw from the current network."""
        self.show_matrix(theme_matrix(network))

    def show_matrix(self, matrix: Matrix) -> None:
        """Fill the table from an already computed matrix."""
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column(_("Organisatie"), width=26)
        for theme in matrix.themes:
            table.add_column(Text(theme, justify="center"), width=THEME_WIDTH)
        table.add_column(Text(_("totaal"), style="bold"))
        for index, name in enumerate(matrix.organisation_names):
            counts = [matrix.counts[row][index] for row in range(len(matrix.themes))]
            table.add_row(
                literal(name, "bold").copy()
                if len(name) <= 26
                else literal(name[:25] + "…", "bold"),
                *(heat(count) for count in counts),
                Text(str(matrix.column_totals[index]), style="bold", justify="right"),
            )
        table.add_row(
            Text(_("totaal"), style="bold"),
            *(Text(str(total), style="bold", justify="center") for total in matrix.row_totals),
            Text(str(matrix.total), style="bold", justify="right"),
        )
