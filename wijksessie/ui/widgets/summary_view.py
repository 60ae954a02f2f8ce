"""A long read-only text, drawn from lines rendered beforehand: only the lines on screen cost.

A summary of a large network is about 7,000 lines. In a ``Static``, Textual measured and drew all
of them on the main thread, twice, so the summary phase took seconds to appear (7.6 s for the
benchmark's large session). Here the lines are rendered once elsewhere (a thread) and handed over
in pieces with ``append``; drawing a frame then costs the 30-odd lines in view.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class SummaryView(ScrollView, can_focus=True):
    """Pre-rendered lines of segments, scrolled with the usual keys."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Strip] = []
        self._widest = 0

    @property
    def line_count(self) -> int:
        """How many lines there are to scroll through."""
        return len(self._lines)

    def clear(self) -> None:
        """Remove every line and go back to the top."""
        self._lines = []
        self._widest = 0
        self.virtual_size = Size(0, 0)
        self.scroll_to(0, 0, animate=False)
        self.refresh()

    def append(self, lines: Iterable[list[Segment]]) -> None:
        """Add lines at the end (each a list of segments, as ``Console.render_lines`` makes)."""
        strips = [Strip(line) for line in lines]
        if not strips:
            return
        self._lines.extend(strips)
        self._widest = max(self._widest, *(strip.cell_length for strip in strips))
        self.virtual_size = Size(self._widest, len(self._lines))
        self.refresh()

    def plain_text(self) -> str:
        """Everything as text without styles (what the wall would show, for tests)."""
        return "\n".join(strip.text.rstrip() for strip in self._lines)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = scroll_y + y
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[index].crop_extend(scroll_x, scroll_x + width, self.rich_style)
        return line.apply_style(self.rich_style)
