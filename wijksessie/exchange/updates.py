"""What a re-import would change about people already in the session (``--bijwerken``).

A signed presence list or a corrected sign-up list names people the session knows; the import
shows, per person, what the file says differently (present, e-mail, phone, organisation) and
applies it only on request. Only filled cells count: a blank one never erases what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from wijksessie.domain.model import Organisation, Participant
from wijksessie.exchange.fields import Field, yes_no
from wijksessie.exchange.records import Record
from wijksessie.i18n import _


@dataclass(frozen=True)
class Change:
    """One field of a known person that the file says differently: ``field`` in the user's
    language, ``old`` and ``new`` as shown."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Update:
    """What a re-import would change about someone already in the session.

    ``values`` are the participant's new attribute values; ``organisation`` is a new
    organisation to add first when the person moved to one the session does not know.
    """

    sheet: str
    row: int
    participant_id: str
    name: str
    changes: tuple[Change, ...]
    values: dict[str, object]
    organisation: Organisation | None = None


def compare(
    existing: Participant,
    person: Participant,
    record: Record,
    organisation: tuple[str, Organisation | None],
    old_organisation: str,
) -> Update | None:
    """The update that turns ``existing`` into what ``record`` (read as ``person``) says, or
    None when the file says nothing new. ``organisation`` is the row's organisation name and
    the new organisation it needs, if any."""
    changes: list[Change] = []
    values: dict[str, object] = {}
    said = yes_no(record.get(Field.PRESENT), existing.present)
    if said is not None and said != existing.present:
        changes.append(Change(Field.PRESENT.label, _yes(existing.present), _yes(said)))
        values["present"] = said
    if person.email and person.email.casefold() != existing.email.casefold():
        changes.append(Change(Field.EMAIL.label, existing.email, person.email))
        values["email"] = person.email
    if person.phone and digits(person.phone) != digits(existing.phone):
        changes.append(Change(Field.PHONE.label, existing.phone, person.phone))
        values["phone"] = person.phone
    name, new_organisation = organisation
    if name and person.organisation_id != existing.organisation_id:
        changes.append(Change(Field.ORGANISATION.label, old_organisation, name))
        values["organisation_id"] = person.organisation_id
    else:
        new_organisation = None
    if not changes:
        return None
    return Update(
        record.sheet, record.row, existing.id, existing.name, tuple(changes), values,
        new_organisation,
    )  # fmt: skip


def digits(text: str) -> str:
    """Only the digits, to compare phone numbers however they are written."""
    return "".join(char for char in text if char.isdigit())


def _yes(flag: bool) -> str:
    return _("ja") if flag else _("nee")
