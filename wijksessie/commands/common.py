"""What every subcommand shares: how it is added to the parser, its options, the sessions folder
and the session file a user named.

Public, so that ``cli`` and the subcommand modules both use it and neither imports the other:
``cli`` builds the parser and adds each module's subcommands; the modules need only this.

Options are Dutch, like every help text, metavar and message the user reads; the English
spelling an earlier version had (``--dir``, ``--date``, ``--dry-run``…) stays as an alias, so
no script breaks. ``--help`` and ``--version`` are the exceptions every command-line tool
shares.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from wijksessie.domain.text import visible
from wijksessie.i18n import LANG_ENV, LANGUAGES, _
from wijksessie.services.sessions import resolve_session_path
from wijksessie.store.folder import ENV_DIR, sessions_dir

Handler = Callable[[argparse.Namespace], int]
Subcommands = argparse._SubParsersAction  # argparse's own name for what add_subparsers returns

LANG_OPTIONS = ("--taal", "--lang")
"""The language option's spellings: ``cli`` reads it before the parser exists."""


class DutchFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help layout with a Dutch ``gebruik:`` instead of ``usage:``, and an option's
    value named once after all its spellings (``--datum, --date DATUM``)."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("gebruik: ") if prefix is None else prefix)

    def _format_action_invocation(self, action: argparse.Action) -> str:
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)
        value = self._format_args(action, self._get_default_metavar_for_optional(action))
        return f"{', '.join(action.option_strings)} {value}"


def add_command(
    commands: Subcommands[argparse.ArgumentParser], name: str, handler: Handler, text: str
) -> tuple[argparse._ArgumentGroup, argparse._ArgumentGroup]:
    """Add a subcommand; returns its ``argumenten`` and ``opties`` groups."""
    command = commands.add_parser(
        name, help=text, description=text, formatter_class=DutchFormatter, add_help=False
    )
    command.set_defaults(handler=handler)
    arguments = command.add_argument_group(_("argumenten"))
    options = command.add_argument_group(_("opties"))
    add_help(options)
    add_folder(options, default=argparse.SUPPRESS)
    add_language(options, default=argparse.SUPPRESS)
    return arguments, options


def add_help(group: argparse._ArgumentGroup) -> None:
    """``-h`` / ``--help``, described in Dutch."""
    group.add_argument("-h", "--help", action="help", help=_("toon deze hulp en stop"))


def add_output(
    group: argparse._ArgumentGroup, *, required: bool = False, text: str | None = None
) -> None:
    """``-o`` / ``--uitvoer`` (``--output``): the file the command writes, else the screen."""
    group.add_argument(
        "-o",
        "--uitvoer",
        "--output",
        dest="output",
        required=required,
        metavar=_("BESTAND"),
        help=text or _("schrijf naar dit bestand in plaats van het scherm"),
    )


def add_folder(group: argparse._ArgumentGroup, default: object) -> None:
    """``--sessiemap`` (``--dir``): the sessions folder."""
    group.add_argument(
        "--sessiemap",
        "--dir",
        dest="dir",
        metavar=_("MAP"),
        default=default,
        help=_("de sessiemap (anders ${env})").format(env=ENV_DIR),
    )


def add_language(group: argparse._ArgumentGroup, default: object) -> None:
    """``--taal`` (``--lang``): the language of everything the command says."""
    group.add_argument(
        *LANG_OPTIONS,
        dest="lang",
        choices=LANGUAGES,
        default=default,
        help=_("de taal: nl (standaard) of en (anders ${env} of de instelling)").format(
            env=LANG_ENV
        ),
    )


def sessions_folder(args: argparse.Namespace) -> Path:
    """The sessions folder: ``--sessiemap``, else ``$WIJKSESSIE_DIR``, else ``./sessions``."""
    return sessions_dir(args.dir)


def session_path(text: str, args: argparse.Namespace) -> Path:
    """The session file a user named: a path, or just its name in the sessions folder."""
    return resolve_session_path(text, sessions_folder(args))


def tell(note: str) -> None:
    """A note for the user on stderr (what opening a file repaired or tidied), one line, with
    control and bidi characters made visible instead of interpreted."""
    print(f"wijksessie: {' '.join(visible(note).split())}", file=sys.stderr)
