"""The UI's modules import each other one way: no two of them reach each other (issue 14.4)."""

from __future__ import annotations

import grimp


def cycles(package: str) -> list[tuple[str, str]]:
    """Pairs of modules under ``package`` where each one imports the other, directly or not."""
    graph = grimp.build_graph("wijksessie")
    inside = {module for module in graph.modules if module.startswith(package)}
    found: set[tuple[str, str]] = set()
    for module in inside:
        for imported in graph.find_modules_directly_imported_by(module) & inside:
            if graph.find_shortest_chain(importer=imported, imported=module):
                found.add((min(module, imported), max(module, imported)))
    return sorted(found)


def test_the_ui_has_no_import_cycle() -> None:
    assert cycles("wijksessie.ui") == []
