"""Why the operating system refused, in words a facilitator can act on.

``strerror`` is English and says "Permission denied" whether the folder is a read-only network
share, a synced folder that is still downloading, or a file another program holds. The common
causes on a facilitator's laptop get a Dutch reason here; anything else keeps the system's.
"""

from __future__ import annotations

import errno

from wijksessie.i18n import _

_WINDOWS_IN_USE = {32, 33}
"""ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: another program has the file open."""
_WINDOWS_TOO_LONG = {206}
"""ERROR_FILENAME_EXCED_RANGE: a path over 260 characters without long-path support."""


def is_read_only(error: OSError) -> bool:
    """True when the refusal means: this place may not be written to."""
    return error.errno in (errno.EACCES, errno.EPERM, errno.EROFS) and not _in_use(error)


def _in_use(error: OSError) -> bool:
    return getattr(error, "winerror", None) in _WINDOWS_IN_USE


def reason(error: OSError) -> str:
    """A short Dutch reason (in the current language), to follow 'mislukt' or 'Kan niet bij'."""
    if _in_use(error):
        return _("het bestand is in gebruik door een ander programma")
    if error.errno == errno.ENAMETOOLONG or getattr(error, "winerror", None) in _WINDOWS_TOO_LONG:
        length = len(str(error.filename or ""))
        return _(
            "het pad is te lang ({length} tekens); kies een map dichter bij de hoofdmap"
        ).format(length=length)
    if is_read_only(error):
        return _("geen toestemming om hier te schrijven (een alleen-lezen map of netwerkschijf?)")
    if error.errno == errno.ENOSPC:
        return _("de schijf is vol")
    if error.errno == errno.ENOENT:
        return _("de map bestaat niet (meer)")
    return error.strerror or str(error)
