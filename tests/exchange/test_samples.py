"""Real sign-up exports, as each tool writes them (``samples/``), read the way a person would.

Each test reads one sample file into an empty session and checks every person: name,
organisation, e-mail, phone and whether their contact may be shared. The files and how they
were made are described in ``samples/README.md``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wijksessie.domain.model import Network, Session
from wijksessie.exchange.importer import ImportPreview, preview_import

SAMPLES = Path(__file__).parent / "samples"


def _read(name: str) -> ImportPreview:
    return preview_import(SAMPLES / name, Network(session=Session("Proef")))


def _people(preview: ImportPreview) -> list[tuple[str, str, str, str, bool]]:
    return [
        (
            item.entity.name,
            preview.organisation_of(item.entity),
            item.entity.email,
            item.entity.phone,
            item.entity.share_contact,
        )
        for item in preview.participants
    ]


def _columns(preview: ImportPreview) -> dict[str, str]:
    return {column.header: column.note for column in preview.columns}


def test_google_forms_keeps_everyone_and_reads_questions_by_meaning() -> None:
    preview = _read("google-forms-antwoorden.csv")
    assert preview.bad_rows == ()
    assert _people(preview) == [
        ("Anna de Vries", "Welzijn Zuid", "anna@welzijnzuid.nl", "010 - 123 45 67", True),
        ("Karim Ouali", "Huisartsenpraktijk De Pijp", "k.ouali@hapdepijp.nl", "06 12 34 56 78",
         False),
        ("Els Jansen", "Bewonersgroep Pijp", "els.jansen@gmail.com", "06 12 34 56 78", True),
        ("Fatima el Amrani", "Gemeente Amsterdam, stadsdeel Zuid", "f.elamrani@amsterdam.nl",
         "", False),
        ("Henk de Boer", "Buurtbuik Zuid", "henk@buurtbuik.nl", "", True),
    ]  # fmt: skip
    columns = _columns(preview)
    not_ours = "niet herkend: wordt genegeerd"
    assert columns["Ik ga akkoord met de verwerking van mijn gegevens (AVG)"] == not_ours
    assert columns["Wil je tijdens de sessie iets presenteren?"] == not_ours
    assert columns["Heb je een initiatief?"] == not_ours
    assert [item.entity.name for item in preview.initiatives] == [
        "Buurtkamer De Pijp",
        "Buurtbuik: samen eten",
    ]
    notes = {(note.row, note.message) for note in preview.warnings}
    assert (2, "Telefoon ‘010 - 123 45 67 (alleen ma/di)’ ingelezen als 010 - 123 45 67.") in notes
    assert (4, "Telefoon ‘06 12 34 56 78 / 010-1234567’ ingelezen als 06 12 34 56 78.") in notes
    assert any(row == 6 and "bel maar via Anna" in message for row, message in notes)
    assert (5, "Contact delen: ‘Weet ik nog niet’ is geen ja of nee; als nee ingelezen.") in notes


def test_avg_consent_never_shares_contact(tmp_path: Path) -> None:
    path = tmp_path / "avg.csv"
    path.write_text(
        "Naam,Ik ga akkoord met de verwerking van mijn gegevens (AVG),Toestemming\nAnna,Ja,Ja\n",
        encoding="utf-8",
    )
    preview = preview_import(path, Network(session=Session("Proef")))
    assert [item.entity.share_contact for item in preview.participants] == [False]


def test_yes_no_answers_never_become_names(tmp_path: Path) -> None:
    path = tmp_path / "ja.csv"
    path.write_text(
        "Naam;Organisatie;Initiatief\nJa;Welzijn;Nee\nAnna;Ja;Ja\nBert;Welzijn;Koffie\n",
        encoding="utf-8",
    )
    preview = preview_import(path, Network(session=Session("Proef")))
    assert [bad.row for bad in preview.bad_rows] == [2]
    assert _people(preview) == [("Anna", "", "", "", False), ("Bert", "Welzijn", "", "", False)]
    assert [item.entity.name for item in preview.initiatives] == ["Koffie"]


def test_microsoft_forms_answer_beats_account_and_anonymous_is_no_email() -> None:
    preview = _read("microsoft-forms.xlsx")
    assert preview.bad_rows == ()
    assert _people(preview) == [
        ("Jan van der Velde", "Woonstad Zuid", "j.vandervelde@woonstadzuid.nl", "06-12345678",
         True),
        ("Fatima el Amrani", "Gemeente Amsterdam", "f.elamrani@amsterdam.nl", "020 555 0101",
         False),
        ("Piet Bakker", "Buurthuis De Honingraat", "", "", True),
        ("Sanne Bakker", "Jeugdzorg Zuid", "s.bakker@jeugdzorgzuid.nl", "0612345678", True),
    ]  # fmt: skip
    columns = _columns(preview)
    assert columns["Name"] == "naam: als ‘Wat is je naam?’ leeg is"
    assert columns["Last modified time"] == "niet herkend: wordt genegeerd"


def test_microsoft_forms_anonymous_responses_all_come_in() -> None:
    preview = _read("microsoft-forms-anoniem.xlsx")
    assert preview.bad_rows == ()
    assert _people(preview) == [
        ("Yusuf Demir", "Sportbuurtwerk", "", "06 98765432", True),
        ("Marieke Smit", "Bibliotheek Zuid", "", "", False),
    ]


def test_eventbrite_drops_salutations_reads_company_and_keeps_both_tickets() -> None:
    preview = _read("eventbrite-deelnemers.csv")
    assert preview.bad_rows == ()
    buyer = "j.vandervelde@woonstadzuid.nl"
    assert _people(preview) == [
        ("Jan van der Velde", "Woonstad Zuid", buyer, "+31 6 12345678", False),
        ("Sanne Bakker", "Woonstad Zuid", buyer, "", False),
        ("Fatima el Amrani", "Gemeente Amsterdam", "f.elamrani@amsterdam.nl", "020 555 0101",
         False),
        ("Karim Ouali", "Huisartsenpraktijk De Pijp", "k.ouali@hapdepijp.nl", "06-23456789",
         False),
    ]  # fmt: skip
    assert [note.row for note in preview.warnings] == [3]
    assert "andere naam" in preview.warnings[0].message


def test_outlook_middle_name_is_the_infix() -> None:
    preview = _read("outlook-contactpersonen.csv")
    assert _people(preview) == [
        ("Jan van der Velde", "Woonstad Zuid", "j.vandervelde@woonstadzuid.nl", "020 555 0199",
         False),
        ("Fatima el Amrani", "Gemeente Amsterdam", "f.elamrani@amsterdam.nl", "06 98 76 54 32",
         False),
        ("Zoë Müller", "Bibliotheek Zuid", "zoe.muller@oba.nl", "", False),
    ]  # fmt: skip
    columns = _columns(preview)
    assert columns["Middle Name"] == "tussenvoegsel"
    assert columns["Manager's Name"] == "niet herkend: wordt genegeerd"
    assert columns["E-mail Display Name"] == "niet herkend: wordt genegeerd"


HANDMADE = [
    ("Anna de Vries", "Welzijn Waterveen", "anna@welzijnwaterveen.nl", "0612345678", False),
    ("Bram Peters", "Welzijn Waterveen", "bram@welzijnwaterveen.nl", "06-87654321", False),
    ("Chantal Roos", "Welzijn Waterveen", "", "", False),
    ("Dirk Jansen", "Huisartsenpraktijk Kruidenbuurt", "d.jansen@hapkruid.nl", "010 - 765 43 21",
     False),
    ("Eva Smit", "Huisartsenpraktijk Kruidenbuurt", "", "0101234567", False),
]  # fmt: skip


@pytest.mark.parametrize("name", ["handgemaakt.xlsx", "handgemaakt.ods", "handgemaakt.xls"])
def test_a_hand_made_list_in_excel_libreoffice_or_old_excel(name: str) -> None:
    """Merged organisation filled down, two-row header read as one, the total line skipped, a
    phone typed as a number gets its 0 back; the same from .xlsx, .ods and .xls."""
    if not (SAMPLES / name).exists():
        pytest.skip(f"{name} is made by LibreOffice, which was not installed")
    preview = _read(name)
    assert preview.bad_rows == ()
    assert _people(preview) == HANDMADE
    assert [column.header for column in preview.columns] == [
        "Naam",
        "Organisatie",
        "E-mail",
        "Telefoon",
        "Rol",
    ]
    assert (11, "Totaalregel overgeslagen.") in {(n.row, n.message) for n in preview.warnings}


def test_a_sociale_kaart_offer_list_becomes_initiatives() -> None:
    preview = _read("sociale-kaart-export.csv")
    assert preview.bad_rows == () and preview.participants == ()
    initiatives = [
        (item.entity.name, preview.organisation_of(item.entity), item.entity.themes)
        for item in preview.initiatives
    ]
    assert initiatives == [
        ("Buurtkamer Kruidenbuurt", "Welzijn Waterveen", ["ontmoeting"]),
        ("Formulierenhulp", "Welzijn Waterveen", ["armoede & schulden"]),
        ("Taalcafé", "Stichting Taalhuis", ["taal"]),
        ("Spreekuur wijkteam", "Buurtteam Kruidenbuurt", ["zorg", "wonen"]),
    ]
