"""Write sheets that are safe and pleasant to open in Excel: text stays text.

What people typed goes into files the municipality opens in Excel. A name like
``=HYPERLINK("http://…")`` must show as those characters, never run as a formula (CSV/formula
injection), so every string is written as a string cell and text a spreadsheet would read as a
formula also gets Excel's quote prefix, which keeps it text even when someone edits the cell.
Control characters (which the XML of a workbook cannot hold) are shown as visible symbols.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from wijksessie.domain.text import visible
from wijksessie.exchange.errors import ExchangeFileError
from wijksessie.i18n import _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet treat a typed value as a formula."""

DATE_FORMAT = "dd-mm-yyyy"
MIN_WIDTH = 8
MAX_WIDTH = 60
_BOLD = Font(bold=True)

Value = str | int | float | bool | date | None


def new_workbook() -> Workbook:
    """An empty workbook (its default sheet removed, so sheets come in our order)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def add_sheet(
    workbook: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Value]]
) -> Worksheet:
    """A sheet with a bold, frozen header row, an autofilter and readable column widths."""
    sheet = workbook.create_sheet(title)
    widths = [len(header) for header in headers]
    for column, header in enumerate(headers, 1):
        write(sheet.cell(row=1, column=column), header).font = _BOLD
    count = 1
    for count, row in enumerate(rows, 2):
        for column, value in enumerate(row, 1):
            write(sheet.cell(row=count, column=column), value)
            widths[column - 1] = max(widths[column - 1], _width(value))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count}"
    for column, width in enumerate(widths, 1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    return sheet


def write(cell: Any, value: Value) -> Any:
    """Put ``value`` in ``cell``: dates as real dates, strings always as text, never formulas."""
    if isinstance(value, str):
        text = visible(value)
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    else:
        cell.value = value
        if isinstance(value, date):
            cell.number_format = DATE_FORMAT
    return cell


def _width(value: Value) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return len(DATE_FORMAT)
    lines = str(value).splitlines() or [""]
    return max(len(line) for line in lines)


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Save next to ``path`` and rename over it, so a failed export never leaves half a file."""
    replace_atomically(Path(path), workbook.save)


def replace_atomically(path: Path, write: Callable[[str], object]) -> None:
    """Let ``write`` fill a new file beside ``path``, then rename it over ``path``.

    The new file gets the mode any new file gets (0666 less the umask; the mode of the file it
    replaces, if there is one), not ``mkstemp``'s private 0600: an export is for sharing. It is
    flushed to disk before the rename and the folder after it, so a crash leaves the old file
    or the new one.
    """
    if not path.parent.is_dir():
        raise ExchangeFileError(_("De map {folder} bestaat niet.").format(folder=path.parent))
    temp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            with contextlib.suppress(FileNotFoundError):
                os.fchmod(handle, path.stat().st_mode & 0o777)
        finally:
            os.close(handle)
        write(str(temp))
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def yes_no(flag: bool) -> str:
    """A boolean as the room says it ("ja"/"nee", or "yes"/"no"); the importer reads both."""
    return _("ja") if flag else _("nee")


def joined(values: Iterable[str]) -> str:
    """A list in one cell, as the importer splits it again."""
    return ", ".join(values)
