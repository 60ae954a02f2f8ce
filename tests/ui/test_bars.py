"""The bar chart widget: bars in eighths, one scale per group, numbers beside the bars."""

from __future__ import annotations

from textual.app import App, ComposeResult

from wijksessie.ui.widgets.bars import Bar, BarChart, BarGroup, bar, chart

SESSIONS = (
    BarGroup(
        "werken samen",
        (Bar("sessie 1 (maart)", 4), Bar("sessie 2 (juni)", 9, "+5"), Bar("sessie 3", 12, "+3")),
    ),
    BarGroup("nog zonder verbinding", (Bar("sessie 1 (maart)", 3), Bar("sessie 3", 1))),
)


def test_a_bar_is_drawn_in_eighths() -> None:
    assert bar(10, 10, 4) == "████"
    assert bar(5, 10, 4) == "██"
    assert bar(1, 16, 4) == "▎"
    assert bar(0, 10, 4) == ""
    assert bar(12, 12, 20) != bar(13, 14, 20)
    assert bar(99, 10, 4) == "████"  # never past its room


def test_each_group_has_its_own_scale_and_every_number_shows() -> None:
    lines = chart(SESSIONS, 60).plain.splitlines()
    assert lines[0] == "werken samen" and lines[4] == "nog zonder verbinding"
    assert all(len(line) <= 60 for line in lines)
    longest = lines[3]
    assert longest.startswith("sessie 3") and longest.endswith("█ 12 +3")
    assert lines[6].count("█") < lines[5].count("█")
    assert lines[5].rstrip().endswith("█ 3")  # the largest of its own group: full width
    assert lines[5].count("█") == longest.count("█")


def test_long_labels_are_shortened() -> None:
    group = BarGroup("x", (Bar("een heel lange naam van een sessie in de wijk", 2),))
    line = chart([group], 40).plain.splitlines()[1]
    assert "…" in line and len(line) <= 40


class _Chart(App[None]):
    def compose(self) -> ComposeResult:
        yield BarChart(SESSIONS, id="chart")


async def test_the_widget_draws_for_its_width_and_redraws_on_show() -> None:
    app = _Chart()
    async with app.run_test(size=(70, 12)) as pilot:
        await pilot.pause()
        chart_widget = app.query_one(BarChart)
        shown = str(chart_widget.render())
        assert "werken samen" in shown and "12 +3" in shown
        chart_widget.show([BarGroup("kennen elkaar", (Bar("sessie 1", 7),))])
        await pilot.pause()
        assert "kennen elkaar" in str(chart_widget.render())
