"""The file format's version, and one step per version to bring an older file up to date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wijksessie.errors import SessionFileError

SCHEMA_VERSION = 1
APP_MARK = "wijksessie"

Data = dict[str, Any]

MIGRATIONS: dict[int, Callable[[Data], Data]] = {}
"""``MIGRATIONS[n]`` turns a file of schema ``n`` into one of schema ``n + 1``."""


def session_doc(data: Data) -> dict[str, Any]:
    """The one document in the ``session`` table; ``SessionFileError`` for a foreign file."""
    table = data.get("session") if isinstance(data, dict) else None
    docs = list(table.values()) if isinstance(table, dict) else []
    if len(docs) != 1 or not isinstance(docs[0], dict) or docs[0].get("app") != APP_MARK:
        raise SessionFileError("Dit is geen wijksessie-bestand.")
    return docs[0]


def migrate(data: Data, name: str) -> Data:
    """Bring ``data`` to ``SCHEMA_VERSION``; refuse files from a newer version of the app."""
    version = session_doc(data).get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise SessionFileError(f"{name}: onbekende bestandsversie ({version!r}).")
    if version > SCHEMA_VERSION:
        raise SessionFileError(
            f"{name} is gemaakt met een nieuwere wijksessie (bestandsversie {version}, deze "
            f"versie kent tot {SCHEMA_VERSION}). Werk wijksessie bij om hem te openen."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        session_doc(data)["schema_version"] = version
    return data
