"""Hostile import files (issue 19.11): one Dutch line within a second, the session untouched."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.exchange.hostile import HOSTILE, zip_bomb
from wijksessie import cli
from wijksessie.store.session_store import SessionStore


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("WIJKSESSIE_DIR", raising=False)
    assert cli.main(["new", "Netwerksessie", "--wijk", "De Pijp", "--date", "12-3-2026"]) == 0
    (path,) = (tmp_path / "sessions").glob("*.json")
    return path


@pytest.mark.parametrize("case", list(HOSTILE))
@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "echt"])
def test_a_hostile_file_is_one_dutch_line_within_a_second(
    case: str, dry_run: bool, session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, words = HOSTILE[case]
    folder = tmp_path / "in"
    folder.mkdir()
    path = make(folder)
    before = session.read_bytes()
    capsys.readouterr()
    start = time.perf_counter()
    code = cli.main(["import", str(session), str(path), *(["--dry-run"] if dry_run else [])])
    took = time.perf_counter() - start
    out, err = capsys.readouterr()
    assert code == 2, out
    assert err.startswith("wijksessie: ") and err.count("\n") == 1, err
    assert words in err and "Onverwachte" not in err
    assert took < 1.0, f"{case}: {took:.2f} s"
    assert session.read_bytes() == before
    SessionStore.open(session).close()  # the lock was given back


def test_the_bomb_is_small_on_disk_and_huge_unpacked(tmp_path: Path) -> None:
    """The test's bomb is the one the issue describes: well under 1 MB, 2,000,000 rows."""
    import zipfile

    path = zip_bomb(tmp_path)
    assert path.stat().st_size < 1024 * 1024
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 90 * 1024 * 1024
