"""Dates typed the Dutch way: what is read, what is refused and with which message."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from wijksessie import i18n
from wijksessie.domain.dates import (
    DateError,
    day_name,
    format_date,
    long_date,
    parse_date,
    parse_due,
)
from wijksessie.errors import WijksessieError

TODAY = date(2026, 6, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3-12-2026", date(2026, 12, 3)),
        ("3/12/2026", date(2026, 12, 3)),
        ("3.12.26", date(2026, 12, 3)),
        ("2026-12-03", date(2026, 12, 3)),
        ("3/12", date(2026, 12, 3)),
        ("3-6", date(2027, 6, 3)),
        ("10-6", date(2026, 6, 10)),
        ("3 dec", date(2026, 12, 3)),
        ("3 dec.", date(2026, 12, 3)),
        ("3 december 2026", date(2026, 12, 3)),
        ("3 December", date(2026, 12, 3)),
        ("1 mrt", date(2027, 3, 1)),
        ("1 maart 2027", date(2027, 3, 1)),
        ("3e sept", date(2026, 9, 3)),
        ("do 3 dec 2026", date(2026, 12, 3)),
        ("donderdag 3-12-2026", date(2026, 12, 3)),
        ("  Morgen ", date(2026, 6, 11)),
        ("vandaag", date(2026, 6, 10)),
        ("overmorgen", date(2026, 6, 12)),
        ("over 3 dagen", date(2026, 6, 13)),
        ("over 1 dag", date(2026, 6, 11)),
        ("over 2 weken", date(2026, 6, 24)),
        ("over twee weken", date(2026, 6, 24)),
        ("over een week", date(2026, 6, 17)),
        ("over 1 maand", date(2026, 7, 10)),
        ("over 1 jaar", date(2027, 6, 10)),
        ("vrijdag", date(2026, 6, 12)),
        ("vr", date(2026, 6, 12)),
        ("aanstaande vrijdag", date(2026, 6, 12)),
        ("woensdag", date(2026, 6, 17)),
        ("maandag", date(2026, 6, 15)),
        ("volgende week vrijdag", date(2026, 6, 19)),
        ("volgende week maandag", date(2026, 6, 15)),
        ("deze week vrijdag", date(2026, 6, 12)),
        ("volgende maand", date(2026, 7, 10)),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_date_reads_dutch(text: str, expected: date | None) -> None:
    assert parse_date(text, TODAY) == expected


def test_month_arithmetic_clamps_to_the_end_of_the_month() -> None:
    assert parse_date("over 1 maand", date(2027, 1, 31)) == date(2027, 2, 28)


def test_29_february_without_year_waits_for_a_leap_year() -> None:
    assert parse_date("29-2", TODAY) == date(2028, 2, 29)


def test_without_today_uses_the_real_date() -> None:
    assert parse_date("vandaag") == date.today()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31-2-2027", "bestaat niet als datum"),
        ("31 feb", "bestaat niet als datum"),
        ("30 februari 2027", "bestaat niet als datum"),
        ("32/1", "bestaat niet als datum"),
        ("3-13", "bestaat niet als datum"),
        ("0-0-00", "bestaat niet als datum"),
        ("blabla", "is geen datum"),
        ("dec", "is geen datum"),
        ("2026", "is geen datum"),
        ("3 dec blabla", "is geen datum"),
        ("over veel weken", "is geen datum"),
        ("x" * 500, "is geen datum"),
        ("\x1b[31m", "is geen datum"),
        ("wo 3 dec 2026", "is een donderdag, geen woensdag"),
        ("3-12-1200", "kies een jaar tussen 1900 en 2199"),
        ("over 999999999 dagen", "te ver weg"),
        ("over 5000 maanden", "te ver weg"),
    ],
)
def test_parse_date_refuses_with_a_dutch_message(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text, TODAY)


def test_date_error_is_a_user_error_and_a_value_error() -> None:
    assert issubclass(DateError, WijksessieError)
    assert issubclass(DateError, ValueError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vandaag", TODAY),
        ("morgen", date(2026, 6, 11)),
        ("3/6", date(2027, 6, 3)),
        ("", None),
    ],
)
def test_parse_due_accepts_today_and_later(text: str, expected: date | None) -> None:
    assert parse_due(text, TODAY) == expected


@pytest.mark.parametrize("text", ["9-6-2026", "1 jan 2026", "deze week maandag", "gisteren"])
def test_parse_due_refuses_the_past(text: str) -> None:
    with pytest.raises(DateError, match="ligt in het verleden"):
        parse_due(text, TODAY)


@pytest.mark.parametrize(
    "value", [date(2026, 12, 3), date(2027, 1, 1), date(2028, 2, 29), date(2026, 6, 10)]
)
def test_what_is_shown_reads_back(value: date) -> None:
    assert parse_date(format_date(value), TODAY) == value
    assert parse_date(long_date(value), TODAY) == value


def test_format_and_long_date() -> None:
    assert format_date(date(2026, 12, 3)) == "3-12-2026"
    assert long_date(date(2026, 12, 3)) == "do 3 dec 2026"
    assert format_date(None) == "" and long_date(None) == ""


def test_the_common_forms_do_not_import_dateparser() -> None:
    code = (
        "import sys; from datetime import date; from wijksessie.domain.dates import parse_date;"
        "[parse_date(t, date(2026, 6, 10)) for t in ('3-12', '3 dec', 'vrijdag', 'over 2 weken')];"
        "print('dateparser' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


@pytest.mark.usefixtures("english")
def test_long_date_in_english() -> None:
    assert long_date(date(2026, 11, 25)) == "Wed 25 Nov 2026"
    assert long_date(date(2026, 12, 3)) == "Thu 3 Dec 2026"
    assert long_date(date(2027, 3, 1)) == "Mon 1 Mar 2027"
    assert long_date(date(2027, 5, 9)) == "Sun 9 May 2027"
    assert long_date(None) == ""
    assert day_name(2) == "Wednesday"


@pytest.mark.usefixtures("english")
def test_english_keeps_the_form_field_date_and_reads_dutch() -> None:
    assert format_date(date(2026, 12, 3)) == "3-12-2026"
    assert parse_date("3 dec", TODAY) == date(2026, 12, 3)
    assert parse_date("do 3 dec 2026", TODAY) == date(2026, 12, 3)
    assert parse_date("volgende week vrijdag", TODAY) == date(2026, 6, 19)


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    "value", [date(2026, 12, 3), date(2027, 1, 1), date(2028, 2, 29), date(2027, 5, 9)]
)
def test_what_is_shown_in_english_reads_back(value: date) -> None:
    assert parse_date(long_date(value), TODAY) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 May", date(2027, 5, 3)),
        ("3 march 2027", date(2027, 3, 3)),
        ("Friday", date(2026, 6, 12)),
        ("fri", date(2026, 6, 12)),
        ("Thu 3 Dec 2026", date(2026, 12, 3)),
    ],
)
def test_english_day_and_month_names_are_read_in_either_language(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.usefixtures("english")
def test_a_wrong_weekday_is_named_in_english() -> None:
    with pytest.raises(DateError, match="is a Thursday, not a Wednesday"):
        parse_date("wo 3 dec 2026", TODAY)


def test_dutch_again_after_english() -> None:
    i18n.set_language("en")
    i18n.set_language("nl")
    assert long_date(date(2026, 11, 25)) == "wo 25 nov 2026"
    with pytest.raises(DateError, match="is een donderdag, geen woensdag"):
        parse_date("Wed 3 Dec 2026", TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vrijdag over 2 weken", date(2026, 6, 26)),
        ("maandag over 1 week", date(2026, 6, 15)),
        ("eind januari", date(2027, 1, 31)),
        ("eind juni", date(2026, 6, 30)),
        ("begin februari", date(2027, 2, 1)),
        ("half maart", date(2027, 3, 15)),
        ("medio juli", date(2026, 7, 15)),
        ("eind februari 2028", date(2028, 2, 29)),
    ],
)
def test_parse_date_reads_how_a_room_says_when(text: str, expected: date) -> None:
    """Issue 15.14: the phrasings a facilitator types in the room."""
    assert parse_date(text, TODAY) == expected


def test_a_season_is_no_date_and_the_message_says_what_to_type() -> None:
    with pytest.raises(DateError, match=r"‘na de zomer’ is geen datum\. Typ bijvoorbeeld"):
        parse_date("na de zomer", TODAY)
