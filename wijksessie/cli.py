"""The command line: the only place that parses arguments."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    """Run the ``wijksessie`` command; returns the exit code."""
    from wijksessie.store.folder import sessions_dir
    from wijksessie.ui.app import WijksessieApp

    WijksessieApp(sessions_dir()).run()
    return 0
