"""The session's agenda in phase 1: each phase with its planned minutes; enter changes them.

One table instead of an input field per phase: six inputs and their labels were a seventh of the
time to open a session, for minutes that are set once and changed now and then. A ``RowList``,
not a ``DataTable``: it looks the same, and is lighter to mount and draw on every open.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.message import Message

from wijksessie.domain.model import AgendaItem, Phase
from wijksessie.i18n import _
from wijksessie.ui.read_only import LooksOnly
from wijksessie.ui.widgets.row_list import RowList


class AgendaTable(LooksOnly, RowList):
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
        super().__init__(id=id, zebra_stripes=True)
        self._shown: list[tuple[Phase, int]] | None = None

    def show(self, agenda: Sequence[AgendaItem]) -> None:
        """Show ``agenda``; an unchanged agenda leaves the table (and its cursor) alone."""
        rows = [(item.phase, item.planned_minutes) for item in agenda]
        if rows == self._shown:
            return
        self._shown = rows
        row = self.cursor_row
        self.set_rows(
            [_("Agenda"), _("Minuten")],
            [(phase.label, str(minutes)) for phase, minutes in rows],
            widths=(16,),
        )
        if row:  # set_rows put it on the first row
            self.move_cursor(min(row, len(rows) - 1))

    def action_edit(self) -> None:
        if self._shown:
            self.post_message(self.EditRequested(self, self._shown[self.cursor_row][0]))
