"""The summary's tables, laid out once: the lines Rich's ``Table`` draws, without its cost.

A large session's summary is about 8,000 lines of tables (by person, by goal, the bullet lists).
Rich's ``Table`` measures and renders every cell through a ``Padding`` and a console of its own:
2.7 s for the large benchmark session, most of all formats together. These two kinds of table
(the headed table without edges and the bullet grid) are simple enough to lay out directly:
every column's width is measured once from the cells' plain text, and a cell that fits on one
line is used as it is; only a cell with a line break or a line too long goes through Rich's own
``Text.wrap``. The widths follow Rich's ``Table`` rule for rule, so the lines are the ones Rich
draws (the text goldens did not change), in colour on a terminal as well, about 20× faster.

``plain_lines`` gives the lines as text for the plain export without a console in between.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from math import ceil
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

Piece = tuple[int, Text, int, int, int]
"""One cell's part of a line: spaces before, the text, its width in cells, the width it is
padded to, spaces after."""

_NULL = Style()

Wrap = Callable[[Console, Text, int, bool], list[tuple[Any, int]]]
"""Lays a cell's text out in lines: as ``Text`` (to draw) or as ``str`` (the plain export)."""


@dataclass(frozen=True)
class Column:
    """A column: its header (None in a grid) and whether its cells may wrap."""

    header: str | None = None
    no_wrap: bool = False


@dataclass
class FastTable:
    """A table drawn as Rich draws ``Table(box=SIMPLE_HEAD, show_edge=False, pad_edge=False)``
    (``headed``) or ``Table.grid(padding=(0, 1))``, for ``Text`` cells."""

    columns: Sequence[Column]
    headed: bool = True
    expand: bool = True
    rows: list[tuple[Text, ...]] = field(default_factory=list)
    sections: set[int] = field(default_factory=set)
    """Indexes of rows after which a blank separator line follows (``add_section``)."""

    @property
    def row_count(self) -> int:
        """How many rows were added."""
        return len(self.rows)

    def add_row(self, *cells: Text | str) -> None:
        """A row of cells; a ``str`` is shown literally."""
        self.rows.append(tuple(c if isinstance(c, Text) else Text(c) for c in cells))

    def add_section(self) -> None:
        """A blank line after the last row added (none after the table's last row)."""
        if self.rows:
            self.sections.add(len(self.rows) - 1)

    # --- drawing ---------------------------------------------------------------------------

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        the_box = box.SIMPLE_HEAD.substitute(options, safe=console.safe_box)
        header_style = console.get_style("table.header")
        new_line = Segment.line()
        lines = self._lines(console, options.max_width, the_box, _wrap, _BLANK)
        for header, divider, pieces in lines:
            for index, piece in enumerate(pieces):
                if index and self.headed:
                    yield Segment(divider, _NULL)
                if header:
                    yield from Segment.apply_style(_piece_segments(console, piece), header_style)
                else:
                    yield from _piece_segments(console, piece)
            yield new_line

    def plain_lines(self, console: Console, width: int) -> list[str]:
        """The lines as plain text, as ``to_text`` writes them (trailing spaces kept).

        The same lines as ``_lines`` gives, written straight into strings: most rows are one
        line per cell, and building pieces for them cost as much as the rest together."""
        the_box = box.SIMPLE_HEAD.substitute(console.options, safe=console.safe_box)
        widths = self._widths(width)
        specs = []
        for index, (column, cell_width) in enumerate(zip(self.columns, widths, strict=True)):
            left, right = self._padding(index)
            specs.append((left, max(cell_width - left - right, 0), cell_width, column.no_wrap))
        rows: list[tuple[Text, ...]] = list(self.rows)
        if self.headed:
            rows.insert(0, tuple(Text(c.header or "") for c in self.columns))
        last = len(rows) - 1
        out = []
        for index, row in enumerate(rows):
            divider = ""
            if self.headed:
                divider = the_box.head_vertical if index == 0 else the_box.mid_vertical
                divider = the_box.foot_vertical if index == last and index else divider
            cells = [
                _wrap_plain(console, cell, inner, no_wrap) if inner else []
                for cell, (_left, inner, _width, no_wrap) in zip(row, specs, strict=True)
            ]
            height = max(1, *map(len, cells))
            bottom = self.headed and index == 0  # header cells sit at the bottom
            for line_no in range(height):
                parts = []
                for lines, (left, _inner, cell_width, _no_wrap) in zip(cells, specs, strict=True):
                    at = line_no - (height - len(lines)) if bottom else line_no
                    if 0 <= at < len(lines):
                        text, length = lines[at]
                        parts.append(" " * left + text + " " * (cell_width - left - length))
                    else:
                        parts.append(" " * cell_width)
                out.append(divider.join(parts))
            if self.headed and index == 0:
                out.append(the_box.get_row(widths, "head", edge=False))
            elif self.headed and index - 1 in self.sections and index != last:
                out.append(the_box.get_row(widths, "row", edge=False))
        return out

    def _lines(
        self, console: Console, max_width: int, the_box: box.Box, wrap: Wrap, blank: Any
    ) -> Iterator[tuple[bool, str, list[Piece]]]:
        """Each line: whether it is the header's, the divider between its cells and the cells'
        pieces (a rule under the header or between sections is one piece)."""
        widths = self._widths(max_width)
        pads = [self._padding(index) for index in range(len(self.columns))]
        header = self.headed
        rows: list[tuple[Text, ...]] = list(self.rows)
        if header:
            rows.insert(0, tuple(Text(c.header or "") for c in self.columns))
        last = len(rows) - 1
        for index, row in enumerate(rows):
            cells = []
            for cell, width, (left, right), column in zip(
                row, widths, pads, self.columns, strict=True
            ):
                inner = max(width - left - right, 0)
                lines = wrap(console, cell, inner, column.no_wrap) if inner else []
                cells.append((left, inner, width - left - inner, lines))
            height = max(1, *(len(cell[3]) for cell in cells))
            if index == 0:
                divider = the_box.head_vertical
            elif index == last:
                divider = the_box.foot_vertical
            else:
                divider = the_box.mid_vertical
            for line_no in range(height):
                pieces = []
                for left, inner, right, lines in cells:
                    at = line_no - (height - len(lines)) if header and index == 0 else line_no
                    if 0 <= at < len(lines):  # header cells sit at the bottom
                        text, length = lines[at]
                        pieces.append((left, text, length, inner, right))
                    else:
                        pieces.append((0, blank, 0, 0, left + inner + right))
                yield header and index == 0, divider, pieces
            rule = None
            if header and index == 0:
                rule = the_box.get_row(widths, "head", edge=False)
            elif header and index - 1 in self.sections and index != last:
                rule = the_box.get_row(widths, "row", edge=False)
            if rule is not None:
                ruled = wrap(console, Text(rule), cell_len(rule), True)[0][0]
                yield False, "", [(0, ruled, cell_len(rule), cell_len(rule), 0)]

    def _padding(self, index: int) -> tuple[int, int]:
        """Spaces left and right of a column's cells (Rich's padding (0, 1), no edge)."""
        last = index == len(self.columns) - 1
        if self.headed:
            return (0 if index == 0 else 1, 0 if last else 1)
        return (0, 0 if last else 1)  # a grid collapses its padding

    # --- widths, rule for rule as Rich's Table._calculate_column_widths ----------------------

    def _widths(self, max_width: int) -> list[int]:
        count = len(self.columns)
        extra = count - 1 if self.headed else 0
        limit = max_width - extra
        longest = [self._longest(i) for i in range(count)]
        pads = [sum(self._padding(i)) for i in range(count)]
        widths = [_measure(longest[i], pads[i], limit) or 1 for i in range(count)]
        table_width = sum(widths)
        if table_width > limit:
            wrapable = [not column.no_wrap for column in self.columns]
            widths = _collapse(widths, wrapable, limit)
            table_width = sum(widths)
            if table_width > limit:
                widths = _reduce(table_width - limit, [1] * count, widths, widths)
                table_width = sum(widths)
            widths = [_measure(longest[i], pads[i], widths[i]) for i in range(count)]
        if table_width < limit and self.expand:
            more = _distribute(limit - table_width, widths)
            widths = [w + m for w, m in zip(widths, more, strict=True)]
        return widths

    def _longest(self, index: int) -> int | None:
        """The column's longest line (None without cells), as Rich's ``Text`` measures it."""
        texts = [row[index].plain for row in self.rows]
        if self.headed:
            texts.append(self.columns[index].header or "")
        if not texts:
            return None
        return max(_line_length(text) for text in texts)


NARROW = " -~\xa1-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u257f"
"""Characters that take one cell each (Latin letters, punctuation, arrows, box lines; checked
against Rich's ``cell_len`` in the tests), so text of only these is as wide as it is long."""

_SIMPLE = re.compile(f"[{NARROW}\n]*")


def _line_length(plain: str) -> int:
    if _SIMPLE.fullmatch(plain):
        return max(map(len, plain.split("\n")))
    lines = plain.splitlines()
    return max(cell_len(line) for line in lines) if lines else 0


def _measure(longest: int | None, pad: int, width: int) -> int:
    """A column's width within ``width``, padding included: the maximum Rich's
    ``Measurement.get`` makes of each ``Padding(Text)`` cell and the table of the column (only
    the longest line counts; the minimum is never used for these tables)."""
    if width < 1:
        return 0
    if longest is None or width - pad < 1:
        return width
    high = min(longest, width)
    high = min((high if high >= 1 else 0) + pad, width)
    return high if high >= 1 else 0


def _wrap(console: Console, text: Text, width: int, no_wrap: bool) -> list[tuple[Text, int]]:
    """The cell's lines within ``width`` and their widths; Rich's ``Text.wrap`` (left
    justified, folding long words) only where a line does not simply fit."""
    plain = text.plain
    if "\t" in plain:
        return _wrapped(console, text, width, no_wrap)
    parts = text.split("\n", allow_blank=True) if "\n" in plain else [text]
    lines = []
    for part in parts:
        length = cell_len(part.plain)
        if length <= width:
            lines.append((part, length))
        else:
            lines += _wrapped(console, part, width, no_wrap)
    return lines


def _wrap_plain(console: Console, text: Text, width: int, no_wrap: bool) -> list[tuple[str, int]]:
    """``_wrap`` for the plain export: the same lines as strings, without ``Text`` objects for
    narrow characters (where a character is a cell); anything else through ``_wrap``."""
    plain = text.plain
    if width < 1 or not _SIMPLE.fullmatch(plain):
        return [(line.plain, length) for line, length in _wrap(console, text, width, no_wrap)]
    lines = []
    for part in plain.split("\n"):
        if len(part) <= width:
            lines.append((part, len(part)))
            continue
        starts = [0, *([] if no_wrap else _breaks(part, width)), len(part)]
        for start, end in itertools.pairwise(starts):
            line = part[start:end]
            if len(line) > width:  # Text.rstrip_end, then the crop of Text.truncate
                trailing = len(line) - len(line.rstrip())
                line = line[: len(line) - min(trailing, len(line) - width)][:width]
            lines.append((line, len(line)))
    return lines


_WORD = re.compile(r"\s*\S+\s*")


def _breaks(text: str, width: int) -> list[int]:
    """Where Rich's ``divide_line`` breaks narrow text ``width`` wide, folding long
    words (a character is a cell, so a word folds every ``width`` characters)."""
    breaks: list[int] = []
    offset = 0
    position = 0
    while (match := _WORD.match(text, position)) is not None:
        start, position = match.span()
        word = match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            chunks = [word[i : i + width] for i in range(0, len(word), width)]
            for number, chunk in enumerate(chunks, 1):
                if start:
                    breaks.append(start)
                if number == len(chunks):
                    offset = len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _wrapped(console: Console, text: Text, width: int, no_wrap: bool) -> list[tuple[Text, int]]:
    wrapped = text.wrap(console, width, justify="left", overflow="fold", no_wrap=no_wrap)
    return [(line, cell_len(line.plain)) for line in wrapped]


_BLANK = Text()


def _piece_segments(console: Console, piece: Piece) -> Iterator[Segment]:
    """A cell's part of a line as Rich's ``Padding(Text)`` draws it: the text padded inside
    (under the text's own style, so a struck-through cell stays struck to its edge), then the
    cell's padding."""
    left, text, length, inner, right = piece
    if left:
        yield Segment(" " * left, _NULL)
    if text is _BLANK:
        yield Segment(" " * right, _NULL)
        return
    padded = text.copy()
    padded.pad_right(inner - length)
    yield from Text("\n").join([padded]).render(console)
    if right:
        yield Segment(" " * right, _NULL)


# --- Rich's ratio helpers (rich/_ratio.py, MIT), copied: the module is private --------------


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            widest = max(w for w, ok in zip(widths, wrapable, strict=True) if ok)
            second = max(
                w if ok and w != widest else 0 for w, ok in zip(widths, wrapable, strict=True)
            )
            difference = widest - second
            ratios = [
                1 if (w == widest and ok) else 0 for w, ok in zip(widths, wrapable, strict=True)
            ]
            if not any(ratios) or not difference:
                break
            widths = _reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            share = min(most, round(ratio * remaining / total_ratio))
            result.append(value - share)
            remaining -= share
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _distribute(total: int, ratios: list[int]) -> list[int]:
    total_ratio = sum(ratios)
    remaining = total
    result = []
    for ratio in ratios:
        share = max(0, ceil(ratio * remaining / total_ratio)) if total_ratio > 0 else remaining
        result.append(share)
        total_ratio -= ratio
        remaining -= share
    return result
