"""Network plates: every organisation in the same place in every plate, a row per theme."""

from __future__ import annotations

import re

import pytest

from tests.domain.over_time_sessions import RESIDENT_NAMES, four_sessions
from wijksessie.domain.matching import parse_decisions
from wijksessie.domain.over_time import SessionSource, build_overview
from wijksessie.render.over_time import to_html
from wijksessie.render.plates import SIZE, layout, plate_rows

DECISIONS = parse_decisions(
    {
        "format": "wijksessie-koppelingen",
        "organisaties": [{"a": "Gemeente Waterveen", "b": "Gemeente Waterfeen", "zelfde": True}],
    }
)


def overview():
    sources = [SessionSource(name, network) for name, network in four_sessions().items()]
    return build_overview(sources, DECISIONS)


def circles(svg: str) -> dict[str, tuple[str, str]]:
    """Each dot's organisation (its tooltip) and place."""
    found = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>([^<]*)</title>', svg)
    return {name: (x, y) for x, y, name in found}


def test_a_row_for_the_whole_network_and_one_per_theme() -> None:
    rows = plate_rows(overview())

    assert [title for title, _plates in rows] == [
        "Het hele netwerk",
        "armoede & schulden",
        "eenzaamheid",
        "jeugd",
    ]
    assert all(len(plates) == 4 for _title, plates in rows)


def test_an_organisation_keeps_its_place_in_every_plate() -> None:
    rows = plate_rows(overview())

    places: dict[str, set[tuple[str, str]]] = {}
    for _title, plates in rows:
        for svg in plates:
            for name, place in circles(svg).items():
                places.setdefault(name, set()).add(place)

    assert "Welzijn Waterveen" in places and "Voedselbank Oost" in places
    assert all(len(found) == 1 for found in places.values())


def test_the_layout_is_the_same_every_run_and_inside_the_plate() -> None:
    graphs = overview().graphs

    first, second = layout(graphs), layout(graphs)

    assert first == second
    assert all(0 <= x <= SIZE and 0 <= y <= SIZE for x, y in first.values())


def test_the_page_has_the_plates_and_no_resident() -> None:
    page = to_html(overview())

    assert "Netwerkplaten" in page
    assert page.count("<circle") >= 20
    assert "<script" not in page
    assert not any(name in page for name in RESIDENT_NAMES)


def test_the_poster_is_one_a0_svg_with_every_plate() -> None:
    from xml.etree import ElementTree

    from wijksessie.render.plates import poster_svg

    text = poster_svg(overview())

    root = ElementTree.fromstring(text)
    _x, _y, width, height = (float(n) for n in root.get("viewBox", "").split())
    assert width > height
    assert (root.get("width"), root.get("height")) == ("1189mm", "841mm")
    plates = root.findall("{http://www.w3.org/2000/svg}svg")
    assert len(plates) == 4 * 4
    assert len({(p.get("x"), p.get("y")) for p in plates}) == 16
    assert "<script" not in text
    assert not any(name in text for name in RESIDENT_NAMES)


def test_the_poster_turns_to_portrait_when_the_plates_are_taller_than_wide(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two sessions with eight themes: on the landscape sheet the plates filled two fifths of
    its width (found printing one in Chromium)."""
    from xml.etree import ElementTree

    from wijksessie.render import plates

    rows = plates.plate_rows(overview())
    tall = [(f"{title} {n}", row[:2]) for n in range(2) for title, row in rows]
    monkeypatch.setattr(plates, "plate_rows", lambda _overview: tall)
    root = ElementTree.fromstring(plates.poster_svg(overview()))
    _x, _y, width, height = (float(n) for n in root.get("viewBox", "").split())
    assert height > width
    assert (root.get("width"), root.get("height")) == ("841mm", "1189mm")
