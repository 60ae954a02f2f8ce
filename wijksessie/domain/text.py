"""Small helpers for text that people typed: compare it, and show it literally."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Replace control characters (ANSI escapes among them) by visible symbols.

    A name like ``"\\x1b[31mrood"`` must show as typed, never turn the projector red.
    Newlines and tabs stay; everything else below space becomes its Unicode control picture.
    """
    return _CONTROL.sub(_picture, text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def normalise(text: str) -> str:
    """A key for comparing names: case-folded, inner whitespace collapsed."""
    return " ".join(text.split()).casefold()


def split_list(text: str) -> list[str]:
    """Split what someone typed as a list (comma, semicolon or newline), dropping blanks."""
    items = re.split(r"[,;\n]", text)
    return [item.strip() for item in items if item.strip()]


def join_list(items: list[str]) -> str:
    """The inverse of ``split_list`` for showing a list in one input field."""
    return ", ".join(items)
