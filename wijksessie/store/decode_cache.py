"""Entities decoded once per change of their table, not once per call.

``SessionStore.all`` is called on every redraw of a list; decoding a thousand commitments from
their stored dicts each time costs about 5 ms. TinyDB replaces a table's dict whenever it writes
to it, so the dict held here tells whether the decoded list is still current; within a changed
table only the new documents and the ones updated in place are decoded again.
"""

from __future__ import annotations

from typing import Any

from wijksessie.domain.codec import FieldError, from_dict
from wijksessie.domain.model import KIND_NOUNS
from wijksessie.domain.tidy import FIELD_LABELS
from wijksessie.i18n import _


class DecodeCache:
    """Per table: the stored dict a list of entities was decoded from, and that list."""

    def __init__(self) -> None:
        self._decoded: dict[str, tuple[dict[str, Any], list[Any], dict[str, Any]]] = {}
        """Per table: the stored dict a list of entities was decoded from, that list, and per
        document key its entity. The stored dict also says which document each entity was
        decoded from: TinyDB builds a new table dict when it writes, and leaves the old one as
        it was (a pair per document made the large session 2,152 more objects to keep)."""
        self._changed_in_place: dict[str, set[str]] = {}
        """Per table, the keys of documents TinyDB updated in place since it was decoded."""
        self._clean: set[str] = set()
        """Tables of a file proven clean (``store.clean_read``), not decoded yet."""

    def clean(self, table_names: set[str]) -> None:
        """These tables were proven to decode: the first decode of each may take msgspec's
        way (``_decode_all``)."""
        self._clean = set(table_names)

    def changed_in_place(self, table_name: str, key: str) -> None:
        """TinyDB is about to update this document's dict in place: decode it again next time."""
        self._changed_in_place.setdefault(table_name, set()).add(key)

    def entities(self, table_name: str, kind: type, raw: dict[str, Any]) -> list[Any]:
        """The entities of ``raw`` (the table ``table_name`` as stored), in stored order.

        Adding the thousand-and-first commitment decodes one commitment, not a thousand. The
        entities are shared between calls: the store's callers change them with
        ``dataclasses.replace`` and ``update``, never in place.
        """
        cached = self._decoded.get(table_name)
        if cached is None and table_name in self._clean:
            self._clean.discard(table_name)
            entities = _decode_all(kind, raw)
            if entities is not None:
                cached = (raw, entities, dict(zip(raw, entities, strict=True)))
                self._decoded[table_name] = cached
        if cached is None or cached[0] is not raw:
            known_docs, known = (cached[0], cached[2]) if cached is not None else ({}, {})
            changed = self._changed_in_place.pop(table_name, set())
            decoded: dict[str, Any] = {}
            for key, doc in raw.items():
                if known_docs.get(key) is doc and key not in changed:
                    decoded[key] = known[key]
                else:
                    decoded[key] = decode(kind, key, doc)
            cached = (raw, list(decoded.values()), decoded)
            self._decoded[table_name] = cached
        return list(cached[1])


def _decode_all(kind: type, raw: dict[str, Any]) -> list[Any] | None:
    """Every document of a table proven to decode (``store.clean_read``), by msgspec in one
    call; ``None`` if it refuses one (then each is decoded by the codec, which says why).

    The codec would build the same entities (the proof is that its checks pass), in twice the
    time or more: the large benchmark session's 80 agreements with their consent rounds take
    1.8 ms instead of 3.5, its 1,000 commitments 0.8 instead of 2.1, and no decoder is written
    out for the kind (0.3 ms of a cold start each)."""
    import msgspec

    try:
        return msgspec.convert(list(raw.values()), list[kind])  # type: ignore[valid-type]
    except (msgspec.MsgspecError, TypeError, ValueError):
        return None


def decode(kind: type, key: str | None, doc: Any) -> Any:
    """``from_dict(kind, doc)``; a document that does not fit raises ``ValueError`` saying
    where (``damage_of``): ``key`` is its place in its table, ``None`` for the session."""
    try:
        return from_dict(kind, doc)
    except ValueError as error:
        raise ValueError(damage_of(kind, key, error)) from None


def damage_of(kind: type, key: str | None, error: ValueError) -> str:
    """Where a stored document does not fit the model, for the "is beschadigd" message: its
    kind and place in the file, the field in words where there is one, and what is wrong
    (``deelnemer 3, naam: verwacht tekst, kreeg 42``)."""
    noun = _(KIND_NOUNS[kind]) if kind in KIND_NOUNS else _("sessie")
    where = noun if key is None else f"{noun} {key}"
    if not isinstance(error, FieldError):
        return f"{where}: {error}"
    field = " › ".join(
        _(FIELD_LABELS[name]) if name in FIELD_LABELS else name for name in error.path
    )
    return f"{where}, {field}: {error.problem}"
