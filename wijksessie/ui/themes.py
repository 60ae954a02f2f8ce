"""The app's looks: dark and light for a desk, and a high-contrast theme for a projector."""

from __future__ import annotations

from textual.theme import Theme

from wijksessie.store.settings import Theme as ThemeChoice

PROJECTOR = Theme(
    name="wijksessie-projector",
    primary="#ffd500",
    secondary="#00e5ff",
    accent="#ffd500",
    warning="#ff9f00",
    error="#ff3b3b",
    success="#3bff6b",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    boost="#202020",
    dark=True,
)
"""Black and white with yellow emphasis: readable on a washed-out beamer in a lit room."""

TEXTUAL_THEMES: dict[ThemeChoice, str] = {
    ThemeChoice.DARK: "textual-dark",
    ThemeChoice.LIGHT: "textual-light",
    ThemeChoice.PROJECTOR: PROJECTOR.name,
}
