"""A workbook Kumu imports as it is: sheet ``Elements`` and sheet ``Connections``.

Kumu reads the first column of ``Elements`` as ``ID`` (or ``Label``) and of ``Connections`` as
``From`` with ``To`` beside it. We give every element its stable id, so a re-import updates the
map instead of doubling it, and Kumu then expects ``From`` and ``To`` to hold those ids (labels
may repeat: an organisation and its initiative are often both called "Taalcafé"). Tags are
joined with ``|``, as Kumu splits them. Cells are written as text, never as formulas.

Kumu's own column and sheet names stay English in every language; the words the app adds (the
``Organisatie`` column, element and connection types, "Belangen:") follow the current language,
while what was typed, sectors, themes and roles stay as stored.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from wijksessie.domain.edges import kind_label, network_edges, participant_edges
from wijksessie.domain.model import Network
from wijksessie.exchange.cells import Value, add_sheet, new_workbook, save_workbook
from wijksessie.i18n import N_, _

ELEMENT_HEADERS = ("ID", "Label", "Type", "Description", "Tags", "Sector", "Organisatie", "Email")
"""Kumu's columns; only "Organisatie" (our own field) is translated when written."""
CONNECTION_HEADERS = ("From", "To", "Type", "Description")
ORGANISATION = N_("Organisatie")
INITIATIVE = N_("Initiatief")
PARTICIPANT = N_("Deelnemer")


def export_kumu(
    network: Network,
    path: Path,
    *,
    with_participants: bool = False,
    with_contact: bool = False,
) -> None:
    """Write the Kumu workbook to ``path``.

    ``with_participants`` adds people as elements (linked to their organisation); their e-mail
    only with their consent or ``with_contact``, since a Kumu map is often public.
    """
    edges = network_edges(network)
    if with_participants:
        edges += participant_edges(network)
    workbook = new_workbook()
    headers = tuple(_(header) if header == ORGANISATION else header for header in ELEMENT_HEADERS)
    add_sheet(workbook, "Elements", headers, _elements(network, with_participants, with_contact))
    rows = ((edge.source, edge.target, kind_label(edge.kind), edge.note) for edge in edges)
    add_sheet(workbook, "Connections", CONNECTION_HEADERS, rows)
    save_workbook(workbook, path)


def _elements(
    network: Network, with_participants: bool, with_contact: bool
) -> Iterator[Sequence[Value]]:
    names = {org.id: org.name for org in network.organisations}
    for org in network.organisations:
        description = (
            _("Belangen: {interests}").format(interests=", ".join(org.interests))
            if org.interests
            else ""
        )
        yield (
            org.id,
            org.name,
            _(ORGANISATION),
            description,
            "|".join(org.interests),
            org.sector,
            "",
            "",
        )
    for initiative in network.initiatives:
        tags = "|".join([*initiative.themes, *initiative.target_groups])
        organisation = names.get(initiative.organisation_id, "")
        yield (
            initiative.id,
            initiative.name,
            _(INITIATIVE),
            initiative.description,
            tags,
            "",
            organisation,
            "",
        )
    if not with_participants:
        return
    for person in network.participants:
        email = person.email if person.share_contact or with_contact else ""
        organisation = names.get(person.organisation_id, "")
        yield (
            person.id,
            person.name,
            _(PARTICIPANT),
            "",
            person.role.value,
            "",
            organisation,
            email,
        )
