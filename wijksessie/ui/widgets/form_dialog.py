"""A modal form for one entity: fields, messages beside them, and a save that can refuse.

Its fields are compact (one line each, without a border): a participant's seven fields fit a
120×35 wall without scrolling, and an 80×24 terminal (no blank line between fields there) on one
screen. The title and the buttons stay in sight; a longer form scrolls between them.

The screen that opens it passes ``on_save``: it gets the typed values and returns the problems
(``{field: Dutch message}``). The dialog closes only when there are none, so nothing typed is lost
to a validation error. With ``keep_open`` it resets after each save (but for the ``sticky``
fields), for entering many in a row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, TextArea

from wijksessie.i18n import _
from wijksessie.ui.literal import literal
from wijksessie.ui.styled_once import StyledOnce
from wijksessie.ui.widgets.clean_input import CleanInput, CleanTextArea
from wijksessie.ui.widgets.confirm import ConfirmDialog
from wijksessie.ui.widgets.modal import Modal
from wijksessie.ui.widgets.pick_list import PickList
from wijksessie.ui.widgets.suggest import ListSuggester
from wijksessie.ui.widgets.tick_box import TickBox

Values = dict[str, Any]


@dataclass
class FormField:
    """One field of a form: ``kind`` is text, long, choice, multi (several choices) or flag."""

    name: str
    label: str
    kind: str = "text"
    placeholder: str = ""
    choices: Sequence[tuple[str, str]] = ()
    vocabulary: Callable[[], Iterable[str]] | None = None
    allow_blank: bool = True
    hint: str = ""
    private: bool = False
    """Contact details: masked while the app is in projector mode (or is the wall)."""
    preview: Callable[[str], str] | None = None
    """What the typed text will be read as, shown under the field as it is typed (a date:
    "→ vr 18 dec 2026", or why it is no date)."""
    options: dict[str, Any] = field(default_factory=dict)


class FormDialog(StyledOnce, Modal[bool]):
    """Edit one entity's fields; returns True when something was saved."""

    BINDINGS = [
        Binding("ctrl+s", "save", _("Opslaan"), id="form.save"),
        Binding("escape", "cancel", _("Annuleren"), id="form.cancel"),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        values: Values,
        on_save: Callable[[Values], dict[str, str]],
        *,
        keep_open: bool = False,
        sticky: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.initial = dict(values)
        self.on_save = on_save
        self.keep_open = keep_open
        self.sticky = set(sticky)
        self.saved_any = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(literal(self.form_title), id="form-title")
            with VerticalScroll(id="fields"):
                for spec in self.fields:
                    yield Label(spec.label, classes="field-label")
                    yield self._widget(spec)
                    yield Label("", id=f"error-{spec.name}", classes="field-error")
                    if spec.kind == "multi":
                        yield Label(
                            _("typ om te zoeken · spatie: aan/uit"),
                            id=f"filter-{spec.name}",
                            classes="field-hint",
                        )
                    if spec.preview is not None:
                        yield Label(
                            spec.preview(str(self.initial.get(spec.name) or "")),
                            id=f"preview-{spec.name}",
                            classes="field-preview",
                        )
                    if spec.hint:
                        yield Label(spec.hint, classes="field-hint")
            with Horizontal(id="buttons"):
                yield Button(_("Opslaan (ctrl+s)"), variant="primary", id="save", compact=True)
                yield Button(_("Annuleren (esc)"), id="cancel", compact=True)

    def _widget(self, spec: FormField) -> Any:
        value = self.initial.get(spec.name)
        widget_id = f"field-{spec.name}"
        if spec.kind == "long":
            return CleanTextArea(
                value or "", id=widget_id, soft_wrap=True, show_line_numbers=False, compact=True
            )
        if spec.kind == "choice":
            return Select(
                [(label, key) for key, label in spec.choices],
                value=value if value else Select.NULL,
                allow_blank=spec.allow_blank,
                prompt=_("(kies)"),
                id=widget_id,
                type_to_search=True,
                compact=True,
            )
        if spec.kind == "multi":
            return PickList(list(spec.choices), set(value or ()), id=widget_id)
        if spec.kind == "flag":
            return TickBox(spec.placeholder or spec.label, bool(value), id=widget_id, compact=True)
        suggester = ListSuggester(spec.vocabulary) if spec.vocabulary else None
        masked = spec.private and bool(getattr(self.app, "masked", False))
        return CleanInput(
            value or "",
            placeholder=spec.placeholder,
            id=widget_id,
            suggester=suggester,
            password=masked,
            validate_on=(),  # on_save checks; Textual's validation only restyles each input
            select_on_focus=False,  # typing adds at the end; it never replaces what is there
            compact=True,
        )

    def on_mount(self) -> None:
        for select in self.query(Select):
            self.watch(select, "expanded", self._list_placer(select), init=False)
        self._focus_first()

    def _list_placer(self, select: Select[Any]) -> Callable[[bool], None]:
        def place(expanded: bool) -> None:
            if expanded:  # placed once the list is laid out, so its wrapped lines are counted
                self.call_after_refresh(self._place_list, select)

        return place

    def _place_list(self, select: Select[Any]) -> None:
        """Keep an opened choice's list inside the dialog, below the choice or, when there is
        more room there, above it; a list longer than the room scrolls.

        Textual keeps the list inside the screen only, so a choice low in the form (the role,
        the commitment's goal) ran over the dialog's bottom on an 80×24 terminal.
        """
        overlay = select.query_one("SelectOverlay", Widget)
        box = self.query_one("#dialog")
        inside = box.region.shrink(box.styles.border.spacing)
        below = inside.bottom - select.region.bottom
        above = select.region.y - inside.y
        wanted = overlay.virtual_size.height + overlay.styles.gutter.height
        if wanted <= below or below >= above:
            overlay.styles.max_height = max(1, min(wanted, below))
            overlay.styles.offset = (0, 0)
        else:
            height = min(wanted, above)
            overlay.styles.max_height = height
            overlay.styles.offset = (0, -(height + select.region.height))

    def _focus_first(self) -> None:
        """The first field, with the form scrolled to its top: scrolling to the field left its
        label above the edge in a short terminal (the initiative's "Naam" at 80×24)."""
        self.set_focus(self.query_one(f"#field-{self.fields[0].name}"), scroll_visible=False)
        self.query_one("#fields", VerticalScroll).scroll_home(animate=False)

    def _focus_field(self, name: str) -> None:
        """Focus a field now, not after the messages in flight: keys typed meanwhile go there."""
        self.set_focus(self.query_one(f"#field-{name}"))

    def values(self) -> Values:
        """What is typed in the form now, by field name."""
        result: Values = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, TextArea):
                result[spec.name] = widget.text
            elif isinstance(widget, Select):
                result[spec.name] = "" if widget.value == Select.NULL else widget.value
            elif isinstance(widget, PickList):
                result[spec.name] = widget.chosen
            else:
                result[spec.name] = widget.value
        return result

    def show_problems(self, problems: dict[str, str]) -> None:
        """Put each message under its field; a message for an unknown field goes under the first."""
        names = {spec.name for spec in self.fields}
        placed: dict[str, str] = {}
        for name, message in problems.items():
            target = name if name in names else self.fields[0].name
            placed[target] = f"{placed[target]} {message}" if target in placed else message
        for spec in self.fields:
            message = placed.get(spec.name, "")
            if message and spec.preview is not None:
                typed = self.query_one(f"#field-{spec.name}", Input).value
                if message == spec.preview(typed):
                    # Said once, as the refusal: the preview below said it too, twice over.
                    self.query_one(f"#preview-{spec.name}", Label).update("")
            label = self.query_one(f"#error-{spec.name}", Label)
            label.update(literal(message))  # typed names in it: no markup
            label.set_class(bool(message), "visible")
        if placed:
            first = next(spec.name for spec in self.fields if spec.name in placed)
            self._focus_field(first)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter goes to the next text field; on the last one it saves.

        Choices and check boxes are skipped (Tab reaches them), so a row of names goes in
        with the Enter key alone. A long text after the last line (an initiative's
        description) is the next field too: Enter saved before it, and what a fast typist
        meant for the description went to the list as its keys ('e' opened an edit form,
        'i' the import). In the long text Enter is a new line, and ctrl+s saves. Enter comes
        after the field has taken every key typed before it, and the app routes no key after
        it until the focus has moved (``KeysInOrder``).
        """
        event.stop()
        texts = [spec.name for spec in self.fields if spec.kind in ("text", "long")]
        current = (event.input.id or "").removeprefix("field-")
        if current not in texts or current == texts[-1]:
            self.action_save()
        else:
            self._focus_field(texts[texts.index(current) + 1])

    def on_key(self, event: events.Key) -> None:
        """A letter on a closed choice picks the next option that starts with it.

        So a participant's role is one key (``b`` bewoner, ``b`` again bestuurder, ``p``
        professional, ``v`` verbinder) instead of opening the list and moving through it.
        """
        select = self.focused
        if not isinstance(select, Select) or select.expanded or not event.is_printable:
            return
        letter = (event.character or "").casefold()
        spec = next((f for f in self.fields if f"field-{f.name}" == select.id), None)
        if spec is None or not letter.strip():
            return
        matching = [key for key, label in spec.choices if label.casefold().startswith(letter)]
        if not matching:
            return
        event.stop()
        current = select.value if select.value in matching else None
        following = matching[(matching.index(current) + 1) % len(matching)] if current else None
        select.value = following or matching[0]

    @on(PickList.Filtered)
    def _filtered(self, event: PickList.Filtered) -> None:
        """Say under a pick list what its filter is and what it shows."""
        name = (event.pick_list.id or "").removeprefix("field-")
        if not event.query:
            text = _("typ om te zoeken · spatie: aan/uit")
        elif not event.shown:
            text = _("niets gevonden voor ‘{query}’ · backspace of esc: terug").format(
                query=event.query
            )
        else:
            text = _("zoekt ‘{query}’: {shown} van {total} · esc: alles tonen").format(
                query=event.query, shown=event.shown, total=event.total
            )
        self.query_one(f"#filter-{name}", Label).update(literal(text))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """Show, as it is typed, what a field with a preview will be read as; a refusal under
        the field goes as soon as the field changes (it stayed above the new preview, "is not
        a date" over "→ vr 4 dec 2026")."""
        name = (event.input.id or "").removeprefix("field-")
        spec = next((f for f in self.fields if f.name == name), None)
        if spec is None:
            return
        self.query_one(f"#error-{name}", Label).set_class(False, "visible")
        if spec.preview is not None:
            self.query_one(f"#preview-{name}", Label).update(literal(spec.preview(event.value)))

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Hand the values to ``on_save``; close (or reset) only when it found no problems."""
        values = self.values()
        problems = self.on_save(values)
        self.show_problems(problems)
        if problems:
            self._set_aside_keys_typed_ahead()
            return
        self.saved_any = True
        if not self.keep_open:
            self.dismiss(True)
            return
        self._reset()

    def _set_aside_keys_typed_ahead(self) -> None:
        """Keys typed after a refused save are not typed into this form; they are shown.

        A fast typist (or a pasted list) is already on the next entry when the refusal comes:
        those keys went into the refused form's fields and saved one entry out of two
        ("Gemeente WaterveenVoedselbank Waterveen"). They wait their turn behind the key that
        saved (``KeysInOrder``), so they are taken out there and put in a message instead,
        where nothing typed is lost and nothing is mixed."""
        drop = getattr(self.app, "drop_held_keys", None)
        typed = drop() if callable(drop) else ""
        if typed:
            self.notify(
                _("Niet opgeslagen; daarna getypt en niet gebruikt: ‘{typed}’").format(typed=typed),
                severity="warning",
                markup=False,
                timeout=15,
            )

    def _reset(self) -> None:
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if spec.name in self.sticky:
                continue
            if isinstance(widget, Input):
                widget.value = ""
            elif isinstance(widget, TextArea):
                widget.text = ""
        self.initial = {**self.initial, **self.values()}
        self._focus_first()

    async def action_quit_app(self) -> None:
        """Quit the app; when something typed would be thrown away, ask first."""
        if not self._changed():
            await super().action_quit_app()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.app.call_later(self.app.run_action, "quit")

        self.app.push_screen(
            ConfirmDialog(
                _("Wat je typte is nog niet opgeslagen. Toch afsluiten?"),
                _("Afsluiten"),
                _("Terug"),
            ),
            answered,
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close; when something typed would be thrown away, ask first."""
        if not self._changed():
            self.dismiss(self.saved_any)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(self.saved_any)

        self.app.push_screen(
            ConfirmDialog(
                _("Wat je typte is nog niet opgeslagen. Weggooien?"), _("Weggooien"), _("Terug")
            ),
            answered,
        )

    def _changed(self) -> bool:
        current = self.values()
        return any(
            (current[name] or "") != (self.initial.get(name) or "")
            for name in current
            if isinstance(current[name], str)
        )
