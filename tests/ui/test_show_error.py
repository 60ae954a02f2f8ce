"""Typed errors are shown in the app by one helper: whole, as written, never read as markup."""

from __future__ import annotations

from typing import Any

from textual.app import App

from wijksessie.errors import SessionFileError
from wijksessie.ui.show_error import show_error


class Recording(App[None]):
    """An app that keeps what it was asked to notify."""

    def __init__(self) -> None:
        super().__init__()
        self.told: list[dict[str, Any]] = []

    def notify(self, message: str, **options: Any) -> None:  # type: ignore[override]
        self.told.append({"message": message, **options})
        super().notify(message, **options)


async def test_a_typed_error_is_shown_whole_and_literally() -> None:
    app = Recording()
    async with app.run_test():
        show_error(app, SessionFileError("[bold]kapot.json[/] is geen sessie."), timeout=7)
    assert app.told == [
        {
            "message": "[bold]kapot.json[/] is geen sessie.",
            "severity": "error",
            "markup": False,
            "timeout": 7,
        }
    ]
