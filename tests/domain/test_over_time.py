"""The network over time: every indicator of four sessions (one chain of three, one apart).

The sessions and the hand count behind each number are in ``over_time_sessions``.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.domain.over_time_sessions import four_sessions
from wijksessie.domain.matching import Candidate, Decisions, Kind, name_key, parse_decisions
from wijksessie.domain.model import ConnectionKind
from wijksessie.domain.over_time import (
    INDICATORS,
    Kept,
    Overview,
    SessionSource,
    build_overview,
    keep_session,
)

CONFIRMED = parse_decisions(
    {
        "format": "wijksessie-koppelingen",
        "versie": 1,
        "organisaties": [{"a": "Gemeente Waterveen", "b": "Gemeente Waterfeen", "zelfde": True}],
    }
)

EXPECTED: dict[str, dict[str, object]] = {
    # Per session, in time order A, B, D, C: the indicators as INDICATORS names them.
    "organisations": {"a": 4, "b": 4, "d": 4, "c": 4},
    "new_organisations": {"a": 4, "b": 0, "d": 1, "c": 0},
    "people": {"a": 5, "b": 6, "d": 6, "c": 7},
    "new_people": {"a": 5, "b": 1, "d": 4, "c": 1},
    "residents": {"a": 1, "b": 2, "d": 2, "c": 3},
    "know": {"a": 2, "b": 1, "d": 1, "c": 0},
    "want_to": {"a": 0, "b": 1, "d": 0, "c": 2},
    "work_together": {"a": 0, "b": 1, "d": 1, "c": 1},
    "moved_up": {"a": 0, "b": 1, "d": 0, "c": 1},
    "initiatives": {"a": 4, "b": 5, "d": 2, "c": 5},
    "with_backup": {"a": 1, "b": 3, "d": 1, "c": 3},
    "backups_added": {"a": 0, "b": 1, "d": 0, "c": 0},
    "isolated": {"a": 1, "b": 0, "d": 0, "c": 0},
    "overlaps_found": {"a": 2, "b": 2, "d": 1, "c": 2},
    "new_overlaps": {"a": 2, "b": 0, "d": 1, "c": 0},
    "overlaps_resolved": {"a": 0, "b": 1, "d": 0, "c": 0},
    "gaps_open": {"a": 1, "b": 0, "d": 0, "c": 0},
    "gaps_closed": {"a": 0, "b": 1, "d": 0, "c": 0},
    "verbinders": {"a": 3, "b": 3, "d": 2, "c": 3},
    "organisations_with_verbinder": {"a": 3, "b": 3, "d": 2, "c": 3},
    "agreements_adopted": {"a": 1, "b": 2, "d": 1, "c": 2},
    "new_agreements_adopted": {"a": 1, "b": 1, "d": 1, "c": 0},
    "commitments_made": {"a": 5, "b": 1, "d": 2, "c": 1},
    "commitments_done": {"a": 2, "b": 1, "d": 1, "c": 0},
    "commitments_dropped": {"a": 2, "b": 0, "d": 0, "c": 0},
    "commitments_open": {"a": 0, "b": 0, "d": 1, "c": 1},
    "commitments_open_1": {"a": 0, "b": 0, "d": 0, "c": 0},
    "commitments_open_2": {"a": 1, "b": 0, "d": 0, "c": 0},
    "commitments_open_3": {"a": 0, "b": 0, "d": 0, "c": 0},
}


def overview(decisions: Decisions | None = CONFIRMED) -> Overview:
    sources = [SessionSource(name, network) for name, network in four_sessions().items()]
    return build_overview(sources, decisions)


def test_sessions_come_in_time_order_with_their_chains() -> None:
    found = overview()

    assert [s.file for s in found.sessions] == ["a.json", "b.json", "d.json", "c.json"]
    assert [s.chain for s in found.sessions] == [1, 1, 2, 1]
    assert [s.follows for s in found.sessions] == ["", "a.json", "", "b.json"]


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.key)
def test_every_indicator_per_session(indicator) -> None:
    found = overview()

    got = {s.file[0]: indicator.value(s) for s in found.sessions}

    if indicator.share:
        people = {s.file[0]: (s.residents, s.people) for s in found.sessions}
        assert got == {k: r / p for k, (r, p) in people.items()}
    else:
        assert got == EXPECTED[indicator.key]


def test_every_indicator_has_its_expected_numbers() -> None:
    counted = {indicator.key for indicator in INDICATORS if not indicator.share}
    assert counted == set(EXPECTED)


def test_resident_share_and_verbinders_per_organisation() -> None:
    sessions = overview().sessions

    assert [round(s.resident_share, 3) for s in sessions] == [0.2, 0.333, 0.333, 0.429]
    assert [s.verbinders_per_organisation for s in sessions] == [1.0, 1.0, 1.0, 1.0]


def test_totals_over_all_sessions() -> None:
    totals = overview().totals

    assert (totals.sessions, totals.chains) == (4, 2)
    assert totals.organisations == 5
    assert (totals.people, totals.residents, totals.returning_people) == (11, 4, 6)
    assert dict(totals.connections) == {
        ConnectionKind.KNOW: 0,
        ConnectionKind.WANT_TO: 2,
        ConnectionKind.WORK_TOGETHER: 2,
    }
    assert totals.moved_up == 2
    assert (totals.overlaps_found, totals.overlaps_resolved) == (3, 1)
    assert totals.gaps_closed == 1
    assert totals.agreements_adopted == 3
    assert totals.commitments == Kept(9, 4, 2, (2, 0, 1, 0))


def test_commitments_kept_per_organisation_across_spellings() -> None:
    """Each organisation under the spelling of the latest session it was in (C, not D)."""
    rows = {row.name: row for row in overview().organisations}

    assert set(rows) == {
        "Welzijn Waterveen",
        "Buurtzorg Oost",
        "Basisschool De Linde",
        "Gemeente Waterveen",
        "Voedselbank Oost",
    }
    assert rows["Welzijn Waterveen"].commitments == Kept(2, 1, 1, (0, 0, 0, 0))
    assert rows["Buurtzorg Oost"].commitments == Kept(2, 2, 0, (0, 0, 0, 0))
    assert rows["Basisschool De Linde"].commitments == Kept(1, 0, 0, (0, 0, 1, 0))
    assert rows["Gemeente Waterveen"].commitments == Kept(3, 0, 1, (2, 0, 0, 0))
    assert rows["Voedselbank Oost"].commitments == Kept(1, 1, 0, (0, 0, 0, 0))
    welzijn = rows["Welzijn Waterveen"]
    assert (welzijn.sessions, welzijn.first_seen, welzijn.last_seen) == (
        4,
        date(2026, 1, 10),
        date(2026, 6, 1),
    )
    assert welzijn.sector == "welzijn"
    assert welzijn.verbinders == 1


def test_without_the_decision_the_gemeente_is_two_and_proposed_as_one() -> None:
    found = overview(Decisions())

    assert found.totals.organisations == 6
    assert [s.new_organisations for s in found.sessions] == [4, 0, 2, 0]
    organisations = [c for c in found.candidates if c.kind is Kind.ORGANISATION]
    assert organisations == [
        Candidate(Kind.ORGANISATION, "Gemeente Waterfeen", "Gemeente Waterveen", 94)
    ]


def test_a_rejected_pair_is_not_proposed_again() -> None:
    rejected = parse_decisions(
        {
            "format": "wijksessie-koppelingen",
            "organisaties": [
                {"a": "gemeente waterfeen", "b": "GEMEENTE WATERVEEN", "zelfde": False}
            ],
        }
    )

    found = overview(rejected)

    assert found.totals.organisations == 6
    assert not [c for c in found.candidates if c.kind is Kind.ORGANISATION]


def test_people_alike_are_proposed_and_residents_marked() -> None:
    people = [c for c in overview().candidates if c.kind is Kind.PERSON]

    assert {(c.first, c.second, c.resident) for c in people} == {
        ("Bea Jansen", "Bea Janssen", False),
        ("Roos Bakker", "Roos Bakkers", True),
    }


def test_confirmed_people_are_one_person() -> None:
    decisions = parse_decisions(
        {
            "format": "wijksessie-koppelingen",
            "organisaties": [
                {"a": "Gemeente Waterveen", "b": "Gemeente Waterfeen", "zelfde": True}
            ],
            "personen": [{"a": "Bea Jansen", "b": "Bea Janssen", "zelfde": True}],
        }
    )

    found = overview(decisions)

    assert found.totals.people == 10
    assert found.sessions[2].new_people == 3


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Stichting Welzijn Waterveen", "welzijn waterveen"),
        ("welzijn waterveen.", "welzijn waterveen"),
        ("St. Welzijn  Waterveen", "welzijn waterveen"),
        ("Café De Brug", "cafe de brug"),
        ("Stichting", "stichting"),
    ],
)
def test_organisation_names_fold_to_one_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_numbers_keep_organisations_apart() -> None:
    from wijksessie.domain.matching import Spelling, match

    found = match(
        [Spelling(0, "a", "Welzijn Oost 1"), Spelling(1, "b", "Welzijn Oost 2")],
        Kind.ORGANISATION,
        Decisions(),
    )

    assert found.candidates == ()
    assert found.of(0, "a") != found.of(1, "b")


def test_filters_by_wijk_any_case_and_by_dates() -> None:
    sessions = [SessionSource(n, net) for n, net in four_sessions().items()]

    by_wijk = [s.file for s in sessions if keep_session(s, wijk="WATERVEEN-oost")]
    spring = [
        s.file for s in sessions if keep_session(s, start=date(2026, 2, 1), end=date(2026, 4, 30))
    ]

    assert by_wijk == ["a.json", "b.json", "c.json", "d.json"]
    assert spring == ["b.json", "d.json"]
    assert not [s for s in sessions if keep_session(s, wijk="Noord")]


def test_an_empty_overview_has_zero_everywhere() -> None:
    found = build_overview([])

    assert found.sessions == ()
    assert found.totals.organisations == 0
    assert found.totals.commitments == Kept()


def test_each_session_has_its_graph_for_the_plates() -> None:
    found = overview()
    names = {row.id: row.name for row in found.organisations}

    first = found.graphs[0]

    assert {names[i] for i in first.organisations} == {
        "Welzijn Waterveen",
        "Buurtzorg Oost",
        "Basisschool De Linde",
        "Gemeente Waterveen",
    }
    assert {(frozenset((names[a], names[b])), k) for a, b, k in first.connections} == {
        (frozenset(("Welzijn Waterveen", "Buurtzorg Oost")), ConnectionKind.KNOW),
        (frozenset(("Welzijn Waterveen", "Basisschool De Linde")), ConnectionKind.KNOW),
    }
    themes = {theme: {names[i] for i in ids} for theme, ids in first.themes}
    assert themes == {
        "eenzaamheid": {"Welzijn Waterveen", "Buurtzorg Oost"},
        "jeugd": {"Basisschool De Linde", "Gemeente Waterveen"},
    }
    assert [len(g.connections) for g in found.graphs] == [2, 3, 2, 3]


def test_a_decision_on_two_spellings_of_one_key_changes_nothing() -> None:
    same_key = parse_decisions(
        {
            "format": "wijksessie-koppelingen",
            "organisaties": [{"a": "Welzijn Waterveen", "b": "welzijn waterveen.", "zelfde": True}],
        }
    )

    assert overview(same_key).totals.organisations == 6
