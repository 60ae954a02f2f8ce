"""The start screen: the sessions in the folder, newest first, and the way to a new one."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from wijksessie.domain.dates import format_date
from wijksessie.domain.text import visible
from wijksessie.i18n import N_, _
from wijksessie.services.sessions import SessionInfo, list_sessions
from wijksessie.store.conflicts import describe_briefly
from wijksessie.ui.literal import literal
from wijksessie.ui.messages import DeleteSession, FollowUpSession, OpenSession
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.key_bar import KeyBar
from wijksessie.ui.widgets.list_table import FILL_CHUNK, FILL_PAUSE, ListTable, cell_width

EMPTY_TEXT = N_(
    "Nog geen sessies in {folder}.\n\n"
    "Een sessie is één bijeenkomst van het netwerk in de wijk: wie doet wat, gezamenlijke "
    "doelen, basisafspraken en toezeggingen.\n\n"
    "Druk op  n  voor een nieuwe sessie, of op  d  om de demosessie (Kruidenbuurt) te openen."
)


TITLE_WIDTH = 48
"""A title is cut here on the start screen (a title may be 120 characters): a longer one
pushed the wijk, the counts and the reason a file is bad off the screen."""


def _short(title: str) -> str:
    return title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1].rstrip() + "…"


class StartScreen(StyledOnce, Screen[None]):
    """Lists the session files and opens, creates or deletes them."""

    BINDINGS = [
        Binding("n", "app.new_session", _("Nieuwe sessie"), id="start.new"),
        Binding("enter", "open", _("Openen"), id="start.open", show=True),
        Binding("delete,x", "delete", _("Verwijderen"), id="start.delete"),
        Binding("v", "follow_up", _("Vervolgsessie"), id="start.follow_up"),
        Binding("d", "app.demo", _("Demo"), id="start.demo"),
        Binding("t", "network_over_time", _("Netwerk"), id="start.network_over_time"),
        Binding("r", "refresh", _("Vernieuwen"), id="start.refresh", show=False),
        Binding("q", "app.quit", _("Afsluiten"), id="start.quit"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.infos: list[SessionInfo] = []
        self._filled_on_mount = False
        self._filling = 0
        """Counts the fills begun, so a fill overtaken by a newer one stops adding rows."""

    def compose(self) -> ComposeResult:
        yield Static(Text(_("wijksessie · sessies"), style="bold"), id="start-title")
        yield ListTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static("", id="empty")
        yield KeyBar()

    COLUMNS = (
        (N_("Datum"), "date"),
        (N_("Titel"), "title"),
        (N_("Wijk"), "wijk"),
        (N_("Deelnemers"), "participants"),
        (N_("Toezeggingen"), "commitments"),
        (N_("Bestand"), "file"),
    )
    SECONDARY_COLUMNS = frozenset({"file"})
    """Columns left out in projector mode and on a narrow terminal."""

    def on_mount(self) -> None:
        self._add_columns()
        # Filled before the first paint: a list filled after it makes Textual lay out and
        # paint the screen a second time (about 9 ms of a cold start of 250 ms).
        self.action_refresh()
        self._filled_on_mount = True
        self.watch(self.app, "projector", lambda _on: self._update_columns(), init=False)

    def _shown_keys(self) -> list[str]:
        hidden = self.SECONDARY_COLUMNS if self.app.fewer_columns(self) else frozenset()
        return [key for _label, key in self.COLUMNS if key not in hidden]

    def _add_columns(self) -> None:
        table = self.query_one("#sessions", DataTable)
        shown = self._shown_keys()
        for label, key in self.COLUMNS:
            if key in shown:
                table.add_column(_(label), key=key)

    def on_resize(self) -> None:
        self._update_columns()

    def _update_columns(self) -> bool:
        """Take the secondary columns away (or put them back) for the wall or a small screen.

        True when the columns were rebuilt (and the list read again).
        """
        table = self.query_one("#sessions", DataTable)
        if [str(key.value) for key in table.columns] == self._shown_keys():
            return False
        table.clear(columns=True)
        self._add_columns()
        self.action_refresh()
        return True

    def on_screen_resume(self) -> None:
        """Read the list again when the screen shows after a session (the terminal may have
        been resized meanwhile); the first time, ``on_mount`` has just filled it."""
        if self._filled_on_mount:
            self._filled_on_mount = False
            return
        if not self._update_columns():
            self.action_refresh()

    def action_refresh(self) -> None:
        """Read the folder again.

        A folder longer than the screen is filled a screenful first: Textual measures every
        cell of every row it is given, and a thousand sessions took four times as long as ten
        to show (issue 20). The other rows follow after the paint, ``FILL_CHUNK`` at a time,
        into columns whose widths are set beforehand from all the rows' plain texts, so nothing
        on the wall moves.
        """
        self.infos = list_sessions(self.folder)
        table = self.query_one("#sessions", DataTable)
        table.clear()
        self._filling += 1
        every = [key for _label, key in self.COLUMNS]
        shown = [every.index(str(key.value)) for key in table.columns]
        first = max(self.app.size.height, 1)
        lazy = len(self.infos) > first
        if lazy:
            # The widths come from the plain texts: building every row's cells would cost
            # as much again as showing the first screenful.
            plain = [self._plain(info) for info in self.infos]
            for index, column in zip(shown, table.columns.values(), strict=True):
                widest = max(cell_width(texts[index]) for texts in plain)
                column.width = max(column.content_width, widest)
        for column in table.columns.values():
            # Fixed while rows are still to come; measured by Textual, as always, otherwise.
            column.auto_width = not lazy
        self._add_rows(table, self.infos[:first], shown)
        if lazy:
            self.call_after_refresh(self._fill_rest, self._filling, self.infos, shown, first)
        empty = self.query_one("#empty", Static)
        empty.update(literal(_(EMPTY_TEXT).format(folder=self.folder)))
        empty.display = not self.infos
        table.display = bool(self.infos)
        if self.infos:
            table.focus()

    def _add_rows(self, table: DataTable[Text], infos: list[SessionInfo], shown: list[int]) -> None:
        for info in infos:
            cells = self._cells(info)
            table.add_row(*(cells[index] for index in shown), key=str(info.path))

    def _fill_rest(
        self, filling: int, infos: list[SessionInfo], shown: list[int], start: int
    ) -> None:
        """Add the next ``FILL_CHUNK`` rows after a paint, unless a newer fill began."""
        if filling != self._filling or not self.is_attached:
            return
        table = self.query_one("#sessions", DataTable)
        self._add_rows(table, infos[start : start + FILL_CHUNK], shown)
        if start + FILL_CHUNK < len(infos):
            self.set_timer(
                FILL_PAUSE, lambda: self._fill_rest(filling, infos, shown, start + FILL_CHUNK)
            )

    @staticmethod
    def _plain(info: SessionInfo) -> tuple[str, ...]:
        """The text of each column's cell, as shown (``_cells`` styles it)."""
        if info.problem:
            return ("", visible(_short(info.title)), info.problem, "", "", visible(info.path.name))
        wijk = f"⚠ {describe_briefly(info)}" if info.conflict else info.wijk
        return (
            format_date(info.date),
            visible(_short(info.title)),
            visible(wijk),
            str(info.participants),
            str(info.commitments),
            visible(info.path.name),
        )

    @staticmethod
    def _cells(info: SessionInfo) -> tuple[Text, ...]:
        date, title, wijk, participants, commitments, name = StartScreen._plain(info)
        if info.problem:
            return (Text(), Text(title), Text(wijk, style="italic red"), Text(), Text(), Text(name))
        return (
            Text(date),
            Text(title, style="bold"),
            Text(wijk, style="italic yellow" if info.conflict else ""),
            Text(participants, justify="right"),
            Text(commitments, justify="right"),
            Text(name, style="dim"),
        )

    def selected(self) -> SessionInfo | None:
        """The session under the cursor, if any."""
        table = self.query_one("#sessions", DataTable)
        if not self.infos or not table.display:
            return None
        return self.infos[table.cursor_row]

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        """Open the session under the cursor."""
        info = self.selected()
        if info is not None:
            self.post_message(OpenSession(info.path))

    def action_follow_up(self) -> None:
        """Make the next session of the network under the cursor."""
        info = self.selected()
        if info is not None and not info.problem:
            self.post_message(FollowUpSession(info.path))

    def action_network_over_time(self) -> None:
        """Show the indicators of every session in the folder, over time."""
        # Loaded here: the start screen must not wait for the overview's code.
        from wijksessie.ui.screens.network_over_time import NetworkOverTimeScreen

        self.app.push_screen(NetworkOverTimeScreen(self.folder))

    def action_delete(self) -> None:
        """Move the session under the cursor to the trash, after asking."""
        info = self.selected()
        if info is not None:
            self.post_message(DeleteSession(info.path, info.title))
