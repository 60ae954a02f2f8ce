"""Errors a user can meet, each carrying a message that can be shown as it is.

The message is made (through ``wijksessie.i18n``) in the language current when the error is
raised. The CLI and the app show ``str(error)``; they never show a traceback for these.
"""

from __future__ import annotations


class WijksessieError(Exception):
    """Base of every error with a message meant for the user."""


class ValidationError(WijksessieError):
    """An entity breaks a rule; ``problems`` maps a field name to its message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__(" ".join(self.problems.values()))


class SessionFileError(WijksessieError):
    """A session file cannot be opened: missing, corrupt, foreign or too new."""


class SessionLockedError(WijksessieError):
    """The session is open for editing in another instance of the app."""


class ReadOnlyError(WijksessieError):
    """A change was asked of a session opened read-only."""


class SaveError(WijksessieError):
    """Writing the session to disk failed; the data is kept in memory."""


class NotFoundError(WijksessieError):
    """An entity or file that was asked for does not exist."""
