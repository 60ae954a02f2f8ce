"""The bar at the top of a session: title, wijk and date, readable from the back row."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from wijksessie.domain.dates import long_date
from wijksessie.domain.model import Session
from wijksessie.ui.literal import literal


class SessionHeader(Static):
    """Shows which session is open, and whether it is read-only."""

    def show(self, session: Session, read_only: bool = False) -> None:
        """Render the header for ``session``."""
        parts = [literal(session.title, "bold")]
        if session.wijk:
            parts.append(literal(session.wijk))
        if session.date:
            parts.append(Text(long_date(session.date)))
        text = Text(" · ").join(parts)
        if read_only:
            text.append("   ALLEEN-LEZEN", style="bold reverse")
        self.update(text)
