"""Every rule in ``validation.py`` answers with its Dutch message."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.conftest import demo_entities, demo_session
from wijksessie.domain.model import (
    AgendaItem,
    Agreement,
    Commitment,
    Connection,
    Goal,
    Initiative,
    Organisation,
    ParkingItem,
    Participant,
    Phase,
    ResidentQuestion,
    Session,
)
from wijksessie.domain.validation import (
    NAME_MAX,
    TEXT_MAX,
    duplicate_problems,
    problems,
    validate,
)
from wijksessie.errors import ValidationError

REQUIRED = [
    (Session(""), "title", "Geef de sessie een titel."),
    (ResidentQuestion(""), "text", "Typ de vraag van inwoners."),
    (Organisation(""), "name", "Geef de organisatie een naam."),
    (Participant(""), "name", "Geef de deelnemer een naam."),
    (Initiative("", organisation_id="org"), "name", "Geef het initiatief een naam."),
    (Goal(""), "text", "Beschrijf het doel."),
    (Agreement(""), "text", "Typ de afspraak."),
    (Commitment("", participant_id="p"), "what", "Beschrijf wat er wordt toegezegd."),
    (ParkingItem(""), "text", "Typ het idee voor de parkeerplaats."),
]


def _with(entity: Any, field_name: str, value: Any) -> Any:
    setattr(entity, field_name, value)
    return entity


@pytest.mark.parametrize("blank", ["", "   ", "\t\n  "])
@pytest.mark.parametrize(("entity", "field_name", "message"), REQUIRED)
def test_empty_or_blank_required_field_is_refused(
    entity: Any, field_name: str, message: str, blank: str
) -> None:
    entity = _with(entity, field_name, blank)
    assert problems(entity) == {field_name: message}
    with pytest.raises(ValidationError) as caught:
        validate(entity)
    assert caught.value.problems == {field_name: message}
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "entity", [demo_session(), *demo_entities()], ids=lambda e: type(e).__name__
)
def test_a_complete_entity_has_no_problems(entity: Any) -> None:
    assert problems(entity) == {}
    validate(entity)


def test_names_up_to_the_limit_are_fine_and_one_more_is_too_long() -> None:
    assert problems(Organisation("x" * NAME_MAX)) == {}
    assert problems(Organisation("x" * (NAME_MAX + 1))) == {
        "name": f"Te lang: {NAME_MAX + 1} tekens, hooguit {NAME_MAX}."
    }


@pytest.mark.parametrize(
    "entity",
    [
        ResidentQuestion("v" * 100_000),
        Goal("d" * 100_000),
        Agreement("a" * 100_000),
        ParkingItem("p" * 100_000),
        Session("s", notes="n" * 100_000),
    ],
    ids=lambda e: type(e).__name__,
)
def test_huge_text_is_refused_with_its_length(entity: Any) -> None:
    found = problems(entity)
    assert list(found.values()) == [f"Te lang: 100000 tekens, hooguit {TEXT_MAX}."]


@pytest.mark.parametrize("field_name", ["title", "wijk", "location", "facilitator"])
def test_short_session_fields_use_the_name_limit(field_name: str) -> None:
    session = _with(Session("Sessie"), field_name, "w" * (NAME_MAX + 1))
    assert problems(session) == {field_name: f"Te lang: {NAME_MAX + 1} tekens, hooguit {NAME_MAX}."}


def test_a_too_long_list_item_is_refused() -> None:
    question = ResidentQuestion("Vraag", themes=["kort", "t" * 201])
    assert problems(question) == {"themes": "Een onderdeel is te lang: hooguit 200 tekens elk."}


@pytest.mark.parametrize("email", ["jan", "jan@", "jan@wijk", "@wijk.nl", "jan de v@wijk.nl"])
def test_bad_email_is_refused(email: str) -> None:
    assert problems(Participant("Jan", email=email)) == {
        "email": "Dit lijkt geen e-mailadres (naam@voorbeeld.nl)."
    }


@pytest.mark.parametrize("email", ["jan@wijk.nl", " jan.de.vries+wijk@gemeente.amsterdam.nl "])
def test_good_email_is_accepted(email: str) -> None:
    assert problems(Participant("Jan", email=email)) == {}


@pytest.mark.parametrize("phone", ["12345", "06-1234567a", "0" * 21, "bel me"])
def test_bad_phone_is_refused(phone: str) -> None:
    assert problems(Participant("Jan", phone=phone)) == {
        "phone": "Een telefoonnummer heeft 6 tot 20 cijfers, spaties, +, - of haakjes."
    }


@pytest.mark.parametrize("phone", ["06-12345678", "+31 (0)20 123 4567", "020 1234567"])
def test_good_phone_is_accepted(phone: str) -> None:
    assert problems(Participant("Jan", phone=phone)) == {}


@pytest.mark.parametrize("next_date", [date(2026, 3, 11), date(2026, 3, 12)])
def test_next_session_on_or_before_this_one_is_refused(next_date: date) -> None:
    session = Session("Sessie", date=date(2026, 3, 12), next_date=next_date)
    assert problems(session) == {
        "next_date": "De vervolgsessie moet na de datum van deze sessie liggen."
    }


def test_next_session_without_a_date_or_after_it_is_fine() -> None:
    assert problems(Session("Sessie", next_date=date(2020, 1, 1))) == {}
    assert problems(Session("Sessie", date=date(2026, 3, 12), next_date=date(2026, 3, 13))) == {}


@pytest.mark.parametrize("minutes", [-1, 601])
def test_agenda_minutes_out_of_range_are_refused(minutes: int) -> None:
    session = Session("Sessie")
    session.agenda[1] = AgendaItem(Phase.NETWORK, minutes)
    assert problems(session) == {"agenda": "Wie doet wat: plan tussen 0 en 600 minuten."}


def test_connection_to_itself_is_refused() -> None:
    assert problems(Connection("org", "org")) == {
        "org_b": "Een organisatie kan niet met zichzelf verbonden worden."
    }


def test_connection_needs_two_organisations() -> None:
    assert problems(Connection("org", "")) == {"org_b": "Kies twee organisaties."}


def test_initiative_backup_must_differ_from_contact() -> None:
    initiative = Initiative(
        "Koffie", organisation_id="org", contact_id="p1", backup_contact_id="p1"
    )
    assert problems(initiative) == {
        "backup_contact_id": "De back-up moet een ander zijn dan de contactpersoon."
    }
    assert problems(Initiative("Koffie", organisation_id="org", contact_id="p1")) == {}


def test_initiative_needs_an_organisation() -> None:
    assert problems(Initiative("Koffie")) == {
        "organisation_id": "Kies de organisatie die het initiatief draait."
    }


def test_commitment_needs_a_person_or_organisation() -> None:
    assert problems(Commitment("Bellen")) == {
        "participant_id": "Wie doet het? Kies een persoon of een organisatie."
    }
    assert problems(Commitment("Bellen", organisation_id="org")) == {}


def test_goal_votes_cannot_be_negative() -> None:
    assert problems(Goal("Doel", votes={"p1": 2, "p2": -1})) == {
        "votes": "Een aantal stemmen kan niet negatief zijn."
    }


DUPLICATES = [
    (
        Organisation("Welzijn Zuid"),
        Organisation("  welzijn   ZUID "),
        {"name": "Er is al een organisatie met deze naam."},
    ),
    (
        ResidentQuestion("Waar kan ik heen?"),
        ResidentQuestion("waar  kan ik HEEN?"),
        {"text": "Deze vraag staat er al."},
    ),
    (
        Participant("Anna de Vries", organisation_id="org"),
        Participant("ANNA  de vries", organisation_id="org"),
        {"name": "Er is al een deelnemer met deze naam bij deze organisatie."},
    ),
    (
        Initiative("Koffieochtend", organisation_id="org"),
        Initiative("koffieochtend ", organisation_id="org"),
        {"name": "Deze organisatie heeft al een initiatief met deze naam."},
    ),
    (
        Connection("a", "b"),
        Connection("b", "a"),
        {"org_a": "Deze twee organisaties zijn al verbonden."},
    ),
    (Goal("Samen sterk"), Goal("samen\tsterk"), {"text": "Dit doel staat er al."}),
    (
        Agreement("Warm doorverwijzen"),
        Agreement("warm doorverwijzen"),
        {"text": "Deze afspraak staat er al."},
    ),
]


@pytest.mark.parametrize(("first", "second", "message"), DUPLICATES, ids=lambda v: type(v).__name__)
def test_duplicates_are_found_case_and_space_insensitively(
    first: Any, second: Any, message: dict[str, str]
) -> None:
    assert duplicate_problems(second, [first]) == message
    with pytest.raises(ValidationError) as caught:
        validate(second, [first])
    assert caught.value.problems == message


def test_an_entity_is_not_a_duplicate_of_itself() -> None:
    organisation = Organisation("Welzijn Zuid")
    assert validate(organisation, [organisation]) is None


def test_same_person_name_at_another_organisation_is_allowed() -> None:
    first = Participant("Anna de Vries", organisation_id="welzijn")
    assert validate(Participant("Anna de Vries", organisation_id="huisarts"), [first]) is None


def test_same_initiative_name_at_another_organisation_is_allowed() -> None:
    first = Initiative("Koffieochtend", organisation_id="welzijn")
    assert validate(Initiative("Koffieochtend", organisation_id="bibliotheek"), [first]) is None


def test_parking_items_and_commitments_may_repeat() -> None:
    assert validate(ParkingItem("Buurtapp"), [ParkingItem("Buurtapp")]) is None
    same = Commitment("Bellen", organisation_id="o")
    assert validate(Commitment("Bellen", organisation_id="o"), [same]) is None


def test_rule_problems_come_before_duplicate_problems() -> None:
    with pytest.raises(ValidationError) as caught:
        validate(Organisation("   "), [Organisation("")])
    assert caught.value.problems == {"name": "Geef de organisatie een naam."}


def test_several_problems_are_all_reported() -> None:
    participant = Participant("", email="x", phone="y")
    assert set(problems(participant)) == {"name", "email", "phone"}


def test_a_name_that_is_an_address_or_a_number_is_told_apart() -> None:
    from wijksessie.domain.validation import name_looks_like_contact

    assert "e-mailadres" in name_looks_like_contact(" eva@wijk.nl ")
    assert "telefoonnummer" in name_looks_like_contact("06-12345678")
    assert "telefoonnummer" in name_looks_like_contact("+31 (0)20 123 4567")
    for name in ("Eva de Wit", "Jan 2", "Café Noord", "K. 12345", "Zoë", "Bureau 040-2", ""):
        assert name_looks_like_contact(name) == "", name
