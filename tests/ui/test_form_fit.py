"""Every form fits the wall (issue 15, point 8): all fields at 120×35 without scrolling, at most
two screens at 80×24, the buttons always in sight, and a choice's list inside its dialog.

Each form is opened with the keys a facilitator presses, on the demo session (its lists of
people, questions and goals are as long as a real room's).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Select

from tests.ui.conftest import AppFactory, wait_until
from wijksessie.store import SessionStore
from wijksessie.ui.widgets.form_dialog import FormDialog

# The keys that open each form, from any phase; each is checked and closed in turn.
FORMS = {
    "question": ("f2", "a"),
    "participant": ("f3", "1", "a"),
    "organisation": ("f3", "2", "a"),
    "initiative": ("f3", "3", "a"),
    "connection": ("f3", "4", "a"),
    "goal": ("f4", "a"),
    "agreement": ("f5", "a"),
    "commitment": ("f6", "a"),
    "parking item": ("ctrl+t",),
}
# Forms opened from the start screen (the session's own fields).
START_FORMS = {"new session": ("n",), "follow-up session": ("v",)}


async def _open(pilot, keys: tuple[str, ...]) -> FormDialog:
    await pilot.press(*keys)
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, FormDialog))
    await pilot.pause()
    return pilot.app.screen


def _fields(dialog: FormDialog) -> list[Widget]:
    return [dialog.query_one(f"#field-{spec.name}") for spec in dialog.fields]


def _check_fits(form: str, dialog: FormDialog, size: tuple[int, int]) -> None:
    """All fields in the visible part of the form, which lies inside the dialog and the screen."""
    screen = Region(0, 0, *dialog.size)
    box = dialog.query_one("#dialog")
    viewport = dialog.query_one("#fields")
    assert screen.contains_region(box.region), form
    assert box.region.contains_region(viewport.region), f"{form}: fields run over the dialog"
    for button in dialog.query("#buttons Button"):
        assert box.region.contains_region(button.region), f"{form}: button {button.id} cut"
    # Opened, the form shows its first field with its label above it (at 80×24 the
    # initiative's "Naam" was scrolled off: the form had scrolled to the field itself).
    first_label = dialog.query(".field-label").first()
    assert viewport.region.contains_region(first_label.region), f"{form}: first label hidden"
    assert viewport.region.contains_region(_fields(dialog)[0].region), f"{form}: first field"
    if size[1] >= 35:
        assert viewport.max_scroll_y == 0, f"{form}: the form scrolls"
        for widget in _fields(dialog):
            assert viewport.region.contains_region(widget.region), f"{form}: {widget.id} hidden"
    else:
        height = viewport.scrollable_content_region.height
        assert viewport.virtual_size.height <= 2 * height, f"{form}: more than two screens"


async def _check_choices(pilot, form: str, dialog: FormDialog) -> None:
    """Each choice's list, opened, lies inside the dialog."""
    box = dialog.query_one("#dialog")
    for select in dialog.query(Select):
        select.focus()
        await pilot.pause()
        select.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda select=select: select.expanded)
        await pilot.pause()
        overlay = select.query_one("SelectOverlay")
        assert box.region.contains_region(overlay.region), f"{form}: {select.id}'s list runs over"
        await pilot.press("escape")
        await pilot.pause()


SIZES = [(120, 35), (80, 24)]


async def _close(pilot) -> None:
    await pilot.press("escape")  # nothing typed: it closes without asking
    await wait_until(pilot, lambda: not isinstance(pilot.app.screen, FormDialog))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_every_session_form_fits(
    make_app: AppFactory, demo_file: Path, size: tuple[int, int]
) -> None:
    """One app for all the forms: opening the demo session costs more than a form."""
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for form, keys in FORMS.items():
            dialog = await _open(pilot, keys)
            _check_fits(form, dialog, size)
            await _check_choices(pilot, form, dialog)
            await _close(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_start_screen_forms_fit(
    make_app: AppFactory, session_file: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for form, keys in START_FORMS.items():
            dialog = await _open(pilot, keys)
            _check_fits(form, dialog, size)
            await _close(pilot)


async def test_the_session_fields_take_at_most_two_screens_at_80x24(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form = app.screen.query_one("#session-form")
        fields = [form.query_one(f"#session-{name}") for name in ("title", "notes")]
        height = form.scrollable_content_region.height
        # From the first field's top to the last field's bottom, as laid out in the form.
        span = fields[-1].virtual_region.bottom - fields[0].virtual_region.y
        assert span <= 2 * height
