"""Read a session file without letting a hostile one hang, exhaust or crash the app.

A sessions folder is shared ground (a synced folder, a USB stick, a network share): anything
named ``*.json`` may turn up in it. A FIFO named ``x.json`` made ``open()`` block for ever (and
``wijksessie open`` held the session lock while it hung), a link to ``/dev/zero`` reads until
memory runs out, and JSON nested a few thousand deep raises ``RecursionError`` inside the json
module, which nobody caught. So the file is stat'ed first and opened only when it is a regular
file of a sane size, with ``O_NONBLOCK`` so that a file swapped for a FIFO between the stat and
the open cannot block either. (Values nested deep but within the json module's limit are
``domain.tidy``'s to drop.)

Each refusal is an ``UnreadableFile`` whose ``reason`` is Dutch marked for translation, so the
folder's index can keep it and the start screen show it in the current language.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any

from wijksessie.i18n import N_

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Far above any real session (the benchmark's large one of 300 people and 1,000 commitments
is under 1 MB), far below what would exhaust a laptop's memory when parsed."""

NOT_A_FILE = N_("geen gewoon bestand (een map, pipe of apparaat)")
TOO_LARGE = N_("te groot (meer dan 64 MB)")
TOO_DEEP = N_("te diep genest (geen sessiebestand)")
UNREADABLE = N_("beschadigd of onleesbaar")
NOT_JSON = N_("beschadigd: geen geldige JSON")

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOINHERIT", 0)
)


class UnreadableFile(Exception):
    """A file that cannot be read as a session; ``reason`` is Dutch, marked with ``N_``."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def read_text(path: Path) -> str:
    """The file's UTF-8 text, or ``UnreadableFile`` for anything but a regular, sane file."""
    return decode(read_bytes(path))


def decode(data: bytes) -> str:
    """UTF-8 text, or ``UnreadableFile``. A byte order mark before it (Windows Notepad saves
    one) is not part of the text: JSON does not allow it, so the file was refused as broken."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise UnreadableFile(UNREADABLE, "UTF-8") from None


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or ``UnreadableFile`` for anything but a regular, sane file.

    ``FileNotFoundError`` and ``IsADirectoryError`` pass through (callers have their own
    messages for those); every other ``OSError`` becomes ``UnreadableFile``.
    """
    try:
        before = os.stat(path)
        if stat.S_ISDIR(before.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        _check_regular(before)
        fd = os.open(path, _OPEN_FLAGS)
    except (FileNotFoundError, IsADirectoryError):
        raise
    except OSError as error:
        raise UnreadableFile(UNREADABLE, error.strerror or str(error)) from None
    try:
        opened = os.fstat(fd)
        _check_regular(opened)
        with os.fdopen(fd, "rb", closefd=False) as file:
            # The size it has and a byte more, to see it grew meanwhile: asking for the limit
            # at once made Python set aside 64 MB for every file (60 ms for a thousand).
            data = file.read(opened.st_size + 1)
            if len(data) > opened.st_size:
                data += file.read(MAX_FILE_BYTES + 1 - len(data))
    except OSError as error:
        raise UnreadableFile(UNREADABLE, error.strerror or str(error)) from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(TOO_LARGE)
    return data


def _check_regular(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(NOT_A_FILE)
    if info.st_size > MAX_FILE_BYTES:
        raise UnreadableFile(TOO_LARGE)


def parse_json(text: str) -> Any:
    """``json.loads`` that refuses, instead of crashing on, very deep or broken JSON, and
    numbers longer than Python turns into ints (4,300 digits: its ``ValueError`` is not a
    ``JSONDecodeError``)."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise UnreadableFile(TOO_DEEP) from None
    except ValueError:
        raise UnreadableFile(NOT_JSON) from None
    return data


def read_json(path: Path) -> Any:
    """The parsed contents of ``path``; ``UnreadableFile`` when it is hostile or broken."""
    return parse_json(read_text(path))
