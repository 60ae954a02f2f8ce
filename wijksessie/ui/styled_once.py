"""A screen styled once when it first shows, instead of two or three times."""

from __future__ import annotations

from typing import Any

from textual import events
from textual._context import active_app
from textual.screen import Screen


class StyledOnce:
    """Mix into a ``Screen`` or ``ModalScreen`` (first in the bases) so it is styled once.

    Textual styles every widget of a screen as it mounts, then again twice for a new screen:
    when its first Resize adds the breakpoint classes (``-narrow`` / ``-wide``), and when its
    first ScreenResume refreshes all styles. Neither changes anything for a screen that was
    just built, so the classes are set before mounting and the first resume skips the
    refresh: opening the large session paints about 35 ms sooner. Later resumes (back from a
    dialog, after a theme change) refresh as Textual intends.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resumed = False
        preset_breakpoints(self)  # type: ignore[arg-type]

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
        super()._on_screen_resume(event)  # type: ignore[misc]


def preset_breakpoints(screen: Screen[Any]) -> None:
    """Give a new screen the breakpoint classes its first Resize event would give it."""
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
