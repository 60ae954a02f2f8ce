"""Themes × organisations: empty rows are gaps, crowded rows are likely overlap."""

from __future__ import annotations

from wijksessie.domain.analysis.common import key_set, name_key, ordered_themes, used_themes
from wijksessie.domain.model import Network
from wijksessie.domain.record import record
from wijksessie.domain.text import normalise


@record
class Matrix:
    """Themes × organisations: how many initiatives each organisation runs per theme.

    Rows follow ``themes``, columns ``organisation_ids``; ``max_count`` scales the cell colours.
    A cell counts the initiatives on that theme, so an initiative with two themes stands in two
    rows. The totals count initiatives, each once: ``row_totals`` per theme,
    ``column_totals`` per organisation (all it runs, with a theme or not) and ``total`` for
    the whole network. Summing the cells counted initiative-theme pairs, and the room read
    "Welzijn 4" under a legend of initiatives for an organisation that runs two.
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
    organisations = sorted(network.organisations, key=name_key)
    themes = ordered_themes(used_themes(network))
    row_of = {normalise(theme): row for row, theme in enumerate(themes)}
    column_of = {organisation.id: column for column, organisation in enumerate(organisations)}
    cells = [[0] * len(organisations) for _ in themes]
    runs = [0] * len(organisations)
    for initiative in network.initiatives:
        column = column_of.get(initiative.organisation_id)
        if column is not None:
            runs[column] += 1
            for key in key_set(initiative.themes):
                cells[row_of[key]][column] += 1
    counts = tuple(tuple(row) for row in cells)
    return Matrix(
        themes=themes,
        organisation_ids=tuple(organisation.id for organisation in organisations),
        organisation_names=tuple(organisation.name for organisation in organisations),
        counts=counts,
        row_totals=tuple(sum(row) for row in counts),
        column_totals=tuple(runs),
        total=sum(runs),
        max_count=max((max(row, default=0) for row in counts), default=0),
    )
