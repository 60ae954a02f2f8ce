"""The Jinja2 environment of the pages still made from a template (the network over time).

Autoescaping is on, so anything typed (``<script>`` too) is shown, never run; control
characters become visible symbols first (``finalize``). The template's words go through the one
catalogue with jinja2's i18n extension (``_()`` and ``ngettext()``, new style: ``%(name)s``
placeholders, the values escaped). A value passed into a translated sentence skips
``finalize``, so user text given to ``_()`` goes through the ``visible`` filter first.

The summary page does not use it: ``render.html`` writes that page itself, because importing
Jinja2 was a fifth of a cold ``wijksessie summary --format html``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from jinja2.ext import i18n
from markupsafe import Markup

from wijksessie.domain.text import visible
from wijksessie.i18n import _, ngettext
from wijksessie.render.template_cache import template_cache


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
