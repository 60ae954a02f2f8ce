"""Import and export under ``--lang en``: English messages, field names and refusals, and an
English workbook that still reads back (in either language)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.exchange.conftest import REGISTRATIONS, write_csv
from tests.exchange.test_export import _content
from tests.render.test_picture import SVG
from wijksessie import cli, i18n
from wijksessie.domain.model import Network, Participant, Session
from wijksessie.exchange.errors import ExchangeFileError, ImportRefusedError
from wijksessie.exchange.fields import FIELD_LABELS, Field
from wijksessie.exchange.graphml import network_graph
from wijksessie.exchange.importer import MAX_NEW, preview_import
from wijksessie.exchange.kumu import export_kumu
from wijksessie.exchange.spreadsheet import export_xlsx
from wijksessie.render.picture import WIDTH, matrix_svg, network_svg
from wijksessie.services.importing import apply_import
from wijksessie.store.session_store import SessionStore


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Each test runs in English (no language from the environment or settings), then Dutch."""
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    monkeypatch.setenv("WIJKSESSIE_CONFIG_DIR", str(tmp_path / "config"))
    i18n.set_language("en")
    yield
    i18n.set_language("nl")


def _empty() -> SessionStore:
    return SessionStore.in_memory(Session("Leeg"))


BAD = (
    ("Naam", "Organisatie", "E-mail", "Aanwezig", "Contact delen"),
    ("Anna de Vries", "Welzijn Zuid", "anna@welzijnzuid.nl", "ja", "ja"),
    ("", "Welzijn Zuid", "", "", ""),
    ("Karim Ouali", "Huisartsenpraktijk", "karim@", "", ""),
    ("Els Jansen", "", "", "misschien", ""),
)


# --- import --------------------------------------------------------------------------------------


def test_row_problems_of_a_bad_csv_are_english(tmp_path: Path) -> None:
    preview = preview_import(write_csv(tmp_path / "list.csv", BAD), _empty().network())
    messages = {bad.row: bad.message for bad in preview.bad_rows}
    assert messages == {3: "No name."}
    notes = {note.row: note.message for note in preview.warnings}
    assert notes[4].startswith("Email ‘karim@’ left out: ")
    assert notes[5] == "Present: ‘misschien’ is not yes or no; read as yes."


def test_preview_names_the_fields_in_english(tmp_path: Path) -> None:
    rows = [("Naam", "E-mailadres", "Sector", "Functie", "Naam"), ("Anna", "", "welzijn", "", "")]
    preview = preview_import(write_csv(tmp_path / "list.csv", rows), _empty().network())
    notes = [column.note for column in preview.columns]
    assert notes == [
        "name",
        "email",
        "sector (of the organisation)",
        "not recognised: ignored",
        "name: if ‘Naam’ is empty",
    ]
    assert FIELD_LABELS[Field.SHARE_CONTACT] == "share contact"
    assert dict(FIELD_LABELS.items())[Field.BACKUP] == Field.BACKUP.label == "backup contact person"


def test_the_language_is_chosen_when_the_preview_is_made_not_at_import(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "list.csv", BAD)
    english = preview_import(path, _empty().network())
    i18n.set_language("nl")
    dutch = preview_import(path, _empty().network())
    assert english.bad_rows[0].message == "No name."
    assert dutch.bad_rows[0].message == "Geen naam."
    assert FIELD_LABELS[Field.EMAIL] == "e-mail"


def test_refusals_are_english_and_still_name_the_option(tmp_path: Path) -> None:
    store = _empty()
    preview = preview_import(write_csv(tmp_path / "list.csv", BAD), store.network())
    nameless = [BAD[0], *([BAD[2]] * 3)]
    three = preview_import(write_csv(tmp_path / "three.csv", nameless), store.network())
    assert three.refusal() == (
        "Nothing was imported: 3 rows cannot be read. Fix the file, or skip those rows "
        "(--zonder-foute-rijen)."
    )
    assert preview.refusal().startswith("Nothing was imported: 1 row cannot be read.")
    with pytest.raises(ImportRefusedError, match=r"^Nothing was imported"):
        apply_import(store, preview)
    result = apply_import(store, preview, skip_bad=True)
    assert result.summary() == (
        "Added: 3 participants, 2 organisations, 0 initiatives. 1 bad row skipped."
    )


def test_a_list_far_too_long_is_refused_in_english(tmp_path: Path) -> None:
    rows = [("Naam",), *((f"Persoon {n}",) for n in range(MAX_NEW + 1))]
    preview = preview_import(write_csv(tmp_path / "long.csv", rows), _empty().network())
    assert f"one import adds at most {MAX_NEW} of each" in preview.refusal()


def test_matches_say_in_english_how_they_were_recognised(tmp_path: Path) -> None:
    store = _empty()
    path = write_csv(tmp_path / "list.csv", [*REGISTRATIONS, REGISTRATIONS[1]])
    preview = preview_import(path, store.network())
    assert [match.by for match in preview.matches] == ["row 2"]
    apply_import(store, preview)
    again = preview_import(path, store.network())
    assert {match.by for match in again.matches} == {"email", "name and organisation"}
    assert apply_import(store, again).summary() == (
        "Added: 0 participants, 0 organisations, 0 initiatives. 4 already present."
    )


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("list.doc", "Naam\nAnna\n", "is not a CSV or Excel file"),
        ("list.csv", "   ", "list.csv is empty."),
        ("list.csv", "Plek;Tijd\nHier;Nu\n", "recognises none of the column headers"),
        ("list.csv", "Naam;Organisatie\n", "has column headers but no data"),
    ],
)
def test_file_problems_are_english(tmp_path: Path, name: str, content: str, words: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExchangeFileError, match=words):
        preview_import(path, _empty().network())


@pytest.mark.parametrize("label", ["organisation", "organisatie"])
def test_a_manual_mapping_takes_the_english_or_the_dutch_label(tmp_path: Path, label: str) -> None:
    rows = [("Naam", "Werkplek"), ("Anna", "Welzijn Zuid")]
    path = write_csv(tmp_path / "list.csv", rows)
    preview = preview_import(path, _empty().network(), mapping={"Werkplek": label})
    assert [org.entity.name for org in preview.organisations] == ["Welzijn Zuid"]


def test_the_cli_refuses_bad_rows_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    session = tmp_path / "sessie.json"
    SessionStore.create(session, Session("Netwerksessie")).close()
    path = write_csv(tmp_path / "list.csv", BAD)
    capsys.readouterr()
    assert cli.main(["--lang", "en", "import", str(session), str(path)]) == 2
    out, err = capsys.readouterr()
    assert "No name." in out and "not yes or no" in out
    assert err == (
        "wijksessie: Nothing was imported: 1 row cannot be read. Fix the file, or skip that "
        "row (--zonder-foute-rijen).\n"
    )
    assert cli.main(["--lang", "en", "import", str(session), str(path), "--skip-bad"]) == 0
    assert "Added: 3 participants, 2 organisations, 0 initiatives." in capsys.readouterr().out
    with SessionStore.open(session, read_only=True) as store:
        names = [person.name for person in store.all(Participant)]
    assert names == ["Anna de Vries", "Karim Ouali", "Els Jansen"]


# --- export --------------------------------------------------------------------------------------

ENGLISH_SHEETS = [
    "Session",
    "Residents' questions",
    "Organisations",
    "Participants",
    "Initiatives",
    "Connections",
    "Goals",
    "Agreements",
    "Commitments",
    "Parking lot",
]


def test_the_workbook_has_english_sheets_headers_and_yes_no(
    network: Network, tmp_path: Path
) -> None:
    path = tmp_path / "session.xlsx"
    export_xlsx(network, path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ENGLISH_SHEETS
    rows = list(workbook["Participants"].iter_rows(values_only=True))
    assert rows[0] == ("Name", "Organisation", "Role", "Email", "Phone", "Present", "Share contact")
    assert {row[5] for row in rows[1:]} <= {"yes", "no"}
    assert next(workbook["Initiatives"].iter_rows(values_only=True))[-2:] == (
        "Contact person",
        "Backup",
    )
    assert [row[0] for row in workbook["Session"].iter_rows(values_only=True)][:3] == [
        "Item",
        "Title",
        "Neighbourhood",
    ]


@pytest.mark.parametrize("read_in", ["en", "nl"])
@pytest.mark.parametrize("written_in", ["en", "nl"])
def test_a_workbook_reads_back_whatever_the_language(
    network: Network, tmp_path: Path, written_in: str, read_in: str
) -> None:
    """The round trip of test_export, with the workbook written and read in either language.

    The session's notes name columns, so only the sheet's title keeps it from being read as a
    list of people.
    """
    network.session.notes = "Name, e-mail and phone of everyone who could not come"
    i18n.set_language(written_in)
    path = tmp_path / "session.xlsx"
    export_xlsx(network, path, with_contact=True)
    i18n.set_language(read_in)
    store = _empty()
    preview = preview_import(path, store.network())
    assert not preview.bad_rows and not preview.warnings
    assert all(column.field is not None for column in preview.columns)
    assert len(preview.ignored_sheets) == 1  # only the session's own details stay behind
    apply_import(store, preview)
    assert _content(store.network()) == _content(network)


def test_kumu_keeps_its_own_columns_and_writes_our_words_in_english(
    network: Network, tmp_path: Path
) -> None:
    path = tmp_path / "kumu.xlsx"
    export_kumu(network, path, with_participants=True)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Elements", "Connections"]
    elements = list(workbook["Elements"].iter_rows(values_only=True))
    assert elements[0] == (
        "ID", "Label", "Type", "Description", "Tags", "Sector", "Organization", "Email"
    )  # fmt: skip
    assert {row[2] for row in elements[1:]} == {"Organisation", "Initiative", "Participant"}
    assert any(str(row[3]).startswith("Interests: ") for row in elements[1:])
    connections = list(workbook["Connections"].iter_rows(values_only=True))
    assert connections[0] == ("ID", "From", "To", "Type", "Direction", "Description")
    assert {"work-together", "initiative-of", "possible-connection", "works-at"} <= {
        row[3] for row in connections[1:]
    }


def test_graphml_types_are_english(network: Network) -> None:
    graph = network_graph(network)
    assert {data["type"] for _node, data in graph.nodes(data=True)} == {
        "organisation",
        "initiative",
    }
    kinds = {data["type"] for *_ends, data in graph.edges(data=True)}
    assert {"know each other", "initiative of", "possible connection"} <= kinds
    assert not kinds & {"kennen elkaar", "initiatief van", "mogelijke verbinding"}


def test_a_missing_folder_is_said_in_english(network: Network, tmp_path: Path) -> None:
    with pytest.raises(ExchangeFileError, match="does not exist"):
        export_xlsx(network, tmp_path / "gone" / "session.xlsx")


def test_the_pictures_speak_english_and_the_legend_fits(network: Network) -> None:
    svg = network_svg(network)
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "Network of organisations"
    assert root.find(f"{SVG}desc").text.startswith("10 organisations, ")
    legend = {text.text: float(text.get("x")) for text in root.iter(f"{SVG}text")}
    for words in ("work together", "possible connection", "not connected yet"):
        assert words in legend
        assert legend[words] + 8 * len(words) <= WIDTH, words
    matrix = matrix_svg(network)
    assert "Themes and organisations" in matrix and ">Total</text>" in matrix
    assert "Red: a theme from the residents' questions" in matrix
    empty = Network(Session("Leeg"))
    assert "No organisations in this session yet." in network_svg(empty)
    assert "No initiatives with themes yet." in matrix_svg(empty)
