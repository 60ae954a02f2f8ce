"""The network of organisations, grouped by sector, with their connections counted."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from wijksessie.domain.analysis import SectorGroup, network_groups
from wijksessie.domain.model import ConnectionKind, Network
from wijksessie.i18n import N_, _
from wijksessie.ui.literal import literal

MARKS = (
    (ConnectionKind.WORK_TOGETHER, "●", "green", N_("werken samen")),
    (ConnectionKind.KNOW, "○", "", N_("kennen elkaar")),
    (ConnectionKind.WANT_TO, "◌", "yellow", N_("willen samenwerken")),
)


def network_legend() -> Text:
    """What the marks mean."""
    text = Text()
    for _kind, mark, style, label in MARKS:
        text.append(f"{mark} ", style=style)
        text.append(f"{_(label)}   ")
    text.append(_("GEÏSOLEERD"), style="bold reverse magenta")
    text.append(_(" geen enkele verbinding"))
    return text


def sector_table(groups: list[SectorGroup]) -> Table:
    """One row per organisation, sectors as bold group headings."""
    table = Table(box=None, show_header=True, expand=True, pad_edge=False)
    table.add_column(_("Sector / organisatie"), ratio=3)
    for _kind, mark, style, label in MARKS:
        table.add_column(Text(f"{mark} {_(label)}", style=style), justify="right", ratio=1)
    table.add_column("", ratio=1)
    for group in groups:
        table.add_row(Text(group.sector, style="bold underline"), end_section=False)
        for org in group.organisations:
            counts = [
                Text(str(org.count(kind)) if org.count(kind) else "·", style=style)
                for kind, _mark, style, _label in MARKS
            ]
            flag = Text(_("GEÏSOLEERD"), style="bold reverse magenta") if org.isolated else Text("")
            table.add_row(literal(f"  {org.name}"), *counts, flag)
    return table


class NetworkView(VerticalScroll):
    """Organisations by sector; isolated ones stand out."""

    def compose(self) -> ComposeResult:
        yield Static(network_legend(), classes="view-legend")
        yield Static(id="network-groups")

    def show(self, network: Network) -> None:
        """Re-draw from the current network."""
        self.query_one("#network-groups", Static).update(sector_table(network_groups(network)))
