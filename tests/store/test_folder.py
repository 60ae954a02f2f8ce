"""The sessions folder: where it is, safe file names, the start screen's list, and the trash."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import MakeStore, demo_session
from wijksessie.domain.model import Participant, Session
from wijksessie.store import folder
from wijksessie.store.folder import list_sessions, move_to_trash, new_session_path, slugify

WHEN = date(2026, 3, 12)

TITLES = [
    "../../etc/passwd",
    "..",
    ".",
    "/abs/path",
    "/",
    "a\x00b",
    "CON",
    "nul",
    "com1",
    "   ",
    "",
    "Café Zuid-Oost",
    "x" * 500,
    "é" * 500,
    "..\\..\\windows\\system32",
    "~/sessions",
    "$HOME",
    "naam\nmet\tregels",
    "🙂🙂",
    "[bold red]x[/]",
    "\x1b[31mrood",
]


@pytest.mark.parametrize("title", TITLES)
def test_new_session_path_stays_inside_the_folder(sessions_dir: Path, title: str) -> None:
    path = new_session_path(sessions_dir, title, WHEN)
    assert path.parent == sessions_dir
    assert path.resolve().parent == sessions_dir.resolve()
    assert path.name.startswith("2026-03-12-")
    assert path.suffix == ".json"
    stem = path.stem.removeprefix("2026-03-12-")
    assert stem and len(stem) <= folder.SLUG_MAX
    assert set(stem) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert not stem.startswith("-") and not stem.endswith("-")
    assert not path.exists()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Café Zuid-Oost", "cafe-zuid-oost"),
        ("Netwerksessie De Pijp", "netwerksessie-de-pijp"),
        ("Ruïne & Coöperatie", "ruine-cooperatie"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "sessie"),
        ("   ", "sessie"),
        ("🙂", "sessie"),
        ("CON", "sessie-con"),
        ("nul", "sessie-nul"),
        ("lpt9", "sessie-lpt9"),
        ("a\x00b", "a-b"),
        ("x" * 500, "x" * folder.SLUG_MAX),
        ("ab-" * 100, ("ab-" * 20).strip("-")),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_a_taken_name_gets_a_number(sessions_dir: Path) -> None:
    first = new_session_path(sessions_dir, "Café Zuid-Oost", WHEN)
    assert first.name == "2026-03-12-cafe-zuid-oost.json"
    first.write_text("{}")
    second = new_session_path(sessions_dir, "Café Zuid-Oost", WHEN)
    assert second.name == "2026-03-12-cafe-zuid-oost-2.json"
    second.write_text("{}")
    third = new_session_path(sessions_dir, "cafe zuid oost", WHEN)
    assert third.name == "2026-03-12-cafe-zuid-oost-3.json"


def test_a_session_without_date_is_named_for_today(sessions_dir: Path) -> None:
    path = new_session_path(sessions_dir, "Sessie", None)
    assert path.name == f"{date.today().isoformat()}-sessie.json"


# -- the list on the start screen ---------------------------------------------------------


def _create(make_store: MakeStore, sessions_dir: Path, title: str, when: date | None) -> Path:
    session = Session(title, wijk="De Pijp", date=when)
    path = new_session_path(sessions_dir, title, when)
    store = make_store("file", session=session, name=path.name)
    store.add(Participant("Anna"))
    store.close()
    return path


def test_list_sessions_newest_first_with_bad_files_last(
    make_store: MakeStore, sessions_dir: Path
) -> None:
    old = _create(make_store, sessions_dir, "Oud", date(2025, 1, 5))
    new = _create(make_store, sessions_dir, "Nieuw", date(2026, 9, 1))
    middle = _create(make_store, sessions_dir, "Midden", date(2026, 2, 1))
    undated = _create(make_store, sessions_dir, "Zonder datum", None)
    (sessions_dir / "kapot.json").write_text("{kapot")
    (sessions_dir / "package.json").write_text(json.dumps({"name": "x"}))
    (sessions_dir / "binair.json").write_bytes(b"\xff\xfe\x00")
    infos = list_sessions(sessions_dir)
    good = [info.path for info in infos if not info.problem]
    assert good == [new, middle, old, undated]
    assert len(infos) == 7
    bad = {info.path.name: info.problem for info in infos[-3:]}
    assert bad == {
        "binair.json": "beschadigd of onleesbaar",
        "kapot.json": "beschadigd of onleesbaar",
        "package.json": "geen wijksessie-bestand",
    }
    assert all(info.title == info.path.stem for info in infos[-3:])
    first = next(info for info in infos if info.path == new)
    assert (first.title, first.wijk, first.date, first.participants) == (
        "Nieuw",
        "De Pijp",
        date(2026, 9, 1),
        1,
    )


def test_list_sessions_ignores_dot_files_the_trash_and_other_files(
    make_store: MakeStore, sessions_dir: Path
) -> None:
    kept = _create(make_store, sessions_dir, "Echt", WHEN)
    (sessions_dir / ".2026-03-12-echt.json.abc123.tmp").write_text("{half")
    (sessions_dir / ".verborgen.json").write_text("{}")
    (sessions_dir / "notities.txt").write_text("los")
    trash = sessions_dir / folder.TRASH
    trash.mkdir()
    (trash / "weg.json").write_text(kept.read_text())
    (sessions_dir / "submap").mkdir()
    (sessions_dir / "submap" / "diep.json").write_text(kept.read_text())
    assert [info.path for info in list_sessions(sessions_dir)] == [kept]


def test_list_sessions_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert list_sessions(tmp_path / "nergens") == []


def test_an_open_session_is_listed(make_store: MakeStore, sessions_dir: Path) -> None:
    store = make_store("file", session=demo_session(), name="open.json")
    assert [info.title for info in list_sessions(sessions_dir)] == ["Netwerksessie De Pijp"]
    store.close()


# -- the trash ------------------------------------------------------------------------------


def test_move_to_trash_moves_and_never_overwrites(sessions_dir: Path) -> None:
    targets = []
    for content in ("eerste", "tweede", "derde"):
        path = sessions_dir / "sessie.json"
        path.write_text(content)
        targets.append(move_to_trash(path))
        assert not path.exists()
    trash = sessions_dir / folder.TRASH
    assert [t.name for t in targets] == ["sessie.json", "sessie-2.json", "sessie-3.json"]
    assert all(t.parent == trash for t in targets)
    assert [t.read_text() for t in targets] == ["eerste", "tweede", "derde"]
    assert list_sessions(sessions_dir) == []


def test_move_to_trash_keeps_the_bytes(sessions_dir: Path) -> None:
    path = sessions_dir / "kapot.json"
    content = b"\x00\xff niet te lezen"
    path.write_bytes(content)
    assert move_to_trash(path).read_bytes() == content


# -- where the folder is --------------------------------------------------------------------


def test_sessions_dir_prefers_the_option(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(folder.ENV_DIR, str(tmp_path / "uit-env"))
    assert folder.sessions_dir(tmp_path / "optie") == tmp_path / "optie"
    assert folder.sessions_dir(str(tmp_path / "optie")) == tmp_path / "optie"


def test_sessions_dir_then_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(folder.ENV_DIR, str(tmp_path / "uit-env"))
    assert folder.sessions_dir() == tmp_path / "uit-env"
    assert folder.sessions_dir(None) == tmp_path / "uit-env"


def test_sessions_dir_else_sessions_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(folder.ENV_DIR, raising=False)
    assert folder.sessions_dir() == Path("sessions")


def test_an_empty_environment_variable_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(folder.ENV_DIR, "")
    assert folder.sessions_dir() == Path("sessions")


def test_sessions_dir_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(folder.ENV_DIR, "~/wijk")
    assert folder.sessions_dir() == tmp_path / "wijk"
    assert os.fspath(folder.sessions_dir("~/optie")) == os.fspath(tmp_path / "optie")


def test_a_session_open_elsewhere_is_not_moved_to_the_trash(
    make_store: MakeStore, sessions_dir: Path
) -> None:
    from wijksessie.errors import SessionLockedError

    store = make_store("file")
    assert store.path is not None
    with pytest.raises(SessionLockedError):
        move_to_trash(store.path)
    assert store.path.exists()
    store.close()
    target = move_to_trash(store.path)
    assert target.exists() and not store.path.exists()
    assert not (store.path.parent / f".{store.path.name}.lock").exists()
