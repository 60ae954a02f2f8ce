"""Turn entities into JSON-safe dicts and back, the one place that knows the file's shapes.

Dates are ISO strings, choices their Dutch value. Reading is strict about types (a foreign or
damaged file must not become a half-valid entity) but ignores keys it does not know, so that a
file written by a newer minor version still opens.
"""

from __future__ import annotations

import types
from dataclasses import fields, is_dataclass
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

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


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def from_dict(cls: type[T], data: Any) -> T:
    """Build a ``cls`` from a dict; raises ``ValueError`` when the data does not fit."""
    if not isinstance(data, dict):
        raise ValueError(f"{cls.__name__}: verwacht een object, kreeg {type(data).__name__}")
    hints = _hints(cls)
    kwargs = {f.name: _load(hints[f.name], data[f.name]) for f in fields(cls) if f.name in data}
    try:
        return cls(**kwargs)
    except TypeError as error:
        raise ValueError(f"{cls.__name__}: {error}") from error


def _load(kind: Any, value: Any) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        kind = next(arg for arg in get_args(kind) if arg is not type(None))
        return _load(kind, value)
    if origin is list:
        _expect(value, list)
        return [_load(get_args(kind)[0], item) for item in value]
    if origin is dict:
        _expect(value, dict)
        return {str(key): _load(get_args(kind)[1], item) for key, item in value.items()}
    if is_dataclass(kind):
        return from_dict(kind, value)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is date:
        _expect(value, str)
        return date.fromisoformat(value)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"verwacht een getal, kreeg {value!r}")
        return value
    _expect(value, kind)
    return value


def _expect(value: Any, kind: type) -> None:
    if not isinstance(value, kind):
        raise ValueError(f"verwacht {kind.__name__}, kreeg {type(value).__name__}")
