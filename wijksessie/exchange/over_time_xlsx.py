"""The network over time as a workbook, for whoever charts the indicators in Excel.

Four sheets: the indicators (a row per session, a column per indicator: what a chart wants),
the totals, the commitments per organisation, and what was not counted. Numbers are numbers,
shares are fractions; names are text and never formulas (``exchange.cells``). Like every
overview report it names no resident and holds no contact details.
"""

from __future__ import annotations

from pathlib import Path

from wijksessie.domain.model import choice_label
from wijksessie.domain.over_time import INDICATORS, Overview
from wijksessie.exchange.cells import Value, add_sheet, new_workbook, save_workbook
from wijksessie.i18n import _


def export_overview_xlsx(overview: Overview, path: Path) -> None:
    """Write ``overview`` to ``path`` as an .xlsx workbook (replaced in one step)."""
    workbook = new_workbook()
    headers = [_("sessie"), _("datum"), _("titel"), _("wijk"), _("reeks")]
    headers += _indicator_headers()
    rows: list[list[Value]] = []
    for number, session in enumerate(overview.sessions, start=1):
        row: list[Value] = [number, session.date, session.title, session.wijk, session.chain]
        row += [
            round(indicator.value(session), 4) if indicator.share else int(indicator.value(session))
            for indicator in INDICATORS
        ]
        rows.append(row)
    add_sheet(workbook, _("Indicatoren"), headers, rows)
    totals = overview.totals
    add_sheet(
        workbook,
        _("Totaal"),
        [_("indicator"), _("aantal")],
        [
            (_("sessies"), totals.sessions),
            (_("reeksen"), totals.chains),
            (_("organisaties"), totals.organisations),
            (_("mensen"), totals.people),
            (_("terugkerend"), totals.returning_people),
            (_("bewoners"), totals.residents),
            *((choice_label(kind.value), count) for kind, count in totals.connections),
            (_("verbindingen omhoog"), totals.moved_up),
            (_("overlap gevonden"), totals.overlaps_found),
            (_("verbonden of samengegaan"), totals.overlaps_resolved),
            (_("vragen van bewoners beantwoord"), totals.gaps_closed),
            (_("afspraken aangenomen"), totals.agreements_adopted),
            (_("toegezegd"), totals.commitments.made),
            (_("nagekomen"), totals.commitments.done),
            (_("vervallen"), totals.commitments.dropped),
            (_("nog open"), totals.commitments.open),
        ],
    )
    add_sheet(
        workbook,
        _("Organisaties"),
        [
            _("organisatie"),
            _("sector"),
            _("sessies"),
            _("eerst gezien"),
            _("laatst gezien"),
            _("verbinders"),
            _("toegezegd"),
            _("nagekomen"),
            _("vervallen"),
            _("nog open"),
            _("open na 1"),
            _("open na 2"),
            _("open na 3+"),
        ],
        [
            (
                row.name,
                row.sector,
                row.sessions,
                row.first_seen,
                row.last_seen,
                row.verbinders,
                row.commitments.made,
                row.commitments.done,
                row.commitments.dropped,
                *row.commitments.open_after,
            )
            for row in overview.organisations
        ],
    )
    add_sheet(
        workbook,
        _("Niet meegeteld"),
        [_("bestand"), _("reden")],
        [(problem.file, problem.message) for problem in overview.problems],
    )
    save_workbook(workbook, path)


def _indicator_headers() -> list[str]:
    """Each indicator's label; a detail row's with the row it details ("organisaties: nieuw")."""
    headers = []
    parent = ""
    for indicator in INDICATORS:
        label = _(indicator.label)
        if indicator.detail:
            label = f"{parent}: {label}"
        else:
            parent = label
        headers.append(label)
    return headers
