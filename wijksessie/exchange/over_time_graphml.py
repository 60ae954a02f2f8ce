"""The network over time as one merged GraphML graph, for Gephi's timeline or yEd.

Every organisation of every session is one node (matched across spellings), every pair that
was ever connected one edge; each carries the dates of the first and the last session it was in
(``first_seen``, ``last_seen``, ISO dates, empty for sessions without a date) and in how many
sessions, and an edge its latest and its strongest kind. Organisations only: no people, so no
resident is named and no contact detail leaves.

It is written as the session's network is (``graphml.graphml_element``): keys whose ids say what
they are, since Gephi takes the key with the id ``d3`` as every node's label (networkx's own
writer numbered them, so the first date seen became the organisation's name in Gephi), the
number of sessions as a whole number, and yEd's node graphics with the name; and it replaces
the file as every export does, with the mode a new file gets rather than ``mkstemp``'s 0600.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.etree.ElementTree import ElementTree

import networkx as nx

from wijksessie.domain.model import ConnectionKind, choice_label
from wijksessie.domain.over_time import KIND_ORDER, Overview
from wijksessie.domain.text import visible
from wijksessie.exchange.cells import replace_atomically
from wijksessie.exchange.graphml import ORGANISATION, graphml_element
from wijksessie.i18n import _

WHEN = ("first_seen", "last_seen", "sessions")
NODE_KEYS = {name: name for name in ("label", "type", "sector", *WHEN)}
"""Node key id → attribute name."""
EDGE_KEYS = {f"edge_{name}": name for name in ("kind", "strongest", *WHEN)}
"""Edge key id → attribute name: ids that do not collide with the nodes'."""


def merged_graph(overview: Overview) -> nx.Graph:
    """The organisations and connections of all sessions, with when each was seen."""
    graph = nx.Graph(name=_("Het netwerk door de tijd"))
    info = {row.id: row for row in overview.organisations}
    seen: dict[object, list[date | None]] = {}
    kinds: dict[frozenset[str], list[ConnectionKind]] = {}
    for session, network in zip(overview.sessions, overview.graphs, strict=True):
        for ident in network.organisations:
            seen.setdefault(ident, []).append(session.date)
        for a, b, kind in network.connections:
            pair = frozenset((a, b))
            seen.setdefault(pair, []).append(session.date)
            kinds.setdefault(pair, []).append(kind)
    for ident in sorted(i for i in seen if isinstance(i, str)):
        row = info.get(ident)
        graph.add_node(
            ident,
            label=visible(row.name if row else ""),
            type=_(ORGANISATION),
            sector=visible(row.sector if row else ""),
            **_when(seen[ident]),
        )
    for pair in sorted((p for p in kinds), key=sorted):
        a, b = sorted(pair)
        history = kinds[pair]
        graph.add_edge(
            a,
            b,
            kind=choice_label(history[-1].value),
            strongest=choice_label(max(history, key=KIND_ORDER.index).value),
            **_when(seen[pair]),
        )
    return graph


def _when(dates: list[date | None]) -> dict[str, object]:
    known = [d for d in dates if d is not None]
    return {
        "first_seen": min(known).isoformat() if known else "",
        "last_seen": max(known).isoformat() if known else "",
        "sessions": len(dates),
    }


def export_overview_graphml(overview: Overview, path: Path) -> None:
    """Write the merged graph to ``path`` as GraphML (replacing the file in one step)."""
    root = graphml_element(merged_graph(overview), NODE_KEYS, EDGE_KEYS, numbers={"sessions"})
    tree = ElementTree(root)
    replace_atomically(Path(path), lambda temp: tree.write(temp, "utf-8", xml_declaration=True))
