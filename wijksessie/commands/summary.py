"""``wijksessie summary``: the session's summary on the terminal, or as a file to hand out.

The session file is opened read-only and without the lock, so a summary can be made while the
facilitator still has the session open. Without ``-o`` the output goes to standard output, so it
pipes into mail or a file. Which contact details appear follows ``services.formats``: HTML
and iCalendar carry those participants chose to share; text and Markdown only with
``--met-contact``, because a terminal may be on the projector. Problems (a missing or damaged
file, an unknown participant) end as one Dutch line and exit code 2 via ``cli.main``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from wijksessie.commands.common import Subcommands, add_command, session_path, tell
from wijksessie.i18n import _
from wijksessie.services.formats import SUMMARY_FORMATS, SUMMARY_NAMES, contact_allowed, spoken

if TYPE_CHECKING:
    from wijksessie.domain.summary import Summary

# The summary, figures and store load when the command runs, not whenever the CLI starts.


def register(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``summary`` to the command line's subcommands."""
    arguments, options = add_command(
        commands, "summary", run_summary, _("toon of bewaar de samenvatting van een sessie")
    )
    arguments.add_argument(
        "path", metavar=_("PAD"), help=_("het sessiebestand, of alleen zijn naam in de sessiemap")
    )
    options.add_argument(
        "--formaat",
        "--format",
        dest="format",
        default="text",
        choices=SUMMARY_NAMES,
        help=spoken(SUMMARY_FORMATS),
    )
    options.add_argument(
        "-o",
        "--uitvoer",
        "--output",
        dest="output",
        metavar=_("BESTAND"),
        help=_("schrijf naar dit bestand in plaats van het scherm"),
    )
    options.add_argument(
        "--voor",
        metavar=_("NAAM"),
        help=_("de samenvatting voor één deelnemer: eigen toezeggingen eerst"),
    )
    options.add_argument(
        "--met-contact",
        action="store_true",
        help=_("ook gedeelde e-mail en telefoon in text en md (html en ics hebben ze altijd)"),
    )


def run_summary(args: argparse.Namespace) -> int:
    """Build the summary of one session file and print or write it."""
    from wijksessie.services.exports import make_summary, save_summary, summary_text
    from wijksessie.services.sessions import read_network

    path = session_path(args.path, args)
    network = read_network(path, tell=tell)
    with_contact = contact_allowed(args.format, args.met_contact)
    if args.output:
        target = save_summary(
            network,
            args.format,
            Path(args.output).expanduser(),
            session=path,
            today=date.today(),
            for_participant=args.voor,
            with_contact=with_contact,
        )
        print(target)
        return 0
    summary = make_summary(
        network,
        args.format,
        today=date.today(),
        for_participant=args.voor,
        with_contact=with_contact,
    )
    if args.format == "text":
        _print_rich(summary)
    else:
        sys.stdout.write(summary_text(network, summary, args.format))
    return 0


def _print_rich(summary: Summary) -> None:
    """With colour on a terminal; plain when piped (Rich detects it)."""
    from rich.console import Console

    from wijksessie.render.text import summary_renderable

    Console(highlight=False, emoji=False).print(summary_renderable(summary))
