"""Hostile import files, made on the fly: each must get one Dutch line within a second.

Every maker takes a folder and returns the path of a file a facilitator might be handed (or
tricked into importing) that would hang, exhaust memory or silently garble the import if it
were read naively.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

Maker = Callable[[Path], Path]

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Aanmeldingen" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/worksheet"/></Relationships>'
)


def fifo(folder: Path) -> Path:
    """A named pipe called like a CSV: reading it blocks until someone writes, i.e. forever."""
    path = folder / "aanmeldingen.csv"
    os.mkfifo(path)
    return path


def link_to_dev_zero(folder: Path) -> Path:
    """A link to /dev/zero: stat says 0 bytes, reading never ends."""
    path = folder / "lijst.csv"
    path.symlink_to("/dev/zero")
    return path


def huge_field(folder: Path) -> Path:
    """A 40 MB cell: past Python's csv field limit, which used to leak as "Onverwachte fout"."""
    path = folder / "groot-veld.csv"
    with path.open("wb") as file:
        file.write(b"Naam;Organisatie\r\nAnna;")
        file.write(b"x" * (40 * 1024 * 1024))
        file.write(b"\r\n")
    return path


def unclosed_quote_at_end(folder: Path) -> Path:
    """A quote that is never closed: the rest of the file becomes one name."""
    path = folder / "aanhalingsteken.csv"
    path.write_text(
        'Naam;Organisatie\r\nAnna de Vries;Welzijn Zuid\r\n"Karim Ouali;Huisartsenpraktijk\r\n'
        "Els Jansen;Bewonersgroep\r\n",
        encoding="utf-8",
    )
    return path


def unclosed_quote_merging_rows(folder: Path) -> Path:
    """A quote closed only two lines later, right before a separator: two rows become one."""
    path = folder / "samengevoegd.csv"
    path.write_text(
        'Naam;Organisatie;E-mail\r\n"Karim Ouali;Huisartsenpraktijk;karim@hap.nl\r\n'
        'Els Jansen;Bewonersgroep;els@bg.nl\r\n";Welzijn Zuid;anna@wz.nl\r\n',
        encoding="utf-8",
    )
    return path


def uncached_formulas(folder: Path) -> Path:
    """Formulas written by a program (openpyxl) with no stored value: they read as blank."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Aanmeldingen"
    sheet.append(["Voornaam", "Achternaam", "Naam", "Organisatie"])
    sheet.append(["Anna", "de Vries", '=A2&" "&B2', "Welzijn Zuid"])
    sheet.append(["Karim", "Ouali", '=A3&" "&B3', "Huisartsenpraktijk"])
    path = folder / "formules.xlsx"
    workbook.save(path)
    return path


def zip_bomb(folder: Path, rows: int = 2_000_000, *, dimension: bool = True) -> Path:
    """A small .xlsx whose one sheet unpacks to ``rows`` rows (2,000,000: ~100 MB in <1 MB)."""
    path = folder / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main">'
            )
            if dimension:
                sheet.write(f'<dimension ref="A1:B{rows}"/>'.encode())
            sheet.write(b"<sheetData>")
            sheet.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c></row>')
            row = b'<row><c t="inlineStr"><is><t>Persoon</t></is></c></row>'  # "r" is optional
            whole, rest = divmod(rows - 1, 10_000)
            for _ in range(whole):
                sheet.write(row * 10_000)
            sheet.write(row * rest)
            sheet.write(b"</sheetData></worksheet>")
    return path


def zip_bomb_without_dimension(folder: Path) -> Path:
    """The same bomb without the ``<dimension>`` that declares its size."""
    return zip_bomb(folder, dimension=False)


def ods_repeated_rows(folder: Path) -> Path:
    """LibreOffice's own .ods with one person's row repeated a million times: a few bytes more."""
    sample = Path(__file__).parent / "samples" / "handgemaakt.ods"
    path = folder / "herhaald.ods"
    with zipfile.ZipFile(sample) as source, zipfile.ZipFile(path, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "content.xml":
                row = b'<table:table-row table:style-name="ro1">'
                at = data.rindex(row, 0, data.index(b"Anna de Vries"))
                repeated = (
                    b'<table:table-row table:style-name="ro1" table:number-rows-repeated="1000000">'
                )
                data = data[:at] + repeated + data[at + len(row) :]
            target.writestr(member, data)
    return path


def hundred_megabytes(folder: Path) -> Path:
    """A 100 MB workbook (sparse on disk): refused from its size before a byte is read."""
    path = folder / "groot.xlsx"
    with path.open("wb") as file:
        file.write(b"PK\x03\x04")
        file.truncate(100 * 1024 * 1024)
    return path


def many_rows_small_zip(folder: Path) -> Path:
    """60,000 rows (more than any session) in a sheet small enough to unpack."""
    return zip_bomb(folder, rows=60_000, dimension=False)


HOSTILE: dict[str, tuple[Maker, str]] = {
    "fifo": (fifo, "geen gewoon bestand"),
    "link naar /dev/zero": (link_to_dev_zero, "geen gewoon bestand"),
    "veld van 40 MB": (huge_field, "een cel is langer dan 128 kB"),
    "aanhalingsteken niet gesloten": (unclosed_quote_at_end, "aanhalingsteken"),
    "aanhalingsteken voegt rijen samen": (unclosed_quote_merging_rows, "aanhalingsteken"),
    "formules zonder waarde": (uncached_formulas, "formule zonder berekende waarde"),
    "zip-bom": (zip_bomb, "pakt uit tot meer dan"),
    "te veel rijen volgens de afmeting": (
        lambda folder: zip_bomb(folder, rows=60_000),
        "heeft 60000 rijen; meer dan",
    ),
    "zip-bom zonder afmeting": (zip_bomb_without_dimension, "pakt uit tot meer dan"),
    "te veel rijen": (many_rows_small_zip, "rijen; meer dan"),
    "werkmap van 100 MB": (hundred_megabytes, "te groot (meer dan 50 MB)"),
    "ods met een miljoen herhaalde rijen": (ods_repeated_rows, "heeft 1000000 rijen"),
}
"""Each hostile file and words its one Dutch line must contain."""
