"""A table of rows in which Home and End go to the first and the last row, as in any list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from rich.cells import cell_len
from textual.binding import Binding
from textual.widgets import DataTable

from wijksessie.i18n import _

CellT = TypeVar("CellT")

FILL_CHUNK = 100
"""Rows added at a time after a long list's first screenful: about 15 ms of Textual's
measuring, so a key pressed meanwhile waits no longer than that."""
FILL_PAUSE = 0.02
"""Seconds between two chunks: the table measures each chunk while the app is idle, and keys
pressed meanwhile go first."""


def cell_width(text: str) -> int:
    """What Textual's ``DataTable`` measures a one-line cell of ``text`` at: Rich's widest line.

    A long list sets its columns' widths from this before its rows are all added (see
    ``FILL_CHUNK``), so the columns stand where the complete list puts them.
    """
    if text.isprintable():  # no line breaks of any kind: one line (the common case)
        return cell_len(text)
    return max((cell_len(line) for line in text.splitlines()), default=0)


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
