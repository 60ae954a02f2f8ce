"""Tab 8, the network plate: every name once, isolated ones marked, the cursor lights links."""

from __future__ import annotations

from pathlib import Path

from rich.segment import Segment
from textual.geometry import Size

from tests.ui.conftest import AppFactory
from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import Connection, ConnectionKind, Network, Organisation, Session
from wijksessie.render.layout import plate_of
from wijksessie.store import SessionStore
from wijksessie.ui.phases.network.graph import NetworkView
from wijksessie.ui.phases.network.import_screen import ImportScreen
from wijksessie.ui.widgets.bars import BarChart
from wijksessie.ui.widgets.form_dialog import FormDialog
from wijksessie.ui.widgets.plate import ALONE, NetworkPlate, draw, find, fits, shorten


def _text(rows: list[list[tuple[str, str]]]) -> list[str]:
    return ["".join(text for text, _role in runs) for runs in rows]


def _label_texts(drawing) -> dict[str, str]:
    lines = _text(drawing.rows)
    return {node_id: lines[row][start:end] for node_id, (row, start, end) in drawing.labels.items()}


def test_every_name_appears_exactly_once_and_isolated_ones_are_marked() -> None:
    network = demo_network()
    plate = plate_of(network)
    for size in (Size(118, 26), Size(78, 14), Size(158, 36)):
        drawing = draw(plate, size)
        screen = "\n".join(_text(drawing.rows))
        for node in plate.nodes:
            label = _label_texts(drawing)[node.id]
            assert screen.count(label.rstrip("…")) == 1, (size, node.name, label)
            assert node.name.startswith(label.rstrip("…"))
            column, row = drawing.points[node.id]
            assert _text(drawing.rows)[row][column] == (ALONE if node.isolated else "●")
        alone = [node for node in plate.nodes if node.isolated]
        assert [node.name for node in alone] == ["GGZ Rivierland, wijkteam Oost"]
        row, _start, _end = drawing.labels[alone[0].id]
        roles = {role for runs in [drawing.rows[row]] for _text_, role in runs}
        assert "alone" in roles and "isolated" in roles


def test_labels_never_overlap_and_stay_on_screen() -> None:
    """Forty organisations with long names in a 118×26 plate: each name in its own cells."""
    organisations = [
        Organisation(f"Stichting voor de wijk en de buurt nummer {n}", sector=sector)
        for n, sector in enumerate(["welzijn", "gemeente", "GGZ", "politie", "onderwijs"] * 8)
    ]
    network = Network(Session("x"), organisations=organisations)
    plate = plate_of(network, possible=False)
    size = Size(118, 26)
    assert fits(plate, size)
    drawing = draw(plate, size)
    taken: set[tuple[int, int]] = set()
    for row, start, end in drawing.labels.values():
        assert 0 <= start < end <= size.width
        cells = {(row, column) for column in range(start, end)}
        assert not cells & taken
        taken |= cells
    labels = _label_texts(drawing)
    assert any(label.endswith("…") for label in labels.values())
    names = {node.id: node.name for node in plate.nodes}
    assert all(names[key].startswith(label.rstrip("…")) for key, label in labels.items())


def test_the_selected_organisation_shows_its_whole_name() -> None:
    organisations = [Organisation(f"Een heel lange naam van organisatie {n}") for n in range(30)]
    plate = plate_of(Network(Session("x"), organisations=organisations), possible=False)
    chosen = plate.nodes[7]
    drawing = draw(plate, Size(80, 16), selected=chosen.id)
    assert _label_texts(drawing)[chosen.id] == chosen.name
    assert _label_texts(draw(plate, Size(80, 16)))[chosen.id].endswith("…")


def test_too_many_or_too_narrow_falls_back_to_the_list() -> None:
    many = [Organisation(f"Org {n}") for n in range(60)]
    assert not fits(plate_of(Network(Session("x"), organisations=many)), Size(200, 60))
    plate = plate_of(demo_network())
    assert fits(plate, Size(118, 26))
    assert not fits(plate, Size(70, 26))
    assert not fits(plate, Size(118, 4))


def test_shorten_and_find() -> None:
    assert shorten("Welzijn Waterveen", 10) == "Welzijn W…"
    assert shorten("Welzijn", 10) == "Welzijn"
    plate = plate_of(demo_network(), possible=False)
    names = {node.id: node.name for node in plate.nodes}
    assert names[find(plate, "thuis")] == "Thuiszorg Zorgzaam"
    assert names[find(plate, "rivier")] == "GGZ Rivierland, wijkteam Oost"
    assert find(plate, "xyz") is None


def test_lines_light_up_for_the_selected_organisation() -> None:
    a, b, c = Organisation("Aa", sector="welzijn"), Organisation("Bb"), Organisation("Cc")
    network = Network(
        Session("x"),
        organisations=[a, b, c],
        connections=[
            Connection(a.id, b.id, ConnectionKind.WORK_TOGETHER),
            Connection(b.id, c.id, ConnectionKind.KNOW),
        ],
    )
    plate = plate_of(network, possible=False)
    plain = {role for runs in draw(plate, Size(90, 20)).rows for _t, role in runs}
    assert {"line:work", "line:know"} <= plain
    lit = {role for runs in draw(plate, Size(90, 20), selected=a.id).rows for _t, role in runs}
    assert "line:work" in lit and "dim:know" in lit and "line:know" not in lit
    assert "selected" in lit and "partner" in lit


async def _plate(app, pilot) -> NetworkPlate:
    await pilot.pause()
    await pilot.press("ctrl+pagedown")
    await pilot.pause()
    await pilot.press("8")
    for _attempt in range(200):  # the possible lines' thread starts after the first paint
        await pilot.pause()
        await app.workers.wait_for_complete()
        if app.screen.query_one(NetworkView).settled:
            break
    return app.screen.query_one(NetworkPlate)


def _styles_on_screen(plate: NetworkPlate, text: str) -> list[Segment]:
    found = []
    for y in range(plate.content_size.height):
        for segment in plate.render_line(y):
            if text in segment.text:
                found.append(segment)
    return found


async def test_selecting_an_organisation_lights_its_links(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        plate = await _plate(app, pilot)
        assert app.focused is plate
        assert plate.selected is None
        await pilot.press("slash", *"thuis", "enter")
        await pilot.pause()
        names = {node.id: node.name for node in plate.plate.nodes}
        assert names[plate.selected] == "Thuiszorg Zorgzaam"
        drawing = plate.drawing
        assert drawing is not None
        roles = {role for runs in drawing.rows for _text, role in runs}
        assert "line:work" in roles and "dim:know" in roles and "selected" in roles
        partner_rows = {
            names[node_id]
            for node_id, (row, start, end) in drawing.labels.items()
            if any(role == "partner" for _text, role in drawing.rows[row])
        }
        assert "Huisartsenpraktijk De Linde" in partner_rows
        assert _styles_on_screen(plate, "Thuiszorg Zorgzaam")[0].style.bgcolor is not None
        detail = str(app.screen.query_one("#network-detail").render())
        assert "werkt samen met Huisartsenpraktijk De Linde" in detail
        assert "Valpreventie thuis" in detail

        await pilot.press("down")
        await pilot.pause()
        assert names[plate.selected] != "Thuiszorg Zorgzaam"
        await pilot.press("escape")
        await pilot.pause()
        assert plate.selected is None
        assert "dim:know" not in {r for runs in plate.drawing.rows for _t, r in runs}


async def test_enter_opens_the_organisation_and_t_shows_the_counts(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        plate = await _plate(app, pilot)
        await pilot.press("slash", *"politie", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "Politie Waterveen-Oost" in [
            getattr(widget, "value", None) for widget in app.screen.query("Input")
        ]
        await pilot.press("escape")
        await pilot.pause()
        view = app.screen.query_one(NetworkView)
        await pilot.press("t")
        await pilot.pause()
        assert not plate.display and view.query_one("#network-table").display
        bars = str(view.query_one(BarChart).render()).splitlines()
        assert bars[0] == "Deze sessie"
        assert any(line.startswith("werken samen") and line.endswith(" 4") for line in bars)
        assert any(line.startswith("nog zonder verbinding") for line in bars)
        await pilot.press("t")
        await pilot.pause()
        assert plate.display


async def test_a_narrow_terminal_shows_the_grouped_list(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(76, 24)) as pilot:
        plate = await _plate(app, pilot)
        view = app.screen.query_one(NetworkView)
        assert not plate.display and view.query_one("#network-table").display
        assert view.query_one("#network-note").display


async def test_a_name_typed_fast_after_slash_never_reaches_the_phase_keys(
    make_app: AppFactory, demo_file: Path
) -> None:
    """Keys queued at once, as a fast typist or tmux sends them: ``i`` must not import."""
    from textual import events

    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        plate = await _plate(app, pilot)
        for key, character in [("slash", "/"), *((c, c) for c in "welzijn")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert plate.finding == "welzijn"
        assert not isinstance(app.screen, ImportScreen)
        names = {node.id: node.name for node in plate.plate.nodes}
        assert names[plate.selected] == "Welzijn Waterveen"


async def test_a_click_on_a_name_selects_it(make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        plate = await _plate(app, pilot)
        names = {node.id: node.name for node in plate.plate.nodes}
        target = next(key for key, name in names.items() if name == "Politie Waterveen-Oost")
        row, start, _end = plate.drawing.labels[target]
        await pilot.click(NetworkPlate, offset=(start + 2, row))
        await pilot.pause()
        assert plate.selected == target


def test_typed_control_characters_never_reach_the_wall() -> None:
    network = demo_network()
    network.organisations[0].name = "\x1b[31mRood\x07"
    drawing = draw(plate_of(network, possible=False), Size(118, 26))
    screen = "\n".join(_text(drawing.rows))
    assert "\x1b" not in screen and "\x07" not in screen
