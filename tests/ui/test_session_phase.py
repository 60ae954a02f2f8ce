"""Phase 1 "Sessie": edit the session and its residents' questions with real keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.ui.conftest import AppFactory, read_json, table_docs, wait_until
from wijksessie.domain.model import AgendaItem, Phase, Session
from wijksessie.store import SessionStore
from wijksessie.ui.phases import session_phase
from wijksessie.ui.phases.agenda_table import AgendaTable
from wijksessie.ui.phases.session_phase import SessionPhase
from wijksessie.ui.screens.session import SessionScreen
from wijksessie.ui.widgets.entity_list import EntityList
from wijksessie.ui.widgets.session_header import SessionHeader


def _session_doc(path: Path) -> dict:
    return read_json(path)["session"]["1"]


async def _open(app, pilot) -> SessionPhase:
    await pilot.pause()
    return app.screen.query_one(SessionPhase)


async def _retype(app, pilot, field: str, text: str) -> None:
    """Replace what the session field holds with ``text`` and leave the field (it saves)."""
    app.screen.query_one(f"#session-{field}").focus()
    await pilot.press("ctrl+a", "ctrl+k", *text, "tab")
    await pilot.pause()


async def test_fields_save_themselves(make_app: AppFactory, session_file: Path) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        assert app.focused is not None and app.focused.id == "questions-table"
        await pilot.press("tab")  # from the list, round to the first field: the title
        assert app.focused is not None and app.focused.id == "session-title"
        await pilot.press(*" (2)", "tab")  # typing adds at the end, it never replaces
        await pilot.press("ctrl+a", "ctrl+k", *"Pijp-Noord", "tab")
        await pilot.pause()
        doc = _session_doc(session_file)
        assert doc["title"] == "Netwerksessie De Pijp (2)"
        assert doc["wijk"] == "Pijp-Noord"
        assert "Pijp-Noord" in str(app.screen.query_one(SessionHeader).title())


async def test_typing_is_saved_after_a_pause_without_leaving_the_field(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        app.screen.query_one("#session-notes").focus()
        await pilot.press(*"Koffie om half tien")

        def saved() -> bool:
            return _session_doc(session_file)["notes"] == "Koffie om half tien"

        await wait_until(pilot, saved)


async def test_bad_date_shows_message_and_keeps_last_good_value(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only leaving the field saves here: on a busy machine the pause between emptying the
    # field and typing the new date could outlast SAVE_DELAY, and an empty date is a good one.
    monkeypatch.setattr(session_phase, "SAVE_DELAY", 60.0)
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        await _retype(app, pilot, "date", "32-13-2026")
        message = str(app.screen.query_one("#session-error-date").render())
        assert "bestaat niet als datum" in message
        assert _session_doc(session_file)["date"] == "2026-03-12"
        assert app.screen.query_one("#session-date", Input).value == "32-13-2026"
        app.screen.query_one("#session-next_date").focus()
        await pilot.press(*"1-1-2026", "tab")
        await pilot.pause()
        message = str(app.screen.query_one("#session-error-next_date").render())
        assert "na de datum" in message
        assert _session_doc(session_file)["next_date"] is None


async def test_empty_title_is_refused_in_place(make_app: AppFactory, session_file: Path) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        await pilot.press("tab", "ctrl+a", "ctrl+k", "tab")
        await pilot.pause()
        assert "titel" in str(app.screen.query_one("#session-error-title").render())
        assert _session_doc(session_file)["title"] == "Netwerksessie De Pijp"


async def test_add_edit_delete_question_by_keys(make_app: AppFactory, session_file: Path) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        table = app.screen.query_one("#questions-table", EntityList)
        table.focus()
        await pilot.press("a", *"Waar vind ik een huisarts?", "enter")
        await pilot.press(*"gezondheid, zorg", "enter")
        await pilot.press(*"bewonersavond", "enter")
        await pilot.pause()
        docs = table_docs(session_file, "resident_questions")
        assert docs[-1]["text"] == "Waar vind ik een huisarts?"
        assert docs[-1]["themes"] == ["gezondheid", "zorg"]
        assert docs[-1]["source"] == "bewonersavond"
        assert table.row_count == 3

        await pilot.press("e", "end", *" Snel?", "ctrl+s")
        await pilot.pause()
        docs = table_docs(session_file, "resident_questions")
        assert docs[-1]["text"] == "Waar vind ik een huisarts? Snel?"

        await pilot.press("delete", "j")
        await pilot.pause()
        texts = [doc["text"] for doc in table_docs(session_file, "resident_questions")]
        assert "Waar vind ik een huisarts? Snel?" not in texts
        assert table.row_count == 2


async def test_duplicate_question_is_refused_and_text_kept(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        app.screen.query_one("#questions-table").focus()
        await pilot.press("a", *"wie helpt met  formulieren?", "ctrl+s")
        await pilot.pause()
        assert "staat er al" in str(app.screen.query_one("#error-text").render())
        assert app.screen.query_one("#field-text", Input).value == "wie helpt met  formulieren?"
        assert len(table_docs(session_file, "resident_questions")) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert "Weggooien" in str(app.screen.query_one("#question").render())


async def test_read_only_session_refuses_changes(make_app: AppFactory, session_file: Path) -> None:
    before = session_file.read_bytes()
    app = make_app(SessionStore.open(session_file, read_only=True))
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        assert app.screen.query_one("#session-title", Input).disabled
        await pilot.press("a")
        await pilot.pause()
        assert session_file.read_bytes() == before


async def test_planned_minutes_are_edited_in_phase_one(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        table = app.screen.query_one("#agenda-table", AgendaTable)
        assert [str(table.get_row_at(i)[1]) for i in range(2)] == ["10", "40"]
        table.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "Wie doet wat" in str(app.screen.query_one("#form-title").render())
        await pilot.press("ctrl+a", "ctrl+k", *"55", "enter")
        await pilot.pause()
        agenda = {a["phase"]: a["planned_minutes"] for a in _session_doc(session_file)["agenda"]}
        assert agenda["wie-doet-wat"] == 55
        assert agenda["sessie"] == 10
        assert str(table.get_row_at(1)[1]) == "55"
        assert table.cursor_row == 1
        await pilot.press("up", "enter", "ctrl+a", "ctrl+k", *"15", "enter")
        await pilot.pause()
        assert "15:00" in str(app.screen.query_one(SessionHeader).clock())
        await pilot.press("down")

        await pilot.press("down", "enter", "ctrl+a", "ctrl+k", *"999", "enter")
        await pilot.pause()
        assert "600" in str(app.screen.query_one("#error-minutes").render())
        await pilot.press("ctrl+a", "ctrl+k", *"een uur", "enter")
        await pilot.pause()
        assert "aantal minuten" in str(app.screen.query_one("#error-minutes").render())
        agenda = {a["phase"]: a["planned_minutes"] for a in _session_doc(session_file)["agenda"]}
        assert agenda["doelen"] == 25


async def test_a_read_only_session_does_not_open_the_minutes(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file, read_only=True))
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        app.screen.query_one("#agenda-table").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_a_phase_is_built_when_first_shown(make_app: AppFactory, session_file: Path) -> None:
    """Opening builds phase 1 only; F3 builds "Wie doet wat" and lands in its participants."""
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert app.screen.query("#phase-sessie")
        assert not app.screen.query("#phase-wie-doet-wat")
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.query_one("#phase-wie-doet-wat").is_mounted
        assert app.screen.focused is not None
        assert app.screen.query_one("#phase-wie-doet-wat") in app.screen.focused.ancestors
        await pilot.press("f2", "f3")
        await pilot.pause()
        assert len(app.screen.query("#phase-wie-doet-wat")) == 1


async def test_typing_still_saves_after_the_clock_adds_a_phase_to_a_short_agenda(
    make_app: AppFactory, sessions: Path
) -> None:
    """A file whose agenda lacks phases (older or hand-made): the clock knows a visited phase
    that phase 1's form and the file lack; saving the form must not crash. A visit without
    time spent writes nothing (issue 19.7: reading never writes)."""
    path = sessions / "kort.json"
    session = Session("Korte agenda", agenda=[AgendaItem(Phase.SESSION, 10)])
    SessionStore.create(path, session).close()
    app = make_app(SessionStore.open(path))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        await pilot.press("f6", "f2")
        await pilot.pause()
        assert {a["phase"] for a in _session_doc(path)["agenda"]} == {"sessie"}
        app.screen.query_one("#session-title").focus()
        await pilot.press("end", *" (vervolg)", "tab")
        await pilot.pause()
        assert app.is_running
    assert _session_doc(path)["title"] == "Korte agenda (vervolg)"


async def test_showing_the_phase_again_keeps_the_questions_cursor(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        table = app.screen.query_one("#questions-table", EntityList)
        assert table.row_count == 2
        table.focus()
        await pilot.press("down")
        assert table.cursor_row == 1
        await pilot.press("f3")  # phase 2
        await pilot.pause()
        await pilot.press("f2")  # phase 1
        await pilot.pause()
        assert table.row_count == 2
        assert table.cursor_row == 1


async def test_questions_added_elsewhere_appear_when_the_phase_is_shown_again(
    make_app: AppFactory, session_file: Path
) -> None:
    from wijksessie.domain.model import ResidentQuestion

    store = SessionStore.open(session_file)
    app = make_app(store)
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        await pilot.press("f3")  # phase 2
        await pilot.pause()
        store.add(ResidentQuestion("Is er een buurtbus?", themes=["vervoer"]))
        await pilot.press("f2")  # phase 1
        await pilot.pause()
        table = app.screen.query_one("#questions-table", EntityList)
        assert table.row_count == 3
        assert "Is er een buurtbus?" in str(table.get_row_at(2)[0])
        assert "(3)" in str(app.screen.query_one("#questions-title").render())


async def test_a_message_goes_when_the_field_is_fixed_and_markup_stays_text(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _open(app, pilot)
        await _retype(app, pilot, "date", "[bold]morgen[/]?")
        message = str(app.screen.query_one("#session-error-date").render())
        assert "[bold]morgen[/]?" in message
        await _retype(app, pilot, "date", "14-3-2026")
        assert not app.screen.query_one("#session-error-date").has_class("visible")
        assert _session_doc(session_file)["date"] == "2026-03-14"
