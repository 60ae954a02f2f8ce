"""What each organisation does in the wijk: initiatives with themes, target groups and contacts."""

from __future__ import annotations

from rich.text import Text

from wijksessie.domain.model import THEMES, Initiative, ResidentQuestion
from wijksessie.domain.text import join_list, split_list
from wijksessie.errors import ValidationError
from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.widgets.entity_pane import EntityPane
from wijksessie.ui.widgets.form_dialog import FormField, Values


class InitiativesPane(EntityPane):
    """Initiatives by organisation; a missing backup shows at once, it is a weak link."""

    kind = Initiative
    title = _("Initiatieven")
    columns = (
        (_("Initiatief"), 26),
        (_("Organisatie"), 20),
        (_("Thema's"), 20),
        (_("Doelgroepen"), 16),
        (_("Contact"), 16),
        (_("Back-up"), 16),
    )
    # On the wall and on a small screen: without target groups and the contact, but never
    # without the backup, the weak link the room discusses ("geen" in red when there is none).
    secondary_columns = (3, 4)
    row_height = None
    keep_open = False

    def entities(self) -> list[Initiative]:
        self._names = self.names()
        initiatives = self.store.all(Initiative)
        return sorted(
            initiatives,
            key=lambda i: (self._names.organisation_name(i.organisation_id).casefold(), i.name),
        )

    def cells(self, entity: Initiative) -> tuple[Text, ...]:
        backup = self._names.person_label(entity.backup_contact_id)
        return (
            literal(entity.name, "bold"),
            literal(self._names.organisation_name(entity.organisation_id)),
            literal(join_list(entity.themes)),
            literal(join_list(entity.target_groups)),
            literal(self._names.person_label(entity.contact_id)),
            literal(backup) if backup else Text(_("geen"), style="bold red"),
        )

    def search_fields(self, entity: Initiative) -> list[str]:
        return [
            entity.name,
            self._names.organisation_name(entity.organisation_id),
            *entity.themes,
            *entity.target_groups,
            entity.description,
        ]

    def fields(self) -> list[FormField]:
        return [
            FormField("name", _("Naam"), placeholder=_("bijv. Koffie-ochtend voor ouderen")),
            self.organisation_pick(
                "organisation", _("Organisatie"), _("kies (→ vult aan) of typ een nieuwe")
            ),
            FormField(
                "themes",
                _("Thema's"),
                placeholder=_("bijv. eenzaamheid, ouderen"),
                vocabulary=self.themes,
                hint=_("Scheid met komma's; → vult aan. Nieuwe thema's komen in de lijst."),
            ),
            FormField(
                "target_groups",
                _("Doelgroepen"),
                placeholder=_("bijv. ouderen, mantelzorgers"),
                vocabulary=self.target_groups,
            ),
            self.person_pick("contact", _("Contactpersoon"), _("naam (→ vult aan)")),
            self.person_pick(
                "backup", _("Back-up"), _("wie neemt het over als de contactpersoon wegvalt?")
            ),
            FormField("description", _("Beschrijving"), "long"),
        ]

    def themes(self) -> list[str]:
        """The session's theme vocabulary: the standard themes and every one used here."""
        used = [t for i in self.store.all(Initiative) for t in i.themes]
        used += [t for q in self.store.all(ResidentQuestion) for t in q.themes]
        return list(dict.fromkeys([*THEMES, *used]))

    def target_groups(self) -> list[str]:
        """Target groups used so far in this session."""
        return list(dict.fromkeys(g for i in self.store.all(Initiative) for g in i.target_groups))

    def values_of(self, entity: Initiative | None) -> Values:
        if entity is None:
            return {
                name: ""
                for name in (
                    "name",
                    "organisation",
                    "themes",
                    "target_groups",
                    "contact",
                    "backup",
                    "description",
                )
            }
        names = self.names()
        return {
            "name": entity.name,
            "organisation": names.organisation_name(entity.organisation_id),
            "themes": join_list(entity.themes),
            "target_groups": join_list(entity.target_groups),
            "contact": names.person_label(entity.contact_id),
            "backup": names.person_label(entity.backup_contact_id),
            "description": entity.description,
        }

    def build(self, values: Values, existing: Initiative | None) -> Initiative:
        names = self.names()
        problems: dict[str, str] = {}
        contact = self.person(names, values["contact"], "contact", problems)
        backup = self.person(names, values["backup"], "backup", problems)
        if problems:
            raise ValidationError(problems)
        initiative = Initiative(
            name=values["name"].strip(),
            organisation_id=self.organisation_id(values["organisation"]),
            themes=split_list(values["themes"]),
            target_groups=split_list(values["target_groups"]),
            description=values["description"].strip(),
            contact_id=contact.id if contact else "",
            backup_contact_id=backup.id if backup else "",
        )
        if existing is not None:
            initiative.id = existing.id
        return initiative
