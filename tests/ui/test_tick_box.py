"""A form's tick box shows its state by its mark, not by its colour alone (the projector)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from wijksessie.ui.widgets.tick_box import TickBox


class _Form(App[None]):
    def compose(self) -> ComposeResult:
        yield TickBox("Aanwezig", False, id="present")
        yield TickBox("Contact delen", True, id="share")


def _mark(box: TickBox) -> str:
    return box.render().plain[:3]


async def test_a_tick_box_reads_without_colour() -> None:
    app = _Form()
    async with app.run_test() as pilot:
        present = app.query_one("#present", TickBox)
        share = app.query_one("#share", TickBox)
        assert "X" not in _mark(present)
        assert "X" in _mark(share)
        present.focus()
        await pilot.press("space")
        assert present.value is True
        assert "X" in _mark(present)
        await pilot.press("space")
        assert "X" not in _mark(present)
