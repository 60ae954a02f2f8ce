"""Output to a Windows console or a file in cp1252 (issue 22.5): never a crash on a character
the encoding lacks, and plain text (no colour codes) when it goes to a file or a pipe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wijksessie.domain.model import Participant, Session
from wijksessie.store.session_store import SessionStore

TITLE = "Buurt 🙂 Łódź ⚠ ş"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A session whose title and a participant hold characters cp1252 does not have."""
    folder = tmp_path / "Wijk sessies é"
    folder.mkdir()
    session = Session(TITLE, wijk="Zuid-Oost", date=None)
    with SessionStore.create(folder / "2026-12-03-buurt.json", session) as store:
        store.add(Participant("Agnieszka Wiśniewska 🙂"))
    return folder


def run(folder: Path, *args: str, encoding: str = "cp1252") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "160"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "wijksessie", "--dir", str(folder), *args],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("summary", "2026-12-03-buurt.json", "--format", "text"),
        ("summary", "2026-12-03-buurt.json", "--format", "md"),
    ],
)
def test_cp1252_output_never_crashes_and_is_plain_text(folder: Path, args: tuple[str, ...]) -> None:
    done = run(folder, *args)
    assert done.returncode == 0, done.stderr.decode("cp1252")
    out = done.stdout.decode("cp1252")  # every byte is cp1252
    assert "Buurt ? " in out and "\x1b" not in out
    assert "Wi?niewska" in out or args[0] == "list"


def test_a_message_on_stderr_in_cp1252_does_not_crash(folder: Path) -> None:
    done = run(folder, "summary", "ontbreekt-🙂.json")
    assert done.returncode == 2
    assert "niet gevonden" in done.stderr.decode("cp1252")


def test_utf8_output_keeps_every_character(folder: Path) -> None:
    done = run(folder, "list", encoding="utf-8")
    assert done.returncode == 0
    assert "🙂" in done.stdout.decode("utf-8")
