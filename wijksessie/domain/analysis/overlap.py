"""Overlap: initiatives of different organisations that work on the same thing."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable

from wijksessie.domain.analysis import similarity
from wijksessie.domain.analysis.common import STANDARD_THEMES, name_key, ordered_themes, partners_of
from wijksessie.domain.analysis.similarity import Scorers, scorers
from wijksessie.domain.model import ConnectionKind, Initiative, Network
from wijksessie.domain.record import record
from wijksessie.domain.text import normalise
from wijksessie.i18n import _

OVERLAP_MIN_SCORE = 50
"""Below this score two initiatives are merely related, not doing the same thing."""

_THEME_WEIGHT = 35
_GROUP_WEIGHT = 25
_TEXT_WEIGHT = 40
_SHOWN_SIMILARITY = 50
_STRONGEST_FIRST = (ConnectionKind.WORK_TOGETHER, ConnectionKind.WANT_TO, ConnectionKind.KNOW)


@record
class Overlap:
    """Two initiatives of different organisations that look alike: a reason to connect them.

    ``first_id`` is the initiative whose name sorts first. ``score`` runs from 0 to 100;
    the similarities are percentages. ``connected`` is the strongest connection the two
    organisations already have, or ``None`` when they do not know each other yet.
    """

    first_id: str
    second_id: str
    score: int
    shared_themes: tuple[str, ...]
    shared_target_groups: tuple[str, ...]
    name_similarity: int
    description_similarity: int
    reason: str
    connected: ConnectionKind | None


class _Item:
    """An initiative prepared once for comparing it with many others.

    ``themes`` and ``groups`` map each normalised key to its spelling; ``blocks`` are the keys
    it is blocked by; the masks hold one bit per theme or group of the analysis. ``shared``
    is what this item shares with others, per pair of shared masks (see ``_shared``); ``size``
    the characters of its name and description.

    This class and ``_Shared`` are plain classes with slots, never compared or shown: a
    ``@dataclass(frozen=True, slots=True)`` compiles its methods whenever a process imports
    the module (0.9 ms a class of a cold summary, issue 17.9).
    """

    __slots__ = (
        "blocks",
        "description",
        "group_mask",
        "groups",
        "initiative",
        "name",
        "order",
        "organisation_id",
        "shared",
        "size",
        "theme_mask",
        "themes",
    )

    def __init__(
        self,
        initiative: Initiative,
        themes: dict[str, str],
        groups: dict[str, str],
        theme_mask: int,
        group_mask: int,
    ) -> None:
        self.initiative = initiative
        self.order = name_key(initiative)
        self.organisation_id = initiative.organisation_id
        self.name = normalise(initiative.name)
        self.description = normalise(initiative.description)
        self.size = len(self.name) + len(self.description)
        self.themes = themes
        self.groups = groups
        self.blocks = (*(f"t:{key}" for key in themes), *(f"g:{key}" for key in groups))
        self.theme_mask = theme_mask
        self.group_mask = group_mask
        self.shared: dict[tuple[int, int], _Shared] = {}


class _Shared:
    """The themes and target groups two items have in common, and the reason's words for them."""

    __slots__ = ("groups", "reason", "themes")

    def __init__(self, themes: tuple[str, ...], groups: tuple[str, ...], reason: str) -> None:
        self.themes = themes
        self.groups = groups
        self.reason = reason


def overlaps(network: Network, min_score: int = OVERLAP_MIN_SCORE) -> list[Overlap]:
    """Initiatives of different organisations that work on the same thing, best match first.

    The score (0-100) adds shared themes (35) and shared target groups (25), each as the share
    of the two lists they have in common, and the better of name and description similarity
    (40). Only pairs sharing a theme or target group count: a similar name alone is a hint, not
    overlap. That rule is also the blocking that keeps 500 initiatives well under a second.
    The texts are compared by ``similarity``'s scorers, in plain Python when there are few
    pairs to compare (no rapidfuzz import), else by rapidfuzz: the same scores either way.
    """
    items = _items(network)
    links = _strongest_links(network)
    blocked = _blocked(items, min_score)
    fuzzy = scorers(_text_size(blocked))
    candidates = (
        _overlap(item, other, links, fuzzy, name, description)
        for item, chosen, needs in blocked
        for other, name, description in _reaching(item, chosen, needs, fuzzy)
    )
    found = [overlap for overlap in candidates if overlap.score >= min_score]
    order = {item.initiative.id: item.order for item in items}
    found.sort(key=lambda o: (-o.score, order[o.first_id], order[o.second_id]))
    return found


def _items(network: Network) -> list[_Item]:
    """Initiatives of known organisations, by name, with their themes and groups as bitmasks."""
    known = {organisation.id for organisation in network.organisations}
    chosen = sorted((i for i in network.initiatives if i.organisation_id in known), key=name_key)
    theme_bits: dict[str, int] = {}
    group_bits: dict[str, int] = {}
    items = []
    for initiative in chosen:
        themes = {
            key: STANDARD_THEMES.get(key, name)
            for key, name in _spellings(initiative.themes).items()
        }
        groups = _spellings(initiative.target_groups)
        items.append(
            _Item(
                initiative,
                themes,
                groups,
                theme_mask=_mask(themes, theme_bits),
                group_mask=_mask(groups, group_bits),
            )
        )
    return items


def _spellings(items: Iterable[str]) -> dict[str, str]:
    """Normalised key → the first spelling typed, tidied; blanks dropped."""
    found: dict[str, str] = {}
    for item in items:
        if key := normalise(item):
            found.setdefault(key, " ".join(item.split()))
    return found


def _mask(keys: Iterable[str], bits: dict[str, int]) -> int:
    mask = 0
    for key in keys:
        mask |= 1 << bits.setdefault(key, len(bits))
    return mask


def _strongest_links(network: Network) -> dict[frozenset[str], ConnectionKind]:
    """Per pair of organisations the strongest way they are connected today."""
    ranked = sorted(
        ((a, b, kind) for a, pairs in partners_of(network).items() for b, kind in pairs),
        key=lambda link: _STRONGEST_FIRST.index(link[2]),
    )
    links: dict[frozenset[str], ConnectionKind] = {}
    for a, b, kind in ranked:
        links.setdefault(frozenset((a, b)), kind)
    return links


Candidates = tuple[_Item, list[_Item], list[float]]
"""An item, the others whose text could still make the pair reach the score, and per other
the text similarity it needs (``_candidates``)."""


def _blocked(items: list[_Item], min_score: int) -> list[Candidates]:
    """Per item the later items of other organisations that could reach ``min_score`` with it.

    Blocking: an item is only compared with the later items in its theme and group blocks.
    All are gathered before any text is compared, so that their number chooses the scorers.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for key in item.blocks:
            blocks[key].append(index)
    found: list[Candidates] = []
    for index, item in enumerate(items):
        later = set().union(*(blocks[k][bisect_right(blocks[k], index) :] for k in item.blocks))
        others = (items[i] for i in later if items[i].organisation_id != item.organisation_id)
        chosen, needs = _candidates(item, others, min_score)
        if chosen:
            found.append((item, chosen, needs))
    return found


def _text_size(blocked: list[Candidates]) -> int:
    """The characters of the names and descriptions to compare, counted until there are more
    than the plain scorers take on (``similarity.PLAIN_UP_TO``)."""
    size = 0
    for item, chosen, _needs in blocked:
        size += item.size * len(chosen) + sum(other.size for other in chosen)
        if size > similarity.PLAIN_UP_TO:
            break
    return size


def _candidates(
    item: _Item, others: Iterable[_Item], min_score: int
) -> tuple[list[_Item], list[float]]:
    """The others whose text could make them reach ``min_score`` with ``item``, and the text
    similarity each needs.

    Each other's structural score leaves the text one exact threshold. The score is
    ``_structural`` written out: this loop runs for every pair that shares a block.
    """
    theme, group = item.theme_mask, item.group_mask
    chosen: list[_Item] = []
    needs: list[float] = []
    for other in others:
        t, g = other.theme_mask, other.group_mask
        themes, groups = (theme | t).bit_count(), (group | g).bit_count()
        points = _THEME_WEIGHT * ((theme & t).bit_count() / themes if themes else 0.0)
        points += _GROUP_WEIGHT * ((group & g).bit_count() / groups if groups else 0.0)
        # A hair below the exact threshold: float noise must not drop a pair; overlaps() rechecks.
        needed = (min_score - 0.5 - points) * 100 / _TEXT_WEIGHT - 1e-9
        if needed <= 100:
            chosen.append(other)
            needs.append(needed)
    return chosen, needs


def _reaching(
    item: _Item, chosen: list[_Item], needs: list[float], fuzzy: Scorers
) -> list[tuple[_Item, float | None, float | None]]:
    """The ``chosen`` that reach their ``needs`` with ``item``, with the similarities measured.

    rapidfuzz compares all of them in C in one call for the names and one for the descriptions
    that still fall short, at the lowest threshold, and each is held to its own. (One call per
    structural bucket cost five calls an item, and the calls' overhead was most of the time.)
    """
    names = _scores(
        item.name, [other.name for other in chosen], fuzzy.token_set_ratio, needs, fuzzy
    )
    reached = []
    rest = []
    for index, other in enumerate(chosen):
        name = names.get(index)
        if needs[index] <= 0 or (name is not None and name >= needs[index]):
            reached.append((other, name, None))
        else:
            rest.append(index)
    if item.description and rest:
        texts = [chosen[i].description for i in rest]
        found = _scores(
            item.description, texts, fuzzy.token_sort_ratio, [needs[i] for i in rest], fuzzy
        )
        for position, index in enumerate(rest):
            description = found.get(position)
            if (
                description is not None
                and description >= needs[index]
                and chosen[index].description
            ):
                reached.append((chosen[index], names.get(index), description))
    return reached


def _scores(
    text: str,
    others: list[str],
    scorer: Callable[..., float],
    needs: list[float],
    fuzzy: Scorers,
) -> dict[int, float]:
    """Per index the similarity of ``text`` and ``others[index]``, where at least its need."""
    cutoff = max(min(needs), 0.0)
    found = fuzzy.extract(text, others, scorer=scorer, score_cutoff=cutoff, limit=None)
    return {index: score for _, score, index in found}


def _structural(a: _Item, b: _Item) -> float:
    return _THEME_WEIGHT * _jaccard(a.theme_mask, b.theme_mask) + _GROUP_WEIGHT * _jaccard(
        a.group_mask, b.group_mask
    )


def _jaccard(a: int, b: int) -> float:
    union = (a | b).bit_count()
    return (a & b).bit_count() / union if union else 0.0


def _percent(value: float) -> int:
    """Rounded half up, so that ``_reaching`` and the reported score agree."""
    return int(value + 0.5)


def _description_similarity(a: _Item, b: _Item, fuzzy: Scorers) -> float:
    """Token *sort* ratio: a set ratio would call a short description inside a long one 100%."""
    if not (a.description and b.description):
        return 0.0
    return fuzzy.token_sort_ratio(a.description, b.description)


def _overlap(
    a: _Item,
    b: _Item,
    links: dict[frozenset[str], ConnectionKind],
    fuzzy: Scorers,
    name: float | None = None,
    description: float | None = None,
) -> Overlap:
    """The overlap of two items; ``name`` and ``description`` when ``_reaching`` measured them,
    else measured with ``fuzzy``."""
    if name is None:
        name = fuzzy.token_set_ratio(a.name, b.name)
    if description is None:
        description = _description_similarity(a, b, fuzzy)
    text = max(name, description)
    shared = _shared(a, b)
    return Overlap(
        first_id=a.initiative.id,
        second_id=b.initiative.id,
        score=_percent(_structural(a, b) + _TEXT_WEIGHT * text / 100),
        shared_themes=shared.themes,
        shared_target_groups=shared.groups,
        name_similarity=_percent(name),
        description_similarity=_percent(description),
        reason=_overlap_reason(shared.reason, _percent(name), _percent(description)),
        connected=links.get(frozenset((a.organisation_id, b.organisation_id))),
    )


def _shared(a: _Item, b: _Item) -> _Shared:
    """What ``a`` has in common with ``b``, in ``a``'s spelling; remembered on ``a``.

    The memory lives as long as the items, i.e. one ``overlaps`` call, so the reason is in the
    language of that call.

    A large wijk has thousands of overlapping pairs but each initiative only a handful of
    theme and group combinations in common with the others, so this is worked out once per
    combination instead of once per pair.
    """
    key = (a.theme_mask & b.theme_mask, a.group_mask & b.group_mask)
    found = a.shared.get(key)
    if found is None:
        themes = ordered_themes(a.themes[k] for k in a.themes.keys() & b.themes.keys())
        shared_groups = (a.groups[k] for k in a.groups.keys() & b.groups.keys())
        groups = tuple(sorted(shared_groups, key=lambda group: (group.casefold(), group)))
        words = list({normalise(word): word for word in (*themes, *groups)}.values())
        reason = _("beide: {items}").format(items=", ".join(words)) if words else ""
        found = a.shared[key] = _Shared(themes, groups, reason)
    return found


def _overlap_reason(shared: str, name: int, description: int) -> str:
    """E.g. "beide: eenzaamheid, ouderen; naam lijkt 82%"."""
    parts = [shared] if shared else []
    if name >= _SHOWN_SIMILARITY:
        parts.append(_("naam lijkt {percent}%").format(percent=name))
    if description >= _SHOWN_SIMILARITY:
        parts.append(_("omschrijving lijkt {percent}%").format(percent=description))
    return "; ".join(parts)
