"""``wijksessie demo`` and the bulk writer behind it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.cli.conftest import Launcher
from wijksessie.cli import DEMO_FILE, main
from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import Organisation, ParkingItem
from wijksessie.errors import ValidationError
from wijksessie.services.sessions import write_network
from wijksessie.store.session_store import SessionStore


def test_demo_creates_the_demo_file_and_opens_it(
    folder: Path, launcher: Launcher, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--dir", str(folder), "demo"]) == 0
    path = folder / DEMO_FILE
    assert capsys.readouterr().out.strip() == str(path)
    [call] = launcher.calls
    assert (call.path, call.read_only, call.title) == (path, False, "Netwerksessie Kruidenbuurt")
    with SessionStore.open(path, read_only=True) as store:
        assert store.network() == demo_network(store.session.date or date.today())


def test_demo_reopens_the_existing_file(folder: Path, launcher: Launcher) -> None:
    assert main(["--dir", str(folder), "demo"]) == 0
    path = folder / DEMO_FILE
    with SessionStore.open(path) as store:
        store.add(ParkingItem("Een idee dat na de demo bleef"))
    assert main(["--dir", str(folder), "demo"]) == 0
    assert [p.name for p in folder.glob("*.json")] == [DEMO_FILE]
    assert len(launcher.calls) == 2
    with SessionStore.open(path, read_only=True) as store:
        assert "Een idee dat na de demo bleef" in [p.text for p in store.all(ParkingItem)]


def test_demo_while_open_elsewhere(
    folder: Path, launcher: Launcher, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--dir", str(folder), "demo"]) == 0
    capsys.readouterr()
    with SessionStore.open(folder / DEMO_FILE):
        assert main(["--dir", str(folder), "demo"]) == 2
    err = capsys.readouterr().err
    assert "al geopend" in err and "Traceback" not in err


def test_demo_shows_in_the_list(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dir", str(folder), "demo"]) == 0
    capsys.readouterr()
    assert main(["--dir", str(folder), "list"]) == 0
    out = capsys.readouterr().out
    assert "Netwerksessie Kruidenbuurt" in out
    row = next(line for line in out.splitlines() if "Kruidenbuurt" in line and "15" in line)
    assert "12" in row


def test_write_network_round_trips(tmp_path: Path) -> None:
    network = demo_network(date(2026, 11, 25))
    with write_network(tmp_path / "demo.json", network) as store:
        assert store.network() == network
    with SessionStore.open(tmp_path / "demo.json", read_only=True) as store:
        assert store.network() == network


def test_write_network_leaves_no_half_file(tmp_path: Path) -> None:
    network = demo_network(date(2026, 11, 25))
    network.organisations.append(Organisation(network.organisations[0].name.upper()))
    path = tmp_path / "half.json"
    with pytest.raises(ValidationError):
        write_network(path, network)
    assert not path.exists()
    SessionStore.create(path, network.session).close()


def test_write_network_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "bestaat.json"
    path.write_text("van iemand anders", encoding="utf-8")
    with pytest.raises(Exception, match="bestaat al"):
        write_network(path, demo_network())
    assert path.read_text(encoding="utf-8") == "van iemand anders"
