"""The session use cases the command line and the app share: find, create, follow up, trash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import Commitment
from wijksessie.errors import SessionFileError, ValidationError
from wijksessie.services.sessions import (
    create_session,
    follow_up_session,
    list_sessions,
    move_to_trash,
    open_session,
    read_session,
    resolve_session_path,
    write_network,
)

TODAY = date(2026, 11, 25)


def test_a_bare_name_is_found_in_the_sessions_folder(
    sessions_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sessions_dir / "sessie.json"
    write_network(path, demo_network(TODAY)).close()
    monkeypatch.chdir(tmp_path)
    assert resolve_session_path("sessie.json", sessions_dir) == path


@pytest.mark.parametrize(
    ("name", "message"),
    [("weg.json", "Sessiebestand niet gevonden: "), ("map", " is een map, geen sessiebestand.")],
)
def test_a_missing_file_or_a_folder_is_refused_without_a_lock(
    name: str, message: str, sessions_dir: Path
) -> None:
    (sessions_dir / "map").mkdir(parents=True)
    with pytest.raises(SessionFileError, match=message):
        resolve_session_path(str(sessions_dir / name), sessions_dir)
    assert sorted(p.name for p in sessions_dir.iterdir()) == ["map"]


def test_create_names_every_wrong_field_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "nieuw"
    with pytest.raises(ValidationError) as refused:
        create_session(folder, title=" ", wijk="Kruidenbuurt", date_text="gisteravond laat")
    assert set(refused.value.problems) == {"title", "date"}
    assert not folder.exists()


def test_create_makes_the_folder_and_dates_a_blank_date(tmp_path: Path) -> None:
    folder = tmp_path / "nieuw"
    with create_session(folder, title=" Netwerk ", wijk="Kruidenbuurt", blank=TODAY) as store:
        assert store.path == folder / "2026-11-25-netwerk.json"
        assert (store.session.title, store.session.date) == ("Netwerk", TODAY)


def test_a_follow_up_keeps_the_title_and_carries_the_open_commitments(
    sessions_dir: Path,
) -> None:
    previous = sessions_dir / "vorige.json"
    write_network(previous, demo_network(TODAY)).close()
    with follow_up_session(previous, today=TODAY) as store:
        assert store.session.title == read_session(previous).title
        assert store.session.previous_session == "vorige.json"
        assert all(c.carried_from for c in store.all(Commitment))


def test_a_follow_up_with_a_wrong_date_names_the_field(sessions_dir: Path) -> None:
    previous = sessions_dir / "vorige.json"
    write_network(previous, demo_network(TODAY)).close()
    with pytest.raises(ValidationError) as refused:
        follow_up_session(previous, date_text="30 februari", today=TODAY)
    assert list(refused.value.problems) == ["date"]
    assert [p.name for p in sessions_dir.glob("*.json")] == ["vorige.json"]


def test_trash_moves_the_file_out_of_the_list(sessions_dir: Path) -> None:
    path = sessions_dir / "sessie.json"
    write_network(path, demo_network(TODAY)).close()
    assert [info.path for info in list_sessions(sessions_dir)] == [path]
    target = move_to_trash(path)
    assert target.parent.name == ".prullenbak"
    assert list_sessions(sessions_dir) == []
    with open_session(target, read_only=True) as store:
        assert store.read_only
