"""The follow-up dialog asks for the date and names the file after it (issue 15, point 22)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.ui.conftest import AppFactory, table_docs, wait_until
from wijksessie.domain.dates import format_date, long_date
from wijksessie.domain.model import Session
from wijksessie.store import SessionStore
from wijksessie.ui.phases.commitments.review import ReviewScreen
from wijksessie.ui.screens.session import SessionScreen
from wijksessie.ui.widgets.form_dialog import FormDialog

TITLE = "Netwerksessie De Hofstede met de huisartsen"
"""Long enough that the label must wrap beside the questions at 120 columns."""
SLUG = "netwerksessie-de-hofstede-met-de-huisartsen"


def _previous(sessions: Path, next_date: date | None) -> Path:
    path = sessions / "2026-11-25-netwerksessie-de-hofstede.json"
    session = Session(TITLE, wijk="De Hofstede", date=date(2026, 11, 25))
    session.next_date = next_date
    SessionStore.create(path, session).close()
    return path


def _new_files(sessions: Path, previous: Path) -> list[Path]:
    return [p for p in sessions.glob("*.json") if p != previous]


async def test_the_date_defaults_to_the_planned_one_and_names_the_file(
    make_app: AppFactory, sessions: Path
) -> None:
    planned = date.today() + timedelta(days=21)
    previous = _previous(sessions, planned)
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        date_field = app.screen.query_one("#field-date")
        assert date_field.value == format_date(planned)
        await pilot.press("enter", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen | SessionScreen))
        (created,) = _new_files(sessions, previous)
        assert created.name == f"{planned.isoformat()}-{SLUG}.json"
        saved = table_docs(created, "session")[0]
        assert saved["date"] == planned.isoformat()
        assert saved["previous_title"] == TITLE
        assert saved["previous_date"] == "2026-11-25"
        if isinstance(app.screen, ReviewScreen):
            await pilot.press("escape")
        await pilot.press("f2")
        await wait_until(pilot, lambda: bool(app.screen.query("#session-previous")))
        shown = app.screen.query_one("#session-previous")
        label = str(shown.render())
        form = app.screen.query_one("#session-form")
        assert shown.region.right <= form.region.right, "the label runs past the form"
        assert TITLE in label
        assert long_date(date(2026, 11, 25)) in label
        assert ".json" not in label and "2026-11-25" not in label


async def test_without_a_planned_date_the_dialog_asks_for_one(
    make_app: AppFactory, sessions: Path
) -> None:
    previous = _previous(sessions, None)
    when = date.today() + timedelta(days=14)
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        date_field = app.screen.query_one("#field-date")
        assert "geen vervolgdatum gepland" in date_field.placeholder
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog), "a follow-up without a date was made"
        assert _new_files(sessions, previous) == []
        assert "datum" in str(app.screen.query_one("#error-date").render()).lower()
        await pilot.press(*format_date(when), "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, FormDialog))
        (created,) = _new_files(sessions, previous)
        assert created.name.startswith(when.isoformat())
        assert table_docs(created, "session")[0]["date"] == when.isoformat()
