"""Every output format, declared once: the summary's and the network's.

One entry per format says everything the rest of the app asks about it: its ``--format`` name,
the file suffix, which contact details it may carry, the key and label in the Samenvatting
phase, and how to load its writer. The command line's choices, the app's keys, the export
services and the README's table are all read from here, so adding a format is one writer
module and one entry (and its words in the catalogue and the README).

Writers load on first use (jinja2, icalendar, openpyxl and networkx cost tens of milliseconds
each), so the command line can read this table on every start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from wijksessie.domain.record import record
from wijksessie.errors import WijksessieError
from wijksessie.i18n import N_, _

if TYPE_CHECKING:
    from wijksessie.domain.model import Network
    from wijksessie.domain.over_time import Overview
    from wijksessie.domain.summary import Summary
    from wijksessie.render.figures import Figure

SummaryWriter = Callable[["Summary", "Sequence[Figure]"], str]
"""Lays a summary (and, where there is room, its pictures) out as the file's text."""
NetworkWriter = Callable[["Network", Path, "NetworkOptions"], None]
"""Writes the network to a file."""
OverviewContent = Callable[["Overview"], "str | bytes"]
"""Lays the network-over-time overview out as a file's text or bytes."""
OverviewFileWriter = Callable[["Overview", Path], None]
"""Writes the overview to a file itself (a workbook, a graph)."""


class Contact(Enum):
    """Which contact details a format may carry; the privacy rule, per format, in one place.

    The value is the README's words for it.
    """

    ASKED = "the shared ones, only with `--met-contact` (it may be on the projector)"
    SHARED = "the shared ones (it is handed to the participants)"
    SHARED_ALL_ASKED = "the shared ones; everyone's with `--met-contact`"
    NONE = "none"


@record
class NetworkOptions:
    """What the user chose for a network export."""

    with_contact: bool = False
    """Contact details beyond the shared ones (``--met-contact``)."""
    with_participants: bool = False
    """People as elements on the map too (``--met-deelnemers``; Kumu)."""


@record
class Format:
    """One output format: what the command line, the app, the services and the README know."""

    name: str
    """The ``--format`` value and the app's action argument."""
    suffix: str
    """The file suffix, with its dot."""
    label: str
    """What the Samenvatting phase's key says ("Export …"), a msgid where it has words."""
    key: str
    """The Samenvatting phase's key."""
    contact: Contact
    file_name: str
    """What the file's name in ``exports/`` gets after the session's name."""


@record
class SummaryFormat(Format):
    """The summary as a file or on the terminal."""

    load: Callable[[], SummaryWriter]
    """Imports the writer (on first use: its libraries are heavy)."""
    pictures: bool = False
    """Whether the network's pictures go in (only where there is room for them)."""
    hint: str = ""
    """A word on it in ``--help`` (a msgid), after its name in brackets."""

    def with_contact(self, asked: bool = False) -> bool:
        """Whether the summary carries the contact details people chose to share."""
        return asked or self.contact is Contact.SHARED


@record
class NetworkFormat(Format):
    """The network for another tool: a spreadsheet, a map, a graph."""

    load: Callable[[], NetworkWriter]
    """Imports the writer (on first use: its libraries are heavy)."""
    people: bool = False
    """Whether ``--met-deelnemers`` can put the participants in (as elements of a map)."""


# --- the summary's formats -----------------------------------------------------------------------


def _text() -> SummaryWriter:
    from wijksessie.render.text import to_text

    return lambda summary, _figures: to_text(summary)


def _markdown() -> SummaryWriter:
    from wijksessie.render.markdown import to_markdown

    return lambda summary, _figures: to_markdown(summary)


def _html() -> SummaryWriter:
    from wijksessie.render.html import to_html

    return to_html


def _ics() -> SummaryWriter:
    from wijksessie.render.ics import to_ics

    return lambda summary, _figures: to_ics(summary)


SUMMARY_FORMATS: tuple[SummaryFormat, ...] = (
    SummaryFormat(
        "text",
        ".txt",
        N_("Tekst"),
        "t",
        Contact.ASKED,
        "-samenvatting",
        _text,
        hint=N_("standaard, voor het scherm"),
    ),
    SummaryFormat("md", ".md", "Markdown", "m", Contact.ASKED, "-samenvatting", _markdown),
    SummaryFormat(
        "html", ".html", "HTML", "h", Contact.SHARED, "-samenvatting", _html, pictures=True
    ),
    SummaryFormat(
        "ics",
        ".ics",
        N_("Agenda (ics)"),
        "k",
        Contact.SHARED,
        "-samenvatting",
        _ics,
        hint=N_("agenda-app"),
    ),
)
"""In the command line's order (the default first)."""


# --- the network's formats -----------------------------------------------------------------------


def _xlsx() -> NetworkWriter:
    from wijksessie.exchange.spreadsheet import export_xlsx

    return lambda network, path, options: export_xlsx(
        network, path, with_contact=options.with_contact
    )


def _kumu() -> NetworkWriter:
    from wijksessie.exchange.kumu import export_kumu

    return lambda network, path, options: export_kumu(
        network,
        path,
        with_participants=options.with_participants,
        with_contact=options.with_contact,
    )


def _graphml() -> NetworkWriter:
    from wijksessie.exchange.graphml import export_graphml

    return lambda network, path, _options: export_graphml(network, path)


NETWORK_FORMATS: tuple[NetworkFormat, ...] = (
    NetworkFormat("xlsx", ".xlsx", "Excel", "x", Contact.SHARED_ALL_ASKED, "", _xlsx),
    NetworkFormat(
        "kumu", ".xlsx", "Kumu", "u", Contact.SHARED_ALL_ASKED, "-kumu", _kumu, people=True
    ),
    NetworkFormat("graphml", ".graphml", "GraphML", "n", Contact.NONE, "-netwerk", _graphml),
)


# --- the network over time (``wijksessie netwerk``) ---------------------------------------------


@record
class OverviewFormat:
    """The overview of every session in a folder, in one format."""

    name: str
    """The ``--formaat`` value."""
    suffix: str
    label: str
    """Its name in ``--help`` (a msgid where it has words)."""
    content: Callable[[], OverviewContent] | None = None
    """Imports what lays it out as text or bytes (on first use)."""
    writer: Callable[[], OverviewFileWriter] | None = None
    """Imports what writes the file itself, for formats that are only a file."""
    screen: bool = True
    """Whether it can go to the terminal (text; not bytes, not a file of its own)."""


def _overview_text(name: str) -> Callable[[], OverviewContent]:
    def load() -> OverviewContent:
        from wijksessie.render import over_time

        return {
            "text": over_time.to_text,
            "md": over_time.to_markdown,
            "html": over_time.to_html,
            "json": over_time.to_json,
        }[name]

    return load


def _overview_docx() -> OverviewContent:
    from wijksessie.render.over_time_docx import to_docx

    return to_docx


def _overview_svg() -> OverviewContent:
    from wijksessie.render.plates import poster_svg

    return poster_svg


def _overview_xlsx() -> OverviewFileWriter:
    from wijksessie.exchange.over_time_xlsx import export_overview_xlsx

    return export_overview_xlsx


def _overview_graphml() -> OverviewFileWriter:
    from wijksessie.exchange.over_time_graphml import export_overview_graphml

    return export_overview_graphml


OVERVIEW_FORMATS: tuple[OverviewFormat, ...] = (
    OverviewFormat("text", ".txt", N_("tekst"), content=_overview_text("text")),
    OverviewFormat("md", ".md", "Markdown", content=_overview_text("md")),
    OverviewFormat("html", ".html", "HTML", content=_overview_text("html")),
    OverviewFormat("json", ".json", "JSON", content=_overview_text("json")),
    OverviewFormat("docx", ".docx", "Word", content=_overview_docx, screen=False),
    OverviewFormat("xlsx", ".xlsx", "Excel", writer=_overview_xlsx, screen=False),
    OverviewFormat("graphml", ".graphml", "GraphML", writer=_overview_graphml, screen=False),
    OverviewFormat("svg", ".svg", N_("poster (SVG)"), content=_overview_svg),
)
"""In the command line's order (the default first)."""
OVERVIEW_NAMES = tuple(fmt.name for fmt in OVERVIEW_FORMATS)


class _Suffixed(Protocol):
    name: str
    suffix: str


def format_for_output(
    given: str | None, output: str | None, formats: Sequence[_Suffixed], default: str = "text"
) -> str:
    """The format a command writes: ``given`` (``--formaat``), else the one ``output``'s suffix
    names (``-o rapport.docx`` is Word), else ``default``.

    Without this, ``-o rapport.docx`` wrote the terminal's text into a file Word cannot open.
    A suffix that names another of the command's formats than ``given`` is refused: the file
    would not be what its name says.
    """
    suffix = Path(output).suffix.lower() if output else ""
    named = [fmt.name for fmt in formats if fmt.suffix == suffix]
    if given is None:
        return named[0] if named else default
    if named and given not in named:
        raise WijksessieError(
            _("-o {output} is een {suffix}-bestand, maar --formaat is {format}.").format(
                output=output, suffix=suffix, format=given
            )
        )
    return given


def overview_format(name: str) -> OverviewFormat:
    """The overview format called ``name``; ``WijksessieError`` (in Dutch) for another word."""
    for fmt in OVERVIEW_FORMATS:
        if fmt.name == name:
            return fmt
    raise WijksessieError(
        _("Onbekend formaat ‘{format}’; kies uit {formats}.").format(
            format=name, formats=", ".join(OVERVIEW_NAMES)
        )
    )


SUMMARY_NAMES = tuple(fmt.name for fmt in SUMMARY_FORMATS)
NETWORK_NAMES = tuple(fmt.name for fmt in NETWORK_FORMATS)

APP_KEYS: tuple[str, ...] = ("h", "m", "k", "t", "x", "u", "n")
"""The order of the Samenvatting phase's key bar: the file to hand out (HTML) first, the
network's last. A format whose key is not here comes after these, in the table's order."""


# --- looking formats up --------------------------------------------------------------------------


def names(formats: Sequence[Format]) -> tuple[str, ...]:
    """The ``--format`` values of ``formats``, in order."""
    return tuple(fmt.name for fmt in formats)


def summary_format(name: str) -> SummaryFormat:
    """The summary format called ``name``; ``WijksessieError`` (in Dutch) for another word."""
    return _find(SUMMARY_FORMATS, name)


def network_format(name: str) -> NetworkFormat:
    """The network format called ``name``; ``WijksessieError`` (in Dutch) for another word."""
    return _find(NETWORK_FORMATS, name)


def by_key() -> list[Format]:
    """Every format in the order of the Samenvatting phase's keys."""
    every: list[Format] = [*SUMMARY_FORMATS, *NETWORK_FORMATS]
    rank = {key: number for number, key in enumerate(APP_KEYS)}
    return sorted(every, key=lambda fmt: rank.get(fmt.key, len(APP_KEYS)))


def spoken(formats: Sequence[Format], *, labels: bool = False) -> str:
    """The formats as a sentence says them, for ``--help``: "xlsx, kumu of graphml", or with
    ``labels`` "Excel, Kumu of GraphML"; a summary format's hint in brackets after its name."""
    words = [_(fmt.label) if labels else _with_hint(fmt) for fmt in formats]
    if len(words) < 2:
        return "".join(words)
    return _("{formats} of {last}").format(formats=", ".join(words[:-1]), last=words[-1])


def _with_hint(fmt: Format) -> str:
    hint = getattr(fmt, "hint", "")
    return f"{fmt.name} ({_(hint)})" if hint else fmt.name


def contact_allowed(fmt: str, asked: bool = False, refused: bool = False) -> bool:
    """Whether a summary in ``fmt`` may carry shared contact details (``with_contact``).

    HTML and iCalendar are handed to the participants, so they carry the email and phone of
    whoever chose to share them. Text and Markdown may be on a projector, so they carry them
    only when the user asks (``--met-contact``). A page meant for the public (a website, a
    newsletter) carries none, in any format (``refused``: ``--zonder-contact``).
    """
    return not refused and summary_format(fmt).with_contact(asked)


def render(
    summary: Summary, fmt: str, *, figures: Sequence[Figure] = (), width: int | None = None
) -> str:
    """The summary in ``fmt`` as a string, ready to print or save.

    ``figures`` (see ``render.figures``) appear where the format has room for pictures (HTML);
    the others leave them out. ``width`` is the line width of the text format (``--breedte``).
    """
    if fmt == "text" and width is not None:
        from wijksessie.render.text import to_text

        return to_text(summary, width=width)
    chosen = summary_format(fmt)
    return chosen.load()(summary, figures if chosen.pictures else ())


F = TypeVar("F", bound=Format)


def _find(formats: Sequence[F], name: str) -> F:
    for fmt in formats:
        if fmt.name == name:
            return fmt
    raise WijksessieError(
        _("Onbekend formaat ‘{format}’; kies uit {formats}.").format(
            format=name, formats=", ".join(names(formats))
        )
    )
