"""The network picture and the theme matrix: valid SVG, escaped, the same every time."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import Network, Organisation, Session
from wijksessie.render.picture import ISOLATED_COLOUR, matrix_svg, network_svg

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def network() -> Network:
    """The demo Kruidenbuurt network: overlaps, an isolated organisation, commitments."""
    return demo_network()


def _all_text(svg: str) -> str:
    return " ".join(ET.fromstring(svg).itertext())


def test_network_svg_is_well_formed_and_says_what_it_shows(network: Network) -> None:
    svg = network_svg(network)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "Netwerk van organisaties"
    text = _all_text(svg)
    for org in network.organisations:
        assert org.name[:20] in text
    assert "mogelijke verbinding" in text and "nog zonder verbinding" in text


def test_network_svg_draws_the_same_every_time(network: Network) -> None:
    assert network_svg(network) == network_svg(network)
    assert matrix_svg(network) == matrix_svg(network)


def test_overlap_pairs_are_dashed_and_isolated_organisations_marked(network: Network) -> None:
    svg = network_svg(network)
    assert '<path d="M' in svg and 'stroke-dasharray="9 6"' in svg
    assert f'stroke="{ISOLATED_COLOUR}"' in svg


def test_no_script_and_every_name_escaped(network: Network) -> None:
    network.organisations[0].name = '<script>alert("x")</script>'
    network.organisations[1].sector = "a & b <c>"
    for svg in (network_svg(network), matrix_svg(network)):
        ET.fromstring(svg)
        assert "<script" not in svg
        assert "&lt;script&gt;" in svg
        assert "javascript:" not in svg.lower() and "http://" not in svg.replace(
            "http://www.w3.org/2000/svg", ""
        )


def test_control_characters_do_not_break_the_xml(network: Network) -> None:
    network.organisations[0].name = "\x1b[31mrood\x00"
    for svg in (network_svg(network), matrix_svg(network)):
        assert ET.fromstring(svg).tag.endswith("svg")
        assert "\x1b" not in svg and "\x00" not in svg


def test_empty_network_says_so() -> None:
    empty = Network(Session("Leeg"))
    assert "Nog geen organisaties" in _all_text(network_svg(empty))
    assert "Nog geen initiatieven" in _all_text(matrix_svg(empty))


def test_organisations_without_any_line_are_all_drawn() -> None:
    network = Network(Session("x"), organisations=[Organisation(f"Org {n}") for n in range(3)])
    svg = network_svg(network)
    assert svg.count("<circle") >= 3 * 2
    assert "Org 2" in _all_text(svg)


def test_matrix_marks_themes_nobody_works_on(network: Network) -> None:
    svg = matrix_svg(network)
    root = ET.fromstring(svg)
    red = [el.text for el in root.iter(f"{SVG}text") if el.get("fill") == ISOLATED_COLOUR]
    assert "mantelzorg" in red


@pytest.mark.parametrize(
    "text", ["", "a & b", "<script>", "x > y", 'say "hi"', "it's", "both \" and '", "a\nb\tc\rd"]
)
def test_svg_escaping_is_what_the_standard_library_does(text: str) -> None:
    """``render.xml_text`` replaces ``xml.sax.saxutils`` (a 40 ms import) with the same output."""
    from xml.sax.saxutils import escape as sax_escape
    from xml.sax.saxutils import quoteattr as sax_quoteattr

    from wijksessie.render.xml_text import escape, quoteattr

    assert escape(text) == sax_escape(text)
    assert quoteattr(text) == sax_quoteattr(text)


@pytest.mark.parametrize(
    "text", ["", "a & b", "<script>", "x > y", 'say "hi"', "it's", "both \" and '", "&#39;&amp;"]
)
def test_html_escaping_is_what_markupsafe_does(text: str) -> None:
    """The summary page escapes as its Jinja2 template did, without importing markupsafe."""
    from markupsafe import escape

    from wijksessie.render.xml_text import escape_html

    assert escape_html(text) == str(escape(text))
