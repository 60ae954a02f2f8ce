"""Messages that screens send up to the app."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual.screen import Screen


class OpenSession(Message):
    """Open the session file at ``path`` for editing."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class DeleteSession(Message):
    """Move the session file at ``path`` to the trash, after asking."""

    def __init__(self, path: Path, title: str) -> None:
        super().__init__()
        self.path = path
        self.title = title


class FollowUpSession(Message):
    """Make the follow-up session of the session file at ``path``."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class SessionLeft(Message):
    """``screen`` saved and closed its session: back to the start screen."""

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.screen = screen


class TabShown(Message):
    """A phase put another of its tabs on screen (the wall that follows it should too)."""
