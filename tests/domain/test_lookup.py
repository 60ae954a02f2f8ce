"""Names to ids: what pick fields accept."""

from __future__ import annotations

from wijksessie.domain.lookup import Names
from wijksessie.domain.model import Organisation, Participant

WELZIJN = Organisation("Welzijn Zuid")
HUISARTS = Organisation("Huisarts Oost")
ANNA_W = Participant("Anna de Vries", organisation_id=WELZIJN.id)
ANNA_H = Participant("Anna de Vries", organisation_id=HUISARTS.id)
BRAM = Participant("Bram Yilmaz", organisation_id=WELZIJN.id)
LOOSE = Participant("Cor")

NAMES = Names([WELZIJN, HUISARTS], [ANNA_W, ANNA_H, BRAM, LOOSE])


def test_organisation_by_name_ignores_case_and_spaces() -> None:
    assert NAMES.organisation("  welzijn   ZUID ") is WELZIJN
    assert NAMES.organisation("Welzijn") is None
    assert NAMES.organisation_names() == ["Huisarts Oost", "Welzijn Zuid"]


def test_person_labels_tell_namesakes_apart() -> None:
    assert NAMES.person_label(ANNA_W.id) == "Anna de Vries (Welzijn Zuid)"
    assert NAMES.person_label(LOOSE.id) == "Cor"
    assert NAMES.person_label("onbekend") == ""


def test_person_by_label_name_or_unique_start() -> None:
    assert NAMES.person("Anna de Vries (Huisarts Oost)") is ANNA_H
    assert NAMES.person("bram yilmaz") is BRAM
    assert NAMES.person("Bram") is BRAM
    assert NAMES.person("Niemand") is None


def test_ambiguous_person_gets_a_dutch_message() -> None:
    message = NAMES.person("Anna de Vries")
    assert isinstance(message, str) and "2 mensen" in message
    message = NAMES.person("Ann")
    assert isinstance(message, str) and "Meerdere" in message
