"""What the room cannot see by itself in "Wie doet wat": overlap, gaps and weak links.

Pure functions over a ``Network`` snapshot that answer with small frozen dataclasses, so a screen
only renders and the summary can say the same thing. One module per question: ``search`` (a
list's filter), ``matrix`` (themes × organisations), ``overlap``, ``gap``, ``weak_link``,
``sectors`` (the network by sector) and ``cascade`` (what a deletion touches, also a question
about the whole network); ``common`` holds what they share.

Every name is importable from this package, as it was from the single module it replaces, but
loaded only when first asked for: a list's filter needs ``matches`` on the first key typed, and
must not wait for rapidfuzz (about 17 ms) and the overlap code to load with it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wijksessie.domain.analysis.cascade import (
        CascadePlan,
        Change,
        Dependents,
        apply_plan,
        cascade_delete,
        dependents,
    )
    from wijksessie.domain.analysis.gap import Gaps, QuestionGap, gaps
    from wijksessie.domain.analysis.matrix import Matrix, theme_matrix
    from wijksessie.domain.analysis.overlap import (
        OVERLAP_MIN_SCORE,
        Overlap,
        overlaps,
    )
    from wijksessie.domain.analysis.search import matches
    from wijksessie.domain.analysis.sectors import (
        OrganisationLinks,
        SectorGroup,
        SectorMatrix,
        network_groups,
        sector_matrix,
    )
    from wijksessie.domain.analysis.weak_link import (
        WEAK_LINK_LABELS,
        WeakLink,
        WeakLinkKind,
        weak_links,
    )

_HOMES: dict[str, str] = {
    "matches": "search",
    "Matrix": "matrix",
    "theme_matrix": "matrix",
    "OVERLAP_MIN_SCORE": "overlap",
    "Overlap": "overlap",
    "overlaps": "overlap",
    "_items": "overlap",
    "_overlap": "overlap",
    "Gaps": "gap",
    "QuestionGap": "gap",
    "gaps": "gap",
    "WEAK_LINK_LABELS": "weak_link",
    "WeakLink": "weak_link",
    "WeakLinkKind": "weak_link",
    "weak_links": "weak_link",
    "OrganisationLinks": "sectors",
    "SectorGroup": "sectors",
    "network_groups": "sectors",
    "SectorMatrix": "sectors",
    "sector_matrix": "sectors",
    "CascadePlan": "cascade",
    "Change": "cascade",
    "Dependents": "cascade",
    "apply_plan": "cascade",
    "cascade_delete": "cascade",
    "dependents": "cascade",
}
"""Each re-exported name and the module it lives in (``_items`` and ``_overlap`` for the test
that compares the overlap search with every pair)."""

__all__ = [
    "OVERLAP_MIN_SCORE",
    "WEAK_LINK_LABELS",
    "CascadePlan",
    "Change",
    "Dependents",
    "Gaps",
    "Matrix",
    "OrganisationLinks",
    "Overlap",
    "QuestionGap",
    "SectorGroup",
    "SectorMatrix",
    "WeakLink",
    "WeakLinkKind",
    "apply_plan",
    "cascade_delete",
    "dependents",
    "gaps",
    "matches",
    "network_groups",
    "overlaps",
    "sector_matrix",
    "theme_matrix",
    "weak_links",
]


def __getattr__(name: str) -> Any:
    """Load a name's module the first time the name is asked for (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
