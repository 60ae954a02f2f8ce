"""The command line: the only place that parses arguments.

Every problem a user can cause (a missing, damaged, foreign, newer or locked file, a date that
is not a date, an empty title) ends as one Dutch line on stderr and exit code 2, never a
traceback. The Textual app is imported only when it is launched, so ``wijksessie list`` stays
fast; tests replace ``launch_app`` so they never start the TUI.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import wijksessie
from wijksessie.commands import exchange as exchange_command
from wijksessie.commands import network as network_command
from wijksessie.commands import summary as summary_command
from wijksessie.commands.common import (
    LANG_OPTIONS,
    DutchFormatter,
    add_command,
    add_folder,
    add_help,
    add_language,
    session_path,
    sessions_folder,
    tell,
)
from wijksessie.domain.dates import DateError, long_date
from wijksessie.domain.text import visible
from wijksessie.errors import WijksessieError
from wijksessie.i18n import N_, _, resolve_language, set_language
from wijksessie.services.sessions import DEMO_FILE, SessionInfo, list_sessions, open_session
from wijksessie.store.conflicts import describe
from wijksessie.store.folder import ENV_DIR
from wijksessie.store.settings import load_settings

# The model, the store (TinyDB, the file lock) and the summary and import code load in the
# command that needs them (the services import them lazily): ``wijksessie`` itself should open
# its start screen without them.

if TYPE_CHECKING:
    from rich.table import Table

    from wijksessie.store.session_store import SessionStore
    from wijksessie.ui.app import Restart

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USER = 2
DEBUG_ENV = "WIJKSESSIE_DEBUG"


def launch_app(folder: Path, store: SessionStore | None, *, follow: bool = False) -> int | None:
    """Run the Textual app on ``folder``, showing ``store`` at once when given (``follow``: as
    the wall that follows it while another window edits it).

    Imported here, not at the top, so that commands without a screen never pay for Textual.
    The store is closed afterwards even if the app did not get to it.
    """
    from wijksessie.ui.app import Restart, WijksessieApp

    try:
        app = WijksessieApp(folder, store, follow=follow)
        app.run()
    finally:
        if store is not None:
            store.close()
    if isinstance(app.return_value, Restart):
        argv = restart_argv(app.return_value, folder)
        sys.stdout.flush()
        os.execv(argv[0], argv)
    return app.return_code


def restart_argv(restart: Restart, folder: Path) -> list[str]:
    """The command that starts ``wijksessie`` again as ``restart`` asks (new language)."""
    argv = [sys.executable, "-m", "wijksessie", "--lang", restart.language, "--dir", str(folder)]
    if restart.session is not None:
        argv += ["view" if restart.read_only else "open", str(restart.session)]
        if restart.follow:
            argv.append("--volg")
    return argv


def main(argv: list[str] | None = None) -> int:
    """Run the ``wijksessie`` command; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    forgiving_output()
    set_language(resolve_language(_lang_option(argv), load_settings().language))
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_USER
    try:
        return args.handler(args)
    except (WijksessieError, DateError) as error:
        return _fail(str(error), EXIT_USER)
    except OSError as error:
        from wijksessie.store.os_errors import reason as os_reason

        where = error.filename or _("het bestand")
        reason = os_reason(error)
        return _fail(
            _("Kan niet bij {where}: {reason}.").format(where=where, reason=reason), EXIT_USER
        )
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            raise
        return _fail(
            _("Onverwachte fout ({kind}: {error}). Zet {env}=1 voor de details.").format(
                kind=type(error).__name__, error=error, env=DEBUG_ENV
            ),
            EXIT_UNEXPECTED,
        )


def forgiving_output() -> None:
    """Let stdout and stderr replace what their encoding cannot write, instead of crashing.

    A Windows console or a file redirected there may be cp1252: one emoji or Polish name in a
    session made ``list`` and ``summary`` end with UnicodeEncodeError. Such a character is
    written as ``?``; UTF-8 streams are left as they are. (Rich already draws its tables with
    ASCII lines on such a stream, and plain text without colours when it is not a terminal.)
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


# -- the commands ----------------------------------------------------------------------------


def _start(args: argparse.Namespace) -> int:
    folder = sessions_folder(args)
    folder.mkdir(parents=True, exist_ok=True)
    return launch_app(folder, None) or EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from wijksessie.services.sessions import create_session

    folder = sessions_folder(args)
    store = create_session(
        folder, title=args.title, wijk=args.wijk, date_text=args.date or "", blank=date.today()
    )
    print(store.path)
    if args.open:
        return launch_app(folder, store) or EXIT_OK
    store.close()
    return EXIT_OK


def _open(args: argparse.Namespace) -> int:
    folder = sessions_folder(args)
    store = open_session(session_path(args.path, args))
    return launch_app(folder, store) or EXIT_OK


def _view(args: argparse.Namespace) -> int:
    folder = sessions_folder(args)
    store = open_session(session_path(args.path, args), read_only=True)
    return launch_app(folder, store, follow=args.follow) or EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from wijksessie.services.sessions import open_demo

    folder = sessions_folder(args)
    store = open_demo(folder)
    print(store.path)
    return launch_app(folder, store) or EXIT_OK


def _follow_up(args: argparse.Namespace) -> int:
    from wijksessie.services.sessions import follow_up_session

    folder = sessions_folder(args)
    previous = session_path(args.path, args)
    store = follow_up_session(
        previous, title=args.title, date_text=args.date or "", today=date.today(), tell=tell
    )
    print(store.path)
    if args.open:
        return launch_app(folder, store) or EXIT_OK
    store.close()
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from rich.console import Console

    folder = sessions_folder(args)
    infos = list_sessions(folder)
    if not infos:
        print(_("Nog geen sessies in {folder}.").format(folder=visible(str(folder))))
        return EXIT_OK
    Console(highlight=False).print(session_table(infos, folder))
    return EXIT_OK


def session_table(infos: list[SessionInfo], folder: Path) -> Table:
    """The sessions as a Rich table; what users typed is shown literally, never as markup."""
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(_("Sessies in {folder}").format(folder=visible(str(folder)))),
        title_justify="left",
    )
    table.add_column(_("Datum"), no_wrap=True)
    table.add_column(_("Titel"), overflow="fold")
    table.add_column(_("Wijk"), overflow="fold")
    table.add_column(_("Deelnemers"), justify="right")
    table.add_column(_("Toezeggingen"), justify="right")
    table.add_column(_("Bestand"), overflow="fold")
    for info in infos:
        title = Text(visible(info.title))
        if info.problem:
            title.append(f"\n⚠ {info.problem}", style="red")
        elif info.conflict:
            title.append(f"\n⚠ {visible(describe(info))}", style="yellow")
        table.add_row(
            Text(long_date(info.date)),
            title,
            Text(visible(info.wijk)),
            "" if info.problem else str(info.participants),
            "" if info.problem else str(info.commitments),
            Text(visible(info.path.name)),
        )
    return table


# -- helpers ---------------------------------------------------------------------------------


def _fail(message: str, code: int) -> int:
    tell(message)
    return code


# -- the parser, in Dutch --------------------------------------------------------------------


_ERRORS: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", N_(r"dit ontbreekt nog: \1")),
    (r"unrecognized arguments: (.*)", N_(r"onbekende argumenten: \1")),
    (
        r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
        N_(r"onbekend: \2 (kies uit \3)"),
    ),
    (r"argument (\S+): expected one argument", N_(r"\1 verwacht een waarde")),
    (r"ambiguous option: (.*)", N_(r"optie niet eenduidig: \1")),
)


def _translate(message: str) -> str:
    for pattern, replacement in _ERRORS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, _(replacement), message)
    return message


class _DutchParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose usage errors are Dutch and exit with code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER, f"{self.prog}: {_translate(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with Dutch help texts."""
    parser = _DutchParser(
        prog="wijksessie",
        description=_(
            "Begeleid een netwerksessie in de wijk: wie doet wat, gezamenlijke "
            "doelen, basisafspraken en toezeggingen.\nZonder opdracht opent het startscherm."
        ),
        epilog=_("De sessiemap is --sessiemap, anders ${env}, anders ./sessions.").format(
            env=ENV_DIR
        ),
        formatter_class=DutchFormatter,
        add_help=False,
    )
    options = parser.add_argument_group(_("opties"))
    add_help(options)
    options.add_argument(
        "--version",
        action="version",
        version=f"wijksessie {wijksessie.__version__}",
        help=_("toon het versienummer en stop"),
    )
    add_folder(options, default=None)
    add_language(options, default=None)
    parser.set_defaults(handler=_start)
    commands = parser.add_subparsers(title=_("opdrachten"), metavar=_("OPDRACHT"))

    arguments, options = add_command(
        commands, "new", _new, _("maak een nieuwe sessie, toon het pad")
    )
    arguments.add_argument("title", metavar=_("TITEL"), help=_("de titel van de sessie"))
    options.add_argument("--wijk", required=True, help=_("de wijk waar de sessie over gaat"))
    options.add_argument(
        "--datum",
        "--date",
        dest="date",
        metavar=_("DATUM"),
        help=_("bijv. 3-12-2026 (standaard vandaag)"),
    )
    options.add_argument("--open", action="store_true", help=_("open de nieuwe sessie meteen"))

    for name, handler, text in (
        ("open", _open, _("open een sessie om te bewerken")),
        ("view", _view, _("bekijk een sessie alleen-lezen (ook als hij elders open is)")),
    ):
        arguments, options = add_command(commands, name, handler, text)
        arguments.add_argument(
            "path",
            metavar=_("PAD"),
            help=_("het sessiebestand, of alleen zijn naam in de sessiemap"),
        )
        if name == "view":
            options.add_argument(
                "--volg",
                "--follow",
                dest="follow",
                action="store_true",
                help=_(
                    "de muur: volg live de fase, het tabblad en elke wijziging van het venster "
                    "dat de sessie bewerkt (voor de beamer)"
                ),
            )

    arguments, options = add_command(
        commands, "vervolg", _follow_up, _("maak de vervolgsessie, met de open toezeggingen")
    )
    arguments.add_argument(
        "path", metavar=_("PAD"), help=_("de vorige sessie, of alleen haar naam in de sessiemap")
    )
    options.add_argument("--titel", dest="title", help=_("standaard de titel van de vorige sessie"))
    options.add_argument(
        "--datum",
        "--date",
        dest="date",
        metavar=_("DATUM"),
        help=_("standaard de geplande vervolgdatum"),
    )
    options.add_argument("--open", action="store_true", help=_("open de vervolgsessie meteen"))

    add_command(commands, "list", _list, _("toon alle sessies in de sessiemap"))
    add_command(
        commands,
        "demo",
        _demo,
        _("open de voorbeeldsessie Kruidenbuurt ({file})").format(file=DEMO_FILE),
    )
    exchange_command.register(commands)
    summary_command.register(commands)
    network_command.register(commands)
    return parser


def _lang_option(argv: list[str]) -> str | None:
    """The ``--taal`` (``--lang``) value anywhere in ``argv``, read before the parser is built.

    The parser's own help texts are translated, so the language must be known first.
    """
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        option, equals, value = arg.partition("=")
        if option in LANG_OPTIONS:
            if equals:
                return value
            return argv[index + 1] if index + 1 < len(argv) else None
    return None
