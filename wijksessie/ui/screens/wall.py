"""The wall: a second window that follows a session another window edits (``view PAD --volg``).

The facilitator edits on the laptop screen; the projector shows this window. It opens the file
read-only (no lock, nothing written), and about three times a second looks at the file's state
(device, inode, size, modification time: one ``stat``) and at the little file in which the
editor keeps its phase and tab (``store.wall_position``). A save shows here within a second; a
phase or tab switch too. Rereading goes through the store's read-only open, so a damaged file,
or one caught halfway through being replaced by hand, is refused whole: the wall keeps its last
good picture and says so quietly, until the file reads again.

It never shows a form (its keys only look) and masks contact details as projector mode does,
whatever the theme.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Input, Static, TextArea

from wijksessie.domain.model import Phase
from wijksessie.errors import WijksessieError
from wijksessie.i18n import _
from wijksessie.store import SessionStore
from wijksessie.store.storage import FileState, file_state
from wijksessie.store.wall_position import WallPosition, read_wall_position, wall_path
from wijksessie.ui.screens.phase_table import AVAILABLE_PHASES, PHASES
from wijksessie.ui.screens.session import SessionScreen

POLL_SECONDS = 0.3
"""How often the wall looks at the files: a save shows within a second. One ``stat`` of each
file costs a few microseconds; the file is read only when its state changed."""


class WallScreen(SessionScreen, inherit_bindings=False):
    """A read-only session screen that follows the phase, tab and saves of another window."""

    following: ClassVar[bool] = True
    BINDINGS = [
        Binding("ctrl+pagedown", "step(1)", _("Volgende fase"), id="wall.next", priority=True),
        Binding("ctrl+pageup", "step(-1)", _("Vorige fase"), id="wall.previous", priority=True),
        Binding("q", "app.quit", _("Afsluiten"), id="wall.quit"),
        Binding("escape", "leave_field", _("Veld verlaten"), id="wall.leave", show=False),
        *(
            Binding(entry.key, f"show_phase('{entry.phase.value}')", entry.label, show=False)
            for entry in PHASES
        ),
    ]

    def __init__(self, store: SessionStore) -> None:
        super().__init__(store)
        self._file: FileState | None = None
        """The session file as last read here (``None`` at first: read it once more, in case
        the editor saved between the command line's open and this screen's start)."""
        self._position_file: FileState | None = None
        self._following = False
        """Set while a change is being put on screen, so polls do not overlap."""

    def on_mount(self) -> None:
        super().on_mount()
        self.mount(Static(id="wall-notice"), after=self.query_one("#session-header"))
        self.set_interval(POLL_SECONDS, self._poll)
        self.call_after_refresh(self._poll)

    def _poll(self) -> None:
        """Look for changes in a worker, not in the timer's own task: following may wait for a
        phase to mount, and a worker is cancelled with its screen where a timer's callback
        would be left waiting. (The hang once blamed on the timer was a tab's animation
        outliving the app: the wall has none, see ``WijksessieApp``.)"""
        if not self._following and self.is_mounted:
            self.run_worker(self.follow(), group="wall-follow", exit_on_error=False)

    def _path(self) -> Path:
        assert self.store.path is not None
        return self.store.path

    def mark(self) -> Text:
        return Text(_("   MUUR · VOLGT LIVE"), style="bold reverse")

    async def follow(self) -> None:
        """Bring the wall up to date with the file and the editor's position, if they changed."""
        if self._following:
            return
        self._following = True
        try:
            self._follow_file()
            await self._follow_position()
        finally:
            self._following = False

    def _follow_file(self) -> None:
        path = self._path()
        state = file_state(path)
        if state == self._file:
            return
        try:
            self.store.reread()
        except WijksessieError as error:
            told = _("Nu niet te lezen ({reason}); de muur toont de laatste goede stand.")
            self._notice(told.format(reason=error))
            self._file = state
            return
        self._file = state
        self._notice("")
        self.reload_current_phase()
        self.refresh_header()

    async def _follow_position(self) -> None:
        state = file_state(wall_path(self._path()))
        if state == self._position_file:
            return
        self._position_file = state
        position = read_wall_position(self._path())
        if position is not None:
            await self._go_to(position)

    async def _go_to(self, position: WallPosition) -> None:
        try:
            phase = Phase(position.phase)
        except ValueError:
            return
        if phase not in AVAILABLE_PHASES:
            return
        await self.show_phase(phase, position.tab)

    def _notice(self, text: str) -> None:
        notice = self.query_one("#wall-notice", Static)
        notice.update(Text(text))
        notice.set_class(bool(text), "visible")

    def action_leave_field(self) -> None:
        """Leave a filter for the phase's list; the wall itself is left with ``q``."""
        if isinstance(self.focused, Input | TextArea):
            for widget in self._phase_widgets(self.phase):
                widget.focus_default()  # type: ignore[attr-defined]
