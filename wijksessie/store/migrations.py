"""The file format's version, and one step per version to bring an older file up to date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wijksessie.errors import SessionFileError
from wijksessie.i18n import _

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
        raise SessionFileError(_("Dit is geen wijksessie-bestand."))
    return docs[0]


def migrate(data: Data, name: str) -> Data:
    """Bring ``data`` to ``SCHEMA_VERSION``; refuse files from a newer version of the app."""
    version = session_doc(data).get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise SessionFileError(
            _("{name}: onbekende bestandsversie ({version}).").format(
                name=name, version=repr(version)
            )
        )
    if version > SCHEMA_VERSION:
        raise SessionFileError(
            _(
                "{name} is gemaakt met een nieuwere wijksessie (bestandsversie {version}, deze "
                "versie kent tot {known}). Werk wijksessie bij om hem te openen."
            ).format(name=name, version=version, known=SCHEMA_VERSION)
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        session_doc(data)["schema_version"] = version
    return data
