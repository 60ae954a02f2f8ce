"""Where the editing window is (phase and tab), for a second window that follows it on the wall.

``wijksessie view PAD --volg`` shows the session on a projector while the facilitator edits it
in another window. The follower must show the phase and tab the editor is on, but that is no
part of the session: writing it into the session file would make the file (and a synced
folder, and every diff) churn on every tab switch, and the follower may not take the lock to
ask. So the editor keeps it in a tiny file of its own beside the session, ``.NAME.json.wall``
(hidden, and not ``*.json``, so neither the folder's listing nor a user's glob sees it; named
like the lock ``.NAME.json.lock``). It is replaced atomically (temp file and rename) so a
follower reads the old or the new position, never half of one, but without ``fsync``: a
position lost in a power cut costs nothing, and a tab switch should not wait for the disk.
The editor removes it when the session closes; one a killed editor left behind only points
a follower at the phase it was last on.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from wijksessie.domain.record import record
from wijksessie.store.reading import UnreadableFile, read_bytes
from wijksessie.store.storage import NEW_FILE_MODE

MAX_BYTES = 4096
"""A position is a few dozen bytes; anything larger is not ours and is ignored."""


@record
class WallPosition:
    """The phase (its stored value, e.g. ``"wie-doet-wat"``) and tab (``""``: none) on screen."""

    phase: str
    tab: str = ""


def wall_path(session: Path) -> Path:
    """The position file beside ``session``: ``.2026-12-03-kamer.json.wall``."""
    return session.with_name(f".{session.name}.wall")


def write_wall_position(session: Path, position: WallPosition) -> None:
    """Put ``position`` beside ``session`` atomically; ``OSError`` when the folder refuses."""
    target = wall_path(session)
    data = json.dumps({"phase": position.phase, "tab": position.tab}, ensure_ascii=False)
    handle, temp_name = tempfile.mkstemp(prefix=f"{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(handle, NEW_FILE_MODE)  # as the session file is made, not private (mkstemp)
        with os.fdopen(handle, "w", encoding="utf-8") as temp:
            temp.write(data)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def read_wall_position(session: Path) -> WallPosition | None:
    """The position the editor left beside ``session``; ``None`` when there is none to trust.

    Never raises: a missing, foreign or damaged file means the follower stays where it is.
    """
    try:
        data = read_bytes(wall_path(session))
    except (OSError, UnreadableFile):
        return None
    if len(data) > MAX_BYTES:
        return None
    try:
        found = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(found, dict):
        return None
    phase, tab = found.get("phase"), found.get("tab", "")
    if not isinstance(phase, str) or not isinstance(tab, str):
        return None
    return WallPosition(phase, tab)


def remove_wall_position(session: Path) -> None:
    """Take the position file away (the editor closes the session); quiet when it is gone."""
    with contextlib.suppress(OSError):
        wall_path(session).unlink()
