"""Breakpoint classes (``-narrow`` / ``-wide``) on a screen before its first paint."""

from __future__ import annotations

from textual._context import active_app
from textual.screen import Screen


def preset_breakpoints(screen: Screen[object]) -> None:
    """Give a new screen the breakpoint classes its first Resize event would give it.

    Textual adds them when the screen gets its first Resize, after every widget on it has been
    styled once; the class change then styles every widget a second time (about 40 ms for the
    session screen on a large network). Set beforehand, that update changes nothing.
    """
    try:
        app = active_app.get()
    except LookupError:
        return
    width, height = app.size
    horizontal = screen.HORIZONTAL_BREAKPOINTS
    vertical = screen.VERTICAL_BREAKPOINTS
    horizontal = (app.HORIZONTAL_BREAKPOINTS if horizontal is None else horizontal) or []
    vertical = (app.VERTICAL_BREAKPOINTS if vertical is None else vertical) or []
    classes = screen._get_breakpoint_classes(width, horizontal)
    classes |= screen._get_breakpoint_classes(height, vertical)
    screen.add_class(*classes, update=False)
