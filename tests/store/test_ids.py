"""Missing and duplicate ids are repaired once, visibly, and saved (issue 19.6).

Before, a participant without ``id`` got a new random id on every load (a commitment made for
that person pointed to nothing after reopening), and an update of one of two documents with
the same ``id`` overwrote the other person.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import demo_session
from wijksessie.domain.model import Commitment, Participant
from wijksessie.store.session_store import SessionStore

FATIMA = {
    "name": "Fatima el Amrani",
    "organisation_id": "",
    "role": "verbinder",
    "email": "fatima@example.nl",
    "phone": "",
    "present": True,
    "share_contact": False,
}
HENK = {**FATIMA, "name": "Henk de Vries", "role": "bewoner", "email": "henk@example.nl"}
SAME_ID = "a" * 32


def _session_file(folder: Path, *participants: dict[str, object]) -> Path:
    path = folder / "x.json"
    SessionStore.create(path, demo_session()).close()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["participants"] = {str(n): doc for n, doc in enumerate(participants, start=1)}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_participant_without_id_keeps_one_id_across_reopening(sessions_dir: Path) -> None:
    path = _session_file(sessions_dir, FATIMA)
    with SessionStore.open(path) as store:
        assert any("Fatima el Amrani" in line for line in store.repairs)
        assert any("opgeslagen" in line for line in store.repairs)
        (fatima,) = store.all(Participant)
        store.add(Commitment("Koffie regelen", participant_id=fatima.id))
    with SessionStore.open(path) as again:
        assert again.repairs == []
        (fatima_again,) = again.all(Participant)
        assert fatima_again.id == fatima.id
        (commitment,) = again.all(Commitment)
        assert again.get(Participant, commitment.participant_id).name == "Fatima el Amrani"


def test_an_update_of_one_of_two_people_with_the_same_id_leaves_the_other(
    sessions_dir: Path,
) -> None:
    path = _session_file(sessions_dir, {**FATIMA, "id": SAME_ID}, {**HENK, "id": SAME_ID})
    with SessionStore.open(path) as store:
        report = " ".join(store.repairs)
        assert "Henk de Vries" in report and "Fatima el Amrani" in report
        fatima, henk = store.all(Participant)
        assert fatima.id == SAME_ID and henk.id != SAME_ID
        henk.phone = "06-87654321"
        store.update(henk)
        assert [p.name for p in store.all(Participant)] == ["Fatima el Amrani", "Henk de Vries"]
        assert store.get(Participant, SAME_ID).name == "Fatima el Amrani"
    with SessionStore.open(path, read_only=True) as reader:
        assert [p.name for p in reader.all(Participant)] == ["Fatima el Amrani", "Henk de Vries"]
        assert reader.repairs == []


def test_a_viewer_repairs_in_memory_only_and_says_so(sessions_dir: Path) -> None:
    path = _session_file(sessions_dir, FATIMA, {**HENK, "id": SAME_ID}, {**FATIMA, "id": SAME_ID})
    before = path.read_bytes()
    with SessionStore.open(path, read_only=True) as reader:
        assert any("niet opgeslagen" in line for line in reader.repairs)
        ids = [p.id for p in reader.all(Participant)]
        assert len(set(ids)) == 3
    assert path.read_bytes() == before


def test_a_sound_file_is_neither_repaired_nor_written(sessions_dir: Path) -> None:
    path = _session_file(sessions_dir, {**FATIMA, "id": SAME_ID}, {**HENK, "id": "b" * 32})
    before = path.read_bytes()
    with SessionStore.open(path) as store:
        assert store.repairs == []
    assert path.read_bytes() == before


def test_adding_beside_a_document_that_lacks_optional_fields_works(sessions_dir: Path) -> None:
    """A hand-edited participant without ``organisation_id`` crashed every later add."""
    path = _session_file(sessions_dir, {"name": "Henk de Vries", "id": SAME_ID})
    with SessionStore.open(path) as store:
        store.add(Participant("Fatima el Amrani"))
        assert [p.name for p in store.all(Participant)] == ["Henk de Vries", "Fatima el Amrani"]
