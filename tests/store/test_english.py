"""The store's messages in English: undo steps, file errors, the start screen's problems.

Each test switches to English and back; the Dutch is covered by the other store tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wijksessie import i18n
from wijksessie.domain.model import Organisation, Participant, Session
from wijksessie.errors import NotFoundError, ReadOnlyError, SaveError, SessionFileError
from wijksessie.store import settings, storage
from wijksessie.store.folder import INDEX, list_sessions
from wijksessie.store.session_store import SessionStore


@pytest.mark.usefixtures("english")
def test_undo_steps_are_named_in_english() -> None:
    store = SessionStore.in_memory(Session("Netwerksessie Oost"))
    welzijn = Organisation("Welzijn Zuid")
    store.add(welzijn)
    assert store.undo_description == "organisation ‘Welzijn Zuid’ added"
    welzijn.name = "Welzijn Zuid-Oost"
    store.update(welzijn)
    assert store.undo_description == "organisation ‘Welzijn Zuid-Oost’ changed"
    with store.batch():
        store.add(Participant("Anna", organisation_id=welzijn.id))
        store.add(Participant("Bram", organisation_id=welzijn.id))
    assert store.undo_description == "2 changes"
    store.save_session(Session("Netwerksessie Zuid"))
    assert store.undo() == "session details changed"
    assert store.redo_description == "session details changed"
    assert store.describe(welzijn, "verwijderd") == "organisation ‘Welzijn Zuid-Oost’ deleted"
    assert store.describe(Participant(" "), "toegevoegd") == "participant added"


def test_undo_steps_stay_dutch_by_default() -> None:
    store = SessionStore.in_memory(Session("Netwerksessie Oost"))
    store.add(Organisation("Welzijn Zuid"))
    assert store.undo_description == "organisatie ‘Welzijn Zuid’ toegevoegd"


@pytest.mark.usefixtures("english")
def test_store_errors_are_english(sessions_dir: Path) -> None:
    with pytest.raises(SessionFileError, match=r"^Session file not found: "):
        SessionStore.open(sessions_dir / "nope.json")
    foreign = sessions_dir / "foreign.json"
    foreign.write_text('{"hello": "world"}', encoding="utf-8")
    with pytest.raises(SessionFileError, match=r"^foreign\.json is not a wijksessie file\.$"):
        SessionStore.open(foreign)
    with (
        SessionStore.create(sessions_dir / "a.json", Session("A")) as store,
        pytest.raises(NotFoundError, match=r"^Not found: gone$"),
    ):
        store.get(Organisation, "gone")
    with (
        SessionStore.open(sessions_dir / "a.json", read_only=True) as viewer,
        pytest.raises(ReadOnlyError, match=r"^This session is open read-only"),
    ):
        viewer.add(Organisation("Welzijn"))


@pytest.mark.usefixtures("english")
def test_a_newer_file_says_so_in_english(sessions_dir: Path) -> None:
    path = sessions_dir / "new.json"
    SessionStore.create(path, Session("Nieuw")).close()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["session"]["1"]["schema_version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SessionFileError, match=r"^new\.json was made with a newer wijksessie"):
        SessionStore.open(path)


@pytest.mark.usefixtures("english")
def test_a_failed_save_says_so_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, content: str | bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "atomic_write_text", full)
    monkeypatch.setattr(storage, "atomic_write_bytes", full)
    with pytest.raises(SaveError, match=r"^Saving the settings in .* failed .* next time"):
        settings.save_settings(settings.Settings(), tmp_path / "settings.json")
    with pytest.raises(SaveError, match=r"^Saving x\.json failed \(the disk is full\)"):
        SessionStore.create(tmp_path / "x.json", Session("X"))


def test_the_start_screen_problem_follows_the_language_the_index_stays_dutch(
    sessions_dir: Path,
) -> None:
    (sessions_dir / "kapot.json").write_text("{niet af", encoding="utf-8")
    (sessions_dir / "vreemd.json").write_text("[]", encoding="utf-8")
    i18n.set_language("en")
    try:
        problems = {info.path.name: info.problem for info in list_sessions(sessions_dir)}
        assert problems == {
            "kapot.json": "damaged or unreadable",
            "vreemd.json": "not a wijksessie file",
        }
    finally:
        i18n.set_language("nl")
    index = (sessions_dir / INDEX).read_text(encoding="utf-8")
    assert "beschadigd of onleesbaar" in index and "damaged" not in index
    problems = {info.path.name: info.problem for info in list_sessions(sessions_dir)}
    assert problems == {
        "kapot.json": "beschadigd of onleesbaar",
        "vreemd.json": "geen wijksessie-bestand",
    }
