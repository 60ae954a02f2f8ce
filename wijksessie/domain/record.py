"""``@record``: a frozen dataclass whose definition costs a tenth of ``@dataclass(frozen=True)``.

``@dataclass(frozen=True)`` writes six methods of each class as source text and compiles them
with ``exec`` when its module is imported (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__``, ``__delattr__``): about 0.8 ms a class, every time a process starts. A cold
``wijksessie summary --format html`` defined 41 such classes beyond what ``--version`` does (the
summary, the analysis, the picture): 31 ms of CPU, a quarter of the command (issue 17, point 9).

A record is the same dataclass (``dataclasses.fields``, ``replace`` and ``asdict`` work, type
checkers treat it as one through ``dataclass_transform``) whose methods are the six functions
below, written once and compiled with this module, reading each class's fields from
``_record``. They behave as the generated ones do: equal when the class and the compared fields
are equal, hashed on those fields, shown as ``Name(field=value, …)``, and assigning or deleting
an attribute raises ``FrozenInstanceError``. Defining a 14-field class takes 0.15 ms instead of
1.7. Building an instance is as fast (a positional call is faster: one ``dict.update`` instead
of an ``object.__setattr__`` per field); comparing and hashing run in Python, about 2.5 times
slower than the generated methods, and reading a field takes some 30 ns instead of 12 (the
values live in a plain ``__dict__``). Building and rendering the large summary measured the same.

Use it for value classes that many processes define; the small objects an analysis makes by the
hundred thousand keep ``@dataclass(frozen=True, slots=True)``. ``__post_init__``, ``kw_only``
and ``init=False`` fields are not supported here, and ``record`` refuses them.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


class _Spec:
    """What the shared methods need to know about one record class."""

    __slots__ = ("compared", "defaults", "factories", "hashed", "keys", "names", "shown")

    def __init__(self, found: tuple[Field[Any], ...]) -> None:
        self.names = tuple(f.name for f in found)
        self.keys = {name: None for name in self.names}.keys()
        self.defaults = {f.name: f.default for f in found if f.default is not MISSING}
        self.factories: dict[str, Callable[[], Any]] = {
            f.name: f.default_factory  # type: ignore[misc]
            for f in found
            if f.default_factory is not MISSING
        }
        self.compared = _getter([f.name for f in found if f.compare])
        self.hashed = _getter([f.name for f in found if (f.compare if f.hash is None else f.hash)])
        self.shown = tuple(f.name for f in found if f.repr)


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of ``names`` of an object, as the generated ``__eq__`` and ``__hash__`` build."""
    if not names:
        return lambda _obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)  # type: ignore[return-value]


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` a frozen dataclass with the shared methods of this module."""
    cls = _with_shared_methods(cls, "@dataclass(frozen=True)", frozen=True)
    cls.__hash__ = _hash  # type: ignore[method-assign]
    cls.__setattr__ = _setattr  # type: ignore[method-assign]
    cls.__delattr__ = _delattr  # type: ignore[method-assign]
    return cls


@dataclass_transform(field_specifiers=(field, Field))
def mutable_record(cls: type[T]) -> type[T]:
    """``record`` for a class whose fields may be assigned: ``@dataclass``'s defaults.

    The entities of ``domain.model``: fifteen classes that every start of the app, every
    command and every test process defines. As ``@dataclass`` they cost 6.4 ms of each cold
    start (``__init__``, ``__repr__`` and ``__eq__`` written out and compiled per class); with
    the shared methods 0.6 ms. Like a ``@dataclass`` with ``eq`` they are unhashable.
    """
    cls = _with_shared_methods(cls, "@dataclass", frozen=False)
    cls.__hash__ = None  # type: ignore[assignment]
    return cls


def _with_shared_methods(cls: type[T], instead: str, *, frozen: bool) -> type[T]:
    """``cls`` as a dataclass with the shared ``__init__``, ``__repr__`` and ``__eq__``;
    ``TypeError`` naming ``instead`` for what the shared methods cannot do."""
    own = ("__post_init__", "__init__", "__repr__", "__eq__", "__hash__")
    for name in (*own, "__setattr__") if frozen else own:
        if name in cls.__dict__:
            raise TypeError(f"{cls.__qualname__} defines {name}: use {instead}")
    cls = dataclass(init=False, repr=False, eq=False)(cls)
    found = fields(cls)  # type: ignore[arg-type]
    if any(f.kw_only is True or not f.init for f in found):
        raise TypeError(f"{cls.__qualname__}: kw_only and init=False need {instead}")
    cls._record = _Spec(found)  # type: ignore[attr-defined]
    cls.__init__ = _init  # type: ignore[misc]
    cls.__repr__ = _repr  # type: ignore[method-assign]
    cls.__eq__ = _eq  # type: ignore[method-assign]
    return cls


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    spec: _Spec = self.__class__._record
    names = spec.names
    if not kwargs and len(args) == len(names):
        self.__dict__.update(zip(names, args, strict=True))
    elif not args and kwargs.keys() == spec.keys:
        self.__dict__.update(kwargs)
    else:
        self.__dict__.update(_bind(self.__class__.__qualname__, spec, args, kwargs))


def _bind(owner: str, spec: _Spec, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Every field's value, in field order, from a call's arguments and the defaults; the
    ``TypeError`` a generated ``__init__`` raises for a call that does not fit."""
    names = spec.names
    if len(args) > len(names):
        raise TypeError(
            f"{owner}.__init__() takes {len(names) + 1} positional arguments "
            f"but {len(args) + 1} were given"
        )
    values = dict(zip(names, args, strict=False))
    missing = []
    for name in names[len(args) :]:
        if name in kwargs:
            values[name] = kwargs.pop(name)
        elif name in spec.defaults:
            values[name] = spec.defaults[name]
        elif name in spec.factories:
            values[name] = spec.factories[name]()
        else:
            missing.append(name)
    for name in kwargs:
        if name in values:
            raise TypeError(f"{owner}.__init__() got multiple values for argument {name!r}")
        raise TypeError(f"{owner}.__init__() got an unexpected keyword argument {name!r}")
    if missing:
        raise TypeError(
            f"{owner}.__init__() missing {len(missing)} required argument(s): "
            + ", ".join(repr(name) for name in missing)
        )
    return values


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record.shown)
    return f"{self.__class__.__qualname__}({shown})"


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared = self._record.compared
    return compared(self) == compared(other)  # type: ignore[no-any-return]


def _hash(self: Any) -> int:
    return hash(self._record.hashed(self))


def _setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")
