"""Weak links: initiatives that hang on one person, organisations nobody is connected to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from enum import StrEnum

from wijksessie.domain.analysis.common import name_key, partners_of
from wijksessie.domain.model import Initiative, Network, Organisation, Participant
from wijksessie.domain.record import record
from wijksessie.i18n import N_, _


class WeakLinkKind(StrEnum):
    """Why a part of the network rests on too little."""

    NO_CONTACT = "geen contactpersoon"
    NO_BACKUP = "geen reserve"
    SOLE_PARTICIPANT = "enige deelnemer"
    ISOLATED = "geïsoleerd"

    @property
    def label(self) -> str:
        """The kind as the room reads it, in the current language (the value stays Dutch)."""
        return _(WEAK_LINK_LABELS[self])


WEAK_LINK_LABELS: dict[WeakLinkKind, str] = {
    WeakLinkKind.NO_CONTACT: N_("geen contactpersoon"),
    WeakLinkKind.NO_BACKUP: N_("geen reserve"),
    WeakLinkKind.SOLE_PARTICIPANT: N_("enige deelnemer"),
    WeakLinkKind.ISOLATED: N_("geïsoleerd"),
}


@record
class WeakLink:
    """One place where the network breaks when a single person leaves, with the ids involved."""

    kind: WeakLinkKind
    reason: str
    initiative_id: str = ""
    organisation_id: str = ""
    participant_id: str = ""


def weak_links(network: Network) -> list[WeakLink]:
    """Initiatives that hang on one person and organisations nobody is connected to.

    The article's weak link: when a partnership rests on one person, it ends when they leave.
    Per initiative (by name) first, then the isolated organisations (by name).
    """
    people = {participant.id: participant for participant in network.participants}
    organisations = {organisation.id: organisation for organisation in network.organisations}
    members = Counter(participant.organisation_id for participant in network.participants)
    found: list[WeakLink] = []
    for initiative in sorted(network.initiatives, key=name_key):
        found.extend(_initiative_links(initiative, people, organisations, members))
    partners = partners_of(network)
    for organisation in sorted(network.organisations, key=name_key):
        if not partners.get(organisation.id):
            reason = _("{organisation} heeft nog geen verbinding met een andere organisatie.")
            reason = reason.format(organisation=organisation.name)
            found.append(WeakLink(WeakLinkKind.ISOLATED, reason, organisation_id=organisation.id))
    return found


def _initiative_links(
    initiative: Initiative,
    people: dict[str, Participant],
    organisations: dict[str, Organisation],
    members: Counter[str],
) -> Iterator[WeakLink]:
    ids = {"initiative_id": initiative.id, "organisation_id": initiative.organisation_id}
    contact = people.get(initiative.contact_id)
    if contact is None:
        reason = _("Niemand is aanspreekpunt voor ‘{initiative}’.").format(
            initiative=initiative.name
        )
        yield WeakLink(WeakLinkKind.NO_CONTACT, reason, **ids)
        return
    backup = people.get(initiative.backup_contact_id)
    if backup is None or backup.id == contact.id:
        reason = _("‘{initiative}’ hangt aan {contact}: er is geen reserve.").format(
            initiative=initiative.name, contact=contact.name
        )
        yield WeakLink(WeakLinkKind.NO_BACKUP, reason, participant_id=contact.id, **ids)
    organisation = organisations.get(initiative.organisation_id)
    if (
        organisation is not None
        and contact.organisation_id == organisation.id
        and members[organisation.id] == 1
    ):
        reason = _("{contact} is de enige van {organisation} in het netwerk.").format(
            contact=contact.name, organisation=organisation.name
        )
        yield WeakLink(WeakLinkKind.SOLE_PARTICIPANT, reason, participant_id=contact.id, **ids)
