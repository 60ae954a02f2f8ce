"""A table of rows in which Home and End go to the first and the last row, as in any list."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.widgets import DataTable

from wijksessie.i18n import _

CellT = TypeVar("CellT")


class ListTable(DataTable[CellT]):
    """Textual's table, with Home and End on rows (Textual's scroll sideways with them)."""

    BINDINGS = [
        Binding("home", "first_row", _("Eerste regel"), id="list.first", show=False),
        Binding("end", "last_row", _("Laatste regel"), id="list.last", show=False),
    ]

    def action_first_row(self) -> None:
        """Put the cursor on the first row."""
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        """Put the cursor on the last row."""
        self.move_cursor(row=max(self.row_count - 1, 0))
