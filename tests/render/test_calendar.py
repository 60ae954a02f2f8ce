"""The calendar file as participants import it: their own, updated in place, nothing left out.

Issue 17: ``--voor`` gave the full calendar; a follow-up session's carried commitments got new
UIDs (every event twice after importing both sessions); no event had ``SEQUENCE`` and
``DTSTAMP`` was midnight; commitments without a date were silently left out. Checked with two
independent parsers: ``icalendar`` (which writes the file) and ``vobject``.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time

import pytest
from icalendar import Calendar

from tests.render.conftest import TODAY, demo_summary
from wijksessie.domain.demo import demo_network
from wijksessie.domain.followup import follow_up
from wijksessie.domain.model import CommitmentStatus, Network
from wijksessie.domain.summary import build_summary
from wijksessie.render.ics import commitment_uid, sequence, session_uid, to_ics

NEXT = date(2027, 1, 6)


def _items(text: str) -> dict[str, object]:
    calendar = Calendar.from_ical(text)
    return {str(c["uid"]): c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")}


def _kinds(text: str) -> dict[str, str]:
    return {uid: item.name for uid, item in _items(text).items()}  # type: ignore[attr-defined]


def test_a_personal_calendar_holds_only_that_persons_commitments_and_the_next_session() -> None:
    full = demo_summary()
    gerda = demo_summary(for_participant="Gerda Willems")
    own = {commitment_uid(line.chain_id) for line in gerda.own}
    assert own and len(own) < len(full.commitments)
    uids = set(_items(to_ics(gerda)))
    assert uids == own | {session_uid(gerda.header.session_id)}
    assert to_ics(gerda) != to_ics(full)
    assert "Gerda Willems" in str(Calendar.from_ical(to_ics(gerda))["x-wr-calname"])


def test_someone_who_promised_nothing_gets_only_the_next_session() -> None:
    summary = demo_summary(for_participant="Henk de Vries")
    assert not summary.own
    assert set(_items(to_ics(summary))) == {session_uid(summary.header.session_id)}


def test_every_commitment_is_in_undated_ones_as_to_dos() -> None:
    summary = demo_summary()
    kinds = _kinds(to_ics(summary))
    for line in summary.commitments:
        expected = "VEVENT" if line.due else "VTODO"
        assert kinds[commitment_uid(line.chain_id)] == expected
    undated = [line for line in summary.commitments if line.due is None]
    assert undated, "the demo has a commitment without a date"
    meeting = _items(to_ics(summary))[session_uid(summary.header.session_id)]
    description = str(meeting["description"])  # type: ignore[index]
    assert all(line.what in description for line in undated)


def test_the_next_session_is_an_all_day_event_on_next_date() -> None:
    summary = demo_summary()
    meeting = _items(to_ics(summary))[session_uid(summary.header.session_id)]
    assert meeting.decoded("dtstart") == summary.header.next_date == NEXT  # type: ignore[attr-defined]
    assert str(meeting["summary"]).startswith("Vervolgsessie")  # type: ignore[index]


def test_stamp_is_noon_of_the_export_day_not_midnight_and_stable() -> None:
    for item in _items(to_ics(demo_summary())).values():
        stamp = item.decoded("dtstamp")  # type: ignore[attr-defined]
        assert stamp.date() == TODAY and stamp.time() != time(0)
        assert item.decoded("last-modified") == stamp  # type: ignore[attr-defined]
    assert to_ics(demo_summary()) == to_ics(demo_summary())


def _follow_up(network: Network, when: date) -> Network:
    new = follow_up(network, title="Vervolg", when=when, today=when, previous="vorige.json")
    new.session = dataclasses.replace(new.session, next_date=None)
    return new


def test_a_carried_commitment_keeps_its_uid_and_a_higher_sequence_over_sessions() -> None:
    first = demo_network(today=TODAY)
    second = _follow_up(first, NEXT)
    second.commitments[0].due = date(2027, 2, 1)
    second.commitments[1].status = CommitmentStatus.DONE
    third = _follow_up(second, date(2027, 3, 3))
    calendars = [
        to_ics(build_summary(network, today=network.session.date or TODAY))
        for network in (first, second, third)
    ]
    items = [_items(text) for text in calendars]
    carried = [commitment_uid(c.carried_from) for c in third.commitments]
    assert carried and all(uid in items[0] and uid in items[1] for uid in carried)
    moved = commitment_uid(second.commitments[0].carried_from)
    assert items[1][moved].decoded("dtstart") == date(2027, 2, 1)  # type: ignore[attr-defined]
    revisions = [int(found[moved]["sequence"]) for found in items]  # type: ignore[index]
    assert revisions[0] < revisions[1] < revisions[2]


def test_sequence_follows_the_sessions_date() -> None:
    summary = demo_summary()
    later = dataclasses.replace(
        summary, header=dataclasses.replace(summary.header, date=date(2026, 12, 1))
    )
    assert sequence(later) > sequence(summary) > 0


def test_a_second_parser_reads_the_same_items() -> None:
    vobject = pytest.importorskip("vobject")
    text = to_ics(demo_summary(with_contact=True))
    parsed = vobject.readOne(text)
    found = {
        component.uid.value: component.name
        for component in parsed.getChildren()
        if component.name in ("VEVENT", "VTODO")
    }
    assert found == _kinds(text)
    for event in parsed.vevent_list:
        assert isinstance(event.dtstamp.value, datetime)
        assert int(event.sequence.value) == sequence(demo_summary())


def test_lines_are_folded_at_75_octets_without_splitting_a_character() -> None:
    network = demo_network(today=TODAY)
    long_what = "Bellen " + "é€😀; ,\\ " * 40
    network.commitments[0].what = long_what
    text = to_ics(build_summary(network, today=TODAY))
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    summaries = [str(e.get("summary", "")) for e in Calendar.from_ical(text).walk()]
    assert any(found.endswith(" ".join(long_what.split())) for found in summaries)
