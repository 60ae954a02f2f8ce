"""Import a registration list (CSV or Excel) into "Wie doet wat", with a preview first.

Nothing is written before the facilitator has seen what each column becomes, who is new, who
is already there and which rows are bad. Columns the app cannot place can be mapped by hand.
The import is one save and one undo step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from wijksessie.errors import SaveError, WijksessieError
from wijksessie.exchange.fields import FIELD_LABELS
from wijksessie.i18n import _, ngettext
from wijksessie.services.importing import ImportPreview, apply_import, preview_import
from wijksessie.store import SessionStore
from wijksessie.ui.literal import literal
from wijksessie.ui.show_error import show_error
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.clean_input import CleanInput
from wijksessie.ui.widgets.modal import Modal

SHOWN_ROWS = 8
IGNORE = "__ignore__"


class ImportScreen(StyledOnce, Modal[bool]):
    """Type a path, read the preview, map loose columns, then import (or not)."""

    BINDINGS = [
        Binding("ctrl+s", "apply(False)", _("Importeren"), id="import.apply"),
        Binding("ctrl+b", "apply(True)", _("Importeren zonder foute rijen"), id="import.skip_bad"),
        Binding("escape", "cancel", _("Annuleren"), id="import.cancel"),
    ]

    def __init__(self, store: SessionStore, start_folder: Path) -> None:
        super().__init__()
        self.store = store
        self.start_folder = start_folder
        self.preview: ImportPreview | None = None
        self.mapping: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_("Deelnemerslijst importeren (CSV of Excel)"), id="form-title")
            yield CleanInput(placeholder=_("pad naar het bestand, dan Enter"), id="import-path")
            yield Label("", id="import-error", classes="field-error")
            with VerticalScroll(id="import-body"):
                yield Static(id="import-preview")
                yield Vertical(id="import-mapping")
            yield Label(
                _("ctrl+s importeren · ctrl+b zonder foute rijen · esc annuleren"),
                classes="panel-hint",
            )

    @on(Input.Submitted, "#import-path")
    def _path_given(self, event: Input.Submitted) -> None:
        event.stop()
        self.mapping = {}
        self.read_preview()

    def path(self) -> Path:
        """The typed path; relative paths start in the folder the app was started from."""
        typed = Path(self.query_one("#import-path", Input).value.strip()).expanduser()
        return typed if typed.is_absolute() else (self.start_folder / typed)

    def read_preview(self) -> None:
        """Read the file again with the current mapping and show what would happen."""
        error = self.query_one("#import-error", Label)
        try:
            self.preview = preview_import(self.path(), self.store.network(), mapping=self.mapping)
        except WijksessieError as problem:
            self.preview = None
            error.update(str(problem))
            error.add_class("visible")
            self.query_one("#import-preview", Static).update("")
            return
        error.remove_class("visible")
        self.query_one("#import-preview", Static).update(preview_renderable(self.preview))
        self.call_after_refresh(self._show_mapping)

    async def _show_mapping(self) -> None:
        box = self.query_one("#import-mapping", Vertical)
        await box.remove_children()
        if self.preview is None:
            return
        options = [(label, field.value) for field, label in FIELD_LABELS.items()]
        options.insert(0, (_("(negeren)"), IGNORE))
        loose = [c for c in self.preview.columns if c.field is None or c.header in self.mapping]
        if loose:
            await box.mount(Label(_("Kolommen zelf toewijzen:"), classes="field-label"))
        for column in loose:
            current = self.mapping.get(column.header) or IGNORE
            select: Select[str] = Select(
                options, value=current or IGNORE, allow_blank=False, classes="import-map"
            )
            select.border_title = column.header
            select.column_header = column.header  # type: ignore[attr-defined]
            await box.mount(select)

    @on(Select.Changed, ".import-map")
    def _mapped(self, event: Select.Changed) -> None:
        header = getattr(event.select, "column_header", "")
        value = "" if event.value == IGNORE else str(event.value)
        if self.mapping.get(header, "") == value:
            return
        self.mapping[header] = value
        self.read_preview()

    def action_apply(self, skip_bad: bool) -> None:
        """Import what the preview shows, in one save; refuses while rows are bad."""
        if self.preview is None:
            self.notify(_("Kies eerst een bestand (pad + Enter)."), severity="warning")
            return
        refusal = self.preview.refusal(skip_bad=skip_bad)
        if refusal:
            self.notify(
                refusal.replace("(--zonder-foute-rijen)", "(ctrl+b)"),
                severity="warning",
                markup=False,
                timeout=8,
            )
            return
        try:
            result = apply_import(self.store, self.preview, skip_bad=skip_bad)
        except SaveError:
            self.dismiss(True)
            return
        except WijksessieError as error:
            show_error(self, error, timeout=8)
            return
        self.notify(result.summary(), markup=False, timeout=6)
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Close without importing."""
        self.dismiss(False)


def preview_renderable(preview: ImportPreview) -> Any:
    """Counts, what each column becomes, and the first bad rows, for the dialog."""
    summary = Text()
    rows = preview.rows
    summary.append(
        ngettext("{rows} rij in ", "{rows} rijen in ", rows).format(rows=rows), style="bold"
    )
    summary.append_text(literal(preview.source, "bold"))
    # Each count with its own plural ("1 nieuwe deelnemers" was said).
    people, orgs, initiatives = (
        len(preview.participants),
        len(preview.organisations),
        len(preview.initiatives),
    )
    parts = [
        ngettext("{n} nieuwe deelnemer", "{n} nieuwe deelnemers", people).format(n=people),
        ngettext("{n} nieuwe organisatie", "{n} nieuwe organisaties", orgs).format(n=orgs),
        ngettext("{n} nieuw initiatief", "{n} nieuwe initiatieven", initiatives).format(
            n=initiatives
        ),
        _("{n} al bekend").format(n=len(preview.matches)),
        _("{n} fout").format(n=len(preview.bad_rows)),
    ]
    summary.append(": " + ", ".join(parts) + ".")
    columns = Table(box=None, show_header=True, pad_edge=False)
    columns.add_column(_("Kolom"))
    columns.add_column(_("wordt"))
    for column in preview.columns:
        target = FIELD_LABELS[column.field] if column.field else _("— niet gebruikt")
        columns.add_row(literal(column.header), Text(target, style="" if column.field else "dim"))
    parts: list[Any] = [summary, Text(""), columns]
    if preview.bad_rows:
        parts.append(Text(_("\nFoute rijen:"), style="bold red"))
        for bad in preview.bad_rows[:SHOWN_ROWS]:
            parts.append(
                literal(_("rij {row}: {message}").format(row=bad.row, message=bad.message))
            )
        if len(preview.bad_rows) > SHOWN_ROWS:
            parts.append(
                Text(
                    _("… en nog {count}").format(count=len(preview.bad_rows) - SHOWN_ROWS),
                    style="dim",
                )
            )
    for warning in preview.warnings[:SHOWN_ROWS]:
        parts.append(
            literal(
                _("let op, rij {row}: {message}").format(row=warning.row, message=warning.message),
                "yellow",
            )
        )
    return Group(*parts)
