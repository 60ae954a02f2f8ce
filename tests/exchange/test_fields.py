"""Header recognition and cell values, as real forms and spreadsheets write them."""

from __future__ import annotations

import pytest

from wijksessie.domain.model import Role
from wijksessie.exchange.fields import (
    Field,
    clean_email,
    clean_label,
    clean_name,
    clean_phone,
    items,
    recognise,
    role,
    standard,
    strength,
    yes_no,
)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Naam", Field.NAME),
        ("Naam deelnemer", Field.NAME),
        ("Full name", Field.NAME),
        ("Voornaam", Field.FIRST_NAME),
        ("Tussenvoegsel", Field.INFIX),
        ("Achternaam", Field.LAST_NAME),
        ("Last name", Field.LAST_NAME),
        ("E-mailadres ", Field.EMAIL),
        ("E-mail contactpersoon", Field.EMAIL),
        ("Email address", Field.EMAIL),
        ("Telefoonnummer", Field.PHONE),
        ("Tel.", Field.PHONE),
        ("Mobiel", Field.PHONE),
        ("Organisatie", Field.ORGANISATION),
        ("Naam organisatie", Field.ORGANISATION),
        ("Organisation", Field.ORGANISATION),
        ("Rol", Field.ROLE),
        ("Sector", Field.SECTOR),
        ("Thema’s", Field.THEMES),
        ("Themes", Field.THEMES),
        ("Doelgroep(en)", Field.TARGET_GROUPS),
        ("Target groups", Field.TARGET_GROUPS),
        ("Initiatief", Field.INITIATIVE),
        ("Naam initiatief", Field.INITIATIVE),
        ("Aanwezig", Field.PRESENT),
        ("Toestemming delen contactgegevens", Field.SHARE_CONTACT),
        ("Contactgegevens delen?", Field.SHARE_CONTACT),
        ("Contactpersoon", Field.CONTACT),
        ("Back-up contactpersoon", Field.BACKUP),
        ("Belangen", Field.INTERESTS),
        ("Omschrijving", Field.DESCRIPTION),
    ],
)
def test_headers_people_write_are_recognised(header: str, field: Field) -> None:
    assert recognise(header) is field


@pytest.mark.parametrize("header", ["", "Functie", "Tijdstempel", "Controle", "Opmerkingen"])
def test_unknown_headers_are_not_guessed(header: str) -> None:
    assert recognise(header) is None


@pytest.mark.parametrize(
    ("text", "answer"),
    [("ja", True), ("Ja ", True), ("x", True), ("yes", True), ("1", True), ("nee", False)],
)
def test_yes_and_no(text: str, answer: bool) -> None:
    assert yes_no(text, empty=False) is answer


def test_blank_is_the_default_and_anything_else_is_unclear() -> None:
    assert yes_no("  ", empty=True) is True
    assert yes_no("", empty=False) is False
    assert yes_no("misschien", empty=True) is None


def test_roles_from_free_text() -> None:
    assert role("Bewoner") is Role.RESIDENT
    assert role("wijkverbinder") is Role.CONNECTOR
    assert role("Bestuurder") is Role.ADMINISTRATOR
    assert role("wijkverpleegkundige") is Role.PROFESSIONAL


def test_lists_split_on_any_separator_and_use_standard_spelling() -> None:
    assert items("Eenzaamheid, ouderen; taal|Ouderen\nbuurt") == [
        "eenzaamheid",
        "ouderen",
        "taal",
        "buurt",
    ]
    assert standard(" Welzijn ") == "welzijn"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Wat is je naam?", Field.NAME),
        ("Bij welke organisatie werk je?", Field.ORGANISATION),
        ("Wat is je telefoonnummer? (optioneel)", Field.PHONE),
        ("Mogen we je naam en contactgegevens delen met de andere deelnemers?",
         Field.SHARE_CONTACT),
        ("Zo ja, hoe heet je initiatief?", Field.INITIATIVE),
        ("Company", Field.ORGANISATION),
        ("Bedrijf", Field.ORGANISATION),
        ("Bedrijfsnaam", Field.ORGANISATION),
        ("Werkzaam bij", Field.ORGANISATION),
        ("Instantie", Field.ORGANISATION),
        ("Middle Name", Field.INFIX),
        ("Cell Phone", Field.PHONE),
        ("Aanbod", Field.INITIATIVE),
        ("Met organisatie", Field.OTHER_ORGANISATION),
    ],
)  # fmt: skip
def test_headers_of_real_exports_by_meaning(header: str, field: Field) -> None:
    assert recognise(header) is field


@pytest.mark.parametrize(
    "header",
    [
        "Ik ga akkoord met de verwerking van mijn gegevens (AVG)",
        "Toestemming",
        "Wil je tijdens de sessie iets presenteren?",
        "Heb je een initiatief?",
        "Last modified time",
        "Start time",
        "Prefix",
        "Title",
        "Manager's Name",
        "E-mail Display Name",
        "Attendee Status",
        "Order #",
    ],
)
def test_headers_that_look_like_ours_but_are_not(header: str) -> None:
    assert recognise(header) is None


def test_a_question_beats_a_plain_header_which_beats_an_account_column() -> None:
    assert strength("Wat is je naam?") > strength("Naam") > strength("Name")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Velde, Jan van der", "Jan van der Velde"),
        ("Amrani, Fatima el", "Fatima el Amrani"),
        ("Dhr. Jan van der Velde", "Jan van der Velde"),
        ("Mevr. Sanne Bakker", "Sanne Bakker"),
        ("Jan Jansen, MSc", "Jan Jansen"),
        ("Ja", ""),
        ("anonymous", ""),
        ("Anna de Vries", "Anna de Vries"),
    ],
)
def test_names_as_the_room_says_them(text: str, name: str) -> None:
    assert clean_name(text) == name


def test_an_organisation_name_is_never_turned_round() -> None:
    assert clean_label("Gemeente Amsterdam, stadsdeel Zuid") == "Gemeente Amsterdam, stadsdeel Zuid"
    assert clean_label("Nee") == ""


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("010 - 123 45 67 (alleen ma/di)", "010 - 123 45 67"),
        ("06.12.34.56.78", "06 12 34 56 78"),
        ("06 12 34 56 78 / 010-1234567", "06 12 34 56 78"),
        ("612345678", "0612345678"),
        ("+31 6 12345678", "+31 6 12345678"),
    ],
)
def test_phones_as_people_type_them(text: str, phone: str) -> None:
    assert clean_phone(text) == phone


def test_anonymous_is_no_email() -> None:
    assert clean_email("anonymous") == "" and clean_email(" mailto:a@b.nl ") == "a@b.nl"
