"""The app in English: stored Dutch choice values are shown as English labels, dates too.

The language is set before the app is built and put back to Dutch afterwards. Textual reads
``Binding`` descriptions and class-level labels when a module is first imported, so these tests
check what is computed on screen (table cells, the header), not footer labels or column titles,
and import every UI module in Dutch first: a screen first imported here, in English, would
otherwise show English footers in the Dutch snapshot tests that run after it.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import DataTable, Input, Label

import wijksessie.ui
from tests.ui.conftest import AppFactory
from wijksessie import i18n
from wijksessie.store import SessionStore
from wijksessie.ui.widgets.confirm import ConfirmDialog
from wijksessie.ui.widgets.session_header import SessionHeader

DUTCH_CHOICES = {
    "bezig",
    "gedaan",
    "vervallen",
    "voorstel",
    "aangenomen",
    "verworpen",
    "bewoner",
    "bestuurder",
    "verbinder",
    "kennen elkaar",
    "werken samen",
    "willen samenwerken",
    "geen contactpersoon",
    "geen reserve",
    "enige deelnemer",
    "geïsoleerd",
}


@pytest.fixture
def english() -> Iterator[None]:
    for module in pkgutil.walk_packages(wijksessie.ui.__path__, "wijksessie.ui."):
        importlib.import_module(module.name)
    i18n.set_language("en")
    yield
    i18n.set_language("nl")


def column(table: DataTable, index: int) -> list[str]:
    """The plain text of one column, top to bottom."""
    cells = (table.get_row_at(row)[index] for row in range(table.row_count))
    return [cell.plain if isinstance(cell, Text) else str(cell) for cell in cells]


@pytest.mark.usefixtures("english")
async def test_commitments_and_agreements_show_english_statuses(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(SessionHeader).title()
        assert "Wed 25 Nov 2026" in str(header)

        await pilot.press("f6")
        await pilot.pause()
        pane = app.screen.query_one("#phase-toezeggingen")
        statuses = column(pane.query_one(".pane-table", DataTable), 5)
        assert len(statuses) == 12
        assert set(statuses) == {"open", "in progress", "done", "dropped"}

        search = pane.query_one(".pane-filter", Input)
        for typed in ("dropped", "vervallen"):  # what is shown, and the stored value
            search.value = typed
            await pilot.pause()
            assert column(pane.query_one(".pane-table", DataTable), 5) == ["dropped", "dropped"]
        search.value = ""

        await pilot.press("f5")
        await pilot.pause()
        pane = app.screen.query_one("#phase-afspraken")
        table = pane.query_one(".pane-table", DataTable)
        statuses = column(table, 1)
        assert sorted(statuses) == ["adopted", "adopted", "proposed", "proposed", "rejected"]

        table.move_cursor(row=statuses.index("adopted"))
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#question", Label).render())
        assert "This agreement is adopted." in question
        await pilot.press("n")


@pytest.mark.usefixtures("english")
async def test_who_does_what_shows_english_kinds_and_roles(
    make_app: AppFactory, demo_file: Path
) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        phase = app.screen.query_one("#phase-wie-doet-wat")
        roles = column(phase.query_one("#pane-participants .pane-table", DataTable), 2)
        assert set(roles) == {"resident", "professional", "executive", "connector"}

        await pilot.press("4")
        await pilot.pause()
        kinds = column(phase.query_one("#pane-connections .pane-table", DataTable), 1)
        assert set(kinds) == {"know each other", "work together", "want to work together"}

        await pilot.press("6")
        await pilot.pause()
        now = column(phase.query_one("#overlap-table", DataTable), 3)
        assert now and not set(now) & DUTCH_CHOICES

        await pilot.press("7")
        await pilot.pause()
        gap_kinds = column(phase.query_one("#gaps-table", DataTable), 0)
        assert gap_kinds and not set(gap_kinds) & DUTCH_CHOICES


async def test_dutch_stays_dutch(make_app: AppFactory, demo_file: Path) -> None:
    app = make_app(SessionStore.open(demo_file))
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        pane = app.screen.query_one("#phase-toezeggingen")
        statuses = column(pane.query_one(".pane-table", DataTable), 5)
        assert set(statuses) == {"open", "bezig", "gedaan", "vervallen"}


@pytest.mark.parametrize(
    ("language", "consent", "review"),
    [
        ("nl", ["a,1", "b,2", "o,3"], ["o", "b", "g", "v"]),
        ("en", ["c,1", "r,2", "o,3"], ["o", "i", "d", "x"]),
    ],
)
def test_round_keys_follow_the_language(
    language: str, consent: list[str], review: list[str]
) -> None:
    """Bindings are fixed when their module loads, so each language is checked in a new process."""
    script = (
        f"from wijksessie import i18n; i18n.set_language({language!r})\n"
        "from wijksessie.ui.phases.agreements.consent import ConsentScreen\n"
        "from wijksessie.ui.phases.commitments.review import ReviewScreen\n"
        # The way out (escape) comes first in both; the answers follow it.
        "print([(b.key, b.description) for b in ConsentScreen.BINDINGS][1:4])\n"
        "print([(b.key, b.description) for b in ReviewScreen.BINDINGS][1:5])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    consent_line, review_line = (ast.literal_eval(line) for line in done.stdout.splitlines())
    assert [key for key, _label in consent_line] == consent
    assert [key for key, _label in review_line] == review
    words = {"nl": ("Akkoord", "gedaan"), "en": ("Consent", "done")}[language]
    assert (consent_line[0][1], review_line[2][1]) == words
