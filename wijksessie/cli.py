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
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import wijksessie
from wijksessie.commands import exchange as exchange_command
from wijksessie.commands import network as network_command
from wijksessie.commands import summary as summary_command
from wijksessie.domain.dates import DateError, long_date, parse_date
from wijksessie.domain.text import visible
from wijksessie.errors import SessionFileError, WijksessieError
from wijksessie.i18n import LANG_ENV, LANGUAGES, N_, _, resolve_language, set_language
from wijksessie.store.folder import (
    DEMO_FILE,
    ENV_DIR,
    SessionInfo,
    list_sessions,
    new_session_path,
)
from wijksessie.store.folder import sessions_dir as default_sessions_dir
from wijksessie.store.settings import load_settings

# The model, the store (TinyDB, the file lock) and the summary and import code load in the
# command that needs them: ``wijksessie`` itself should open its start screen without them.

if TYPE_CHECKING:
    from rich.table import Table

    from wijksessie.store.session_store import SessionStore
    from wijksessie.ui.app import Restart

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USER = 2
DEBUG_ENV = "WIJKSESSIE_DEBUG"


def launch_app(folder: Path, store: SessionStore | None) -> int | None:
    """Run the Textual app on ``folder``, showing ``store`` at once when given.

    Imported here, not at the top, so that commands without a screen never pay for Textual.
    The store is closed afterwards even if the app did not get to it.
    """
    from wijksessie.ui.app import Restart, WijksessieApp

    try:
        app = WijksessieApp(folder, store)
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
    return argv


def main(argv: list[str] | None = None) -> int:
    """Run the ``wijksessie`` command; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
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
        where = error.filename or _("het bestand")
        reason = error.strerror or error
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


# -- the commands ----------------------------------------------------------------------------


def _start(args: argparse.Namespace) -> int:
    folder = _folder(args)
    folder.mkdir(parents=True, exist_ok=True)
    return launch_app(folder, None) or EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from wijksessie.domain.model import Session
    from wijksessie.domain.validation import validate
    from wijksessie.store.session_store import SessionStore

    when = (parse_date(args.date) if args.date else None) or date.today()
    session = Session(title=args.title.strip(), wijk=args.wijk.strip(), date=when)
    validate(session)
    folder = _folder(args)
    folder.mkdir(parents=True, exist_ok=True)
    path = new_session_path(folder, session.title, when)
    store = SessionStore.create(path, session)
    print(path)
    if args.open:
        return launch_app(folder, store) or EXIT_OK
    store.close()
    return EXIT_OK


def _open(args: argparse.Namespace) -> int:
    from wijksessie.store.session_store import SessionStore

    folder = _folder(args)
    store = SessionStore.open(_session_path(args.path, folder))
    return launch_app(folder, store) or EXIT_OK


def _view(args: argparse.Namespace) -> int:
    from wijksessie.store.session_store import SessionStore

    folder = _folder(args)
    store = SessionStore.open(_session_path(args.path, folder), read_only=True)
    return launch_app(folder, store) or EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from wijksessie.store.bulk import open_demo

    folder = _folder(args)
    store = open_demo(folder)
    print(store.path)
    return launch_app(folder, store) or EXIT_OK


def _follow_up(args: argparse.Namespace) -> int:
    from wijksessie.store.bulk import write_follow_up
    from wijksessie.store.session_store import SessionStore

    folder = _folder(args)
    previous = _session_path(args.path, folder)
    when = parse_date(args.date) if args.date else None
    if args.title is None:
        with SessionStore.open(previous, read_only=True) as old:
            title = old.session.title
    else:
        title = args.title
    store = write_follow_up(previous, title=title, when=when, today=date.today())
    print(store.path)
    if args.open:
        return launch_app(folder, store) or EXIT_OK
    store.close()
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from rich.console import Console

    folder = _folder(args)
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


def _folder(args: argparse.Namespace) -> Path:
    return default_sessions_dir(args.dir)


def _session_path(text: str, folder: Path) -> Path:
    """The file a user named: as given, or else that name inside the sessions folder."""
    path = Path(text).expanduser()
    if not path.exists() and not path.is_absolute() and (folder / path).exists():
        path = folder / path
    if not path.exists():
        raise SessionFileError(_("Sessiebestand niet gevonden: {path}").format(path=path))
    if path.is_dir():
        raise SessionFileError(_("{path} is een map, geen sessiebestand.").format(path=path))
    return path


def _fail(message: str, code: int) -> int:
    line = " ".join(visible(message).split())
    print(f"wijksessie: {line}", file=sys.stderr)
    return code


# -- the parser, in Dutch --------------------------------------------------------------------


class _DutchFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help layout with a Dutch ``gebruik:`` instead of ``usage:``."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("gebruik: ") if prefix is None else prefix)


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


Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with Dutch help texts."""
    parser = _DutchParser(
        prog="wijksessie",
        description=_(
            "Begeleid een netwerksessie in de wijk: wie doet wat, gezamenlijke "
            "doelen, basisafspraken en toezeggingen.\nZonder opdracht opent het startscherm."
        ),
        epilog=_("De sessiemap is --dir, anders ${env}, anders ./sessions.").format(env=ENV_DIR),
        formatter_class=_DutchFormatter,
        add_help=False,
    )
    options = parser.add_argument_group(_("opties"))
    _add_help(options)
    options.add_argument(
        "--version",
        action="version",
        version=f"wijksessie {wijksessie.__version__}",
        help=_("toon het versienummer en stop"),
    )
    _add_dir(options, default=None)
    _add_lang(options, default=None)
    parser.set_defaults(handler=_start)
    commands = parser.add_subparsers(title=_("opdrachten"), metavar=_("OPDRACHT"))

    arguments, options = _command(commands, "new", _new, _("maak een nieuwe sessie, toon het pad"))
    arguments.add_argument("title", metavar=_("TITEL"), help=_("de titel van de sessie"))
    options.add_argument("--wijk", required=True, help=_("de wijk waar de sessie over gaat"))
    options.add_argument(
        "--date", metavar=_("DATUM"), help=_("bijv. 3-12-2026 (standaard vandaag)")
    )
    options.add_argument("--open", action="store_true", help=_("open de nieuwe sessie meteen"))

    for name, handler, text in (
        ("open", _open, _("open een sessie om te bewerken")),
        ("view", _view, _("bekijk een sessie alleen-lezen (ook als hij elders open is)")),
    ):
        arguments, _options = _command(commands, name, handler, text)
        arguments.add_argument(
            "path",
            metavar=_("PAD"),
            help=_("het sessiebestand, of alleen zijn naam in de sessiemap"),
        )

    arguments, options = _command(
        commands, "vervolg", _follow_up, _("maak de vervolgsessie, met de open toezeggingen")
    )
    arguments.add_argument(
        "path", metavar=_("PAD"), help=_("de vorige sessie, of alleen haar naam in de sessiemap")
    )
    options.add_argument("--titel", dest="title", help=_("standaard de titel van de vorige sessie"))
    options.add_argument(
        "--datum",
        dest="date",
        metavar=_("DATUM"),
        help=_("standaard de geplande vervolgdatum"),
    )
    options.add_argument("--open", action="store_true", help=_("open de vervolgsessie meteen"))

    _command(commands, "list", _list, _("toon alle sessies in de sessiemap"))
    _command(
        commands,
        "demo",
        _demo,
        _("open de voorbeeldsessie Kruidenbuurt ({file})").format(file=DEMO_FILE),
    )
    exchange_command.register(commands)
    summary_command.register(commands)
    network_command.register(commands)
    return parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Handler,
    text: str,
) -> tuple[argparse._ArgumentGroup, argparse._ArgumentGroup]:
    """Add a subcommand; returns its ``argumenten`` and ``opties`` groups."""
    command = commands.add_parser(
        name, help=text, description=text, formatter_class=_DutchFormatter, add_help=False
    )
    command.set_defaults(handler=handler)
    arguments = command.add_argument_group(_("argumenten"))
    options = command.add_argument_group(_("opties"))
    _add_help(options)
    _add_dir(options, default=argparse.SUPPRESS)
    _add_lang(options, default=argparse.SUPPRESS)
    return arguments, options


def _add_help(group: argparse._ArgumentGroup) -> None:
    group.add_argument("-h", "--help", action="help", help=_("toon deze hulp en stop"))


def _add_dir(group: argparse._ArgumentGroup, default: object) -> None:
    group.add_argument(
        "--dir",
        metavar=_("MAP"),
        default=default,
        help=_("de sessiemap (anders ${env})").format(env=ENV_DIR),
    )


def _add_lang(group: argparse._ArgumentGroup, default: object) -> None:
    group.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help=_("de taal: nl (standaard) of en (anders ${env} of de instelling)").format(
            env=LANG_ENV
        ),
    )


def _lang_option(argv: list[str]) -> str | None:
    """The ``--lang`` value anywhere in ``argv``, read before the parser is built.

    The parser's own help texts are translated, so the language must be known first.
    """
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None
