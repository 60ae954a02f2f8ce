"""The start screen: the sessions in the folder, newest first, and the way to a new one."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from wijksessie.domain.dates import format_date
from wijksessie.domain.text import visible
from wijksessie.i18n import N_, _
from wijksessie.services.sessions import SessionInfo, list_sessions
from wijksessie.store.conflicts import describe_briefly
from wijksessie.ui.literal import literal
from wijksessie.ui.messages import DeleteSession, FollowUpSession, OpenSession
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.key_bar import KeyBar
from wijksessie.ui.widgets.row_list import Cell, RowList

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
        self._keys: list[str] = []
        """The keys of the columns shown, left to right."""

    def compose(self) -> ComposeResult:
        yield Static(Text(_("wijksessie · sessies"), style="bold"), id="start-title")
        yield RowList(id="sessions")
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
        self._keys = self._shown_keys()
        # Filled before the first paint: a list filled after it makes Textual lay out and
        # paint the screen a second time (about 9 ms of a cold start of 250 ms).
        self.action_refresh()
        self._filled_on_mount = True
        self.watch(self.app, "projector", lambda _on: self._update_columns(), init=False)

    def _shown_keys(self) -> list[str]:
        hidden = self.SECONDARY_COLUMNS if self.app.fewer_columns(self) else frozenset()
        return [key for _label, key in self.COLUMNS if key not in hidden]

    def on_resize(self) -> None:
        self._update_columns()

    def _update_columns(self) -> bool:
        """Take the secondary columns away (or put them back) for the wall or a small screen.

        True when the columns changed (and the list was read again).
        """
        if self._keys == self._shown_keys():
            return False
        self._keys = self._shown_keys()
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

        Every session is in the list at once, as plain text: the list draws only the rows on
        screen, so a thousand sessions show as soon as ten (issue 20; Textual's ``DataTable``
        measured and rendered every cell of every row it was given).
        """
        was = self.selected() if self.is_mounted else None
        self.infos = list_sessions(self.folder)
        every = [key for _label, key in self.COLUMNS]
        shown = [every.index(key) for key in self._keys]
        labels = [_(self.COLUMNS[index][0]) for index in shown]
        texts = [[plain[index] for index in shown] for plain in map(self._plain, self.infos)]
        infos = self.infos

        def cells(row: int) -> list[Cell]:
            every_cell = self._cells(infos[row])
            return [every_cell[index] for index in shown]

        table = self.query_one("#sessions", RowList)
        row = table.cursor_row
        table.set_rows(labels, texts, cells)
        # The cursor stays on its session (after a dialog, a session closed, a delete: on the
        # next one), instead of going back to the top of a long list.
        if was is not None:
            paths = [info.path for info in infos]
            gone = was.path not in paths
            table.move_cursor(row if gone else paths.index(was.path))
        empty = self.query_one("#empty", Static)
        empty.update(literal(_(EMPTY_TEXT).format(folder=self.folder)))
        empty.display = not self.infos
        table.display = bool(self.infos)
        if self.infos:
            table.focus()

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
    def _cells(info: SessionInfo) -> tuple[Cell, ...]:
        date, title, wijk, participants, commitments, name = StartScreen._plain(info)
        if info.problem:
            return (Cell(""), Cell(title), Cell(wijk, "italic red"), Cell(""), Cell(""), Cell(name))
        return (
            Cell(date),
            Cell(title, "bold"),
            Cell(wijk, "italic yellow" if info.conflict else ""),
            Cell(participants, justify="right"),
            Cell(commitments, justify="right"),
            Cell(name, "dim"),
        )

    def selected(self) -> SessionInfo | None:
        """The session under the cursor, if any."""
        table = self.query_one("#sessions", RowList)
        if not self.infos or not table.display:
            return None
        return self.infos[table.cursor_row]

    @on(RowList.Selected)
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
