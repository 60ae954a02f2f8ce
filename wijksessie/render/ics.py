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

Written by hand (``_Writer``): text escaped, lines folded at 75 octets without splitting a
character, CRLF endings, as RFC 5545 says; the tests read every file back with two independent
parsers (``icalendar`` and ``vobject``). The ``icalendar`` library wrote it before, and took
1.3 s for the large session's 1,000 commitments (a third of it folding lines a character at a
time) and 0.16 s to import; this takes a tenth of that. What people read (names, labels, the
description) is in the current language; what calendars match on (``PRODID``, ``UID``,
``STATUS``) stays the same in every language.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import UTC, date, datetime, time, timedelta

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
    return summary.commitments_of({line.id for line in summary.own})


class _Writer:
    """Content lines of one iCalendar document (RFC 5545, section 3.1)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def raw(self, name: str, value: str) -> None:
        """A property whose value is already in iCalendar form (dates, numbers, keywords)."""
        self.lines.append(_fold(f"{name}:{value}"))

    def text(self, name: str, value: str) -> None:
        """A TEXT property: backslash, semicolon, comma and newline escaped."""
        self.raw(name, _escape(value))

    def texts(self, name: str, values: list[str]) -> None:
        """A TEXT list, such as ``CATEGORIES``."""
        self.raw(name, ",".join(map(_escape, values)))

    def date(self, name: str, value: date) -> None:
        self.raw(f"{name};VALUE=DATE", value.strftime("%Y%m%d"))

    def stamp(self, name: str, value: datetime) -> None:
        self.raw(name, value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"))

    def document(self) -> str:
        return "\r\n".join(self.lines) + "\r\n"


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """``line`` in pieces of at most 75 octets, each further piece after CRLF and a space; a
    UTF-8 character is never split."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    pieces = []
    start, width = 0, 75
    while len(data) - start > width:
        end = start + width
        while data[end] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            end -= 1
        pieces.append(data[start:end])
        start, width = end, 74
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode("utf-8")


def to_ics(summary: Summary) -> str:
    """The summary's commitments and next session as one iCalendar document (CRLF endings)."""
    out = _Writer()
    out.raw("BEGIN", "VCALENDAR")
    out.raw("VERSION", "2.0")
    out.raw("PRODID", PRODID)
    out.raw("CALSCALE", "GREGORIAN")
    out.raw("METHOD", "PUBLISH")
    out.text("X-WR-CALNAME", _one_line(_calendar_name(summary)))
    stamp = datetime.combine(summary.header.made_on, STAMP_TIME)
    revision = sequence(summary)
    lines = calendar_lines(summary)
    contacts = _contacts(summary, {line.participant_id for line in lines})
    for line in lines:
        if line.due is not None:
            _event(out, line, summary, contacts, stamp, revision)
        else:
            _todo(out, line, summary, contacts, stamp, revision)
    if summary.header.next_date is not None:
        undated = [line for line in lines if line.due is None]
        _next_session(out, summary, undated, stamp, revision)
    out.raw("END", "VCALENDAR")
    return out.document()


def _calendar_name(summary: Summary) -> str:
    title = summary.header.title
    if summary.reader:
        return _("Toezeggingen {name} · {title}").format(name=summary.reader, title=title)
    return _("Toezeggingen · {title}").format(title=title)


def _stamp(out: _Writer, stamp: datetime, revision: int) -> None:
    out.stamp("DTSTAMP", stamp)
    out.stamp("LAST-MODIFIED", stamp)
    out.raw("SEQUENCE", str(revision))


def _event(
    out: _Writer,
    line: CommitmentLine,
    summary: Summary,
    contacts: dict[str, str],
    stamp: datetime,
    revision: int,
) -> None:
    assert line.due is not None
    out.raw("BEGIN", "VEVENT")
    out.text("UID", commitment_uid(line.chain_id or line.id))
    _stamp(out, stamp, revision)
    out.date("DTSTART", line.due)
    out.date("DTEND", line.due + timedelta(days=1))
    out.text("SUMMARY", _one_line(_title(line)))
    out.text("DESCRIPTION", visible(_description(line, summary, contacts)))
    out.raw("STATUS", _EVENT_STATUS.get(line.status, "CONFIRMED"))
    out.raw("TRANSP", "TRANSPARENT")
    out.texts("CATEGORIES", [_("Toezegging"), "wijksessie"])
    out.raw("END", "VEVENT")


def _todo(
    out: _Writer,
    line: CommitmentLine,
    summary: Summary,
    contacts: dict[str, str],
    stamp: datetime,
    revision: int,
) -> None:
    """A commitment without a date: a to-do without a due date."""
    out.raw("BEGIN", "VTODO")
    out.text("UID", commitment_uid(line.chain_id or line.id))
    _stamp(out, stamp, revision)
    out.text("SUMMARY", _one_line(_title(line)))
    out.text("DESCRIPTION", visible(_description(line, summary, contacts)))
    out.raw("STATUS", _TODO_STATUS.get(line.status, "NEEDS-ACTION"))
    out.texts("CATEGORIES", [_("Toezegging"), "wijksessie"])
    out.raw("END", "VTODO")


def _next_session(
    out: _Writer,
    summary: Summary,
    undated: list[CommitmentLine],
    stamp: datetime,
    revision: int,
) -> None:
    """The next meeting, all day (no time is planned), naming the promises without a date."""
    header = summary.header
    assert header.next_date is not None
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
    out.raw("BEGIN", "VEVENT")
    out.text("UID", session_uid(header.session_id))
    _stamp(out, stamp, revision)
    out.date("DTSTART", header.next_date)
    out.date("DTEND", header.next_date + timedelta(days=1))
    out.text("SUMMARY", _one_line(_("Vervolgsessie · {title}").format(title=header.title)))
    out.text("DESCRIPTION", visible("\n".join(fact for fact in facts if fact)))
    if header.place:
        out.text("LOCATION", _one_line(header.place))
    out.raw("TRANSP", "TRANSPARENT")
    out.texts("CATEGORIES", [_("Vervolgsessie"), "wijksessie"])
    out.raw("END", "VEVENT")


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


def _description(line: CommitmentLine, summary: Summary, contacts: dict[str, str]) -> str:
    who = ", ".join(part for part in (line.person, line.organisation) if part)
    status = line.status_label
    if line.carried_over:
        status += " " + _("(uit de vorige sessie)")
    facts = [
        (_("Wie"), who),
        (_("Doel"), line.goal),
        (_("Status"), status),
        (_("Toelichting"), line.note),
        (_("Contact"), contacts.get(line.participant_id, "")),
        (_("Sessie"), _session_text(summary)),
        (_("Vervolgsessie"), summary.header.next_date_text),
    ]
    return "\n".join(f"{label}: {value}" for label, value in facts if value)


def _contacts(summary: Summary, wanted: Container[str]) -> dict[str, str]:
    """Per ``wanted`` participant the shared contact details, where the summary carries them.

    Made once per calendar: looking each commitment's person up in the attendance made the
    large benchmark session's calendar (1,000 commitments, 300 people) 43 ms of CPU; now 33.
    """
    found: dict[str, str] = {}
    for group in summary.attendance:
        for person in group.people:
            if person.id in wanted:
                found.setdefault(
                    person.id, " · ".join(p for p in (person.email, person.phone) if p)
                )
    return found
