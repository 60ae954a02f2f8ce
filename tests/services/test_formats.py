"""The format registry: ``render`` dispatches by name, an unknown one is a Dutch error, and the
README's table, the CLI's choices and the app's keys are read from the one table."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tests.render.conftest import demo_summary
from wijksessie.cli import build_parser
from wijksessie.domain.demo import demo_network
from wijksessie.errors import WijksessieError
from wijksessie.render.html import to_html
from wijksessie.render.ics import to_ics
from wijksessie.render.markdown import to_markdown
from wijksessie.render.text import to_text
from wijksessie.services.formats import (
    APP_KEYS,
    NETWORK_FORMATS,
    NETWORK_NAMES,
    SUMMARY_FORMATS,
    SUMMARY_NAMES,
    NetworkOptions,
    by_key,
    network_format,
    render,
    spoken,
)


def test_every_format_renders_the_same_summary() -> None:
    summary = demo_summary()
    expected = (to_text(summary), to_markdown(summary), to_html(summary), to_ics(summary))
    assert tuple(render(summary, fmt) for fmt in SUMMARY_NAMES) == expected


def test_unknown_format() -> None:
    with pytest.raises(
        WijksessieError, match="Onbekend formaat ‘pdf’; kies uit text, md, html, ics"
    ):
        render(demo_summary(), "pdf")


def readme_table() -> list[str]:
    """The README's table of formats, as the registry declares them."""
    rows = [
        "| `--format` | of | file | key | contact details |",
        "| --- | --- | --- | --- | --- |",
    ]
    for command, formats in (("summary", SUMMARY_FORMATS), ("export", NETWORK_FORMATS)):
        rows += [
            f"| `{fmt.name}` | `wijksessie {command}` | `{fmt.suffix}` | `{fmt.key}` "
            f"| {fmt.contact.value} |"
            for fmt in formats
        ]
    return rows


def test_the_readme_lists_every_format_as_the_registry_declares_it() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    expected = "\n".join(readme_table())
    assert expected in readme, f"README.md should have this table:\n{expected}"


def test_every_format_has_its_own_name_and_key() -> None:
    every = [*SUMMARY_FORMATS, *NETWORK_FORMATS]
    assert len({fmt.name for fmt in every}) == len(every)
    assert len({fmt.key for fmt in every}) == len(every)
    keys = [fmt.key for fmt in by_key()]
    assert [key for key in keys if key in APP_KEYS] == list(APP_KEYS)


@pytest.mark.parametrize("name", NETWORK_NAMES)
def test_every_network_format_writes_its_file(name: str, tmp_path: Path) -> None:
    target = tmp_path / f"netwerk{network_format(name).suffix}"
    network_format(name).load()(demo_network(), target, NetworkOptions())
    assert target.stat().st_size > 0


@pytest.mark.parametrize(
    ("command", "names"), [("summary", SUMMARY_NAMES), ("export", NETWORK_NAMES)]
)
def test_the_command_lines_choices_are_the_registrys(command: str, names: tuple[str, ...]) -> None:
    commands = next(
        action
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    [format_option] = [
        action
        for action in commands.choices[command]._actions
        if "--format" in action.option_strings
    ]
    assert tuple(format_option.choices or ()) == names


def test_help_names_the_formats_from_the_registry(english: None) -> None:
    assert (
        spoken(SUMMARY_FORMATS) == "text (default, for the screen), md, html or ics (calendar app)"
    )
    assert spoken(NETWORK_FORMATS, labels=True) == "Excel, Kumu or GraphML"


def test_help_names_the_formats_in_dutch() -> None:
    assert (
        spoken(SUMMARY_FORMATS) == "text (standaard, voor het scherm), md, html of ics (agenda-app)"
    )
    assert spoken(NETWORK_FORMATS) == "xlsx, kumu of graphml"
