"""The network over time for people and machines: text, Markdown, HTML and JSON of one ``Overview``.

Every format shows the same table (``over_time.INDICATORS``, a row per indicator and a column
per session, so growth reads left to right), the totals, the commitments per organisation, the
names that may be one organisation, and the sessions that could not be read. None carries a
resident's name or anyone's contact details: the overview holds neither, and a proposed match
of two people of whom one is a resident is counted, not shown.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from wijksessie.domain.dates import short_date
from wijksessie.domain.matching import Candidate, Kind
from wijksessie.domain.model import choice_label
from wijksessie.domain.over_time import (
    INDICATORS,
    Indicator,
    Kept,
    Overview,
    SessionIndicators,
)
from wijksessie.domain.text import visible
from wijksessie.i18n import _, current_language, ngettext

FORMATS: tuple[str, ...] = ("text", "md", "html", "json")
SUFFIXES: dict[str, str] = {"text": "txt", "md": "md", "html": "html", "json": "json"}

_COLUMNS = 6
"""Sessions per table in text and Markdown: six fit 100 columns beside the labels."""
_LABEL = 34
_CELL = 11
_KEPT_CELL = 10
_WIDTH = 100
"""Text lines stay within a hundred columns: a terminal beside the projector."""


def render_overview(overview: Overview, fmt: str) -> str:
    """The overview in ``fmt`` (one of ``FORMATS``) as a string."""
    renderers: dict[str, Callable[[Overview], str]] = {
        "text": to_text,
        "md": to_markdown,
        "html": to_html,
        "json": to_json,
    }
    return renderers[fmt](overview)


# -- shared ------------------------------------------------------------------------------------


def cell(indicator: Indicator, session: SessionIndicators) -> str:
    """One indicator's value as shown: a count, or a share as a whole percentage."""
    value = indicator.value(session)
    return f"{round(value * 100)}%" if indicator.share else str(int(value))


def shown_candidates(overview: Overview) -> tuple[list[Candidate], int]:
    """The proposed matches a report may name, and how many it only counts (residents)."""
    named = [c for c in overview.candidates if not c.resident]
    return named, len(overview.candidates) - len(named)


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[start : start + size] for start in range(0, len(items), size)] or [()]


def kept_cells(kept: Kept) -> list[str]:
    return [str(n) for n in (kept.made, kept.done, kept.dropped, *kept.open_after)]


def kept_headers() -> list[str]:
    return [
        _("toegezegd"),
        _("nagekomen"),
        _("vervallen"),
        _("nog open"),
        _("open na 1"),
        _("open na 2"),
        _("open na 3+"),
    ]


def totals_lines(overview: Overview) -> list[tuple[str, str]]:
    t = overview.totals
    kinds = ", ".join(f"{n} {choice_label(kind.value)}" for kind, n in t.connections)
    return [
        (_("sessies"), f"{t.sessions} ({_('reeksen')}: {t.chains})"),
        (_("organisaties"), str(t.organisations)),
        (_("mensen"), f"{t.people} ({_('terugkerend')}: {t.returning_people})"),
        (_("bewoners"), str(t.residents)),
        (_("verbindingen nu"), kinds),
        (_("verbindingen omhoog"), str(t.moved_up)),
        (
            _("overlap"),
            f"{t.overlaps_found} ({_('verbonden of samengegaan')}: {t.overlaps_resolved})",
        ),
        (_("vragen van bewoners beantwoord"), str(t.gaps_closed)),
        (_("afspraken aangenomen"), str(t.agreements_adopted)),
        (
            _("toezeggingen"),
            _("{made}: {done} nagekomen, {dropped} vervallen, {open} open").format(
                made=t.commitments.made,
                done=t.commitments.done,
                dropped=t.commitments.dropped,
                open=t.commitments.open,
            ),
        ),
    ]


def _candidate_line(candidate: Candidate) -> str:
    kind = _("organisatie") if candidate.kind is Kind.ORGANISATION else _("persoon")
    return f"{kind}: {candidate.first} ≈ {candidate.second} ({candidate.score}%)"


def _title() -> str:
    return _("Het netwerk door de tijd")


# -- text --------------------------------------------------------------------------------------


def to_text(overview: Overview) -> str:
    """Plain text for a terminal: tables of six sessions, then the rest as short lists."""
    lines = [_title(), "=" * len(_title()), ""]
    lines += _filter_lines(overview)
    for number, chunk in enumerate(_chunks(overview.sessions, _COLUMNS)):
        first = number * _COLUMNS
        lines += _text_table(chunk, first)
        lines.append("")
    lines += [_("Totaal"), "-" * len(_("Totaal"))]
    lines += [f"{label:<{_LABEL}}{value}" for label, value in totals_lines(overview)]
    lines += ["", _("Toezeggingen per organisatie"), "-" * len(_("Toezeggingen per organisatie"))]
    label, width = _WIDTH - 7 * _KEPT_CELL, _KEPT_CELL
    headers = "".join(f"{h[: width - 1]:>{width}}" for h in kept_headers())
    lines.append(f"{'':<{label}}{headers}")
    for row in overview.organisations:
        if row.commitments.made:
            name = visible(row.name)[: label - 1]
            cells = "".join(f"{c:>{width}}" for c in kept_cells(row.commitments))
            lines.append(f"{name:<{label}}{cells}")
    lines += _text_candidates(overview)
    lines += _text_problems(overview)
    return "\n".join(lines).rstrip() + "\n"


def _filter_lines(overview: Overview) -> list[str]:
    if not overview.filters:
        return []
    shown = ", ".join(f"{name} {visible(value)}" for name, value in overview.filters)
    return [_("Alleen: {filters}").format(filters=shown), ""]


def _text_table(sessions: Sequence[SessionIndicators], first: int) -> list[str]:
    if not sessions:
        return [_("Geen sessies gevonden.")]
    heads = [
        "".join(f"{'#' + str(first + i + 1):>{_CELL}}" for i in range(len(sessions))),
        "".join(f"{short_date(s.date):>{_CELL}}" for s in sessions),
        "".join(f"{visible(s.title)[: _CELL - 1]:>{_CELL}}" for s in sessions),
    ]
    lines = [f"{'':<{_LABEL}}{head}" for head in heads]
    for indicator in INDICATORS:
        label = ("  " if indicator.detail else "") + _(indicator.label)
        cells = "".join(f"{cell(indicator, s):>{_CELL}}" for s in sessions)
        lines.append(f"{label:<{_LABEL}}{cells}")
    return lines


def candidate_lines(overview: Overview) -> list[str]:
    """One line per proposed match a report may name, then the count of the residents' ones."""
    named, withheld = shown_candidates(overview)
    lines = [visible(_candidate_line(candidate)) for candidate in named]
    if withheld:
        lines.append(
            ngettext(
                "{count} mogelijke koppeling van bewoners (namen niet getoond)",
                "{count} mogelijke koppelingen van bewoners (namen niet getoond)",
                withheld,
            ).format(count=withheld)
        )
    return lines


def _text_candidates(overview: Overview) -> list[str]:
    found = candidate_lines(overview)
    if not found:
        return []
    title = _("Misschien dezelfde (bevestig of verwerp in het koppelingenbestand)")
    lines = ["", title, "-" * len(title)]
    for line in found:
        lines += textwrap.wrap(line, _WIDTH)
    return lines


def _text_problems(overview: Overview) -> list[str]:
    if not overview.problems:
        return []
    title = _("Niet meegeteld")
    lines = ["", title, "-" * len(title)]
    for problem in overview.problems:
        lines += textwrap.wrap(visible(f"{problem.file}: {problem.message}"), _WIDTH)
    return lines


# -- Markdown ----------------------------------------------------------------------------------


def to_markdown(overview: Overview) -> str:
    """Markdown tables (eight sessions each), for a wiki, a mail or a conversion to Word."""
    out = [f"# {_title()}", ""]
    if overview.filters:
        out += [_md(_filter_lines(overview)[0]), ""]
    for number, chunk in enumerate(_chunks(overview.sessions, 8)):
        if not chunk:
            out += [_("Geen sessies gevonden."), ""]
            continue
        heads = [
            f"#{number * 8 + i + 1} {short_date(s.date)} {_md(s.title)}"
            for i, s in enumerate(chunk)
        ]
        out.append("| " + " | ".join([_("indicator"), *heads]) + " |")
        out.append("| --- |" + " ---: |" * len(chunk))
        for indicator in INDICATORS:
            label = ("↳ " if indicator.detail else "") + _(indicator.label)
            out.append("| " + " | ".join([label, *(cell(indicator, s) for s in chunk)]) + " |")
        out.append("")
    out += [f"## {_('Totaal')}", ""]
    out += [f"- **{label}**: {_md(value)}" for label, value in totals_lines(overview)]
    out += ["", f"## {_('Toezeggingen per organisatie')}", ""]
    out.append("| " + " | ".join([_("organisatie"), *kept_headers()]) + " |")
    out.append("| --- |" + " ---: |" * 7)
    for row in overview.organisations:
        if row.commitments.made:
            out.append("| " + " | ".join([_md(row.name), *kept_cells(row.commitments)]) + " |")
    named, withheld = shown_candidates(overview)
    if named or withheld:
        out += ["", f"## {_('Misschien dezelfde')}", ""]
        out += [f"- {_md(_candidate_line(c))}" for c in named]
        if withheld:
            out.append(f"- {candidate_lines(overview)[-1]}")
    if overview.problems:
        out += ["", f"## {_('Niet meegeteld')}", ""]
        out += [f"- {_md(p.file)}: {_md(p.message)}" for p in overview.problems]
    return "\n".join(out).rstrip() + "\n"


def _md(text: str) -> str:
    """Typed text inside Markdown: no table breaks, no markup, no raw HTML."""
    text = " ".join(visible(text).split())
    for char in "\\|*_`[]<>#":
        text = text.replace(char, "\\" + char)
    return text


# -- JSON --------------------------------------------------------------------------------------


def overview_data(overview: Overview) -> dict[str, Any]:
    """Every number of the overview as plain JSON values, keyed in English."""
    named, withheld = shown_candidates(overview)
    return {
        "format": "wijksessie-netwerk",
        "versie": 1,
        "filters": dict(overview.filters),
        "sessions": [_session_data(s) for s in overview.sessions],
        "totals": {
            **{
                key: getattr(overview.totals, key)
                for key in (
                    "sessions",
                    "chains",
                    "organisations",
                    "people",
                    "residents",
                    "returning_people",
                    "moved_up",
                    "overlaps_found",
                    "overlaps_resolved",
                    "gaps_closed",
                    "agreements_adopted",
                )
            },
            "connections": {kind.value: n for kind, n in overview.totals.connections},
            "commitments": _kept_data(overview.totals.commitments),
        },
        "organisations": [
            {
                "id": row.id,
                "name": row.name,
                "sector": row.sector,
                "sessions": row.sessions,
                "first_seen": row.first_seen.isoformat() if row.first_seen else None,
                "last_seen": row.last_seen.isoformat() if row.last_seen else None,
                "verbinders": row.verbinders,
                "commitments": _kept_data(row.commitments),
            }
            for row in overview.organisations
        ],
        "candidates": [
            {"kind": c.kind.value, "a": c.first, "b": c.second, "score": c.score} for c in named
        ],
        "resident_candidates": withheld,
        "problems": [
            {"file": p.file, "message": p.message, "newer": p.newer} for p in overview.problems
        ],
    }


def _session_data(session: SessionIndicators) -> dict[str, Any]:
    data: dict[str, Any] = {
        "file": session.file,
        "title": session.title,
        "wijk": session.wijk,
        "date": session.date.isoformat() if session.date else None,
        "chain": session.chain,
        "follows": session.follows or None,
    }
    for indicator in INDICATORS:
        value = indicator.value(session)
        data[indicator.key] = round(value, 4) if indicator.share else int(value)
    data["verbinders_per_organisation"] = round(session.verbinders_per_organisation, 4)
    data["commitments"] = _kept_data(session.commitments)
    return data


def _kept_data(kept: Kept) -> dict[str, Any]:
    return {
        "made": kept.made,
        "done": kept.done,
        "dropped": kept.dropped,
        "open_after": list(kept.open_after),
    }


def to_json(overview: Overview) -> str:
    """The overview as indented JSON (UTF-8 text, names as typed)."""
    return json.dumps(overview_data(overview), ensure_ascii=False, indent=1) + "\n"


# -- HTML --------------------------------------------------------------------------------------


def to_html(overview: Overview) -> str:
    """One self-contained page: the table with a bar in every cell, printable on A4 landscape."""
    rows = []
    for indicator in INDICATORS:
        values = [indicator.value(s) for s in overview.sessions]
        top = max(values, default=0) or 1
        rows.append(
            {
                "label": _(indicator.label),
                "detail": indicator.detail,
                "cells": [
                    (cell(indicator, s), round(100 * v / top))
                    for s, v in zip(overview.sessions, values, strict=True)
                ],
            }
        )
    named, withheld = shown_candidates(overview)
    from markupsafe import Markup

    from wijksessie.render.plates import legend, plate_rows

    plates = [(title, [Markup(svg) for svg in svgs]) for title, svgs in plate_rows(overview)]
    return _template().render(
        plates=plates,
        plate_legend=[(Markup(swatch), words) for swatch, words in legend()],
        lang=current_language(),
        title=_title(),
        o=overview,
        filters=_filter_lines(overview)[:1],
        dates=[short_date(s.date) for s in overview.sessions],
        rows=rows,
        totals=totals_lines(overview),
        kept_headers=kept_headers(),
        organisations=[
            (row.name, kept_cells(row.commitments))
            for row in overview.organisations
            if row.commitments.made
        ],
        candidates=[_candidate_line(c) for c in named],
        withheld=candidate_lines(overview)[-1] if withheld else "",
    )


@cache
def _template() -> Any:
    from wijksessie.render.templating import environment

    return environment().get_template("over_time.html.j2")
