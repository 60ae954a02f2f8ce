"""The summary as one self-contained, printable HTML page for participants to take home.

Built with a jinja2 template whose autoescaping is on, so anything typed (``<script>`` too) is
shown, never run; control characters become visible symbols first. The page carries its own CSS
(with an A4 print stylesheet) and links to nothing: it must open the same from a mail
attachment, a USB stick or a printer, years later, without a network.

The template's words go through the one catalogue with jinja2's i18n extension (``_()`` and
``ngettext()``, new style: ``%(name)s`` placeholders, the values escaped). A value passed into a
translated sentence skips ``finalize``, so user text given to ``_()`` goes through the
``visible`` filter first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from jinja2.ext import i18n
from markupsafe import Markup

from wijksessie.domain.summary import Summary
from wijksessie.domain.text import visible
from wijksessie.i18n import _, current_language, ngettext
from wijksessie.render.figures import Figure
from wijksessie.render.template_cache import template_cache

TEMPLATE = "summary.html.j2"
COMPACT = 100
"""From this many commitments or initiatives the page prints compactly: the commitments once
(per person), no initiative descriptions, smaller type. The large benchmark session (1,000
commitments, 500 initiatives) printed to 348 A4 pages before."""


_OWN = "<!--wijksessie:own-->"
_BY_PERSON = "<!--wijksessie:by-person-->"
"""Where a page for everyone (``pages_for``) takes each reader's own parts."""


def to_html(summary: Summary, figures: Sequence[Figure] = ()) -> str:
    """The summary as a complete HTML document, with ``figures`` drawn inline."""
    template = environment().get_template(TEMPLATE)
    return template.render(_variables(summary, figures, splice=False))


def pages_for(
    summary: Summary, readers: Iterable[Summary], figures: Sequence[Figure] = ()
) -> Iterator[str]:
    """``to_html`` of each of ``readers`` (``summary`` as each one's own view, see
    ``domain.summary.for_reader``), the same pages, made fast enough for 300 at once.

    Only two parts of a page depend on its reader: "Jouw toezeggingen" and the order of the
    commitments per person (theirs first, marked). So the page is rendered once with a mark
    where each goes, every person's group once, and each reader's page is the page with their
    own parts put in: the large session's 300 pages take seconds, not minutes.
    """
    if not summary.by_person:  # no table to put groups in: each page as it is
        yield from (to_html(reader, figures) for reader in readers)
        return
    template = environment().get_template(TEMPLATE)
    base = template.render(_variables(summary, figures, splice=True))
    module = template.make_module(_variables(summary, figures, splice=False))
    groups = {group.participant_id: str(module.person_group(group)) for group in summary.by_person}
    for reader in readers:
        parts = [
            str(module.person_group(group)) if group.own else groups[group.participant_id]
            for group in reader.by_person
        ]
        yield base.replace(_OWN, str(module.own_section(reader)), 1).replace(
            _BY_PERSON, "\n    ".join(parts), 1
        )


def _variables(summary: Summary, figures: Sequence[Figure], *, splice: bool) -> dict[str, Any]:
    pictures = [(f.title, f.caption, Markup(f.svg), f.rows) for f in figures]
    return {
        "lang": current_language(),
        "s": summary,
        "max_votes": max((g.votes for g in summary.goals), default=0),
        "figures": pictures,
        "compact": max(len(summary.commitments), sum(len(w.initiatives) for w in summary.work))
        >= COMPACT,
        "splice": splice,
    }


@cache
def environment() -> Environment:
    """One environment per process: templates are compiled once (and kept between runs,
    see ``render.template_cache``).

    ``_`` and ``ngettext`` look the language up on every call, so one environment serves both.
    """
    environment = Environment(
        loader=PackageLoader("wijksessie.render", "templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[i18n],
        bytecode_cache=template_cache(),
    )
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_, ngettext=ngettext, newstyle=True
    )
    environment.filters["visible"] = visible
    return environment


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` passes here before it is escaped: no control character survives."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value)
    return value
