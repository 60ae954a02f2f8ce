"""Conflict copies of synced folders are shown with what differs; nothing merged or deleted
(issue 22.3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests import synced
from wijksessie.cli import main
from wijksessie.store.conflicts import conflict_rank, describe
from wijksessie.store.folder import list_sessions


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "sessions"
    path.mkdir()
    return path


@pytest.mark.parametrize(
    "name", [synced.ONEDRIVE, synced.DROPBOX, synced.DROPBOX_NAMED, synced.SHAREPOINT]
)
def test_a_conflict_copy_is_named_with_what_differs(folder: Path, name: str) -> None:
    copy = synced.conflict_copy(synced.session_with(folder, 12), name, more_here=2)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}
    infos = {info.path.name: info for info in list_sessions(folder)}
    assert infos[synced.ORIGINAL].conflict == ""
    assert describe(infos[copy.name]) == (
        f"conflictkopie van {synced.ORIGINAL}: 12 deelnemers tegen 14"
    )
    after = {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}
    assert after == before  # nothing merged, renamed or deleted


def test_an_unchanged_copy_says_so(folder: Path) -> None:
    original = synced.session_with(folder, 3)
    shutil.copyfile(original, folder / synced.ONEDRIVE)
    infos = {info.path.name: info for info in list_sessions(folder)}
    assert infos[synced.ONEDRIVE].conflict == "dezelfde inhoud"


def test_sessions_of_one_day_with_one_title_are_no_conflict(folder: Path) -> None:
    """The app numbers a second session of the same day and title -2: a new id, no copy."""
    synced.session_with(folder, 3)
    synced.session_with(folder, 5, "2026-12-03-netwerk-2.json")
    assert [info.conflict for info in list_sessions(folder)] == ["", ""]


def test_the_copy_is_told_against_the_name_without_a_mark(folder: Path) -> None:
    original = synced.session_with(folder, 2)
    synced.conflict_copy(original, synced.DROPBOX, more_there=1)
    synced.conflict_copy(original, synced.ONEDRIVE, more_there=3)
    listed = [(i.path.name, i.copy_of, i.conflict) for i in list_sessions(folder)]
    assert listed == [  # each copy right under its original
        (synced.ORIGINAL, "", ""),
        (synced.DROPBOX, synced.ORIGINAL, "3 deelnemers tegen 2"),
        (synced.ONEDRIVE, synced.ORIGINAL, "5 deelnemers tegen 2"),
    ]


@pytest.mark.parametrize(
    ("stem", "copy"),
    [
        ("2026-12-03-netwerk", False),
        ("2026-12-03-netwerk-2", True),
        ("2026-12-03-netwerk-LAPTOP-ILSE", True),
        ("2026-12-03-netwerk (conflicted copy 2026-12-03)", True),
        ("2026-12-03-netwerk (Ilse's conflicted copy 2026-12-03)", True),
    ],
)
def test_conflict_marks_in_names(stem: str, copy: bool) -> None:
    assert bool(conflict_rank(stem)) is copy


def test_list_shows_the_conflict_copy(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    synced.conflict_copy(synced.session_with(folder, 12), synced.ONEDRIVE, more_there=2)
    assert main(["--dir", str(folder), "list"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "conflictkopie" in out and "14 deelnemers tegen 12" in out


def test_the_conflict_is_told_in_english_too(folder: Path, english: None) -> None:
    synced.conflict_copy(synced.session_with(folder, 1), synced.DROPBOX, more_there=1)
    copy = next(info for info in list_sessions(folder) if info.copy_of)
    assert describe(copy) == f"conflict copy of {synced.ORIGINAL}: 2 participants against 1"
