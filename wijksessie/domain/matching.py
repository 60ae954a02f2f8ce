"""One organisation, many spellings: who is who across sessions that were typed apart.

A follow-up session keeps the ids of the one before it, so those match at once. Independent
sessions do not share ids, and every facilitator spells a name their own way ("Stichting Welzijn
Waterveen", "welzijn waterveen", "Welzijn Waterveen."): names are matched after ``name_key``
folds case, accents, punctuation and legal forms away. What is only *alike* ("Welzijn
Waterfeen") a machine proposes and a person decides: ``Candidate`` is the proposal,
``Decisions`` holds the answers (kept in a small file beside the sessions, never in a session
file), so the next run remembers them. People are matched the same way, without the legal forms.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from rapidfuzz import fuzz, process

from wijksessie.i18n import _

LEGAL_FORMS = frozenset({"stichting", "st", "vereniging", "bv", "nv", "cooperatie", "cooperatieve"})
"""Words a name can carry or leave out without being another organisation."""

CANDIDATE_MIN_SCORE = 85
"""From this token-sort similarity on, two different keys are proposed as maybe the same."""

_BIG_BLOCK = 300
"""A word this many names share ("de", "van", "welzijn") proposes nothing by itself."""


class Kind(StrEnum):
    """What is matched: the values are the decisions file's words."""

    ORGANISATION = "organisaties"
    PERSON = "personen"


def name_key(name: str, kind: Kind = Kind.ORGANISATION) -> str:
    """The key two spellings of one name share: case, accents and punctuation folded.

    For organisations a legal form ("Stichting", "St.", "B.V.") is dropped too, unless it is
    the whole name.
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = re.sub(r"[\W_]+", " ", plain.replace(".", "")).split()
    if kind is Kind.ORGANISATION:
        words = [word for word in words if word not in LEGAL_FORMS] or words
    return " ".join(words)


@dataclass(frozen=True)
class Candidate:
    """Two names that may be one organisation or person: for a person to confirm or reject.

    ``first`` and ``second`` are spellings as typed; ``resident`` marks a person who is a
    resident somewhere, whose name a report must not show.
    """

    kind: Kind
    first: str
    second: str
    score: int
    resident: bool = False


@dataclass(frozen=True)
class Decisions:
    """A person's answers to candidates, by the pair of name keys: True is the same, False not."""

    answers: Mapping[Kind, Mapping[frozenset[str], bool]] = field(default_factory=dict)

    def answer(self, kind: Kind, first: str, second: str) -> bool | None:
        """The decision on two names (any spelling), or None when nobody decided yet."""
        pair = frozenset((name_key(first, kind), name_key(second, kind)))
        return self.answers.get(kind, {}).get(pair)

    def confirmed(self, kind: Kind) -> list[tuple[str, str]]:
        """The key pairs decided to be one."""
        answers = self.answers.get(kind, {}).items()
        return [tuple(sorted(pair)) for pair, same in answers if same and len(pair) == 2]


DECISIONS_FORMAT = "wijksessie-koppelingen"


def parse_decisions(data: Any) -> Decisions:
    """Decisions from the file's JSON; ``ValueError`` with a Dutch reason when it does not fit.

    The file::

        {"format": "wijksessie-koppelingen", "versie": 1,
         "organisaties": [{"a": "Welzijn Waterveen", "b": "Welzijn Waterfeen", "zelfde": true}],
         "personen": []}

    An entry whose ``zelfde`` is ``null`` is a proposal nobody answered yet, and is skipped.
    """
    if not isinstance(data, dict) or data.get("format") != DECISIONS_FORMAT:
        raise ValueError(_("dit is geen koppelingenbestand van wijksessie"))
    answers: dict[Kind, dict[frozenset[str], bool]] = {}
    for kind in Kind:
        entries = data.get(kind.value, [])
        if not isinstance(entries, list):
            raise ValueError(_("‘{key}’ moet een lijst zijn").format(key=kind.value))
        for number, entry in enumerate(entries, start=1):
            a, b, same = _entry(entry, kind, number)
            if same is not None:
                pair = frozenset((name_key(a, kind), name_key(b, kind)))
                answers.setdefault(kind, {})[pair] = same
    return Decisions(answers)


def _entry(entry: Any, kind: Kind, number: int) -> tuple[str, str, bool | None]:
    ok = (
        isinstance(entry, dict)
        and isinstance(entry.get("a"), str)
        and isinstance(entry.get("b"), str)
        and (entry.get("zelfde") is None or isinstance(entry.get("zelfde"), bool))
    )
    if not ok:
        raise ValueError(
            _("{key}, regel {number}: verwacht a, b en zelfde (true, false of null)").format(
                key=kind.value, number=number
            )
        )
    return entry["a"], entry["b"], entry.get("zelfde")


def decisions_data(decisions: Decisions, open_candidates: Iterable[Candidate] = ()) -> dict:
    """The file's JSON for ``decisions``, with ``open_candidates`` as unanswered entries."""
    data: dict[str, Any] = {"format": DECISIONS_FORMAT, "versie": 1}
    for kind in Kind:
        answered = decisions.answers.get(kind, {})
        pairs = sorted(tuple(sorted(pair)) for pair in answered if len(pair) == 2)
        entries = [{"a": a, "b": b, "zelfde": answered[frozenset((a, b))]} for a, b in pairs]
        entries += [
            {"a": c.first, "b": c.second, "zelfde": None} for c in open_candidates if c.kind is kind
        ]
        data[kind.value] = entries
    return data


@dataclass(frozen=True)
class Spelling:
    """One entity as one session has it: the node to match."""

    session: int
    id: str
    name: str
    resident: bool = False


@dataclass(frozen=True)
class Matching:
    """Who is who: per (session, id) the shared identity, its name, and what is left to decide.

    ``identity`` maps ``(session, id)`` to the identity's id (the id the entity had in the
    earliest session it appears in); ``names`` gives each identity the spelling its latest
    session uses.
    """

    identity: Mapping[tuple[int, str], str]
    names: Mapping[str, str]
    candidates: tuple[Candidate, ...]

    def of(self, session: int, entity_id: str) -> str:
        """The identity of one entity of one session ("" when the id is blank or unknown)."""
        return self.identity.get((session, entity_id), "")


def match(spellings: Iterable[Spelling], kind: Kind, decisions: Decisions) -> Matching:
    """Join the spellings that are one entity; propose the ones that may be.

    Joined: the same id (a follow-up keeps ids), the same ``name_key``, and pairs a person
    confirmed. Proposed: different keys at least ``CANDIDATE_MIN_SCORE`` alike, with the same
    numbers in them ("Welzijn Oost 1" is not "Welzijn Oost 2"), that nobody rejected yet.
    """
    nodes = sorted(
        {(s.session, s.id): s for s in spellings if s.id}.values(), key=lambda s: s.session
    )
    joined = _UnionFind(len(nodes))
    first_with_id: dict[str, int] = {}
    first_with_key: dict[str, int] = {}
    for index, node in enumerate(nodes):
        joined.union(first_with_id.setdefault(node.id, index), index)
        key = name_key(node.name, kind)
        if key:
            joined.union(first_with_key.setdefault(key, index), index)
    for a, b in decisions.confirmed(kind):
        if a in first_with_key and b in first_with_key:
            joined.union(first_with_key[a], first_with_key[b])
    root_id = {}
    names: dict[str, str] = {}
    identity: dict[tuple[int, str], str] = {}
    for index, node in enumerate(nodes):
        root = joined.find(index)
        ident = root_id.setdefault(root, nodes[root].id)
        identity[(node.session, node.id)] = ident
        names[ident] = node.name
    candidates = _candidates(nodes, joined, first_with_key, kind, decisions)
    return Matching(identity, names, tuple(candidates))


def _candidates(
    nodes: list[Spelling],
    joined: _UnionFind,
    first_with_key: dict[str, int],
    kind: Kind,
    decisions: Decisions,
) -> list[Candidate]:
    """Keys alike enough, compared only within the blocks of a word they share."""
    keys = list(first_with_key)
    residents: dict[str, bool] = defaultdict(bool)
    spelled: dict[str, str] = {}
    for node in nodes:
        key = name_key(node.name, kind)
        residents[key] |= node.resident
        spelled[key] = node.name
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        for word in set(key.split()):
            if not word.isdigit():
                blocks[word].append(index)
    pairs: dict[frozenset[str], int] = {}
    for members in blocks.values():
        if len(members) < 2 or len(members) > _BIG_BLOCK:
            continue
        texts = [keys[i] for i in members]
        # Each key against the later ones of its block (the scorer is symmetric), in C;
        # ``process.extract`` needs no numpy, where ``cdist`` returns a numpy matrix.
        for row in range(len(texts) - 1):
            found_here = process.extract(
                texts[row],
                texts[row + 1 :],
                scorer=fuzz.token_sort_ratio,
                score_cutoff=CANDIDATE_MIN_SCORE,
                limit=None,
            )
            for _text, score, offset in found_here:
                a, b = sorted((keys[members[row]], keys[members[row + 1 + offset]]))
                if _numbers(a) == _numbers(b):
                    pair = frozenset((a, b))
                    pairs[pair] = max(pairs.get(pair, 0), int(score + 0.5))
    found = []
    for pair, score in pairs.items():
        a, b = sorted(pair)
        same_root = joined.find(first_with_key[a]) == joined.find(first_with_key[b])
        if same_root or decisions.answer(kind, a, b) is not None:
            continue
        resident = residents[a] or residents[b]
        found.append(Candidate(kind, spelled[a], spelled[b], score, resident))
    found.sort(key=lambda c: (-c.score, c.first.casefold(), c.second.casefold()))
    return found


def _numbers(key: str) -> set[str]:
    return {word for word in key.split() if word.isdigit()}


class _UnionFind:
    """Disjoint sets over 0..n-1, the smallest index as each set's root (the earliest node)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, index: int) -> int:
        parent = self.parent
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
