"""The summary as Markdown: headings, tables and lists that render the same everywhere.

Markdown is what a facilitator pastes into a mail, a wiki or a chat, so it must stay readable
as plain text and render correctly (CommonMark with GitHub tables). Everything a user typed is
escaped: a ``|`` cannot break a table, a ``*`` cannot start emphasis, a ``<script>`` is shown
as text and never passed through as raw HTML, and a newline cannot start a new block. Labels
are translated when the summary is rendered, into the language ``wijksessie.i18n`` has then.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from wijksessie.domain.summary import (
    NO_ORGANISATION,
    AgreementLine,
    CommitmentGroup,
    CommitmentLine,
    Person,
    Summary,
)
from wijksessie.domain.text import visible
from wijksessie.i18n import _
from wijksessie.render.words import minutes, more_overlaps

_ALWAYS = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LEADING = re.compile(r"^([#+=-])|^(\d+)([.)])")
_PLAIN = re.compile(r"(?![#+=\d-])[^\\`*_\[\]<>|~&]*")
"""Text that none of the three escapes would change: no special character, no ``&``, and no
start that could begin a heading, list or numbered item."""


def escape(text: str) -> str:
    """User text as one line of literal Markdown inline content.

    Whitespace (newlines too) collapses to single spaces, so typed text can never start a
    heading, list, quote or code block; control characters become visible symbols.
    """
    flat = " ".join(visible(text).split())
    if _PLAIN.fullmatch(flat):  # most names and sentences: nothing to escape (a third faster)
        return flat
    flat = _ENTITY.sub(r"\\&", _ALWAYS.sub(r"\\\1", flat))
    return _LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", flat)


def to_markdown(summary: Summary) -> str:
    """The whole summary as one Markdown document."""
    return "\n".join(_blocks(summary)).rstrip() + "\n"


def _blocks(summary: Summary) -> Iterator[str]:
    yield from _header(summary)
    if summary.reader:
        yield from _own(summary)
    yield from _attendance(summary)
    yield from _work(summary)
    yield from _findings(summary)
    yield from _goals(summary)
    yield from _agreements(summary)
    yield from _by_person(summary.by_person)
    yield from _by_goal(summary.by_goal)
    yield from _section(_("Open vragen van inwoners"), _list(_open_questions(summary)))
    yield from _section(_("Parkeerplaats"), _list(escape(text) for text in summary.parking))
    yield from _agenda(summary)
    yield from _footer(summary)


# --- building blocks -----------------------------------------------------------------------------


def _section(title: str, body: Iterable[str], level: int = 2) -> Iterator[str]:
    yield f"{'#' * level} {escape(title)}"
    yield ""
    lines = list(body) or [_em(_("Geen."))]
    yield from lines
    if lines[-1]:
        yield ""


def _list(items: Iterable[str]) -> list[str]:
    return [f"- {item}" for item in items]


def _table(head: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> list[str]:
    """A GitHub/CommonMark-extension table; cells must already be escaped."""
    lines = [_row(head), _row(tuple("---" for _ in head))]
    lines += [_row(tuple(cell or " " for cell in row)) for row in rows]
    return [*lines, ""]


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


def _em(text: str) -> str:
    """Our own words (a label, never typed text) in italics."""
    return f"*{text}*"


def _strong(text: str) -> str:
    """Our own words (a label, never typed text) in bold."""
    return f"**{text}**"


def _join(items: Iterable[str], sep: str = ", ") -> str:
    return sep.join(escape(item) for item in items if item)


# --- the sections --------------------------------------------------------------------------------


def _header(summary: Summary) -> Iterator[str]:
    header = summary.header
    yield f"# {escape(header.title)}"
    yield ""
    facts = [
        (_("Wijk"), header.wijk),
        (_("Datum"), header.date_text),
        (_("Plaats"), header.place),
        (_("Procesbegeleider"), header.facilitator),
        (_("Volgende sessie"), header.next_date_text),
        (_("Vorige sessie"), header.previous_session),
    ]
    yield from _list(f"**{label}:** {escape(value)}" for label, value in facts if value)
    yield ""
    if header.question:
        yield "> " + _strong(_("Vraagstuk") + ":") + " " + escape(header.question)
        yield ""


def _own(summary: Summary) -> Iterator[str]:
    rows = [(_what(c), escape(c.goal), _due(c), _status(c)) for c in summary.own]
    body = _table(_commitment_head(_("Doel")), rows) if rows else []
    empty = [_em(_("Je hebt in deze sessie (nog) niets toegezegd."))]
    yield from _section(_("Jouw toezeggingen ({name})").format(name=summary.reader), body or empty)


def _attendance(summary: Summary) -> Iterator[str]:
    rows = [
        (
            escape(group.organisation or _(NO_ORGANISATION)),
            escape(group.sector),
            "; ".join(_person(person) for person in group.people),
        )
        for group in summary.attendance
    ]
    count = _("{present} aanwezig, {absent} afwezig.").format(
        present=summary.present_count, absent=summary.absent_count
    )
    head = (_("Organisatie"), _("Sector"), _("Deelnemers"))
    yield from _section(_("Wie waren er"), [count, "", *_table(head, rows)])


def _person(person: Person) -> str:
    text = f"{escape(person.name)} ({escape(person.role)})"
    if not person.present:
        absent = _em(_("afwezig"))
        text = f"{escape(person.name)} ({escape(person.role)}, {absent})"
    contact = _join((person.email, person.phone))
    return f"{text}, {contact}" if contact else text


def _work(summary: Summary) -> Iterator[str]:
    rows = []
    for work in summary.work:
        organisation = f"**{escape(work.organisation)}**"
        if work.sector:
            organisation += f" ({escape(work.sector)})"
        for index, initiative in enumerate(work.initiatives or [None]):
            if initiative is None:
                rows.append((organisation, _em(_("geen initiatieven genoemd")), " ", " "))
                continue
            contact = escape(initiative.contact) or _em(_("niemand"))
            if initiative.backup:
                contact += _(", reserve: {name}").format(name=escape(initiative.backup))
            rows.append(
                (
                    organisation if index == 0 else " ",
                    escape(initiative.name),
                    _join(initiative.themes),
                    contact,
                )
            )
    interests = [
        f"**{escape(work.organisation)}:** {_join(work.interests, '; ')}"
        for work in summary.work
        if work.interests
    ]
    table = _table((_("Organisatie"), _("Initiatief"), _("Thema's"), _("Contact")), rows)
    needs = _("Wat organisaties nodig hebben:")
    yield from _section(_("Wie doet wat"), [*table, needs, "", *_list(interests)])


def _findings(summary: Summary) -> Iterator[str]:
    findings = summary.findings
    strangers = _("kennen elkaar nog niet")
    overlaps = [
        f"{escape(o.first)} ({escape(o.first_organisation)}) ↔ "
        f"{escape(o.second)} ({escape(o.second_organisation)}): "
        f"{escape(o.reason)}; {escape(o.connected or strangers)}"
        for o in findings.overlaps
    ]
    if more := findings.more_overlaps:
        overlaps.append(more_overlaps(more))
    gaps = [f"{escape(g.question)} *({escape(g.reason)})*" for g in findings.gaps]
    if findings.uncovered_themes:
        themes = _join(findings.uncovered_themes)
        gaps.append(_("Thema's zonder initiatief: {themes}").format(themes=themes))
    weak = [escape(link.reason) for link in findings.weak_links]
    yield "## " + escape(_("Wat opvalt"))
    yield ""
    yield from _section(_("Overlap: verbind deze initiatieven"), _list(overlaps), level=3)
    yield from _section(_("Gaten: vragen waar niemand aan werkt"), _list(gaps), level=3)
    weak_title = _("Zwakke schakels: waar het netwerk aan één persoon hangt")
    yield from _section(weak_title, _list(weak), 3)


def _goals(summary: Summary) -> Iterator[str]:
    rows = [
        (
            "–" if goal.hidden else str(goal.rank),
            escape(goal.text),
            _("verborgen") if goal.hidden else str(goal.votes),
            _join(goal.coalition) or "—",
            _join(goal.questions, " / ") or "—",
        )
        for goal in summary.goals
    ]
    head = ("#", _("Doel"), _("Stemmen"), _("Coalitie"), _("Vragen van inwoners"))
    yield from _section(_("Gezamenlijke doelen"), _table(head, rows) if rows else [])


def _agreements(summary: Summary) -> Iterator[str]:
    lines = [line for agreement in summary.agreements for line in _agreement(agreement)]
    yield from _section(_("Basisafspraken"), lines)


def _agreement(agreement: AgreementLine) -> Iterator[str]:
    yield f"- **{escape(agreement.status_label)}:** {escape(agreement.text)}"
    yield f"  *{escape(agreement.outcome)}*"
    for note in (*agreement.objections, *agreement.reservations):
        said = f": “{escape(note.note)}”" if note.note else ""
        yield f"  - {escape(note.stance_label)}, {escape(note.person)}{said}"


def _what(line: CommitmentLine, name_organisation: bool = False) -> str:
    """What was promised; ``name_organisation`` adds it when no person made the promise."""
    what = escape(line.what)
    if name_organisation and not line.person and line.organisation:
        what = f"**{escape(line.organisation)}:** {what}"
    return f"{what} *({escape(line.note)})*" if line.note else what


def _due(line: CommitmentLine) -> str:
    if not line.due_text:
        return _em(_("geen datum"))
    return f"**{escape(line.due_text)}**" if line.overdue else escape(line.due_text)


def _status(line: CommitmentLine) -> str:
    status = escape(line.status_label)
    if line.overdue:
        status += ", " + _strong(_("te laat"))
    if line.carried_over:
        status += ", " + _("↻ uit vorige sessie")
    return status


def _commitment_head(second: str) -> tuple[str, ...]:
    """The columns of a commitments table; ``second`` is the goal or who made the promise."""
    return (_("Wat"), second, _("Wanneer"), _("Status"))


def _by_person(groups: Iterable[CommitmentGroup]) -> Iterator[str]:
    yield "## " + escape(_("Toezeggingen per persoon"))
    yield ""
    for group in groups:
        title = f"{group.title} ({group.detail})" if group.detail else group.title
        if group.own:
            title += _(", dat ben jij")
        rows = [(_what(c, True), escape(c.goal), _due(c), _status(c)) for c in group.commitments]
        body = _table(_commitment_head(_("Doel")), rows) if rows else []
        yield from _section(title, body or [_em(_("Niets toegezegd."))], 3)


def _by_goal(groups: Iterable[CommitmentGroup]) -> Iterator[str]:
    yield "## " + escape(_("Toezeggingen per doel"))
    yield ""
    for group in groups:
        rows = [
            (_what(c), _join((c.person, c.organisation), ", "), _due(c), _status(c))
            for c in group.commitments
        ]
        yield from _section(group.title, _table(_commitment_head(_("Wie")), rows), 3)


def _open_questions(summary: Summary) -> Iterator[str]:
    for question in summary.open_questions:
        source = f" *({escape(question.source)})*" if question.source else ""
        yield f"{escape(question.text)}{source}"


def _agenda(summary: Summary) -> Iterator[str]:
    rows = [
        (
            escape(item.phase),
            minutes(item.planned_minutes),
            minutes(item.spent_minutes) if item.spent_minutes else "—",
        )
        for item in summary.agenda
    ]
    planned = sum(item.planned_minutes for item in summary.agenda)
    spent = sum(item.spent_minutes for item in summary.agenda)
    rows.append((_strong(_("Totaal")), minutes(planned), minutes(spent) if spent else "—"))
    head = (_("Fase"), _("Gepland"), _("Besteed"))
    yield from _section(_("Agenda"), _table(head, rows))


def _footer(summary: Summary) -> Iterator[str]:
    privacy = (
        _("Contactgegevens alleen van wie daar toestemming voor gaf.")
        if summary.with_contact
        else _("Zonder contactgegevens.")
    )
    yield "---"
    yield ""
    made = _("Samenvatting gemaakt op {date} met wijksessie. {privacy}")
    yield f"*{made.format(date=escape(summary.header.made_on_text), privacy=privacy)}*"
