"""The session's agenda in phase 1: each phase with its planned minutes; enter changes them.

One table instead of an input field per phase: six inputs and their labels were a seventh of the
time to open a session, for minutes that are set once and changed now and then.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.message import Message

from wijksessie.domain.model import AgendaItem, Phase
from wijksessie.i18n import _
from wijksessie.ui.read_only import LooksOnly
from wijksessie.ui.widgets.list_table import ListTable


class AgendaTable(LooksOnly, ListTable[str]):
    """Phase and planned minutes, a row each; ``enter`` asks the owner to change the minutes."""

    EDITS = frozenset({"edit"})
    BINDINGS = [
        Binding("e,enter", "edit", _("Minuten aanpassen"), id="agenda.edit"),
    ]

    class EditRequested(Message):
        """The user wants to change the planned minutes of ``phase``."""

        def __init__(self, table: AgendaTable, phase: Phase) -> None:
            super().__init__()
            self.table = table
            self.phase = phase

        @property
        def control(self) -> AgendaTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._shown: list[tuple[Phase, int]] | None = None

    def on_mount(self) -> None:
        self.add_column(_("Agenda"), key="phase", width=16)
        self.add_column(_("Minuten"), key="minutes")

    def show(self, agenda: Sequence[AgendaItem]) -> None:
        """Show ``agenda``; an unchanged agenda leaves the table (and its cursor) alone."""
        rows = [(item.phase, item.planned_minutes) for item in agenda]
        if rows == self._shown:
            return
        self._shown = rows
        row = self.cursor_row
        self.clear()
        for phase, minutes in rows:
            self.add_row(phase.label, str(minutes), key=phase.value)
        self.move_cursor(row=min(row, len(rows) - 1))

    def action_edit(self) -> None:
        if self.row_count:
            row_key, _column = self.coordinate_to_cell_key(self.cursor_coordinate)
            self.post_message(self.EditRequested(self, Phase(str(row_key.value))))
