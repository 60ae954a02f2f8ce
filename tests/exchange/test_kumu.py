"""The Kumu workbook as Kumu imports it: its matching rules, emulated from Kumu's docs.

Kumu (docs "How do I avoid duplicating data?"): an element row updates the element with the
same ID; without an ID column, the one with the same Label and Type (or Label). A connection
row updates the connection with the same ID; *without an ID, every row is a new connection*,
even when From and To are the same. From and To name element IDs when elements have IDs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from wijksessie import i18n
from wijksessie.domain.model import Network
from wijksessie.exchange.kumu import export_kumu, selector_word


class KumuMap:
    """The part of a Kumu map an import changes: elements and connections, by Kumu's rules."""

    def __init__(self) -> None:
        self.elements: dict[str, dict[str, object]] = {}
        self.connections: dict[str, dict[str, object]] = {}
        self.fields: set[str] = set()
        self._new = 0

    def import_workbook(self, path: Path) -> None:
        workbook = load_workbook(path, read_only=True)
        for sheet in workbook.worksheets:
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
            header, data = [str(cell) for cell in rows[0]], rows[1:]
            self.fields |= set(header)
            for row in data:
                record = dict(zip(header, row, strict=False))
                if "From" in header:
                    self._connection(record)
                else:
                    self._element(record)
        workbook.close()

    def _element(self, record: dict[str, object]) -> None:
        if "ID" in record:
            key = str(record["ID"])
        else:
            key = f"{record.get('Label')}|{record.get('Type', '')}"
        self.elements.setdefault(key, {}).update(record)

    def _connection(self, record: dict[str, object]) -> None:
        assert record["From"] in self.elements and record["To"] in self.elements
        if record.get("ID"):
            key = str(record["ID"])
        else:
            self._new += 1
            key = f"new-{self._new}"
        self.connections.setdefault(key, {}).update(record)


def test_kumu_reimports_its_own_workbook_without_duplicates(
    network: Network, tmp_path: Path
) -> None:
    path = tmp_path / "kumu.xlsx"
    export_kumu(network, path, with_participants=True)
    kumu = KumuMap()
    kumu.import_workbook(path)
    first = (len(kumu.elements), len(kumu.connections))
    export_kumu(network, path, with_participants=True)
    kumu.import_workbook(path)
    assert (len(kumu.elements), len(kumu.connections)) == first
    elements = len(network.organisations) + len(network.initiatives) + len(network.participants)
    assert first[0] == elements and first[1] > len(network.connections)


def test_the_emulation_doubles_connections_without_an_id(network: Network, tmp_path: Path) -> None:
    """What the old workbook did: the emulated rule catches it, so the test above can fail."""
    path = tmp_path / "kumu.xlsx"
    export_kumu(network, path)
    workbook = load_workbook(path)
    workbook["Connections"].delete_cols(1)
    workbook.save(path)
    kumu = KumuMap()
    kumu.import_workbook(path)
    once = len(kumu.connections)
    kumu.import_workbook(path)
    assert len(kumu.connections) == 2 * once


def test_a_map_exported_in_dutch_and_in_english_keeps_one_set_of_fields(
    network: Network, tmp_path: Path
) -> None:
    kumu = KumuMap()
    for language in ("nl", "en"):
        i18n.set_language(language)
        path = tmp_path / f"kumu-{language}.xlsx"
        export_kumu(network, path)
        kumu.import_workbook(path)
    i18n.set_language("nl")
    assert kumu.fields == {
        "ID", "Label", "Type", "Description", "Tags", "Sector", "Organization", "Email", "From",
        "To", "Direction",
    }  # fmt: skip
    assert len(kumu.elements) == len(network.organisations) + len(network.initiatives)


def test_types_and_tags_are_selector_friendly_and_interests_are_description(
    network: Network, tmp_path: Path
) -> None:
    path = tmp_path / "kumu.xlsx"
    export_kumu(network, path, with_participants=True)
    workbook = load_workbook(path)
    elements = list(workbook["Elements"].iter_rows(min_row=2, values_only=True))
    connections = list(workbook["Connections"].iter_rows(min_row=2, values_only=True))
    words = [row[2] for row in elements] + [row[3] for row in connections]
    words += [tag for row in elements if row[4] for tag in str(row[4]).split("|")]
    assert all(selector_word(str(word)) == str(word).casefold() for word in words)  # "Person": ok
    with_interests = next(org for org in network.organisations if org.interests)
    row = next(row for row in elements if row[0] == with_interests.id)
    assert row[4] is None and with_interests.interests[0] in str(row[3])


@pytest.mark.parametrize(
    ("text", "word"),
    [("Armoede & schulden", "armoede-schulden"), ("werken samen", "werken-samen"),
     ("Eénzaamheid ", "eenzaamheid"), ("GGZ", "ggz")],
)  # fmt: skip
def test_selector_word(text: str, word: str) -> None:
    assert selector_word(text) == word


def test_only_lines_that_go_one_way_are_arrows(network: Network, tmp_path: Path) -> None:
    """Without a Direction Kumu drew every line as an arrow: "werken samen" from one
    organisation to the other. An initiative points to its organisation, a person to theirs."""
    path = tmp_path / "kumu.xlsx"
    export_kumu(network, path, with_participants=True)
    sheet = load_workbook(path)["Connections"]
    rows = list(sheet.iter_rows(values_only=True))
    header, lines = rows[0], rows[1:]
    direction = {row[header.index("Type")]: row[header.index("Direction")] for row in lines}
    assert direction["initiatief-van"] == "directed"
    assert direction["werkt-bij"] == "directed"
    assert {
        direction[kind] for kind in direction if kind not in ("initiatief-van", "werkt-bij")
    } == {"undirected"}
    assert len(direction) > 2
