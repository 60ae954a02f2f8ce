"""The network plate in the terminal: organisations around a ring by sector, lines in braille.

Drawn by hand with Rich segments rather than with ``textual-hires-canvas`` or ``plotext``: the
plate is a few dozen straight lines and labels that must never overlap, which is a page of
arithmetic; a canvas library would add a dependency, its own idea of text placement, and a
redraw per primitive. Here ``draw`` (pure Python, no Textual) turns a ``Plate`` into rows of
``(text, role)`` runs once per size, data or selection, and the widget hands out the cached
rows in ``render_line``: the large benchmark session (40 organisations, 80 connections) draws
in 8 to 17 ms, measured on a machine at load average 12 (``bench.py``: "draw the network plate").

Places come from ``render.layout.ring_layout``, the layout of the take-home picture, so the
wall and the page agree. Lines are braille dots (2×4 per cell): "werken samen" solid and
doubled, "kennen elkaar" thin, "willen samenwerken" dotted, a possible connection from the
overlap analysis dashed and bent aside. Names read outward, each on a row of its own, shortened
with "…"; the selected organisation shows its whole name.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from wijksessie.domain.edges import POSSIBLE
from wijksessie.domain.model import ConnectionKind
from wijksessie.domain.text import visible
from wijksessie.i18n import _
from wijksessie.render.layout import Place, Plate, PlateLine, ring_layout, ring_rows
from wijksessie.render.palette import sector_colours
from wijksessie.ui.read_only import LooksOnly

LINE_ROLES: dict[str, str] = {
    ConnectionKind.WORK_TOGETHER.value: "work",
    ConnectionKind.KNOW.value: "know",
    ConnectionKind.WANT_TO.value: "want",
    POSSIBLE: "possible",
}
"""A line's kind → its role (and its component class ``plate--<role>``)."""

_PRIORITY = {"know": 1, "possible": 2, "want": 3, "work": 4}
"""Where lines cross in one cell, the cell takes the colour of the strongest (a lit line first)."""
_KINDS = {rank: kind for kind, rank in _PRIORITY.items()}

_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
"""Braille dot bits by (row, column) within a cell of 2×4 dots."""


POINT = "●"
ALONE = "⊘"
MIN_WIDTH = 80
"""Under this many columns the plate gives way to the grouped list."""
MAX_ORGANISATIONS = 60
"""From this many organisations the plate would be a tangle: the grouped list instead."""


@dataclass
class Drawing:
    """The plate laid out for one size: rows of ``(text, role)`` runs and where each
    organisation's point and label are (for the mouse and the tests)."""

    rows: list[list[tuple[str, str]]]
    points: dict[str, tuple[int, int]] = field(default_factory=dict)
    labels: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    """id → (row, first column, last column + 1) of its label."""
    possible_shown: bool = True


def fits(plate: Plate, size: Size) -> bool:
    """Whether the plate can be drawn readably in ``size`` (else: the grouped list)."""
    count = len(plate.nodes)
    if count == 0 or count >= MAX_ORGANISATIONS or size.width < MIN_WIDTH - 2:
        return False
    return ring_rows(_groups(plate), size.height) <= size.height


def possible_limit(plate: Plate) -> int:
    """Up to this many possible connections are drawn all at once; more, and only the selected
    organisation's are (740 dashed lines between 40 organisations hide everything else)."""
    return max(12, len(plate.nodes))


def draw(plate: Plate, size: Size, selected: str | None = None) -> Drawing:
    """Lay out and rasterise the plate for ``size`` cells, lighting ``selected``'s lines."""
    width, height = size.width, size.height
    grid = [[" "] * width for _row in range(height)]
    roles = [[""] * width for _row in range(height)]
    if width <= 0 or height <= 0 or not plate.nodes:
        return Drawing(_runs(grid, roles))
    groups = _groups(plate)
    places = ring_layout(groups, height)
    per_side = ring_rows(groups, height)
    label_room = _label_room(plate, width)
    left, right = label_room + 1, width - label_room - 2
    points = {
        node_id: (_column(place, left, right), _row(place, per_side, height))
        for node_id, place in places.items()
    }
    possible = [line for line in plate.lines if line.kind == POSSIBLE]
    show_all = len(possible) <= possible_limit(plate)
    dots = _Dots(width, height)
    for line in plate.lines:
        if line.a not in points or line.b not in points:
            continue
        lit = selected in (line.a, line.b)
        if line.kind == POSSIBLE and not (show_all or lit):
            continue
        dots.line(points[line.a], points[line.b], LINE_ROLES.get(line.kind, "know"), lit=lit)
    dots.paint(grid, roles, dim=selected is not None)
    drawing = Drawing([], points=points, possible_shown=show_all)
    partners = _partners(plate, selected)
    for node in plate.nodes:
        column, row = points[node.id]
        grid[row][column] = ALONE if node.isolated else POINT
        roles[row][column] = "isolated" if node.isolated else f"point:{node.sector}"
        gap = column - 1 if places[node.id].side == "left" else column + 1
        if 0 <= gap < width:  # a blank between a point and its name
            grid[row][gap], roles[row][gap] = " ", ""
        role = _label_role(node.id, node.isolated, selected, partners)
        place = places[node.id]
        span = _label(grid[row], roles[row], node.name, place, column, role, node.id == selected)
        drawing.labels[node.id] = (row, *span)
    drawing.rows = _runs(grid, roles)
    return drawing


def _groups(plate: Plate) -> list[list[str]]:
    return [[node.id for node in nodes] for _sector, nodes in plate.sectors]


def _label_room(plate: Plate, width: int) -> int:
    """Columns for the names on each side: the longest name, but the ring keeps a third."""
    longest = max(len(visible(node.name)) for node in plate.nodes)
    return max(8, min(longest, (width - max(20, width // 3)) // 2 - 2))


def _column(place: Place, left: int, right: int) -> int:
    return round(left + place.x * (right - left))


def _row(place: Place, per_side: int, height: int) -> int:
    return (2 * place.row + 1) * height // (2 * per_side)


def _partners(plate: Plate, selected: str | None) -> set[str]:
    if selected is None:
        return set()
    return {
        line.b if line.a == selected else line.a
        for line in plate.lines
        if selected in (line.a, line.b)
    }


def _label_role(node_id: str, isolated: bool, selected: str | None, partners: set[str]) -> str:
    if node_id == selected:
        return "selected"
    if node_id in partners:
        return "partner"
    return "alone" if isolated else "label"


def _label(
    cells: list[str],
    roles: list[str],
    name: str,
    place: Place,
    column: int,
    role: str,
    whole: bool,
) -> tuple[int, int]:
    """Write one name beside its point, reading outward; returns its columns (start, end)."""
    width = len(cells)
    text = " ".join(visible(name).split())
    if place.side == "left":
        room = column - 1
        if whole and len(text) > room:
            start = 0
            text = text[: width - 1]
        else:
            text = shorten(text, room)
            start = column - 1 - len(text)
    else:
        room = width - column - 2
        if whole and len(text) > room:
            text = text[: width - 1]
            start = width - len(text)
        else:
            text = shorten(text, room)
            start = column + 2
    for offset, char in enumerate(text):
        cells[start + offset] = char
        roles[start + offset] = role
    return start, start + len(text)


def shorten(text: str, room: int) -> str:
    """``text`` in at most ``room`` characters, ending in "…" when cut."""
    if len(text) <= room:
        return text
    if room <= 1:
        return "…"[:room]
    return text[: room - 1].rstrip() + "…"


class _Dots:
    """A braille dot canvas: each cell collects dots and the rank of its strongest line.

    Flat arrays indexed by ``row * width + column`` and the dots of a line computed in one
    comprehension: the large session's 80 lines cost a third of what a dict per cell and a
    call per dot did.
    """

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.bits = bytearray(width * height)
        self.ranks = bytearray(width * height)

    def line(self, start: tuple[int, int], end: tuple[int, int], role: str, lit: bool) -> None:
        """Dots from one point to another: doubled for "werken samen", dotted for "willen
        samenwerken", dashed and bent aside for a possible connection (so it stays visible
        beside a connection between the same two)."""
        (c0, r0), (c1, r1) = start, end
        x0, y0, x1, y1 = 2 * c0 + 1, 4 * r0 + 2, 2 * c1 + 1, 4 * r1 + 2
        length = max(abs(x1 - x0), abs(y1 - y0), 1)
        if role == "possible":
            bend = min(length / 5, 10.0)
            span = max(math.hypot(x1 - x0, y1 - y0), 1.0)
            cx = (x0 + x1) / 2 - (y1 - y0) / span * bend
            cy = (y0 + y1) / 2 + (x1 - x0) / span * bend
            steps = int(length * 1.3)
            ts = [step / steps for step in range(steps + 1) if step % 6 < 3]  # dashed
            dots = [
                (
                    round((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1),
                    round((1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1),
                )
                for t in ts
            ]
        else:
            dx, dy = (x1 - x0) / length, (y1 - y0) / length
            every = 2 if role == "want" else 1  # "willen samenwerken" dotted
            dots = [
                (round(x0 + dx * step), round(y0 + dy * step))
                for step in range(0, length + 1, every)
            ]
        if role == "work":  # doubled: a second dot beside each, across the line
            if abs(x1 - x0) >= abs(y1 - y0):
                dots += [(x, y + 1) for x, y in dots]
            else:
                dots += [(x + 1, y) for x, y in dots]
        self._set(dots, _PRIORITY.get(role, 1) + (10 if lit else 0))

    def _set(self, dots: list[tuple[int, int]], rank: int) -> None:
        width, height, bits, ranks = self.width, self.height, self.bits, self.ranks
        for x, y in dots:
            column, row = x >> 1, y >> 2
            if 0 <= column < width and 0 <= row < height:
                index = row * width + column
                bits[index] |= _BITS[y & 3][x & 1]
                if rank > ranks[index]:
                    ranks[index] = rank

    def paint(self, grid: list[list[str]], roles: list[list[str]], dim: bool) -> None:
        """Put the dots in the grid: ``line:<kind>`` roles, or ``dim:<kind>`` for the lines of
        other organisations while one is selected."""
        width = self.width
        for index, bits in enumerate(self.bits):
            if not bits:
                continue
            row, column = divmod(index, width)
            grid[row][column] = chr(0x2800 + bits)
            rank = self.ranks[index]
            kind = _KINDS[rank % 10]
            roles[row][column] = f"line:{kind}" if rank >= 10 or not dim else f"dim:{kind}"


def _runs(grid: list[list[str]], roles: list[list[str]]) -> list[list[tuple[str, str]]]:
    """Each row as runs of equal role, so a row is a handful of segments, not 120."""
    rows = []
    for cells, row_roles in zip(grid, roles, strict=True):
        runs: list[tuple[str, str]] = []
        start = 0
        for column in range(1, len(cells) + 1):
            if column == len(cells) or row_roles[column] != row_roles[start]:
                runs.append(("".join(cells[start:column]), row_roles[start]))
                start = column
        rows.append(runs)
    return rows


def legend_items() -> Iterable[tuple[str, str, str]]:
    """(sample, role, words) for each kind of line and the isolated mark."""
    yield "━━", "work", _("werken samen")
    yield "──", "know", _("kennen elkaar")
    yield "┈┈", "want", _("willen samenwerken")
    yield "╌╌", "possible", _("mogelijke verbinding")
    yield ALONE, "isolated", _("nog zonder verbinding")


class NetworkPlate(LooksOnly, Widget, can_focus=True):
    """The network as a picture; arrows or ``/`` and a name select an organisation."""

    COMPONENT_CLASSES = {
        "plate--work",
        "plate--know",
        "plate--want",
        "plate--possible",
        "plate--label",
        "plate--partner",
        "plate--selected",
        "plate--isolated",
    }

    DEFAULT_CSS = """
    NetworkPlate { height: 1fr; width: 1fr; }
    NetworkPlate > .plate--work { color: $text-success; }
    NetworkPlate > .plate--know { color: $text-muted; }
    NetworkPlate > .plate--want { color: $text-primary; }
    NetworkPlate > .plate--possible { color: $text-warning; }
    NetworkPlate > .plate--label { color: $foreground; }
    NetworkPlate > .plate--partner { color: $text-accent; text-style: bold underline; }
    NetworkPlate > .plate--selected { color: $background; background: $accent; text-style: bold; }
    NetworkPlate > .plate--isolated { color: $text-error; text-style: bold; }
    """

    EDITS = frozenset({"open"})
    BINDINGS = [
        Binding("up", "move(0, -1)", _("Omhoog"), show=False),
        Binding("down", "move(0, 1)", _("Omlaag"), show=False),
        Binding("left", "move(-1, 0)", _("Links"), show=False),
        Binding("right", "move(1, 0)", _("Rechts"), show=False),
        Binding("enter", "open", _("Openen"), id="plate.open"),
        Binding("slash", "find", _("Zoeken"), id="plate.find"),
    ]

    selected: reactive[str | None] = reactive(None, always_update=True)
    """The organisation under the cursor (its id), or none: the whole network, all lit."""

    finding: reactive[str | None] = reactive(None)
    """What has been typed after ``/`` to find an organisation by name; None when not finding."""

    class Selected(Message):
        """The cursor moved to another organisation (or off the plate)."""

        def __init__(self, plate: NetworkPlate, organisation_id: str | None) -> None:
            super().__init__()
            self.plate = plate
            self.organisation_id = organisation_id

    class Opened(Message):
        """``enter`` on an organisation: open it."""

        def __init__(self, plate: NetworkPlate, organisation_id: str) -> None:
            super().__init__()
            self.plate = plate
            self.organisation_id = organisation_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plate = Plate((), ())
        self._drawing: Drawing | None = None
        self._strips: list[Strip] = []
        self._styles: dict[str, Style] = {}
        self._palette: dict[str, str] = {}

    # -- data -------------------------------------------------------------------------------

    def show(self, plate: Plate) -> None:
        """Draw ``plate``; the selection stays while its organisation does."""
        self.plate = plate
        self._palette = sector_colours(node.sector for node in plate.nodes)
        known = {node.id for node in plate.nodes}
        if self.selected not in known:
            self.selected = None
        self._redraw()

    @property
    def drawing(self) -> Drawing | None:
        """The current drawing (for tests and the mouse)."""
        return self._drawing

    def _redraw(self) -> None:
        self._drawing = None
        self._strips = []
        self.refresh()

    def watch_selected(self, selected: str | None) -> None:
        self._redraw()
        self.post_message(self.Selected(self, selected))

    def on_resize(self, event: events.Resize) -> None:
        self._redraw()

    # -- painting ---------------------------------------------------------------------------

    def _ensure_drawn(self) -> None:
        if self._drawing is not None:
            return
        self._styles = {}
        self._drawing = draw(self.plate, self.content_size, self.selected)
        self._strips = [
            Strip([Segment(text, self._style(role)) for text, role in runs])
            for runs in self._drawing.rows
        ]

    def render_line(self, y: int) -> Strip:
        self._ensure_drawn()
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.rich_style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._redraw()

    def _style(self, role: str) -> Style:
        if role not in self._styles:
            self._styles[role] = self._make_style(role)
        return self._styles[role]

    def _make_style(self, role: str) -> Style:
        base = self.rich_style
        if not role:
            return base
        kind, _sep, name = role.partition(":")
        if kind == "point":
            return base + Style(color=self._sector_colour(name), bold=True)
        if kind == "line":
            return base + self.get_component_rich_style(f"plate--{name}", partial=True)
        if kind == "dim":  # faded toward the background, so the lit lines stand out
            line = self.get_component_rich_style(f"plate--{name}", partial=True)
            if line.color is None:
                return base + Style(dim=True)
            faded = Color.from_rich_color(line.color).blend(self.background_colors[1], 0.65)
            return base + Style(color=faded.rich_color)
        if kind == "alone":
            return base + self.get_component_rich_style("plate--isolated", partial=True)
        return base + self.get_component_rich_style(f"plate--{kind}", partial=True)

    def _sector_colour(self, sector: str) -> str | None:
        """The sector's colour of the take-home picture (a session's own sectors too),
        lightened where it would vanish into a dark background (politie's indigo on black)."""
        hex_colour = self._palette.get(sector)
        if hex_colour is None:
            return None
        colour, background = Color.parse(hex_colour), self.background_colors[1]
        if abs(colour.brightness - background.brightness) < 0.35:
            towards = Color.parse("white" if background.brightness < 0.5 else "black")
            colour = colour.blend(towards, 0.45)
        return colour.hex

    # -- keys and mouse -----------------------------------------------------------------------

    def action_move(self, across: int, down: int) -> None:
        """Arrows: up and down along a side of the ring, left and right to the other side."""
        self._ensure_drawn()
        drawing = self._drawing
        if drawing is None or not drawing.points:
            return
        if self.selected is None or self.selected not in drawing.points:
            self.selected = self.plate.nodes[0].id
            return
        column, row = drawing.points[self.selected]
        side = column < self.content_size.width // 2
        same = [
            (r, c, node_id)
            for node_id, (c, r) in drawing.points.items()
            if (c < self.content_size.width // 2) == side
        ]
        if down:
            ahead = sorted(
                (item for item in same if (item[0] - row) * down > 0),
                key=lambda item: abs(item[0] - row),
            )
            if ahead:
                self.selected = ahead[0][2]
            return
        others = [
            (abs(r - row), r, node_id)
            for node_id, (c, r) in drawing.points.items()
            if (c < self.content_size.width // 2) != side and (c - column) * across > 0
        ]
        if others:
            self.selected = min(others)[2]

    def action_open(self) -> None:
        """Open the selected organisation."""
        if self.selected is not None:
            self.post_message(self.Opened(self, self.selected))

    def action_find(self) -> None:
        """Start typing a name; each letter selects the first organisation that matches."""
        self.finding = ""

    @property
    def typing(self) -> bool:
        """Letters typed now are a name being found (``KeysInOrder`` need not hold them)."""
        return self.finding is not None

    def on_key(self, event: events.Key) -> None:
        """While finding: letters go to the search, not to the phase's keys.

        ``/`` starts finding here too, not only through its binding: a binding runs once the
        key has bubbled up to the app, and letters typed fast behind it would reach this
        widget first and the app's keys after it ("welzijn" would press ``i``, import).
        """
        if self.finding is None:
            if event.key == "slash":
                event.stop()
                event.prevent_default()
                self.action_find()
                self._used()
            elif event.key == "escape" and self.selected is not None:
                event.stop()
                event.prevent_default()
                self.selected = None
                self._used()
            return
        if event.key in ("enter", "escape"):
            self.finding = None
        elif event.key == "backspace":
            self.finding = self.finding[:-1]
        elif event.is_printable and event.character:
            self.finding += event.character
        else:
            return
        event.stop()
        event.prevent_default()
        self._used()

    def _used(self) -> None:
        """Tell the app this key was used here, so keys typed behind it need not wait."""
        used = getattr(self.app, "key_used", None)
        if used is not None:
            used()

    def watch_finding(self, finding: str | None) -> None:
        if finding:
            found = find(self.plate, finding)
            if found is not None:
                self.selected = found
        self.post_message(self.Selected(self, self.selected))

    def on_click(self, event: events.Click) -> None:
        """A click on a name or a point selects that organisation."""
        drawing = self._drawing
        if drawing is None:
            return
        for node_id, (row, start, end) in drawing.labels.items():
            point = drawing.points[node_id]
            on_label = row == event.y and start <= event.x < end
            if on_label or point == (event.x, event.y):
                self.selected = node_id
                return


def find(plate: Plate, typed: str) -> str | None:
    """The first organisation (by name) whose name starts with ``typed``, else whose words do,
    else that contains it (case and accents as typed are ignored)."""
    from wijksessie.domain.analysis import matches

    key = typed.casefold().strip()
    if not key:
        return None
    nodes = sorted(plate.nodes, key=lambda node: (node.name.casefold(), node.id))
    for test in (
        lambda name: name.casefold().startswith(key),
        lambda name: any(word.startswith(key) for word in name.casefold().split()),
        lambda name: matches([name], typed),
    ):
        for node in nodes:
            if test(node.name):
                return node.id
    return None


__all__ = ["Drawing", "NetworkPlate", "PlateLine", "draw", "find", "fits", "shorten"]
