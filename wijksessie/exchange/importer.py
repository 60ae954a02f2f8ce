"""Import a registration list: a preview first, then one batch that adds what is new.

``preview_import`` reads a file and answers with an ``ImportPreview``: what each column
becomes, which rows are new, which match someone already in the session (on e-mail, else on
name and organisation, ignoring case and spaces) and which rows are bad and why. Nothing is
written. ``plan_import`` plans again against the session as it is *now*, and the service
``services.importing.apply_import`` adds all of it in one ``store.batch()``, so an import is one
step that lands whole or not at all, and importing the same file twice adds nobody twice.
This module reads files and decides what they mean; it never touches the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wijksessie.domain.model import Connection, Initiative, Network, Organisation, Participant
from wijksessie.exchange.errors import ExchangeFileError, ImportRefusedError
from wijksessie.exchange.own_sheets import OwnRow, own_rows
from wijksessie.exchange.planning import Match, Planned, RowMessage, plan
from wijksessie.exchange.records import Column, Record, field_names, read_sheet
from wijksessie.exchange.tables import Progress, Table, read_tables
from wijksessie.exchange.updates import Change, Update
from wijksessie.i18n import _, ngettext

MAX_NEW = 500
"""The most of one kind a single import adds: a session is for tens of people, and beyond this
a list is almost certainly the wrong file (and saving it would keep the app busy for long)."""

__all__ = [
    "MAX_NEW",
    "Change",
    "Column",
    "ImportPreview",
    "ImportResult",
    "Match",
    "Planned",
    "RowMessage",
    "Update",
    "build_preview",
    "plan_import",
    "preview_import",
]


@dataclass(frozen=True)
class ImportPreview:
    """Everything the user must see before an import is written; pure data, nothing saved.

    ``rows`` counts data rows read; ``columns`` says per sheet what each column becomes
    (``field`` None: not used); ``organisations``/``participants``/``initiatives`` are the new
    entities with the row they came from; ``matches`` the rows already in the session (or
    earlier in the file); ``bad_rows`` the rows that cannot be imported, with a message;
    ``warnings`` what is left out of rows that are imported (an unknown contact person).
    ``records`` are the rows themselves, so ``plan_import`` can plan again at apply time.
    """

    source: str
    rows: int
    columns: tuple[Column, ...]
    ignored_sheets: tuple[str, ...]
    organisations: tuple[Planned, ...]
    participants: tuple[Planned, ...]
    initiatives: tuple[Planned, ...]
    matches: tuple[Match, ...]
    bad_rows: tuple[RowMessage, ...]
    warnings: tuple[RowMessage, ...]
    records: tuple[Record, ...]
    organisation_names: Mapping[str, str] = field(default_factory=dict)
    updates: tuple[Update, ...] = ()
    """People already in the session whom the file describes differently (``--bijwerken``)."""
    connections: tuple[Planned, ...] = ()
    """New connections between organisations (the Verbindingen sheet of our own export)."""
    extras: tuple[Planned, ...] = ()
    """New questions, goals, agreements, commitments and ideas (our own export's sheets)."""
    own_rows: tuple[OwnRow, ...] = ()
    """The rows those came from, so ``apply_import`` can plan again."""
    """Organisation id → name, of the session and of this import, to show whom a person is with."""

    def name_of(self, entity: object) -> str:
        """How a planned entity is named: a connection by its two organisations, a goal or
        idea by its text, a commitment by what is promised."""
        if isinstance(entity, Connection):
            names = self.organisation_names
            return f"{names.get(entity.org_a, '')} – {names.get(entity.org_b, '')}"
        for attribute in ("name", "text", "what"):
            if value := getattr(entity, attribute, ""):
                return str(value)
        return ""

    def organisation_of(self, entity: object) -> str:
        """The name of the organisation a planned person or initiative belongs to ("" if none)."""
        return self.organisation_names.get(getattr(entity, "organisation_id", ""), "")

    @property
    def unmapped(self) -> tuple[str, ...]:
        """The headers of columns the import does not use, for the app's mapping step."""
        return tuple(column.header for column in self.columns if column.field is None)

    @property
    def new_count(self) -> int:
        """How many entities applying would add."""
        return (
            len(self.organisations)
            + len(self.participants)
            + len(self.initiatives)
            + len(self.connections)
            + len(self.extras)
        )

    @property
    def too_large(self) -> bool:
        """True when one kind exceeds ``MAX_NEW``: such a file is refused as a whole."""
        sizes = (
            len(self.organisations),
            len(self.participants),
            len(self.initiatives),
            len(self.connections),
        )
        return max(sizes) > MAX_NEW

    def refusal(self, *, skip_bad: bool = False) -> str:
        """Why applying would refuse, as one line; empty when it would go ahead.

        The line names ``(--zonder-foute-rijen)`` in every language: the app swaps it for its own
        key.
        """
        if self.too_large:
            return _(
                "Dit bestand zou {participants} deelnemers, {organisations} organisaties en "
                "{initiatives} initiatieven toevoegen; één import voegt er hooguit {most} van "
                "elk toe. Kies de rijen voor deze sessie."
            ).format(
                participants=len(self.participants),
                organisations=len(self.organisations),
                initiatives=len(self.initiatives),
                most=MAX_NEW,
            )
        if self.bad_rows and not skip_bad:
            count = len(self.bad_rows)
            return ngettext(
                "Er is niets geïmporteerd: {count} rij kan niet worden ingelezen. Verbeter het "
                "bestand, of sla die rijen over (--zonder-foute-rijen).",
                "Er is niets geïmporteerd: {count} rijen kunnen niet worden ingelezen. Verbeter "
                "het bestand, of sla die rijen over (--zonder-foute-rijen).",
                count,
            ).format(count=count)
        return ""


@dataclass(frozen=True)
class ImportResult:
    """What an applied import added, for the app to select and the CLI to report."""

    organisations: tuple[Organisation, ...]
    participants: tuple[Participant, ...]
    initiatives: tuple[Initiative, ...]
    matched: int
    skipped: int
    updated: int = 0
    connections: tuple[Connection, ...] = ()
    extras: tuple[Any, ...] = ()
    """Questions, goals, agreements, commitments and ideas added from our own export."""
    updates: tuple[Update, ...] = ()
    """Changes to people already there (``--bijwerken``), applied in the same batch."""

    @property
    def others(self) -> int:
        """How many questions, goals, agreements, commitments and ideas are added."""
        return len(self.extras)

    @property
    def entities(self) -> tuple[Any, ...]:
        """Everything to add, organisations first, so links to them resolve as they land."""
        return (
            *self.organisations,
            *self.participants,
            *self.initiatives,
            *self.connections,
            *self.extras,
        )

    def summary(self) -> str:
        """One line, e.g. "Toegevoegd: 3 deelnemers, 1 organisatie, 0 initiatieven"."""
        people, organisations, initiatives = (
            len(self.participants),
            len(self.organisations),
            len(self.initiatives),
        )
        parts = [
            ngettext("{n} deelnemer", "{n} deelnemers", people).format(n=people),
            ngettext("{n} organisatie", "{n} organisaties", organisations).format(n=organisations),
            ngettext("{n} initiatief", "{n} initiatieven", initiatives).format(n=initiatives),
        ]
        if links := len(self.connections):
            parts.append(ngettext("{n} verbinding", "{n} verbindingen", links).format(n=links))
        if self.others:
            parts.append(
                ngettext(
                    "{n} vraag, doel, afspraak, toezegging of idee",
                    "{n} vragen, doelen, afspraken, toezeggingen en ideeën",
                    self.others,
                ).format(n=self.others)
            )
        sentences = [_("Toegevoegd: {counts}.").format(counts=", ".join(parts))]
        if self.matched:
            sentences.append(_("{n} al aanwezig.").format(n=self.matched))
        if self.updated:
            sentences.append(
                ngettext("{n} deelnemer bijgewerkt.", "{n} deelnemers bijgewerkt.", self.updated)
                .format(n=self.updated)
            )  # fmt: skip
        if self.skipped:
            sentences.append(
                ngettext(
                    "{n} foute rij overgeslagen.", "{n} foute rijen overgeslagen.", self.skipped
                ).format(n=self.skipped)
            )
        return " ".join(sentences)


def preview_import(
    path: Path,
    network: Network,
    *,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read ``path`` (CSV or XLSX) and say what importing it into ``network`` would do.

    ``mapping`` maps a column header to a field name (``Field`` value or Dutch label, ``""``
    to ignore the column); it overrides what the headers are recognised as.
    ``ExchangeFileError`` when the file cannot be read or no sheet has recognisable headers.
    """
    tables = read_tables(Path(path), progress)
    readings = [read_sheet(table, mapping) for table in tables]
    used = [reading for reading in readings if reading.kind is not None]
    own = {table.name: rows for table in tables if (rows := own_rows(table)) is not None}
    if not used and not own:
        raise ExchangeFileError(_no_header_message(Path(path).name, tables))
    records = tuple(record for reading in used for record in reading.records)
    columns = tuple(column for reading in used for column in reading.columns)
    ignored = tuple(r.name for r in readings if r.kind is None and r.name not in own)
    extra = tuple(row for rows in own.values() for row in rows)
    if not records and not extra:
        raise ExchangeFileError(
            _("{name} heeft kolomkoppen maar geen gegevens.").format(name=Path(path).name)
        )
    skipped = tuple(
        RowMessage(reading.name, row, message)
        for reading in used
        for row, message in reading.skipped
    )
    return build_preview(
        Path(path).name,
        records,
        network,
        columns=columns,
        ignored=ignored,
        notes=skipped,
        own=extra,
    )


def _no_header_message(name: str, tables: list[Table]) -> str:
    """Say which headers were found (the top row of the first sheet with text) and how to
    map them by hand: the headers are there, wijksessie just does not know them."""
    first = next((table for table in tables if table.rows), None)
    found = [cell for cell in first.rows[0][1] if cell][:_SHOWN_HEADERS] if first else []
    if not found:
        return _("{name}: er staat niets in dat wijksessie kan lezen.").format(name=name)
    # One line, as every message: a header may hold a line break (headers match with their
    # white space folded, so the example still works as shown).
    shown = [" ".join(header.split()) for header in found]
    headers = ", ".join(f"‘{header}’" for header in shown)
    return _(
        "{name}: wijksessie herkent geen van de kolomkoppen ({headers}). Zeg welke kolom wat is, "
        'bijvoorbeeld --kolom "{example}=naam" (velden: {fields}).'
    ).format(name=name, headers=headers, example=shown[0], fields=field_names())


_SHOWN_HEADERS = 8


def build_preview(
    source: str,
    records: tuple[Record, ...],
    network: Network,
    *,
    columns: tuple[Column, ...] = (),
    ignored: tuple[str, ...] = (),
    notes: tuple[RowMessage, ...] = (),
    own: tuple[OwnRow, ...] = (),
) -> ImportPreview:
    """The preview of importing ``records`` into ``network``; pure, for tests and re-planning.

    ``notes`` are what reading the file already had to say (rows skipped on purpose).
    """
    result = plan(records, network, own)
    names = {org.id: org.name for org in network.organisations}
    names.update({item.entity.id: item.entity.name for item in result.organisations})
    return ImportPreview(
        source=source,
        rows=len(records),
        columns=columns,
        ignored_sheets=ignored,
        organisations=result.organisations,
        participants=result.participants,
        initiatives=result.initiatives,
        matches=result.matches,
        bad_rows=result.bad_rows,
        warnings=tuple(sorted((*notes, *result.warnings), key=lambda note: note.row)),
        records=records,
        organisation_names=names,
        updates=result.updates,
        connections=result.connections,
        extras=result.extras,
        own_rows=own,
    )


def plan_import(
    preview: ImportPreview, network: Network, *, skip_bad: bool = False, update: bool = False
) -> ImportResult:
    """What applying ``preview`` to ``network`` as it is *now* adds; pure, nothing written.

    The rows are planned again, so a preview that went stale (someone was added meanwhile) or
    is applied twice still adds nobody twice. Refuses with ``ImportRefusedError`` when there
    are bad rows and not ``skip_bad``, or when the file is far larger than a session.
    ``services.importing.apply_import`` adds ``ImportResult.entities`` in one batch.
    """
    current = build_preview(preview.source, preview.records, network, own=preview.own_rows)
    if reason := current.refusal(skip_bad=skip_bad):
        raise ImportRefusedError(reason)
    updates = current.updates if update else ()
    return ImportResult(
        organisations=tuple(item.entity for item in current.organisations),
        participants=tuple(item.entity for item in current.participants),
        initiatives=tuple(item.entity for item in current.initiatives),
        connections=tuple(item.entity for item in current.connections),
        extras=tuple(item.entity for item in current.extras),
        updates=updates,
        matched=len(current.matches),
        skipped=len(current.bad_rows),
        updated=len(updates),
    )
