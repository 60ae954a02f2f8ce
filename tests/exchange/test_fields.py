"""Header recognition and cell values, as real forms and spreadsheets write them."""

from __future__ import annotations

import pytest

from wijksessie.domain.model import Role
from wijksessie.exchange.fields import Field, items, recognise, role, standard, yes_no


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
