"""``SessionStore``: the one service screens call to read and change a session.

Every change is validated, applied to the in-memory TinyDB and written to disk at once
(autosave): there is no "save" to forget. While a session is open for editing it holds an
exclusive lock, so a second instance of the app cannot overwrite it.

Every change is also remembered as a step that ``undo`` and ``redo`` can replay. A step keeps
only the documents it touched (before and after), never a copy of the whole file, so a long
session with a large file stays cheap. The history lives as long as the store is open: a
reopened session starts with an empty one.
"""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Document, Table

import wijksessie
from wijksessie.domain.codec import from_dict, to_dict
from wijksessie.domain.model import (
    KIND_NOUNS,
    Agreement,
    Commitment,
    Connection,
    Goal,
    Initiative,
    Network,
    Organisation,
    ParkingItem,
    Participant,
    ResidentQuestion,
    Session,
)
from wijksessie.domain.tidy import DROPPED_DEEP, Fix, depth_over, tidy
from wijksessie.domain.validation import validate
from wijksessie.errors import (
    NotFoundError,
    ReadOnlyError,
    SaveError,
    SessionFileError,
    SessionLockedError,
)
from wijksessie.i18n import N_, _, ngettext
from wijksessie.store import os_errors
from wijksessie.store.lock import FileLock, LockHeld
from wijksessie.store.migrations import APP_MARK, SCHEMA_VERSION, migrate, session_doc
from wijksessie.store.reading import NOT_JSON, UnreadableFile, read_json
from wijksessie.store.storage import AtomicJSONStorage

E = TypeVar("E")

UNDO_DEPTH = 200
"""How many steps ``undo`` can go back; older ones are forgotten."""

SESSION_TABLE = "session"
TABLES: dict[type, str] = {
    ResidentQuestion: "resident_questions",
    Organisation: "organisations",
    Participant: "participants",
    Initiative: "initiatives",
    Connection: "connections",
    Goal: "goals",
    Agreement: "agreements",
    Commitment: "commitments",
    ParkingItem: "parking",
}


LABEL_LENGTH = 40

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "toegevoegd": (N_("{noun} ‘{label}’ toegevoegd"), N_("{noun} toegevoegd")),
    "gewijzigd": (N_("{noun} ‘{label}’ gewijzigd"), N_("{noun} gewijzigd")),
    "verwijderd": (N_("{noun} ‘{label}’ verwijderd"), N_("{noun} verwijderd")),
}
"""The undo step's name per verb ``describe`` knows (the verb is the Dutch key), with and
without a label, so that each language can put the words in its own order."""
_OTHER_NOUN = N_("item")


@dataclass(frozen=True)
class Change:
    """One document as it was and as it became; ``None`` means it was not there."""

    table: str
    entity_id: str | None
    """The entity's id, or ``None`` for the session's own document."""
    doc_id: int
    position: int
    """Where the document stands in its table, so an undone removal comes back in place."""
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    description: str


@dataclass(frozen=True)
class Step:
    """What one ``undo`` takes back: a single change, or every change of one ``batch``."""

    description: str
    changes: tuple[Change, ...]


def lock_path(path: Path) -> Path:
    """The hidden lock file beside a session file."""
    return path.with_name(f".{path.name}.lock")


def read_session_file(path: Path) -> dict[str, Any]:
    """The parsed, migrated contents of a session file; ``SessionFileError`` when unusable."""
    return load_session_file(path)[0]


def load_session_file(path: Path) -> tuple[dict[str, Any], list[Fix]]:
    """The parsed, migrated contents of a session file, brought within the rules of typing
    (``domain.tidy``), and what that changed; ``SessionFileError`` when unusable.

    A FIFO, a device, a huge or a very deeply nested file is refused without hanging or
    crashing (``store.reading``).
    """
    try:
        data = read_json(path)
    except FileNotFoundError:
        raise SessionFileError(_("Sessiebestand niet gevonden: {path}").format(path=path)) from None
    except IsADirectoryError:
        raise SessionFileError(
            _("{path} is een map, geen sessiebestand.").format(path=path)
        ) from None
    except UnreadableFile as error:
        if error.reason == NOT_JSON:
            message = _("{name} is beschadigd: geen geldige JSON.").format(name=path.name)
        else:
            reason = f"{_(error.reason)} ({error.detail})" if error.detail else _(error.reason)
            message = _("{name} is niet te lezen: {error}").format(name=path.name, error=reason)
        raise SessionFileError(message) from None
    try:
        session_doc(data)
    except SessionFileError:
        raise SessionFileError(
            _("{name} is geen wijksessie-bestand.").format(name=path.name)
        ) from None
    data = migrate(data, path.name)
    return data, tidy_data(data)


def tidy_data(data: dict[str, Any]) -> list[Fix]:
    """Apply ``domain.tidy`` to every document of a session file's data, in place."""
    fixes = tidy(Session, session_doc(data))
    for name in data.keys() - {SESSION_TABLE, *TABLES.values()}:
        if depth_over(data[name]):
            del data[name]  # a table this version does not know, nested beyond reason
            fixes.append(Fix(Session, name, DROPPED_DEEP))
    for kind, table_name in TABLES.items():
        table = data.get(table_name)
        if isinstance(table, dict):
            for doc in table.values():
                fixes += tidy(kind, doc)
    return fixes


class SessionStore:
    """Read and change one session; every change is saved before the call returns."""

    def __init__(
        self,
        storage: Storage,
        *,
        path: Path | None = None,
        lock: FileLock | None = None,
        read_only: bool = False,
        undo_depth: int = UNDO_DEPTH,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._storage = storage
        self._lock = lock
        self._db = TinyDB(storage=lambda: storage)
        self._doc_ids: dict[str, dict[str, int]] = {}
        self._decoded: dict[str, tuple[dict[str, Any], list[Any], dict[str, tuple[Any, Any]]]]
        self._decoded = {}
        """Per table: the stored dict a list of entities was decoded from, that list, and per
        document key the document and its entity."""
        self._changed_in_place: dict[str, set[str]] = {}
        """Per table, the keys of documents TinyDB updated in place since it was decoded."""
        self._undo: deque[Step] = deque(maxlen=undo_depth)
        self._redo: list[Step] = []
        self._pending: list[Change] | None = None
        self.load_fixes: list[Fix] = []
        """What loading changed to bring the file within the rules (``domain.tidy``); kept in
        memory only, and saved with the next change."""
        self._check_and_index()

    # -- opening and closing ------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> SessionStore:
        """Open a session file, locked for editing unless ``read_only``."""
        path = Path(path)
        if not path.parent.is_dir():  # before locking: the lock file would create the folder
            raise SessionFileError(_("Sessiebestand niet gevonden: {path}").format(path=path))
        lock = None if read_only else cls.acquire_lock(path)
        try:
            data, fixes = load_session_file(path)
            storage = AtomicJSONStorage(path, data, read_only=read_only)
            store = cls(storage, path=path, lock=lock, read_only=read_only)
            store.load_fixes = fixes
            return store
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def create(cls, path: Path, session: Session) -> SessionStore:
        """Write a new session file at ``path`` (which must not exist) and open it."""
        validate(session)
        path = Path(path)
        lock = cls.acquire_lock(path)
        try:
            if path.exists():
                raise SessionFileError(_("{name} bestaat al.").format(name=path.name))
            storage = AtomicJSONStorage(path, new_file_data(session))
            storage.unsaved = True
            storage.flush()
            return cls(storage, path=path, lock=lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def in_memory(cls, session: Session) -> SessionStore:
        """A store that keeps everything in memory, for tests and previews."""
        storage = MemoryStorage()
        storage.write(new_file_data(session))
        return cls(storage)

    @staticmethod
    def acquire_lock(path: Path) -> FileLock:
        """The session's exclusive lock, or ``SessionLockedError`` when another window has it."""
        try:
            return FileLock.acquire(lock_path(path))
        except LockHeld:
            raise SessionLockedError(
                _(
                    "{name} is al geopend in een ander venster van wijksessie. Sluit dat eerst, "
                    "of open deze sessie alleen-lezen (wijksessie view)."
                ).format(name=path.name)
            ) from None
        except OSError as error:
            message = _("Kan {name} niet vergrendelen: {error}.").format(
                name=path.name, error=os_errors.reason(error)
            )
            if os_errors.is_read_only(error):
                message += " " + _(
                    "Bekijk de sessie alleen-lezen (wijksessie view), of kopieer hem naar een "
                    "map waarin u mag schrijven."
                )
            raise SessionFileError(message) from None

    def close(self) -> None:
        """Write anything unsaved and release the lock."""
        try:
            self.flush()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def flush(self) -> None:
        """Retry writing changes a failed save kept in memory; ``SaveError`` if it fails again."""
        if isinstance(self._storage, AtomicJSONStorage) and not self.read_only:
            self._storage.flush()

    @contextmanager
    def batch(self, description: str | None = None) -> Iterator[None]:
        """Many changes, one save: they reach the disk together, or none of them does.

        When a change inside fails (a rule is broken), everything done in the batch is
        undone in memory too, so the session is as it was before. The whole batch is one
        ``undo`` step, named ``description`` (by default the single change's own name, or
        "3 wijzigingen"). A batch inside a batch joins the outer one.
        """
        if self._pending is not None:
            yield
            return
        with self._transaction() as changes:
            yield
        self._push(changes, description)
        self.flush()

    @contextmanager
    def _transaction(self) -> Iterator[list[Change]]:
        """Collect the changes made inside, hold them in memory, and revert them on an error.

        The caller saves (``flush``) afterwards, so the changes cost one write.
        """
        storage = self._storage
        deferring = isinstance(storage, AtomicJSONStorage)
        was_deferred = deferring and storage.deferred
        was_unsaved = self.unsaved
        changes: list[Change] = []
        self._pending = changes
        if deferring:
            storage.deferred = True
        try:
            yield changes
        except BaseException:
            self._pending = None
            self._revert(changes)
            if deferring:
                storage.unsaved = was_unsaved
            raise
        finally:
            self._pending = None
            if deferring:
                storage.deferred = was_deferred

    def _revert(self, changes: list[Change]) -> None:
        for change in reversed(changes):
            self._put(change, change.before)
        self._clear_caches()
        self._index()

    def _clear_caches(self) -> None:
        self._db.clear_cache()
        for table_name in (SESSION_TABLE, *TABLES.values()):
            self._db.table(table_name, cache_size=0).clear_cache()

    @property
    def unsaved(self) -> bool:
        """True while a change is held in memory because saving it failed."""
        return bool(getattr(self._storage, "unsaved", False))

    # -- the session itself -------------------------------------------------------------

    @property
    def session(self) -> Session:
        """The session's own fields (title, wijk, date, agenda, ...)."""
        return from_dict(Session, self._session_table().get(doc_id=1))

    def save_session(self, session: Session, *, description: str | None = None) -> None:
        """Replace the session's own fields.

        Saving what is already stored writes nothing, so the agenda clock can persist as often
        as it likes. Time spent on the agenda is not an edit: a change of ``spent_seconds`` alone
        is saved but not made an undo step, and undoing other session edits keeps the time.
        """
        validate(session)
        table = self._session_table()
        before = self._document(SESSION_TABLE, 1)
        after = {**before, **to_dict(session)} if before is not None else to_dict(session)
        if after == before:
            self._unchanged()
            return
        text = description or _("sessiegegevens gewijzigd")
        with self._writing(table, lambda: Change(SESSION_TABLE, None, 1, 0, before, after, text)):
            self._in_place(SESSION_TABLE, 1)
            table.update(to_dict(session), doc_ids=[1])

    # -- entities -----------------------------------------------------------------------

    def all(self, kind: type[E]) -> list[E]:
        """Every entity of one kind, in the order they were added.

        A kind is decoded once per change of its table, not once per call: TinyDB replaces a
        table's dict whenever it writes to it, so the dict held in memory tells whether the
        decoded list is still current. Within a changed table only the new documents and the
        ones updated in place (which this store notes in ``_changed_in_place``: TinyDB updates
        a document dict in place) are decoded again: adding the thousand-and-first commitment
        decodes one commitment, not a thousand (5 ms). The entities are shared between calls:
        change them with ``dataclasses.replace`` and ``update``, never in place.
        """
        name = TABLES[kind]
        raw = self._raw_table(name)
        cached = self._decoded.get(name)
        if cached is None or cached[0] is not raw:
            known = cached[2] if cached is not None else {}
            changed = self._changed_in_place.pop(name, set())
            pairs: dict[str, tuple[Any, Any]] = {}
            for key, doc in raw.items():
                pair = known.get(key)
                if pair is None or pair[0] is not doc or key in changed:
                    pair = (doc, from_dict(kind, doc))
                pairs[key] = pair
            cached = (raw, [entity for _doc, entity in pairs.values()], pairs)
            self._decoded[name] = cached
        return list(cached[1])

    def _siblings(self, kind: type) -> Iterator[SimpleNamespace]:
        """The stored documents of one kind as light objects, for the duplicate check.

        Only the identifying fields are read, so nothing is decoded into an entity: adding the
        three-hundredth participant costs about what adding the first did. Kinds without a
        duplicate rule never even iterate. The documents are read where TinyDB keeps them:
        its ``Table.all()`` copies each one into a ``Document`` first, under a millisecond for
        a thousand commitments (about 0.6 ms) but on every add.
        """
        return (SimpleNamespace(**doc) for doc in self._raw_table(TABLES[kind]).values())

    def get(self, kind: type[E], entity_id: str) -> E:
        """One entity by id; ``NotFoundError`` if there is none."""
        doc_id = self._doc_ids[TABLES[kind]].get(entity_id)
        doc = self._table(kind).get(doc_id=doc_id) if doc_id is not None else None
        if doc is None:
            raise NotFoundError(_("Niet gevonden: {id}").format(id=entity_id))
        return from_dict(kind, doc)

    def network(self) -> Network:
        """A snapshot of the whole session, for analysis and summaries."""
        return Network(
            session=self.session,
            questions=self.all(ResidentQuestion),
            organisations=self.all(Organisation),
            participants=self.all(Participant),
            initiatives=self.all(Initiative),
            connections=self.all(Connection),
            goals=self.all(Goal),
            agreements=self.all(Agreement),
            commitments=self.all(Commitment),
            parking=self.all(ParkingItem),
        )

    def count(self, kind: type) -> int:
        """How many entities of one kind there are."""
        return len(self._doc_ids[TABLES[kind]])

    def add(self, entity: Any, *, description: str | None = None) -> None:
        """Add a new entity after checking its rules and that it is not already there.

        ``description`` names the undo step; by default "organisatie ‘Welzijn Zuid’ toegevoegd".
        """
        kind = type(entity)
        validate(entity, self._siblings(kind))
        table = self._table(kind)
        name = TABLES[kind]
        if entity.id in self._doc_ids[name]:
            raise SessionFileError(_("Dubbel id: {id}").format(id=entity.id))
        doc = to_dict(entity)
        after = copy.deepcopy(doc)
        position = len(self._raw_table(name))
        text = description or self.describe(entity, "toegevoegd")

        def change() -> Change:
            doc_id = self._doc_ids[name][entity.id]
            return Change(name, entity.id, doc_id, position, None, after, text)

        with self._writing(table, change):
            self._doc_ids[name][entity.id] = table.insert(doc)

    def update(self, entity: Any, *, description: str | None = None) -> None:
        """Replace an existing entity (matched by id) after checking its rules.

        Storing what is already stored writes nothing and is no undo step.
        """
        kind = type(entity)
        validate(entity, self._siblings(kind))
        doc_id = self._doc_id(entity)
        table = self._table(kind)
        name = TABLES[kind]
        before = self._document(name, doc_id)
        after = {**(before or {}), **to_dict(entity)}
        if after == before:
            self._unchanged()
            return
        text = description or self.describe(entity, "gewijzigd")
        with self._writing(table, lambda: Change(name, entity.id, doc_id, 0, before, after, text)):
            self._in_place(name, doc_id)
            table.update(to_dict(entity), doc_ids=[doc_id])

    def remove(self, entity: Any, *, description: str | None = None) -> None:
        """Remove an entity (matched by id)."""
        doc_id = self._doc_id(entity)
        kind = type(entity)
        table = self._table(kind)
        name = TABLES[kind]
        before = self._document(name, doc_id)
        position = list(self._raw_table(name)).index(str(doc_id))
        stored = from_dict(kind, before) if before is not None else entity
        text = description or self.describe(stored, "verwijderd")
        change = Change(name, entity.id, doc_id, position, before, None, text)
        with self._writing(table, lambda: change):
            table.remove(doc_ids=[doc_id])
        del self._doc_ids[name][entity.id]

    def describe(self, entity: Any, verb: str) -> str:
        """A short name for a change, as the undo toast shows it, in the current language.

        E.g. ``describe(org, "toegevoegd")`` gives "organisatie ‘Welzijn Zuid’ toegevoegd", or in
        English "organisation ‘Welzijn Zuid’ added". ``verb`` is one of the Dutch keys of
        ``DESCRIPTIONS``; another verb is put after the name as it is.
        """
        noun = _(KIND_NOUNS.get(type(entity), _OTHER_NOUN))
        label = _shorten(self._label(entity))
        if verb in DESCRIPTIONS:
            with_label, without = DESCRIPTIONS[verb]
            return (_(with_label) if label else _(without)).format(noun=noun, label=label)
        return f"{noun} ‘{label}’ {verb}" if label else f"{noun} {verb}"

    def _label(self, entity: Any) -> str:
        if isinstance(entity, Connection):
            names = [self._organisation_name(org_id) for org_id in (entity.org_a, entity.org_b)]
            return " – ".join(name for name in names if name)
        for attribute in ("name", "text", "what"):
            value = getattr(entity, attribute, "")
            if isinstance(value, str) and value.strip():
                return value.strip()
        return ""

    def _organisation_name(self, organisation_id: str) -> str:
        doc_id = self._doc_ids[TABLES[Organisation]].get(organisation_id)
        doc = self._document(TABLES[Organisation], doc_id) if doc_id is not None else None
        return str(doc.get("name", "")) if doc else ""

    # -- undo and redo ------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        """True when there is a step ``undo`` can take back."""
        return not self.read_only and bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """True when an undone step can be done again (no new change came since)."""
        return not self.read_only and bool(self._redo)

    @property
    def undo_description(self) -> str | None:
        """What ``undo`` would take back, e.g. for a menu entry; ``None`` if nothing."""
        return self._undo[-1].description if self.can_undo else None

    @property
    def redo_description(self) -> str | None:
        """What ``redo`` would do again; ``None`` if nothing."""
        return self._redo[-1].description if self.can_redo else None

    def undo(self) -> str | None:
        """Take back the last step and save; returns its description, ``None`` if none.

        Like any change, it is saved at once in one atomic write. When that save fails the
        step is still undone in memory (and ``redo`` can bring it back); ``SaveError`` says so.
        """
        return self._replay(self._undo, self._redo, backwards=True)

    def redo(self) -> str | None:
        """Do the last undone step again and save; returns its description, ``None`` if none."""
        return self._replay(self._redo, self._undo, backwards=False)

    def _replay(self, source: Any, target: Any, *, backwards: bool) -> str | None:
        self._refuse_if_read_only()
        if self._pending is not None:
            raise RuntimeError("undo and redo cannot run inside a batch")
        if not source:
            return None
        step = source[-1]
        changes = reversed(step.changes) if backwards else step.changes
        with self._transaction() as done:
            for change in changes:
                wanted = change.before if backwards else change.after
                done.append(self._restore(change, wanted))
        target.append(source.pop())
        self.flush()
        return step.description

    def _restore(self, change: Change, wanted: dict[str, Any] | None) -> Change:
        """Put one document back as ``wanted``; returns what was done, for a rollback."""
        doc_id = self._locate(change)
        current = self._document(change.table, doc_id) if doc_id is not None else None
        if wanted is not None and current is not None and change.table == SESSION_TABLE:
            wanted = _keep_time_spent(wanted, current)
        self._put(change, wanted)
        return Change(
            change.table,
            change.entity_id,
            change.doc_id,
            change.position,
            current,
            wanted,
            change.description,
        )

    def _push(self, changes: list[Change], description: str | None) -> None:
        """Remember the changes as one undo step; a new step forgets what could be redone."""
        edits = [change for change in changes if _is_edit(change)]
        if not edits:
            return
        if description is None:
            count = len(edits)
            description = (
                edits[0].description
                if count == 1
                else ngettext("{n} wijziging", "{n} wijzigingen", count).format(n=count)
            )
        self._undo.append(Step(description, tuple(edits)))
        self._redo.clear()

    def _put(self, change: Change, wanted: dict[str, Any] | None) -> None:
        """Make the changed document ``wanted``: remove, replace or re-insert it in place."""
        table = self._db.table(change.table, cache_size=0)
        doc_id = self._locate(change)
        ids = self._doc_ids.get(change.table)
        if wanted is None:
            if doc_id is not None:
                table.remove(doc_ids=[doc_id])
                if ids is not None and change.entity_id is not None:
                    ids.pop(change.entity_id, None)
            return
        document = copy.deepcopy(wanted)
        if doc_id is not None:
            self._in_place(change.table, doc_id)
            table.update(_replace_with(document), doc_ids=[doc_id])
            return
        if table.contains(doc_id=change.doc_id):
            doc_id = table.insert(document)
        else:
            doc_id = table.insert(Document(document, doc_id=change.doc_id))
        self._move(change.table, doc_id, change.position)
        if ids is not None and change.entity_id is not None:
            ids[change.entity_id] = doc_id

    def _locate(self, change: Change) -> int | None:
        if change.entity_id is None:
            return change.doc_id
        return self._doc_ids[change.table].get(change.entity_id)

    def _move(self, table_name: str, doc_id: int, position: int) -> None:
        """Put a re-inserted document back at ``position`` in its table's order."""
        data = self._storage.read() or {}
        docs = data.get(table_name, {})
        key = str(doc_id)
        order = [name for name in docs if name != key]
        if position >= len(order):
            return
        order.insert(position, key)
        data[table_name] = {name: docs[name] for name in order}
        self._storage.write(data)

    # -- internals ----------------------------------------------------------------------

    def _in_place(self, table_name: str, doc_id: int) -> None:
        """TinyDB is about to update this document's dict in place (it does for ``update``).

        The caches keyed on a document dict's identity (the decoded entities here, each
        document's line of JSON in the storage) must encode or decode it again: every in-place
        update goes through here, and a randomised test checks both caches after each kind of
        change.
        """
        key = str(doc_id)
        self._changed_in_place.setdefault(table_name, set()).add(key)
        if isinstance(self._storage, AtomicJSONStorage):
            self._storage.changed_in_place(table_name, key)

    def _table(self, kind: type) -> Table:
        try:
            return self._db.table(TABLES[kind], cache_size=0)
        except KeyError:
            raise TypeError(f"Geen opslag voor {kind.__name__}") from None

    def _session_table(self) -> Table:
        return self._db.table(SESSION_TABLE, cache_size=0)

    def _doc_id(self, entity: Any) -> int:
        doc_id = self._doc_ids[TABLES[type(entity)]].get(entity.id)
        if doc_id is None:
            raise NotFoundError(_("Niet gevonden: {id}").format(id=entity.id))
        return doc_id

    def _raw_table(self, table_name: str) -> dict[str, Any]:
        return (self._storage.read() or {}).get(table_name, {})

    def _document(self, table_name: str, doc_id: int) -> dict[str, Any] | None:
        """A private copy of one stored document, safe to keep in the history."""
        doc = self._raw_table(table_name).get(str(doc_id))
        return copy.deepcopy(doc) if doc is not None else None

    def _unchanged(self) -> None:
        """A change to what is already stored: no write, no step, but still no read-only pass.

        A save an earlier failure kept in memory is retried, as a real change would, unless a
        batch is collecting changes for its own single save.
        """
        self._refuse_if_read_only()
        if self._pending is None:
            self.flush()

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise ReadOnlyError(_("Deze sessie is alleen-lezen geopend; wijzigen kan hier niet."))

    @contextmanager
    def _writing(self, table: Table, change: Callable[[], Change]) -> Iterator[None]:
        """Refuse on a read-only store; remember the change once it is in memory.

        A failed save still leaves the change in memory, so it is remembered then too: the
        user can undo what they see.
        """
        self._refuse_if_read_only()
        try:
            yield
        except SaveError:
            table.clear_cache()
            self._index()
            self._record(change())
            raise
        self._record(change())

    def _record(self, change: Change) -> None:
        if self._pending is not None:
            self._pending.append(change)
        else:
            self._push([change], None)

    def _index(self) -> None:
        """Map entity ids to TinyDB doc ids from the data in memory.

        After a failed save the change is in memory but the caller never got its doc id, so
        the map is rebuilt: ``get`` and ``count`` then agree with ``all``.
        """
        for table_name in TABLES.values():
            table = self._db.table(table_name, cache_size=0)
            self._doc_ids[table_name] = {doc["id"]: doc.doc_id for doc in table.all()}

    def _check_and_index(self) -> None:
        """Decode every document once, so a damaged file fails at open, not mid-session."""
        name = self.path.name if self.path else _("sessie")
        data = self._storage.read() or {}
        try:
            session_doc(data)
            from_dict(Session, self._session_table().get(doc_id=1))
            for kind, table_name in TABLES.items():
                self._doc_ids[table_name] = {}
                for doc in self._db.table(table_name, cache_size=0).all():
                    entity = from_dict(kind, doc)
                    self._doc_ids[table_name][entity.id] = doc.doc_id
        except (ValueError, TypeError, AttributeError) as error:
            raise SessionFileError(
                _("{name} is beschadigd: {error}").format(name=name, error=error)
            ) from None


def _replace_with(document: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    """A TinyDB update that replaces a document whole (``update`` with a dict only merges)."""

    def replace(stored: dict[str, Any]) -> None:
        stored.clear()
        stored.update(document)

    return replace


def _without_time(doc: dict[str, Any] | None) -> dict[str, Any] | None:
    if doc is None or "agenda" not in doc:
        return doc
    agenda = [
        {key: value for key, value in item.items() if key != "spent_seconds"}
        for item in doc["agenda"]
    ]
    return {**doc, "agenda": agenda}


def _is_edit(change: Change) -> bool:
    """False when a change only moved the agenda's clock (or changed nothing at all)."""
    if change.table != SESSION_TABLE:
        return change.before != change.after
    return _without_time(change.before) != _without_time(change.after)


def _keep_time_spent(wanted: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """``wanted`` with the time really spent per phase taken from ``current``: undo edits
    the plan, it does not turn back the clock."""
    spent = {item.get("phase"): item.get("spent_seconds", 0) for item in current.get("agenda", [])}
    agenda = [
        {**item, "spent_seconds": spent.get(item.get("phase"), item.get("spent_seconds", 0))}
        for item in wanted.get("agenda", [])
    ]
    return {**wanted, "agenda": agenda} if "agenda" in wanted else wanted


def _shorten(text: str) -> str:
    """At most ``LABEL_LENGTH`` characters, cut between words where that keeps most of it."""
    text = " ".join(text.split())
    if len(text) <= LABEL_LENGTH:
        return text
    cut = text[: LABEL_LENGTH - 1]
    head, _, _ = cut.rpartition(" ")
    return (head if len(head) > LABEL_LENGTH // 2 else cut).rstrip(" ,.;:") + "…"


def new_file_data(session: Session) -> dict[str, Any]:
    """The contents of a fresh session file: the session table and an empty table per entity."""
    doc = {"app": APP_MARK, "schema_version": SCHEMA_VERSION, "app_version": wijksessie.__version__}
    doc.update(to_dict(session))
    data: dict[str, Any] = {SESSION_TABLE: {"1": doc}}
    for table_name in TABLES.values():
        data[table_name] = {}
    return data
