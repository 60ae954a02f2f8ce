"""Phase 6, "Samenvatting": what the room takes home, on the wall, and exported in one key.

The summary is built by the domain and drawn by ``render.text``, the same structure every
export format renders; on the wall no contact details are shown.

Building and drawing the summary of a large network takes over a second, so it happens in a
thread: the phase shows at once, and the summary's parts appear from the top as they are drawn
(the first screenful within a few milliseconds). The keys keep working meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from rich.segment import Segment
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.worker import Worker, WorkerState, get_current_worker

from wijksessie.domain.model import Network
from wijksessie.domain.summary import build_summary
from wijksessie.i18n import _
from wijksessie.render.text import summary_lines
from wijksessie.services.exports import export, export_everyone
from wijksessie.services.formats import by_key
from wijksessie.store import SessionStore
from wijksessie.ui.read_only import LooksOnly
from wijksessie.ui.widgets.summary_view import SummaryView

EVERYONE_KEY = "i"
"""A page and calendar for every participant, with the list to send them (``--iedereen``)."""

_EXPORTING = threading.Lock()
"""Held while an export is written: exports pick the first free file name and then write it,
so two at once (a key pressed twice) would pick the same name and the second overwrite the
first."""


def _export(label: str) -> str:
    """The key's description: "Export HTML" and so on, in the current language."""
    return _("Export {format}").format(format=_(label))


class SummaryPhase(LooksOnly, Vertical):
    """The summary, scrollable; keys export it into the sessions folder's ``exports/``."""

    WALL_HIDES = frozenset({"export", "export_everyone"})
    BINDINGS = [
        *(
            Binding(fmt.key, f"export('{fmt.name}')", _export(fmt.label), id=f"summary.{fmt.name}")
            for fmt in by_key()
        ),
        Binding(EVERYONE_KEY, "export_everyone", _("Voor iedereen"), id="summary.everyone"),
    ]

    today: date | None = None

    def __init__(self, store: SessionStore, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self._drawn: tuple[Any, ...] | None = None
        """What the lines on screen were drawn from (network, day, width)."""
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield SummaryView(id="summary-body")

    def day(self) -> date:
        """Today, or the day a test fixed."""
        return self.today or date.today()

    def reload(self) -> None:
        """Draw the summary again if the session changed since it was drawn."""
        self._redraw()

    def on_resize(self, _event: events.Resize) -> None:
        self._redraw()

    def _redraw(self) -> None:
        view = self.query_one(SummaryView)
        width = view.scrollable_content_region.width
        if width <= 0:  # not laid out yet: the first Resize draws it
            return
        network = self.store.network()
        drawn = (network, self.day(), width)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        self._generation += 1
        view.clear()
        self._draw(network, self.day(), width, self._generation)

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
    def _draw(self, network: Network, day: date, width: int, generation: int) -> None:
        """Build and draw the summary off the main thread, handing over each part when done."""
        worker = get_current_worker()
        summary = build_summary(network, today=day, with_contact=False)
        for lines in summary_lines(summary, width):
            if worker.is_cancelled:
                return
            try:
                self.app.call_from_thread(self._show_part, generation, lines)
            except RuntimeError:  # the app closed meanwhile
                return

    def _show_part(self, generation: int, lines: list[list[Segment]]) -> None:
        if generation == self._generation and self.is_mounted:  # not a stale or closed draw
            self.query_one(SummaryView).append(lines)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Say so when drawing the summary or writing an export failed; a summary that failed
        is drawn again the next time the phase is shown."""
        if event.state is not WorkerState.ERROR:
            return
        if event.worker.group == "summary":
            self._drawn = None
        failed = {
            "summary": _("De samenvatting kon niet worden gemaakt: {error}"),
            "export": _("Exporteren mislukt: {error}"),
        }.get(event.worker.group)
        if failed:
            message = failed.format(error=event.worker.error)
            self.notify(message, severity="error", markup=False, timeout=15)

    def focus_default(self) -> None:
        """Keys scroll the summary."""
        self.query_one(SummaryView).focus()

    def action_export(self, name: str) -> None:
        """Write the summary, or the network for Excel, Kumu or Gephi/yEd, into ``exports/``
        and say where it went."""
        if self.store.path is None:
            return
        folder, stem, day = self.store.path.parent, self.store.path.stem, self.day()
        network = self.store.network()
        self._export(lambda: export(network, name, folder, today=day, stem=stem))

    def action_export_everyone(self) -> None:
        """Write every participant's own page and calendar, and the list, into a new folder in
        ``exports/``."""
        if self.store.path is None:
            return
        folder, stem, day = self.store.path.parent, self.store.path.stem, self.day()
        network = self.store.network()
        self._export(lambda: export_everyone(network, folder, today=day, stem=stem))

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, write: Callable[[], Path]) -> None:
        """Write an export off the main thread (the text of a large session takes 1.5 s), then
        say where it went; the session's data was read before, on the main thread. A failure
        is told by ``on_worker_state_changed``."""
        with _EXPORTING:
            path = write()
        message = _("Geëxporteerd: {path}").format(path=path)
        self.app.call_from_thread(self.notify, message, markup=False, timeout=8)
