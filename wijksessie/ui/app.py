"""The wijksessie Textual app: a thin shell that opens the start screen or a session."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from wijksessie.store import SessionStore


class WijksessieApp(App[None]):
    """Guides a facilitator through a neighbourhood network session.

    ``store``, when given, is an already opened session (the CLI opens it, so that a bad file
    is reported on the command line); the app shows it at once and closes it on exit.
    """

    TITLE = "wijksessie"

    def __init__(self, folder: Path, store: SessionStore | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.initial_store = store
