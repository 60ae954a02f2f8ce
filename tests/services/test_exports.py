"""``export_summary``: readable names in ``exports/``, never overwriting, privacy per format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from wijksessie.domain.demo import demo_network
from wijksessie.errors import WijksessieError
from wijksessie.services.exports import EXPORTS, export_summary

TODAY = date(2026, 11, 25)
STEM = "2026-11-25-netwerksessie-kruidenbuurt"
SHARED_EMAIL = "fatima.elamrani@example.nl"


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("html", f"{STEM}-samenvatting.html"),
        ("md", f"{STEM}-samenvatting.md"),
        ("text", f"{STEM}-samenvatting.txt"),
        ("ics", f"{STEM}-samenvatting.ics"),
    ],
)
def test_writes_a_readable_name_into_exports(fmt: str, name: str, sessions_dir: Path) -> None:
    path = export_summary(demo_network(TODAY), fmt, sessions_dir, today=TODAY)
    assert path == sessions_dir / EXPORTS / name
    assert path.read_text(encoding="utf-8")
    assert [p.name for p in path.parent.iterdir()] == [name]  # no temporary file left


def test_the_session_files_own_name_wins(sessions_dir: Path) -> None:
    path = export_summary(demo_network(TODAY), "html", sessions_dir, today=TODAY, stem="wijk-3")
    assert path.name == "wijk-3-samenvatting.html"


def test_a_second_export_never_overwrites_the_first(sessions_dir: Path) -> None:
    first = export_summary(demo_network(TODAY), "md", sessions_dir, today=TODAY)
    before = first.read_bytes()
    second = export_summary(demo_network(TODAY), "md", sessions_dir, today=TODAY)
    third = export_summary(demo_network(TODAY), "md", sessions_dir, today=TODAY)
    assert [second.name, third.name] == [f"{STEM}-samenvatting-2.md", f"{STEM}-samenvatting-3.md"]
    assert first.read_bytes() == before


def test_one_participants_export(sessions_dir: Path) -> None:
    path = export_summary(
        demo_network(TODAY), "html", sessions_dir, today=TODAY, for_participant="Gerda Willems"
    )
    assert path.name == f"{STEM}-samenvatting-gerda-willems.html"
    assert "Jouw toezeggingen · Gerda Willems" in path.read_text(encoding="utf-8")


def test_contact_details_per_format(sessions_dir: Path) -> None:
    network = demo_network(TODAY)
    html = export_summary(network, "html", sessions_dir, today=TODAY)
    md = export_summary(network, "md", sessions_dir, today=TODAY)
    asked = export_summary(network, "md", sessions_dir, today=TODAY, with_contact=True)
    assert SHARED_EMAIL in html.read_text(encoding="utf-8")
    assert SHARED_EMAIL not in md.read_text(encoding="utf-8")
    assert SHARED_EMAIL in asked.read_text(encoding="utf-8")


def test_the_calendar_parses(sessions_dir: Path) -> None:
    path = export_summary(demo_network(TODAY), "ics", sessions_dir, today=TODAY)
    calendar = Calendar.from_ical(path.read_bytes())
    # 11 dated commitments and the next session; the undated one is a to-do.
    assert len(list(calendar.walk("VEVENT"))) == 12


def test_a_hostile_stem_stays_inside_exports(sessions_dir: Path) -> None:
    path = export_summary(demo_network(TODAY), "md", sessions_dir, today=TODAY, stem="../../x")
    assert path.parent == sessions_dir / EXPORTS
    assert path.name == "x-samenvatting.md"


def test_unknown_participant_writes_nothing(sessions_dir: Path) -> None:
    with pytest.raises(WijksessieError, match="Geen deelnemer"):
        export_summary(
            demo_network(TODAY), "html", sessions_dir, today=TODAY, for_participant="Zoë"
        )
    assert not (sessions_dir / EXPORTS).exists()


@pytest.mark.parametrize("everyone", [False, True])
def test_an_html_export_runs_the_overlap_analysis_once(
    everyone: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary's findings and the network picture show the same overlaps: the picture
    takes the summary's (issue 17, 9: 0.2 s of the large session's export, twice)."""
    from wijksessie.domain.analysis import overlap
    from wijksessie.services.exports import make_summary, summary_text, write_everyone

    runs = []
    items = overlap._items
    monkeypatch.setattr(overlap, "_items", lambda network: runs.append(1) or items(network))
    network = demo_network(today=date(2026, 12, 3))
    if everyone:
        write_everyone(network, tmp_path / "alle", today=date(2026, 12, 3), with_contact=True)
    else:
        summary = make_summary(network, "html", today=date(2026, 12, 3))
        assert "<svg" in summary_text(network, summary, "html")
    assert len(runs) == 1
