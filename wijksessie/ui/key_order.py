"""Keys in order: a key that may move the focus is handled before the next key is routed.

Textual routes a key to the widget that has the focus *when the key arrives*. A fast typist's
keys (or a whole string pasted by a terminal multiplexer) arrive together, so the key that opens
a dialog, moves to the next field or switches a phase has not done so when the next keys are
routed: they went to the list under the dialog, or into the field just left ("over 3 weken" in
the commitment's Organisatie). Here every key that is not plain typing into a text field holds
the keys after it until its work is done (its bindings ran and the screen it opened, if any, has
put the focus where it belongs); then they are routed in order.

Plain typing into a field is never held, so a typist pays nothing; a key held waits about one
frame. A key that never comes back to the app (a widget used it) is let go after ``HOLD_LIMIT``.
"""

from __future__ import annotations

from collections import deque
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.timer import Timer
from textual.widgets import Input, OptionList, Select, TextArea

ReturnT = TypeVar("ReturnT")

HOLD_LIMIT = 2.0
"""Seconds the next keys wait at most for a key whose end the app does not see."""
READY_CHECK = 0.01
"""Seconds between looks at a screen that is still opening."""
SETTLE = 0.01
"""Seconds a key's bindings get to pass on what they ask by message before the next key goes:
a few turns of the event loop (each message hop takes one), with room to spare."""


class KeysInOrder(App[ReturnT]):
    """An app that routes each key only after the keys before it did what they do."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: deque[events.Key] = deque()
        self._busy = False
        self._limit: Timer | None = None

    @property
    def holding_keys(self) -> bool:
        """A key is still being handled or waits its turn (tests wait for this to clear)."""
        return self._busy or bool(self._held)

    async def on_event(self, event: events.Event) -> None:
        """Route a key now, or after the key before it is done."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._busy or self._held:
                self._held.append(event)
                return
            await self._route(event)
            return
        await super().on_event(event)

    async def _route(self, key: events.Key) -> None:
        if not self._is_typing(key):
            self._busy = True
            self._limit = self.set_timer(HOLD_LIMIT, self._let_go)
        await super().on_event(key)
        if self._busy and not key.is_forwarded:
            # A priority binding took it (a phase key, Enter in a form): its action has run.
            self.call_next(self._settle)

    def _is_typing(self, key: events.Key) -> bool:
        """Typing in a text field (or searching a choice by its letters) moves nothing.

        Those keys are used up by the widget and never come back to the app, so holding the
        next key would cost ``HOLD_LIMIT`` each time.
        """
        focused = self.focused
        if getattr(focused, "typing", False):  # a widget's own typing mode (the plate's find)
            return key.is_printable or key.key == "backspace"
        if isinstance(focused, TextArea):
            # What the text area takes in its own key handler: letters and Enter. Backspace,
            # Delete and the arrows are its bindings, run when the key has come back up to the
            # app, after the keys behind it went straight in: 'Alphx', backspace, 'a een' in
            # one burst gave 'Alphxa ee'.
            return key.is_printable or key.key == "enter"
        if isinstance(focused, Input | OptionList | Select):
            return key.is_printable
        return False

    def on_key(self, event: events.Key) -> None:
        """The key came back up unused by any widget: its bindings run now (``App._on_key``,
        after this handler), and what they ask is looked at once they have."""
        if self._busy:
            self.call_next(self._settle)

    def key_used(self) -> None:
        """A widget used the key itself (it stopped it, so it never comes back up to the app):
        the next keys may go as soon as what it did has settled, not after ``HOLD_LIMIT``."""
        if self._busy:
            self.call_next(self._settle)

    def _settle(self) -> None:
        """Give what the key's bindings asked by message a moment to happen (a list asks its
        pane for a form, the pane opens it), then wait for the screen on top."""
        self.set_timer(SETTLE, self._key_done)

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        """Open a screen; keys typed while it mounts wait until it has put the focus."""
        if not self._busy:
            self._busy = True
            self._limit = self.set_timer(HOLD_LIMIT, self._let_go)
            self.call_after_refresh(self._key_done)
        return super().push_screen(*args, **kwargs)

    def _key_done(self) -> None:
        """Let the next key go once the screen on top is ready for it."""
        if not self._busy:
            return
        if not self._screen_ready():
            self.set_timer(READY_CHECK, self._key_done)
            return
        self._let_go()

    def _screen_ready(self) -> bool:
        """The screen on top has mounted: its ``on_mount`` has put the focus where it wants it
        (a dialog on its first field; a screen that wants no focus, like the consent round,
        has none), and a focus asked with ``focus()`` is queued before the keys let go."""
        if not self.screen_stack:  # the app is closing: nothing to wait for
            return True
        return self.screen.is_mounted

    def drop_held_keys(self) -> str:
        """Take the keys still waiting their turn out of the queue; what they would have typed.

        For a form whose save was refused: the keys typed after its Enter were meant for what
        a save leads to (the next entry, the list), and typed into the refused form they made
        one entry out of two. The text is for saying so: printable keys as typed, Enter and
        Tab as a space, backspace taking back the character before it.
        """
        text: list[str] = []
        while self._held:
            key = self._held.popleft()
            if key.key == "backspace":
                if text:
                    text.pop()
            elif key.key in ("enter", "tab", "shift+tab"):
                text.append(" ")
            elif key.is_printable and key.character:
                text.append(key.character)
        return " ".join("".join(text).split())

    def _let_go(self) -> None:
        if not self._busy:
            return
        self._busy = False
        if self._limit is not None:
            self._limit.stop()
            self._limit = None
        if self._held:
            self.call_later(self._route_held)

    async def _route_held(self) -> None:
        while self._held and not self._busy:
            await self._route(self._held.popleft())
