"""Reading files as people really save them, and one clear Dutch line when that fails."""

from __future__ import annotations

import codecs
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tests.exchange.conftest import REGISTRATIONS, write_csv, write_xlsx
from wijksessie.exchange.errors import ExchangeFileError
from wijksessie.exchange.tables import read_tables

ACCENTED = (
    ("Naam", "Organisatie", "Thema's"),
    ("José Müller", "Café Één", "eenzaamheid, ouderen"),
    ("Loïs Noël", "Welzijn Zuid", "taal"),
)


def test_semicolon_csv_in_windows_1252_with_accents(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "oud-excel.csv", ACCENTED, encoding="cp1252")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    (table,) = read_tables(path)
    assert table.rows[1] == (2, ("José Müller", "Café Één", "eenzaamheid, ouderen"))
    assert table.rows[2][1][0] == "Loïs Noël"


@pytest.mark.parametrize(
    ("sep", "encoding"), [(",", "utf-8-sig"), ("\t", "utf-16"), (";", "utf-8")]
)
def test_separator_and_encoding_are_detected(tmp_path: Path, sep: str, encoding: str) -> None:
    path = write_csv(tmp_path / "lijst.csv", ACCENTED, sep=sep, encoding=encoding)
    (table,) = read_tables(path)
    assert table.rows[0][1] == ("Naam", "Organisatie", "Thema's")
    assert table.rows[1][1][1] == "Café Één"


def test_utf8_bom_does_not_stick_to_the_first_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bom.csv", REGISTRATIONS, encoding="utf-8-sig")
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    (table,) = read_tables(path)
    assert table.rows[0][1][0] == "Naam"


def test_blank_rows_are_skipped_but_row_numbers_stay_true(tmp_path: Path) -> None:
    rows = [("Lijst van 12 maart",), (), *REGISTRATIONS[:2], (";;",), REGISTRATIONS[2]]
    path = write_csv(tmp_path / "gaten.csv", rows)
    (table,) = read_tables(path)
    assert [number for number, _ in table.rows] == [1, 3, 4, 6]


def test_every_sheet_of_a_workbook_is_read(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "werkmap.xlsx",
        {"Toelichting": [("Lees dit eerst",)], "Aanmeldingen": [*REGISTRATIONS, (None,) * 3]},
    )
    tables = read_tables(path)
    assert [table.name for table in tables] == ["Toelichting", "Aanmeldingen"]
    assert len(tables[1].rows) == len(REGISTRATIONS)


def test_numbers_and_dates_read_as_a_person_sees_them(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "w.xlsx",
        {"Blad1": [("Naam", "Nummer", "Datum", "Ok"), ("A", 612345678.0, date(2026, 3, 12), True)]},
    )
    (table,) = read_tables(path)
    assert table.rows[1][1] == ("A", "612345678", "12-03-2026", "ja")


# --- bad input -----------------------------------------------------------------------------------


def _message(path: Path) -> str:
    with pytest.raises(ExchangeFileError) as caught:
        read_tables(path)
    return str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    assert "niet gevonden" in _message(tmp_path / "weg.csv")


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    assert "map" in _message(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"\r\n  \r\n")
    assert "leeg" in _message(path)


def test_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "verslag.pdf"
    path.write_bytes(b"%PDF-1.7 ...")
    assert "geen CSV- of Excel-bestand" in _message(path)


def test_binary_file_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "geen tekstbestand" in _message(path)


def test_password_protected_workbook(tmp_path: Path) -> None:
    # Excel stores an encrypted .xlsx as an OLE compound file with an EncryptionInfo stream.
    path = tmp_path / "geheim.xlsx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64)
    assert "wachtwoord" in _message(path)


def test_old_xls_workbook(tmp_path: Path) -> None:
    path = tmp_path / "oud.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert ".xls" in _message(path)


def test_truncated_workbook(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "heel.xlsx", {"Blad1": REGISTRATIONS})
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(good.read_bytes()[:700])
    assert "beschadigd" in _message(broken)


def test_zip_that_is_no_workbook(tmp_path: Path) -> None:
    path = tmp_path / "archief.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "geen werkmap")
    assert "beschadigd" in _message(path)


def test_xlsx_name_on_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "nep.xlsx"
    path.write_text("Naam;Organisatie\n", encoding="utf-8")
    assert "geen geldige Excel-werkmap" in _message(path)
