"""What a column means: header text from real registration lists to a field, and cell values.

Headers come from forms and spreadsheets people made themselves: "E-mailadres ", "Naam
deelnemer", "Thema’s", "Contactgegevens delen?". A header is folded (case, accents, punctuation)
and then matched by the words in it, most specific first, so that "E-mail contactpersoon" is an
e-mail address and "Naam organisatie" an organisation, not a person's name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from enum import StrEnum

from wijksessie.domain.model import SECTORS, THEMES, Role
from wijksessie.domain.text import normalise
from wijksessie.i18n import N_, _


class Field(StrEnum):
    """A field an import column can fill. The value is what a manual mapping names."""

    NAME = "name"
    FIRST_NAME = "first_name"
    INFIX = "infix"
    LAST_NAME = "last_name"
    ORGANISATION = "organisation"
    EMAIL = "email"
    PHONE = "phone"
    ROLE = "role"
    SECTOR = "sector"
    INTERESTS = "interests"
    THEMES = "themes"
    TARGET_GROUPS = "target_groups"
    INITIATIVE = "initiative"
    DESCRIPTION = "description"
    CONTACT = "contact"
    BACKUP = "backup"
    PRESENT = "present"
    SHARE_CONTACT = "share_contact"

    @property
    def label(self) -> str:
        """The field's name in the current language, for the preview and the mapping step."""
        return FIELD_LABELS[self]


DUTCH_LABELS: dict[Field, str] = {
    Field.NAME: N_("naam"),
    Field.FIRST_NAME: N_("voornaam"),
    Field.INFIX: N_("tussenvoegsel"),
    Field.LAST_NAME: N_("achternaam"),
    Field.ORGANISATION: N_("organisatie"),
    Field.EMAIL: N_("e-mail"),
    Field.PHONE: N_("telefoon"),
    Field.ROLE: N_("rol"),
    Field.SECTOR: N_("sector"),
    Field.INTERESTS: N_("belangen"),
    Field.THEMES: N_("thema's"),
    Field.TARGET_GROUPS: N_("doelgroepen"),
    Field.INITIATIVE: N_("initiatief"),
    Field.DESCRIPTION: N_("omschrijving"),
    Field.CONTACT: N_("contactpersoon"),
    Field.BACKUP: N_("reserve-contactpersoon"),
    Field.PRESENT: N_("aanwezig"),
    Field.SHARE_CONTACT: N_("contact delen"),
}
"""Each field's Dutch name: the catalogue's msgid, and a name a manual mapping may use."""


class _Labels(Mapping[Field, str]):
    """The field names in the current language, translated each time one is looked up.

    A mapping rather than a dict, so code that reads ``FIELD_LABELS[field]`` or iterates
    ``FIELD_LABELS.items()`` (the app's mapping step) shows the language chosen after import.
    """

    def __getitem__(self, field: Field) -> str:
        return _(DUTCH_LABELS[field])

    def __iter__(self) -> Iterator[Field]:
        return iter(DUTCH_LABELS)

    def __len__(self) -> int:
        return len(DUTCH_LABELS)


FIELD_LABELS: Mapping[Field, str] = _Labels()
"""The field names as shown: Dutch, or English under ``--lang en``."""

IGNORE = ""
"""The mapping value that tells the importer to leave a column alone."""

# Most specific first. Each word is a stem: it matches a header word that starts with it.
_RULES: tuple[tuple[Field, tuple[str, ...]], ...] = (
    (Field.FIRST_NAME, ("voornaam", "voornamen", "roepnaam", "firstname", "first", "given")),
    (Field.INFIX, ("tussenvoegsel", "tussenv", "infix", "prefix")),
    (Field.LAST_NAME, ("achternaam", "familienaam", "lastname", "last", "surname", "family")),
    (Field.EMAIL, ("mail", "emailadres", "email")),
    (Field.PHONE, ("telefoon", "telefoonnummer", "tel", "telnr", "phone", "mobiel", "mobile")),
    (Field.SHARE_CONTACT, ("toestemming", "consent", "delen", "share", "sharing", "avg")),
    (Field.BACKUP, ("backup", "reserve", "vervanger", "tweede")),
    (Field.CONTACT, ("contactpersoon", "contact", "aanspreekpunt")),
    (Field.PRESENT, ("aanwezig", "aanwezigheid", "present", "attendance", "attended")),
    (Field.ROLE, ("rol", "role")),
    (Field.SECTOR, ("sector", "domein", "branche")),
    (Field.INTERESTS, ("belang", "belangen", "interest", "interests")),
    (Field.THEMES, ("thema", "themas", "theme", "themes", "onderwerp")),
    (Field.TARGET_GROUPS, ("doelgroep", "doelgroepen", "target", "audience")),
    (Field.DESCRIPTION, ("omschrijving", "beschrijving", "description", "toelichting")),
    (Field.INITIATIVE, ("initiatief", "initiatieven", "initiative", "programma", "activiteit")),
    (
        Field.ORGANISATION,
        ("organisatie", "organisation", "organization", "werkgever", "instelling", "namens"),
    ),
    (Field.NAME, ("naam", "name", "deelnemer", "participant", "persoon", "wie")),
)
_SHORT_STEMS = {"tel", "rol", "role", "wie", "avg", "last", "first"}
"""Stems that must be a whole word: "rol" is not in "controle", "tel" not in "telling"."""


def fold(text: str) -> str:
    """Lower case, no accents, only letters, digits and single spaces: a header's key."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = re.sub(r"[-_’'`´.]", "", plain)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def recognise(header: str) -> Field | None:
    """The field a header means, or None when it cannot be placed."""
    words = fold(header).split()
    if not words:
        return None
    joined = "".join(words)
    for field, stems in _RULES:
        for stem in stems:
            if _matches(stem, words, joined):
                return field
    return None


def _matches(stem: str, words: list[str], joined: str) -> bool:
    if stem in _SHORT_STEMS:
        return stem in words
    return any(word.startswith(stem) for word in words) or joined == stem


# --- cell values ---------------------------------------------------------------------------------

_YES = {"ja", "j", "yes", "y", "x", "1", "true", "waar", "wel", "akkoord", "aanwezig", "✓", "✔"}
_NO = {"nee", "n", "no", "0", "false", "onwaar", "niet", "afwezig", "afgemeld", "-"}
_ROLES: tuple[tuple[Role, tuple[str, ...]], ...] = (
    (Role.RESIDENT, ("bewoner", "inwoner", "resident", "buurtbewoner", "vrijwilliger")),
    (Role.ADMINISTRATOR, ("bestuurder", "administrator", "directeur", "manager", "wethouder")),
    (Role.CONNECTOR, ("verbinder", "connector", "wijkverbinder", "netwerker")),
    (Role.PROFESSIONAL, ("professional", "medewerker", "beroepskracht")),
)
_STANDARD = {normalise(name): name for name in (*SECTORS, *THEMES)}


def yes_no(text: str, empty: bool) -> bool | None:
    """``True``/``False`` for the ways people write yes and no, ``empty`` for a blank cell.

    None when the cell says something else ("misschien"): the row is then reported, not guessed.
    """
    raw = text.strip()
    if not raw:
        return empty
    key = fold(raw) or raw
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def role(text: str) -> Role:
    """The role a cell names; anything unknown (e.g. a job title) counts as professional."""
    key = fold(text)
    for value, stems in _ROLES:
        if any(stem in key for stem in stems):
            return value
    return Role.PROFESSIONAL


def items(text: str) -> list[str]:
    """A cell holding a list: split on comma, semicolon, newline or Kumu's pipe."""
    found: dict[str, str] = {}
    for part in re.split(r"[,;|\n]", text):
        tidy = " ".join(part.split())
        if tidy:
            found.setdefault(normalise(tidy), standard(tidy))
    return list(found.values())


def standard(text: str) -> str:
    """A sector or theme in the app's own spelling when it is one of the standard ones."""
    tidy = " ".join(text.split())
    return _STANDARD.get(normalise(tidy), tidy)
