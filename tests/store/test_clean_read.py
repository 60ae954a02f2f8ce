"""The fast reader of clean files gives what the slow reader gives, or leaves the file to it.

``store.clean_read`` proves a file needs no tidying and decodes, and then skips both. Every
test here reads the same bytes both ways: where the fast reader answers, its data must equal
the slow reader's (``json.loads``, then ``tidy_data``), its fixes too, and every document must
decode; where it does not, the slow reader decides as before. Hostile samples, the
benchmark's sessions and generated damage are thrown at it.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import hostile
from wijksessie.domain.codec import from_dict
from wijksessie.domain.model import Goal, Participant
from wijksessie.domain.text import unwanted_finder
from wijksessie.errors import SessionFileError
from wijksessie.store import clean_read, session_file
from wijksessie.store.decode_cache import _decode_all
from wijksessie.store.migrations import session_doc
from wijksessie.store.reading import UnreadableFile, decode, parse_json
from wijksessie.store.session_file import (
    CLEAN_TABLES,
    SESSION_TABLE,
    TABLES,
    read_session,
    tidy_data,
)
from wijksessie.store.session_store import SessionStore

sys.path.insert(0, str(Path(__file__).parents[1] / "perf"))
from generate import write_session


@pytest.fixture(autouse=True)
def always_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file tries the fast way, whatever its size."""
    monkeypatch.setattr(clean_read, "FAST_FROM", 0)


def slow(raw: bytes) -> tuple[dict[str, Any], list[Any]] | None:
    """The data and fixes the slow reader makes of ``raw``; ``None`` when it refuses it."""
    try:
        data = parse_json(decode(raw))
        session_doc(data)
        return data, tidy_data(data)
    except (UnreadableFile, SessionFileError):
        return None


def fast(raw: bytes) -> tuple[dict[str, Any], list[Any]] | None:
    """The data and fixes the fast reader makes of ``raw``; ``None`` when it leaves it."""
    data = clean_read.read_clean(raw, SESSION_TABLE, CLEAN_TABLES)
    if data is None:
        return None
    return data, clean_read.tidy_session(session_doc(data))


def assert_same(raw: bytes) -> bool:
    """The fast reader agrees with the slow one on ``raw``; whether it answered at all."""
    quick = fast(raw)
    if quick is None:
        return False
    sure = slow(raw)
    assert sure is not None, "the fast reader took a file the slow one refuses"
    assert quick == sure
    assert json.dumps(quick[0]) == json.dumps(sure[0])  # the same types, the same order
    for kind, table_name in TABLES.items():
        for doc in quick[0].get(table_name, {}).values():
            from_dict(kind, doc)  # raises if it would not decode
    return True


def file_bytes(data: dict[str, Any], *, ascii_only: bool = False) -> bytes:
    return json.dumps(data, ensure_ascii=ascii_only).encode("utf-8")


@pytest.fixture
def valid(tmp_path: Path) -> dict[str, Any]:
    return hostile.valid_data(tmp_path)


@pytest.mark.parametrize("size", ["small", "large"])
def test_the_benchmark_sessions_are_read_the_fast_way(tmp_path: Path, size: str) -> None:
    raw = write_session(tmp_path / f"{size}.json", size).read_bytes()
    assert assert_same(raw)


def test_a_file_as_the_app_writes_it_is_read_the_fast_way(valid: dict[str, Any]) -> None:
    assert assert_same(file_bytes(valid))
    next(iter(valid["participants"].values()))["name"] = "Eén van ons"
    assert assert_same(file_bytes(valid))
    assert fast(file_bytes(valid, ascii_only=True)) is None  # a \u escape: the slow way


def test_every_hostile_sample_is_left_to_the_slow_reader_or_read_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    answered = set()
    for name, path in hostile.make_all(folder).items():
        if path.is_file() and assert_same(path.read_bytes()):
            answered.add(name)
    assert answered <= {"title-of-spaces"}  # the session document is tidied either way


def unwanted_characters() -> Iterator[str]:
    short, long = unwanted_finder(short=True), unwanted_finder(short=False)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if short(char) is not None or long(char) is not None:
            yield char


def test_what_a_long_text_may_not_hold_a_short_one_may_not_either() -> None:
    short = unwanted_finder(short=True)
    assert all(short(char) is not None for char in unwanted_characters())


@pytest.mark.parametrize("field", ["name", "email"])
def test_no_unwanted_character_passes_raw_or_escaped(valid: dict[str, Any], field: str) -> None:
    for char in unwanted_characters():
        doc = next(iter(valid["participants"].values()))
        doc[field] = f"Fatima{char}el Amrani"
        for ascii_only in (False, True):
            try:
                raw = file_bytes(valid, ascii_only=ascii_only)
            except UnicodeEncodeError:  # a lone surrogate: only as an escape
                continue
            assert fast(raw) is None, repr(char)


def test_a_line_break_is_allowed_in_a_long_text_not_in_a_name(valid: dict[str, Any]) -> None:
    doc = next(iter(valid["participants"].values()))
    valid["parking"] = {"1": {"text": "eerst\ndan\tdit", "id": "p1"}}
    assert assert_same(file_bytes(valid))
    doc["name"] = "Fatima\nel Amrani"
    assert fast(file_bytes(valid)) is None
    doc["name"] = 'Fatima \\ "el" Amrani'
    assert assert_same(file_bytes(valid))


def test_a_repeated_key_is_checked_in_each_place(valid: dict[str, Any]) -> None:
    text = file_bytes(valid).decode("utf-8")
    long_name = "x" * 500
    doubled = re.sub(
        r'"name": "Fatima el Amrani"',
        f'"name": "Fatima el Amrani", "name": "{long_name}"',
        text,
    )
    assert doubled != text
    assert fast(doubled.encode("utf-8")) is None
    assert slow(doubled.encode("utf-8")) is not None  # the slow reader cuts it


def test_a_store_opened_the_fast_way_holds_what_the_slow_way_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_session(tmp_path / "large.json", "large")
    assert read_session(path).clean
    quick = SessionStore.open(path, read_only=True)
    monkeypatch.setattr(session_file, "read_clean", lambda *_args: None)
    sure = SessionStore.open(path, read_only=True)
    assert read_session(path).clean is False
    for kind in TABLES:
        assert quick.all(kind) == sure.all(kind)
    assert quick.session == sure.session
    assert (quick.load_fixes, quick.repairs) == (sure.load_fixes, sure.repairs)
    assert quick._docs.doc_ids == sure._docs.doc_ids  # which document holds which entity
    quick.close()
    sure.close()


def test_an_entity_decoded_the_fast_way_shares_nothing_with_the_stored_document(
    small_session: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "klein.json"
    path.write_bytes(small_session)
    with SessionStore.open(path) as store:
        goal = store.all(Goal)[0]
        goal.themes.append("nieuw")
        goal.votes["iemand"] = 3
        stored = next(iter(store._docs.raw("goals").values()))
        assert "nieuw" not in stored["themes"]
        assert "iemand" not in stored["votes"]


def test_a_clean_file_with_a_repeated_id_is_still_repaired(
    tmp_path: Path, valid: dict[str, Any]
) -> None:
    first = next(iter(valid["participants"].values()))
    valid["participants"]["2"] = {**first, "name": "Pieter de Vries"}
    path = tmp_path / "dubbel.json"
    path.write_bytes(file_bytes(valid))
    assert read_session(path).clean
    with SessionStore.open(path) as store:
        assert len(store.repairs) == 2
        assert len({p.id for p in store.all(Participant)}) == 2


def test_a_damaged_clean_looking_file_fails_at_open_as_before(
    tmp_path: Path, valid: dict[str, Any]
) -> None:
    valid["participants"]["x"] = valid["participants"].pop("1")  # a doc id TinyDB cannot read
    path = tmp_path / "kapot.json"
    path.write_bytes(file_bytes(valid))
    assert read_session(path).clean
    with pytest.raises(SessionFileError, match=r"kapot\.json is beschadigd"):
        SessionStore.open(path)


@pytest.mark.parametrize(
    ("table", "field", "value", "answered"),
    [
        ("participants", "name", "   ", False),  # blank: tidy fills it
        ("participants", "name", "\u00a0", False),
        ("participants", "name", "", False),
        ("participants", "name", "x" * 120, True),
        ("participants", "name", "x" * 121, False),  # cut
        ("participants", "email", "é" * 121, False),
        ("participants", "present", 1, False),  # the codec refuses it
        ("participants", "role", "koning", False),
        ("participants", "onbekend", 1, False),  # a newer version's: tidy's to judge
        ("initiatives", "themes", ["x" * 200], True),
        ("initiatives", "themes", ["x" * 201], False),
        ("initiatives", "description", "x" * 5000, True),
        ("initiatives", "description", "x" * 5001, False),
        ("goals", "votes", {"a": 0}, True),
        ("goals", "votes", {"a": -1}, False),  # clamped
        ("goals", "votes", {"a": True}, False),
        ("commitments", "due", "2026-12-03", True),
        ("commitments", "due", "20261203", False),  # the codec's, not msgspec's
        ("agreements", "rounds", [{"text": "t", "positions": {"p": {"stance": "?"}}}], False),
        ("agreements", "rounds", [{"text": "t", "positions": {"p": {"stance": "akkoord"}}}], True),
    ],
)
def test_each_rule_of_tidy_and_the_codec_is_checked(
    small_session: bytes, table: str, field: str, value: Any, answered: bool
) -> None:
    data = json.loads(small_session)
    next(iter(data[table].values()))[field] = value
    assert assert_same(file_bytes(data)) is answered


# --- generated damage ------------------------------------------------------------------------

ODD_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\n", "\t", "\r", "\u202e", "\u200b", "\x9b", "\x7f", "\u00a0", "\\"]),
    ),
    max_size=8,
)
VALUES = st.one_of(
    ODD_TEXT,
    st.builds(lambda n, t: t * n, st.sampled_from([119, 120, 121, 200, 201, 5001]), st.just("é")),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False),
    st.lists(ODD_TEXT, max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(min_value=-3, max_value=3), max_size=2),
    st.sampled_from(["", "  ", "\u00a0", "2026-12-03", "20261203", "open", "gedaan", "x" * 33]),
    st.recursive(st.none(), lambda inner: st.lists(inner, max_size=1), max_leaves=30),
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    kind=st.sampled_from(list(TABLES)),
    choose=st.data(),
    value=VALUES,
    drop=st.booleans(),
    ascii_only=st.booleans(),
)
def test_generated_damage_is_left_to_the_slow_reader_or_read_the_same(
    small_session: bytes,
    kind: type,
    choose: st.DataObject,
    value: Any,
    drop: bool,
    ascii_only: bool,
) -> None:
    data = json.loads(small_session)
    table = data[TABLES[kind]]
    if not table:
        return
    doc = next(iter(table.values()))
    field = choose.draw(st.sampled_from([*doc, "onbekend"]))
    if drop:
        doc.pop(field, None)
    else:
        doc[field] = value
    assert_same(file_bytes(data, ascii_only=ascii_only))
    bulk = _decode_all(kind, table)  # msgspec's decode of a table the proof let through
    if bulk is not None and all("id" in item for item in table.values()):  # else a new one
        assert bulk == [from_dict(kind, item) for item in table.values()]


@pytest.fixture(scope="module")
def small_session(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("small")
    return write_session(folder / "small.json", "small").read_bytes()


def test_a_small_file_is_read_the_slow_way_until_the_check_types_are_written(
    small_session: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clean_read, "FAST_FROM", len(small_session) + 1)
    clean_read._checker.cache_clear()
    assert fast(small_session) is None  # importing msgspec would cost more than it saves
    clean_read._checker(SESSION_TABLE, CLEAN_TABLES)
    assert assert_same(small_session)


@pytest.mark.parametrize(
    ("title", "follow", "fixed"),
    [
        ("Netwerksessie", "2026-12-17", False),
        ("Netwerksessie", "2026-12-03", True),  # not after the session: dropped
        ("Netwerksessie", "2026-11-30", True),
        ("Netwerksessie", None, False),
        (" \u3000 ", None, True),  # a title of spaces: filled
    ],
)
def test_a_clean_files_session_is_tidied_where_it_needs_it(
    valid: dict[str, Any], title: str, follow: str | None, fixed: bool
) -> None:
    valid["session"]["1"].update(title=title, next_date=follow)
    assert assert_same(file_bytes(valid))
    assert bool(fast(file_bytes(valid))[1]) is fixed  # type: ignore[index]
