"""The command palette in Dutch: its placeholder and its "no matches" line.

Textual writes both in English and has no setting for the second, so the palette looks for its
"no matches" line a few times a second and puts it into words (``NO_MATCHES_ID`` is the id
Textual gives that line).
"""

from __future__ import annotations

from typing import Any

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import OptionDoesNotExist

from wijksessie.i18n import _

NO_MATCHES_ID = "--no-matches"
CHECK_SECONDS = 0.1


class Palette(CommandPalette):
    """Textual's command palette, saying everything in the app's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("placeholder", _("Zoek een opdracht…"))
        super().__init__(*args, **kwargs)

    def on_mount(self) -> None:
        self.set_interval(CHECK_SECONDS, self._translate_no_matches)

    def _translate_no_matches(self) -> None:
        options = self.query_one(CommandList)
        try:
            options.get_option(NO_MATCHES_ID)
        except OptionDoesNotExist:
            return
        said = Align.center(Text(_("Niets gevonden"), style="not bold"))
        options.replace_option_prompt(NO_MATCHES_ID, said)
