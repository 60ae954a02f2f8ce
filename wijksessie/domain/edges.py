"""The lines of the network map, the same for Kumu, GraphML and the picture.

Three kinds: how organisations relate today (their ``Connection`` kind), which organisation
runs an initiative, and the overlap pairs ``analysis.overlaps`` finds (initiatives of different
organisations doing the same thing: "mogelijke verbinding", a link the room could make).

An edge's ``kind`` is a fixed Dutch key (a connection's stored kind, or one of the words
below); ``kind_label`` gives the words a map shows, in the current language.
"""

from __future__ import annotations

from wijksessie.domain.analysis import overlaps
from wijksessie.domain.model import Network, choice_label
from wijksessie.domain.record import record
from wijksessie.i18n import N_, _

INITIATIVE_OF = N_("initiatief van")
POSSIBLE = N_("mogelijke verbinding")
MEMBER_OF = N_("werkt bij")
_OWN_KINDS = (INITIATIVE_OF, POSSIBLE, MEMBER_OF)
"""The kinds this module adds (their own msgids); a connection's kind is a stored choice."""


def kind_label(kind: str) -> str:
    """The words for an edge's kind in the current language (unknown kinds as they are)."""
    return _(kind) if kind in _OWN_KINDS else choice_label(kind)


@record
class Edge:
    """One line between two entities (by id), with its kind (a Dutch key) and an optional note.

    ``id`` is the connection's own id; the lines this module derives have none and take
    ``key``: their two ends, which stay the same from one export to the next.
    """

    source: str
    target: str
    kind: str
    note: str = ""
    id: str = ""

    @property
    def key(self) -> str:
        """A stable id for the line (Kumu updates a connection with the same ID on re-import)."""
        return self.id or f"{self.source}-{self.target}"


def connection_edges(network: Network) -> list[Edge]:
    """The connections between two different, existing organisations, each pair once."""
    known = {organisation.id for organisation in network.organisations}
    seen: set[frozenset[str]] = set()
    edges = []
    for connection in network.connections:
        pair = frozenset((connection.org_a, connection.org_b))
        if len(pair) == 2 and pair <= known and pair not in seen:
            seen.add(pair)
            edges.append(
                Edge(
                    connection.org_a,
                    connection.org_b,
                    connection.kind.value,
                    connection.note,
                    connection.id,
                )
            )
    return edges


def initiative_edges(network: Network) -> list[Edge]:
    """Each initiative to the organisation that runs it."""
    known = {organisation.id for organisation in network.organisations}
    return [
        Edge(initiative.id, initiative.organisation_id, INITIATIVE_OF)
        for initiative in network.initiatives
        if initiative.organisation_id in known
    ]


def overlap_edges(network: Network) -> list[Edge]:
    """The overlap pairs between initiatives, best match first, with the reason as note."""
    return [Edge(o.first_id, o.second_id, POSSIBLE, o.reason) for o in overlaps(network)]


def participant_edges(network: Network) -> list[Edge]:
    """Each participant to their organisation, for maps that show people too."""
    known = {organisation.id for organisation in network.organisations}
    return [
        Edge(person.id, person.organisation_id, MEMBER_OF)
        for person in network.participants
        if person.organisation_id in known
    ]


def network_edges(network: Network) -> list[Edge]:
    """Connections, initiative → organisation and overlap pairs, in that order."""
    return [*connection_edges(network), *initiative_edges(network), *overlap_edges(network)]
