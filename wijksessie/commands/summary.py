"""``wijksessie summary``: the session's summary on the terminal, or as a file to hand out.

The session file is opened read-only and without the lock, so a summary can be made while the
facilitator still has the session open. Without ``-o`` the output goes to standard output, so it
pipes into mail or a file. Which contact details appear follows ``services.formats``: HTML
and iCalendar carry those participants chose to share; text and Markdown only with
``--met-contact``, because a terminal may be on the projector; no format with
``--zonder-contact`` (a page to share publicly). Problems (a missing or damaged
file, an unknown participant) end as one Dutch line and exit code 2 via ``cli.main``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from wijksessie.commands.common import Subcommands, add_command, add_output, session_path, tell
from wijksessie.errors import WijksessieError
from wijksessie.i18n import _
from wijksessie.services.formats import (
    SUMMARY_FORMATS,
    SUMMARY_NAMES,
    contact_allowed,
    format_for_output,
    spoken,
)

if TYPE_CHECKING:
    from rich.console import Console

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
        default=None,
        choices=SUMMARY_NAMES,
        help=spoken(SUMMARY_FORMATS),
    )
    add_output(options)
    options.add_argument(
        "--voor",
        metavar=_("NAAM"),
        help=_("de samenvatting voor één deelnemer: eigen toezeggingen eerst"),
    )
    options.add_argument(
        "--breedte",
        "--width",
        dest="breedte",
        type=_width,
        metavar="N",
        help=_("tekens per regel voor text (standaard: $COLUMNS, of het scherm, of 100)"),
    )
    options.add_argument(
        "--iedereen",
        "--everyone",
        dest="iedereen",
        action="store_true",
        help=_(
            "voor elke deelnemer een eigen pagina (html) en agenda (ics), met een lijst "
            "deelnemers.csv om ze te versturen, in de map van -o MAP"
        ),
    )
    contact = options.add_mutually_exclusive_group()
    contact.add_argument(
        "--met-contact",
        action="store_true",
        help=_("ook gedeelde e-mail en telefoon in text en md (html en ics hebben ze altijd)"),
    )
    contact.add_argument(
        "--zonder-contact",
        action="store_true",
        help=_("geen e-mail of telefoon, ook niet in html en ics (om openbaar te delen)"),
    )


def run_summary(args: argparse.Namespace) -> int:
    """Build the summary of one session file and print or write it."""
    from wijksessie.services.exports import (
        make_summary,
        save_summary,
        summary_text,
        write_everyone,
    )
    from wijksessie.services.sessions import read_network

    args.format = format_for_output(args.format, args.output, SUMMARY_FORMATS)
    if args.iedereen:
        if not args.output:
            raise WijksessieError(
                _("--iedereen schrijft een map vol bestanden: geef die met -o MAP.")
            )
        if args.voor is not None:
            raise WijksessieError(_("Kies --iedereen of --voor NAAM, niet allebei."))
    path = session_path(args.path, args)
    network = read_network(path, tell=tell)
    if args.iedereen:
        target = Path(args.output).expanduser()
        write_everyone(network, target, today=date.today(), with_contact=not args.zonder_contact)
        print(target)
        return 0
    with_contact = contact_allowed(args.format, args.met_contact, args.zonder_contact)
    if args.output:
        target = save_summary(
            network,
            args.format,
            Path(args.output).expanduser(),
            session=path,
            today=date.today(),
            for_participant=args.voor,
            with_contact=with_contact,
            width=args.breedte or _columns() if args.format == "text" else None,
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
        _print_rich(summary, args.breedte)
    else:
        sys.stdout.write(summary_text(network, summary, args.format))
    return 0


def _print_rich(summary: Summary, width: int | None) -> None:
    """With colour on a terminal; plain when piped (Rich detects it). As wide as ``width``,
    else ``$COLUMNS`` or the terminal (Rich's rule); no line ends in spaces."""
    from rich.console import Console

    console = Console(highlight=False, emoji=False, width=width)
    sys.stdout.write(_terminal_text(summary, console))


def _terminal_text(summary: Summary, console: Console) -> str:
    """What ``console.print(summary_renderable(summary))`` writes, without trailing spaces.

    Without colour (piped to a file or to mail) those are the summary's plain lines, which
    ``render.text`` draws without Rich laying out every table cell: ``wijksessie summary`` of
    the large benchmark session into a file took 2.0 s, 1.5 of them in Rich, now 0.6 s.
    """
    from wijksessie.render.text import plain_lines, summary_renderable

    if console.color_system is None:
        text = "".join(f"{line}\n" for line in plain_lines(summary, console, console.width))
    else:
        with console.capture() as captured:
            console.print(summary_renderable(summary))
        text = captured.get()
    return _TRAILING.sub(r"\1", text)


_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.M)
"""Spaces at the end of a line, also when colour codes follow them: Rich pads table lines."""


def _columns() -> int | None:
    """``$COLUMNS`` as a width, when it is one."""
    try:
        return _width(os.environ.get("COLUMNS", ""))
    except argparse.ArgumentTypeError:
        return None


def _width(text: str) -> int:
    """A line width from 40 to 400 characters (``--breedte``)."""
    try:
        width = int(text)
    except ValueError:
        width = 0
    if not 40 <= width <= 400:
        raise argparse.ArgumentTypeError(
            _("‘{text}’ is geen breedte; geef 40 tot 400 tekens.").format(text=text)
        )
    return width
