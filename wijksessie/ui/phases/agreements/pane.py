"""The basic agreements with their status and the outcome of their last round."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from wijksessie.domain.consent import amend, current_round
from wijksessie.domain.model import Agreement, AgreementStatus, Stance, choice_label
from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.read_only import LooksOnly
from wijksessie.ui.widgets.confirm import ConfirmDialog
from wijksessie.ui.widgets.entity_pane import EntityPane
from wijksessie.ui.widgets.form_dialog import FormField, Values

STATUS_STYLE = {
    AgreementStatus.PROPOSED: "yellow",
    AgreementStatus.ADOPTED: "bold green",
    AgreementStatus.REJECTED: "red",
}
STANCE_MARKS = (
    (Stance.CONSENT, "✔", "green"),
    (Stance.RESERVATION, "~", "yellow"),
    (Stance.OBJECTION, "✖", "bold red"),
)


def round_summary(agreement: Agreement) -> Text:
    """``✔ 12  ~ 2  ✖ 1`` for the last round, or a dash before the first."""
    round_ = current_round(agreement)
    if round_ is None:
        return Text("—", style="dim")
    text = Text()
    for stance, mark, style in STANCE_MARKS:
        count = sum(1 for p in round_.positions.values() if p.stance is stance)
        text.append(f"{mark} {count}  ", style=style if count else "dim")
    return text


class AgreementsPane(LooksOnly, EntityPane):
    """Agreements; ``r`` puts the selected one to the room."""

    EDITS = frozenset({"consent"})
    BINDINGS = [Binding("r", "consent", _("Consentronde"), id="agreements.consent")]

    kind = Agreement
    title = _("Basisafspraken")
    columns = ((_("Afspraak"), 60), _("Status"), _("Rondes"), _("Laatste ronde"))
    row_height = None

    def cells(self, entity: Agreement) -> tuple[Text, ...]:
        return (
            literal(entity.text, "bold"),
            Text(choice_label(entity.status), style=STATUS_STYLE[entity.status]),
            Text(str(len(entity.rounds)), justify="right"),
            round_summary(entity),
        )

    def search_fields(self, entity: Agreement) -> list[str]:
        return [entity.text, entity.status.value, choice_label(entity.status)]

    def fields(self) -> list[FormField]:
        return [
            FormField("text", _("Afspraak"), "long", placeholder=_("bijv. We verwijzen warm door"))
        ]

    def values_of(self, entity: Agreement | None) -> Values:
        return {"text": entity.text if entity else ""}

    def build(self, values: Values, existing: Agreement | None) -> Agreement:
        text = values["text"].strip()
        if existing is None:
            return Agreement(text=text)
        if text == existing.text:
            return existing
        return amend(existing, text)

    def action_consent(self) -> None:
        """Start or continue the consent round of the agreement under the cursor."""
        from wijksessie.ui.phases.agreements.consent import ConsentScreen

        table = self.query_one(".pane-table")
        if self.store.read_only or not table.row_count:  # type: ignore[attr-defined]
            self.notify(
                _("Kies eerst een afspraak (of voeg er een toe met a)."), severity="warning"
            )
            return
        agreement = self.store.get(Agreement, table.current_id())  # type: ignore[attr-defined]

        def run(yes: bool | None = True) -> None:
            if yes:
                self.app.push_screen(ConsentScreen(self.store, agreement.id), self._after)

        if agreement.status is AgreementStatus.PROPOSED:
            run()
        else:
            question = _(
                "Deze afspraak is {status}. Een nieuwe ronde maakt er weer een voorstel van. "
                "Doorgaan?"
            ).format(status=choice_label(agreement.status))
            self.app.push_screen(ConfirmDialog(question, _("Nieuwe ronde"), _("Annuleren")), run)

    def _after(self, _result: object) -> None:
        self.refresh_rows()
        self.post_message(self.Changed(self))
