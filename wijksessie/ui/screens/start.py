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
from wijksessie.i18n import N_, _
from wijksessie.services.sessions import SessionInfo, list_sessions
from wijksessie.store.conflicts import describe_briefly
from wijksessie.ui.literal import literal
from wijksessie.ui.messages import DeleteSession, FollowUpSession, OpenSession
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.key_bar import KeyBar
from wijksessie.ui.widgets.list_table import ListTable

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
        """Read the folder again."""
        self.infos = list_sessions(self.folder)
        table = self.query_one("#sessions", DataTable)
        table.clear()
        keys = [str(key.value) for key in table.columns]
        every = [key for _label, key in self.COLUMNS]
        for info in self.infos:
            cells = dict(zip(every, self._cells(info), strict=True))
            table.add_row(*(cells[key] for key in keys), key=str(info.path))
        empty = self.query_one("#empty", Static)
        empty.update(literal(_(EMPTY_TEXT).format(folder=self.folder)))
        empty.display = not self.infos
        table.display = bool(self.infos)
        if self.infos:
            table.focus()

    @staticmethod
    def _cells(info: SessionInfo) -> tuple[Text, ...]:
        if info.problem:
            return (
                Text(""),
                literal(_short(info.title)),
                Text(info.problem, style="italic red"),
                Text(""),
                Text(""),
                literal(info.path.name),
            )
        return (
            Text(format_date(info.date)),
            literal(_short(info.title), "bold"),
            literal(f"⚠ {describe_briefly(info)}", "italic yellow")
            if info.conflict
            else literal(info.wijk),
            Text(str(info.participants), justify="right"),
            Text(str(info.commitments), justify="right"),
            literal(info.path.name, "dim"),
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
