"""Summary files the app writes into ``<sessions folder>/exports/``, for the facilitator to share.

Here, not in ``render``, because it writes files. Names are readable and never overwrite an
earlier export (``<session>-samenvatting.html``, then ``…-2.html``): a version already mailed
to participants must stay what it was. Each file is written atomically, so a crash leaves the
whole file or none.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wijksessie.domain.model import Network
from wijksessie.domain.summary import build_summary
from wijksessie.render import EXTENSIONS, contact_allowed, render
from wijksessie.render.figures import network_figures
from wijksessie.store.folder import slugify
from wijksessie.store.storage import atomic_write_text

EXPORTS = "exports"


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
    details follow ``render.contact_allowed`` unless ``with_contact`` says otherwise.
    Raises ``WijksessieError`` for an unknown participant or format, ``OSError`` when the
    folder cannot be written.
    """
    allowed = contact_allowed(fmt) if with_contact is None else with_contact
    summary = build_summary(
        network, today=today, for_participant=for_participant, with_contact=allowed
    )
    figures = network_figures(network) if fmt == "html" else ()
    text = render(summary, fmt, figures=figures)
    target = free_name(folder / EXPORTS, _name(network, stem, summary.reader), EXTENSIONS[fmt])
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, text)
    return target


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
    """
    from wijksessie.render.everyone import personal_files

    summary = build_summary(network, today=today, with_contact=with_contact)
    _copies, files = personal_files(summary, network, network_figures(network))
    target.mkdir(exist_ok=True)
    for name, text in files.items():
        atomic_write_text(target / name, text)


def free_name(folder: Path, base: str, extension: str) -> Path:
    """``folder/base.extension``, or the first free ``base-2``, ``base-3``… beside it.

    An empty ``extension`` names a folder: ``folder/base``, ``folder/base-2``…
    """
    dot = f".{extension}" if extension else ""
    candidate = folder / f"{base}{dot}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{dot}"
        number += 1
    return candidate


def _name(network: Network, stem: str | None, reader: str) -> str:
    session = network.session
    when = (session.date or date.today()).isoformat()
    base = slugify(stem) if stem else f"{when}-{slugify(session.title)}"
    name = f"{base}-samenvatting"
    return f"{name}-{slugify(reader)}" if reader else name


NETWORK_FORMATS: dict[str, tuple[str, str]] = {
    "xlsx": ("", "xlsx"),
    "kumu": ("-kumu", "xlsx"),
    "graphml": ("-netwerk", "graphml"),
}
"""Network exports for other tools: the name suffix and extension of each."""


def export_network(
    network: Network, fmt: str, folder: Path, *, stem: str, with_contact: bool = False
) -> Path:
    """Write the network as a spreadsheet, a Kumu workbook or GraphML into ``folder/exports/``.

    Contact details only with ``with_contact`` (and then only of people who share them).
    """
    from wijksessie.exchange.graphml import export_graphml
    from wijksessie.exchange.kumu import export_kumu
    from wijksessie.exchange.spreadsheet import export_xlsx

    suffix, extension = NETWORK_FORMATS[fmt]
    target = free_name(folder / EXPORTS, f"{stem}{suffix}", extension)
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        export_xlsx(network, target, with_contact=with_contact)
    elif fmt == "kumu":
        export_kumu(network, target, with_contact=with_contact)
    else:
        export_graphml(network, target)
    return target
