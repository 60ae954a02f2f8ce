"""Network plates: the network of every session drawn with one layout, so growth shows side by side.

One row for the whole network and one per theme (the organisations with an initiative on it);
one small plate per session in each row (small multiples). Every organisation keeps its place
in every plate: the layout is the ring by sector the wall draws too (``render.layout``), over
all organisations of all sessions, so a new connection or a new organisation is a visible
change, not a reshuffle. Organisations are dots coloured by sector (their name in the dot's
tooltip, no labels: a plate is a pattern to compare), connections are lines by kind. Plain SVG,
no script.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from wijksessie.domain.model import SECTORS, ConnectionKind
from wijksessie.domain.over_time import Overview, SessionGraph
from wijksessie.domain.text import visible
from wijksessie.i18n import N_, _
from wijksessie.render.layout import ring_layout
from wijksessie.render.xml_text import escape, quoteattr

SIZE = 200
"""A plate's side in SVG units: six fit an A3 landscape row beside the row's title."""
_PAD = 16
_DOT = 7
_PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442",
    "#D55E00", "#332288", "#117733", "#AA4499", "#882255", "#999999",
)  # fmt: skip
SECTOR_COLOURS = dict(zip(SECTORS, _PALETTE, strict=True))
LINES: dict[ConnectionKind, tuple[str, float, str]] = {
    ConnectionKind.KNOW: ("#9aa5b1", 0.8, ""),
    ConnectionKind.WANT_TO: ("#E69F00", 1.2, "4 3"),
    ConnectionKind.WORK_TOGETHER: ("#0b6e6e", 2.0, ""),
}
"""Per kind: colour, width and dash of its line."""

Place = tuple[float, float]


def plate_rows(overview: Overview) -> list[tuple[str, list[str]]]:
    """The rows of plates: (title, one SVG per session), the whole network first, then themes."""
    if not overview.graphs:
        return []
    info = {row.id: (row.name, row.sector) for row in overview.organisations}
    places = layout(overview.graphs, {ident: sector for ident, (_n, sector) in info.items()})
    rows = [
        (_("Het hele netwerk"), [_plate(g, g.organisations, places, info) for g in overview.graphs])
    ]
    for theme in _themes(overview.graphs):
        plates = []
        for graph in overview.graphs:
            members = dict(graph.themes).get(theme, frozenset())
            plates.append(_plate(graph, members, places, info))
        rows.append((theme, plates))
    return rows


def layout(
    graphs: Iterable[SessionGraph], sectors: Mapping[str, str] | None = None
) -> dict[str, Place]:
    """One place per organisation for every plate, in plate units, the same on every run.

    ``render.layout.ring_layout``, the ring by sector the wall and the take-home page use too
    (``sectors``: organisation id to sector): pure arithmetic, no numpy, and an organisation
    that joins in a later session takes its sector's place without moving the others far.
    """
    ids: set[str] = set()
    for session in graphs:
        ids.update(session.organisations)
    if not ids:
        return {}
    if len(ids) == 1:
        return {next(iter(ids)): (SIZE / 2, SIZE / 2)}
    sector_of = sectors or {}
    order = {sector: rank for rank, sector in enumerate(SECTORS)}
    grouped: dict[str, list[str]] = {}
    for ident in sorted(ids):
        grouped.setdefault(sector_of.get(ident, ""), []).append(ident)
    ring = sorted(grouped, key=lambda sector: (order.get(sector, len(order)), sector.casefold()))
    places = ring_layout([grouped[sector] for sector in ring])
    span = SIZE - 2 * _PAD
    return {
        ident: (round(_PAD + place.x * span, 2), round(_PAD + place.y * span, 2))
        for ident, place in places.items()
    }


def _themes(graphs: Iterable[SessionGraph]) -> list[str]:
    seen: dict[str, str] = {}
    for graph in graphs:
        for theme, _members in graph.themes:
            seen.setdefault(theme.casefold(), theme)
    return [seen[key] for key in sorted(seen)]


def _plate(
    graph: SessionGraph,
    members: frozenset[str],
    places: dict[str, Place],
    info: dict[str, tuple[str, str]],
) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" '
        f'width="{SIZE}" height="{SIZE}" role="img">',
        f'<rect width="{SIZE}" height="{SIZE}" fill="#fbfcfd" stroke="#dde3ea"/>',
    ]
    for a, b, kind in graph.connections:
        if a in members and b in members:
            colour, width, dash = LINES[kind]
            (x1, y1), (x2, y2) = places[a], places[b]
            dashed = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                f'stroke="{colour}" stroke-width="{width}"{dashed}/>'
            )
    for ident in sorted(members):
        x, y = places[ident]
        name, sector = info.get(ident, ("", ""))
        colour = SECTOR_COLOURS.get(sector, "#666666")
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{_DOT}" fill="{colour}" stroke="#fff">'
            f"<title>{escape(visible(name))}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


_KIND_WORDS = {
    ConnectionKind.KNOW: N_("kennen elkaar"),
    ConnectionKind.WANT_TO: N_("willen samenwerken"),
    ConnectionKind.WORK_TOGETHER: N_("werken samen"),
}


def legend() -> list[tuple[str, str]]:
    """The key under the plates: (swatch SVG, words) per kind of line."""
    words = {kind: _(text) for kind, text in _KIND_WORDS.items()}
    found = []
    for kind, (colour, width, dash) in LINES.items():
        dashed = f" stroke-dasharray={quoteattr(dash)}" if dash else ""
        swatch = (
            '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="10">'
            f'<line x1="0" y1="5" x2="28" y2="5" stroke="{colour}" stroke-width="{width}"{dashed}/>'
            "</svg>"
        )
        found.append((swatch, words[kind]))
    return found


_LABEL_WIDTH = 260
_HEAD = 90
_GAP = 12


def poster_svg(overview: Overview) -> str:
    """Every plate on one sheet of A0, to print for an evening with the whole sector. The plates
    keep their layout; the sheet's scale follows the number of plates, and it is landscape
    (1189 × 841 mm) when they are wider than tall, else portrait: a few sessions of several
    rows on a landscape sheet filled two fifths of its width."""
    from wijksessie.domain.dates import short_date

    rows = plate_rows(overview)
    columns = max((len(plates) for _title, plates in rows), default=0)
    width = _LABEL_WIDTH + columns * (SIZE + _GAP) + _GAP
    height = _HEAD + len(rows) * (SIZE + _GAP) + 60
    sheet_width, sheet_height = ("841mm", "1189mm") if height > width else ("1189mm", "841mm")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{sheet_width}" height="{sheet_height}" '
        f'viewBox="0 0 {width} {height}" preserveAspectRatio="xMidYMin meet" '
        'font-family="DejaVu Sans, Arial, Helvetica, sans-serif">',
        f'<text x="{_GAP}" y="40" font-size="32" font-weight="bold">'
        f"{escape(_('Het netwerk door de tijd'))}</text>",
    ]
    for column, session in enumerate(overview.sessions):
        x = _LABEL_WIDTH + column * (SIZE + _GAP) + SIZE / 2
        label = f"#{column + 1} {short_date(session.date)}"
        parts.append(
            f'<text x="{x:.0f}" y="{_HEAD - 14}" font-size="16" text-anchor="middle" '
            f'fill="#5f6b7a">{escape(label)}</text>'
        )
    for row, (title, plates) in enumerate(rows):
        y = _HEAD + row * (SIZE + _GAP)
        parts.append(
            f'<text x="{_GAP}" y="{y + SIZE / 2:.0f}" font-size="20" font-weight="bold">'
            f"{escape(visible(title))}</text>"
        )
        for column, plate in enumerate(plates):
            x = _LABEL_WIDTH + column * (SIZE + _GAP)
            parts.append(plate.replace("<svg ", f'<svg x="{x}" y="{y}" ', 1))
    key_y = _HEAD + len(rows) * (SIZE + _GAP) + 30
    x = _GAP
    for kind, (colour, line_width, dash) in LINES.items():
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{x}" y1="{key_y - 6}" x2="{x + 40}" y2="{key_y - 6}" stroke="{colour}" '
            f'stroke-width="{line_width * 1.5}"{dashed}/>'
        )
        words = escape(_(_KIND_WORDS[kind]))
        parts.append(f'<text x="{x + 48}" y="{key_y}" font-size="16">{words}</text>')
        x += 260
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
