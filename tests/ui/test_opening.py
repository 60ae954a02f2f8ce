"""Opening a session puts phase 1 on the wall with only what phase 1 needs (issue 20).

Counted, not timed: which modules the open imports. A module the first phase does not use
(the form dialog, the lists of the other phases, the follow-up rules, the dialog for failed
saves) is imported when it is first needed, so a cold ``wijksessie open`` does not pay for it.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.geometry import Size
from textual.screen import Screen

from tests.ui.conftest import AppFactory, wait_until
from wijksessie.domain.model import ResidentQuestion, Session
from wijksessie.store import SessionStore
from wijksessie.ui.widgets.clean_input import CleanInput, CleanTextArea

NOT_FOR_PHASE_ONE = (
    "wijksessie.ui.widgets.form_dialog",
    "wijksessie.ui.widgets.pick_list",
    "wijksessie.ui.widgets.entity_pane",
    "wijksessie.ui.widgets.unsaved_dialog",
    "wijksessie.domain.followup",
    "wijksessie.domain.commitments",
    "wijksessie.domain.analysis",
    "textual.widgets._tabbed_content",
)

OPEN_TO_PHASE_ONE = """
import json, sys
from pathlib import Path
import wijksessie.cli
from wijksessie.store import SessionStore
from wijksessie.ui.app import WijksessieApp
from wijksessie.ui.phases.session_phase import SessionPhase
from wijksessie.ui.widgets.clean_input import CleanInput, CleanTextArea

store = SessionStore.open(Path(sys.argv[1]))
app = WijksessieApp(Path(sys.argv[1]).parent, store=store)
seen = []

async def autopilot(pilot):
    while not app.screen.query(SessionPhase):
        await pilot.pause()
    await pilot.pause()
    seen.append(app.screen.query_one("#questions-table").row_count)
    app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=autopilot)
store.close()
print(json.dumps({"rows": seen[0], "modules": sorted(sys.modules)}))
"""


def test_phase_one_opens_without_the_modules_it_does_not_use(tmp_path: Path) -> None:
    path = tmp_path / "sessie.json"
    with SessionStore.create(path, Session(title="Buurt")) as store:
        store.add(ResidentQuestion("Waar vind ik hulp?"))
    done = subprocess.run(
        [sys.executable, "-c", OPEN_TO_PHASE_ONE, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["rows"] == 1
    loaded = set(result["modules"])
    assert "wijksessie.ui.phases.session_phase" in loaded
    assert [name for name in NOT_FOR_PHASE_ONE if name in loaded] == []


async def test_the_keyboard_goes_to_the_questions_once(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Phase 1 opens with the questions focused, not the title first and the list after.

    Moving the focus after the first paint styled and painted the screen again, and leaving
    the title set off a save of the form.
    """
    focused: list[str | None] = []
    set_focus = Screen.set_focus

    def record(self: Screen[Any], widget: Any, *args: Any, **kwargs: Any) -> None:
        if widget is not None and widget is not self.focused:
            focused.append(widget.id)
        set_focus(self, widget, *args, **kwargs)

    monkeypatch.setattr(Screen, "set_focus", record)
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "questions-table"
        assert focused == ["questions-table"]


async def test_a_compact_field_is_not_styled_before_it_is_mounted(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's ``compact=True`` restyled each field as it was made, before its mount did."""
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        styled: list[Any] = []
        update_styles = type(app).update_styles

        def count(self: Any, node: Any, animate: bool = True) -> None:
            styled.append(node)
            update_styles(self, node, animate)

        monkeypatch.setattr(type(app), "update_styles", count)
        fields = [
            CleanInput("Buurt", compact=True, validate_on=()),
            CleanTextArea("Vraag", compact=True),
        ]
        assert styled == []
        form = app.screen.query_one("#session-form")
        await form.mount_all(fields)
        await pilot.pause()
        for field in fields:
            assert field.compact
            assert field.has_class("-textual-compact")
            assert field.styles.border_top[0] in ("", "none")


async def test_a_resize_to_the_same_size_lays_nothing_out_again(
    make_app: AppFactory, session_file: Path
) -> None:
    """A new first screen gets three Resize events at the size it was just laid out at; each
    was a full layout and paint (issue 20). A real resize still lays the screen out, and its
    breakpoint classes follow it."""
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        screen = app.screen
        layouts: list[object] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        screen.post_message(events.Resize(Size(120, 35), Size(120, 35)))
        await pilot.pause()
        assert layouts == []
        assert screen.has_class("-wide") and not screen.has_class("-narrow")
        await pilot.resize_terminal(90, 35)
        await pilot.pause()
        assert layouts, "a new size is laid out"
        assert screen.outer_size == Size(90, 35)
        assert screen.has_class("-narrow") and not screen.has_class("-wide")


async def test_the_collector_waits_for_the_first_paint(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No garbage collection while the app builds and paints its first screen (issue 20);
    after the paint the collector runs again, and after the app it sees everything again."""
    from wijksessie.ui.screens.session import SessionScreen

    while_built: list[bool] = []
    on_mount = SessionScreen.on_mount

    def record(self: SessionScreen) -> None:
        while_built.append(gc.isenabled())
        on_mount(self)

    monkeypatch.setattr(SessionScreen, "on_mount", record)
    assert gc.isenabled()
    try:
        app = make_app(SessionStore.open(session_file))
        async with app.run_test(size=(120, 35)) as pilot:
            await wait_until(pilot, gc.isenabled)
            assert while_built == [False]
            assert gc.get_freeze_count() > 0, "what the start made is out of the way"
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
        gc.enable()
