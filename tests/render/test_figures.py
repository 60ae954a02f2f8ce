"""Pictures in the HTML summary: present, self-contained, and escaped."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from xml.etree import ElementTree

from wijksessie.domain.demo import demo_network
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
