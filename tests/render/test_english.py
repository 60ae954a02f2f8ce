"""The summary in English (``--lang en``): every format, the command line, labels and dates.

The Dutch output is pinned by the golden files; these tests fail when a heading, label, status or
date of the summary stays Dutch in English. Text typed by users (the demo is Dutch) and the
sentences of ``domain.analysis`` (overlap reasons, gaps, weak links) are not checked here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.render.conftest import TODAY, demo_summary
from wijksessie import i18n
from wijksessie.cli import main
from wijksessie.domain.demo import demo_id, demo_network
from wijksessie.domain.summary import build_summary
from wijksessie.errors import NotFoundError, WijksessieError
from wijksessie.render.figures import network_figures
from wijksessie.render.html import to_html
from wijksessie.render.ics import commitment_uid, to_ics
from wijksessie.render.markdown import to_markdown
from wijksessie.render.text import to_text
from wijksessie.services.formats import SUMMARY_NAMES as FORMATS
from wijksessie.services.formats import render
from wijksessie.services.sessions import write_network
from wijksessie.store.settings import CONFIG_DIR_ENV

HEADINGS = {
    "Wie waren er": "Who was there",
    "Wie doet wat": "Who does what",
    "Wat opvalt": "What stands out",
    "Overlap: verbind deze initiatieven": "Overlap: connect these initiatives",
    "Gaten: vragen waar niemand aan werkt": "Gaps: questions nobody is working on",
    "Zwakke schakels": "Weak links",
    "Gezamenlijke doelen": "Shared goals",
    "Basisafspraken": "Basic agreements",
    "Toezeggingen per persoon": "Commitments by person",
    "Toezeggingen per doel": "Commitments by goal",
    "Open vragen van inwoners": "Open questions from residents",
    "Parkeerplaats": "Parking lot",
    "Procesbegeleider": "Facilitator",
}
"""Dutch heading or label → its English, in every format."""

LABELS = {
    "Samenvatting gemaakt op wo 25 nov 2026": "Summary made on Wed 25 Nov 2026",
    "Zonder organisatie": "No organisation",
    "Namens een organisatie": "On behalf of an organisation",
    "Aangenomen in ronde 1: 12 akkoord, 1 bedenking.": (
        "Adopted in round 1: 12 consents, 1 reservation."
    ),
    "Nog geen besluit in ronde 2": "No decision yet in round 2",
    "Nog niet voorgelegd.": "Not put to the room yet.",
    "te laat": "overdue",
    "geen datum": "no date",
    "vr 20 nov 2026": "Fri 20 Nov 2026",
    "Jouw toezeggingen": "Your commitments",
}
"""Sentences, statuses and dates the summary builds (same in text, Markdown and HTML)."""

FORMAT_WORDS = {
    "text": {"(bewoner)": "(resident)", "[aangenomen]": "[adopted]", "bezig": "in progress"},
    "md": {"(bewoner)": "(resident)", "**aangenomen:**": "**adopted:**", "bezig": "in progress"},
    "html": {
        '<html lang="nl">': '<html lang="en">',
        "Samenvatting netwerksessie": "Network session summary",
        "Het netwerk in beeld": "The network at a glance",
        "8 stemmen": "8 votes",
        'aria-label="plaats 1"': 'aria-label="rank 1"',
        "van 5 afspraken aangenomen": "of 5 agreements adopted",
        "· bewoner": "· resident",
        ">aangenomen</span>": ">adopted</span>",
        ">bezig</span>": ">in progress</span>",
    },
}


@pytest.fixture(autouse=True)
def _dutch_afterwards(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No language from the environment or saved settings; Dutch again after every test."""
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    yield
    i18n.set_language("nl")


def _rendered(fmt: str, lang: str) -> str:
    """The demo summary for Gerda Willems in ``fmt``, with figures in HTML, in ``lang``."""
    i18n.set_language(lang)
    network = demo_network(today=TODAY)
    summary = build_summary(network, today=TODAY, for_participant="Gerda Willems")
    figures = network_figures(network) if fmt == "html" else ()
    return render(summary, fmt, figures=figures)


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_headings_labels_and_dates_are_english(fmt: str) -> None:
    words = {**HEADINGS, **LABELS, **FORMAT_WORDS.get(fmt, {})}
    dutch, english = _rendered(fmt, "nl"), _rendered(fmt, "en")
    if fmt == "text":  # Rich wraps long lines: compare words, not line breaks
        dutch, english = " ".join(dutch.split()), " ".join(english.split())
    for nl, en in words.items():
        assert nl in dutch, f"{nl!r} is no longer in the Dutch {fmt}: update this test"
        assert en in english, f"{en!r} missing from the English {fmt}"
        assert nl not in english, f"{nl!r} is still Dutch in the English {fmt}"


def test_the_app_and_the_text_export_use_the_same_english() -> None:
    """The Samenvatting phase draws ``summary_renderable``; ``to_text`` prints that too."""
    i18n.set_language("en")
    text = to_text(demo_summary())
    assert "Summary · Netwerksessie Kruidenbuurt" in text
    assert "Phase" in text and "Planned" in text and "Spent" in text and "Total" in text
    assert "Fase" not in text and "Totaal" not in text


def test_markdown_heading_levels_stay_the_same_in_english() -> None:
    i18n.set_language("en")
    headings = [line for line in to_markdown(demo_summary()).splitlines() if line.startswith("#")]
    assert "## What stands out" in headings
    assert "### Weak links: where the network hangs on one person" in headings
    assert "## Commitments by goal" in headings


def _event(text: str, commitment: str):
    uid = commitment_uid(demo_id(commitment))
    return next(e for e in Calendar.from_ical(text).walk("VEVENT") if str(e["uid"]) == uid)


def test_calendar_in_english_keeps_its_ids() -> None:
    dutch = to_ics(demo_summary())
    i18n.set_language("en")
    english = to_ics(demo_summary())
    calendar = Calendar.from_ical(english)
    assert str(calendar["x-wr-calname"]) == "Commitments · Netwerksessie Kruidenbuurt"
    event = _event(english, "commitment:kennismaken")
    assert str(event["summary"]).startswith("Commitment by Gerda Willems: Bij elkaars ochtend")
    description = str(event["description"])
    for line in (
        "Who: Gerda Willems, Kruidenbuurt Samen",
        "Goal: Geen oudere in de Kruidenbuurt",
        "Status: open",
        "Session: Netwerksessie Kruidenbuurt · Kruidenbuurt · Wed 25 Nov 2026",
        "Follow-up session: Wed 6 Jan 2027",
    ):
        assert line in description
    for dutch_label in ("Wie:", "Doel:", "Sessie:", "Vervolgsessie:", "wo 25 nov"):
        assert dutch_label not in description
    assert [str(c) for c in event["categories"].cats] == ["Commitment", "wijksessie"]
    dropped = _event(english, "commitment:mdo")
    assert str(dropped["summary"]).endswith("(dropped)")
    assert str(dropped["status"]) == "CANCELLED"
    # What calendars match on does not change with the language.
    assert [str(e["uid"]) for e in Calendar.from_ical(english).walk("VEVENT")] == [
        str(e["uid"]) for e in Calendar.from_ical(dutch).walk("VEVENT")
    ]
    assert "PRODID:-//wijksessie//Samenvatting netwerksessie//NL" in english


def test_stored_values_stay_dutch_beside_english_labels() -> None:
    """Renderers style by the saved value; the reader sees the label."""
    i18n.set_language("en")
    summary = demo_summary()
    busy = next(line for line in summary.commitments if line.status == "bezig")
    assert busy.status_label == "in progress"
    adopted = summary.agreements[0]
    assert (adopted.status, adopted.status_label) == ("aangenomen", "adopted")
    note = adopted.reservations[0]
    assert (note.stance, note.stance_label) == ("bedenking", "reservation")
    assert summary.header.date_text == "Wed 25 Nov 2026"
    assert summary.agenda[1].phase == "Who does what"


def test_errors_are_english() -> None:
    i18n.set_language("en")
    with pytest.raises(WijksessieError, match="Unknown format ‘pdf’; choose from text, md"):
        render(demo_summary(), "pdf")
    with pytest.raises(NotFoundError, match="No participant ‘Niemand’ in this session"):
        demo_summary(for_participant="Niemand")


def test_a_dutch_page_says_so() -> None:
    assert '<html lang="nl">' in to_html(demo_summary())


@pytest.fixture
def session(tmp_path: Path) -> Path:
    """The demo session as a file, held today."""
    path = tmp_path / "kruidenbuurt.json"
    write_network(path, demo_network(today=date.today())).close()
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_command_line_summary_in_english(
    fmt: str, session: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "summary", str(session), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "ics":
        assert "Commitments · Netwerksessie Kruidenbuurt" in out
        assert "Toezeggingen" not in out
    else:
        assert "Commitments by person" in out
        assert "Toezeggingen per persoon" not in out
