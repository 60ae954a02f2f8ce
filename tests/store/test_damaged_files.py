"""Files that are not a usable session are refused with a Dutch message and left untouched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import MakeStore
from wijksessie.domain.model import ParkingItem
from wijksessie.errors import SessionFileError
from wijksessie.store.session_store import SessionStore


def _valid_file_text(make_store: MakeStore) -> str:
    store = make_store("file", name="bron.json")
    store.add(ParkingItem("Buurtapp"))
    store.close()
    assert store.path is not None
    return store.path.read_text(encoding="utf-8")


def _session_with(**changes: object) -> dict[str, object]:
    doc: dict[str, object] = {"app": "wijksessie", "schema_version": 1, "title": "Sessie"}
    doc.update(changes)
    return {"session": {"1": doc}, "organisations": {}}


PACKAGE_JSON = {"name": "wijk-app", "version": "1.0.0", "dependencies": {"react": "^18"}}
OTHER_TINYDB = {"_default": {"1": {"title": "boodschappen", "done": False}}}

DAMAGED: dict[str, tuple[bytes, str]] = {
    "not-json": (b"dit is geen json", "is beschadigd: geen geldige JSON."),
    "empty": (b"", "is beschadigd: geen geldige JSON."),
    "only-spaces": (b"  \n ", "is beschadigd: geen geldige JSON."),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "is niet te lezen"),
    "latin-1": ('{"titel": "café"}'.encode("latin-1"), "is niet te lezen"),
    "package-json": (json.dumps(PACKAGE_JSON).encode(), "is geen wijksessie-bestand."),
    "other-tinydb": (json.dumps(OTHER_TINYDB).encode(), "is geen wijksessie-bestand."),
    "list": (b"[1, 2, 3]", "is geen wijksessie-bestand."),
    "string": (b'"sessie"', "is geen wijksessie-bestand."),
    "null": (b"null", "is geen wijksessie-bestand."),
    "foreign-app-mark": (
        json.dumps({"session": {"1": {"app": "andere-app", "schema_version": 1}}}).encode(),
        "is geen wijksessie-bestand.",
    ),
    "two-session-docs": (
        json.dumps({"session": {"1": {"app": "wijksessie"}, "2": {"app": "wijksessie"}}}).encode(),
        "is geen wijksessie-bestand.",
    ),
    "no-title": (json.dumps(_session_with(title=None)).encode(), "is beschadigd"),
    "missing-title": (
        json.dumps({"session": {"1": {"app": "wijksessie", "schema_version": 1}}}).encode(),
        "is beschadigd",
    ),
    "bad-date": (
        json.dumps(_session_with(date="morgen")).encode(),
        "is beschadigd: sessie, datum: geen geldige datum: ‘morgen’",
    ),
    "impossible-date": (  # Python's own words were "day is out of range for month"
        json.dumps(_session_with(date="2026-02-30")).encode(),
        "is beschadigd: sessie, datum: geen geldige datum: ‘2026-02-30’",
    ),
    "name-a-number": (
        json.dumps({**_session_with(), "participants": {"3": {"name": 42}}}).encode(),
        "is beschadigd: deelnemer 3, naam: verwacht tekst, kreeg 42",
    ),
    "huge-number": (
        json.dumps(_session_with(agenda=[{"phase": "sessie", "planned_minutes": 7}]))
        .replace("7", "7" * 5000)
        .encode(),
        "is beschadigd: geen geldige JSON.",
    ),
    "table-is-a-list": (
        json.dumps({**_session_with(), "organisations": [1, 2]}).encode(),
        "is beschadigd",
    ),
    "entity-is-a-number": (
        json.dumps({**_session_with(), "organisations": {"1": 7}}).encode(),
        "is beschadigd: organisatie 1: verwacht een object, kreeg 7",
    ),
    "entity-without-name": (
        json.dumps({**_session_with(), "organisations": {"1": {"id": "o1"}}}).encode(),
        "is beschadigd",
    ),
    "bad-choice": (
        json.dumps(
            {**_session_with(), "participants": {"1": {"name": "Jan", "role": "koning"}}}
        ).encode(),
        "is beschadigd: deelnemer 1, rol: onbekende keuze ‘koning’",
    ),
    "version-zero": (
        json.dumps(_session_with(schema_version=0)).encode(),
        "onbekende bestandsversie",
    ),
    "version-text": (
        json.dumps(_session_with(schema_version="1")).encode(),
        "onbekende bestandsversie",
    ),
    "no-version": (
        json.dumps({"session": {"1": {"app": "wijksessie", "title": "S"}}}).encode(),
        "onbekende bestandsversie",
    ),
    "newer-version": (
        json.dumps(_session_with(schema_version=99)).encode(),
        "Werk wijksessie bij om hem te openen.",
    ),
}


@pytest.mark.parametrize("read_only", [False, True], ids=["edit", "read-only"])
@pytest.mark.parametrize(("content", "message"), DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_or_foreign_file_is_refused_and_untouched(
    sessions_dir: Path, content: bytes, message: str, read_only: bool
) -> None:
    path = sessions_dir / "sessie.json"
    path.write_bytes(content)
    with pytest.raises(SessionFileError) as caught:
        SessionStore.open(path, read_only=read_only)
    assert message in str(caught.value)
    assert "Traceback" not in str(caught.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in sessions_dir.iterdir() if not p.name.endswith(".lock")) == [
        "sessie.json"
    ]


def test_newer_version_names_both_versions(sessions_dir: Path) -> None:
    path = sessions_dir / "nieuw.json"
    path.write_text(json.dumps(_session_with(schema_version=7)))
    with pytest.raises(SessionFileError) as caught:
        SessionStore.open(path)
    assert str(caught.value) == (
        "nieuw.json is gemaakt met een nieuwere wijksessie (bestandsversie 7, deze versie kent "
        "tot 1). Werk wijksessie bij om hem te openen."
    )


@pytest.mark.parametrize("cut", [1, 0.5, -2])
def test_truncated_session_file_is_refused_and_untouched(
    make_store: MakeStore, sessions_dir: Path, cut: float
) -> None:
    text = _valid_file_text(make_store)
    content = text.encode()[: int(len(text) * cut) if isinstance(cut, float) else cut]
    path = sessions_dir / "afgekapt.json"
    path.write_bytes(content)
    with pytest.raises(
        SessionFileError, match=re.escape("afgekapt.json is beschadigd: geen geldige JSON.")
    ):
        SessionStore.open(path)
    assert path.read_bytes() == content


@pytest.mark.parametrize("read_only", [False, True], ids=["edit", "read-only"])
def test_missing_file_is_refused(sessions_dir: Path, read_only: bool) -> None:
    path = sessions_dir / "weg.json"
    with pytest.raises(SessionFileError, match="Sessiebestand niet gevonden"):
        SessionStore.open(path, read_only=read_only)
    assert not path.exists()


def test_missing_folder_is_not_created_by_opening(sessions_dir: Path) -> None:
    path = sessions_dir / "bestaat-niet" / "weg.json"
    with pytest.raises(SessionFileError, match="Sessiebestand niet gevonden"):
        SessionStore.open(path)
    assert not path.parent.exists()


@pytest.mark.parametrize("read_only", [False, True], ids=["edit", "read-only"])
def test_a_directory_is_refused(sessions_dir: Path, read_only: bool) -> None:
    path = sessions_dir / "map.json"
    path.mkdir()
    (path / "binnen.txt").write_text("blijft")
    with pytest.raises(
        SessionFileError, match=re.escape("map.json is een map, geen sessiebestand.")
    ):
        SessionStore.open(path, read_only=read_only)
    assert path.is_dir()
    assert (path / "binnen.txt").read_text() == "blijft"


def test_a_valid_file_with_unknown_extra_keys_opens(sessions_dir: Path) -> None:
    path = sessions_dir / "later.json"
    data = _session_with(later_field={"x": 1})
    data["parking"] = {"1": {"text": "idee", "id": "p1", "kleur": "rood"}}
    path.write_text(json.dumps(data))
    with SessionStore.open(path, read_only=True) as store:
        assert store.session.title == "Sessie"
        assert store.get(ParkingItem, "p1") == ParkingItem("idee", id="p1")


def test_a_file_saved_with_a_byte_order_mark_opens_and_is_not_rewritten(
    make_store: MakeStore, sessions_dir: Path
) -> None:
    """Notepad saves UTF-8 with a byte order mark; the file was refused as 'geen geldige
    JSON'. It opens, and opening (read-only or not) does not write it."""
    path = sessions_dir / "kladblok.json"
    content = b"\xef\xbb\xbf" + _valid_file_text(make_store).encode("utf-8")
    path.write_bytes(content)
    for read_only in (True, False):
        with SessionStore.open(path, read_only=read_only) as store:
            assert [item.text for item in store.all(ParkingItem)] == ["Buurtapp"]
        assert path.read_bytes() == content
    from wijksessie.store.folder import list_sessions

    (info,) = [i for i in list_sessions(sessions_dir) if i.path.name == "kladblok.json"]
    assert not info.problem
