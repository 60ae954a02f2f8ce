"""The keys of the screen at the bottom, as one line of text: Textual's ``Footer`` made cheap.

Textual's ``Footer`` builds a widget per key and builds them all again whenever the keys in
play change, which is every time the focus moves to another kind of widget: every phase switch
and every dialog. That was about 110 ms of a 180 ms phase switch on the large session. This bar
draws the same keys, in the same colours, as one line; a click on a key presses it, as in the
footer.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """The active keys of the screen with what they do; the command palette's key on the right."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--edge"}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()

    LATER = frozenset({"session.previous", "session.next"})
    """Binding ids shown after the view's own keys, before the screen's and the app's: stepping
    to another phase is also in the header and the help, while a view's own key (Afspraken's
    "r Consentronde") is only here, and at 120 columns there is not room for every key."""

    def shown(self) -> Iterator[tuple[Binding, bool]]:
        """The keys to show (one per action), each with whether it works now: the view's own
        keys (the focused widget and its containers), then the phase steps (``LATER``), then
        the screen's and the app's, each in the screen's order."""
        seen: set[str] = set()
        view: list[tuple[Binding, bool]] = []
        steps: list[tuple[Binding, bool]] = []
        rest: list[tuple[Binding, bool]] = []
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            if binding.id in self.LATER:
                steps.append((binding, enabled))
            elif node is self.screen or node is self.app:
                rest.append((binding, enabled))
            else:
                view.append((binding, enabled))
        yield from view
        yield from sorted(steps, key=lambda step: step[0].id != "session.next")  # onward first
        yield from rest

    def _item(self, binding: Binding, enabled: bool) -> Text:
        key = self.get_component_rich_style("key-bar--key", partial=True)
        description = self.get_component_rich_style("key-bar--description", partial=True)
        dim = Style(dim=not enabled, meta={"key": binding.key, "enabled": enabled})
        return Text.assemble(
            (f" {self.app.get_key_display(binding)} ", key + dim),
            (f"{binding.description} ", description + dim),
        )

    def render(self) -> Text:
        """The keys that fit whole, in the screen's order (so a screen puts its way out first);
        a key that does not fit is left out rather than cut in half ("- Minder stemm")."""
        line = Text(no_wrap=True, overflow="crop", end="")
        palette = self._palette()
        room = self.size.width - (palette.cell_len if palette is not None else 0)
        for binding, enabled in self.shown():
            if binding.key != self.app.COMMAND_PALETTE_BINDING:
                item = self._item(binding, enabled)
                if line.cell_len + item.cell_len - 1 > room:  # its last space may go
                    break
                line.append_text(item)
        if palette is None:
            return line
        line.truncate(max(0, room), pad=True)
        return line + palette

    def _palette(self) -> Text | None:
        """The command palette's key, behind a thin line, for the right edge."""
        if not self.app.ENABLE_COMMAND_PALETTE:
            return None
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is None:
            return None
        _node, binding, enabled, _tooltip = found
        edge = self.get_component_rich_style("key-bar--edge", partial=True)
        return Text.assemble(("▏", edge), self._item(binding, enabled))

    def on_click(self, event: events.Click) -> None:
        key = event.style.meta.get("key")
        if key is None:
            return
        if event.style.meta.get("enabled", True):
            self.app.simulate_key(key)
        else:
            self.app.bell()
