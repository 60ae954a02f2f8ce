"""A list of entities with the keys of ``EntityTable`` (add, edit, delete), drawn as a ``RowList``.

Phase 1's residents' questions are the list on screen when a session opens. As an
``EntityTable`` (a ``DataTable``) the large session's forty questions took about 40 ms of CPU
to measure and draw on every open, a sixth of building the screen; this list draws only the
rows on screen, each from a few segments, and looks the same (its lines are a ``DataTable``'s,
rows that grow with their text included: see ``RowList``).
"""

from __future__ import annotations

from collections.abc import Sequence

from wijksessie.ui.widgets.entity_keys import ENTITY_BINDINGS, EntityKeys
from wijksessie.ui.widgets.row_list import RowList


class EntityList(EntityKeys, RowList):
    """Rows of entities whose keys ask the owner to add, edit or delete the row's entity.

    The owner (a phase) does the work and shows the rows again (``show``); rows are known by
    their entity's id.
    """

    BINDINGS = ENTITY_BINDINGS

    class Requested(EntityKeys.Requested):
        """A list's add, edit or delete (``EntityKeys.Requested``)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, zebra_stripes=True)
        self._ids: list[str] = []

    def show(
        self,
        labels: Sequence[str],
        rows: Sequence[tuple[str, Sequence[str]]],
        widths: Sequence[int | None] = (),
        *,
        wrap: bool = False,
    ) -> None:
        """Show ``rows`` (each an entity's id and its cells' text) under ``labels``, the cursor
        on the first row; ``widths`` and ``wrap`` as ``RowList.set_rows`` takes them."""
        self._ids = [entity_id for entity_id, _cells in rows]
        self.set_rows(labels, [cells for _id, cells in rows], widths=widths, wrap=wrap)

    def current_id(self) -> str:
        """The id of the entity under the cursor."""
        return self._ids[self.cursor_row]

    def keep_cursor_on(self, entity_id: str) -> None:
        """Move the cursor to an entity's row, if it is there, and that row into view."""
        if entity_id in self._ids:
            self.move_cursor(self._ids.index(entity_id))
