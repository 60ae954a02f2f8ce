"""Sessions folders as facilitators have them (issue 22.4): names with spaces and accents,
OneDrive's long paths, a read-only folder on a network share. Each works, or says in Dutch
what is wrong and what to do."""

from __future__ import annotations

import errno
import os
import unicodedata
from pathlib import Path

import pytest

from tests.cli.conftest import Launcher
from tests.synced import ReadOnlyFolder
from wijksessie.cli import main
from wijksessie.domain.model import Session
from wijksessie.store.os_errors import reason
from wijksessie.store.session_store import SessionStore

ACCENTED = Path("Mijn documenten") / "Wijk sessies é"


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide console, so that ``list`` does not fold the titles the tests look for."""
    monkeypatch.setenv("COLUMNS", "250")


@pytest.mark.parametrize("form", ["NFC", "NFD"])  # macOS hands out decomposed names
def test_a_folder_with_spaces_and_accents_works_for_every_command(
    tmp_path: Path, launcher: Launcher, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    folder = tmp_path / unicodedata.normalize(form, str(ACCENTED))
    args = ["--dir", str(folder)]
    assert main([*args, "new", "Café de Wijk", "--wijk", "Zuid-Oost", "--date", "3-12-2026"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.parent == folder and path.name == "2026-12-03-cafe-de-wijk.json"
    assert main([*args, "list"]) == 0
    assert "Café de Wijk" in capsys.readouterr().out
    assert main([*args, "open", path.name]) == 0
    assert main([*args, "view", str(path)]) == 0
    assert [call.title for call in launcher.calls] == ["Café de Wijk", "Café de Wijk"]
    assert main([*args, "summary", path.name, "-o", str(folder / "samenvatting é.md")]) == 0
    assert (folder / "samenvatting é.md").read_text(encoding="utf-8").count("Café de Wijk")
    assert main([*args, "vervolg", path.name, "--datum", "4-12-2026"]) == 0


def _deep_folder(root: Path, length: int) -> Path:
    """A folder whose path is ``length`` characters, as OneDrive's nesting makes them."""
    folder = root
    part = ("Gedeelde documenten - Gemeente Waterveen sociaal domein " * 2)[:100]
    while len(str(folder)) + 1 + len(part) < length:
        folder = folder / part
    folder = folder / part[: length - len(str(folder)) - 1]
    os.makedirs(folder)
    assert len(str(folder)) == length
    return folder


def test_a_path_too_long_for_the_system_is_said_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _deep_folder(tmp_path, 4060)  # Linux refuses paths over 4,096 characters
    code = main(["--dir", str(folder), "new", "Netwerksessie over de toekomst", "--wijk", "Zuid"])
    assert code == 2
    err = capsys.readouterr().err
    assert "het pad is te lang" in err and "dichter bij de hoofdmap" in err
    assert "Traceback" not in err and "File name too long" not in err


def test_windows_long_path_error_has_the_same_reason() -> None:
    error = FileNotFoundError(errno.ENOENT, "The filename or extension is too long", "C:\\x")
    error.winerror = 206  # what Windows sets beyond 260 characters without long paths
    assert reason(error).startswith("het pad is te lang")


def test_a_file_held_by_another_windows_program_is_named_as_such() -> None:
    error = PermissionError(errno.EACCES, "The process cannot access the file", "x.json")
    error.winerror = 32
    assert reason(error) == "het bestand is in gebruik door een ander programma"


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A network share's sessions folder with one session in it, then made read-only."""
    folder = tmp_path / "netwerkschijf"
    folder.mkdir()
    SessionStore.create(folder / "2026-12-03-netwerk.json", Session("Netwerk")).close()
    for lock in folder.glob(".*.lock"):
        lock.unlink()
    ReadOnlyFolder(folder, monkeypatch)
    return folder


def test_a_read_only_folder_lists_and_views_but_says_why_it_cannot_open_or_add(
    share: Path, launcher: Launcher, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--dir", str(share)]
    assert main([*args, "list"]) == 0
    assert "Netwerk" in capsys.readouterr().out
    assert main([*args, "view", "2026-12-03-netwerk.json"]) == 0
    assert launcher.calls[-1].read_only
    assert main([*args, "open", "2026-12-03-netwerk.json"]) == 2
    err = capsys.readouterr().err
    assert "geen toestemming om hier te schrijven" in err
    assert "wijksessie view" in err
    assert main([*args, "new", "Nog een", "--wijk", "Zuid"]) == 2
    err = capsys.readouterr().err
    assert "geen toestemming om hier te schrijven" in err and "Errno" not in err
    assert sorted(p.name for p in share.iterdir()) == ["2026-12-03-netwerk.json"]


def test_a_save_into_a_folder_turned_read_only_keeps_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "schijf"
    folder.mkdir()
    store = SessionStore.create(folder / "s.json", Session("Netwerk"))
    ReadOnlyFolder(folder, monkeypatch)
    from wijksessie.domain.model import ParkingItem
    from wijksessie.errors import SaveError

    with pytest.raises(SaveError, match="geen toestemming om hier te schrijven"):
        store.add(ParkingItem("Buurtapp"))
    assert store.unsaved and [p.text for p in store.all(ParkingItem)] == ["Buurtapp"]
    monkeypatch.undo()
    store.close()
    with SessionStore.open(folder / "s.json", read_only=True) as again:
        assert [p.text for p in again.all(ParkingItem)] == ["Buurtapp"]
