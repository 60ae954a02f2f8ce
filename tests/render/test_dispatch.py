"""``render`` dispatches by format name; an unknown one is a Dutch error."""

from __future__ import annotations

import pytest

from tests.render.conftest import demo_summary
from wijksessie.errors import WijksessieError
from wijksessie.render import FORMATS, render
from wijksessie.render.html import to_html
from wijksessie.render.ics import to_ics
from wijksessie.render.markdown import to_markdown
from wijksessie.render.text import to_text


def test_every_format_renders_the_same_summary() -> None:
    summary = demo_summary()
    expected = (to_text(summary), to_markdown(summary), to_html(summary), to_ics(summary))
    assert tuple(render(summary, fmt) for fmt in FORMATS) == expected


def test_unknown_format() -> None:
    with pytest.raises(
        WijksessieError, match="Onbekend formaat ‘pdf’; kies uit text, md, html, ics"
    ):
        render(demo_summary(), "pdf")
