"""Excel, Kumu and GraphML exports: readable, private by default, formulas stay text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

from wijksessie.domain.edges import POSSIBLE, network_edges
from wijksessie.domain.model import (
    Connection,
    Initiative,
    Network,
    Organisation,
    Participant,
    Session,
)
from wijksessie.exchange.errors import ExchangeFileError
from wijksessie.exchange.graphml import export_graphml
from wijksessie.exchange.importer import preview_import
from wijksessie.exchange.kumu import export_kumu
from wijksessie.exchange.spreadsheet import export_xlsx
from wijksessie.services.importing import apply_import
from wijksessie.store.session_store import SessionStore

NASTY = ['=HYPERLINK("http://evil.example","klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\tTab"]


def _with_nasty_names(network: Network) -> Network:
    for person, name in zip(network.participants, NASTY, strict=False):
        person.name = name
    network.organisations[0].name = "=1+1"
    return network


def test_xlsx_has_a_sheet_per_kind_with_frozen_filtered_headers(
    network: Network, tmp_path: Path
) -> None:
    path = tmp_path / "sessie.xlsx"
    export_xlsx(network, path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == [
        "Sessie",
        "Vragen van inwoners",
        "Organisaties",
        "Deelnemers",
        "Initiatieven",
        "Verbindingen",
        "Doelen",
        "Afspraken",
        "Toezeggingen",
        "Parkeerplaats",
    ]
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet["A1"].font.b
        assert sheet.column_dimensions["A"].width >= 8
    commitments = workbook["Toezeggingen"]
    due = [row[4] for row in commitments.iter_rows(min_row=2, values_only=True) if row[4]]
    assert due and all(isinstance(value, date) for value in due)
    assert len(list(workbook["Deelnemers"].iter_rows(min_row=2))) == len(network.participants)


def test_contact_details_only_with_consent_or_when_asked(network: Network, tmp_path: Path) -> None:
    shy = next(p for p in network.participants if not p.share_contact and p.email)
    open_ = next(p for p in network.participants if p.share_contact and p.email)
    path = tmp_path / "sessie.xlsx"
    export_xlsx(network, path)
    rows = {r[0]: r for r in load_workbook(path)["Deelnemers"].iter_rows(values_only=True)}
    assert rows[shy.name][3] is None and rows[open_.name][3] == open_.email
    export_xlsx(network, path, with_contact=True)
    rows = {r[0]: r for r in load_workbook(path)["Deelnemers"].iter_rows(values_only=True)}
    assert rows[shy.name][3] == shy.email


@pytest.mark.parametrize("export", [export_xlsx, export_kumu])
def test_formula_like_text_stays_text(network: Network, tmp_path: Path, export) -> None:
    path = tmp_path / "uit.xlsx"
    if export is export_kumu:
        export(_with_nasty_names(network), path, with_participants=True)
    else:
        export(_with_nasty_names(network), path)
    found = set()
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    assert cell.quotePrefix, cell.value
                    found.add(cell.value)
    assert {'=HYPERLINK("http://evil.example","klik")', "=1+1", "@SUM(A1)"} <= found


def test_control_characters_do_not_break_the_workbook(network: Network, tmp_path: Path) -> None:
    network.participants[0].name = "\x1b[31mrood\x00"
    export_xlsx(network, tmp_path / "uit.xlsx")
    names = [
        r[0] for r in load_workbook(tmp_path / "uit.xlsx")["Deelnemers"].iter_rows(values_only=True)
    ]
    assert "␛[31mrood␀" in names


def test_round_trip_through_our_own_xlsx(network: Network, tmp_path: Path) -> None:
    path = tmp_path / "sessie.xlsx"
    export_xlsx(network, path, with_contact=True)
    store = SessionStore.in_memory(Session("Leeg"))
    preview = preview_import(path, store.network())
    assert not preview.bad_rows and not preview.warnings
    apply_import(store, preview)
    assert _content(store.network()) == _content(network)
    assert len(store.network().connections) == len(network.connections) == 11


def test_importing_our_own_xlsx_twice_adds_no_connection_twice(
    network: Network, tmp_path: Path
) -> None:
    path = tmp_path / "sessie.xlsx"
    export_xlsx(network, path)
    store = SessionStore.in_memory(Session("Leeg"))
    apply_import(store, preview_import(path, store.network()))
    again = preview_import(path, store.network())
    assert again.connections == () and again.new_count == 0
    assert sum(match.kind == "verbinding" for match in again.matches) == 11


def _content(network: Network) -> tuple[list, ...]:
    orgs = {org.id: org.name for org in network.organisations}
    people = {person.id: person.name for person in network.participants}
    return (
        sorted((o.name, o.sector, o.interests) for o in network.organisations),
        sorted(
            (p.name, orgs.get(p.organisation_id, ""), p.role, p.email, p.phone, p.present,
             p.share_contact)
            for p in network.participants
        ),
        sorted(
            (i.name, orgs[i.organisation_id], i.themes, i.target_groups, i.description,
             people.get(i.contact_id, ""), people.get(i.backup_contact_id, ""))
            for i in network.initiatives
        ),
        sorted(
            (tuple(sorted((orgs[c.org_a], orgs[c.org_b]))), c.kind, c.note)
            for c in network.connections
        ),
        *_plans(network, orgs, people),
    )  # fmt: skip


def _plans(network: Network, orgs: dict[str, str], people: dict[str, str]) -> tuple[list, ...]:
    """Questions, goals, agreements, commitments and ideas as the export can carry them (not a
    goal's votes per person nor an agreement's rounds)."""
    questions = {q.id: q.text for q in network.questions}
    goals = {g.id: g.text for g in network.goals}
    return (
        sorted((q.text, q.themes, q.source) for q in network.questions),
        sorted(
            (g.text, g.themes, sorted(orgs[o] for o in g.coalition),
             sorted(questions[q] for q in g.question_ids))
            for g in network.goals
        ),
        sorted((a.text, a.status) for a in network.agreements),
        sorted(
            (c.what, people.get(c.participant_id, ""), orgs.get(c.organisation_id, ""),
             goals.get(c.goal_id, ""), c.due, c.status, c.note)
            for c in network.commitments
        ),
        sorted(p.text for p in network.parking),
    )  # fmt: skip


def test_kumu_workbook_has_label_from_and_to_where_kumu_expects(
    network: Network, tmp_path: Path
) -> None:
    path = tmp_path / "kumu.xlsx"
    export_kumu(network, path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Elements", "Connections"]
    elements = list(workbook["Elements"].iter_rows(values_only=True))
    connections = list(workbook["Connections"].iter_rows(values_only=True))
    assert elements[0][:5] == ("ID", "Label", "Type", "Description", "Tags")
    assert connections[0][:4] == ("ID", "From", "To", "Type")
    ids = {row[0] for row in elements[1:]}
    assert len(ids) == len(elements) - 1 == len(network.organisations) + len(network.initiatives)
    assert all(row[1] in ids and row[2] in ids for row in connections[1:])
    kinds = {row[3] for row in connections[1:]}
    assert {"werken-samen", "initiatief-van", "mogelijke-verbinding"} <= kinds
    tagged = next(row for row in elements[1:] if row[2] == "Initiatief" and row[4])
    assert "|" in tagged[4] and ", " not in tagged[4] and " " not in tagged[4]


def test_kumu_people_only_when_asked_and_private_by_default(
    network: Network, tmp_path: Path
) -> None:
    path = tmp_path / "kumu.xlsx"
    export_kumu(network, path, with_participants=True)
    rows = list(load_workbook(path)["Elements"].iter_rows(values_only=True))
    people = [row for row in rows if row[2] == "Deelnemer"]
    assert len(people) == len(network.participants)
    by_name = {p.name: p for p in network.participants}
    assert all(row[7] in (None, by_name[row[1]].email) for row in people)
    assert all(row[7] is None for row in people if not by_name[row[1]].share_contact)


def test_graphml_reads_back_with_the_same_nodes_and_edges(network: Network, tmp_path: Path) -> None:
    path = tmp_path / "netwerk.graphml"
    export_graphml(network, path)
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == len(network.organisations) + len(network.initiatives)
    assert graph.number_of_edges() == len(network_edges(network))
    org = network.organisations[0]
    assert graph.nodes[org.id]["label"] == org.name
    assert graph.nodes[org.id]["type"] == "organisatie"
    assert POSSIBLE in {data["type"] for *_, data in graph.edges(data=True)}


def test_export_into_a_missing_folder_is_one_dutch_line(network: Network, tmp_path: Path) -> None:
    for export in (export_xlsx, export_kumu, export_graphml):
        with pytest.raises(ExchangeFileError, match="bestaat niet"):
            export(network, tmp_path / "nergens" / "uit.xlsx")


def test_edges_skip_links_to_organisations_that_are_gone() -> None:
    a, b = Organisation("A"), Organisation("B")
    network = Network(Session("x"), organisations=[a, b], participants=[Participant("P")])
    network.connections = [Connection(a.id, b.id), Connection(a.id, "weg")]
    network.initiatives = [Initiative("I", organisation_id="weg")]
    assert [(e.source, e.target) for e in network_edges(network)] == [(a.id, b.id)]
