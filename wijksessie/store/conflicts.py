"""Conflict copies a sync client leaves in a sessions folder, found and described, never merged.

When the same session is saved on two laptops before their sync client catches up, the client
keeps both: OneDrive as ``2026-12-03-netwerk-LAPTOP-ILSE.json``, Dropbox as ``… (conflicted copy
2026-12-03).json`` (or ``… (Ilse's conflicted copy …)``), SharePoint as ``…-1.json``. Each copy
still holds the session's own id, which a new or follow-up session never shares, so files with
one id are one session in several versions. The listing names the copy, the file it conflicts
with, and what differs in the counts the start screen shows ("12 deelnemers tegen 14"); the
facilitator opens either and decides. Nothing is merged, renamed or deleted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from wijksessie.i18n import _, ngettext

if TYPE_CHECKING:
    from wijksessie.store.session_info import SessionInfo

_MARKS = (
    re.compile(r" \([^()]*(conflicted copy|in conflict|conflict)[^()]*\)$", re.IGNORECASE),
    re.compile(r"-[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"),
    re.compile(r"-\d+$"),
)
"""A file name stem a sync client made: Dropbox's note in brackets, OneDrive's ``-MACHINE``
(upper case; wijksessie's own names are lower case), SharePoint's ``-1``. Weakest last: the
app itself numbers two sessions of one day ``-2``, but those have different ids."""


def conflict_rank(stem: str) -> int:
    """How surely a name is a sync client's copy: 0 not at all, higher more surely."""
    for rank, mark in enumerate(_MARKS):
        if mark.search(stem):
            return len(_MARKS) - rank
    return 0


def mark_conflict_copies(infos: list[SessionInfo]) -> list[SessionInfo]:
    """``infos`` with ``conflict`` (what differs) and ``copy_of`` (the original's file name)
    set on each copy of a session whose id another file has.

    The original is the file whose name looks least like a copy (then the shortest name);
    every other file with that id is described against it.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for index, info in enumerate(infos):
        if info.session_id and not info.problem:
            groups[info.session_id].append(index)
    result = list(infos)
    for members in groups.values():
        if len(members) < 2:
            continue
        original = min(
            members,
            key=lambda i: (conflict_rank(infos[i].path.stem), len(infos[i].path.name)),
        )
        for index in members:
            if index != original:
                copy = infos[index]
                result[index] = replace(
                    copy,
                    conflict=differences(copy, infos[original]),
                    copy_of=infos[original].path.name,
                )
    return result


def describe(copy: SessionInfo) -> str:
    """``conflictkopie van X: 12 deelnemers tegen 14``, in the current language."""
    return _("conflictkopie van {name}: {differences}").format(
        name=copy.copy_of, differences=copy.conflict
    )


def describe_briefly(copy: SessionInfo) -> str:
    """``conflictkopie: 12 deelnemers tegen 14``, for a row right under its original."""
    return _("conflictkopie: {differences}").format(differences=copy.conflict)


def differences(copy: SessionInfo, original: SessionInfo) -> str:
    """What the start screen can tell apart, the copy's figure first."""
    if copy.checksum == original.checksum:
        return _("dezelfde inhoud")
    found = []
    if copy.participants != original.participants:
        found.append(
            ngettext(
                "{a} deelnemer tegen {b}", "{a} deelnemers tegen {b}", copy.participants
            ).format(a=copy.participants, b=original.participants)
        )
    if copy.commitments != original.commitments:
        found.append(
            ngettext(
                "{a} toezegging tegen {b}", "{a} toezeggingen tegen {b}", copy.commitments
            ).format(a=copy.commitments, b=original.commitments)
        )
    if copy.title != original.title:
        found.append(_("een andere titel"))
    if copy.date != original.date:
        found.append(_("een andere datum"))
    return ", ".join(found) if found else _("andere inhoud, dezelfde aantallen")
