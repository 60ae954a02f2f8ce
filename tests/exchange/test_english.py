"""Import under ``--lang en``: English row problems, field names, refusals and file errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exchange.conftest import REGISTRATIONS, write_csv
from wijksessie import cli, i18n
from wijksessie.domain.model import Participant, Session
from wijksessie.exchange.errors import ExchangeFileError, ImportRefusedError
from wijksessie.exchange.fields import FIELD_LABELS, Field
from wijksessie.exchange.importer import MAX_NEW, apply_import, preview_import
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
    assert messages[3] == "No name."
    assert messages[4].startswith("Email ‘karim@’: ")
    assert messages[5] == "Present: ‘misschien’ is not yes or no."


def test_preview_names_the_fields_in_english(tmp_path: Path) -> None:
    rows = [("Naam", "E-mailadres", "Sector", "Functie", "Naam"), ("Anna", "", "welzijn", "", "")]
    preview = preview_import(write_csv(tmp_path / "list.csv", rows), _empty().network())
    notes = [column.note for column in preview.columns]
    assert notes == [
        "name",
        "email",
        "sector (of the organisation)",
        "not recognised: ignored",
        "name: duplicate column, ignored",
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


def test_refusals_are_english_and_still_name_skip_bad(tmp_path: Path) -> None:
    store = _empty()
    preview = preview_import(write_csv(tmp_path / "list.csv", BAD), store.network())
    assert preview.refusal() == (
        "Nothing was imported: 3 rows cannot be read. Fix the file, or skip those rows "
        "(--skip-bad)."
    )
    one = preview_import(write_csv(tmp_path / "one.csv", BAD[:3]), store.network())
    assert one.refusal().startswith("Nothing was imported: 1 row cannot be read.")
    with pytest.raises(ImportRefusedError, match=r"^Nothing was imported"):
        apply_import(store, preview)
    result = apply_import(store, preview, skip_bad=True)
    assert result.summary() == (
        "Added: 1 participant, 1 organisation, 0 initiatives. 3 bad rows skipped."
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
        ("list.csv", "Plek;Tijd\nHier;Nu\n", "the file has no column headers"),
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
        "wijksessie: Nothing was imported: 3 rows cannot be read. Fix the file, or skip those "
        "rows (--skip-bad).\n"
    )
    assert cli.main(["--lang", "en", "import", str(session), str(path), "--skip-bad"]) == 0
    assert "Added: 1 participant, 1 organisation, 0 initiatives." in capsys.readouterr().out
    with SessionStore.open(session, read_only=True) as store:
        assert [person.name for person in store.all(Participant)] == ["Anna de Vries"]
