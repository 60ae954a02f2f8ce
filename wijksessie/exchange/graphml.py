"""The network as GraphML, for Gephi, yEd and Cytoscape.

Organisations and initiatives are the nodes (their attributes as text, lists joined with
``|``), the edges are those of ``edges.network_edges``. GraphML is XML, so control characters
someone typed are shown as symbols rather than breaking the file. The words the app adds (node
and edge types) follow the current language; what was typed, sectors and themes stay as stored.

The file is written here rather than by ``networkx.write_graphml``, because the tools read
more than the standard says. Gephi takes a node key as the label when its *id* is ``label``
or ``d3`` (yEd's default) before it looks at ``attr.name``; networkx numbers its keys ``d0``,
``d1``…, so the fourth (the sector) became every organisation's label. Here every key's id
says what it is (``label``, ``sector``; ``edge_type`` for edges, since ids are shared by nodes
and edges), and no id is one Gephi reserves (``d3``, ``d7``, ``x``, ``size``, ``weight``…).
yEd shows a name only from its own node graphics, so each node also carries a ``y:ShapeNode``
with its label, sized to the name and coloured by type.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from xml.etree.ElementTree import Element, ElementTree, SubElement, register_namespace

import networkx as nx

from wijksessie.domain.edges import kind_label, network_edges
from wijksessie.domain.model import Network
from wijksessie.domain.text import visible
from wijksessie.exchange.cells import replace_atomically
from wijksessie.i18n import N_, _

ORGANISATION = N_("organisatie")
INITIATIVE = N_("initiatief")
"""Node types (Dutch msgids); written in the current language."""

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YED_NS = "http://www.yworks.com/xml/graphml"
NODE_KEYS: dict[str, str] = {name: name for name in (
    "label", "type", "sector", "interests", "organisation", "themes", "target_groups",
    "description",
)}  # fmt: skip
"""Node key id → attribute name, in the order of the keys; each key's id is its name."""
EDGE_KEYS = {"edge_type": "type", "edge_note": "note"}
"""Edge key id → attribute name: ids say what they are and do not collide with node keys."""
YED_GRAPHICS = "yed_graphics"
_COLOURS = {ORGANISATION: "#FFCC00", INITIATIVE: "#99CCFF"}
_SHAPES = {ORGANISATION: "roundrectangle", INITIATIVE: "ellipse"}


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
    tree = ElementTree(graphml_element(network_graph(network)))
    replace_atomically(Path(path), lambda temp: tree.write(temp, "utf-8", xml_declaration=True))


def graphml_element(
    graph: nx.Graph,
    node_keys: Mapping[str, str] = NODE_KEYS,
    edge_keys: Mapping[str, str] = EDGE_KEYS,
    numbers: Collection[str] = (),
) -> Element:
    """The GraphML document of ``graph``: keys with meaningful ids, data, yEd node graphics.

    ``node_keys`` and ``edge_keys`` map each key's id to the attribute it holds (an id must not
    be one Gephi reserves, see the module); the attributes named in ``numbers`` are whole
    numbers (``attr.type="int"``, so Gephi can size or filter by them), the rest text. An
    attribute that is empty, or missing, is left out of its node or edge."""
    register_namespace("", GRAPHML_NS)
    register_namespace("y", YED_NS)
    root = Element(f"{{{GRAPHML_NS}}}graphml")
    for key_id, name in node_keys.items():
        _key(root, key_id, "node", name, "int" if name in numbers else "string")
    for key_id, name in edge_keys.items():
        _key(root, key_id, "edge", name, "int" if name in numbers else "string")
    yed = _key(root, YED_GRAPHICS, "node", YED_GRAPHICS, "string")
    yed.set("yfiles.type", "nodegraphics")
    body = SubElement(root, f"{{{GRAPHML_NS}}}graph", id="G", edgedefault="undirected")
    for node, data in graph.nodes(data=True):
        element = SubElement(body, f"{{{GRAPHML_NS}}}node", id=str(node))
        _all_data(element, node_keys, data)
        _yed_node(SubElement(element, f"{{{GRAPHML_NS}}}data", key=YED_GRAPHICS), data)
    for number, (source, target, data) in enumerate(graph.edges(data=True)):
        element = SubElement(
            body, f"{{{GRAPHML_NS}}}edge", id=f"e{number}", source=str(source), target=str(target)
        )
        _all_data(element, edge_keys, data)
    return root


def _key(root: Element, key_id: str, scope: str, name: str, kind: str) -> Element:
    attributes = {"id": key_id, "for": scope, "attr.name": name, "attr.type": kind}
    return SubElement(root, f"{{{GRAPHML_NS}}}key", attributes)


def _all_data(element: Element, keys: Mapping[str, str], data: Mapping[str, object]) -> None:
    for key_id, name in keys.items():
        value = data.get(name)
        if value is not None and value != "":
            _data(element, key_id, str(value))


def _data(parent: Element, key: str, text: str) -> None:
    SubElement(parent, f"{{{GRAPHML_NS}}}data", key=key).text = text


def _yed_node(parent: Element, data: dict[str, str]) -> None:
    """yEd's own drawing of a node: a shape wide enough for the name, the name as its label."""
    kind = ORGANISATION if data.get("type") == _(ORGANISATION) else INITIATIVE
    label = str(data.get("label", ""))
    shape = SubElement(parent, f"{{{YED_NS}}}ShapeNode")
    width = max(60, 8 * min(len(label), 40) + 20)
    SubElement(shape, f"{{{YED_NS}}}Geometry", height="40.0", width=f"{width}.0")
    SubElement(shape, f"{{{YED_NS}}}Fill", color=_COLOURS[kind], transparent="false")
    SubElement(shape, f"{{{YED_NS}}}NodeLabel").text = label
    SubElement(shape, f"{{{YED_NS}}}Shape", type=_SHAPES[kind])


def _joined(values: list[str]) -> str:
    return "|".join(visible(value) for value in values)
