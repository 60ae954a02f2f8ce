"""The analysis of "Wie doet wat": overlap, gaps, weak links, the matrix, groups and deletion."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from datetime import date

import pytest

from wijksessie.domain import analysis
from wijksessie.domain.analysis import (
    WeakLinkKind,
    apply_plan,
    cascade_delete,
    dependents,
    gaps,
    matches,
    network_groups,
    overlaps,
    theme_matrix,
    weak_links,
)
from wijksessie.domain.analysis.similarity import PLAIN_UP_TO, scorers
from wijksessie.domain.model import (
    SECTORS,
    THEMES,
    Agreement,
    Commitment,
    Connection,
    ConnectionKind,
    ConsentRound,
    Goal,
    Initiative,
    Network,
    Organisation,
    Participant,
    Position,
    ResidentQuestion,
    Session,
    Stance,
)

# --- helpers -------------------------------------------------------------------------------------


def network(**lists: list) -> Network:
    return Network(Session("Netwerksessie Oost"), **lists)


def dangling(net: Network) -> list[str]:
    """Every reference in ``net`` that points at nothing, described for an assertion message."""
    orgs = {o.id for o in net.organisations}
    people = {p.id for p in net.participants}
    goals = {g.id for g in net.goals}
    questions = {q.id for q in net.questions}
    refs = [(p.organisation_id, orgs) for p in net.participants]
    for i in net.initiatives:
        refs += [(i.organisation_id, orgs), (i.contact_id, people), (i.backup_contact_id, people)]
    refs += [(ref, orgs) for c in net.connections for ref in (c.org_a, c.org_b)]
    for g in net.goals:
        refs += [(ref, orgs) for ref in g.coalition]
        refs += [(ref, questions) for ref in g.question_ids]
        refs += [(ref, people) for ref in g.votes]
    for a in net.agreements:
        refs += [(ref, people) for r in a.rounds for ref in r.positions]
    for c in net.commitments:
        refs += [(c.participant_id, people), (c.organisation_id, orgs), (c.goal_id, goals)]
    return [ref for ref, known in refs if ref and ref not in known]


WORDS = (
    "taalcafé",
    "koffieochtend",
    "moestuin",
    "huiswerkklas",
    "buurtkamer",
    "repaircafé",
    "wandelgroep",
    "spreekuur",
    "schuldhulp",
    "maaltijd",
    "klussendienst",
    "buurtsport",
    "voorleesuur",
    "mantelzorgpunt",
    "inloop",
    "ontmoetingsplek",
    "digicafé",
    "jongerenwerk",
    "beweegmaatje",
    "boodschappendienst",
    "opvoedsteun",
    "buurtbemiddeling",
    "formulierenhulp",
    "kookclub",
    "tienerclub",
    "wijkteam",
    "buurtconciërge",
    "zomerschool",
    "computerles",
    "geldzorgen",
)
GROUPS = (
    "ouderen",
    "jongeren",
    "gezinnen",
    "nieuwkomers",
    "mantelzorgers",
    "kinderen",
    "alleenstaanden",
    "statushouders",
    "mensen met schulden",
    "werkzoekenden",
    "tieners",
    "vrijwilligers",
)


def generated_network(count: int, seed: int = 2026) -> tuple[Network, set[frozenset[str]]]:
    """A wijk with ``count`` initiatives and some planted near-duplicates across organisations.

    Also used to time ``overlaps`` (see the module's report): it is seeded, so every run is alike.
    """
    rng = random.Random(seed)
    orgs = [
        Organisation(f"Organisatie {n:04d}", sector=rng.choice(SECTORS))
        for n in range(count // 8 + 2)
    ]
    initiatives = [
        Initiative(
            f"{' '.join(rng.sample(WORDS, 2)).capitalize()} {n}",
            organisation_id=rng.choice(orgs).id,
            themes=rng.sample(THEMES, rng.choice((1, 1, 2, 2, 3))),
            target_groups=rng.sample(GROUPS, rng.choice((0, 1, 1, 2))),
            description=" ".join(rng.choices(WORDS, k=rng.randint(0, 6))),
        )
        for n in range(count - count // 25)
    ]
    planted: set[frozenset[str]] = set()
    for original in rng.sample(initiatives, count // 25):
        other_org = rng.choice([o for o in orgs if o.id != original.organisation_id])
        twin = Initiative(
            original.name.replace(" ", "-", 1),
            organisation_id=other_org.id,
            themes=[theme.upper() for theme in original.themes],
            target_groups=list(original.target_groups),
        )
        initiatives.append(twin)
        planted.add(frozenset((original.id, twin.id)))
    return network(organisations=orgs, initiatives=initiatives), planted


RAPIDFUZZ = scorers(PLAIN_UP_TO + 1)


def brute_force(net: Network, min_score: int) -> set[tuple[str, str, int]]:
    """Every pair compared the slow, obvious way (and with rapidfuzz, whatever the number of
    pairs): what the blocking must reproduce exactly."""
    found = set()
    for a, b in itertools.combinations(analysis._items(net), 2):
        shares = a.themes.keys() & b.themes.keys() or a.groups.keys() & b.groups.keys()
        if a.organisation_id != b.organisation_id and shares:
            overlap = analysis._overlap(a, b, {}, RAPIDFUZZ)
            if overlap.score >= min_score:
                found.add((overlap.first_id, overlap.second_id, overlap.score))
    return found


@pytest.fixture
def wijk() -> Network:
    """A small wijk with two organisations doing much the same thing for the same people."""
    welzijn = Organisation("Welzijn Oost", sector="welzijn")
    zorg = Organisation("Buurtzorg", sector="thuiszorg")
    school = Organisation("De Regenboog", sector="onderwijs")
    anna = Participant("Anna", organisation_id=welzijn.id)
    bert = Participant("Bert", organisation_id=welzijn.id)
    cor = Participant("Cor", organisation_id=zorg.id)
    koffie = Initiative(
        "Koffieochtend voor ouderen",
        organisation_id=welzijn.id,
        themes=["eenzaamheid", "ontmoeting"],
        target_groups=["Ouderen"],
        contact_id=anna.id,
        backup_contact_id=bert.id,
    )
    koffie2 = Initiative(
        "Koffie-ochtend ouderen",
        organisation_id=zorg.id,
        themes=["Eenzaamheid"],
        target_groups=[" ouderen "],
        contact_id=cor.id,
    )
    huiswerk = Initiative(
        "Huiswerkklas",
        organisation_id=school.id,
        themes=["jeugd", "taal"],
        target_groups=["kinderen"],
    )
    return network(
        organisations=[welzijn, zorg, school],
        participants=[anna, bert, cor],
        initiatives=[koffie, koffie2, huiswerk],
    )


def by_name(net: Network, name: str):
    everything = [*net.organisations, *net.participants, *net.initiatives]
    return next(item for item in everything if item.name == name)


# --- overlaps ------------------------------------------------------------------------------------


def test_overlap_of_similar_initiatives_is_found_with_its_reason(wijk: Network) -> None:
    [overlap] = overlaps(wijk)

    assert overlap.first_id == by_name(wijk, "Koffie-ochtend ouderen").id
    assert overlap.second_id == by_name(wijk, "Koffieochtend voor ouderen").id
    assert overlap.shared_themes == ("eenzaamheid",)
    assert overlap.shared_target_groups == ("ouderen",)
    assert overlap.name_similarity == 88
    assert overlap.score == 78  # 35 * 1/2 themes + 25 * 1/1 groups + 40 * 0.875 name
    assert overlap.reason == "beide: eenzaamheid, ouderen; naam lijkt 88%"
    assert overlap.connected is None


def test_initiatives_of_one_organisation_never_overlap(wijk: Network) -> None:
    zorg = by_name(wijk, "Buurtzorg")
    same_org = replace(by_name(wijk, "Koffieochtend voor ouderen"), id="x", organisation_id=zorg.id)
    wijk.initiatives = [by_name(wijk, "Koffie-ochtend ouderen"), same_org]

    assert overlaps(wijk) == []


def test_initiatives_without_a_known_organisation_are_skipped(wijk: Network) -> None:
    twin = by_name(wijk, "Koffieochtend voor ouderen")
    wijk.initiatives += [
        replace(twin, id="geen-org", organisation_id=""),
        replace(twin, id="onbekende-org", organisation_id="verdwenen"),
    ]

    ids = {i for o in overlaps(wijk) for i in (o.first_id, o.second_id)}

    assert ids.isdisjoint({"geen-org", "onbekende-org"})
    assert len(overlaps(wijk)) == 1


def test_each_pair_once_and_never_with_itself() -> None:
    orgs = [Organisation(f"Org {n}") for n in range(3)]
    same = [
        Initiative(
            "Taalcafé", organisation_id=org.id, themes=["taal"], target_groups=["nieuwkomers"]
        )
        for org in orgs
    ]

    found = overlaps(network(organisations=orgs, initiatives=same))

    pairs = [frozenset((o.first_id, o.second_id)) for o in found]
    assert len(pairs) == 3 == len(set(pairs))
    assert all(len(pair) == 2 for pair in pairs)
    assert {o.score for o in found} == {100}


def test_related_but_different_initiatives_stay_below_the_threshold() -> None:
    a, b = Organisation("A"), Organisation("B")
    initiatives = [
        Initiative(
            "Huiswerkklas", organisation_id=a.id, themes=["jeugd", "taal", "armoede & schulden"]
        ),
        Initiative("Moestuin", organisation_id=b.id, themes=["jeugd", "ontmoeting"]),
    ]

    net = network(organisations=[a, b], initiatives=initiatives)

    assert overlaps(net) == []
    assert len(overlaps(net, min_score=10)) == 1


def test_order_does_not_depend_on_the_order_of_input() -> None:
    net, _ = generated_network(120, seed=5)
    shuffled = replace(
        net, initiatives=list(net.initiatives), organisations=list(net.organisations)
    )
    random.Random(1).shuffle(shuffled.initiatives)
    random.Random(2).shuffle(shuffled.organisations)

    found = overlaps(net)

    assert found == overlaps(shuffled)
    assert [o.score for o in found] == sorted((o.score for o in found), reverse=True)


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ((), None),
        ((ConnectionKind.KNOW,), ConnectionKind.KNOW),
        ((ConnectionKind.KNOW, ConnectionKind.WORK_TOGETHER), ConnectionKind.WORK_TOGETHER),
    ],
)
def test_overlap_tells_whether_the_organisations_are_connected(
    wijk: Network, kinds: tuple[ConnectionKind, ...], expected: ConnectionKind | None
) -> None:
    welzijn, zorg = by_name(wijk, "Welzijn Oost"), by_name(wijk, "Buurtzorg")
    wijk.connections = [Connection(zorg.id, welzijn.id, kind) for kind in kinds]

    assert overlaps(wijk)[0].connected == expected


def test_five_hundred_initiatives_give_exactly_what_comparing_every_pair_gives() -> None:
    net, planted = generated_network(500)

    found = overlaps(net)

    got = {(o.first_id, o.second_id, o.score) for o in found}
    assert got == brute_force(net, analysis.OVERLAP_MIN_SCORE)
    assert planted <= {frozenset((o.first_id, o.second_id)) for o in found}
    orgs = {i.id: i.organisation_id for i in net.initiatives}
    assert all(orgs[o.first_id] != orgs[o.second_id] for o in found)


# --- gaps ----------------------------------------------------------------------------------------


def test_gaps_name_uncovered_questions_and_themes(wijk: Network) -> None:
    covered = ResidentQuestion("Waar kan ik koffie drinken?", themes=["Eenzaamheid"])
    uncovered = ResidentQuestion("Wie helpt met de huur?", themes=["wonen", "armoede & schulden"])
    own_theme = ResidentQuestion("Hoe werkt DigiD?", themes=["digitale zaken"])
    untagged = ResidentQuestion("Waarom is hier niets te doen?")
    wijk.questions = [covered, uncovered, own_theme, untagged]

    found = gaps(wijk)

    assert [(g.question_id, g.reason) for g in found.questions] == [
        (uncovered.id, "niemand werkt aan: armoede & schulden, wonen"),
        (own_theme.id, "niemand werkt aan: digitale zaken"),
        (untagged.id, "geen thema's"),
    ]
    covered_themes = {"eenzaamheid", "ontmoeting", "jeugd", "taal"}
    assert found.themes == (*(t for t in THEMES if t not in covered_themes), "digitale zaken")


# --- weak links ----------------------------------------------------------------------------------


def test_weak_links_of_every_kind(wijk: Network) -> None:
    welzijn, zorg = by_name(wijk, "Welzijn Oost"), by_name(wijk, "Buurtzorg")
    wijk.connections = [Connection(welzijn.id, zorg.id)]
    cor = by_name(wijk, "Cor")

    found = weak_links(wijk)

    assert [(link.kind, link.initiative_id or link.organisation_id) for link in found] == [
        (WeakLinkKind.NO_CONTACT, by_name(wijk, "Huiswerkklas").id),
        (WeakLinkKind.NO_BACKUP, by_name(wijk, "Koffie-ochtend ouderen").id),
        (WeakLinkKind.SOLE_PARTICIPANT, by_name(wijk, "Koffie-ochtend ouderen").id),
        (WeakLinkKind.ISOLATED, by_name(wijk, "De Regenboog").id),
    ]
    assert found[0].reason == "Niemand is aanspreekpunt voor ‘Huiswerkklas’."
    assert found[1].participant_id == found[2].participant_id == cor.id
    assert found[1].reason == "‘Koffie-ochtend ouderen’ hangt aan Cor: er is geen reserve."
    assert found[2].reason == "Cor is de enige van Buurtzorg in het netwerk."
    assert found[3].reason == "De Regenboog heeft nog geen verbinding met een andere organisatie."


def test_a_backup_who_is_the_contact_is_no_backup(wijk: Network) -> None:
    koffie = by_name(wijk, "Koffieochtend voor ouderen")
    koffie.backup_contact_id = koffie.contact_id

    kinds = [link.kind for link in weak_links(wijk) if link.initiative_id == koffie.id]

    assert kinds == [WeakLinkKind.NO_BACKUP]


def test_a_connection_with_itself_or_a_lost_organisation_leaves_it_isolated(wijk: Network) -> None:
    school = by_name(wijk, "De Regenboog")
    wijk.connections = [Connection(school.id, school.id), Connection(school.id, "verdwenen")]

    isolated = {link.organisation_id for link in weak_links(wijk) if link.kind == "geïsoleerd"}

    assert isolated == {o.id for o in wijk.organisations}


# --- theme matrix --------------------------------------------------------------------------------


def test_matrix_counts_initiatives_per_theme_and_organisation() -> None:
    alfa, beta = Organisation("alfa"), Organisation("Beta")
    initiatives = [
        Initiative("a1", organisation_id=alfa.id, themes=["wonen", "Wonen ", "jeugd"]),
        Initiative("a2", organisation_id=alfa.id, themes=["wonen", "Buurtsport"]),
        Initiative("b1", organisation_id=beta.id, themes=["jeugd"]),
        Initiative("los", themes=["taal"]),
    ]
    questions = [ResidentQuestion("?", themes=["armoede & schulden"])]

    matrix = theme_matrix(
        network(organisations=[beta, alfa], initiatives=initiatives, questions=questions)
    )

    assert matrix.organisation_names == ("alfa", "Beta")
    assert matrix.themes == ("armoede & schulden", "wonen", "jeugd", "taal", "Buurtsport")
    assert matrix.counts == ((0, 0), (2, 0), (1, 1), (0, 0), (1, 0))
    assert matrix.row_totals == (0, 2, 2, 0, 1)
    # Totals count initiatives, each once (issue 15, point 21): alfa runs two, not four.
    assert matrix.column_totals == (2, 1)
    assert (matrix.total, matrix.max_count) == (3, 2)
    assert matrix.count("WONEN", alfa.id) == 2
    assert matrix.count("onbekend", alfa.id) == 0


def test_matrix_of_an_empty_network() -> None:
    matrix = theme_matrix(network(organisations=[Organisation("Alleen")]))

    assert matrix.themes == ()
    assert matrix.column_totals == (0,)
    assert (matrix.total, matrix.max_count) == (0, 0)


# --- sector groups -------------------------------------------------------------------------------


def test_groups_follow_the_sector_list_then_own_sectors_alphabetically() -> None:
    orgs = [
        Organisation("Zonder"),
        Organisation("Club", sector="Sportclub"),
        Organisation("Kerk", sector="kerk"),
        Organisation("Buurtteam", sector="Welzijn"),
        Organisation("Huisarts", sector="huisartsenzorg"),
        Organisation("Anders", sector="welzijn"),
    ]
    connections = [
        Connection(orgs[3].id, orgs[4].id, ConnectionKind.WORK_TOGETHER),
        Connection(orgs[3].id, orgs[5].id, ConnectionKind.KNOW),
    ]

    groups = network_groups(network(organisations=orgs, connections=connections))

    assert [g.sector for g in groups] == [
        "huisartsenzorg",
        "welzijn",
        "overig",
        "kerk",
        "Sportclub",
    ]
    welzijn = groups[1].organisations
    assert [o.name for o in welzijn] == ["Anders", "Buurtteam"]
    assert welzijn[1].count(ConnectionKind.WORK_TOGETHER) == 1
    assert welzijn[1].count(ConnectionKind.KNOW) == 1
    assert welzijn[1].total == 2
    assert [o.isolated for g in groups for o in g.organisations] == [
        False,
        False,
        False,
        True,
        True,
        True,
    ]


# --- dependents and cascading deletion ----------------------------------------------------------


@pytest.fixture
def busy(wijk: Network) -> Network:
    """The small wijk with everything that can point at an organisation or a person."""
    welzijn, zorg = by_name(wijk, "Welzijn Oost"), by_name(wijk, "Buurtzorg")
    anna, cor = by_name(wijk, "Anna"), by_name(wijk, "Cor")
    question = ResidentQuestion("Waar kan ik heen?", themes=["eenzaamheid"])
    goal = Goal(
        "Niemand alleen",
        question_ids=[question.id],
        votes={anna.id: 3, cor.id: 1},
        coalition=[welzijn.id, zorg.id],
    )
    wijk.questions = [question]
    wijk.goals = [goal]
    wijk.connections = [Connection(welzijn.id, zorg.id, ConnectionKind.WORK_TOGETHER)]
    wijk.commitments = [
        Commitment("Flyers", participant_id=anna.id, organisation_id=welzijn.id, goal_id=goal.id),
        Commitment(
            "Rooster", participant_id=cor.id, organisation_id=zorg.id, due=date(2026, 12, 1)
        ),
    ]
    positions = {anna.id: Position(Stance.CONSENT), cor.id: Position(Stance.OBJECTION, "te vaag")}
    wijk.agreements = [Agreement("We bellen elkaar", rounds=[ConsentRound("We bellen", positions)])]
    return wijk


def test_dependents_of_an_organisation(busy: Network) -> None:
    welzijn = by_name(busy, "Welzijn Oost")

    found = dependents(busy, welzijn)

    assert set(found.participant_ids) == {by_name(busy, "Anna").id, by_name(busy, "Bert").id}
    assert found.initiative_ids == (by_name(busy, "Koffieochtend voor ouderen").id,)
    assert found.connection_ids == (busy.connections[0].id,)
    assert found.commitment_ids == (busy.commitments[0].id,)
    assert found.goal_ids == (busy.goals[0].id,)
    assert found.count == 6


def test_dependents_of_a_participant_and_a_goal(busy: Network) -> None:
    anna = by_name(busy, "Anna")

    found = dependents(busy, anna)

    assert found.initiative_ids == (by_name(busy, "Koffieochtend voor ouderen").id,)
    assert found.commitment_ids == (busy.commitments[0].id,)
    assert found.goal_ids == (busy.goals[0].id,)
    assert found.agreement_ids == (busy.agreements[0].id,)
    assert dependents(busy, busy.goals[0]).commitment_ids == (busy.commitments[0].id,)
    assert dependents(busy, busy.commitments[0]).count == 0


def test_deleting_an_organisation_leaves_no_dangling_ids(busy: Network) -> None:
    welzijn = by_name(busy, "Welzijn Oost")

    plan = cascade_delete(busy, welzijn)
    after = apply_plan(busy, plan)

    assert dangling(after) == []
    assert [type(e).__name__ for e in plan.removals] == ["Organisation", "Initiative", "Connection"]
    assert [p.name for p in after.participants] == ["Anna", "Bert", "Cor"]
    assert [p.organisation_id for p in after.participants][:2] == ["", ""]
    assert after.goals[0].coalition == [by_name(busy, "Buurtzorg").id]
    assert after.commitments[0].organisation_id == ""
    assert plan.description[:3] == (
        "Organisatie ‘Welzijn Oost’ wordt verwijderd.",
        "Gaat mee weg: initiatief ‘Koffieochtend voor ouderen’.",
        "Gaat mee weg: verbinding Welzijn Oost – Buurtzorg.",
    )
    assert "Doel ‘Niemand alleen’: Welzijn Oost gaat uit de coalitie." in plan.description


def test_deleting_leaves_the_original_network_untouched(busy: Network) -> None:
    welzijn = by_name(busy, "Welzijn Oost")

    apply_plan(busy, cascade_delete(busy, welzijn))

    assert busy.goals[0].coalition[0] == welzijn.id
    assert by_name(busy, "Anna").organisation_id == welzijn.id
    assert len(busy.initiatives) == 3


def test_deleting_a_contact_hands_the_initiative_to_the_backup(busy: Network) -> None:
    anna, bert = by_name(busy, "Anna"), by_name(busy, "Bert")

    plan = cascade_delete(busy, anna)
    after = apply_plan(busy, plan)

    assert dangling(after) == []
    koffie = next(i for i in after.initiatives if i.name == "Koffieochtend voor ouderen")
    assert (koffie.contact_id, koffie.backup_contact_id) == (bert.id, "")
    assert after.goals[0].votes == {by_name(busy, "Cor").id: 1}
    assert anna.id not in after.agreements[0].rounds[0].positions
    assert after.commitments[0].participant_id == ""
    assert "Initiatief ‘Koffieochtend voor ouderen’: reserve Bert wordt contactpersoon." in (
        plan.description
    )


def test_deleting_a_backup_or_the_last_contact(busy: Network) -> None:
    bert, cor = by_name(busy, "Bert"), by_name(busy, "Cor")

    without_bert = apply_plan(busy, cascade_delete(busy, bert))
    without_cor = apply_plan(busy, cascade_delete(busy, cor))

    assert by_name(without_bert, "Koffieochtend voor ouderen").backup_contact_id == ""
    assert by_name(without_cor, "Koffie-ochtend ouderen").contact_id == ""
    assert dangling(without_bert) == dangling(without_cor) == []


@pytest.mark.parametrize("kind", ["goal", "question", "commitment"])
def test_deleting_anything_else_leaves_no_dangling_ids(busy: Network, kind: str) -> None:
    target = {
        "goal": busy.goals[0],
        "question": busy.questions[0],
        "commitment": busy.commitments[0],
    }

    after = apply_plan(busy, cascade_delete(busy, target[kind]))

    assert dangling(after) == []
    assert target[kind].id not in {
        e.id for e in (*after.goals, *after.questions, *after.commitments)
    }


# --- filtering -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", True),
        ("  ", True),
        ("TAAL", True),
        ("cafe", True),
        ("taal oost", True),
        ("taal west", False),
        ("geïsoleerd", False),
    ],
)
def test_matches_every_word_regardless_of_case_and_accents(query: str, expected: bool) -> None:
    assert matches(["Taalcafé", "Welzijn Oost"], query) is expected
