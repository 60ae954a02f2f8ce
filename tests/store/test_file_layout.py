"""The session file stays readable: a block per table, one line per document, real letters."""

from __future__ import annotations

import json
from pathlib import Path

from wijksessie.domain.model import Organisation, Participant, Session
from wijksessie.store.session_store import SessionStore
from wijksessie.store.storage import dumps


def test_one_document_per_line_and_the_same_data(sessions_dir: Path) -> None:
    path = sessions_dir / "sessie.json"
    with SessionStore.create(path, Session("Café Zuid", wijk="Oost")) as store:
        cafe = Organisation("Café “De Hoek”", interests=["bereik", 'zeg "ja"\nnee'])
        store.add(cafe)
        store.add(Participant("Zoë", organisation_id=cafe.id))
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert dumps(data) == text.encode()
    assert "Café “De Hoek”" in text and "Zoë" in text
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and text.endswith("}\n")
    tables = [line for line in lines if line.startswith(' "')]
    assert [line.split('"')[1] for line in tables] == list(data)
    documents = [line for line in lines if line.startswith('  "')]
    assert len(documents) == sum(len(table) for table in data.values())
    for line in documents:
        key, _, document = line.strip().rstrip(",").partition(": ")
        assert json.loads(key).isdigit() and isinstance(json.loads(document), dict)


def test_anything_that_is_not_tables_is_still_json() -> None:
    for data in ({}, {"a": {}}, {"a": 1}, [1, "é"], {"a": {"1": {}}, "b": {}}):
        assert json.loads(dumps(data)) == data
