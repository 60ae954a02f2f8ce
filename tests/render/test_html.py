"""HTML: the demo as a golden file; one self-contained page; everything typed is escaped."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

from tests.render.conftest import MARKUP, demo_summary, hostile_summary
from wijksessie.render.html import to_html


class _Tags(HTMLParser):
    """Collects every start tag with its attributes, and the text of <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_demo_html(assert_golden: Callable[[str, str], None]) -> None:
    assert_golden("demo.html", to_html(demo_summary(with_contact=True)))


def test_one_self_contained_page_without_scripts_or_external_assets() -> None:
    page = _parse(to_html(demo_summary(with_contact=True)))
    names = [tag for tag, _ in page.tags]
    assert names[0] == "html"
    assert names.count("style") == 1
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(names)
    for _, attrs in page.tags:
        assert not any(key.startswith("on") for key in attrs)
        for key in ("src", "href"):
            assert not (attrs.get(key) or "").startswith(("http", "//"))
    assert "@media print" in page.style
    assert "size: A4" in page.style
    assert "url(" not in page.style and "@import" not in page.style


def test_sections_are_there() -> None:
    ids = {attrs.get("id") for _, attrs in _parse(to_html(demo_summary())).tags}
    assert {"wie-waren-er", "wie-doet-wat", "wat-opvalt", "doelen", "afspraken"} <= ids
    assert {"toezeggingen-per-persoon", "toezeggingen-per-doel", "open-vragen"} <= ids
    assert {"parkeerplaats", "agenda"} <= ids
    assert "jouw-toezeggingen" not in ids


def test_a_participants_own_commitments_come_first() -> None:
    html = to_html(demo_summary(for_participant="Gerda Willems"))
    assert html.index('id="jouw-toezeggingen"') < html.index('id="wie-waren-er"')
    assert "Jouw toezeggingen · Gerda Willems" in html


def test_hostile_text_is_escaped_never_run() -> None:
    html = to_html(hostile_summary())
    names = [tag for tag, _ in _parse(html).tags]
    assert "script" not in names
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert MARKUP in html
    assert "\x1b" not in html
    assert "␛[31mrood" in html


def test_a_big_network_prints_compactly_a_small_one_as_it_was() -> None:
    """Issue 17, point 7: the large benchmark session printed to 348 A4 pages (now 128)."""
    import dataclasses

    from wijksessie.render.html import COMPACT

    summary = demo_summary()
    assert '<body class="compact">' not in to_html(summary)
    many = summary.by_person[0].commitments * (COMPACT // len(summary.by_person[0].commitments) + 1)
    group = dataclasses.replace(summary.by_person[0], commitments=many)
    big = dataclasses.replace(summary, by_person=(group, *summary.by_person[1:]))
    page = to_html(big)
    assert '<body class="compact">' in page
    assert "Op papier staan de toezeggingen alleen per persoon" in page


def test_every_sentence_of_the_page_is_seen_by_the_catalogue() -> None:
    """``render.html`` writes the page with f-strings; ``pybabel extract`` (and the i18n tests)
    do not look inside an f-string on Python 3.11, so a ``_()`` there would stay Dutch in an
    English page without any test noticing."""
    import re
    from pathlib import Path

    from wijksessie.render import html

    source = Path(html.__file__).read_text(encoding="utf-8")
    assert re.findall(r"\{\s*(?:_|ngettext)\(", source) == []


def test_a_right_to_left_name_is_isolated_from_what_stands_next_to_it() -> None:
    """An Arabic organisation's name ran into the text beside it: the browser showed the
    count after it before it. Each such name is in its own ``<bdi>``; Latin ones are not."""
    from tests.render.conftest import TODAY
    from wijksessie.domain.demo import demo_network
    from wijksessie.domain.summary import build_summary

    network = demo_network(today=TODAY)
    network.organisations[0].name = "جمعية الجيران <b>"
    html = to_html(build_summary(network, today=TODAY))
    assert "<bdi>جمعية الجيران &lt;b&gt;</bdi>" in html
    assert "<bdi>" + network.organisations[1].name not in html
    assert html.count("<bdi>") == html.count("</bdi>")
