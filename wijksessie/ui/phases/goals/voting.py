"""The dot-voting round on the wall: one person at a time gives their votes with single keys.

Goal numbers stay fixed during the round (they do not re-sort as votes come in), so the room
can call out "twee!" and the facilitator presses 2.
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

from wijksessie.domain.model import Goal, Participant, VoteRound
from wijksessie.domain.voting import DEFAULT_BUDGET, remaining_votes, take_vote, total_votes
from wijksessie.domain.voting import give_vote as domain_give_vote
from wijksessie.errors import SaveError, WijksessieError
from wijksessie.i18n import _
from wijksessie.store import SessionStore
from wijksessie.ui.literal import literal
from wijksessie.ui.phases.goals.vote_bar import BAR_WIDTH, vote_bar
from wijksessie.ui.show_error import show_error
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.key_bar import KeyBar

MAX_GOALS = 9


class VotingScreen(StyledOnce, Screen[None]):
    """Step through the present participants; digits give a vote to a goal."""

    BINDINGS = [
        # First, so the key bar of a small screen always shows the way out.
        Binding("escape", "close", _("Klaar"), id="vote.close"),
        *(
            Binding(str(n), f"give({n})", _("Stem op {n}").format(n=n), show=False)
            for n in range(1, MAX_GOALS + 1)
        ),
        Binding("backspace,u", "take_back", _("Stem terug"), id="vote.take"),
        Binding("right,enter,space", "step(1)", _("Volgende"), id="vote.next"),
        Binding("left", "step(-1)", _("Vorige"), id="vote.previous"),
        Binding("plus", "budget(1)", _("Meer stemmen"), id="vote.more"),
        Binding("minus", "budget(-1)", _("Minder stemmen"), id="vote.fewer"),
        Binding("b", "blind", _("Blind stemmen"), id="vote.blind"),
    ]

    AUTO_FOCUS = None

    def __init__(self, store: SessionStore, budget: int = DEFAULT_BUDGET) -> None:
        super().__init__()
        self.store = store
        open_round = store.session.vote_round
        self.round = open_round or VoteRound(budget=budget)
        """The round as stored: a round left open (the app closed during it) goes on as it was."""
        self.people = sorted(
            (p for p in store.all(Participant) if p.present), key=lambda p: p.name.casefold()
        )
        self.goal_ids = [goal.id for goal in store.all(Goal)][:MAX_GOALS]
        self.index = 0
        self.given: dict[str, list[str]] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="voting"):
            yield Static(id="voting-title")
            yield Static(id="voting-person")
            yield Static(id="voting-goals")
        yield KeyBar()

    @property
    def budget(self) -> int:
        """Votes per person in this round."""
        return self.round.budget

    def on_mount(self) -> None:
        self._save_round(self.round)
        self.redraw()

    def _save_round(self, vote_round: VoteRound | None) -> bool:
        """Keep the round (or its end, ``None``) in the session file; False when refused."""
        try:
            self.store.save_session(replace(self.store.session, vote_round=vote_round))
        except SaveError:
            pass  # kept in memory; the session screen warns and retries
        except WijksessieError as error:
            show_error(self, error, severity="warning")
            return False
        return True

    def goals(self) -> list[Goal]:
        """The goals of the round, in their fixed order."""
        by_id = {goal.id: goal for goal in self.store.all(Goal)}
        return [by_id[goal_id] for goal_id in self.goal_ids if goal_id in by_id]

    def redraw(self) -> None:
        """Show who votes now and the live tally."""
        goals = self.goals()
        title = Text(
            _("Stemronde · {budget} stemmen per persoon").format(budget=self.budget), style="bold"
        )
        if self.round.blind:
            title.append(_(" · blind: de uitslag komt als de ronde sluit"), style="bold yellow")
        title.append(_("   (+/− verandert het aantal, b blind)"), style="dim")
        self.query_one("#voting-title", Static).update(title)
        self.query_one("#voting-person", Static).update(self._person_text(goals))
        self.query_one("#voting-goals", Static).update(self._goals_table(goals))

    def _person_text(self, goals: list[Goal]) -> Text:
        if not self.people:
            return Text(_("Er is niemand aanwezig om te stemmen."), style="bold red")
        person = self.people[self.index]
        left = remaining_votes(goals, person.id, self.budget)
        text = Text(f"{self.index + 1}/{len(self.people)}  ", style="dim")
        text.append_text(literal(person.name, "bold"))
        text.append(
            _("   nog {left} van {budget} stemmen").format(left=left, budget=self.budget),
            style="bold green" if left else "dim",
        )
        return text

    def _goals_table(self, goals: list[Goal]) -> Table:
        person = self.people[self.index] if self.people else None
        table = Table(box=None, expand=True, show_header=False, pad_edge=False)
        table.add_column(justify="right", width=3)
        table.add_column(ratio=3)
        table.add_column(width=BAR_WIDTH + 4)
        table.add_column(width=8)
        highest = max((total_votes(goal) for goal in goals), default=0)
        for number, goal in enumerate(goals, start=1):
            total = total_votes(goal)
            cells = max(1, round(total / highest * BAR_WIDTH)) if total else 0
            mine = goal.votes.get(person.id, 0) if person else 0
            table.add_row(
                Text(str(number), style="bold reverse"),
                literal(goal.text, "bold"),
                Text(_("verborgen"), style="dim") if self.round.blind else vote_bar(cells, total),
                Text("●" * mine, style="bold yellow"),
            )
        return table

    def action_give(self, number: int) -> None:
        """Give the current person's vote to goal ``number``."""
        goals = self.goals()
        if not self.people or number > len(goals):
            return
        person = self.people[self.index]
        try:
            goal = domain_give_vote(goals, goals[number - 1].id, person, self.budget)
            self.store.update(goal)
        except SaveError:
            pass  # kept in memory: the screen warns and saves it once it can
        except WijksessieError as error:
            show_error(self, error, severity="warning")
            return
        self.given.setdefault(person.id, []).append(goal.id)
        # Votes used up: on to the next person, so the round goes on with digits alone.
        last = self.index == len(self.people) - 1
        if not last and remaining_votes(self.goals(), person.id, self.budget) == 0:
            self.index += 1
            # Said, so nobody presses → as well and skips the next person.
            self.notify(
                _("{name} heeft alle stemmen gegeven; nu {next}.").format(
                    name=person.name, next=self.people[self.index].name
                ),
                markup=False,
                timeout=4,
            )
        self.redraw()

    def action_take_back(self) -> None:
        """Take back the current person's last vote in this round."""
        if not self.people:
            return
        person = self.people[self.index]
        history = self.given.get(person.id) or []
        if not history:
            self.notify(_("Deze persoon heeft in deze ronde nog niet gestemd."), severity="warning")
            return
        try:
            self.store.update(take_vote(self.goals(), history[-1], person))
        except SaveError:
            pass  # kept in memory: the screen warns and saves it once it can
        except WijksessieError as error:
            show_error(self, error, severity="warning")
            return
        history.pop()
        self.redraw()

    def action_step(self, delta: int) -> None:
        """Go to the next or previous person."""
        if self.people:
            self.index = max(0, min(len(self.people) - 1, self.index + delta))
            self.redraw()

    def action_budget(self, delta: int) -> None:
        """Change the number of votes per person (1 to 10)."""
        budget = max(1, min(10, self.budget + delta))
        self._change_round(replace(self.round, budget=budget))

    def action_blind(self) -> None:
        """Hide (or show again) the bars and totals until the round closes."""
        if self._change_round(replace(self.round, blind=not self.round.blind)):
            if self.round.blind:
                told = _("Blind stemmen: de uitslag blijft verborgen tot de ronde sluit.")
            else:
                told = _("De tussenstand is weer zichtbaar.")
            self.notify(told, timeout=4)

    def _change_round(self, vote_round: VoteRound) -> bool:
        if not self._save_round(vote_round):
            return False
        self.round = vote_round
        self.redraw()
        return True

    def action_close(self) -> None:
        """End the round: the goals list re-sorts by votes, a blind round shows its results."""
        blind = self.round.blind
        self._save_round(None)
        if blind:
            self.app.notify(_("De stemronde is gesloten: dit is de uitslag."), timeout=5)
        self.dismiss(None)
