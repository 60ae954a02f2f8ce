"""The network over time as one merged GraphML graph, for Gephi's timeline or yEd.

Every organisation of every session is one node (matched across spellings), every pair that
was ever connected one edge; each carries the dates of the first and the last session it was in
(``first_seen``, ``last_seen``, ISO dates, empty for sessions without a date) and in how many
sessions, and an edge its latest and its strongest kind. Organisations only: no people, so no
resident is named and no contact detail leaves.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date
from pathlib import Path

import networkx as nx

from wijksessie.domain.model import ConnectionKind, choice_label
from wijksessie.domain.over_time import KIND_ORDER, Overview
from wijksessie.domain.text import visible
from wijksessie.exchange.errors import ExchangeFileError
from wijksessie.i18n import _


def merged_graph(overview: Overview) -> nx.Graph:
    """The organisations and connections of all sessions, with when each was seen."""
    graph = nx.Graph(name=_("Het netwerk door de tijd"))
    info = {row.id: row for row in overview.organisations}
    seen: dict[object, list[date | None]] = {}
    kinds: dict[frozenset[str], list[ConnectionKind]] = {}
    for session, network in zip(overview.sessions, overview.graphs, strict=True):
        for ident in network.organisations:
            seen.setdefault(ident, []).append(session.date)
        for a, b, kind in network.connections:
            pair = frozenset((a, b))
            seen.setdefault(pair, []).append(session.date)
            kinds.setdefault(pair, []).append(kind)
    for ident in sorted(i for i in seen if isinstance(i, str)):
        row = info.get(ident)
        graph.add_node(
            ident,
            label=visible(row.name if row else ""),
            sector=visible(row.sector if row else ""),
            **_when(seen[ident]),
        )
    for pair in sorted((p for p in kinds), key=sorted):
        a, b = sorted(pair)
        history = kinds[pair]
        graph.add_edge(
            a,
            b,
            kind=choice_label(history[-1].value),
            strongest=choice_label(max(history, key=KIND_ORDER.index).value),
            **_when(seen[pair]),
        )
    return graph


def _when(dates: list[date | None]) -> dict[str, object]:
    known = [d for d in dates if d is not None]
    return {
        "first_seen": min(known).isoformat() if known else "",
        "last_seen": max(known).isoformat() if known else "",
        "sessions": len(dates),
    }


def export_overview_graphml(overview: Overview, path: Path) -> None:
    """Write the merged graph to ``path`` as GraphML (replacing the file in one step)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ExchangeFileError(_("De map {folder} bestaat niet.").format(folder=path.parent))
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        nx.write_graphml(merged_graph(overview), temp)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
