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

from wijksessie.errors import WijksessieError
from wijksessie.i18n import _

FORMATS = ("text", "md", "html", "json", "docx", "xlsx", "graphml", "svg")
"""``render.over_time.FORMATS`` and the Word report, spelt out so the parser loads no renderer."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``netwerk`` to the command line's subcommands."""
    from wijksessie.cli import _command

    _arguments, options = _command(
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
        "--format",
        default="text",
        choices=FORMATS,
        help=_(
            "text (standaard), md, html, json, docx (Word) of xlsx (Excel); docx en xlsx met -o"
        ),
    )
    options.add_argument(
        "-o",
        "--output",
        metavar=_("BESTAND"),
        help=_("schrijf naar dit bestand in plaats van het scherm"),
    )
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
    from wijksessie.cli import _folder
    from wijksessie.domain.dates import parse_date
    from wijksessie.render.over_time import render_overview
    from wijksessie.services.network_over_time import Filters, network_over_time
    from wijksessie.store.storage import atomic_write_bytes, atomic_write_text

    folders = [_folder(args), *(Path(extra).expanduser() for extra in args.map)]
    filters = Filters(
        wijk=args.wijk.strip(),
        start=parse_date(args.van) if args.van else None,
        end=parse_date(args.tot) if args.tot else None,
    )
    if filters.start and filters.end and filters.start > filters.end:
        raise WijksessieError(_("--van ligt na --tot: er valt niets tussen."))
    if args.format in ("docx", "xlsx", "graphml") and not args.output:
        raise WijksessieError(
            _("{format} kan niet naar het scherm; geef -o BESTAND.").format(format=args.format)
        )
    decisions = Path(args.koppelingen).expanduser() if args.koppelingen else None
    overview = network_over_time(folders, filters, decisions)
    if args.format in ("xlsx", "graphml"):
        from wijksessie.exchange.over_time_graphml import export_overview_graphml
        from wijksessie.exchange.over_time_xlsx import export_overview_xlsx

        target = Path(args.output).expanduser()
        _refuse_session_folder_json(target, folders)
        export = export_overview_xlsx if args.format == "xlsx" else export_overview_graphml
        export(overview, target)
        print(target)
        return 0
    if args.format == "docx":
        from wijksessie.render.over_time_docx import to_docx

        content: str | bytes = to_docx(overview)
    elif args.format == "svg":
        from wijksessie.render.plates import poster_svg

        content = poster_svg(overview)
    else:
        content = render_overview(overview, args.format)
    if not args.output:
        sys.stdout.write(str(content))
        return 0
    target = Path(args.output).expanduser()
    _refuse_session_folder_json(target, folders)
    if isinstance(content, bytes):
        atomic_write_bytes(target, content)
    else:
        atomic_write_text(target, content)
    print(target)
    return 0


def _refuse_session_folder_json(target: Path, folders: list[Path]) -> None:
    """A report written as ``*.json`` into a sessions folder would be read as a session next time.

    And ``-o`` naming an existing session would replace it: neither may happen.
    """
    inside = any(target.resolve().parent == folder.resolve() for folder in folders)
    if inside and target.suffix.lower() == ".json":
        raise WijksessieError(
            _("{target} ligt in de sessiemap; kies een andere plek voor -o BESTAND.").format(
                target=target
            )
        )
