"""Phase 2, "Wie doet wat": enter the network, then show the room what it could not see.

Entry panes (people, organisations, initiatives, connections) and analysis views (matrix,
overlap, gaps and weak links, network) sit in tabs; a change in any pane refreshes the others
and the views, so the wall always shows the current picture.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, TabbedContent, TabPane, Tabs

from wijksessie.errors import NotFoundError
from wijksessie.i18n import N_, _
from wijksessie.store import SessionStore
from wijksessie.ui.messages import TabShown
from wijksessie.ui.phases.network.connections import ConnectionsPane
from wijksessie.ui.phases.network.gaps import GapsView
from wijksessie.ui.phases.network.graph import NetworkView
from wijksessie.ui.phases.network.initiatives import InitiativesPane
from wijksessie.ui.phases.network.matrix import MatrixView
from wijksessie.ui.phases.network.organisations import OrganisationsPane
from wijksessie.ui.phases.network.overlap import OverlapView
from wijksessie.ui.phases.network.participants import ParticipantsPane
from wijksessie.ui.read_only import LooksOnly
from wijksessie.ui.widgets.entity_pane import EntityPane

VIEWS = "MatrixView, OverlapView, GapsView, NetworkView"

TABS = (
    ("deelnemers", N_("Deelnemers")),
    ("organisaties", N_("Organisaties")),
    ("initiatieven", N_("Initiatieven")),
    ("verbindingen", N_("Verbindingen")),
    ("matrix", N_("Matrix")),
    ("overlap", N_("Overlap")),
    ("gaten", N_("Gaten & zwakke schakels")),
    ("netwerk", N_("Netwerk")),
)


class NetworkPhase(LooksOnly, Vertical):
    """The map of who does what, and what it reveals."""

    EDITS = frozenset({"import_list"})
    BINDINGS = [
        *(
            Binding(str(number), f"show_tab('{key}')", _(label), show=False)
            for number, (key, label) in enumerate(TABS, start=1)
        ),
        Binding("i", "import_list", _("Importeren"), id="network.import"),
    ]

    def __init__(self, store: SessionStore, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self._stale: set[Widget] = set()

    def compose(self) -> ComposeResult:
        panes = {
            "deelnemers": ParticipantsPane(self.store, id="pane-participants"),
            "organisaties": OrganisationsPane(self.store, id="pane-organisations"),
            "initiatieven": InitiativesPane(self.store, id="pane-initiatives"),
            "verbindingen": ConnectionsPane(self.store, id="pane-connections"),
            "matrix": MatrixView(id="view-matrix"),
            "overlap": OverlapView(id="view-overlap"),
            "gaten": GapsView(id="view-gaps"),
            "netwerk": NetworkView(id="view-network"),
        }
        with TabbedContent(id="network-tabs"):
            for number, (key, label) in enumerate(TABS, start=1):
                with TabPane(f"{number} {_(label)}", id=f"tab-{key}"):
                    yield panes[key]

    def refresh_views(self, changed: Widget | None = None) -> None:
        """Mark every pane and view but ``changed`` out of date; refresh the one showing.

        The others catch up when their tab is opened, so typing in one list never waits for
        a list or an analysis nobody is looking at.
        """
        self._stale = {w for w in self.query(f"EntityPane, {VIEWS}") if w is not changed}
        self._refresh_showing()

    def _refresh_showing(self) -> None:
        tab = self.query_one("#network-tabs", TabbedContent).active_pane
        for widget in tab.query(f"EntityPane, {VIEWS}") if tab else []:
            if widget not in self._stale:
                continue
            self._stale.discard(widget)
            if isinstance(widget, EntityPane):
                widget.refresh_rows()
            else:
                widget.show(self.store.network())  # type: ignore[attr-defined]

    @on(EntityPane.Changed)
    def _changed(self, event: EntityPane.Changed) -> None:
        self.refresh_views(changed=event.pane)

    @on(NetworkView.Opened)
    def _open_organisation(self, event: NetworkView.Opened) -> None:
        """``enter`` on the plate opens the organisation's form, as ``enter`` in its list does."""
        from wijksessie.domain.model import Organisation

        event.stop()
        if self.store.read_only:
            self.notify(_("Alleen-lezen: wijzigen kan hier niet."), severity="warning")
            return
        try:
            organisation = self.store.get(Organisation, event.organisation_id)
        except NotFoundError:  # deleted in the meantime: the plate catches up
            self.refresh_views()
            return
        self.query_one(OrganisationsPane).open_form(organisation)

    @on(TabbedContent.TabActivated, "#network-tabs")
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        self._refresh_showing()
        if self.is_visible_phase():
            self.focus_default()
            self.post_message(TabShown())

    def focus_default(self) -> None:
        """Put the keyboard on the table of the tab that is showing, or on the view itself.

        Something in this phase must hold the focus on every tab: with nothing focused, the
        number keys (this phase's bindings) would do nothing and the room would be stuck on
        a tab without a table, such as the network.
        """
        tabs = self.query_one("#network-tabs", TabbedContent)
        pane = tabs.active_pane
        views = list(pane.query("NetworkView, MatrixView")) if pane else []
        if views:  # a picture with a table behind it: the view knows which one shows
            views[0].focus_default()  # type: ignore[attr-defined]
            return
        tables = list(pane.query(DataTable)) if pane else []
        if tables:
            tables[0].focus()
            return
        focusable = [widget for widget in pane.query("*") if widget.focusable] if pane else []
        target = focusable[0] if focusable else tabs.query_one(Tabs)
        target.focus()

    def reload(self) -> None:
        """Catch up with changes made in another phase."""
        self.refresh_views()

    def is_visible_phase(self) -> bool:
        """True when this phase is the one on the wall (the session shows one phase at a time)."""
        return isinstance(self.parent, Widget) and self.parent.display

    def action_import_list(self) -> None:
        """Bring a registration list (CSV or Excel) into the session, after a preview."""
        from wijksessie.ui.phases.network.import_screen import ImportScreen

        if self.store.read_only:
            self.notify(_("Alleen-lezen: importeren kan hier niet."), severity="warning")
            return

        def done(imported: bool | None) -> None:
            if imported:
                self.reload()

        self.app.push_screen(ImportScreen(self.store, Path.cwd()), done)

    def action_show_tab(self, key: str) -> None:
        """Jump to one tab."""
        self.query_one("#network-tabs", TabbedContent).active = f"tab-{key}"
