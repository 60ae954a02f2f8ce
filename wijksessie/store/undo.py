"""The undo history: each change as the documents it touched, before and after.

A step keeps only the documents it touched, never a copy of the whole file, so a long session
with a large file stays cheap. The history lives as long as the store is open: a reopened
session starts with an empty one. Putting documents back is the store's work; this module
knows what a step is, which changes count as an edit, and the two stacks.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from wijksessie.domain.record import record
from wijksessie.i18n import ngettext
from wijksessie.store.session_file import SESSION_TABLE

UNDO_DEPTH = 200
"""How many steps ``undo`` can go back; older ones are forgotten."""


@record
class Change:
    """One document as it was and as it became; ``None`` means it was not there."""

    table: str
    entity_id: str | None
    """The entity's id, or ``None`` for the session's own document."""
    doc_id: int
    position: int
    """Where the document stands in its table, so an undone removal comes back in place."""
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    description: str


@record
class Step:
    """What one ``undo`` takes back: a single change, or every change of one ``batch``."""

    description: str
    changes: tuple[Change, ...]


class History:
    """The steps ``undo`` can take back and the undone steps ``redo`` can do again."""

    def __init__(self, depth: int = UNDO_DEPTH) -> None:
        self._undo: deque[Step] = deque(maxlen=depth)
        self._redo: list[Step] = []

    def push(self, changes: list[Change], description: str | None) -> None:
        """Remember the changes as one step; a new step forgets what could be redone.

        Changes that edit nothing (the agenda's clock alone) make no step.
        """
        edits = [change for change in changes if is_edit(change)]
        if not edits:
            return
        if description is None:
            count = len(edits)
            description = (
                edits[0].description
                if count == 1
                else ngettext("{n} wijziging", "{n} wijzigingen", count).format(n=count)
            )
        self._undo.append(Step(description, tuple(edits)))
        self._redo.clear()

    def can(self, *, backwards: bool) -> bool:
        """True when there is a step to undo (``backwards``) or to redo."""
        return bool(self._undo if backwards else self._redo)

    def next_step(self, *, backwards: bool) -> Step | None:
        """The step ``undo`` (``backwards``) or ``redo`` would replay; ``None`` if none."""
        source = self._undo if backwards else self._redo
        return source[-1] if source else None

    def replayed(self, *, backwards: bool) -> None:
        """The next step was replayed: it moves to the other stack."""
        if backwards:
            self._redo.append(self._undo.pop())
        else:
            self._undo.append(self._redo.pop())


ROOM_STATE = "vote_round"
"""The open voting round is where the room is, like the clock: opening or closing it is no
edit to undo (an undo after a blind round closed must not hide the results again)."""


def _without_time(doc: dict[str, Any] | None) -> dict[str, Any] | None:
    if doc is None:
        return doc
    doc = {key: value for key, value in doc.items() if key != ROOM_STATE}
    if "agenda" not in doc:
        return doc
    agenda = [
        {key: value for key, value in item.items() if key != "spent_seconds"}
        for item in doc["agenda"]
    ]
    return {**doc, "agenda": agenda}


def is_edit(change: Change) -> bool:
    """False when a change only moved the agenda's clock (or changed nothing at all)."""
    if change.table != SESSION_TABLE:
        return change.before != change.after
    return _without_time(change.before) != _without_time(change.after)


def keep_time_spent(wanted: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """``wanted`` with the time really spent per phase taken from ``current``: undo edits
    the plan, it does not turn back the clock."""
    wanted = {key: value for key, value in wanted.items() if key != ROOM_STATE}
    if ROOM_STATE in current:
        wanted[ROOM_STATE] = current[ROOM_STATE]
    spent = {item.get("phase"): item.get("spent_seconds", 0) for item in current.get("agenda", [])}
    agenda = [
        {**item, "spent_seconds": spent.get(item.get("phase"), item.get("spent_seconds", 0))}
        for item in wanted.get("agenda", [])
    ]
    return {**wanted, "agenda": agenda} if "agenda" in wanted else wanted
