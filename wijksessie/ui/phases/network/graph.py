"""Tab 8, the network: the plate the room looks at, and the counts per sector one key away.

The plate (``widgets.plate.NetworkPlate``) is drawn at once from the connections; the possible
connections need the overlap analysis (about 0.2 s for the large benchmark session), so they
are found in a thread and drawn when ready. In a terminal under 80 columns, with 60 or more
organisations, or with more organisations than rows, the tab shows the grouped list instead.
"""

from __future__ import annotations

from collections import Counter

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static
from textual.worker import get_current_worker

from wijksessie.domain.analysis import SectorGroup, network_groups
from wijksessie.domain.edges import POSSIBLE
from wijksessie.domain.model import ConnectionKind, Network
from wijksessie.domain.text import visible
from wijksessie.i18n import N_, _, ngettext
from wijksessie.render.layout import Plate, PlateLine, plate_of, possible_pairs
from wijksessie.ui.literal import literal
from wijksessie.ui.widgets.bars import Bar, BarChart, BarGroup
from wijksessie.ui.widgets.plate import MIN_WIDTH, NetworkPlate, fits, legend_items

MARKS = (
    (ConnectionKind.WORK_TOGETHER, "●", "green", N_("werken samen")),
    (ConnectionKind.KNOW, "○", "", N_("kennen elkaar")),
    (ConnectionKind.WANT_TO, "◌", "yellow", N_("willen samenwerken")),
)


def network_legend() -> Text:
    """What the marks of the counts table mean."""
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


_CHROME = 4
"""Rows of the view around the plate: the legend (with its blank line) and the detail."""


class NetworkView(Vertical):
    """The network as a plate by sector; ``t`` switches to the counts per sector."""

    BINDINGS = [Binding("t", "toggle_table", _("Plaat / tabel"), id="network.table")]

    DEFAULT_CSS = """
    NetworkView #network-detail { height: 2; padding: 0 1; }
    NetworkView #network-note { height: auto; padding: 0 1; color: $warning; }
    NetworkView #network-table { height: 1fr; }
    NetworkView #network-bars { max-width: 72; margin: 0 0 1 0; }
    """

    table_wanted: reactive[bool] = reactive(False)
    """The facilitator asked for the counts table instead of the plate."""

    class Opened(Message):
        """The facilitator pressed ``enter`` on an organisation of the plate."""

        def __init__(self, organisation_id: str) -> None:
            super().__init__()
            self.organisation_id = organisation_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._network: Network | None = None
        self._plate = Plate((), ())
        self._generation = 0
        self._found = 0
        self._table_drawn = False

    def compose(self) -> ComposeResult:
        yield Static(id="network-legend", classes="view-legend")
        yield NetworkPlate(id="network-plate")
        yield Static(id="network-detail")
        yield Static(id="network-note")
        with VerticalScroll(id="network-table"):
            yield BarChart(id="network-bars")
            yield Static(id="network-groups")

    def on_mount(self) -> None:
        self._arrange()

    def show(self, network: Network) -> None:
        """Re-draw from the current network: connections now, possible ones from a thread."""
        self._network = network
        self._plate = plate_of(network, possible=False)
        self._generation += 1
        self._table_drawn = False
        self.query_one(NetworkPlate).show(self._plate)
        self._arrange()
        # After the paint: the thread's 0.2 s of Python would hold the GIL during it.
        self.call_after_refresh(self._find_possible, network, self._generation)

    @work(thread=True, exclusive=True, group="plate", exit_on_error=False)
    def _find_possible(self, network: Network, generation: int) -> None:
        """The overlap pairs, off the main thread; dropped when the network changed meanwhile."""
        worker = get_current_worker()
        pairs = possible_pairs(network)
        if worker.is_cancelled:
            return
        try:
            self.app.call_from_thread(self._possible_found, generation, pairs)
        except RuntimeError:  # the app closed meanwhile
            return

    @property
    def settled(self) -> bool:
        """True once the possible connections of the last network shown are drawn (a test
        waits on it: the thread starts only after the first paint)."""
        return self._found == self._generation

    def _possible_found(self, generation: int, pairs: list[PlateLine]) -> None:
        if generation != self._generation or not self.is_mounted:
            return
        self._found = generation
        self._plate = self._plate.with_possible(pairs)
        self.query_one(NetworkPlate).show(self._plate)
        self._describe(self.query_one(NetworkPlate).selected)
        if self._table_drawn:
            self.query_one(BarChart).show(indicator_bars(self._plate))

    # -- plate or table -----------------------------------------------------------------------

    def on_resize(self) -> None:
        self._arrange()

    def watch_table_wanted(self) -> None:
        self._arrange()

    def action_toggle_table(self) -> None:
        """Switch between the plate and the counts per sector."""
        self.table_wanted = not self.table_wanted
        target = self.query_one("#network-table" if self._showing_table() else "#network-plate")
        target.focus()

    def _showing_table(self) -> bool:
        too_narrow = self.app.size.width < MIN_WIDTH
        return self.table_wanted or too_narrow or not fits(self._plate, self._plate_room())

    def _plate_room(self) -> Size:
        """The plate's size, or what it will be: a tab that was never shown has no size yet,
        and guessing "too small" would lay out the table first and the plate after it."""
        plate = self.query_one(NetworkPlate)
        if plate.display and plate.content_size.area:
            return plate.content_size
        if self.content_size.area:
            width, height = self.content_size
        else:  # the screen less header, phase bar, tabs, key bar and this view's padding
            width, height = self.app.size.width - 2, self.app.size.height - 5
        return Size(width, max(height - _CHROME, 0))

    def _arrange(self) -> None:
        if not self.query("#network-table"):  # not composed yet
            return
        table = self._showing_table()
        if table and not self._table_drawn and self._network is not None:
            # Laid out only when shown: Rich takes about 20 ms for 40 organisations.
            groups = network_groups(self._network)
            self.query_one("#network-groups", Static).update(sector_table(groups))
            self.query_one(BarChart).show(indicator_bars(self._plate))
            self._table_drawn = True
        plate = self.query_one(NetworkPlate)
        had_focus = self.app.focused in (plate, self.query_one("#network-table"))
        plate.display = not table
        self.query_one("#network-detail").display = not table
        self.query_one("#network-table").display = table
        note = self.query_one("#network-note", Static)
        forced = table and not self.table_wanted and self._plate.nodes
        note.display = bool(forced)
        if forced:
            note.update(
                _("Te veel organisaties voor een leesbare plaat op dit scherm: per sector.")
            )
        legend = self.query_one("#network-legend", Static)
        legend.update(network_legend() if table else plate_legend(plate))
        if had_focus:
            self.focus_default()
        if not table:
            self._describe(plate.selected)

    def focus_default(self) -> None:
        """Keys go to the plate, or to the table when that shows."""
        target = "#network-table" if self._showing_table() else "#network-plate"
        self.query_one(target).focus()

    # -- the selected organisation ------------------------------------------------------------

    @on(NetworkPlate.Selected)
    def _selected(self, event: NetworkPlate.Selected) -> None:
        event.stop()
        self._describe(event.organisation_id)

    @on(NetworkPlate.Opened)
    def _opened(self, event: NetworkPlate.Opened) -> None:
        event.stop()
        self.post_message(self.Opened(event.organisation_id))

    def _describe(self, organisation_id: str | None) -> None:
        """The line under the plate: the selected organisation's links and initiatives, or what
        the whole plate holds."""
        plate = self.query_one(NetworkPlate)
        detail = self.query_one("#network-detail", Static)
        if plate.finding is not None:
            detail.update(Text.assemble((_("Zoek: "), "bold"), plate.finding, ("▏", "reverse")))
            return
        if self._network is None:
            detail.update("")
            return
        if organisation_id is None:
            detail.update(_overview(self._plate))
            return
        detail.update(_organisation_detail(self._network, self._plate, organisation_id))


def indicators(plate: Plate) -> dict[str, int]:
    """What one session's network counts, by the words the room uses: connections by kind,
    possible ones, and organisations still without any. One bar each here; one group each,
    with a bar per session, in a chart of the network over time."""
    kinds = Counter(line.kind for line in plate.lines)
    alone = sum(node.isolated for node in plate.nodes)
    return {
        _("werken samen"): kinds[ConnectionKind.WORK_TOGETHER.value],
        _("kennen elkaar"): kinds[ConnectionKind.KNOW.value],
        _("willen samenwerken"): kinds[ConnectionKind.WANT_TO.value],
        _("mogelijke verbinding"): kinds[POSSIBLE],
        _("nog zonder verbinding"): alone,
    }


def indicator_bars(plate: Plate) -> list[BarGroup]:
    """This session's indicators as one bar chart (above the counts per sector)."""
    bars = tuple(Bar(label, value) for label, value in indicators(plate).items())
    return [BarGroup(_("Deze sessie"), bars)]


def plate_legend(plate: NetworkPlate) -> Text:
    """The kinds of line in their colours, then the sectors' colours."""
    text = Text()
    for sample, role, words in legend_items():
        text.append(f"{sample} ", style=plate.get_component_rich_style(f"plate--{role}"))
        text.append(f"{words}   ")
    return text


def _overview(plate: Plate) -> Text:
    lines = [line for line in plate.lines if line.kind != POSSIBLE]
    possible = len(plate.lines) - len(lines)
    alone = sum(node.isolated for node in plate.nodes)
    text = Text(
        _(
            "{organisations} organisaties · {connections} verbindingen · {possible} mogelijk · "
            "{alone} nog zonder verbinding"
        ).format(
            organisations=len(plate.nodes),
            connections=len(lines),
            possible=possible,
            alone=alone,
        )
    )
    text.append("   ")
    text.append(_("↑↓←→ of / kiest, enter opent"), style="dim")
    return text


def _organisation_detail(network: Network, plate: Plate, organisation_id: str) -> Text:
    names = {node.id: visible(node.name) for node in plate.nodes}
    node = next((n for n in plate.nodes if n.id == organisation_id), None)
    if node is None:
        return Text("")
    text = Text()
    text.append(visible(node.sector), style="bold")
    by_kind: dict[str, list[str]] = {}
    for line in plate.lines:
        if organisation_id in (line.a, line.b):
            other = line.b if line.a == organisation_id else line.a
            by_kind.setdefault(line.kind, []).append(names.get(other, "?"))
    for kind, words in (
        (ConnectionKind.WORK_TOGETHER.value, _("werkt samen met")),
        (ConnectionKind.KNOW.value, _("kent")),
        (ConnectionKind.WANT_TO.value, _("wil samenwerken met")),
        (POSSIBLE, _("zou kunnen samenwerken met")),
    ):
        if by_kind.get(kind):
            text.append(" · ")
            text.append(f"{words} ")
            text.append(", ".join(sorted(by_kind[kind], key=str.casefold)), style="bold")
    if node.isolated:
        text.append(" · ")
        text.append(_("nog zonder verbinding"), style="bold red")
    initiatives = sorted(
        (visible(i.name) for i in network.initiatives if i.organisation_id == organisation_id),
        key=str.casefold,
    )
    text.append(" · ")
    text.append(
        ngettext("{count} initiatief", "{count} initiatieven", len(initiatives)).format(
            count=len(initiatives)
        )
    )
    if initiatives:
        text.append(": ")
        text.append(", ".join(initiatives), style="bold")
    return text
