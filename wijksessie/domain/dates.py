"""Dates the Dutch way: read what a facilitator types, show dates as the room reads them."""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = {"vandaag": 0, "morgen": 1, "overmorgen": 2}


class DateError(ValueError):
    """A date could not be read; the message is Dutch and says what to type."""


def parse_date(text: str, today: date | None = None) -> date | None:
    """Read ``3-12-2026``, ``3/12``, ``2026-12-03``, ``vandaag`` or ``morgen``; blank is None.

    A day and month without a year mean the next such day from ``today`` on.
    """
    today = today or date.today()
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if cleaned in _WORDS:
        return today + timedelta(days=_WORDS[cleaned])
    if match := _ISO.match(cleaned):
        return _make(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _NUMERIC.match(cleaned):
        day, month, year = int(match[1]), int(match[2]), match[3]
        if year is None:
            found = _make(today.year, month, day, text)
            return found if found >= today else _make(today.year + 1, month, day, text)
        full_year = int(year) + 2000 if len(year) == 2 else int(year)
        return _make(full_year, month, day, text)
    raise DateError(f"‘{text.strip()}’ is geen datum. Typ bijvoorbeeld 3-12-2026, 3/12 of morgen.")


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"‘{text.strip()}’ bestaat niet als datum.") from None


def format_date(value: date | None) -> str:
    """A date as typed in a form field: ``3-12-2026``; empty for None."""
    return f"{value.day}-{value.month}-{value.year}" if value else ""


def long_date(value: date | None) -> str:
    """A date as the room reads it: ``do 3 dec 2026``; empty for None."""
    if value is None:
        return ""
    return f"{DAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1]} {value.year}"
