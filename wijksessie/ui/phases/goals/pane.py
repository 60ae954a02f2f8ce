"""The goals in vote order, each with its bar, its coalition and the questions it answers."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from wijksessie.domain.model import THEMES, Goal, Organisation, ResidentQuestion
from wijksessie.domain.text import join_list, split_list
from wijksessie.domain.voting import results_hidden, tally
from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.phases.goals.vote_bar import BAR_WIDTH, vote_bar
from wijksessie.ui.read_only import LooksOnly
from wijksessie.ui.widgets.entity_pane import EntityPane
from wijksessie.ui.widgets.form_dialog import FormField, Values


class GoalsPane(LooksOnly, EntityPane):
    """Shared goals; ``s`` starts the voting round."""

    EDITS = frozenset({"vote"})
    BINDINGS = [Binding("s", "vote", _("Stemronde"), id="goals.vote")]

    kind = Goal
    title = _("Gezamenlijke doelen")
    columns = ("#", (_("Doel"), 50), _("Stemmen"), (_("Coalitie"), 30), _("Vragen"))
    row_height = None

    def entities(self) -> list[Goal]:
        goals = self.store.all(Goal)
        self._hidden = results_hidden(self.store.session)
        self._bars = {bar.goal.id: bar for bar in tally(goals)}
        self._orgs = {org.id: org.name for org in self.store.all(Organisation)}
        if self._hidden:  # a blind round: not even the order may give the standings away
            return goals
        return [bar.goal for bar in self._bars.values()]

    def cells(self, entity: Goal) -> tuple[Text, ...]:
        bar = self._bars[entity.id]
        coalition = [self._orgs.get(org_id, "") for org_id in entity.coalition]
        if self._hidden:
            rank = Text("–", style="bold", justify="right")
            votes = Text(_("blind: uitslag als de ronde sluit"), style="dim italic")
        else:
            rank = Text(str(bar.rank) if bar.total else "–", style="bold", justify="right")
            votes = vote_bar(bar.cells(BAR_WIDTH), bar.total)
        return (
            rank,
            literal(entity.text, "bold"),
            votes,
            literal(join_list([name for name in coalition if name])),
            Text(str(len(entity.question_ids)), justify="right"),
        )

    def search_fields(self, entity: Goal) -> list[str]:
        coalition = [self._orgs.get(org_id, "") for org_id in entity.coalition]
        return [entity.text, *entity.themes, *coalition]

    def fields(self) -> list[FormField]:
        questions = [(q.id, q.text) for q in self.store.all(ResidentQuestion)]
        orgs = sorted(self.store.all(Organisation), key=lambda org: org.name.casefold())
        return [
            FormField("text", _("Doel"), placeholder=_("wat willen we samen bereiken?")),
            FormField(
                "themes",
                _("Thema's"),
                placeholder=_("bijv. eenzaamheid"),
                vocabulary=lambda: THEMES,
            ),
            FormField("question_ids", _("Beantwoordt de vragen"), "multi", choices=questions),
            FormField(
                "coalition",
                _("Coalitie (eigenaars)"),
                "multi",
                choices=[(org.id, org.name) for org in orgs],
            ),
        ]

    def values_of(self, entity: Goal | None) -> Values:
        if entity is None:
            return {"text": "", "themes": "", "question_ids": [], "coalition": []}
        return {
            "text": entity.text,
            "themes": join_list(entity.themes),
            "question_ids": list(entity.question_ids),
            "coalition": list(entity.coalition),
        }

    def build(self, values: Values, existing: Goal | None) -> Goal:
        goal = Goal(
            text=values["text"].strip(),
            themes=split_list(values["themes"]),
            question_ids=list(values["question_ids"]),
            coalition=list(values["coalition"]),
        )
        if existing is not None:
            goal.id = existing.id
            goal.votes = dict(existing.votes)
        return goal

    def action_vote(self) -> None:
        """Open the voting round over all goals."""
        from wijksessie.ui.phases.goals.voting import VotingScreen

        if self.store.read_only:
            self.notify(_("Alleen-lezen: stemmen kan hier niet."), severity="warning")
            return
        if not self.store.count(Goal):
            self.notify(_("Voeg eerst doelen toe (a)."), severity="warning")
            return
        self.app.push_screen(VotingScreen(self.store), lambda _result: self._after_vote())

    def _after_vote(self) -> None:
        self.refresh_rows()
        self.post_message(self.Changed(self))
