"""Overlap, "mogelijke verbindingen": alike initiatives of different organisations."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Label

from wijksessie.domain.analysis import Overlap, matches, overlaps
from wijksessie.domain.lookup import Names
from wijksessie.domain.model import Initiative, Network, choice_label
from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.widgets.clean_input import CleanInput
from wijksessie.ui.widgets.list_table import ListTable

WIDTHS = (5, 24, 24, 18, 34)
"""Each column as wide as it may be; a smaller screen shrinks them and their text wraps."""


class OverlapView(Vertical):
    """Ranked pairs, each with the reason in words and whether the two already connect."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="pane-top"):
            yield Label("", classes="pane-title", id="overlap-title")
            yield CleanInput(placeholder=_("filter: typ om te zoeken"), classes="view-filter")
        yield ListTable(id="overlap-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        labels = (_("Score"), _("Initiatief"), _("Initiatief") + " ", _("Nu"), _("Waarom"))
        for label, width in zip(labels, WIDTHS, strict=True):
            table.add_column(label, width=width)
        self._rows: list[tuple[Overlap, list[str], tuple[Text, ...]]] = []

    def on_resize(self) -> None:
        """Fit the columns to the screen (Waarom fell off an 80×24 one); rows wrap again."""
        if self.query_one(ListTable).fit_widths(WIDTHS) and self._rows:
            self._fill()

    def show(self, network: Network) -> None:
        """Re-compute the pairs from the current network."""
        names = Names(network.organisations, network.participants)
        initiatives = {i.id: i for i in network.initiatives}
        self._rows = []
        self.query_one(ListTable).fit_widths(WIDTHS)
        for pair in overlaps(network):
            first, second = initiatives[pair.first_id], initiatives[pair.second_id]
            cells = (
                Text(str(pair.score), style="bold", justify="right"),
                _initiative(first, names),
                _initiative(second, names),
                _connected(pair),
                literal(pair.reason),
            )
            search = [first.name, second.name, pair.reason, *cells[1].plain.split("\n")]
            self._rows.append((pair, [*search, cells[2].plain, cells[3].plain], cells))
        self._fill()

    def _fill(self) -> None:
        query = self.query_one(".view-filter", Input).value
        table = self.query_one(DataTable)
        table.clear()
        shown = [row for row in self._rows if matches(row[1], query)]
        for pair, _search, cells in shown:
            table.add_row(*cells, key=f"{pair.first_id}-{pair.second_id}", height=None)
        total = len(self._rows)
        count = (
            _("{shown} van {total}").format(shown=len(shown), total=total) if query else str(total)
        )
        self.query_one("#overlap-title", Label).update(
            _("Mogelijke verbindingen ({count})").format(count=count)
        )

    @on(Input.Changed, ".view-filter")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._fill()


def _initiative(initiative: Initiative, names: Names) -> Text:
    text = literal(initiative.name, "bold")
    text.append("\n")
    text.append_text(literal(names.organisation_name(initiative.organisation_id), "dim"))
    return text


def _connected(pair: Overlap) -> Text:
    if pair.connected is None:
        return Text(_("nog niet verbonden"), style="bold yellow")
    return Text(choice_label(pair.connected), style="green")
