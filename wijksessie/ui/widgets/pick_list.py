"""A pick list that narrows as you type: a goal's coalition out of 40 organisations in a few
letters, instead of Down ten times and space.

Letters (any case, with or without accents, as ``analysis.matches``) filter the options;
backspace takes a letter back and ``esc`` clears the filter (a second ``esc`` cancels the form,
as in every field). Space still ticks the highlighted option. What was ticked stays ticked while
the filter hides it: ``chosen`` is every ticked value, shown or not.
"""

from __future__ import annotations

from textual import events, on
from textual.message import Message
from textual.widgets import OptionList, SelectionList
from textual.widgets.selection_list import Selection

from wijksessie.domain.analysis.search import matches


class PickList(SelectionList[str]):
    """A ``SelectionList`` of (value, label) choices that filters on the letters typed."""

    class Filtered(Message):
        """The filter changed: what it is and how many options it shows of how many."""

        def __init__(self, pick_list: PickList, query: str, shown: int, total: int) -> None:
            super().__init__()
            self.pick_list = pick_list
            self.query = query
            self.shown = shown
            self.total = total

    def __init__(
        self, choices: list[tuple[str, str]], chosen: set[str], *, id: str | None = None
    ) -> None:
        self._choices = list(choices)
        self._ticked = set(chosen)
        """Ticked values as of the last filter change (the shown ones are read off the list)."""
        self.query = ""
        """The letters typed so far."""
        super().__init__(
            *[(label, value, value in chosen) for value, label in choices], id=id, compact=True
        )

    @property
    def typing(self) -> bool:
        """Letters and backspace here are typing (``KeysInOrder`` need not hold them)."""
        return True

    @property
    def chosen(self) -> list[str]:
        """Every ticked value, shown or hidden by the filter, in the order of the choices."""
        ticked = (self._ticked - self._shown()) | set(self.selected)
        return [value for value, _label in self._choices if value in ticked]

    def _shown(self) -> set[str]:
        return {self.get_option_at_index(i).value for i in range(self.option_count)}

    def on_key(self, event: events.Key) -> None:
        """Letters narrow the list, backspace widens it, esc clears it, space ticks."""
        if event.key == "backspace" and self.query:
            query = self.query[:-1]
        elif event.key == "escape" and self.query:
            query = ""
        elif event.is_printable and event.character and not event.character.isspace():
            query = self.query + event.character
        elif event.key == "space" and self.highlighted is not None:
            query = None
        else:
            return
        event.stop()
        event.prevent_default()
        if query is None:
            # Ticked here and now rather than by the list's own message, which a save typed
            # right after it (space ctrl+s in one burst) could read the list before.
            self.toggle(self.get_option_at_index(self.highlighted))
        else:
            self.filter(query)
        used = getattr(self.app, "key_used", None)
        if used is not None:
            used()

    @on(OptionList.OptionHighlighted)
    @on(OptionList.OptionSelected)
    def _drop_stale(self, event: OptionList.OptionHighlighted | OptionList.OptionSelected) -> None:
        """Leave out a highlight (or a choice) of options a later filter has taken away.

        Keys that come at once ("wx" in one burst) filter twice before the list handles the
        messages of the first: the highlight ``filter`` set on the first option of "w" then
        arrives when "wx" shows none, and ``SelectionList`` turning it into its own message
        asked for an option that is gone. That error stopped the form, with what was typed in
        it. Here, before ``SelectionList``'s handler (``prevent_default``), a message about an
        option that is no longer at its place goes no further."""
        index = event.option_index
        if index >= self.option_count or self.get_option_at_index(index) is not event.option:
            event.stop()
            event.prevent_default()

    def filter(self, query: str) -> None:
        """Show only the choices whose label matches ``query``, keeping every tick."""
        self._ticked = set(self.chosen)
        self.query = query
        shown = [(value, label) for value, label in self._choices if matches([label], query)]
        self.clear_options()
        self.add_options([Selection(label, value, value in self._ticked) for value, label in shown])
        if shown:
            self.highlighted = 0
        self.post_message(self.Filtered(self, query, len(shown), len(self._choices)))
