"""A live room without traps (issue 15, points 1–7): one stray key never costs the session.

Each test presses the keys a facilitator would, and checks the screen and the saved file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Label, TabbedContent

from tests.ui.conftest import AppFactory, read_json, table_docs, type_at_once, wait_until
from wijksessie.domain.model import Organisation
from wijksessie.store import SessionStore
from wijksessie.ui.screens.session import SessionScreen
from wijksessie.ui.widgets.confirm import ConfirmDialog
from wijksessie.ui.widgets.entity_list import EntityList
from wijksessie.ui.widgets.form_dialog import FormDialog


def _title(path: Path) -> str:
    return read_json(path)["session"]["1"]["title"]


# -- 1. Esc leaves a text field or a filter, never the session ------------------------------


async def test_esc_in_a_phase_1_field_leaves_only_the_field(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        for field in ("location", "notes", "date"):
            app.screen.query_one(f"#session-{field}").focus()
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen), field
            assert app.focused is not None and app.focused.id == "questions-table", field
        await pilot.press("escape", "escape")  # from the list, twice: back to the start screen
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)


async def test_esc_in_a_filter_leaves_only_the_filter(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "slash", *"an", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert isinstance(app.focused, DataTable)
        await pilot.press("f4", "slash", *"eld", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert isinstance(app.focused, DataTable)


# -- 2. Opening a session or a dialog never selects a field's text --------------------------


async def test_opening_a_session_puts_the_keyboard_on_the_list_not_the_title(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.focused, EntityList)
        assert app.screen.query_one("#session-title", Input).value == "Netwerksessie De Pijp"
        app.screen.query_one("#session-title", Input).focus()
        await pilot.press(*" 2", "tab")
        await pilot.pause()
        assert _title(session_file) == "Netwerksessie De Pijp 2"


async def test_typing_in_a_form_field_that_holds_text_adds_to_its_end(
    make_app: AppFactory, session_file: Path
) -> None:
    """The follow-up dialog opens with the old title; typing adds to it, it never replaces it."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.press(*" (vervolg)")
        await pilot.pause()
        typed = app.screen.query_one("#field-title", Input).value
        assert typed == "Netwerksessie De Pijp (vervolg)"


# -- 3. Undo and redo update every field on screen -------------------------------------------


async def test_undo_in_phase_1_shows_the_undone_title_and_tab_does_not_redo_it(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        title = app.screen.query_one("#session-title", Input)
        title.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"Fout", "tab")
        await pilot.pause()
        assert _title(session_file) == "Fout"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _title(session_file) == "Netwerksessie De Pijp"
        assert title.value == "Netwerksessie De Pijp"
        title.focus()
        await pilot.press("tab")
        await pilot.pause()
        assert _title(session_file) == "Netwerksessie De Pijp"
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert title.value == "Fout"


# -- 4. The number keys work on every tab of Wie doet wat -----------------------------------


async def test_number_keys_leave_the_network_tab(make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "8")
        await pilot.pause()
        tabs = app.screen.query_one("#network-tabs", TabbedContent)
        assert tabs.active == "tab-netwerk"
        for number, tab in (("1", "deelnemers"), ("8", "netwerk"), ("5", "matrix")):
            await pilot.press(number)
            await pilot.pause()
            assert tabs.active == f"tab-{tab}"


# -- 5. ctrl+q works inside a form, asking first when something was typed --------------------


async def test_ctrl_q_in_an_empty_form_quits(make_app: AppFactory, room_file: Path) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    with SessionStore.open(room_file) as store:  # released: it opens again
        assert store.session.title == "Kamer"


async def test_ctrl_q_in_a_form_with_typed_text_asks_first(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.press(*"Eva", "ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("escape")  # no: back to the form, nothing lost
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#field-name", Input).value == "Eva"
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("j")
        await pilot.pause()
        assert not app.is_running
    assert [p["name"] for p in table_docs(room_file, "participants")] == [
        "Anna",
        "Bram",
        "Cor",
        "Dirk",
    ]


# -- 6. A fast typist's keys reach the field that will have focus, in order -----------------


def _type_eva(app: Any, *then: str) -> None:
    """A new participant's name and organisation typed at once in Wie doet wat, then ``then``
    (the organisation's ``enter`` has moved on to the e-mail field)."""
    type_at_once(app, "f3", "a", *"Eva de Wit", "enter", *"Welzijn Zuid", "enter", *then)


def _form_says(app: Any, words: str) -> bool:
    """Whether a form is open and one of its labels (a field's message) holds ``words``."""
    screen = app.screen
    return isinstance(screen, FormDialog) and any(
        words in str(label.render()) for label in screen.query(Label)
    )


async def test_a_whole_participant_typed_without_pauses(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        _type_eva(app, *"eva@wijk.nl", "ctrl+s")
        await wait_until(pilot, lambda: len(table_docs(room_file, "participants")) == 5)
        (eva,) = [p for p in table_docs(room_file, "participants") if p["name"] == "Eva de Wit"]
        assert eva["organisation_id"] == "a" * 32
        assert eva["email"] == "eva@wijk.nl"
        assert [o["name"] for o in table_docs(room_file, "organisations")] == ["Welzijn Zuid"]


async def test_an_address_typed_into_the_next_persons_name_is_refused_in_place(
    make_app: AppFactory, room_file: Path
) -> None:
    """One ``enter`` too many saves the person and opens the form for the next one: the e-mail
    address typed after it would have become a person called "eva@wijk.nl"."""
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        # Past the e-mail and the phone: the last text field's enter saves.
        _type_eva(app, "enter", "enter", *"eva@wijk.nl", "ctrl+s")
        await wait_until(pilot, lambda: len(table_docs(room_file, "participants")) == 5)
        await wait_until(pilot, lambda: _form_says(app, "e-mailadres"))
        names = sorted(p["name"] for p in table_docs(room_file, "participants"))
        assert names == ["Anna", "Bram", "Cor", "Dirk", "Eva de Wit"]
        await pilot.press("ctrl+u", *"0612345678", "ctrl+s")
        await wait_until(pilot, lambda: _form_says(app, "telefoonnummer"))
        await pilot.press("ctrl+u", *"Finn Jansen", "ctrl+s")
        await wait_until(pilot, lambda: len(table_docs(room_file, "participants")) == 6)
        assert "Finn Jansen" in [p["name"] for p in table_docs(room_file, "participants")]


async def test_a_whole_commitment_typed_without_pauses(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        type_at_once(
            app,
            "f6",
            "a",
            *"Koffieochtend",
            "enter",
            *"Anna",
            "enter",
            "enter",
            *"over 3 weken",
            "ctrl+s",
        )
        await wait_until(pilot, lambda: len(table_docs(room_file, "commitments")) == 1)
        (done,) = table_docs(room_file, "commitments")
        assert done["what"] == "Koffieochtend"
        assert done["participant_id"] == "0" * 32
        assert done["due"] is not None
        assert [o["name"] for o in table_docs(room_file, "organisations")] == ["Welzijn Zuid"]


# -- 7. A field's message is shown whole ---------------------------------------------------


async def _save_with_due(pilot: Any, due: str) -> None:
    """A new commitment's form, ``due`` typed as its date and ctrl+s pressed."""
    app = pilot.app
    await pilot.press("f6", "a")
    await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
    app.screen.query_one("#field-due", Input).focus()
    await pilot.press(*due, "ctrl+s")
    await pilot.pause()


async def test_a_long_field_message_wraps_instead_of_being_cut(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await _save_with_due(pilot, "na de zomer")
        label = app.screen.query_one("#error-due", Label)
        message = str(label.render())
        assert "geen datum" in message
        assert label.size.width <= label.parent.size.width
        assert label.size.height * label.size.width >= len(message)


async def test_a_long_phase_1_message_wraps(make_app: AppFactory, session_file: Path) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#session-date", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k", *"na de zomer", "tab")
        await pilot.pause()
        label = app.screen.query_one("#session-error-date", Label)
        message = str(label.render())
        assert "geen datum" in message
        assert label.size.width <= label.parent.size.width
        assert label.size.height * label.size.width >= len(message)


# -- 15. Esc from a consent round nobody answered stores no empty round ---------------------


async def test_esc_from_an_unanswered_consent_round_stores_no_round(
    make_app: AppFactory, room_file: Path
) -> None:
    from wijksessie.ui.phases.agreements.consent import ConsentScreen

    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f5", "r")
        await wait_until(pilot, lambda: isinstance(app.screen, ConsentScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        assert table_docs(room_file, "agreements")[0]["rounds"] == []
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ConsentScreen))
        await pilot.press("a", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        (round_,) = table_docs(room_file, "agreements")[0]["rounds"]
        assert round_["positions"] == {"0" * 32: {"stance": "akkoord", "note": ""}}


# -- 12. The role by one letter -------------------------------------------------------------


async def test_a_letter_picks_the_role(make_app: AppFactory, room_file: Path) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "a", *"Eva", "tab", "tab", "tab", "tab", "v", "ctrl+s")
        await wait_until(pilot, lambda: len(table_docs(room_file, "participants")) == 5)
        await pilot.press(*"Fer", "tab", "tab", "tab", "tab", "b", "b", "ctrl+s")
        await wait_until(pilot, lambda: len(table_docs(room_file, "participants")) == 6)
    roles = {p["name"]: p["role"] for p in table_docs(room_file, "participants")}
    assert roles["Eva"] == "verbinder"
    assert roles["Fer"] == "bestuurder"


# -- 14. The date field shows what it understood as it is typed -----------------------------


async def test_the_due_date_shows_what_it_is_read_as(
    make_app: AppFactory, room_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from wijksessie.ui.phases.commitments.pane import CommitmentsPane

    monkeypatch.setattr(CommitmentsPane, "today", date(2026, 12, 3))
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f6", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        app.screen.query_one("#field-due", Input).focus()
        await pilot.press(*"over 2 weken")
        preview = app.screen.query_one("#preview-due", Label)
        await wait_until(pilot, lambda: "→ do 17 dec 2026" in str(preview.render()))
        await pilot.press(*" of zo")
        await wait_until(pilot, lambda: "geen datum" in str(preview.render()))


async def test_a_whole_new_session_typed_at_once_keeps_its_date(make_app: AppFactory) -> None:
    """The last field's text is in it when Enter saves, however fast it was typed."""
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        type_at_once(app, "n", *"Hofstede", "enter", *"Noord", "enter", *"3-12-2026", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await wait_until(pilot, lambda: isinstance(app.focused, EntityList))  # phase 1 is up
        assert app.screen.store.session.date is not None
        assert app.screen.store.session.date.isoformat() == "2026-12-03"
        assert app.screen.store.session.wijk == "Noord"


async def test_consent_and_voting_rounds_list_people_in_the_same_order(
    make_app: AppFactory, demo_file: Path
) -> None:
    from wijksessie.ui.phases.agreements.consent import ConsentScreen
    from wijksessie.ui.phases.goals.voting import VotingScreen

    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f4", "s")
        await wait_until(pilot, lambda: isinstance(app.screen, VotingScreen))
        voting = [person.id for person in app.screen.people]
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await pilot.press("f5", "down", "down", "r")
        await wait_until(pilot, lambda: isinstance(app.screen, ConsentScreen))
        assert [person.id for person in app.screen.people] == voting


async def test_one_stray_esc_on_a_list_never_leaves_the_session(
    make_app: AppFactory, session_file: Path
) -> None:
    """Tried in tmux at speed: a form closed by ctrl+s, then an Esc meant for it landed on the
    list and the session was gone from the wall. From a list, Esc asks for a second Esc."""
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f4", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "esc" in shown
        await pilot.press("escape")  # the second one leaves
        await wait_until(pilot, lambda: not isinstance(app.screen, SessionScreen))


async def test_keys_typed_after_a_refused_save_do_not_go_into_the_refused_form(
    make_app: AppFactory, demo_file: Path
) -> None:
    """A name already there is refused with the form kept open; the next organisation, typed
    on at speed, went into its fields and was saved as one organisation out of two
    ("Gemeente WaterveenVoedselbank Waterveen"). Those keys are now set aside and shown."""
    before = [doc["name"] for doc in table_docs(demo_file, "organisations")]
    taken = before[0]
    store = SessionStore.open(demo_file)
    app = make_app(store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "2")
        await pilot.pause()
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, FormDialog))
        type_at_once(
            app,
            *taken, "enter", *"gemeente", "enter", *"geld", "enter",
            *"Voedselbank Waterveen", "enter", *"overig", "enter",
        )  # fmt: skip
        await wait_until(pilot, lambda: not app.holding_keys)
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#field-name", Input).value == taken
        shown = [n.message for n in app._notifications]
        assert any("Voedselbank Waterveen overig" in message for message in shown), shown
        assert [org.name for org in store.all(Organisation)] == before


async def test_backspace_and_shift_tab_in_a_burst_keep_their_place(
    make_app: AppFactory, session_file: Path
) -> None:
    """A text area's backspace is a binding, run when the key comes back up to the app: the
    keys typed after it went in first ('Alphxa ee'), and every field after it got the next
    field's text ('Brxavoover 4 weke', 'CharlieDelta')."""
    store = SessionStore.open(session_file)
    session = store.session
    app = make_app(store)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        app.screen.query_one("#session-notes").focus()
        await pilot.pause()
        type_at_once(
            app,
            *"Alphx", "backspace", *"a een", "shift+tab",
            *"Brx", "backspace", *"avo", "shift+tab",
            *"over 4 weken", "shift+tab", *"Charlie", "shift+tab",
        )  # fmt: skip
        await wait_until(pilot, lambda: not app.holding_keys)
        await pilot.pause()
        texts = {
            name: app.screen.query_one(f"#session-{name}").text
            if name in ("notes", "question")
            else app.screen.query_one(f"#session-{name}", Input).value
            for name in ("notes", "question", "next_date", "facilitator")
        }
    assert texts == {
        "notes": "Alpha een",
        "question": "Bravo" + session.question,  # a text area's cursor starts at the top
        "next_date": "over 4 weken",
        "facilitator": session.facilitator + "Charlie",
    }


async def test_a_refusal_is_said_once_and_goes_when_the_field_changes(
    make_app: AppFactory, room_file: Path
) -> None:
    """'na de zomer' refused at save stood twice (the refusal and the preview), and stayed
    above the new preview once the field said a date ("→ vr 4 dec 2026")."""
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _save_with_due(pilot, "na de zomer")
        error = app.screen.query_one("#error-due", Label)
        preview = app.screen.query_one("#preview-due", Label)
        assert error.has_class("visible") and "geen datum" in str(error.render())
        assert "geen datum" not in str(preview.render())
        await pilot.press("ctrl+a", "ctrl+k", *"over 2 weken")
        await pilot.pause()
        assert not error.has_class("visible")
        assert str(preview.render()).startswith("→")
