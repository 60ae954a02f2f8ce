"""SVG snapshots of each screen, so a change in what the room sees is a visible diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import synced
from tests.ui.conftest import AppFactory, wait_until
from wijksessie.store import SessionStore


def test_start_screen_empty(snap_compare, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 35))


def test_start_screen_with_sessions(snap_compare, make_app: AppFactory, session_file: Path) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 35))


def test_start_screen_with_a_conflict_copy(
    snap_compare, make_app: AppFactory, sessions: Path, session_file: Path
) -> None:
    """OneDrive kept both versions of one session: the copy says of what, and what differs."""
    original = synced.session_with(sessions, 12)
    synced.conflict_copy(original, synced.ONEDRIVE, more_there=2)
    assert snap_compare(make_app(), terminal_size=(120, 35))


def test_phase_session(snap_compare, make_app: AppFactory, session_file: Path) -> None:
    app = make_app(SessionStore.open(session_file))
    assert snap_compare(app, terminal_size=(120, 35))


def test_phase_session_small_terminal(
    snap_compare, make_app: AppFactory, session_file: Path
) -> None:
    app = make_app(SessionStore.open(session_file))
    assert snap_compare(app, terminal_size=(80, 24))


def test_new_session_dialog(snap_compare, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 35), press=["n"])


@pytest.mark.parametrize(
    "size", [(80, 24), (120, 35), (160, 45)], ids=["80x24", "120x35", "160x45"]
)
def test_participant_form(
    snap_compare, make_app: AppFactory, demo_file: Path, size: tuple[int, int]
) -> None:
    """Every field of the participant form in sight, with its buttons (issue 15, point 8);
    160×45 is the wall, in projector mode."""
    app = make_app(SessionStore.open(demo_file))
    run_before = _keys_then_threads("f3", "a", projector=size == (160, 45))
    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_network_participants(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(120, 35), press=["ctrl+pagedown"])


async def _plate_settled(pilot) -> None:
    """Wait until tab 8's possible connections are drawn: their thread starts after a paint."""
    from wijksessie.ui.phases.network.graph import NetworkView

    for _attempt in range(200):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        if all(view.settled for view in pilot.app.screen.query(NetworkView)):
            break
    await pilot.pause()


def _keys_then_threads(*keys: str, projector: bool = False):
    """Press ``keys``, then wait for the threads they started (the plate's possible lines).
    ``projector``: F8 first, without its toast (which would come and go with the timing)."""

    async def run_before(pilot) -> None:
        if projector:
            await pilot.press("f8")
            pilot.app.clear_notifications()
        await pilot.press(*keys)
        await _plate_settled(pilot)

    return run_before


def test_network_participants_small_terminal(
    snap_compare, make_app: AppFactory, demo_file: Path
) -> None:
    """Aanwezig stays a readable column at 80×24 (issue 15, point 9)."""
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(80, 24), press=["f3"])


def test_network_matrix(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    """Tab 5: the heatmap of themes × sectors, "mantelzorg" a red gap."""
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(120, 35), press=["ctrl+pagedown", "5"])


def test_network_matrix_small_terminal(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(80, 24), press=["ctrl+pagedown", "5"])


def test_network_matrix_projector(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    run_before = _keys_then_threads("ctrl+pagedown", "5", projector=True)
    assert snap_compare(app, terminal_size=(160, 45), run_before=run_before)


def test_network_overlap(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(120, 35), press=["ctrl+pagedown", "6"])


def test_network_gaps_small_terminal(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(80, 24), press=["ctrl+pagedown", "7"])


def test_network_sectors(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    """Tab 8: the plate, with Welzijn Waterveen selected (its lines lit)."""
    app = make_app(SessionStore.open(demo_file))
    run_before = _keys_then_threads("ctrl+pagedown", "8", "slash", *"welz", "enter")
    assert snap_compare(app, terminal_size=(120, 35), run_before=run_before)


def test_network_plate_small_terminal(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    run_before = _keys_then_threads("ctrl+pagedown", "8")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_network_plate_projector(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    run_before = _keys_then_threads("ctrl+pagedown", "8", "down", "down", projector=True)
    assert snap_compare(app, terminal_size=(160, 45), run_before=run_before)


@pytest.fixture
def fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Overdue flags as of the demo's day, so the snapshot does not change with the calendar."""
    from tests.ui.conftest import DEMO_DAY
    from wijksessie.ui.phases.commitments.pane import CommitmentsPane

    monkeypatch.setattr(CommitmentsPane, "today", DEMO_DAY)


def test_goals(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(120, 35), press=["f4"])


def test_voting_round(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(120, 35), press=["f4", "s"])


def test_voting_round_small_terminal(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    """The key bar keeps "esc Klaar" at 80×24 and cuts no key in half (issue 15, point 9)."""
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(80, 24), press=["f4", "s"])


def test_agreements(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(120, 35), press=["f5"])


def test_consent_round(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    press = ["f5", "down", "down", "r", "a", "o", *"Eerst budget", "enter"]
    assert snap_compare(app, terminal_size=(120, 35), press=press)


def test_commitments(snap_compare, make_app: AppFactory, demo_file: Path, fixed_day: None) -> None:
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(120, 35), press=["f6"])


def test_commitments_by_person_small(
    snap_compare, make_app: AppFactory, demo_file: Path, fixed_day: None
) -> None:
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(80, 24), press=["f6", "g"])


def test_summary(
    snap_compare, make_app: AppFactory, demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui.conftest import DEMO_DAY
    from wijksessie.ui.phases.summary_phase import SummaryPhase

    monkeypatch.setattr(SummaryPhase, "today", DEMO_DAY)
    app = make_app(SessionStore.open(demo_file))

    async def summary_drawn(pilot) -> None:
        await pilot.press("f7")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 35), run_before=summary_drawn)


def test_projector_mode(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    """F8 then Wie doet wat; without F8's toast, whose life depends on the machine's speed
    (it failed CI under load), and after the phase's threads."""
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(
        app, terminal_size=(120, 35), run_before=_keys_then_threads("f3", projector=True)
    )


def test_help_screen(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(120, 35), press=["f5", "question_mark"])


def test_the_wall_following_at_projector_size(
    snap_compare, sessions: Path, demo_file: Path
) -> None:
    """``view --volg``: the initiatives the editor shows, masked, keys that only look (15.18)."""
    from textual.widgets import TabbedContent

    from wijksessie.store.wall_position import WallPosition, write_wall_position
    from wijksessie.ui.app import WijksessieApp

    write_wall_position(demo_file, WallPosition("wie-doet-wat", "initiatieven"))
    app = WijksessieApp(sessions, SessionStore.open(demo_file, read_only=True), follow=True)

    def on_the_editors_tab() -> bool:
        tabs = list(app.screen.query("#network-tabs"))
        return (
            bool(tabs)
            and isinstance(tabs[0], TabbedContent)
            and tabs[0].active == ("tab-initiatieven")
        )

    async def run_before(pilot) -> None:
        await wait_until(pilot, on_the_editors_tab)  # the wall has no animations to wait for
        await pilot.pause()

    assert snap_compare(app, terminal_size=(160, 45), run_before=run_before)


def test_a_blind_voting_round(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    """``b`` in the voting round: no bars, no totals, only the current person's own dots (15.17)."""
    app = make_app(SessionStore.open(demo_file))

    async def run_before(pilot) -> None:
        await pilot.press("f4", "s", "b")  # the demo's votes are in already
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 35), run_before=run_before)


def test_spotlight_projector(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    """ctrl+l on an initiative: its name in the large letters, framed on the whole wall."""
    app = make_app(SessionStore.open(demo_file))
    run_before = _keys_then_threads("ctrl+pagedown", "3", "ctrl+l", projector=True)
    assert snap_compare(app, terminal_size=(160, 45), run_before=run_before)


def test_spotlight_small_terminal(snap_compare, make_app: AppFactory, demo_file: Path) -> None:
    """At 80 × 24 the smaller big letters (half blocks), still whole words."""
    app = make_app(SessionStore.open(demo_file))
    assert snap_compare(app, terminal_size=(80, 24), press=["ctrl+pagedown", "3", "ctrl+l"])


# -- Every phase and every tab of Wie doet wat at 80x24, 120x35 and the wall (160x45, F8) ------
# One snapshot per view and size; the tests above hold the ones that show more (a tab's
# selection, a round, a grouping), so only the missing sizes are listed here.

SMALL, ROOM, WALL = (80, 24), (120, 35), (160, 45)
VIEW_KEYS = {
    "session": (),
    "participants": ("f3", "1"),
    "organisations": ("f3", "2"),
    "initiatives": ("f3", "3"),
    "connections": ("f3", "4"),
    "overlap": ("f3", "6"),
    "gaps": ("f3", "7"),
    "goals": ("f4",),
    "agreements": ("f5",),
    "commitments": ("f6",),
    "summary": ("f7",),
}
"""The keys to each view from a session just opened; matrix and network have their own tests."""
MISSING_SIZES = {
    "session": [WALL],
    "participants": [WALL],
    "organisations": [SMALL, ROOM, WALL],
    "initiatives": [SMALL, ROOM, WALL],
    "connections": [SMALL, ROOM, WALL],
    "overlap": [SMALL, WALL],
    "gaps": [ROOM, WALL],
    "goals": [SMALL, WALL],
    "agreements": [SMALL, WALL],
    "commitments": [WALL],
    "summary": [SMALL, WALL],
}
VIEWS_BY_SIZE = [
    pytest.param(view, size, id=f"{view}-{size[0]}x{size[1]}")
    for view, sizes in MISSING_SIZES.items()
    for size in sizes
]


@pytest.mark.parametrize(("view", "size"), VIEWS_BY_SIZE)
def test_every_view_at_every_size(
    snap_compare,
    make_app: AppFactory,
    demo_file: Path,
    fixed_day: None,
    monkeypatch: pytest.MonkeyPatch,
    view: str,
    size: tuple[int, int],
) -> None:
    from tests.ui.conftest import DEMO_DAY
    from wijksessie.ui.phases.summary_phase import SummaryPhase

    monkeypatch.setattr(SummaryPhase, "today", DEMO_DAY)
    app = make_app(SessionStore.open(demo_file))
    run_before = _keys_then_threads(*VIEW_KEYS[view], projector=size == WALL)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
