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

    def on_resize(self, event: events.Resize) -> None:
        """Leave out the relayout of a Resize to the size the screen is laid out at.

        Textual lays a screen out again for every Resize it gets, even one that changes
        nothing. A new first screen gets three at the size it was just laid out at: the
        app's first size, the terminal's size (the same: the app keeps it for its next idle
        moment), and the one its own first layout sends it. Each was a full layout and paint
        of every widget (issue 20; traced in a cold open of the large session). A widget
        that changes its size after the first layout still asks for a layout itself.
        Any other Resize, or one that would change the breakpoint classes, is Textual's.
        """
        screen: Screen[Any] = self  # type: ignore[assignment]
        if event.size != screen.outer_size or not screen.is_attached:
            return
        wanted = breakpoint_classes(screen, event.size)
        if all(screen.has_class(name) == on for name, on in wanted.items()):
            event.prevent_default()


def breakpoint_classes(screen: Screen[Any], size: tuple[int, int]) -> dict[str, bool]:
    """Each breakpoint class of ``screen``, and whether a screen of ``size`` has it."""
    app = screen.app
    width, height = size
    horizontal = screen.HORIZONTAL_BREAKPOINTS
    vertical = screen.VERTICAL_BREAKPOINTS
    horizontal = (app.HORIZONTAL_BREAKPOINTS if horizontal is None else horizontal) or []
    vertical = (app.VERTICAL_BREAKPOINTS if vertical is None else vertical) or []
    wanted = {name: False for _, name in (*horizontal, *vertical)}
    for name in screen._get_breakpoint_classes(width, horizontal):
        wanted[name] = True
    for name in screen._get_breakpoint_classes(height, vertical):
        wanted[name] = True
    return wanted


def preset_breakpoints(screen: Screen[Any]) -> None:
    """Give a new screen the breakpoint classes its first Resize event would give it."""
    try:
        app = active_app.get()
    except LookupError:
        return
    wanted = breakpoint_classes(screen, app.size)
    screen.add_class(*(name for name, on in wanted.items() if on), update=False)
