"""The network and the theme matrix as inline SVG, for the summary people look at.

``network_svg`` draws the organisations coloured by sector, their connections by kind, the
overlap pairs as dashed curves (organisations whose initiatives do the same thing) and marks
organisations nobody is connected with. The places come from ``render.layout.ring_layout``, the
layout the wall draws in the terminal too: sectors together around a ring, each name on a row of
its own reading outward, the same every time.
``matrix_svg`` is the theme × organisation heatmap beside it: an empty row is a gap.

Plain SVG text: no JavaScript, no external fonts or images, every text escaped, sized for the
width of an A4 page. Titles, legends and notes follow the current language; names, sectors and
themes are drawn as typed.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from wijksessie.domain.analysis import Matrix, theme_matrix
from wijksessie.domain.edges import POSSIBLE, kind_label
from wijksessie.domain.model import ConnectionKind, Network
from wijksessie.domain.record import record
from wijksessie.domain.text import visible
from wijksessie.i18n import _, ngettext
from wijksessie.render.layout import Plate, PlateNode, plate_of, ring_layout
from wijksessie.render.palette import (
    ISOLATED_COLOUR,
    heat_colour,
    sector_colours,
)
from wijksessie.render.xml_text import escape, quoteattr

if TYPE_CHECKING:
    from wijksessie.domain.analysis import Overlap

WIDTH = 1000
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
LABEL_MAX = 28
_NODE_R = 13
_MARGIN_X = 280
_MARGIN_Y = 40
_PLOT_HEIGHT = 600
_PLOT_HEIGHT_MAX = 1000
MIN_POSSIBLE = 12
"""The possible links (overlap pairs) a picture always has room for."""


@record
class _Style:
    """How one kind of line is drawn, and its words in the legend."""

    colour: str
    width: float
    dash: str = ""


EDGE_STYLES: dict[str, _Style] = {
    ConnectionKind.WORK_TOGETHER.value: _Style("#222222", 4.0),
    ConnectionKind.WANT_TO.value: _Style("#222222", 2.5, "1 6"),
    ConnectionKind.KNOW.value: _Style("#8C8C8C", 1.6),
    POSSIBLE: _Style("#E8590C", 2.2, "9 6"),
}


# --- the network ---------------------------------------------------------------------------------


def network_svg(network: Network, *, overlaps: Sequence[Overlap] | None = None) -> str:
    """The organisations and their lines as one ``<svg>`` element (a string); ``overlaps``
    are the network's, where the caller has them already (see ``plate_of``)."""
    plate = plate_of(network, found=overlaps)
    nodes = list(plate.nodes)
    if not nodes:
        return _message_svg(_("Netwerk"), _("Nog geen organisaties in deze sessie."))
    lines = [(line.a, line.b, line.kind) for line in plate.lines]
    lines, hidden = strongest(lines, len(nodes))
    plot = _plot_height(len(nodes))
    places = _layout(plate, plot)
    colours = sector_colours(node.sector for node in nodes)
    legend_y = _MARGIN_Y * 2 + plot + 20
    legend, legend_height = _network_legend(colours, nodes, legend_y)
    height = legend_y + legend_height
    parts = [
        _open(
            _("Netwerk van organisaties"),
            _network_description(nodes, lines) + _hidden_note(hidden),
            height,
        ),
        *(_line(places[a][:2], places[b][:2], kind) for a, b, kind in lines),
        *(_node(node, places[node.id], colours[node.sector]) for node in nodes),
        legend,
        "</svg>",
    ]
    return "\n".join(parts)


def _plot_height(count: int) -> int:
    """Taller for more organisations (an A4 page is taller than wide), so labels keep apart."""
    return min(_PLOT_HEIGHT + 20 * max(count - 12, 0), _PLOT_HEIGHT_MAX)


def _layout(plate: Plate, plot: int) -> dict[str, tuple[float, float, str]]:
    """Positions in the drawing (x, y and the side the name reads to), from the ring layout the
    terminal draws too, so the wall and the take-home page agree."""
    ring = ring_layout([[node.id for node in nodes] for _sector, nodes in plate.sectors])
    return {
        node_id: (
            _scale(place.x, 0.0, 1.0, _MARGIN_X, WIDTH - _MARGIN_X),
            _scale(place.y, 0.0, 1.0, _MARGIN_Y, _MARGIN_Y + plot),
            place.side,
        )
        for node_id, place in ring.items()
    }


def _scale(value: float, low: float, high: float, start: float, end: float) -> float:
    if high - low < 1e-9:
        return round((start + end) / 2, 1)
    return round(start + (value - low) / (high - low) * (end - start), 1)


def _line(start: tuple[float, float], end: tuple[float, float], kind: str) -> str:
    style = EDGE_STYLES[kind]
    stroke = f'stroke="{style.colour}" stroke-width="{style.width}" stroke-linecap="round"'
    if style.dash:
        stroke += f' stroke-dasharray="{style.dash}"'
    (x1, y1), (x2, y2) = start, end
    if kind != POSSIBLE:
        return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" {stroke}/>'
    # An overlap bends aside, so it stays visible next to a connection between the same two.
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    bend = min(40.0, length / 4)
    cx = round((x1 + x2) / 2 - (y2 - y1) / length * bend, 1)
    cy = round((y1 + y2) / 2 + (x2 - x1) / length * bend, 1)
    return f'<path d="M {x1} {y1} Q {cx} {cy} {x2} {y2}" fill="none" {stroke}/>'


def _node(node: PlateNode, place: tuple[float, float, str], colour: str) -> str:
    x, y, side = place
    parts = [f"<g><title>{_text(node.name)} ({_text(node.sector)})</title>"]
    if node.isolated:
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="{_NODE_R + 6}" fill="none" '
            f'stroke="{ISOLATED_COLOUR}" stroke-width="2.5" stroke-dasharray="4 3"/>'
        )
    parts.append(
        f'<circle cx="{x}" cy="{y}" r="{_NODE_R}" fill="{colour}" stroke="#222" stroke-width="1"/>'
    )
    gap = _NODE_R + 8
    if side == "left":
        parts.append(_label(x - gap, y + 5, _short(node.name), anchor="end"))
    else:
        parts.append(_label(x + gap, y + 5, _short(node.name), anchor="start"))
    parts.append("</g>")
    return "".join(parts)


def _label(x: float, y: float, text: str, size: int = 15, anchor: str = "middle") -> str:
    """Text with a white halo, readable over the lines behind it."""
    return (
        f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" fill="#111" '
        f'stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">'
        f"{_text(text)}</text>"
    )


def _network_legend(
    colours: dict[str, str], nodes: list[PlateNode], top: float
) -> tuple[str, float]:
    """Sector swatches in rows, then one sample per kind of line; returns SVG and height."""
    parts = ['<g font-size="14" fill="#111">']
    x, y = 20.0, top + 10
    for sector, colour in colours.items():
        width = 40 + 8 * len(_short(sector))
        if x + width > WIDTH - 20:
            x, y = 20.0, y + 26
        parts.append(f'<circle cx="{x + 8}" cy="{y}" r="8" fill="{colour}" stroke="#222"/>')
        parts.append(f'<text x="{x + 22}" y="{y + 5}">{_text(_short(sector))}</text>')
        x += width
    x, y = 20.0, y + 32
    for kind, style in EDGE_STYLES.items():
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        words = kind_label(kind)
        if x > 20 and x + 48 + 8 * len(words) > WIDTH:  # longer words (English) take a new row
            x, y = 20.0, y + 32
        parts.append(
            f'<line x1="{x}" y1="{y}" x2="{x + 40}" y2="{y}" stroke="{style.colour}" '
            f'stroke-width="{style.width}" stroke-linecap="round"{dash}/>'
        )
        parts.append(f'<text x="{x + 48}" y="{y + 5}">{_text(words)}</text>')
        x += 70 + 8 * len(words)
    if any(node.isolated for node in nodes):
        alone = _("nog zonder verbinding")
        if x > 20 and x + 28 + 8 * len(alone) > WIDTH:
            x, y = 20.0, y + 32
        parts.append(
            f'<circle cx="{x + 10}" cy="{y}" r="10" fill="none" stroke="{ISOLATED_COLOUR}" '
            'stroke-width="2.5" stroke-dasharray="4 3"/>'
        )
        parts.append(f'<text x="{x + 28}" y="{y + 5}">{_text(alone)}</text>')
    parts.append("</g>")
    return "\n".join(parts), y - top + 24


def strongest(
    lines: list[tuple[str, str, str]], organisations: int
) -> tuple[list[tuple[str, str, str]], int]:
    """Every connection, and only the strongest possible links (the overlap pairs come best
    first): at most one per organisation, at least ``MIN_POSSIBLE``. The large session has 740
    overlap pairs among 40 organisations, a tangle of dashed lines no one could read; the
    findings list the rest in words. Returns the lines kept and how many were left out."""
    most = max(MIN_POSSIBLE, organisations)
    kept: list[tuple[str, str, str]] = []
    possible = 0
    for line in lines:
        if line[2] == POSSIBLE:
            possible += 1
            if possible > most:
                continue
        kept.append(line)
    return kept, len(lines) - len(kept)


def _hidden_note(hidden: int) -> str:
    if not hidden:
        return ""
    return " " + ngettext(
        "{n} zwakkere mogelijke verbinding is weggelaten.",
        "{n} zwakkere mogelijke verbindingen zijn weggelaten.",
        hidden,
    ).format(n=hidden)


def _network_description(nodes: list[PlateNode], lines: list[tuple[str, str, str]]) -> str:
    alone = sum(node.isolated for node in nodes)
    possible = sum(kind == POSSIBLE for *_ends, kind in lines)
    return _(
        "{organisations} organisaties, {connections} verbindingen, "
        "{possible} mogelijke verbindingen, {alone} nog zonder verbinding."
    ).format(
        organisations=len(nodes),
        connections=len(lines) - possible,
        possible=possible,
        alone=alone,
    )


# --- the theme matrix ----------------------------------------------------------------------------

_CELL = 34
_MAX_COLUMNS = 16
"""More organisations than this (and than themes) turn the heatmap: organisations become rows."""
_ROW_LABEL = 210
_HEAD = 170


def matrix_svg(network: Network) -> str:
    """Themes (rows) × organisations (columns): how many initiatives each runs per theme."""
    matrix = theme_matrix(network)
    if not matrix.themes or not matrix.organisation_ids:
        return _message_svg(_("Thema's en organisaties"), _("Nog geen initiatieven met thema's."))
    columns = len(matrix.organisation_ids)
    width = _ROW_LABEL + _CELL * (columns + 1) + 130  # room for the slanted names
    height = _HEAD + _CELL * len(matrix.themes) + 40
    gaps = sum(total == 0 for total in matrix.row_totals)
    themes = len(matrix.themes)
    description = _("{themes} bij {organisations}; {gaps}").format(
        themes=ngettext("{n} thema", "{n} thema's", themes).format(n=themes),
        organisations=ngettext("{n} organisatie", "{n} organisaties", columns).format(n=columns),
        gaps=ngettext(
            "{n} thema waar niemand aan werkt.", "{n} thema's waar niemand aan werkt.", gaps
        ).format(n=gaps),
    )
    if columns > max(themes, _MAX_COLUMNS):
        return _transposed(matrix, description, gaps)
    parts = [_open(_("Thema's en organisaties"), description, height, width)]
    parts += _matrix_heads(matrix.organisation_names)
    for row, theme in enumerate(matrix.themes):
        parts += _matrix_row(
            row, theme, matrix.counts[row], matrix.row_totals[row], matrix.max_count
        )
    if gaps:  # the note explains red, so only when a row is red
        note_y = _HEAD + _CELL * len(matrix.themes) + 26
        note = _("Rood: een thema uit de vragen van inwoners waar niemand aan werkt.")
        parts.append(
            f'<text x="10" y="{note_y}" font-size="13" fill="{ISOLATED_COLOUR}">'
            f"{_text(note)}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _transposed(matrix: Matrix, description: str, gaps: int) -> str:
    """Organisations (rows) × themes (columns), for a network with more organisations than
    themes: 40 organisations as columns made a drawing 1,734 units wide, printed at 4 pt on A4;
    as rows the drawing is about 830 wide and its text stays about 9 pt. A theme nobody works
    on has a red column head."""
    rows = len(matrix.organisation_ids)
    totals = matrix.column_totals  # each initiative once, however many themes it has
    width = _ROW_LABEL + _CELL * (len(matrix.themes) + 1) + 130
    height = _HEAD + _CELL * rows + 40
    empty = {
        theme for theme, total in zip(matrix.themes, matrix.row_totals, strict=True) if not total
    }
    parts = [_open(_("Thema's en organisaties"), description, height, width)]
    parts += _matrix_heads(matrix.themes, red=empty)
    for row, name in enumerate(matrix.organisation_names):
        counts = tuple(theme_row[row] for theme_row in matrix.counts)
        parts += _matrix_row(row, name, counts, totals[row], matrix.max_count, red=False)
    if gaps:
        note = _("Rood: een thema uit de vragen van inwoners waar niemand aan werkt.")
        parts.append(
            f'<text x="10" y="{_HEAD + _CELL * rows + 26}" font-size="13" '
            f'fill="{ISOLATED_COLOUR}">{_text(note)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _matrix_heads(names: tuple[str, ...], red: Collection[str] = ()) -> list[str]:
    heads = []
    for column, name in enumerate((*names, _("Totaal"))):
        x = _ROW_LABEL + _CELL * column + _CELL / 2
        y = _HEAD - 8
        fill = f' fill="{ISOLATED_COLOUR}"' if name in red else ""
        heads.append(
            f'<text x="{x}" y="{y}" font-size="13" transform="rotate(-50 {x} {y})"{fill}>'
            f"<title>{_text(name)}</title>{_text(_short(name, 22))}</text>"
        )
    return heads


def _matrix_row(
    row: int,
    theme: str,
    counts: tuple[int, ...],
    total: int,
    peak: int,
    red: bool | None = None,
) -> list[str]:
    """One row; its label red when ``red`` (by default: when nobody works on the theme)."""
    y = _HEAD + _CELL * row
    colour = ISOLATED_COLOUR if (total == 0 if red is None else red) else "#111"
    parts = [
        f'<text x="{_ROW_LABEL - 8}" y="{y + _CELL / 2 + 5}" font-size="14" text-anchor="end" '
        f'fill="{colour}">{_text(_short(theme, 26))}</text>'
    ]
    for column, count in enumerate((*counts, total)):
        x = _ROW_LABEL + _CELL * column
        is_total = column == len(counts)
        fill = "#FFFFFF" if is_total else heat_colour(count, peak)
        parts.append(
            f'<rect x="{x}" y="{y}" width="{_CELL}" height="{_CELL}" fill="{fill}" '
            'stroke="#FFFFFF" stroke-width="2"/>'
        )
        if count or is_total:
            ink = "#FFFFFF" if not is_total and count * 2 > peak else "#111"
            weight = ' font-weight="bold"' if is_total else ""
            parts.append(
                f'<text x="{x + _CELL / 2}" y="{y + _CELL / 2 + 5}" font-size="14" '
                f'text-anchor="middle" fill="{ink}"{weight}>{count}</text>'
            )
    return parts


# --- shared --------------------------------------------------------------------------------------


def _open(title: str, description: str, height: float, width: float = WIDTH) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" style="max-width:100%;height:auto" role="img" '
        f"font-family={quoteattr(FONT)}>"
        f"<title>{_text(title)}</title><desc>{_text(description)}</desc>"
        f'<rect width="{width}" height="{height}" fill="#FFFFFF"/>'
    )


def _message_svg(title: str, message: str) -> str:
    return "\n".join(
        [
            _open(title, message, 80),
            f'<text x="20" y="48" font-size="18" fill="#555">{_text(message)}</text>',
            "</svg>",
        ]
    )


def _short(text: str, limit: int = LABEL_MAX) -> str:
    tidy = " ".join(text.split())
    return tidy if len(tidy) <= limit else tidy[: limit - 1].rstrip() + "…"


def _text(text: str) -> str:
    """Text made safe for SVG: control characters shown as symbols, markup escaped."""
    return escape(visible(text))
