"""Pictures for the HTML summary: the network and the theme × organisation heatmap.

People look at a picture before they read a table. The SVG is drawn by
``render.picture`` (fixed-seed layout, every label escaped); this module names it and says
the same in words: on a phone a picture 1,000 units wide shrinks to a third and its labels to
5 px, so the page shows ``rows`` (one line per organisation or theme) instead of the picture
there. Screen readers get the words too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from wijksessie.domain.analysis import theme_matrix
from wijksessie.domain.model import ConnectionKind, Network, choice_label
from wijksessie.domain.record import record
from wijksessie.i18n import _

if TYPE_CHECKING:
    from wijksessie.domain.analysis import Overlap


@record
class Figure:
    """One picture: a title, a caption, self-contained SVG markup and the picture in words.

    ``rows`` are ``(name, what it shows)`` pairs, for screens too narrow for the picture.
    """

    title: str
    caption: str
    svg: str
    rows: tuple[tuple[str, str], ...] = ()


def network_figures(
    network: Network, *, overlaps: Sequence[Overlap] | None = None
) -> tuple[Figure, ...]:
    """The network picture and the heatmap, for a session that has organisations.

    Titles and captions are in the current language; the SVG's own labels are drawn by
    ``render.picture``.
    """
    from wijksessie.render.picture import matrix_svg, network_svg

    if not network.organisations:
        return ()
    return (
        Figure(
            _("Het netwerk"),
            _(
                "Organisaties naar sector, met hun verbindingen en de mogelijke verbindingen "
                "die de overlap laat zien; de legenda zegt welke lijn wat betekent."
            ),
            network_svg(network, overlaps=overlaps),
            network_rows(network),
        ),
        Figure(
            _("Thema's per organisatie"),
            _(
                "Hoe donkerder het vak, hoe meer initiatieven op dat thema. Een initiatief met "
                "twee thema's staat in twee vakken; in Totaal telt elk initiatief één keer."
            ),
            matrix_svg(network),
            matrix_rows(network),
        ),
    )


_KIND_ORDER = (ConnectionKind.WORK_TOGETHER, ConnectionKind.KNOW, ConnectionKind.WANT_TO)


def network_rows(network: Network) -> tuple[tuple[str, str], ...]:
    """Per organisation (by name) whom it works with, knows or wants to work with."""
    names = {o.id: o.name for o in network.organisations}
    links: dict[str, dict[ConnectionKind, set[str]]] = {o.id: {} for o in network.organisations}
    for connection in network.connections:
        a, b = connection.org_a, connection.org_b
        if a != b and a in names and b in names:
            links[a].setdefault(connection.kind, set()).add(names[b])
            links[b].setdefault(connection.kind, set()).add(names[a])
    rows = []
    for organisation in sorted(network.organisations, key=lambda o: (o.name.casefold(), o.id)):
        kinds = links[organisation.id]
        parts = [
            f"{choice_label(kind)}: {', '.join(sorted(kinds[kind], key=str.casefold))}"
            for kind in _KIND_ORDER
            if kind in kinds
        ]
        what = "; ".join(parts) if parts else _("nog zonder verbinding")
        heading = f"{organisation.name} ({organisation.sector})" if organisation.sector else ""
        rows.append((heading or organisation.name, what))
    return tuple(rows)


def matrix_rows(network: Network) -> tuple[tuple[str, str], ...]:
    """Per theme which organisations run initiatives on it, and how many."""
    matrix = theme_matrix(network)
    rows = []
    for theme, counts in zip(matrix.themes, matrix.counts, strict=True):
        who = [
            f"{name} ({count})"
            for name, count in zip(matrix.organisation_names, counts, strict=True)
            if count
        ]
        rows.append((theme, ", ".join(who) if who else _("niemand werkt hieraan")))
    return tuple(rows)
