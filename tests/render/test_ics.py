"""iCalendar: the demo as a golden file; it parses back, one event per dated commitment."""

from __future__ import annotations

from collections.abc import Callable

from icalendar import Calendar

from tests.render.conftest import TODAY, demo_summary, hostile_summary
from wijksessie.domain.demo import demo_id
from wijksessie.render.ics import commitment_uid, to_ics


def _events(text: str) -> list:
    """The commitments' events (the next session's event left out)."""
    return [
        e
        for e in Calendar.from_ical(text).walk("VEVENT")
        if str(e["uid"]).startswith("toezegging-")
    ]


def test_demo_ics(assert_golden: Callable[[str, str], None]) -> None:
    assert_golden("demo.ics", to_ics(demo_summary(with_contact=True)))


def test_one_event_per_dated_commitment() -> None:
    summary = demo_summary()
    dated = [c for c in summary.commitments if c.due is not None]
    events = _events(to_ics(summary))
    assert len(events) == len(dated) == 11
    assert [e.decoded("dtstart") for e in events] == [c.due for c in dated]
    assert {str(e["uid"]) for e in events} == {commitment_uid(c.id) for c in dated}


def test_event_names_person_organisation_goal_and_session() -> None:
    [event] = [
        e
        for e in _events(to_ics(demo_summary()))
        if str(e["uid"]) == commitment_uid(demo_id("commitment:kennismaken"))
    ]
    assert str(event["summary"]).startswith("Toezegging Gerda Willems: Bij elkaars ochtend")
    description = str(event["description"])
    assert "Wie: Gerda Willems, Kruidenbuurt Samen" in description
    assert "Doel: Geen oudere in de Kruidenbuurt" in description
    assert "Sessie: Netwerksessie Kruidenbuurt · Kruidenbuurt · wo 25 nov 2026" in description
    assert event.decoded("dtend") - event.decoded("dtstart") == TODAY.resolution


def test_same_session_same_file() -> None:
    assert to_ics(demo_summary()) == to_ics(demo_summary())


def test_dropped_commitments_are_cancelled_events() -> None:
    events = {str(e["uid"]): e for e in _events(to_ics(demo_summary()))}
    dropped = events[commitment_uid(demo_id("commitment:mdo"))]
    assert str(dropped["status"]) == "CANCELLED"
    assert str(dropped["summary"]).endswith("(vervallen)")


def test_hostile_text_stays_text() -> None:
    text = to_ics(hostile_summary())
    assert "\x1b" not in text
    events = _events(text)
    assert any("<script>alert('x')</script>" in str(e["summary"]) for e in events)
    assert all(str(e["uid"]).endswith("@wijksessie") for e in events)
