"""The session's TinyDB tables as documents: where each entity is, and putting one back.

``SessionStore`` speaks entities; underneath, each entity is a document in a TinyDB table,
found by a doc id. This module keeps the map from entity id to doc id, hands out private copies
of stored documents (for the undo history), and puts a document back as it was, in its old
place in the table's order (for undo, redo and a batch that fails halfway).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from wijksessie.domain.model import Session
from wijksessie.errors import NotFoundError, SessionFileError
from wijksessie.i18n import _
from wijksessie.store.decode_cache import DecodeCache, decode
from wijksessie.store.migrations import session_doc
from wijksessie.store.session_file import SESSION_TABLE, TABLES
from wijksessie.store.storage import AtomicJSONStorage
from wijksessie.store.undo import Change


class Documents:
    """The tables of one session's TinyDB, and which doc id holds which entity."""

    def __init__(self, storage: Storage, decoded: DecodeCache) -> None:
        self.storage = storage
        self.db = TinyDB(storage=lambda: storage)
        self.doc_ids: dict[str, dict[str, int]] = {}
        """Per table: entity id to TinyDB doc id."""
        self._decoded = decoded

    def table(self, table_name: str) -> Table:
        """One TinyDB table, without TinyDB's query cache (the store keeps its own)."""
        return self.db.table(table_name, cache_size=0)

    def table_of(self, kind: type) -> Table:
        """The table of one kind of entity."""
        try:
            return self.db.table(TABLES[kind], cache_size=0)
        except KeyError:
            raise TypeError(f"Geen opslag voor {kind.__name__}") from None

    def doc_id_of(self, entity: Any) -> int:
        """The doc id of a stored entity; ``NotFoundError`` if it is not stored."""
        doc_id = self.doc_ids[TABLES[type(entity)]].get(entity.id)
        if doc_id is None:
            raise NotFoundError(_("Niet gevonden: {id}").format(id=entity.id))
        return doc_id

    def raw(self, table_name: str) -> dict[str, Any]:
        """A table as stored: doc id (a string) to document. Never change it."""
        return (self.storage.read() or {}).get(table_name, {})

    def copy_of(self, table_name: str, doc_id: int) -> dict[str, Any] | None:
        """A private copy of one stored document, safe to keep in the history."""
        doc = self.raw(table_name).get(str(doc_id))
        return copy.deepcopy(doc) if doc is not None else None

    def in_place(self, table_name: str, doc_id: int) -> None:
        """TinyDB is about to update this document's dict in place (it does for ``update``).

        The caches keyed on a document dict's identity (the decoded entities, each
        document's line of JSON in the storage) must encode or decode it again: every in-place
        update goes through here, and a randomised test checks both caches after each kind of
        change.
        """
        key = str(doc_id)
        self._decoded.changed_in_place(table_name, key)
        if isinstance(self.storage, AtomicJSONStorage):
            self.storage.changed_in_place(table_name, key)

    def clear_caches(self) -> None:
        """Forget what TinyDB cached (after documents were put back behind its back)."""
        self.db.clear_cache()
        for table_name in (SESSION_TABLE, *TABLES.values()):
            self.table(table_name).clear_cache()

    def index(self) -> None:
        """Map entity ids to TinyDB doc ids from the data in memory.

        After a failed save the change is in memory but the caller never got its doc id, so
        the map is rebuilt: ``get`` and ``count`` then agree with ``all``.
        """
        for table_name in TABLES.values():
            self.doc_ids[table_name] = {
                doc["id"]: doc.doc_id for doc in self.table(table_name).all()
            }

    def check_and_index(self, name: str, *, clean: bool = False) -> None:
        """Decode every document once, so a damaged file (``name``) fails at open, not later.

        The documents are decoded into the store's ``DecodeCache``, from the stored dicts, so
        the first lists shown use these entities instead of decoding the session a second
        time (a large session was decoded twice on its way to the screen, issue 20).

        A ``clean`` file (``store.clean_read``) is known to decode, so only its ids are
        indexed, and each kind is decoded when first asked for: phase 1 of the large
        benchmark session needs its 40 questions, not its 2,152 documents (8 ms).
        """
        data = self.storage.read() or {}
        if clean:
            self._decoded.clean(set(TABLES.values()))
        try:
            session_doc(data)
            decode(Session, None, self.table(SESSION_TABLE).get(doc_id=1))
            for kind, table_name in TABLES.items():
                raw = self.raw(table_name)
                if clean:
                    self.doc_ids[table_name] = {doc["id"]: int(key) for key, doc in raw.items()}
                    continue
                entities = self._decoded.entities(table_name, kind, raw)
                self.doc_ids[table_name] = {
                    entity.id: int(key) for key, entity in zip(raw, entities, strict=True)
                }
        except (ValueError, TypeError, AttributeError) as error:
            raise SessionFileError(
                _("{name} is beschadigd: {error}").format(name=name, error=error)
            ) from None

    # -- putting a document back ----------------------------------------------------------

    def locate(self, change: Change) -> int | None:
        """The doc id the changed document has now; ``None`` if it is not there."""
        if change.entity_id is None:
            return change.doc_id
        return self.doc_ids[change.table].get(change.entity_id)

    def put(self, change: Change, wanted: dict[str, Any] | None) -> None:
        """Make the changed document ``wanted``: remove, replace or re-insert it in place."""
        table = self.table(change.table)
        doc_id = self.locate(change)
        ids = self.doc_ids.get(change.table)
        if wanted is None:
            if doc_id is not None:
                table.remove(doc_ids=[doc_id])
                if ids is not None and change.entity_id is not None:
                    ids.pop(change.entity_id, None)
            return
        document = copy.deepcopy(wanted)
        if doc_id is not None:
            self.in_place(change.table, doc_id)
            table.update(_replace_with(document), doc_ids=[doc_id])
            return
        if table.contains(doc_id=change.doc_id):
            doc_id = table.insert(document)
        else:
            doc_id = table.insert(Document(document, doc_id=change.doc_id))
        self._move(change.table, doc_id, change.position)
        if ids is not None and change.entity_id is not None:
            ids[change.entity_id] = doc_id

    def _move(self, table_name: str, doc_id: int, position: int) -> None:
        """Put a re-inserted document back at ``position`` in its table's order."""
        data = self.storage.read() or {}
        docs = data.get(table_name, {})
        key = str(doc_id)
        order = [name for name in docs if name != key]
        if position >= len(order):
            return
        order.insert(position, key)
        data[table_name] = {name: docs[name] for name in order}
        self.storage.write(data)


def _replace_with(document: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    """A TinyDB update that replaces a document whole (``update`` with a dict only merges)."""

    def replace(stored: dict[str, Any]) -> None:
        stored.clear()
        stored.update(document)

    return replace
