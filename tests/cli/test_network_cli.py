"""``wijksessie netwerk``: the overview of a folder of sessions, in every format, reading only.

The four sessions of ``tests.domain.over_time_sessions`` are saved through the store, beside a
damaged file, a session of a newer format version and the decisions file; every run must leave
each of them byte for byte as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.cli.test_cli import assert_user_error
from tests.domain.over_time_sessions import EMAILS, PHONES, RESIDENT_NAMES, four_sessions
from wijksessie.cli import main
from wijksessie.domain.model import Network
from wijksessie.exchange.graphml import GRAPHML_NS
from wijksessie.services.network_over_time import DECISIONS_FILE
from wijksessie.store.session_store import SessionStore

DECISIONS = {
    "format": "wijksessie-koppelingen",
    "versie": 1,
    "organisaties": [{"a": "Gemeente Waterveen", "b": "Gemeente Waterfeen", "zelfde": True}],
    "personen": [],
}


def save(path: Path, network: Network) -> None:
    """A session file written by the app's own store, as a facilitator's laptop leaves it."""
    store = SessionStore.create(path, network.session)
    with store.batch():
        for kind in (
            network.questions,
            network.organisations,
            network.participants,
            network.initiatives,
            network.connections,
            network.goals,
            network.agreements,
            network.commitments,
        ):
            for entity in kind:
                store.add(entity)
    store.close()


G = f"{{{GRAPHML_NS}}}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    sessions = tmp_path / "sessies"
    sessions.mkdir()
    for name, network in four_sessions().items():
        save(sessions / name, network)
    (sessions / "kapot.json").write_text('{"session": {"1": {"app": "wijksessie", ', "utf-8")
    newer = json.loads((sessions / "a.json").read_text("utf-8"))
    newer["session"]["1"]["schema_version"] = 99
    (sessions / "toekomst.json").write_text(json.dumps(newer), "utf-8")
    (sessions / DECISIONS_FILE).write_text(json.dumps(DECISIONS), "utf-8")
    return sessions


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.rglob("*"))}


def run(folder: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["--dir", str(folder), "netwerk", *extra]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_every_format_reads_only_and_names_no_resident(
    folder: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    before = contents(folder)

    out = run(folder, capsys, "--format", fmt)

    assert contents(folder) == before
    for secret in (*RESIDENT_NAMES, *EMAILS, *PHONES):
        assert secret not in out
    assert "Welzijn Waterveen" in out
    assert "kapot.json" in out and "toekomst.json" in out


def test_json_holds_every_number_and_the_problems(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(run(folder, capsys, "--format", "json"))

    assert [s["file"] for s in data["sessions"]] == ["a.json", "b.json", "d.json", "c.json"]
    assert [s["organisations"] for s in data["sessions"]] == [4, 4, 4, 4]
    assert [s["new_organisations"] for s in data["sessions"]] == [4, 0, 1, 0]
    assert [s["resident_share"] for s in data["sessions"]] == [0.2, 0.3333, 0.3333, 0.4286]
    assert data["sessions"][0]["commitments"] == {
        "made": 5,
        "done": 2,
        "dropped": 2,
        "open_after": [0, 0, 1, 0],
    }
    assert data["totals"]["organisations"] == 5
    assert data["totals"]["connections"] == {
        "kennen elkaar": 0,
        "willen samenwerken": 2,
        "werken samen": 2,
    }
    assert data["resident_candidates"] == 1
    assert data["candidates"] == [
        {"kind": "personen", "a": "Bea Jansen", "b": "Bea Janssen", "score": 95}
    ]
    problems = {p["file"]: p for p in data["problems"]}
    assert set(problems) == {"kapot.json", "toekomst.json"}
    assert "beschadigd" in problems["kapot.json"]["message"]
    assert not problems["kapot.json"]["newer"]
    assert problems["toekomst.json"]["newer"]
    assert "nieuwere wijksessie" in problems["toekomst.json"]["message"]


def test_text_shows_the_table_totals_and_what_to_decide(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(folder, capsys)

    assert "Het netwerk door de tijd" in out
    assert "persoon: Bea Jansen ≈ Bea Janssen (95%)" in out
    assert "1 mogelijke koppeling van bewoners (namen niet getoond)" in out
    assert "Niet meegeteld" in out
    assert all(len(line) <= 100 for line in out.splitlines())


def test_without_the_decisions_file_the_gemeente_is_proposed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / DECISIONS_FILE).unlink()

    data = json.loads(run(folder, capsys, "--format", "json"))

    assert data["totals"]["organisations"] == 6
    assert {
        "kind": "organisaties",
        "a": "Gemeente Waterfeen",
        "b": "Gemeente Waterveen",
        "score": 94,
    } in data["candidates"]


def test_a_decisions_file_elsewhere(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "besluiten.json"
    (folder / DECISIONS_FILE).rename(elsewhere)

    data = json.loads(run(folder, capsys, "--format", "json", "--koppelingen", str(elsewhere)))

    assert data["totals"]["organisations"] == 5


def test_filters_by_wijk_and_dates(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(
        run(folder, capsys, "--format", "json", "--van", "1-2-2026", "--tot", "30-4-2026")
    )
    assert [s["file"] for s in data["sessions"]] == ["b.json", "d.json"]
    assert data["filters"] == {"van": "2026-02-01", "tot": "2026-04-30"}

    data = json.loads(run(folder, capsys, "--format", "json", "--wijk", "Noord"))
    assert data["sessions"] == []


def test_several_folders(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "andere"
    other.mkdir()
    (folder / "d.json").rename(other / "d.json")

    data = json.loads(run(folder, capsys, "--format", "json", "--map", str(other)))

    assert [s["file"] for s in data["sessions"]] == ["a.json", "b.json", "d.json", "c.json"]


def test_each_session_counts_once(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The sessions folder named again with --map counted every session twice, and a sync
    client's conflict copy of a session (the same session id) counted it again."""
    import shutil

    shutil.copyfile(folder / "b.json", folder / "b-LAPTOP-ILSE.json")

    data = json.loads(run(folder, capsys, "--format", "json", "--map", str(folder)))

    assert [s["file"] for s in data["sessions"]] == ["a.json", "b.json", "d.json", "c.json"]
    problems = {p["file"]: p["message"] for p in data["problems"]}
    assert "conflictkopie van b.json" in problems["b-LAPTOP-ILSE.json"]


def test_writes_a_file_with_o(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "netwerk.html"

    out = run(folder, capsys, "--format", "html", "-o", str(target))

    assert out.strip() == str(target)
    page = target.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'class="bar"' in page


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (["--van", "gisteren-ish"], "gisteren-ish"),
        (["--van", "1-6-2026", "--tot", "1-1-2026"], "--van ligt na --tot"),
        (["--koppelingen", "/nergens/k.json"], "Koppelingenbestand niet gevonden"),
        (["--map", "/nergens"], "Sessiemap niet gevonden"),
    ],
)
def test_user_errors_are_one_dutch_line(
    folder: Path, capsys: pytest.CaptureFixture[str], extra: list[str], expected: str
) -> None:
    assert_user_error(capsys, ["--dir", str(folder), "netwerk", *extra], expected)


def test_a_damaged_decisions_file_is_one_dutch_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / DECISIONS_FILE).write_text('{"format": "iets anders"}', "utf-8")

    assert_user_error(
        capsys, ["--dir", str(folder), "netwerk"], "geen bruikbaar koppelingenbestand"
    )


def test_o_never_writes_a_json_into_the_sessions_folder(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = contents(folder)

    assert_user_error(
        capsys,
        ["--dir", str(folder), "netwerk", "--format", "json", "-o", str(folder / "a.json")],
        "ligt in de sessiemap",
    )
    assert contents(folder) == before


def test_docx_report_holds_the_table_and_no_resident(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    target = tmp_path / "verslag.docx"
    before = contents(folder)

    run(folder, capsys, "--format", "docx", "-o", str(target))

    report = docx.Document(str(target))
    table = report.tables[0]
    assert [c.text.split("\n")[0] for c in table.rows[0].cells][1:] == [
        "#1 10-01-2026",
        "#2 01-03-2026",
        "#3 15-04-2026",
        "#4 01-06-2026",
    ]
    assert [c.text for c in table.rows[1].cells] == ["organisaties", "4", "4", "4", "4"]
    text = "\n".join(
        [p.text for p in report.paragraphs]
        + [c.text for t in report.tables for row in t.rows for c in row.cells]
    )
    for secret in (*RESIDENT_NAMES, *EMAILS, *PHONES):
        assert secret not in text
    assert "kapot.json" in text
    assert contents(folder) == before


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "graphml"])
def test_docx_and_xlsx_need_o(folder: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert_user_error(
        capsys, ["--dir", str(folder), "netwerk", "--format", fmt], "kan niet naar het scherm"
    )


def test_xlsx_has_a_row_per_session_and_numbers_as_numbers(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "netwerk.xlsx"
    before = contents(folder)

    run(folder, capsys, "--format", "xlsx", "-o", str(target))

    workbook = load_workbook(target)
    assert workbook.sheetnames == ["Indicatoren", "Totaal", "Organisaties", "Niet meegeteld"]
    rows = list(workbook["Indicatoren"].iter_rows(values_only=True))
    assert rows[0][:6] == ("sessie", "datum", "titel", "wijk", "reeks", "organisaties")
    assert [row[5] for row in rows[1:]] == [4, 4, 4, 4]
    assert [row[2] for row in rows[1:]] == [
        "Kennismaken",
        "Eerste vervolg",
        "Voedsel en schulden",
        "Tweede vervolg",
    ]
    cells = [str(c) for sheet in workbook for row in sheet.iter_rows(values_only=True) for c in row]
    for secret in (*RESIDENT_NAMES, *EMAILS, *PHONES):
        assert not any(secret in c for c in cells)
    assert contents(folder) == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_report_opens_in_libreoffice(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "verslag.docx"
    run(folder, capsys, "--format", "docx", "-o", str(target))
    profile = tmp_path / "lo-profile"

    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path),
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    converted = tmp_path / "verslag.txt"
    if "source file could not be loaded" in done.stderr and not converted.exists():
        pytest.skip("this LibreOffice has no Writer to open a .docx")
    assert converted.exists(), done.stderr
    assert "Het netwerk door de tijd" in converted.read_text("utf-8-sig")


def test_graphml_is_the_merged_network_with_first_and_last_seen(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import networkx as nx

    target = tmp_path / "netwerk.graphml"

    run(folder, capsys, "--format", "graphml", "-o", str(target))

    graph = nx.read_graphml(target)
    nodes = {data["label"]: data for _node, data in graph.nodes(data=True)}
    assert set(nodes) == {
        "Welzijn Waterveen",
        "Buurtzorg Oost",
        "Basisschool De Linde",
        "Gemeente Waterveen",
        "Voedselbank Oost",
    }
    welzijn = nodes["Welzijn Waterveen"]
    assert (welzijn["first_seen"], welzijn["last_seen"], welzijn["sessions"]) == (
        "2026-01-10",
        "2026-06-01",
        4,
    )
    assert nodes["Voedselbank Oost"]["first_seen"] == "2026-04-15"
    label = {node: data["label"] for node, data in graph.nodes(data=True)}
    edges = {frozenset((label[a], label[b])): data for a, b, data in graph.edges(data=True)}
    together = edges[frozenset(("Welzijn Waterveen", "Buurtzorg Oost"))]
    assert (together["kind"], together["strongest"]) == ("werken samen", "werken samen")
    assert (together["first_seen"], together["last_seen"], together["sessions"]) == (
        "2026-01-10",
        "2026-06-01",
        4,
    )
    assert len(edges) == 4
    text = target.read_text("utf-8")
    assert not any(name in text for name in RESIDENT_NAMES)


def test_graphml_names_every_organisation_in_gephi_and_yed(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Gephi took networkx's key ``d3`` (the last date seen) as every label, and yEd showed
    blank nodes: the file is now written with the session export's keys and graphics."""
    from tests.exchange.test_graph_tools import gephi, yed

    target = tmp_path / "netwerk.graphml"
    run(folder, capsys, "--format", "graphml", "-o", str(target))

    labels, columns, edge_properties = gephi(target)
    names = {
        "Welzijn Waterveen",
        "Buurtzorg Oost",
        "Basisschool De Linde",
        "Gemeente Waterveen",
        "Voedselbank Oost",
    }
    assert set(labels.values()) == names
    assert yed(target) == labels
    welzijn = next(node for node, name in labels.items() if name == "Welzijn Waterveen")
    assert columns[welzijn]["last_seen"] == "2026-06-01"
    assert edge_properties == set()  # kind and dates stay columns: no weight, no label
    root = ElementTree.parse(target).getroot()
    kinds = {key.get("attr.name"): key.get("attr.type") for key in root.iter(f"{G}key")}
    assert kinds["sessions"] == "int"


def test_graphml_is_written_to_share_like_every_export(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was written with ``mkstemp``'s private mode 0600."""
    target = tmp_path / "netwerk.graphml"
    old = os.umask(0o022)
    try:
        run(folder, capsys, "--format", "graphml", "-o", str(target))
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o640)
        run(folder, capsys, "--format", "graphml", "-o", str(target))
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
    finally:
        os.umask(old)
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_a_file_too_deep_or_with_a_huge_number_is_left_out_not_the_overview(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file nested far too deep, or holding a number of 5,000 digits, stopped the whole
    overview with an unexpected error: the check for a newer version read it with a bare
    ``json.loads``."""
    (folder / "diep.json").write_text("[" * 100_000, "utf-8")
    demo = (folder / "a.json").read_text("utf-8")
    (folder / "groot.json").write_text(demo.replace(": 10,", ": 1" + "0" * 5000 + ",", 1), "utf-8")
    dated = json.loads(demo)
    next(iter(dated["session"].values()))["date"] = "2026-02-30"
    (folder / "datum.json").write_text(json.dumps(dated), "utf-8")
    assert "0" * 5000 in (folder / "groot.json").read_text("utf-8")

    data = json.loads(run(folder, capsys, "--format", "json"))

    problems = {p["file"]: p for p in data["problems"]}
    assert {"diep.json", "groot.json", "kapot.json"} <= set(problems)
    assert not problems["groot.json"]["newer"]
    assert "beschadigd" in problems["groot.json"]["message"]
    # Where and what, as opening it says (not Python's "day is out of range for month").
    assert "sessie, datum: geen geldige datum: ‘2026-02-30’" in problems["datum.json"]["message"]
    assert data["totals"]["organisations"] == 5


def test_a_decisions_file_too_deep_is_refused_in_dutch(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It raised RecursionError: an unexpected error instead of one Dutch line."""
    decisions = tmp_path / "koppelingen.json"
    decisions.write_text("[" * 100_000, "utf-8")
    assert_user_error(
        capsys,
        ["--dir", str(folder), "netwerk", "--koppelingen", str(decisions)],
        "koppelingen.json is geen bruikbaar koppelingenbestand: te diep genest.",
    )


def test_o_onto_a_link_writes_the_file_it_names_and_keeps_the_link(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report was written beside the link and renamed over it: the link became a file of
    its own, and the file it named kept the old report."""
    real = tmp_path / "echt.html"
    real.write_text("oud", "utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    run(folder, capsys, "--format", "html", "-o", str(link))
    assert link.is_symlink()
    assert "Het netwerk door de tijd" in real.read_text("utf-8")


def test_o_onto_a_pipe_or_a_folder_is_refused(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pijp.html"
    os.mkfifo(pipe)
    assert_user_error(
        capsys,
        ["--dir", str(folder), "netwerk", "--format", "html", "-o", str(pipe)],
        "is geen gewoon bestand",
    )
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert_user_error(
        capsys,
        ["--dir", str(folder), "netwerk", "--format", "html", "-o", str(tmp_path)],
        "is geen gewoon bestand",
    )


def test_o_without_a_format_writes_what_its_name_says(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-o rapport.docx`` without --formaat wrote the terminal's text into it: Word could not
    open the file. A name that says another format than --formaat is refused."""
    from docx import Document

    target = tmp_path / "rapport.docx"
    run(folder, capsys, "-o", str(target))
    assert "Het netwerk door de tijd" in "\n".join(p.text for p in Document(target).paragraphs)
    page = tmp_path / "rapport.html"
    run(folder, capsys, "-o", str(page))
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert_user_error(
        capsys,
        ["--dir", str(folder), "netwerk", "--format", "html", "-o", str(tmp_path / "x.docx")],
        "is een .docx-bestand, maar --formaat is html",
    )
