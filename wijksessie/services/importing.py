"""Import a registration list into a session: a preview first, then one batch.

``exchange.importer`` reads the file and decides what it means; this module is where that meets
the store, so the command line and the import screen apply an import the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wijksessie.exchange.importer import (
    ImportPreview,
    ImportResult,
    plan_import,
    preview_import,
)

if TYPE_CHECKING:
    from wijksessie.exchange.tables import Progress
    from wijksessie.store.session_store import SessionStore

__all__ = ["ImportPreview", "ImportResult", "apply_import", "preview_import"]


def apply_import(
    store: SessionStore,
    preview: ImportPreview,
    *,
    skip_bad: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Add what is new in one batch: one save, one undoable step, all or nothing.

    The rows are planned again against the session as it is now (``plan_import``), so a stale
    preview, or one applied twice, adds nobody twice. Refuses with ``ImportRefusedError``
    (nothing written) when there are bad rows and not ``skip_bad``, or when the file is far
    larger than a session.
    """
    result = plan_import(preview, store.network(), skip_bad=skip_bad)
    entities = result.entities
    with store.batch():
        for done, entity in enumerate(entities, 1):
            store.add(entity)
            if progress:
                progress(done, len(entities))
    return result
