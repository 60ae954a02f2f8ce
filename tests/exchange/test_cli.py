"""``wijksessie import`` and ``export``: exit codes, one Dutch line, the session left alone."""

from __future__ import annotations

import time
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

from tests.exchange.conftest import REGISTRATIONS, write_csv, write_xlsx
from wijksessie import cli
from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import Organisation, Participant
from wijksessie.services.sessions import write_network
from wijksessie.store.session_store import SessionStore


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty session file in a tmp sessions folder; the cwd moves there too."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("WIJKSESSIE_DIR", raising=False)
    assert cli.main(["new", "Netwerksessie", "--wijk", "De Pijp", "--date", "12-3-2026"]) == 0
    (path,) = (tmp_path / "sessions").glob("*.json")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _people(session: Path) -> list[str]:
    with SessionStore.open(session, read_only=True) as store:
        return [person.name for person in store.all(Participant)]


def test_import_prints_the_preview_and_adds(
    session: Path, registrations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "import", str(session), str(registrations))
    assert (code, err) == (0, "")
    assert "Kolommen" in out and "E-mailadres" in out and "Nieuw" in out
    assert "Toegevoegd: 3 deelnemers, 3 organisaties, 0 initiatieven." in out
    assert _people(session) == ["Anna de Vries", "Karim Ouali", "Els Jansen"]


def test_session_can_be_named_inside_the_sessions_folder(
    session: Path, registrations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "import", session.name, str(registrations))[0] == 0


def test_dry_run_writes_nothing(
    session: Path, registrations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = session.read_bytes()
    code, out, _ = _run(capsys, "import", str(session), str(registrations), "--dry-run")
    assert code == 0 and "Proefdraai" in out
    assert session.read_bytes() == before


def test_reimport_adds_nothing(
    session: Path, registrations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "import", str(session), str(registrations))
    code, out, _ = _run(capsys, "import", str(session), str(registrations))
    assert code == 0 and "Toegevoegd: 0 deelnemers" in out and "3 al aanwezig" in out
    assert len(_people(session)) == 3


def test_bad_rows_import_nothing_unless_skipped(
    session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "fout.csv", [*REGISTRATIONS, ("", "X", "piet@x.nl", "", "", "")])
    before = session.read_bytes()
    code, out, err = _run(capsys, "import", str(session), str(path))
    assert code == 2 and "Foute rijen" in out and "rij" not in err.split(":")[0]
    assert err.count("\n") == 1 and err.startswith("wijksessie: Er is niets geïmporteerd")
    assert session.read_bytes() == before
    code, out, _ = _run(capsys, "import", str(session), str(path), "--skip-bad")
    assert code == 0 and "1 foute rij overgeslagen" in out
    assert len(_people(session)) == 3


def test_columns_can_be_mapped_on_the_command_line(
    session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "eigen.csv"
    path.write_text("Jij bent;Werkplek;Post\nAnna de Vries;Welzijn Zuid;anna@wz.nl\n")
    code, _, err = _run(capsys, "import", str(session), str(path))
    assert code == 2
    assert "‘Jij bent’, ‘Werkplek’, ‘Post’" in err and "--kolom" in err
    assert "eerste rij" not in err
    code, _out, err = _run(
        capsys, "import", str(session), str(path),
        "--kolom", "Jij bent=naam", "--kolom", "Werkplek=organisatie", "--column", "Post=email",
    )  # fmt: skip
    assert code == 0, err
    with SessionStore.open(session, read_only=True) as store:
        (person,) = store.all(Participant)
        assert (person.name, person.email) == ("Anna de Vries", "anna@wz.nl")
        assert store.network().organisations[0].name == "Welzijn Zuid"


@pytest.mark.parametrize(
    ("pair", "words"), [("Post", "Schrijf een kolom als"), ("Post=schoenmaat", "Onbekend veld")]
)
def test_a_wrong_column_mapping_is_one_line(
    pair: str, words: str, session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "lijst.csv", REGISTRATIONS)
    code, _, err = _run(capsys, "import", str(session), str(path), "--kolom", pair)
    assert code == 2 and err.count("\n") == 1 and words in err


def _broken_xlsx(folder: Path) -> Path:
    good = write_xlsx(folder / "heel.xlsx", {"Blad1": REGISTRATIONS})
    broken = folder / "kapot.xlsx"
    broken.write_bytes(good.read_bytes()[:600])
    return broken


def _locked_xlsx(folder: Path) -> Path:
    path = folder / "geheim.xlsx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(header + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64)
    return path


BAD_FILES = {
    "ontbreekt": (lambda folder: folder / "weg.csv", "niet gevonden"),
    "geen spreadsheet": (
        lambda folder: _write(folder / "notulen.docx", b"PK\x03\x04rommel"),
        "beschadigd",
    ),
    "pdf": (lambda folder: _write(folder / "lijst.pdf", b"%PDF-1.4"), "geen CSV- of Excel"),
    "leeg": (lambda folder: _write(folder / "leeg.csv", b""), "leeg"),
    "wachtwoord": (_locked_xlsx, "wachtwoord"),
    "kapot": (_broken_xlsx, "beschadigd"),
    "geen kop": (
        lambda folder: write_csv(folder / "raar.csv", [("a", "b"), ("c", "d")]),
        "kolomkoppen",
    ),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_input_is_one_dutch_line_and_changes_nothing(
    case: str, session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, words = BAD_FILES[case]
    path = make(tmp_path)
    before = session.read_bytes()
    code, _, err = _run(capsys, "import", str(session), str(path))
    assert code == 2
    assert err.startswith("wijksessie: ") and err.count("\n") == 1, err
    assert words in err and "Traceback" not in err
    assert session.read_bytes() == before


def test_ten_thousand_rows_finish_in_seconds_and_are_refused(
    session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [REGISTRATIONS[0]] + [
        (f"Persoon {n}", f"Organisatie {n % 40}", f"p{n}@x.nl", "", "", "") for n in range(10_000)
    ]
    path = write_xlsx(tmp_path / "groot.xlsx", {"Aanmeldingen": rows})
    before = session.read_bytes()
    start = time.perf_counter()
    code, out, err = _run(capsys, "import", str(session), str(path))
    assert time.perf_counter() - start < 10
    assert code == 2 and "hooguit 500" in err and err.count("\n") == 1
    assert "en nog" in out
    assert session.read_bytes() == before


def test_missing_session_is_one_line(
    registrations: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsys, "import", "nergens.json", str(registrations))
    assert code == 2 and "Sessiebestand niet gevonden" in err


def test_import_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "import", "--help")
    assert code == 0 and "gebruik:" in out and "--dry-run" in out and "--skip-bad" in out


# --- export --------------------------------------------------------------------------------------


@pytest.fixture
def demo_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "demo.json"
    write_network(path, demo_network()).close()
    return path


@pytest.mark.parametrize(
    ("format_", "name"), [("xlsx", "uit.xlsx"), ("kumu", "kumu"), ("graphml", "n")]
)
def test_export_writes_the_file_and_prints_its_path(
    demo_session: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], format_: str, name: str
) -> None:
    before = demo_session.read_bytes()
    code, out, err = _run(capsys, "export", str(demo_session), "--format", format_, "-o", name)
    assert (code, err) == (0, "")
    written = Path(out.strip())
    assert written.exists()
    if format_ == "graphml":
        assert nx.read_graphml(written).number_of_nodes() > 0
    else:
        assert load_workbook(written).sheetnames
    assert demo_session.read_bytes() == before


def test_export_keeps_contact_details_private_unless_asked(
    demo_session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shy = next(p for p in demo_network().participants if p.email and not p.share_contact)

    def emails() -> set[str]:
        rows = load_workbook("uit.xlsx")["Deelnemers"].iter_rows(min_row=2, values_only=True)
        return {row[3] for row in rows if row[3]}

    _run(capsys, "export", str(demo_session), "--format", "xlsx", "-o", "uit.xlsx")
    assert shy.email not in emails()
    _run(capsys, "export", str(demo_session), "--format", "xlsx", "-o", "uit.xlsx", "--met-contact")
    assert shy.email in emails()


def test_export_with_the_wrong_suffix_or_format(
    demo_session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "export", str(demo_session), "--format", "xlsx", "-o", "uit.csv")
    assert code == 2 and ".xlsx" in err
    code, _, err = _run(capsys, "export", str(demo_session), "--format", "pdf", "-o", "uit.pdf")
    assert code == 2 and "onbekend" in err
    code, _, err = _run(
        capsys, "export", str(demo_session), "--format", "xlsx", "-o", "geen/map.xlsx"
    )
    assert code == 2 and "bestaat niet" in err


@pytest.mark.parametrize(
    ("format_", "option", "words"),
    [
        ("graphml", "--met-deelnemers", "geldt voor kumu"),
        ("xlsx", "--met-deelnemers", "geldt voor kumu"),
        ("graphml", "--met-contact", "geen contactgegevens"),
    ],
)
def test_an_option_the_format_cannot_follow_is_refused_not_ignored(
    demo_session: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    format_: str,
    option: str,
    words: str,
) -> None:
    """``--met-deelnemers`` with GraphML gave the same file as without it, without a word."""
    target = tmp_path / f"uit.{'xlsx' if format_ == 'xlsx' else 'graphml'}"
    code, _out, err = _run(
        capsys, "export", str(demo_session), "--format", format_, "-o", str(target), option
    )
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1
    assert not target.exists()


def test_an_import_says_which_ids_it_repaired_as_the_session_opened(
    session: Path, registrations: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 19.6: the repair is saved with the import, so the command line tells it."""
    import json

    data = json.loads(session.read_text(encoding="utf-8"))
    henk = {"name": "Henk de Vries", "organisation_id": "", "role": "bewoner", "email": ""}
    henk |= {"phone": "", "present": True, "share_contact": False}
    data["participants"] = {"1": henk}
    session.write_text(json.dumps(data), encoding="utf-8")
    code, _out, err = _run(capsys, "import", str(session), str(registrations))
    assert code == 0
    assert "Henk de Vries" in err and "geen id" in err and "opgeslagen" in err
    assert "Henk de Vries" in _people(session)


# --- re-import: update who is already there --------------------------------------------------

SAMPLES = Path(__file__).parent / "samples"


def _signed_up(session: Path) -> None:
    """The people of the presence list as they signed up: nobody marked present yet."""
    with SessionStore.open(session) as store, store.batch():
        welzijn, hap = Organisation("Welzijn Zuid"), Organisation("Huisartsenpraktijk De Pijp")
        store.add(welzijn)
        store.add(hap)
        store.add(Participant("Anna de Vries", welzijn.id, email="anna@welzijnzuid.nl",
                              present=False))  # fmt: skip
        store.add(Participant("Karim Ouali", hap.id, email="k.ouali@hapdepijp.nl", present=False))
        store.add(Participant("Els Jansen", present=True))


def _presence(session: Path) -> list[tuple[str, bool, str, str]]:
    with SessionStore.open(session, read_only=True) as store:
        return [(p.name, p.present, p.email, p.phone) for p in store.all(Participant)]


def test_a_presence_list_shows_what_would_change_and_updates_on_request(
    session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _signed_up(session)
    before = session.read_bytes()
    path = str(SAMPLES / "presentielijst.csv")
    code, out, _err = _run(capsys, "import", str(session), path, "--dry-run", "--bijwerken")
    assert code == 0 and "Wijzigingen (--bijwerken)" in out
    assert "k.ouali@hapdepijp.nl" in out and "karim.ouali@hapdepijp.nl" in out
    assert session.read_bytes() == before
    code, out, _err = _run(capsys, "import", str(session), path)
    assert code == 0 and "--bijwerken neemt dat over" in out
    assert [row[1] for row in _presence(session)] == [False, False, True]
    code, out, _err = _run(capsys, "import", str(session), path, "--update")
    assert code == 0 and "3 deelnemers bijgewerkt" in out
    assert _presence(session) == [
        ("Anna de Vries", True, "anna@welzijnzuid.nl", "010-1234567"),
        ("Karim Ouali", True, "karim.ouali@hapdepijp.nl", ""),
        ("Els Jansen", False, "", ""),
    ]
    with SessionStore.open(session, read_only=True) as store:
        (els,) = [p for p in store.all(Participant) if p.name == "Els Jansen"]
        assert store.get(Organisation, els.organisation_id).name == "Bewonersgroep Pijp"


def test_updating_is_one_undo_step(session: Path) -> None:
    from wijksessie.services.importing import apply_import, preview_import

    _signed_up(session)
    with SessionStore.open(session) as store:
        preview = preview_import(SAMPLES / "presentielijst.csv", store.network())
        assert len(preview.updates) == 3 and preview.participants == ()
        result = apply_import(store, preview, update=True)
        assert result.updated == 3
        assert [p.present for p in store.all(Participant)] == [True, True, False]
        assert store.undo() is not None
        assert [(p.present, p.email) for p in store.all(Participant)] == [
            (False, "anna@welzijnzuid.nl"),
            (False, "k.ouali@hapdepijp.nl"),
            (True, ""),
        ]
        assert [o.name for o in store.all(Organisation)] == [
            "Welzijn Zuid",
            "Huisartsenpraktijk De Pijp",
        ]
