"""Dates the Dutch way: read what a facilitator types, show dates as the room reads them.

The forms people type most (``3-12-2026``, ``3/12``, ``3 dec``, ``morgen``, ``vrijdag``,
``over 2 weken``) are read by hand here: fast, predictable, and with a precise message when a
date does not exist. Anything else goes to ``dateparser`` in Dutch, imported only when needed
because importing it costs ~45 ms that start-up should not pay.

Language: ``long_date`` and the day names in messages follow ``wijksessie.i18n`` (``do 3 dec
2026`` in Dutch, ``Thu 3 Dec 2026`` in English); the names are tables here rather than catalogue
entries, because two-letter words like ``do`` make poor msgids. What is read stays Dutch in
either language, with English day and month names accepted as well; ``format_date`` (the form
field's ``3-12-2026``) is the same in both.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from wijksessie.errors import WijksessieError
from wijksessie.i18n import N_, _, current_language

MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
YEAR_RANGE = range(1900, 2200)

_MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_EN_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_SHOWN = {
    "nl": (DAYS, MONTHS, _DAY_NAMES),
    "en": (EN_DAYS, EN_MONTHS, _EN_DAY_NAMES),
}
"""Per language: the day and month abbreviations of ``long_date`` and the full day names."""

_MONTH_WORDS = {
    **{name.lower(): i + 1 for i, name in enumerate(_EN_MONTH_NAMES)},
    **{abbr.lower(): i + 1 for i, abbr in enumerate(EN_MONTHS)},
    **{name: i + 1 for i, name in enumerate(_MONTH_NAMES)},
    **{abbr: i + 1 for i, abbr in enumerate(MONTHS)},
    "maa": 3,
    "mar": 3,
    "sept": 9,
    "okt": 10,
    "oct": 10,
}
_DAY_WORDS = {
    **{name.lower(): i for i, name in enumerate(_EN_DAY_NAMES)},
    **{abbr.lower(): i for i, abbr in enumerate(EN_DAYS)},
    **{name: i for i, name in enumerate(_DAY_NAMES)},
    **{abbr: i for i, abbr in enumerate(DAYS)},
}
_NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
}
_UNITS = {
    "dag": "days",
    "dagen": "days",
    "week": "weeks",
    "weken": "weeks",
    "maand": "months",
    "maanden": "months",
    "jaar": "years",
}
_WORDS = {"vandaag": 0, "morgen": 1, "overmorgen": 2}

_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:e|ste|de)?\s+([a-zë]+)\.?(?:\s+(\d{4}))?$")
_RELATIVE = re.compile(r"^over\s+(\S+)\s+([a-z]+)$")
_WEEKDAY_IN_WEEKS = re.compile(r"^([a-z]+)\s+over\s+(\S+)\s+(?:week|weken)$")
_PART_OF_MONTH = re.compile(r"^(begin|half|medio|midden|eind|einde)\s+([a-zë]+)\.?(?:\s+(\d{4}))?$")
_PART_DAY = {"begin": 1, "half": 15, "medio": 15, "midden": 15}
_WEEKDAY = re.compile(r"^(?:(aanstaande|volgende week|deze week)\s+)?([a-z]+)\.?$")
_LEADING_DAY = re.compile(r"^([a-z]+)\.?,?\s+(?=\d)")
_MAX_LENGTH = 60
_EXAMPLES = N_("Typ bijvoorbeeld 3-12-2026, 3/12, 3 dec, morgen, vrijdag of over 2 weken.")


class DateError(WijksessieError, ValueError):
    """A date could not be read; the message is Dutch and says what to type."""


def parse_date(text: str, today: date | None = None) -> date | None:
    """Read a date as a Dutch facilitator types it; blank is None.

    Understood: ``3-12-2026``, ``3/12``, ``2026-12-03``, ``3 dec``, ``3 december 2026``,
    ``do 3 dec 2026`` (as ``long_date`` shows it), ``vandaag``, ``morgen``, ``overmorgen``,
    ``vrijdag`` (the next Friday after today), ``volgende week vrijdag`` (Friday of next
    week), ``over 3 dagen`` / ``over twee weken`` / ``over 1 maand``, ``vrijdag over 2 weken``
    (Friday of the week two weeks on), ``begin`` / ``half`` / ``eind februari`` (the 1st, the
    15th, the last day), and whatever else
    ``dateparser`` reads in Dutch. English day and month names are read too (``Thu 3 Dec 2026``,
    as ``long_date`` shows it in English). A day and month without a year mean the next such
    day from ``today`` on. Raises ``DateError`` with a message in the current language for
    nonsense or impossible dates.
    """
    today = today or date.today()
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    weekday, cleaned = _split_weekday(cleaned)
    found = _read(cleaned, today, text) if len(cleaned) <= _MAX_LENGTH else None
    if found is None:
        raise DateError(
            _("‘{text}’ is geen datum. {examples}").format(text=text.strip(), examples=_(_EXAMPLES))
        )
    if weekday is not None and found.weekday() != weekday:
        raise DateError(
            _("‘{text}’ klopt niet: {date} is een {actual}, geen {typed}.").format(
                text=text.strip(),
                date=format_date(found),
                actual=day_name(found.weekday()),
                typed=day_name(weekday),
            )
        )
    return _in_range(found, text)


def parse_due(text: str, today: date | None = None) -> date | None:
    """Read a due date like ``parse_date``, refusing one before ``today``.

    A commitment due yesterday is a typing slip, not a promise; today itself is fine.
    """
    today = today or date.today()
    found = parse_date(text, today)
    if found is not None and found < today:
        raise DateError(
            _("‘{text}’ ({date}) ligt in het verleden. Kies vandaag ({today}) of later.").format(
                text=text.strip(), date=long_date(found), today=long_date(today)
            )
        )
    return found


def format_date(value: date | None) -> str:
    """A date as typed in a form field: ``3-12-2026``; empty for None."""
    return f"{value.day}-{value.month}-{value.year}" if value else ""


def short_date(value: date | None) -> str:
    """``02-12-2026`` in every language (a column heading), or a dash for no date."""
    return value.strftime("%d-%m-%Y") if value else "–"


def long_date(value: date | None) -> str:
    """A date as the room reads it: ``do 3 dec 2026`` (English: ``Thu 3 Dec 2026``); "" for None."""
    if value is None:
        return ""
    days, months, _names = _shown()
    return f"{days[value.weekday()]} {value.day} {months[value.month - 1]} {value.year}"


def day_name(weekday: int) -> str:
    """The full name of a weekday (0 is Monday) in the current language: ``donderdag``."""
    return _shown()[2][weekday]


def _shown() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    return _SHOWN.get(current_language(), _SHOWN["nl"])


def _read(cleaned: str, today: date, text: str) -> date | None:
    for reader in (
        _read_word,
        _read_numeric,
        _read_day_month,
        _read_relative,
        _read_weekday,
        _read_weekday_in_weeks,
        _read_part_of_month,
    ):
        found = reader(cleaned, today, text)
        if found is not None:
            return found
    return _read_with_dateparser(cleaned, today)


def _split_weekday(cleaned: str) -> tuple[int | None, str]:
    """Take a leading day name off ``do 3 dec 2026`` (as ``long_date`` writes it) to check it."""
    lead = _LEADING_DAY.match(cleaned)
    if lead and lead[1] in _DAY_WORDS:
        return _DAY_WORDS[lead[1]], cleaned[lead.end() :]
    return None, cleaned


def _read_word(cleaned: str, today: date, text: str) -> date | None:
    if cleaned in _WORDS:
        return today + timedelta(days=_WORDS[cleaned])
    return None


def _read_numeric(cleaned: str, today: date, text: str) -> date | None:
    if match := _ISO.match(cleaned):
        return _make(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _NUMERIC.match(cleaned):
        day, month, year = int(match[1]), int(match[2]), match[3]
        if year is None:
            return _next_day_month(day, month, today, text)
        full_year = int(year) + 2000 if len(year) == 2 else int(year)
        return _make(full_year, month, day, text)
    return None


def _read_day_month(cleaned: str, today: date, text: str) -> date | None:
    match = _DAY_MONTH.match(cleaned)
    if not match or match[2] not in _MONTH_WORDS:
        return None
    day, month = int(match[1]), _MONTH_WORDS[match[2]]
    if match[3] is None:
        return _next_day_month(day, month, today, text)
    return _make(int(match[3]), month, day, text)


def _read_relative(cleaned: str, today: date, text: str) -> date | None:
    match = _RELATIVE.match(cleaned)
    if not match or match[2] not in _UNITS:
        return None
    amount_text = match[1]
    amount = int(amount_text) if amount_text.isdigit() else _NUMBER_WORDS.get(amount_text)
    if amount is None:
        return None
    if amount > 100 * 366:
        raise DateError(_("‘{text}’ ligt te ver weg.").format(text=text.strip()))
    unit = _UNITS[match[2]]
    if unit == "days":
        return today + timedelta(days=amount)
    if unit == "weeks":
        return today + timedelta(weeks=amount)
    months = amount if unit == "months" else 12 * amount
    return _add_months(today, months)


def _read_weekday(cleaned: str, today: date, text: str) -> date | None:
    match = _WEEKDAY.match(cleaned)
    if not match or match[2] not in _DAY_WORDS:
        return None
    weekday = _DAY_WORDS[match[2]]
    monday = today - timedelta(days=today.weekday())
    if match[1] == "volgende week":
        return monday + timedelta(weeks=1, days=weekday)
    if match[1] == "deze week":
        return monday + timedelta(days=weekday)
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _read_weekday_in_weeks(cleaned: str, today: date, text: str) -> date | None:
    """``vrijdag over 2 weken``: that day in the week two weeks from this one."""
    match = _WEEKDAY_IN_WEEKS.match(cleaned)
    if not match or match[1] not in _DAY_WORDS:
        return None
    amount = int(match[2]) if match[2].isdigit() else _NUMBER_WORDS.get(match[2])
    if amount is None or amount > 520:
        return None
    monday = today - timedelta(days=today.weekday())
    return monday + timedelta(weeks=amount, days=_DAY_WORDS[match[1]])


def _read_part_of_month(cleaned: str, today: date, text: str) -> date | None:
    """``begin februari`` (the 1st), ``half maart`` (the 15th), ``eind januari`` (the last
    day): the next such day from today on, as for a day and month without a year."""
    match = _PART_OF_MONTH.match(cleaned)
    if not match or match[2] not in _MONTH_WORDS:
        return None
    month = _MONTH_WORDS[match[2]]
    year = int(match[3]) if match[3] else today.year

    def day_in(year: int) -> date:
        if match[1] in _PART_DAY:
            return _make(year, month, _PART_DAY[match[1]], text)
        return _add_months(_make(year, month, 1, text), 1) - timedelta(days=1)

    found = day_in(year)
    if match[3] is None and found < today:
        found = day_in(year + 1)
    return found


def _read_with_dateparser(cleaned: str, today: date) -> date | None:
    import dateparser  # lazily: ~45 ms to import, only needed for unusual phrasings

    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": datetime(today.year, today.month, today.day),
        "REQUIRE_PARTS": ["day", "month"],
    }
    try:
        found = dateparser.parse(cleaned, languages=["nl"], settings=settings)
    except Exception:  # a fallback reader: whatever it trips over is "no date", never a crash
        return None
    return found.date() if found else None


def _next_day_month(day: int, month: int, today: date, text: str) -> date:
    """The next ``day``-``month`` from ``today`` on; 29-2 waits for the next leap year."""
    _check_day_month(day, month, text)
    for year in range(today.year, today.year + 9):
        if day <= calendar.monthrange(year, month)[1]:
            found = date(year, month, day)
            if found >= today:
                return found
    raise DateError(_("‘{text}’ bestaat niet als datum.").format(text=text.strip()))


def _check_day_month(day: int, month: int, text: str) -> None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
        raise DateError(_("‘{text}’ bestaat niet als datum.").format(text=text.strip()))


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(_("‘{text}’ bestaat niet als datum.").format(text=text.strip())) from None


def _add_months(start: date, months: int) -> date:
    """``start`` moved by whole months, the day clamped to the month's end (31 jan → 28 feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    if year not in YEAR_RANGE:
        raise DateError(_("Die datum ligt te ver weg."))
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _in_range(found: date, text: str) -> date:
    if found.year not in YEAR_RANGE:
        raise DateError(
            _("‘{text}’: kies een jaar tussen {first} en {last}.").format(
                text=text.strip(), first=YEAR_RANGE.start, last=YEAR_RANGE.stop - 1
            )
        )
    return found
