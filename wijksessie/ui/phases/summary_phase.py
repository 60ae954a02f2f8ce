"""Phase 6, "Samenvatting": what the room takes home, on the wall, and exported in one key.

The summary is built by the domain and drawn by ``render.text``, the same structure every
export format renders; on the wall no contact details are shown.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from wijksessie.domain.summary import build_summary
from wijksessie.errors import WijksessieError
from wijksessie.i18n import N_, _
from wijksessie.render.text import summary_renderable
from wijksessie.store import SessionStore
from wijksessie.store.exports import export_network, export_summary

EXPORT_KEYS = (
    ("h", "html", "HTML"),
    ("m", "md", "Markdown"),
    ("k", "ics", N_("Agenda (ics)")),
    ("t", "text", N_("Tekst")),
)
NETWORK_KEYS = (("x", "xlsx", "Excel"), ("u", "kumu", "Kumu"), ("n", "graphml", "GraphML"))


def _export(label: str) -> str:
    """The key's description: "Export HTML" and so on, in the current language."""
    return _("Export {format}").format(format=_(label))


class SummaryPhase(VerticalScroll):
    """The summary, scrollable; keys export it into the sessions folder's ``exports/``."""

    BINDINGS = [
        *(
            Binding(key, f"export('{fmt}')", _export(label), id=f"summary.{fmt}")
            for key, fmt, label in EXPORT_KEYS
        ),
        *(
            Binding(key, f"export_network('{fmt}')", _export(label), id=f"summary.{fmt}")
            for key, fmt, label in NETWORK_KEYS
        ),
    ]

    today: date | None = None

    def __init__(self, store: SessionStore, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=True)
        self.store = store

    def compose(self) -> ComposeResult:
        yield Static(id="summary-body")

    def day(self) -> date:
        """Today, or the day a test fixed."""
        return self.today or date.today()

    def reload(self) -> None:
        """Re-build the summary from the session as it is now."""
        summary = build_summary(self.store.network(), today=self.day(), with_contact=False)
        self.query_one("#summary-body", Static).update(summary_renderable(summary))

    def focus_default(self) -> None:
        """Keys scroll the summary."""
        self.focus()

    def action_export_network(self, fmt: str) -> None:
        """Write the network for Excel, Kumu or Gephi/yEd into ``exports/``."""
        if self.store.path is None:
            return
        try:
            path = export_network(
                self.store.network(), fmt, self.store.path.parent, stem=self.store.path.stem
            )
        except (WijksessieError, OSError) as error:
            self.notify(
                _("Exporteren mislukt: {error}").format(error=error), severity="error", markup=False
            )
            return
        self.notify(_("Geëxporteerd: {path}").format(path=path), markup=False, timeout=8)

    def action_export(self, fmt: str) -> None:
        """Write the summary in ``fmt`` to ``exports/`` and say where it went."""
        if self.store.path is None:
            return
        try:
            path = export_summary(
                self.store.network(),
                fmt,
                self.store.path.parent,
                today=self.day(),
                stem=self.store.path.stem,
            )
        except (WijksessieError, OSError) as error:
            self.notify(
                _("Exporteren mislukt: {error}").format(error=error), severity="error", markup=False
            )
            return
        self.notify(_("Geëxporteerd: {path}").format(path=path), markup=False, timeout=8)
