"""The organisations in the wijk: name, sector and interests (belangen)."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from wijksessie.domain.model import SECTORS, Initiative, Organisation, Participant
from wijksessie.domain.text import join_list, split_list
from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.widgets.entity_pane import EntityPane
from wijksessie.ui.widgets.form_dialog import FormField, Values


class OrganisationsPane(EntityPane):
    """Organisations with how many people and initiatives each brings."""

    kind = Organisation
    title = _("Organisaties")
    columns = (
        (_("Organisatie"), 34),
        (_("Sector"), 18),
        (_("Belangen"), 34),
        _("Mensen"),
        _("Initiatieven"),
    )
    secondary_columns = (2,)  # interests
    row_height = None  # long names and notes wrap instead of being cut (issue 15.9)
    keep_open = True

    def entities(self) -> list[Organisation]:
        self._people = _count(p.organisation_id for p in self.store.all(Participant))
        self._initiatives = _count(i.organisation_id for i in self.store.all(Initiative))
        return sorted(self.store.all(Organisation), key=lambda org: org.name.casefold())

    def cells(self, entity: Organisation) -> tuple[Text, ...]:
        return (
            literal(entity.name, "bold"),
            literal(entity.sector),
            literal(join_list(entity.interests)),
            Text(str(self._people.get(entity.id, 0)), justify="right"),
            Text(str(self._initiatives.get(entity.id, 0)), justify="right"),
        )

    def search_fields(self, entity: Organisation) -> list[str]:
        return [entity.name, entity.sector, *entity.interests]

    def fields(self) -> list[FormField]:
        return [
            FormField("name", _("Naam"), placeholder=_("bijv. Welzijn Zuid")),
            FormField(
                "sector",
                _("Sector"),
                placeholder=_("bijv. welzijn, huisartsenzorg, bewonersinitiatief"),
                vocabulary=self._sectors,
                hint=_("Kies uit de lijst (→ vult aan) of typ een eigen sector."),
            ),
            FormField(
                "interests",
                _("Belangen"),
                placeholder=_("wat heeft deze organisatie nodig van het netwerk?"),
                hint=_("Scheid met komma's."),
            ),
        ]

    def _sectors(self) -> list[str]:
        used = [org.sector for org in self.store.all(Organisation) if org.sector]
        return list(dict.fromkeys([*SECTORS, *used]))

    def values_of(self, entity: Organisation | None) -> Values:
        if entity is None:
            return {"name": "", "sector": "", "interests": ""}
        return {
            "name": entity.name,
            "sector": entity.sector,
            "interests": join_list(entity.interests),
        }

    def build(self, values: Values, existing: Organisation | None) -> Organisation:
        organisation = Organisation(
            name=values["name"].strip(),
            sector=values["sector"].strip(),
            interests=split_list(values["interests"]),
        )
        if existing is not None:
            organisation.id = existing.id
        return organisation


def _count(ids: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in ids:
        counts[item] = counts.get(item, 0) + 1
    return counts
