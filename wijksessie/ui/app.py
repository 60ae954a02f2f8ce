"""The wijksessie Textual app: a thin shell that opens the start screen or a session."""

from __future__ import annotations

from pathlib import Path

from textual.app import App


class WijksessieApp(App[None]):
    """Guides a facilitator through a neighbourhood network session."""

    TITLE = "wijksessie"

    def __init__(
        self, folder: Path, open_path: Path | None = None, read_only: bool = False
    ) -> None:
        super().__init__()
        self.folder = folder
        self.open_path = open_path
        self.read_only = read_only
