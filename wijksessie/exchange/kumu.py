"""A workbook Kumu imports as it is: sheet ``Elements`` and sheet ``Connections``.

Kumu reads the first column of ``Elements`` as ``ID`` (or ``Label``) and of ``Connections`` as
``From`` with ``To`` beside it. We give every element its stable id, so a re-import updates the
map instead of doubling it, and Kumu then expects ``From`` and ``To`` to hold those ids (labels
may repeat: an organisation and its initiative are often both called "Taalcafé"). Tags are
joined with ``|``, as Kumu splits them. Cells are written as text, never as formulas.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from wijksessie.domain.model import Network
from wijksessie.exchange.cells import Value, add_sheet, new_workbook, save_workbook
from wijksessie.exchange.edges import network_edges, participant_edges

ELEMENT_HEADERS = ("ID", "Label", "Type", "Description", "Tags", "Sector", "Organisatie", "Email")
CONNECTION_HEADERS = ("From", "To", "Type", "Description")
ORGANISATION = "Organisatie"
INITIATIVE = "Initiatief"
PARTICIPANT = "Deelnemer"


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
    add_sheet(
        workbook, "Elements", ELEMENT_HEADERS, _elements(network, with_participants, with_contact)
    )
    rows = ((edge.source, edge.target, edge.kind, edge.note) for edge in edges)
    add_sheet(workbook, "Connections", CONNECTION_HEADERS, rows)
    save_workbook(workbook, path)


def _elements(
    network: Network, with_participants: bool, with_contact: bool
) -> Iterator[Sequence[Value]]:
    names = {org.id: org.name for org in network.organisations}
    for org in network.organisations:
        description = f"Belangen: {', '.join(org.interests)}" if org.interests else ""
        yield (
            org.id,
            org.name,
            ORGANISATION,
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
            INITIATIVE,
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
        yield (person.id, person.name, PARTICIPANT, "", person.role.value, "", organisation, email)
