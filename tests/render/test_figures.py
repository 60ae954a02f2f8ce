"""Pictures in the HTML summary: present, self-contained, and escaped."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from xml.etree import ElementTree

from wijksessie.domain.demo import demo_network
from wijksessie.domain.edges import POSSIBLE
from wijksessie.domain.model import Network, Organisation, Session
from wijksessie.domain.summary import build_summary
from wijksessie.render.figures import network_figures
from wijksessie.services.formats import render

DAY = date(2026, 11, 25)


def test_demo_html_carries_both_pictures_inline() -> None:
    network = demo_network(today=DAY)
    html = render(build_summary(network, today=DAY), "html", figures=network_figures(network))
    section = html[html.index('id="in-beeld"') :]
    assert section.count("<svg") == 2
    assert "Het netwerk" in section and "per organisatie" in section
    assert not re.search(r"<script|(src|href)=[\"']?https?://", html)


def test_figures_escape_names() -> None:
    network = demo_network(today=DAY)
    evil = replace(network.organisations[0], name="<script>alert(1)</script>")
    network = replace(network, organisations=[evil, *network.organisations[1:]])
    for figure in network_figures(network):
        assert "<script>" not in figure.svg
        ElementTree.fromstring(figure.svg)
    html = render(build_summary(network, today=DAY), "html", figures=network_figures(network))
    assert "<script>" not in html


def test_no_organisations_no_pictures() -> None:
    assert network_figures(Network(Session("Leeg"))) == ()
    network = Network(Session("Eén"), organisations=[Organisation("Alleen")])
    assert len(network_figures(network)) == 2


def test_other_formats_ignore_figures() -> None:
    network = demo_network(today=DAY)
    summary = build_summary(network, today=DAY)
    figures = network_figures(network)
    assert render(summary, "md", figures=figures) == render(summary, "md")


def test_a_heatmap_of_forty_organisations_stays_readable_on_a4() -> None:
    """Issue 17, point 7: 40 organisations as columns drew 1,734 units wide (4 pt on A4)."""
    from wijksessie.domain.model import Initiative
    from wijksessie.render.picture import matrix_svg

    organisations = [Organisation(f"Organisatie {n:02}", id=f"o{n}") for n in range(40)]
    initiatives = [
        Initiative(f"Initiatief {n}", organisation_id=f"o{n}", themes=["jeugd", "wonen"])
        for n in range(40)
    ]
    network = Network(Session("Groot"), organisations=organisations, initiatives=initiatives)
    svg = matrix_svg(network)
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    assert width <= 1000
    a4_scale = 680 / width  # an A4 page's printable width in CSS pixels
    assert 13 * a4_scale >= 8.5  # the smallest text, in px: at least about 6.5 pt
    ElementTree.fromstring(svg)
    assert "Organisatie 39" in svg


def test_a_big_network_draws_only_the_strongest_possible_links() -> None:
    """Issue 17, point 7: 740 dashed 'mogelijke verbinding' lines tangled 40 organisations."""
    from wijksessie.render.picture import MIN_POSSIBLE, strongest

    lines = [("a", "b", "werken samen")] + [(f"o{n}", f"p{n}", POSSIBLE) for n in range(740)]
    kept, hidden = strongest(lines, 40)
    assert kept[0] == ("a", "b", "werken samen")
    assert kept[1:] == lines[1:41] and hidden == 700
    assert strongest(lines[:5], 3) == (lines[:5], 0)
    assert MIN_POSSIBLE >= 10


def test_the_heatmap_totals_count_each_initiative_once_and_say_so() -> None:
    """Issue 15, point 21: an organisation with one initiative on two themes showed total 2
    (organisations as rows); the caption says what a cell and a total count."""
    from wijksessie.domain.model import Initiative
    from wijksessie.render.picture import matrix_svg

    organisations = [Organisation(f"Organisatie {n:02}", id=f"o{n}") for n in range(20)]
    initiatives = [
        Initiative(f"Initiatief {n}", organisation_id=f"o{n}", themes=["jeugd", "wonen"])
        for n in range(20)
    ]
    network = Network(Session("Groot"), organisations=organisations, initiatives=initiatives)
    root = ElementTree.fromstring(matrix_svg(network))
    numbers = [
        el.text
        for el in root.iter("{http://www.w3.org/2000/svg}text")
        if el.get("font-weight") == "bold"
    ]
    assert numbers == ["1"] * 20  # each organisation's total: one initiative
    (_, matrix) = network_figures(network)
    assert "één keer" in matrix.caption
