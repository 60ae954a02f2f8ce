"""The consent round on the wall: each present participant answers with one key.

akkoord (a), bedenking (b, with a short note) or bezwaar (o, with a note). The tally is big
enough for the back row; objections and reservations stay visible with their notes so the
room can amend the text and run the round again.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Input, Label, Static

from wijksessie.domain.consent import (
    close_round,
    current_round,
    record_stance,
    start_round,
    tally,
)
from wijksessie.domain.model import Agreement, AgreementStatus, Participant, Stance, choice_label
from wijksessie.errors import SaveError, ValidationError, WijksessieError
from wijksessie.i18n import N_, _, current_language
from wijksessie.store import SessionStore
from wijksessie.ui.literal import literal
from wijksessie.ui.show_error import show_error
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.clean_input import CleanInput
from wijksessie.ui.widgets.key_bar import KeyBar

STANCE_LABELS = {
    Stance.CONSENT: N_("Akkoord"),
    Stance.RESERVATION: N_("Bedenking"),
    Stance.OBJECTION: N_("Bezwaar"),
}
STANCE_KEYS = {
    "nl": (
        ("a,1", Stance.CONSENT, "consent.yes"),
        ("b,2", Stance.RESERVATION, "consent.reservation"),
        ("o,3", Stance.OBJECTION, "consent.objection"),
    ),
    "en": (
        ("c,1", Stance.CONSENT, "consent.yes"),
        ("r,2", Stance.RESERVATION, "consent.reservation"),
        ("o,3", Stance.OBJECTION, "consent.objection"),
    ),
}
"""The keys for each stance, by language: the first letter of the word, and 1–3 in both."""


class ConsentScreen(StyledOnce, Screen[None]):
    """One agreement, one round, everyone present in turn."""

    BINDINGS = [
        # The way out and the close first, so a small screen's key bar keeps them.
        Binding("escape", "leave", _("Terug"), id="consent.leave"),
        *(
            Binding(keys, f"answer('{stance.value}')", _(STANCE_LABELS[stance]), id=binding_id)
            for keys, stance, binding_id in STANCE_KEYS[current_language()]
        ),
        Binding("s", "close_round", _("Ronde sluiten"), id="consent.close"),
        Binding("right,space", "step(1)", _("Volgende"), id="consent.next"),
        Binding("left", "step(-1)", _("Vorige"), id="consent.previous"),
    ]

    AUTO_FOCUS = None

    def __init__(self, store: SessionStore, agreement_id: str) -> None:
        super().__init__()
        self.store = store
        self.agreement_id = agreement_id
        # By name, as in the voting round: the room hears the same order in both.
        self.people = sorted(
            (p for p in store.all(Participant) if p.present), key=lambda p: p.name.casefold()
        )
        self.index = 0
        self.pending: Stance | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="consent"):
            yield Static(id="consent-text")
            yield Static(id="consent-person")
            with Horizontal(id="consent-tally"):
                for stance in Stance:
                    with Vertical(classes=f"tally {stance.name.lower()}"):
                        yield Digits("0", id=f"count-{stance.name.lower()}")
                        yield Label(choice_label(stance))
                with Vertical(classes="tally missing"):
                    yield Digits("0", id="count-missing")
                    yield Label(_("nog niet"))
            yield CleanInput(
                id="consent-note", placeholder=_("toelichting, dan Enter"), disabled=True
            )
            yield VerticalScroll(Static(id="consent-notes"), id="consent-notes-box")
        yield KeyBar()

    def on_mount(self) -> None:
        agreement = self.agreement()
        round_ = current_round(agreement)
        needs_round = (
            round_ is None
            or agreement.status is not AgreementStatus.PROPOSED
            or round_.text != agreement.text
        )
        self._opened_on: Agreement | None = agreement if needs_round else None
        """The agreement before this screen started its round; None when it continued one."""
        if needs_round:
            self.store.update(start_round(agreement))
        self._first_missing()
        self.redraw()

    def agreement(self) -> Agreement:
        """The agreement as stored now."""
        return self.store.get(Agreement, self.agreement_id)

    def redraw(self) -> None:
        """Show the text, whose turn it is, the tally and the notes."""
        agreement = self.agreement()
        count = len(agreement.rounds)
        text = Text(
            _("Ronde {count} · {status}\n").format(
                count=count, status=choice_label(agreement.status)
            ),
            style="dim",
        )
        text.append_text(literal(agreement.text, "bold"))
        self.query_one("#consent-text", Static).update(text)
        self.query_one("#consent-person", Static).update(self._person_text(agreement))
        result = tally(agreement, self.people)
        for stance in Stance:
            self.query_one(f"#count-{stance.name.lower()}", Digits).update(
                str(result.counts[stance])
            )
        self.query_one("#count-missing", Digits).update(str(len(result.missing)))
        self.query_one("#consent-notes", Static).update(self._notes(agreement))

    def _person_text(self, agreement: Agreement) -> Text:
        if not self.people:
            return Text(_("Er is niemand aanwezig."), style="bold red")
        person = self.people[self.index]
        text = Text(f"{self.index + 1}/{len(self.people)}  ", style="dim")
        text.append_text(literal(person.name, "bold"))
        round_ = current_round(agreement)
        position = round_.positions.get(person.id) if round_ else None
        if position:
            text.append(f"   {choice_label(position.stance)}", style="bold")
        if self.pending:
            text.append(
                _("   {stance}: typ de toelichting").format(stance=choice_label(self.pending)),
                style="yellow",
            )
        return text

    def _notes(self, agreement: Agreement) -> Text:
        round_ = current_round(agreement)
        names = {p.id: p.name for p in self.store.all(Participant)}
        text = Text()
        for person_id, position in round_.positions.items() if round_ else []:
            if position.stance is Stance.CONSENT:
                continue
            style = "bold red" if position.stance is Stance.OBJECTION else "yellow"
            text.append(f"{choice_label(position.stance)} ", style=style)
            text.append_text(literal(names.get(person_id, "?"), "bold"))
            text.append(": ")
            text.append_text(literal(position.note or _("(geen toelichting)")))
            text.append("\n")
        return text

    # -- answering ----------------------------------------------------------------------

    def action_answer(self, stance_value: str) -> None:
        """Record an answer; a reservation or objection asks for its note first."""
        if not self.people:
            return
        stance = Stance(stance_value)
        if stance is Stance.CONSENT:
            self._record(stance, "")
            return
        self.pending = stance
        note = self.query_one("#consent-note", Input)
        note.disabled = False
        note.add_class("visible")
        note.value = ""
        note.placeholder = _("toelichting bij {stance}, dan Enter (esc: terug)").format(
            stance=choice_label(stance)
        )
        note.focus()
        self.redraw()

    @on(Input.Submitted, "#consent-note")
    def _note_done(self, event: Input.Submitted) -> None:
        event.stop()
        if self.pending is not None:
            self._record(self.pending, event.value)

    def _record(self, stance: Stance, note: str) -> None:
        person = self.people[self.index]
        try:
            self.store.update(record_stance(self.agreement(), person, stance, note))
        except SaveError:
            pass  # kept in memory: the screen warns and saves it once it can
        except WijksessieError as error:
            # A rule the stance breaks is a warning; anything else (the store) an error.
            show_error(
                self, error, severity="warning" if isinstance(error, ValidationError) else "error"
            )
            return
        self._hide_note()
        self._next_missing()
        self.redraw()

    def _hide_note(self) -> None:
        self.pending = None
        note = self.query_one("#consent-note", Input)
        note.remove_class("visible")
        note.disabled = True
        self.set_focus(None)

    def _first_missing(self) -> None:
        missing = tally(self.agreement(), self.people).missing
        ids = [p.id for p in self.people]
        self.index = ids.index(missing[0]) if missing else 0

    def _next_missing(self) -> None:
        missing = set(tally(self.agreement(), self.people).missing)
        for offset in range(1, len(self.people) + 1):
            candidate = (self.index + offset) % len(self.people)
            if self.people[candidate].id in missing:
                self.index = candidate
                return

    def action_step(self, delta: int) -> None:
        """Go to the next or previous person (to change an answer)."""
        if self.people and self.pending is None:
            self.index = (self.index + delta) % len(self.people)
            self.redraw()

    def action_close_round(self) -> None:
        """Decide: adopted when everyone answered and nobody objects."""
        try:
            decided = close_round(self.agreement(), self.people)
            self.store.update(decided)
        except SaveError:
            pass  # kept in memory: the screen warns and saves it once it can
        except WijksessieError as error:
            show_error(self, error, severity="warning", timeout=8)
            return
        if decided.status is AgreementStatus.ADOPTED:
            self.notify(_("Aangenomen: niemand heeft bezwaar."), timeout=6)
        else:
            self.notify(
                _("Niet aangenomen: er is bezwaar. Pas de tekst aan en doe een nieuwe ronde."),
                severity="warning",
                timeout=8,
            )
        self.redraw()

    def action_leave(self) -> None:
        """Close the note field, or leave the round (answers are saved already)."""
        if self.pending is not None:
            self._hide_note()
            self.redraw()
            return
        self._drop_empty_round()
        self.dismiss(None)

    def _drop_empty_round(self) -> None:
        """Leaving a round this screen started before anyone answered stores no empty round."""
        round_ = current_round(self.agreement())
        if self._opened_on is None or round_ is None or round_.positions:
            return
        try:
            self.store.update(self._opened_on)
        except SaveError:
            pass  # kept in memory: the screen warns and saves it once it can
        except WijksessieError as error:
            show_error(self, error)
