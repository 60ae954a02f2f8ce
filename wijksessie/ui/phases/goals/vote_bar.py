"""The vote bar that the goals list and the voting round both show, so they look the same."""

from __future__ import annotations

from rich.text import Text

BAR_WIDTH = 16


def vote_bar(cells: int, total: int) -> Text:
    """A bar of ``cells`` blocks and the number of votes, readable from the back row."""
    text = Text("█" * cells, style="bold green")
    text.append(" " * (BAR_WIDTH - cells))
    text.append(f" {total}", style="bold")
    return text
