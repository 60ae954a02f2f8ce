"""Pictures for the HTML summary: the network and the theme × organisation heatmap.

People look at a picture before they read a table. The SVG is drawn by
``render.picture`` (fixed-seed layout, every label escaped); this module only names it.
"""

from __future__ import annotations

from dataclasses import dataclass

from wijksessie.domain.model import Network
from wijksessie.i18n import _


@dataclass(frozen=True)
class Figure:
    """One picture: a title, a caption, and self-contained SVG markup."""

    title: str
    caption: str
    svg: str


def network_figures(network: Network) -> tuple[Figure, ...]:
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
            network_svg(network),
        ),
        Figure(
            _("Thema's per organisatie"),
            _("Hoe donkerder het vak, hoe meer initiatieven op dat thema."),
            matrix_svg(network),
        ),
    )
