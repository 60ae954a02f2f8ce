"""The open voting round in the session file (issue 15.17): kept, not an undo step, and absent
from files that never had one."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from wijksessie.domain.model import Goal, Session, VoteRound
from wijksessie.domain.voting import results_hidden
from wijksessie.store import SessionStore


def _doc(path: Path) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8"))["session"]["1"]


def test_a_new_file_has_no_round_and_an_old_one_gets_none_from_the_clock(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    SessionStore.create(path, Session("Kamer", date=date(2026, 12, 3))).close()
    assert "vote_round" not in _doc(path)
    with SessionStore.open(path) as store:
        agenda = store.session.agenda
        agenda[0].spent_seconds = 60
        store.save_session(replace(store.session, agenda=agenda))
    assert "vote_round" not in _doc(path)


def test_the_round_is_kept_and_is_no_undo_step(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    with SessionStore.create(path, Session("Kamer")) as store:
        store.add(Goal("Niemand eenzaam", id="g" * 32))
        store.save_session(replace(store.session, vote_round=VoteRound(blind=True, budget=4)))
        assert results_hidden(store.session)
    with SessionStore.open(path) as store:
        assert store.session.vote_round == VoteRound(blind=True, budget=4)
        store.save_session(replace(store.session, vote_round=None))
        assert not store.can_undo  # closing the round: nothing to undo
        store.save_session(replace(store.session, title="Kamer 2"))
        store.undo()  # the title goes back; the round stays closed
        assert store.session.title == "Kamer"
        assert store.session.vote_round is None
    assert _doc(path)["vote_round"] is None
