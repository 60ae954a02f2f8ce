"""The summary as Markdown: headings, tables and lists that render the same everywhere.

Markdown is what a facilitator pastes into a mail, a wiki or a chat, so it must stay readable
as plain text and render correctly (CommonMark with GitHub tables). Everything a user typed is
escaped: a ``|`` cannot break a table, a ``*`` cannot start emphasis, a ``<script>`` is shown
as text and never passed through as raw HTML, and a newline cannot start a new block.
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

_ALWAYS = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LEADING = re.compile(r"^([#+=-])|^(\d+)([.)])")


def escape(text: str) -> str:
    """User text as one line of literal Markdown inline content.

    Whitespace (newlines too) collapses to single spaces, so typed text can never start a
    heading, list, quote or code block; control characters become visible symbols.
    """
    flat = " ".join(visible(text).split())
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
    yield from _section("Open vragen van inwoners", _list(_open_questions(summary)))
    yield from _section("Parkeerplaats", _list(escape(text) for text in summary.parking))
    yield from _agenda(summary)
    yield from _footer(summary)


# --- building blocks -----------------------------------------------------------------------------


def _section(title: str, body: Iterable[str], level: int = 2) -> Iterator[str]:
    yield f"{'#' * level} {escape(title)}"
    yield ""
    lines = list(body) or ["*Geen.*"]
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


def _join(items: Iterable[str], sep: str = ", ") -> str:
    return sep.join(escape(item) for item in items if item)


# --- the sections --------------------------------------------------------------------------------


def _header(summary: Summary) -> Iterator[str]:
    header = summary.header
    yield f"# {escape(header.title)}"
    yield ""
    facts = [
        ("Wijk", header.wijk),
        ("Datum", header.date_text),
        ("Plaats", header.place),
        ("Procesbegeleider", header.facilitator),
        ("Volgende sessie", header.next_date_text),
        ("Vorige sessie", header.previous_session),
    ]
    yield from _list(f"**{label}:** {escape(value)}" for label, value in facts if value)
    yield ""
    if header.question:
        yield f"> **Vraagstuk:** {escape(header.question)}"
        yield ""


def _own(summary: Summary) -> Iterator[str]:
    rows = [(_what(c), escape(c.goal), _due(c), _status(c)) for c in summary.own]
    body = _table(("Wat", "Doel", "Wanneer", "Status"), rows) if rows else []
    empty = ["*Je hebt in deze sessie (nog) niets toegezegd.*"]
    yield from _section(f"Jouw toezeggingen ({summary.reader})", body or empty)


def _attendance(summary: Summary) -> Iterator[str]:
    rows = [
        (
            escape(group.organisation or NO_ORGANISATION),
            escape(group.sector),
            "; ".join(_person(person) for person in group.people),
        )
        for group in summary.attendance
    ]
    count = f"{summary.present_count} aanwezig, {summary.absent_count} afwezig."
    yield from _section(
        "Wie waren er", [count, "", *_table(("Organisatie", "Sector", "Deelnemers"), rows)]
    )


def _person(person: Person) -> str:
    text = f"{escape(person.name)} ({escape(person.role)})"
    if not person.present:
        text = f"~~{escape(person.name)}~~ ({escape(person.role)}, *afwezig*)"
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
                rows.append((organisation, "*geen initiatieven genoemd*", " ", " "))
                continue
            contact = escape(initiative.contact) or "*niemand*"
            if initiative.backup:
                contact += f", reserve: {escape(initiative.backup)}"
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
    table = _table(("Organisatie", "Initiatief", "Thema's", "Contact"), rows)
    yield from _section(
        "Wie doet wat", [*table, "Wat organisaties nodig hebben:", "", *_list(interests)]
    )


def _findings(summary: Summary) -> Iterator[str]:
    findings = summary.findings
    overlaps = [
        f"{escape(o.first)} ({escape(o.first_organisation)}) ↔ "
        f"{escape(o.second)} ({escape(o.second_organisation)}): "
        f"{escape(o.reason)}; {escape(o.connected or 'kennen elkaar nog niet')}"
        for o in findings.overlaps
    ]
    if findings.more_overlaps:
        overlaps.append(f"… en nog {findings.more_overlaps} mogelijke verbindingen")
    gaps = [f"{escape(g.question)} *({escape(g.reason)})*" for g in findings.gaps]
    if findings.uncovered_themes:
        gaps.append(f"Thema's zonder initiatief: {_join(findings.uncovered_themes)}")
    weak = [escape(link.reason) for link in findings.weak_links]
    yield "## Wat opvalt"
    yield ""
    yield from _section("Overlap: verbind deze initiatieven", _list(overlaps), level=3)
    yield from _section("Gaten: vragen waar niemand aan werkt", _list(gaps), level=3)
    yield from _section("Zwakke schakels: waar het netwerk aan één persoon hangt", _list(weak), 3)


def _goals(summary: Summary) -> Iterator[str]:
    rows = [
        (
            str(goal.rank),
            escape(goal.text),
            str(goal.votes),
            _join(goal.coalition) or "—",
            _join(goal.questions, " / ") or "—",
        )
        for goal in summary.goals
    ]
    head = ("#", "Doel", "Stemmen", "Coalitie", "Vragen van inwoners")
    yield from _section("Gezamenlijke doelen", _table(head, rows) if rows else [])


def _agreements(summary: Summary) -> Iterator[str]:
    lines = [line for agreement in summary.agreements for line in _agreement(agreement)]
    yield from _section("Basisafspraken", lines)


def _agreement(agreement: AgreementLine) -> Iterator[str]:
    yield f"- **{escape(agreement.status)}:** {escape(agreement.text)}"
    yield f"  *{escape(agreement.outcome)}*"
    for note in (*agreement.objections, *agreement.reservations):
        said = f": “{escape(note.note)}”" if note.note else ""
        yield f"  - {escape(note.stance)}, {escape(note.person)}{said}"


def _what(line: CommitmentLine, name_organisation: bool = False) -> str:
    """What was promised; ``name_organisation`` adds it when no person made the promise."""
    what = escape(line.what)
    if line.status == "vervallen":
        what = f"~~{what}~~"
    if name_organisation and not line.person and line.organisation:
        what = f"**{escape(line.organisation)}:** {what}"
    return f"{what} *({escape(line.note)})*" if line.note else what


def _due(line: CommitmentLine) -> str:
    if not line.due_text:
        return "*geen datum*"
    return f"**{escape(line.due_text)}**" if line.overdue else escape(line.due_text)


def _status(line: CommitmentLine) -> str:
    status = escape(line.status)
    if line.overdue:
        status += ", **te laat**"
    if line.carried_over:
        status += ", ↻ uit vorige sessie"
    return status


def _by_person(groups: Iterable[CommitmentGroup]) -> Iterator[str]:
    yield "## Toezeggingen per persoon"
    yield ""
    for group in groups:
        title = f"{group.title} ({group.detail})" if group.detail else group.title
        rows = [(_what(c, True), escape(c.goal), _due(c), _status(c)) for c in group.commitments]
        body = _table(("Wat", "Doel", "Wanneer", "Status"), rows) if rows else []
        yield from _section(
            title + (", dat ben jij" if group.own else ""), body or ["*Niets toegezegd.*"], 3
        )


def _by_goal(groups: Iterable[CommitmentGroup]) -> Iterator[str]:
    yield "## Toezeggingen per doel"
    yield ""
    for group in groups:
        rows = [
            (_what(c), _join((c.person, c.organisation), ", "), _due(c), _status(c))
            for c in group.commitments
        ]
        yield from _section(group.title, _table(("Wat", "Wie", "Wanneer", "Status"), rows), 3)


def _open_questions(summary: Summary) -> Iterator[str]:
    for question in summary.open_questions:
        source = f" *({escape(question.source)})*" if question.source else ""
        yield f"{escape(question.text)}{source}"


def _agenda(summary: Summary) -> Iterator[str]:
    rows = [
        (
            escape(item.phase),
            f"{item.planned_minutes} min",
            f"{item.spent_minutes} min" if item.spent_minutes else "—",
        )
        for item in summary.agenda
    ]
    planned = sum(item.planned_minutes for item in summary.agenda)
    spent = sum(item.spent_minutes for item in summary.agenda)
    rows.append(("**Totaal**", f"{planned} min", f"{spent} min"))
    yield from _section("Agenda", _table(("Fase", "Gepland", "Besteed"), rows))


def _footer(summary: Summary) -> Iterator[str]:
    privacy = (
        "Contactgegevens alleen van wie daar toestemming voor gaf."
        if summary.with_contact
        else "Zonder contactgegevens."
    )
    yield "---"
    yield ""
    made = escape(summary.header.made_on_text)
    yield f"*Samenvatting gemaakt op {made} met wijksessie. {privacy}*"
