"""Text fields that never hold what must not reach the terminal.

A name holding ``ESC ] 0;…BEL`` retitled the facilitator's terminal when an ``Input`` showed
it: Textual writes a field's text as it is. Text from files and imports is cleaned on its way
in (``domain.tidy``, the importer), and these fields clean whatever else arrives — typed,
pasted, or set by code — through the same ``text.clean`` the domain validates with.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea
from textual.widgets.text_area import EditResult, Location

from wijksessie.domain.text import clean

COMPACT_CLASS = "-textual-compact"
"""The class Textual's ``compact`` reactive of ``Input`` and ``TextArea`` toggles."""


def _compact(widget: Input | TextArea) -> None:
    """Make a field compact before it is mounted, without styling it for that.

    Textual's ``compact=True`` sets a reactive whose class toggle restyles the field at once,
    though it is not on a screen yet and is styled again as it mounts: the eight compact
    fields of phase 1 cost eight extra passes of the stylesheet on every open (issue 20).
    """
    widget.set_reactive(type(widget).compact, True)
    widget.add_class(COMPACT_CLASS, update=False)


class CleanInput(Input):
    """An ``Input`` whose value is always clean (a one-line field: ``short`` cleaning)."""

    def __init__(self, *args: Any, compact: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if compact:
            _compact(self)

    def validate_value(self, value: str) -> str:
        """Textual's hook for a reactive's new value: every way in passes here."""
        return clean(value, short=True)


class CleanTextArea(TextArea):
    """A ``TextArea`` that cleans what is typed, pasted, inserted or loaded into it."""

    def __init__(self, text: str = "", *, compact: bool = False, **kwargs: Any) -> None:
        super().__init__(clean(text), **kwargs)
        if compact:
            _compact(self)

    def load_text(self, text: str) -> None:
        super().load_text(clean(text))

    def insert(
        self,
        text: str,
        location: Location | None = None,
        *,
        maintain_selection_offset: bool = True,
    ) -> EditResult:
        return super().insert(
            clean(text), location, maintain_selection_offset=maintain_selection_offset
        )

    def replace(
        self,
        insert: str,
        start: Location,
        end: Location,
        *,
        maintain_selection_offset: bool = True,
    ) -> EditResult:
        return super().replace(
            clean(insert), start, end, maintain_selection_offset=maintain_selection_offset
        )
