"""``wijksessie vervolg``: the next session carries exactly the open commitments."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from wijksessie.cli import main
from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import Commitment, CommitmentStatus, Session
from wijksessie.services.sessions import write_network
from wijksessie.store import SessionStore


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    path = tmp_path / "demo-kruidenbuurt.json"
    write_network(path, demo_network()).close()
    return path


def test_follow_up_carries_open_and_busy_commitments(
    previous: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    when = (date.today() + timedelta(days=30)).strftime("%d-%m-%Y")
    code = main(["--dir", str(previous.parent), "vervolg", previous.name, "--datum", when])
    assert code == 0
    created = Path(capsys.readouterr().out.strip())
    assert created.parent == previous.parent and created != previous
    with SessionStore.open(previous, read_only=True) as old:
        live = {
            c.id: c
            for c in old.all(Commitment)
            if c.status in (CommitmentStatus.OPEN, CommitmentStatus.BUSY)
        }
    with SessionStore.open(created, read_only=True) as new:
        carried = new.all(Commitment)
        assert {c.carried_from for c in carried} == set(live)
        assert all(c.id not in live for c in carried)
        assert all(c.status == live[c.carried_from].status for c in carried)
        assert new.session.previous_session == previous.name
        assert new.session.title == "Netwerksessie Kruidenbuurt"


def test_follow_up_of_missing_file_is_one_dutch_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--dir", str(tmp_path), "vervolg", "weg.json"]) == 2
    err = capsys.readouterr().err
    assert "niet gevonden" in err and "Traceback" not in err


def test_follow_up_in_the_past_is_refused_and_writes_nothing(
    previous: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(previous.parent.glob("*.json"))
    assert (
        main(["--dir", str(previous.parent), "vervolg", previous.name, "--datum", "1-1-2020"]) == 2
    )
    assert "verleden" in capsys.readouterr().err
    assert sorted(previous.parent.glob("*.json")) == before


def test_follow_up_with_own_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.json"
    SessionStore.create(path, Session("Eerste", date=date.today())).close()
    when = date.today() + timedelta(days=7)
    arguments = ["--titel", "Tweede ronde", "--datum", when.strftime("%d-%m-%Y")]
    assert main(["--dir", str(tmp_path), "vervolg", "a.json", *arguments]) == 0
    created = Path(capsys.readouterr().out.strip())
    assert created.name == f"{when.isoformat()}-tweede-ronde.json"


def test_follow_up_without_a_date_takes_the_planned_one_for_the_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    planned = date.today() + timedelta(days=42)
    session = Session("Eerste", date=date.today(), next_date=planned)
    SessionStore.create(tmp_path / "a.json", session).close()
    assert main(["--dir", str(tmp_path), "vervolg", "a.json"]) == 0
    created = Path(capsys.readouterr().out.strip())
    assert created.name == f"{planned.isoformat()}-eerste.json"
    with SessionStore.open(created, read_only=True) as new:
        assert new.session.date == planned
        assert (new.session.previous_title, new.session.previous_date) == (
            "Eerste",
            date.today(),
        )


def test_follow_up_without_any_date_asks_for_one_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    SessionStore.create(tmp_path / "a.json", Session("Eerste", date=date.today())).close()
    assert main(["--dir", str(tmp_path), "vervolg", "a.json"]) == 2
    err = capsys.readouterr().err
    assert "datum" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.glob("*.json")] == ["a.json"]
