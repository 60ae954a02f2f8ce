"""Gaps and weak links: what nobody covers, and what rests on one person."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Label

from wijksessie.domain.analysis import WeakLinkKind, gaps, matches, weak_links
from wijksessie.domain.model import Network
from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.widgets.clean_input import CleanInput
from wijksessie.ui.widgets.list_table import ListTable

WIDTHS = (20, 90)
"""Soort and Wat, as wide as they may be; a smaller screen shrinks Wat, which wraps."""

KIND_STYLE = {
    WeakLinkKind.NO_CONTACT: "bold red",
    WeakLinkKind.NO_BACKUP: "bold yellow",
    WeakLinkKind.SOLE_PARTICIPANT: "yellow",
    WeakLinkKind.ISOLATED: "bold magenta",
}


class GapsView(Vertical):
    """Residents' questions and themes without an initiative; weak links with the reason."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="pane-top"):
            yield Label("", classes="pane-title", id="gaps-title")
            yield CleanInput(placeholder=_("filter: typ om te zoeken"), classes="view-filter")
        yield ListTable(id="gaps-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in zip((_("Soort"), _("Wat")), WIDTHS, strict=True):
            table.add_column(label, width=width)
        self._rows: list[tuple[Text, Text]] = []

    def on_resize(self) -> None:
        """Fit the columns to the screen; the rows wrap again to the new widths."""
        if self.query_one(ListTable).fit_widths(WIDTHS, keep=(0,)) and self._rows:
            self._fill()

    def show(self, network: Network) -> None:
        """Re-compute gaps and weak links from the current network."""
        found = gaps(network)
        rows = [
            (Text(_("vraag zonder aanbod"), style="bold red"), _question(q.text, q.reason))
            for q in found.questions
        ]
        rows += [
            (Text(_("thema zonder aanbod"), style="red"), literal(theme)) for theme in found.themes
        ]
        rows += [
            (Text(link.kind.label, style=KIND_STYLE[link.kind]), literal(link.reason))
            for link in weak_links(network)
        ]
        self._rows = rows
        self.query_one(ListTable).fit_widths(WIDTHS, keep=(0,))
        self._counts = (
            len(found.questions) + len(found.themes),
            len(rows) - len(found.questions) - len(found.themes),
        )
        self._fill()

    def _fill(self) -> None:
        query = self.query_one(".view-filter", Input).value
        table = self.query_one(DataTable)
        table.clear()
        for kind, what in self._rows:
            if matches([kind.plain, what.plain], query):
                table.add_row(kind, what, height=None)
        gap_count, weak_count = self._counts
        self.query_one("#gaps-title", Label).update(
            _("Gaten ({gaps}) en zwakke schakels ({weak})").format(gaps=gap_count, weak=weak_count)
        )

    @on(Input.Changed, ".view-filter")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._fill()


def _question(text: str, reason: str) -> Text:
    result = literal(text)
    if reason:
        result.append(f"  ({reason})", style="dim")
    return result
