"""The summary for a terminal or the app's Samenvatting phase, as one Rich renderable.

It may be on a projector, so it reads top-down in short blocks, and everything a user typed goes
through ``rich.text.Text(visible(...))``: ``[bold red]`` stays brackets and an ANSI escape shows
as a symbol, never as colour. Meaning never rests on colour alone ("te laat" is written out), so
the plain text export and a black-and-white screen say the same. Every label is translated when
the summary is rendered, into the language ``wijksessie.i18n`` has then.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from wijksessie.domain.summary import (
    NO_ORGANISATION,
    AgreementLine,
    CommitmentGroup,
    CommitmentLine,
    InitiativeLine,
    Person,
    Summary,
)
from wijksessie.domain.text import visible
from wijksessie.i18n import _
from wijksessie.render.grid import Column, FastTable
from wijksessie.render.words import minutes, more_overlaps

TEXT_WIDTH = 100
"""Columns of the plain text export: wide enough for the tables, narrow enough for mail."""

_STATUS_STYLE = {
    "bezig": "cyan",
    "gedaan": "green",
    "vervallen": "dim",
    "aangenomen": "bold green",
    "voorstel": "yellow",
    "verworpen": "red",
}


def summary_renderable(summary: Summary) -> RenderableType:
    """The whole summary as one Rich renderable, to print or to put in a scrollable widget."""
    return Group(*_blocks(summary))


def summary_lines(summary: Summary, width: int) -> Iterator[list[list[Segment]]]:
    """The summary drawn ``width`` columns wide, part by part: each item is the lines (lists of
    Rich segments) of one part. Together they are the lines of ``summary_renderable``; a screen
    can show the first parts while the rest is still being drawn. Pure Rich, so it may run in a
    thread of its own."""
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="truecolor",
        force_terminal=True,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    for block in _blocks(summary):
        yield console.render_lines(block, console.options, pad=False)


def to_text(summary: Summary, width: int = TEXT_WIDTH) -> str:
    """The summary as plain text without colour codes, as the terminal would show it.

    The tables are written straight as text (``FastTable.plain_lines``) and the short texts
    between them without a console in between; the rest goes through one Rich console."""
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system=None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    return "\n".join(line.rstrip() for line in plain_lines(summary, console, width)) + "\n"


def plain_lines(summary: Summary, console: Console, width: int) -> list[str]:
    """The lines ``console`` prints for ``summary_renderable`` when it writes no colour (not a
    terminal), trailing spaces and all, without drawing the tables through it: for the large
    benchmark session 0.2 s instead of 1.5. ``console``'s options (its encoding, say) draw the
    lines as its ``print`` would."""
    lines: list[str] = []
    for block in _blocks(summary):
        lines += _plain(console, block, width)
    return lines


def _plain(console: Console, renderable: RenderableType, width: int) -> list[str]:
    """The lines of one block as plain text, ``width`` columns wide (trailing spaces kept)."""
    if isinstance(renderable, FastTable):
        return renderable.plain_lines(console, width)
    if isinstance(renderable, Group):
        return [line for part in renderable.renderables for line in _plain(console, part, width)]
    if isinstance(renderable, Padding) and renderable.expand:
        inner = _plain(
            console, renderable.renderable, max(width - renderable.left - renderable.right, 1)
        )
        blank = [""]
        indent = " " * renderable.left
        return [
            *blank * renderable.top,
            *(indent + line for line in inner),
            *blank * renderable.bottom,
        ]
    if isinstance(renderable, Text) and _fits(renderable.plain, width):
        return [renderable.plain]
    options = console.options.update_width(width)
    return [
        "".join(s.text for s in line)
        for line in console.render_lines(renderable, options, pad=False)
    ]


def _fits(plain: str, width: int) -> bool:
    """Whether a text is one line that Rich would print as it is."""
    return "\n" not in plain and "\t" not in plain and cell_len(plain) <= width


def _blocks(summary: Summary) -> Iterator[RenderableType]:
    yield _header(summary)
    if summary.reader:
        own = _("Jouw toezeggingen ({name})").format(name=summary.reader)
        yield from _section(own, [_own(summary)])
    yield from _section(_("Wie waren er"), [_attendance(summary)])
    yield from _section(_("Wie doet wat"), [_work(summary)])
    yield from _section(_("Wat opvalt"), list(_findings(summary)))
    yield from _section(_("Gezamenlijke doelen"), [_goals(summary)])
    yield from _section(_("Basisafspraken"), [_agreement(a) for a in summary.agreements])
    yield from _section(_("Toezeggingen per persoon"), [_by_person(summary.by_person)])
    yield from _section(_("Toezeggingen per doel"), [_by_goal(summary.by_goal)])
    yield from _section(_("Open vragen van inwoners"), [_open_questions(summary)])
    yield from _section(_("Parkeerplaats"), [_bullets(summary.parking)])
    yield from _section(_("Agenda"), [_agenda(summary)])
    yield Padding(_footer(summary), (1, 0, 0, 0))


# --- building blocks -----------------------------------------------------------------------------


def _t(text: str, style: str = "") -> Text:
    """User text, shown literally."""
    return Text(visible(text), style=style)


def _join(*parts: Text | str, sep: str = " ") -> Text:
    return Text(sep).join(part if isinstance(part, Text) else Text(part) for part in parts if part)


def _none() -> Text:
    return Text("  " + _("geen"), style="dim")


def _section(title: str, body: list[RenderableType]) -> Iterator[RenderableType]:
    yield Text()
    yield Rule(_t(title, "bold"), align="left", style="blue")
    yield from body or [_none()]


def _table(*columns: str, expand: bool = True) -> FastTable:
    """A table with these (translated) column names; dates and numbers do not wrap."""
    unwrapped = {_("Wanneer"), _("Stemmen"), "#"}
    return FastTable([Column(name, no_wrap=name in unwrapped) for name in columns], expand=expand)


def _bullets(items: Iterable[Text | str], mark: str = "•") -> RenderableType:
    """A list whose wrapped lines hang under the text, not under the bullet."""
    grid = FastTable([Column(no_wrap=True), Column()], headed=False, expand=False)
    for item in items:
        grid.add_row(f" {mark}", item if isinstance(item, Text) else _t(item))
    return grid if grid.row_count else _none()


# --- the sections --------------------------------------------------------------------------------


def _header(summary: Summary) -> RenderableType:
    header = summary.header
    lines = Table.grid(padding=(0, 2))
    lines.add_column(style="dim", no_wrap=True)
    lines.add_column(overflow="fold")
    for label, value, style in (
        (_("Wijk"), header.wijk, ""),
        (_("Datum"), header.date_text, ""),
        (_("Plaats"), header.place, ""),
        (_("Procesbegeleider"), header.facilitator, ""),
        (_("Vraagstuk"), header.question, "italic"),
        (_("Volgende sessie"), header.next_date_text, ""),
        (_("Vorige sessie"), header.previous_session, ""),
    ):
        if value:
            lines.add_row(label, _t(value, style))
    title = _join(Text(_("Samenvatting"), style="dim"), _t(header.title, "bold"), sep=" · ")
    return Panel(lines, title=title, title_align="left", border_style="blue", box=box.ROUNDED)


def _own(summary: Summary) -> RenderableType:
    if not summary.own:
        return Text("  " + _("Je hebt in deze sessie (nog) niets toegezegd."), style="dim")
    table = _table(_("Wat"), _("Doel"), _("Wanneer"), _("Status"))
    for line in summary.own:
        table.add_row(_what(line), _t(line.goal, "dim"), _due(line), _status(line))
    return table


def _attendance(summary: Summary) -> RenderableType:
    count = Text(
        _("{present} aanwezig, {absent} afwezig.").format(
            present=summary.present_count, absent=summary.absent_count
        ),
        "dim",
    )
    table = _table(_("Organisatie"), _("Deelnemers"))
    for group in summary.attendance:
        organisation = _t(group.organisation or _(NO_ORGANISATION), "bold")
        if group.sector:
            organisation.append(_t(f"\n{group.sector}", "dim"))
        table.add_row(organisation, Text("\n").join(_person(p) for p in group.people))
    return Group(count, table)


def _person(person: Person) -> Text:
    line = _join(_t(person.name, "" if person.present else "dim"), Text(f"({person.role})", "dim"))
    if not person.present:
        line.append(" " + _("afwezig"), style="italic red")
    contact = ", ".join(part for part in (person.email, person.phone) if part)
    if contact:
        line.append("\n  ").append(_t(contact, "cyan"))
    return line


def _work(summary: Summary) -> RenderableType:
    blocks: list[RenderableType] = []
    for work in summary.work:
        sector = _t(f"({work.sector})", "dim") if work.sector else ""
        blocks.append(_join(_t(work.organisation, "bold"), sector))
        if work.interests:
            wants = _("wil: {interests}").format(interests="; ".join(work.interests))
            blocks.append(_bullets([_t(wants, "dim italic")], " "))
        initiatives = [_initiative(i) for i in work.initiatives]
        blocks.append(_bullets(initiatives or [Text(_("geen initiatieven genoemd"), "dim")]))
    return Group(*blocks)


def _initiative(initiative: InitiativeLine) -> Text:
    line = _t(initiative.name)
    if initiative.themes:
        line.append(_t(f" — {', '.join(initiative.themes)}", "dim"))
    if initiative.contact:
        contact = _("contact: {name}").format(name=initiative.contact)
    else:
        contact = _("geen contactpersoon")
    if initiative.backup:
        contact += _(", reserve: {name}").format(name=initiative.backup)
    return line.append(_t(f" · {contact}", "cyan" if initiative.contact else "red"))


def _findings(summary: Summary) -> Iterator[RenderableType]:
    findings = summary.findings
    strangers = _("kennen elkaar nog niet")
    yield Text(_("Overlap: verbind deze initiatieven"), style="bold")
    yield _bullets(
        _join(
            _t(f"{o.first} ({o.first_organisation})"),
            Text("↔"),
            _t(f"{o.second} ({o.second_organisation})"),
            _t(f"— {o.reason}; {o.connected or strangers}", "dim"),
        )
        for o in findings.overlaps
    )
    if findings.more_overlaps:
        yield _t("  " + more_overlaps(findings.more_overlaps), "dim")
    yield Text(_("Gaten: vragen waar niemand aan werkt"), style="bold")
    yield _bullets(_join(_t(g.question), _t(f"({g.reason})", "dim")) for g in findings.gaps)
    if findings.uncovered_themes:
        themes = ", ".join(findings.uncovered_themes)
        yield _t("  " + _("Thema's zonder initiatief: {themes}").format(themes=themes), "dim")
    yield Text(_("Zwakke schakels: waar het netwerk aan één persoon hangt"), style="bold")
    yield _bullets(_t(link.reason) for link in findings.weak_links)


def _goals(summary: Summary) -> RenderableType:
    table = _table("#", _("Doel"), _("Stemmen"), _("Coalitie"))
    for goal in summary.goals:
        text = _t(goal.text, "bold")
        for question in goal.questions:
            text.append(_t("\n" + _("↳ vraag: {question}").format(question=question), "dim"))
        coalition = _t("\n".join(goal.coalition) or "—")
        if goal.hidden:  # a blind voting round is open
            table.add_row("–", text, _t(_("verborgen"), "dim"), coalition)
        else:
            table.add_row(str(goal.rank), text, str(goal.votes), coalition)
    return table


def _agreement(agreement: AgreementLine) -> RenderableType:
    status = Text(f"[{agreement.status_label}]", style=_STATUS_STYLE.get(agreement.status, ""))
    notes = []
    for note in (*agreement.objections, *agreement.reservations):
        line = _join(Text(note.stance_label, "red" if note.stance == "bezwaar" else "yellow"))
        line.append(_t(f" — {note.person}"))
        if note.note:
            line.append(_t(f": “{note.note}”", "italic"))
        notes.append(line)
    lines: list[RenderableType] = [
        _bullets([_join(status, _t(agreement.text, "bold"))], " "),
        _bullets([_t(agreement.outcome, "dim")], " "),
    ]
    if notes:
        lines.append(Padding(_bullets(notes, "–"), (0, 0, 0, 2)))
    return Padding(Group(*lines), (0, 0, 1, 0))


def _what(line: CommitmentLine) -> Text:
    what = _t(line.what, "strike dim" if line.status == "vervallen" else "")
    if line.note:
        what.append(_t(f"\n{line.note}", "dim italic"))
    return what


def _due(line: CommitmentLine) -> Text:
    return _t(line.due_text or _("geen datum"), "bold red" if line.overdue else "")


def _status(line: CommitmentLine) -> Text:
    status = Text(line.status_label, style=_STATUS_STYLE.get(line.status, ""))
    if line.overdue:
        status.append(" · " + _("te laat"), style="bold red")
    if line.carried_over:
        status.append("\n" + _("↻ uit vorige sessie"), style="dim")
    return status


def _by_person(groups: Iterable[CommitmentGroup]) -> RenderableType:
    table = _table(_("Wie"), _("Wat"), _("Wanneer"), _("Status"))
    for group in groups:
        who = _t(group.title, "bold")
        if group.own:
            who.append(" " + _("(jij)"), style="bold")
        if group.detail:
            who.append(_t(f"\n{group.detail}", "dim"))
        for index, line in enumerate(group.commitments):
            cell = who if index == 0 else Text()
            if not line.person:  # promised by an organisation: name it on every line
                cell = _join(cell, _t(line.organisation, "dim"), sep="\n")
            table.add_row(cell, _what(line), _due(line), _status(line))
        table.add_section()
    return table


def _by_goal(groups: Iterable[CommitmentGroup]) -> RenderableType:
    blocks: list[RenderableType] = []
    for group in groups:
        table = _table(_("Wat"), _("Wie"), _("Wanneer"), _("Status"))
        for line in group.commitments:
            who = _join(_t(line.person), _t(line.organisation, "dim"), sep="\n")
            table.add_row(_what(line), who, _due(line), _status(line))
        blocks += [_t(group.title, "bold"), Padding(table, (0, 0, 1, 2))]
    return Group(*blocks)


def _open_questions(summary: Summary) -> RenderableType:
    items = []
    for question in summary.open_questions:
        line = _t(question.text)
        if question.source:
            line.append(_t(f" ({question.source})", "dim"))
        items.append(line)
    return _bullets(items)


def _agenda(summary: Summary) -> RenderableType:
    table = _table(_("Fase"), _("Gepland"), _("Besteed"), expand=False)
    for item in summary.agenda:
        spent = minutes(item.spent_minutes) if item.spent_minutes else "—"
        style = "yellow" if item.spent_minutes > item.planned_minutes else ""
        table.add_row(item.phase, minutes(item.planned_minutes), Text(spent, style=style))
    planned = sum(item.planned_minutes for item in summary.agenda)
    spent = sum(item.spent_minutes for item in summary.agenda)
    table.add_section()
    table.add_row(Text(_("Totaal"), "bold"), minutes(planned), minutes(spent) if spent else "—")
    return table


def _footer(summary: Summary) -> Text:
    privacy = (
        _("Contactgegevens alleen van wie daar toestemming voor gaf.")
        if summary.with_contact
        else _("Zonder contactgegevens.")
    )
    made = _("Samenvatting gemaakt op {date} met wijksessie. {privacy}")
    return Text(made.format(date=summary.header.made_on_text, privacy=privacy), style="dim")
