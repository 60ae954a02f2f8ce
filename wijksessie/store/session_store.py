"""``SessionStore``: the one service screens call to read and change a session.

Every change is validated, applied to the in-memory TinyDB and written to disk at once
(autosave): there is no "save" to forget. While a session is open for editing it holds an
exclusive lock, so a second instance of the app cannot overwrite it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Table

import wijksessie
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
from wijksessie.domain.validation import validate
from wijksessie.errors import (
    NotFoundError,
    ReadOnlyError,
    SaveError,
    SessionFileError,
    SessionLockedError,
)
from wijksessie.store.migrations import APP_MARK, SCHEMA_VERSION, migrate, session_doc
from wijksessie.store.storage import AtomicJSONStorage

E = TypeVar("E")

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


def lock_path(path: Path) -> Path:
    """The hidden lock file beside a session file."""
    return path.with_name(f".{path.name}.lock")


def read_session_file(path: Path) -> dict[str, Any]:
    """The parsed, migrated contents of a session file; ``SessionFileError`` when unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SessionFileError(f"Sessiebestand niet gevonden: {path}") from None
    except IsADirectoryError:
        raise SessionFileError(f"{path} is een map, geen sessiebestand.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SessionFileError(f"{path.name} is niet te lezen: {error}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise SessionFileError(f"{path.name} is beschadigd: geen geldige JSON.") from None
    try:
        return migrate(data, path.name)
    except SessionFileError as error:
        if "geen wijksessie-bestand" in str(error):
            raise SessionFileError(f"{path.name} is geen wijksessie-bestand.") from None
        raise


class SessionStore:
    """Read and change one session; every change is saved before the call returns."""

    def __init__(
        self,
        storage: Storage,
        *,
        path: Path | None = None,
        lock: FileLock | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._storage = storage
        self._lock = lock
        self._db = TinyDB(storage=lambda: storage)
        self._doc_ids: dict[str, dict[str, int]] = {}
        self._check_and_index()

    # -- opening and closing ------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> SessionStore:
        """Open a session file, locked for editing unless ``read_only``."""
        path = Path(path)
        if not path.parent.is_dir():  # before locking: the lock file would create the folder
            raise SessionFileError(f"Sessiebestand niet gevonden: {path}")
        lock = None if read_only else cls._acquire_lock(path)
        try:
            data = read_session_file(path)
            storage = AtomicJSONStorage(path, data, read_only=read_only)
            return cls(storage, path=path, lock=lock, read_only=read_only)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def create(cls, path: Path, session: Session) -> SessionStore:
        """Write a new session file at ``path`` (which must not exist) and open it."""
        validate(session)
        path = Path(path)
        lock = cls._acquire_lock(path)
        try:
            if path.exists():
                raise SessionFileError(f"{path.name} bestaat al.")
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
    def _acquire_lock(path: Path) -> FileLock:
        lock = FileLock(lock_path(path), timeout=0, is_singleton=False)
        try:
            lock.acquire()
        except Timeout:
            raise SessionLockedError(
                f"{path.name} is al geopend in een ander venster van wijksessie. "
                "Sluit dat eerst, of open deze sessie alleen-lezen (wijksessie view)."
            ) from None
        except OSError as error:
            raise SessionFileError(f"Kan {path.name} niet vergrendelen: {error}") from None
        return lock

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
    def batch(self) -> Iterator[None]:
        """Many changes, one save: they reach the disk together, or none of them does.

        When a change inside fails (a rule is broken), everything done in the batch is
        undone in memory too, so the session is as it was before.
        """
        storage = self._storage
        if not isinstance(storage, AtomicJSONStorage) or storage.deferred:
            yield
            return
        saved_data = copy.deepcopy(storage.read())
        saved_ids = {name: dict(ids) for name, ids in self._doc_ids.items()}
        saved_unsaved = storage.unsaved
        storage.deferred = True
        try:
            yield
        except BaseException:
            storage.replace_data(saved_data)
            storage.unsaved = saved_unsaved
            self._doc_ids = saved_ids
            self._clear_caches()
            raise
        finally:
            storage.deferred = False
        self.flush()

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

    def save_session(self, session: Session) -> None:
        """Replace the session's own fields."""
        validate(session)
        with self._writing(self._session_table()):
            self._session_table().update(to_dict(session), doc_ids=[1])

    # -- entities -----------------------------------------------------------------------

    def all(self, kind: type[E]) -> list[E]:
        """Every entity of one kind, in the order they were added."""
        return [from_dict(kind, doc) for doc in self._table(kind).all()]

    def get(self, kind: type[E], entity_id: str) -> E:
        """One entity by id; ``NotFoundError`` if there is none."""
        doc_id = self._doc_ids[TABLES[kind]].get(entity_id)
        doc = self._table(kind).get(doc_id=doc_id) if doc_id is not None else None
        if doc is None:
            raise NotFoundError(f"Niet gevonden: {entity_id}")
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

    def add(self, entity: Any) -> None:
        """Add a new entity after checking its rules and that it is not already there."""
        kind = type(entity)
        validate(entity, self.all(kind))
        table = self._table(kind)
        if entity.id in self._doc_ids[TABLES[kind]]:
            raise SessionFileError(f"Dubbel id: {entity.id}")
        with self._writing(table):
            doc_id = table.insert(to_dict(entity))
        self._doc_ids[TABLES[kind]][entity.id] = doc_id

    def update(self, entity: Any) -> None:
        """Replace an existing entity (matched by id) after checking its rules."""
        kind = type(entity)
        validate(entity, self.all(kind))
        doc_id = self._doc_id(entity)
        table = self._table(kind)
        with self._writing(table):
            table.update(to_dict(entity), doc_ids=[doc_id])

    def remove(self, entity: Any) -> None:
        """Remove an entity (matched by id)."""
        doc_id = self._doc_id(entity)
        table = self._table(type(entity))
        with self._writing(table):
            table.remove(doc_ids=[doc_id])
        del self._doc_ids[TABLES[type(entity)]][entity.id]

    # -- internals ----------------------------------------------------------------------

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
            raise NotFoundError(f"Niet gevonden: {entity.id}")
        return doc_id

    @contextmanager
    def _writing(self, table: Table) -> Iterator[None]:
        if self.read_only:
            raise ReadOnlyError("Deze sessie is alleen-lezen geopend; wijzigen kan hier niet.")
        try:
            yield
        except SaveError:
            table.clear_cache()
            self._index()
            raise

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
        name = self.path.name if self.path else "sessie"
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
            raise SessionFileError(f"{name} is beschadigd: {error}") from None


def new_file_data(session: Session) -> dict[str, Any]:
    """The contents of a fresh session file: the session table and an empty table per entity."""
    doc = {"app": APP_MARK, "schema_version": SCHEMA_VERSION, "app_version": wijksessie.__version__}
    doc.update(to_dict(session))
    data: dict[str, Any] = {SESSION_TABLE: {"1": doc}}
    for table_name in TABLES.values():
        data[table_name] = {}
    return data
