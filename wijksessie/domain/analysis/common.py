"""What several analyses share: theme and name keys, the fixed theme order, who is connected."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from wijksessie.domain.model import (
    SECTORS,
    THEMES,
    ConnectionKind,
    Initiative,
    Network,
    Organisation,
    Participant,
)
from wijksessie.domain.text import normalise

STANDARD_THEMES = {normalise(theme): theme for theme in THEMES}
STANDARD_SECTORS = {normalise(sector): sector for sector in SECTORS}


def key_set(items: Iterable[str]) -> set[str]:
    """The normalised keys of themes or groups, blanks dropped: how two spellings meet."""
    return {key for key in map(normalise, items) if key}


def name_key(item: Organisation | Initiative | Participant) -> tuple[str, str]:
    """Sort by name regardless of case; the id keeps equal names in a stable order."""
    return (item.name.casefold(), item.id)


def ordered_themes(names: Iterable[str], *, all_standard: bool = False) -> tuple[str, ...]:
    """The standard themes in their fixed order, then the session's own themes alphabetically."""
    seen: dict[str, str] = {}
    for name in names:
        key = normalise(name)
        if key:
            seen.setdefault(key, STANDARD_THEMES.get(key, " ".join(name.split())))
    standard = [theme for key, theme in STANDARD_THEMES.items() if all_standard or key in seen]
    extra = [theme for key, theme in seen.items() if key not in STANDARD_THEMES]
    return (*standard, *sorted(extra, key=lambda theme: (theme.casefold(), theme)))


def used_themes(network: Network) -> Iterator[str]:
    """Every theme an initiative or a resident question names, as typed."""
    for initiative in network.initiatives:
        yield from initiative.themes
    for question in network.questions:
        yield from question.themes


def partners_of(network: Network) -> dict[str, list[tuple[str, ConnectionKind]]]:
    """Per organisation its connections to *other, existing* organisations."""
    known = {organisation.id for organisation in network.organisations}
    partners: dict[str, list[tuple[str, ConnectionKind]]] = defaultdict(list)
    for connection in network.connections:
        a, b = connection.org_a, connection.org_b
        if a != b and a in known and b in known:
            partners[a].append((b, connection.kind))
            partners[b].append((a, connection.kind))
    return partners
