"""The crash test's victim: open a session and add entities until someone kills the process.

Run as ``python crash_writer.py <session.json>``. It prints ``ready <count>`` once the session
is open (and locked), then adds an organisation and a parking item per round (a killed round may
have added only the organisation), each add one save.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wijksessie.domain.model import Organisation, ParkingItem
from wijksessie.store.session_store import SessionStore


def main(path: Path) -> None:
    """Add entities forever; only SIGKILL ends this."""
    store = SessionStore.open(path)
    print(f"ready {store.count(ParkingItem)}", flush=True)
    while True:
        number = store.count(Organisation) + 1
        store.add(Organisation(f"Organisatie {number}", sector="welzijn"))
        store.add(ParkingItem(f"Idee {number}: " + "tekst " * 20))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
