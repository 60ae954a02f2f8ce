"""Filtering as the facilitator types: every word must occur, case and accents do not matter.

Kept apart from the rest of the analysis (and from rapidfuzz) because every list's filter loads
it on the first key typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def matches(text_fields: Iterable[str], query: str) -> bool:
    """True when every word of ``query`` occurs in one of ``text_fields``.

    Every list filters as the facilitator types, live on a projector: case and accents must not
    matter ("cafe" finds "Taalcafé") and more words narrow the list rather than widen it.
    """
    words = _fold(query).split()
    if not words:
        return True
    haystack = "\n".join(_fold(text) for text in text_fields)
    return all(word in haystack for word in words)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
