"""Show what people typed exactly as typed: never as Rich markup, never as terminal codes."""

from __future__ import annotations

from rich.text import Text

from wijksessie.domain.text import visible


def literal(text: str, style: str = "") -> Text:
    """A Rich ``Text`` of user text: ``[bold]x[/]`` shows its brackets, ESC shows as ␛."""
    return Text(visible(text), style=style)
