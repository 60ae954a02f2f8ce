"""Names to ids and back: the room types names, the file keeps ids.

Pick fields show and accept names; a person is shown as "Naam (Organisatie)" so that two
people with the same name stay apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from wijksessie.domain.model import Organisation, Participant
from wijksessie.domain.text import normalise
from wijksessie.i18n import _


class Names:
    """Look organisations and participants up by name, and name them by id."""

    def __init__(
        self, organisations: Iterable[Organisation], participants: Iterable[Participant]
    ) -> None:
        self.organisations = list(organisations)
        self.participants = list(participants)
        self._org_by_id = {org.id: org for org in self.organisations}
        self._org_by_name = {normalise(org.name): org for org in self.organisations}
        self._person_by_id = {person.id: person for person in self.participants}

    def organisation_name(self, organisation_id: str) -> str:
        """The organisation's name, or empty for none or an unknown id."""
        org = self._org_by_id.get(organisation_id)
        return org.name if org else ""

    def organisation(self, name: str) -> Organisation | None:
        """The organisation with this name (case and spaces do not matter)."""
        return self._org_by_name.get(normalise(name))

    def organisation_names(self) -> list[str]:
        """All organisation names, for type-ahead."""
        return sorted((org.name for org in self.organisations), key=str.casefold)

    def person_label(self, participant_id: str) -> str:
        """``"Naam (Organisatie)"``, ``"Naam"`` without one, empty for none."""
        person = self._person_by_id.get(participant_id)
        if person is None:
            return ""
        org = self.organisation_name(person.organisation_id)
        return f"{person.name} ({org})" if org else person.name

    def person_labels(self) -> list[str]:
        """Every participant's label, for type-ahead."""
        return sorted((self.person_label(p.id) for p in self.participants), key=str.casefold)

    def person(self, text: str) -> Participant | str | None:
        """The participant a typed label or name means.

        An exact label or name wins; else a unique beginning ("Bram" for "Bram Yilmaz").
        Returns the participant, None when nobody matches, or a message when the text
        fits several people and more must be typed to tell them apart.
        """
        key = normalise(text)
        by_label = [p for p in self.participants if normalise(self.person_label(p.id)) == key]
        if len(by_label) == 1:
            return by_label[0]
        by_name = [p for p in self.participants if normalise(p.name) == key]
        if len(by_name) == 1:
            return by_name[0]
        if by_name:
            return _("Er zijn {n} mensen die {name} heten; kies met organisatie.").format(
                n=len(by_name), name=text.strip()
            )
        by_start = [
            p for p in self.participants if normalise(self.person_label(p.id)).startswith(key)
        ]
        if len(by_start) == 1:
            return by_start[0]
        if by_start:
            return _("Meerdere mensen beginnen met ‘{text}’; typ meer van de naam.").format(
                text=text.strip()
            )
        return None
