"""Phases Doelen, Afspraken and Toezeggingen driven with real keys, checked in the file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import DataTable, Digits

from tests.ui.conftest import AppFactory, table_docs, wait_until
from wijksessie.domain.model import Phase
from wijksessie.store import SessionStore
from wijksessie.ui.phases.agreements.consent import ConsentScreen
from wijksessie.ui.phases.goals.voting import VotingScreen
from wijksessie.ui.widgets.confirm import ConfirmDialog


async def test_full_consent_round_with_objection_then_adopted(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f5")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConsentScreen)
        await pilot.press("a")
        await pilot.press("o", *"Te vaag", "enter")
        await pilot.press("b", *"Wie betaalt?", "enter")
        await pilot.pause()
        assert str(app.screen.query_one("#count-objection", Digits).value) == "1"
        assert str(app.screen.query_one("#count-missing", Digits).value) == "0"
        await pilot.press("s")
        await pilot.pause()
        saved = table_docs(room_file, "agreements")[0]
        assert saved["status"] == "voorstel"
        positions = saved["rounds"][-1]["positions"]
        assert positions["1" * 32] == {"stance": "bezwaar", "note": "Te vaag"}
        assert positions["2" * 32] == {"stance": "bedenking", "note": "Wie betaalt?"}
        assert "9" * 32 not in positions
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("e", "end", *" binnen een week", "ctrl+s")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("a", "a", "a", "s")
        await pilot.pause()
        saved = table_docs(room_file, "agreements")[0]
        assert saved["status"] == "aangenomen"
        assert len(saved["rounds"]) == 2
        assert saved["rounds"][0]["text"] == "We verwijzen warm door"
        assert saved["rounds"][1]["text"] == "We verwijzen warm door binnen een week"


async def test_objection_needs_a_note_and_round_cannot_close_early(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f5", "r", "o", "enter")
        await pilot.pause()
        rounds = table_docs(room_file, "agreements")[0]["rounds"]
        assert rounds[-1]["positions"] == {}
        await pilot.press("escape", "a", "s")
        await pilot.pause()
        assert table_docs(room_file, "agreements")[0]["status"] == "voorstel"
        assert str(app.screen.query_one("#count-missing", Digits).value) == "2"


async def test_voting_round_by_digits(make_app: AppFactory, room_file: Path) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f4", "s")
        await pilot.pause()
        assert isinstance(app.screen, VotingScreen)
        await pilot.press("1", "1", "2")  # Anna's three votes used: on to Bram by itself
        assert app.screen.index == 1
        # and it says so, or a → pressed as well skipped Bram (found in tmux)
        said = [n.message for n in app._notifications]
        assert any("nu Bram" in message for message in said), said
        await pilot.press("2", "backspace", "1")
        await pilot.press("escape")
        await pilot.pause()
        goals = {g["text"]: g["votes"] for g in table_docs(room_file, "goals")}
        assert goals["Niemand eenzaam"] == {"0" * 32: 2, "1" * 32: 1}
        assert goals["Geldzorgen vroeg zien"] == {"0" * 32: 1}
        table = app.screen.query_one("#phase-doelen DataTable", DataTable)
        assert "Niemand eenzaam" in str(table.get_row_at(0)[1])


async def test_add_commitment_by_keys_with_dutch_date(
    make_app: AppFactory, room_file: Path
) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f6", "a", *"Folder maken", "enter", *"Bram", "enter", "enter")
        await pilot.press(*"over 2 weken", "enter", *"samen met Cor", "enter")
        await pilot.pause()
        saved = table_docs(room_file, "commitments")[0]
        assert saved["what"] == "Folder maken"
        assert saved["participant_id"] == "1" * 32
        assert saved["organisation_id"] == "a" * 32
        assert saved["due"] == (date.today() + timedelta(weeks=2)).isoformat()
        assert saved["status"] == "open"
        checks = str(app.screen.query_one("#commitment-checks").render())
        assert "Doelen zonder toezegging" in checks


async def test_past_due_date_is_refused_in_place(make_app: AppFactory, room_file: Path) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f6", "a", *"Folder maken", "enter", *"Bram", "enter", "enter")
        await pilot.press(*"1-1-2020", "enter", "enter")
        await pilot.pause()
        assert "verleden" in str(app.screen.query_one("#error-due").render())
        assert table_docs(room_file, "commitments") == []


async def test_status_key_and_grouping(make_app: AppFactory, room_file: Path) -> None:
    with SessionStore.open(room_file) as store:
        from wijksessie.domain.model import Commitment

        store.add(Commitment("Bellen", participant_id="0" * 32, goal_id="g" * 32))
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f6", "s", "s")
        await pilot.pause()
        assert table_docs(room_file, "commitments")[0]["status"] == "gedaan"
        await pilot.press("g")
        await pilot.pause()
        title = str(app.screen.query_one("#pane-commitments .pane-title").render())
        assert "per persoon" in title


async def test_parking_lot_from_any_phase(make_app: AppFactory, room_file: Path) -> None:
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "ctrl+t", *"Buurtfeest in juni", "enter")
        await pilot.pause()
        assert [p["text"] for p in table_docs(room_file, "parking")] == ["Buurtfeest in juni"]
        assert app.screen.phase is Phase.NETWORK


async def test_a_long_question_in_a_confirm_dialog_wraps_whole(
    make_app: AppFactory, demo_file: Path
) -> None:
    """Asking for a new round on an adopted agreement shows the whole question, to its end."""
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = app.screen.query_one("#question")
        assert question.size.height > 1
        assert "Doorgaan?" in app.export_screenshot()


async def test_the_commitments_list_follows_a_renamed_person_and_a_new_day(
    make_app: AppFactory, room_file: Path
) -> None:
    """The list reuses a row's cells while nothing it shows changed (issue 20); a person renamed
    in another phase, or a date passing, is something it shows."""
    from wijksessie.domain.model import Commitment

    with SessionStore.open(room_file) as store:
        store.add(Commitment("Folder maken", participant_id="1" * 32, due=date(2026, 12, 10)))
        store.add(Commitment("Koffie zetten", participant_id="0" * 32))
    app = make_app(SessionStore.open(room_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f6")
        pane = app.screen.query_one("#pane-commitments")
        table = pane.query_one(DataTable)

        def row(what: str) -> list[str]:
            for index in range(table.row_count):
                cells = [str(cell) for cell in table.get_row_at(index)]
                if cells[1] == what:
                    return cells
            raise AssertionError(f"no row {what!r}")

        await wait_until(pilot, lambda: table.row_count == 2)
        assert row("Folder maken")[2] == "Bram"
        await pilot.press("f3", "1", "down", "enter", "end", "ctrl+u", *"Bram de Vries", "ctrl+s")
        await wait_until(
            pilot,
            lambda: any(
                p["name"] == "Bram de Vries" for p in table_docs(room_file, "participants")
            ),
        )
        await pilot.press("f6")
        await wait_until(pilot, lambda: row("Folder maken")[2] == "Bram de Vries")
        assert row("Koffie zetten")[2] == "Anna"
        assert "!" not in row("Folder maken")[4]
        pane.today = date(2026, 12, 11)
        pane.refresh_rows()
        assert row("Folder maken")[4].endswith("!")  # overdue now
        patched = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        pane.refresh_rows(full=True)
        assert [[str(cell) for cell in table.get_row_at(i)] for i in range(2)] == patched
