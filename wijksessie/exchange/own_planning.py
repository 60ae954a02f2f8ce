"""Plan the rows of our own export's other sheets: questions, goals, agreements, commitments and
ideas. Pure, like ``planning``: a row already in the session (same text) is a match, a new one
becomes an entity; names of organisations, people, questions and goals are looked up among what
the session holds and what this import adds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from wijksessie.domain.model import (
    CHOICE_LABELS,
    Agreement,
    AgreementStatus,
    Commitment,
    CommitmentStatus,
    Goal,
    Network,
    ParkingItem,
    ResidentQuestion,
)
from wijksessie.domain.text import normalise
from wijksessie.domain.validation import problems
from wijksessie.exchange.fields import items
from wijksessie.exchange.own_sheets import (
    AGREEMENT,
    COMMITMENT,
    GOAL,
    IDEA,
    ORDER,
    QUESTION,
    OwnRow,
)
from wijksessie.i18n import _

OwnEntity = ResidentQuestion | Goal | Agreement | Commitment | ParkingItem


@dataclass(frozen=True)
class OwnPlan:
    """What the rows add (entity with its sheet and row), match, or cannot read."""

    added: tuple[tuple[str, int, OwnEntity], ...]
    matched: tuple[tuple[str, int, str, str], ...]
    """(sheet, row, kind, text) of rows already in the session."""
    bad: tuple[tuple[str, int, str], ...]
    warnings: tuple[tuple[str, int, str], ...]


@dataclass
class _OwnPlanner:
    network: Network
    organisations: Mapping[str, str]
    """Normalised organisation name → id, of the session and of this import."""
    people: Mapping[str, set[str]]
    """Normalised name and "Naam (Organisatie)" → participant ids."""
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    added: list[tuple[str, int, OwnEntity]] = field(default_factory=list)
    matched: list[tuple[str, int, str, str]] = field(default_factory=list)
    bad: list[tuple[str, int, str]] = field(default_factory=list)
    warnings: list[tuple[str, int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        known: dict[str, Iterable[tuple[str, str]]] = {
            QUESTION: ((q.text, q.id) for q in self.network.questions),
            GOAL: ((g.text, g.id) for g in self.network.goals),
            AGREEMENT: ((a.text, a.id) for a in self.network.agreements),
            COMMITMENT: ((c.what, c.id) for c in self.network.commitments),
            IDEA: ((p.text, p.id) for p in self.network.parking),
        }
        self.texts = {kind: {normalise(t): i for t, i in pairs} for kind, pairs in known.items()}

    def take(self, row: OwnRow) -> None:
        text = row.cell(0)
        if not text:
            self.bad.append((row.sheet, row.row, _("Deze rij heeft geen tekst.")))
            return
        if normalise(text) in self.texts[row.kind]:
            self.matched.append((row.sheet, row.row, row.kind, text))
            return
        entity = self._entity(row, text)
        if found := problems(entity):
            self.bad.append((row.sheet, row.row, " ".join(found.values())))
            return
        self.texts[row.kind][normalise(text)] = entity.id
        self.added.append((row.sheet, row.row, entity))

    def _entity(self, row: OwnRow, text: str) -> OwnEntity:
        if row.kind == QUESTION:
            return ResidentQuestion(text, items(row.cell(1)), row.cell(2))
        if row.kind == GOAL:
            coalition = self._named(row, row.cell(3), self.organisations)
            questions = self._named(row, row.cell(4), self.texts[QUESTION])
            return Goal(text, items(row.cell(1)), questions, coalition=coalition)
        if row.kind == AGREEMENT:
            return Agreement(text, _choice(AgreementStatus, row.cell(1), AgreementStatus.PROPOSED))
        if row.kind == COMMITMENT:
            return Commitment(
                text,
                participant_id=self._person(row),
                organisation_id=self.organisations.get(normalise(row.cell(2)), ""),
                goal_id=self.texts[GOAL].get(normalise(row.cell(3)), ""),
                due=_date(row.cell(4)),
                status=_choice(CommitmentStatus, row.cell(5), CommitmentStatus.OPEN),
                note=row.cell(6),
            )
        return ParkingItem(text)

    def _named(self, row: OwnRow, cell: str, known: Mapping[str, str]) -> list[str]:
        """The ids of the names in a cell the export joined with ", " (names may hold commas
        themselves, so known names are found in the cell, longest first)."""
        rest, found = normalise(cell), []
        for name in sorted(known, key=len, reverse=True):
            if name and name in rest:
                found.append(known[name])
                rest = rest.replace(name, "")
        if rest.replace(",", "").strip():
            message = _("‘{names}’: niet alles staat in de sessie of het bestand; weggelaten.")
            self.warnings.append((row.sheet, row.row, message.format(names=cell)))
        return list(dict.fromkeys(found))

    def _person(self, row: OwnRow) -> str:
        name, organisation = row.cell(1), row.cell(2)
        for key in (f"{name} ({organisation})", name):
            ids = self.people.get(normalise(key), set())
            if len(ids) == 1:
                return next(iter(ids))
        if name:
            message = _(
                "‘{name}’ staat niet (eenduidig) in de sessie of het bestand; leeg gelaten."
            )
            self.warnings.append((row.sheet, row.row, message.format(name=name)))
        return ""


def plan_own(
    rows: Iterable[OwnRow],
    network: Network,
    organisations: Mapping[str, str],
    people: Mapping[str, set[str]],
) -> OwnPlan:
    """Plan the rows, kind by kind in ``ORDER``, against the session and what the import adds."""
    planner = _OwnPlanner(network, organisations, people)
    rows = list(rows)
    for kind in ORDER:
        for row in rows:
            if row.kind == kind:
                planner.take(row)
    return OwnPlan(
        tuple(planner.added), tuple(planner.matched), tuple(planner.bad), tuple(planner.warnings)
    )


def _choice(kind: type, text: str, default: object) -> object:
    key = normalise(text)
    for value in kind:  # type: ignore[attr-defined]
        if key in (normalise(value), normalise(_(CHOICE_LABELS.get(value, value)))):
            return value
    return default


def _date(text: str) -> date | None:
    """A due date as the export writes it (dd-mm-jjjj), or None."""
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d-%m-%Y %H:%M"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
