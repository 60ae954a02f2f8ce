"""Missing and duplicate ids in a session file, repaired once and told (issue 19.6).

Links between entities go by id. A document without one would get a new random id on every
load, so whatever was linked to it since is lost on reopening; two documents with the same id
make an update of one overwrite the other. Both come from hand edits or other tools, never
from wijksessie. The first document keeps a shared id (links made before point to it); the
others get a new one, and the user is told who.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from wijksessie.domain.model import KIND_NOUNS, new_id
from wijksessie.i18n import _, ngettext
from wijksessie.store.descriptions import shorten

SHOWN = 5
"""How many repaired documents the message names one by one."""


def repair_ids(data: dict[str, Any], tables: dict[type, str]) -> list[str]:
    """Give every document of ``tables`` in ``data`` an id of its own; what was done, in Dutch.

    ``data`` is changed in place. An empty list means the file was sound.
    """
    lines: list[str] = []
    for kind, table_name in tables.items():
        table = data.get(table_name)
        if not isinstance(table, dict) or _sound(table):
            continue
        seen: dict[str, dict[str, Any]] = {}
        for doc in table.values():
            if not isinstance(doc, dict):
                continue
            entity_id = doc.get("id")
            if not isinstance(entity_id, str) or not entity_id:
                doc["id"] = new_id()
                lines.append(
                    _("{noun} ‘{label}’ had geen id en kreeg een nieuw.").format(
                        noun=_noun(kind), label=_label(doc)
                    )
                )
            elif entity_id in seen:
                doc["id"] = new_id()
                lines.append(
                    _(
                        "{noun} ‘{label}’ had hetzelfde id als ‘{first}’ en kreeg een nieuw; "
                        "koppelingen naar dat id blijven bij ‘{first}’."
                    ).format(noun=_noun(kind), label=_label(doc), first=_label(seen[entity_id]))
                )
            seen.setdefault(doc["id"], doc)
    if len(lines) > SHOWN:
        more = len(lines) - SHOWN
        lines = [
            *lines[:SHOWN],
            ngettext("En nog {n} zo.", "En nog {n} zo.", more).format(n=more),
        ]
    return lines


def _sound(table: dict[str, Any]) -> bool:
    """Every document of ``table`` has an id of its own, seen in C (``map``, ``set``): 0.14 ms
    for the large benchmark session's tables instead of the 0.45 the loop below takes."""
    try:
        ids = set(map(itemgetter("id"), table.values()))
    except (TypeError, KeyError):  # a document that is no object, or has no id
        return False
    return len(ids) == len(table) and all(i.__class__ is str and i for i in ids)


def _noun(kind: type) -> str:
    """The kind's name, capitalised, only when a repair is told: translating it for each of
    the 2,152 documents of the large benchmark session made checking a sound file 1.3 ms
    instead of 0.45."""
    noun = _(KIND_NOUNS.get(kind, "item"))
    return noun[:1].upper() + noun[1:]


def _label(doc: dict[str, Any]) -> str:
    for field in ("name", "text", "what"):
        value = doc.get(field)
        if isinstance(value, str) and value.strip():
            return shorten(value)
    return "…"
