"""Dutch everywhere, each key once in the help, Home and End in every list (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from textual.command import CommandList
from textual.widgets import DataTable, Input
from textual.widgets.option_list import OptionDoesNotExist

from tests.ui.conftest import AppFactory, wait_until
from wijksessie.store import SessionStore
from wijksessie.ui.widgets.help_screen import HelpScreen
from wijksessie.ui.widgets.key_bar import KeyBar
from wijksessie.ui.widgets.palette import NO_MATCHES_ID, Palette

ENGLISH = ("Focus Next", "Focus Previous", "Copy selected text", "Cursor up", "palette", "Page up")


def _plain(renderable: object) -> str:
    console = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


async def test_the_palette_speaks_dutch(make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        bar = str(app.screen.query_one(KeyBar).render())
        assert "^p opdrachten" in bar and "palette" not in bar
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, Palette))
        assert app.screen.query_one(Input).placeholder == "Zoek een opdracht…"
        await pilot.press(*"xyzzyq")
        options = app.screen.query_one(CommandList)

        def said_nothing_found() -> bool:
            try:
                prompt = options.get_option(NO_MATCHES_ID).prompt
            except OptionDoesNotExist:  # not there yet
                return False
            return "Niets gevonden" in _plain(prompt)

        await wait_until(pilot, said_nothing_found)


async def test_the_help_is_dutch_and_lists_each_key_once(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("f5", "question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        screen_keys, general = app.screen.rows()
        rows = screen_keys + general
        for _key, description in rows:
            assert description not in ENGLISH
        keys = [key for key, _description in rows]
        assert "f8" in keys and "^p" in keys and "^q" in keys
        for doubled in ("F8", "ctrl+p", "ctrl+q", "ctrl+l"):
            assert doubled not in keys
        assert len(keys) == len(set(keys)), keys


async def test_home_and_end_go_to_the_first_and_last_row(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "end")
        await pilot.pause()
        table = app.focused
        assert isinstance(table, DataTable)
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0


@pytest.mark.parametrize("phase_key", ["f2", "f3", "f4", "f5", "f6", "f7"])
async def test_no_phase_help_lists_textuals_english_words(
    make_app: AppFactory, demo_file: Path, phase_key: str
) -> None:
    """The Samenvatting's help listed "Scroll Left", "Page Up" and more in English: Textual's
    own descriptions of its scrolling keys, which the help did not know yet."""
    from wijksessie.ui.widgets.help_screen import TEXTUAL_WORDS

    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press(phase_key)
        await pilot.pause()
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        screen_keys, general = app.screen.rows()
        english = set(TEXTUAL_WORDS) | {"Scroll Left", "Scroll Right", "Page Up", "Page Down"}
        left = [d for _key, d in screen_keys + general if d in english]
        assert not left, left
