"""A table of entities with the same keys everywhere: add, edit, delete."""

from __future__ import annotations

import contextlib

from textual.binding import Binding
from textual.message import Message
from textual.widgets.data_table import RowDoesNotExist

from wijksessie.i18n import _
from wijksessie.ui.read_only import LooksOnly
from wijksessie.ui.widgets.list_table import ListTable


class EntityTable(LooksOnly, ListTable[object]):
    """A row-cursor table whose keys ask the owner to add, edit or delete the row's entity.

    Row keys are entity ids; the owner (a phase) does the work and re-fills the table.
    """

    EDITS = frozenset({"request"})
    BINDINGS = [
        Binding("a,insert", "request('add')", _("Toevoegen"), id="table.add"),
        Binding("e,enter", "request('edit')", _("Bewerken"), id="table.edit"),
        Binding("delete,x", "request('delete')", _("Verwijderen"), id="table.delete"),
    ]

    class Requested(Message):
        """The user asked to add, edit or delete (``entity_id`` is empty for add)."""

        def __init__(self, table: EntityTable, action: str, entity_id: str) -> None:
            super().__init__()
            self.table = table
            self.action = action
            self.entity_id = entity_id

        @property
        def control(self) -> EntityTable:
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)

    def action_request(self, action: str) -> None:
        entity_id = ""
        if action != "add":
            if self.row_count == 0:
                self.notify(_("Er is nog niets om te kiezen."), severity="warning")
                return
            entity_id = self.current_id()
        self.post_message(self.Requested(self, action, entity_id))

    def current_id(self) -> str:
        """The id of the entity under the cursor."""
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return str(row_key.value)

    def keep_cursor_on(self, entity_id: str) -> None:
        """Move the cursor to an entity's row, if it is there."""
        with contextlib.suppress(RowDoesNotExist):
            self.move_cursor(row=self.get_row_index(entity_id))
