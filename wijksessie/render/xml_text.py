"""Text and attribute values made safe for SVG and HTML: ``xml.sax.saxutils``'s ``escape`` and
``quoteattr``, and markupsafe's ``escape``, written out.

Importing ``xml.sax.saxutils`` imports ``urllib.request`` and with it ``http.client``, ``email``
and ``ssl``: about 40 ms of a cold ``wijksessie summary --format html`` for two string
replacements. These give the same output (a test compares them).
"""

from __future__ import annotations


def escape(data: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as ``xml.sax.saxutils.escape``."""
    return data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def escape_html(data: str) -> str:
    """Safe between tags and in a quoted attribute: markupsafe's five characters, as its
    ``escape`` writes them (the summary page must not import Jinja2 and markupsafe)."""
    return escape(data).replace("'", "&#39;").replace('"', "&#34;")


def quoteattr(data: str) -> str:
    """An attribute value with its quotes, as ``xml.sax.saxutils.quoteattr``: double quotes
    unless the value holds one (then single, or ``&quot;`` when it holds both)."""
    data = escape(data).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' in data:
        if "'" in data:
            return '"{}"'.format(data.replace('"', "&quot;"))
        return f"'{data}'"
    return f'"{data}"'
