"""Exchange fixtures: files shaped like real registration lists, made fresh in a tmp folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook

from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import Network, Session
from wijksessie.store.session_store import SessionStore

Rows = Sequence[Sequence[object]]


def write_csv(path: Path, rows: Rows, *, sep: str = ";", encoding: str = "utf-8") -> Path:
    """A CSV file as Excel writes it: CRLF line ends, ``sep`` between cells."""
    text = "\r\n".join(sep.join("" if cell is None else str(cell) for cell in row) for row in rows)
    path.write_bytes((text + "\r\n").encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, Rows]) -> Path:
    """A workbook with one sheet per entry, in order."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


REGISTRATIONS: Rows = (
    ("Naam", "Organisatie", "E-mailadres", "Telefoon", "Rol", "Toestemming delen contact"),
    ("Anna de Vries", "Welzijn Zuid", "anna@welzijnzuid.nl", "06-12345678", "verbinder", "ja"),
    ("Karim Ouali", "Huisartsenpraktijk Pijp", "karim@hap.nl", "", "professional", "nee"),
    ("Els Jansen", "Bewonersgroep Pijp", "", "", "bewoner", ""),
)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    """An empty session in a real file, so tests can compare its bytes."""
    made = SessionStore.create(tmp_path / "sessie.json", Session("Netwerksessie De Pijp"))
    yield made
    made.close()


@pytest.fixture
def registrations(tmp_path: Path) -> Path:
    """A plain semicolon CSV with three people at three organisations."""
    return write_csv(tmp_path / "aanmeldingen.csv", REGISTRATIONS)


@pytest.fixture
def network() -> Network:
    """The demo Kruidenbuurt network: overlaps, an isolated organisation, commitments."""
    return demo_network()
