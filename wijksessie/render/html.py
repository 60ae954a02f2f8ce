"""The summary as one self-contained, printable HTML page for participants to take home.

Everything typed is escaped (``<script>`` too is shown, never run), with control characters
made visible first; the page carries its own CSS (``templates/summary.css``, with an A4 print
stylesheet) and links to nothing: it must open the same from a mail attachment, a USB stick or
a printer, years later, without a network.

The page is written here in Python, not from a Jinja2 template as before: importing Jinja2 took
a fifth of a cold ``wijksessie summary --format html`` (issue 17, point 9), more than building
the summary. The page is byte for byte what the template made, and keeps its rules:

- a value (``_v``) is shown through ``visible`` and then escaped, whatever its type;
- a sentence of the catalogue (``_()``, ``ngettext``) is the translator's text as it is, with
  its ``%(name)s`` values escaped by ``_fill`` (not made visible: text a user typed that goes
  into a sentence passes ``visible`` first, where it is given);
- what is already HTML (a section, the SVG of a figure) is put in as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

from wijksessie.domain.summary import (
    CommitmentGroup,
    CommitmentLine,
    Findings,
    Header,
    Summary,
)
from wijksessie.domain.text import visible
from wijksessie.i18n import _, current_language, ngettext
from wijksessie.render.figures import Figure
from wijksessie.render.xml_text import escape_html

STYLE = Path(__file__).parent / "templates" / "summary.css"
COMPACT = 100
"""From this many commitments or initiatives the page prints compactly: the commitments once
(per person), no initiative descriptions, smaller type. The large benchmark session (1,000
commitments, 500 initiatives) printed to 348 A4 pages before."""


_OWN = "<!--wijksessie:own-->"
_BY_PERSON = "<!--wijksessie:by-person-->"
"""Where a page for everyone (``pages_for``) takes each reader's own parts."""


def to_html(summary: Summary, figures: Sequence[Figure] = ()) -> str:
    """The summary as a complete HTML document, with ``figures`` drawn inline."""
    return _page(summary, figures, splice=False)


def pages_for(
    summary: Summary, readers: Iterable[Summary], figures: Sequence[Figure] = ()
) -> Iterator[str]:
    """``to_html`` of each of ``readers`` (``summary`` as each one's own view, see
    ``domain.summary.for_reader``), the same pages, made fast enough for 300 at once.

    Only two parts of a page depend on its reader: "Jouw toezeggingen" and the order of the
    commitments per person (theirs first, marked). So the page is made once with a mark where
    each goes, every person's group once, and each reader's page is the page with their own
    parts put in: the large session's 300 pages take seconds, not minutes.
    """
    if not summary.by_person:  # no table to put groups in: each page as it is
        yield from (to_html(reader, figures) for reader in readers)
        return
    base = _page(summary, figures, splice=True)
    pieces = _pieces(base)
    groups = {group.participant_id: _person_group(group) for group in summary.by_person}
    for reader in readers:
        own = _own_section(reader)
        parts = "\n    ".join(
            _person_group(group) if group.own else groups[group.participant_id]
            for group in reader.by_person
        )
        if pieces is not None and _BY_PERSON not in own:
            head, middle, tail = pieces
            yield "".join((head, own, middle, parts, tail))
        else:
            yield base.replace(_OWN, own, 1).replace(_BY_PERSON, parts, 1)


def _pieces(base: str) -> tuple[str, str, str] | None:
    """``base`` cut at its first own mark and the first by-person mark after it, when the own
    mark comes first: each reader's page is then the pieces joined with their parts, where
    replacing the marks searched and copied every 1.4 MB page twice (0.3 s of the large
    session's ``--iedereen``). ``None`` when the marks are not in that order."""
    at_own = base.find(_OWN)
    at_by_person = base.find(_BY_PERSON)
    if not 0 <= at_own < at_by_person:
        return None
    return (
        base[:at_own],
        base[at_own + len(_OWN) : at_by_person],
        base[at_by_person + len(_BY_PERSON) :],
    )


# --- how a value and a sentence are shown --------------------------------------------------------


def _v(value: object) -> str:
    """A value as the page shows it: control characters visible, then escaped; a text with
    right-to-left letters in its own ``<bdi>`` (see ``_isolated``)."""
    if not isinstance(value, str):
        return escape_html(str(value))
    return _isolated(value, escape_html(visible(value)))


def _fill(sentence: str, **values: object) -> str:
    """A sentence of the catalogue (already translated) with its ``%(name)s`` values escaped."""
    return sentence % {
        k: _isolated(v, escape_html(v)) if isinstance(v, str) else v for k, v in values.items()
    }


_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left scripts."""


def _isolated(text: str, html: str) -> str:
    """``html`` (``text`` escaped) in a ``<bdi>`` when ``text`` has right-to-left letters.

    Without it the browser's bidirectional ordering runs an Arabic name into what stands next
    to it: "…, جمعية الجيران (1)" showed its "(1)" before the name, as if it were the count
    of the name before. Latin text is left as it is (no extra markup in every cell)."""
    return f"<bdi>{html}</bdi>" if _RIGHT_TO_LEFT.search(text) else html


@cache
def _style() -> str:
    return STYLE.read_text(encoding="utf-8")


# --- the page ------------------------------------------------------------------------------------
# A translated word is never called inside an f-string: the catalogue's extractor does not look
# there (Python 3.11), so it is passed in or named first.


def _page(s: Summary, figures: Sequence[Figure], *, splice: bool) -> str:
    h = s.header
    compact = max(len(s.commitments), sum(len(w.initiatives) for w in s.work)) >= COMPACT
    title = _("Samenvatting")
    out = [
        "<!DOCTYPE html>\n",
        f'<html lang="{_v(current_language())}">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="generator" content="wijksessie">\n',
        f"<title>{title} · {_v(h.title)}</title>\n<style>\n",
        _style(),
        "</style>\n</head>\n",
        '<body class="compact">\n' if compact else "<body>\n",
        "<main>\n",
    ]
    _header(out, s, h)
    if s.reader:
        out.append(_own_section(s) + "\n")
    elif splice:
        out.append(_OWN + "\n")
    out.append("\n")
    _attendance(out, s)
    _work(out, s)
    _findings(out, s.findings)
    _figures(out, figures)
    _goals(out, s)
    _agreements(out, s)
    _by_person(out, s, splice=splice)
    _by_goal(out, s, compact=compact)
    _questions_and_parking(out, s)
    _agenda(out, s)
    made = _fill(_("Samenvatting gemaakt op %(date)s met wijksessie."), date=h.made_on_text)
    out.append(f"<footer>\n  {made}\n")
    if s.with_contact:
        out.append(_("Contactgegevens staan er alleen in van wie daar toestemming voor gaf."))
    else:
        out.append(_("Zonder contactgegevens."))
    out.append("</footer>\n</main>\n</body>\n</html>\n")
    return "".join(out)


def _section(anchor: str, title: str) -> str:
    """A section's opening and its heading."""
    return f'<section id="{anchor}">\n  <h2>{title}</h2>\n'


def _muted(text: str) -> str:
    """The line a section shows when it has nothing to show."""
    return f'  <p class="muted">{text}</p>\n'


def _thead(*titles: str) -> str:
    """A table's header row, indented as in the page."""
    cells = "".join(f"<th>{title}</th>" for title in titles)
    return f"    <thead><tr>{cells}</tr></thead>\n"


def _header(out: list[str], s: Summary, h: Header) -> None:
    kicker = _("Samenvatting netwerksessie") + (f" · {_v(h.wijk)}" if h.wijk else "")
    out.append(f'<header>\n  <p class="kicker">{kicker}</p>\n  <h1>{_v(h.title)}</h1>\n')
    out.append('  <dl class="facts">\n')
    facts = (
        (_("Datum"), h.date_text),
        (_("Plaats"), h.place),
        (_("Procesbegeleider"), h.facilitator),
        (_("Volgende sessie"), h.next_date_text),
        (_("Vorige sessie"), h.previous_session),
    )
    out.extend(f"    <dt>{label}</dt><dd>{_v(value)}</dd>\n" for label, value in facts if value)
    out.append("  </dl>\n")
    if h.question:
        label = _("Vraagstuk")
        out.append(
            f'  <p class="question"><span class="label">{label}</span>{_v(h.question)}</p>\n'
        )
    present = (
        _fill(_("aanwezig, %(count)s afwezig"), count=s.absent_count)
        if s.absent_count
        else _("aanwezig")
    )
    goals, agreements, commitments = len(s.goals), len(s.agreements), len(s.commitments)
    agreed = sum(1 for a in s.agreements if a.status == "aangenomen")
    goal_words = ngettext("gezamenlijk doel", "gezamenlijke doelen", goals)
    agreed_words = ngettext(
        "van %(num)s afspraak aangenomen", "van %(num)s afspraken aangenomen", agreements
    )
    commitment_words = ngettext("toezegging", "toezeggingen", commitments)
    stats = (
        (s.present_count, present),
        (goals, _fill(goal_words, num=goals)),
        (agreed, _fill(agreed_words, num=agreements)),
        (commitments, _fill(commitment_words, num=commitments)),
    )
    out.append('  <ul class="stats">\n')
    out.extend(f"    <li><strong>{n}</strong><span>{words}</span></li>\n" for n, words in stats)
    alert = ' class="alert"' if s.overdue_count else ""
    late = _("over de datum")
    out.append(
        f"    <li{alert}><strong>{s.overdue_count}</strong><span>{late}</span></li>\n"
        "  </ul>\n</header>\n\n"
    )


def _attendance(out: list[str], s: Summary) -> None:
    out.append(_section("wie-waren-er", _("Wie waren er")))
    if not s.attendance:
        out.append(_muted(_("Geen deelnemers vastgelegd.")) + "</section>\n\n")
        return
    out.append('  <table class="cards">\n')
    out.append(_thead(_("Organisatie"), _("Deelnemers")) + "    <tbody>\n")
    absent = _("afwezig")
    for group in s.attendance:
        organisation = _v(group.organisation) if group.organisation else _("Zonder organisatie")
        sector = f'<br><span class="sector">{_v(group.sector)}</span>' if group.sector else ""
        out.append(
            f'      <tr>\n        <th scope="row">{organisation}{sector}</th>\n'
            '        <td><ul class="people">\n'
        )
        for p in group.people:
            mark = "" if p.present else ' class="absent"'
            away = "" if p.present else f" <em>({absent})</em>"
            contact = " · ".join(part for part in (p.email, p.phone) if part)
            reach = f'<br><span class="contact">{_v(contact)}</span>' if contact else ""
            out.append(
                f'          <li{mark}><span class="name">{_v(p.name)}</span> '
                f'<span class="role">· {_v(p.role)}</span>{away}{reach}</li>\n'
            )
        out.append("        </ul></td>\n      </tr>\n")
    out.append("    </tbody>\n  </table>\n</section>\n\n")


def _work(out: list[str], s: Summary) -> None:
    out.append(_section("wie-doet-wat", _("Wie doet wat")))
    if not s.work:
        out.append(_muted(_("Nog geen organisaties vastgelegd.")) + "</section>\n\n")
        return
    l_initiative, l_themes, l_contact = _("Initiatief"), _("Thema's"), _("Contact")
    out.append(
        '  <table class="work cards">\n'
        '    <colgroup><col class="w-org"><col class="w-initiative"><col class="w-themes">'
        "<col></colgroup>\n"
    )
    out.append(_thead(_("Organisatie"), l_initiative, l_themes, l_contact))
    nobody, none_named = _("niemand"), _("geen initiatieven genoemd")
    for w in s.work:
        organisation = _v(w.organisation)
        if w.sector:
            organisation += f'<br><span class="sector">{_v(w.sector)}</span>'
        if w.interests:
            wants = _fill(_("Wil: %(interests)s"), interests=visible("; ".join(w.interests)))
            organisation += f'<div class="interests">{wants}</div>'
        out.append("    <tbody>\n")
        if not w.initiatives:
            out.append(
                f'      <tr>\n        <th scope="row">{organisation}</th>\n'
                f'        <td colspan="3" class="muted">{none_named}</td>\n'
                "      </tr>\n"
            )
        for index, i in enumerate(w.initiatives):
            out.append("      <tr>\n")
            if index == 0:
                out.append(
                    f'        <th scope="rowgroup" rowspan="{len(w.initiatives)}">'
                    f"{organisation}</th>\n"
                )
            description = (
                f'<span class="note description">{_v(i.description)}</span>'
                if i.description
                else ""
            )
            themes = "".join(f'<span class="tag">{_v(t)}</span>' for t in i.themes)
            contact = _v(i.contact) if i.contact else f'<span class="badge late">{nobody}</span>'
            if i.backup:
                backup = _fill(_("reserve: %(name)s"), name=visible(i.backup))
                contact += f'<br><span class="muted">{backup}</span>'
            out.append(
                f'        <td data-label="{l_initiative}">{_v(i.name)}{description}</td>\n'
                f'        <td data-label="{l_themes}">{themes}</td>\n'
                f'        <td data-label="{l_contact}">{contact}</td>\n'
                "      </tr>\n"
            )
        out.append("    </tbody>\n")
    out.append("  </table>\n</section>\n\n")


def _findings(out: list[str], f: Findings) -> None:
    """The three cards of "Wat opvalt". A note after a list (more overlaps, themes nobody
    works on) and a card's "nothing found" stand on the line of what follows, as the page
    always had them."""
    out.append(_section("wat-opvalt", _("Wat opvalt")))
    out.append('  <div class="findings">\n' + _card(_("Overlap: verbind deze initiatieven")))
    if f.overlaps:
        out.append("      <ul>\n")
        also, strangers = _("en"), _("kennen elkaar nog niet")
        for o in f.overlaps:
            connected = _v(o.connected) if o.connected else strangers
            out.append(
                f"        <li><strong>{_v(o.first)}</strong> ({_v(o.first_organisation)}) {also} "
                f"<strong>{_v(o.second)}</strong> ({_v(o.second_organisation)})\n"
                f'          <span class="note">{_v(o.reason)}; {connected}</span></li>\n'
            )
        out.append("      </ul>\n")
        if f.more_overlaps:
            more = ngettext(
                "… en nog %(num)s mogelijke verbinding.",
                "… en nog %(num)s mogelijke verbindingen.",
                f.more_overlaps,
            )
            out.append(_note(_fill(more, num=f.more_overlaps)))
    else:
        out.append(_note(_("Geen overlap gevonden.")))
    out.append("    </div>\n" + _card(_("Gaten: vragen waar niemand aan werkt")))
    if f.gaps:
        out.append("      <ul>\n")
        out.extend(
            f'        <li>{_v(g.question)} <span class="note">{_v(g.reason)}</span></li>\n'
            for g in f.gaps
        )
        out.append("      </ul>\n")
    else:
        out.append(_note(_("Elke vraag heeft een initiatief.")))
    if f.uncovered_themes:
        themes = visible(", ".join(f.uncovered_themes))
        out.append(_note(_fill(_("Thema's zonder initiatief: %(themes)s"), themes=themes)))
    out.append(
        "    </div>\n"
        + _card(_("Zwakke schakels: waar het netwerk aan één persoon hangt"), wide=True)
    )
    if f.weak_links:
        out.append("      <ul>\n")
        out.extend(f"        <li>{_v(w.reason)}</li>\n" for w in f.weak_links)
        out.append("      </ul>\n")
    else:
        out.append(_note(_("Niets hangt aan één persoon.")))
    out.append("    </div>\n  </div>\n</section>\n\n")


def _card(title: str, *, wide: bool = False) -> str:
    """A card's opening and its heading."""
    kind = "card wide" if wide else "card"
    return f'    <div class="{kind}">\n      <h3>{title}</h3>\n'


def _note(text: str) -> str:
    """A muted line inside a card, on the line of what follows."""
    return f'<p class="muted">{text}</p>'


def _figures(out: list[str], figures: Sequence[Figure]) -> None:
    if not figures:
        out.append("\n")
        return
    out.append(_section("in-beeld", _("Het netwerk in beeld")))
    for figure in figures:
        out.append(f'  <figure class="picture">\n    {figure.svg}\n')
        if figure.rows:
            out.append('    <dl class="in-words">\n')
            out.extend(
                f"      <dt>{_v(name)}</dt><dd>{_v(what)}</dd>\n" for name, what in figure.rows
            )
            out.append("    </dl>\n")
        out.append(
            f"    <figcaption><strong>{_v(figure.title)}.</strong> {_v(figure.caption)}"
            "</figcaption>\n  </figure>\n"
        )
    out.append("</section>\n\n")


def _goals(out: list[str], s: Summary) -> None:
    out.append(_section("doelen", _("Gezamenlijke doelen")))
    if not s.goals:
        out.append(_muted(_("Nog geen doelen.")) + "</section>\n\n")
        return
    max_votes = max(g.votes for g in s.goals)
    coalition = _("Coalitie:")
    out.append('  <ol class="goals">\n')
    blind = _("blind: uitslag als de ronde sluit")
    for g in s.goals:
        if g.hidden:  # a blind round is open: no rank, no votes
            rank = '      <div class="rank">–</div>\n'
            votes = f'        <div class="votes">{blind}</div>\n'
        else:
            width = int(round(100 * g.votes / max_votes, 0)) if max_votes else 0
            counted = _fill(ngettext("%(num)s stem", "%(num)s stemmen", g.votes), num=g.votes)
            place = _fill(_("plaats %(rank)s"), rank=g.rank)
            rank = f'      <div class="rank" aria-label="{place}">{g.rank}</div>\n'
            votes = (
                f'        <div class="votes"><span class="bar"><span style="width: {width}%">'
                f"</span></span>{counted}</div>\n"
            )
        out.append(
            f'    <li class="goal">\n{rank}      <div>\n'
            f'        <div class="goal-text">{_v(g.text)}</div>\n{votes}'
        )
        if g.coalition:
            tags = "".join(f'<span class="tag">{_v(c)}</span>' for c in g.coalition)
            out.append(f'<div><span class="muted">{coalition}</span> {tags}</div>')
        if g.questions:
            asked = "".join(f"<li>{_v(q)}</li>" for q in g.questions)
            out.append(f'        <ul class="asked">\n{asked}        </ul>\n')
        out.append("      </div>\n    </li>\n")
    out.append("  </ol>\n</section>\n\n")


def _agreements(out: list[str], s: Summary) -> None:
    out.append(_section("afspraken", _("Basisafspraken")))
    if not s.agreements:
        out.append(_muted(_("Nog geen afspraken.")))
    for a in s.agreements:
        out.append(
            '  <div class="agreement">\n'
            f'    <span class="badge st-{_v(a.status)}">{_v(a.status_label)}</span>\n'
            f'    <p class="text">{_v(a.text)}</p>\n'
            f'    <div class="outcome">{_v(a.outcome)}</div>\n'
        )
        if a.objections or a.reservations:
            out.append('    <ul class="positions">\n')
            for n in a.objections + a.reservations:
                note = f": “{_v(n.note)}”" if n.note else ""
                out.append(
                    f'      <li><span class="stance stance-{_v(n.stance)}">{_v(n.stance_label)}'
                    f"</span> · {_v(n.person)}{note}</li>\n"
                )
            out.append("    </ul>\n")
        out.append("  </div>\n")
    out.append("</section>\n\n")


_COLUMNS = (
    '    <colgroup><col class="w-what"><col class="w-second"><col class="w-due"><col></colgroup>\n'
)


def _by_person(out: list[str], s: Summary, *, splice: bool) -> None:
    out.append(_section("toezeggingen-per-persoon", _("Toezeggingen per persoon")))
    if not s.by_person:
        out.append(_muted(_("Nog geen toezeggingen.")) + "</section>\n\n")
        return
    out.append(f'  <table class="commitments cards">\n{_COLUMNS}')
    out.append(_thead(_("Wat"), _("Doel"), _("Wanneer"), _("Status")))
    if splice:
        out.append(f"    {_BY_PERSON}\n")
    else:
        out.extend(f"    {_person_group(group)}\n" for group in s.by_person)
    out.append("  </table>\n</section>\n\n")


def _by_goal(out: list[str], s: Summary, *, compact: bool) -> None:
    out.append(_section("toezeggingen-per-doel", _("Toezeggingen per doel")))
    if compact:
        paper = _(
            "Op papier staan de toezeggingen alleen per persoon; per doel staan ze in de "
            "digitale versie van deze pagina."
        )
        out.append(f'<p class="print-only muted">{paper}</p>')
    if not s.by_goal:
        out.append(_muted(_("Nog geen toezeggingen.")) + "</section>\n\n")
        return
    l_what, l_who, l_when, l_status = _("Wat"), _("Wie"), _("Wanneer"), _("Status")
    out.append(f'  <table class="commitments cards">\n{_COLUMNS}')
    out.append(_thead(l_what, l_who, l_when, l_status))
    for group in s.by_goal:
        out.append(
            f'    <tbody>\n      <tr class="group"><th colspan="4">{_v(group.title)}</th></tr>\n'
        )
        for c in group.commitments:
            who = _v(c.person or c.organisation)
            if c.person and c.organisation:
                who += f'<br><span class="muted">{_v(c.organisation)}</span>'
            out.append(
                f'      <tr><td data-label="{l_what}">{_what(c)}</td>'
                f'<td data-label="{l_who}">{who}</td>'
                f'<td class="nowrap" data-label="{l_when}">{_due(c)}</td>'
                f'<td class="status-cell" data-label="{l_status}">{_status(c)}</td></tr>\n'
            )
        out.append("    </tbody>\n")
    out.append("  </table>\n</section>\n\n")


def _questions_and_parking(out: list[str], s: Summary) -> None:
    out.append('<div class="two">\n' + _section("open-vragen", _("Open vragen van inwoners")))
    if s.open_questions:
        out.append("  <ul>\n")
        for q in s.open_questions:
            source = f' <span class="note">{_v(q.source)}</span>' if q.source else ""
            out.append(f"    <li>{_v(q.text)}{source}</li>\n")
        out.append("  </ul>\n")
    else:
        out.append(_muted(_("Elke vraag van inwoners hoort bij een doel.")))
    out.append("</section>\n\n" + _section("parkeerplaats", _("Parkeerplaats")))
    if s.parking:
        items = "".join(f"<li>{_v(p)}</li>" for p in s.parking)
        out.append(f"  <ul>\n{items}  </ul>\n")
    else:
        out.append(_muted(_("Leeg.")))
    out.append("</section>\n</div>\n\n")


def _agenda(out: list[str], s: Summary) -> None:
    phase, planned, spent = _("Fase"), _("Gepland"), _("Besteed")
    out.append(
        _section("agenda", _("Agenda")) + '  <table class="agenda">\n'
        f'    <thead><tr><th>{phase}</th><th class="num">{planned}</th>'
        f'<th class="num">{spent}</th></tr></thead>\n    <tbody>\n'
    )
    minutes = _("%(minutes)s min")
    for a in s.agenda:
        over = " over" if a.spent_minutes > a.planned_minutes else ""
        used = _fill(minutes, minutes=a.spent_minutes) if a.spent_minutes else "—"
        out.append(
            f"      <tr><td>{_v(a.phase)}</td>"
            f'<td class="num">{_fill(minutes, minutes=a.planned_minutes)}</td>'
            f'<td class="num{over}">{used}</td></tr>\n'
        )
    planned_total = sum(a.planned_minutes for a in s.agenda)
    spent_total = sum(a.spent_minutes for a in s.agenda)
    used = _fill(minutes, minutes=spent_total) if spent_total else "—"
    total = _("Totaal")
    out.append(
        f"      <tr><th>{total}</th>"
        f'<th class="num">{_fill(minutes, minutes=planned_total)}</th>'
        f'<th class="num">{used}</th></tr>\n'
        "    </tbody>\n  </table>\n</section>\n\n"
    )


# --- the parts a reader's own page changes, and a commitment's cells -----------------------------


def _own_section(s: Summary) -> str:
    """ "Jouw toezeggingen" for ``s.reader`` (no line break after it)."""
    heading = _("Jouw toezeggingen") + f" · {_v(s.reader)}"
    out = [_section("jouw-toezeggingen", heading)]
    if s.own:
        l_what, l_goal, l_when, l_status = _("Wat"), _("Doel"), _("Wanneer"), _("Status")
        out.append(f'  <table class="commitments cards">\n{_COLUMNS}')
        out.append(_thead(l_what, l_goal, l_when, l_status) + "    <tbody>\n")
        out.extend(
            f'      <tr><td data-label="{l_what}">{_what(c)}</td>'
            f'<td class="goal-cell" data-label="{l_goal}">{_v(c.goal)}</td>'
            f'<td class="nowrap" data-label="{l_when}">{_due(c)}</td>'
            f'<td class="status-cell" data-label="{l_status}">{_status(c)}</td></tr>\n'
            for c in s.own
        )
        out.append("    </tbody>\n  </table>\n")
    else:
        out.append(_muted(_("Je hebt in deze sessie (nog) niets toegezegd.")))
    out.append("</section>")
    return "".join(out)


def _person_group(group: CommitmentGroup) -> str:
    """One person's commitments as a ``<tbody>`` (no line break after it)."""
    l_what, l_goal, l_when, l_status = _("Wat"), _("Doel"), _("Wanneer"), _("Status")
    title = _v(group.title)
    if group.detail:
        title += f' <span class="muted">· {_v(group.detail)}</span>'
    if group.own:
        you = _("jij")
        title += f' <span class="badge">{you}</span>'
    mine = " mine" if group.own else ""
    out = [f'<tbody>\n      <tr class="group{mine}"><th colspan="4">{title}</th></tr>\n']
    out.extend(
        f'      <tr><td data-label="{l_what}">{_what(c, name_organisation=True)}</td>'
        f'<td class="goal-cell" data-label="{l_goal}">{_v(c.goal)}</td>'
        f'<td class="nowrap" data-label="{l_when}">{_due(c)}</td>'
        f'<td class="status-cell" data-label="{l_status}">{_status(c)}</td></tr>\n'
        for c in group.commitments
    )
    if not group.commitments:
        nothing = _("Niets toegezegd.")
        out.append(f'      <tr><td colspan="4" class="muted">{nothing}</td></tr>\n')
    out.append("    </tbody>")
    return "".join(out)


def _status(c: CommitmentLine) -> str:
    html = f'<span class="badge st-{_v(c.status)}">{_v(c.status_label)}</span>'
    if c.overdue:
        late = _("te laat")
        html += f' <span class="badge late">{late}</span>'
    if c.carried_over:
        carried, title = _("↻ uit vorige sessie"), _("Meegenomen uit de vorige sessie")
        html += f' <span class="carried" title="{title}">{carried}</span>'
    return html


def _what(c: CommitmentLine, *, name_organisation: bool = False) -> str:
    dropped = " dropped" if c.status == "vervallen" else ""
    html = f'<span class="what{dropped}">'
    if name_organisation and not c.person and c.organisation:
        html += f"<strong>{_v(c.organisation)}:</strong> "
    html += f"{_v(c.what)}</span>"
    if c.note:
        html += f'<span class="note">{_v(c.note)}</span>'
    return html


def _due(c: CommitmentLine) -> str:
    if c.due_text:
        overdue = " overdue" if c.overdue else ""
        return f'<span class="due{overdue}">{_v(c.due_text)}</span>'
    no_date = _("geen datum")
    return f'<span class="muted">{no_date}</span>'
