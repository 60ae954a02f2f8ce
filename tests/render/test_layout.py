"""The ring layout by sector: the same places every time, a row per name, sectors together."""

from __future__ import annotations

from wijksessie.domain.demo import demo_network
from wijksessie.render.layout import plate_of, possible_pairs, ring_layout, ring_rows


def test_same_places_every_time_and_fast_enough_to_not_matter() -> None:
    sectors = [[f"{s}-{n}" for n in range(4)] for s in "abcdefghij"]
    assert ring_layout(sectors) == ring_layout(sectors)


def test_each_side_has_one_organisation_per_row_and_names_read_outward() -> None:
    sectors = [["a1", "a2", "a3"], ["b1"], ["c1", "c2"], ["d1", "d2", "d3", "d4"]]
    places = ring_layout(sectors)
    for side in ("left", "right"):
        rows = [p.row for p in places.values() if p.side == side]
        assert len(rows) == len(set(rows))
        for place in places.values():
            if place.side == side:
                assert (place.x <= 0.5) == (side == "left")
    assert all(0 <= p.x <= 1 and 0 < p.y < 1 for p in places.values())


def test_sectors_sit_together_clockwise_from_the_top() -> None:
    sectors = [["a1", "a2"], ["b1", "b2"], ["c1", "c2"], ["d1", "d2"]]
    places = ring_layout(sectors)
    right = sorted((p.row, key) for key, p in places.items() if p.side == "right")
    left = sorted(((-p.row, key) for key, p in places.items() if p.side == "left"))
    ring = [key for _row, key in right] + [key for _row, key in left]
    assert ring == ["a1", "a2", "b1", "b2", "c1", "c2", "d1", "d2"]


def test_a_blank_row_between_sectors_only_while_it_fits() -> None:
    sectors = [["a1", "a2"], ["b1", "b2"], ["c1"]]
    assert ring_rows(sectors) == 4  # 5 organisations and 2 blank rows over two sides
    assert ring_rows(sectors, rows=4) == 4  # 7 slots fit in 2 × 4 rows
    assert ring_rows(sectors, rows=3) == 3  # they do not fit in 2 × 3: no blank rows
    assert ring_layout([]) == {}
    assert ring_layout([["only"]])["only"].x == 0.5


def test_the_plate_of_the_demo() -> None:
    network = demo_network()
    plate = plate_of(network)
    assert len(plate.nodes) == len(network.organisations)
    assert [sector for sector, _nodes in plate.sectors][:2] == ["huisartsenzorg", "welzijn"]
    assert len(possible_pairs(network)) == 2
    assert {line.kind for line in plate.lines} >= {"werken samen", "mogelijke verbinding"}
