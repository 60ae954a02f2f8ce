"""The summary structure on small crafted networks: order, outcomes, flags, views, privacy."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from wijksessie.domain.demo import demo_network
from wijksessie.domain.model import (
    AgendaItem,
    Agreement,
    AgreementStatus,
    Commitment,
    CommitmentStatus,
    ConsentRound,
    Goal,
    Initiative,
    Network,
    Organisation,
    Participant,
    Phase,
    Position,
    ResidentQuestion,
    Session,
    Stance,
)
from wijksessie.domain.summary import NO_GOAL, NO_PERSON, Summary, build_summary, for_reader
from wijksessie.errors import NotFoundError, WijksessieError

TODAY = date(2026, 5, 20)


def _network() -> Network:
    """Two organisations, three people (one absent, one sharing contact), goals and promises."""
    welzijn = Organisation("Welzijn Zuid", sector="welzijn", id="org-w")
    school = Organisation("Basisschool Het Anker", sector="onderwijs", id="org-s")
    anna = Participant(
        "Anna de Vries",
        organisation_id="org-w",
        email="anna@example.nl",
        phone="06 1",
        share_contact=True,
        id="p-anna",
    )
    bram = Participant(
        "Bram Smit", organisation_id="org-s", email="bram@example.nl", phone="06 2", id="p-bram"
    )
    carla = Participant("Carla Jansen", organisation_id="org-w", present=False, id="p-carla")
    questions = [
        ResidentQuestion("Waar kan ik koffie drinken?", themes=["ontmoeting"], id="q-koffie"),
        ResidentQuestion("Wie helpt met huiswerk?", themes=["jeugd"], id="q-huiswerk"),
    ]
    goals = [
        Goal("Zonder stemmen", id="g-zero"),
        Goal("Ontmoeten", question_ids=["q-koffie"], votes={"p-anna": 2}, coalition=["org-w"]),
        Goal("Bereik", votes={"p-bram": 3, "p-anna": 1}, coalition=["org-s", "gone"], id="g-b"),
        Goal("Aanpak", votes={"p-bram": 2}, id="g-a"),
    ]
    commitments = [
        Commitment("Te laat", "p-anna", goal_id="g-b", due=date(2026, 5, 1), id="c-late"),
        Commitment(
            "Te laat maar gedaan",
            "p-anna",
            due=date(2026, 5, 1),
            status=CommitmentStatus.DONE,
            id="c-done",
        ),
        Commitment("Vandaag", "p-bram", goal_id="g-a", due=TODAY, id="c-today"),
        Commitment("Meegenomen", "p-bram", carried_from="old", id="c-carried"),
        Commitment("Van de school", organisation_id="org-s", due=date(2026, 6, 1), id="c-org"),
    ]
    session = Session("Sessie Zuid", wijk="Zuid", date=TODAY, next_date=date(2026, 7, 1))
    session.agenda[1] = AgendaItem(Phase.NETWORK, 40, spent_seconds=45 * 60 + 20)
    return Network(
        session=session,
        questions=questions,
        organisations=[welzijn, school],
        participants=[anna, bram, carla],
        goals=goals,
        commitments=commitments,
    )


def _summary(network: Network | None = None, **options: object) -> Summary:
    return build_summary(network or _network(), today=TODAY, **options)


def _agreement(status: AgreementStatus, *rounds: dict[str, Position], text: str = "A") -> Network:
    network = _network()
    network.agreements = [
        Agreement(text, status=status, rounds=[ConsentRound("A", r) for r in rounds])
    ]
    return network


# -- header, people, agenda -----------------------------------------------------------------


def test_header_has_the_session_facts_and_readable_dates() -> None:
    header = _summary().header
    assert (header.title, header.wijk, header.date) == ("Sessie Zuid", "Zuid", TODAY)
    assert header.date_text == "wo 20 mei 2026"
    assert header.next_date_text == "wo 1 jul 2026"
    assert header.made_on == TODAY


def test_attendance_by_organisation_with_absent_people_marked() -> None:
    summary = _summary()
    assert [(a.organisation, a.sector) for a in summary.attendance] == [
        ("Basisschool Het Anker", "onderwijs"),
        ("Welzijn Zuid", "welzijn"),
    ]
    welzijn = summary.attendance[1].people
    assert [(p.name, p.present) for p in welzijn] == [
        ("Anna de Vries", True),
        ("Carla Jansen", False),
    ]
    assert (summary.present_count, summary.absent_count) == (2, 1)


def test_agenda_in_whole_minutes() -> None:
    line = _summary().agenda[1]
    assert (line.phase, line.planned_minutes, line.spent_minutes) == ("Wie doet wat", 40, 45)


# -- goals ------------------------------------------------------------------------------------


def test_goals_in_vote_order_with_shared_ranks_coalitions_and_questions() -> None:
    goals = _summary().goals
    assert [(g.rank, g.text, g.votes) for g in goals] == [
        (1, "Bereik", 4),
        (2, "Aanpak", 2),
        (2, "Ontmoeten", 2),
        (4, "Zonder stemmen", 0),
    ]
    assert goals[0].coalition == ("Basisschool Het Anker",)  # an unknown id is left out
    assert goals[2].questions == ("Waar kan ik koffie drinken?",)


def test_the_previous_session_is_named_by_title_and_date_never_its_file() -> None:
    network = _network()
    network.session.previous_session = "2026-04-08-sessie-zuid.json"
    network.session.previous_title = "Sessie Zuid"
    network.session.previous_date = date(2026, 4, 8)
    assert _summary(network).header.previous_session == "‘Sessie Zuid’ van wo 8 apr 2026"
    network.session.previous_title, network.session.previous_date = "", None
    assert _summary(network).header.previous_session == "de sessie van wo 8 apr 2026"


def test_open_questions_are_the_gaps_no_initiative_covers() -> None:
    """One analysis for both lists (issue 15, point 20): a goal that takes a question on
    does not answer it; an initiative on its theme does."""
    network = _network()
    network.questions.append(
        ResidentQuestion("Wie repareert mijn fiets?", themes=["mobiliteit"], id="q-fiets")
    )
    network.goals[1].question_ids.append("q-fiets")  # a goal, but no initiative
    network.initiatives = [
        Initiative("Huiswerkklas", organisation_id="org-s", themes=["jeugd"], id="i-huis")
    ]
    summary = _summary(network)
    open_questions = [q.text for q in summary.open_questions]
    assert open_questions == ["Waar kan ik koffie drinken?", "Wie repareert mijn fiets?"]
    assert open_questions == [gap.question for gap in summary.findings.gaps]


# -- agreements -------------------------------------------------------------------------------

_OK = Position(Stance.CONSENT)


@pytest.mark.parametrize(
    ("status", "rounds", "outcome"),
    [
        (AgreementStatus.PROPOSED, [], "Nog niet voorgelegd."),
        (
            AgreementStatus.ADOPTED,
            [{"p-anna": _OK, "p-bram": Position(Stance.RESERVATION, "krap")}],
            "Aangenomen in ronde 1: 1 akkoord, 1 bedenking.",
        ),
        (
            AgreementStatus.PROPOSED,
            [{"p-anna": Position(Stance.OBJECTION, "nee")}, {"p-anna": _OK}],
            "Ronde 2 loopt: 1 akkoord; 1 deelnemer nog niet geantwoord.",
        ),
        (
            AgreementStatus.PROPOSED,
            [{"p-anna": Position(Stance.OBJECTION, "nee"), "p-bram": _OK}],
            "Nog geen besluit in ronde 1: 1 akkoord, 1 bezwaar.",
        ),
        (
            AgreementStatus.PROPOSED,
            [{"p-anna": _OK, "p-bram": _OK}],
            "Iedereen akkoord in ronde 1, de ronde is nog niet gesloten: 2 akkoord.",
        ),
        (
            AgreementStatus.REJECTED,
            [
                {
                    "p-anna": Position(Stance.OBJECTION, "a"),
                    "p-bram": Position(Stance.OBJECTION, "b"),
                }
            ],
            "Verworpen in ronde 1: 0 akkoord, 2 bezwaren.",
        ),
    ],
)
def test_consent_outcome_reads_as_one_sentence(
    status: AgreementStatus, rounds: list[dict[str, Position]], outcome: str
) -> None:
    [line] = _summary(_agreement(status, *rounds)).agreements
    assert line.outcome == outcome
    assert line.rounds == len(rounds)
    assert line.status == status.value


def test_amended_text_needs_a_new_round() -> None:
    [line] = _summary(_agreement(AgreementStatus.PROPOSED, {"p-anna": _OK}, text="B")).agreements
    assert line.outcome == "Tekst aangepast na ronde 1; nog opnieuw voorleggen."


def test_objections_and_reservations_of_the_last_round_with_who_and_notes() -> None:
    network = _agreement(
        AgreementStatus.PROPOSED,
        {"p-anna": Position(Stance.OBJECTION, "eerste ronde")},
        {
            "p-anna": Position(Stance.RESERVATION, "liever vaker"),
            "p-bram": Position(Stance.OBJECTION, "kan niet"),
            "p-carla": _OK,
        },
    )
    [line] = _summary(network).agreements
    assert (line.consents, line.reservation_count, line.objection_count) == (1, 1, 1)
    assert [(n.person, n.stance, n.note) for n in line.objections] == [
        ("Bram Smit (Basisschool Het Anker)", "bezwaar", "kan niet")
    ]
    assert [(n.person, n.note) for n in line.reservations] == [
        ("Anna de Vries (Welzijn Zuid)", "liever vaker")
    ]


# -- commitments ------------------------------------------------------------------------------


def _line(summary: Summary, commitment_id: str):
    return next(c for c in summary.commitments if c.id == commitment_id)


def test_overdue_only_for_live_commitments_past_their_date() -> None:
    summary = _summary()
    assert _line(summary, "c-late").overdue
    assert not _line(summary, "c-done").overdue
    assert not _line(summary, "c-today").overdue
    assert not _line(summary, "c-carried").overdue
    assert summary.overdue_count == 1


def test_commitment_line_names_person_organisation_goal_and_flags() -> None:
    summary = _summary()
    late = _line(summary, "c-late")
    assert (late.person, late.organisation, late.goal) == (
        "Anna de Vries",
        "Welzijn Zuid",
        "Bereik",
    )
    assert (late.due_text, late.status) == ("vr 1 mei 2026", "open")
    assert _line(summary, "c-carried").carried_over
    assert not late.carried_over
    assert _line(summary, "c-org").organisation == "Basisschool Het Anker"


def test_commitments_by_person_and_by_goal() -> None:
    summary = _summary()
    assert [(g.title, [c.id for c in g.commitments]) for g in summary.by_person] == [
        ("Anna de Vries", ["c-late", "c-done"]),
        ("Bram Smit", ["c-today", "c-carried"]),
        (NO_PERSON, ["c-org"]),
    ]
    assert [g.title for g in summary.by_goal] == ["Bereik", "Aanpak", NO_GOAL]
    assert summary.by_person[0].detail == "Welzijn Zuid"
    assert [c.id for c in summary.commitments] == [
        "c-late",
        "c-done",
        "c-today",
        "c-org",
        "c-carried",
    ]


def test_whole_room_view_has_no_reader() -> None:
    summary = _summary()
    assert summary.reader == ""
    assert summary.own == ()
    assert not any(group.own for group in summary.by_person)


@pytest.mark.parametrize(
    "name", ["Bram Smit", "  bram   SMIT ", "Bram Smit (Basisschool Het Anker)", "p-bram"]
)
def test_a_participants_view_puts_their_commitments_first(name: str) -> None:
    summary = _summary(for_participant=name)
    assert summary.reader == "Bram Smit"
    assert [c.id for c in summary.own] == ["c-today", "c-carried"]
    assert summary.by_person[0].title == "Bram Smit"
    assert summary.by_person[0].own
    assert [g.title for g in summary.by_person[1:]] == ["Anna de Vries", NO_PERSON]


def test_a_reader_without_commitments_still_gets_their_own_empty_group_first() -> None:
    summary = _summary(for_participant="Carla Jansen")
    assert summary.own == ()
    assert (summary.by_person[0].title, summary.by_person[0].own) == ("Carla Jansen", True)
    assert summary.by_person[0].commitments == ()


def test_accents_do_not_matter_for_the_reader() -> None:
    network = _network()
    network.participants[0].name = "Anna Desirée"
    assert _summary(network, for_participant="anna desiree").reader == "Anna Desirée"


def test_an_unknown_participant_is_a_dutch_error() -> None:
    with pytest.raises(WijksessieError, match="Geen deelnemer ‘Zoë’ in deze sessie") as caught:
        _summary(for_participant="Zoë")
    assert isinstance(caught.value, NotFoundError)
    assert "Anna de Vries, Bram Smit, Carla Jansen" in str(caught.value)


def test_an_ambiguous_name_asks_for_the_organisation() -> None:
    network = _network()
    network.participants[2].name = "Anna de Vries"
    network.participants[2].organisation_id = "org-s"
    with pytest.raises(NotFoundError, match="past bij 2 deelnemers"):
        _summary(network, for_participant="Anna de Vries")
    assert _summary(network, for_participant="anna de vries (welzijn zuid)").own


# -- privacy ----------------------------------------------------------------------------------


def _contacts(summary: Summary) -> dict[str, tuple[str, str]]:
    return {p.name: (p.email, p.phone) for a in summary.attendance for p in a.people}


def test_no_contact_details_unless_asked() -> None:
    summary = _summary()
    assert not summary.with_contact
    assert set(_contacts(summary).values()) == {("", "")}


def test_contact_details_only_of_who_chose_to_share_them() -> None:
    contacts = _contacts(_summary(with_contact=True))
    assert contacts["Anna de Vries"] == ("anna@example.nl", "06 1")
    assert contacts["Bram Smit"] == ("", "")


def test_no_email_or_phone_anywhere_in_the_structure_without_consent() -> None:
    text = repr(_summary(with_contact=True))
    assert "bram@example.nl" not in text
    assert "06 2" not in text
    assert "anna@example.nl" not in repr(_summary())


# -- the demo, whole --------------------------------------------------------------------------


def test_the_demo_summary_is_complete_and_frozen() -> None:
    today = date(2026, 11, 25)
    summary = build_summary(demo_network(today=today), today=today)
    assert summary.header.title == "Netwerksessie Kruidenbuurt"
    assert summary.findings.overlaps and summary.findings.gaps and summary.findings.weak_links
    assert [g.rank for g in summary.goals] == [1, 2, 3, 4]
    assert len(summary.commitments) == 12
    assert summary.overdue_count == 2
    assert len(summary.parking) == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.reader = "x"  # type: ignore[misc]


def test_summary_lists_the_strongest_overlaps_and_counts_the_rest() -> None:
    from dataclasses import replace as _replace

    from wijksessie.domain.demo import demo_network
    from wijksessie.domain.model import Initiative, Organisation
    from wijksessie.domain.summary import MAX_OVERLAPS
    from wijksessie.services.formats import render

    network = demo_network(today=date(2026, 11, 25))
    orgs = [Organisation(f"Org {n}") for n in range(12)]
    extra = [
        Initiative(
            f"Koffie-ochtend {n}",
            organisation_id=org.id,
            themes=["eenzaamheid"],
            target_groups=["ouderen"],
        )
        for n, org in enumerate(orgs)
    ]
    network = _replace(
        network,
        organisations=[*network.organisations, *orgs],
        initiatives=[*network.initiatives, *extra],
    )
    summary = build_summary(network, today=date(2026, 11, 25))
    assert len(summary.findings.overlaps) == MAX_OVERLAPS
    assert summary.findings.more_overlaps > 0
    for fmt in ("md", "text", "html"):
        assert f"nog {summary.findings.more_overlaps} mogelijke verbindingen" in render(
            summary, fmt
        )


def test_some_commitments_come_in_the_order_of_all_of_them() -> None:
    """``commitments_of`` sorts only the chosen lines (a personal calendar, 300 times over);
    they must come as filtering every commitment would give them."""
    summary = build_summary(demo_network(today=date(2026, 3, 12)), today=date(2026, 3, 12))
    everything = summary.commitments
    for step in (1, 2, 3):
        ids = {line.id for line in everything[::step]}
        expected = tuple(line for line in everything if line.id in ids)
        assert summary.commitments_of(ids) == expected
    assert summary.commitments_of(None) == everything


def test_a_readers_view_copies_only_the_groups_that_change() -> None:
    network = demo_network(today=date(2026, 3, 12))
    summary = build_summary(network, today=date(2026, 3, 12))
    for person in network.participants:
        view = for_reader(summary, network, person)
        own = [group for group in view.by_person if group.own]
        assert [group.participant_id for group in own] == [person.id]
        assert view.by_person[0].own
        unchanged = [g for g in view.by_person if g.participant_id != person.id]
        assert all(g in summary.by_person and not g.own for g in unchanged)
        again = for_reader(view, network, network.participants[0])
        assert [g.participant_id for g in again.by_person if g.own] == [network.participants[0].id]
