"""A list of one kind of entity: a filter that narrows as you type, a table, and a form.

Each kind (organisations, participants, ...) subclasses ``EntityPane`` and says only what is
particular to it: its columns, its form fields, and how typed values become an entity.
Deleting asks first and says what goes with it (``analysis.cascade_delete``), then applies the
whole plan in one save, so no id is left dangling.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label
from textual.widgets.data_table import Column

from wijksessie.domain.lookup import Names
from wijksessie.domain.model import KIND_NOUNS, Organisation, Participant
from wijksessie.domain.text import normalise, visible
from wijksessie.errors import SaveError, ValidationError, WijksessieError
from wijksessie.i18n import _
from wijksessie.store import SessionStore
from wijksessie.ui.show_error import show_error
from wijksessie.ui.widgets.clean_input import CleanInput
from wijksessie.ui.widgets.confirm import ConfirmDialog
from wijksessie.ui.widgets.entity_table import AUTO_HEIGHT_ROWS, EntityTable
from wijksessie.ui.widgets.form_dialog import FormDialog, FormField, Values
from wijksessie.ui.widgets.list_table import FILL_CHUNK, FILL_PAUSE, cell_width

MIN_COLUMN = 8
PROJECTOR_GROWTH = 1.5


class EntityPane(Vertical):
    """Filter, table and add/edit/delete for one kind of entity."""

    BINDINGS = [
        Binding("slash", "filter", _("Filter"), id="pane.filter"),
    ]

    kind: ClassVar[type]
    title: ClassVar[str]
    columns: ClassVar[tuple[str | tuple[str, int], ...]]
    """Column labels; ``(label, width)`` fixes a width, and long text then wraps in the cell."""
    secondary_columns: ClassVar[tuple[int, ...]] = ()
    """Positions in ``columns`` left out in projector mode and on a narrow terminal (the
    ``-narrow`` breakpoint): fewer columns, each wide enough to read."""
    keep_open: ClassVar[bool] = False
    row_height: ClassVar[int | None] = 1
    """1 keeps lists compact; None lets rows grow to fit wrapped text."""

    FORM_FIELD_OF: ClassVar[dict[str, str]] = {
        "organisation_id": "organisation",
        "contact_id": "contact",
        "backup_contact_id": "backup",
        "participant_id": "participant",
        "goal_id": "goal",
    }
    """Model fields whose messages belong under a differently named form field."""

    class Changed(Message):
        """Something in the session changed here; other panes and views should refresh."""

        def __init__(self, pane: EntityPane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, store: SessionStore, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="entity-pane")
        self.store = store
        self._rows: dict[str, tuple[Text, ...]] = {}
        """The cells the table shows now, by row key, in table order."""
        self._rows_height: int | None = None
        self._shown: list[int] = []
        self._filling = 0
        """Counts the fills begun, so a fill overtaken by a newer one stops adding rows."""
        self._fill_pending: str | None = None
        """Set (to the row to keep the cursor on) while a fill waits for the table's first
        size; see ``refresh_rows``."""
        self._news: list[str] = []
        """What a save made besides its entity (a new organisation), said once it is done."""
        self._cells_cache: dict[str, tuple[Any, tuple[Text, ...]]] = {}
        """By entity id: the ``row_key`` its cells were built for, and those cells."""
        self._confirmed_new = ""
        """A new organisation's name (normalised) saved twice: it is meant (see below)."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="pane-top"):
            yield Label("", classes="pane-title")
            yield CleanInput(
                placeholder=_("/ filter: typ om te zoeken"),
                classes="pane-filter",
                select_on_focus=False,
            )
        yield EntityTable(classes="pane-table")

    def on_mount(self) -> None:
        self._add_columns()
        self.watch(self.app, "projector", lambda _on: self._update_columns(), init=False)

    def shown_columns(self) -> list[int]:
        """The positions in ``columns`` on screen now (the wall and a small screen show fewer)."""
        hidden = self.secondary_columns if self.app.fewer_columns(self.screen) else ()
        return [index for index in range(len(self.columns)) if index not in hidden]

    def _add_columns(self) -> None:
        table = self.query_one(EntityTable)
        self._shown = self.shown_columns()
        for index in self._shown:
            column = self.columns[index]
            label, width = column if isinstance(column, tuple) else (column, None)
            table.add_column(label, width=width)

    def _update_columns(self) -> bool:
        """Take secondary columns away (or put them back) when the room or the screen changed.

        True when the columns were rebuilt (and the rows re-filled).
        """
        if self.shown_columns() == self._shown:
            return False
        table = self.query_one(EntityTable)
        filled = bool(self._rows) or table.row_count > 0 or self._fill_pending is not None
        table.clear(columns=True)
        self._rows = {}
        self._add_columns()
        self.fit_columns()
        if filled:
            self.refresh_rows(full=True, fit=self._fill_pending is not None)
        return True

    def on_resize(self) -> None:
        """Fewer columns on a small screen, and the fixed widths shrunk so the last stay in view.

        Rows are filled by ``reload`` when the pane is shown, not at mount: a hidden pane
        costs nothing until someone looks at it.
        """
        if self._update_columns():
            return
        fitted = self.fit_columns() and self.query_one(EntityTable).row_count
        if fitted or self._fill_pending is not None:
            pending = self._fill_pending
            self.refresh_rows(keep=pending or "", full=True, fit=pending is not None)

    def fit_columns(self) -> bool:
        """Scale the columns with a set width to the table's width; True when they changed."""
        table = self.query_one(EntityTable)
        shown = [self.columns[index] for index in self._shown]
        preferred = [c[1] if isinstance(c, tuple) else 0 for c in shown]
        columns = list(table.columns.values())
        if not any(preferred) or len(columns) != len(preferred) or not table.size.width:
            return False
        padding = 2 * table.cell_padding
        loose = sum(
            col.get_render_width(table)
            for col, want in zip(columns, preferred, strict=True)
            if not want
        )
        room = table.size.width - loose - padding * sum(1 for want in preferred if want) - 2
        # On a small screen the set widths shrink; on the wall, with columns left off, they
        # may grow into the room those leave (up to half again), so long names show whole.
        grow = PROJECTOR_GROWTH if len(self._shown) < len(self.columns) else 1.0
        scale = min(grow, max(room, 0) / sum(preferred))
        changed = False
        for col, want in zip(columns, preferred, strict=True):
            if want:
                width = max(MIN_COLUMN, int(want * scale))
                changed |= col.width != width
                col.width = width
        return changed

    # -- what subclasses say --------------------------------------------------------------

    def cells(self, entity: Any) -> tuple[Text, ...]:
        """The table cells of one entity."""
        raise NotImplementedError

    def row_key(self, entity: Any) -> tuple[Any, ...] | None:
        """Everything ``cells`` reads for ``entity``, or None when a pane does not say.

        Rows with the same key as last time keep their cells, so a long list builds Rich
        text only for the rows that changed: adding the thousandth commitment builds one row
        of cells, not a thousand.
        """
        return None

    def search_fields(self, entity: Any) -> list[str]:
        """The texts the filter looks in."""
        raise NotImplementedError

    def fields(self) -> list[FormField]:
        """The form's fields."""
        raise NotImplementedError

    def values_of(self, entity: Any | None) -> Values:
        """The form's starting values, for a new entity when ``entity`` is None."""
        raise NotImplementedError

    def build(self, values: Values, existing: Any | None) -> Any:
        """The entity the typed values describe; raises ``ValidationError`` for a bad pick."""
        raise NotImplementedError

    def sticky(self) -> tuple[str, ...]:
        """Fields that keep their value when the form resets after a save."""
        return ()

    # -- the list ----------------------------------------------------------------------

    def entities(self) -> list[Any]:
        """The entities in the order the table shows them."""
        return self.store.all(self.kind)

    def refresh_rows(self, keep: str = "", *, full: bool = False, fit: bool = False) -> None:
        """Bring the table up to date with the store, applying the filter.

        Only what changed is touched when it can be (see ``_patch_rows``): adding the
        thousandth commitment adds one row instead of re-measuring a thousand. ``full`` re-fills
        every row, for when the columns themselves changed. ``fit`` sizes the columns to the
        rows before filling (the first fill, which waited for the table's size).
        """
        table = self.query_one(EntityTable)
        query = self.query_one(".pane-filter", Input).value
        everything = self.entities()
        shown = everything
        filtered = bool(query.strip())
        if filtered:
            # The analysis module (and rapidfuzz) loads on the first filter or delete, not
            # when a session opens.
            from wijksessie.domain.analysis import matches

            shown = [e for e in everything if matches(self.search_fields(e), query)]
        keep = keep or (table.current_id() if table.row_count else "")
        self._show_count(len(shown), len(everything), query)
        if not table.size.width and any(isinstance(c, tuple) for c in self.columns):
            # Not laid out yet: set widths are fitted to the table's width on its first
            # resize, which fills it then. Filling now had Textual measure every row twice
            # when a phase showed the first time (a thousand commitments: 0.25 s, issue 20).
            self._fill_pending = keep
            return
        self._fill_pending = None
        height = self.row_height if len(shown) <= AUTO_HEIGHT_ROWS else 1
        built = self._built_cells(shown, filtered=filtered)
        if len(self._shown) == len(self.columns):
            rows = built
        else:
            rows = {key: self._pick(cells) for key, cells in built.items()}
        if full or not self._patch_rows(table, rows, height):
            table.clear()
            if fit:
                self._fit_to(table, rows)
            self._fill(table, rows, height, keep)
            self._rows = rows
        self._rows_height = height
        if keep:
            table.keep_cursor_on(keep)

    @property
    def still_filling(self) -> bool:
        """True while a long list's rows after the first screenful are still being added."""
        return self.query_one(EntityTable).row_count < len(self._rows)

    def _fit_to(self, table: EntityTable, rows: dict[str, tuple[Text, ...]]) -> None:
        """Fit the set widths around the columns Textual sizes, as wide as ``rows`` make them.

        Textual widens those columns only when it measures the rows, after they are added;
        fitting before that left too little room for them.
        """
        for index, column in enumerate(table.columns.values()):
            if column.auto_width and rows:
                widest = max(cell_width(cells[index].plain) for cells in rows.values())
                column.content_width = max(column.content_width, widest)
        self.fit_columns()

    def _fill(
        self, table: EntityTable, rows: dict[str, tuple[Text, ...]], height: int | None, keep: str
    ) -> None:
        """Add ``rows`` to the empty table: a list longer than the screen a screenful first.

        Textual measures every cell of every row it is given, so a thousand commitments kept
        their phase off the wall for a quarter of a second (issue 20). The rest follows
        ``FILL_PAUSE`` after the paint, ``FILL_CHUNK`` rows at a time; the columns Textual sizes
        are set beforehand from all the rows' text, so nothing moves, and sized by Textual again
        once all are in. The rows up to the one the cursor stays on come first.

        The first chunk waits the pause too, not just for the paint: every row added makes
        Textual measure it and draw the rows on screen anew, and a chunk run the moment the
        phase was painted kept the app from the next key for as long again (300 participants:
        a third of the phase's first show).
        """
        self._filling += 1
        items = list(rows.items())
        first = max(self.app.size.height, 1)
        if keep in rows:
            first = max(first, list(rows).index(keep) + first)
        lazy = height == 1 and len(items) > first
        sized: list[Column] = []
        if lazy:
            for index, column in enumerate(table.columns.values()):
                if column.auto_width:
                    widest = max(cell_width(cells[index].plain) for _key, cells in items)
                    column.width = max(column.content_width, widest)
                    column.auto_width = False
                    sized.append(column)
        for key, cells in items[:first]:
            table.add_row(*cells, key=key, height=height)
        if lazy:
            filling = self._filling
            self.set_timer(FILL_PAUSE, lambda: self._fill_rest(filling, items, first, sized))

    def _fill_rest(
        self,
        filling: int,
        items: list[tuple[str, tuple[Text, ...]]],
        start: int,
        sized: list[Column],
    ) -> None:
        """Add the next ``FILL_CHUNK`` rows, unless a newer fill began; the last chunk hands
        the columns' widths back to Textual."""
        if filling != self._filling or not self.is_attached:
            return
        table = self.query_one(EntityTable)
        for key, cells in items[start : start + FILL_CHUNK]:
            table.add_row(*cells, key=key, height=1)
        if start + FILL_CHUNK < len(items):
            self.set_timer(
                FILL_PAUSE, lambda: self._fill_rest(filling, items, start + FILL_CHUNK, sized)
            )
            return
        for column in sized:
            column.auto_width = True

    def _show_count(self, shown: int, total: int, query: str) -> None:
        count = _("{shown} van {total}").format(shown=shown, total=total) if query else str(total)
        self.query_one(".pane-title", Label).update(f"{self.title} ({count})")

    def _built_cells(self, entities: list[Any], *, filtered: bool) -> dict[str, tuple[Text, ...]]:
        """Each entity's cells: reused when its ``row_key`` is unchanged, built otherwise.

        ``filtered``: ``entities`` are the ones the filter lets through, not all of them.
        """
        known = self._cells_cache
        kept: dict[str, tuple[Any, tuple[Text, ...]]] = {}
        rows: dict[str, tuple[Text, ...]] = {}
        for entity in entities:
            key = self.row_key(entity)
            if key is None:
                rows[entity.id] = self.cells(entity)
                continue
            before = known.get(entity.id)
            cells = before[1] if before is not None and before[0] == key else self.cells(entity)
            kept[entity.id] = (key, cells)
            rows[entity.id] = cells
        if kept or known:
            # A filtered list keeps the cells of the rows it hides; a full one drops the
            # cells of entities that are gone.
            self._cells_cache = {**known, **kept} if filtered else kept
        return rows

    def _pick(self, cells: tuple[Text, ...]) -> tuple[Text, ...]:
        return tuple(cells[index] for index in self._shown)

    def _patch_rows(
        self, table: EntityTable, rows: dict[str, tuple[Text, ...]], height: int | None
    ) -> bool:
        """Update the table in place to show ``rows``; False when only a re-fill can.

        Rows that went are removed, changed cells updated, new rows added, and when the order
        changed (a new name sorts into the middle) the rows are sorted into place: Textual then
        measures only the new and changed rows instead of every row. A row that grows with its
        text (``height`` None) is measured only when added, so a changed one is replaced whole.
        """
        before = self._rows
        if height != self._rows_height or table.row_count != len(before):
            return False
        # Plan first: the cells the table will hold (an unchanged cell stays the object it
        # already shows), which cells to replace and which rows to add again.
        columns = list(table.columns)
        shown: dict[str, tuple[Text, ...]] = {}
        updates: list[tuple[str, Any, Text]] = []
        added = [key for key in rows if key not in before]
        for key, cells in rows.items():
            old = before.get(key)
            if old is None:
                shown[key] = cells
                continue
            if old is cells:  # the same cells object: nothing in the row changed
                shown[key] = cells
                continue
            kept: list[Text] = []
            changed: list[tuple[Any, Text]] = []
            for column, was, now in zip(columns, old, cells, strict=True):
                if was is now or _cell_key(was) == _cell_key(now):
                    kept.append(was)
                else:
                    kept.append(now)
                    changed.append((column, now))
            if changed and height is None:
                added.append(key)
                shown[key] = cells
            else:
                updates.extend((key, column, now) for column, now in changed)
                shown[key] = tuple(kept)
        staying = [key for key in before if key in rows and key not in added]
        position: dict[int, int] = {}
        if staying + added != list(rows):
            # Sorting goes by the first cell's identity (the sort key sees cells, not row
            # keys). Worked out only when the order changed: it is a pass over every row.
            position = {id(cells[0]): index for index, cells in enumerate(shown.values())}
            if len(position) != len(shown):
                return False
        for key in before.keys() - rows.keys():
            table.remove_row(key)
        for key, column, cell in updates:
            table.update_cell(key, column, cell)
        for key in added:
            if key in before:
                table.remove_row(key)
            table.add_row(*rows[key], key=key, height=height)
        if position:
            table.sort(columns[0], key=lambda cell: position[id(cell)])
        self._rows = shown
        return True

    @on(Input.Changed, ".pane-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refresh_rows()

    @on(Input.Submitted, ".pane-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(EntityTable).focus()

    def action_filter(self) -> None:
        """Jump to the filter field."""
        self.query_one(".pane-filter", Input).focus()

    def focus_table(self) -> None:
        """Put the keyboard on the table."""
        self.query_one(EntityTable).focus()

    def focus_default(self) -> None:
        """Where the keyboard goes when this pane's phase is shown."""
        self.focus_table()

    def reload(self) -> None:
        """Catch up with changes made in another phase."""
        self.refresh_rows()

    # -- add, edit, delete -------------------------------------------------------------

    @on(EntityTable.Requested)
    def _requested(self, event: EntityTable.Requested) -> None:
        event.stop()
        if self.store.read_only:
            self.notify(_("Alleen-lezen: wijzigen kan hier niet."), severity="warning")
        elif event.action == "delete":
            self.ask_delete(self.store.get(self.kind, event.entity_id))
        else:
            existing = self.store.get(self.kind, event.entity_id) if event.entity_id else None
            self.open_form(existing)

    def open_form(self, existing: Any | None) -> None:
        """Show the form for a new entity, or for ``existing``."""
        form = FormDialog(
            (_("{noun} bewerken") if existing else _("{noun} toevoegen"))
            .format(noun=self.noun)
            .capitalize(),
            self.fields(),
            self.values_of(existing),
            lambda values: self._save(values, existing),
            keep_open=self.keep_open and existing is None,
            sticky=self.sticky(),
        )
        self.app.push_screen(form)

    def _save(self, values: Values, existing: Any | None) -> dict[str, str]:
        self._news.clear()
        try:
            with self.store.batch():
                entity = self.build(values, existing)
                if existing is None:
                    self.store.add(entity)
                else:
                    self.store.update(entity)
        except SaveError:
            pass  # kept in memory; the session screen warns and retries until it is on disk
        except ValidationError as error:
            return {self.FORM_FIELD_OF.get(k, k): v for k, v in error.problems.items()}
        except WijksessieError as error:
            return {"": str(error)}
        for news in self._news:
            self.notify(news, markup=False, timeout=3)
        self.refresh_rows(keep=entity.id)
        self.post_message(self.Changed(self))
        if existing is None and self.keep_open:
            self.notify(
                _("Toegevoegd: {name}").format(name=self.label(entity)), markup=False, timeout=2
            )
        return {}

    @property
    def noun(self) -> str:
        """The Dutch word for one entity of this pane's kind."""
        return _(KIND_NOUNS[self.kind])

    def names(self) -> Names:
        """Lookups over the current organisations and people."""
        return Names(self.store.all(Organisation), self.store.all(Participant))

    def organisation_id(self, typed: str) -> str:
        """The id of the named organisation, adding it to the session when it is new.

        Called inside the save's batch: when the rest of the form is refused, the new
        organisation is rolled back with it.
        """
        name = typed.strip()
        if not name:
            return ""
        found = self.names().organisation(name)
        if found is not None:
            return found.id
        self._ask_about_lookalike(name)
        organisation = Organisation(name)
        try:
            self.store.add(organisation)
        except ValidationError as error:
            raise ValidationError({"organisation": " ".join(error.problems.values())}) from None
        # Said once the save goes through: a refused form takes the organisation back with it,
        # and "Nieuwe organisatie" was said for one that was never made.
        self._news.append(_("Nieuwe organisatie: {name}").format(name=name))
        return organisation.id

    def _ask_about_lookalike(self, name: str) -> None:
        """Refuse, once, a new organisation whose name begins a known one's.

        A fast typist stops at "Welzijn" while the field suggests "Welzijn Waterveen" and saves:
        that is almost always the known organisation. The form says which and how to take it;
        saving the same name again (``_confirmed_new``) makes the new organisation after all.
        """
        key = normalise(name)
        if len(key) < 3 or self._confirmed_new == key:
            return
        known = sorted(
            (
                org.name
                for org in self.store.all(Organisation)
                if normalise(org.name).startswith(key)
            ),
            key=str.casefold,
        )
        if not known:
            return
        self._confirmed_new = key
        raise ValidationError(
            {
                "organisation": _(
                    "Bedoelt u ‘{known}’? Druk → om aan te vullen. Of sla nog eens op voor een "
                    "nieuwe organisatie ‘{name}’."
                ).format(known=visible(known[0]), name=visible(name))
            }
        )

    def person(self, names: Names, typed: str, field: str, problems: dict[str, str]) -> Any:
        """The participant a pick field names, or None; a bad name goes into ``problems``."""
        if not typed.strip():
            return None
        found = names.person(typed)
        if isinstance(found, Participant):
            return found
        unknown = _("Onbekende deelnemer: {name}. Voeg hem eerst toe.")
        problems[field] = found or unknown.format(name=typed.strip())
        return None

    def organisation_pick(self, name: str, label: str, placeholder: str, **extra: Any) -> FormField:
        """A text field that completes organisation names as they are typed."""
        return FormField(
            name,
            label,
            placeholder=placeholder,
            vocabulary=lambda: self.names().organisation_names(),
            **extra,
        )

    def person_pick(self, name: str, label: str, placeholder: str) -> FormField:
        """A text field that completes "Naam (Organisatie)" as it is typed."""
        return FormField(
            name, label, placeholder=placeholder, vocabulary=lambda: self.names().person_labels()
        )

    def label(self, entity: Any) -> str:
        """A short name for messages."""
        return str(getattr(entity, "name", None) or getattr(entity, "text", "") or self.noun)

    def ask_delete(self, entity: Any) -> None:
        """Say what deleting takes with it, and do it all in one save after a yes."""
        from wijksessie.domain.analysis import cascade_delete

        plan = cascade_delete(self.store.network(), entity)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                with self.store.batch(description=self.store.describe(entity, "verwijderd")):
                    for change in plan.changes:
                        self.store.update(change.after)
                    for removed in plan.removals:
                        self.store.remove(removed)
            except SaveError:
                pass  # kept in memory; the session screen warns and retries
            except WijksessieError as error:
                show_error(self, error, timeout=10)
                return
            self.refresh_rows()
            self.post_message(self.Changed(self))
            self.notify(_("Verwijderd: {name}").format(name=self.label(entity)), markup=False)

        question = "\n".join(plan.description) + "\n\n" + _("Doorgaan?")
        self.app.push_screen(ConfirmDialog(question, _("Verwijderen"), _("Annuleren")), answered)


def _cell_key(cell: object) -> object:
    """What decides whether a cell looks different: its text, style, spans and alignment.

    ``rich.text.Text`` equality ignores the base style, so an overdue date turning red would go
    unnoticed by ``==``.
    """
    if isinstance(cell, Text):
        return (cell.plain, str(cell.style), cell.spans, cell.justify, cell.no_wrap)
    return cell
