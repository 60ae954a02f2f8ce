"""Messages that screens send up to the app."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message


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


class TabShown(Message):
    """A phase put another of its tabs on screen (the wall that follows it should too)."""
