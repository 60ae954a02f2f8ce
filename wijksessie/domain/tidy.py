"""Loading applies the limits typing does, and says what it had to change.

A session file is text anyone can edit, and a file that loads must not crash the app later:
a 5 MB title made the header's first save fail (``ValidationError``, a traceback on mount), a
title of spaces or ``planned_minutes`` of -5 did the same, and a 5 MB name made the summary
take two minutes and print 62 MB. So every document is brought within the rules of
``validation`` as it is read: text cleaned (``text.clean``) and cut to its field's length,
numbers put within their range, an empty required field given a stand-in, a follow-up date
before the session dropped. Each change is a ``Fix``; ``describe`` turns them into a few Dutch
lines the app shows on open and the command line prints.

Only fields of the expected type are touched: a value of the wrong type is left for the codec
to refuse, so a damaged file is still called damaged rather than quietly repaired.
"""

from __future__ import annotations

import types
from collections import Counter
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from datetime import date
from functools import cache
from typing import Any, Union, get_args, get_origin

from wijksessie.domain.codec import field_types
from wijksessie.domain.model import KIND_NOUNS, Session
from wijksessie.domain.record import record
from wijksessie.domain.text import clean, unwanted_finder
from wijksessie.domain.validation import (
    LIST_ITEM_MAX,
    MINUTES_MAX,
    NAME_MAX,
    REQUIRED,
    SHORT_FIELDS,
    TEXT_MAX,
)
from wijksessie.i18n import N_, _

EMPTY_STAND_IN = N_("(leeg)")
"""What an empty required field (a title of spaces) gets, so the entity can be saved again."""

CUT = "cut"
CLEANED = "cleaned"
FILLED = "filled"
CLAMPED = "clamped"
DROPPED = "dropped"
DROPPED_DEEP = "dropped-deep"


@record
class Fix:
    """One change loading made: in which kind of entity, which field, and what was done."""

    kind: type
    field: str
    what: str


FIELD_LABELS: dict[str, str] = {
    "title": N_("titel"),
    "wijk": N_("wijk"),
    "location": N_("plek"),
    "facilitator": N_("facilitator"),
    "question": N_("vraagstuk"),
    "notes": N_("notities"),
    "agenda": N_("agenda"),
    "next_date": N_("vervolgdatum"),
    "previous_session": N_("vorige sessie"),
    "previous_title": N_("titel van de vorige sessie"),
    "text": N_("tekst"),
    "themes": N_("thema's"),
    "source": N_("bron"),
    "name": N_("naam"),
    "sector": N_("sector"),
    "interests": N_("belangen"),
    "email": N_("e-mail"),
    "phone": N_("telefoon"),
    "target_groups": N_("doelgroepen"),
    "description": N_("beschrijving"),
    "note": N_("toelichting"),
    "votes": N_("stemmen"),
    "rounds": N_("consentrondes"),
    "what": N_("wat"),
    "date": N_("datum"),
    "due": N_("uiterlijk"),
    "present": N_("aanwezig"),
    "share_contact": N_("contact delen"),
    "role": N_("rol"),
    "kind": N_("soort"),
    "status": N_("status"),
    "phase": N_("fase"),
    "planned_minutes": N_("minuten"),
}


def tidy(kind: type, doc: Any) -> list[Fix]:
    """Bring one stored document of ``kind`` within the rules, in place; what was changed.

    Text that is already clean and within its length costs one regex search per field: the
    large benchmark session (about 18,000 texts) is tidied in about 10 ms.
    """
    if not isinstance(doc, dict):
        return []
    fixes: list[Fix] = []
    _tidy_fields(kind, doc, kind, "", fixes)
    required = REQUIRED.get(kind)
    if required is not None:
        name = required[0]
        value = doc.get(name)
        if isinstance(value, str) and not value.strip():
            doc[name] = _(EMPTY_STAND_IN)
            fixes.append(Fix(kind, name, FILLED))
    if kind is Session:
        _tidy_dates(doc, fixes)
    return fixes


SHORT_TEXT, LONG_TEXT, TEXTS, VOTES, NUMBER, LIST_OF, DICT_OF = range(7)


def _tidy_fields(kind: type, doc: dict[str, Any], top: type, parent: str, fixes: list[Fix]) -> None:
    """Clean, cut and clamp every field of a (nested) dataclass document."""
    _fields_tidier(kind)(doc, top, parent, fixes)


@cache
def _fields_tidier(kind: type) -> Any:
    """``_tidy_fields`` for one kind, written out once (as ``codec`` writes its loaders).

    A text field is checked where it is read, without a loop over the kind's plan: the large
    benchmark session's 2,101 documents and 4,000 nested ones (consent positions, agenda
    items) are tidied in about half the time the loop took (12 ms). What a text field needs
    when it is not clean, and every other shape, is the loop's own code (``_tidy_text``,
    ``_tidy_value``).
    """
    known, plan = _plan(kind)
    scope: dict[str, Any] = {
        "known": known,
        "_drop_deep_unknowns": _drop_deep_unknowns,
        "_tidy_text": _tidy_text,
        "_tidy_value": _tidy_value,
    }
    lines = [
        "def tidy_fields(doc, top, parent, fixes):",
        "    if not doc.keys() <= known:",
        "        _drop_deep_unknowns(doc, known, top, parent, fixes)",
    ]
    for index, (name, shape, limit, nested, unwanted) in enumerate(plan):
        lines.append(f"    value = doc.get({name!r})")
        if shape in (SHORT_TEXT, LONG_TEXT):
            scope[f"unwanted{index}"] = unwanted
            lines += [
                "    if value.__class__ is str and (",
                f"        len(value) > {limit} or unwanted{index}(value) is not None",
                "    ):",
                f"        doc[{name!r}] = _tidy_text(value, {shape == SHORT_TEXT}, {limit},",
                f"                                   top, parent or {name!r}, fixes)",
            ]
        else:
            scope[f"field{index}"] = (name, shape, limit, nested, unwanted)
            lines += [
                "    if value is not None:",
                f"        _tidy_value(field{index}, doc, value, top, parent or {name!r}, fixes)",
            ]
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), scope, namespace)  # our own source, as dataclasses write theirs
    return namespace["tidy_fields"]


def _tidy_value(
    field: tuple[str, int, int, Any, Any],
    doc: dict[str, Any],
    value: Any,
    top: type,
    report: str,
    fixes: list[Fix],
) -> None:
    """Tidy one field that is not a single text: a list of texts, votes, a number, nested."""
    name, shape, limit, nested, unwanted = field
    if shape == TEXTS:
        if value.__class__ is list and not all(
            item.__class__ is not str or (len(item) <= limit and unwanted(item) is None)
            for item in value
        ):
            doc[name] = [
                _tidy_text(item, False, limit, top, report, fixes)
                if isinstance(item, str)
                else item
                for item in value
            ]
    elif shape == VOTES and isinstance(value, dict):
        for key, count in value.items():
            if _is_int(count) and count < 0:
                value[key] = 0
                fixes.append(Fix(top, report, CLAMPED))
    elif shape == NUMBER and _is_int(value):
        low, high = _RANGES.get(name, (0, None))
        bounded = max(low, value if high is None else min(high, value))
        if bounded != value:
            doc[name] = bounded
            fixes.append(Fix(top, report, CLAMPED))
    elif shape == LIST_OF and isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                _tidy_fields(nested, item, top, report, fixes)
    elif shape == DICT_OF and isinstance(value, dict):
        tidy_item = _fields_tidier(nested)
        for item in value.values():
            if isinstance(item, dict):
                tidy_item(item, top, report, fixes)


MAX_UNKNOWN_DEPTH = 16
"""How deep a value under a key this version does not know may nest. Such values are kept
(a newer version may need them), copied and written again; nested hundreds deep they made
that copying fail with ``RecursionError``."""


def _drop_deep_unknowns(
    doc: dict[str, Any], known: frozenset[str], top: type, parent: str, fixes: list[Fix]
) -> None:
    for key in doc.keys() - known:
        if depth_over(doc[key], MAX_UNKNOWN_DEPTH):
            del doc[key]
            fixes.append(Fix(top, parent or key, DROPPED_DEEP))


def depth_over(value: Any, limit: int = MAX_UNKNOWN_DEPTH) -> bool:
    """True when containers nest deeper than ``limit``; iterative, so it cannot recurse."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if not isinstance(item, dict | list):
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def plan(kind: type) -> tuple[frozenset[str], tuple[tuple[str, int, int, Any, Any], ...]]:
    """The kind's field names, and per field what ``tidy`` does with it: ``(name, shape,
    limit, nested kind, unwanted-character search)``, the shape one of ``SHORT_TEXT`` …
    ``DICT_OF``. For readers that prove a document needs no tidying (``store.clean_read``)."""
    return _plan(kind)


def number_range(name: str) -> tuple[int, int | None]:
    """The range ``tidy`` keeps a number field of this name in (``None``: no upper bound)."""
    return _RANGES.get(name, (0, None))


@cache
def _plan(kind: type) -> tuple[frozenset[str], tuple[tuple[str, int, int, Any, Any], ...]]:
    """The kind's field names, and per field what ``tidy`` does with it, worked out once.

    The types are the codec's (``codec.field_types``): ``typing.get_type_hints`` compiled
    every annotation again, 2 ms of a cold start into a session for the 14 kinds."""
    hints = field_types(kind)
    plan = []
    for f in fields(kind):
        shape, nested = _shape(hints[f.name])
        if shape is None:
            continue
        if shape == SHORT_TEXT:
            short = f.name in SHORT_FIELDS
            shape, limit = (SHORT_TEXT, NAME_MAX) if short else (LONG_TEXT, TEXT_MAX)
        else:
            limit = LIST_ITEM_MAX
        plan.append((f.name, shape, limit, nested, unwanted_finder(short=shape == SHORT_TEXT)))
    return frozenset(f.name for f in fields(kind)), tuple(plan)


def _shape(hint: Any) -> tuple[int | None, Any]:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return _shape(next(arg for arg in get_args(hint) if arg is not type(None)))
    if origin is list:
        item = get_args(hint)[0]
        if item is str:
            return TEXTS, None
        return (LIST_OF, item) if is_dataclass(item) else (None, None)
    if origin is dict:
        item = get_args(hint)[1]
        if item is int:
            return VOTES, None
        return (DICT_OF, item) if is_dataclass(item) else (None, None)
    if hint is str:
        return SHORT_TEXT, None
    if hint is int:
        return NUMBER, None
    return None, None


_RANGES: dict[str, tuple[int, int | None]] = {
    "planned_minutes": (0, MINUTES_MAX),
    "spent_seconds": (0, 100 * 24 * 3600),
}
"""Numbers' ranges by field name: the planned minutes as the agenda dialog allows them, and
time spent up to a hundred days (the clock could never get further)."""


def _tidy_text(
    value: str, short: bool, limit: int, kind: type, field: str, fixes: list[Fix]
) -> str:
    too_long = len(value) > 4 * limit  # cut first: cleaning 5 MB takes a third of a second
    head = value[: 4 * limit] if too_long else value
    cleaned = clean(head, short=short)
    if cleaned != head and (short or cleaned != head.replace("\r\n", "\n")):
        fixes.append(Fix(kind, field, CLEANED))  # Windows line ends alone are no news
    if too_long or len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
        fixes.append(Fix(kind, field, CUT))
    return cleaned


def _tidy_dates(doc: dict[str, Any], fixes: list[Fix]) -> None:
    """A follow-up date on or before the session itself cannot be saved again: drop it."""
    when, follow = doc.get("date"), doc.get("next_date")
    if not (isinstance(when, str) and isinstance(follow, str)):
        return
    try:
        if date.fromisoformat(follow) <= date.fromisoformat(when):
            doc["next_date"] = None
            fixes.append(Fix(Session, "next_date", DROPPED))
    except ValueError:
        return


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_WHAT: dict[str, tuple[str, str]] = {
    CUT: (
        N_("{kind}: {field} ingekort (te lang)"),
        N_("{count}× {kind}: {field} ingekort (te lang)"),
    ),
    CLEANED: (
        N_("{kind}: stuurtekens of onzichtbare tekens uit {field} gehaald"),
        N_("{count}× {kind}: stuurtekens of onzichtbare tekens uit {field} gehaald"),
    ),
    FILLED: (
        N_("{kind}: {field} was leeg, nu ‘(leeg)’"),
        N_("{count}× {kind}: {field} was leeg, nu ‘(leeg)’"),
    ),
    CLAMPED: (
        N_("{kind}: {field} buiten het toegestane bereik, rechtgezet"),
        N_("{count}× {kind}: {field} buiten het toegestane bereik, rechtgezet"),
    ),
    DROPPED_DEEP: (
        N_("{kind}: onbekend veld {field} te diep genest, weggelaten"),
        N_("{count}× {kind}: onbekend veld {field} te diep genest, weggelaten"),
    ),
    DROPPED: (
        N_("{kind}: {field} lag niet na de sessie en is weggehaald"),
        N_("{count}× {kind}: {field} lag niet na de sessie en is weggehaald"),
    ),
}
_SESSION_NOUN = N_("sessie")


def describe(fixes: Iterable[Fix]) -> list[str]:
    """What loading changed, one Dutch line per kind of change, in the order first met."""
    counts = Counter((fix.kind, fix.field, fix.what) for fix in fixes)
    lines = []
    for (kind, field, what), count in counts.items():
        noun = _(_SESSION_NOUN) if kind is Session else _(KIND_NOUNS.get(kind, kind.__name__))
        label = _(FIELD_LABELS[field]) if field in FIELD_LABELS else field
        one, many = _WHAT[what]
        text = _(one) if count == 1 else _(many)
        lines.append(text.format(kind=noun, field=label, count=count))
    return lines


def summary_line(fixes: list[Fix]) -> str:
    """All of ``describe`` as one sentence, for a message on open or a line on stderr."""
    return _("Bij het openen aangepast: {changes}.").format(changes="; ".join(describe(fixes)))
