"""The one catalogue: every wrapped string has an English translation, the shipped ``.mo``
matches the ``.po``, and the language is chosen as the README says (option, environment,
setting, Dutch)."""

from __future__ import annotations

import gettext
import io
import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages import frontend
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import wijksessie
from wijksessie import cli, i18n

PACKAGE = Path(wijksessie.__file__).parent
PO_FILE = i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
MO_FILE = PO_FILE.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
BABEL_CFG = PACKAGE.parent / "babel.cfg"


@pytest.fixture(autouse=True)
def _dutch_afterwards(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Each test starts without a language in the environment or settings, and ends in Dutch."""
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    monkeypatch.setenv("WIJKSESSIE_CONFIG_DIR", str(tmp_path / "config"))
    yield
    i18n.set_language("nl")


def _extracted() -> list[tuple[str, str | tuple[str, ...]]]:
    """``(file, message)`` for every wrapped string, read as ``babel.cfg`` says (Python and the
    Jinja2 templates); a plural is the tuple of its forms."""
    # parse_mapping_cfg is babel >= 2.15; parse_mapping (deprecated there) before it.
    parse = getattr(frontend, "parse_mapping_cfg", None) or frontend.parse_mapping
    with BABEL_CFG.open(encoding="utf-8") as handle:
        method_map, options_map = parse(handle)
    return [
        (filename, message)
        for filename, _lineno, message, _comments, _context in extract_from_dir(
            str(PACKAGE), method_map=method_map, options_map=options_map, keywords=KEYWORDS
        )
    ]


def source_messages() -> dict[str, str]:
    """Every msgid wrapped in ``_()``, ``N_()`` or ``ngettext()`` in the package, with its file."""
    found: dict[str, str] = {}
    for filename, message in _extracted():
        for msgid in message if isinstance(message, tuple) else (message,):
            if msgid:
                found.setdefault(msgid, filename)
    return found


def english() -> Catalog:
    with PO_FILE.open("rb") as handle:
        return read_po(handle, locale="en")


def test_the_sources_wrap_strings_at_all() -> None:
    messages = source_messages()
    assert "Nieuwe sessie" in messages
    assert len(messages) > 100


def test_the_html_template_strings_are_extracted_too() -> None:
    """``_()`` in ``over_time.html.j2`` counts like ``_()`` in Python (see ``babel.cfg``)."""
    messages = source_messages()
    assert messages.get("Netwerkplaten", "").endswith("over_time.html.j2")
    assert "%(num)s stem" in messages


def test_every_wrapped_string_has_an_english_translation() -> None:
    catalog = english()
    missing = []
    for msgid, filename in source_messages().items():
        entry = catalog.get(msgid)
        if entry is None and not any(msgid in m.id for m in catalog if isinstance(m.id, tuple)):
            missing.append(f"{filename}: {msgid!r}")
            continue
        if entry is None:
            entry = next(m for m in catalog if isinstance(m.id, tuple) and msgid in m.id)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(strings) or entry.fuzzy:
            missing.append(f"{filename}: {msgid!r} (empty or fuzzy)")
    assert not missing, "Not translated; run the commands under Translations in README:\n" + (
        "\n".join(missing)
    )


def test_every_plural_is_a_plural_entry() -> None:
    """An ``ngettext`` extracted as a plain msgid is never found at run time: it stays Dutch.

    That happens when ``pybabel extract`` is given ``-k ngettext`` instead of ``ngettext:1,2``.
    Python and the templates both count (``_extracted`` reads ``babel.cfg``).
    """
    plurals = {message[0] for _, message in _extracted() if isinstance(message, tuple)}
    assert "%(num)s stem" in plurals  # the template's ngettext is seen
    catalog = english()
    entries = {msgid: catalog.get(msgid) for msgid in plurals}
    flat = [msgid for msgid, entry in entries.items() if entry and not isinstance(entry.id, tuple)]
    assert not flat, "Extract with -k ngettext:1,2 (see README, Translations): " + repr(flat)


_PERCENT_FIELD = re.compile(r"%\((\w+)\)[sd]")


def _fields(message: Message, text: str) -> set[str]:
    """``{name}`` fields, and for a template string (python-format) ``%(name)s`` fields."""
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    if message.python_format:
        names |= {f"%({name})" for name in _PERCENT_FIELD.findall(text)}
    return names


def test_every_translation_keeps_the_placeholders() -> None:
    """``{name}`` (``%(name)s`` in templates) in the Dutch must be in the English, or
    formatting breaks."""
    wrong = []
    for message in english():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            if text and _fields(message, text) != _fields(message, ids[0]):
                wrong.append(ids[0])
    assert not wrong


def test_the_shipped_mo_is_compiled_from_the_po() -> None:
    buffer = io.BytesIO()
    write_mo(buffer, english())
    buffer.seek(0)
    fresh = gettext.GNUTranslations(buffer)
    with MO_FILE.open("rb") as handle:
        shipped = gettext.GNUTranslations(handle)

    def entries(translations: gettext.GNUTranslations) -> dict[object, str]:
        """The messages without the header, whose dates and versions do not matter."""
        return {k: v for k, v in translations._catalog.items() if k != ""}  # type: ignore[attr-defined]

    assert entries(shipped) == entries(fresh), (
        "wijksessie.mo is out of date: run pybabel compile (see README, Translations)"
    )


def test_babel_cfg_covers_the_package() -> None:
    config = BABEL_CFG.read_text(encoding="utf-8")
    assert "[python: **.py]" in config
    assert "[jinja2: **/templates/**.j2]" in config


def test_set_language_switches_the_catalogue() -> None:
    assert i18n.current_language() == "nl"
    assert i18n._("Nieuwe sessie") == "Nieuwe sessie"
    i18n.set_language("en")
    assert i18n.current_language() == "en"
    assert i18n._("Nieuwe sessie") == "New session"
    assert i18n._("niet in de catalogus") == "niet in de catalogus"
    i18n.set_language("xx")
    assert i18n.current_language() == "nl"


def test_ngettext_follows_the_count() -> None:
    assert i18n.ngettext("{n} deelnemer", "{n} deelnemers", 1) == "{n} deelnemer"
    assert i18n.ngettext("{n} deelnemer", "{n} deelnemers", 2) == "{n} deelnemers"


@pytest.mark.parametrize(
    ("option", "env", "setting", "expected"),
    [
        (None, None, None, "nl"),
        (None, None, "en", "en"),
        (None, "en", "nl", "en"),
        ("nl", "en", "en", "nl"),
        ("en", None, None, "en"),
        ("EN ", None, None, "en"),
        ("fr", "en", "en", "nl"),
        (None, "", "en", "en"),
    ],
)
def test_resolve_language_precedence(
    monkeypatch: pytest.MonkeyPatch,
    option: str | None,
    env: str | None,
    setting: str | None,
    expected: str,
) -> None:
    if env is not None:
        monkeypatch.setenv(i18n.LANG_ENV, env)
    assert i18n.resolve_language(option, setting) == expected


def test_the_cli_reads_the_saved_setting(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    assert cli.main(["--help"]) == 0
    assert "show this help and exit" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--lang", "en", "list"], "en"),
        (["list", "--lang=en"], "en"),
        (["new", "x", "--", "--lang", "en"], None),
        (["--lang"], None),
        ([], None),
    ],
)
def test_the_lang_option_is_found_before_parsing(argv: list[str], expected: str | None) -> None:
    assert cli._lang_option(argv) == expected


def run_help(*args: str, env: dict[str, str] | None = None) -> str:
    environment = {key: value for key, value in os.environ.items() if key != i18n.LANG_ENV}
    environment.update(env or {})
    result = subprocess.run(
        [sys.executable, "-m", "wijksessie", *args, "--help"],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    return result.stdout


def test_help_in_english_and_dutch_end_to_end() -> None:
    english_help = run_help("--lang", "en")
    assert english_help.startswith("usage: wijksessie")
    assert "show this help and exit" in english_help
    assert "create a new session" in english_help

    from_env = run_help(env={i18n.LANG_ENV: "en"})
    assert "show this help and exit" in from_env

    dutch = run_help()
    assert dutch.startswith("gebruik: wijksessie")
    assert "toon deze hulp en stop" in dutch
