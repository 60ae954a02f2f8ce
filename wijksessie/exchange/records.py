"""From tables of text to records: which sheet holds what, where its header is, which column is
which field.

A sheet's name decides first ("Organisaties", "Initiatieven", "Deelnemers"; "Doelen" and other
sheets of our own export are left alone); otherwise its headers do. The header is the row among
the first few with the most recognised column names, so a title or a blank row above it does not
matter. A manual mapping (column header → field) overrides recognition, for the app's mapping
step.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from wijksessie.domain.text import clean
from wijksessie.exchange.errors import ColumnMappingError
from wijksessie.exchange.fields import DUTCH_LABELS, IGNORE, Field, fold, recognise, strength
from wijksessie.exchange.tables import Table
from wijksessie.i18n import N_, _

HEADER_SCAN = 10
"""How many rows from the top may hold the header (titles and notes often come first)."""


class Kind(StrEnum):
    """What the rows of one sheet are."""

    PARTICIPANTS = "deelnemers"
    ORGANISATIONS = "organisaties"
    INITIATIVES = "initiatieven"
    CONNECTIONS = "verbindingen"

    @property
    def label(self) -> str:
        """The kind's plural in the current language, for the preview's notes."""
        return _(KIND_LABELS[self])


KIND_LABELS: dict[Kind, str] = {
    Kind.PARTICIPANTS: N_("deelnemers"),
    Kind.ORGANISATIONS: N_("organisaties"),
    Kind.INITIATIVES: N_("initiatieven"),
    Kind.CONNECTIONS: N_("verbindingen"),
}

_OTHER = "other"
_SHEET_WORDS: tuple[tuple[Kind | str, tuple[str, ...]], ...] = (
    (Kind.ORGANISATIONS, ("organisatie", "organisation", "organization", "partner")),
    (Kind.INITIATIVES, ("initiatie", "initiative", "activiteit", "programma", "aanbod")),
    (Kind.PARTICIPANTS, ("deelnemer", "participant", "aanmelding", "inschrijving", "registrat")),
    (Kind.CONNECTIONS, ("verbinding", "connection")),
    (
        _OTHER,
        (
            "doel", "goal", "afspra", "agreement", "toezeg",
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
    Kind.PARTICIPANTS: frozenset(Field)
    - {Field.CONTACT, Field.BACKUP, Field.OTHER_ORGANISATION, Field.CONNECTION_KIND},
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
    Kind.CONNECTIONS: frozenset(
        {Field.ORGANISATION, Field.OTHER_ORGANISATION, Field.CONNECTION_KIND, Field.DESCRIPTION}
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
    skipped: tuple[tuple[int, str], ...] = ()
    """Rows left out on purpose (a "Totaal: 5 aanmeldingen" line), with the reason."""


def read_sheet(table: Table, mapping: Mapping[str, str] | None = None) -> SheetReading:
    """Classify one table, find its header and turn its data rows into records.

    A file name only says what is in it when it names a kind ("initiatieven.csv"): a CSV called
    "sessie 12 maart.csv" is still a list of people.
    """
    by_name = _kind_from_name(table.name)
    if by_name is _OTHER and table.sheet:
        return SheetReading(table.name, None, (), (), _("blad van een ander soort"))
    overrides = _overrides(mapping)
    header = _find_header(table, overrides)
    if header is None:
        return SheetReading(table.name, None, (), (), _("geen bekende kolomkoppen"))
    found = {f for f in header.fields if f}
    kind = by_name if isinstance(by_name, Kind) else _kind_from_fields(found)
    if kind is None:
        return SheetReading(table.name, None, (), (), _("geen bekende kolomkoppen"))
    if kind is Kind.CONNECTIONS and not found >= _PAIR:  # e.g. Kumu's From/To of element IDs
        return SheetReading(table.name, None, (), (), _("blad van een ander soort"))
    chosen, columns = _columns(table.name, header.headers, header.fields, kind)
    records, skipped = [], []
    for number, cells in table.rows[header.data_from :]:
        if _is_total(cells):
            skipped.append((number, _("Totaalregel overgeslagen.")))
        elif values := _values(cells, chosen):
            records.append(Record(kind, table.name, number, values))
    return SheetReading(table.name, kind, columns, tuple(records), skipped=tuple(skipped))


_TOTAL = re.compile(r"^(sub)?tota(a)?l\b|^aantal (aanmeldingen|deelnemers|personen)\b|^som\b")


def _is_total(cells: tuple[str, ...]) -> bool:
    """A line like "Totaal: 5 aanmeldingen" under a hand-made list: a count, not a person."""
    filled = [cell for cell in cells if cell]
    if not filled or len(filled) > 2 or filled[0][:1].casefold() not in ("t", "s", "a"):
        return False
    return bool(_TOTAL.match(fold(filled[0])))


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
    if {Field.ORGANISATION, Field.OTHER_ORGANISATION} <= fields:
        return Kind.CONNECTIONS
    person = bool(fields & _PERSON_FIELDS)
    named = bool(fields & {Field.NAME, Field.INITIATIVE})
    if Field.INITIATIVE in fields and not fields & {Field.NAME, *_NAME_PARTS}:
        return Kind.INITIATIVES  # an aanbod list: its phone and e-mail are the organisation's
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


_NAME_PARTS = frozenset({Field.FIRST_NAME, Field.INFIX, Field.LAST_NAME})
_PAIR = frozenset({Field.ORGANISATION, Field.OTHER_ORGANISATION})


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
            raise ColumnMappingError(
                _("Onbekend veld voor kolom {header}: {value}. Kies uit: {fields}.").format(
                    header=repr(header), value=repr(value), fields=field_names()
                )
            )
    return found


@dataclass(frozen=True)
class _Header:
    """Where a sheet's header is: its texts, their fields, and the first row index of data."""

    headers: tuple[str, ...]
    fields: list[Field | None]
    data_from: int


def field_names() -> str:
    """The names a mapping may use, in the current language, for a message."""
    return ", ".join(field.label for field in Field)


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """``["Wat is je naam?=naam", "Dieet="]`` (the command line's ``--kolom``) as a mapping.

    The last ``=`` splits, so a header may hold one; an empty field ignores the column.
    """
    mapping: dict[str, str] = {}
    for pair in pairs:
        header, sign, value = pair.rpartition("=")
        if not sign or not header.strip():
            raise ColumnMappingError(
                _("Schrijf een kolom als \"Kop=veld\", bijvoorbeeld \"Wat is je naam?=naam\"; "
                  "niet {pair}.").format(pair=repr(pair))
            )  # fmt: skip
        mapping[header.strip()] = value.strip()
    return mapping


def _find_header(table: Table, overrides: dict[str, Field | None]) -> _Header | None:
    """The header among the first rows: the row, or two rows read as one, that most columns
    recognise.

    Two rows count as one header when the upper one groups the lower ("Contactgegevens" merged
    over "E-mail" and "Telefoon"): each column takes the lower text, or the upper where the
    lower is blank. They win only when together they recognise more than either row alone.
    """
    best: _Header | None = None
    best_count = 0
    rows = [cells for _number, cells in table.rows[:HEADER_SCAN]]
    for index, cells in enumerate(rows):
        candidates = [(cells, index + 1)]
        if index + 1 < len(rows):
            lower = rows[index + 1]
            width = max(len(cells), len(lower))
            joined = tuple(
                (lower[i] if i < len(lower) else "") or (cells[i] if i < len(cells) else "")
                for i in range(width)
            )
            candidates.append((joined, index + 2))
        for headers, data_from in candidates:
            fields = [_field(cell, overrides) for cell in headers]
            count = sum(found is not None for found in fields)
            if count > best_count:
                best, best_count = _Header(tuple(headers), fields, data_from), count
    return best


def _field(header: str, overrides: dict[str, Field | None]) -> Field | None:
    key = fold(header)
    if key in overrides:
        return overrides[key]
    return recognise(header)


def _columns(
    sheet: str, headers: tuple[str, ...], fields: list[Field | None], kind: Kind
) -> tuple[dict[Field, tuple[int, ...]], tuple[Column, ...]]:
    """Which cells fill which field, strongest column first, and every column with a note.

    When two columns mean the same field (Microsoft Forms' account "Name" and the question
    "Wat is je naam?"; Outlook's business and mobile phone), the stronger one fills it and the
    others fill in, in order, where it is blank.
    """
    claims: dict[Field, list[int]] = {}
    targets: dict[int, Field | None] = {}
    for index, header in enumerate(headers):
        field = fields[index] if index < len(fields) else None
        targets[index] = target = _target(field, kind)
        if header and target is not None and target in USED[kind]:
            claims.setdefault(target, []).append(index)
    chosen = {
        target: tuple(sorted(indexes, key=lambda i: -strength(headers[i])))
        for target, indexes in claims.items()
    }
    columns = []
    for index, header in enumerate(headers):
        if not header:
            continue
        field = fields[index] if index < len(fields) else None
        target = targets[index]
        if field is None or target is None:
            note = _("niet herkend: wordt genegeerd")
        elif target not in USED[kind]:
            note = _("{field}: wordt bij {kind} niet gebruikt").format(
                field=field.label, kind=kind.label
            )
            field = None
        elif chosen[target][0] != index:
            note = _("{field}: als ‘{header}’ leeg is").format(
                field=target.label, header=headers[chosen[target][0]]
            )
        else:
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


def _values(cells: tuple[str, ...], chosen: dict[Field, tuple[int, ...]]) -> dict[Field, str]:
    """The row's values by field (the first non-blank of its columns), cleaned as typing is
    (``text.clean``: a name in a sign-up list must not carry a terminal escape into the app);
    empty when none has any."""
    values = {}
    for field, indexes in chosen.items():
        raw = next((cells[i] for i in indexes if i < len(cells) and cells[i].strip()), "")
        text = clean(raw, short=field not in _MULTI_LINE).strip()
        if text[:1] == "'" and text[1:2] in _GUARDED:
            text = text[1:]  # our own exports' guard against formulas, not part of the name
        if text:
            values[field] = text
    return values


_GUARDED = frozenset("=+-@")
"""What a cell of our CSV exports may start with only behind a ``'`` (so a spreadsheet takes
it as text, not a formula): the ``'`` is taken off again when such a list is imported, or
"+31 Buurtbedrijf" came back as a new organisation "'+31 Buurtbedrijf". A name such as
"'t Hart" keeps its apostrophe."""
