"""A clean session file read in C: proven to need no tidying and to decode, without doing either.

Opening the benchmark's large session (1 MB, 2,152 documents) cost about 29 ms of CPU where
the small one cost 1.5: ``json.loads`` (7 ms), ``domain.tidy`` on every document (9 ms),
decoding every document to check it (8 ms) and checking the ids. Nearly every real file is
clean, because the app cleans and checks every text before it saves it: tidying changes
nothing and decoding finds nothing wrong. So this module proves that, with msgspec, for the
whole file at once, and the store then tidies only the session document and decodes each
kind of entity when a screen first asks for it (``DecodeCache``).

The proof has three parts, each a sufficient condition (a file that fails one is read the
slow way, as before, with the same result, messages and fixes):

- **types and limits**: msgspec checks the decoded data (``msgspec.convert``) against check
  types written from the model (``codec.field_types``) and from ``tidy``'s plan
  (``tidy.plan``): every field of the type the codec accepts (text, whole numbers, yes/no, a
  choice's value, an ISO date, lists and maps of those), texts within their length, numbers
  within their range, every entity's id a non-empty text, and no key the model does not know
  (a key from a newer version, or nested beyond reason, is ``tidy``'s to judge). A loop
  checks that no required text (a name) is blank.
- **characters**: no unwanted character (``text.unwanted_finder(short=True)``, which holds
  every character ``tidy`` removes from any field) anywhere in the file. The file without its
  printable ASCII and its newlines (``bytes.translate``, about 1 ms for 1 MB) is what can
  hold one, and is searched; escapes are ASCII, so they are listed apart: ``\\u``, ``\\b``,
  ``\\f`` and ``\\r`` send the file the slow way, ``\\n`` and ``\\t`` (allowed in long texts)
  only when a short field (a name, an e-mail address) holds one.
- **the same data**: msgspec's plain decode of the file equals ``json.loads``'s wherever both
  accept it. Where they differ, msgspec refuses (``NaN``, a lone surrogate, a number beyond a
  float), or accepts what no check type holds (nesting a few levels deeper than ``json``'s
  limit): data of the check types has no floats and nests a few levels deep.

Tests compare this reader with the slow one on generated sessions and hostile samples.

Below ``FAST_FROM`` bytes, in a process that has not written the check types yet, the slow
way is cheaper than importing msgspec and writing them, so small files go that way.
"""

from __future__ import annotations

import functools
import re
import types
from dataclasses import MISSING, fields, is_dataclass
from datetime import date
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from wijksessie.domain import tidy
from wijksessie.domain.codec import field_types
from wijksessie.domain.model import Session
from wijksessie.domain.text import unwanted_finder
from wijksessie.domain.validation import REQUIRED
from wijksessie.store.migrations import APP_MARK, SCHEMA_VERSION

FAST_FROM = 256 * 1024
"""From this size a file is read this way even when the check types are not written yet: the
slow way costs about 29 ms per MB, this one about 6.5 (``SessionStore.open`` of the 1 MB
large session: 6.2 ms instead of 29), and importing msgspec (3.5 ms after Textual's imports)
and writing the check types (2.4 ms) about 6 ms, once per process. Once they are written,
every file is read this way."""

_PLAIN = bytes(range(0x20, 0x7F)) + b"\n"
"""What cannot be an unwanted character: printable ASCII, and the newline between documents
(a newline inside a text is written ``\\n``)."""

_HARMLESS_ESCAPES = frozenset(b'"\\/')
_LINE_ESCAPES = frozenset(b"nt")
_ESCAPE = re.compile(rb"\\(.)", re.DOTALL)
_unwanted = unwanted_finder(short=True)


Tables = tuple[tuple[type, str], ...]
"""The session file's tables: each kind of entity and its table's name."""


def read_clean(raw: bytes, session_table: str, tables: Tables) -> dict[str, Any] | None:
    """The data of a session file's bytes, when they are proven clean (see the module); else
    ``None``, and the caller reads the file the slow way."""
    if len(raw) < FAST_FROM and _checker.cache_info().currsize == 0:
        return None
    import msgspec

    try:
        data = msgspec.json.decode(raw)
        msgspec.convert(data, _checker(session_table, tables))
    except (msgspec.MsgspecError, RecursionError, ValueError, TypeError):
        return None
    if not (_characters_clean(raw, data, tables) and _required_filled(data, tables)):
        return None
    return data  # type: ignore[no-any-return]


def tidy_session(doc: dict[str, Any]) -> list[tidy.Fix]:
    """``tidy`` of a clean file's session document (``read_clean`` returned it).

    Its check type leaves ``tidy`` two things to do: a title of spaces, and a follow-up date
    not after the session (ISO dates compare as text). Only then is ``tidy`` run: writing out
    its code for the session and its agenda costs a cold start about 1 ms."""
    title, when, follow = doc.get("title"), doc.get("date"), doc.get("next_date")
    if title.isspace() or (when is not None and follow is not None and follow <= when):
        return tidy.tidy(Session, doc)
    return []


def _characters_clean(raw: bytes, data: dict[str, Any], tables: Tables) -> bool:
    """No text in ``data`` holds a character ``tidy`` would remove (a sufficient test)."""
    try:
        rest = raw.translate(None, _PLAIN).decode("utf-8")
    except UnicodeDecodeError:
        return False
    if _unwanted(rest) is not None:
        return False
    if b"\\" not in raw:
        return True
    escapes = {match[0] for match in _ESCAPE.findall(raw)}
    if not escapes <= _HARMLESS_ESCAPES | _LINE_ESCAPES:
        return False
    if escapes & _LINE_ESCAPES:
        return _short_fields_on_one_line(data, tables)
    return True


def _required_filled(data: dict[str, Any], tables: Tables) -> bool:
    """No required text (a name, a question) is blank, as ``tidy`` would fill it.

    Here rather than as a pattern msgspec checks: that cost 1.1 ms for the large benchmark
    session's 2,152 documents, this loop 0.3."""
    for kind, table_name in tables:
        required = REQUIRED.get(kind)
        if required is None:
            continue
        name = required[0]
        for doc in data.get(table_name, {}).values():
            value = doc.get(name)
            if value.__class__ is str and (not value or value.isspace()):
                return False
    return True


def _short_fields_on_one_line(data: dict[str, Any], tables: Tables) -> bool:
    """No short field of any document holds a newline or a tab (long texts may)."""
    for kind, table_name in tables:
        names = _short_fields(kind)
        if names is None:
            return False
        for doc in data.get(table_name, {}).values():
            for name in names:
                value = doc.get(name)
                if value.__class__ is str and ("\n" in value or "\t" in value):
                    return False
    return True


@functools.cache
def _short_fields(kind: type) -> tuple[str, ...] | None:
    """The short text fields of ``kind``; ``None`` when a nested kind has one (not looked
    into: no kind has one today)."""
    _known, plan = tidy.plan(kind)
    if any(nested is not None and _short_fields(nested) != () for *_rest, nested, _s in plan):
        return None
    return tuple(name for name, shape, *_rest in plan if shape == tidy.SHORT_TEXT)


@functools.cache
def _checker(session_table: str, tables: Tables) -> Any:
    """The check type of a whole session file, written once (2.4 ms).

    msgspec checks the data ``msgspec.json.decode`` made (``convert``) rather than decoding
    the file a second time into it: 1.3 ms instead of 2.5 for the large session, and it
    checks the very values kept where a key is repeated."""
    import msgspec

    top = msgspec.defstruct(
        "CheckFile",
        [
            (session_table, dict[str, _check_type(Session, False)]),
            *((name, dict[str, _check_type(kind, True)], {}) for kind, name in tables),
        ],
        forbid_unknown_fields=True,
        gc=False,
    )
    return top


@functools.cache
def _check_type(kind: type, entity: bool) -> Any:
    """A msgspec struct that accepts exactly the documents of ``kind`` ``tidy`` leaves as they
    are and the codec decodes (or fewer); ``entity``: its id must be there, not blank."""
    import msgspec

    _known, plan = tidy.plan(kind)
    rules = {name: (shape, limit, nested) for name, shape, limit, nested, _search in plan}
    required = REQUIRED.get(kind, ("",))[0]
    hints = field_types(kind)
    spec: list[tuple[Any, ...]] = []
    for f in fields(kind):
        hint, optional = _unwrap(hints[f.name])
        rule = rules.get(f.name)
        if rule is None:
            checked = _plain_type(hint)
        else:
            checked = _ruled_type(f.name, hint, *rule, required=f.name == required)
        if f.name == "id" and entity and rule is not None:
            checked = Annotated[str, msgspec.Meta(min_length=1, max_length=rule[1])]
        if optional:
            checked = checked | None
        must = (f.default is MISSING and f.default_factory is MISSING) or (
            f.name == "id" and entity
        )
        spec.append((f.name, checked) if must else (f.name, checked, msgspec.UNSET))
    if kind is Session:
        spec += [
            ("app", Literal[APP_MARK]),  # type: ignore[valid-type]
            ("schema_version", Literal[SCHEMA_VERSION]),  # type: ignore[valid-type]
            ("app_version", str, msgspec.UNSET),
        ]
    spec.sort(key=len)  # the ones that must be there first, as a struct wants
    return msgspec.defstruct(f"Check{kind.__name__}", spec, forbid_unknown_fields=True, gc=False)


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """``X | None`` as ``(X, True)``; anything else as ``(hint, False)``."""
    if get_origin(hint) in (Union, types.UnionType):
        args = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union {hint}")
        return args[0], True
    return hint, False


def _plain_type(hint: Any) -> Any:
    """A field ``tidy`` leaves alone: its type as the codec accepts it."""
    if hint in (str, int, bool) or hint is date:
        return hint
    if isinstance(hint, type) and issubclass(hint, Enum):
        return Literal[tuple(member.value for member in hint)]
    if is_dataclass(hint):
        return _check_type(hint, False)
    raise TypeError(f"no check type for {hint}")


def _ruled_type(
    name: str, hint: Any, shape: int, limit: int, nested: Any, *, required: bool
) -> Any:
    """A field ``tidy`` looks at: the values it leaves as they are (by ``tidy.plan``)."""
    import msgspec

    if shape in (tidy.SHORT_TEXT, tidy.LONG_TEXT) and hint is str:
        return Annotated[str, msgspec.Meta(max_length=limit, min_length=1 if required else None)]
    if shape == tidy.TEXTS and get_args(hint) == (str,):
        return list[Annotated[str, msgspec.Meta(max_length=limit)]]
    if shape == tidy.VOTES and get_args(hint) == (str, int):
        return dict[str, Annotated[int, msgspec.Meta(ge=0)]]
    if shape == tidy.NUMBER and hint is int:
        low, high = tidy.number_range(name)
        return Annotated[int, msgspec.Meta(ge=low, le=high)]
    if shape == tidy.LIST_OF and get_origin(hint) is list:
        return list[_check_type(nested, False)]
    if shape == tidy.DICT_OF and get_origin(hint) is dict:
        return dict[str, _check_type(nested, False)]
    raise TypeError(f"no check type for {hint}")
