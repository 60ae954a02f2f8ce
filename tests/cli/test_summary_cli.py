"""``wijksessie summary``: every format to stdout or a file, and one Dutch line for each problem."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from rich.console import Console

from tests.perf.generate import generate
from tests.render.conftest import demo_summary, hostile_summary
from wijksessie.cli import main
from wijksessie.commands.summary import _terminal_text
from wijksessie.domain.demo import demo_network
from wijksessie.domain.summary import Summary, build_summary
from wijksessie.render.text import summary_renderable
from wijksessie.services.sessions import write_network
from wijksessie.store.session_store import SessionStore, lock_path

SHARED_EMAIL = "fatima.elamrani@example.nl"


@pytest.fixture
def session(folder: Path) -> Path:
    """The demo session as a file in the sessions folder, held today."""
    folder.mkdir()
    path = folder / "kruidenbuurt.json"
    write_network(path, demo_network(today=date.today())).close()
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["summary", *argv]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def assert_user_error(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("wijksessie: ")
    return err


def test_text_to_stdout_is_plain_when_piped(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run(capsys, str(session))
    assert "Netwerksessie Kruidenbuurt" in out
    assert "Toezeggingen per persoon" in out
    assert "\x1b" not in out
    assert SHARED_EMAIL not in out


def test_the_name_in_the_sessions_folder_is_enough(
    session: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run(capsys, "--dir", str(folder), session.name, "--format", "md")
    assert out.startswith("# Netwerksessie Kruidenbuurt\n")


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("md", "# Netwerksessie"), ("html", "<!DOCTYPE html>"), ("ics", "BEGIN:VCALENDAR")],
)
def test_each_format_to_stdout(
    fmt: str, start: str, session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, str(session), "--format", fmt).startswith(start)


def test_contact_details_follow_the_privacy_rule(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert SHARED_EMAIL not in _run(capsys, str(session), "--format", "md")
    assert SHARED_EMAIL in _run(capsys, str(session), "--format", "md", "--met-contact")
    assert SHARED_EMAIL in _run(capsys, str(session), "--met-contact")
    assert SHARED_EMAIL in _run(capsys, str(session), "--format", "html")
    assert "r.jansen@delinde.example.nl" not in _run(
        capsys, str(session), "--format", "html", "--met-contact"
    )


@pytest.mark.parametrize("fmt", ["text", "md", "html", "ics"])
def test_a_page_without_contact_details_for_the_public(
    fmt: str, session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 17, point 6: HTML and iCalendar always carried shared details; now they need not."""
    out = _run(capsys, str(session), "--format", fmt, "--zonder-contact")
    assert SHARED_EMAIL not in out and "06 12345678" not in out
    assert not re.search(r"[\w.]+@[\w.]+\.nl", out)


def test_with_and_without_contact_at_once_is_refused(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", str(session), "--met-contact", "--zonder-contact"]) == 2
    assert "--zonder-contact" in capsys.readouterr().err


def test_everyone_at_once_into_a_folder(
    session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "iedereen"
    out = _run(capsys, str(session), "--iedereen", "-o", str(target))
    assert out.strip() == str(target)
    names = {path.name for path in target.iterdir()}
    assert len(names) == 2 * 15 + 1 and "deelnemers.csv" in names
    assert SHARED_EMAIL in (target / "deelnemers.csv").read_text(encoding="utf-8")


def test_everyone_without_contact(
    session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "openbaar"
    _run(capsys, str(session), "--iedereen", "--zonder-contact", "-o", str(target))
    assert not any(SHARED_EMAIL in path.read_text(encoding="utf-8") for path in target.iterdir())


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "geef die met -o MAP"),
        (["-o", "{tmp}/x", "--voor", "Gerda"], "niet allebei"),
        (["-o", "{tmp}/mist/x"], "bestaat niet"),
    ],
)
def test_everyone_needs_one_folder(
    extra: list[str],
    message: str,
    session: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["summary", str(session), "--iedereen", *(a.format(tmp=tmp_path) for a in extra)]
    assert_user_error(capsys, argv, message)


def test_output_file(session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "uit" / "samenvatting.ics"
    target.parent.mkdir()
    out = _run(capsys, str(session), "--format", "ics", "-o", str(target))
    assert out.strip() == str(target)
    calendar = Calendar.from_ical(target.read_text(encoding="utf-8"))
    # 11 dated commitments and the next session; the one without a date is a to-do.
    assert len(list(calendar.walk("VEVENT"))) == 12
    assert len(list(calendar.walk("VTODO"))) == 1


def test_a_personal_calendar(session: Path, capsys: pytest.CaptureFixture[str]) -> None:
    everyone = _run(capsys, str(session), "--format", "ics")
    gerda = _run(capsys, str(session), "--format", "ics", "--voor", "Gerda Willems")
    assert gerda != everyone
    events = list(Calendar.from_ical(gerda).walk("VEVENT"))
    assert [str(e["summary"]).split(":")[0] for e in events] == [
        "Toezegging Gerda Willems",
        "Vervolgsessie · Netwerksessie Kruidenbuurt",
    ]


def test_one_participants_view(session: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, str(session), "--format", "md", "--voor", "gerda willems")
    assert out.index("## Jouw toezeggingen (Gerda Willems)") < out.index("## Wie waren er")


def test_reads_without_the_lock_while_the_session_is_open(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock_path(session).unlink(missing_ok=True)  # left behind by the fixture's writer
    _run(capsys, str(session), "--format", "md")
    assert not lock_path(session).exists()  # no lock taken
    with SessionStore.open(session):
        assert "Netwerksessie Kruidenbuurt" in _run(capsys, str(session), "--format", "md")


def test_the_session_file_is_never_changed(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = session.read_bytes()
    _run(capsys, str(session), "--format", "html")
    assert session.read_bytes() == before


# -- problems: one Dutch line, exit code 2 --------------------------------------------------


def test_missing_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_user_error(capsys, ["summary", str(folder / "weg.json")], "Sessiebestand niet gevonden")


def test_corrupt_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder.mkdir()
    path = folder / "kapot.json"
    path.write_text("{niet json", encoding="utf-8")
    assert_user_error(capsys, ["summary", str(path)], "kapot.json is beschadigd")


def test_not_a_session_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder.mkdir()
    path = folder / "lijst.json"
    path.write_text("[1, 2]", encoding="utf-8")
    assert_user_error(capsys, ["summary", str(path)], "geen wijksessie-bestand")


def test_unknown_participant(session: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = assert_user_error(
        capsys, ["summary", str(session), "--voor", "Zoë"], "Geen deelnemer ‘Zoë’"
    )
    assert "15 deelnemers" in err and "Fatima" not in err


def test_a_near_miss_is_answered_with_the_closest_names(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = assert_user_error(
        capsys, ["summary", str(session), "--voor", "Ruud Jansn"], "Geen deelnemer"
    )
    assert "Bedoel je: Ruud Jansen (Huisartsenpraktijk De Linde)?" in err


def test_a_first_name_or_a_part_finds_the_one_person(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for asked in ("Gerda", "Will", "gerda wil"):
        out = _run(capsys, str(session), "--format", "md", "--voor", asked)
        assert "## Jouw toezeggingen (Gerda Willems)" in out


def test_an_empty_name_is_an_error_not_the_full_summary(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_user_error(
        capsys, ["summary", str(session), "--voor", ""], "Geef de naam van een deelnemer op."
    )


def test_unknown_format(session: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(session), "--format", "pdf"]) == 2
    assert "onbekend: 'pdf'" in capsys.readouterr().err


def test_output_into_a_missing_folder(
    session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bestaat-niet" / "s.md"
    err = assert_user_error(
        capsys, ["summary", str(session), "-o", str(target)], f"Kan niet bij {target}:"
    )
    assert ".tmp" not in err


def test_text_on_stdout_has_no_trailing_spaces(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run(capsys, str(session))
    assert len(out.splitlines()) > 100
    assert not [line for line in out.splitlines() if line != line.rstrip()]


@pytest.mark.parametrize(
    ("env", "option", "width"), [("60", [], 60), ("60", ["--breedte", "72"], 72)]
)
def test_text_into_a_file_is_as_wide_as_asked(
    env: str,
    option: list[str],
    width: int,
    session: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", env)
    target = tmp_path / "s.txt"
    _run(capsys, str(session), "-o", str(target), *option)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert max(map(len, lines)) == width


def test_a_width_that_is_no_width_is_refused(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", str(session), "--breedte", "5"]) == 2
    assert "geen breedte" in capsys.readouterr().err


def test_refuses_to_overwrite_the_session(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = session.read_bytes()
    assert_user_error(
        capsys, ["summary", str(session), "-o", str(session)], "het sessiebestand zelf"
    )
    assert session.read_bytes() == before


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: wijksessie summary")
    assert "--met-contact" in out and "--voor NAAM" in out


def test_a_cold_html_summary_loads_only_what_it_needs(session: Path, tmp_path: Path) -> None:
    """Issue 17 (9): a cold ``summary --format html`` is meant to cost little more than
    ``--version``. The demo's overlap compares 26 pairs, in plain Python (rapidfuzz's import
    is 12-15 ms: ``domain.analysis.similarity``); the terminal's and the spreadsheet's libraries,
    ``xml.sax`` (which pulls in ``urllib.request``, ``http``, ``email`` and ``ssl``: 40 ms) and
    Jinja2 (the page is written without a template engine: 25 ms) are not needed."""
    target = tmp_path / "page.html"
    code = (
        "import sys; from wijksessie.cli import main; "
        f"assert main(['summary', {str(session)!r}, '--format', 'html', '-o', {str(target)!r}])"
        " == 0; print(' '.join(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    loaded = {name.split(".")[0] for name in result.stdout.split()}
    heavy = {"rich", "textual", "numpy", "networkx", "openpyxl", "babel", "dateparser", "rapidfuzz"}
    heavy |= {"xml", "http", "email", "ssl", "docx", "icalendar", "jinja2", "markupsafe"}
    assert loaded & heavy == set()
    assert "<svg" in target.read_text(encoding="utf-8")


_COMPILED_CLASSES = """
import sys
from wijksessie.cli import main
main(ARGV)
found = set()
for name, module in list(sys.modules.items()):
    if not name.startswith("wijksessie"):
        continue
    for value in vars(module).values():
        init = getattr(value, "__dict__", {}).get("__init__")
        code = getattr(init, "__code__", None)
        if isinstance(value, type) and code is not None and code.co_filename == "<string>":
            found.add(value.__module__ + "." + value.__qualname__)
print(" ".join(sorted(found)))
"""


def _classes_with_written_methods(argv: list[str]) -> set[str]:
    """The package's classes whose ``__init__`` was written with ``exec`` (a dataclass's are)
    in a process that ran ``argv``."""
    code = _COMPILED_CLASSES.replace("ARGV", repr(argv))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split("\n")[-2].split())


def test_a_cold_html_summary_writes_few_methods(session: Path, tmp_path: Path) -> None:
    """Issue 17 (9): a frozen dataclass compiles six methods with ``exec`` when its module is
    imported (0.8 ms a class); the 41 the summary, the analysis and the picture defined beyond
    ``--version`` were a quarter of a cold ``summary --format html``. They are ``@record``s
    now (``domain.record``), which compile nothing; the plate's are records too and the overlap
    analysis' two working classes plain classes with slots (4 ms more). What is left: one
    mutable dataclass of the store."""
    target = tmp_path / "page.html"
    summary = _classes_with_written_methods(
        ["summary", str(session), "--format", "html", "-o", str(target)]
    )
    version = _classes_with_written_methods(["--version"])
    assert summary - version == {"wijksessie.store.session_file.SessionRead"}


def _printed_by_rich(summary: Summary, console: Console) -> str:
    """What Rich prints, each line's trailing spaces dropped (Rich pads some)."""
    with console.capture() as captured:
        console.print(summary_renderable(summary))
    return re.sub(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", r"\1", captured.get(), flags=re.M)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
@pytest.mark.parametrize("width", [40, 80, 100, 133])
def test_piped_text_is_what_rich_prints(encoding: str, width: int) -> None:
    """Without colour the summary's lines are drawn without Rich laying out every cell
    (``commands.summary._terminal_text``); they must be what Rich prints, at any width, also on a
    stream that takes no box-drawing characters (Rich draws ASCII there)."""
    summaries = [
        demo_summary(),
        demo_summary(for_participant="Gerda Willems"),
        hostile_summary(),
        build_summary(generate("small"), today=date(2026, 3, 12)),
    ]
    for summary in summaries:
        stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="replace")
        console = Console(file=stream, highlight=False, emoji=False, width=width)
        assert console.color_system is None

        assert _terminal_text(summary, console) == _printed_by_rich(summary, console)


def test_a_colour_terminal_gets_rich_itself() -> None:
    console = Console(file=io.StringIO(), width=100, force_terminal=True, color_system="256")
    summary = demo_summary()

    text = _terminal_text(summary, console)

    assert "\x1b[" in text
    assert text == _printed_by_rich(summary, console)


def test_o_without_a_format_writes_what_its_name_says(
    session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``summary -o x.html`` wrote the terminal's text into a file named .html."""
    page = tmp_path / "samenvatting.html"
    _run(capsys, str(session), "-o", str(page))
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")
    calendar = tmp_path / "toezeggingen.ics"
    _run(capsys, str(session), "-o", str(calendar))
    assert calendar.read_text("utf-8").startswith("BEGIN:VCALENDAR")
