"""Import a registration list in "Wie doet wat", export the network from the summary."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import AppFactory, table_docs
from wijksessie.store import SessionStore
from wijksessie.ui.phases.network.import_screen import ImportScreen

CSV = "Naam;Organisatie;E-mailadres;Lievelingskleur\nAnna de Vries;Welzijn Zuid;anna@wz.nl;rood\n"
BAD = CSV + ";Welzijn Zuid;bram@wz.nl;blauw\n"  # no name: the only bad row there is


async def test_import_with_preview_and_manual_mapping(
    make_app: AppFactory, session_file: Path, tmp_path: Path
) -> None:
    (tmp_path / "lijst.csv").write_text(CSV, encoding="cp1252")
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "i", *"lijst.csv", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        preview = app.screen.preview
        assert preview is not None and len(preview.participants) == 1
        assert "Lievelingskleur" in preview.unmapped
        from wijksessie.ui.phases.network.import_screen import preview_renderable

        said = str(preview_renderable(preview).renderables[0])
        assert "1 rij in lijst.csv: 1 nieuwe deelnemer, 1 nieuwe organisatie, " in said, said
        assert table_docs(session_file, "participants") == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        people = table_docs(session_file, "participants")
        assert [(p["name"], p["email"]) for p in people] == [("Anna de Vries", "anna@wz.nl")]
        assert [o["name"] for o in table_docs(session_file, "organisations")] == ["Welzijn Zuid"]
        assert app.screen.query_one("#pane-participants .pane-table").row_count == 1
        await pilot.press("i", *"lijst.csv", "enter", "ctrl+s")
        await pilot.pause()
        assert len(table_docs(session_file, "participants")) == 1


async def test_bad_rows_import_nothing_unless_skipped(
    make_app: AppFactory, session_file: Path, tmp_path: Path
) -> None:
    (tmp_path / "fout.csv").write_text(BAD, encoding="utf-8-sig")
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "i", *"fout.csv", "enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        assert table_docs(session_file, "participants") == []
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert [p["name"] for p in table_docs(session_file, "participants")] == ["Anna de Vries"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert table_docs(session_file, "participants") == []


async def test_missing_file_is_a_dutch_message(make_app: AppFactory, session_file: Path) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "i", *"bestaat-niet.csv", "enter")
        await pilot.pause()
        message = str(app.screen.query_one("#import-error").render())
        assert "bestaat-niet.csv" in message


async def test_unknown_column_can_be_mapped_by_hand(
    make_app: AppFactory, session_file: Path, tmp_path: Path
) -> None:
    (tmp_path / "los.csv").write_text("Naam,Post\nAnna,anna@wz.nl\n", encoding="utf-8")
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3", "i", *"los.csv", "enter")
        await pilot.pause()
        select = next(s for s in app.screen.query(".import-map") if s.column_header == "Post")
        select.value = "email"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [p["email"] for p in table_docs(session_file, "participants")] == ["anna@wz.nl"]


async def test_summary_exports_the_network_for_other_tools(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f7", "x", "u", "n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        names = sorted(p.name for p in (demo_file.parent / "exports").iterdir())
        assert names == [
            "demo-kruidenbuurt-kumu.xlsx",
            "demo-kruidenbuurt-netwerk.graphml",
            "demo-kruidenbuurt.xlsx",
        ]
