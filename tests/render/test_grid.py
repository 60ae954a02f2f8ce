"""The summary's fast tables draw exactly what Rich's ``Table`` draws, as text and in colour."""

from __future__ import annotations

import io
import random

import pytest
from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wijksessie.render.grid import NARROW, Column, FastTable

WORDS = [
    "Buurthuis",
    "De",
    "Kruidentuin",
    "wijkverpleegkundige",
    "↻ uit vorige sessie",
    "Café",
    "“vraag”",
    "—",
    "te laat",
    "Ökumenisch-Zorgcentrum-Waterveen-Oost-en-omgeving",
    "北京",
    "x",
    "",
]


def _cell(rng: random.Random, style: str) -> Text:
    text = Text(style=style)
    for index in range(rng.randint(0, 6)):
        if index:
            text.append("\n" if rng.random() < 0.15 else " ")
        text.append(rng.choice(WORDS), style=rng.choice(["", "dim", "bold red"]))
    return text


def _tables(seed: int, headed: bool) -> tuple[FastTable, Table]:
    rng = random.Random(seed)
    count = 2 if not headed else rng.randint(1, 5)
    no_wrap = [index > 0 and rng.random() < 0.3 for index in range(count)]
    names = [rng.choice(["Wie", "Wat", "Wanneer", "Status", "#"]) for _ in range(count)]
    expand = headed and rng.random() < 0.8
    if headed:
        rich = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=expand)
        for name, flag in zip(names, no_wrap, strict=True):
            rich.add_column(name, overflow="fold", no_wrap=flag)
        fast = FastTable([Column(n, f) for n, f in zip(names, no_wrap, strict=True)], expand=expand)
    else:
        rich = Table.grid(padding=(0, 1))
        rich.add_column(no_wrap=True)
        rich.add_column(overflow="fold")
        fast = FastTable([Column(no_wrap=True), Column()], headed=False, expand=False)
    for _ in range(rng.randint(1, 8)):
        style = rng.choice(["", "strike dim"])
        cells = [_cell(rng, style) for _ in range(count)]
        if not headed:  # the bullet column holds a mark, never cut off
            cells[0] = Text(" " + rng.choice("• –"))
        rich.add_row(*[cell.copy() for cell in cells])
        fast.add_row(*cells)
        if rng.random() < 0.3:
            rich.add_section()
            fast.add_section()
    return fast, rich


def _console(width: int, colour: bool) -> Console:
    return Console(
        file=io.StringIO(),
        width=width,
        color_system="truecolor" if colour else None,
        force_terminal=colour,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def _printed(renderable: object, width: int, colour: bool) -> str:
    console = _console(width, colour)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("headed", [True, False])
@pytest.mark.parametrize("seed", range(40))
def test_a_fast_table_draws_what_rich_draws(seed: int, headed: bool) -> None:
    fast, rich = _tables(seed, headed)
    for width in (9, 23, 60, 118):
        expected = _printed(rich, width, colour=False)
        plain = "\n".join(fast.plain_lines(_console(width, False), width)) + "\n"
        strip = "\n".join(line.rstrip() for line in expected.splitlines())
        assert "\n".join(line.rstrip() for line in plain.splitlines()) == strip
        if width > 9:  # at 9 a column can be left 0 wide: Rich's blanks differ in style only
            assert _printed(fast, width, colour=True) == _printed(rich, width, colour=True)


def test_narrow_characters_take_one_cell_each() -> None:
    """``NARROW`` lets the plain export count characters instead of cells."""
    characters, index = [], 0
    while index < len(NARROW):
        first, last = NARROW[index], NARROW[index]
        if NARROW[index + 1 : index + 2] == "-":
            last = NARROW[index + 2]
            index += 2
        characters += [chr(code) for code in range(ord(first), ord(last) + 1)]
        index += 1
    assert len(characters) > 800
    assert [c for c in characters if cell_len(c) != 1] == []
