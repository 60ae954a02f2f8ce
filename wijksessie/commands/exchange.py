"""``wijksessie import`` and ``wijksessie export``: the registration list in, the network out.

The import prints its preview first (what each column becomes, new rows, rows already in the
session, bad rows) and writes only when the whole file can go in, or the user said
``--zonder-foute-rijen``; ``--proefdraai`` never writes. Problems end as one Dutch line and exit
code 2 via ``cli.main``, which turns every ``WijksessieError`` into exactly that.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijksessie.commands.common import Subcommands, add_command, add_output, session_path, tell
from wijksessie.domain.model import KIND_NOUNS
from wijksessie.domain.text import visible
from wijksessie.errors import WijksessieError
from wijksessie.exchange.errors import ExchangeFileError, ImportRefusedError
from wijksessie.i18n import _, ngettext
from wijksessie.services.formats import (
    NETWORK_FORMATS,
    NETWORK_NAMES,
    Contact,
    network_format,
    spoken,
)

if TYPE_CHECKING:
    from wijksessie.exchange.importer import ImportPreview

# The importer, exporters and store load when the command runs, not whenever the CLI starts.

SHOWN_ROWS = 25
"""Rows per table of the preview; the rest is counted, so 10,000 rows do not flood the screen."""
PROGRESS_FROM_BYTES = 200_000
"""Smaller files read in a blink; a progress bar would only flicker."""


def register(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``import`` and ``export`` to the command line's subcommands."""
    arguments, options = add_command(
        commands,
        "import",
        run_import,
        _("lees deelnemers, organisaties en initiatieven uit een CSV- of Excel-bestand"),
    )
    arguments.add_argument("session", metavar=_("SESSIE"), help=_("het sessiebestand of zijn naam"))
    arguments.add_argument("file", metavar=_("BESTAND"), help=_("het .csv- of .xlsx-bestand"))
    options.add_argument(
        "--proefdraai",
        "--dry-run",
        dest="dry_run",
        action="store_true",
        help=_("toon alleen wat er zou gebeuren, schrijf niets"),
    )
    options.add_argument(
        "--zonder-foute-rijen",
        "--skip-bad",
        dest="skip_bad",
        action="store_true",
        help=_("sla foute rijen over en importeer de rest"),
    )
    options.add_argument(
        "--bijwerken",
        "--update",
        dest="update",
        action="store_true",
        help=_("werk wie al in de sessie staat bij (aanwezig, e-mail, telefoon, organisatie)"),
    )
    options.add_argument(
        "--kolom",
        "--column",
        dest="columns",
        action="append",
        default=[],
        metavar=_("KOP=VELD"),
        help=_(
            'zeg zelf wat een kolom is, bijvoorbeeld --kolom "Wat is je naam?=naam" '
            "(herhaalbaar; leeg veld: kolom negeren)"
        ),
    )

    arguments, options = add_command(
        commands,
        "export",
        run_export,
        _("schrijf het netwerk naar {formats}").format(
            formats=spoken(NETWORK_FORMATS, labels=True)
        ),
    )
    arguments.add_argument("session", metavar=_("SESSIE"), help=_("het sessiebestand of zijn naam"))
    options.add_argument(
        "--formaat",
        "--format",
        dest="format",
        required=True,
        choices=NETWORK_NAMES,
        help=spoken(NETWORK_FORMATS),
    )
    add_output(options, required=True, text=_("het doel"))
    options.add_argument(
        "--met-contact",
        action="store_true",
        help=_("ook e-mail en telefoon van wie dat niet heeft toegestaan"),
    )
    options.add_argument(
        "--met-deelnemers", action="store_true", help=_("(kumu) ook de deelnemers als elementen")
    )


# --- import --------------------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    """Show the preview; apply it unless ``--proefdraai`` or it must be refused."""
    from rich.console import Console

    from wijksessie.services.importing import apply_import, parse_mapping, preview_import
    from wijksessie.services.sessions import open_session, opening_notes

    source = Path(args.file)
    mapping = parse_mapping(args.columns)
    with open_session(session_path(args.session, args), read_only=args.dry_run) as store:
        for note in opening_notes(store):
            tell(note)
        with _progress(source, _("Inlezen")) as progress:
            preview = preview_import(source, store.network(), mapping=mapping, progress=progress)
        console = Console(highlight=False)
        console.print(*preview_renderables(preview))
        if refusal := preview.refusal(skip_bad=args.skip_bad):
            raise ImportRefusedError(refusal)
        if args.dry_run:
            if preview.updates and not args.update:
                console.print(_updates_hint(len(preview.updates)))
            console.print(_("Proefdraai (--proefdraai): er is niets opgeslagen."))
            return 0
        with _progress(source, _("Opslaan")) as progress:
            result = apply_import(
                store, preview, skip_bad=args.skip_bad, update=args.update, progress=progress
            )
        console.print(result.summary())
        if preview.updates and not args.update:
            console.print(_updates_hint(len(preview.updates)))
    return 0


def _updates_hint(count: int) -> str:
    return ngettext(
        "{n} deelnemer staat anders in het bestand dan in de sessie; --bijwerken neemt dat over.",
        "{n} deelnemers staan anders in het bestand dan in de sessie; --bijwerken neemt dat over.",
        count,
    ).format(n=count)


@contextmanager
def _progress(source: Path, what: str) -> Iterator[Any]:
    """A progress callback drawing a Rich bar on stderr for big files, else a no-op.

    Not when stderr is no terminal: a log or a test must get only the one Dutch line.
    """
    from rich.console import Console
    from rich.progress import Progress

    console = Console(stderr=True)
    big = source.is_file() and source.stat().st_size >= PROGRESS_FROM_BYTES
    with Progress(
        console=console, transient=True, disable=not big or not console.is_terminal
    ) as bar:
        task = bar.add_task(what, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def preview_renderables(preview: ImportPreview) -> list[Any]:
    """The preview as Rich renderables: what user data says is shown literally, never markup."""
    from rich.text import Text

    parts: list[Any] = [Text(_headline(preview), style="bold")]
    parts.append(_columns_table(preview))
    if preview.ignored_sheets:
        names = ", ".join(visible(name) for name in preview.ignored_sheets)
        parts.append(Text(_("Niet gebruikte bladen: {names}").format(names=names), style="dim"))
    parts += [
        table
        for table in (
            _new_table(preview),
            _matches_table(preview),
            _updates_table(preview),
            _messages_table(_("Foute rijen (worden niet ingelezen)"), preview.bad_rows, "red"),
            _messages_table(_("Opmerkingen"), preview.warnings, "yellow"),
        )
        if table is not None
    ]
    return parts


def _headline(preview: ImportPreview) -> str:
    return _(
        "{source}: {rows} rijen · nieuw: {participants} deelnemers, {organisations} "
        "organisaties, {initiatives} initiatieven · al aanwezig: {matches} · fout: {bad}"
    ).format(
        source=visible(preview.source),
        rows=preview.rows,
        participants=len(preview.participants),
        organisations=len(preview.organisations),
        initiatives=len(preview.initiatives),
        matches=len(preview.matches),
        bad=len(preview.bad_rows),
    )


def _table(title: str, *columns: str, style: str = "") -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title, style=style), title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _row(table: Any, *cells: object) -> None:
    from rich.text import Text

    table.add_row(*(Text(visible(str(cell))) for cell in cells))


def _columns_table(preview: ImportPreview) -> Any:
    sheets = {column.sheet for column in preview.columns}
    table = _table(
        _("Kolommen"), *((_("Blad"),) if len(sheets) > 1 else ()), _("Kolom"), _("Wordt")
    )
    for column in preview.columns:
        where = (column.sheet,) if len(sheets) > 1 else ()
        _row(table, *where, column.header, column.note)
    return table


def _new_table(preview: ImportPreview) -> Any:
    planned = [
        *((_("deelnemer"), item) for item in preview.participants),
        *((_("organisatie"), item) for item in preview.organisations),
        *((_("initiatief"), item) for item in preview.initiatives),
        *((_("verbinding"), item) for item in preview.connections),
        *((_(KIND_NOUNS[type(item.entity)]), item) for item in preview.extras),
    ]
    if not planned:
        return None
    table = _table(_("Nieuw"), _("Rij"), _("Soort"), _("Naam"), _("Organisatie"), _("E-mail"))
    for kind, item in planned[:SHOWN_ROWS]:
        entity = item.entity
        email = getattr(entity, "email", "")
        _row(table, item.row, kind, preview.name_of(entity), preview.organisation_of(entity), email)
    _more(table, len(planned), 5)
    return table


def _matches_table(preview: ImportPreview) -> Any:
    if not preview.matches:
        return None
    table = _table(_("Staan al in de sessie"), _("Rij"), _("Naam"), _("Is al"), _("Herkend op"))
    for match in preview.matches[:SHOWN_ROWS]:
        _row(table, match.row, match.name, match.existing, match.by)
    _more(table, len(preview.matches), 4)
    return table


def _updates_table(preview: ImportPreview) -> Any:
    if not preview.updates:
        return None
    table = _table(
        _("Wijzigingen (--bijwerken)"), _("Rij"), _("Naam"), _("Wat"), _("Was"), _("Wordt")
    )
    shown = [(item, change) for item in preview.updates for change in item.changes]
    for item, change in shown[:SHOWN_ROWS]:
        _row(table, item.row, item.name, change.field, change.old, change.new)
    _more(table, len(shown), 5)
    return table


def _messages_table(title: str, messages: tuple[Any, ...], style: str) -> Any:
    if not messages:
        return None
    table = _table(title, _("Rij"), _("Blad"), _("Wat"), style=style)
    for message in messages[:SHOWN_ROWS]:
        _row(table, message.row, message.sheet, message.message)
    _more(table, len(messages), 3)
    return table


def _more(table: Any, count: int, width: int) -> None:
    if count > SHOWN_ROWS:
        table.add_row(
            "…", _("en nog {count}").format(count=count - SHOWN_ROWS), *([""] * (width - 2))
        )


# --- export --------------------------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    """Write the session's network in the chosen format; prints the file written."""
    from wijksessie.services.exports import save_network
    from wijksessie.services.sessions import read_network

    chosen = network_format(args.format)
    if args.met_deelnemers and not chosen.people:
        raise WijksessieError(
            _("--met-deelnemers geldt voor kumu; in {format} komen geen deelnemers.").format(
                format=chosen.name
            )
        )
    if args.met_contact and chosen.contact is Contact.NONE:
        raise WijksessieError(
            _("--met-contact: in {format} komen geen contactgegevens.").format(format=chosen.name)
        )
    session = session_path(args.session, args)
    target = _target(Path(args.output), args.format)
    network = read_network(session, tell=tell)
    save_network(
        network,
        args.format,
        target,
        with_contact=args.met_contact,
        with_participants=args.met_deelnemers,
    )
    print(target)
    return 0


def _target(path: Path, format_: str) -> Path:
    """The output file, with the format's suffix added when it has none."""
    suffix = network_format(format_).suffix
    if not path.suffix:
        path = path.with_suffix(suffix)
    if path.suffix.lower() != suffix:
        raise ExchangeFileError(
            _("Kies voor --formaat {format} een bestandsnaam op {suffix}.").format(
                format=format_, suffix=suffix
            )
        )
    if path.is_dir():
        raise ExchangeFileError(_("{path} is een map; geef een bestandsnaam.").format(path=path))
    return path
