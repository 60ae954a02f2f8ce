"""A TinyDB storage that keeps one copy in memory and replaces the file atomically.

TinyDB's own ``JSONStorage`` rewrites the file in place (a crash leaves half a file) and re-reads
it on every query. This one reads once, answers from memory, and on every write puts a complete
new file beside the old one, fsyncs it and renames it over: a kill at any moment leaves the old
or the new session on disk, never a broken one.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from wijksessie.domain.record import record
from wijksessie.errors import ReadOnlyError, SaveError
from wijksessie.i18n import _
from wijksessie.store import os_errors
from wijksessie.store.lock import FileLock, LockHeld


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


NEW_FILE_MODE = _default_mode()


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file, nothing between.

    An ``OSError`` names ``path``, the file the user asked for, not the temporary file beside
    it that the error was about (``.x.html.l_qg6fmr.tmp`` means nothing to them).
    """
    _atomic_write(path, text)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """``atomic_write_text`` for a binary file (a Word report)."""
    _atomic_write(path, data)


def _atomic_write(path: Path, content: str | bytes) -> None:
    try:
        _write_and_replace(path, content)
    except OSError as error:
        if error.errno is None or error.filename in (None, str(path)):
            raise
        raise OSError(error.errno, error.strerror, str(path)) from error


def _write_and_replace(path: Path, content: str | bytes) -> None:
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = NEW_FILE_MODE
        os.fchmod(handle, mode)
        binary = isinstance(content, bytes)
        with os.fdopen(
            handle, "wb" if binary else "w", encoding=None if binary else "utf-8"
        ) as temp:
            temp.write(content)
            temp.flush()
            os.fsync(temp.fileno())
        replace_patiently(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(path.parent)


REPLACE_TRIES = 5
REPLACE_PAUSE = 0.05
"""On Windows, ``os.replace`` fails with ``PermissionError`` while another program has the
target open (a virus scanner, OneDrive uploading it, Explorer's preview pane), usually for a
few milliseconds. Five tries 50 ms apart ride that out; after them the save fails as any
other (``SaveError``: the banner, the data kept in memory, retried on the next change)."""


def replace_patiently(source: str | Path, target: Path) -> None:
    """``os.replace``, tried again briefly while the target is held open by someone else."""
    for attempt in range(1, REPLACE_TRIES + 1):
        try:
            os.replace(source, target)
        except PermissionError:
            if attempt == REPLACE_TRIES:
                raise
            time.sleep(REPLACE_PAUSE)
        else:
            return


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
"""Read only, never through a link, never waiting (a FIFO would hang a blocking open)."""


@record
class FileState:
    """What tells one version of a file from another without reading it.

    A replacement (an atomic rename, as wijksessie saves) gives a new inode; a change in place
    a new size or modification time. Comparing these costs one ``stat`` per save.
    """

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, result: os.stat_result) -> FileState:
        """The state a ``stat`` or ``fstat`` reported."""
        return cls(result.st_dev, result.st_ino, result.st_size, result.st_mtime_ns)


def file_state(path: Path) -> FileState | None:
    """The file's state now; ``None`` when nothing is at ``path``."""
    try:
        return FileState.of(os.stat(path, follow_symlinks=False))
    except (FileNotFoundError, NotADirectoryError):
        return None


_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
"""One JSON value on one line, by the C encoder. The data are plain trees from ``to_dict``."""


Blocks = dict[str, tuple[Any, bytes, dict[str, tuple[Any, bytes]]]]
"""Per table: the table dict, its bytes, and per document key the document dict and its line."""


def dumps(
    data: Any, blocks: Blocks | None = None, changed: dict[str, set[str]] | None = None
) -> bytes:
    """The session file's bytes: UTF-8 JSON, a block per table and a line per document.

    A person can still read it, and a diff shows which entity changed. It is not ``indent=1``
    because the json module then falls back to its pure-Python encoder: four times slower (30
    against 8 ms for a session of 300 people and 1,000 commitments), on every change.

    ``blocks`` remembers each table's bytes beside the table dict they were made from, and
    reuses them while ``data`` holds that same dict. TinyDB never changes a table dict in place:
    every write to a table builds a new dict for it (``Table._update_table``). So after adding
    one participant only the participants are encoded again, not the thousand commitments.
    Within a table that changed, each document's line is reused while the table holds the same
    document dict, except the documents named in ``changed`` (table name to keys): TinyDB
    updates a document's dict in place, so the store names those. Adding one commitment then
    encodes one commitment, not a thousand.

    Bytes, not text: each line is encoded to UTF-8 once, when it is made. Encoding the whole
    file on every save cost 1.3 ms of the large session's 4 ms save (1 MB with accented names
    is not ASCII, so Python converts it character by character); joining bytes is a copy.
    Everything is put together by ``join`` over the pieces, never by ``+``: each ``+`` on a
    block of 300 kB made a new block and cost 0.3 ms (a save of the large session: 2 ms of
    putting text together became 0.3 ms).
    """
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        return (_encode(data) + "\n").encode()
    texts = []
    for name, table in data.items():
        known = blocks.get(name) if blocks is not None else None
        if known is not None and known[0] is table:
            texts.append(known[1])
            continue
        old_lines = known[2] if known is not None else {}
        redo = changed.pop(name, set()) if changed is not None else set()
        lines: dict[str, tuple[Any, bytes]] = {}
        for key, doc in table.items():
            line = old_lines.get(key)
            if line is None or line[0] is not doc or key in redo:
                line = (doc, f"  {_encode(str(key))}: {_encode(doc)}".encode())
            lines[key] = line
        parts = [b" ", _encode(name).encode(), b": {"]
        if lines:
            for _doc, line in lines.values():
                parts += (b"\n", line, b",")
            parts[-1] = b"\n }"
        else:
            parts.append(b"}")
        text = b"".join(parts)
        if blocks is not None:
            blocks[name] = (table, text, lines)
        texts.append(text)
    if blocks is not None:
        for name in blocks.keys() - data.keys():
            del blocks[name]
    whole = [b"{\n"]
    for text in texts:
        whole += (text, b",\n")
    whole[-1:] = [b"\n}\n"] if texts else [b"{\n\n}\n"]
    return b"".join(whole)


class AtomicJSONStorage(Storage):
    """A storage over one JSON file, with the data held in memory.

    ``write`` keeps the new data in memory before it touches the disk, so a failed save loses
    nothing: the next successful ``flush`` writes it all.
    """

    def __init__(self, path: Path, data: dict[str, Any] | None = None, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._data = data
        self.unsaved = False
        self.deferred = False
        """While True (inside ``SessionStore.batch``), writes stay in memory until ``flush``."""
        self._blocks: Blocks = {}
        """Each table's text as last written, for ``dumps`` to reuse (see there)."""
        self._changed: dict[str, set[str]] = {}
        """Documents updated in place since they were last encoded (``changed_in_place``)."""
        self._watching = False
        self._known: FileState | None = None
        """The file as this storage last read or wrote it (``None``: no file yet)."""
        self._identity: FileLock | None = None
        """The lock on the session file itself, moved to each new file a save makes."""
        self._lock_itself = False
        self.outside_change = False
        """True once a save was refused because the file changed behind this storage."""

    def watch(
        self, known: FileState | None, identity: FileLock | None = None, *, lock_itself: bool
    ) -> None:
        """Refuse to save over the file once it is no longer as ``known`` (read or written).

        ``None`` means no file is expected yet (a new session). With ``lock_itself`` each save
        moves a lock on the file itself (``identity``, taken when it was read) to the file it
        puts in place, so a second name for the file (a hard link made later) finds it held.
        """
        self._watching = True
        self._known = known
        self._identity = identity
        self._lock_itself = lock_itself

    def release(self) -> None:
        """Let go of the lock on the file itself (the store releases its name lock)."""
        identity, self._identity = self._identity, None
        if identity is not None:
            identity.release()

    def read(self) -> dict[str, Any] | None:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if self.read_only:
            raise ReadOnlyError(_("Deze sessie is alleen-lezen geopend; wijzigen kan hier niet."))
        self._data = data
        self.unsaved = True
        if not self.deferred:
            self.flush()

    def flush(self) -> None:
        """Write the in-memory data to disk; raises ``SaveError`` and keeps it when that fails.

        A file that changed, moved or went away since this storage read or wrote it is never
        written over (issue 19.2): the save is refused, every time, and the data stay here.
        """
        if self._data is None or not self.unsaved:
            return
        try:
            if self._watching:
                self._check_unchanged()
            atomic_write_bytes(self.path, dumps(self._data, self._blocks, self._changed))
        except OSError as error:
            raise SaveError(
                _(
                    "Opslaan van {name} mislukt ({reason}). Niets is verloren: de gegevens "
                    "blijven in het geheugen tot opslaan weer lukt."
                ).format(name=self.path.name, reason=os_errors.reason(error))
            ) from error
        self.unsaved = False
        if self._watching:
            self._written()

    def _check_unchanged(self) -> None:
        """``SaveError`` when the file is no longer as this storage last read or wrote it."""
        if self.outside_change or file_state(self.path) != self._known:
            self.outside_change = True
            raise SaveError(
                _(
                    "{name} is buiten wijksessie gewijzigd, verplaatst of verwijderd sinds het "
                    "hier werd geopend. Wijksessie slaat er niet overheen op; uw laatste "
                    "wijzigingen staan alleen nog in het geheugen van dit venster."
                ).format(name=self.path.name)
            )

    def _written(self) -> None:
        """Remember the file just written, and move the lock on the file itself onto it.

        Opened again by its name, right after the rename: if something else replaced it in
        those microseconds, the next save sees a file it does not know and stops.
        """
        try:
            fd = os.open(self.path, READ_FLAGS)
        except OSError:
            self._known = file_state(self.path)
            return
        self._known = FileState.of(os.fstat(fd))
        if not self._lock_itself:
            os.close(fd)
            return
        try:
            moved = FileLock.take(self.path, fd)
        except LockHeld:  # nobody can hold a file this moment made; keep the old lock then
            return
        self.release()
        self._identity = moved

    def changed_in_place(self, table: str, key: str) -> None:
        """The document ``key`` of ``table`` is about to be updated in place: encode it anew."""
        self._changed.setdefault(table, set()).add(key)

    def replace_data(self, data: dict[str, Any] | None) -> None:
        """Put back an earlier copy of the data (a batch that failed halfway)."""
        self._data = data

    def close(self) -> None:
        pass
