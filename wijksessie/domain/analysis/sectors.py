"""The network drawn by sector, so the room sees which domains keep to themselves."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection

from wijksessie.domain.analysis.common import STANDARD_SECTORS, name_key, partners_of
from wijksessie.domain.analysis.matrix import theme_matrix
from wijksessie.domain.model import SECTORS, ConnectionKind, Network
from wijksessie.domain.record import record
from wijksessie.domain.text import normalise

_OTHER_SECTOR = "overig"


@record
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


@record
class SectorGroup:
    """The organisations of one sector, by name."""

    sector: str
    organisations: tuple[OrganisationLinks, ...]


def network_groups(network: Network) -> list[SectorGroup]:
    """The network drawn by sector, so the room sees which domains keep to themselves.

    Sectors follow ``model.SECTORS``, then the session's own sectors alphabetically; an empty
    sector shows as "overig".
    """
    partners = partners_of(network)
    grouped: dict[str, list[OrganisationLinks]] = defaultdict(list)
    for organisation in sorted(network.organisations, key=name_key):
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
    return STANDARD_SECTORS.get(key, " ".join(name.split())) if key else _OTHER_SECTOR


def _sector_order(sectors: Collection[str]) -> list[str]:
    standard = [sector for sector in SECTORS if sector in sectors]
    extra = sorted(set(sectors) - set(SECTORS), key=lambda sector: (sector.casefold(), sector))
    return [*standard, *extra]


@record
class SectorMatrix:
    """Themes × sectors: how many initiatives the organisations of each sector run per theme.

    The wall's heatmap: at most a dozen columns, where 40 organisations would not fit. Rows
    follow ``themes`` (the same rows as ``theme_matrix``, so an empty row is a gap), columns
    the sectors in the order of ``network_groups``. Totals count initiatives, each once, as
    in ``Matrix``: ``column_totals`` is what a sector's organisations run.
    """

    themes: tuple[str, ...]
    sectors: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int, ...]
    max_count: int
    total: int = 0
    """Every initiative of a known organisation, once."""


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
    runs = [0] * len(sectors)
    for organisation_id, count in zip(matrix.organisation_ids, matrix.column_totals, strict=True):
        runs[column_of[organisation_id]] += count
    counts = tuple(tuple(row) for row in cells)
    return SectorMatrix(
        themes=matrix.themes,
        sectors=sectors,
        counts=counts,
        row_totals=matrix.row_totals,
        column_totals=tuple(runs),
        max_count=max((max(row, default=0) for row in counts), default=0),
        total=matrix.total,
    )
