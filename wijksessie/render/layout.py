"""Where each organisation sits on the network plate: one layout for the wall and the page.

The organisations stand around a ring, sector by sector (in the order of ``model.SECTORS``,
clockwise from the top), so the room sees at a glance which domains keep to themselves and
which lines cross the middle. Each organisation has a row of its own on its side of the ring
and its name reads outward (to the left on the left side, to the right on the right side), so
no two names can overlap: not on a projector, not in a terminal of 24 rows, not on paper.

A spring layout (networkx, seeded) drew the take-home picture before: it needs numpy, takes
about 50 ms for 40 organisations and puts names wherever the springs settle, which a terminal
cannot draw without labels on top of each other. This layout is pure arithmetic: the same
session gives the same places every time, in well under a millisecond.

Its value classes are ``@record``s (``domain.record``): a cold HTML summary defines them, and
as frozen dataclasses with slots they compiled their methods at import (0.9 ms a class). A
plate has some hundreds of them, never the hundred thousands slots would pay for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from wijksessie.domain.analysis import Overlap, network_groups, overlaps
from wijksessie.domain.edges import POSSIBLE, connection_edges
from wijksessie.domain.model import Network
from wijksessie.domain.record import record

Side = Literal["left", "right"]


@record
class PlateNode:
    """One organisation on the plate."""

    id: str
    name: str
    sector: str
    isolated: bool


@record
class PlateLine:
    """A line between two organisations: a connection's kind, or ``POSSIBLE`` for an overlap."""

    a: str
    b: str
    kind: str


@record
class Plate:
    """What the plate shows: organisations in ring order, grouped by sector, and the lines."""

    sectors: tuple[tuple[str, tuple[PlateNode, ...]], ...]
    lines: tuple[PlateLine, ...]

    @property
    def nodes(self) -> tuple[PlateNode, ...]:
        """Every organisation, in ring order."""
        return tuple(node for _sector, nodes in self.sectors for node in nodes)

    def with_possible(self, possible: Sequence[PlateLine]) -> Plate:
        """The same plate with the overlap pairs added (they take a while to find)."""
        return Plate(self.sectors, (*self.lines, *possible))


def plate_of(
    network: Network, *, possible: bool = True, found: Sequence[Overlap] | None = None
) -> Plate:
    """The organisations by sector and their lines; ``possible=False`` leaves out the overlap
    pairs, which cost the overlap analysis (about 0.2 s for 500 initiatives) unless ``found``
    holds its result for this network already (the summary's, in an export)."""
    sectors = tuple(
        (
            group.sector,
            tuple(
                PlateNode(links.organisation_id, links.name, group.sector, links.isolated)
                for links in group.organisations
            ),
        )
        for group in network_groups(network)
    )
    lines = [PlateLine(e.source, e.target, e.kind) for e in connection_edges(network)]
    if possible:
        lines += possible_pairs(network, found)
    return Plate(sectors, tuple(lines))


def possible_pairs(network: Network, found: Sequence[Overlap] | None = None) -> list[PlateLine]:
    """Organisation pairs whose initiatives overlap, each pair once, best match first;
    ``found`` is ``overlaps(network)`` where the caller has it."""
    runs = {initiative.id: initiative.organisation_id for initiative in network.initiatives}
    seen: set[frozenset[str]] = set()
    pairs = []
    for overlap in overlaps(network) if found is None else found:
        a, b = runs[overlap.first_id], runs[overlap.second_id]
        if a != b and frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            pairs.append(PlateLine(a, b, POSSIBLE))
    return pairs


@record
class Place:
    """Where one organisation sits: ``x`` and ``y`` from 0 to 1 (left to right, top to
    bottom), the side its name reads to, and its row on that side (0 at the top)."""

    x: float
    y: float
    side: Side
    row: int


def ring_rows(sectors: Sequence[Sequence[str]], rows: int | None = None) -> int:
    """How many rows each side of the ring needs; with ``rows`` (a terminal's height) a blank
    row between sectors only while they fit."""
    slots = _slots(sectors, rows)
    return (len(slots) + 1) // 2


def ring_layout(sectors: Sequence[Sequence[str]], rows: int | None = None) -> dict[str, Place]:
    """The place of every id, given the ids grouped by sector in ring order.

    The first half of the ring runs down the right side, the second half up the left, on an
    ellipse: rows near the top and bottom sit nearer the middle, so lines between neighbours
    stay visible. A blank row separates sectors when ``rows`` allows it (always on paper).
    """
    slots = _slots(sectors, rows)
    if not slots:
        return {}
    per_side = (len(slots) + 1) // 2
    places: dict[str, Place] = {}
    for index, node_id in enumerate(slots):
        if node_id is None:
            continue
        right = index < per_side
        row = index if right else per_side - 1 - (index - per_side)
        y = (row + 0.5) / per_side
        reach = 0.5 * math.sqrt(max(0.0, 1.0 - (2 * y - 1) ** 2))
        if len(slots) == 1:
            reach = 0.0
        places[node_id] = Place(
            round(0.5 + reach if right else 0.5 - reach, 4),
            round(y, 4),
            "right" if right else "left",
            row,
        )
    return places


def _slots(sectors: Sequence[Sequence[str]], rows: int | None) -> list[str | None]:
    groups = [list(group) for group in sectors if group]
    count = sum(len(group) for group in groups)
    spaced = rows is None or count + len(groups) - 1 <= 2 * rows
    slots: list[str | None] = []
    for group in groups:
        if slots and spaced:
            slots.append(None)
        slots.extend(group)
    return slots
