"""Issue 17, point 8: what every Markdown renderer shows, plurals, notes only when they apply."""

from __future__ import annotations

import dataclasses
import re

from markdown_it import MarkdownIt

from tests.render.conftest import TODAY, demo_summary
from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import Initiative, Network, Organisation, Session
from wijksessie.render.html import to_html
from wijksessie.render.markdown import to_markdown
from wijksessie.render.picture import matrix_svg
from wijksessie.render.text import to_text


def test_markdown_has_no_strikethrough_commonmark_shows_literally() -> None:
    markdown = to_markdown(demo_summary(with_contact=True))
    assert "~~" not in markdown
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "~~" not in html
    assert "afwezig" in markdown and "vervallen" in markdown


def _one_theme() -> Network:
    organisation = Organisation("Buurthuis", id="o1")
    initiative = Initiative("Koffie", organisation_id="o1", themes=["ontmoeting"])
    return Network(Session("Eén"), organisations=[organisation], initiatives=[initiative])


def test_one_theme_is_singular_and_no_red_note_without_red() -> None:
    svg = matrix_svg(_one_theme())
    assert "1 thema bij 1 organisatie; 0 thema's waar niemand aan werkt." in svg
    assert "1 thema's" not in svg and "Rood:" not in svg


def test_the_red_note_is_there_when_a_row_is_red() -> None:
    assert "Rood:" in matrix_svg(demo_network(today=TODAY))


def test_agenda_total_without_time_spent_is_a_dash_like_its_phases() -> None:
    summary = demo_summary()
    unspent = tuple(dataclasses.replace(item, spent_minutes=0) for item in summary.agenda)
    summary = dataclasses.replace(summary, agenda=unspent)
    zero = re.compile(r"(?<!\d)0 min")
    assert not zero.search(to_markdown(summary))
    assert not zero.search(to_text(summary))
    assert not zero.search(to_html(summary).split('id="agenda"')[1])
