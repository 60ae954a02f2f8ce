"""Render fixtures: the demo summary, a hostile one, and golden files with a regenerate switch.

Golden files live in ``tests/render/golden/``. After an intended change of the output, run
``WIJKSESSIE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/render`` and review the diff in git.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import Network, Position, Stance
from wijksessie.domain.summary import Summary, build_summary

TODAY = date(2026, 11, 25)
GOLDEN = Path(__file__).parent / "golden"
UPDATE_ENV = "WIJKSESSIE_UPDATE_GOLDEN"

SCRIPT = "<script>alert('x')</script>"
MARKUP = "[bold red]x[/]"
ANSI = "\x1b[31mrood"
EVIL = f"{SCRIPT} {MARKUP} {ANSI} | *ster* _streep_ `code` &amp; \n# kop"
"""Typed text that tries every trick: HTML, Rich markup, an ANSI escape, Markdown syntax."""


def demo_summary(**options: object) -> Summary:
    """The demo session's summary for the fixed day the golden files were made on."""
    return build_summary(demo_network(today=TODAY), today=TODAY, **options)


def hostile_network() -> Network:
    """The demo with ``EVIL`` in every kind of text a user types, so every section shows it."""
    network = demo_network(today=TODAY)
    network.session = dataclasses.replace(
        network.session,
        title=f"Titel {EVIL}",
        wijk=EVIL,
        location=EVIL,
        facilitator=EVIL,
        question=EVIL,
        previous_session=EVIL,
        previous_title=EVIL,
    )
    for items, field in (
        (network.questions, "text"),
        (network.organisations, "name"),
        (network.participants, "name"),
        (network.initiatives, "name"),
        (network.goals, "text"),
        (network.agreements, "text"),
        (network.commitments, "what"),
        (network.commitments, "note"),
        (network.parking, "text"),
    ):
        for item in items[:2]:
            setattr(item, field, f"{getattr(item, field)} {EVIL}")
    network.organisations[0].sector = EVIL
    network.organisations[0].interests.append(EVIL)
    network.initiatives[0].themes.append(EVIL)
    network.questions[-1].source = EVIL
    last = network.agreements[2].rounds[-1]
    objector = next(pid for pid, p in last.positions.items() if p.stance is Stance.OBJECTION)
    last.positions[objector] = Position(Stance.OBJECTION, EVIL)
    return network


def hostile_summary(**options: object) -> Summary:
    """The hostile network's summary, with contact details in (the most the summary can hold)."""
    return build_summary(hostile_network(), today=TODAY, **{"with_contact": True, **options})


@pytest.fixture
def assert_golden() -> Callable[[str, str], None]:
    """Compare text with a golden file; rewrite the file instead when the update switch is on."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if os.environ.get(UPDATE_ENV):
            path.write_bytes(text.encode("utf-8"))
            return
        assert path.exists(), f"{path.name} ontbreekt: draai met {UPDATE_ENV}=1"
        expected = path.read_bytes().decode("utf-8")
        assert text == expected, f"{path.name} wijkt af; bij een bedoelde wijziging: {UPDATE_ENV}=1"

    return check
