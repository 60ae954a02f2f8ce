"""The first listing of a big folder decodes only each file's session table (issue 20), and
says of every file exactly what reading it whole says."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests import hostile
from wijksessie.store import folder
from wijksessie.store.folder import OUTLINE_FROM, list_sessions


def _odd_files(sessions_dir: Path) -> list[Path]:
    """Files where a fast reader could disagree with ``json``: each reason a file is bad."""
    data = hostile.valid_data(sessions_dir)
    text = json.dumps(data)
    odd = {
        "nan.json": text.replace('"participants": {', '"nan": NaN, "participants": {', 1),
        "surrogate.json": text.replace('"parking": {', '"x": "\\ud800", "parking": {', 1),
        "kapot.json": text[:-2],
        "trailing.json": text + " x",
        "bom.json": "\ufeff" + text,
        "list.json": "[1, 2]",
        "empty-object.json": "{}",
        "deep-elsewhere.json": text.replace(
            '"parking": {', '"diep": ' + "[" * 3000 + "]" * 3000 + ', "parking": {', 1
        ),
        "people-as-list.json": json.dumps({**data, "participants": [1, 2, 3]}),
        "people-as-number.json": json.dumps({**data, "participants": 7}),
        "people-null.json": json.dumps({**data, "participants": None}),
        "twice.json": text[:-1] + ', "commitments": {"a": {}, "b": {}}}',
        "no-session.json": json.dumps({"participants": {}}),
    }
    paths = []
    for name, content in odd.items():
        path = sessions_dir / name
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    bad_utf8 = sessions_dir / "utf8.json"
    bad_utf8.write_bytes(text.replace("Fatima", "Fat\udcffma").encode("utf-8", "surrogateescape"))
    paths.append(bad_utf8)
    return paths + list(hostile.make_all(sessions_dir).values())


def test_the_outline_says_what_reading_the_whole_file_says(sessions_dir: Path) -> None:
    for path in _odd_files(sessions_dir):
        whole = folder._read_info(path)
        assert folder._read_info(path, outline=True) == whole, path.name


def test_a_first_listing_of_many_files_parses_none_whole(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each file's JSON is checked, but only its session table is decoded: no whole file goes
    through ``json`` (37 MB for the benchmark's thousand sessions)."""
    data = hostile.valid_data(sessions_dir)
    for number in range(OUTLINE_FROM):
        data["session"]["1"].update(title=f"Sessie {number}", id=f"{number:032x}")
        (sessions_dir / f"sessie-{number}.json").write_text(json.dumps(data), encoding="utf-8")
    expected = [folder._read_info(path) for path in sorted(sessions_dir.glob("*.json"))]

    def whole(text: str) -> object:
        raise AssertionError("a whole file was parsed")

    monkeypatch.setattr(folder, "parse_json", whole)
    listed = list_sessions(sessions_dir)
    assert sorted(listed, key=lambda info: info.path) == expected
    assert {info.participants for info in listed} == {1}


def test_a_file_is_read_at_its_size_and_whole_when_it_grew_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``read_bytes`` asks for the file's size (not the 64 MB limit, which Python set aside for
    every file); a file that grew after its size was taken is still read whole, up to the
    limit, and refused beyond it."""
    import os

    from wijksessie.store import reading

    path = tmp_path / "groeit.json"
    path.write_bytes(b"x" * 1000)
    assert reading.read_bytes(path) == b"x" * 1000
    real_stat, real_fstat = os.stat, os.fstat

    def smaller(real: Callable[[Any], os.stat_result]) -> Callable[[Any], os.stat_result]:
        def stat(file: Any) -> os.stat_result:
            info = list(real(file))
            info[6] = 10  # st_size: as it was before it grew
            return os.stat_result(info)

        return stat

    monkeypatch.setattr(reading.os, "stat", smaller(real_stat))
    monkeypatch.setattr(reading.os, "fstat", smaller(real_fstat))
    assert reading.read_bytes(path) == b"x" * 1000
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 500)
    with pytest.raises(reading.UnreadableFile) as refused:
        reading.read_bytes(path)
    assert refused.value.reason == reading.TOO_LARGE
