"""Who already works with whom: connections between organisations."""

from __future__ import annotations

from rich.text import Text

from wijksessie.domain.model import Connection, ConnectionKind, choice_label
from wijksessie.errors import ValidationError
from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.widgets.entity_pane import EntityPane
from wijksessie.ui.widgets.form_dialog import FormField, Values

KIND_STYLE = {
    ConnectionKind.WORK_TOGETHER: "bold green",
    ConnectionKind.KNOW: "",
    ConnectionKind.WANT_TO: "italic yellow",
}


class ConnectionsPane(EntityPane):
    """Connections; both organisations must already be in the session."""

    kind = Connection
    title = _("Verbindingen")
    columns = (
        (_("Organisatie"), 30),
        _("Verbinding"),
        (_("Organisatie") + " ", 30),
        (_("Notitie"), 30),
    )
    row_height = None  # long names and notes wrap instead of being cut (issue 15.9)
    keep_open = True

    def entities(self) -> list[Connection]:
        self._names = self.names()
        return sorted(
            self.store.all(Connection),
            key=lambda c: (
                self._names.organisation_name(c.org_a).casefold(),
                self._names.organisation_name(c.org_b).casefold(),
            ),
        )

    def cells(self, entity: Connection) -> tuple[Text, ...]:
        return (
            literal(self._names.organisation_name(entity.org_a), "bold"),
            Text(choice_label(entity.kind), style=KIND_STYLE[entity.kind]),
            literal(self._names.organisation_name(entity.org_b), "bold"),
            literal(entity.note),
        )

    def search_fields(self, entity: Connection) -> list[str]:
        return [
            self._names.organisation_name(entity.org_a),
            self._names.organisation_name(entity.org_b),
            entity.kind.value,
            choice_label(entity.kind),
            entity.note,
        ]

    def fields(self) -> list[FormField]:
        return [
            self.organisation_pick("org_a", _("Organisatie"), _("naam (→ vult aan)")),
            self.organisation_pick("org_b", _("met organisatie"), _("naam (→ vult aan)")),
            FormField("note", _("Notitie"), placeholder=_("bijv. samen het spreekuur op dinsdag")),
            FormField(
                "kind",
                _("Soort"),
                "choice",
                choices=[(kind.value, choice_label(kind)) for kind in ConnectionKind],
                allow_blank=False,
            ),
        ]

    def sticky(self) -> tuple[str, ...]:
        return ("kind",)

    def values_of(self, entity: Connection | None) -> Values:
        if entity is None:
            return {"org_a": "", "org_b": "", "note": "", "kind": ConnectionKind.KNOW.value}
        names = self.names()
        return {
            "org_a": names.organisation_name(entity.org_a),
            "org_b": names.organisation_name(entity.org_b),
            "note": entity.note,
            "kind": entity.kind.value,
        }

    def build(self, values: Values, existing: Connection | None) -> Connection:
        names = self.names()
        problems: dict[str, str] = {}
        ids: dict[str, str] = {}
        for field in ("org_a", "org_b"):
            typed = values[field].strip()
            found = names.organisation(typed) if typed else None
            if found is None:
                problems[field] = (
                    _(
                        "Onbekende organisatie: {name}. Voeg haar eerst toe bij Organisaties."
                    ).format(name=typed)
                    if typed
                    else _("Kies een organisatie.")
                )
            else:
                ids[field] = found.id
        if problems:
            raise ValidationError(problems)
        connection = Connection(
            org_a=ids["org_a"],
            org_b=ids["org_b"],
            kind=ConnectionKind(values["kind"] or ConnectionKind.KNOW.value),
            note=values["note"].strip(),
        )
        if existing is not None:
            connection.id = existing.id
        return connection
