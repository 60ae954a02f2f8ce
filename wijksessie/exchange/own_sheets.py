"""The rest of our own xlsx export, read back: questions, goals, agreements, commitments, ideas.

These sheets are only ever written by ``spreadsheet.export_xlsx``, so they are recognised by
their exact title and first header (in Dutch or English, whatever the app speaks now) and read
by position, not by guessing what a header means. What the export flattens cannot come back:
a goal's votes per person and an agreement's consent rounds (only their counts are written).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from wijksessie.exchange.fields import fold
from wijksessie.exchange.tables import Table
from wijksessie.i18n import N_, in_every_language

QUESTION = "vraag"
GOAL = "doel"
AGREEMENT = "afspraak"
COMMITMENT = "toezegging"
IDEA = "idee"
ORDER = (QUESTION, GOAL, AGREEMENT, COMMITMENT, IDEA)
"""The order rows are planned in: a goal names questions, a commitment names a goal."""

SHEETS: dict[str, tuple[str, str]] = {
    QUESTION: (N_("Vragen van inwoners"), N_("Vraag")),
    GOAL: (N_("Doelen"), N_("Doel")),
    AGREEMENT: (N_("Afspraken"), N_("Afspraak")),
    COMMITMENT: (N_("Toezeggingen"), N_("Wat")),
    IDEA: (N_("Parkeerplaats"), N_("Idee")),
}
"""Each kind's sheet title and first header, as the export writes them (Dutch msgids)."""


@dataclass(frozen=True)
class OwnRow:
    """One data row of one of these sheets: its kind, where it came from, its cells in order."""

    kind: str
    sheet: str
    row: int
    cells: tuple[str, ...]

    def cell(self, index: int) -> str:
        """The cell at ``index`` ("" past the end), with its spaces tidied."""
        return " ".join(self.cells[index].split()) if index < len(self.cells) else ""


def own_rows(table: Table) -> tuple[OwnRow, ...] | None:
    """The rows of ``table`` when it is one of these sheets of our export, else None."""
    if not table.sheet or not table.rows:
        return None
    kind = next(
        (kind for kind, (title, _h) in SHEETS.items() if fold(table.name) in _keys(title)), None
    )
    if kind is None:
        return None
    _number, header = table.rows[0]
    if not header or fold(header[0]) not in _keys(SHEETS[kind][1]):
        return None
    return tuple(OwnRow(kind, table.name, number, cells) for number, cells in table.rows[1:])


@cache
def _keys(message: str) -> frozenset[str]:
    return frozenset(fold(text) for text in in_every_language(message))
