"""What the room cannot see by itself in "Wie doet wat": overlap, gaps and weak links.

Pure functions over a ``Network`` snapshot that answer with small frozen dataclasses, so a screen
only renders and the summary can say the same thing. ``cascade_delete`` lives here as well: which
other entities a deletion touches is also a question about the whole network.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum

from rapidfuzz import fuzz, process

from wijksessie.domain.model import (
    KIND_NOUNS,
    SECTORS,
    THEMES,
    Agreement,
    Connection,
    ConnectionKind,
    ConsentRound,
    Entity,
    Goal,
    Initiative,
    Network,
    Organisation,
    Participant,
    ResidentQuestion,
)
from wijksessie.domain.text import normalise
from wijksessie.i18n import N_, _

OVERLAP_MIN_SCORE = 50
"""Below this score two initiatives are merely related, not doing the same thing."""

_THEME_WEIGHT = 35
_GROUP_WEIGHT = 25
_TEXT_WEIGHT = 40
_SHOWN_SIMILARITY = 50
_OTHER_SECTOR = "overig"
_STANDARD_THEMES = {normalise(theme): theme for theme in THEMES}
_STANDARD_SECTORS = {normalise(sector): sector for sector in SECTORS}
_STRONGEST_FIRST = (ConnectionKind.WORK_TOGETHER, ConnectionKind.WANT_TO, ConnectionKind.KNOW)
_OTHER_KIND = N_("onderdeel")


# --- filtering -----------------------------------------------------------------------------------


def matches(text_fields: Iterable[str], query: str) -> bool:
    """True when every word of ``query`` occurs in one of ``text_fields``.

    Every list filters as the facilitator types, live on a projector: case and accents must not
    matter ("cafe" finds "Taalcafé") and more words narrow the list rather than widen it.
    """
    words = _fold(query).split()
    if not words:
        return True
    haystack = "\n".join(_fold(text) for text in text_fields)
    return all(word in haystack for word in words)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# --- shared helpers ------------------------------------------------------------------------------


def _keys(items: Iterable[str]) -> set[str]:
    return {key for key in map(normalise, items) if key}


def _name_key(item: Organisation | Initiative | Participant) -> tuple[str, str]:
    return (item.name.casefold(), item.id)


def _ordered_themes(names: Iterable[str], *, all_standard: bool = False) -> tuple[str, ...]:
    """The standard themes in their fixed order, then the session's own themes alphabetically."""
    seen: dict[str, str] = {}
    for name in names:
        key = normalise(name)
        if key:
            seen.setdefault(key, _STANDARD_THEMES.get(key, " ".join(name.split())))
    standard = [theme for key, theme in _STANDARD_THEMES.items() if all_standard or key in seen]
    extra = [theme for key, theme in seen.items() if key not in _STANDARD_THEMES]
    return (*standard, *sorted(extra, key=lambda theme: (theme.casefold(), theme)))


def _used_themes(network: Network) -> Iterator[str]:
    for initiative in network.initiatives:
        yield from initiative.themes
    for question in network.questions:
        yield from question.themes


def _partners(network: Network) -> dict[str, list[tuple[str, ConnectionKind]]]:
    """Per organisation its connections to *other, existing* organisations."""
    known = {organisation.id for organisation in network.organisations}
    partners: dict[str, list[tuple[str, ConnectionKind]]] = defaultdict(list)
    for connection in network.connections:
        a, b = connection.org_a, connection.org_b
        if a != b and a in known and b in known:
            partners[a].append((b, connection.kind))
            partners[b].append((a, connection.kind))
    return partners


# --- theme matrix --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Matrix:
    """Themes × organisations: how many initiatives each organisation runs per theme.

    Rows follow ``themes``, columns ``organisation_ids``; ``max_count`` scales the cell colours.
    Totals count initiative-theme pairs, so an initiative with two themes counts in two rows.
    """

    themes: tuple[str, ...]
    organisation_ids: tuple[str, ...]
    organisation_names: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int, ...]
    total: int
    max_count: int

    def count(self, theme: str, organisation_id: str) -> int:
        """The cell for one theme (any spelling) and one organisation; 0 when absent."""
        rows = [normalise(name) for name in self.themes]
        key = normalise(theme)
        if key not in rows or organisation_id not in self.organisation_ids:
            return 0
        return self.counts[rows.index(key)][self.organisation_ids.index(organisation_id)]


def theme_matrix(network: Network) -> Matrix:
    """Who works on what, at a glance: empty rows are gaps, crowded rows are likely overlap.

    Initiatives without a known organisation have no column and are not counted.
    """
    organisations = sorted(network.organisations, key=_name_key)
    themes = _ordered_themes(_used_themes(network))
    row_of = {normalise(theme): row for row, theme in enumerate(themes)}
    column_of = {organisation.id: column for column, organisation in enumerate(organisations)}
    cells = [[0] * len(organisations) for _ in themes]
    for initiative in network.initiatives:
        column = column_of.get(initiative.organisation_id)
        if column is not None:
            for key in _keys(initiative.themes):
                cells[row_of[key]][column] += 1
    counts = tuple(tuple(row) for row in cells)
    columns = range(len(organisations))
    return Matrix(
        themes=themes,
        organisation_ids=tuple(organisation.id for organisation in organisations),
        organisation_names=tuple(organisation.name for organisation in organisations),
        counts=counts,
        row_totals=tuple(sum(row) for row in counts),
        column_totals=tuple(sum(row[column] for row in counts) for column in columns),
        total=sum(map(sum, counts)),
        max_count=max((max(row, default=0) for row in counts), default=0),
    )


@dataclass(frozen=True)
class SectorMatrix:
    """Themes × sectors: how many initiatives the organisations of each sector run per theme.

    The wall's heatmap: at most a dozen columns, where 40 organisations would not fit. Rows
    follow ``themes`` (the same rows as ``theme_matrix``, so an empty row is a gap), columns
    the sectors in the order of ``network_groups``.
    """

    themes: tuple[str, ...]
    sectors: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int, ...]
    max_count: int


def sector_matrix(network: Network) -> SectorMatrix:
    """``theme_matrix`` summed per sector of the organisations."""
    matrix = theme_matrix(network)
    groups = network_groups(network)
    sectors = tuple(group.sector for group in groups)
    column_of = {
        links.organisation_id: column
        for column, group in enumerate(groups)
        for links in group.organisations
    }
    cells = [[0] * len(sectors) for _ in matrix.themes]
    for row, counts in enumerate(matrix.counts):
        for organisation_id, count in zip(matrix.organisation_ids, counts, strict=True):
            cells[row][column_of[organisation_id]] += count
    counts = tuple(tuple(row) for row in cells)
    return SectorMatrix(
        themes=matrix.themes,
        sectors=sectors,
        counts=counts,
        row_totals=matrix.row_totals,
        column_totals=tuple(sum(row[column] for row in counts) for column in range(len(sectors))),
        max_count=max((max(row, default=0) for row in counts), default=0),
    )


# --- overlap -------------------------------------------------------------------------------------


@dataclass(frozen=True)
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


@dataclass(frozen=True, slots=True)
class _Item:
    """An initiative prepared once for comparing it with many others."""

    initiative: Initiative
    order: tuple[str, str]
    organisation_id: str
    name: str
    description: str
    themes: dict[str, str]
    groups: dict[str, str]
    blocks: tuple[str, ...]
    theme_mask: int
    group_mask: int
    shared: dict[tuple[int, int], _Shared] = field(default_factory=dict, compare=False)
    """What this item shares with others, per pair of shared masks: see ``_shared``."""


@dataclass(frozen=True, slots=True)
class _Shared:
    """The themes and target groups two items have in common, and the reason's words for them."""

    themes: tuple[str, ...]
    groups: tuple[str, ...]
    reason: str


def overlaps(network: Network, min_score: int = OVERLAP_MIN_SCORE) -> list[Overlap]:
    """Initiatives of different organisations that work on the same thing, best match first.

    The score (0-100) adds shared themes (35) and shared target groups (25), each as the share
    of the two lists they have in common, and the better of name and description similarity
    (40). Only pairs sharing a theme or target group count: a similar name alone is a hint, not
    overlap. That rule is also the blocking that keeps 500 initiatives well under a second.
    """
    items = _items(network)
    links = _strongest_links(network)
    candidates = (_overlap(a, b, links) for a, b in _similar_pairs(items, min_score))
    found = [overlap for overlap in candidates if overlap.score >= min_score]
    order = {item.initiative.id: item.order for item in items}
    found.sort(key=lambda o: (-o.score, order[o.first_id], order[o.second_id]))
    return found


def _items(network: Network) -> list[_Item]:
    """Initiatives of known organisations, by name, with their themes and groups as bitmasks."""
    known = {organisation.id for organisation in network.organisations}
    chosen = sorted((i for i in network.initiatives if i.organisation_id in known), key=_name_key)
    theme_bits: dict[str, int] = {}
    group_bits: dict[str, int] = {}
    items = []
    for initiative in chosen:
        themes = {
            key: _STANDARD_THEMES.get(key, name)
            for key, name in _spellings(initiative.themes).items()
        }
        groups = _spellings(initiative.target_groups)
        items.append(
            _Item(
                initiative=initiative,
                order=_name_key(initiative),
                organisation_id=initiative.organisation_id,
                name=normalise(initiative.name),
                description=normalise(initiative.description),
                themes=themes,
                groups=groups,
                blocks=(*(f"t:{key}" for key in themes), *(f"g:{key}" for key in groups)),
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
        ((a, b, kind) for a, pairs in _partners(network).items() for b, kind in pairs),
        key=lambda link: _STRONGEST_FIRST.index(link[2]),
    )
    links: dict[frozenset[str], ConnectionKind] = {}
    for a, b, kind in ranked:
        links.setdefault(frozenset((a, b)), kind)
    return links


def _similar_pairs(items: list[_Item], min_score: int) -> Iterator[tuple[_Item, _Item]]:
    """Each pair of different organisations that reaches ``min_score``, once.

    Blocking: an item is only compared with the later items in its theme and group blocks.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for key in item.blocks:
            blocks[key].append(index)
    for index, item in enumerate(items):
        later = set().union(*(blocks[k][bisect_right(blocks[k], index) :] for k in item.blocks))
        others = (items[i] for i in later if items[i].organisation_id != item.organisation_id)
        for other in _reaching(item, others, min_score):
            yield item, other


def _reaching(item: _Item, others: Iterable[_Item], min_score: int) -> list[_Item]:
    """The others that reach ``min_score`` with ``item``.

    Others are bucketed by their structural score, which leaves the text one exact threshold per
    bucket, so rapidfuzz compares a whole bucket in C and skips what cannot reach it. The score
    is ``_structural`` written out: this loop runs for every pair that shares a block.
    """
    theme, group = item.theme_mask, item.group_mask
    buckets: dict[float, list[_Item]] = defaultdict(list)
    for other in others:
        t, g = other.theme_mask, other.group_mask
        themes, groups = (theme | t).bit_count(), (group | g).bit_count()
        points = _THEME_WEIGHT * ((theme & t).bit_count() / themes if themes else 0.0)
        points += _GROUP_WEIGHT * ((group & g).bit_count() / groups if groups else 0.0)
        buckets[points].append(other)
    reached: list[_Item] = []
    for structural, bucket in buckets.items():
        # A hair below the exact threshold: float noise must not drop a pair; overlaps() rechecks.
        needed = (min_score - 0.5 - structural) * 100 / _TEXT_WEIGHT - 1e-9
        if needed <= 0:
            reached += bucket
        elif needed <= 100:
            reached += _text_reaching(item, bucket, needed)
    return reached


def _text_reaching(item: _Item, others: list[_Item], needed: float) -> list[_Item]:
    """The others whose name or description is at least ``needed`` percent like the item's."""
    names = process.extract(
        item.name,
        [other.name for other in others],
        scorer=fuzz.token_set_ratio,
        score_cutoff=needed,
        limit=None,
    )
    found = {index for _, _, index in names}
    rest = [other for index, other in enumerate(others) if index not in found]
    reached = [others[index] for index in sorted(found)]
    if item.description and rest:
        descriptions = process.extract(
            item.description,
            [other.description for other in rest],
            scorer=fuzz.token_sort_ratio,
            score_cutoff=needed,
            limit=None,
        )
        reached += [rest[index] for _, _, index in descriptions]
    return reached


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


def _description_similarity(a: _Item, b: _Item, cutoff: float = 0.0) -> float:
    """Token *sort* ratio: a set ratio would call a short description inside a long one 100%."""
    if not (a.description and b.description):
        return 0.0
    return fuzz.token_sort_ratio(a.description, b.description, score_cutoff=cutoff)


def _overlap(a: _Item, b: _Item, links: dict[frozenset[str], ConnectionKind]) -> Overlap:
    name = fuzz.token_set_ratio(a.name, b.name)
    description = _description_similarity(a, b)
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
        themes = _ordered_themes(a.themes[k] for k in a.themes.keys() & b.themes.keys())
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


# --- gaps ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionGap:
    """A residents' question that no initiative answers, and why."""

    question_id: str
    text: str
    reason: str


@dataclass(frozen=True)
class Gaps:
    """What residents ask or the wijk needs that nobody in the network works on."""

    questions: tuple[QuestionGap, ...]
    themes: tuple[str, ...]


def gaps(network: Network) -> Gaps:
    """Uncovered questions and themes: what a shared goal or new coalition could take on.

    A question is covered when some initiative shares one of its themes; a question without
    themes cannot be matched, so it counts as uncovered until someone tags it.
    """
    covered: set[str] = set().union(*(_keys(i.themes) for i in network.initiatives))
    questions = tuple(
        gap for question in network.questions if (gap := _question_gap(question, covered))
    )
    asked = (theme for question in network.questions for theme in question.themes)
    themes = _ordered_themes(asked, all_standard=True)
    return Gaps(questions, tuple(theme for theme in themes if normalise(theme) not in covered))


def _question_gap(question: ResidentQuestion, covered: set[str]) -> QuestionGap | None:
    keys = _keys(question.themes)
    if not keys:
        return QuestionGap(question.id, question.text, _("geen thema's"))
    if keys & covered:
        return None
    missing = ", ".join(_ordered_themes(question.themes))
    reason = _("niemand werkt aan: {themes}").format(themes=missing)
    return QuestionGap(question.id, question.text, reason)


# --- weak links ----------------------------------------------------------------------------------


class WeakLinkKind(StrEnum):
    """Why a part of the network rests on too little."""

    NO_CONTACT = "geen contactpersoon"
    NO_BACKUP = "geen reserve"
    SOLE_PARTICIPANT = "enige deelnemer"
    ISOLATED = "geïsoleerd"

    @property
    def label(self) -> str:
        """The kind as the room reads it, in the current language (the value stays Dutch)."""
        return _(WEAK_LINK_LABELS[self])


WEAK_LINK_LABELS: dict[WeakLinkKind, str] = {
    WeakLinkKind.NO_CONTACT: N_("geen contactpersoon"),
    WeakLinkKind.NO_BACKUP: N_("geen reserve"),
    WeakLinkKind.SOLE_PARTICIPANT: N_("enige deelnemer"),
    WeakLinkKind.ISOLATED: N_("geïsoleerd"),
}


@dataclass(frozen=True)
class WeakLink:
    """One place where the network breaks when a single person leaves, with the ids involved."""

    kind: WeakLinkKind
    reason: str
    initiative_id: str = ""
    organisation_id: str = ""
    participant_id: str = ""


def weak_links(network: Network) -> list[WeakLink]:
    """Initiatives that hang on one person and organisations nobody is connected to.

    The article's weak link: when a partnership rests on one person, it ends when they leave.
    Per initiative (by name) first, then the isolated organisations (by name).
    """
    people = {participant.id: participant for participant in network.participants}
    organisations = {organisation.id: organisation for organisation in network.organisations}
    members = Counter(participant.organisation_id for participant in network.participants)
    found: list[WeakLink] = []
    for initiative in sorted(network.initiatives, key=_name_key):
        found.extend(_initiative_links(initiative, people, organisations, members))
    partners = _partners(network)
    for organisation in sorted(network.organisations, key=_name_key):
        if not partners.get(organisation.id):
            reason = _("{organisation} heeft nog geen verbinding met een andere organisatie.")
            reason = reason.format(organisation=organisation.name)
            found.append(WeakLink(WeakLinkKind.ISOLATED, reason, organisation_id=organisation.id))
    return found


def _initiative_links(
    initiative: Initiative,
    people: dict[str, Participant],
    organisations: dict[str, Organisation],
    members: Counter[str],
) -> Iterator[WeakLink]:
    ids = {"initiative_id": initiative.id, "organisation_id": initiative.organisation_id}
    contact = people.get(initiative.contact_id)
    if contact is None:
        reason = _("Niemand is aanspreekpunt voor ‘{initiative}’.").format(
            initiative=initiative.name
        )
        yield WeakLink(WeakLinkKind.NO_CONTACT, reason, **ids)
        return
    backup = people.get(initiative.backup_contact_id)
    if backup is None or backup.id == contact.id:
        reason = _("‘{initiative}’ hangt aan {contact}: er is geen reserve.").format(
            initiative=initiative.name, contact=contact.name
        )
        yield WeakLink(WeakLinkKind.NO_BACKUP, reason, participant_id=contact.id, **ids)
    organisation = organisations.get(initiative.organisation_id)
    if (
        organisation is not None
        and contact.organisation_id == organisation.id
        and members[organisation.id] == 1
    ):
        reason = _("{contact} is de enige van {organisation} in het netwerk.").format(
            contact=contact.name, organisation=organisation.name
        )
        yield WeakLink(WeakLinkKind.SOLE_PARTICIPANT, reason, participant_id=contact.id, **ids)


# --- the network by sector -----------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationLinks:
    """An organisation with how many connections of each kind it has to others."""

    organisation_id: str
    name: str
    by_kind: tuple[tuple[ConnectionKind, int], ...]
    isolated: bool

    def count(self, kind: ConnectionKind) -> int:
        """The number of connections of one kind."""
        return dict(self.by_kind).get(kind, 0)

    @property
    def total(self) -> int:
        """All connections together."""
        return sum(count for _, count in self.by_kind)


@dataclass(frozen=True)
class SectorGroup:
    """The organisations of one sector, by name."""

    sector: str
    organisations: tuple[OrganisationLinks, ...]


def network_groups(network: Network) -> list[SectorGroup]:
    """The network drawn by sector, so the room sees which domains keep to themselves.

    Sectors follow ``model.SECTORS``, then the session's own sectors alphabetically; an empty
    sector shows as "overig".
    """
    partners = _partners(network)
    grouped: dict[str, list[OrganisationLinks]] = defaultdict(list)
    for organisation in sorted(network.organisations, key=_name_key):
        kinds = Counter(kind for _, kind in partners.get(organisation.id, ()))
        links = OrganisationLinks(
            organisation_id=organisation.id,
            name=organisation.name,
            by_kind=tuple((kind, kinds[kind]) for kind in ConnectionKind),
            isolated=not kinds,
        )
        grouped[_sector(organisation.sector)].append(links)
    return [SectorGroup(sector, tuple(grouped[sector])) for sector in _sector_order(grouped)]


def _sector(name: str) -> str:
    key = normalise(name)
    return _STANDARD_SECTORS.get(key, " ".join(name.split())) if key else _OTHER_SECTOR


def _sector_order(sectors: Collection[str]) -> list[str]:
    standard = [sector for sector in SECTORS if sector in sectors]
    extra = sorted(set(sectors) - set(SECTORS), key=lambda sector: (sector.casefold(), sector))
    return [*standard, *extra]


# --- dependents and cascading deletion -----------------------------------------------------------


@dataclass(frozen=True)
class Dependents:
    """The ids of everything that points at one entity, per kind."""

    participant_ids: tuple[str, ...] = ()
    initiative_ids: tuple[str, ...] = ()
    connection_ids: tuple[str, ...] = ()
    commitment_ids: tuple[str, ...] = ()
    goal_ids: tuple[str, ...] = ()
    agreement_ids: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        """How many entities point at it; 0 means it can go without asking."""
        return sum(map(len, vars(self).values()))


def dependents(network: Network, entity: Entity) -> Dependents:
    """What would be left pointing at nothing if ``entity`` were deleted without care."""
    target = entity.id
    if isinstance(entity, Organisation):
        return Dependents(
            participant_ids=_ids(p for p in network.participants if p.organisation_id == target),
            initiative_ids=_ids(i for i in network.initiatives if i.organisation_id == target),
            connection_ids=_ids(c for c in network.connections if target in (c.org_a, c.org_b)),
            commitment_ids=_ids(c for c in network.commitments if c.organisation_id == target),
            goal_ids=_ids(g for g in network.goals if target in g.coalition),
        )
    if isinstance(entity, Participant):
        return Dependents(
            initiative_ids=_ids(i for i in network.initiatives if _has_contact(i, target)),
            commitment_ids=_ids(c for c in network.commitments if c.participant_id == target),
            goal_ids=_ids(g for g in network.goals if target in g.votes),
            agreement_ids=_ids(a for a in network.agreements if _has_position(a, target)),
        )
    if isinstance(entity, Goal):
        return Dependents(
            commitment_ids=_ids(c for c in network.commitments if c.goal_id == target)
        )
    if isinstance(entity, ResidentQuestion):
        return Dependents(goal_ids=_ids(g for g in network.goals if target in g.question_ids))
    return Dependents()


def _ids(entities: Iterable[Entity]) -> tuple[str, ...]:
    return tuple(entity.id for entity in entities)


def _has_contact(initiative: Initiative, participant_id: str) -> bool:
    return participant_id in (initiative.contact_id, initiative.backup_contact_id)


def _has_position(agreement: Agreement, participant_id: str) -> bool:
    return any(participant_id in round_.positions for round_ in agreement.rounds)


@dataclass(frozen=True)
class Change:
    """One entity rewritten so that it no longer points at what is deleted."""

    before: Entity
    after: Entity
    description: str


@dataclass(frozen=True)
class CascadePlan:
    """Everything one deletion does, for the UI to explain and the store to apply.

    ``removals`` starts with the target itself; ``changes`` hold the rewritten entities (new
    objects, the originals stay untouched); ``description`` is the text in the current
    language, one line each.
    """

    target: Entity
    removals: tuple[Entity, ...]
    changes: tuple[Change, ...]
    description: tuple[str, ...]


def cascade_delete(network: Network, entity: Entity) -> CascadePlan:
    """What deleting ``entity`` must also remove or rewrite so that no id is left dangling.

    An organisation takes its initiatives and connections with it; its people stay, without an
    organisation. A deleted contact person hands the initiative to the backup when there is one.
    """
    names = _names(network)
    removals = [entity, *_removed_with(network, entity)]
    changes = tuple(_changes(network, entity, names))
    lines = [_("{item} wordt verwijderd.").format(item=_first(entity, names))]
    lines += [
        _("Gaat mee weg: {item}.").format(item=_label(removed, names)) for removed in removals[1:]
    ]
    lines += [change.description for change in changes]
    return CascadePlan(entity, tuple(removals), changes, tuple(lines))


def apply_plan(network: Network, plan: CascadePlan) -> Network:
    """The network after the plan: the same entities minus the removals, with the changes."""
    removed = {entity.id for entity in plan.removals}
    changed = {change.before.id: change.after for change in plan.changes}

    def keep(entities: list) -> list:
        return [changed.get(e.id, e) for e in entities if e.id not in removed]

    return replace(
        network,
        questions=keep(network.questions),
        organisations=keep(network.organisations),
        participants=keep(network.participants),
        initiatives=keep(network.initiatives),
        connections=keep(network.connections),
        goals=keep(network.goals),
        agreements=keep(network.agreements),
        commitments=keep(network.commitments),
        parking=keep(network.parking),
    )


def _removed_with(network: Network, entity: Entity) -> list[Entity]:
    if not isinstance(entity, Organisation):
        return []
    initiatives = [i for i in network.initiatives if i.organisation_id == entity.id]
    connections = [c for c in network.connections if entity.id in (c.org_a, c.org_b)]
    return [*sorted(initiatives, key=_name_key), *connections]


def _changes(network: Network, entity: Entity, names: dict[str, str]) -> Iterator[Change]:
    if isinstance(entity, Organisation):
        yield from _organisation_changes(network, entity, names)
    elif isinstance(entity, Participant):
        yield from _participant_changes(network, entity, names)
    elif isinstance(entity, Goal):
        for commitment in network.commitments:
            if commitment.goal_id == entity.id:
                text = _("{item} hoort daarna bij geen doel.").format(
                    item=_first(commitment, names)
                )
                yield Change(commitment, replace(commitment, goal_id=""), text)
    elif isinstance(entity, ResidentQuestion):
        for goal in network.goals:
            if entity.id in goal.question_ids:
                ids = [i for i in goal.question_ids if i != entity.id]
                text = _("{item} hoort daarna niet meer bij deze vraag.").format(
                    item=_first(goal, names)
                )
                yield Change(goal, replace(goal, question_ids=ids), text)


def _organisation_changes(
    network: Network, organisation: Organisation, names: dict[str, str]
) -> Iterator[Change]:
    target = organisation.id
    for participant in network.participants:
        if participant.organisation_id == target:
            text = _("{item} hoort daarna bij geen organisatie.").format(
                item=_first(participant, names)
            )
            yield Change(participant, replace(participant, organisation_id=""), text)
    for commitment in network.commitments:
        if commitment.organisation_id == target:
            text = _("{item} staat daarna op geen organisatie.").format(
                item=_first(commitment, names)
            )
            yield Change(commitment, replace(commitment, organisation_id=""), text)
    for goal in network.goals:
        if target in goal.coalition:
            coalition = [member for member in goal.coalition if member != target]
            text = _("{item}: {organisation} gaat uit de coalitie.").format(
                item=_first(goal, names), organisation=organisation.name
            )
            yield Change(goal, replace(goal, coalition=coalition), text)


def _participant_changes(
    network: Network, participant: Participant, names: dict[str, str]
) -> Iterator[Change]:
    target, who = participant.id, participant.name
    for initiative in network.initiatives:
        if _has_contact(initiative, target):
            yield _without_contact(initiative, target, names)
    for commitment in network.commitments:
        if commitment.participant_id == target:
            text = _("{item} staat daarna op niemands naam.").format(item=_first(commitment, names))
            yield Change(commitment, replace(commitment, participant_id=""), text)
    for goal in network.goals:
        if target in goal.votes:
            votes = {voter: n for voter, n in goal.votes.items() if voter != target}
            text = _("{item}: de stemmen van {name} vervallen.").format(
                item=_first(goal, names), name=who
            )
            yield Change(goal, replace(goal, votes=votes), text)
    for agreement in network.agreements:
        if _has_position(agreement, target):
            rounds = [_without_position(round_, target) for round_ in agreement.rounds]
            text = _("{item}: het standpunt van {name} vervalt.").format(
                item=_first(agreement, names), name=who
            )
            yield Change(agreement, replace(agreement, rounds=rounds), text)


def _without_contact(initiative: Initiative, participant_id: str, names: dict[str, str]) -> Change:
    """The backup takes over a deleted contact; a deleted backup simply leaves a gap."""
    label = _first(initiative, names)
    contact, backup = initiative.contact_id, initiative.backup_contact_id
    if backup == participant_id:
        backup = ""
    if contact == participant_id:
        contact, backup = backup, ""
    if contact and contact != initiative.contact_id:
        text = _("{item}: reserve {name} wordt contactpersoon.").format(
            item=label, name=names.get(contact, "?")
        )
    elif not contact:
        text = _("{item} heeft daarna geen contactpersoon.").format(item=label)
    else:
        text = _("{item} heeft daarna geen reserve.").format(item=label)
    return Change(
        initiative, replace(initiative, contact_id=contact, backup_contact_id=backup), text
    )


def _without_position(round_: ConsentRound, participant_id: str) -> ConsentRound:
    positions = {who: p for who, p in round_.positions.items() if who != participant_id}
    return replace(round_, positions=positions)


def _names(network: Network) -> dict[str, str]:
    """Organisation and participant names by id, for the plan's sentences."""
    return {item.id: item.name for item in (*network.organisations, *network.participants)}


def _label(entity: Entity, names: dict[str, str]) -> str:
    """E.g. "initiatief ‘Koffieochtend’" or "verbinding Buurtzorg – Welzijn Oost"."""
    kind = _(KIND_NOUNS.get(type(entity), _OTHER_KIND))
    if isinstance(entity, Connection):
        return f"{kind} {names.get(entity.org_a, '?')} – {names.get(entity.org_b, '?')}"
    title = next((getattr(entity, f) for f in ("name", "text", "what") if hasattr(entity, f)), "")
    short = title if len(title) <= 60 else title[:59].rstrip() + "…"
    return f"{kind} ‘{short}’"


def _first(entity: Entity, names: dict[str, str]) -> str:
    """The label starting a sentence: only its first letter raised, names keep their case."""
    label = _label(entity, names)
    return label[:1].upper() + label[1:]
