"""A table of entities with the same keys everywhere: add, edit, delete."""

from __future__ import annotations

import contextlib

from textual.geometry import Region, Spacing
from textual.widgets.data_table import RowDoesNotExist

from wijksessie.ui.widgets.entity_keys import ENTITY_BINDINGS, EntityKeys
from wijksessie.ui.widgets.list_table import ListTable
from wijksessie.ui.widgets.row_list import AUTO_HEIGHT_ROWS

__all__ = ["AUTO_HEIGHT_ROWS", "EntityTable"]


class EntityTable(EntityKeys, ListTable[object]):
    """A row-cursor table whose keys ask the owner to add, edit or delete the row's entity.

    Row keys are entity ids; the owner (a phase) does the work and re-fills the table.
    """

    BINDINGS = ENTITY_BINDINGS

    class Requested(EntityKeys.Requested):
        """A table's add, edit or delete (``EntityKeys.Requested``)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)

    def current_id(self) -> str:
        """The id of the entity under the cursor."""
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return str(row_key.value)

    def keep_cursor_on(self, entity_id: str) -> None:
        """Move the cursor to an entity's row, if it is there, and that row into view."""
        with contextlib.suppress(RowDoesNotExist):
            row = self.get_row_index(entity_id)
            self._scroll_to_row(row)
            self.move_cursor(row=row)

    def _scroll_to_row(self, row: int) -> None:
        """Scroll a row into view now, before the next paint, when its place is known.

        Right after rows are added or sorted (a new participant sorts into the middle of 300)
        Textual scrolls to the cursor only after the next paint, once it has measured them: the
        wall was drawn at the old place and then again at the new one, every row on screen
        twice. With rows of one line (a long list) the row's place is plain arithmetic.
        """
        if row >= self.row_count or any(r.height != 1 for r in self.rows.values()):
            return  # rows that grow with their text: Textual measures them first
        top = self.header_height if self.show_header else 0
        self.scroll_to_region(
            Region(int(self.scroll_x), top + row, max(self.size.width, 1), 1),
            spacing=Spacing(top, 0, 0, 0),
            animate=False,
            force=True,
            x_axis=False,
            immediate=True,
        )
