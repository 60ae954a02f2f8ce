"""A generator of hostile and damaged session files, as an attacker or a bad sync leaves them.

Each maker writes one file (or FIFO, link, folder) into a sessions folder and says what must
happen to it: ``"bad"`` (listed with a reason, refused on open), or ``"fixed"`` (opens, with
its fields brought within the rules and a message saying so). The files are built as the
real ones are (``SessionStore.create``) and then edited as text, the way a hand or a script
would edit them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from wijksessie.domain.model import Participant, Session
from wijksessie.store.session_store import SessionStore

BIG = 5_000_000
"""Five million characters: what made the summary take two minutes and print 62 MB."""

TERMINAL_TITLE = "\x1b]0;GEHACKT\x07"
"""An OSC sequence that retitles the terminal; the same with ``\\x9d`` (C1) below."""


def valid_data(folder: Path, name: str = "bron.json") -> dict[str, Any]:
    """The data of a real session file with one participant, as the app writes it."""
    path = folder / f".maker-{name}"
    session = Session("Netwerksessie", wijk="De Pijp", date=date(2026, 12, 3))
    with SessionStore.create(path, session) as store:
        store.add(Participant("Fatima el Amrani"))
    data = json.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    path.with_name(f".{path.name}.lock").unlink(missing_ok=True)
    return data


def _write(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")


def _session(data: dict[str, Any]) -> dict[str, Any]:
    return data["session"]["1"]


def _participant(data: dict[str, Any]) -> dict[str, Any]:
    return next(iter(data["participants"].values()))


def deep_array(folder: Path) -> Path:
    path = folder / "diep.json"
    path.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    return path


def deep_inside_session(folder: Path) -> Path:
    data = valid_data(folder)
    nested: Any = "bodem"
    for _ in range(900):  # under the json module's own limit, above what copying survives
        nested = {"x": nested}
    _participant(data)["extra"] = nested
    path = folder / "diep-in-sessie.json"
    _write(path, data)
    return path


def lone_surrogate(folder: Path) -> Path:
    data = valid_data(folder)
    _session(data)["title"] = "Titel \ud800 half"
    _participant(data)["name"] = "Naam \udfff"
    path = folder / "surrogaat.json"
    _write(path, data)  # ensure_ascii writes "\ud800" as text, as a script might
    return path


def fifo(folder: Path) -> Path:
    path = folder / "x.json"
    os.mkfifo(path)
    return path


def folder_named_json(folder: Path) -> Path:
    path = folder / "map.json"
    path.mkdir()
    return path


def link_to_dev_zero(folder: Path) -> Path:
    path = folder / "nul.json"
    path.symlink_to("/dev/zero")
    return path


def huge_title(folder: Path) -> Path:
    data = valid_data(folder)
    _session(data)["title"] = "Lang " + "x" * BIG
    path = folder / "lange-titel.json"
    _write(path, data)
    return path


def huge_name(folder: Path) -> Path:
    data = valid_data(folder)
    _participant(data)["name"] = "Henk " + "y" * BIG
    path = folder / "lange-naam.json"
    _write(path, data)
    return path


def bad_minutes(folder: Path) -> Path:
    data = valid_data(folder)
    agenda = _session(data)["agenda"]
    agenda[0]["planned_minutes"] = -5
    agenda[1]["planned_minutes"] = 10**9
    path = folder / "minuten.json"
    _write(path, data)
    return path


def huge_number(folder: Path) -> Path:
    """A number of 5,001 digits: more than Python turns into an int (its ``ValueError``)."""
    data = valid_data(folder)
    _session(data)["agenda"][0]["planned_minutes"] = 123456789
    path = folder / "getal.json"
    _write(path, data)
    text = path.read_text("utf-8").replace("123456789", "1" + "0" * 5000, 1)
    path.write_text(text, "utf-8")
    return path


def title_of_spaces(folder: Path) -> Path:
    data = valid_data(folder)
    _session(data)["title"] = "    "
    path = folder / "spaties.json"
    _write(path, data)
    return path


def escapes_and_bidi(folder: Path) -> Path:
    data = valid_data(folder)
    _session(data)["title"] = f"Sessie{TERMINAL_TITLE} \u202eom\u202c"
    _session(data)["notes"] = "notitie\x9d0;C1\x9c en \x1b[31mrood"
    _participant(data)["name"] = f"Fa\u200btima{TERMINAL_TITLE}"
    path = folder / "stuurtekens.json"
    _write(path, data)
    return path


Maker = Callable[[Path], Path]

BAD: dict[str, Maker] = {
    "deep-array": deep_array,
    "fifo": fifo,
    "folder": folder_named_json,
    "dev-zero": link_to_dev_zero,
    "huge-number": huge_number,
}
"""Listed as bad with a reason; refused on open without hanging."""

FIXED: dict[str, Maker] = {
    "deep-inside-session": deep_inside_session,
    "lone-surrogate": lone_surrogate,
    "huge-title": huge_title,
    "huge-name": huge_name,
    "bad-minutes": bad_minutes,
    "title-of-spaces": title_of_spaces,
    "escapes-and-bidi": escapes_and_bidi,
}
"""Open, brought within the rules, and say so."""


def make_all(folder: Path) -> dict[str, Path]:
    """Every hostile file in ``folder``; the paths by maker name."""
    return {name: make(folder) for name, make in {**BAD, **FIXED}.items()}
