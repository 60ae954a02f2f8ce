"""Make the sample files in this folder, each in the shape its tool really writes.

Run ``python tests/exchange/samples/make_samples.py`` from the worktree; the .ods and .xls are
converted from ``handgemaakt.xlsx`` by LibreOffice (``soffice --headless --convert-to``) when it
is installed, so they are LibreOffice's own files, not an imitation. The README says per file
what it copies from the real tool.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).parent


def _csv(path: Path, rows: list[list[object]], *, encoding: str, quote_all: bool = False,
         bom: bool = False) -> None:  # fmt: skip
    buffer = io.StringIO(newline="")
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    csv.writer(buffer, quoting=quoting, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def google_forms() -> None:
    """Google Forms → Responses → Download responses (.csv): UTF-8, comma, questions as headers."""
    header = [
        "Tijdstempel",
        "E-mailadres",
        "Wat is je naam?",
        "Bij welke organisatie werk je?",
        "Wat is je telefoonnummer? (optioneel)",
        "Wil je tijdens de sessie iets presenteren?",
        "Heb je een initiatief?",
        "Zo ja, hoe heet je initiatief?",
        "Mogen we je naam en contactgegevens delen met de andere deelnemers?",
        "Ik ga akkoord met de verwerking van mijn gegevens (AVG)",
        "Heb je dieetwensen?",
    ]
    agree = "Ik ga akkoord"
    rows = [
        header,
        ["18-11-2026 09:12:44", "anna@welzijnzuid.nl", "Anna de Vries", "Welzijn Zuid",
         "010 - 123 45 67 (alleen ma/di)", "Nee", "Ja", "Buurtkamer De Pijp", "Ja", agree,
         "Vegetarisch"],
        ["18-11-2026 11:40:03", "k.ouali@hapdepijp.nl", "Karim Ouali",
         "Huisartsenpraktijk De Pijp", "06.12.34.56.78", "Ja, 5 minuten over de POH-GGZ", "Nee",
         "", "Nee", agree, ""],
        ["19-11-2026 20:05:51", "els.jansen@gmail.com", "Els Jansen", "Bewonersgroep Pijp",
         "06 12 34 56 78 / 010-1234567", "Misschien", "Ja", "", "Ja", agree, "Geen varkensvlees"],
        ["20-11-2026 08:30:10", "f.elamrani@amsterdam.nl", "Fatima el Amrani",
         "Gemeente Amsterdam, stadsdeel Zuid", "", "Nee", "Nee", "", "Weet ik nog niet", agree,
         "Halal"],
        ["21-11-2026 16:47:29", "henk@buurtbuik.nl", "Henk de Boer", "Buurtbuik Zuid",
         "bel maar via Anna", "Nee", "Ja", "Buurtbuik: samen eten", "Ja", agree,
         "Nee, dank je\nWel graag koffie"],
    ]  # fmt: skip
    _csv(HERE / "google-forms-antwoorden.csv", rows, encoding="utf-8")


def microsoft_forms() -> None:
    """Microsoft Forms → Responses → Open in Excel: one sheet, account columns, then questions."""
    questions = [
        "Wat is je naam?",
        "Bij welke organisatie werk je?",
        "Telefoonnummer",
        "Mag je e-mailadres gedeeld worden met de andere deelnemers?",
    ]
    account = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
    rows = [
        [1, datetime(2026, 11, 18, 9, 2, 11), datetime(2026, 11, 18, 9, 4, 40),
         "j.vandervelde@woonstadzuid.nl", "Velde, Jan van der", None, "Jan van der Velde",
         "Woonstad Zuid", "06-12345678", "Ja"],
        [2, datetime(2026, 11, 18, 13, 20, 5), datetime(2026, 11, 18, 13, 21, 58),
         "f.elamrani@amsterdam.nl", "Amrani, Fatima el", None, "", "Gemeente Amsterdam",
         "020 555 0101", "Nee"],
        [3, datetime(2026, 11, 19, 10, 0, 0), datetime(2026, 11, 19, 10, 3, 12),
         "anonymous", "", None, "Piet Bakker", "Buurthuis De Honingraat", "", "Ja"],
        [4, datetime(2026, 11, 19, 21, 15, 0), datetime(2026, 11, 19, 21, 16, 30),
         "s.bakker@jeugdzorgzuid.nl", "Bakker, Sanne", datetime(2026, 11, 20, 8, 0, 0),
         "Sanne Bakker", "Jeugdzorg Zuid", "0612345678", "Ja"],
    ]  # fmt: skip
    _forms_workbook(HERE / "microsoft-forms.xlsx", account + questions, rows)
    anonymous = [
        [1, datetime(2026, 11, 18, 9, 2, 11), datetime(2026, 11, 18, 9, 4, 40), "anonymous", "",
         "Yusuf Demir", "Sportbuurtwerk", "06 98765432", "Ja"],
        [2, datetime(2026, 11, 18, 9, 30, 0), datetime(2026, 11, 18, 9, 31, 2), "anonymous", "",
         "Marieke Smit", "Bibliotheek Zuid", "", "Nee"],
    ]  # fmt: skip
    _forms_workbook(HERE / "microsoft-forms-anoniem.xlsx", account[:5] + questions, anonymous)


def _forms_workbook(path: Path, header: list[str], rows: list[list[object]]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, datetime):
                cell.number_format = "m/d/yy h:mm:ss"
    workbook.save(path)


def eventbrite() -> None:
    """Eventbrite → Manage attendees → Orders/Attendee summary report → Export (.csv)."""
    header = [
        "Order #",
        "Order Date",
        "Prefix",
        "First Name",
        "Last Name",
        "Suffix",
        "Email",
        "Quantity",
        "Ticket Type",
        "Attendee #",
        "Barcode #",
        "Order Type",
        "Total Paid",
        "Attendee Status",
        "Company",
        "Job Title",
        "Cell Phone",
        "Wil je je initiatief kort voorstellen?",
        "Heb je dieetwensen?",
    ]
    rows = [
        header,
        ["8723401562", "2026-11-17 14:02:11+01:00", "Dhr.", "Jan", "van der Velde", "",
         "j.vandervelde@woonstadzuid.nl", "1", "Netwerksessie (gratis)", "1290356781",
         "872340156212903567811001", "Free Order", "0.00", "Attending", "Woonstad Zuid",
         "Wijkconsulent", "+31 6 12345678", "Nee", ""],
        ["8723401562", "2026-11-17 14:02:11+01:00", "Mevr.", "Sanne", "Bakker", "",
         "j.vandervelde@woonstadzuid.nl", "1", "Netwerksessie (gratis)", "1290356782",
         "872340156212903567821001", "Free Order", "0.00", "Attending", "Woonstad Zuid",
         "Bewonersconsulent", "", "Ja", "Vegetarisch"],
        ["8723409977", "2026-11-18 10:45:30+01:00", "Mevr.", "Fatima", "el Amrani", "",
         "f.elamrani@amsterdam.nl", "1", "Netwerksessie (gratis)", "1290361100",
         "872340997712903611001001", "Free Order", "0.00", "Checked In", "Gemeente Amsterdam",
         "Gebiedsmakelaar", "020 555 0101", "Nee", "Halal"],
        ["8723410001", "2026-11-19 08:01:02+01:00", "", "Karim", "Ouali", "",
         "k.ouali@hapdepijp.nl", "1", "Netwerksessie (gratis)", "1290362000",
         "872341000112903620001001", "Free Order", "0.00", "Attending",
         "Huisartsenpraktijk De Pijp", "Praktijkondersteuner GGZ", "06-23456789", "Ja", ""],
    ]  # fmt: skip
    _csv(HERE / "eventbrite-deelnemers.csv", rows, encoding="utf-8", bom=True)


OUTLOOK_HEADER = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
    "Job Title", "Business Street", "Business City", "Business Postal Code", "Business Country",
    "Business Phone", "Home Phone", "Mobile Phone", "Categories", "E-mail Address",
    "E-mail Type", "E-mail Display Name", "E-mail 2 Address", "Manager's Name",
    "Assistant's Name", "Notes", "Web Page",
]  # fmt: skip


def outlook() -> None:
    """Outlook (classic) → File → Open & Export → Export to a file → CSV: ANSI, all quoted."""
    people = [
        ["Dhr.", "Jan", "van der", "Velde", "", "Woonstad Zuid", "Wijkteam", "Wijkconsulent",
         "Stadionweg 1", "Amsterdam", "1077 AA", "Nederland", "020 555 0199", "",
         "06-12345678", "Netwerk Pijp", "j.vandervelde@woonstadzuid.nl", "SMTP",
         "Jan van der Velde (j.vandervelde@woonstadzuid.nl)", "", "Marieke Smit", "", "", ""],
        ["Mevr.", "Fatima", "el", "Amrani", "", "Gemeente Amsterdam", "Stadsdeel Zuid",
         "Gebiedsmakelaar", "", "", "", "", "", "", "06 98 76 54 32", "Netwerk Pijp",
         "f.elamrani@amsterdam.nl", "SMTP", "Fatima el Amrani (f.elamrani@amsterdam.nl)", "",
         "", "", "Kent iedereen in de Pijp", ""],
        ["", "Zoë", "", "Müller", "", "Bibliotheek Zuid", "", "", "", "", "", "", "",
         "", "", "", "zoe.muller@oba.nl", "SMTP", "Zoë Müller (zoe.muller@oba.nl)", "", "", "",
         "", "www.oba.nl"],
    ]  # fmt: skip
    _csv(HERE / "outlook-contactpersonen.csv", [OUTLOOK_HEADER, *people],
         encoding="cp1252", quote_all=True)  # fmt: skip


def handmade() -> None:
    """A list someone typed in Excel: title, two-row header, merged organisation, a total."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Aanmeldingen"
    sheet["A1"] = "Netwerksessie Kruidenbuurt – aanmeldingen"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(["Naam", "Organisatie", "Contactgegevens", None, "Rol"])
    sheet.merge_cells("C3:D3")
    sheet["C3"].alignment = Alignment(horizontal="center")
    sheet.append([None, None, "E-mail", "Telefoon", None])
    sheet.append(["Anna de Vries", "Welzijn Waterveen", "anna@welzijnwaterveen.nl", 612345678,
                  "verbinder"])  # fmt: skip
    sheet.append(["Bram Peters", None, "bram@welzijnwaterveen.nl", "06-87654321", "professional"])
    sheet.append(["Chantal Roos", None, "", "", "professional"])
    sheet.merge_cells("B5:B7")
    sheet["B5"].alignment = Alignment(vertical="center")
    sheet.append(["Dirk Jansen", "Huisartsenpraktijk Kruidenbuurt", "d.jansen@hapkruid.nl",
                  "010 - 765 43 21", "professional"])  # fmt: skip
    sheet.append(["Eva Smit", None, "", 101234567, "bestuurder"])
    sheet.merge_cells("B8:B9")
    sheet.append([])
    sheet.append(["Totaal: 5 aanmeldingen"])
    sheet["A11"].font = Font(italic=True)
    for column, width in zip("ABCDE", (22, 32, 30, 16, 14), strict=True):
        sheet.column_dimensions[column].width = width
    path = HERE / "handgemaakt.xlsx"
    workbook.save(path)
    _libreoffice(path, "ods", "handgemaakt.ods")
    _libreoffice(path, "xls", "handgemaakt.xls")


def _libreoffice(source: Path, suffix: str, name: str) -> None:
    """Convert with LibreOffice itself, so the file is what LibreOffice writes."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        print(f"LibreOffice not installed: {name} not made")
        return
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [office, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", suffix, "--outdir", out, str(source)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        shutil.move(Path(out) / f"{source.stem}.{suffix}", HERE / name)


def sociale_kaart() -> None:
    """A sociale kaart export of the neighbourhood's offer: one row per aanbod, ';' UTF-8 BOM."""
    rows = [
        ["Organisatie", "Aanbod", "Categorie", "Doelgroep", "Omschrijving", "Telefoon",
         "E-mail", "Website"],
        ["Welzijn Waterveen", "Buurtkamer Kruidenbuurt", "Ontmoeting", "Ouderen, bewoners",
         "Elke dinsdag koffie en een praatje", "010-1234567", "info@welzijnwaterveen.nl",
         "www.welzijnwaterveen.nl"],
        ["Welzijn Waterveen", "Formulierenhulp", "Armoede & schulden", "Alle inwoners",
         "Hulp bij brieven en toeslagen", "010-1234567", "info@welzijnwaterveen.nl", ""],
        ["Stichting Taalhuis", "Taalcafé", "Taal", "Nieuwkomers", "Oefenen met Nederlands",
         "", "taalhuis@waterveen.nl", "www.taalhuiswaterveen.nl"],
        ["Buurtteam Kruidenbuurt", "Spreekuur wijkteam", "Zorg; Wonen", "Alle inwoners",
         "Maandag en donderdag 9-12 uur", "14 010", "", ""],
    ]  # fmt: skip
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    (HERE / "sociale-kaart-export.csv").write_bytes(
        b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
    )


def presence() -> None:
    """The signed presence list typed back after the session (for a re-import that updates)."""
    rows = [
        ["Naam", "Organisatie", "E-mail", "Telefoon", "Aanwezig"],
        ["Anna de Vries", "Welzijn Zuid", "anna@welzijnzuid.nl", "010-1234567", "ja"],
        ["Karim Ouali", "Huisartsenpraktijk De Pijp", "karim.ouali@hapdepijp.nl", "", "ja"],
        ["Els Jansen", "Bewonersgroep Pijp", "", "", "nee"],
    ]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    (HERE / "presentielijst.csv").write_bytes(buffer.getvalue().encode("cp1252"))


if __name__ == "__main__":
    google_forms()
    microsoft_forms()
    eventbrite()
    outlook()
    handmade()
    sociale_kaart()
    presence()
