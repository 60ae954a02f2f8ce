"""The terminal rendering: the demo as a golden file, typed text always literal."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from rich.console import Console

from tests.render.conftest import MARKUP, SCRIPT, demo_summary, hostile_summary
from wijksessie.render.text import summary_lines, summary_renderable, to_text


def test_demo_text(assert_golden: Callable[[str, str], None]) -> None:
    assert_golden("demo.txt", to_text(demo_summary()))


def test_demo_text_for_one_participant(assert_golden: Callable[[str, str], None]) -> None:
    assert_golden("demo-voor-gerda.txt", to_text(demo_summary(for_participant="Gerda Willems")))


def test_every_section_is_there() -> None:
    text = to_text(demo_summary())
    for heading in (
        "Wie waren er",
        "Wie doet wat",
        "Wat opvalt",
        "Gezamenlijke doelen",
        "Basisafspraken",
        "Toezeggingen per persoon",
        "Toezeggingen per doel",
        "Open vragen van inwoners",
        "Parkeerplaats",
        "Agenda",
    ):
        assert heading in text
    assert "Jouw toezeggingen" not in text


def _ansi_output(renderable: object) -> str:
    """What a colour terminal receives, escape codes included."""
    buffer = io.StringIO()
    Console(file=buffer, width=120, force_terminal=True, color_system="truecolor").print(renderable)
    return buffer.getvalue()


@pytest.mark.parametrize("colour", [False, True])
def test_markup_and_escapes_are_shown_literally(colour: bool) -> None:
    summary = hostile_summary()
    out = _ansi_output(summary_renderable(summary)) if colour else to_text(summary, width=400)
    assert MARKUP in out
    assert SCRIPT in out
    assert "␛[31mrood" in out
    assert "\x1b[31mrood" not in out
    if not colour:
        assert "\x1b" not in out


def test_overdue_and_carried_are_written_out_not_only_coloured() -> None:
    text = to_text(demo_summary())
    assert text.count("te laat") == 4  # two overdue commitments, by person and by goal
    assert "geen datum" in text


@pytest.mark.parametrize("width", [60, 118])
def test_the_parts_together_are_the_whole_summary(width: int) -> None:
    summary = hostile_summary()
    console = Console(
        file=io.StringIO(), width=width, color_system="truecolor", force_terminal=True
    )
    whole = console.render_lines(summary_renderable(summary), console.options, pad=False)
    parts = list(summary_lines(summary, width))
    assert len(parts) > 5
    assert [line for part in parts for line in part] == whole
    assert all(sum(s.cell_length for s in line) <= width for part in parts for line in part)
