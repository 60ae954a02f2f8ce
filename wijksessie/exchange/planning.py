"""Decide what an import adds: match every record against the session, build what is new.

Pure: it reads a ``Network`` and records and answers with a ``Plan``; nothing is saved. Only a
row without a name is bad (it adds neither its person nor the organisation it named); a bad
optional cell (a phone that is no phone, "misschien" for present) never costs the person: the
cell is left out and the preview says so. Organisation
sheets go first and initiative sheets last, so an organisation's sector from its own sheet wins,
and an initiative's contact person may be someone imported from the same file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from wijksessie.domain.model import (
    CHOICE_LABELS,
    Connection,
    ConnectionKind,
    Initiative,
    Network,
    Organisation,
    Participant,
)
from wijksessie.domain.text import normalise
from wijksessie.domain.validation import problems
from wijksessie.exchange.fields import (
    Field,
    clean_email,
    clean_label,
    clean_name,
    clean_phone,
    items,
    role,
    standard,
    yes_no,
)
from wijksessie.exchange.own_planning import OwnEntity, plan_own
from wijksessie.exchange.own_sheets import OwnRow
from wijksessie.exchange.records import Kind, Record
from wijksessie.exchange.updates import Update, compare, digits
from wijksessie.i18n import N_, _

Entity = Organisation | Participant | Initiative | Connection | OwnEntity


@dataclass(frozen=True)
class Planned:
    """One entity the import adds, with the sheet and row it comes from."""

    sheet: str
    row: int
    entity: Entity


@dataclass(frozen=True)
class Match:
    """A row that is already in the session (or earlier in the file): it adds nothing.

    ``kind`` is "deelnemer", "organisatie" or "initiatief" (a key, not translated);
    ``existing`` names what it matches, ``by`` says how in the current language ("e-mail",
    "naam en organisatie", "naam", or "rij 4").
    """

    kind: str
    sheet: str
    row: int
    name: str
    existing_id: str
    existing: str
    by: str


@dataclass(frozen=True)
class RowMessage:
    """A message about one row (in the current language): why it is bad, or what was left
    out of it."""

    sheet: str
    row: int
    message: str


@dataclass(frozen=True)
class Plan:
    """What importing the records would do."""

    organisations: tuple[Planned, ...]
    participants: tuple[Planned, ...]
    initiatives: tuple[Planned, ...]
    matches: tuple[Match, ...]
    bad_rows: tuple[RowMessage, ...]
    warnings: tuple[RowMessage, ...]
    updates: tuple[Update, ...] = ()
    connections: tuple[Planned, ...] = ()
    extras: tuple[Planned, ...] = ()
    """Questions, goals, agreements, commitments and ideas from our own export's sheets."""


_ORDER = (Kind.ORGANISATIONS, Kind.PARTICIPANTS, Kind.INITIATIVES, Kind.CONNECTIONS)


def plan(records: Iterable[Record], network: Network, own: Iterable[OwnRow] = ()) -> Plan:
    """Match ``records`` (and the rows of our export's other sheets) against ``network`` and
    build the entities that are new."""
    planner = _Planner(network)
    by_kind: dict[Kind, list[Record]] = defaultdict(list)
    for record in records:
        by_kind[record.kind].append(record)
    for kind in _ORDER:
        for record in by_kind[kind]:
            planner.take(record)
    result = planner.result()
    rows = tuple(own)
    if not rows:
        return result
    organisations = {key: known.id for key, known in planner.organisations.items()}
    extra = plan_own(rows, network, organisations, planner.labels)
    return replace(
        result,
        extras=tuple(Planned(sheet, row, entity) for sheet, row, entity in extra.added),
        matches=(
            *result.matches,
            *(
                Match(kind, sheet, row, text, "", text, _("tekst"))
                for sheet, row, kind, text in extra.matched
            ),
        ),
        bad_rows=(*result.bad_rows, *(RowMessage(*bad) for bad in extra.bad)),
        warnings=(*result.warnings, *(RowMessage(*note) for note in extra.warnings)),
    )


class _RowError(Exception):
    """A row cannot be imported; the message says why, in the current language."""


@dataclass
class _Known:
    """Something the import can refer to: in the session (row 0) or planned from a row."""

    id: str
    name: str
    row: int = 0
    entity: Entity | None = None
    person: str = ""
    """A person's own name (``name`` is "Naam (Organisatie)"), to tell namesakes by e-mail."""


@dataclass
class _Planner:
    """The growing plan and every key that makes two rows the same thing."""

    network: Network
    organisations: dict[str, _Known] = field(default_factory=dict)
    by_email: dict[str, _Known] = field(default_factory=dict)
    by_name: dict[tuple[str, str], _Known] = field(default_factory=dict)
    labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    initiatives: dict[tuple[str, str], _Known] = field(default_factory=dict)
    connections: dict[frozenset[str], _Known] = field(default_factory=dict)
    planned: dict[Kind, list[Planned]] = field(default_factory=lambda: defaultdict(list))
    matches: list[Match] = field(default_factory=list)
    bad: list[RowMessage] = field(default_factory=list)
    warnings: list[RowMessage] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)

    def __post_init__(self) -> None:
        for organisation in self.network.organisations:
            self.organisations[normalise(organisation.name)] = _Known(
                organisation.id, organisation.name
            )
        names = {org.id: org.name for org in self.network.organisations}
        for person in self.network.participants:
            self._know_person(person, names.get(person.organisation_id, ""), 0)
        for connection in self.network.connections:
            self.connections[_pair(connection.org_a, connection.org_b)] = _Known(connection.id, "")
        for initiative in self.network.initiatives:
            key = (normalise(initiative.name), initiative.organisation_id)
            self.initiatives[key] = _Known(initiative.id, initiative.name)

    def take(self, record: Record) -> None:
        """Plan one record, or note it as bad."""
        handlers = {
            Kind.ORGANISATIONS: self._organisation_row,
            Kind.PARTICIPANTS: self._participant_row,
            Kind.INITIATIVES: self._initiative_row,
            Kind.CONNECTIONS: self._connection_row,
        }
        try:
            handlers[record.kind](record)
        except _RowError as error:
            self.bad.append(RowMessage(record.sheet, record.row, str(error)))

    def result(self) -> Plan:
        """The plan as frozen tuples."""
        return Plan(
            organisations=tuple(self.planned[Kind.ORGANISATIONS]),
            participants=tuple(self.planned[Kind.PARTICIPANTS]),
            initiatives=tuple(self.planned[Kind.INITIATIVES]),
            matches=tuple(self.matches),
            bad_rows=tuple(self.bad),
            warnings=tuple(self.warnings),
            updates=tuple(self.updates),
            connections=tuple(self.planned[Kind.CONNECTIONS]),
        )

    # -- organisations ----------------------------------------------------------------------

    def _organisation_row(self, record: Record) -> None:
        name = clean_label(record.get(Field.NAME))
        if not name:
            raise _RowError(_("Geen naam van de organisatie."))
        known = self.organisations.get(normalise(name))
        if known is not None:
            self._match("organisatie", record, name, known, _how(known, _("naam")))
            return
        organisation = self._new_organisation(name, record)
        _check(organisation)
        self._add_organisation(organisation, record)

    def _new_organisation(self, name: str, record: Record) -> Organisation:
        return Organisation(
            name=name,
            sector=standard(record.get(Field.SECTOR)),
            interests=items(record.get(Field.INTERESTS)),
        )

    def _organisation_for(self, name: str, record: Record) -> tuple[str, Organisation | None]:
        """The id of the organisation named in a person's row, and a new one if it must be made.

        An organisation that breaks a rule (a name far too long) is left out with a warning:
        the person still comes in.
        """
        if not name:
            return "", None
        known = self.organisations.get(normalise(name))
        if known is not None:
            return known.id, None
        organisation = self._new_organisation(name, record)
        if problem := _problem(organisation):
            self._warn(record, _("Organisatie weggelaten: {problem}").format(problem=problem))
            return "", None
        return organisation.id, organisation

    def _add_organisation(self, organisation: Organisation | None, record: Record) -> None:
        if organisation is None:
            return
        self.planned[Kind.ORGANISATIONS].append(Planned(record.sheet, record.row, organisation))
        key = normalise(organisation.name)
        self.organisations[key] = _Known(organisation.id, organisation.name, record.row)

    # -- participants -----------------------------------------------------------------------

    def _participant_row(self, record: Record) -> None:
        name = _person_name(record)
        if not name:
            raise _RowError(_("Geen naam."))
        org_name = clean_label(record.get(Field.ORGANISATION))
        person = Participant(
            name=name,
            role=role(record.get(Field.ROLE)),
            email=clean_email(record.get(Field.EMAIL)),
            phone=self._phone(record),
            present=self._flag(record, Field.PRESENT, empty=True),
            share_contact=self._flag(record, Field.SHARE_CONTACT, empty=False),
        )
        _check(person, self._drop_bad_contact(person, record))
        org_id, new_org = self._organisation_for(org_name, record)
        person.organisation_id = org_id
        org_name = org_name if org_id else ""
        initiative = self._row_initiative(record, org_id)
        known, by = self._find_person(person, org_name, record)
        if known is None or initiative is not None:
            self._add_organisation(new_org, record)
        if known is not None:
            self._match("deelnemer", record, name, known, by)
            self._compare(known, person, record, (org_name, new_org))
            person_id = known.id
        else:
            self.planned[Kind.PARTICIPANTS].append(Planned(record.sheet, record.row, person))
            self._know_person(person, org_name, record.row)
            person_id = person.id
        if initiative is not None:
            self._take_initiative(initiative, person_id, record)

    def _drop_bad_contact(self, person: Participant, record: Record) -> dict[str, str]:
        """Leave out an e-mail or phone that breaks its rule, and say so: never the person.
        Returns the problems that remain."""
        found = problems(person)
        if "email" in found:
            message = _("E-mail ‘{value}’ weggelaten: {problem}")
            value = record.get(Field.EMAIL).strip()
            self._warn(record, message.format(value=value, problem=found["email"]))
            person.email = ""
        if "phone" in found:
            message = _("Telefoon ‘{value}’ weggelaten: {problem}")
            value = " ".join(record.get(Field.PHONE).split())
            self._warn(record, message.format(value=value, problem=found["phone"]))
            person.phone = ""
        return {name: text for name, text in found.items() if name not in ("email", "phone")}

    def _phone(self, record: Record) -> str:
        text = " ".join(record.get(Field.PHONE).split())
        phone = clean_phone(text)
        changed = digits(phone) != digits(text) or any(c.isalpha() for c in text)
        if phone and changed and not any(c.isalpha() for c in phone):
            message = _("Telefoon ‘{value}’ ingelezen als {phone}.")
            self._warn(record, message.format(value=text, phone=phone))
        return phone

    def _flag(self, record: Record, which: Field, *, empty: bool) -> bool:
        """A yes/no cell; an unclear answer becomes the safe default (present, not shared),
        and the preview says so."""
        text = record.get(which)
        answer = yes_no(text, empty)
        if answer is None:
            message = _("{field}: ‘{value}’ is geen ja of nee; als {default} ingelezen.")
            default = _("ja") if empty else _("nee")
            field_name = which.label.capitalize()
            self._warn(
                record, message.format(field=field_name, value=text.strip(), default=default)
            )
            return empty
        return answer

    def _find_person(
        self, person: Participant, org_name: str, record: Record
    ) -> tuple[_Known | None, str]:
        """Who in the session or file this row is: by e-mail when the names agree, else by name
        and organisation. Two different names never merge because they share an e-mail (two
        Eventbrite tickets bought by one person)."""
        email = person.email.casefold()
        if email and email in self.by_email:
            known = self.by_email[email]
            if _same_person(known.person, person.name):
                return known, _how(known, _("e-mail"))
            message = _("Zelfde e-mailadres als {other}, maar een andere naam: apart ingelezen.")
            self._warn(record, message.format(other=known.name))
        known = self.by_name.get((normalise(person.name), normalise(org_name)))
        if known is not None:
            return known, _how(known, _("naam en organisatie") if org_name else _("naam"))
        known = self.by_name.get((normalise(person.name), "")) if org_name else None
        if known is not None:  # typed in without an organisation; the file knows it
            return known, _how(known, _("naam"))
        return None, ""

    def _compare(
        self,
        known: _Known,
        person: Participant,
        record: Record,
        organisation: tuple[str, Organisation | None],
    ) -> None:
        """Note what the row says differently about someone already in the session."""
        existing = known.entity
        if not isinstance(existing, Participant):
            return  # someone from earlier in this file, not from the session
        old_organisation = self._organisation_name(existing.organisation_id)
        if update := compare(existing, person, record, organisation, old_organisation):
            self.updates.append(update)

    def _organisation_name(self, organisation_id: str) -> str:
        return next(
            (known.name for known in self.organisations.values() if known.id == organisation_id),
            "",
        )

    def _know_person(self, person: Participant, org_name: str, row: int) -> None:
        label = f"{person.name} ({org_name})" if org_name else person.name
        entity = person if row == 0 else None
        known = _Known(person.id, label, row, entity=entity, person=person.name)
        if person.email:
            self.by_email.setdefault(person.email.casefold(), known)
        self.by_name.setdefault((normalise(person.name), normalise(org_name)), known)
        self.labels[normalise(label)].add(person.id)
        self.labels[normalise(person.name)].add(person.id)

    def _row_initiative(self, record: Record, org_id: str) -> Initiative | None:
        """The initiative a participant's row names, checked but not yet planned; left out with
        a warning when it cannot be (no organisation, a rule broken): the person stays."""
        name = clean_label(record.get(Field.INITIATIVE))
        if not name:
            return None
        if not org_id:
            message = _("Initiatief ‘{name}’ weggelaten: het hoort bij een organisatie.")
            self._warn(record, message.format(name=name))
            return None
        initiative = Initiative(
            name=name,
            organisation_id=org_id,
            themes=items(record.get(Field.THEMES)),
            target_groups=items(record.get(Field.TARGET_GROUPS)),
            description=_tidy(record.get(Field.DESCRIPTION)),
        )
        if problem := _problem(initiative):
            self._warn(record, _("Initiatief weggelaten: {problem}").format(problem=problem))
            return None
        return initiative

    def _take_initiative(self, initiative: Initiative, person_id: str, record: Record) -> None:
        """Plan a participant's initiative with them as contact, or as backup when it exists."""
        known = self.initiatives.get(_initiative_key(initiative))
        if known is None:
            initiative.contact_id = person_id
            self._plan_initiative(initiative, record)
            return
        planned = known.entity
        if (
            isinstance(planned, Initiative)
            and person_id != planned.contact_id
            and not planned.backup_contact_id
        ):
            planned.backup_contact_id = person_id

    def _plan_initiative(self, initiative: Initiative, record: Record) -> None:
        self.planned[Kind.INITIATIVES].append(Planned(record.sheet, record.row, initiative))
        self.initiatives[_initiative_key(initiative)] = _Known(
            initiative.id, initiative.name, record.row, initiative
        )

    # -- initiatives ------------------------------------------------------------------------

    def _initiative_row(self, record: Record) -> None:
        name = clean_label(record.get(Field.NAME))
        if not name:
            raise _RowError(_("Geen naam van het initiatief."))
        org_name = clean_label(record.get(Field.ORGANISATION))
        org_id, new_org = self._organisation_for(org_name, record)
        if not org_id:
            raise _RowError(_("Initiatief ‘{name}’ heeft geen organisatie.").format(name=name))
        initiative = Initiative(
            name=name,
            organisation_id=org_id,
            themes=items(record.get(Field.THEMES)),
            target_groups=items(record.get(Field.TARGET_GROUPS)),
            description=_tidy(record.get(Field.DESCRIPTION)),
            contact_id=self._person(record, Field.CONTACT),
            backup_contact_id=self._person(record, Field.BACKUP),
        )
        if initiative.backup_contact_id == initiative.contact_id:
            initiative.backup_contact_id = ""
        _check(initiative)
        self._add_organisation(new_org, record)
        known = self.initiatives.get(_initiative_key(initiative))
        if known is not None:
            self._match("initiatief", record, name, known, _how(known, _("naam en organisatie")))
            return
        self._plan_initiative(initiative, record)

    # -- connections ------------------------------------------------------------------------

    def _connection_row(self, record: Record) -> None:
        """A row of the export's Verbindingen sheet (or Kumu's Connections): two organisations
        and how they relate; unknown organisations are added, a known pair is a match."""
        names = (clean_label(record.get(Field.ORGANISATION)),
                 clean_label(record.get(Field.OTHER_ORGANISATION)))  # fmt: skip
        if not all(names) or normalise(names[0]) == normalise(names[1]):
            raise _RowError(_("Een verbinding heeft twee verschillende organisaties nodig."))
        ids = []
        for name in names:
            org_id, new_org = self._organisation_for(name, record)
            if not org_id:
                raise _RowError(
                    _("Organisatie ‘{name}’ kan niet worden toegevoegd.").format(name=name)
                )
            self._add_organisation(new_org, record)
            ids.append(org_id)
        label = f"{names[0]} – {names[1]}"
        known = self.connections.get(_pair(*ids))
        if known is not None:
            self._match(
                "verbinding", record, label, _Known(known.id, label, known.row), _("organisaties")
            )
            return
        connection = Connection(
            ids[0], ids[1], self._connection_kind(record), _tidy(record.get(Field.DESCRIPTION))
        )
        _check(connection)
        self.planned[Kind.CONNECTIONS].append(Planned(record.sheet, record.row, connection))
        self.connections[_pair(*ids)] = _Known(connection.id, label, record.row, connection)

    def _connection_kind(self, record: Record) -> ConnectionKind:
        text = normalise(record.get(Field.CONNECTION_KIND))
        for kind in ConnectionKind:
            if text in (normalise(kind.value), normalise(_(CHOICE_LABELS[kind]))):
                return kind
        if text:
            message = _("Soort verbinding ‘{value}’ is onbekend; als ‘{kind}’ ingelezen.")
            value = record.get(Field.CONNECTION_KIND).strip()
            default = _(CHOICE_LABELS[ConnectionKind.KNOW])
            self._warn(record, message.format(value=value, kind=default))
        return ConnectionKind.KNOW

    def _person(self, record: Record, which: Field) -> str:
        """The id of the contact a cell names; a warning and no contact when unclear."""
        text = _tidy(record.get(which))
        if not text:
            return ""
        ids = self.labels.get(normalise(text), set())
        if len(ids) == 1:
            return next(iter(ids))
        if ids:
            message = _(
                "Er zijn {count} mensen die {name} heten: schrijf ‘Naam (Organisatie)’."
            ).format(count=len(ids), name=text)
        else:
            message = _("{field} ‘{name}’ staat niet in de sessie of het bestand.").format(
                field=which.label.capitalize(), name=text
            )
        left_empty = _("{problem} Leeg gelaten.").format(problem=message)
        self.warnings.append(RowMessage(record.sheet, record.row, left_empty))
        return ""

    # -- shared -----------------------------------------------------------------------------

    def _warn(self, record: Record, message: str) -> None:
        self.warnings.append(RowMessage(record.sheet, record.row, message))

    def _match(self, kind: str, record: Record, name: str, known: _Known, by: str) -> None:
        self.matches.append(Match(kind, record.sheet, record.row, name, known.id, known.name, by))


def _how(known: _Known, by: str) -> str:
    return _("rij {row}").format(row=known.row) if known.row else by


def _initiative_key(initiative: Initiative) -> tuple[str, str]:
    return (normalise(initiative.name), initiative.organisation_id)


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _person_name(record: Record) -> str:
    if name := clean_name(record.get(Field.NAME)):
        return name
    parts = (record.get(Field.FIRST_NAME), record.get(Field.INFIX), record.get(Field.LAST_NAME))
    return clean_name(" ".join(parts))


def _same_person(known: str, name: str) -> bool:
    """Whether two names can be one person: the same, or the same surname and initial
    ("A. de Vries" and "Anna de Vries")."""
    a, b = normalise(known).replace(".", " ").split(), normalise(name).replace(".", " ").split()
    if a == b or not a or not b:
        return True
    first = a[0] == b[0] or (min(len(a[0]), len(b[0])) == 1 and a[0][0] == b[0][0])
    if len(a) == 1 or len(b) == 1:
        return first
    return first and a[-1] == b[-1]


def _pair(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


def _problem(entity: Entity) -> str:
    """The domain's messages for the rules an entity breaks, in one line."""
    return " ".join(problems(entity).values())


_FIELD_WORDS = {"email": N_("E-mail"), "phone": N_("Telefoon"), "name": N_("Naam")}


def _check(entity: Entity, found: dict[str, str] | None = None) -> None:
    """Raise ``_RowError`` with the domain's own messages when the entity breaks a rule
    (``found``: its problems, when they are known already)."""
    found = problems(entity) if found is None else found
    if not found:
        return
    parts = []
    for name, message in found.items():
        value = getattr(entity, name, "")
        if name in _FIELD_WORDS and isinstance(value, str) and value:
            parts.append(
                _("{field} ‘{value}’: {problem}").format(
                    field=_(_FIELD_WORDS[name]), value=value, problem=message
                )
            )
        else:
            parts.append(message)
    raise _RowError(" ".join(parts))
