"""Commitments as an iCalendar file, so promises land in the calendars people use.

A dated commitment is an all-day ``VEVENT`` on its due date: every common calendar (Outlook,
Google, Apple, Thunderbird) imports events. A commitment without a date is a ``VTODO`` (a
to-do, for the calendars that keep them) and is named in the next session's event as well,
because several calendars drop to-dos: nothing promised is silently left out. The next session
(``next_date``) is an event of its own. With a reader (``--voor``) the file holds only that
person's commitments, and the next session.

Updating, not doubling: a commitment's ``UID`` is derived from the first commitment of its chain
(``CommitmentLine.chain_id``), so a commitment carried into the follow-up session replaces its
event from the previous session instead of appearing twice. Which version wins is told by
``SEQUENCE``, then ``DTSTAMP`` (RFC 5546):

* ``SEQUENCE`` is the session's date as a day number (days since 2020-01-01; the export day for
  a session without a date). What changes a commitment is a session (its review round moves a
  date or sets a status), and a later session has a later date, so the follow-up's event always
  wins, and re-exporting an old session later cannot undo it. Derived from the session, so the
  same session gives the same file, without a counter stored with each commitment.
* ``DTSTAMP`` and ``LAST-MODIFIED`` are noon (UTC) of the day the summary was made: a correction
  exported on a later day wins over an earlier export of the same session. Not the clock time,
  so a summary made twice on one day is the same file (golden files, diffs). Two different
  exports of one session on one day are not told apart; the later import may be ignored.

Built with the ``icalendar`` library: folding, escaping and line endings follow RFC 5545. What
people read (names, labels, the description) is in the current language; what calendars match
on (``PRODID``, ``UID``, ``STATUS``) stays the same in every language.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event, Todo

from wijksessie.domain.summary import CommitmentLine, Summary
from wijksessie.domain.text import visible
from wijksessie.i18n import _, ngettext

PRODID = "-//wijksessie//Samenvatting netwerksessie//NL"
UID_DOMAIN = "wijksessie"
SEQUENCE_EPOCH = date(2020, 1, 1)
STAMP_TIME = time(12, 0, tzinfo=UTC)

_EVENT_STATUS = {"vervallen": "CANCELLED"}
_TODO_STATUS = {
    "open": "NEEDS-ACTION",
    "bezig": "IN-PROCESS",
    "gedaan": "COMPLETED",
    "vervallen": "CANCELLED",
}


def commitment_uid(chain_id: str) -> str:
    """The stable calendar id of a commitment: its chain's first id (``chain_id``)."""
    return f"toezegging-{chain_id}@{UID_DOMAIN}"


def session_uid(session_id: str) -> str:
    """The calendar id of the next meeting planned in the session ``session_id``."""
    return f"vervolgsessie-{session_id}@{UID_DOMAIN}"


def sequence(summary: Summary) -> int:
    """The revision every item of this summary's calendar carries (see the module's doc)."""
    day = summary.header.date or summary.header.made_on
    return max((day - SEQUENCE_EPOCH).days, 0)


def calendar_lines(summary: Summary) -> tuple[CommitmentLine, ...]:
    """The commitments a calendar holds: the reader's own, or everyone's; by due date."""
    if not summary.reader:
        return summary.commitments
    own = {line.id for line in summary.own}
    return tuple(line for line in summary.commitments if line.id in own)


def to_ics(summary: Summary) -> str:
    """The summary's commitments and next session as one iCalendar document (CRLF endings)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _one_line(_calendar_name(summary)))
    stamp = datetime.combine(summary.header.made_on, STAMP_TIME)
    revision = sequence(summary)
    lines = calendar_lines(summary)
    for line in lines:
        item = _event(line, summary) if line.due is not None else _todo(line, summary)
        _stamp(item, stamp, revision)
        calendar.add_component(item)
    if summary.header.next_date is not None:
        meeting = _next_session(summary, [line for line in lines if line.due is None])
        _stamp(meeting, stamp, revision)
        calendar.add_component(meeting)
    return calendar.to_ical().decode("utf-8")


def _calendar_name(summary: Summary) -> str:
    title = summary.header.title
    if summary.reader:
        return _("Toezeggingen {name} · {title}").format(name=summary.reader, title=title)
    return _("Toezeggingen · {title}").format(title=title)


def _stamp(item: Event | Todo, stamp: datetime, revision: int) -> None:
    item.add("dtstamp", stamp)
    item.add("last-modified", stamp)
    item.add("sequence", revision)


def _event(line: CommitmentLine, summary: Summary) -> Event:
    assert line.due is not None
    event = Event()
    event.add("uid", commitment_uid(line.chain_id or line.id))
    event.add("dtstart", line.due)
    event.add("dtend", line.due + timedelta(days=1))
    event.add("summary", _one_line(_title(line)))
    event.add("description", visible(_description(line, summary)))
    event.add("status", _EVENT_STATUS.get(line.status, "CONFIRMED"))
    event.add("transp", "TRANSPARENT")
    event.add("categories", [_("Toezegging"), "wijksessie"])
    return event


def _todo(line: CommitmentLine, summary: Summary) -> Todo:
    """A commitment without a date: a to-do without a due date."""
    todo = Todo()
    todo.add("uid", commitment_uid(line.chain_id or line.id))
    todo.add("summary", _one_line(_title(line)))
    todo.add("description", visible(_description(line, summary)))
    todo.add("status", _TODO_STATUS.get(line.status, "NEEDS-ACTION"))
    todo.add("categories", [_("Toezegging"), "wijksessie"])
    return todo


def _next_session(summary: Summary, undated: list[CommitmentLine]) -> Event:
    """The next meeting, all day (no time is planned), naming the promises without a date."""
    header = summary.header
    assert header.next_date is not None
    event = Event()
    event.add("uid", session_uid(header.session_id))
    event.add("dtstart", header.next_date)
    event.add("dtend", header.next_date + timedelta(days=1))
    event.add("summary", _one_line(_("Vervolgsessie · {title}").format(title=header.title)))
    facts = [
        _("Vorige sessie: {session}").format(session=_session_text(summary)),
        header.place,
    ]
    if undated:
        facts.append(
            ngettext(
                "{n} toezegging zonder datum (ook als taak in deze agenda):",
                "{n} toezeggingen zonder datum (ook als taak in deze agenda):",
                len(undated),
            ).format(n=len(undated))
        )
        facts += [f"- {_title(line)}" for line in undated]
    event.add("description", visible("\n".join(fact for fact in facts if fact)))
    if header.place:
        event.add("location", _one_line(header.place))
    event.add("transp", "TRANSPARENT")
    event.add("categories", [_("Vervolgsessie"), "wijksessie"])
    return event


def _one_line(text: str) -> str:
    """A name as calendars show it: one line, control characters made visible."""
    return " ".join(visible(text).split())


def _title(line: CommitmentLine) -> str:
    """E.g. "Toezegging Gerda Willems: Bij elkaars ochtend op bezoek gaan (gedaan)"."""
    who = line.person or line.organisation
    if who:
        title = _("Toezegging {who}: {what}").format(who=who, what=line.what)
    else:
        title = _("Toezegging: {what}").format(what=line.what)
    return title if line.status in ("open", "bezig") else f"{title} ({line.status_label})"


def _session_text(summary: Summary) -> str:
    header = summary.header
    return " · ".join(part for part in (header.title, header.wijk, header.date_text) if part)


def _description(line: CommitmentLine, summary: Summary) -> str:
    who = ", ".join(part for part in (line.person, line.organisation) if part)
    status = line.status_label
    if line.carried_over:
        status += " " + _("(uit de vorige sessie)")
    facts = [
        (_("Wie"), who),
        (_("Doel"), line.goal),
        (_("Status"), status),
        (_("Toelichting"), line.note),
        (_("Contact"), _contact(line, summary)),
        (_("Sessie"), _session_text(summary)),
        (_("Vervolgsessie"), summary.header.next_date_text),
    ]
    return "\n".join(f"{label}: {value}" for label, value in facts if value)


def _contact(line: CommitmentLine, summary: Summary) -> str:
    """The person's shared contact details, only when the summary carries them."""
    for group in summary.attendance:
        for person in group.people:
            if person.id == line.participant_id:
                return " · ".join(part for part in (person.email, person.phone) if part)
    return ""
