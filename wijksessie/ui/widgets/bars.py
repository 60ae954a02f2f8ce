"""Horizontal bar charts in the terminal: indicators per session, readable from across a room.

Made for the network over time (one group per indicator, one bar per session: "werken samen"
in session 1, 2 and 3), and small enough for any screen that wants a chart. A bar is drawn
in eighths of a cell (``▏▎▍▌▋▊▉█``), so 12 and 13 look different in a bar of twenty cells;
its number stands after it, so nobody has to estimate. Groups share one scale unless given
their own maximum: bars of the same indicator are compared, not indicators with each other.

Plain Rich text, no plotting library: ``plotext`` draws axes and ticks a wall does not need,
and a bar is one string.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from wijksessie.domain.text import visible

EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"


@dataclass(frozen=True)
class Bar:
    """One bar: its label (a session, a sector), its value, and an optional note ("+3")."""

    label: str
    value: float
    note: str = ""


@dataclass(frozen=True)
class BarGroup:
    """Bars compared with each other under one title (an indicator), on one scale."""

    title: str
    bars: tuple[Bar, ...]
    maximum: float | None = None
    """The value a full bar stands for; by default the largest value in the group."""


def bar(value: float, maximum: float, cells: int) -> str:
    """``value`` of ``maximum`` as a bar ``cells`` wide, in eighths of a cell."""
    if maximum <= 0 or value <= 0 or cells <= 0:
        return ""
    eighths = round(min(value / maximum, 1.0) * cells * 8)
    whole, part = divmod(max(eighths, 1), 8)
    return FULL * whole + (EIGHTHS[part] if part else "")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def chart(
    groups: Sequence[BarGroup],
    width: int,
    *,
    bar_style: str | Style = "",
    title_style: str = "bold",
) -> Text:
    """The groups one under the other: a title line, then ``label  ████▌ 12 note`` per bar."""
    text = Text(no_wrap=True, overflow="ellipsis")
    bars = [item for group in groups for item in group.bars]
    if not bars:
        return text
    label_width = min(max(len(visible(item.label)) for item in bars), max(8, width // 3))
    tail = max(len(_number(item.value)) + 1 + len(item.note) + 1 for item in bars)
    cells = max(width - label_width - 2 - tail, 4)
    for index, group in enumerate(groups):
        if index:
            text.append("\n")
        text.append(visible(group.title), style=title_style)
        maximum = group.maximum or max((item.value for item in group.bars), default=0)
        for item in group.bars:
            text.append("\n")
            label = visible(item.label)
            if len(label) > label_width:
                label = label[: label_width - 1] + "…"
            text.append(label.ljust(label_width) + "  ")
            drawn = bar(item.value, maximum, cells)
            text.append(drawn, style=bar_style)
            text.append(" " + _number(item.value), style="bold")
            if item.note:
                text.append(" " + item.note, style="dim")
    return text


class BarChart(Static):
    """Bar charts of indicators, drawn again for the width they get."""

    DEFAULT_CSS = """
    BarChart { height: auto; }
    BarChart > .bar-chart--bar { color: $text-primary; }
    BarChart > .bar-chart--title { text-style: bold; }
    """

    COMPONENT_CLASSES = {"bar-chart--bar", "bar-chart--title"}

    def __init__(self, groups: Iterable[BarGroup] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.groups: tuple[BarGroup, ...] = tuple(groups)

    def show(self, groups: Iterable[BarGroup]) -> None:
        """Draw these groups instead."""
        self.groups = tuple(groups)
        self._draw()

    def on_mount(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = self.content_size.width or self.app.size.width
        self.update(
            chart(
                self.groups,
                width,
                bar_style=self.get_component_rich_style("bar-chart--bar", partial=True),
            )
        )
