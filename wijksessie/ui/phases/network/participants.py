"""The people in the room. Contact details are never shown in the table: it is on the wall."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from wijksessie.domain.model import Participant, Role, choice_label
from wijksessie.domain.validation import name_looks_like_contact
from wijksessie.errors import ValidationError
from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.widgets.entity_pane import EntityPane
from wijksessie.ui.widgets.form_dialog import FormField, Values


class ParticipantsPane(EntityPane):
    """Participants; the form stays open so twenty people go in quickly."""

    kind = Participant
    title = _("Deelnemers")
    columns = ((_("Naam"), 24), (_("Organisatie"), 34), _("Rol"), _("Aanwezig"), _("Contact"))
    secondary_columns = (4,)  # contact
    keep_open = True

    def entities(self) -> list[Participant]:
        self._names = self.names()
        return sorted(self._names.participants, key=lambda p: p.name.casefold())

    def row_key(self, entity: Participant) -> tuple[Any, ...]:
        return (
            entity.name,
            self._names.organisation_name(entity.organisation_id),
            entity.role,
            entity.present,
            bool(entity.email),
            bool(entity.phone),
            entity.share_contact,
        )

    def cells(self, entity: Participant) -> tuple[Text, ...]:
        contact = " ".join(
            mark for mark, value in (("✉", entity.email), ("☎", entity.phone)) if value
        )
        if contact and entity.share_contact:
            contact += _(" deelt")
        return (
            literal(entity.name, "bold"),
            literal(self._names.organisation_name(entity.organisation_id)),
            Text(choice_label(entity.role)),
            Text(_("ja") if entity.present else _("nee"), style="" if entity.present else "dim"),
            Text(contact or "—", style="dim"),
        )

    def search_fields(self, entity: Participant) -> list[str]:
        org = self._names.organisation_name(entity.organisation_id)
        return [entity.name, org, entity.role.value, choice_label(entity.role)]

    def fields(self) -> list[FormField]:
        return [
            FormField("name", _("Naam"), placeholder=_("voor- en achternaam")),
            self.organisation_pick(
                "organisation",
                _("Organisatie"),
                _("kies (→ vult aan) of typ een nieuwe"),
                hint=_("Een nieuwe naam maakt de organisatie aan."),
            ),
            FormField(
                "email",
                _("E-mail"),
                placeholder=_("alleen met toestemming gedeeld"),
                private=True,
            ),
            FormField("phone", _("Telefoon"), private=True),
            FormField(
                "role",
                _("Rol"),
                "choice",
                choices=[(role.value, choice_label(role)) for role in Role],
                allow_blank=False,
            ),
            FormField("present", _("Aanwezig"), "flag", placeholder=_("Is aanwezig in de sessie")),
            FormField(
                "share_contact",
                _("Contact delen"),
                "flag",
                placeholder=_("Mag e-mail en telefoon in de samenvatting"),
            ),
        ]

    def sticky(self) -> tuple[str, ...]:
        return ("role", "present", "share_contact")

    def values_of(self, entity: Participant | None) -> Values:
        if entity is None:
            return {
                "name": "",
                "organisation": "",
                "email": "",
                "phone": "",
                "role": Role.PROFESSIONAL.value,
                "present": True,
                "share_contact": False,
            }
        return {
            "name": entity.name,
            "organisation": self.names().organisation_name(entity.organisation_id),
            "email": entity.email,
            "phone": entity.phone,
            "role": entity.role.value,
            "present": entity.present,
            "share_contact": entity.share_contact,
        }

    def build(self, values: Values, existing: Participant | None) -> Participant:
        typed = values["name"].strip()
        unlike = name_looks_like_contact(typed)
        if unlike and (existing is None or typed != existing.name):
            raise ValidationError({"name": unlike})
        participant = Participant(
            name=values["name"].strip(),
            organisation_id=self.organisation_id(values["organisation"]),
            role=Role(values["role"] or Role.PROFESSIONAL.value),
            email=values["email"].strip(),
            phone=values["phone"].strip(),
            present=bool(values["present"]),
            share_contact=bool(values["share_contact"]),
        )
        if existing is not None:
            participant.id = existing.id
        return participant
