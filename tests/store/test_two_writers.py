"""Two writers on one session file: links to it and changes from outside are never silent.

Issue 19.1 and 19.2: a second window reaching the same file through a symbolic or hard link
must not edit it beside the first, and a file replaced, changed, moved or deleted behind an
open store must not be overwritten by its next save.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import demo_session
from wijksessie.domain.model import Organisation, ParkingItem, Participant
from wijksessie.errors import SaveError, SessionLockedError
from wijksessie.store import os_errors, storage
from wijksessie.store.session_store import SessionStore

posix_only = pytest.mark.skipif(os.name != "posix", reason="links and flock are POSIX here")

OUTSIDE_WRITER = """
import json, os, sys, tempfile
path = sys.argv[1]
with open(path, encoding="utf-8") as file:
    data = json.load(file)
data["participants"]["99"] = {"name": "Door script toegevoegd", "organisation_id": "",
    "role": "bewoner", "email": "", "phone": "", "present": True, "share_contact": False,
    "id": "f" * 32}
handle, temp = tempfile.mkstemp(dir=os.path.dirname(path))
with os.fdopen(handle, "w", encoding="utf-8") as file:
    json.dump(data, file)
os.replace(temp, path)
"""


@pytest.fixture
def first(sessions_dir: Path) -> Iterator[SessionStore]:
    """Window A: a session open for editing, with one organisation saved."""
    store = SessionStore.create(sessions_dir / "x.json", demo_session())
    store.add(Organisation("Welzijn Zuid"))
    yield store
    with contextlib.suppress(SaveError):  # the tests that change the file leave it unsaved
        store.close()


@posix_only
def test_a_symbolic_link_to_an_open_session_is_refused(first: SessionStore) -> None:
    assert first.path is not None
    link = first.path.with_name("y.json")
    link.symlink_to(first.path.name)
    with pytest.raises(SessionLockedError) as refused:
        SessionStore.open(link)
    assert "al geopend in een ander venster" in str(refused.value)
    with SessionStore.open(link, read_only=True) as viewer:
        assert viewer.count(Organisation) == 1


@posix_only
def test_a_hard_link_to_an_open_session_is_refused_even_after_saves(first: SessionStore) -> None:
    assert first.path is not None
    first.add(ParkingItem("Buurtapp"))  # a save gives the file a new inode
    link = first.path.with_name("z.json")
    os.link(first.path, link)
    with pytest.raises(SessionLockedError) as refused:
        SessionStore.open(link)
    assert "een andere naam" in str(refused.value)


@posix_only
def test_a_session_opened_through_a_symbolic_link_saves_into_the_file_it_points_to(
    sessions_dir: Path,
) -> None:
    SessionStore.create(sessions_dir / "x.json", demo_session()).close()
    link = sessions_dir / "y.json"
    link.symlink_to("x.json")
    with SessionStore.open(link) as store:
        store.add(Organisation("Welzijn Zuid"))
    assert link.is_symlink()
    with SessionStore.open(sessions_dir / "x.json", read_only=True) as reader:
        assert [o.name for o in reader.all(Organisation)] == ["Welzijn Zuid"]


def test_after_close_the_session_opens_again(first: SessionStore) -> None:
    assert first.path is not None
    first.close()
    with SessionStore.open(first.path) as again:
        again.add(ParkingItem("Buurtapp"))


def _names(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return sorted(doc["name"] for doc in data["participants"].values())


def test_a_file_replaced_from_outside_is_not_overwritten(first: SessionStore) -> None:
    assert first.path is not None
    subprocess.run([sys.executable, "-c", OUTSIDE_WRITER, str(first.path)], check=True)
    with pytest.raises(SaveError) as refused:
        first.add(Participant("Henk de Vries"))
    message = str(refused.value)
    assert "buiten wijksessie" in message
    assert _names(first.path) == ["Door script toegevoegd"]
    assert first.unsaved
    assert [p.name for p in first.all(Participant)] == ["Henk de Vries"]
    with pytest.raises(SaveError):
        first.flush()  # a retry does not overwrite it either
    assert _names(first.path) == ["Door script toegevoegd"]


def test_a_file_changed_in_place_from_outside_is_not_overwritten(first: SessionStore) -> None:
    assert first.path is not None
    text = first.path.read_text(encoding="utf-8")
    first.path.write_text(text.replace("Welzijn Zuid", "Welzijn Noord"), encoding="utf-8")
    with pytest.raises(SaveError):
        first.add(ParkingItem("Buurtapp"))
    assert "Welzijn Noord" in first.path.read_text(encoding="utf-8")


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_a_file_deleted_or_moved_while_open_is_not_recreated(first: SessionStore, how: str) -> None:
    assert first.path is not None
    if how == "deleted":
        first.path.unlink()
    else:
        first.path.rename(first.path.with_name("elders.json"))
    with pytest.raises(SaveError) as refused:
        first.add(ParkingItem("Buurtapp"))
    assert "verplaatst of verwijderd" in str(refused.value)
    assert not first.path.exists()


def test_own_saves_are_not_mistaken_for_outside_changes(first: SessionStore) -> None:
    for number in range(20):
        first.add(ParkingItem(f"Idee {number}"))
    assert not first.unsaved


HOLDER = """
import sys, time
from pathlib import Path
from wijksessie.domain.model import ParkingItem
from wijksessie.store import storage
from wijksessie.store.session_store import SessionStore
store = SessionStore.open(Path(sys.argv[1]))
store.add(ParkingItem("Buurtapp"))
print("held", flush=True)
time.sleep(60)
"""


@posix_only
def test_another_process_editing_the_session_keeps_its_links_out(sessions_dir: Path) -> None:
    path = sessions_dir / "x.json"
    SessionStore.create(path, demo_session()).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        os.link(path, sessions_dir / "z.json")
        (sessions_dir / "y.json").symlink_to("x.json")
        for name in ("x.json", "y.json", "z.json"):
            with pytest.raises(SessionLockedError):
                SessionStore.open(sessions_dir / name)
    finally:
        holder.kill()
        holder.wait()
    with SessionStore.open(sessions_dir / "z.json") as after:
        assert [item.text for item in after.all(ParkingItem)] == ["Buurtapp"]


@posix_only
def test_saves_leave_no_open_files_behind(first: SessionStore) -> None:
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        pytest.skip("counting open files needs /proc")
    first.add(ParkingItem("Eerste"))
    before = len(list(fd_dir.iterdir()))
    for number in range(50):
        first.add(ParkingItem(f"Idee {number}"))
    assert len(list(fd_dir.iterdir())) == before


def test_a_file_that_cannot_be_looked_at_is_a_failed_save_not_a_crash(
    first: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(storage, "file_state", refused)
    with pytest.raises(SaveError) as failed:
        first.add(ParkingItem("Buurtapp"))
    assert os_errors.reason(PermissionError(13, "Permission denied")) in str(failed.value)
    assert first.unsaved
    monkeypatch.undo()
    first.flush()
    assert not first.unsaved
