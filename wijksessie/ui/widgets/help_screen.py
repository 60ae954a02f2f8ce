"""``?``: the keys of the screen you are on, with what they do, in one overlay."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from wijksessie.i18n import N_, _
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.modal import Modal

GENERAL = {
    "ctrl+p": N_("Alle opdrachten zoeken (opdrachtenpalet)"),
    "f8": N_("Projectormodus aan/uit: hoog contrast, contactgegevens gemaskeerd"),
    "ctrl+l": N_("Spotlight: alleen het gekozen item, groot"),
    "ctrl+q": N_("Afsluiten (vraagt eerst als opslaan mislukt)"),
}
"""Keys that work everywhere, with a fuller description than their binding's."""

TEXTUAL_WORDS = {
    "Focus Next": N_("Volgend veld"),
    "Focus Previous": N_("Vorig veld"),
    "Copy selected text": N_("Geselecteerde tekst kopiëren"),
    "Cursor up": N_("Regel omhoog"),
    "Cursor down": N_("Regel omlaag"),
    "Cursor left": N_("Naar links"),
    "Cursor right": N_("Naar rechts"),
    "Home": N_("Naar het begin"),
    "End": N_("Naar het eind"),
    "Page up": N_("Pagina omhoog"),
    "Page down": N_("Pagina omlaag"),
    "Top": N_("Naar boven"),
    "Bottom": N_("Naar beneden"),
    "Toggle option": N_("Aan/uit"),
    "Select": N_("Kiezen"),
    "Scroll Up": N_("Omhoog"),
    "Scroll Down": N_("Omlaag"),
    "Scroll Left": N_("Naar links schuiven"),
    "Scroll Right": N_("Naar rechts schuiven"),
    "Scroll Home": N_("Naar het begin schuiven"),
    "Scroll End": N_("Naar het eind schuiven"),
    "Page Up": N_("Pagina omhoog"),
    "Page Down": N_("Pagina omlaag"),
    "Page Left": N_("Pagina naar links"),
    "Page Right": N_("Pagina naar rechts"),
    "Up": N_("Omhoog"),
    "Down": N_("Omlaag"),
    "First": N_("Eerste"),
    "Last": N_("Laatste"),
    "Next tab": N_("Volgende tab"),
    "Previous tab": N_("Vorige tab"),
    "Go to start": N_("Naar het begin"),
    "Go to end": N_("Naar het eind"),
    "Show menu": N_("Keuzelijst openen"),
    "Submit": N_("Bevestigen"),
    "Select all": N_("Alles selecteren"),
    "Cut selected text": N_("Geselecteerde tekst knippen"),
    "Paste text from the clipboard": N_("Tekst plakken"),
    "Delete character left": N_("Teken links wissen"),
    "Delete character right": N_("Teken rechts wissen"),
    "Delete all to the right": N_("Alles rechts wissen"),
    "Move cursor left": N_("Naar links"),
    "Move cursor left a word": N_("Een woord naar links"),
}
"""Textual's own key descriptions (English in Textual), as the help says them."""


def in_words(description: str) -> str:
    """A key's description in the app's language, also when Textual wrote it."""
    known = TEXTUAL_WORDS.get(description)
    return _(known) if known else description


class HelpScreen(StyledOnce, Modal[None]):
    """Lists the active keys of the screen below it."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", _("Sluiten"), id="help.close")]

    def __init__(self, keys: list[tuple[str, str, str]], title: str) -> None:
        """``keys``: each key's name (as bound), how it is shown, and what it does."""
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
        screen_keys, general = self.rows()
        for display, description in screen_keys:
            table.add_row(Text(display), Text(description))
        table.add_section()
        for display, description in general:
            table.add_row(Text(display), Text(description))
        table.caption = _("Esc of ? sluit deze hulp.")
        return table

    def rows(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The keys of the screen, then the general keys it does not list: each key once,
        shown as the key bar shows it, described in the app's language."""
        general = dict(GENERAL)
        screen_keys = []
        for key, display, description in self.keys:
            fuller = general.pop(key, None)
            screen_keys.append((display, _(fuller) if fuller else in_words(description)))
        rest = [
            (self.app.get_key_display(Binding(key, "")), _(description))
            for key, description in general.items()
        ]
        return screen_keys, rest

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
