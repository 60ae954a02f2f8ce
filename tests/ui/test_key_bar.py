"""The key bar: the keys of what has the focus, always current; a click presses the key."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import AppFactory
from wijksessie.domain.model import Phase
from wijksessie.store import SessionStore
from wijksessie.ui.widgets.key_bar import KeyBar


def _bar(app) -> str:
    """The bar as painted last (not drawn afresh: a bar that missed a change shows old keys)."""
    return app.screen.query_one(KeyBar).render_line(0).text


async def test_the_bar_follows_the_focus(make_app: AppFactory, session_file: Path) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(140, 35)) as pilot:
        await pilot.pause()
        assert "Volgende fase" in _bar(app)
        assert "Minuten aanpassen" not in _bar(app)
        app.screen.query_one("#agenda-table").focus()
        await pilot.pause()
        assert "Minuten aanpassen" in _bar(app)
        assert _bar(app).rstrip().endswith("opdrachten")
        await pilot.press("f3")
        await pilot.pause()
        assert "Importeren" in _bar(app)
        assert "Minuten aanpassen" not in _bar(app)


async def test_a_click_on_a_key_presses_it(make_app: AppFactory, session_file: Path) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(140, 35)) as pilot:
        await pilot.pause()
        text = _bar(app)
        column = text.index("Volgende fase") - 3  # on the key itself: " ^pgdn "
        assert await pilot.click(KeyBar, offset=(column, 0))
        await pilot.pause()
        assert app.screen.phase is Phase.NETWORK


async def test_a_narrow_bar_keeps_the_palette_key(make_app: AppFactory, session_file: Path) -> None:
    app = make_app(SessionStore.open(session_file))
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        text = _bar(app)
        assert "Bewerken" in text  # the first keys (the view's own) stay
        assert "Timer" not in text  # the ones that do not fit make room for the palette key
        assert text.rstrip().endswith("opdrachten")


async def test_a_views_own_key_comes_before_the_phase_steps(
    make_app: AppFactory, demo_file: Path
) -> None:
    """At 120 columns Afspraken's consent round was crowded out by "Vorige/Volgende fase"
    (which the header and the help also show): the view's keys come first."""
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        bar = _bar(app)
        assert "Consentronde" in bar
        if "Volgende fase" in bar:
            assert bar.index("Consentronde") < bar.index("Volgende fase")
