"""Emergency copies: where a session goes when it cannot be saved in its own place.

While saves fail (the sessions folder is gone, the disk is full, the file was changed from
outside) the changes live only in the app's memory. Before the app quits or closes such a
session it offers to write them here instead: the user's data folder
(``platformdirs.user_data_dir("wijksessie")``), which is another place than the sessions folder
and so often still writable. ``WIJKSESSIE_DATA_DIR`` points elsewhere (tests, a portable
install).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "WIJKSESSIE_DATA_DIR"
EMERGENCY_FOLDER = "noodkopieen"


def emergency_dir() -> Path:
    """The folder for emergency copies, made when the first copy is written."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    base = (
        Path(override).expanduser()
        if override
        else Path(platformdirs.user_data_dir("wijksessie", appauthor=False))
    )
    return base / EMERGENCY_FOLDER


def emergency_path(session: Path | None, when: datetime | None = None) -> Path:
    """A new name for an emergency copy of ``session``: its name and the time, never taken."""
    stem = session.stem if session is not None else "sessie"
    stamp = (when or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    folder = emergency_dir()
    path = folder / f"{stem}-noodkopie-{stamp}.json"
    number = 2
    while path.exists():
        path = folder / f"{stem}-noodkopie-{stamp}-{number}.json"
        number += 1
    return path
