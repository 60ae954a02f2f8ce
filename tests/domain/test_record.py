"""``@record`` behaves as ``@dataclass(frozen=True)``, without writing methods for each class."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field
from typing import Any

import pytest

from wijksessie.domain.record import mutable_record, record


def _both() -> tuple[type[Any], type[Any]]:
    """The same class twice: as a frozen dataclass and as a record (same name, same fields)."""

    def body() -> type[Any]:
        class Line:
            """A line of a summary."""

            what: str
            count: int
            tags: tuple[str, ...] = ()
            extra: list[str] = field(default_factory=list, compare=False)
            hidden: str = field(default="", compare=False, repr=False)

        return Line

    return dataclass(frozen=True)(body()), record(body())


def test_it_is_a_dataclass_that_replace_fields_and_asdict_understand() -> None:
    plain, fast = _both()
    a, b = plain("x", 1, ("t",)), fast("x", 1, ("t",))
    assert [f.name for f in dataclasses.fields(b)] == [f.name for f in dataclasses.fields(a)]
    assert dataclasses.asdict(b) == dataclasses.asdict(a)
    assert dataclasses.replace(b, count=2) == fast("x", 2, ("t",))
    assert dataclasses.is_dataclass(b)
    assert b.__match_args__ == a.__match_args__


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("x", 1), {}),
        (("x", 1, ("a",), ["e"], "h"), {}),
        ((), {"what": "x", "count": 1}),
        ((), {"what": "x", "count": 1, "tags": ("a",), "extra": ["e"], "hidden": "h"}),
        (("x",), {"count": 1, "hidden": "h"}),
    ],
)
def test_the_same_call_makes_the_same_value(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    plain, fast = _both()
    a, b = plain(*args, **kwargs), fast(*args, **kwargs)
    assert repr(b) == repr(a)
    assert dataclasses.astuple(b) == dataclasses.astuple(a)
    assert hash(fast("x", 1, ("a",))) == hash(plain("x", 1, ("a",)))


def test_equal_on_the_compared_fields_of_the_same_class_only() -> None:
    plain, fast = _both()
    assert fast("x", 1, hidden="a") == fast("x", 1, hidden="b")
    assert hash(fast("x", 1, hidden="a")) == hash(fast("x", 1, hidden="b"))
    assert fast("x", 1) != fast("x", 2)
    assert fast("x", 1) != plain("x", 1)
    assert fast("x", 1, extra=["a"]) == fast("x", 1, extra=["b"])
    assert fast("x", 1) != ("x", 1, (), [], "")
    assert "hidden" not in repr(fast("x", 1, hidden="geheim"))


def test_a_default_factory_gives_each_value_its_own() -> None:
    _plain, fast = _both()
    first, second = fast("x", 1), fast("y", 2)
    assert first.extra == [] and first.extra is not second.extra


def test_it_is_frozen() -> None:
    plain, fast = _both()
    value, reference = fast("x", 1), plain("x", 1)
    for target in (value, reference):
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'what'"):
            target.what = "y"
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'new'"):
            target.new = "y"
        with pytest.raises(FrozenInstanceError, match="cannot delete field 'what'"):
            del target.what
    assert value.what == "x"


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "missing 2 required argument"),
        (("x",), {}, "missing 1 required argument"),
        (("x", 1, (), [], "", "too many"), {}, "positional arguments"),
        (("x", 1), {"colour": "red"}, "unexpected keyword argument 'colour'"),
        (("x", 1), {"what": "y"}, "multiple values for argument 'what'"),
    ],
)
def test_a_call_that_does_not_fit_is_a_type_error(
    args: tuple[Any, ...], kwargs: dict[str, Any], message: str
) -> None:
    plain, fast = _both()
    with pytest.raises(TypeError):
        plain(*args, **kwargs)
    with pytest.raises(TypeError, match=message):
        fast(*args, **kwargs)


@record
class Kept:
    """A record pickle can find by its module and name."""

    name: str
    parts: tuple[str, ...] = ()


def test_copies_and_pickles_are_equal_values() -> None:
    value = Kept("x", ("a",))
    assert copy.copy(value) == value
    assert copy.deepcopy(value) == value
    assert pickle.loads(pickle.dumps(value)) == value
    assert hash(pickle.loads(pickle.dumps(value))) == hash(value)


def test_what_it_cannot_do_is_refused() -> None:
    class WithPostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    class KeywordOnly:
        a: int = field(kw_only=True)

    for cls in (WithPostInit, KeywordOnly):
        with pytest.raises(TypeError, match="dataclass"):
            record(cls)


@mutable_record
class Card:
    name: str
    themes: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class PlainCard:
    name: str
    themes: list[str] = field(default_factory=list)
    note: str = ""


def test_a_mutable_record_behaves_as_a_plain_dataclass() -> None:
    """The model's entities: assignable, equal by fields, unhashable, shown alike."""
    card, plain = Card("Taalcafé", ["taal"]), PlainCard("Taalcafé", ["taal"])
    assert repr(card).removeprefix("Card") == repr(plain).removeprefix("PlainCard")
    card.note = "vrijdag"
    assert card == Card("Taalcafé", ["taal"], "vrijdag") != Card("Taalcafé", ["taal"])
    assert card != plain  # another class, as dataclasses compare
    with pytest.raises(TypeError):
        hash(card)
    assert Card("a").themes is not Card("a").themes
    changed = dataclasses.replace(card, name="Buurtkamer")
    assert (changed.name, changed.themes, card.name) == ("Buurtkamer", ["taal"], "Taalcafé")
    assert dataclasses.asdict(card) == dataclasses.asdict(
        PlainCard("Taalcafé", ["taal"], "vrijdag")
    )
    assert copy.deepcopy(card) == card == pickle.loads(pickle.dumps(card))
    with pytest.raises(TypeError, match="missing 1 required"):
        Card()  # type: ignore[call-arg]


def test_the_model_reads_back_the_same_through_msgspec() -> None:
    """The store's fast reader builds entities with msgspec, which must see a dataclass."""
    import msgspec

    from wijksessie.domain.model import Commitment

    made = Commitment("Folder maken", note="samen met Cor")
    assert msgspec.convert(msgspec.to_builtins(made), Commitment) == made


def test_a_mutable_record_refuses_what_it_cannot_do() -> None:
    with pytest.raises(TypeError, match="__post_init__"):

        @mutable_record
        class Checked:
            name: str

            def __post_init__(self) -> None:
                pass
