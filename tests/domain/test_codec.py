"""The codec: every entity survives JSON, and damaged data is refused, not half-loaded."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from tests.conftest import demo_entities, demo_session
from wijksessie.domain.codec import from_dict, to_dict
from wijksessie.domain.model import (
    ENTITY_TYPES,
    Agreement,
    Commitment,
    Goal,
    Participant,
    Role,
    Session,
)


@pytest.mark.parametrize(
    "entity", [demo_session(), *demo_entities()], ids=lambda e: type(e).__name__
)
def test_every_entity_survives_json(entity: Any) -> None:
    text = json.dumps(to_dict(entity))
    assert from_dict(type(entity), json.loads(text)) == entity


def test_demo_entities_cover_every_entity_type() -> None:
    assert {type(entity) for entity in demo_entities()} == set(ENTITY_TYPES)


def test_choices_and_dates_are_stored_as_readable_values() -> None:
    data = to_dict(demo_session())
    assert data["date"] == "2026-03-12"
    assert data["agenda"][0] == {"phase": "sessie", "planned_minutes": 15, "spent_seconds": 842}
    assert to_dict(Participant("Jan", role=Role.RESIDENT))["role"] == "bewoner"


def test_unknown_keys_are_ignored() -> None:
    assert from_dict(Goal, {"text": "Doel", "id": "g1", "later_field": 3}) == Goal("Doel", id="g1")


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (Goal, []),
        (Goal, {"id": "g1"}),
        (Goal, {"text": 5}),
        (Goal, {"text": "Doel", "votes": {"p": "3"}}),
        (Goal, {"text": "Doel", "votes": {"p": True}}),
        (Goal, {"text": "Doel", "themes": "eenzaamheid"}),
        (Participant, {"name": "Jan", "role": "koning"}),
        (Participant, {"name": "Jan", "present": "ja"}),
        (Session, {"title": "S", "date": "3-12-2026"}),
        (Session, {"title": "S", "date": 20261203}),
        (Session, {"title": "S", "agenda": [{"phase": "sessie"}]}),
        (Commitment, {"what": "x", "status": None}),
        (Agreement, {"text": "A", "rounds": [{"text": "r", "positions": {"p": {"stance": "ja"}}}]}),
    ],
)
def test_data_that_does_not_fit_is_refused(kind: type, data: Any) -> None:
    with pytest.raises(ValueError):
        from_dict(kind, data)


def test_optional_date_may_be_null() -> None:
    assert from_dict(Session, {"title": "S", "date": None}).date is None
    assert from_dict(Commitment, {"what": "x", "due": "2026-04-01"}).due == date(2026, 4, 1)


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (Goal, {"text": "Doel", "themes": ["eenzaamheid", 3]}),
        (Participant, {"name": "Jan", "role": ["bewoner"]}),
        (Participant, {"name": "Jan", "role": None}),
        (Session, {"title": "S", "agenda": [{"phase": "sessie", "planned_minutes": True}]}),
        (Commitment, {"what": "x", "due": 3}),
    ],
)
def test_a_value_that_fails_the_quick_check_is_refused_by_its_converter(
    kind: type, data: Any
) -> None:
    """The written-out loader checks common fields inline; what fails goes to the converter."""
    with pytest.raises(ValueError):
        from_dict(kind, data)


def test_the_quick_checks_accept_what_the_converters_accept() -> None:
    class Text(str):
        pass

    participant = from_dict(Participant, {"name": Text("Jan"), "role": Role.RESIDENT})
    assert participant == Participant("Jan", role=Role.RESIDENT, id=participant.id)
    assert participant.role is Role.RESIDENT


def test_a_decoded_list_is_not_the_stored_list() -> None:
    stored = {"text": "Doel", "themes": ["eenzaamheid"]}
    goal = from_dict(Goal, stored)
    assert goal.themes == stored["themes"]
    assert goal.themes is not stored["themes"]


def test_field_types_are_what_get_type_hints_says() -> None:
    """The codec reads each field's type from its annotation string itself, each distinct
    string evaluated once (``typing.get_type_hints`` compiled all 80 of the model's, 5 ms of
    every cold command that reads a session): the types must be the same."""
    import dataclasses
    import typing

    from wijksessie.domain import model
    from wijksessie.domain.codec import _resolve

    classes = [
        value
        for value in vars(model).values()
        if dataclasses.is_dataclass(value) and value.__module__ == model.__name__
    ]
    assert len(classes) >= 14
    for cls in classes:
        found = {f.name: _resolve(cls, f.type) for f in dataclasses.fields(cls)}
        assert found == typing.get_type_hints(cls), cls.__name__
