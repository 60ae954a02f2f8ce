"""The user's settings (theme, language), kept between runs in the user's config folder.

The facilitator picks the projector theme once and finds it again at the next session. The
file is small JSON in ``platformdirs.user_config_dir("wijksessie")``; ``WIJKSESSIE_CONFIG_DIR``
points elsewhere (tests, a portable install). Settings must never stop the app: a missing,
unreadable or damaged file gives the defaults, and is left alone until the user changes a
setting. Saving is atomic, like a session file, and keeps keys a newer version wrote.
"""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

from wijksessie.domain.record import record
from wijksessie.errors import SaveError
from wijksessie.i18n import _
from wijksessie.store import storage

CONFIG_DIR_ENV = "WIJKSESSIE_CONFIG_DIR"
SETTINGS_FILE = "settings.json"

C = TypeVar("C", bound=StrEnum)


class Theme(StrEnum):
    """How the app looks: on a desk (dark or light) or on a wall (projector)."""

    DARK = "dark"
    LIGHT = "light"
    PROJECTOR = "projector"


class Language(StrEnum):
    """The language of everything the user reads."""

    DUTCH = "nl"
    ENGLISH = "en"


@record
class Settings:
    """What the app remembers about its user between runs."""

    theme: Theme = Theme.DARK
    language: Language = Language.DUTCH


def config_dir() -> Path:
    """The folder for the settings file: ``WIJKSESSIE_CONFIG_DIR`` or the platform's place."""
    override = os.environ.get(CONFIG_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("wijksessie", appauthor=False))


def settings_path() -> Path:
    """Where the settings are stored."""
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; the default for anything missing, unknown or unreadable.

    Never raises and never writes: a damaged file stays as it is until ``save_settings``.
    """
    data = _read(path or settings_path())
    return Settings(
        theme=_choice(Theme, data.get("theme"), Settings.theme),
        language=_choice(Language, data.get("language"), Settings.language),
    )


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write ``settings`` atomically, creating the folder; ``SaveError`` when that fails."""
    path = path or settings_path()
    data = _read(path)
    data.update(theme=Theme(settings.theme).value, language=Language(settings.language).value)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        storage.atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except OSError as error:
        raise SaveError(
            _(
                "Instellingen opslaan in {path} mislukt ({reason}). De keuze geldt nu wel, maar "
                "is de volgende keer weer weg."
            ).format(path=path, reason=error.strerror or error)
        ) from error


def _read(path: Path) -> dict[str, Any]:
    """The file's JSON object, or an empty one when there is no usable file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _choice(kind: type[C], value: Any, default: C) -> C:
    try:
        return kind(value)
    except ValueError:
        return default
