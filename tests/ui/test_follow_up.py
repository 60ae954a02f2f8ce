"""The follow-up session from the start screen, and its review round by single keys."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import AppFactory, table_docs
from wijksessie.domain.model import Phase
from wijksessie.ui.phases.commitments.review import ReviewScreen
from wijksessie.ui.screens.session import SessionScreen


async def test_follow_up_opens_on_the_review_round(
    make_app: AppFactory, demo_file: Path, sessions: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"Tweede netwerksessie", "enter")
        await pilot.press("ctrl+a", "ctrl+k", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        new_files = [p for p in sessions.glob("*.json") if p != demo_file]
        assert len(new_files) == 1
        created = new_files[0]
        assert created.name.endswith("-tweede-netwerksessie.json")
        carried = table_docs(created, "commitments")
        assert carried and all(c["carried_from"] for c in carried)
        await pilot.press("g", "v", "b")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.phase is Phase.COMMITMENTS
        statuses = [c["status"] for c in table_docs(created, "commitments")]
        order = app.screen.store.network()
        from wijksessie.domain.followup import review_statuses

        first_three = [c.id for c in review_statuses(order)][:3]
        by_id = {c["id"]: c["status"] for c in table_docs(created, "commitments")}
        assert [by_id[i] for i in first_three] == ["gedaan", "vervallen", "bezig"]
        assert len(statuses) == len(carried)
        session = table_docs(created, "session")[0]
        assert session["previous_session"] == demo_file.name


async def test_phase_one_shows_which_session_this_follows(
    make_app: AppFactory, sessions: Path
) -> None:
    from datetime import date

    from wijksessie.domain.model import Session
    from wijksessie.store import SessionStore

    path = sessions / "2027-01-06-tweede.json"
    session = Session("Tweede", date=date(2027, 1, 6), previous_session="2026-11-25-eerste.json")
    app = make_app(SessionStore.create(path, session))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        label = str(app.screen.query_one("#session-previous").render())
        # A file from before the title was kept: its date, never the raw file name.
        assert "de sessie van wo 25 nov 2026" in label and ".json" not in label
