"""The wijksessie Textual app: a thin shell that opens the start screen or a session."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from wijksessie.domain.dates import format_date
from wijksessie.domain.record import record
from wijksessie.errors import SessionLockedError, ValidationError, WijksessieError
from wijksessie.i18n import N_, _, current_language
from wijksessie.services.sessions import move_to_trash
from wijksessie.store.settings import Language, load_settings, save_settings
from wijksessie.store.settings import Theme as ThemeChoice
from wijksessie.ui import long_lived
from wijksessie.ui.key_order import KeysInOrder
from wijksessie.ui.messages import DeleteSession, FollowUpSession, OpenSession, SessionLeft
from wijksessie.ui.screens.start import StartScreen
from wijksessie.ui.show_error import show_error
from wijksessie.ui.themes import PROJECTOR, TEXTUAL_THEMES
from wijksessie.ui.widgets.confirm import ConfirmDialog
from wijksessie.ui.widgets.row_list import RowList

if TYPE_CHECKING:
    from wijksessie.store import SessionStore
    from wijksessie.ui.screens.session import SessionScreen
    from wijksessie.ui.widgets.form_dialog import Values

# The session screen, the store, forms and dialogs are imported where they are first used: the
# start screen should not wait for TinyDB, the analysis, summary and import code to load.

START_MODE = "start"
"""The start screen's own screen stack, after a session opened from the command line closed."""

NEW_SESSION_FIELDS = (
    ("title", N_("Titel"), N_("bijv. Netwerksessie eenzaamheid")),
    ("wijk", N_("Wijk"), N_("bijv. Kruidenbuurt")),
    ("date", N_("Datum"), N_("leeg = vandaag; bijv. 3-12-2026")),
)


@record
class Restart:
    """What the app asks of the command line as it exits: start again in ``language``.

    Screens, keys and column titles are put into words as their modules load, so a new
    language takes a fresh start; the command line starts ``wijksessie`` again, back in the
    session that was open (everything in it is saved already).
    """

    language: str
    session: Path | None = None
    read_only: bool = False
    follow: bool = False


class WijksessieApp(KeysInOrder["Restart | None"]):
    """Guides a facilitator through a neighbourhood network session.

    ``store``, when given, is an already opened session (the CLI opens it, so that a bad file
    is reported on the command line); the app shows it at once and closes it on exit.
    """

    TITLE = "wijksessie"
    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [
        Binding("ctrl+q", "quit", _("Afsluiten"), id="app.quit", show=False),
        Binding("f8", "toggle_projector", _("Projector"), id="app.projector", priority=True),
        Binding("question_mark", "help", _("Hulp"), id="app.help"),
        Binding("ctrl+l", "spotlight", _("Spotlight"), id="app.spotlight", show=False),
        # Textual's own palette key, put into words: the key bar shows "^p opdrachten".
        Binding(
            "ctrl+p",
            "command_palette",
            _("opdrachten"),
            id="app.palette",
            show=False,
            priority=True,
            tooltip=_("Het opdrachtenpalet openen"),
        ),
    ]

    projector: reactive[bool] = reactive(False)
    """Projector mode: high contrast, and contact details masked wherever they could show."""

    def __init__(
        self, folder: Path, store: SessionStore | None = None, *, follow: bool = False
    ) -> None:
        super().__init__()
        self.folder = folder
        self.initial_store = store
        self.follow = follow
        """This window is the wall that follows ``store`` while another window edits it."""
        self.settings = load_settings()
        self.register_theme(PROJECTOR)
        self.theme = TEXTUAL_THEMES[self.settings.theme]
        self.set_reactive(WijksessieApp.projector, self.settings.theme is ThemeChoice.PROJECTOR)
        if follow:  # the wall starts in projector mode; the settings stay the desk's choice
            self.theme = TEXTUAL_THEMES[ThemeChoice.PROJECTOR]
            self.set_reactive(WijksessieApp.projector, True)
            # A change appears on the wall at once, not sliding: a projector smears motion,
            # and the wall changes tabs by itself, when the editor does. (A tab's underline
            # animated from such a change while the wall closed also kept Textual's test
            # pilot waiting for an animator that had already stopped: a hang in tests.)
            self.animation_level = "none"
        self.farewell = ""
        """What the app said as it quit (also printed below the terminal's prompt)."""
        self._signals: list[int] = []
        """The signals ``hang_up`` answers (removed again as the app ends)."""
        self._desk_theme = (
            ThemeChoice.DARK
            if self.settings.theme is ThemeChoice.PROJECTOR
            else self.settings.theme
        )
        """The theme F8 returns to when projector mode goes off."""

    DEFAULT_MODE = "first"
    """The screen stack the app starts in: the start screen, or a session opened from the
    command line (``get_default_screen``). Named so that ``close_session`` can let it go."""

    def get_default_screen(self) -> Screen[Any]:
        """The app's first screen: the start screen, or the session opened from the command
        line.

        A first screen is built and styled once, with the app's first layout. A pushed screen
        is laid out and painted once more when its widgets have mounted (Textual's
        ``AwaitMount``), and a session pushed from the command line also sat on a blank
        default screen of its own (issue 20; with ``StyledOnce.on_resize``, three of the six
        paints before a cold-opened session settles are gone). Closing a session that is the
        first screen gives the start screen a screen stack of its own (``close_session``).
        """
        if self.initial_store is None:
            return StartScreen(self.folder)
        return self._session_screen(self.initial_store, follow=self.follow)

    def on_load(self) -> None:
        long_lived.hold_collections()

    def on_unmount(self) -> None:
        long_lived.stopped()
        self._off_hang_up()

    def on_mount(self) -> None:
        self.call_after_refresh(long_lived.started)
        self._on_hang_up()
        self.set_class(self.projector, "-projector")
        if self.initial_store is not None:
            self._report_fixes(self.initial_store)

    def show_session(self, store: SessionStore, *, review: bool = False) -> None:
        """Open the session screen on ``store`` over the start screen, with the review round
        for a follow-up (``review``)."""
        self.push_screen(self._session_screen(store, review=review))
        self._report_fixes(store)

    @staticmethod
    def _session_screen(
        store: SessionStore, *, review: bool = False, follow: bool = False
    ) -> SessionScreen:
        """The session screen on ``store``, or the wall that follows it (``follow``, on a
        read-only store)."""
        if follow:
            from wijksessie.ui.screens.wall import WallScreen

            return WallScreen(store)
        from wijksessie.ui.screens.session import SessionScreen

        return SessionScreen(store, review=review)

    def _report_fixes(self, store: SessionStore) -> None:
        if store.load_fixes:
            from wijksessie.domain.tidy import summary_line

            self.notify(
                summary_line(store.load_fixes), severity="warning", markup=False, timeout=20
            )

    @on(SessionLeft)
    def close_session(self, message: SessionLeft) -> None:
        """Back from the session screen (saved and closed) to the start screen.

        A session opened from the start screen lies on it: it is dismissed. A session opened
        from the command line is the first screen, and Textual cannot pop or switch away the
        first screen of a stack; the start screen gets a mode (a screen stack) of its own, and
        the first mode is removed, which unmounts the session's screen as a pop does.
        """
        screen = message.screen
        if self.screen_stack[0] is not screen:
            screen.dismiss(None)
            return
        self.add_mode(START_MODE, partial(StartScreen, self.folder))
        self.switch_mode(START_MODE)
        # The first mode was not registered when the app started: a registered mode's screen
        # is built the slower way (see get_default_screen). remove_mode lets only a
        # registered mode go, so it is registered now, with the screen it already has.
        self.add_mode(self.DEFAULT_MODE, lambda: screen)
        self.remove_mode(self.DEFAULT_MODE)

    async def action_quit(self) -> None:
        """Save and release every open session before leaving.

        While a session cannot be saved, its changes exist only in this window: ask first,
        offering an emergency copy (issue 19.3).
        """
        failing = [screen for screen in self._session_screens() if screen.saves_failing()]
        if failing:
            from wijksessie.ui.widgets.unsaved_dialog import UnsavedDialog

            question = "\n\n".join(screen.unsaved_question() for screen in failing)
            self.push_screen(UnsavedDialog(question), partial(self._quit_answered, failing))
            return
        self._finish_sessions()
        self.exit()

    def _on_hang_up(self) -> None:
        """Close as ``ctrl+q`` does when the terminal goes (its window closed, an SSH link
        lost: SIGHUP) or the system asks the app to stop (SIGTERM).

        Python's own answer to either is to end at once: the edits the form saves a moment
        after the last key (the session's fields) were lost, the wall's position file stayed,
        and changes a full disk held in memory were gone without an emergency copy.
        """
        if self.is_headless:  # no terminal to lose (tests call ``hang_up`` themselves)
            return
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for name in ("SIGHUP", "SIGTERM"):
            number = getattr(signal, name, None)
            if number is None:  # not on Windows
                continue
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self.hang_up)
                self._signals.append(number)

    def _off_hang_up(self) -> None:
        import asyncio

        loop = asyncio.get_running_loop()
        for number in self._signals:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(number)
        self._signals.clear()

    def hang_up(self) -> None:
        """Save and close every open session with nobody to ask, and end the app: what a full
        disk keeps from being saved goes into an emergency copy (``ctrl+q`` would ask)."""
        from wijksessie.ui.widgets.unsaved_dialog import COPY

        told = []
        for screen in self._session_screens():
            if screen.saves_failing():
                try:
                    told.append(screen.rescue(COPY))
                except WijksessieError as error:
                    told.append(str(error))
        self._finish_sessions()
        self.farewell = "\n".join(told)
        self.exit(message=Text(self.farewell) if told else None)

    def _quit_answered(self, failing: list[SessionScreen], answer: str | None) -> None:
        if answer is None:
            return
        told = []
        for screen in failing:
            try:
                told.append(screen.rescue(answer))
            except WijksessieError as error:
                self.notify(str(error), severity="error", markup=False, timeout=30)
                return
        self._finish_sessions()
        self.farewell = "\n".join(told)
        self.exit(message=Text(self.farewell))

    def _session_screens(self) -> list[SessionScreen]:
        from wijksessie.ui.screens.session import SessionScreen

        return [screen for screen in self.screen_stack if isinstance(screen, SessionScreen)]

    def _finish_sessions(self) -> None:
        for screen in self._session_screens():
            screen.finish()

    def action_command_palette(self) -> None:
        """Open the command palette, in Dutch."""
        from wijksessie.ui.widgets.palette import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def search_commands(self, commands: Any, placeholder: str = "") -> Any:
        """A palette of the given choices (the language, the theme), in Dutch."""
        from textual.command import SimpleProvider

        from wijksessie.ui.widgets.palette import Palette

        return self.push_screen(
            Palette(
                providers=[SimpleProvider(self.screen, commands)],
                placeholder=placeholder or _("Zoek…"),
            )
        )

    def search_themes(self) -> None:
        """The themes to choose from, in a Dutch palette."""
        from textual.theme import ThemeProvider

        from wijksessie.ui.widgets.palette import Palette

        self.push_screen(Palette(providers=[ThemeProvider], placeholder=_("Zoek een thema…")))

    # -- language -----------------------------------------------------------------------

    def action_change_language(self) -> None:
        """Offer Nederlands and English in the command palette."""
        self.search_commands(
            [
                ("Nederlands", partial(self.switch_language, "nl"), "Nederlands"),
                ("English", partial(self.switch_language, "en"), "English"),
            ],
            placeholder=_("Kies de taal…"),
        )

    def switch_language(self, language: str) -> None:
        """Remember ``language`` and start again in it, in the session that is open now."""
        if language == current_language():
            self.notify(_("Deze taal staat al aan."), timeout=3)
            return
        if any(screen.saves_failing() for screen in self._session_screens()):
            self.notify(
                _("Opnieuw starten kan pas als opslaan weer lukt."), severity="error", timeout=8
            )
            return
        from wijksessie.ui.screens.session import SessionScreen

        self.settings = replace(self.settings, language=Language(language))
        try:
            save_settings(self.settings)
        except WijksessieError as error:  # the restart still asks for it with --lang
            show_error(self, error, severity="warning")
        open_now = next(
            (s for s in reversed(self.screen_stack) if isinstance(s, SessionScreen)), None
        )
        store = open_now.store if open_now is not None else None
        self._finish_sessions()
        self.exit(
            Restart(
                language,
                store.path if store is not None else None,
                store.read_only if store is not None else False,
                self.follow,
            )
        )

    # -- the room: projector, help, spotlight -------------------------------------------

    def watch_projector(self, projector: bool) -> None:
        self.set_class(projector, "-projector")

    @property
    def masked(self) -> bool:
        """Contact details (and lists of names) stay off the screen: projector mode, or the
        wall, whatever its theme."""
        return self.projector or self.follow

    def fewer_columns(self, screen: Screen[object]) -> bool:
        """Whether lists leave their secondary columns out: on the wall, or on a narrow terminal."""
        return self.projector or screen.has_class("-narrow")

    def action_toggle_projector(self) -> None:
        """Switch projector mode on or off, and remember the choice for next time."""
        if self.projector:
            previous = self._desk_theme
            self.theme = TEXTUAL_THEMES[previous]
            self.notify(_("Projectormodus uit."), timeout=3)
        else:
            self.theme = TEXTUAL_THEMES[ThemeChoice.PROJECTOR]
            self.notify(_("Projectormodus aan: contactgegevens worden gemaskeerd."), timeout=3)

    def watch_theme(self, theme: str) -> None:
        """Follow a theme change (F8 or the palette): projector mode, and remember it."""
        choice = next((c for c, name in TEXTUAL_THEMES.items() if name == theme), None)
        if choice is None or not self.is_mounted:
            return
        self.projector = choice is ThemeChoice.PROJECTOR
        if choice is not ThemeChoice.PROJECTOR:
            self._desk_theme = choice
        if choice is self.settings.theme or self.follow:  # the wall never changes the desk's
            return
        self.settings = replace(self.settings, theme=choice)
        try:
            save_settings(self.settings)
        except WijksessieError as error:
            show_error(self, error, severity="warning")

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        from wijksessie.ui.widgets.help_screen import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        seen: set[str] = set()
        keys: list[tuple[str, str, str]] = []
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if binding.description and binding.description not in seen:
                seen.add(binding.description)
                keys.append((key, self.get_key_display(binding), binding.description))
        self.push_screen(HelpScreen(keys, _("Toetsen op dit scherm")))

    def action_spotlight(self) -> None:
        """Show the row under the cursor big and alone."""
        # Loaded here: the start screen has no DataTable, and a cold start need not load it.
        from textual.widgets import DataTable

        from wijksessie.ui.widgets.entity_pane import EntityPane
        from wijksessie.ui.widgets.spotlight import SpotlightScreen

        table = self.focused
        if not isinstance(table, DataTable | RowList) or not table.row_count:
            self.notify(_("Zet de cursor eerst op een regel in een lijst."), severity="warning")
            return
        cells = [str(cell) for cell in table.get_row_at(table.cursor_row) if str(cell).strip()]
        pane = next((a for a in table.ancestors if isinstance(a, EntityPane)), None)
        heading = pane.title if pane is not None else _("Spotlight")
        self.push_screen(SpotlightScreen(heading, "\n".join(cells[:3])))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette in Dutch: the app's own actions first."""
        from wijksessie.ui.screens.session import SessionScreen

        yield SystemCommand(
            _("Projectormodus aan/uit"),
            _("Hoog contrast, gemaskeerde contactgegevens"),
            self.action_toggle_projector,
        )
        yield SystemCommand(_("Toetsen tonen"), _("Alle toetsen van dit scherm"), self.action_help)
        yield SystemCommand(
            _("Thema kiezen"), _("Donker, licht of projector"), self.action_change_theme
        )
        yield SystemCommand(
            _("Taal kiezen"),
            _("Nederlands of English; wijksessie start opnieuw in die taal"),
            self.action_change_language,
        )
        if isinstance(screen, SessionScreen):
            yield from screen.commands()
        if isinstance(screen, StartScreen):
            yield SystemCommand(
                _("Nieuwe sessie"), _("Een nieuwe sessie maken"), self.action_new_session
            )
            yield SystemCommand(
                _("Demosessie openen"), _("De voorbeeldsessie Kruidenbuurt"), self.action_demo
            )
        yield SystemCommand(_("Afsluiten"), _("Vraagt eerst als opslaan mislukt"), self.action_quit)

    # -- opening ------------------------------------------------------------------------

    @on(OpenSession)
    def _open_requested(self, message: OpenSession) -> None:
        self.open_session(message.path)

    def open_session(self, path: Path) -> None:
        """Open a session for editing; when it is locked, offer to open it read-only."""
        from wijksessie.services.sessions import open_session

        try:
            store = open_session(path)
        except SessionLockedError as error:
            self._offer_read_only(path, str(error))
            return
        except WijksessieError as error:
            show_error(self, error, timeout=10)
            return
        self.show_session(store)

    def _offer_read_only(self, path: Path, reason: str) -> None:
        from wijksessie.services.sessions import open_session

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                store = open_session(path, read_only=True)
            except WijksessieError as error:
                show_error(self, error, timeout=10)
                return
            self.show_session(store)

        question = _("{reason}\n\nAlleen-lezen openen?").format(reason=reason)
        self.push_screen(ConfirmDialog(question, _("Alleen-lezen"), _("Annuleren")), answered)

    # -- creating -----------------------------------------------------------------------

    def action_new_session(self) -> None:
        """Ask for a title, wijk and date, then create the file and open it."""
        from wijksessie.services.sessions import create_session

        created: list[SessionStore] = []

        def save(values: Values) -> dict[str, str]:
            try:
                created.append(
                    create_session(
                        self.folder,
                        title=values["title"],
                        wijk=values["wijk"],
                        date_text=values["date"],
                    )
                )
            except ValidationError as error:
                return error.problems
            except WijksessieError as error:
                return {"title": str(error)}
            except OSError as error:
                return {"title": _("Kan de sessie niet aanmaken: {error}").format(error=error)}
            return {}

        def done(saved: bool | None) -> None:
            if saved and created:
                self.show_session(created[0])

        from wijksessie.ui.widgets.form_dialog import FormDialog, FormField

        fields = [
            FormField(name, _(label), placeholder=_(hint))
            for name, label, hint in NEW_SESSION_FIELDS
        ]
        self.push_screen(FormDialog(_("Nieuwe sessie"), fields, {}, save), done)

    def action_demo(self) -> None:
        """Open the demo session, creating it when it is not there yet."""
        from wijksessie.services.sessions import open_demo

        try:
            store = open_demo(self.folder)
        except WijksessieError as error:
            show_error(self, error, timeout=10)
            return
        self.show_session(store)

    @on(FollowUpSession)
    def _follow_up_requested(self, message: FollowUpSession) -> None:
        from wijksessie.services.sessions import follow_up_session, read_session

        try:
            previous = read_session(message.path)
        except WijksessieError as error:
            show_error(self, error, timeout=10)
            return
        created: list[SessionStore] = []

        from wijksessie.ui.widgets.form_dialog import FormDialog, FormField

        def save(values: Values) -> dict[str, str]:
            try:
                created.append(
                    follow_up_session(
                        message.path,
                        title=values["title"],
                        date_text=values["date"],
                        today=date.today(),
                    )
                )
            except ValidationError as error:
                return error.problems
            except WijksessieError as error:
                return {"title": str(error)}
            return {}

        def done(saved: bool | None) -> None:
            if saved and created:
                self.show_session(created[0], review=True)

        values = {"title": previous.title, "date": format_date(previous.next_date)}
        hint = (
            _("leeg = de geplande vervolgdatum")
            if previous.next_date
            else _("bijv. 3-12-2026 (er is geen vervolgdatum gepland)")
        )
        fields = [
            FormField("title", _("Titel van de vervolgsessie")),
            FormField("date", _("Datum"), placeholder=hint),
        ]
        self.push_screen(FormDialog(_("Vervolgsessie"), fields, values, save), done)

    # -- deleting -----------------------------------------------------------------------

    @on(DeleteSession)
    def _delete_requested(self, message: DeleteSession) -> None:
        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                target = move_to_trash(message.path)
            except WijksessieError as error:
                show_error(self, error, timeout=10)
                return
            except OSError as error:
                self.notify(
                    _("Verwijderen mislukt: {error}").format(error=error),
                    severity="error",
                    markup=False,
                )
                return
            self.notify(
                _("Verplaatst naar {folder}/{file}").format(
                    folder=target.parent.name, file=target.name
                ),
                markup=False,
            )
            screen = self.screen
            if isinstance(screen, StartScreen):
                screen.action_refresh()

        question = _(
            "Sessie ‘{title}’ verwijderen?\n\n"
            "Het bestand gaat naar {folder}/.prullenbak/ "
            "en kan daar terug worden gehaald."
        ).format(title=message.title, folder=self.folder.name)
        self.push_screen(ConfirmDialog(question, _("Verwijderen"), _("Annuleren")), answered)
