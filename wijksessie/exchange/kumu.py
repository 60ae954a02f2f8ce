"""A workbook Kumu imports as it is: sheet ``Elements`` and sheet ``Connections``.

Kumu matches rows to what a map already holds by their ``ID`` column: elements by ID (else by
Label and Type), connections *only* by ID; a connection row without one is always new, so a
re-import without IDs doubles every line. Both sheets therefore start with ``ID``: an element's
own id, a connection's own id (or, for the lines the app derives, their two ends), so importing
the same map again updates it. ``From`` and ``To`` hold element IDs, since labels may repeat (an
organisation and its initiative are often both called "Taalcafé").

Kumu's advice for ``Type`` and ``Tags`` is one selector-friendly word each (``werken-samen``,
``ouderen``), so they are written as lowercase words joined by hyphens; an organisation's
interests are sentences and go in its Description, not its Tags. Column names are the same in
every language (Kumu's own English ones, and ``Organization``), so a map exported once in Dutch
and once in English keeps one field; the values the app adds follow the current language. Cells
are written as text, never as formulas.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from wijksessie.domain.edges import (
    INITIATIVE_OF,
    MEMBER_OF,
    kind_label,
    network_edges,
    participant_edges,
)
from wijksessie.domain.model import Network
from wijksessie.exchange.cells import Value, add_sheet, new_workbook, save_workbook
from wijksessie.i18n import N_, _

ELEMENT_HEADERS = ("ID", "Label", "Type", "Description", "Tags", "Sector", "Organization", "Email")
"""Kumu's columns, the same in every language."""
CONNECTION_HEADERS = ("ID", "From", "To", "Type", "Direction", "Description")
DIRECTED = frozenset({INITIATIVE_OF, MEMBER_OF})
"""Lines that go one way (an initiative to its organisation, a person to theirs); every other
kind (how two organisations relate, a possible link) is ``undirected``: without a Direction
Kumu draws each line as an arrow, as if "werken samen" went from one to the other."""
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
    add_sheet(
        workbook, "Elements", ELEMENT_HEADERS, _elements(network, with_participants, with_contact)
    )
    rows = (
        (
            edge.key,
            edge.source,
            edge.target,
            selector_word(kind_label(edge.kind)),
            "directed" if edge.kind in DIRECTED else "undirected",
            edge.note,
        )
        for edge in edges
    )
    add_sheet(workbook, "Connections", CONNECTION_HEADERS, rows)
    save_workbook(workbook, path)


def selector_word(text: str) -> str:
    """A value as one Kumu-selector-friendly word: "Armoede & schulden" → "armoede-schulden"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return "-".join(re.findall(r"[a-z0-9]+", plain))


def _tags(values: Iterable[str]) -> str:
    words = dict.fromkeys(word for value in values if (word := selector_word(value)))
    return "|".join(words)


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
        yield (org.id, org.name, _(ORGANISATION), description, "", org.sector, "", "")
    for initiative in network.initiatives:
        tags = _tags([*initiative.themes, *initiative.target_groups])
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
            selector_word(person.role.value),
            "",
            organisation,
            email,
        )
