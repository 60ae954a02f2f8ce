"""The one catalogue every user-facing string goes through: stdlib ``gettext``.

The source strings (msgids) are the Dutch texts, so Dutch needs no catalogue and stays exactly
what it was; English lives in ``locale/en/LC_MESSAGES/wijksessie.po``, compiled to the ``.mo``
that ships in the package. Textual evaluates ``Binding`` descriptions and class-level labels at
import time, so the CLI calls ``set_language`` before it imports the UI.

This module imports nothing of wijksessie, so every layer (domain included) may use it; the
saved setting is looked up by the caller and passed to ``resolve_language``.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "wijksessie"
LOCALE_DIR = Path(__file__).parent / "locale"
LANG_ENV = "WIJKSESSIE_LANG"
DEFAULT = "nl"
LANGUAGES = ("nl", "en")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT


def _(message: str) -> str:
    """``message`` (Dutch) in the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form (Dutch msgids) for ``n``, in the current language."""
    return _translations.ngettext(singular, plural, n)


def set_language(lang: str) -> None:
    """Switch every later ``_()`` to ``lang``; an unknown language gives Dutch."""
    global _translations, _language
    lang = lang if lang in LANGUAGES else DEFAULT
    if lang == DEFAULT:
        _translations = gettext.NullTranslations()
    else:
        _translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    _language = lang


def current_language() -> str:
    """The language ``_()`` translates into now: ``"nl"`` or ``"en"``."""
    return _language


def resolve_language(option: str | None, setting: str | None = None) -> str:
    """The language to use: ``--lang``, else ``$WIJKSESSIE_LANG``, else the saved setting.

    The first one given wins; an unknown value gives Dutch rather than falling through, so a
    typo shows up as Dutch instead of silently picking a lower source.
    """
    for value in (option, os.environ.get(LANG_ENV), setting):
        if value is not None and str(value).strip():
            choice = str(value).strip().lower()
            return choice if choice in LANGUAGES else DEFAULT
    return DEFAULT


def in_every_language(message: str) -> set[str]:
    """``message`` (a Dutch msgid) as every language says it: a file written in English must
    still be recognised while the app speaks Dutch."""
    found = {message}
    for lang in LANGUAGES:
        if lang != DEFAULT:
            found.add(gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang]).gettext(message))
    return found


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (module-level tables).

    The caller passes the marked string through ``_()`` where it is shown, after the
    language is set.
    """
    return message
