"""Read a CSV file or a workbook (.xlsx, .xls, .ods) into plain tables of text, whatever shape
real files come in, and refuse hostile ones quickly.

CSV from Dutch Excel is separated by ``;``, from elsewhere by ``,`` or a tab; it is UTF-8 with
or without BOM, UTF-16 ("Unicode-tekst") or Windows-1252 from older Excel. A workbook may have
extra sheets, a title above the header, merged cells (filled into every cell they cover, so an
organisation merged down over three people belongs to all three) and blank rows. This module
only turns all that into ``Table`` rows of stripped strings with the row numbers the user sees;
what the columns mean is decided elsewhere. Every problem is one line in the user's language.

Workbooks are read with python-calamine (Rust; ~1 ms to import, xlsx/xls/ods in one API).
Before it reads a byte of a sheet, the file is checked: only a regular file is opened (a FIFO or
a device would hang or never end), the zip's unpacked size and each sheet's declared row count
are checked (a 700 KB workbook can unpack to two million rows), and formula cells without a
stored value (a file written by a program and never opened in a spreadsheet) are refused rather
than read as blank.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from wijksessie.exchange.errors import ExchangeFileError
from wijksessie.i18n import _

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while rows are read, for a progress bar."""

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
MAX_BYTES = 50 * 1024 * 1024
"""A registration list of 500 people is well under 1 MB; beyond this it is not one."""
MAX_UNPACKED = 50 * 1024 * 1024
"""The most a workbook's zip may unpack to (a zip bomb unpacks a hundredfold)."""
MAX_ROWS = 50_000
"""The most rows one sheet may declare; a session is for tens of people."""
MAX_FIELD = 128 * 1024
"""Python's own limit for one CSV cell; a cell this long is no name or e-mail address."""
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
Range = tuple[tuple[int, int], tuple[int, int]]
"""A merged range: (top row, left column) to (bottom row, right column), from 0."""
Merges = dict[str, list[Range]]
"""Merged ranges per sheet name."""
_DELIMITERS = (";", ",", "\t")
_SAMPLE_LINES = 50
_SAMPLE_CHARS = 64 * 1024


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
    data = read_regular_file(path)
    if data.startswith(_ZIP):
        return _read_zipped(path.name, data, progress)
    if data.startswith(_OLE):
        if _ENCRYPTED in data:
            raise ExchangeFileError(_locked_message(path.name))
        return _read_workbook(path.name, data, None, progress)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        raise ExchangeFileError(
            _("{name} is beschadigd: dit is geen geldige Excel-werkmap.").format(name=path.name)
        )
    if path.suffix.lower() not in CSV_SUFFIXES:
        raise ExchangeFileError(
            _(
                "{name} is geen CSV- of Excel-bestand. Sla de lijst op als .csv, .xlsx of .ods."
            ).format(name=path.name)
        )
    return [_read_csv(path.name, data, progress)]


def read_regular_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, only when it is a regular file no larger than ``limit``.

    A FIFO would block the read forever (while the session is locked), a device such as
    /dev/zero (or a link to it) never ends: such a file is refused from its ``stat`` before it
    is opened, and opened without blocking and checked again, so it cannot be swapped in between.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ExchangeFileError(_("Bestand niet gevonden: {path}").format(path=path)) from None
    except OSError as error:
        raise ExchangeFileError(_unreadable(path, error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ExchangeFileError(_("{path} is een map, geen bestand.").format(path=path))
    if not stat.S_ISREG(info.st_mode):
        raise ExchangeFileError(_not_regular(path))
    if info.st_size > limit:
        raise ExchangeFileError(_too_large(path.name, limit))
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise ExchangeFileError(_unreadable(path, error)) from None
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise ExchangeFileError(_not_regular(path))
        data = file.read(limit + 1)
    if len(data) > limit:
        raise ExchangeFileError(_too_large(path.name, limit))
    if not data.strip():
        raise ExchangeFileError(_("{name} is leeg.").format(name=path.name))
    return data


def _not_regular(path: Path) -> str:
    return _(
        "{path} is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat) en wordt niet "
        "geopend."
    ).format(path=path)


def _too_large(name: str, limit: int) -> str:
    return _("{name} is te groot (meer dan {mb} MB) om in te lezen.").format(
        name=name, mb=limit // (1024 * 1024)
    )


def _unreadable(path: Path, error: OSError) -> str:
    return _("{path} kan niet worden gelezen: {reason}").format(
        path=path, reason=error.strerror or error
    )


def _locked_message(name: str) -> str:
    return _(
        "{name} is met een wachtwoord beveiligd. Haal het wachtwoord eraf in Excel "
        "(Bestand > Info > Werkmap beveiligen) en probeer het opnieuw."
    ).format(name=name)


# --- CSV -----------------------------------------------------------------------------------------


def _read_csv(name: str, data: bytes, progress: Progress | None) -> Table:
    for line, content in enumerate(data.split(b"\n"), 1):
        if len(content) > MAX_FIELD * 4:  # far past the field limit even in UTF-16: say so now
            raise ExchangeFileError(_csv_message(name, line, "field limit"))
    text = decode(data)
    if "\x00" in text:
        raise ExchangeFileError(_("{name} is geen tekstbestand en dus geen CSV.").format(name=name))
    separator = delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    rows: list[tuple[int, tuple[str, ...]]] = []
    line = 0
    try:
        for number, row in enumerate(reader, 1):
            cells = tuple(cell_text(value) for value in row)
            if any(cells):
                rows.append((number, cells))
            line = reader.line_num
    except csv.Error as error:
        raise ExchangeFileError(_csv_message(name, line + 1, str(error))) from None
    _check_quotes(name, rows, separator)
    if progress:
        progress(len(rows), len(rows))
    return Table(name, tuple(rows), sheet=False)


def _csv_message(name: str, line: int, error: str) -> str:
    """Python's csv error in the user's words, pointing at the line where the record began."""
    if "field limit" in error:
        return _(
            "{name}, regel {line}: een cel is langer dan {kb} kB; dat is geen aanmeldlijst. "
            "Kijk of dit het goede bestand is."
        ).format(name=name, line=line, kb=MAX_FIELD // 1024)
    if "end of data" in error or "expected after" in error:
        return _unclosed_quote(name, line)
    return _("{name} is geen geldige CSV (regel {line}).").format(name=name, line=line)


def _unclosed_quote(name: str, line: int) -> str:
    return _(
        '{name}, rij {line}: een aanhalingsteken (") wordt niet gesloten, waardoor regels '
        "samenvloeien. Verbeter die rij en probeer het opnieuw."
    ).format(name=name, line=line)


def _check_quotes(name: str, rows: list[tuple[int, tuple[str, ...]]], separator: str) -> None:
    """Refuse a cell that swallowed whole rows: an opening quote closed only lines later.

    A cell may hold a line break (a long answer in a form); it is suspect when a line after
    the break holds as many separators as a row has between its cells.
    """
    width = Counter(len(cells) for _number, cells in rows).most_common(1)
    needed = max(1, (width[0][0] if width else 2) - 1)
    for number, cells in rows:
        for cell in cells:
            if "\n" in cell and any(
                part.count(separator) >= needed for part in cell.splitlines()[1:]
            ):
                raise ExchangeFileError(_unclosed_quote(name, number))


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
    sample = "\n".join(text[:_SAMPLE_CHARS].splitlines()[:_SAMPLE_LINES])

    def score(candidate: str) -> tuple[bool, float, int]:
        reader = csv.reader(io.StringIO(sample), delimiter=candidate)
        try:
            widths = Counter(len(row) for row in reader if any(cell.strip() for cell in row))
        except csv.Error:  # a cell past the field limit: reading the file will say so
            return (False, 0.0, 0)
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


# --- workbooks -----------------------------------------------------------------------------------

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]*\d*:?[A-Z]*(\d+)\"")
_UNCACHED = re.compile(
    rb"<c\b[^>]*?\br=\"([A-Z]+\d+)\"[^>]*>\s*<f\b[^>]*?(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?"
    rb"\s*</c>"
)
_ODS_REPEATED = re.compile(
    rb"<table:table-row\b[^>]*number-rows-repeated=\"(\d+)\"[^>]*>(.*?)</table:table-row>", re.S
)


def _read_zipped(name: str, data: bytes, progress: Progress | None) -> list[Table]:
    """An .xlsx or .ods: checked for its unpacked size, rows and formulas, then read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        message = _("{name} is beschadigd: het zip-bestand is niet compleet.").format(name=name)
        raise ExchangeFileError(message) from None
    with archive:
        if sum(member.file_size for member in members) > MAX_UNPACKED:
            raise ExchangeFileError(_bomb_message(name))
        names = {member.filename for member in members}
        try:
            if "content.xml" in names and archive.read("mimetype").strip() == _ODS_MIMETYPE:
                content = archive.read("content.xml")
                _check_ods(name, content)
                return _read_workbook(name, data, _ods_merges(content), progress)
            if "xl/workbook.xml" not in names:
                raise ExchangeFileError(_damaged(name))
            _check_xlsx(name, archive, sorted(n for n in names if _is_sheet(n)))
        except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise ExchangeFileError(_damaged(name)) from None
    return _read_workbook(name, data, None, progress)


def _is_sheet(member: str) -> bool:
    return member.startswith("xl/worksheets/") and member.endswith(".xml")


def _check_xlsx(name: str, archive: zipfile.ZipFile, sheets: list[str]) -> None:
    """Refuse before reading: a sheet that declares too many rows, or formulas with no value."""
    for member in sheets:
        with archive.open(member) as stream:
            head = stream.read(4096)
        found = _DIMENSION.search(head)
        if found and int(found.group(1)) > MAX_ROWS:
            raise ExchangeFileError(_too_many_rows(name, int(found.group(1))))
    for member in sheets:
        cells = [match.group(1).decode() for match in _UNCACHED.finditer(archive.read(member))]
        if cells:
            raise ExchangeFileError(
                _(
                    "{name}: cel {cell} (en {more} andere) is een formule zonder berekende "
                    "waarde; het bestand is door een programma gemaakt en nooit in Excel "
                    "geopend. Open en bewaar het in Excel of LibreOffice en probeer het opnieuw."
                ).format(name=name, cell=cells[0], more=len(cells) - 1)
            )


def _check_ods(name: str, content: bytes) -> None:
    """An .ods row with content repeated past ``MAX_ROWS`` (a few bytes for a million rows)."""
    for match in _ODS_REPEATED.finditer(content):
        count = int(match.group(1))
        if count > MAX_ROWS and (b"<text:p" in match.group(2) or b"office:value" in match.group(2)):
            raise ExchangeFileError(_too_many_rows(name, count))


def _ods_merges(content: bytes) -> Merges:
    """Merged ranges per sheet of an .ods, read from its content.xml.

    calamine reports merged ranges for .xlsx and .xls but not for .ods, so they are read here
    from the cells' ``number-rows-spanned`` / ``number-columns-spanned``.
    """
    from xml.etree.ElementTree import iterparse

    table_ns = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    merges: Merges = {}
    current: list[Range] = []
    row = column = 0
    for event, element in iterparse(io.BytesIO(content), events=("start", "end")):
        tag = element.tag
        if event == "start" and tag == f"{table_ns}table":
            current = merges.setdefault(element.get(f"{table_ns}name", ""), [])
            row = 0
        elif event == "start" and tag == f"{table_ns}table-row":
            column = 0
        elif event == "end" and tag == f"{table_ns}table-row":
            row += int(element.get(f"{table_ns}number-rows-repeated", "1"))
            element.clear()
        elif event == "start" and tag in (f"{table_ns}table-cell", f"{table_ns}covered-table-cell"):
            rows = int(element.get(f"{table_ns}number-rows-spanned", "1"))
            columns = int(element.get(f"{table_ns}number-columns-spanned", "1"))
            if rows > 1 or columns > 1:
                current.append(((row, column), (row + rows - 1, column + columns - 1)))
            column += int(element.get(f"{table_ns}number-columns-repeated", "1"))
    return merges


def _read_workbook(
    name: str, data: bytes, merges: Merges | None, progress: Progress | None
) -> list[Table]:
    """Every worksheet through calamine; ``merges`` None means: ask calamine (xlsx, xls)."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        tables = []
        sheets = [m.name for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        for index, title in enumerate(sheets):
            sheet = workbook.get_sheet_by_name(title)
            if sheet.total_height > MAX_ROWS:
                raise ExchangeFileError(_too_many_rows(name, sheet.total_height))
            rows = sheet.to_python(skip_empty_area=False)
            ranges = sheet.merged_cell_ranges if merges is None else merges.get(title, [])
            _fill_merged(rows, ranges or [])
            tables.append(Table(title, tuple(_numbered(rows))))
            if progress:
                progress(index + 1, len(sheets))
        return tables
    except ExchangeFileError:
        raise
    except Exception as error:  # calamine's errors: damaged, foreign or locked
        if "password" in str(error).casefold() or type(error).__name__ == "PasswordError":
            raise ExchangeFileError(_locked_message(name)) from None
        raise ExchangeFileError(_damaged(name)) from None


def _fill_merged(rows: list[list[Any]], ranges: list[Range]) -> None:
    """Fill a merged cell down over the rows it covers, as a person reads it: an organisation
    merged over three people belongs to all three. Not across: a header merged over two
    columns names the first; the second is blank, as its data is."""
    for (top, left), (bottom, _right) in ranges:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for row in rows[top + 1 : min(bottom, len(rows) - 1) + 1]:
            if left < len(row) and row[left] in ("", None):
                row[left] = value


def _damaged(name: str) -> str:
    return _(
        "{name} is beschadigd of geen werkmap. Open en bewaar hem opnieuw in Excel of "
        "LibreOffice, of sla hem op als .csv."
    ).format(name=name)


def _bomb_message(name: str) -> str:
    return _(
        "{name} pakt uit tot meer dan {mb} MB; dat is geen aanmeldlijst en wordt niet gelezen."
    ).format(name=name, mb=MAX_UNPACKED // (1024 * 1024))


def _too_many_rows(name: str, rows: int) -> str:
    return _(
        "{name} heeft {rows} rijen; meer dan {most} wordt niet gelezen. Kies de rijen voor "
        "deze sessie."
    ).format(name=name, rows=rows, most=MAX_ROWS)


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
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        return str(value)
    return str(value).strip()
