"""Read a CSV or Excel file into plain tables of text, whatever shape real files come in.

CSV from Dutch Excel is separated by ``;``, from elsewhere by ``,`` or a tab; it is UTF-8 with
or without BOM, UTF-16 ("Unicode-tekst") or Windows-1252 from older Excel. An Excel workbook may
have extra sheets, a title above the header, merged header cells and blank rows. This module
only turns all that into ``Table`` rows of stripped strings with the row numbers the user sees;
what the columns mean is decided elsewhere. Every problem is one line in the user's language.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from wijksessie.exchange.errors import ExchangeFileError
from wijksessie.i18n import _

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while rows are read, for a progress bar."""

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
MAX_BYTES = 50 * 1024 * 1024
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_DELIMITERS = (";", ",", "\t")
_SAMPLE_LINES = 50
_PROGRESS_STEP = 500


@dataclass(frozen=True)
class Table:
    """One sheet (or a whole CSV file): its name and its non-blank rows.

    ``rows`` holds ``(row number, cells)``; the number is the one Excel shows, so a message
    about "rij 12" points at the right line even when blank rows were skipped.
    """

    name: str
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    sheet: bool = True
    """False for a CSV file: its name is a file name, not a sheet title someone chose."""


def read_tables(path: Path, progress: Progress | None = None) -> list[Table]:
    """Every table in the file at ``path``; ``ExchangeFileError`` when it cannot be read."""
    path = Path(path)
    data = _read_bytes(path)
    if data.startswith(_ZIP):
        return _read_xlsx(path.name, data, progress)
    if data.startswith(_OLE):
        raise ExchangeFileError(_ole_message(path.name, data))
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        raise ExchangeFileError(
            _("{name} is beschadigd: dit is geen geldige Excel-werkmap.").format(name=path.name)
        )
    if suffix not in CSV_SUFFIXES:
        raise ExchangeFileError(
            _("{name} is geen CSV- of Excel-bestand. Sla de lijst op als .csv of .xlsx.").format(
                name=path.name
            )
        )
    return [_read_csv(path.name, data, progress)]


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise ExchangeFileError(_("Bestand niet gevonden: {path}").format(path=path))
    if path.is_dir():
        raise ExchangeFileError(_("{path} is een map, geen bestand.").format(path=path))
    if path.stat().st_size > MAX_BYTES:
        raise ExchangeFileError(
            _("{name} is te groot (meer dan 50 MB) om in te lezen.").format(name=path.name)
        )
    data = path.read_bytes()
    if not data.strip():
        raise ExchangeFileError(_("{name} is leeg.").format(name=path.name))
    return data


def _ole_message(name: str, data: bytes) -> str:
    """An OLE file is either a password-protected workbook or an old .xls."""
    if _ENCRYPTED in data:
        return _(
            "{name} is met een wachtwoord beveiligd. Haal het wachtwoord eraf in Excel "
            "(Bestand > Info > Werkmap beveiligen) en probeer het opnieuw."
        ).format(name=name)
    return _("{name} is een oud Excel-bestand (.xls). Sla het op als .xlsx of .csv.").format(
        name=name
    )


# --- CSV -----------------------------------------------------------------------------------------


def _read_csv(name: str, data: bytes, progress: Progress | None) -> Table:
    text = decode(data)
    if "\x00" in text:
        raise ExchangeFileError(_("{name} is geen tekstbestand en dus geen CSV.").format(name=name))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    try:
        rows = list(_numbered(reader))
    except csv.Error as error:
        raise ExchangeFileError(
            _("{name} is geen geldige CSV: {error}.").format(name=name, error=error)
        ) from None
    if progress:
        progress(len(rows), len(rows))
    return Table(name, tuple(rows), sheet=False)


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def delimiter(text: str) -> str:
    """The separator that splits the first lines into the most rows of one common width.

    Counting beats ``csv.Sniffer`` here: the sniffer is thrown by a comma inside a semicolon
    file's cells ("eenzaamheid, ouderen"), which is exactly what Dutch lists contain. The
    common width, not the first line's, counts, because a title often stands above the header.
    """
    sample = "\n".join(text.splitlines()[:_SAMPLE_LINES])

    def score(candidate: str) -> tuple[bool, float, int]:
        reader = csv.reader(io.StringIO(sample), delimiter=candidate)
        widths = Counter(len(row) for row in reader if any(cell.strip() for cell in row))
        if not widths:
            return (False, 0.0, 0)
        width, count = widths.most_common(1)[0]
        return (width > 1, count / widths.total(), width)

    return max(_DELIMITERS, key=score)


def _numbered(rows: Iterable[list[Any]]) -> Iterable[tuple[int, tuple[str, ...]]]:
    for number, row in enumerate(rows, 1):
        cells = tuple(cell_text(value) for value in row)
        if any(cells):
            yield number, cells


# --- Excel ---------------------------------------------------------------------------------------


def _read_xlsx(name: str, data: bytes, progress: Progress | None) -> list[Table]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except zipfile.BadZipFile:
        message = _("{name} is beschadigd: het zip-bestand is niet compleet.").format(name=name)
        raise ExchangeFileError(message) from None
    except Exception:  # openpyxl fails in many ways on a damaged or foreign zip file
        raise ExchangeFileError(
            _(
                "{name} is beschadigd of geen Excel-werkmap. Open en bewaar hem opnieuw in "
                "Excel, of sla hem op als .csv."
            ).format(name=name)
        ) from None
    try:
        return _sheets(name, workbook, progress)
    finally:
        workbook.close()


def _sheets(name: str, workbook: Any, progress: Progress | None) -> list[Table]:
    sheets = list(workbook.worksheets)
    total = sum(sheet.max_row or 0 for sheet in sheets)
    done = 0
    tables = []
    for sheet in sheets:
        rows = []
        try:
            for number, cells in _numbered(sheet.iter_rows(values_only=True)):
                rows.append((number, cells))
                if progress and number % _PROGRESS_STEP == 0:
                    progress(done + number, max(total, done + number))
        except Exception:  # a damaged sheet part: say so instead of showing openpyxl's trace
            raise ExchangeFileError(
                _("{name}: blad ‘{sheet}’ is beschadigd en kan niet worden gelezen.").format(
                    name=name, sheet=sheet.title
                )
            ) from None
        done += sheet.max_row or len(rows)
        tables.append(Table(sheet.title, tuple(rows)))
    if progress:
        progress(max(total, done), max(total, done))
    return tables


def cell_text(value: Any) -> str:
    """A cell as the text a person sees: no ``.0`` after whole numbers, dates as dd-mm-jjjj."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.strftime("%d-%m-%Y")
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()
