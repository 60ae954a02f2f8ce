"""The compiled HTML templates kept between runs, so a cold ``wijksessie netwerk --format html``
does not compile its page again.

Jinja2 turns a page template into Python on first use: for the summary's 500-line template,
when it had one, about a third of a cold ``wijksessie summary --format html`` (0.1-0.4 s on a
laptop, more than the rest of the work; that page is now written without a template, see
``render.html``). Jinja2's own bytecode cache keeps that code in the user's cache folder
(``platformdirs.user_cache_dir("wijksessie")``, or ``WIJKSESSIE_CACHE_DIR``), keyed by the
template's name and checked against a checksum of its source, so a changed template is compiled
afresh; Jinja2 writes it to a temporary file and renames it. A cache that cannot be read or
written (a read-only home, a full disk) only costs the compile: the page is made all the same.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs
from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

CACHE_DIR_ENV = "WIJKSESSIE_CACHE_DIR"


class _QuietCache(FileSystemBytecodeCache):
    """Jinja2's file cache that never fails a page: a cache it cannot use is no cache."""

    def load_bytecode(self, bucket: Bucket) -> None:
        """Loads the compiled template if it is there and readable."""
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keeps the compiled template if the folder takes it."""
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def cache_dir() -> Path:
    """Where compiled templates are kept: ``WIJKSESSIE_CACHE_DIR`` or the platform's place."""
    override = os.environ.get(CACHE_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser() / "templates"
    return Path(platformdirs.user_cache_dir("wijksessie", appauthor=False)) / "templates"


def template_cache() -> BytecodeCache | None:
    """The cache, or None where its folder cannot be made."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietCache(str(folder))
