"""Phase 2 "Wie doet wat": enter the network with keys, read it back from the file."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input

from tests.ui.conftest import AppFactory, table_docs, type_at_once, wait_until
from wijksessie.domain.model import Initiative, Organisation, Participant
from wijksessie.store import SessionStore
from wijksessie.ui.phases.network.phase import NetworkPhase
from wijksessie.ui.screens.start import StartScreen
from wijksessie.ui.widgets.entity_pane import AUTO_HEIGHT_ROWS, EntityPane


async def _network_phase(app, pilot) -> NetworkPhase:
    await pilot.pause()
    await pilot.press("ctrl+pagedown")
    await pilot.pause()
    return app.screen.query_one(NetworkPhase)


async def test_add_organisation_five_participants_and_an_initiative(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _network_phase(app, pilot)
        await pilot.press("2", "a", *"Welzijn Zuid", "enter")
        await pilot.press(*"welz", "right", "enter")
        await pilot.press(*"bereik, vrijwilligers", "enter")
        await pilot.press("escape")
        await pilot.pause()
        orgs = table_docs(session_file, "organisations")
        assert [(o["name"], o["sector"], o["interests"]) for o in orgs] == [
            ("Welzijn Zuid", "welzijn", ["bereik", "vrijwilligers"])
        ]

        await pilot.press("1", "a")
        people = ["Anna de Vries", "Bram Yilmaz", "Chantal Pinas", "Dirk Bos", "Eva Noor"]
        for name in people:
            await pilot.press(*name, "enter", *"Welzijn Zuid", "enter", "enter", "enter")
            await pilot.pause()
            assert app.focused is not None and app.focused.id == "field-name"
        await pilot.press("escape")
        await pilot.pause()
        saved = table_docs(session_file, "participants")
        assert [p["name"] for p in saved] == people
        assert {p["organisation_id"] for p in saved} == {orgs[0]["id"]}
        assert app.screen.query_one("#pane-participants DataTable", DataTable).row_count == 5

        await pilot.press("3", "a", *"Buurtkamer", "enter", *"Welzijn Zuid", "enter")
        await pilot.press(*"eenz", "right", *", ontmoeting", "enter", *"ouderen", "enter")
        # Enter on the back-up goes on to the description (a long text: Enter is a new line
        # there); a fast typist's sentence went to the list as its keys when Enter saved.
        type_at_once(app, *"Anna de Vries", "enter", *"Bram", "enter", *"Elke dinsdag", "ctrl+s")
        await wait_until(pilot, lambda: bool(table_docs(session_file, "initiatives")))
        initiative = table_docs(session_file, "initiatives")[0]
        assert initiative["description"] == "Elke dinsdag"
        assert initiative["name"] == "Buurtkamer"
        assert initiative["themes"] == ["eenzaamheid", "ontmoeting"]
        assert initiative["target_groups"] == ["ouderen"]
        by_id = {p["id"]: p["name"] for p in saved}
        assert by_id[initiative["contact_id"]] == "Anna de Vries"
        assert by_id[initiative["backup_contact_id"]] == "Bram Yilmaz"


async def test_new_organisation_typed_in_participant_form_is_created(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _network_phase(app, pilot)
        await pilot.press("a", *"Ans", "enter", *"Buurtteam Noord", "enter", "enter", "enter")
        await pilot.press("escape")
        await pilot.pause()
        orgs = table_docs(session_file, "organisations")
        assert [o["name"] for o in orgs] == ["Buurtteam Noord"]
        assert table_docs(session_file, "participants")[0]["organisation_id"] == orgs[0]["id"]


async def test_refused_participant_creates_no_organisation(
    make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _network_phase(app, pilot)
        await pilot.press("a", *"Ans", "enter", *"Nieuw Team", "enter", *"geen-mail", "enter")
        await pilot.press("enter")
        await pilot.pause()
        assert "e-mailadres" in str(app.screen.query_one("#error-email").render())
        assert table_docs(session_file, "organisations") == []
        assert table_docs(session_file, "participants") == []
        # and it does not say one was made ("Nieuwe organisatie: Nieuw Team" was said)
        said = [n.message for n in app._notifications]
        assert not any("Nieuwe organisatie" in message for message in said), said
        app.screen.query_one("#field-email", Input).value = "ans@example.org"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(table_docs(session_file, "participants")))
        said = [n.message for n in app._notifications]
        assert any("Nieuwe organisatie: Nieuw Team" in message for message in said), said


async def test_delete_organisation_says_what_goes_with_it(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _network_phase(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one("#pane-organisations DataTable", DataTable)
        name = str(table.get_row_at(table.cursor_row)[0])
        await pilot.press("delete")
        await pilot.pause()
        question = str(app.screen.query_one("#question").render())
        assert name in question and "wordt verwijderd" in question
        await pilot.press("j")
        await pilot.pause()
        orgs = {o["id"] for o in table_docs(demo_file, "organisations")}
        assert name not in {o["name"] for o in table_docs(demo_file, "organisations")}
        for person in table_docs(demo_file, "participants"):
            assert person["organisation_id"] in orgs | {""}
        for initiative in table_docs(demo_file, "initiatives"):
            assert initiative["organisation_id"] in orgs
        for connection in table_docs(demo_file, "connections"):
            assert {connection["org_a"], connection["org_b"]} <= orgs


async def test_filter_narrows_as_you_type_and_digits_go_into_the_filter(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _network_phase(app, pilot)
        table = app.screen.query_one("#pane-participants DataTable", DataTable)
        assert table.row_count == 15
        await pilot.press("slash", *"welzijn")
        await pilot.pause()
        assert table.row_count == 3
        await pilot.press("backspace", *"7")
        await pilot.pause()
        assert app.screen.query_one("#pane-participants .pane-filter", Input).value == "welzij7"
        assert table.row_count == 0


async def test_views_show_overlap_gap_and_weak_link(make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _network_phase(app, pilot)
        await pilot.press("6")
        await pilot.pause()
        overlap = app.screen.query_one("#overlap-table", DataTable)
        first = " ".join(str(cell) for cell in overlap.get_row_at(0))
        assert "Koffie-ochtend voor ouderen" in first and "Ouderencafé" in first
        await pilot.press("7")
        await pilot.pause()
        gaps = app.screen.query_one("#gaps-table", DataTable)
        kinds = {str(gaps.get_row_at(row)[0]) for row in range(gaps.row_count)}
        assert {"vraag zonder aanbod", "geen reserve", "geïsoleerd"} <= kinds


async def test_adding_an_initiative_updates_the_matrix(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await _network_phase(app, pilot)
        await pilot.press("7")
        await pilot.pause()
        gaps = app.screen.query_one("#gaps-table", DataTable)
        before = gaps.row_count
        await pilot.press("3", "a", *"Mantelzorgcafé", "enter", *"Welzijn Waterveen", "enter")
        await pilot.press(*"mantelzorg", "enter", "enter", "enter", "enter", "ctrl+s")
        await pilot.pause()
        await pilot.press("7")
        await pilot.pause()
        texts = " ".join(str(gaps.get_row_at(r)[1]) for r in range(gaps.row_count))
        assert "mantelzorg" not in texts.split()
        assert gaps.row_count < before


def _spy_on_patches(pane) -> list[bool]:
    """Record whether each refresh of ``pane`` was done in place (True) or by re-filling."""
    patched: list[bool] = []
    original = pane._patch_rows

    def spy(*args, **kwargs):
        patched.append(original(*args, **kwargs))
        return patched[-1]

    pane._patch_rows = spy
    return patched


def _rows(table: DataTable) -> list[tuple[str, list[str]]]:
    """The table as shown: row keys in display order, with each cell's text and style."""
    shown = []
    for index in range(table.row_count):
        key = table.coordinate_to_cell_key((index, 0))[0].value
        cells = table.get_row_at(index)
        shown.append((key, [f"{cell.plain}|{cell.style}" for cell in cells]))
    return shown


async def test_a_long_list_is_updated_in_place_and_shows_what_a_refill_shows(
    make_app: AppFactory, session_file: Path
) -> None:
    """Above AUTO_HEIGHT_ROWS the list patches rows instead of re-filling; the result is equal."""
    with SessionStore.open(session_file) as store, store.batch():
        organisation = Organisation("Welzijn Zuid")
        store.add(organisation)
        for number in range(AUTO_HEIGHT_ROWS + 10):
            store.add(Participant(f"Deelnemer {number:03d}", organisation_id=organisation.id))
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        phase = await _network_phase(app, pilot)
        pane = phase.query_one("#pane-participants")
        table = pane.query_one(DataTable)
        patched = _spy_on_patches(pane)
        # Add one that sorts into the middle, rename one to the end, delete one.
        await pilot.press("a", *"Deelnemer 100a", "enter", *"Welzijn Zuid", "enter")
        await pilot.press("enter", "enter", "escape")
        await pilot.pause()
        table.move_cursor(row=3)
        await pilot.press("enter", "end", "ctrl+u", *"Zeno Aalders", "ctrl+s")
        await pilot.pause()
        table.move_cursor(row=0)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert patched and all(patched)  # the in-place path was taken each time
        names = [cells[0].split("|")[0] for _, cells in _rows(table)]
        assert names == sorted(names, key=str.casefold)
        assert "Deelnemer 100a" in names and names[-1] == "Zeno Aalders"
        assert "Deelnemer 000" not in names and "Deelnemer 003" not in names
        assert len(names) == AUTO_HEIGHT_ROWS + 10
        assert sorted(p["name"] for p in table_docs(session_file, "participants")) == sorted(names)
        in_place = _rows(table)
        pane.refresh_rows(full=True)
        assert _rows(table) == in_place


async def test_a_short_list_with_growing_rows_replaces_a_changed_row_whole(
    make_app: AppFactory, session_file: Path
) -> None:
    """Rows that grow with their text are re-measured when their text changes."""
    with SessionStore.open(session_file) as store, store.batch():
        organisation = Organisation("Welzijn Zuid")
        store.add(organisation)
        for name in ("Buurtkamer", "Taalcafé", "Moestuin"):
            store.add(Initiative(name, organisation_id=organisation.id))
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        phase = await _network_phase(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        pane = phase.query_one("#pane-initiatives")
        table = pane.query_one(DataTable)
        patched = _spy_on_patches(pane)
        table.move_cursor(row=1)
        long_name = "Taalcafé voor nieuwkomers en buren die samen Nederlands willen oefenen"
        await pilot.press("enter", "end", "ctrl+u", *long_name, "ctrl+s")
        await pilot.pause()
        assert patched == [True]
        in_place = _rows(table)
        names = [cells[0].split("|")[0] for _, cells in in_place]
        assert names == ["Buurtkamer", "Taalcafé", long_name]  # renamed Moestuin moved down
        assert table.ordered_rows[2].height > 1  # measured again: the long name wraps
        pane.refresh_rows(full=True)
        assert _rows(table) == in_place


async def test_renaming_an_organisation_updates_the_participants_rows(
    make_app: AppFactory, session_file: Path
) -> None:
    """Rows keep their built cells until something they show changes, here the organisation."""
    with SessionStore.open(session_file) as store, store.batch():
        organisation = Organisation("Welzijn Zuid")
        store.add(organisation)
        for name in ("Anna de Vries", "Bram Yilmaz"):
            store.add(Participant(name, organisation_id=organisation.id))
        store.add(Participant("Chantal Pinas"))
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        phase = await _network_phase(app, pilot)
        people = phase.query_one("#pane-participants DataTable", DataTable)
        chantal_before = people.get_row_at(2)[0]
        await pilot.press("2", "enter", "end", *"-Oost", "ctrl+s")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        organisations = [str(people.get_row_at(row)[1]) for row in range(people.row_count)]
        assert organisations == ["Welzijn Zuid-Oost", "Welzijn Zuid-Oost", ""]
        assert people.get_row_at(2)[0] is chantal_before  # her row did not change: reused


async def test_a_list_longer_than_the_screen_fills_after_the_paint_in_steady_columns(
    make_app: AppFactory, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long list gets a screenful first and the rest after the paint (issue 20): its columns
    never move while the rest comes in, are those of a tall screen that took every row at once,
    and are Textual's to size again afterwards (a longer name added later widens them)."""
    with SessionStore.open(session_file) as store, store.batch():
        organisation = Organisation("Welzijn Zuid")
        store.add(organisation)
        for number in range(79):
            store.add(Participant(f"Deelnemer {number:03d}", organisation_id=organisation.id))
        # The last has the widest contact cell, a column Textual sizes: its width must be
        # there from the first paint.
        last = Participant("Deelnemer 079", organisation_id=organisation.id, email="d@x.nl")
        store.add(replace(last, phone="0612345678", share_contact=True))
    seen: list[tuple[int, list[int]]] = []
    fill_rest = EntityPane._fill_rest

    def watched(pane: EntityPane, *args: Any) -> None:
        table = pane.query_one(DataTable)
        seen.append((table.row_count, [c.get_render_width(table) for c in table.columns.values()]))
        fill_rest(pane, *args)

    monkeypatch.setattr(EntityPane, "_fill_rest", watched)
    widths: dict[int, list[int]] = {}
    for height in (35, 120):
        seen.clear()
        opened = SessionStore.open(session_file)
        app = make_app(opened)
        async with app.run_test(size=(120, height)) as pilot:
            phase = await _network_phase(app, pilot)
            pane = phase.query_one("#pane-participants", EntityPane)
            table = pane.query_one(DataTable)
            for _ in range(50):
                if table.row_count == 80:
                    break
                await pilot.pause()
            assert table.row_count == 80
            columns = list(table.columns.values())
            widths[height] = [column.get_render_width(table) for column in columns]
            if height == 35:
                assert seen and seen[0][0] < 80, "the rest comes after the first screenful"
                assert all(found == widths[height] for _rows, found in seen)
            else:
                assert not seen, "a screen taller than the list takes it at once"
            loose = [not isinstance(pane.columns[i], tuple) for i in pane.shown_columns()]
            assert [column.auto_width for column in columns] == loose
            table.focus()
            await pilot.press("end")
            assert str(table.get_row_at(79)[0]) == "Deelnemer 079"
            assert table.cursor_row == 79
        opened.close()
    assert widths[35] == widths[120]


async def test_an_open_session_is_left_out_of_full_collections_until_it_closes(
    make_app: AppFactory, session_file: Path
) -> None:
    """The session's data, its screen and each phase built stay until the session closes, so
    the garbage collector's full collections stop walking them (``long_lived``; a full
    collection of the large session took 40 ms, in the middle of a phase's first show); on
    closing they are all handed back, so nothing frozen outlives the session."""
    gc.unfreeze()
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        opened = gc.get_freeze_count()
        assert opened > 10_000, "the session and its screen are left out"
        await _network_phase(app, pilot)
        assert gc.get_freeze_count() > opened, "and so is the phase built when first shown"
        app.screen.focus_next(DataTable)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert gc.get_freeze_count() == 0


async def test_a_row_added_off_screen_is_scrolled_to_before_the_next_paint(
    make_app: AppFactory, session_file: Path
) -> None:
    """A new participant sorts into the middle of a long list: the table is at its row before
    the next paint (Textual scrolls only after a paint, once it has measured the rows, so the
    wall was drawn twice: at the old place, then at the new one), and Textual keeps it there."""
    with SessionStore.open(session_file) as store, store.batch():
        for number in range(80):
            store.add(Participant(f"Deelnemer {number:03d}"))
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        phase = await _network_phase(app, pilot)
        pane = phase.query_one("#pane-participants", EntityPane)
        table = pane.query_one(DataTable)
        while pane.still_filling:
            await pilot.pause()
        assert table.scroll_y == 0
        newcomer = Participant("Deelnemer 0605")
        with pane.store.batch():
            pane.store.add(newcomer)
        pane.refresh_rows(keep=newcomer.id)
        row = table.get_row_index(newcomer.id)
        assert row == 61
        on_screen = table.scrollable_content_region.height - table.header_height
        top = table.scroll_y
        assert top <= row < top + on_screen, "in view before the paint"
        await pilot.pause()
        assert table.scroll_y == top
        assert table.cursor_row == row
        assert str(table.get_row_at(table.cursor_row)[0]) == "Deelnemer 0605"
