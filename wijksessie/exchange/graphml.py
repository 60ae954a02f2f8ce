"""The network as GraphML, for Gephi, yEd and Cytoscape, written with networkx.

Organisations and initiatives are the nodes (their attributes as text, lists joined with
``|``), the edges are those of ``edges.network_edges``. GraphML is XML, so control characters
someone typed are shown as symbols rather than breaking the file. The words the app adds (node
and edge types) follow the current language; what was typed, sectors and themes stay as stored.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import networkx as nx

from wijksessie.domain.edges import kind_label, network_edges
from wijksessie.domain.model import Network
from wijksessie.domain.text import visible
from wijksessie.exchange.errors import ExchangeFileError
from wijksessie.i18n import N_, _

ORGANISATION = N_("organisatie")
INITIATIVE = N_("initiatief")
"""Node types (Dutch msgids); written in the current language."""


def network_graph(network: Network) -> nx.Graph:
    """Organisations and initiatives as nodes with attributes, joined by the network's edges."""
    graph = nx.Graph(name=visible(network.session.title))
    names = {org.id: org.name for org in network.organisations}
    for org in network.organisations:
        graph.add_node(
            org.id,
            label=visible(org.name),
            type=_(ORGANISATION),
            sector=visible(org.sector),
            interests=_joined(org.interests),
        )
    for initiative in network.initiatives:
        graph.add_node(
            initiative.id,
            label=visible(initiative.name),
            type=_(INITIATIVE),
            organisation=visible(names.get(initiative.organisation_id, "")),
            themes=_joined(initiative.themes),
            target_groups=_joined(initiative.target_groups),
            description=visible(initiative.description),
        )
    for edge in network_edges(network):
        if edge.source in graph and edge.target in graph:
            graph.add_edge(
                edge.source, edge.target, type=kind_label(edge.kind), note=visible(edge.note)
            )
    return graph


def export_graphml(network: Network, path: Path) -> None:
    """Write the network graph to ``path`` as GraphML (replacing the file in one step)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ExchangeFileError(_("De map {folder} bestaat niet.").format(folder=path.parent))
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        nx.write_graphml(network_graph(network), temp)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _joined(values: list[str]) -> str:
    return "|".join(visible(value) for value in values)
