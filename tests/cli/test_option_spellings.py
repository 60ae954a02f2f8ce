"""Options are Dutch; the English spelling an earlier version had still works, to the letter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wijksessie import cli
from wijksessie.cli import build_parser, main
from wijksessie.store.session_store import SessionStore

PAIRS = [
    # (the command before the option, Dutch, English, value)
    ([], "--sessiemap", "--dir", "sessies"),
    ([], "--taal", "--lang", "en"),
    (["new", "Titel", "--wijk", "Kruidenbuurt"], "--datum", "--date", "3-12-2026"),
    (["vervolg", "vorige.json"], "--datum", "--date", "3-12-2026"),
    (["summary", "s.json"], "--formaat", "--format", "md"),
    (["summary", "s.json"], "--uitvoer", "--output", "uit.md"),
    (["import", "s.json", "lijst.csv"], "--proefdraai", "--dry-run", None),
    (["import", "s.json", "lijst.csv"], "--zonder-foute-rijen", "--skip-bad", None),
    (["export", "s.json", "-o", "n.xlsx"], "--formaat", "--format", "xlsx"),
    (["export", "s.json", "--format", "xlsx"], "--uitvoer", "--output", "n.xlsx"),
]


@pytest.mark.parametrize(("before", "dutch", "english", "value"), PAIRS)
def test_both_spellings_mean_the_same(
    before: list[str], dutch: str, english: str, value: str | None
) -> None:
    given = [value] if value is not None else []
    parsed = [
        vars(build_parser().parse_args([*before, option, *given])) for option in (dutch, english)
    ]
    assert parsed[0] == parsed[1]
    assert any(v == (value if value is not None else True) for v in parsed[0].values())


@pytest.mark.parametrize("option", ["--taal", "--lang"])
def test_the_language_is_read_in_either_spelling(option: str) -> None:
    assert cli._lang_option(["list", option, "en"]) == "en"
    assert cli._lang_option([f"{option}=en", "list"]) == "en"


@pytest.mark.parametrize(("folder", "day"), [("--sessiemap", "--datum"), ("--dir", "--date")])
def test_a_session_made_with_either_spelling(folder: str, day: str, tmp_path: Path) -> None:
    sessions = tmp_path / "sessies"
    argv = [folder, str(sessions), "new", "Netwerk", "--wijk", "Kruidenbuurt", day, "3-12-2026"]
    assert main(argv) == 0
    [path] = sessions.glob("*.json")
    with SessionStore.open(path, read_only=True) as store:
        assert store.session.date == date(2026, 12, 3)


def test_help_names_the_dutch_spelling_first_and_the_english_one_beside_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--proefdraai, --dry-run" in out
    assert "--zonder-foute-rijen, --skip-bad" in out
    assert main(["new", "--help"]) == 0
    assert "--datum, --date DATUM" in capsys.readouterr().out
