"""The command line: every subcommand, and one Dutch line with exit code 2 for every user error."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import wijksessie
from tests.cli.conftest import Launcher
from wijksessie import cli
from wijksessie.cli import launch_app as real_launch_app
from wijksessie.cli import main
from wijksessie.domain.model import Organisation, Session
from wijksessie.store.session_store import SessionStore


def _new(folder: Path, title: str = "Netwerksessie", *extra: str) -> Path:
    """Create a session through the CLI; returns the one file that appeared."""
    before = set(folder.glob("*.json"))
    assert main(["--dir", str(folder), "new", title, "--wijk", "Kruidenbuurt", *extra]) == 0
    [path] = set(folder.glob("*.json")) - before
    return path


def assert_user_error(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> str:
    """Run ``argv``, expect exit 2 and one Dutch line on stderr containing ``expected``."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("wijksessie: ")
    return err


# -- version, help, start screen -------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"wijksessie {wijksessie.__version__}"


@pytest.mark.parametrize("argv", [["--help"], ["new", "--help"], ["list", "-h"]])
def test_help_is_dutch(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: wijksessie")
    assert "opties:" in out
    assert "usage" not in out and "show this help" not in out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lijst"]) == 2
    err = capsys.readouterr().err
    assert "onbekend: 'lijst'" in err
    assert "Traceback" not in err


def test_no_command_opens_the_start_screen(folder: Path, launcher: Launcher) -> None:
    assert main(["--dir", str(folder)]) == 0
    assert [(c.folder, c.path) for c in launcher.calls] == [(folder, None)]
    assert folder.is_dir()


def test_default_folder_is_env_then_sessions(
    folder: Path, launcher: Launcher, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert main([]) == 0
    monkeypatch.setenv("WIJKSESSIE_DIR", str(tmp_path / "elders"))
    assert main([]) == 0
    assert [c.folder for c in launcher.calls] == [Path("sessions"), tmp_path / "elders"]


def test_dir_may_follow_the_command(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "Na het commando", "--wijk", "Oost", "--dir", str(folder)]) == 0
    assert Path(capsys.readouterr().out.strip()).parent == folder


def test_dir_that_is_a_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder.write_text("geen map")
    assert_user_error(capsys, ["--dir", str(folder), "new", "x", "--wijk", "y"], "Kan niet bij")


# -- new -------------------------------------------------------------------------------------


def test_new_creates_the_file_and_prints_its_path(
    folder: Path, launcher: Launcher, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--dir", str(folder), "new", "Netwerk Oost", "--wijk", "Oost", "--date", "3-12-2026"]
    assert main(argv) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == folder / "2026-12-03-netwerk-oost.json"
    with SessionStore.open(path) as store:
        session = store.session
    assert (session.title, session.wijk, session.date) == (
        "Netwerk Oost",
        "Oost",
        date(2026, 12, 3),
    )
    assert launcher.calls == []


def test_new_without_date_is_today(folder: Path) -> None:
    path = _new(folder)
    assert path.name.startswith(date.today().isoformat())


def test_new_twice_gets_a_second_name(folder: Path) -> None:
    first = _new(folder, "Zelfde titel")
    second = _new(folder, "Zelfde titel")
    assert first != second
    assert len(list(folder.glob("*.json"))) == 2


def test_new_open_launches_the_app_with_the_new_session(
    folder: Path, launcher: Launcher, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--dir", str(folder), "new", "Open meteen", "--wijk", "Oost", "--open"]) == 0
    path = Path(capsys.readouterr().out.strip())
    [call] = launcher.calls
    assert (call.path, call.read_only, call.title) == (path, False, "Open meteen")
    SessionStore.open(path).close()


@pytest.mark.parametrize("title", ["", "   "])
def test_new_with_an_empty_title(
    title: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_user_error(capsys, ["--dir", str(folder), "new", title, "--wijk", "Oost"], "titel")
    assert not folder.exists()


def test_new_with_a_bad_date(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--dir", str(folder), "new", "Sessie", "--wijk", "Oost", "--date", "31-2-2026"]
    assert_user_error(capsys, argv, "31-2-2026")


def test_new_without_wijk_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "Sessie"]) == 2
    assert "dit ontbreekt nog: --wijk" in capsys.readouterr().err


@pytest.mark.parametrize("title", ["../../buiten", "../", "/etc/passwd", "..\\..\\win"])
def test_new_title_cannot_leave_the_folder(title: str, folder: Path, tmp_path: Path) -> None:
    path = _new(folder, title)
    assert path.resolve().parent == folder.resolve()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sessions"]
    with SessionStore.open(path) as store:
        assert store.session.title == title.strip()


# -- open and view ---------------------------------------------------------------------------


def test_open_launches_with_a_locked_store(folder: Path, launcher: Launcher) -> None:
    path = _new(folder, "Om te openen")
    assert main(["--dir", str(folder), "open", str(path)]) == 0
    [call] = launcher.calls
    assert (call.folder, call.path, call.read_only, call.title) == (
        folder,
        path,
        False,
        "Om te openen",
    )
    SessionStore.open(path).close()


def test_open_by_name_inside_the_sessions_folder(folder: Path, launcher: Launcher) -> None:
    path = _new(folder)
    assert main(["--dir", str(folder), "open", path.name]) == 0
    assert launcher.calls[0].path == path


def test_view_is_read_only_and_works_while_locked(folder: Path, launcher: Launcher) -> None:
    path = _new(folder)
    with SessionStore.open(path):
        assert main(["--dir", str(folder), "view", str(path)]) == 0
    assert launcher.calls[0].read_only is True
    assert launcher.calls[0].follow is False


@pytest.mark.parametrize("option", ["--volg", "--follow"])
def test_view_follows_as_the_wall_without_the_lock(
    folder: Path, launcher: Launcher, option: str
) -> None:
    path = _new(folder)
    with SessionStore.open(path):  # the facilitator edits it in another window
        assert main(["--dir", str(folder), "view", path.name, option]) == 0
    assert launcher.calls[0].read_only is True
    assert launcher.calls[0].follow is True


@pytest.mark.parametrize("command", ["open", "view"])
def test_missing_file(command: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = folder / "bestaat-niet.json"
    assert_user_error(capsys, ["--dir", str(folder), command, str(missing)], "niet gevonden")
    assert not folder.exists()


@pytest.mark.parametrize("command", ["open", "view"])
def test_folder_instead_of_file(
    command: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder.mkdir()
    assert_user_error(capsys, ["--dir", str(folder), command, str(folder)], "is een map")


@pytest.mark.parametrize("command", ["open", "view"])
@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{niet json", "beschadigd"),
        ("", "beschadigd"),
        (json.dumps({"_default": {"1": {"naam": "boodschappen"}}}), "geen wijksessie-bestand"),
        (json.dumps([1, 2, 3]), "geen wijksessie-bestand"),
    ],
    ids=["corrupt", "empty", "foreign-tinydb", "foreign-list"],
)
def test_unusable_file(
    command: str,
    content: str,
    expected: str,
    folder: Path,
    launcher: Launcher,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder.mkdir()
    path = folder / "kapot.json"
    path.write_text(content, encoding="utf-8")
    assert_user_error(capsys, ["--dir", str(folder), command, str(path)], expected)
    assert launcher.calls == []
    assert path.read_text(encoding="utf-8") == content


def test_damaged_entity_in_a_session_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _new(folder)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["organisations"] = {"1": {"name": 42}}
    path.write_text(json.dumps(data), encoding="utf-8")
    assert_user_error(capsys, ["--dir", str(folder), "open", str(path)], "beschadigd")


def test_file_from_a_newer_version(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _new(folder)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["session"]["1"]["schema_version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    assert_user_error(capsys, ["--dir", str(folder), "view", str(path)], "nieuwere wijksessie")


def test_locked_file(folder: Path, launcher: Launcher, capsys: pytest.CaptureFixture[str]) -> None:
    path = _new(folder)
    with SessionStore.open(path):
        assert_user_error(capsys, ["--dir", str(folder), "open", str(path)], "al geopend")
    assert launcher.calls == []
    assert main(["--dir", str(folder), "open", str(path)]) == 0


def test_unexpected_error_is_one_line_and_exit_1(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(folder: Path, store: SessionStore | None) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr("wijksessie.cli.launch_app", broken)
    assert main(["--dir", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "Onverwachte fout" in err and "kapot" in err and "Traceback" not in err


# -- list ------------------------------------------------------------------------------------


def test_list_empty_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dir", str(folder), "list"]) == 0
    assert "Nog geen sessies" in capsys.readouterr().out


def test_list_shows_every_session(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _new(folder, "Sessie Oost", "--date", "3-12-2026")
    with SessionStore.open(path) as store:
        store.add(Organisation("Welzijn Oost"))
    (folder / "kapot.json").write_text("{", encoding="utf-8")
    capsys.readouterr()
    assert main(["--dir", str(folder), "list"]) == 0
    out = capsys.readouterr().out
    for text in ("Datum", "Titel", "Wijk", "Deelnemers", "Toezeggingen", "Bestand"):
        assert text in out
    assert "Sessie Oost" in out and "Kruidenbuurt" in out and "do 3 dec 2026" in out
    assert path.name in out
    assert "kapot" in out and "beschadigd" in out


def test_list_prints_markup_in_titles_literally(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder.mkdir()
    session = Session(title="[bold red]Vet[/bold red] & [link=x]klik[/link]", wijk="[i]Wijk[/]")
    SessionStore.create(folder / "markup.json", session).close()
    assert main(["--dir", str(folder), "list"]) == 0
    out = capsys.readouterr().out
    assert "[bold red]Vet[/bold red] & [link=x]klik[/link]" in out
    assert "[i]Wijk[/]" in out
    assert "\x1b[" not in out


def test_list_never_prints_control_characters_from_a_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The app refuses them when typed; a file edited by hand or by a script may hold them."""
    folder.mkdir()
    path = folder / "esc.json"
    SessionStore.create(path, Session(title="rood")).close()
    text = path.read_text(encoding="utf-8").replace('"rood"', '"\\u001b[31mrood\\u009b"')
    path.write_text(text, encoding="utf-8")
    assert main(["--dir", str(folder), "list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x9b" not in out and "[31mrood" in out


def test_list_does_not_import_textual(folder: Path) -> None:
    folder.mkdir()
    code = (
        "import sys; from wijksessie.cli import main; "
        f"assert main(['--dir', {str(folder)!r}, 'list']) == 0; "
        "assert 'textual' not in sys.modules, 'textual imported by list'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_real_launcher_passes_folder_and_store_and_closes_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[Path, SessionStore | None]] = []

    class FakeApp:
        def __init__(
            self, folder: Path, store: SessionStore | None = None, *, follow: bool = False
        ) -> None:
            seen.append((folder, store))
            self.return_code = None

        def run(self) -> None:
            raise RuntimeError("app kapot")

    monkeypatch.setattr("wijksessie.ui.app.WijksessieApp", FakeApp)
    path = _new(folder)
    store = SessionStore.open(path)
    with pytest.raises(RuntimeError):
        real_launch_app(folder, store)
    assert seen == [(folder, store)]
    SessionStore.open(path).close()


def test_a_language_restart_starts_the_same_program_again_in_the_open_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app exits with ``Restart``; the command line replaces itself with a fresh start."""
    from wijksessie.ui import app as app_module

    session = tmp_path / "sessie.json"

    class RestartingApp:
        def __init__(self, folder: Path, store: object, *, follow: bool = False) -> None:
            self.return_value = app_module.Restart("en", session, read_only=True)
            self.return_code = 0

        def run(self) -> None:
            pass

    started: list[list[str]] = []
    monkeypatch.setattr(app_module, "WijksessieApp", RestartingApp)
    monkeypatch.setattr(cli.os, "execv", lambda path, argv: started.append([path, *argv]))
    cli.launch_app(tmp_path, None)
    assert started == [
        [
            sys.executable,
            sys.executable,
            *("-m", "wijksessie", "--lang", "en", "--dir", str(tmp_path)),
            *("view", str(session)),
        ]
    ]
    args = cli.build_parser().parse_args(started[0][4:])  # what the new process will parse
    assert (args.lang, args.dir, args.path) == ("en", str(tmp_path), str(session))


def test_a_language_restart_of_the_wall_follows_again(folder: Path) -> None:
    from wijksessie.cli import restart_argv
    from wijksessie.ui.app import Restart

    argv = restart_argv(Restart("en", folder / "a.json", read_only=True, follow=True), folder)
    assert argv[-3:] == ["view", str(folder / "a.json"), "--volg"]
