"""The review round that opens a follow-up session: every carried commitment, one key each.

o open · b bezig · g gedaan · v vervallen. The round goes person by person, so it travels
once around the room.
"""

from __future__ import annotations

from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from wijksessie.domain.dates import long_date
from wijksessie.domain.followup import review_statuses
from wijksessie.domain.lookup import Names
from wijksessie.domain.model import (
    Commitment,
    CommitmentStatus,
    Organisation,
    Participant,
    choice_label,
)
from wijksessie.errors import SaveError, WijksessieError
from wijksessie.i18n import _, current_language
from wijksessie.store import SessionStore
from wijksessie.ui.literal import literal
from wijksessie.ui.phases.commitments.status_style import STATUS_STYLE
from wijksessie.ui.show_error import show_error
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.key_bar import KeyBar

STATUS_KEYS = {
    "nl": (
        ("o", CommitmentStatus.OPEN),
        ("b", CommitmentStatus.BUSY),
        ("g", CommitmentStatus.DONE),
        ("v", CommitmentStatus.DROPPED),
    ),
    "en": (
        ("o", CommitmentStatus.OPEN),
        ("i", CommitmentStatus.BUSY),
        ("d", CommitmentStatus.DONE),
        ("x", CommitmentStatus.DROPPED),
    ),
}
"""The key for each status, by language: the first letter of the word on the screen."""


class ReviewScreen(StyledOnce, Screen[None]):
    """Step through the commitments carried over from the previous session."""

    AUTO_FOCUS = None
    BINDINGS = [
        Binding("escape", "close", _("Klaar"), id="review.close"),  # first: always in the bar
        *(
            Binding(key, f"set_status('{status.value}')", choice_label(status), id=f"review.{key}")
            for key, status in STATUS_KEYS[current_language()]
        ),
        Binding("right,enter,space", "step(1)", _("Volgende"), id="review.next"),
        Binding("left", "step(-1)", _("Vorige"), id="review.previous"),
    ]

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store
        self.ids = [c.id for c in review_statuses(store.network())]
        self.index = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="review"):
            yield Static(id="review-title")
            yield Static(id="review-current")
            yield Static(id="review-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Show the commitment in turn and the whole list with its statuses."""
        commitments = {c.id: c for c in self.store.all(Commitment)}
        items = [commitments[i] for i in self.ids if i in commitments]
        names = Names(self.store.all(Organisation), self.store.all(Participant))
        title = Text(_("Terugblik: de toezeggingen van de vorige keer"), style="bold")
        title.append(f"   {min(self.index + 1, len(items))}/{len(items)}", style="dim")
        self.query_one("#review-title", Static).update(title)
        current = self.query_one("#review-current", Static)
        if not items:
            current.update(Text(_("Er zijn geen toezeggingen meegenomen."), style="bold"))
        else:
            current.update(self._card(items[self.index], names))
        self.query_one("#review-list", Static).update(self._list(items, names))

    def _card(self, commitment: Commitment, names: Names) -> Text:
        text = literal(commitment.what, "bold")
        text.append("\n")
        text.append_text(literal(names.person_label(commitment.participant_id) or _("niemand")))
        if commitment.due:
            text.append(_(" · uiterlijk {date}").format(date=long_date(commitment.due)))
        text.append("\n" + _("Nu: "))
        text.append(choice_label(commitment.status), style=STATUS_STYLE[commitment.status])
        return text

    def _list(self, items: list[Commitment], names: Names) -> Table:
        table = Table(box=None, expand=True, show_header=False, pad_edge=False)
        table.add_column(width=2)
        table.add_column(ratio=3)
        table.add_column(ratio=2)
        longest = max(len(choice_label(status)) for status in CommitmentStatus)
        table.add_column(width=max(10, longest))  # every status on one line, in any language
        for position, commitment in enumerate(items):
            marker = Text("▶", style="bold") if position == self.index else Text("")
            table.add_row(
                marker,
                literal(commitment.what),
                literal(names.person_label(commitment.participant_id)),
                Text(choice_label(commitment.status), style=STATUS_STYLE[commitment.status]),
            )
        return table

    def action_set_status(self, value: str) -> None:
        """Give the commitment in turn its status now, and go on to the next."""
        if not self.ids:
            return
        commitment = self.store.get(Commitment, self.ids[self.index])
        try:
            self.store.update(replace(commitment, status=CommitmentStatus(value)))
        except SaveError:
            pass  # kept in memory: the screen warns and saves it once it can
        except WijksessieError as error:
            show_error(self, error)
            return
        self.index = min(self.index + 1, len(self.ids) - 1)
        self.redraw()

    def action_step(self, delta: int) -> None:
        """Go to the next or previous commitment."""
        if self.ids:
            self.index = max(0, min(len(self.ids) - 1, self.index + delta))
            self.redraw()

    def action_close(self) -> None:
        """End the review."""
        self.dismiss(None)
