"""``wijksessie netwerk``: is the network forming? One overview of every session in the folder.

Reads every session in the sessions folder (and any ``--map`` given), follows the follow-up
chains and prints or writes the indicators per session and over time. It only reads: no session
file is written, no lock taken. A session that cannot be read is listed with its message and
the overview goes on; a wrong date, folder or decisions file ends as one Dutch line and exit
code 2 via ``cli.main``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wijksessie.commands.common import Subcommands, add_command, add_output, sessions_folder
from wijksessie.errors import WijksessieError
from wijksessie.i18n import _
from wijksessie.services.formats import OVERVIEW_FORMATS, OVERVIEW_NAMES, format_for_output


def register(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``netwerk`` to the command line's subcommands."""
    _arguments, options = add_command(
        commands,
        "netwerk",
        run_network,
        _("het netwerk door de tijd: indicatoren per sessie, over alle sessies in de map"),
    )
    options.add_argument("--wijk", default="", help=_("alleen de sessies van deze wijk"))
    options.add_argument("--van", metavar=_("DATUM"), help=_("alleen sessies vanaf deze datum"))
    options.add_argument(
        "--tot", metavar=_("DATUM"), help=_("alleen sessies tot en met deze datum")
    )
    options.add_argument(
        "--formaat",
        "--format",
        dest="format",
        default=None,
        choices=OVERVIEW_NAMES,
        metavar=_("FORMAAT"),
        help=_(
            "text (standaard, of wat de naam bij -o zegt), md, html, json, svg (poster), "
            "docx (Word), xlsx (Excel) of graphml; docx, xlsx en graphml met -o"
        ),
    )
    add_output(options)
    options.add_argument(
        "--map",
        action="append",
        default=[],
        metavar=_("MAP"),
        help=_("nog een map met sessies (mag vaker)"),
    )
    options.add_argument(
        "--koppelingen",
        metavar=_("BESTAND"),
        help=_("de besluiten over namen (standaard .wijksessie-koppelingen.json in de sessiemap)"),
    )


def run_network(args: argparse.Namespace) -> int:
    """Build the overview and print it, or write it to ``-o``."""
    from wijksessie.domain.dates import parse_date
    from wijksessie.services.network_over_time import (
        Filters,
        check_screen,
        network_over_time,
        overview_text,
        save_overview,
    )

    args.format = format_for_output(args.format, args.output, OVERVIEW_FORMATS)
    folders = [sessions_folder(args), *(Path(extra).expanduser() for extra in args.map)]
    filters = Filters(
        wijk=args.wijk.strip(),
        start=parse_date(args.van) if args.van else None,
        end=parse_date(args.tot) if args.tot else None,
    )
    if filters.start and filters.end and filters.start > filters.end:
        raise WijksessieError(_("--van ligt na --tot: er valt niets tussen."))
    if not args.output:
        check_screen(args.format)  # before reading every session
    decisions = Path(args.koppelingen).expanduser() if args.koppelingen else None
    overview = network_over_time(folders, filters, decisions)
    if not args.output:
        sys.stdout.write(overview_text(overview, args.format))
        return 0
    target = Path(args.output).expanduser()
    save_overview(overview, args.format, target, folders)
    print(target)
    return 0
