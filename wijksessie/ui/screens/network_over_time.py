"""The network over time on the wall: every indicator per session, with a bar per cell.

Reached from the start screen (``t``). The overview reads every session of the folder, which
takes a second or more for a city, so it is built in a thread while the screen says so; the
table then has a row per indicator and a column per session, growth reading left to right.
It names no residents and shows no contact details (the overview holds neither).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Label, Static
from textual.worker import Worker, WorkerState

from wijksessie.domain.matching import Candidate, Kind
from wijksessie.domain.over_time import INDICATORS, Overview
from wijksessie.errors import WijksessieError
from wijksessie.i18n import _, ngettext
from wijksessie.render.over_time import cell, short_date, shown_candidates
from wijksessie.services.network_over_time import (
    DECISIONS_FILE,
    network_over_time,
    record_decision,
)
from wijksessie.ui.literal import literal
from wijksessie.ui.show_error import show_error
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.key_bar import KeyBar

BAR = 6
"""Cells of the bar beside each number: enough to compare sessions at a glance."""
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, top: float, width: int = BAR) -> str:
    """``value`` as a bar of ``width`` cells, ``top`` filling it, in eighths of a cell."""
    if top <= 0 or value <= 0:
        return " " * width
    eighths = max(1, round(width * 8 * min(value, top) / top))
    full, part = divmod(eighths, 8)
    return ("█" * full + (_EIGHTHS[part] if part else "")).ljust(width)


class NetworkOverTimeScreen(StyledOnce, Screen[None]):
    """Is the network forming? The indicators of every session in the folder."""

    DEFAULT_CSS = """
    NetworkOverTimeScreen #network-title { height: 1; padding: 0 1; background: $primary; }
    NetworkOverTimeScreen #network-status { height: auto; padding: 0 1; }
    NetworkOverTimeScreen #indicators { height: 1fr; scrollbar-gutter: stable; }
    NetworkOverTimeScreen #network-notes { height: auto; max-height: 8; padding: 0 1; }
    """

    BINDINGS = [
        Binding("escape", "back", _("Terug"), id="network.back"),
        Binding("k", "decide", _("Koppelen"), id="network.decide"),
        Binding("r", "refresh", _("Vernieuwen"), id="network.refresh"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.overview: Overview | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            Text(_("wijksessie · het netwerk door de tijd"), style="bold"), id="network-title"
        )
        yield Static(_("Sessies lezen…"), id="network-status")
        yield DataTable(id="indicators", cursor_type="row", zebra_stripes=True)
        yield Static("", id="network-notes")
        yield KeyBar()

    def on_mount(self) -> None:
        self.action_refresh()

    def action_back(self) -> None:
        """Back to the start screen."""
        self.app.pop_screen()

    def action_refresh(self) -> None:
        """Read the folder again (a decision on names may have been added meanwhile)."""
        self.query_one("#network-status", Static).update(_("Sessies lezen…"))
        self._build()

    @work(exclusive=True, group="decide")
    async def action_decide(self) -> None:
        """Ask about each proposed match in turn: the same (j), not the same (n), later (esc).

        Each answer goes into the decisions file beside the sessions at once; the overview is
        read again after the last. Matches involving a resident are not shown on the wall:
        they are decided in the file.
        """
        if self.overview is None:
            return
        named, _withheld = shown_candidates(self.overview)
        if not named:
            self.notify(_("Geen namen om te koppelen."), markup=False)
            return
        answered = 0
        for candidate in named:
            same = await self.app.push_screen_wait(MatchDialog(candidate))
            if same is None:
                break
            try:
                record_decision(self.folder / DECISIONS_FILE, candidate, same)
            except WijksessieError as error:  # the file broke, or cannot be written
                show_error(self, error, timeout=15)
                break
            answered += 1
        if answered:
            self.action_refresh()

    @work(thread=True, exclusive=True, group="network", exit_on_error=False)
    def _build(self) -> Overview:
        """Read and count off the main thread: fifty sessions take more than a second."""
        return network_over_time([self.folder])

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Fill the table when the overview is ready; say why when it could not be built."""
        if event.worker.group != "network":
            return
        status = self.query_one("#network-status", Static)
        if event.state is WorkerState.ERROR:
            status.update(
                literal(_("Het overzicht lukte niet: {error}").format(error=event.worker.error))
            )
        elif event.state is WorkerState.SUCCESS:
            self.overview = event.worker.result
            self._fill(self.overview)

    def _fill(self, overview: Overview) -> None:
        status = self.query_one("#network-status", Static)
        status.update(
            ngettext("{count} sessie", "{count} sessies", len(overview.sessions)).format(
                count=len(overview.sessions)
            )
            + " · "
            + _("{count} organisaties").format(count=overview.totals.organisations)
        )
        table = self.query_one("#indicators", DataTable)
        table.clear(columns=True)
        table.add_column(_("indicator"), key="indicator")
        for number, session in enumerate(overview.sessions, start=1):
            table.add_column(f"#{number} {short_date(session.date)}", key=session.file)
        for indicator in INDICATORS:
            values = [indicator.value(s) for s in overview.sessions]
            top = max(values, default=0)
            label = ("  " if indicator.detail else "") + _(indicator.label)
            cells = [
                Text.assemble((cell(indicator, s).rjust(4), "bold"), " ", (bar(v, top), "cyan"))
                for s, v in zip(overview.sessions, values, strict=True)
            ]
            table.add_row(Text(label, style="dim" if indicator.detail else ""), *cells)
        self.query_one("#network-notes", Static).update(literal(self._notes(overview)))
        table.focus()

    @staticmethod
    def _notes(overview: Overview) -> str:
        named, withheld = shown_candidates(overview)
        lines = []
        if named or withheld:
            lines.append(
                _("Misschien dezelfde: {count} (bevestig of verwerp in {file})").format(
                    count=len(named) + withheld, file=".wijksessie-koppelingen.json"
                )
            )
        lines += [
            _("Niet meegeteld: {file}: {message}").format(file=p.file, message=p.message)
            for p in overview.problems
        ]
        return "\n".join(lines)


class MatchDialog(StyledOnce, ModalScreen[bool | None]):
    """One proposed match: the same organisation or person (j), not (n), or decide later (esc)."""

    DEFAULT_CSS = """
    MatchDialog { align: center middle; }
    MatchDialog #match {
        width: 70; height: auto; padding: 1 2; border: thick $primary; background: $surface;
    }
    MatchDialog #match-question { width: 1fr; }
    MatchDialog #match-buttons { height: auto; margin-top: 1; }
    MatchDialog Button { margin-right: 2; }
    """

    BINDINGS = [
        Binding("j,y", "answer(True)", _("Zelfde"), id="match.same"),
        Binding("n", "answer(False)", _("Niet zelfde"), id="match.other"),
        Binding("escape", "later", _("Later"), id="match.later"),
    ]

    def __init__(self, candidate: Candidate) -> None:
        super().__init__()
        self.candidate = candidate

    def compose(self) -> ComposeResult:
        kind = (
            _("dezelfde organisatie")
            if self.candidate.kind is Kind.ORGANISATION
            else _("dezelfde persoon")
        )
        question = _("Zijn ‘{first}’ en ‘{second}’ {kind}? ({score}%)").format(
            first=self.candidate.first,
            second=self.candidate.second,
            kind=kind,
            score=self.candidate.score,
        )
        with Vertical(id="match"):
            yield Label(literal(question), id="match-question")
            with Horizontal(id="match-buttons"):
                yield Button(_("Zelfde (j)"), variant="success", id="same")
                yield Button(_("Niet zelfde (n)"), variant="error", id="other")
                yield Button(_("Later (esc)"), id="later")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss({"same": True, "other": False}.get(event.button.id or ""))

    def action_answer(self, same: bool) -> None:
        self.dismiss(same)

    def action_later(self) -> None:
        self.dismiss(None)
