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
from functools import lru_cache

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
    OTHER_ORGANISATION = "other_organisation"
    CONNECTION_KIND = "connection_kind"

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
    Field.OTHER_ORGANISATION: N_("met organisatie"),
    Field.CONNECTION_KIND: N_("soort verbinding"),
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

# What a header means, tried in this order; the first rule whose pattern occurs in the folded
# header decides. ``None`` is a column recognised as *not ours* (a timestamp, an order number,
# consent to processing under the AVG, a yes/no question, someone else's name): it is never
# guessed into a field because one of its words looks like one.
_RULES: tuple[tuple[Field | None, str], ...] = (
    (
        None,
        r"\b(tijdstempel|timestamp|start time|completion time|last modified|modified time"
        r"|order|ticket|barcode|quantity|attendee|suffix|nickname|yomi|display name"
        r"|e ?mail type|managers?|assistants?|assistent|web ?page|website|categories)\b",
    ),
    (None, r"^(id|nr|prefix|title|titel|aanhef|salutation|aanspreekvorm|geslacht|gender)$"),
    (None, r"\b(avg|gdpr|verwerk\w*|privacy\w*|processing|voorwaarden|terms)\b"),
    (
        Field.SHARE_CONTACT,
        r"\b(delen|deel|gedeeld|share|sharing|shared|doorgeven|doorgegeven|zichtbaar)\b"
        r"|\b(toestemming|consent)\b.*\b(contact\w*|gegevens|naam|e ?mail\w*|telefoon\w*)\b",
    ),
    (Field.PRESENT, r"\b(aanwezig\w*|present|presentie|attendance|attended|ingecheckt)\b"),
    (
        None,
        r"^(heb|hebt|heeft|ben|bent|wil|wilt|doe|doet|kom|kun|kan|zou|are|do|have|will|would"
        r"|can|did) (je|jij|u|you|er)\b",
    ),
    (Field.OTHER_ORGANISATION, r"^(met organisatie|with organi[sz]ation|organisatie b)$"),
    (Field.ORGANISATION, r"^organisatie a$"),
    (Field.CONNECTION_KIND, r"^(soort|soort verbinding|kind|type|connection type|verbinding)$"),
    (Field.FIRST_NAME, r"\b(voornaam|voornamen|roepnaam|first ?name|given ?name)\b"),
    (Field.INFIX, r"\b(tussenvoegsels?|tussenv|infix|middle ?name)\b"),
    (
        Field.LAST_NAME,
        r"\b(achternaam|familienaam|geslachtsnaam|last ?name|surname|family ?name)\b",
    ),
    (Field.EMAIL, r"\b(e ?)?mail"),
    (Field.PHONE, r"\b(telefoon|mobiel)\w*|\b(tel|telnr|phone|mobile|gsm)\b"),
    (Field.BACKUP, r"\b(back ?up\w*|reserve\w*|vervanger|tweede (contact|aanspreek)\w*)"),
    (Field.CONTACT, r"\b(contactpersoon|contactpersonen|contact|aanspreekpunt)\b"),
    (Field.ROLE, r"\b(rol|role)\b"),
    (Field.SECTOR, r"\b(sector|domein|branche)"),
    (Field.INTERESTS, r"\b(belang\w*|interests?)\b"),
    (Field.THEMES, r"\b(thema\w*|themes?|onderwerp\w*|categorie\w*|category)\b"),
    (Field.TARGET_GROUPS, r"\b(doelgroep\w*|target\w*|audience)"),
    (Field.DESCRIPTION, r"\b(omschrijving|beschrijving|description|toelichting)\b|^note$"),
    (Field.INITIATIVE, r"\b(initiatie\w*|initiative\w*|programma\w*|activiteit\w*|aanbod)\b"),
    (
        Field.ORGANISATION,
        r"\b(organisati\w*|organi[sz]ation\w*|werkgever|instelling|namens|company|bedrijf\w*"
        r"|instantie|werkzaam|employer|onderneming)\b",
    ),
    (Field.NAME, r"\b(naam|name|deelnemers?|participants?|persoon|wie)\b"),
)
_COMPILED = tuple((field, re.compile(pattern)) for field, pattern in _RULES)
_ACCOUNT = {"name", "email"}
"""Microsoft Forms puts the respondent's account in "Email" and "Name" ("Velde, Jan van der",
or empty for someone outside the organisation): weaker than the answer to a question."""
_QUESTION = re.compile(r"^(wat|hoe|welke?|wie|what|which|your|je|jouw|uw)\b")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, no accents, only letters, digits and single spaces: a header's key."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = re.sub(r"[-_’'`´.]", "", plain)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def recognise(header: str) -> Field | None:
    """The field a header means, or None when it is not one of ours or cannot be placed."""
    key = fold(header)
    if not key:
        return None
    for field, pattern in _COMPILED:
        if pattern.search(key):
            return field
    return None


def strength(header: str) -> int:
    """How surely a column holds its field, when two columns claim the same one.

    The answer to a question ("Wat is je naam?") beats a plain header ("Naam"), which beats an
    account column of a forms tool ("Name", "Email"). The weaker column still fills in when the
    stronger one is blank in a row.
    """
    key = fold(header)
    if key in _ACCOUNT:
        return 0
    if header.strip().endswith("?") or _QUESTION.match(key):
        return 2
    return 1


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


# --- what a cell holds, cleaned the way a person would read it ---------------------------------

_SALUTATION = re.compile(
    r"^(de heer|dhr|mevrouw|mevr|mw|meneer|mr|mrs|ms|miss|mx|dr|drs|ir|prof)\.?\s+",
    re.IGNORECASE,
)
_LONGEST_ANSWER = 12
"""Longer than any yes/no word or "anonymous": such a cell is a name without looking further."""
_TITLES = {"msc", "bsc", "ma", "ba", "mba", "phd", "jr", "sr", "llm", "md"}
_NO_ONE = {"anonymous", "anoniem", "anonym", "onbekend", "unknown", "n.v.t.", "nvt", "-"}


def clean_label(text: str) -> str:
    """The name of an organisation or initiative; a yes/no answer or "anonymous" is none, so
    "Heb je een initiatief? Ja" never makes an initiative called "Ja"."""
    tidy = " ".join(text.split())
    if len(tidy) > _LONGEST_ANSWER:
        return tidy
    plain = tidy.casefold()
    key = plain if plain.isascii() and plain.replace(" ", "").isalnum() else fold(tidy) or plain
    return "" if key in _NO_ONE or key in _YES or key in _NO else tidy


def clean_name(text: str) -> str:
    """A person's name as the room says it: no salutation ("Dhr.", "Mevr."), an address book's
    "Velde, Jan van der" turned round; a yes/no answer or "anonymous" is no name."""
    tidy = clean_label(text)
    while match := _SALUTATION.match(tidy):
        if not tidy[match.end() :].strip():
            break
        tidy = tidy[match.end() :]
    return _turned_round(tidy)


def _turned_round(name: str) -> str:
    """ "Achternaam, Voornaam tussenvoegsel" (an address book's order) as "Voornaam tussenvoegsel
    Achternaam"; a trailing degree ("Jan Jansen, MSc") is dropped instead."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) != 2 or not all(parts) or any(char.isdigit() for char in name):
        return name
    last, rest = parts
    if all(fold(word) in _TITLES for word in rest.split()):
        return last
    return f"{rest} {last}"


def clean_email(text: str) -> str:
    """An e-mail address without "mailto:" and spaces; "anonymous" (Microsoft Forms) is none."""
    tidy = "".join(text.split())
    if tidy.casefold().startswith("mailto:"):
        tidy = tidy[len("mailto:") :]
    return "" if tidy.casefold() in _NO_ONE else tidy


_REMARK = re.compile(r"\([^)]*\)|\b(alleen|niet|bereikbaar|na|voor|tussen|werk|prive)\b.*$")
_SECOND = re.compile(r"\s*(?:/|;|,|\bof\b|\bor\b|\ben\b)\s*")


def clean_phone(text: str) -> str:
    """The first phone number in a cell as people type it, readable by the phone rule.

    "010 - 123 45 67 (alleen ma/di)" keeps the number without the remark, "06.12.34.56.78"
    gets spaces for dots, "06 12 34 56 78 / 010-1234567" keeps the first; a number stored as a
    number lost its leading 0 (612345678) and gets it back.
    """
    tidy = _REMARK.sub(" ", " ".join(text.split()))
    first = next((part for part in _SECOND.split(tidy) if part and part.strip()), "")
    number = " ".join(first.replace(".", " ").split())
    if number.isdigit() and len(number) == 9 and number[0] != "0":
        number = "0" + number
    return number
