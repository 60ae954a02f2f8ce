"""What a window that only looks may do: the keys it shows are the keys that work there.

A read-only view (``wijksessie view``) and the wall that follows a session (``view --volg``)
reuse the editing screens, whose lists and phases bind keys that change the session. Pressing
one only said "Alleen-lezen", and the key bar still offered Bewerken, Toevoegen, Verwijderen,
Ongedaan maken and the timer. Each widget names its changing actions in ``EDITS``; Textual asks
``check_action`` both before it shows a key and before it runs one, so one answer hides the key
and stops it. The wall also hides ``WALL_HIDES`` (exports: they write files, and their
messages would appear on the projector).
"""

from __future__ import annotations

from typing import ClassVar

from textual.dom import DOMNode, NoScreen


def looks_only(node: DOMNode) -> bool:
    """True in a read-only view or on the wall: nothing here changes the session."""
    try:
        screen = node.screen
    except NoScreen:
        return False
    return bool(getattr(screen, "read_only", False))


def on_the_wall(node: DOMNode) -> bool:
    """True on the wall that follows a session another window edits."""
    try:
        screen = node.screen
    except NoScreen:
        return False
    return bool(getattr(screen, "following", False))


class LooksOnly:
    """Mixin for a widget whose ``EDITS`` (action names) change the session: not shown, and not
    run, in a window that only looks; ``WALL_HIDES`` neither on the wall."""

    EDITS: ClassVar[frozenset[str]] = frozenset()
    WALL_HIDES: ClassVar[frozenset[str]] = frozenset()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.EDITS and looks_only(self):  # type: ignore[arg-type]
            return False
        if action in self.WALL_HIDES and on_the_wall(self):  # type: ignore[arg-type]
            return False
        return super().check_action(action, parameters)  # type: ignore[misc]
