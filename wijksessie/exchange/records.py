"""From tables of text to records: which sheet holds what, where its header is, which column is
which field.

A sheet's name decides first ("Organisaties", "Initiatieven", "Deelnemers"; "Doelen" and other
sheets of our own export are left alone); otherwise its headers do. The header is the row among
the first few with the most recognised column names, so a title or a blank row above it does not
matter. A manual mapping (column header → field) overrides recognition, for the app's mapping
step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from wijksessie.domain.text import clean
from wijksessie.exchange.fields import DUTCH_LABELS, IGNORE, Field, fold, recognise
from wijksessie.exchange.tables import Table
from wijksessie.i18n import N_, _

HEADER_SCAN = 10
"""How many rows from the top may hold the header (titles and notes often come first)."""


class Kind(StrEnum):
    """What the rows of one sheet are."""

    PARTICIPANTS = "deelnemers"
    ORGANISATIONS = "organisaties"
    INITIATIVES = "initiatieven"

    @property
    def label(self) -> str:
        """The kind's plural in the current language, for the preview's notes."""
        return _(KIND_LABELS[self])


KIND_LABELS: dict[Kind, str] = {
    Kind.PARTICIPANTS: N_("deelnemers"),
    Kind.ORGANISATIONS: N_("organisaties"),
    Kind.INITIATIVES: N_("initiatieven"),
}

_OTHER = "other"
_SHEET_WORDS: tuple[tuple[Kind | str, tuple[str, ...]], ...] = (
    (Kind.ORGANISATIONS, ("organisatie", "organisation", "organization", "partner")),
    (Kind.INITIATIVES, ("initiatie", "initiative", "activiteit", "programma", "aanbod")),
    (Kind.PARTICIPANTS, ("deelnemer", "participant", "aanmelding", "inschrijving", "registrat")),
    (
        _OTHER,
        (
            "verbinding", "connection", "doel", "goal", "afspra", "agreement", "toezeg",
            "commitment", "vraag", "vragen", "question", "parkeer", "parking", "sessie", "session",
            "element",
        ),
    ),
)  # fmt: skip
_PERSON_FIELDS = {
    Field.EMAIL,
    Field.PHONE,
    Field.FIRST_NAME,
    Field.LAST_NAME,
    Field.ROLE,
    Field.PRESENT,
    Field.SHARE_CONTACT,
}
USED: dict[Kind, frozenset[Field]] = {
    Kind.PARTICIPANTS: frozenset(Field) - {Field.CONTACT, Field.BACKUP},
    Kind.ORGANISATIONS: frozenset({Field.NAME, Field.ORGANISATION, Field.SECTOR, Field.INTERESTS}),
    Kind.INITIATIVES: frozenset(
        {
            Field.NAME,
            Field.INITIATIVE,
            Field.ORGANISATION,
            Field.SECTOR,
            Field.THEMES,
            Field.TARGET_GROUPS,
            Field.DESCRIPTION,
            Field.CONTACT,
            Field.BACKUP,
        }
    ),
}
"""The fields each kind of sheet reads; others are shown as not used."""


@dataclass(frozen=True)
class Column:
    """One column of one sheet and what becomes of it, as the preview shows it."""

    sheet: str
    header: str
    field: Field | None
    note: str


@dataclass(frozen=True)
class Record:
    """One data row: its kind, where it came from and its values by field (text as typed)."""

    kind: Kind
    sheet: str
    row: int
    values: Mapping[Field, str]

    def get(self, field: Field) -> str:
        """The value of one field, empty when the file has no such column or cell."""
        return self.values.get(field, "")


@dataclass(frozen=True)
class SheetReading:
    """What one table turned into: its kind (None: left alone), columns and records."""

    name: str
    kind: Kind | None
    columns: tuple[Column, ...]
    records: tuple[Record, ...]
    reason: str = ""


def read_sheet(table: Table, mapping: Mapping[str, str] | None = None) -> SheetReading:
    """Classify one table, find its header and turn its data rows into records.

    A file name only says what is in it when it names a kind ("initiatieven.csv"): a CSV called
    "sessie 12 maart.csv" is still a list of people.
    """
    by_name = _kind_from_name(table.name)
    if by_name is _OTHER and table.sheet:
        return SheetReading(table.name, None, (), (), _("blad van een ander soort"))
    overrides = _overrides(mapping)
    header_at, fields = _find_header(table, overrides)
    kind = by_name if isinstance(by_name, Kind) else _kind_from_fields({f for f in fields if f})
    if kind is None or header_at is None:
        return SheetReading(table.name, None, (), (), _("geen bekende kolomkoppen"))
    headers = table.rows[header_at][1]
    chosen, columns = _columns(table.name, headers, fields, kind)
    records = tuple(
        Record(kind, table.name, number, values)
        for number, cells in table.rows[header_at + 1 :]
        if (values := _values(cells, chosen))
    )
    return SheetReading(table.name, kind, columns, records)


def _kind_from_name(name: str) -> Kind | str | None:
    """The kind a sheet's name says, ``_OTHER`` for a sheet of another sort, else None."""
    words = fold(name).split()
    for kind, stems in _SHEET_WORDS:
        if any(word.startswith(stem) for word in words for stem in stems):
            return kind
    return None


def _kind_from_fields(fields: set[Field]) -> Kind | None:
    if not fields:
        return None
    person = bool(fields & _PERSON_FIELDS)
    named = bool(fields & {Field.NAME, Field.INITIATIVE})
    if not person and named and fields & {Field.CONTACT, Field.BACKUP, Field.DESCRIPTION}:
        return Kind.INITIATIVES
    both_names = {Field.NAME, Field.ORGANISATION} <= fields
    if not person and not both_names and fields & {Field.SECTOR, Field.INTERESTS}:
        return Kind.ORGANISATIONS
    if person or Field.NAME in fields:
        return Kind.PARTICIPANTS
    if Field.ORGANISATION in fields:
        return Kind.ORGANISATIONS
    return None


def _overrides(mapping: Mapping[str, str] | None) -> dict[str, Field | None]:
    """The manual mapping by folded header; a value may be a field's name or its label.

    The label may be the Dutch one or the one in the current language.
    """
    by_label = {field.label: field for field in Field}
    by_label.update({label: field for field, label in DUTCH_LABELS.items()})
    found: dict[str, Field | None] = {}
    for header, value in (mapping or {}).items():
        if value == IGNORE:
            found[fold(header)] = None
        elif value in Field.__members__.values() or value in by_label:
            found[fold(header)] = by_label.get(value) or Field(value)
        else:
            raise ValueError(
                _("Onbekend veld voor kolom {header}: {value}").format(
                    header=repr(header), value=repr(value)
                )
            )
    return found


def _find_header(
    table: Table, overrides: dict[str, Field | None]
) -> tuple[int | None, list[Field | None]]:
    """The row (index into ``rows``) with the most recognised headers, and its fields."""
    best: tuple[int | None, list[Field | None]] = (None, [])
    best_count = 0
    for index, (_number, cells) in enumerate(table.rows[:HEADER_SCAN]):
        fields = [_field(cell, overrides) for cell in cells]
        count = sum(field is not None for field in fields)
        if count > best_count:
            best, best_count = (index, fields), count
    return best


def _field(header: str, overrides: dict[str, Field | None]) -> Field | None:
    key = fold(header)
    if key in overrides:
        return overrides[key]
    return recognise(header)


def _columns(
    sheet: str, headers: tuple[str, ...], fields: list[Field | None], kind: Kind
) -> tuple[dict[int, Field], tuple[Column, ...]]:
    """Which cell index fills which field, and every column with a note for the preview."""
    chosen: dict[int, Field] = {}
    columns = []
    for index, header in enumerate(headers):
        field = fields[index] if index < len(fields) else None
        target = _target(field, kind)
        if not header:
            continue
        if field is None:
            note = _("niet herkend: wordt genegeerd")
        elif target not in USED[kind]:
            note = _("{field}: wordt bij {kind} niet gebruikt").format(
                field=field.label, kind=kind.label
            )
            field = None
        elif target in chosen.values():
            note = _("{field}: dubbele kolom, wordt genegeerd").format(field=field.label)
            field = None
        else:
            chosen[index] = target
            owner = _OWNER.get((kind, target))
            note = _(owner).format(field=target.label) if owner else target.label
        columns.append(Column(sheet, header, field, note))
    return chosen, tuple(columns)


_OF_ORGANISATION = N_("{field} (van de organisatie)")
_OF_INITIATIVE = N_("{field} (van het initiatief)")
_OWNER = {
    (Kind.PARTICIPANTS, Field.SECTOR): _OF_ORGANISATION,
    (Kind.PARTICIPANTS, Field.INTERESTS): _OF_ORGANISATION,
    (Kind.PARTICIPANTS, Field.THEMES): _OF_INITIATIVE,
    (Kind.PARTICIPANTS, Field.TARGET_GROUPS): _OF_INITIATIVE,
    (Kind.PARTICIPANTS, Field.DESCRIPTION): _OF_INITIATIVE,
    (Kind.INITIATIVES, Field.SECTOR): _OF_ORGANISATION,
}
"""On a sheet of people, some columns describe their organisation or initiative."""


def _target(field: Field | None, kind: Kind) -> Field | None:
    """On an organisations or initiatives sheet, "Naam" is the organisation's or initiative's."""
    if kind is Kind.ORGANISATIONS and field is Field.ORGANISATION:
        return Field.NAME
    if kind is Kind.INITIATIVES and field is Field.INITIATIVE:
        return Field.NAME
    return field


_MULTI_LINE = frozenset({Field.DESCRIPTION, Field.INTERESTS, Field.THEMES, Field.TARGET_GROUPS})
"""Fields whose cells may hold line breaks (a description, a list one item per line)."""


def _values(cells: tuple[str, ...], chosen: dict[int, Field]) -> dict[Field, str]:
    """The row's values by field, cleaned as typing is (``text.clean``: a name in a sign-up
    list must not carry a terminal escape into the app); empty when no used cell has anything.
    """
    values = {
        field: clean(cells[index], short=field not in _MULTI_LINE).strip()
        for index, field in chosen.items()
        if index < len(cells)
    }
    return {field: text for field, text in values.items() if text}
