"""The rules an entity must keep, answered as Dutch messages per field.

``problems()`` never raises: forms show its messages beside the fields. ``validate()`` raises a
``ValidationError`` carrying the same messages, for the store to refuse a bad entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from wijksessie.domain.model import (
    Agreement,
    Commitment,
    Connection,
    Goal,
    Initiative,
    Organisation,
    ParkingItem,
    Participant,
    ResidentQuestion,
    Session,
)
from wijksessie.domain.text import is_clean, normalise
from wijksessie.errors import ValidationError
from wijksessie.i18n import N_, _

NAME_MAX = 120
TEXT_MAX = 5000
LIST_ITEM_MAX = 200
MINUTES_MAX = 600
"""The most minutes a phase can be planned for (the agenda dialog's limit too)."""
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()\-\s]{6,20}$")

REQUIRED: dict[type, tuple[str, str]] = {
    Session: ("title", N_("Geef de sessie een titel.")),
    ResidentQuestion: ("text", N_("Typ de vraag van inwoners.")),
    Organisation: ("name", N_("Geef de organisatie een naam.")),
    Participant: ("name", N_("Geef de deelnemer een naam.")),
    Initiative: ("name", N_("Geef het initiatief een naam.")),
    Goal: ("text", N_("Beschrijf het doel.")),
    Agreement: ("text", N_("Typ de afspraak.")),
    Commitment: ("what", N_("Beschrijf wat er wordt toegezegd.")),
    ParkingItem: ("text", N_("Typ het idee voor de parkeerplaats.")),
}
SHORT_FIELDS = {
    "title",
    "previous_title",
    "wijk",
    "name",
    "location",
    "facilitator",
    "sector",
    "email",
    "phone",
}

_DUPLICATE: dict[type, str] = {
    ResidentQuestion: N_("Deze vraag staat er al."),
    Organisation: N_("Er is al een organisatie met deze naam."),
    Participant: N_("Er is al een deelnemer met deze naam bij deze organisatie."),
    Initiative: N_("Deze organisatie heeft al een initiatief met deze naam."),
    Connection: N_("Deze twee organisaties zijn al verbonden."),
    Goal: N_("Dit doel staat er al."),
    Agreement: N_("Deze afspraak staat er al."),
}


def problems(entity: Any) -> dict[str, str]:
    """Every rule the entity breaks, as ``{field: Dutch message}``; empty when it is fine."""
    found: dict[str, str] = {}
    _lengths(entity, found)
    required = REQUIRED.get(type(entity))
    if required and not getattr(entity, required[0]).strip():
        found[required[0]] = _(required[1])
    for rule in _RULES.get(type(entity), ()):
        rule(entity, found)
    return found


def validate(entity: Any, siblings: Iterable[Any] = ()) -> None:
    """Raise ``ValidationError`` when the entity breaks a rule or duplicates a sibling."""
    found = problems(entity)
    if not found:
        found = duplicate_problems(entity, siblings)
    if found:
        raise ValidationError(found)


def duplicate_problems(entity: Any, siblings: Iterable[Any]) -> dict[str, str]:
    """A message when another entity of the same kind (not this one) has the same identity."""
    message = _DUPLICATE.get(type(entity))
    if message is None:
        return {}
    kind = type(entity)
    key = identity(entity)
    for other in siblings:
        if other.id != entity.id and identity(other, kind) == key:
            field_name = fields(entity)[0].name
            return {field_name: _(message)}
    return {}


def identity(entity: Any, kind: type | None = None) -> tuple[str, ...]:
    """What makes two entities of one kind the same thing to the room.

    ``kind`` lets a light stand-in with the same attributes (a stored document read as an
    object) be compared without building the whole entity.
    """
    kind = kind or type(entity)
    if kind in (Participant, Initiative):
        return (normalise(entity.name), entity.organisation_id)
    if kind is Connection:
        return tuple(sorted((entity.org_a, entity.org_b)))
    first = fields(kind)[0].name
    return (normalise(getattr(entity, first)),)


_UNCLEAN = N_("Bevat stuurtekens of onzichtbare tekens; die kunnen hier niet in.")
"""Typing, import and loading clean text first (``text.clean``); this refuses what slipped by."""


def _lengths(entity: Any, found: dict[str, str]) -> None:
    for f in fields(entity):
        value = getattr(entity, f.name)
        short = f.name in SHORT_FIELDS
        limit = NAME_MAX if short else TEXT_MAX
        if isinstance(value, str) and len(value) > limit:
            found[f.name] = _("Te lang: {length} tekens, hooguit {limit}.").format(
                length=len(value), limit=limit
            )
        elif isinstance(value, str) and not is_clean(value, short=short):
            found[f.name] = _(_UNCLEAN)
        elif isinstance(value, list) and any(
            isinstance(item, str) and len(item) > LIST_ITEM_MAX for item in value
        ):
            found[f.name] = _("Een onderdeel is te lang: hooguit {limit} tekens elk.").format(
                limit=LIST_ITEM_MAX
            )
        elif isinstance(value, list) and any(
            isinstance(item, str) and not is_clean(item) for item in value
        ):
            found[f.name] = _(_UNCLEAN)


def _session_rules(session: Session, found: dict[str, str]) -> None:
    if session.date and session.next_date and session.next_date <= session.date:
        found["next_date"] = _("De vervolgsessie moet na de datum van deze sessie liggen.")
    for item in session.agenda:
        if not 0 <= item.planned_minutes <= MINUTES_MAX:
            found["agenda"] = _("{phase}: plan tussen 0 en 600 minuten.").format(
                phase=item.phase.label
            )


def _participant_rules(participant: Participant, found: dict[str, str]) -> None:
    if participant.email and not _EMAIL.match(participant.email.strip()):
        found["email"] = _("Dit lijkt geen e-mailadres (naam@voorbeeld.nl).")
    if participant.phone and not _PHONE.match(participant.phone.strip()):
        found["phone"] = _("Een telefoonnummer heeft 6 tot 20 cijfers, spaties, +, - of haakjes.")


def name_looks_like_contact(name: str) -> str:
    """Why a name typed for a new person is more likely their e-mail address or phone number;
    empty when it reads as a name.

    The participant form opens again for the next person after a save, and the last field's
    ``enter`` saves: one ``enter`` too many while typing fast puts the address meant for the
    e-mail field into the next person's name, and a person called "yara@example.org" joins
    the session (found trying it in tmux at full speed). Only the form asks this; a file or a
    sign-up list holding such a name is read as it is.
    """
    text = name.strip()
    if _EMAIL.match(text):
        return _("Dit lijkt een e-mailadres, geen naam: dat hoort bij E-mail.")
    if _PHONE.match(text) and sum(c.isdigit() for c in text) >= 6:
        return _("Dit lijkt een telefoonnummer, geen naam: dat hoort bij Telefoon.")
    return ""


def _initiative_rules(initiative: Initiative, found: dict[str, str]) -> None:
    if not initiative.organisation_id:
        found["organisation_id"] = _("Kies de organisatie die het initiatief draait.")
    if initiative.backup_contact_id and initiative.backup_contact_id == initiative.contact_id:
        found["backup_contact_id"] = _("De back-up moet een ander zijn dan de contactpersoon.")


def _connection_rules(connection: Connection, found: dict[str, str]) -> None:
    if not connection.org_a or not connection.org_b:
        found["org_b"] = _("Kies twee organisaties.")
    elif connection.org_a == connection.org_b:
        found["org_b"] = _("Een organisatie kan niet met zichzelf verbonden worden.")


def _commitment_rules(commitment: Commitment, found: dict[str, str]) -> None:
    if not commitment.participant_id and not commitment.organisation_id:
        found["participant_id"] = _("Wie doet het? Kies een persoon of een organisatie.")


def _goal_rules(goal: Goal, found: dict[str, str]) -> None:
    if any(count < 0 for count in goal.votes.values()):
        found["votes"] = _("Een aantal stemmen kan niet negatief zijn.")


_RULES: dict[type, tuple[Any, ...]] = {
    Session: (_session_rules,),
    Participant: (_participant_rules,),
    Initiative: (_initiative_rules,),
    Connection: (_connection_rules,),
    Commitment: (_commitment_rules,),
    Goal: (_goal_rules,),
}
