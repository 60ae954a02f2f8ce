"""Killing the app mid-save never leaves a broken session, and never keeps it locked."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MakeStore
from wijksessie.domain.model import Organisation, ParkingItem
from wijksessie.errors import SessionLockedError
from wijksessie.store.folder import list_sessions
from wijksessie.store.session_store import SessionStore

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 25
SEED = 20260312


def start_writer(path: Path) -> subprocess.Popen[str]:
    """Start the writer on ``path`` and wait until it holds the session open."""
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    line = writer.stdout.readline()
    if not line.startswith("ready"):
        writer.kill()
        _, errors = writer.communicate(timeout=5)
        pytest.fail(f"writer did not start: {line!r} {errors}")
    return writer


def kill(writer: subprocess.Popen[str]) -> None:
    """SIGKILL: no cleanup, no finally blocks, no flushing: like pulling the plug on the app."""
    writer.send_signal(signal.SIGKILL)
    _, errors = writer.communicate(timeout=5)
    assert writer.returncode == -signal.SIGKILL, f"the writer stopped by itself: {errors}"


@pytest.fixture
def session_file(make_store: MakeStore) -> Path:
    """A closed session file for the writer to open."""
    store = make_store("file")
    store.close()
    assert store.path is not None
    return store.path


def test_sigkill_at_random_moments_never_corrupts_the_session(
    session_file: Path, sessions_dir: Path
) -> None:
    rng = random.Random(SEED)
    deadline = time.monotonic() + 12
    last = (0, 0)
    kills = 0
    while kills < KILLS and time.monotonic() < deadline:
        writer = start_writer(session_file)
        time.sleep(rng.uniform(0.0, 0.15))
        kill(writer)
        kills += 1
        with SessionStore.open(session_file) as store:  # it loads, and the lock is free again
            names = [organisation.name for organisation in store.all(Organisation)]
            counts = (len(names), store.count(ParkingItem))
        assert counts[0] >= last[0] and counts[1] >= last[1], f"kill {kills}: {last} → {counts}"
        assert names == [f"Organisatie {n}" for n in range(1, len(names) + 1)], "a save was lost"
        last = counts
        infos = list_sessions(sessions_dir)
        assert [(info.path, info.problem) for info in infos] == [(session_file, "")]
    assert kills >= 10, "too slow to kill the writer often enough"
    assert last[1] > 0, "the writer never saved anything before being killed"
    strays = [p.name for p in sessions_dir.iterdir() if p != session_file]
    assert all(name.startswith(".") for name in strays), strays


def test_a_running_writer_holds_the_lock_until_it_is_killed(session_file: Path) -> None:
    writer = start_writer(session_file)
    try:
        with pytest.raises(SessionLockedError, match="al geopend"):
            SessionStore.open(session_file)
        with SessionStore.open(session_file, read_only=True) as reader:
            assert reader.session.title
    finally:
        kill(writer)
    with SessionStore.open(session_file) as store:
        store.add(ParkingItem("Na de crash"))
    with SessionStore.open(session_file, read_only=True) as reader:
        assert reader.all(ParkingItem)[-1].text == "Na de crash"
