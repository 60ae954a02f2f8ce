"""The summary during a blind voting round (issue 15.17): no ranks or votes while it is open,
the results as usual once it closed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from wijksessie.domain.model import Goal, Session, VoteRound
from wijksessie.domain.summary import build_summary
from wijksessie.render.html import to_html
from wijksessie.render.markdown import to_markdown
from wijksessie.store import SessionStore


def test_the_summary_hides_a_blind_round_and_shows_it_after_closing(tmp_path: Path) -> None:
    room_file = tmp_path / "kamer.json"
    with SessionStore.create(room_file, Session("Kamer", date=date(2026, 12, 3))) as store:
        store.add(Goal("Niemand eenzaam", id="g" * 32))
        store.add(Goal("Geldzorgen vroeg zien", id="h" * 32))
    with SessionStore.open(room_file) as store:
        goal = store.get(Goal, "h" * 32)
        store.update(replace(goal, votes={"0" * 32: 3}))
        store.save_session(replace(store.session, vote_round=VoteRound(blind=True)))
        hidden = build_summary(store.network(), today=date(2026, 12, 3))
        assert [g.text for g in hidden.goals] == ["Niemand eenzaam", "Geldzorgen vroeg zien"]
        assert all(g.hidden and g.votes == 0 for g in hidden.goals)
        assert "verborgen" in to_markdown(hidden)
        assert "3 stemmen" not in to_html(hidden)
        store.save_session(replace(store.session, vote_round=None))
        shown = build_summary(store.network(), today=date(2026, 12, 3))
        first = shown.goals[0]
        assert (first.rank, first.text, first.votes) == (1, "Geldzorgen vroeg zien", 3)
        assert "3 stemmen" in to_html(shown)
