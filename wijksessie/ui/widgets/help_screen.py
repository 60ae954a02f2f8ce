"""``?``: the keys of the screen you are on, with what they do, in one overlay."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from wijksessie.i18n import N_, _
from wijksessie.ui.styled_once import StyledOnce

GENERAL = (
    ("ctrl+p", N_("Alle opdrachten zoeken (opdrachtenpalet)")),
    ("F8", N_("Projectormodus aan/uit: hoog contrast, contactgegevens gemaskeerd")),
    ("ctrl+l", N_("Spotlight: alleen het gekozen item, groot")),
    ("ctrl+q", N_("Afsluiten (vraagt eerst als opslaan mislukt)")),
)


class HelpScreen(StyledOnce, ModalScreen[None]):
    """Lists the active keys of the screen below it."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", _("Sluiten"), id="help.close")]

    def __init__(self, keys: list[tuple[str, str]], title: str) -> None:
        super().__init__()
        self.keys = keys
        self.help_title = title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self._table())

    def _table(self) -> Table:
        table = Table(title=self.help_title, title_style="bold", expand=True, box=None)
        table.add_column(_("Toets"), style="bold yellow", no_wrap=True)
        table.add_column(_("Wat het doet"))
        for key, description in self.keys:
            table.add_row(Text(key), Text(description))
        table.add_section()
        for key, description in GENERAL:
            table.add_row(Text(key), Text(_(description)))
        table.caption = _("Esc of ? sluit deze hulp.")
        return table

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
