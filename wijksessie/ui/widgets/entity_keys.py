"""The keys every list of entities has, whatever draws it: add, edit, delete.

``EntityTable`` (a ``DataTable``, for the lists that patch their rows) and ``EntityList`` (a
``RowList``, for phase 1's questions) both ask their owner to do the work with a ``Requested``
message; the owner saves and shows the rows again.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.message import Message

from wijksessie.i18n import _
from wijksessie.ui.read_only import LooksOnly

ENTITY_BINDINGS = [
    Binding("a,insert", "request('add')", _("Toevoegen"), id="table.add"),
    Binding("e,enter", "request('edit')", _("Bewerken"), id="table.edit"),
    Binding("delete,x", "request('delete')", _("Verwijderen"), id="table.delete"),
]
"""The widget's ``BINDINGS`` (Textual reads them only from widget classes, not from a mixin)."""


class EntityKeys(LooksOnly):
    """Mixin for a list widget whose keys ask the owner to add, edit or delete the row's
    entity; the widget says which entity is under the cursor (``current_id``)."""

    EDITS = frozenset({"request"})

    class Requested(Message):
        """The user asked to add, edit or delete (``entity_id`` is empty for add).

        Each list has its own subclass, so a handler names the kind of list it listens to.
        """

        def __init__(self, source: Any, action: str, entity_id: str) -> None:
            super().__init__()
            self.source = source
            self.action = action
            self.entity_id = entity_id

        @property
        def control(self) -> Any:
            return self.source

    def current_id(self) -> str:
        """The id of the entity under the cursor."""
        raise NotImplementedError

    def action_request(self, action: str) -> None:
        entity_id = ""
        if action != "add":
            if self.row_count == 0:  # type: ignore[attr-defined]
                self.notify(_("Er is nog niets om te kiezen."), severity="warning")  # type: ignore[attr-defined]
                return
            entity_id = self.current_id()
        self.post_message(self.Requested(self, action, entity_id))  # type: ignore[attr-defined]
