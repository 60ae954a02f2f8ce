"""Import a registration list into a session: a preview first, then one batch.

``exchange.importer`` reads the file and decides what it means; this module is where that meets
the store, so the command line and the import screen apply an import the same way.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from wijksessie.domain.model import Organisation, Participant
from wijksessie.domain.text import normalise
from wijksessie.exchange.importer import (
    ImportPreview,
    ImportResult,
    plan_import,
    preview_import,
)
from wijksessie.exchange.records import parse_mapping

if TYPE_CHECKING:
    from wijksessie.exchange.tables import Progress
    from wijksessie.exchange.updates import Update
    from wijksessie.store.session_store import SessionStore

__all__ = ["ImportPreview", "ImportResult", "apply_import", "parse_mapping", "preview_import"]


def apply_import(
    store: SessionStore,
    preview: ImportPreview,
    *,
    skip_bad: bool = False,
    update: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Add what is new in one batch: one save, one undoable step, all or nothing.

    The rows are planned again against the session as it is now (``plan_import``), so a stale
    preview, or one applied twice, adds nobody twice. Refuses with ``ImportRefusedError``
    (nothing written) when there are bad rows and not ``skip_bad``, or when the file is far
    larger than a session. With ``update`` the changes to people already there
    (``--bijwerken``) go in the same batch, so the whole import is one undo step.
    """
    result = plan_import(preview, store.network(), skip_bad=skip_bad, update=update)
    entities = result.entities
    with store.batch():
        for done, entity in enumerate(entities, 1):
            store.add(entity)
            if progress:
                progress(done, len(entities))
        _apply_updates(store, result.updates, entities)
    return result


def _apply_updates(
    store: SessionStore, updates: tuple[Update, ...], added: tuple[Any, ...]
) -> None:
    """Change the known people in the batch already open, so the import stays one undo step.

    An organisation several people moved to is added once.
    """
    organisations = {normalise(e.name): e.id for e in added if isinstance(e, Organisation)}
    for item in updates:
        values = dict(item.values)
        if item.organisation is not None:
            key = normalise(item.organisation.name)
            if key not in organisations:
                store.add(item.organisation)
                organisations[key] = item.organisation.id
            values["organisation_id"] = organisations[key]
        store.update(replace(store.get(Participant, item.participant_id), **values))
