"""Typed text: shown literally on the projector, compared like people compare names."""

from __future__ import annotations

import pytest

from wijksessie.domain.text import join_list, normalise, split_list, visible


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("\x1b[31mrood", "\u241b[31mrood"),
        ("a\x00b", "a\u2400b"),
        ("bel\x07", "bel\u2407"),
        ("terug\r", "terug\u240d"),
        ("\x0b\x0c", "\u240b\u240c"),
        ("weg\x7f", "weg\u2421"),
        ("c1 \x9b31m", "c1 \ufffd31m"),
        ("\x85", "\ufffd"),
    ],
)
def test_visible_turns_control_characters_into_symbols(typed: str, shown: str) -> None:
    assert visible(typed) == shown


def test_visible_output_has_no_control_characters_left() -> None:
    everything = "".join(chr(code) for code in range(0xA0))
    shown = visible(everything)
    assert all(
        char in "\n\t" or not (ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0) for char in shown
    )
    assert len(shown) == len(everything)


@pytest.mark.parametrize(
    "text", ["regel 1\nregel 2", "kolom\tkolom", "Café Zuid-Oost", "[bold red]x[/]", ""]
)
def test_visible_keeps_newlines_tabs_and_ordinary_text(text: str) -> None:
    assert visible(text) == text


@pytest.mark.parametrize(
    ("a", "b"),
    [("Welzijn Zuid", "  welzijn\tZUID "), ("De  Pijp", "de pijp"), ("STRASSE", "straße")],
)
def test_normalise_ignores_case_and_spacing(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


def test_normalise_keeps_different_names_apart() -> None:
    assert normalise("De Pijp") != normalise("DePijp")


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        ("ouderen, jeugd", ["ouderen", "jeugd"]),
        ("a;b\nc", ["a", "b", "c"]),
        (" a , ,; \n\n b ,", ["a", "b"]),
        ("", []),
        (" , ; \n", []),
        ("armoede & schulden", ["armoede & schulden"]),
    ],
)
def test_split_list(typed: str, items: list[str]) -> None:
    assert split_list(typed) == items


def test_join_list_is_the_inverse_of_split_list() -> None:
    items = ["eenzaamheid", "armoede & schulden", "werk & participatie"]
    assert join_list(items) == "eenzaamheid, armoede & schulden, werk & participatie"
    assert split_list(join_list(items)) == items
    assert join_list([]) == ""


def test_the_patterns_are_compiled_when_first_used() -> None:
    """Compiling the seven character classes cost 4-6 ms of every cold start (issue 20);
    importing the module compiles none, and a text needing one compiles only that one."""
    import subprocess
    import sys

    script = (
        "from wijksessie.domain import text\n"
        "before = text._pattern.cache_info().currsize\n"
        "shown = text.visible('rood\\x1b[31m')\n"
        "print(before, text._pattern.cache_info().currsize, shown == 'rood\\u241b[31m')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.split() == ["0", "1", "True"], done.stderr
