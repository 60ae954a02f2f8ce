"""Phase 1, "Sessie": the session's own fields and the questions residents ask.

Fields save themselves shortly after typing stops and when focus leaves them; a field with a
problem shows its message in place and keeps the last good value on disk until it is fixed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, TextArea

from wijksessie.domain.dates import DateError, format_date, parse_date
from wijksessie.domain.model import THEMES, Phase, ResidentQuestion, Session
from wijksessie.domain.text import join_list, split_list, visible
from wijksessie.domain.validation import problems
from wijksessie.errors import SaveError, WijksessieError
from wijksessie.i18n import N_, _
from wijksessie.store import SessionStore
from wijksessie.ui.literal import literal
from wijksessie.ui.phases.agenda_table import AgendaTable
from wijksessie.ui.show_error import show_error
from wijksessie.ui.widgets.clean_input import CleanInput, CleanTextArea
from wijksessie.ui.widgets.confirm import ConfirmDialog
from wijksessie.ui.widgets.entity_list import EntityList
from wijksessie.ui.widgets.row_list import AUTO_HEIGHT_ROWS

if TYPE_CHECKING:
    from wijksessie.ui.widgets.form_dialog import FormField, Values

SAVE_DELAY = 0.4
QUESTION_WIDTHS = (40, 16, None)
"""The questions' columns: the question and its themes wrap (a short list) or are cut; the source
is as wide as it needs."""

SESSION_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("title", N_("Titel"), "text"),
    ("wijk", N_("Wijk"), "text"),
    ("date", N_("Datum"), "date"),
    ("location", N_("Plaats"), "text"),
    ("facilitator", N_("Procesbegeleider"), "text"),
    ("next_date", N_("Vervolgsessie op"), "date"),
    ("question", N_("Centraal vraagstuk"), "long"),
    ("notes", N_("Notities"), "long"),
)


class FormRow(Horizontal):
    """One field of the session form with its label, drawn by the row itself in the room the
    field leaves it (``margin-left`` in app.tcss).

    A ``Label`` beside each field was eight more widgets to mount, style and lay out on every
    open (about 10 ms of opening a session); the label never changes while the row lives.
    """

    def __init__(self, label: str, *, id: str, classes: str) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label

    def render(self) -> Text:
        return Text(self.label, style="bold", no_wrap=True, overflow="crop")


class SessionPhase(Horizontal):
    """The form for the session itself beside the list of residents' questions."""

    DEFAULT_FOCUS = "#questions-table"
    """Where the keyboard goes when the phase shows (``focus_default``); the session screen
    focuses it as it is built when the session opens on this phase."""

    class Saved(Message):
        """The session's own fields were saved (the header may need a new title)."""

    def __init__(self, store: SessionStore, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self._timer: Timer | None = None
        self._untouched: dict[str, tuple[Any, str]] = {}
        self._shown: list[ResidentQuestion] | None = None
        """The questions the table shows now, to skip re-filling it when nothing changed."""
        self._fields_shown = _field_values(store.session)
        """The stored values the fields were last filled from or saved as."""

    def compose(self) -> ComposeResult:
        session = self.store.session
        # Not focusable itself: Tab from the questions goes round to the title, not to the
        # form's scroll bar (it scrolls to whichever field has the focus).
        with VerticalScroll(id="session-form", can_focus=False):
            yield Label(_("De sessie"), classes="panel-title")
            if session.previous_session:
                from wijksessie.domain.followup import previous_name

                yield Label(
                    literal(_("Vervolg op {previous}").format(previous=previous_name(session))),
                    id="session-previous",
                    classes="panel-hint",
                )
            for name, label, kind in SESSION_FIELDS:
                # A field's message is put under it when there is one (_show_errors): eight
                # hidden labels were a twentieth of the time to open a session.
                with FormRow(_(label), id=f"session-row-{name}", classes=f"form-row {kind}"):
                    yield self._field(name, kind, getattr(session, name))
            yield AgendaTable(id="agenda-table")
        with Vertical(id="questions"):
            yield Label("", id="questions-title", classes="panel-title")
            yield EntityList(id="questions-table")
            if not self.store.read_only:  # a window that only looks (the wall) adds nothing
                yield Label(
                    _("a: vraag toevoegen · enter: bewerken · del: verwijderen"),
                    classes="panel-hint",
                )

    @staticmethod
    def _field(name: str, kind: str, value: Any) -> Input | TextArea:
        if kind == "long":
            return CleanTextArea(value, id=f"session-{name}", soft_wrap=True, compact=True)
        text = format_date(value) if kind == "date" else value
        hint = _("bijv. 3-12-2026") if kind == "date" else ""
        # Checked by the domain when saved; Textual's own validation would restyle every input
        # as it is built (about 10 ms of opening a session) for classes nothing uses.
        return CleanInput(
            text,
            id=f"session-{name}",
            placeholder=hint,
            compact=True,
            validate_on=(),
            select_on_focus=False,  # typing adds at the end; it never replaces the title
        )

    def on_mount(self) -> None:
        self.query_one(AgendaTable).show(self.store.session.agenda)
        # Filled before the first paint: a table that gets its rows (and so its scrollbar)
        # after it was painted makes the screen lay out and paint everything again, which was
        # a fifth of the time to open a large session.
        self.refresh_questions()
        for widget in self.query("Input, TextArea"):
            widget.disabled = self.store.read_only
        session = self.store.session
        self._untouched = {
            name: (getattr(session, name), self._text_of(name))
            for name, _label, _kind in SESSION_FIELDS
        }
        """Per field: the stored value and the text the field showed for it. A field still
        showing that text is untouched, and keeps the stored value as it is: a TextArea evens
        out mixed line ends, and opening a session must not rewrite it (issue 19.7)."""

    def _text_of(self, name: str) -> str:
        widget = self.query_one(f"#session-{name}")
        if isinstance(widget, TextArea):
            return widget.text
        return self.query_one(f"#session-{name}", Input).value

    def reload(self) -> None:
        """Catch up with changes made in another phase (or by undo, or by the clock)."""
        self.query_one(AgendaTable).show(self.store.session.agenda)
        self.refresh_questions()
        self._show_fields()

    def _show_fields(self) -> None:
        """Put the stored session in the fields when it changed since they were filled.

        After an undo or a redo the fields must show what is stored, or the next Tab would save
        the undone text again. A field whose text was refused (a date that is no date) keeps
        it while the stored session is unchanged, so the user can fix what they typed.
        """
        stored = _field_values(self.store.session)
        if stored == self._fields_shown:
            return
        self._fields_shown = stored
        for name, _label, kind in SESSION_FIELDS:
            widget = self.query_one(f"#session-{name}")
            value = getattr(self.store.session, name)
            text = format_date(value) if kind == "date" else value or ""
            if isinstance(widget, TextArea):
                if widget.text != text:
                    widget.text = text
            elif isinstance(widget, Input) and widget.value != text:
                widget.value = text
        self._show_errors({})

    def focus_default(self) -> None:
        """Put the keyboard on the questions, the phase's list.

        Not on the title: a key typed on arrival would land in it and be saved at once.
        """
        self.query_one(self.DEFAULT_FOCUS).focus()

    # -- the session form ---------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _typed(self, event: Input.Changed | TextArea.Changed) -> None:
        if not (event.control.id or "").startswith("session-") or self.store.read_only:
            return
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.save_now)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if (event.widget.id or "").startswith("session-"):
            self.save_now()

    def save_now(self) -> None:
        """Save every field that is valid now; show messages for the others."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.store.read_only or not self.is_mounted:
            return
        stored = self.store.session
        candidate, found = self._candidate(stored)
        self._show_errors(found)
        if candidate == stored:
            return
        refused = self._save(candidate)
        if refused:
            self.notify(refused, severity="error", markup=False, timeout=10)

    def _save(self, candidate: Session) -> str | None:
        """Store the session and tell the screen; why not, if the store refused it.

        A failed write is no refusal: the data stays in memory and the screen warns and retries.
        """
        try:
            self.store.save_session(candidate)
        except SaveError:
            pass
        except WijksessieError as error:
            return str(error)
        self._fields_shown = _field_values(self.store.session)
        self.post_message(self.Saved())
        return None

    def _candidate(self, stored: Session) -> tuple[Session, dict[str, str]]:
        found: dict[str, str] = {}
        changes: dict[str, Any] = {}
        for name, _label, kind in SESSION_FIELDS:
            text = self._text_of(name)
            if (getattr(stored, name), text) == self._untouched.get(name):
                continue
            if kind == "date":
                try:
                    changes[name] = parse_date(text, today=date.today())
                except DateError as error:
                    found[name] = str(error)
            else:
                changes[name] = text.strip() if kind == "text" else text
        candidate = replace(stored, **changes)
        for name, message in problems(candidate).items():
            found.setdefault(name, message)
        reverted = {name: getattr(stored, name) for name in found if hasattr(stored, name)}
        return replace(candidate, **reverted), found

    def _show_errors(self, found: dict[str, str]) -> None:
        """Show each field's message under it and hide the ones that were solved.

        A field's label is made the first time it has a message and kept (hidden) after.
        """
        for name, _label, _kind in SESSION_FIELDS:
            label = next(self.query(f"#session-error-{name}").results(Label), None)
            message = found.get(name)
            if label is None:
                if message is None:
                    continue
                label = Label(id=f"session-error-{name}", classes="field-error")
                row = self.query_one(f"#session-row-{name}")
                self.query_one("#session-form").mount(label, after=row)
            label.update(literal(message or ""))
            label.set_class(message is not None, "visible")

    # -- the agenda ---------------------------------------------------------------------

    @on(AgendaTable.EditRequested)
    def _edit_minutes(self, event: AgendaTable.EditRequested) -> None:
        event.stop()
        if self.store.read_only:
            self.notify(_("Alleen-lezen: wijzigen kan hier niet."), severity="warning")
            return
        phase = event.phase
        planned = next(i.planned_minutes for i in self.store.session.agenda if i.phase is phase)

        def save(typed: Values) -> dict[str, str]:
            text = typed["minutes"].strip()
            if not text.isdecimal():
                return {"minutes": _("Vul een aantal minuten in, bijv. 25.")}
            return self.save_minutes(phase, int(text))

        from wijksessie.ui.widgets.form_dialog import FormDialog, FormField

        field = FormField("minutes", _("Minuten"), placeholder=_("bijv. 25"))
        title = _("Minuten voor {phase}").format(phase=phase.label)
        self.app.push_screen(FormDialog(title, [field], {"minutes": str(planned)}, save))

    def save_minutes(self, phase: Phase, minutes: int) -> dict[str, str]:
        """Plan ``minutes`` for ``phase``; the problem as ``{"minutes": message}`` if refused."""
        stored = self.store.session
        agenda = [
            replace(item, planned_minutes=minutes) if item.phase is phase else item
            for item in stored.agenda
        ]
        candidate = replace(stored, agenda=agenda)
        found = problems(candidate)
        if "agenda" in found:
            return {"minutes": found["agenda"]}
        refused = self._save(candidate)
        if refused:
            return {"minutes": refused}
        self.query_one(AgendaTable).show(self.store.session.agenda)
        return {}

    # -- residents' questions -----------------------------------------------------------

    def refresh_questions(self, keep: str = "") -> None:
        """Re-fill the questions table from the store, when they changed since it was filled.

        Showing the phase again leaves an unchanged table (and its cursor) alone.
        """
        table = self.query_one("#questions-table", EntityList)
        questions = self.store.all(ResidentQuestion)
        if questions != self._shown:
            self._shown = questions
            table.show(
                [_("Vraag van inwoners"), _("Thema's"), _("Bron")],
                [
                    (q.id, [visible(q.text), visible(join_list(q.themes)), visible(q.source)])
                    for q in questions
                ],
                widths=QUESTION_WIDTHS,
                wrap=len(questions) <= AUTO_HEIGHT_ROWS,
            )
            self.query_one("#questions-title", Label).update(
                _("Vragen van inwoners ({count})").format(count=len(questions))
            )
        if keep:
            table.keep_cursor_on(keep)

    @on(EntityList.Requested, "#questions-table")
    def _question_request(self, event: EntityList.Requested) -> None:
        event.stop()
        if self.store.read_only:
            self.notify(_("Alleen-lezen: wijzigen kan hier niet."), severity="warning")
            return
        if event.action == "delete":
            self._delete_question(event.entity_id)
        else:
            self._edit_question(event.entity_id)

    def _edit_question(self, question_id: str) -> None:
        existing = self.store.get(ResidentQuestion, question_id) if question_id else None
        values = {
            "text": existing.text if existing else "",
            "themes": join_list(existing.themes) if existing else "",
            "source": existing.source if existing else "",
        }

        def save(typed: Values) -> dict[str, str]:
            question = ResidentQuestion(
                text=typed["text"].strip(),
                themes=split_list(typed["themes"]),
                source=typed["source"].strip(),
                id=existing.id if existing else ResidentQuestion("").id,
            )
            try:
                if existing:
                    self.store.update(question)
                else:
                    self.store.add(question)
            except SaveError:
                pass  # kept in memory: the screen warns and saves it once it can
            except WijksessieError as error:
                return getattr(error, "problems", None) or {"text": str(error)}
            self.refresh_questions(keep=question.id)
            return {}

        title = _("Vraag bewerken") if existing else _("Nieuwe vraag van inwoners")
        from wijksessie.ui.widgets.form_dialog import FormDialog

        self.app.push_screen(FormDialog(title, question_fields(self._themes), values, save))

    def _themes(self) -> list[str]:
        used = [theme for q in self.store.all(ResidentQuestion) for theme in q.themes]
        return list(dict.fromkeys([*THEMES, *used]))

    def _delete_question(self, question_id: str) -> None:
        question = self.store.get(ResidentQuestion, question_id)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.remove(question)
            except SaveError:
                pass  # kept in memory: the screen warns and saves it once it can
            except WijksessieError as error:
                show_error(self, error)
                return
            self.refresh_questions()
            self.notify(_("Vraag verwijderd."))

        self.app.push_screen(
            ConfirmDialog(
                _("Deze vraag verwijderen?\n\n{text}").format(text=question.text), _("Verwijderen")
            ),
            answered,
        )


def _field_values(session: Session) -> tuple[Any, ...]:
    """The session's values that phase 1's fields show, in their order."""
    return tuple(getattr(session, name) for name, _label, _kind in SESSION_FIELDS)


def question_fields(vocabulary: Any) -> list[FormField]:
    """The fields of a resident question's form."""
    from wijksessie.ui.widgets.form_dialog import FormField

    return [
        FormField("text", _("Vraag"), placeholder=_("Wat vragen inwoners?")),
        FormField(
            "themes",
            _("Thema's"),
            placeholder=_("bijv. eenzaamheid, ouderen"),
            vocabulary=vocabulary,
            hint=_("Scheid met komma's; → vult aan."),
        ),
        FormField("source", _("Bron"), placeholder=_("bijv. spreekuur wijkcentrum")),
    ]
