"""The network over time as a use case: read the sessions of one or more folders, one overview.

Reading never writes: every file is read as text and decoded in memory, no lock is taken, no
index is made, and the decisions on names (``.wijksessie-koppelingen.json`` beside the sessions)
are only read. A session that cannot be read is listed with its Dutch message and the overview
goes on; one from a newer wijksessie is skipped with a message saying so.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijksessie.domain.matching import (
    Candidate,
    Decisions,
    decisions_data,
    name_key,
    parse_decisions,
)
from wijksessie.domain.model import Network, Session
from wijksessie.domain.over_time import (
    Overview,
    SessionProblem,
    SessionSource,
    build_overview,
    keep_session,
)
from wijksessie.errors import SessionFileError, WijksessieError
from wijksessie.i18n import _
from wijksessie.store.conflicts import conflict_rank
from wijksessie.store.decode_cache import decode
from wijksessie.store.migrations import SCHEMA_VERSION, session_doc
from wijksessie.store.reading import NOT_JSON, TOO_DEEP, UnreadableFile, read_json
from wijksessie.store.session_store import TABLES, read_session_file
from wijksessie.store.storage import atomic_write_bytes, atomic_write_text

if TYPE_CHECKING:
    from wijksessie.services.formats import OverviewFormat

DECISIONS_FILE = ".wijksessie-koppelingen.json"
"""The facilitator's answers on names that may be one organisation or person, beside the
sessions (hidden, and not ``*.json``-globbed as a session: it starts with a dot)."""


@dataclass(frozen=True)
class Filters:
    """What part of the sessions the overview covers."""

    wijk: str = ""
    start: date | None = None
    end: date | None = None


def network_over_time(
    folders: Sequence[Path],
    filters: Filters = Filters(),
    decisions_file: Path | None = None,
) -> Overview:
    """The overview of every session in ``folders`` that passes ``filters``.

    ``decisions_file`` defaults to ``DECISIONS_FILE`` in the first folder; a missing default
    file means nothing was decided yet, a missing file asked for by name is an error.
    """
    for folder in folders:
        if not folder.is_dir():
            raise SessionFileError(_("Sessiemap niet gevonden: {folder}").format(folder=folder))
    sources, problems = read_sessions(folders)
    chosen = [
        source
        for source in sources
        if keep_session(source, wijk=filters.wijk, start=filters.start, end=filters.end)
    ]
    given = [
        ("wijk", filters.wijk),
        ("van", filters.start.isoformat() if filters.start else ""),
        ("tot", filters.end.isoformat() if filters.end else ""),
    ]
    return build_overview(
        chosen,
        read_decisions(decisions_file, default=folders[0] / DECISIONS_FILE),
        problems=problems,
        filters=[(name, value) for name, value in given if value],
    )


def read_sessions(folders: Sequence[Path]) -> tuple[list[SessionSource], list[SessionProblem]]:
    """Every ``*.json`` session in ``folders`` (not hidden files, not sub-folders), and problems.

    Each file once, and each session once: a folder named twice (or the sessions folder again
    with ``--map``) counted every session twice, and a sync client's conflict copy of a session
    (``…-LAPTOP-ILSE.json``: the same session id) counted it again. The copy is listed as not
    counted, against the file it copies, as the start screen names it."""
    sources: list[SessionSource] = []
    problems: list[SessionProblem] = []
    names: set[str] = set()
    seen: set[Path] = set()
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            if path.name.startswith(".") or not path.is_file():
                continue
            real = path.resolve()
            if real in seen:
                continue
            seen.add(real)
            name = path.name if path.name not in names else f"{folder.name}/{path.name}"
            names.add(name)
            try:
                sources.append(SessionSource(name, read_network(path)))
            except SessionFileError as error:
                problems.append(SessionProblem(name, str(error), newer=_is_newer(path)))
    return _without_copies(sources, problems)


def _without_copies(
    sources: list[SessionSource], problems: list[SessionProblem]
) -> tuple[list[SessionSource], list[SessionProblem]]:
    by_id: dict[str, list[SessionSource]] = {}
    for source in sources:
        by_id.setdefault(source.network.session.id, []).append(source)
    copies: set[str] = set()
    for group in by_id.values():
        if len(group) < 2:
            continue
        original = min(group, key=lambda s: (conflict_rank(Path(s.file).stem), len(s.file)))
        for source in group:
            if source is not original:
                copies.add(source.file)
                message = _(
                    "een conflictkopie van {original} (dezelfde sessie): niet meegeteld"
                ).format(original=original.file)
                problems.append(SessionProblem(source.file, message))
    return [source for source in sources if source.file not in copies], problems


def read_network(path: Path) -> Network:
    """One session file as a ``Network``, decoded in memory; ``SessionFileError`` if unusable.

    The store's own reading (parse, recognise, migrate in memory) without TinyDB and without
    the lock: fifty sessions decode in a fraction of what opening fifty stores costs.
    """
    data = read_session_file(path)
    try:
        tables = {kind: _documents(data, table) for kind, table in TABLES.items()}
        return Network(
            session=decode(Session, None, session_doc(data)),
            **{
                _FIELDS[kind]: [decode(kind, key, doc) for key, doc in docs.items()]
                for kind, docs in tables.items()
            },
        )
    except (ValueError, TypeError, AttributeError) as error:
        raise SessionFileError(
            _("{name} is beschadigd: {error}").format(name=path.name, error=error)
        ) from None


_FIELDS: dict[type, str] = {
    kind: name
    for kind, name in zip(
        TABLES,
        (
            "questions",
            "organisations",
            "participants",
            "initiatives",
            "connections",
            "goals",
            "agreements",
            "commitments",
            "parking",
        ),
        strict=True,
    )
}
"""The ``Network`` field each stored table fills (in ``TABLES``' order)."""


def _documents(data: dict[str, Any], table: str) -> dict[str, Any]:
    docs = data.get(table, {})
    if not isinstance(docs, dict):
        raise ValueError(_("tabel {table} is geen object").format(table=table))
    return docs


def _is_newer(path: Path) -> bool:
    """Whether an unreadable file is a session of a newer format version (skipped, not broken)."""
    try:  # read as every session file is: within its size, its depth and its numbers
        version = session_doc(read_json(path)).get("schema_version")
    except (OSError, UnreadableFile, SessionFileError):
        return False
    return isinstance(version, int) and version > SCHEMA_VERSION


def read_decisions(path: Path | None, *, default: Path) -> Decisions:
    """The decisions on names; none when the default file is missing."""
    if path is None:
        if not default.is_file():
            return Decisions()
        path = default
    return _decisions_in(path)[1]


def _decisions_in(path: Path) -> tuple[Any, Decisions]:
    """The decisions file's JSON as it is, and the decisions it holds; ``WijksessieError`` in
    Dutch when it is missing or does not fit."""
    try:  # read as a session file is: within its size, its depth and its numbers
        data = read_json(path)
    except (FileNotFoundError, IsADirectoryError):
        raise WijksessieError(
            _("Koppelingenbestand niet gevonden: {path}").format(path=path)
        ) from None
    except UnreadableFile as error:
        if error.reason in (NOT_JSON, TOO_DEEP):
            reason = _("geen geldige JSON") if error.reason == NOT_JSON else _("te diep genest")
        else:
            reason = _(error.reason) + (f" ({error.detail})" if error.detail else "")
        raise WijksessieError(
            _("{name} is geen bruikbaar koppelingenbestand: {reason}.").format(
                name=path.name, reason=reason
            )
        ) from None
    try:
        return data, parse_decisions(data)
    except ValueError as reason:
        raise WijksessieError(
            _("{name} is geen bruikbaar koppelingenbestand: {reason}.").format(
                name=path.name, reason=reason
            )
        ) from None


def record_decision(path: Path, candidate: Candidate, same: bool) -> None:
    """Remember the facilitator's answer on one proposed match in the decisions file ``path``.

    The file is read (or started), the answer added or changed, and the file replaced in one
    step; a session file is never touched. The file is changed where the answer goes and kept
    as it is everywhere else: it was written anew from the decisions, which dropped what a
    facilitator had added by hand (an "opmerking" with an entry) and folded every name to
    lower case. Every entry on the same pair gets the answer, so two that contradict each
    other agree again.
    """
    kind = candidate.kind
    if path.is_file():
        data, _decisions = _decisions_in(path)  # one Dutch line for a file that does not fit
    else:
        data = decisions_data(Decisions())
    pair = frozenset((name_key(candidate.first, kind), name_key(candidate.second, kind)))
    entries = data.setdefault(kind.value, [])
    found = False
    for entry in entries:
        names = frozenset(name_key(str(entry.get(end, "")), kind) for end in ("a", "b"))
        if names == pair:
            entry["zelfde"] = same
            found = True
    if not found:
        entries.append({"a": candidate.first, "b": candidate.second, "zelfde": same})
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def check_screen(fmt: str) -> OverviewFormat:
    """The overview format ``fmt``; ``WijksessieError`` when it is only a file (Word, Excel,
    GraphML), not text for the terminal."""
    from wijksessie.services.formats import overview_format

    chosen = overview_format(fmt)
    if not chosen.screen or chosen.content is None:
        raise WijksessieError(
            _("{format} kan niet naar het scherm; geef -o BESTAND.").format(format=fmt)
        )
    return chosen


def overview_text(overview: Overview, fmt: str) -> str:
    """The overview in ``fmt`` as text for the terminal (see ``check_screen``)."""
    content = check_screen(fmt).content
    assert content is not None  # check_screen refused a format without it
    return str(content()(overview))


def save_overview(overview: Overview, fmt: str, target: Path, folders: Sequence[Path]) -> None:
    """Write the overview in ``fmt`` to ``target``, atomically.

    A report written as ``*.json`` into a sessions folder would be read as a session next
    time, and ``target`` naming an existing session would replace it: both are refused.
    """
    from wijksessie.services.exports import output_target
    from wijksessie.services.formats import overview_format

    chosen = overview_format(fmt)
    target = output_target(target)
    inside = any(target.resolve().parent == folder.resolve() for folder in folders)
    if inside and target.suffix.lower() == ".json":
        raise WijksessieError(
            _("{target} ligt in de sessiemap; kies een andere plek voor -o BESTAND.").format(
                target=target
            )
        )
    if chosen.writer is not None:
        chosen.writer()(overview, target)
        return
    assert chosen.content is not None
    content = chosen.content()(overview)
    if isinstance(content, bytes):
        atomic_write_bytes(target, content)
    else:
        atomic_write_text(target, content)
