"""``SessionStore``: the one service screens call to read and change a session.

Every change is validated, applied to the in-memory TinyDB and written to disk at once
(autosave): there is no "save" to forget. While a session is open for editing it holds an
exclusive lock, so a second instance of the app cannot overwrite it.

Every change is also remembered as a step that ``undo`` and ``redo`` can replay (the history
and what counts as an edit: ``undo``; the names of the steps: ``descriptions``). Lists of
entities are decoded once per change of their table (``decode_cache``); the TinyDB documents
underneath, and putting one back in place, are ``documents``; the file as a whole (reading,
locking, a fresh file) is ``session_file``. This module is the facade over those, and the
transactions that tie a change, its undo step and its save together.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import functools
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Table

from wijksessie.domain.codec import from_dict, to_dict
from wijksessie.domain.model import (
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
from wijksessie.domain.tidy import Fix
from wijksessie.domain.validation import validate
from wijksessie.errors import (
    NotFoundError,
    ReadOnlyError,
    SaveError,
    SessionFileError,
)
from wijksessie.i18n import _
from wijksessie.store.decode_cache import DecodeCache
from wijksessie.store.descriptions import describe
from wijksessie.store.documents import Documents
from wijksessie.store.emergency import emergency_path
from wijksessie.store.lock import FileLock
from wijksessie.store.repair import repair_ids
from wijksessie.store.session_file import (
    LOCK_FILE_ITSELF,
    SESSION_TABLE,
    TABLES,
    acquire_lock,
    lock_path,
    new_file_data,
    read_session,
    read_session_file,
    real_path,
    remove_stale_temp_files,
)
from wijksessie.store.storage import AtomicJSONStorage, atomic_write_bytes, dumps
from wijksessie.store.undo import UNDO_DEPTH, Change, History, keep_time_spent

__all__ = [
    "SESSION_TABLE",
    "TABLES",
    "UNDO_DEPTH",
    "SessionStore",
    "lock_path",
    "new_file_data",
    "read_session_file",
]

E = TypeVar("E")


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
        clean: bool = False,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._storage = storage
        self._lock = lock
        self._decoded = DecodeCache()
        self._docs = Documents(storage, self._decoded)
        self._history = History(undo_depth)
        self._pending: list[Change] | None = None
        self.repairs: list[str] = []
        """What opening repaired in the file (missing or duplicate ids), for the app to show."""
        self.load_fixes: list[Fix] = []
        """What loading changed to bring the file within the rules (``domain.tidy``); kept in
        memory only, and saved with the next change."""
        self._docs.check_and_index(path.name if path is not None else _("sessie"), clean=clean)

    # -- opening and closing ------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> SessionStore:
        """Open a session file, locked for editing unless ``read_only``.

        A symbolic link is followed: the file it points to is locked and saved. A failed open
        leaves no lock file it made behind (issue 19.12); an open for editing removes the temp
        files a killed save of this session left (issue 19.8).
        """
        path = real_path(Path(path))
        if not path.parent.is_dir():  # before locking: the lock file would create the folder
            raise SessionFileError(_("Sessiebestand niet gevonden: {path}").format(path=path))
        made_lock = not read_only and not os.path.lexists(lock_path(path))
        lock = None if read_only else cls.acquire_lock(path)
        read = None
        try:
            read = read_session(path, lock=not read_only)
            repairs = repair_ids(read.data, TABLES)
            storage = AtomicJSONStorage(path, read.data, read_only=read_only)
            storage.watch(read.state, read.identity, lock_itself=read.identity is not None)
            store = cls(storage, path=path, lock=lock, read_only=read_only, clean=read.clean)
            store.load_fixes = read.fixes
        except BaseException:
            if read is not None and read.identity is not None:
                read.identity.release()
            if lock is not None:
                if made_lock:
                    with contextlib.suppress(OSError):
                        lock_path(path).unlink()
                lock.release()
            raise
        if not read_only:
            remove_stale_temp_files(path)
        if repairs:
            store.repairs = [*repairs, store._save_repairs()]
        return store

    def reread(self) -> None:
        """Read the file again, as another window saved it (a read-only store that follows it).

        The file is read whole into a fresh store first, exactly as a read-only ``open`` reads
        it (no lock, nothing written); only when that succeeds does this store take its data.
        A damaged, foreign or missing file raises ``SessionFileError`` and leaves this store as
        it was, so a wall that follows a session keeps its last good picture.
        """
        if not self.read_only or self.path is None:
            raise RuntimeError("only a read-only store of a file follows it")
        fresh = SessionStore.open(self.path, read_only=True)
        self._storage, self._decoded, self._docs = fresh._storage, fresh._decoded, fresh._docs
        self.load_fixes = fresh.load_fixes
        self.repairs = fresh.repairs

    def _save_repairs(self) -> str:
        """Save the ids repaired at open, once; says whether they were saved."""
        if self.read_only:
            return _("Dit is hersteld in dit venster, niet opgeslagen (alleen-lezen).")
        self._storage.unsaved = True  # type: ignore[attr-defined]
        try:
            self.flush()
        except SaveError as error:
            return str(error)
        return _("Dit is hersteld en opgeslagen.")

    @classmethod
    def create(cls, path: Path, session: Session) -> SessionStore:
        """Write a new session file at ``path`` (which must not exist) and open it."""
        validate(session)
        path = Path(path)
        lock = cls.acquire_lock(path)
        try:
            if os.path.lexists(path):
                raise SessionFileError(_("{name} bestaat al.").format(name=path.name))
            storage = AtomicJSONStorage(path, new_file_data(session))
            storage.watch(None, lock_itself=LOCK_FILE_ITSELF)
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
        return acquire_lock(path)

    def close(self) -> None:
        """Write anything unsaved and release the locks.

        When that last save fails the changes are gone with the store, and the ``SaveError``
        says so: ``unsaved`` tells a caller to offer ``save_emergency_copy`` first.
        """
        try:
            self.flush()
        except SaveError:
            name = self.path.name if self.path is not None else _("sessie")
            raise SaveError(
                _(
                    "De laatste wijzigingen in {name} zijn niet opgeslagen: opslaan lukte niet "
                    "bij het sluiten."
                ).format(name=name)
            ) from None
        finally:
            if isinstance(self._storage, AtomicJSONStorage):
                self._storage.release()
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def close_without_saving(self) -> None:
        """Close, letting go of changes a failed save kept in memory (the user chose so)."""
        if isinstance(self._storage, AtomicJSONStorage):
            self._storage.unsaved = False
        self.close()

    def save_emergency_copy(self) -> Path:
        """Write the session as it is in memory to a new file in the emergency folder.

        For when it cannot be saved in its own place (``unsaved``); the session file itself is
        not touched. Returns the copy's path; ``SaveError`` when that fails too.
        """
        target = emergency_path(self.path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, dumps(self._storage.read() or {}))
        except OSError as error:
            raise SaveError(
                _("Ook een noodkopie in {folder} lukte niet ({reason}).").format(
                    folder=target.parent, reason=error.strerror or error
                )
            ) from error
        return target

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
        self._history.push(changes, description)
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
            self._docs.put(change, change.before)
        self._docs.clear_caches()
        self._docs.index()

    @property
    def unsaved(self) -> bool:
        """True while a change is held in memory because saving it failed."""
        return bool(getattr(self._storage, "unsaved", False))

    # -- the session itself -------------------------------------------------------------

    @property
    def session(self) -> Session:
        """The session's own fields (title, wijk, date, agenda, ...)."""
        return from_dict(Session, self._docs.table(SESSION_TABLE).get(doc_id=1))

    def save_session(self, session: Session, *, description: str | None = None) -> None:
        """Replace the session's own fields.

        Saving what is already stored writes nothing, so the agenda clock can persist as often
        as it likes. Time spent on the agenda is not an edit: a change of ``spent_seconds`` alone
        is saved but not made an undo step, and undoing other session edits keeps the time.
        """
        validate(session)
        table = self._docs.table(SESSION_TABLE)
        before = self._docs.copy_of(SESSION_TABLE, 1)
        fields = to_dict(session)
        if before is not None:
            # A field newer than the file (the voting round) is not written while it is empty:
            # saving the clock of an older file must not change it.
            fields = {key: value for key, value in fields.items() if key in before or value}
        after = {**before, **fields} if before is not None else fields
        if after == before:
            self._unchanged()
            return
        text = description or _("sessiegegevens gewijzigd")
        with self._writing(table, lambda: Change(SESSION_TABLE, None, 1, 0, before, after, text)):
            self._docs.in_place(SESSION_TABLE, 1)
            table.update(fields, doc_ids=[1])

    # -- entities -----------------------------------------------------------------------

    def all(self, kind: type[E]) -> list[E]:
        """Every entity of one kind, in the order they were added.

        A kind is decoded once per change of its table, and within a changed table only the
        new documents and the ones updated in place (see ``decode_cache``): adding the
        thousand-and-first commitment decodes one commitment, not a thousand (5 ms). The
        entities are shared between calls: change them with ``dataclasses.replace`` and
        ``update``, never in place.
        """
        name = TABLES[kind]
        return self._decoded.entities(name, kind, self._docs.raw(name))

    def _siblings(self, kind: type) -> Iterator[SimpleNamespace]:
        """The stored documents of one kind as light objects, for the duplicate check.

        Only the identifying fields are read, so nothing is decoded into an entity: adding the
        three-hundredth participant costs about what adding the first did. Kinds without a
        duplicate rule never even iterate. The documents are read where TinyDB keeps them:
        its ``Table.all()`` copies each one into a ``Document`` first, under a millisecond for
        a thousand commitments (about 0.6 ms) but on every add. A field a hand-edited file
        left out reads as its default, as it does when the document is decoded.
        """
        defaults = _defaults(kind)
        return (
            SimpleNamespace(**{**defaults, **doc}) for doc in self._docs.raw(TABLES[kind]).values()
        )

    def get(self, kind: type[E], entity_id: str) -> E:
        """One entity by id; ``NotFoundError`` if there is none."""
        doc_id = self._docs.doc_ids[TABLES[kind]].get(entity_id)
        doc = self._docs.table_of(kind).get(doc_id=doc_id) if doc_id is not None else None
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
        return len(self._docs.doc_ids[TABLES[kind]])

    def add(self, entity: Any, *, description: str | None = None) -> None:
        """Add a new entity after checking its rules and that it is not already there.

        ``description`` names the undo step; by default "organisatie ‘Welzijn Zuid’ toegevoegd".
        """
        kind = type(entity)
        validate(entity, self._siblings(kind))
        table = self._docs.table_of(kind)
        name = TABLES[kind]
        if entity.id in self._docs.doc_ids[name]:
            raise SessionFileError(_("Dubbel id: {id}").format(id=entity.id))
        doc = to_dict(entity)
        after = copy.deepcopy(doc)
        position = len(self._docs.raw(name))
        text = description or self.describe(entity, "toegevoegd")

        def change() -> Change:
            doc_id = self._docs.doc_ids[name][entity.id]
            return Change(name, entity.id, doc_id, position, None, after, text)

        with self._writing(table, change):
            self._docs.doc_ids[name][entity.id] = table.insert(doc)

    def update(self, entity: Any, *, description: str | None = None) -> None:
        """Replace an existing entity (matched by id) after checking its rules.

        Storing what is already stored writes nothing and is no undo step.
        """
        kind = type(entity)
        validate(entity, self._siblings(kind))
        doc_id = self._docs.doc_id_of(entity)
        table = self._docs.table_of(kind)
        name = TABLES[kind]
        before = self._docs.copy_of(name, doc_id)
        after = {**(before or {}), **to_dict(entity)}
        if after == before:
            self._unchanged()
            return
        text = description or self.describe(entity, "gewijzigd")
        with self._writing(table, lambda: Change(name, entity.id, doc_id, 0, before, after, text)):
            self._docs.in_place(name, doc_id)
            table.update(to_dict(entity), doc_ids=[doc_id])

    def remove(self, entity: Any, *, description: str | None = None) -> None:
        """Remove an entity (matched by id)."""
        doc_id = self._docs.doc_id_of(entity)
        kind = type(entity)
        table = self._docs.table_of(kind)
        name = TABLES[kind]
        before = self._docs.copy_of(name, doc_id)
        position = list(self._docs.raw(name)).index(str(doc_id))
        stored = from_dict(kind, before) if before is not None else entity
        text = description or self.describe(stored, "verwijderd")
        change = Change(name, entity.id, doc_id, position, before, None, text)
        with self._writing(table, lambda: change):
            table.remove(doc_ids=[doc_id])
        del self._docs.doc_ids[name][entity.id]

    def describe(self, entity: Any, verb: str) -> str:
        """A short name for a change, as the undo toast shows it, in the current language.

        E.g. ``describe(org, "toegevoegd")`` gives "organisatie ‘Welzijn Zuid’ toegevoegd", or in
        English "organisation ‘Welzijn Zuid’ added". ``verb`` is one of the Dutch keys of
        ``DESCRIPTIONS``; another verb is put after the name as it is.
        """
        return describe(entity, verb, self._organisation_name)

    def _organisation_name(self, organisation_id: str) -> str:
        doc_id = self._docs.doc_ids[TABLES[Organisation]].get(organisation_id)
        doc = self._docs.copy_of(TABLES[Organisation], doc_id) if doc_id is not None else None
        return str(doc.get("name", "")) if doc else ""

    # -- undo and redo ------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        """True when there is a step ``undo`` can take back."""
        return not self.read_only and self._history.can(backwards=True)

    @property
    def can_redo(self) -> bool:
        """True when an undone step can be done again (no new change came since)."""
        return not self.read_only and self._history.can(backwards=False)

    @property
    def undo_description(self) -> str | None:
        """What ``undo`` would take back, e.g. for a menu entry; ``None`` if nothing."""
        return self._next_description(backwards=True)

    @property
    def redo_description(self) -> str | None:
        """What ``redo`` would do again; ``None`` if nothing."""
        return self._next_description(backwards=False)

    def _next_description(self, *, backwards: bool) -> str | None:
        step = None if self.read_only else self._history.next_step(backwards=backwards)
        return step.description if step is not None else None

    def undo(self) -> str | None:
        """Take back the last step and save; returns its description, ``None`` if none.

        Like any change, it is saved at once in one atomic write. When that save fails the
        step is still undone in memory (and ``redo`` can bring it back); ``SaveError`` says so.
        """
        return self._replay(backwards=True)

    def redo(self) -> str | None:
        """Do the last undone step again and save; returns its description, ``None`` if none."""
        return self._replay(backwards=False)

    def _replay(self, *, backwards: bool) -> str | None:
        self._refuse_if_read_only()
        if self._pending is not None:
            raise RuntimeError("undo and redo cannot run inside a batch")
        step = self._history.next_step(backwards=backwards)
        if step is None:
            return None
        changes = reversed(step.changes) if backwards else step.changes
        with self._transaction() as done:
            for change in changes:
                wanted = change.before if backwards else change.after
                done.append(self._restore(change, wanted))
        self._history.replayed(backwards=backwards)
        self.flush()
        return step.description

    def _restore(self, change: Change, wanted: dict[str, Any] | None) -> Change:
        """Put one document back as ``wanted``; returns what was done, for a rollback."""
        doc_id = self._docs.locate(change)
        current = self._docs.copy_of(change.table, doc_id) if doc_id is not None else None
        if wanted is not None and current is not None and change.table == SESSION_TABLE:
            wanted = keep_time_spent(wanted, current)
        self._docs.put(change, wanted)
        return Change(
            change.table,
            change.entity_id,
            change.doc_id,
            change.position,
            current,
            wanted,
            change.description,
        )

    # -- internals ----------------------------------------------------------------------

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
            self._docs.index()
            self._record(change())
            raise
        self._record(change())

    def _record(self, change: Change) -> None:
        if self._pending is not None:
            self._pending.append(change)
        else:
            self._history.push([change], None)


@functools.cache
def _defaults(kind: type) -> dict[str, Any]:
    """The default of each field of an entity kind that has one."""
    found: dict[str, Any] = {}
    for field in dataclasses.fields(kind):
        if field.default is not dataclasses.MISSING:
            found[field.name] = field.default
        elif field.default_factory is not dataclasses.MISSING:
            found[field.name] = field.default_factory()
    return found
