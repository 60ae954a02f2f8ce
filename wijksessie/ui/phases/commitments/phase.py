"""The commitments phase: the checks that still need attention, above the list."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from wijksessie.domain.commitments import check_commitments
from wijksessie.i18n import _
from wijksessie.store import SessionStore
from wijksessie.ui.literal import literal
from wijksessie.ui.phases.commitments.pane import CommitmentsPane
from wijksessie.ui.widgets.entity_pane import EntityPane


class CommitmentsPhase(Vertical):
    """Checks (goals nobody serves, no date, overdue, people without a commitment) and the list."""

    def __init__(self, store: SessionStore, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store

    def compose(self) -> ComposeResult:
        yield Static(id="commitment-checks")
        yield CommitmentsPane(self.store, id="pane-commitments")

    def on_mount(self) -> None:
        self.watch(self.app, "projector", lambda _on: self.refresh_checks(), init=False)

    def refresh_checks(self) -> None:
        """Re-compute what still needs attention."""
        pane = self.query_one(CommitmentsPane)
        checks = check_commitments(self.store.network(), pane.today or date.today())
        if checks.ok:
            text = Text(_("✔ Elk doel heeft een toezegging, alles heeft een datum."), style="green")
        else:
            text = Text()
            # On the wall the people who promised nothing are counted, not named.
            for line in checks.messages(names=not self.app.masked):  # type: ignore[attr-defined]
                text.append("! ", style="bold yellow")
                text.append_text(literal(line))
                text.append("\n")
            text.rstrip()
        self.query_one("#commitment-checks", Static).update(text)

    @on(EntityPane.Changed)
    def _changed(self) -> None:
        self.refresh_checks()

    def reload(self) -> None:
        """Catch up with changes made in another phase."""
        self.query_one(CommitmentsPane).refresh_rows()
        self.refresh_checks()

    def focus_default(self) -> None:
        """Put the keyboard on the list."""
        self.query_one(CommitmentsPane).focus_table()
