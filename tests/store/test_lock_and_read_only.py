"""One editor per session: a second open is refused, a read-only open is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MakeStore, demo_session
from wijksessie.domain.model import Organisation, ParkingItem
from wijksessie.errors import ReadOnlyError, SessionFileError, SessionLockedError
from wijksessie.store.session_store import SessionStore, lock_path


@pytest.fixture
def editing(make_store: MakeStore) -> SessionStore:
    """A session open for editing, with one parking item."""
    store = make_store("file")
    store.add(ParkingItem("Buurtapp"))
    return store


def test_a_second_editor_in_the_same_process_is_refused(editing: SessionStore) -> None:
    assert editing.path is not None
    with pytest.raises(SessionLockedError) as caught:
        SessionStore.open(editing.path)
    message = str(caught.value)
    assert editing.path.name in message
    assert "al geopend" in message
    assert "alleen-lezen" in message


def test_create_over_a_locked_session_is_refused(editing: SessionStore) -> None:
    assert editing.path is not None
    before = editing.path.read_bytes()
    with pytest.raises(SessionLockedError):
        SessionStore.create(editing.path, demo_session())
    assert editing.path.read_bytes() == before


def test_create_over_an_existing_file_is_refused(editing: SessionStore, sessions_dir: Path) -> None:
    assert editing.path is not None
    editing.close()
    before = editing.path.read_bytes()
    with pytest.raises(SessionFileError, match="bestaat al"):
        SessionStore.create(editing.path, demo_session())
    assert editing.path.read_bytes() == before
    with SessionStore.open(editing.path):
        pass


def test_read_only_open_works_while_locked(editing: SessionStore) -> None:
    assert editing.path is not None
    with SessionStore.open(editing.path, read_only=True) as reader:
        assert [item.text for item in reader.all(ParkingItem)] == ["Buurtapp"]
        assert reader.read_only


def test_read_only_refuses_every_change_and_leaves_the_file(editing: SessionStore) -> None:
    assert editing.path is not None
    before = editing.path.read_bytes()
    with SessionStore.open(editing.path, read_only=True) as reader:
        item = reader.all(ParkingItem)[0]
        session = reader.session
        session.title = "Anders"
        changes = [
            lambda: reader.add(Organisation("Welzijn Zuid")),
            lambda: reader.update(ParkingItem("Anders", id=item.id)),
            lambda: reader.remove(item),
            lambda: reader.save_session(session),
        ]
        for change in changes:
            with pytest.raises(ReadOnlyError, match="alleen-lezen"):
                change()
        assert reader.all(ParkingItem) == [item]
        assert reader.all(Organisation) == []
        assert reader.session.title != "Anders"
        reader.flush()
    assert editing.path.read_bytes() == before


def test_after_close_the_session_opens_again(editing: SessionStore) -> None:
    assert editing.path is not None
    editing.close()
    with SessionStore.open(editing.path) as again:
        again.add(ParkingItem("Tweede idee"))
    with SessionStore.open(editing.path) as third:
        assert third.count(ParkingItem) == 2


def test_closing_twice_is_harmless(editing: SessionStore) -> None:
    editing.close()
    editing.close()
    assert editing.path is not None
    SessionStore.open(editing.path).close()


def test_a_failed_open_releases_the_lock(sessions_dir: Path) -> None:
    path = sessions_dir / "kapot.json"
    path.write_text("{kapot")
    for _ in range(2):
        with pytest.raises(SessionFileError):
            SessionStore.open(path)


def test_the_lock_is_a_hidden_file_beside_the_session(editing: SessionStore) -> None:
    assert editing.path is not None
    lock = lock_path(editing.path)
    assert lock.parent == editing.path.parent
    assert lock.name.startswith(".")
    assert lock.exists()
