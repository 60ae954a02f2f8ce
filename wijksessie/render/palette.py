"""The colours of the pictures, one set for the take-home page and the wall.

Sectors keep their colour everywhere (colour-blind safe, after Okabe–Ito and Tol), so the
room finds "welzijn" in the same orange on the projector and on paper; the heatmap's blue scale
and the red of a gap are the same in the HTML summary and in the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable

from wijksessie.domain.model import SECTORS

SECTOR_COLOURS: dict[str, str] = dict(
    zip(
        SECTORS,
        (
            "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442",
            "#D55E00", "#332288", "#117733", "#AA4499", "#882255", "#999999",
        ),
        strict=True,
    )
)  # fmt: skip
_EXTRA_COLOURS = ("#44AA99", "#DDCC77", "#88CCEE", "#661100", "#6699CC", "#AA4466")

ISOLATED_COLOUR = "#C62828"
"""An organisation nobody is connected with, a theme nobody works on."""

_EMPTY_CELL = "#F2F2F2"
_LIGHT = (222, 235, 247)
_DARK = (8, 81, 156)


def sector_colours(sectors: Iterable[str]) -> dict[str, str]:
    """Standard sectors keep their colour; a session's own sectors take the spare ones."""
    colours = {}
    extra = 0
    for sector in sorted(set(sectors), key=str.casefold):
        if sector in SECTOR_COLOURS:
            colours[sector] = SECTOR_COLOURS[sector]
        else:
            colours[sector] = _EXTRA_COLOURS[extra % len(_EXTRA_COLOURS)]
            extra += 1
    return colours


def heat_colour(count: int, peak: int) -> str:
    """A heatmap cell: light to dark blue as ``count`` nears ``peak``; grey for none."""
    if count <= 0 or peak <= 0:
        return _EMPTY_CELL
    share = count / peak
    red, green, blue = (
        round(light + (dark - light) * share) for light, dark in zip(_LIGHT, _DARK, strict=True)
    )
    return f"#{red:02X}{green:02X}{blue:02X}"
