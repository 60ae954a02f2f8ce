"""The network over time as a Word report for the municipality that pays for the sessions.

The same content as the other formats (``render.over_time``): the indicators per session (eight
sessions to a table, landscape A4), the totals and the commitments per organisation, the names
still to decide and the sessions not counted. Like them it names no resident and carries no
contact details. python-docx loads only here, when a report is asked for (about 56 ms).
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from wijksessie.domain.over_time import INDICATORS, Overview
from wijksessie.domain.text import visible
from wijksessie.i18n import _
from wijksessie.render.over_time import (
    candidate_lines,
    cell,
    kept_cells,
    kept_headers,
    short_date,
    totals_lines,
)

_PER_TABLE = 8


def to_docx(overview: Overview) -> bytes:
    """The report as the bytes of a .docx file."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.styles["Normal"].font.size = Pt(9)
    document.add_heading(_("Het netwerk door de tijd"), level=0)
    if overview.filters:
        shown = ", ".join(f"{name} {visible(value)}" for name, value in overview.filters)
        document.add_paragraph(_("Alleen: {filters}").format(filters=shown))
    if not overview.sessions:
        document.add_paragraph(_("Geen sessies gevonden."))
    for start in range(0, len(overview.sessions), _PER_TABLE):
        _indicator_table(document, overview, start)
    document.add_heading(_("Totaal"), level=1)
    for label, value in totals_lines(overview):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(visible(value))
    rows = [row for row in overview.organisations if row.commitments.made]
    if rows:
        document.add_heading(_("Toezeggingen per organisatie"), level=1)
        table = document.add_table(rows=1, cols=8, style="Light Grid Accent 1")
        for column, text in enumerate([_("organisatie"), *kept_headers()]):
            table.rows[0].cells[column].text = text
        for row in rows:
            cells = table.add_row().cells
            for column, text in enumerate([visible(row.name), *kept_cells(row.commitments)]):
                cells[column].text = text
    candidates = candidate_lines(overview)
    if candidates:
        document.add_heading(_("Misschien dezelfde"), level=1)
        for line in candidates:
            document.add_paragraph(line, style="List Bullet")
    if overview.problems:
        document.add_heading(_("Niet meegeteld"), level=1)
        for problem in overview.problems:
            document.add_paragraph(
                visible(f"{problem.file}: {problem.message}"), style="List Bullet"
            )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _indicator_table(document: DocxDocument, overview: Overview, start: int) -> None:
    sessions = overview.sessions[start : start + _PER_TABLE]
    table = document.add_table(rows=1, cols=len(sessions) + 1, style="Light Grid Accent 1")
    head = table.rows[0].cells
    head[0].text = _("indicator")
    for offset, session in enumerate(sessions, start=1):
        head[
            offset
        ].text = f"#{start + offset} {short_date(session.date)}\n{visible(session.title)}"
    for indicator in INDICATORS:
        cells = table.add_row().cells
        cells[0].text = ("    " if indicator.detail else "") + _(indicator.label)
        for offset, session in enumerate(sessions, start=1):
            cells[offset].text = cell(indicator, session)
    document.add_paragraph()
