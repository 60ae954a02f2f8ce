"""The HTML summary in a real browser: a phone at 390 px needs no sideways scrolling.

Participants open the summary on their phone. A table that runs off the right edge hides when
and whether a promise is due, so at 390 px every table is a stack of cards, every commitment's
what, who, when and status is on screen, and the pictures give way to the same in words. At
1280 px the page stays a page of tables. Runs headless Chromium (``tests/render/browser.py``);
skipped without it locally, but ``.ci/run`` installs it and makes its absence a failure.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.render import browser
from tests.render.conftest import TODAY
from wijksessie.domain.demo import demo_network
from wijksessie.domain.summary import build_summary
from wijksessie.render.figures import network_figures
from wijksessie.render.html import to_html

PHONE, TABLET, DESKTOP = 390, 768, 1280


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[int, dict[str, Any]]]:
    if browser.browser() is None:
        if browser.required():
            pytest.fail("chromium ontbreekt, maar .ci/run vraagt om de browsertest")
        pytest.skip("chromium ontbreekt (apt-get install chromium); CI installeert het")
    network = demo_network(today=TODAY)
    figures = network_figures(network)
    folder = tmp_path_factory.mktemp("browser")
    pages = {
        "alles": to_html(build_summary(network, today=TODAY, with_contact=True), figures),
        "gerda": to_html(
            build_summary(network, today=TODAY, with_contact=True, for_participant="Gerda Willems"),
            figures,
        ),
    }
    long_word = "Buurtbewonersondersteuningsinitiatiefcoördinatiewerkgroepvergadering" * 2
    network.commitments[0].what = long_word
    network.organisations[0].name = long_word
    network.participants[0].email = f"{long_word}@example.nl"
    network.participants[0].share_contact = True
    pages["lange woorden"] = to_html(
        build_summary(network, today=TODAY, with_contact=True), network_figures(network)
    )
    network = demo_network(today=TODAY)
    network.organisations[1].name = (
        "Stichting Samenwerkende Maatschappelijke Organisaties voor Welzijn, Zorg en Participatie"
        " in de Gemeente Westerkwartier-Noord en de omliggende kernen"
    )
    network.participants[1].name = '=HYPERLINK("http://example.org/?x="&A1,"klik")'
    pages["lange namen"] = to_html(
        build_summary(network, today=TODAY, with_contact=True), network_figures(network)
    )
    return {
        name: browser.measure(page, (PHONE, TABLET, DESKTOP), folder)
        for name, page in pages.items()
    }


@pytest.mark.parametrize("page", ["alles", "gerda", "lange woorden", "lange namen"])
def test_a_phone_needs_no_sideways_scrolling(measured: dict, page: str) -> None:
    phone = measured[page][PHONE]
    assert phone["width"] == PHONE
    assert phone["scrollWidth"] <= PHONE, phone["outside"][:5]
    assert phone["outside"] == []


@pytest.mark.parametrize("page", ["alles", "gerda"])
def test_every_commitment_cell_is_on_a_phone_screen_with_its_label(
    measured: dict, page: str
) -> None:
    phone = measured[page][PHONE]
    assert phone["commitmentCells"] > 0
    assert phone["commitmentRight"] <= PHONE
    assert all(label not in ("none", "normal", "") for label in phone["labels"])
    assert {'"Wanneer"', '"Status"'} <= set(phone["labels"])


def test_pictures_are_legible_or_in_words_on_a_phone(measured: dict) -> None:
    smallest = measured["alles"][PHONE]["smallestSvgText"]
    assert smallest is None or smallest >= 9


@pytest.mark.parametrize("page", ["lange woorden", "lange namen"])
@pytest.mark.parametrize("width", [TABLET, DESKTOP])
def test_a_long_name_never_widens_the_page(measured: dict, page: str, width: int) -> None:
    """A long organisation's name in a coalition's chip (which did not wrap), or a typed
    formula with no space in a table cell, made the page scroll sideways at 768 px, and made
    Chromium shrink every printed page to fit the widest (the paper's rules are these)."""
    figures = measured[page][width]
    assert figures["scrollWidth"] <= width, figures["outside"][:5]
    assert figures["outside"] == []


def test_the_desktop_page_keeps_its_tables_and_pictures(measured: dict) -> None:
    desktop = measured["alles"][DESKTOP]
    assert desktop["scrollWidth"] <= DESKTOP
    assert desktop["labels"] and set(desktop["labels"]) <= {"none", "normal"}
    assert desktop["smallestSvgText"] is not None


def test_the_network_over_time_page_fits_a_phone_and_a_desktop(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Issue 18's page in Chromium: the wide table of sessions scrolls inside its own box (its
    indicator names stay in view), so the page itself never scrolls sideways, at 390 or 1280
    px; it prints (A4 landscape, the plates on A3)."""
    if browser.browser() is None:
        if browser.required():
            pytest.fail("chromium ontbreekt, maar .ci/run vraagt om de browsertest")
        pytest.skip("chromium ontbreekt (apt-get install chromium); CI installeert het")
    from tests.render.test_plates import overview
    from wijksessie.render.over_time import to_html as overview_html

    folder = tmp_path_factory.mktemp("over-time")
    page = overview_html(overview())
    for width, figures in browser.measure(page, (PHONE, DESKTOP), folder).items():
        assert figures["scrollWidth"] <= width, (width, figures["outside"][:5])
    saved = folder / "netwerk.html"
    saved.write_text(page, encoding="utf-8")
    browser.print_pdf(saved, folder / "netwerk.pdf")
    assert browser.pdf_pages(folder / "netwerk.pdf") >= 2
