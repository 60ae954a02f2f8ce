"""The GraphML as Gephi and yEd read it: their label rules, emulated from their importers.

Gephi (``ImporterGraphML``) maps a key to a node property by the key's *id* first and only
then by its ``attr.name``: ids ``label`` and ``d3`` (yEd's default) are the label, ``x``, ``y``,
``size``, ``r``/``g``/``b`` and more are drawing properties; for edges ``label``, ``d7``,
``weight``, ``id``… A data element's value is all its non-blank text. yEd shows only the
``y:NodeLabel`` inside the data of the key whose ``yfiles.type`` is ``nodegraphics``.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import networkx as nx

from wijksessie.domain.model import Network
from wijksessie.exchange.graphml import GRAPHML_NS, YED_NS, export_graphml, network_graph

_G = f"{{{GRAPHML_NS}}}"
GEPHI_NODE = {"label": "label", "d3": "label", "x": "x", "y": "y", "xpos": "x", "ypos": "y",
              "z": "z", "size": "size", "r": "r", "g": "g", "b": "b"}  # fmt: skip
GEPHI_EDGE = {"label": "label", "edgelabel": "label", "d7": "label", "weight": "weight",
              "Edge Weight": "weight", "id": "id", "edgeid": "id",
              "r": "r", "g": "g", "b": "b"}  # fmt: skip


def gephi(path: Path) -> tuple[dict[str, str], dict[str, dict[str, str]], set[str]]:
    """Node labels, node columns (by title) and the edge properties, as Gephi imports them."""
    root = ElementTree.parse(path).getroot()
    properties: dict[str, str] = {}
    titles: dict[str, str] = {}
    edge_properties: set[str] = set()
    for key in root.iter(f"{_G}key"):
        key_id, title = key.get("id", ""), key.get("attr.name") or key.get("id", "")
        table = GEPHI_NODE if key.get("for") == "node" else GEPHI_EDGE
        found = table.get(key_id) or table.get(title)
        if key.get("for") == "node":
            if found:
                properties[key_id] = found
            else:
                titles[key_id] = title
        elif found:
            edge_properties.add(found)
    labels: dict[str, str] = {}
    columns: dict[str, dict[str, str]] = {}
    for node in root.iter(f"{_G}node"):
        for data in node.findall(f"{_G}data"):
            value = "".join(part for part in data.itertext() if part.strip())
            key = data.get("key", "")
            if value and properties.get(key) == "label":
                labels[node.get("id", "")] = value
            elif value and key in titles:
                columns.setdefault(node.get("id", ""), {})[titles[key]] = value
    return labels, columns, edge_properties


def yed(path: Path) -> dict[str, str]:
    """The names yEd shows without a Properties Mapper: the node graphics' labels."""
    root = ElementTree.parse(path).getroot()
    graphics = {
        key.get("id") for key in root.iter(f"{_G}key") if key.get("yfiles.type") == "nodegraphics"
    }
    labels = {}
    for node in root.iter(f"{_G}node"):
        for data in node.findall(f"{_G}data"):
            if data.get("key") in graphics:
                label = data.find(f".//{{{YED_NS}}}NodeLabel")
                labels[node.get("id", "")] = label.text if label is not None else ""
    return labels


def _names(network: Network) -> dict[str, str]:
    return {
        **{org.id: org.name for org in network.organisations},
        **{initiative.id: initiative.name for initiative in network.initiatives},
    }


def test_gephi_labels_every_node_with_its_name_and_keeps_the_sector_a_column(
    network: Network, tmp_path: Path
) -> None:
    path = tmp_path / "netwerk.graphml"
    export_graphml(network, path)
    labels, columns, edge_properties = gephi(path)
    assert labels == _names(network)
    org = next(org for org in network.organisations if org.sector)
    assert columns[org.id]["sector"] == org.sector
    assert edge_properties == set()  # edge type and note stay columns: no weight, no label


def test_the_emulation_catches_what_networkx_writes(network: Network, tmp_path: Path) -> None:
    """networkx numbers its keys d0, d1…: d3 (the sector) became the label. The emulated rule
    sees that, so the test above can fail."""
    path = tmp_path / "networkx.graphml"
    nx.write_graphml(network_graph(network), path)
    labels, _columns, _edges = gephi(path)
    org = next(org for org in network.organisations if org.sector)
    assert labels[org.id] == org.sector != org.name


def test_yed_shows_every_name_without_a_properties_mapper(network: Network, tmp_path: Path) -> None:
    path = tmp_path / "netwerk.graphml"
    export_graphml(network, path)
    assert yed(path) == _names(network)


def test_every_key_id_says_what_it_is(network: Network, tmp_path: Path) -> None:
    path = tmp_path / "netwerk.graphml"
    export_graphml(network, path)
    root = ElementTree.parse(path).getroot()
    ids = [key.get("id") for key in root.iter(f"{_G}key")]
    assert len(ids) == len(set(ids))
    assert not [key_id for key_id in ids if key_id and key_id[0] == "d" and key_id[1:].isdigit()]
    assert {"label", "sector", "type", "edge_type", "edge_note"} <= set(ids)
