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
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from wijksessie.errors import ReadOnlyError, SaveError
from wijksessie.i18n import _


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
    try:
        _atomic_write_text(path, text)
    except OSError as error:
        if error.errno is None or error.filename in (None, str(path)):
            raise
        raise OSError(error.errno, error.strerror, str(path)) from error


def _atomic_write_text(path: Path, text: str) -> None:
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = NEW_FILE_MODE
        os.fchmod(handle, mode)
        with os.fdopen(handle, "w", encoding="utf-8") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
"""One JSON value on one line, by the C encoder. The data are plain trees from ``to_dict``."""


Blocks = dict[str, tuple[Any, str, dict[str, tuple[Any, str]]]]
"""Per table: the table dict, its text, and per document key the document dict and its line."""


def dumps(
    data: Any, blocks: Blocks | None = None, changed: dict[str, set[str]] | None = None
) -> str:
    """The session file's text: UTF-8 JSON, a block per table and a line per document.

    A person can still read it, and a diff shows which entity changed. It is not ``indent=1``
    because the json module then falls back to its pure-Python encoder: four times slower (30
    against 8 ms for a session of 300 people and 1,000 commitments), on every change.

    ``blocks`` remembers each table's text beside the table dict it was made from, and reuses
    it while ``data`` holds that same dict. TinyDB never changes a table dict in place: every
    write to a table builds a new dict for it (``Table._update_table``). So after adding one
    participant only the participants are encoded again, not the thousand commitments. Within
    a table that changed, each document's line is reused while the table holds the same
    document dict, except the documents named in ``changed`` (table name to keys): TinyDB
    updates a document's dict in place, so the store names those. Adding one commitment then
    encodes one commitment, not a thousand.
    """
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        return _encode(data) + "\n"
    texts = []
    for name, table in data.items():
        known = blocks.get(name) if blocks is not None else None
        if known is not None and known[0] is table:
            texts.append(known[1])
            continue
        old_lines = known[2] if known is not None else {}
        redo = changed.pop(name, set()) if changed is not None else set()
        lines: dict[str, tuple[Any, str]] = {}
        for key, doc in table.items():
            line = old_lines.get(key)
            if line is None or line[0] is not doc or key in redo:
                line = (doc, f"  {_encode(str(key))}: {_encode(doc)}")
            lines[key] = line
        docs = ",\n".join([line for _doc, line in lines.values()])
        text = f" {_encode(name)}: {{\n{docs}\n }}" if docs else f" {_encode(name)}: {{}}"
        if blocks is not None:
            blocks[name] = (table, text, lines)
        texts.append(text)
    if blocks is not None:
        for name in blocks.keys() - data.keys():
            del blocks[name]
    return "{\n" + ",\n".join(texts) + "\n}\n"


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
        """Write the in-memory data to disk; raises ``SaveError`` and keeps it when that fails."""
        if self._data is None or not self.unsaved:
            return
        try:
            atomic_write_text(self.path, dumps(self._data, self._blocks, self._changed))
        except OSError as error:
            raise SaveError(
                _(
                    "Opslaan van {name} mislukt ({reason}). Niets is verloren: de gegevens "
                    "blijven in het geheugen tot opslaan weer lukt."
                ).format(name=self.path.name, reason=error.strerror or error)
            ) from error
        self.unsaved = False

    def changed_in_place(self, table: str, key: str) -> None:
        """The document ``key`` of ``table`` is about to be updated in place: encode it anew."""
        self._changed.setdefault(table, set()).add(key)

    def replace_data(self, data: dict[str, Any] | None) -> None:
        """Put back an earlier copy of the data (a batch that failed halfway)."""
        self._data = data

    def close(self) -> None:
        pass
