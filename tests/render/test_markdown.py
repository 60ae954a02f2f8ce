"""Markdown: the demo as a golden file, and parsed with markdown-it-py to prove it renders."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.render.conftest import MARKUP, demo_summary, hostile_summary
from wijksessie.render.markdown import escape, to_markdown


def _parser() -> MarkdownIt:
    """CommonMark with tables and strikethrough, and raw HTML *allowed*: the riskiest reader."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _tokens(text: str) -> list[Token]:
    flat: list[Token] = []
    for token in _parser().parse(text):
        flat.append(token)
        flat.extend(token.children or [])
    return flat


def _table_count(text: str) -> int:
    return sum(line.startswith("| --- ") for line in text.splitlines())


def test_demo_markdown(assert_golden: Callable[[str, str], None]) -> None:
    assert_golden("demo.md", to_markdown(demo_summary()))


@pytest.mark.parametrize("summary", [demo_summary(), hostile_summary()], ids=["demo", "hostile"])
def test_tables_are_tables_and_nothing_is_raw_html(summary: object) -> None:
    text = to_markdown(summary)  # type: ignore[arg-type]
    tokens = _tokens(text)
    kinds = [token.type for token in tokens]
    assert kinds.count("table_open") == _table_count(text) > 5
    assert "html_block" not in kinds
    assert "html_inline" not in kinds
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    assert headings[:2] == ["h1", "h2"]


def test_every_table_row_has_as_many_cells_as_its_header() -> None:
    text = to_markdown(hostile_summary())
    tokens = _parser().parse(text)
    widths, cells = [], 0
    for token in tokens:
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            widths.append(cells)
        elif token.type == "table_close":
            assert len(set(widths)) == 1, widths
            widths = []


def test_hostile_text_renders_as_text() -> None:
    html = _parser().render(to_markdown(hostile_summary()))
    assert "<script>" not in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert MARKUP in html
    assert "\x1b" not in html
    assert "<h1>Titel" in html
    assert "<h1>kop" not in html and "<h1># kop" not in html


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("a | b", "a \\| b"),
        ("*ster* _streep_", "\\*ster\\* \\_streep\\_"),
        ("<b>", "\\<b\\>"),
        ("# kop", "\\# kop"),
        ("- lijst", "\\- lijst"),
        ("3. punt", "3\\. punt"),
        ("regel\n\n# twee", "regel # twee"),
        ("Peper & Zout", "Peper & Zout"),
        ("&amp;", "\\&amp;"),
        ("[link](x)", "\\[link\\](x)"),
        ("\x1b[31m", "␛\\[31m"),
    ],
)
def test_escape(typed: str, shown: str) -> None:
    assert escape(typed) == shown


@pytest.mark.parametrize("typed", ["a | b", "*x*", "<i>y</i>", "# z", "1) w", "`c`", "~~s~~"])
def test_escaped_text_renders_to_itself(typed: str) -> None:
    rendered = _parser().renderInline(escape(typed))
    unescaped = rendered.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert unescaped == typed
