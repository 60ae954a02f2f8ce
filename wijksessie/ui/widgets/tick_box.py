"""A checkbox whose state reads without colour: ``X`` when ticked, empty when not.

Textual's ``Checkbox`` draws an ``X`` in both states and tells them apart by colour only. On a
projector (washed-out colours, the high-contrast theme) and for a colour-blind reader, "Aanwezig"
and "Contact delen" then looked ticked either way.
"""

from __future__ import annotations

from textual.widgets import Checkbox

TICKED = "X"
EMPTY = " "


class TickBox(Checkbox):
    """A ``Checkbox`` that shows its value by its mark, not only by its colour."""

    def on_mount(self) -> None:
        self._show_mark(self.value)

    def watch_value(self, value: bool) -> None:
        self._show_mark(value)

    def _show_mark(self, value: bool) -> None:
        # ``BUTTON_INNER`` is the class's documented mark; an instance value overrides it.
        self.BUTTON_INNER = TICKED if value else EMPTY
        self.refresh()
