"""Small phrases the text and Markdown summaries both say, in the current language."""

from __future__ import annotations

from wijksessie.i18n import _, ngettext


def minutes(count: int) -> str:
    """``count`` minutes, short: "25 min"."""
    return _("{minutes} min").format(minutes=count)


def more_overlaps(count: int) -> str:
    """The line that counts the overlaps beyond the strongest ones listed."""
    return ngettext(
        "… en nog {count} mogelijke verbinding", "… en nog {count} mogelijke verbindingen", count
    ).format(count=count)
