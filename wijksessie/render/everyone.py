"""A personal summary for every participant at once, and the list to send them with.

After the session the facilitator mails each participant their own copy: the whole summary with
"Jouw toezeggingen" first (``domain.summary.for_reader``) as a page, their own calendar, and a
list (CSV) of who gets which files, with the e-mail address of those who chose to share it, for
a mail merge. The summary is built once and reordered per person, so 300 copies cost one
analysis; the pictures are drawn once too.

Pure: this module returns file names and contents; the caller writes them.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from wijksessie.domain.model import Network, Participant
from wijksessie.domain.summary import Summary, for_reader
from wijksessie.domain.text import normalise, visible
from wijksessie.i18n import _
from wijksessie.render.figures import Figure

LIST_NAME = "deelnemers.csv"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Text a spreadsheet would run as a formula (as in ``exchange.cells``) gets a quote first."""


@dataclass(frozen=True)
class PersonalCopy:
    """One participant's files: ``page`` (HTML) and ``calendar`` (iCalendar), by file name."""

    name: str
    organisation: str
    email: str
    page: str
    calendar: str


def file_stem(name: str) -> str:
    """A safe, readable file name for a person: ``"Fatima el Amrani"`` → ``"fatima-el-amrani"``."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60].strip("-") or "deelnemer"


def personal_files(
    summary: Summary, network: Network, figures: Sequence[Figure] = ()
) -> tuple[list[PersonalCopy], dict[str, str]]:
    """Every participant's copy (by name) and the files: file name → contents.

    ``summary`` is the whole room's summary, built with the contact details the copies may
    carry. Two people whose names give the same file name get ``-2``, ``-3``.
    """
    from wijksessie.render.html import pages_for
    from wijksessie.render.ics import to_ics

    names = {o.id: o.name for o in network.organisations}
    shared = summary.with_contact
    copies: list[PersonalCopy] = []
    files: dict[str, str] = {}
    people = sorted(network.participants, key=lambda p: (normalise(p.name), p.id))
    views = [for_reader(summary, network, person) for person in people]
    pages = pages_for(summary, views, figures)
    for person, own, page in zip(people, views, pages, strict=True):
        stem = _free(file_stem(person.name), files)
        files[f"{stem}.html"] = page
        files[f"{stem}.ics"] = to_ics(own)
        copies.append(
            PersonalCopy(
                name=person.name,
                organisation=names.get(person.organisation_id, ""),
                email=_email(person, shared),
                page=f"{stem}.html",
                calendar=f"{stem}.ics",
            )
        )
    files[LIST_NAME] = mailing_list(copies)
    return copies, files


def _free(stem: str, files: dict[str, str]) -> str:
    candidate, number = stem, 2
    while f"{candidate}.html" in files:
        candidate, number = f"{stem}-{number}", number + 1
    return candidate


def _email(person: Participant, shared: bool) -> str:
    return person.email.strip() if shared and person.share_contact else ""


def mailing_list(copies: Sequence[PersonalCopy]) -> str:
    """The CSV a facilitator sends from: name, organisation, e-mail (if shared), the files.

    Semicolons and a byte-order mark, as Excel in the Netherlands opens a CSV by double-click.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("Naam"), _("Organisatie"), _("E-mail"), _("Pagina"), _("Agenda")])
    for copy in copies:
        row = [copy.name, copy.organisation, copy.email, copy.page, copy.calendar]
        writer.writerow([_cell(value) for value in row])
    return "\ufeff" + out.getvalue()


def _cell(value: str) -> str:
    text = visible(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
