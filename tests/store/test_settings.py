"""Settings kept between runs: defaults, round trip, damaged files, failed saves."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import platformdirs
import pytest

from wijksessie.errors import SaveError
from wijksessie.store import storage
from wijksessie.store.settings import (
    CONFIG_DIR_ENV,
    Language,
    Settings,
    Theme,
    config_dir,
    load_settings,
    save_settings,
    settings_path,
)


@pytest.fixture(autouse=True)
def config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own config folder; the user's real settings are never touched."""
    folder = tmp_path / "config" / "wijksessie"
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    return folder


def test_without_a_file_the_defaults_hold_and_nothing_is_written(config_folder: Path) -> None:
    assert load_settings() == Settings(theme=Theme.DARK, language=Language.DUTCH)
    assert not config_folder.exists()


def test_the_override_folder_is_used(config_folder: Path) -> None:
    assert config_dir() == config_folder
    assert settings_path() == config_folder / "settings.json"


def test_without_override_the_platform_folder_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CONFIG_DIR_ENV)
    expected = Path(platformdirs.user_config_dir("wijksessie", appauthor=False))
    assert config_dir() == expected
    monkeypatch.setenv(CONFIG_DIR_ENV, "  ")
    assert config_dir() == expected


@pytest.mark.parametrize("theme", list(Theme))
@pytest.mark.parametrize("language", list(Language))
def test_saved_settings_come_back(theme: Theme, language: Language, config_folder: Path) -> None:
    save_settings(Settings(theme=theme, language=language))
    assert load_settings() == Settings(theme=theme, language=language)
    on_disk = json.loads((config_folder / "settings.json").read_text(encoding="utf-8"))
    assert on_disk == {"theme": theme.value, "language": language.value}


def test_plain_strings_are_accepted_and_wrong_ones_refused() -> None:
    save_settings(Settings(theme="projector", language="en"))  # type: ignore[arg-type]
    assert load_settings() == Settings(Theme.PROJECTOR, Language.ENGLISH)
    with pytest.raises(ValueError):
        save_settings(Settings(theme="neon"))  # type: ignore[arg-type]


def test_an_explicit_path_wins(tmp_path: Path) -> None:
    path = tmp_path / "elders" / "mijn.json"
    save_settings(Settings(theme=Theme.LIGHT), path)
    assert load_settings(path).theme is Theme.LIGHT
    assert load_settings() == Settings()


DAMAGED = [
    ("not json", b"{theme: projector"),
    ("empty", b""),
    ("a list", b'["projector"]'),
    ("not utf-8", b"\xff\xfe\x00garbage"),
    ("wrong types", b'{"theme": 3, "language": null}'),
    ("unknown values", b'{"theme": "neon", "language": "fr"}'),
]


@pytest.mark.parametrize("content", [case[1] for case in DAMAGED], ids=[c[0] for c in DAMAGED])
def test_a_damaged_file_gives_defaults_and_stays_until_a_change(
    content: bytes, config_folder: Path
) -> None:
    config_folder.mkdir(parents=True)
    path = config_folder / "settings.json"
    path.write_bytes(content)
    assert load_settings() == Settings()
    assert path.read_bytes() == content
    save_settings(Settings(theme=Theme.PROJECTOR))
    assert load_settings() == Settings(theme=Theme.PROJECTOR)


def test_one_bad_value_does_not_lose_the_good_one(config_folder: Path) -> None:
    config_folder.mkdir(parents=True)
    (config_folder / "settings.json").write_text('{"theme": "neon", "language": "en"}')
    assert load_settings() == Settings(theme=Theme.DARK, language=Language.ENGLISH)


def test_an_unreadable_path_gives_defaults(config_folder: Path) -> None:
    (config_folder / "settings.json").mkdir(parents=True)
    assert load_settings() == Settings()


def test_keys_of_a_newer_version_are_kept(config_folder: Path) -> None:
    config_folder.mkdir(parents=True)
    path = config_folder / "settings.json"
    path.write_text('{"theme": "light", "font_size": 18}')
    save_settings(Settings(theme=Theme.PROJECTOR))
    assert json.loads(path.read_text()) == {"theme": "projector", "language": "nl", "font_size": 18}


def test_saving_is_atomic(monkeypatch: pytest.MonkeyPatch, config_folder: Path) -> None:
    written: list[Path] = []
    real = storage.atomic_write_text
    monkeypatch.setattr(storage, "atomic_write_text", lambda p, t: (written.append(p), real(p, t)))
    save_settings(Settings(language=Language.ENGLISH))
    assert written == [config_folder / "settings.json"]
    assert sorted(p.name for p in config_folder.iterdir()) == ["settings.json"]


def test_a_failed_save_raises_a_dutch_error_and_keeps_the_old_file(
    monkeypatch: pytest.MonkeyPatch, config_folder: Path
) -> None:
    save_settings(Settings(theme=Theme.LIGHT))

    def refuse(path: Path, text: str) -> None:
        raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(storage, "atomic_write_text", refuse)
    with pytest.raises(SaveError, match=r"Instellingen opslaan .* mislukt"):
        save_settings(Settings(theme=Theme.PROJECTOR))
    assert load_settings().theme is Theme.LIGHT


def test_a_config_folder_that_cannot_be_made_is_a_save_error(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    with pytest.raises(SaveError):
        save_settings(Settings(), blocker / "wijksessie" / "settings.json")
