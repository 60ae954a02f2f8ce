"""Commitment due dates as an iCalendar file, so promises land in the calendars people use.

One all-day ``VEVENT`` per dated commitment, not a ``VTODO``: every common calendar (Outlook,
Google, Apple, Thunderbird) imports events, while to-dos are ignored by several of them. The
event names the person, organisation, goal and session. Its ``UID`` is derived from the
commitment's id, so importing a newer summary updates the same events instead of doubling them,
and ``DTSTAMP`` is the day the summary was made, so the same session gives the same file.
Built with the ``icalendar`` library: folding, escaping and line endings follow RFC 5545.
What people read (names, labels, the description) is in the current language; what calendars
match on (``PRODID``, ``UID``, ``STATUS``) stays the same in every language.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from icalendar import Calendar, Event

from wijksessie.domain.summary import CommitmentLine, Summary
from wijksessie.domain.text import visible
from wijksessie.i18n import _

PRODID = "-//wijksessie//Samenvatting netwerksessie//NL"
UID_DOMAIN = "wijksessie"

_STATUS = {"vervallen": "CANCELLED"}


def commitment_uid(commitment_id: str) -> str:
    """The stable calendar id of a commitment."""
    return f"toezegging-{commitment_id}@{UID_DOMAIN}"


def to_ics(summary: Summary) -> str:
    """The dated commitments of the summary as one iCalendar document (CRLF line endings)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = _("Toezeggingen · {title}").format(title=summary.header.title)
    calendar.add("x-wr-calname", _one_line(name))
    stamp = datetime.combine(summary.header.made_on, time(), tzinfo=UTC)
    for line in summary.commitments:
        if line.due is not None:
            calendar.add_component(_event(line, summary, stamp))
    return calendar.to_ical().decode("utf-8")


def _event(line: CommitmentLine, summary: Summary, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", commitment_uid(line.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", line.due)
    event.add("dtend", line.due + timedelta(days=1))
    event.add("summary", _one_line(_title(line)))
    event.add("description", visible(_description(line, summary)))
    event.add("status", _STATUS.get(line.status, "CONFIRMED"))
    event.add("transp", "TRANSPARENT")
    event.add("categories", [_("Toezegging"), "wijksessie"])
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


def _description(line: CommitmentLine, summary: Summary) -> str:
    header = summary.header
    who = ", ".join(part for part in (line.person, line.organisation) if part)
    session = " · ".join(part for part in (header.title, header.wijk, header.date_text) if part)
    status = line.status_label
    if line.carried_over:
        status += " " + _("(uit de vorige sessie)")
    facts = [
        (_("Wie"), who),
        (_("Doel"), line.goal),
        (_("Status"), status),
        (_("Toelichting"), line.note),
        (_("Contact"), _contact(line, summary)),
        (_("Sessie"), session),
        (_("Vervolgsessie"), header.next_date_text),
    ]
    return "\n".join(f"{label}: {value}" for label, value in facts if value)


def _contact(line: CommitmentLine, summary: Summary) -> str:
    """The person's shared contact details, only when the summary carries them."""
    for group in summary.attendance:
        for person in group.people:
            if person.id == line.participant_id:
                return " · ".join(part for part in (person.email, person.phone) if part)
    return ""
