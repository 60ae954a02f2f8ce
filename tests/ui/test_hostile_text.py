"""Hostile text never reaches the terminal, and hostile files never break a screen (issue 19,
points 4, 5, 9 and 10).

What Textual writes to the terminal is each widget's rendered lines; these tests read those
lines (``Widget.render_line``) for every widget on screen and look for the bytes that start a
terminal escape, ring the bell, or turn text around.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from tests import hostile
from tests.ui.conftest import AppFactory, read_json
from wijksessie.domain.model import Session
from wijksessie.domain.tidy import tidy
from wijksessie.store import SessionStore
from wijksessie.ui.screens.session import SessionScreen
from wijksessie.ui.screens.start import StartScreen
from wijksessie.ui.widgets.clean_input import CleanInput, CleanTextArea
from wijksessie.ui.widgets.row_list import RowList

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never be in a rendered line: C0 (but tab and newline), DEL, C1, ESC, BEL and
direction overrides."""
ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")


def raw_on_screen(app, raw: re.Pattern[str] = RAW) -> list[str]:
    """Every rendered line on the current screen that holds a raw control character."""
    found = []
    for widget in app.screen.walk_children(with_self=True):
        if not widget.display or not widget.size.area:
            continue
        for y in range(widget.size.height):
            text = "".join(segment.text for segment in widget.render_line(y))
            if raw.search(text):
                found.append(f"{type(widget).__name__}: {text!r}")
    return found


async def _edit_first_participant(app, pilot) -> Input:
    await pilot.pause()
    await pilot.press("ctrl+pagedown")
    await pilot.pause()
    await pilot.press("1", "enter")
    await pilot.pause()
    return app.screen.query_one("#field-name", Input)


@pytest.mark.parametrize("loader_cleans", [True, False])
async def test_a_name_with_terminal_escapes_never_reaches_the_terminal(
    make_app: AppFactory, sessions: Path, monkeypatch: pytest.MonkeyPatch, loader_cleans: bool
) -> None:
    """Shown in the participants' list and in the form's input field, the name that
    retitled the terminal shows without its escape; also when loading did not clean it."""
    path = hostile.escapes_and_bidi(sessions)
    before = path.read_bytes()
    if not loader_cleans:  # the participants are left raw; only the input fields clean

        def session_only(kind: type, doc: dict) -> list:
            return tidy(kind, doc) if kind is Session else []

        monkeypatch.setattr("wijksessie.store.session_file.tidy", session_only)
    app = make_app(SessionStore.open(path))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert raw_on_screen(app) == []
        name = await _edit_first_participant(app, pilot)
        assert "\x1b" not in name.value and "\x07" not in name.value
        assert "GEHACKT" in name.value  # removed, not the whole name thrown away
        assert raw_on_screen(app) == []
        if loader_cleans:  # zero-width characters are taken out of names on the way in
            assert raw_on_screen(app, ZERO_WIDTH) == []
        await pilot.press("escape")
    assert path.read_bytes() == before  # nothing was changed, so nothing was written


async def test_loading_says_what_it_changed(make_app: AppFactory, sessions: Path) -> None:
    path = hostile.escapes_and_bidi(sessions)
    app = make_app(SessionStore.open(path))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Bij het openen aangepast") for m in messages), messages
        assert any("stuurtekens" in m for m in messages)


async def test_pasted_escapes_are_cleaned_before_they_are_shown_or_saved(
    make_app: AppFactory, sessions: Path, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        await pilot.press("1", "a")
        await pilot.pause()
        name = app.screen.query_one("#field-name", Input)
        name.post_message(events.Paste("Ans\x1b]0;GEHACKT\x07 \u202eBakker\u200b"))
        await pilot.pause()
        assert name.value == "Ans]0;GEHACKT Bakker"
        assert raw_on_screen(app) == []
        await pilot.press("ctrl+s")
        await pilot.pause()
    names = [doc["name"] for doc in read_json(session_file)["participants"].values()]
    assert names == ["Ans]0;GEHACKT Bakker"]


async def test_clean_fields_clean_whatever_code_puts_in(make_app: AppFactory) -> None:
    async with make_app().run_test():
        _check_clean_fields()


def _check_clean_fields() -> None:
    field = CleanInput("a\x1b[31mb\u202e")
    assert field.value == "a[31mb"
    field.value = "c\x9bd\ttab"
    assert field.value == "cd tab"
    area = CleanTextArea("regel\x1b]0;x\x07\r\ntwee")
    assert area.text == "regel]0;x\ntwee"
    area.load_text("\x00nul")
    assert area.text == "nul"


async def test_the_start_screen_lists_every_hostile_file(
    make_app: AppFactory, sessions: Path
) -> None:
    made = hostile.make_all(sessions)
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        table = app.screen.query_one("#sessions", RowList)
        assert table.row_count == len(made)
        assert raw_on_screen(app) == []
        for _row in range(table.row_count):  # open each one: refused or opened, never stuck
            await pilot.press("enter")
            await pilot.pause()
            if isinstance(app.screen, SessionScreen):
                assert raw_on_screen(app) == []
                await pilot.press("escape", "escape")
                await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            await pilot.press("down")


async def test_a_long_title_leaves_the_reason_a_file_is_bad_on_screen(
    make_app: AppFactory, sessions: Path
) -> None:
    hostile.huge_title(sessions)
    hostile.fifo(sessions)
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#sessions", RowList)
        lines = [
            "".join(segment.text for segment in table.render_line(y))
            for y in range(table.size.height)
        ]
        assert any("geen gewoon bestand" in line for line in lines), lines
        assert any("Lang xxx" in line and "…" in line and "De Pijp" in line for line in lines)
