"""Tab 5, the matrix: a heatmap of themes × sectors, and per organisation one key away.

The heatmap is what the room reads from across the room: a dozen sectors fit where 40
organisations would not. Cells take the take-home page's blue scale (``picture.heat_colour``),
darker for more initiatives, each with its number in black or white, whichever reads on it;
a theme from the residents' questions that nobody works on is a gap, in red. Cells carry their
own background and ink, so projector mode's black keeps the same contrast. ``o`` shows the
table per organisation (the numbers behind the heatmap).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import DataTable, Label, Static

from wijksessie.domain.analysis import Matrix, SectorMatrix, sector_matrix, theme_matrix
from wijksessie.domain.model import Network
from wijksessie.i18n import _
from wijksessie.render.palette import heat_colour
from wijksessie.ui.literal import literal

HEAT = ("", "on #1f4e3d", "on #2e7d32", "bold on #c77c02")
"""Cell backgrounds for 0, 1, 2 and 3+ initiatives in the table per organisation."""

THEME_WIDTH = 12
"""Theme columns of the table per organisation are narrow; their headers wrap over two lines."""

THEME_LABEL = 22
"""The heatmap's theme names are cut to this many columns (with "…")."""


def heat(count: int) -> Text:
    """One cell of the table per organisation: the count on a background that darkens with it."""
    if count == 0:
        return Text("·", style="dim", justify="center")
    return Text(f" {count} ", style=HEAT[min(count, 3)], justify="center")


def legend() -> Text:
    """What the colours and the totals of the table per organisation mean: a cell counts the
    initiatives on a theme, a total each initiative once (one with two themes is in two cells)."""
    text = Text(_("Initiatieven per thema:  "))
    for count, label in ((1, "1"), (2, "2"), (3, _("3 of meer"))):
        text.append_text(heat(count))
        text.append(f" {label}   ")
    text.append("·", style="dim")
    text.append(_(" geen"))
    text.append("   ")
    text.append_text(_totals_note())
    return text


def _totals_note() -> Text:
    return Text(_("totaal: elk initiatief één keer"), style="bold")


def heat_style(count: int, peak: int) -> Style:
    """A heatmap cell: the page's blue for ``count``, with ink that reads on it."""
    background = heat_colour(count, peak)
    red, green, blue = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    light = 0.299 * red + 0.587 * green + 0.114 * blue > 140
    return Style(color="#111111" if light else "#ffffff", bgcolor=background, bold=True)


def heat_legend(peak: int, gap: Style) -> Text:
    """The scale from 1 to the largest count, and what red means."""
    text = Text(_("Initiatieven per thema en sector: "))
    for count in sorted({1, (peak + 1) // 2, peak} - {0}):
        text.append(f" {count} ", style=heat_style(count, peak))
        text.append(" ")
    text.append("   ")
    text.append_text(_totals_note())
    text.append("   ")
    text.append(_("rood"), style=gap)
    text.append(_(": een thema uit de vragen van inwoners waar niemand aan werkt"))
    return text


def heatmap(matrix: SectorMatrix, width: int, gap: Style) -> Text:
    """Themes down, sectors across, sized to ``width`` cells.

    A sector's name stands above its column, on two staggered header lines (every other
    sector on the second), so each name may run over its neighbour's column: "woningcorporatie"
    stays whole above a column four cells wide.
    """
    label = min(THEME_LABEL, max((len(theme) for theme in matrix.themes), default=8))
    total = max(
        len(_("totaal")), len(str(max(matrix.row_totals, default=0))), len(str(matrix.total))
    )
    count = max(len(matrix.sectors), 1)
    cell = max(3, min(14, (width - label - 1 - total - count) // count))
    starts = [label + 1 + column * (cell + 1) for column in range(len(matrix.sectors))]
    total_start = label + 1 + len(matrix.sectors) * (cell + 1) + total - len(_("totaal"))
    last = len(matrix.sectors) - 1
    # "totaal" heads its column on the line whose last name ends before it: the last
    # sector's line when that name is short ("GGZ"), else the other line.
    short_last = last < 1 or starts[last] + len(matrix.sectors[last]) < total_start
    total_line = last % 2 if short_last else (last - 1) % 2
    text = Text(no_wrap=True, overflow="crop")
    for line in (0, 1):
        heads = Text(" " * (label + 1))
        for column, sector in enumerate(matrix.sectors):
            if column % 2 != line:
                continue
            if column + 2 <= last:
                room = 2 * cell
            elif line == total_line:
                room = total_start - 1 - starts[column]
            else:
                room = width - starts[column]
            heads.pad_right(starts[column] - len(heads))
            heads.append_text(literal(_short(sector, room), "bold"))
        if line == total_line:
            heads.pad_right(max(total_start - len(heads), 1))
            heads.append(_("totaal"), style="bold")
        text.append_text(heads)
        text.append("\n")
    for row, theme in enumerate(matrix.themes):
        is_gap = matrix.row_totals[row] == 0
        text.append_text(literal(_short(theme, label).ljust(label), ""))
        text.stylize(gap if is_gap else Style(bold=True), len(text) - label)
        for value in matrix.counts[row]:
            text.append(" ")
            text.append_text(_cell(value, matrix.max_count, cell, gap if is_gap else None))
        text.append(" ")
        text.append(str(matrix.row_totals[row]).rjust(total), style=gap if is_gap else "bold")
        text.append("\n")
    text.append(_("totaal").ljust(label), style="bold")
    for value in matrix.column_totals:
        text.append(" ")
        text.append(str(value).center(cell), style="bold")
    text.append(" ")
    text.append(str(matrix.total).rjust(total), style="bold")
    return text


def _cell(count: int, peak: int, width: int, gap: Style | None) -> Text:
    if count:
        return Text(f"{count}".center(width), style=heat_style(count, peak))
    return Text("·".center(width), style=gap or Style(dim=True))


def _short(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


class MatrixView(Vertical):
    """The heatmap of themes × sectors; ``o`` switches to the table per organisation."""

    BINDINGS = [Binding("o", "toggle_organisations", _("Per organisatie"), id="matrix.per")]

    COMPONENT_CLASSES = {"heat--gap"}

    DEFAULT_CSS = """
    MatrixView > .heat--gap { color: $text-error; text-style: bold; }
    MatrixView #matrix-legend { width: 1fr; }
    MatrixView #matrix-heat { height: 1fr; }
    MatrixView #matrix-heatmap { width: auto; padding: 0 1; }
    """

    per_organisation: reactive[bool] = reactive(False)
    """The table per organisation shows instead of the heatmap."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._network: Network | None = None

    def compose(self) -> ComposeResult:
        yield Label(id="matrix-legend", classes="view-legend")
        with VerticalScroll(id="matrix-heat"):
            yield Static(id="matrix-heatmap")
        yield DataTable(id="matrix-table", cursor_type="cell", fixed_columns=1, header_height=2)

    def on_mount(self) -> None:
        self._arrange()

    def show(self, network: Network) -> None:
        """Re-draw from the current network."""
        self._network = network
        self._draw_heatmap()
        if self.per_organisation:
            self.show_matrix(theme_matrix(network))

    def on_resize(self) -> None:
        self._draw_heatmap()

    def _draw_heatmap(self) -> None:
        if self._network is None or not self.is_mounted:
            return
        matrix = sector_matrix(self._network)
        gap = self.get_component_rich_style("heat--gap", partial=True)
        width = self.content_size.width or self.app.size.width
        self.query_one("#matrix-heatmap", Static).update(heatmap(matrix, width - 2, gap))
        if not self.per_organisation:
            legend = heat_legend(matrix.max_count, gap)
            self.query_one("#matrix-legend", Label).update(legend)

    def watch_per_organisation(self) -> None:
        self._arrange()

    def action_toggle_organisations(self) -> None:
        """Switch between the heatmap per sector and the table per organisation."""
        self.per_organisation = not self.per_organisation
        if self.per_organisation and self._network is not None:
            self.show_matrix(theme_matrix(self._network))
        self._draw_heatmap()
        self.focus_default()

    def _arrange(self) -> None:
        if not self.query("#matrix-table"):  # not composed yet
            return
        self.query_one("#matrix-heat").display = not self.per_organisation
        self.query_one("#matrix-table").display = self.per_organisation
        if self.per_organisation:
            self.query_one("#matrix-legend", Label).update(legend())

    def focus_default(self) -> None:
        """Keys go to the table that shows."""
        target = "#matrix-table" if self.per_organisation else "#matrix-heat"
        self.query_one(target).focus()

    def show_matrix(self, matrix: Matrix) -> None:
        """Fill the table per organisation from an already computed matrix."""
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
