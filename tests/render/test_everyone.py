"""Everyone's own copy at once (issue 17, point 5): a page and a calendar per participant,
and a list to send them with; contact details only of those who share them."""

from __future__ import annotations

import csv
import io

from icalendar import Calendar

from tests.render.conftest import TODAY
from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import Participant
from wijksessie.domain.summary import build_summary
from wijksessie.render.everyone import (
    LIST_NAME,
    PersonalCopy,
    file_stem,
    mailing_list,
    personal_files,
)


def _files(with_contact: bool = True) -> tuple[list, dict[str, str]]:
    network = demo_network(today=TODAY)
    return personal_files(build_summary(network, today=TODAY, with_contact=with_contact), network)


def _rows(files: dict[str, str]) -> list[dict[str, str]]:
    text = files[LIST_NAME]
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def test_a_page_and_a_calendar_per_participant_and_the_list() -> None:
    copies, files = _files()
    network = demo_network(today=TODAY)
    assert len(copies) == len(network.participants) == 15
    assert len(files) == 2 * 15 + 1
    rows = _rows(files)
    assert [row["Naam"] for row in rows] == [copy.name for copy in copies]
    assert all(row["Pagina"] in files and row["Agenda"] in files for row in rows)


def test_each_page_is_the_whole_summary_with_their_own_commitments_first() -> None:
    _copies, files = _files()
    page = files["gerda-willems.html"]
    assert page.index("Jouw toezeggingen · Gerda Willems") < page.index('id="wie-waren-er"')
    assert 'id="toezeggingen-per-doel"' in page
    events = Calendar.from_ical(files["gerda-willems.ics"]).walk("VEVENT")
    assert str(events[0]["summary"]).startswith("Toezegging Gerda Willems:")


def test_contact_details_only_of_people_who_share_them() -> None:
    network = demo_network(today=TODAY)
    sharing = {p.name: p.share_contact for p in network.participants}
    emails = {p.name: p.email for p in network.participants}
    rows = _rows(_files()[1])
    for row in rows:
        assert row["E-mail"] == (emails[row["Naam"]] if sharing[row["Naam"]] else "")
    hidden = [emails[name] for name, shares in sharing.items() if not shares and emails[name]]
    assert hidden
    _copies, files = _files()
    assert not any(email in text for email in hidden for text in files.values())


def test_without_contact_no_address_anywhere() -> None:
    network = demo_network(today=TODAY)
    _copies, files = _files(with_contact=False)
    emails = [p.email for p in network.participants if p.email]
    assert not any(email in text for email in emails for text in files.values())


def test_file_names_are_safe_and_unique() -> None:
    network = demo_network(today=TODAY)
    network.participants.append(Participant("Gerda  Willems!", id="p-twin"))
    network.participants.append(Participant("../../etc/passwd", id="p-evil"))
    _copies, files = personal_files(build_summary(network, today=TODAY), network)
    assert "gerda-willems.html" in files and "gerda-willems-2.html" in files
    assert all("/" not in name and not name.startswith(".") for name in files)
    assert file_stem("Zoë Ünal") == "zoe-unal" and file_stem("!!!") == "deelnemer"


def test_the_list_never_holds_a_formula() -> None:
    copies, _ = _files()
    evil = [PersonalCopy("=HYPERLINK(1)", "", "", "x.html", "x.ics"), *copies]
    rows = _rows({LIST_NAME: mailing_list(evil)})
    assert rows[0]["Naam"] == "'=HYPERLINK(1)"


def test_each_page_is_exactly_what_voor_gives_that_person() -> None:
    """The pages for everyone are put together from parts rendered once (for speed); they
    must be the very page ``--voor`` makes, for people with and without commitments."""
    from wijksessie.render.figures import network_figures
    from wijksessie.render.html import to_html

    network = demo_network(today=TODAY)
    figures = network_figures(network)
    summary = build_summary(network, today=TODAY, with_contact=True)
    _copies, files = personal_files(summary, network, figures)
    for person in network.participants:
        page = files[f"{file_stem(person.name)}.html"]
        alone = build_summary(network, today=TODAY, with_contact=True, for_participant=person.id)
        assert page == to_html(alone, figures), person.name


def test_a_page_is_cut_at_its_marks_only_when_they_come_in_order() -> None:
    """``pages_for`` joins pieces cut once where the own mark comes before the by-person mark,
    and replaces the marks otherwise, as it always did."""
    from wijksessie.render import html

    own, by_person = html._OWN, html._BY_PERSON
    assert html._pieces(f"a{own}b{by_person}c{by_person}") == ("a", "b", f"c{by_person}")
    assert html._pieces(f"a{by_person}b{own}c") is None
    assert html._pieces("no marks") is None
