"""Turn entities into JSON-safe dicts and back, the one place that knows the file's shapes.

Dates are ISO strings, choices their Dutch value. Reading is strict about types (a foreign or
damaged file must not become a half-valid entity) but ignores keys it does not know, so that a
file written by a newer minor version still opens.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin

from wijksessie.i18n import N_, _

T = TypeVar("T")


def to_dict(obj: Any) -> dict[str, Any]:
    """A dataclass instance as a dict of JSON values."""
    return {f.name: _dump(getattr(obj, f.name)) for f in fields(obj)}


def _dump(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_dump(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _dump(item) for key, item in value.items()}
    return value


def from_dict(cls: type[T], data: Any) -> T:
    """Build a ``cls`` from a dict; raises ``ValueError`` when the data does not fit
    (``FieldError`` when one field's value does not)."""
    return _loader(cls)(data)


class FieldError(ValueError):
    """A stored value that does not fit its field: where (``path``, the field names as stored,
    from the outside in: ``("agenda", "planned_minutes")``) and what is wrong (``problem``)."""

    def __init__(self, path: tuple[str, ...], problem: str) -> None:
        super().__init__(f"{'.'.join(path)}: {problem}")
        self.path = path
        self.problem = problem


def _in_field(name: str, convert: Convert) -> Convert:
    """``convert``, its refusals saying which field they are about."""

    def checked(value: Any) -> Any:
        try:
            return convert(value)
        except FieldError as error:
            raise FieldError((name, *error.path), error.problem) from None
        except (ValueError, TypeError) as error:
            raise FieldError((name,), str(error)) from None

    return checked


Convert = Callable[[Any], Any]


@cache
def _loader(cls: type) -> Convert:
    """A function that builds ``cls`` from a dict, written once for ``cls``.

    Working out each field's type on every call made decoding a large session four times
    slower. The function is written out per class, as ``dataclass`` writes an ``__init__``:
    text, numbers, yes/no, choices and lists of text are checked where they are read, and only
    a value that fails that check goes through its field's converter, which refuses it with the
    same message. Opening the benchmark's large session decodes its 2,152 documents in about
    half the time a converter call per field took (15 ms).
    """
    scope: dict[str, Any] = {"cls": cls, "_ABSENT": _ABSENT, "_refuse": _refuse}
    lines = [
        "def load(data):",
        "    if not isinstance(data, dict):",
        "        _refuse(cls, data)",
        "    kwargs = {}",
    ]
    for index, f in enumerate(fields(cls)):
        lines += _field_lines(index, f.name, _resolve(cls, f.type), scope)
    lines += [
        "    try:",
        "        return cls(**kwargs)",
        "    except TypeError as error:",
        "        raise ValueError(f'{cls.__name__}: {error}') from error",
    ]
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), scope, namespace)  # our own source, as dataclasses write theirs
    return namespace["load"]


_ABSENT = object()
"""A field the stored dict does not have (it keeps its default)."""


def _refuse(cls: type, data: Any) -> None:
    raise ValueError(_("verwacht een object, kreeg {found}").format(found=_what(data)))


def _field_lines(index: int, name: str, hint: Any, scope: dict[str, Any]) -> list[str]:
    """The lines of ``load`` that read one field into ``kwargs``, checked as its type says."""
    convert = f"convert{index}"
    scope[convert] = _in_field(name, _converter(hint))
    lines = [f"    value = data.get({name!r}, _ABSENT)", "    if value is not _ABSENT:"]
    indent = " " * 8
    kind = hint
    if get_origin(hint) in (Union, types.UnionType):
        kind = next(arg for arg in get_args(hint) if arg is not type(None))
        lines.append(f"{indent}if value is not None:")
        indent += " " * 4
    if kind in (str, int, bool, float):
        # ``int`` refuses a bool: ``True.__class__`` is ``bool``, so it goes to ``_int``.
        scope[f"type{index}"] = kind
        lines.append(f"{indent}if value.__class__ is not type{index}:")
        lines.append(f"{indent}    value = {convert}(value)")
    elif isinstance(kind, type) and issubclass(kind, Enum):
        # The lookup Enum's own call tries first, without the call.
        scope[f"members{index}"] = {member.value: member for member in kind}
        lines.append(f"{indent}try:")
        lines.append(f"{indent}    value = members{index}[value]")
        lines.append(f"{indent}except (KeyError, TypeError):")
        lines.append(f"{indent}    value = {convert}(value)")
    elif get_origin(kind) is list and get_args(kind) == (str,):
        lines.append(
            f"{indent}if value.__class__ is list and all(v.__class__ is str for v in value):"
        )
        lines.append(f"{indent}    value = value.copy()")
        lines.append(f"{indent}else:")
        lines.append(f"{indent}    value = {convert}(value)")
    else:
        lines.append(f"{indent}value = {convert}(value)")
    lines.append(f"        kwargs[{name!r}] = value")
    return lines


def field_types(cls: type) -> dict[str, Any]:
    """Each field's type, as the codec reads it (``from_dict``'s rules): for readers that check
    a file's types another way and must agree with the codec (``store.clean_read``)."""
    return {f.name: _resolve(cls, f.type) for f in fields(cls)}


_RESOLVED: dict[tuple[str, str], Any] = {}


def _resolve(cls: type, annotation: Any) -> Any:
    """A field's type from its annotation, which ``from __future__ import annotations`` leaves
    a string: evaluated in the class's module, as ``typing.get_type_hints`` does, but each
    distinct string once (the model's 80 fields have 25): ``get_type_hints`` compiled every
    one of them, 5 ms of every cold command that reads a session."""
    if not isinstance(annotation, str):
        return annotation
    key = (cls.__module__, annotation)
    if key not in _RESOLVED:
        _RESOLVED[key] = eval(annotation, vars(sys.modules[cls.__module__]))
    return _RESOLVED[key]


def _converter(kind: Any) -> Convert:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        inner = _converter(next(arg for arg in get_args(kind) if arg is not type(None)))
        return lambda value: None if value is None else inner(value)
    if origin is list:
        item = _converter(get_args(kind)[0])
        return lambda value: [item(v) for v in _expect(value, list)]
    if origin is dict:
        item = _converter(get_args(kind)[1])
        return lambda value: {str(k): item(v) for k, v in _expect(value, dict).items()}
    if is_dataclass(kind):
        return _loader(kind)  # type: ignore[arg-type]
    if isinstance(kind, type) and issubclass(kind, Enum):
        return _choice(kind)
    if kind is date:
        return _date
    if kind is int:
        return _int
    return lambda value: _expect(value, kind)


def _choice(kind: type[Enum]) -> Convert:
    def convert(value: Any) -> Any:
        try:
            return kind(value)
        except ValueError:
            raise ValueError(_("onbekende keuze {found}").format(found=_what(value))) from None

    return convert


def _date(value: Any) -> date:
    text = _expect(value, str)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("geen geldige datum: {found}").format(found=_what(text))) from None


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(_("verwacht een heel getal, kreeg {found}").format(found=_what(value)))
    return value


def _expect(value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        expected = _(_KINDS[kind]) if kind in _KINDS else kind.__name__
        raise ValueError(
            _("verwacht {expected}, kreeg {found}").format(expected=expected, found=_what(value))
        )
    return value


_KINDS: dict[type, str] = {
    str: N_("tekst"),
    int: N_("een heel getal"),
    float: N_("een getal"),
    bool: N_("ja of nee (true of false)"),
    list: N_("een lijst"),
    dict: N_("een object"),
    type(None): N_("niets (null)"),
}
"""The kinds of stored value, as a message names them."""


def _what(value: Any) -> str:
    """A stored value as a message shows it: a text or number itself (cut short), else its
    kind, so a damaged file's message says what was found without pages of it."""
    if isinstance(value, str):
        return f"‘{value[:40]}…’" if len(value) > 40 else f"‘{value}’"
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            text = repr(value)
        except ValueError:  # more digits than Python writes out
            text = ""
        return text if text and len(text) <= 20 else _("een te groot getal")
    return _(_KINDS[type(value)]) if type(value) in _KINDS else type(value).__name__
