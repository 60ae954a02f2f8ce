"""Exports are files to share: created with the mode any new file gets (issue 16.13)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from wijksessie.domain.model import Network
from wijksessie.exchange.graphml import export_graphml
from wijksessie.exchange.kumu import export_kumu
from wijksessie.exchange.spreadsheet import export_xlsx


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize(
    ("export", "name"),
    [
        (export_xlsx, "netwerk.xlsx"),
        (export_kumu, "kumu.xlsx"),
        (export_graphml, "netwerk.graphml"),
    ],
)
def test_a_new_export_respects_the_umask_and_a_replaced_one_keeps_its_mode(
    export: object, name: str, network: Network, tmp_path: Path, umask_022: None
) -> None:
    path = tmp_path / name
    export(network, path)  # type: ignore[operator]
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    path.chmod(0o640)
    export(network, path)  # type: ignore[operator]
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temp file left
