"""A read-only list of one-line rows under a header, drawn only where it is on screen.

Textual's ``DataTable`` measures every cell of every row it is given and renders each cell on
screen through Rich (padding, styles, wrapping): the start screen with a thousand sessions took
four to five times as long to appear as with ten, and the rows it filled in after the first
paint made it draw the whole screen again for every hundred (issue 20). This list takes all
its rows at once as plain text with a style, sizes each column from the text's cell width (as
``DataTable`` does), and builds only the lines the screen shows, each from a handful of
segments: a thousand rows cost what a screenful does.

Phase 1's residents' questions (``EntityList``) and agenda use it too: rows may be given set
column widths, and in a short list grow to show all their text (``wrap``), laid out by Rich
as a ``DataTable`` lays out its rows of several lines.

It looks exactly like a ``DataTable`` with a row cursor and zebra stripes: it has the same
component classes and CSS, and each cell's styles are those Rich gives the ``DataTable``'s
cell, taken from one small cell rendered by Rich for each combination of styles (a test
compares the lines with a ``DataTable``'s). Keys and mouse work as in a ``DataTable``: up,
down, page up and down, home and end, enter or a click on the cursor's row to choose it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.renderables.styled import Styled
from textual.scroll_view import ScrollView
from textual.strip import Strip

from wijksessie.i18n import _


@dataclass(frozen=True)
class Cell:
    """One cell's text (one line, shown as it is: no markup), its Rich style and alignment."""

    text: str
    style: str = ""
    justify: Literal["left", "right"] | None = None

    def __str__(self) -> str:
        return self.text


def text_width(text: str) -> int:
    """What ``DataTable`` measures a cell of ``text`` at: Rich's widest line."""
    if text.isprintable():  # no line breaks of any kind: one line (the common case)
        return cell_len(text)
    return max((cell_len(line) for line in text.splitlines()), default=0)


AUTO_HEIGHT_ROWS = 25
"""Up to this many rows (about a screenful), rows grow to show all their text; longer lists get
one line a row. A growing row is rendered in full to find its height: 200 of them took over half
a second to show, and a list longer than the wall is read by scrolling anyway."""

CELL_PADDING = 1
"""Spaces each side of a cell, as in ``DataTable``."""

_PROBE = "x"
"""The text of the small cell rendered by Rich to learn a combination's styles."""


class RowList(ScrollView, can_focus=True):
    """Rows of cells under a header, a row cursor, zebra stripes; only what shows is drawn."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # DataTable's keys with its (English) words, which the help says in the app's
        # language (``help_screen.TEXTUAL_WORDS``); Home and End as in ``ListTable``.
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("right", "scroll_right", "Cursor right", show=False),
        Binding("left", "scroll_left", "Cursor left", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("ctrl+home", "first_row", "Top", show=False),
        Binding("ctrl+end", "last_row", "Bottom", show=False),
        Binding("home", "first_row", _("Eerste regel"), id="list.first", show=False),
        Binding("end", "last_row", _("Laatste regel"), id="list.last", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "datatable--header",
        "datatable--even-row",
        "datatable--odd-row",
        "datatable--cursor",
        "datatable--hover",
    }
    """``DataTable``'s names, so a theme and the app's CSS style both lists alike."""

    DEFAULT_CSS = """
    RowList {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;

        &:focus {
            background-tint: $foreground 5%;
            & > .datatable--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .datatable--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark {
            & > .datatable--even-row {
                background: $surface-darken-1 40%;
            }
        }
        & > .datatable--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .datatable--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .datatable--odd-row {
        }
        & > .datatable--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .datatable--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .datatable--hover {
            background: $block-hover-background;
        }
    }
    """
    """``DataTable``'s own CSS for what this list shows."""

    class Selected(Message):
        """A row was chosen: enter, or a click on the cursor's row."""

        def __init__(self, row_list: RowList, row: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.row = row

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(self, *, id: str | None = None, zebra_stripes: bool = True) -> None:
        super().__init__(id=id)
        self.zebra_stripes = zebra_stripes
        self._labels: list[str] = []
        self._texts: Sequence[Sequence[str]] = []
        self._cells: Callable[[int], Sequence[Cell]] = lambda _row: []
        self._widths: list[int] = []
        """Each column's width on screen, padding included."""
        self._cursor = 0
        self._hover: int | None = None
        self._templates: dict[tuple[object, ...], tuple[Style, ...]] = {}
        self._wrap = False
        self._tops: list[int] = []
        """With ``wrap``: the first line of each row (below the header), and after the last."""
        self._wrapped: dict[tuple[object, ...], list[Strip]] = {}
        """With ``wrap``: the lines of rows drawn, by row and what the row looked like."""
        self.lines_built = 0
        """How many row lines were built since the rows were set (for tests: the work done)."""
        self._styles_now: dict[str, Style] | None = None
        """While the lines are drawn (``render_lines``): the styles read so far (``_style``)."""

    # -- the data ------------------------------------------------------------------------

    @property
    def labels(self) -> list[str]:
        """The columns' headers, left to right."""
        return list(self._labels)

    @property
    def row_count(self) -> int:
        """How many rows there are."""
        return len(self._texts)

    @property
    def cursor_row(self) -> int:
        """The row under the cursor (0 when there are none)."""
        return self._cursor

    def get_row_at(self, row: int) -> list[Cell]:
        """The cells of ``row``."""
        return list(self._cells(row))

    def column_widths(self) -> list[int]:
        """Each column's width on screen, its padding included."""
        return list(self._widths)

    def set_rows(
        self,
        labels: Sequence[str],
        texts: Sequence[Sequence[str]],
        cells: Callable[[int], Sequence[Cell]] | None = None,
        widths: Sequence[int | None] = (),
        *,
        wrap: bool = False,
    ) -> None:
        """Show rows under headers ``labels``, the cursor on the first row, scrolled to the
        top (as a ``DataTable`` cleared and filled again).

        ``texts`` holds each row's cells as plain text, which sizes the columns; ``cells``
        makes a row's styled cells when the row is drawn (by default, the texts unstyled),
        so a row off screen costs no more than its texts. ``widths`` sets a column's width
        (its text, without padding) as ``DataTable.add_column(width=…)`` does; a column
        without one (``None``, or past the end) is as wide as its widest text.

        With ``wrap`` a row grows to show all of its cells' text, wrapped to the column's
        width, as a ``DataTable`` row added with ``height=None`` does; each cell is then laid
        out by Rich as that table does it, so keep it for lists of about a screenful.
        """
        self._labels = list(labels)
        self._texts = texts
        self._cells = cells or (lambda row: [Cell(text) for text in self._texts[row]])
        measured = [text_width(label) for label in self._labels]
        for index, column in enumerate(zip(*texts, strict=False)):
            joined = "".join(column)
            if joined.isascii() and joined.isprintable():  # one cell a character, in C
                widest = max(map(len, column))
            elif joined.isprintable():  # one line each (the common case)
                widest = max(map(cell_len, column))
            else:
                widest = max(map(text_width, column))
            measured[index] = max(measured[index], widest)
        fixed = list(widths)
        self._widths = [
            (fixed[index] if index < len(fixed) and fixed[index] is not None else width)
            + 2 * CELL_PADDING
            for index, width in enumerate(measured)
        ]
        self._cursor = 0
        self._hover = None
        self.lines_built = 0
        self._wrap = wrap
        self._wrapped.clear()
        self._tops = list(range(len(texts) + 1))
        if wrap:
            for row, row_texts in enumerate(texts):
                self._tops[row + 1] = self._tops[row] + self._height(row_texts)
        self.virtual_size = Size(sum(self._widths), self._tops[-1] + 1)
        self.scroll_x = 0
        self.scroll_y = 0
        self.refresh()

    def _height(self, row_texts: Sequence[str]) -> int:
        """How many lines a row's cells take wrapped to their columns (at least one)."""
        height = 1
        for text, width in zip(row_texts, self._widths, strict=False):
            inner = width - 2 * CELL_PADDING
            if text.isprintable() and cell_len(text) <= inner:
                continue  # one line: no need to ask Rich
            console: Console = self.app.console
            options = self.app.console_options.update_width(width)
            padded = Padding(Text(text), (0, CELL_PADDING))
            height = max(height, len(console.render_lines(padded, options, pad=False)))
        return height

    # -- the cursor ----------------------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        """Put the cursor on ``row`` (kept within the list) and scroll it into view."""
        row = max(0, min(row, len(self._texts) - 1))
        if row != self._cursor:
            self._cursor = row
            self.refresh()
        self._cursor_into_view()

    def _cursor_into_view(self) -> None:
        if not self._texts:
            return
        top, bottom = self._tops[self._cursor], self._tops[self._cursor + 1]
        region = Region(int(self.scroll_x), top + 1, sum(self._widths), bottom - top)
        self.scroll_to_region(region, animate=False, spacing=Spacing(1, 0, 0, 0), force=True)

    def _keyboard(self) -> None:
        """Keys hide the mouse's faint row, as in ``DataTable``."""
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def action_cursor_up(self) -> None:
        self._keyboard()
        self.move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self._keyboard()
        self.move_cursor(self._cursor + 1)

    def _page(self) -> int:
        return max(self.scrollable_content_region.height - 1, 1)

    def _row_of_line(self, line: int) -> int:
        """The row that line ``line`` of the rows (0: the first row's first line) is part of."""
        if not self._wrap:
            return line
        return bisect_right(self._tops, line) - 1

    def action_page_up(self) -> None:
        self._keyboard()
        self.scroll_relative(y=-self._page(), animate=False)
        self.move_cursor(self._row_of_line(max(self._tops[self._cursor] - self._page(), 0)))

    def action_page_down(self) -> None:
        self._keyboard()
        self.scroll_relative(y=self._page(), animate=False, force=True)
        self.move_cursor(self._row_of_line(self._tops[self._cursor] + self._page()))

    def action_first_row(self) -> None:
        """Put the cursor on the first row."""
        self._keyboard()
        self.move_cursor(0)

    def action_last_row(self) -> None:
        """Put the cursor on the last row."""
        self._keyboard()
        self.move_cursor(len(self._texts) - 1)

    def action_select_cursor(self) -> None:
        """Choose the row under the cursor."""
        if self._texts:
            self.post_message(self.Selected(self, self._cursor))

    def _row_at(self, y: int) -> int | None:
        """The row shown at line ``y`` of the widget, if any (the header is line 0)."""
        if y < 1:
            return None
        line = int(self.scroll_y) + y - 1
        return self._row_of_line(line) if line < self._tops[-1] else None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        row = self._row_at(event.y)
        if row != self._hover:
            self._hover = row
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        row = self._row_at(event.y)
        if row is None:
            return
        event.stop()
        if row == self._cursor:
            self.action_select_cursor()
        self.move_cursor(row)

    # -- drawing -------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._templates.clear()
        self._wrapped.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Every line in ``crop``, with the styles read once for all of them (``_style``)."""
        self._styles_now = {}
        try:
            return super().render_lines(crop)
        finally:
            self._styles_now = None

    def _style(self, name: str) -> Style:
        """The Rich style of the list (``name`` "") or of one of its component classes.

        Textual works a widget's style out from each of its ancestors on every ask; a list
        asked it for every line it drew and every row's stripes, about a third of drawing
        phase 1's questions. Within one drawing of the lines the answer cannot change.
        """
        cache = self._styles_now
        style = None if cache is None else cache.get(name)
        if style is None:
            style = self.rich_style if not name else self.get_component_styles(name).rich_style
            if cache is not None:
                cache[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self._style("")
        if y == 0:
            line = self._line(-1, base)
        else:
            row = self._row_at(y)
            if row is None:
                return Strip.blank(width, base)
            if self._wrap:
                line = self._wrapped_line(row, int(self.scroll_y) + y - 1 - self._tops[row], base)
            else:
                line = self._line(row, base)
        scroll_x = int(self.scroll_x)
        return line.crop(scroll_x, scroll_x + width).adjust_cell_length(width, base).simplify()

    def _line(self, row: int, base: Style) -> Strip:
        """The whole line of ``row`` (-1: the header), before cropping to the screen."""
        if row == -1:
            row_style = self._style("datatable--header")
            cells: Sequence[Cell] = [Cell(label) for label in self._labels]
            cursor = hover = False
        else:
            self.lines_built += 1
            row_style = base
            if self.zebra_stripes:
                name = "datatable--odd-row" if row % 2 else "datatable--even-row"
                row_style = self._style(name)
            cells = self._cells(row)
            cursor = row == self._cursor
            hover = row == self._hover
        segments: list[Segment] = []
        for column, (cell, width) in enumerate(zip(cells, self._widths, strict=True)):
            # The mouse's metadata, as DataTable gives it: it also keeps two cells that look
            # alike two segments, so a screenshot is the DataTable's to the byte.
            meta = Style.from_meta({"row": row, "column": column})
            for segment in self._cell(cell, width, row_style, cursor, hover):
                segments.append(Segment(segment.text, (segment.style or Style.null()) + meta))
        rest = max(0, self.size.width - sum(self._widths))
        extend = row_style + self._component_style(cursor, hover)
        extend += Style.from_meta({"row": row, "column": 0, "out_of_bounds": True})
        segments.append(Segment(" " * rest, extend))
        return Strip(segments)

    def _wrapped_line(self, row: int, line: int, base: Style) -> Strip:
        """Line ``line`` of a row that may take several (``wrap``), before cropping."""
        cursor, hover = row == self._cursor, row == self._hover
        key = (row, cursor, hover, base, self.size.width)
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) > 4 * len(self._texts):  # rows drawn in old looks
                self._wrapped.clear()
            lines = self._wrapped[key] = self._row_lines(row, base, cursor, hover)
        return lines[min(line, len(lines) - 1)]

    def _row_lines(self, row: int, base: Style, cursor: bool, hover: bool) -> list[Strip]:
        """Every line of a row that may take several: as ``_line``, each cell laid out by Rich
        at the row's height as ``DataTable`` lays out a row of several lines."""
        height = self._tops[row + 1] - self._tops[row]
        if height == 1:
            return [self._line(row, base)]
        self.lines_built += height
        row_style = base
        if self.zebra_stripes:
            name = "datatable--odd-row" if row % 2 else "datatable--even-row"
            row_style = self._style(name)
        lines: list[list[Segment]] = [[] for _ in range(height)]
        cells = self._cells(row)
        for column, (cell, width) in enumerate(zip(cells, self._widths, strict=True)):
            meta = Style.from_meta({"row": row, "column": column})
            key = (cell.style, cell.justify, row_style, cursor, hover)
            styles = self._templates.get(key)
            if styles is None:
                styles = self._templates[key] = self._template(cell, row_style, cursor, hover)
            text = Text(cell.text, cell.style, justify=cell.justify)
            for index, cell_line in enumerate(self._render(text, width, styles, height)):
                lines[index].extend(
                    Segment(segment.text, (segment.style or Style.null()) + meta)
                    for segment in cell_line
                )
        rest = max(0, self.size.width - sum(self._widths))
        extend = row_style + self._component_style(cursor, hover)
        extend += Style.from_meta({"row": row, "column": 0, "out_of_bounds": True})
        return [Strip([*segments, Segment(" " * rest, extend)]) for segments in lines]

    def _component_style(self, cursor: bool, hover: bool) -> Style:
        style = Style()
        if hover:
            style += self.get_component_rich_style("datatable--hover")
        if cursor:
            style += self.get_component_rich_style("datatable--cursor")
        return style

    def _cell(
        self, cell: Cell, width: int, row_style: Style, cursor: bool, hover: bool
    ) -> list[Segment]:
        """The segments of one cell, ``width`` wide, styled as Rich styles a ``DataTable``'s."""
        key = (cell.style, cell.justify, row_style, cursor, hover)
        styles = self._templates.get(key)
        if styles is None:
            styles = self._templates[key] = self._template(cell, row_style, cursor, hover)
        pad, fill_left, text_style, fill_right = styles[:4]
        inner = width - 2 * CELL_PADDING
        text = cell.text
        if not text.isprintable():  # a line break or a tab: Rich's own rendering
            return self._render(Text(text, cell.style, justify=cell.justify), width, styles)[0]
        room = inner - cell_len(text)
        if room < 0:
            text = set_cell_size(text, inner)
            room = 0
        side = " " * CELL_PADDING
        if cell.justify == "right":
            return [
                Segment(side, pad),
                Segment(" " * room, fill_left),
                Segment(text, text_style),
                Segment(side, pad),
            ]
        return [
            Segment(side, pad),
            Segment(text, text_style),
            Segment(" " * room, fill_right),
            Segment(side, pad),
        ]

    def _render(
        self, text: Text, width: int, styles: tuple[Style, ...], height: int = 1
    ) -> list[list[Segment]]:
        """One cell's lines as ``DataTable`` renders them: padded, styled before and after,
        wrapped when ``height`` is more than one line (and padded to it, as Rich does)."""
        pre, post = styles[4], styles[5]
        console: Console = self.app.console
        options = self.app.console_options.update_dimensions(width, height)
        if height == 1:
            options = options.update(no_wrap=True)
        return console.render_lines(Styled(Padding(text, (0, CELL_PADDING)), pre, post), options)

    def _template(
        self, cell: Cell, row_style: Style, cursor: bool, hover: bool
    ) -> tuple[Style, Style, Style, Style, Style, Style]:
        """The styles Rich gives a ``DataTable`` cell of this kind: its padding, the filler
        left and right of the text, and the text, read off one small cell Rich renders; and
        the styles it renders such a cell between."""
        component = self._component_style(cursor, hover)
        # DataTable's default: the CSS's foreground wins over the cell's, its background not.
        post = Style.from_color(color=component.color)
        pre = row_style + component
        width = 2 * CELL_PADDING + 5
        probe = Text(_PROBE, style=cell.style, justify=cell.justify)
        chars: list[Style] = []
        for segment in self._render(probe, width, (pre, pre, pre, pre, pre, post))[0]:
            chars.extend([segment.style or Style.null()] * cell_len(segment.text))
        text_at = CELL_PADDING + (4 if cell.justify == "right" else 0)
        return (
            chars[0],
            chars[CELL_PADDING],
            chars[text_at],
            chars[width - CELL_PADDING - 1],
            pre,
            post,
        )
