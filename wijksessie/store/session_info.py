"""``SessionInfo``: one line of the start screen and of ``wijksessie list``.

In a module of its own so that the folder listing (``folder``) and the conflict-copy marker
(``conflicts``), which the listing calls, both use it without importing each other.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wijksessie.domain.record import record


@record
class SessionInfo:
    """One line of the start screen: a session file and what it holds, or why it won't open.

    ``problem`` is in the language current when the line was made; the index stores the Dutch.
    """

    path: Path
    title: str = ""
    wijk: str = ""
    date: date | None = None
    participants: int = 0
    commitments: int = 0
    problem: str = ""
    session_id: str = ""
    """The session's own id: a conflict copy a sync client made has the same one."""
    checksum: int = 0
    """CRC-32 of the file's bytes, to tell an identical copy from a conflicting one."""
    conflict: str = ""
    """Set by the listing for a conflict copy: what differs from its original."""
    copy_of: str = ""
    """Set by the listing for a conflict copy: the original's file name."""
