"""The summary and the network as files to hand out: to a path the user names, or into
``<sessions folder>/exports/``.

One chain for the summary (build → figures for HTML → render → write) and one for the network,
whichever front end asks: the command line writes where ``-o`` says, the app into ``exports/``.
Names in ``exports/`` are readable and never overwrite an earlier export
(``<session>-samenvatting.html``, then ``…-2.html``): a version already mailed to participants
must stay what it was. Summary files are written atomically, so a crash leaves the whole file
or none.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wijksessie.domain.model import Network
from wijksessie.domain.summary import Summary, build_summary
from wijksessie.errors import WijksessieError
from wijksessie.i18n import _
from wijksessie.render.figures import network_figures
from wijksessie.services.formats import (
    SUMMARY_NAMES,
    NetworkOptions,
    network_format,
    render,
    summary_format,
)
from wijksessie.store.folder import slugify
from wijksessie.store.storage import atomic_write_text

EXPORTS = "exports"


# --- the summary ---------------------------------------------------------------------------------


def output_target(target: Path) -> Path:
    """The file an export asked for with ``-o`` is written to.

    A link is followed: the file it points to gets the new contents, and the link stays (the
    export was written beside the link and renamed over it, so the link became a file of its
    own and the file it named kept the old export). A pipe, a device or a folder is refused:
    renaming a file over it would not give its reader anything.
    """
    path = Path(target)
    if path.is_symlink():
        path = path.resolve()
    if path.exists() and not path.is_file():
        raise WijksessieError(
            _(
                "{target} is geen gewoon bestand (een map, pipe of apparaat); kies een ander "
                "-o BESTAND."
            ).format(target=target)
        )
    return path


def make_summary(
    network: Network,
    fmt: str,
    *,
    today: date,
    for_participant: str | None = None,
    with_contact: bool | None = None,
) -> Summary:
    """The summary for ``fmt``; contact details follow the format's rule (``formats.Contact``)
    unless ``with_contact`` says otherwise. ``WijksessieError`` for an unknown participant or
    format."""
    allowed = summary_format(fmt).with_contact() if with_contact is None else with_contact
    return build_summary(
        network, today=today, for_participant=for_participant, with_contact=allowed
    )


def summary_text(network: Network, summary: Summary, fmt: str, *, width: int | None = None) -> str:
    """``summary`` in ``fmt``, with the network's pictures where the format has room for them;
    ``width`` is the text format's line width."""
    if not summary_format(fmt).pictures:
        return render(summary, fmt, width=width)
    figures = network_figures(network, overlaps=summary.findings.found)
    return render(summary, fmt, figures=figures, width=width)


def save_summary(
    network: Network,
    fmt: str,
    target: Path,
    *,
    session: Path,
    today: date,
    for_participant: str | None = None,
    with_contact: bool | None = None,
    width: int | None = None,
) -> Path:
    """Write the summary in ``fmt`` to ``target`` (replacing it) and return ``target``.

    ``session`` is the file the network came from: a slip like ``-o sessie.json`` must not
    overwrite the session with its summary (``WijksessieError``).
    """
    summary = make_summary(
        network, fmt, today=today, for_participant=for_participant, with_contact=with_contact
    )
    target = output_target(target)
    if target.exists() and target.resolve() == session.resolve():
        raise WijksessieError(
            _("{target} is het sessiebestand zelf; kies een ander -o BESTAND.").format(
                target=target
            )
        )
    atomic_write_text(target, summary_text(network, summary, fmt, width=width))
    return target


def export_summary(
    network: Network,
    fmt: str,
    folder: Path,
    *,
    today: date,
    stem: str | None = None,
    for_participant: str | None = None,
    with_contact: bool | None = None,
) -> Path:
    """Write the summary in ``fmt`` into ``folder/exports/`` and return the new file's path.

    ``folder`` is the sessions folder. ``stem`` is the session file's name without ``.json``
    (the app knows it); without it the name a new session file would get is used. Contact
    details follow the format's rule unless ``with_contact`` says otherwise.
    Raises ``WijksessieError`` for an unknown participant or format, ``OSError`` when the
    folder cannot be written.
    """
    summary = make_summary(
        network, fmt, today=today, for_participant=for_participant, with_contact=with_contact
    )
    text = summary_text(network, summary, fmt)
    name = _name(network, stem, summary.reader, file_name=summary_format(fmt).file_name)
    target = free_name(folder / EXPORTS, name, summary_format(fmt).suffix)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, text)
    return target


def export(network: Network, fmt: str, folder: Path, *, today: date, stem: str) -> Path:
    """Write the summary or the network, whichever ``fmt`` is, into ``folder/exports/``.

    What the app's keys do: the summary as the format's rule has it, the network with the
    contact details people chose to share.
    """
    if fmt in SUMMARY_NAMES:
        return export_summary(network, fmt, folder, today=today, stem=stem)
    return export_network(network, fmt, folder, stem=stem)


def export_everyone(
    network: Network, folder: Path, *, today: date, stem: str | None = None
) -> Path:
    """A personal page and calendar for every participant, and the list to send them with,
    in a new folder ``<sessions folder>/exports/<session>-iedereen/``; returns that folder."""
    base = f"{_name(network, stem, '')}-iedereen"
    (folder / EXPORTS).mkdir(parents=True, exist_ok=True)
    target = free_name(folder / EXPORTS, base, "")
    write_everyone(network, target, today=today, with_contact=True)
    return target


def write_everyone(network: Network, target: Path, *, today: date, with_contact: bool) -> None:
    """Write ``render.everyone``'s files into the folder ``target`` (made if missing, one level).

    Each file is written atomically; a file of an earlier run with the same name is replaced.
    ``WijksessieError`` when ``target`` is a file or its parent folder does not exist.
    """
    if target.exists() and not target.is_dir():
        raise WijksessieError(
            _("{target} is een bestand; --iedereen schrijft in een map.").format(target=target)
        )
    if not target.parent.is_dir():
        raise WijksessieError(_("De map {folder} bestaat niet.").format(folder=target.parent))
    from wijksessie.render.everyone import personal_files

    summary = build_summary(network, today=today, with_contact=with_contact)
    figures = network_figures(network, overlaps=summary.findings.found)
    _copies, files = personal_files(summary, network, figures)
    target.mkdir(exist_ok=True)
    for name, text in files.items():
        atomic_write_text(target / name, text)


def free_name(folder: Path, base: str, suffix: str) -> Path:
    """``folder/base.suffix``, or the first free ``base-2``, ``base-3``… beside it.

    An empty ``suffix`` names a folder: ``folder/base``, ``folder/base-2``…
    """
    candidate = folder / f"{base}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{suffix}"
        number += 1
    return candidate


def _name(
    network: Network, stem: str | None, reader: str, *, file_name: str = "-samenvatting"
) -> str:
    session = network.session
    when = (session.date or date.today()).isoformat()
    base = slugify(stem) if stem else f"{when}-{slugify(session.title)}"
    name = f"{base}{file_name}"
    return f"{name}-{slugify(reader)}" if reader else name


# --- the network ---------------------------------------------------------------------------------


def save_network(
    network: Network,
    fmt: str,
    target: Path,
    *,
    with_contact: bool = False,
    with_participants: bool = False,
) -> Path:
    """Write the network as a spreadsheet, a Kumu workbook or GraphML to ``target``.

    Contact details beyond the shared ones only with ``with_contact`` (and only where the
    format has room for them); ``with_participants`` puts the people on a Kumu map too.
    """
    write = network_format(fmt).load()
    target = output_target(target)
    write(network, target, NetworkOptions(with_contact, with_participants))
    return target


def export_network(
    network: Network, fmt: str, folder: Path, *, stem: str, with_contact: bool = False
) -> Path:
    """Write the network in ``fmt`` into ``folder/exports/``; returns the new file's path."""
    chosen = network_format(fmt)
    target = free_name(folder / EXPORTS, f"{stem}{chosen.file_name}", chosen.suffix)
    target.parent.mkdir(parents=True, exist_ok=True)
    return save_network(network, fmt, target, with_contact=with_contact)
