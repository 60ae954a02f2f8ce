"""CLI fixtures: a tmp sessions folder and a launcher that records instead of starting the TUI."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from wijksessie import cli
from wijksessie.i18n import LANG_ENV, set_language
from wijksessie.store.session_store import SessionStore
from wijksessie.store.settings import CONFIG_DIR_ENV


@dataclass
class Launch:
    """One call of ``launch_app``: the folder, and what the store showed while it was open."""

    folder: Path
    path: Path | None
    read_only: bool | None
    title: str | None
    follow: bool = False


@dataclass
class Launcher:
    """Stands in for the Textual app; closes the store as the app would."""

    calls: list[Launch] = field(default_factory=list)

    def __call__(
        self, folder: Path, store: SessionStore | None, *, follow: bool = False
    ) -> int | None:
        if store is None:
            self.calls.append(Launch(folder, None, None, None))
            return None
        try:
            self.calls.append(
                Launch(folder, store.path, store.read_only, store.session.title, follow)
            )
        finally:
            store.close()
        return None


@pytest.fixture
def launcher(monkeypatch: pytest.MonkeyPatch) -> Launcher:
    """Replace ``cli.launch_app`` so no test starts the TUI."""
    fake = Launcher()
    monkeypatch.setattr(cli, "launch_app", fake)
    return fake


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, launcher: Launcher) -> Iterator[Path]:
    """A sessions folder under tmp; the cwd moves there too, so nothing lands in the repo."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WIJKSESSIE_DIR", raising=False)
    monkeypatch.delenv(LANG_ENV, raising=False)
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    monkeypatch.setenv("COLUMNS", "200")
    yield tmp_path / "sessions"
    set_language("nl")
