"""The session screen: header, a stepper of the phases, and the current phase below it."""

from __future__ import annotations

import asyncio
import shlex
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from functools import partial, wraps
from inspect import isawaitable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, Static, TextArea

from wijksessie.domain.agenda import AgendaClock
from wijksessie.domain.model import ParkingItem, Phase
from wijksessie.errors import SaveError, WijksessieError
from wijksessie.i18n import _
from wijksessie.store import SessionStore
from wijksessie.store.emergency import emergency_dir
from wijksessie.store.wall_position import (
    WallPosition,
    remove_wall_position,
    write_wall_position,
)
from wijksessie.ui import long_lived
from wijksessie.ui.messages import SessionLeft, TabShown
from wijksessie.ui.phases.session_phase import SessionPhase
from wijksessie.ui.screens.phase_table import AVAILABLE_PHASES, PHASE_ENTRIES, PHASES
from wijksessie.ui.show_error import show_error
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.key_bar import KeyBar
from wijksessie.ui.widgets.phase_bar import PhaseBar
from wijksessie.ui.widgets.session_header import SessionHeader

if TYPE_CHECKING:
    from textual.widgets import TabbedContent

    from wijksessie.ui.widgets.form_dialog import Values

TAB_PREFIX = "tab-"
"""A phase's tabs are ``TabPane``s with the id ``tab-<key>``."""
SAVE_CHECK_SECONDS = 2
CLOCK_SAVE_SECONDS = 30
LEAVE_WITHIN = 2.0
"""Seconds within which a second Esc on a list leaves the session (``action_close``)."""


def _once_mounted(action: Callable[..., Any]) -> Callable[..., Awaitable[None]]:
    """Run a key's ``action`` once the screen has mounted.

    A key bound with ``priority`` runs from the app's own task, ahead of the screen's queue.
    A session opened from the command line is the app's first screen, and keys typed (or
    pasted) while the terminal starts reach it before its phase is mounted: such a key now
    waits in the screen's queue, behind the mount, instead of changing a half-built screen
    (whose switcher then went back to the first phase as it mounted).
    """

    @wraps(action)
    async def run(screen: SessionScreen, *args: Any) -> None:
        if not screen.is_mounted:
            screen.call_later(run, screen, *args)
            return
        result = action(screen, *args)
        if isawaitable(result):
            await result

    return run


class SessionScreen(StyledOnce, Screen[None]):
    """One open session, phase by phase.

    Opened for editing it tells a wall that follows it which phase and tab it shows
    (``store.wall_position``); opened read-only it shows only the keys that do not change the
    session, and no countdown (the clock belongs to the window that runs the session).
    """

    EDITS: ClassVar[frozenset[str]] = frozenset({"park", "undo", "redo", "toggle_clock"})
    """Actions that change the session: neither shown nor run in a read-only view."""
    following: ClassVar[bool] = False
    """True on the wall that follows another window (``WallScreen``)."""

    BINDINGS = [
        Binding("ctrl+pagedown", "step(1)", _("Volgende fase"), id="session.next", priority=True),
        Binding("ctrl+pageup", "step(-1)", _("Vorige fase"), id="session.previous", priority=True),
        Binding("ctrl+t", "park", _("Parkeren"), id="session.park", priority=True),
        Binding("ctrl+z", "undo", _("Ongedaan maken"), id="session.undo"),
        Binding("ctrl+y", "redo", _("Opnieuw"), id="session.redo", show=False),
        Binding("f9", "toggle_clock", _("Timer"), id="session.clock", priority=True),
        Binding("escape", "close", _("Naar overzicht"), id="session.close"),
        *(
            Binding(entry.key, f"show_phase('{entry.phase.value}')", entry.label, show=False)
            for entry in PHASES
        ),
    ]

    def __init__(self, store: SessionStore, *, review: bool = False) -> None:
        super().__init__()
        self.store = store
        self.review = review
        """Open on the commitments with the review round of a fresh follow-up session."""
        self._ticks = 0
        self._showing = asyncio.Lock()
        """Held while a phase is put on screen: a key and a click run in different tasks."""
        self._recorded: WallPosition | None = None
        """The position last written for a wall that follows (``record_position``)."""
        self._esc_at = 0.0
        """When Esc was last pressed on a list (``time.monotonic``); 0: not lately."""
        self._left = False
        """Set when the facilitator leaves for the start screen (not when the app quits)."""
        self.clock = AgendaClock(store.session.agenda, self.clock_source)
        """Made here, not on mount: the app's first screen gets the first keys before that."""
        long_lived.settle_in()  # the session read from its file stays until it closes
        self.AUTO_FOCUS = getattr(PHASE_ENTRIES[self.initial_phase].widget(), "DEFAULT_FOCUS", None)
        """The first phase's list has the keyboard in the first paint. Without it Textual
        focused the first field (the title) and the phase then moved the keyboard to its
        list: the screen was styled and painted again for it, and the title saved on leaving
        (about 30 ms of opening a session)."""

    @property
    def initial_phase(self) -> Phase:
        """The phase the screen opens on."""
        return Phase.COMMITMENTS if self.review else AVAILABLE_PHASES[0]

    def compose(self) -> ComposeResult:
        yield SessionHeader(id="session-header")
        yield Static(id="save-warning")
        initial = self.initial_phase
        yield PhaseBar(AVAILABLE_PHASES, initial, id="phase-bar")
        with ContentSwitcher(id="phases", initial=initial.value):
            # Only the first phase and its container are built now; the others when first
            # shown (show_phase). Five empty, hidden containers were each mounted and styled
            # on every open (about 14 ms of a cold open of the large session).
            yield self._phase_pane(initial)
        yield KeyBar()

    def _phase_pane(self, phase: Phase) -> Container:
        """The container that holds ``phase`` in the switcher, with the phase's widget."""
        return Container(self._phase_widget(phase), id=phase.value, classes="phase")

    def _shown_pane(self, phase: Phase) -> Widget | None:
        """The container of ``phase``, or None before the phase was first shown."""
        switcher = self.query_one("#phases", ContentSwitcher)
        return next(iter(switcher.query_children(f"#{phase.value}")), None)

    @property
    def read_only(self) -> bool:
        """This window only looks at the session (``wijksessie view``, or the wall)."""
        return self.store.read_only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide (and refuse) the keys that would change a session opened read-only."""
        return not (action in self.EDITS and self.read_only)

    @property
    def phase(self) -> Phase:
        """The phase on screen."""
        return Phase(self.query_one("#phases", ContentSwitcher).current or AVAILABLE_PHASES[0])

    def _phase_widget(self, phase: Phase) -> Widget:
        return PHASE_ENTRIES[phase].build(self.store)

    def on_mount(self) -> None:
        self._phase_shown(self.phase)
        self.set_interval(1, self._tick)
        self.set_interval(SAVE_CHECK_SECONDS, self.check_saved)
        if self.store.repairs:
            self.notify(
                "\n".join(self.store.repairs),
                title=_("Sessiebestand hersteld"),
                severity="warning",
                markup=False,
                timeout=30,
            )
        if self.review:
            self.call_after_refresh(self._start_review)
        # The session's data and this screen live until it closes (see long_lived).
        self.call_after_refresh(long_lived.settle_in)

    def on_unmount(self) -> None:
        long_lived.release(collect=self._left)

    def _start_review(self) -> None:
        phase = self.query_one(f"#phase-{Phase.COMMITMENTS.value}")
        phase.query_one("CommitmentsPane").action_review()

    clock_source: Callable[[], float] = staticmethod(time.monotonic)
    """Where the agenda clock reads the time; tests put a fake clock here."""

    def refresh_header(self) -> None:
        """Show the session's current title, wijk and date, and the countdown."""
        header = self.query_one(SessionHeader)
        header.show(self.store.session, self.mark())
        if not self.read_only:
            header.show_clock(self.clock)

    def mark(self) -> Text:
        """What the header says after the date: that this window only looks, or nothing."""
        if self.read_only:
            return Text(_("   ALLEEN-LEZEN"), style="bold reverse")
        return Text()

    def _tick(self) -> None:
        if self.read_only:
            return
        self.query_one(SessionHeader).show_clock(self.clock)
        self._ticks += 1
        if self._ticks % CLOCK_SAVE_SECONDS == 0:
            self.save_clock()

    def save_clock(self) -> None:
        """Put the time spent per phase in the session file (no undo step, no write if equal)."""
        if self.store.read_only:
            return
        try:
            self.store.save_session(replace(self.store.session, agenda=self.clock.agenda()))
        except SaveError:
            self.check_saved()

    @_once_mounted
    def action_toggle_clock(self) -> None:
        """Start, pause or resume the countdown of the current phase."""
        if self.clock.phase is None or (not self.clock.running and self.clock.spent() == 0):
            self.clock.start(self.phase)
        else:
            self.clock.toggle()
        self.save_clock()
        self.refresh_header()

    # -- undo, redo and saving ------------------------------------------------------------

    def action_undo(self) -> None:
        """Undo the last change to the session (many steps deep)."""
        self._history(
            self.store.undo, _("Ongedaan gemaakt"), _("Er is niets om ongedaan te maken.")
        )

    def action_redo(self) -> None:
        """Redo what was undone."""
        self._history(self.store.redo, _("Opnieuw gedaan"), _("Er is niets om opnieuw te doen."))

    def _history(self, step: Callable[[], str | None], done: str, nothing: str) -> None:
        if self.store.read_only:
            self.notify(_("Alleen-lezen: wijzigen kan hier niet."), severity="warning")
            return
        try:
            description = step()
        except SaveError:
            description = "…"
            self.check_saved()
        except WijksessieError as error:
            show_error(self, error)
            return
        if description is None:
            self.notify(nothing, severity="warning", timeout=3)
            return
        self.clock.replan(self.store.session.agenda)
        self.reload_current_phase()
        self.refresh_header()
        self.notify(f"{done}: {description}", markup=False, timeout=4)

    def reload_current_phase(self) -> None:
        """Re-read the phase on screen from the store (after an undo, a redo or a retry)."""
        for widget in self._phase_widgets(self.phase):
            widget.reload()  # type: ignore[attr-defined]

    def check_saved(self) -> None:
        """While a save has failed, retry it and keep a warning up until it succeeds.

        The warning also goes when a later change was saved by the store itself: it stayed up
        then, saying changes were only in memory while everything was on disk."""
        banner = self.query_one("#save-warning", Static)
        if self.store.unsaved:
            try:
                self.store.flush()
            except SaveError as error:
                banner.update(Text(f"⚠ {error}"))
                banner.add_class("visible")
                return
        if banner.has_class("visible"):
            banner.remove_class("visible")
            self.notify(_("Alles is weer opgeslagen."), timeout=4)

    def on_entity_pane_changed(self) -> None:
        """A list changed something (``EntityPane.Changed``): see whether it was saved.

        Handled by name, so this screen does not import the lists' module before a phase
        with a list is shown.
        """
        self.check_saved()

    async def show_phase(self, phase: Phase, tab: str = "") -> None:
        """Put ``phase`` on screen, building it the first time it is shown, on its ``tab``
        (by key; ``""``: the tab it shows already).

        One at a time, in the order asked: a key runs its action in the app's task and a click
        on the phase bar in this screen's, so a second request can come while the first waits
        for its phase to mount. Without the lock it would reload the half-built phase (and
        fail), and the first would then override the later choice.

        The tab is chosen before the keyboard goes into the phase: Textual's ``TabbedContent``
        shows the pane that receives the focus, so focusing the first tab's list and then
        switching made the two focus messages undo each other (the wall flipped between
        tabs for a while and could stay on the wrong one).
        """
        async with self._showing:
            if phase is self.phase:
                self._show_tab(phase, tab)
                return
            switcher = self.query_one("#phases", ContentSwitcher)
            if self._shown_pane(phase) is None:
                # Hidden until it is the current one. Not ContentSwitcher.add_content: it
                # mounts in a batch update, which held back the paint a long list waits for
                # before it adds the rest of its rows (phase 2 of the large session: 45 ms).
                pane = self._phase_pane(phase)
                pane.display = False
                await switcher.mount(pane)
                self.call_after_refresh(long_lived.settle_in)  # it stays until the session closes
            switcher.current = phase.value
            self._show_tab(phase, tab)
            self._phase_shown(phase)

    def _show_tab(self, phase: Phase, tab: str) -> None:
        if not tab:
            return
        pane = f"{TAB_PREFIX}{tab}"
        for tabs in self._tab_sets(phase):
            if tabs.query(f"#{pane}"):
                tabs.active = pane

    def _phase_shown(self, phase: Phase) -> None:
        """Start the phase's clock, bring the phase up to date and put the keyboard in it."""
        self.query_one(PhaseBar).current = phase
        self.clock.switch(phase)
        self.save_clock()
        self.refresh_header()
        for widget in self._phase_widgets(phase):
            widget.reload()  # type: ignore[attr-defined]
            widget.focus_default()  # type: ignore[attr-defined]
        self.record_position()

    def shown_tab(self, phase: Phase) -> str:
        """The tab ``phase`` shows now (``""`` for a phase without tabs), by its key."""
        found = self._tab_sets(phase)
        active = found[0].active if found else ""
        return active.removeprefix(TAB_PREFIX)

    def record_position(self) -> None:
        """Tell a wall that follows this session which phase and tab are on screen.

        Only the editing window does (a read-only view never writes); a folder that refuses
        the little file only costs the wall its following, so that is not worth a message.
        """
        if self.read_only or self.store.path is None:
            return
        position = WallPosition(self.phase.value, self.shown_tab(self.phase))
        if position == self._recorded:
            return
        try:
            write_wall_position(self.store.path, position)
        except OSError:
            return
        self._recorded = position

    @on(TabShown)
    def _tab_shown(self, event: TabShown) -> None:
        event.stop()
        self.record_position()

    def _tab_sets(self, phase: Phase) -> list[TabbedContent]:
        """The tabbed views of ``phase`` (none before it was first shown).

        Found by their type's name: importing ``TabbedContent`` (and its tabs) cost a cold
        open about 2 ms, and phase 1 has none.
        """
        pane = self._shown_pane(phase)
        return [] if pane is None else list(pane.query("TabbedContent"))  # type: ignore[arg-type]

    def _phase_widgets(self, phase: Phase) -> list[Widget]:
        """The widget showing ``phase`` (none before it was first shown)."""
        pane = self._shown_pane(phase)
        return [] if pane is None else list(pane.children)

    @on(PhaseBar.Chosen)
    async def _phase_clicked(self, event: PhaseBar.Chosen) -> None:
        await self.show_phase(event.phase)

    @on(SessionPhase.Saved)
    def _session_saved(self) -> None:
        self.clock.replan(self.store.session.agenda)
        self.refresh_header()
        self.check_saved()

    @_once_mounted
    async def action_step(self, delta: int) -> None:
        """Go to the next or previous phase."""
        index = AVAILABLE_PHASES.index(self.phase) + delta
        await self.show_phase(AVAILABLE_PHASES[max(0, min(len(AVAILABLE_PHASES) - 1, index))])

    async def action_show_phase(self, phase: str) -> None:
        """Go to one phase."""
        await self.show_phase(Phase(phase))

    @_once_mounted
    def action_park(self) -> None:
        """Put an idea on the parking lot without leaving the phase."""
        if self.store.read_only:
            self.notify(_("Alleen-lezen: parkeren kan hier niet."), severity="warning")
            return
        from wijksessie.ui.widgets.form_dialog import FormDialog, FormField

        def save(values: Values) -> dict[str, str]:
            try:
                self.store.add(ParkingItem(values["text"].strip()))
            except SaveError:
                pass  # kept in memory: the screen warns and saves it once it can
            except WijksessieError as error:
                return getattr(error, "problems", None) or {"text": str(error)}
            self.notify(_("Geparkeerd."), timeout=2)
            return {}

        field = FormField("text", _("Idee voor later"), placeholder=_("wat komt nu niet aan bod?"))
        self.app.push_screen(FormDialog(_("Parkeerplaats"), [field], {"text": ""}, save))

    def commands(self) -> Iterable[SystemCommand]:
        """This screen's actions for the command palette, in Dutch."""
        for number, entry in enumerate(PHASES, start=1):
            yield SystemCommand(
                _("Naar fase {number}: {phase}").format(number=number, phase=entry.label),
                entry.key_display,
                partial(self.action_show_phase, entry.phase.value),
            )
        yield SystemCommand(_("Ongedaan maken"), "ctrl+z", self.action_undo)
        yield SystemCommand(_("Opnieuw doen"), "ctrl+y", self.action_redo)
        yield SystemCommand(_("Idee parkeren"), "ctrl+t", self.action_park)
        yield SystemCommand(_("Timer starten of pauzeren"), "F9", self.action_toggle_clock)
        if not self.read_only and self.store.path is not None:
            yield SystemCommand(
                _("Muurscherm openen"),
                _("Een tweede venster voor de beamer dat deze sessie live volgt"),
                self.action_wall_command,
            )
        yield SystemCommand(_("Terug naar het overzicht"), "esc esc", self.leave)

    def wall_command(self) -> str:
        """The command that opens the wall following this session, to type in a second terminal."""
        path = self.store.path.resolve() if self.store.path is not None else ""
        return f"wijksessie view {shlex.quote(str(path))} --volg"

    def action_wall_command(self) -> None:
        """Say (and copy) the command that opens the wall in a second terminal.

        Starting it from here is not sensible: which terminal, on which screen, is the
        facilitator's choice (Windows Terminal, iTerm2, a tmux pane). The command is put on the
        clipboard too, where the terminal allows it.
        """
        command = self.wall_command()
        self.app.copy_to_clipboard(command)
        self.notify(
            _(
                "Open een tweede terminal (op de beamer) en typ:\n{command}\n"
                "Die volgt deze sessie live, alleen-lezen. (Ook naar het klembord gekopieerd, "
                "als de terminal dat toestaat.)"
            ).format(command=command),
            title=_("Muurscherm"),
            markup=False,
            timeout=30,
        )

    def action_close(self) -> None:
        """Leave a text field or a filter for the phase's main list; from a list, a second Esc
        within ``LEAVE_WITHIN`` seconds saves and goes back to the start screen.

        One stray Esc must never close the session in front of the room: not in a field (where
        the README promises it leaves the field), and not on a list either, where an Esc meant
        for a form that ctrl+s had already closed used to land (tried in tmux at speed).
        """
        if isinstance(self.focused, Input | TextArea):
            for widget in self._phase_widgets(self.phase):
                widget.focus_default()  # type: ignore[attr-defined]
            return
        now = time.monotonic()
        if now - self._esc_at > LEAVE_WITHIN:
            self._esc_at = now
            self.notify(
                _("Nog een keer esc: terug naar het overzicht."),
                timeout=LEAVE_WITHIN,
                markup=False,
            )
            return
        self._esc_at = 0.0
        self.leave()

    def leave(self) -> None:
        """Save and go back to the start screen; asks first while saves fail."""
        if self.saves_failing():
            from wijksessie.ui.widgets.unsaved_dialog import UnsavedDialog

            self.app.push_screen(UnsavedDialog(self.unsaved_question()), self._close_answered)
            return
        self.finish()
        self._left = True
        self.post_message(SessionLeft(self))

    def _close_answered(self, answer: str | None) -> None:
        if answer is None:
            return
        try:
            told = self.rescue(answer)
        except SaveError as error:
            self.notify(str(error), severity="error", markup=False, timeout=30)
            return
        self._left = True
        self.post_message(SessionLeft(self))
        self.app.notify(told, severity="warning", markup=False, timeout=60)

    def finish(self) -> None:
        """Save pending edits and the clock, and close the store; safe to call twice."""
        self._settle()
        if not self.read_only and self.store.path is not None:
            remove_wall_position(self.store.path)
        try:
            self.store.close()
        except WijksessieError as error:
            show_error(self, error, timeout=15)

    def _settle(self, *, pause: bool = True) -> None:
        """Hand pending edits and the clock's time to the store (stopping the clock first)."""
        for phase in self.query(SessionPhase):
            phase.save_now()
        if hasattr(self, "clock"):
            if pause:
                self.clock.pause()
            self.save_clock()

    # -- leaving while saves fail (issue 19.3) -------------------------------------------

    def saves_failing(self) -> bool:
        """Hand over pending edits and retry a failed save; True while it still fails.

        Then the changes exist only in this window, and leaving would drop them: the caller
        asks first (``UnsavedDialog``) and carries out the answer with ``rescue``.
        """
        self._settle(pause=False)  # the room's countdown runs on if the answer is "back"
        self.check_saved()
        return self.store.unsaved

    def unsaved_question(self) -> str:
        """What the dialog asks about this session."""
        name = self.store.path.name if self.store.path is not None else _("de sessie")
        return _(
            "Opslaan van {name} lukt nu niet. Wat nog niet is opgeslagen, gaat verloren als "
            "de sessie nu sluit. Een noodkopie komt in {folder}."
        ).format(name=name, folder=emergency_dir())

    def rescue(self, answer: str) -> str:
        """Close the session as ``answer`` says (an emergency copy first, or not); what to tell.

        ``SaveError`` when the emergency copy fails too: then the session stays open.
        """
        self._settle()
        from wijksessie.ui.widgets.unsaved_dialog import COPY

        name = self.store.path.name if self.store.path is not None else _("de sessie")
        if answer == COPY:
            path = self.store.save_emergency_copy()
            told = _(
                "Opslaan van {name} lukte niet. Uw wijzigingen staan in een noodkopie: {path}"
            ).format(name=name, path=path)
        else:
            told = _(
                "Opslaan van {name} lukte niet; de wijzigingen die niet waren opgeslagen, zijn "
                "niet bewaard."
            ).format(name=name)
        if self.store.path is not None:
            remove_wall_position(self.store.path)
        self.store.close_without_saving()
        return told
