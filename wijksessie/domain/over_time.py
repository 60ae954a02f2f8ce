"""The network over time: is it forming? Indicators per session, from many sessions at once.

One session is a snapshot; what a facilitator and the municipality want to see is whether the
network forms across sessions: more organisations that know and work with each other, overlap
that joined up, residents' questions that found an answer, initiatives that no longer rest on
one person, residents in the room, fewer parallel *verbinders*, agreements adopted, and
commitments kept. ``build_overview`` reads ``Network`` snapshots (no files: the services read
them) and answers with one ``Overview`` that every report renders.

Sessions are put in time order (date, then file name); a follow-up points at the one before it
by file name (``previous_session``), which makes chains. Organisations and people are matched
across sessions by ``matching``; "since" means: in an earlier session of the overview, with
the matched identities, so an independent session counts too.

The overview names no residents and holds no contact details: residents are counted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from wijksessie.domain.analysis import WeakLinkKind, gaps, overlaps, weak_links
from wijksessie.domain.matching import Candidate, Decisions, Kind, Matching, Spelling, match
from wijksessie.domain.model import (
    AgreementStatus,
    CommitmentStatus,
    ConnectionKind,
    Network,
    Role,
)
from wijksessie.domain.text import normalise
from wijksessie.i18n import N_

KIND_ORDER = (ConnectionKind.KNOW, ConnectionKind.WANT_TO, ConnectionKind.WORK_TOGETHER)
"""From weak to strong: a connection that moves right in this order moved up."""

OPEN_AFTER_MOST = 3
"""Commitments open after this many later sessions or more are counted together."""


@dataclass(frozen=True)
class SessionSource:
    """One session as read: its file name (what ``previous_session`` points at) and contents."""

    file: str
    network: Network


@dataclass(frozen=True)
class SessionProblem:
    """A session that is not in the overview, and why (in the current language)."""

    file: str
    message: str
    newer: bool = False
    """The file comes from a newer wijksessie: skipped, not damaged."""


@dataclass(frozen=True)
class Kept:
    """What became of commitments: done, dropped, or still open after 0, 1, 2, 3+ sessions.

    ``open_after[0]`` is open in the session that made it (no later session has it yet);
    ``open_after[n]`` is still open after ``n`` later sessions, the last one ``3`` or more.
    """

    made: int = 0
    done: int = 0
    dropped: int = 0
    open_after: tuple[int, ...] = (0,) * (OPEN_AFTER_MOST + 1)

    @property
    def open(self) -> int:
        """All commitments still open, however long."""
        return sum(self.open_after)

    @property
    def kept_share(self) -> float:
        """Done, as a share of those made (0 when none were made)."""
        return self.done / self.made if self.made else 0.0

    def plus(self, status: CommitmentStatus, later: int) -> Kept:
        """This tally with one more commitment in ``status`` after ``later`` sessions."""
        open_after = list(self.open_after)
        done, dropped = self.done, self.dropped
        if status is CommitmentStatus.DONE:
            done += 1
        elif status is CommitmentStatus.DROPPED:
            dropped += 1
        else:
            open_after[min(later, OPEN_AFTER_MOST)] += 1
        return Kept(self.made + 1, done, dropped, tuple(open_after))


@dataclass(frozen=True)
class SessionIndicators:
    """Every indicator of one session, with what changed since the sessions before it."""

    file: str
    title: str
    wijk: str
    date: date | None
    chain: int
    """Sessions that follow each other share a chain number (1, 2, …, by first session)."""
    follows: str
    """The file of the session this one follows, "" for a first session."""
    organisations: int
    new_organisations: int
    people: int
    """Participants in the room (marked present)."""
    new_people: int
    residents: int
    connections: tuple[tuple[ConnectionKind, int], ...]
    """Pairs of organisations per kind (the strongest kind when a pair has several)."""
    moved_up: int
    """Pairs whose kind is stronger than any earlier session gave them (new pairs do not count)."""
    initiatives: int
    with_backup: int
    backups_added: int
    """Initiatives without a backup in an earlier session that have one here."""
    isolated: int
    overlaps_found: int
    new_overlaps: int
    overlaps_resolved: int
    """Earlier overlap pairs that are connected or merged here, counted the first time."""
    gaps_open: int
    gaps_closed: int
    verbinders: int
    organisations_with_verbinder: int
    agreements_adopted: int
    new_agreements_adopted: int
    commitments: Kept
    """The commitments made in this session (not carried into it), and what became of them."""

    @property
    def resident_share(self) -> float:
        """Residents as a share of the people in the room."""
        return self.residents / self.people if self.people else 0.0

    def connections_of(self, kind: ConnectionKind) -> int:
        """The pairs of one kind."""
        return dict(self.connections).get(kind, 0)

    @property
    def verbinders_per_organisation(self) -> float:
        """Verbinders per organisation with one: 1.0 is one each, the essay's complaint."""
        owners = self.organisations_with_verbinder
        return self.verbinders / owners if owners else 0.0


@dataclass(frozen=True)
class OrganisationProgress:
    """One organisation over all sessions: where it was, its verbinders, its commitments."""

    id: str
    name: str
    sector: str
    sessions: int
    first_seen: date | None
    last_seen: date | None
    verbinders: int
    """Verbinders of this organisation in the latest session it was in."""
    commitments: Kept


@dataclass(frozen=True)
class Totals:
    """The whole overview at once: distinct identities and the latest state of each pair."""

    sessions: int
    chains: int
    organisations: int
    people: int
    residents: int
    returning_people: int
    """People in the room in more than one session."""
    connections: tuple[tuple[ConnectionKind, int], ...]
    moved_up: int
    overlaps_found: int
    overlaps_resolved: int
    gaps_closed: int
    agreements_adopted: int
    commitments: Kept


@dataclass(frozen=True)
class SessionGraph:
    """One session's network in matched identities: what a network plate of it draws."""

    organisations: frozenset[str]
    connections: tuple[tuple[str, str, ConnectionKind], ...]
    """Each pair once (ids in order), with its strongest kind in the session."""
    themes: tuple[tuple[str, frozenset[str]], ...]
    """Per theme (as first typed, by its key's order) the organisations with an initiative on it."""


@dataclass(frozen=True)
class Overview:
    """The network over time: per session, per organisation, in total; and what to decide."""

    sessions: tuple[SessionIndicators, ...]
    organisations: tuple[OrganisationProgress, ...]
    totals: Totals
    candidates: tuple[Candidate, ...] = ()
    problems: tuple[SessionProblem, ...] = ()
    filters: tuple[tuple[str, str], ...] = ()
    """What the overview was limited to (wijk, from, to), as the user gave it."""
    graphs: tuple[SessionGraph, ...] = ()
    """Per session (in the order of ``sessions``) its network, for the plates."""


def in_time_order(sources: Iterable[SessionSource]) -> list[SessionSource]:
    """Sessions by date (undated last), then file name; a follow-up after the one it follows."""
    ordered = sorted(
        sources,
        key=lambda s: (s.network.session.date is None, s.network.session.date or date.min, s.file),
    )
    placed: list[SessionSource] = []
    seen: set[str] = set()
    by_file = {source.file: source for source in ordered}

    def place(source: SessionSource, path: frozenset[str]) -> None:
        if source.file in seen:
            return
        previous = by_file.get(source.network.session.previous_session)
        if previous is not None and previous.file not in path:
            place(previous, path | {source.file})
        seen.add(source.file)
        placed.append(source)

    for source in ordered:
        place(source, frozenset())
    return placed


def keep_session(
    source: SessionSource, *, wijk: str = "", start: date | None = None, end: date | None = None
) -> bool:
    """Whether a session passes the filters: its wijk (any case), and a date within the range.

    With a date range, a session without a date is left out: it cannot be placed in it.
    """
    session = source.network.session
    if wijk and " ".join(session.wijk.split()).casefold() != " ".join(wijk.split()).casefold():
        return False
    if start is None and end is None:
        return True
    if session.date is None:
        return False
    return (start is None or session.date >= start) and (end is None or session.date <= end)


def build_overview(
    sources: Sequence[SessionSource],
    decisions: Decisions | None = None,
    *,
    problems: Sequence[SessionProblem] = (),
    filters: Sequence[tuple[str, str]] = (),
) -> Overview:
    """Every indicator per session and over time, for the sessions in ``sources``.

    ``sources`` may come in any order; they are put in time order here. ``decisions`` are the
    facilitator's answers on names that may be one organisation or person.
    """
    ordered = in_time_order(sources)
    decisions = decisions or Decisions()
    organisations = match(_organisation_spellings(ordered), Kind.ORGANISATION, decisions)
    people = match(_people_spellings(ordered), Kind.PERSON, decisions)
    tracker = _Tracker(ordered, organisations, people)
    sessions = tuple(tracker.session(index) for index in range(len(ordered)))
    return Overview(
        sessions=sessions,
        organisations=tracker.organisation_rows(),
        totals=tracker.totals(sessions),
        candidates=(*organisations.candidates, *people.candidates),
        problems=tuple(problems),
        filters=tuple(filters),
        graphs=tuple(tracker.graphs),
    )


def _organisation_spellings(sources: Sequence[SessionSource]) -> Iterable[Spelling]:
    for index, source in enumerate(sources):
        for organisation in source.network.organisations:
            yield Spelling(index, organisation.id, organisation.name)


def _people_spellings(sources: Sequence[SessionSource]) -> Iterable[Spelling]:
    for index, source in enumerate(sources):
        for person in source.network.participants:
            yield Spelling(index, person.id, person.name, person.role is Role.RESIDENT)


def _chains(sources: Sequence[SessionSource]) -> list[int]:
    """Per session its chain number: a follow-up joins the chain of the session it follows."""
    chain_of: dict[str, int] = {}
    numbers = []
    for source in sources:
        previous = source.network.session.previous_session
        number = chain_of.get(previous) or len(set(chain_of.values())) + 1
        chain_of[source.file] = number
        numbers.append(number)
    return numbers


@dataclass
class _Lineage:
    """A commitment and the copies later sessions carried of it."""

    session: int
    organisation: str
    status: CommitmentStatus
    later: int = 0


@dataclass
class _Tracker:
    """Walks the sessions in time order and remembers what "earlier" needs.

    Each ``session`` call must come in order: the states below are the last known ones.
    """

    sources: Sequence[SessionSource]
    organisations: Matching
    people: Matching
    chains: list[int] = field(init=False)
    pair_kind: dict[frozenset[str], int] = field(default_factory=dict)
    """Per pair of organisations the kind the latest session with the pair gave it."""
    best_kind: dict[frozenset[str], int] = field(default_factory=dict)
    """Per pair the strongest kind it ever had: moving up means passing it."""
    no_backup: dict[str, bool] = field(default_factory=dict)
    overlap_open: dict[frozenset[str], tuple[int, frozenset[str]]] = field(default_factory=dict)
    """Overlap pairs not connected when found: their chain and their two organisations."""
    open_by_orgs: dict[frozenset[str], set[frozenset[str]]] = field(
        default_factory=lambda: defaultdict(set)
    )
    open_by_chain: dict[int, set[frozenset[str]]] = field(default_factory=lambda: defaultdict(set))
    kept_by_session: dict[int, Kept] = field(default_factory=lambda: defaultdict(Kept))
    overlaps_seen: set[frozenset[str]] = field(default_factory=set)
    resolved: int = 0
    question_gap: dict[str, bool] = field(default_factory=dict)
    closed: int = 0
    adopted: set[str] = field(default_factory=set)
    organisations_seen: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    people_seen: dict[str, int] = field(default_factory=Counter)
    residents_seen: set[str] = field(default_factory=set)
    verbinders: dict[str, int] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    lineages: dict[str, _Lineage] = field(default_factory=dict)
    origin_of: dict[str, str] = field(default_factory=dict)
    moved_up_total: int = 0
    graphs: list[SessionGraph] = field(default_factory=list)
    theme_names: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.chains = _chains(self.sources)
        for index, source in enumerate(self.sources):
            self._follow_commitments(index, source.network)
        for lineage in self.lineages.values():
            tally = self.kept_by_session[lineage.session]
            self.kept_by_session[lineage.session] = tally.plus(lineage.status, lineage.later)

    def org(self, index: int, organisation_id: str) -> str:
        return self.organisations.of(index, organisation_id)

    def session(self, index: int) -> SessionIndicators:
        network = self.sources[index].network
        orgs = self._organisations(index, network)
        present = self._people(index, network)
        kinds, moved_up = self._connections(index, network)
        self.graphs.append(self._graph(index, network, orgs, kinds))
        links = weak_links(network)
        initiatives, with_backup, backups_added = self._backups(network, links)
        found, new, resolved = self._overlaps(index, network, kinds)
        gaps_open, gaps_closed = self._gaps(network)
        verbinders, owners = self._verbinders(index, network)
        adopted, new_adopted = self._agreements(network)
        session = network.session
        return SessionIndicators(
            file=self.sources[index].file,
            title=session.title,
            wijk=session.wijk,
            date=session.date,
            chain=self.chains[index],
            follows=session.previous_session
            if session.previous_session in {s.file for s in self.sources[:index]}
            else "",
            organisations=len(orgs),
            new_organisations=sum(1 for o in orgs if self.organisations_seen[o] == [index]),
            people=len(present),
            new_people=sum(1 for p in present if self.people_seen[p] == 1),
            residents=sum(1 for p in network.participants if p.present and _resident(p.role)),
            connections=tuple(
                (kind, sum(1 for k in kinds.values() if k == rank))
                for rank, kind in enumerate(KIND_ORDER)
            ),
            moved_up=moved_up,
            initiatives=initiatives,
            with_backup=with_backup,
            backups_added=backups_added,
            isolated=sum(1 for link in links if link.kind is WeakLinkKind.ISOLATED),
            overlaps_found=found,
            new_overlaps=new,
            overlaps_resolved=resolved,
            gaps_open=gaps_open,
            gaps_closed=gaps_closed,
            verbinders=verbinders,
            organisations_with_verbinder=owners,
            agreements_adopted=adopted,
            new_agreements_adopted=new_adopted,
            commitments=self.kept_by_session.get(index, Kept()),
        )

    def _graph(
        self, index: int, network: Network, orgs: set[str], kinds: dict[frozenset[str], int]
    ) -> SessionGraph:
        themes: dict[str, set[str]] = defaultdict(set)
        for initiative in network.initiatives:
            ident = self.org(index, initiative.organisation_id)
            if ident:
                for theme in initiative.themes:
                    if key := normalise(theme):
                        self.theme_names.setdefault(key, " ".join(theme.split()))
                        themes[key].add(ident)
        pairs = tuple(
            (*sorted(pair), KIND_ORDER[rank])
            for pair, rank in sorted(kinds.items(), key=_pair_order)
        )
        return SessionGraph(
            frozenset(orgs),
            pairs,
            tuple((self.theme_names[key], frozenset(ids)) for key, ids in sorted(themes.items())),
        )

    # -- one indicator each ---------------------------------------------------------------

    def _organisations(self, index: int, network: Network) -> set[str]:
        found = set()
        for organisation in network.organisations:
            ident = self.org(index, organisation.id)
            found.add(ident)
            if organisation.sector:
                self.sectors[ident] = organisation.sector
        for ident in found:
            self.organisations_seen[ident].append(index)
        return found

    def _people(self, index: int, network: Network) -> set[str]:
        present = {self.people.of(index, p.id) for p in network.participants if p.present}
        present.discard("")
        for person in present:
            self.people_seen[person] += 1
        self.residents_seen |= {
            self.people.of(index, p.id) for p in network.participants if _resident(p.role)
        }
        return present

    def _connections(self, index: int, network: Network) -> tuple[dict[frozenset[str], int], int]:
        """The strongest kind per pair of (matched) organisations, and how many moved up."""
        known = {o.id for o in network.organisations}
        kinds: dict[frozenset[str], int] = {}
        for connection in network.connections:
            if connection.org_a not in known or connection.org_b not in known:
                continue
            pair = frozenset((self.org(index, connection.org_a), self.org(index, connection.org_b)))
            if len(pair) == 2:
                kinds[pair] = max(kinds.get(pair, -1), KIND_ORDER.index(connection.kind))
        moved_up = sum(1 for pair, rank in kinds.items() if rank > self.best_kind.get(pair, rank))
        for pair, rank in kinds.items():
            self.best_kind[pair] = max(rank, self.best_kind.get(pair, rank))
        self.pair_kind.update(kinds)
        self.moved_up_total += moved_up
        return kinds, moved_up

    def _backups(self, network: Network, links: list) -> tuple[int, int, int]:
        lacking = {
            link.initiative_id
            for link in links
            if link.kind in (WeakLinkKind.NO_CONTACT, WeakLinkKind.NO_BACKUP)
        }
        added = 0
        for initiative in network.initiatives:
            missing = initiative.id in lacking
            if not missing and self.no_backup.get(initiative.id):
                added += 1
            self.no_backup[initiative.id] = missing
        count = len(network.initiatives)
        return count, count - len(lacking & {i.id for i in network.initiatives}), added

    def _overlaps(
        self, index: int, network: Network, kinds: dict[frozenset[str], int]
    ) -> tuple[int, int, int]:
        """Pairs found here; new ones; earlier open pairs connected or merged by now."""
        organisation_of = {i.id: i.organisation_id for i in network.initiatives}
        chain = self.chains[index]
        present = set(organisation_of)
        done = {
            pair
            for orgs in kinds.keys() & self.open_by_orgs.keys()
            for pair in self.open_by_orgs[orgs]
        }
        done |= {pair for pair in self.open_by_chain[chain] if len(pair & present) == 1}
        for pair in done:
            pair_chain, orgs = self.overlap_open.pop(pair)
            self.open_by_orgs[orgs].discard(pair)
            self.open_by_chain[pair_chain].discard(pair)
        resolved = len(done)
        self.resolved += resolved
        found = overlaps(network)
        new = 0
        for overlap in found:
            pair = frozenset((overlap.first_id, overlap.second_id))
            if pair in self.overlaps_seen:
                continue
            new += 1
            self.overlaps_seen.add(pair)
            orgs = frozenset(self.org(index, organisation_of[i]) for i in pair)
            if overlap.connected is None and len(orgs) == 2:
                self.overlap_open[pair] = (chain, orgs)
                self.open_by_orgs[orgs].add(pair)
                self.open_by_chain[chain].add(pair)
        return len(found), new, resolved

    def _gaps(self, network: Network) -> tuple[int, int]:
        open_ids = {gap.question_id for gap in gaps(network).questions}
        closed = 0
        for question in network.questions:
            is_gap = question.id in open_ids
            if not is_gap and self.question_gap.get(question.id):
                closed += 1
            self.question_gap[question.id] = is_gap
        self.closed += closed
        return len(open_ids), closed

    def _verbinders(self, index: int, network: Network) -> tuple[int, int]:
        per_org: Counter[str] = Counter()
        for person in network.participants:
            if person.role is Role.CONNECTOR:
                per_org[self.org(index, person.organisation_id)] += 1
        for organisation in network.organisations:
            ident = self.org(index, organisation.id)
            self.verbinders[ident] = per_org.get(ident, 0)
        per_org.pop("", None)
        total = sum(1 for p in network.participants if p.role is Role.CONNECTOR)
        return total, len(per_org)

    def _agreements(self, network: Network) -> tuple[int, int]:
        adopted = {a.id for a in network.agreements if a.status is AgreementStatus.ADOPTED}
        new = len(adopted - self.adopted)
        self.adopted |= adopted
        return len(adopted), new

    # -- commitments ----------------------------------------------------------------------

    def _follow_commitments(self, index: int, network: Network) -> None:
        """Link each commitment to the one it was carried from, to its first session's."""
        people_org = {p.id: p.organisation_id for p in network.participants}
        for commitment in network.commitments:
            origin = self.origin_of.get(commitment.carried_from)
            lineage = self.lineages.get(origin) if origin else None
            if lineage is not None and lineage.session != index:
                lineage.status = commitment.status
                lineage.later += 1
                self.origin_of[commitment.id] = origin
                continue
            organisation = commitment.organisation_id or people_org.get(
                commitment.participant_id, ""
            )
            self.origin_of[commitment.id] = commitment.id
            self.lineages[commitment.id] = _Lineage(
                index, self.org(index, organisation), commitment.status
            )

    def _kept(self, chosen: Callable[[_Lineage], bool]) -> Kept:
        kept = Kept()
        for lineage in self.lineages.values():
            if chosen(lineage):
                kept = kept.plus(lineage.status, lineage.later)
        return kept

    # -- over all sessions ----------------------------------------------------------------

    def organisation_rows(self) -> tuple[OrganisationProgress, ...]:
        by_org: dict[str, Kept] = defaultdict(Kept)
        for lineage in self.lineages.values():
            by_org[lineage.organisation] = by_org[lineage.organisation].plus(
                lineage.status, lineage.later
            )
        rows = []
        for ident, indexes in self.organisations_seen.items():
            dates = [d for d in (self.sources[i].network.session.date for i in indexes) if d]
            rows.append(
                OrganisationProgress(
                    id=ident,
                    name=self.organisations.names.get(ident, ""),
                    sector=self.sectors.get(ident, ""),
                    sessions=len(indexes),
                    first_seen=min(dates, default=None),
                    last_seen=max(dates, default=None),
                    verbinders=self.verbinders.get(ident, 0),
                    commitments=by_org.get(ident, Kept()),
                )
            )
        rows.sort(key=lambda row: (row.name.casefold(), row.id))
        return tuple(rows)

    def totals(self, sessions: Sequence[SessionIndicators]) -> Totals:
        return Totals(
            sessions=len(sessions),
            chains=len(set(self.chains)),
            organisations=len(self.organisations_seen),
            people=len(self.people_seen),
            residents=len(self.residents_seen - {""}),
            returning_people=sum(1 for n in self.people_seen.values() if n > 1),
            connections=tuple(
                (kind, sum(1 for k in self.pair_kind.values() if k == rank))
                for rank, kind in enumerate(KIND_ORDER)
            ),
            moved_up=self.moved_up_total,
            overlaps_found=len(self.overlaps_seen),
            overlaps_resolved=self.resolved,
            gaps_closed=self.closed,
            agreements_adopted=len(self.adopted),
            commitments=self._kept(lambda lineage: True),
        )


def _pair_order(item: tuple[frozenset[str], int]) -> list[str]:
    return sorted(item[0])


def _resident(role: Role) -> bool:
    return role is Role.RESIDENT


@dataclass(frozen=True)
class Indicator:
    """One row of the overview's table: its label (Dutch, translated where shown) and value."""

    key: str
    label: str
    value: Callable[[SessionIndicators], float]
    share: bool = False
    """A share from 0 to 1, shown as a percentage."""
    detail: bool = False
    """A detail of the row above it, indented under it."""


def _kind(kind: ConnectionKind) -> Callable[[SessionIndicators], float]:
    return lambda s: s.connections_of(kind)


def _open_after(later: int) -> Callable[[SessionIndicators], float]:
    return lambda s: s.commitments.open_after[later]


INDICATORS: tuple[Indicator, ...] = (
    Indicator("organisations", N_("organisaties"), lambda s: s.organisations),
    Indicator("new_organisations", N_("nieuw"), lambda s: s.new_organisations, detail=True),
    Indicator("people", N_("mensen in de zaal"), lambda s: s.people),
    Indicator("new_people", N_("nieuw"), lambda s: s.new_people, detail=True),
    Indicator("residents", N_("bewoners"), lambda s: s.residents),
    Indicator(
        "resident_share",
        N_("aandeel bewoners"),
        lambda s: s.resident_share,
        share=True,
        detail=True,
    ),
    Indicator("know", N_("kennen elkaar"), _kind(ConnectionKind.KNOW)),
    Indicator("want_to", N_("willen samenwerken"), _kind(ConnectionKind.WANT_TO)),
    Indicator("work_together", N_("werken samen"), _kind(ConnectionKind.WORK_TOGETHER)),
    Indicator("moved_up", N_("verbindingen omhoog"), lambda s: s.moved_up, detail=True),
    Indicator("initiatives", N_("initiatieven"), lambda s: s.initiatives),
    Indicator("with_backup", N_("met reserve"), lambda s: s.with_backup, detail=True),
    Indicator("backups_added", N_("reserve erbij"), lambda s: s.backups_added, detail=True),
    Indicator("isolated", N_("geïsoleerde organisaties"), lambda s: s.isolated),
    Indicator("overlaps_found", N_("overlap gevonden"), lambda s: s.overlaps_found),
    Indicator("new_overlaps", N_("nieuw"), lambda s: s.new_overlaps, detail=True),
    Indicator(
        "overlaps_resolved",
        N_("verbonden of samengegaan"),
        lambda s: s.overlaps_resolved,
        detail=True,
    ),
    Indicator("gaps_open", N_("open vragen van bewoners"), lambda s: s.gaps_open),
    Indicator("gaps_closed", N_("beantwoord sinds"), lambda s: s.gaps_closed, detail=True),
    Indicator("verbinders", N_("verbinders"), lambda s: s.verbinders),
    Indicator(
        "organisations_with_verbinder",
        N_("organisaties met eigen verbinder"),
        lambda s: s.organisations_with_verbinder,
        detail=True,
    ),
    Indicator("agreements_adopted", N_("afspraken aangenomen"), lambda s: s.agreements_adopted),
    Indicator(
        "new_agreements_adopted", N_("nieuw"), lambda s: s.new_agreements_adopted, detail=True
    ),
    Indicator("commitments_made", N_("toezeggingen in de sessie"), lambda s: s.commitments.made),
    Indicator("commitments_done", N_("nagekomen"), lambda s: s.commitments.done, detail=True),
    Indicator("commitments_dropped", N_("vervallen"), lambda s: s.commitments.dropped, detail=True),
    Indicator("commitments_open", N_("nog open"), _open_after(0), detail=True),
    Indicator("commitments_open_1", N_("open na 1 sessie"), _open_after(1), detail=True),
    Indicator("commitments_open_2", N_("open na 2 sessies"), _open_after(2), detail=True),
    Indicator("commitments_open_3", N_("open na 3 of meer"), _open_after(3), detail=True),
)
"""The overview's table, row by row, for every report and the screen."""
