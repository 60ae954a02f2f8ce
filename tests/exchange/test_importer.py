"""The import preview and applying it: new, matched and bad rows; nothing twice; all or nothing."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from tests.exchange.conftest import REGISTRATIONS, write_csv, write_xlsx
from wijksessie.domain.model import Initiative, Organisation, Participant, Role, Session
from wijksessie.exchange import importer
from wijksessie.exchange.errors import ExchangeFileError, ImportRefusedError
from wijksessie.exchange.fields import Field
from wijksessie.exchange.importer import preview_import
from wijksessie.services.importing import apply_import
from wijksessie.store import storage
from wijksessie.store.session_store import SessionStore


def _names(planned: tuple) -> list[str]:
    return [item.entity.name for item in planned]


def test_preview_says_what_each_column_becomes(registrations: Path, store: SessionStore) -> None:
    preview = preview_import(registrations, store.network())
    assert preview.rows == 3
    assert [column.field for column in preview.columns] == [
        Field.NAME,
        Field.ORGANISATION,
        Field.EMAIL,
        Field.PHONE,
        Field.ROLE,
        Field.SHARE_CONTACT,
    ]
    assert _names(preview.participants) == ["Anna de Vries", "Karim Ouali", "Els Jansen"]
    assert len(preview.organisations) == 3
    assert not preview.matches and not preview.bad_rows and not preview.refusal()


def test_preview_writes_nothing(registrations: Path, store: SessionStore) -> None:
    assert store.path is not None
    before = store.path.read_bytes()
    preview_import(registrations, store.network())
    assert store.path.read_bytes() == before
    assert store.count(Participant) == 0


def test_apply_adds_people_and_their_organisations(
    registrations: Path, store: SessionStore
) -> None:
    result = apply_import(store, preview_import(registrations, store.network()))
    assert result.summary() == "Toegevoegd: 3 deelnemers, 3 organisaties, 0 initiatieven."
    network = store.network()
    anna = next(p for p in network.participants if p.name == "Anna de Vries")
    welzijn = next(o for o in network.organisations if o.name == "Welzijn Zuid")
    assert anna.organisation_id == welzijn.id
    assert anna.role is Role.CONNECTOR and anna.share_contact
    assert anna.email == "anna@welzijnzuid.nl"


def test_apply_saves_once(
    registrations: Path, store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[Path] = []
    real = storage.atomic_write_bytes
    monkeypatch.setattr(
        storage, "atomic_write_bytes", lambda path, data: (writes.append(path), real(path, data))
    )
    apply_import(store, preview_import(registrations, store.network()))
    assert len(writes) == 1


def test_importing_twice_adds_nobody_twice(registrations: Path, store: SessionStore) -> None:
    apply_import(store, preview_import(registrations, store.network()))
    again = preview_import(registrations, store.network())
    assert again.new_count == 0
    assert [(m.name, m.by) for m in again.matches] == [
        ("Anna de Vries", "e-mail"),
        ("Karim Ouali", "e-mail"),
        ("Els Jansen", "naam en organisatie"),
    ]
    result = apply_import(store, again)
    assert (
        result.summary()
        == "Toegevoegd: 0 deelnemers, 0 organisaties, 0 initiatieven. 3 al aanwezig."
    )
    assert store.count(Participant) == 3 and store.count(Organisation) == 3


def test_a_stale_preview_applied_twice_still_adds_nobody_twice(
    registrations: Path, store: SessionStore
) -> None:
    preview = preview_import(registrations, store.network())
    apply_import(store, preview)
    apply_import(store, preview)
    assert store.count(Participant) == 3


def test_matching_ignores_case_and_spaces(tmp_path: Path, store: SessionStore) -> None:
    welzijn = Organisation("Welzijn Zuid")
    store.add(welzijn)
    store.add(Participant("Anna de Vries", organisation_id=welzijn.id, email="Anna@WelzijnZuid.nl"))
    path = write_csv(
        tmp_path / "a.csv",
        [("Naam", "Organisatie", "E-mail"), ("A. de Vries", "x", " anna@welzijnzuid.nl ")],
    )
    path2 = write_csv(
        tmp_path / "b.csv", [("Naam", "Organisatie"), ("  anna  DE vries", "welzijn   zuid")]
    )
    for source in (path, path2):
        preview = preview_import(source, store.network())
        assert preview.new_count == 0
        assert preview.matches[0].existing == "Anna de Vries (Welzijn Zuid)"


def test_the_same_person_twice_in_one_file_is_added_once(
    tmp_path: Path, store: SessionStore
) -> None:
    path = write_csv(
        tmp_path / "dubbel.csv",
        [("Naam", "E-mail"), ("Anna", "anna@x.nl"), ("Anna de Vries", "ANNA@x.nl")],
    )
    preview = preview_import(path, store.network())
    assert _names(preview.participants) == ["Anna"]
    assert preview.matches[0].by == "rij 2"


def test_first_infix_and_last_name_make_one_name(tmp_path: Path, store: SessionStore) -> None:
    path = write_csv(
        tmp_path / "namen.csv",
        [
            ("Voornaam", "Tussenvoegsel", "Achternaam"),
            ("Jan", "van der", "Berg"),
            ("Ina", "", "Bos"),
        ],
    )
    preview = preview_import(path, store.network())
    assert _names(preview.participants) == ["Jan van der Berg", "Ina Bos"]


# --- bad rows ------------------------------------------------------------------------------------

BAD = (
    ("Naam", "Organisatie", "E-mail", "Aanwezig"),
    ("Anna de Vries", "Welzijn Zuid", "anna@welzijnzuid.nl", "ja"),
    ("", "Welzijn Zuid", "zonder@naam.nl", ""),
    ("Piet", "Nieuwe Organisatie", "piet@", ""),
    ("Els", "", "", "misschien"),
)


def test_bad_rows_have_their_row_number_and_a_dutch_message(
    tmp_path: Path, store: SessionStore
) -> None:
    preview = preview_import(write_csv(tmp_path / "fout.csv", BAD), store.network())
    assert [(bad.row, bad.message) for bad in preview.bad_rows] == [(3, "Geen naam.")]
    assert [(note.row, note.message) for note in preview.warnings] == [
        (4, "E-mail ‘piet@’ weggelaten: Dit lijkt geen e-mailadres (naam@voorbeeld.nl)."),
        (5, "Aanwezig: ‘misschien’ is geen ja of nee; als ja ingelezen."),
    ]
    assert _names(preview.participants) == ["Anna de Vries", "Piet", "Els"]
    assert _names(preview.organisations) == ["Welzijn Zuid", "Nieuwe Organisatie"]
    assert "1 rij " in preview.refusal()


def test_bad_rows_stop_the_whole_import(tmp_path: Path, store: SessionStore) -> None:
    assert store.path is not None
    before = store.path.read_bytes()
    preview = preview_import(write_csv(tmp_path / "fout.csv", BAD), store.network())
    with pytest.raises(ImportRefusedError, match="niets geïmporteerd"):
        apply_import(store, preview)
    assert store.path.read_bytes() == before
    assert store.count(Participant) == 0


def test_skip_bad_imports_the_good_rows(tmp_path: Path, store: SessionStore) -> None:
    preview = preview_import(write_csv(tmp_path / "fout.csv", BAD), store.network())
    result = apply_import(store, preview, skip_bad=True)
    assert [p.name for p in result.participants] == ["Anna de Vries", "Piet", "Els"]
    assert [p.email for p in result.participants] == ["anna@welzijnzuid.nl", "", ""]
    assert result.skipped == 1
    assert [o.name for o in store.all(Organisation)] == ["Welzijn Zuid", "Nieuwe Organisatie"]


def test_a_file_far_larger_than_a_session_is_refused(tmp_path: Path, store: SessionStore) -> None:
    rows = [("Naam", "E-mail")] + [(f"Persoon {n}", f"p{n}@x.nl") for n in range(520)]
    preview = preview_import(write_csv(tmp_path / "groot.csv", rows), store.network())
    assert preview.too_large
    with pytest.raises(ImportRefusedError, match=f"hooguit {importer.MAX_NEW}"):
        apply_import(store, preview)
    assert store.count(Participant) == 0


def test_no_recognisable_header(tmp_path: Path, store: SessionStore) -> None:
    path = write_csv(tmp_path / "raar.csv", [("Kolom1", "Kolom2"), ("a", "b")])
    with pytest.raises(ExchangeFileError, match="herkent geen van de kolomkoppen"):
        preview_import(path, store.network())


def test_header_without_data(tmp_path: Path, store: SessionStore) -> None:
    path = write_csv(tmp_path / "kop.csv", [REGISTRATIONS[0]])
    with pytest.raises(ExchangeFileError, match="geen gegevens"):
        preview_import(path, store.network())


# --- manual mapping ------------------------------------------------------------------------------


def test_unplaced_columns_are_listed_and_can_be_mapped(tmp_path: Path, store: SessionStore) -> None:
    path = write_csv(
        tmp_path / "eigen.csv",
        [("Wie", "Werkplek", "Functie"), ("Anna", "Welzijn Zuid", "opbouwwerker")],
    )
    preview = preview_import(path, store.network())
    assert preview.unmapped == ("Werkplek", "Functie")
    mapped = preview_import(
        path, store.network(), mapping={"Werkplek": "organisation", "Functie": ""}
    )
    assert mapped.unmapped == ("Functie",)
    assert _names(mapped.organisations) == ["Welzijn Zuid"]


def test_mapping_accepts_dutch_labels_and_refuses_unknown_fields(
    registrations: Path, store: SessionStore
) -> None:
    preview = preview_import(registrations, store.network(), mapping={"Telefoon": "e-mail"})
    assert any("als ‘E-mailadres’ leeg is" in column.note for column in preview.columns)
    with pytest.raises(ValueError, match="Onbekend veld"):
        preview_import(registrations, store.network(), mapping={"Rol": "schoenmaat"})


# --- workbooks with more than one sheet ----------------------------------------------------------


def test_workbook_with_extra_sheet_title_blank_rows_and_merged_header(
    tmp_path: Path, store: SessionStore
) -> None:
    from openpyxl import load_workbook

    path = write_xlsx(
        tmp_path / "aanmeldingen.xlsx",
        {
            "Toelichting": [("Dit formulier is ingevuld via de website",)],
            "Aanmeldingen": [
                ("Aanmeldingen netwerksessie De Pijp",),
                (),
                ("Naam deelnemer", "Organisatie", None, "E-mailadres ", "Thema's"),
                ("Anna de Vries", "Welzijn Zuid", None, "anna@welzijnzuid.nl", "ouderen"),
                (),
                (None, None, None, None, None),
                ("Karim Ouali", "Huisartsenpraktijk Pijp", None, "karim@hap.nl", ""),
            ],
        },
    )
    workbook = load_workbook(path)
    workbook["Aanmeldingen"].merge_cells("B3:C3")
    workbook["Aanmeldingen"].merge_cells("A1:E1")
    workbook.save(path)
    preview = preview_import(path, store.network())
    assert preview.ignored_sheets == ("Toelichting",)
    assert [c.header for c in preview.columns] == [
        "Naam deelnemer",
        "Organisatie",
        "E-mailadres",
        "Thema's",
    ]
    assert [(p.row, p.entity.name) for p in preview.participants] == [
        (4, "Anna de Vries"),
        (7, "Karim Ouali"),
    ]


def test_organisation_and_initiative_sheets(tmp_path: Path, store: SessionStore) -> None:
    path = write_xlsx(
        tmp_path / "netwerk.xlsx",
        {
            "Deelnemers": REGISTRATIONS,
            "Initiatieven": [
                (
                    "Initiatief",
                    "Organisatie",
                    "Thema's",
                    "Doelgroepen",
                    "Contactpersoon",
                    "Reserve",
                ),
                (
                    "Koffieochtend",
                    "Welzijn Zuid",
                    "ontmoeting",
                    "ouderen",
                    "Anna de Vries",
                    "els  jansen",
                ),
                ("Taalmaatjes", "Bibliotheek", "taal", "", "Onbekende Persoon", ""),
            ],
            "Organisaties": [
                ("Organisatie", "Sector", "Belangen"),
                ("Welzijn Zuid", "Welzijn", "bereik, vrijwilligers"),
            ],
        },
    )
    preview = preview_import(path, store.network())
    apply_import(store, preview)
    network = store.network()
    orgs = {org.name: org for org in network.organisations}
    assert orgs["Welzijn Zuid"].sector == "welzijn"
    assert orgs["Welzijn Zuid"].interests == ["bereik", "vrijwilligers"]
    assert "Bibliotheek" in orgs
    people = {p.id: p.name for p in network.participants}
    koffie, taal = sorted(network.initiatives, key=lambda i: i.name)
    assert people[koffie.contact_id] == "Anna de Vries"
    assert people[koffie.backup_contact_id] == "Els Jansen"
    assert taal.contact_id == ""
    assert [w.row for w in preview.warnings] == [3]
    assert "Onbekende Persoon" in preview.warnings[0].message


def test_a_participant_row_can_bring_its_initiative(tmp_path: Path, store: SessionStore) -> None:
    path = write_csv(
        tmp_path / "met-initiatief.csv",
        [
            ("Naam", "Organisatie", "Initiatief", "Thema's", "Doelgroep"),
            ("Anna", "Welzijn Zuid", "Koffieochtend", "ontmoeting", "ouderen"),
            ("Bert", "Welzijn Zuid", "Koffieochtend", "", ""),
            ("Cor", "", "Losse Club", "", ""),
        ],
    )
    preview = preview_import(path, store.network())
    assert preview.bad_rows == ()  # Cor comes in; only his initiative without organisation not
    assert [(w.row, "Losse Club" in w.message) for w in preview.warnings] == [(4, True)]
    apply_import(store, preview)
    (initiative,) = store.all(Initiative)
    people = {p.id: p.name for p in store.all(Participant)}
    assert (people[initiative.contact_id], people[initiative.backup_contact_id]) == ("Anna", "Bert")
    assert initiative.themes == ["ontmoeting"]


def sign_ups(count: int) -> list[tuple[str, ...]]:
    """A sign-up list of ``count`` people over 40 organisations, with the header of ours."""
    people = [
        (f"Persoon {n}", f"Organisatie {n % 40}", f"p{n}@x.nl", "", "", "ja") for n in range(count)
    ]
    return [REGISTRATIONS[0], *people]


def test_a_long_sign_up_list_costs_work_in_step_with_its_rows(tmp_path: Path) -> None:
    """A list far larger than a session is previewed (and refused as too large) in one pass.

    The work is counted, not timed, so the test cannot flake on a busy machine: the Python
    function calls of the preview, from ``sys.setprofile``. Four times the rows may cost at most
    4.4 times the calls; comparing each row with every other would cost sixteen times. How long
    10,000 rows take is a figure of ``tests/perf/bench.py`` (issue 20).
    """
    network = SessionStore.in_memory(Session("x")).network()
    preview_import(write_csv(tmp_path / "warm.csv", sign_ups(3)), network)  # imports, caches

    def calls(count: int) -> int:
        path = write_csv(tmp_path / f"{count}.csv", sign_ups(count))
        counted = 0

        def count_call(_frame: object, event: str, _arg: object) -> None:
            nonlocal counted
            if event == "call":
                counted += 1

        sys.setprofile(count_call)
        try:
            preview = preview_import(path, network)
        finally:
            sys.setprofile(None)
        assert preview.rows == count and preview.too_large
        return counted

    fewer, more = calls(600), calls(2400)
    assert more <= 4.4 * fewer, (fewer, more)


def test_organisations_and_initiatives_from_their_own_csv_files(
    tmp_path: Path, store: SessionStore
) -> None:
    organisations = write_csv(
        tmp_path / "partners.csv",
        [("Organisatie", "Sector", "Belangen"), ("Bibliotheek Zuid", "onderwijs", "bereik")],
    )
    initiatives = write_csv(
        tmp_path / "initiatieven.csv",
        [("Naam", "Organisatie", "Thema's"), ("Taalcafé", "Bibliotheek Zuid", "taal")],
    )
    apply_import(store, preview_import(organisations, store.network()))
    preview = preview_import(initiatives, store.network())
    assert _names(preview.initiatives) == ["Taalcafé"] and not preview.organisations
    apply_import(store, preview)
    (org,) = store.all(Organisation)
    assert (org.sector, store.all(Initiative)[0].organisation_id) == ("onderwijs", org.id)


def test_a_csv_named_after_the_session_is_still_read(tmp_path: Path, store: SessionStore) -> None:
    path = write_csv(tmp_path / "sessie 12 maart.csv", REGISTRATIONS)
    assert len(preview_import(path, store.network()).participants) == 3


def test_escapes_and_invisible_characters_in_a_sign_up_list_are_cleaned(
    tmp_path: Path, store: SessionStore
) -> None:
    """A name holding a terminal escape (issue 19.9) or a direction override (19.10) comes
    in as the name alone; a list keeps its line break (one item per line)."""
    path = tmp_path / "lijst.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, delimiter=";").writerows(
            [
                ("Naam", "Organisatie", "Belangen"),
                ("Fa\u200btima\x1b]0;GEHACKT\x07", "Welzijn \u202eZuid\u202c", "rust\nbereik\x9b"),
            ]
        )
    preview = preview_import(path, store.network())
    assert not preview.bad_rows
    apply_import(store, preview)
    network = store.network()
    assert [p.name for p in network.participants] == ["Fatima]0;GEHACKT"]
    assert [o.name for o in network.organisations] == ["Welzijn Zuid"]
    assert network.organisations[0].interests == ["rust", "bereik"]


def test_invisible_characters_in_an_excel_list_are_cleaned(
    tmp_path: Path, store: SessionStore
) -> None:
    rows = [("Naam", "Organisatie"), ("Fa\u200btima \u202ekooB", "Welzijn\u2066 Zuid")]
    path = write_xlsx(tmp_path / "lijst.xlsx", {"Deelnemers": rows})
    apply_import(store, preview_import(path, store.network()))
    network = store.network()
    assert [p.name for p in network.participants] == ["Fatima kooB"]
    assert [o.name for o in network.organisations] == ["Welzijn Zuid"]


def test_the_formula_guard_of_our_own_csv_is_taken_off(tmp_path: Path, store: SessionStore) -> None:
    """``deelnemers.csv`` writes "'+Plus Naam" so a spreadsheet shows text, not a formula; read
    back, the quote made a near-twin of the person. An apostrophe of the name itself stays."""
    path = write_csv(
        tmp_path / "deelnemers.csv",
        [
            ("Naam", "Organisatie"),
            ("'+Plus Naam", "'=Stichting Som"),
            ("'t Hart", "'s-Hertogenbosch"),
        ],
    )
    preview = preview_import(path, store.network())
    apply_import(store, preview)
    names = {p.name for p in store.all(Participant)}
    assert names == {"+Plus Naam", "'t Hart"}
    assert {o.name for o in store.all(Organisation)} == {"=Stichting Som", "'s-Hertogenbosch"}
