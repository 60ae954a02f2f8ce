"""A table of rows in which Home and End go to the first and the last row, as in any list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from textual.binding import Binding
from textual.widgets import DataTable

from wijksessie.i18n import _

CellT = TypeVar("CellT")

NARROWEST = 8
"""A column shrunk to fit is never narrower than this."""


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

    def fit_widths(self, preferred: Sequence[int], keep: Sequence[int] = ()) -> bool:
        """Shrink the columns from their ``preferred`` widths to the table's width, each in
        proportion but those at the positions in ``keep``; True when a width changed (rows with
        wrapped text must then be added again).

        A set width wider than the screen cut a column's text at the right edge (the gaps'
        reasons at 80×24), or left the last column off screen; shrunk, the text wraps.
        """
        columns = list(self.columns.values())
        room = self.scrollable_content_region.width - 2 * self.cell_padding * len(columns)
        room -= sum(preferred[index] for index in keep)
        loose = sum(want for index, want in enumerate(preferred) if index not in keep)
        if room <= 0 or not loose or len(columns) != len(preferred):
            return False
        scale = min(1.0, room / loose)
        changed = False
        for index, (column, want) in enumerate(zip(columns, preferred, strict=True)):
            width = want if index in keep else max(min(NARROWEST, want), int(want * scale))
            changed |= column.width != width
            column.width = width
        return changed
