"""Rendering for humans: the one summary structure as terminal text, Markdown, HTML or iCalendar.

Every format is built from ``wijksessie.domain.summary.Summary``, so they all say the same
thing. This package imports the domain only: no Textual, no store. Which formats there are, and
which writer each one uses, is declared once in ``wijksessie.services.formats``.
"""
