"""Four sessions of one wijk for the network-over-time tests, every number counted by hand.

Waterveen-Oost meets three times in one chain (A on 10 January, its follow-up B on 1 March, and
B's follow-up C on 1 June) and once on its own (D on 15 April, typed by another facilitator who
spells the organisations differently: "Stichting Welzijn Waterveen", "buurtzorg oost.",
"Gemeente Waterfeen"). In time order: A, B, D, C.

What changes, so that every indicator has something to count:
* A: four organisations, the Gemeente isolated; two overlapping pairs (the coffee mornings of
  Welzijn and Buurtzorg, who know each other, and the homework classes of the school and the
  Gemeente, who do not); one residents' question nobody answers; five commitments.
* B: Welzijn and Buurtzorg now work together (moved up); the school and the Gemeente want to
  (the homework overlap is resolved); the coffee morning gets a backup; a debt initiative
  answers the open question; a resident joins; c1 is done, c5 dropped, c3 still busy.
* D: the same organisations spelled otherwise, a food bank, an overlap between two
  organisations that already work together, residents with the same or almost the same name.
* C: Welzijn and the school move up to "willen samenwerken"; c6 is done, c3 still open (after
  two sessions), a new commitment.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from wijksessie.domain.followup import follow_up
from wijksessie.domain.model import (
    Agreement,
    AgreementStatus,
    Commitment,
    CommitmentStatus,
    Connection,
    ConnectionKind,
    Initiative,
    Network,
    Organisation,
    Participant,
    ResidentQuestion,
    Role,
    Session,
)

WIJK = "Waterveen-Oost"
RESIDENT_NAMES = ("Rita Visser", "Ruud Smit", "Roos Bakker", "Roos Bakkers")
EMAILS = ("wim@welzijn.nl", "rita@thuis.nl", "roos@thuis.nl")
PHONES = ("06-11112222", "06-33334444")


def session_a() -> Network:
    welzijn = Organisation("Welzijn Waterveen", sector="welzijn")
    buurtzorg = Organisation("Buurtzorg Oost", sector="thuiszorg")
    school = Organisation("Basisschool De Linde", sector="onderwijs")
    gemeente = Organisation("Gemeente Waterveen", sector="gemeente")
    wim = Participant("Wim de Boer", welzijn.id, Role.CONNECTOR, email=EMAILS[0], phone=PHONES[0])
    bea = Participant("Bea Jansen", buurtzorg.id, Role.PROFESSIONAL)
    sara = Participant("Sara Kok", school.id, Role.CONNECTOR)
    gert = Participant("Gert Mol", gemeente.id, Role.CONNECTOR)
    rita = Participant("Rita Visser", "", Role.RESIDENT, email=EMAILS[1], phone=PHONES[1])
    ruud = Participant("Ruud Smit", "", Role.RESIDENT, present=False)
    return Network(
        Session("Kennismaken", wijk=WIJK, date=date(2026, 1, 10)),
        questions=[
            ResidentQuestion("Waar vind ik mensen om mee te praten?", themes=["eenzaamheid"]),
            ResidentQuestion("Wie helpt mij met mijn schulden?", themes=["armoede & schulden"]),
        ],
        organisations=[welzijn, buurtzorg, school, gemeente],
        participants=[wim, bea, sara, gert, rita, ruud],
        initiatives=[
            _initiative("Koffieochtend voor ouderen", welzijn, wim, "eenzaamheid", "ouderen"),
            _initiative(
                "Koffieochtend ouderen", buurtzorg, bea, "eenzaamheid", "ouderen", backup=wim
            ),
            _initiative("Huiswerkklas", school, sara, "jeugd", "kinderen"),
            _initiative("Huiswerkbegeleiding", gemeente, gert, "jeugd", "kinderen"),
        ],
        connections=[
            Connection(welzijn.id, buurtzorg.id, ConnectionKind.KNOW),
            Connection(welzijn.id, school.id, ConnectionKind.KNOW),
        ],
        agreements=[
            Agreement("We verwijzen warm door", AgreementStatus.ADOPTED),
            Agreement("We delen één agenda", AgreementStatus.PROPOSED),
        ],
        commitments=[
            _commitment("c1 koffie uitbreiden", wim, CommitmentStatus.OPEN),
            _commitment("c2 folder maken", bea, CommitmentStatus.DONE),
            _commitment("c3 huiswerk afstemmen", sara, CommitmentStatus.BUSY),
            _commitment("c4 subsidie zoeken", gert, CommitmentStatus.DROPPED),
            _commitment("c5 vrijwilligers werven", wim, CommitmentStatus.OPEN),
        ],
    )


def session_b(a: Network) -> Network:
    b = follow_up(
        a, title="Eerste vervolg", when=date(2026, 3, 1), today=date(2026, 1, 10), previous="a.json"
    )
    _welzijn, _buurtzorg, school, gemeente = b.organisations
    _wim, bea, sara, gert, _rita, ruud = b.participants
    b.participants[5] = replace(ruud, present=False)
    b.participants.append(Participant("Roos Bakker", "", Role.RESIDENT, email=EMAILS[2]))
    b.connections[0] = replace(b.connections[0], kind=ConnectionKind.WORK_TOGETHER)
    b.connections.append(Connection(school.id, gemeente.id, ConnectionKind.WANT_TO))
    b.initiatives[0] = replace(b.initiatives[0], backup_contact_id=bea.id)
    b.initiatives.append(
        _initiative(
            "Schuldhulp aan huis", gemeente, gert, "armoede & schulden", "volwassenen", backup=sara
        )
    )
    b.agreements.append(Agreement("We komen elk kwartaal samen", AgreementStatus.ADOPTED))
    statuses = {"c1": CommitmentStatus.DONE, "c5": CommitmentStatus.DROPPED}
    b.commitments = [replace(c, status=statuses.get(c.what[:2], c.status)) for c in b.commitments]
    b.commitments.append(_commitment("c6 ouderen bellen", bea, CommitmentStatus.OPEN))
    return b


def session_c(b: Network) -> Network:
    c = follow_up(
        b, title="Tweede vervolg", when=date(2026, 6, 1), today=date(2026, 3, 1), previous="b.json"
    )
    gert = c.participants[3]
    c.connections[1] = replace(c.connections[1], kind=ConnectionKind.WANT_TO)
    c.commitments = [
        replace(x, status=CommitmentStatus.DONE) if x.what.startswith("c6") else x
        for x in c.commitments
    ]
    c.commitments.append(_commitment("c7 pand regelen", gert, CommitmentStatus.OPEN))
    return c


def session_d() -> Network:
    welzijn = Organisation("Stichting Welzijn Waterveen", sector="welzijn")
    buurtzorg = Organisation("buurtzorg oost.", sector="")
    gemeente = Organisation("Gemeente Waterfeen", sector="gemeente")
    voedselbank = Organisation("Voedselbank Oost", sector="overig")
    wim = Participant("wim de boer", welzijn.id, Role.CONNECTOR)
    bea = Participant("Bea Janssen", buurtzorg.id, Role.PROFESSIONAL)
    vera = Participant("Vera Vos", voedselbank.id, Role.CONNECTOR)
    gijs = Participant("Gijs Goud", gemeente.id, Role.PROFESSIONAL)
    rita = Participant("Rita Visser", "", Role.RESIDENT)
    roos = Participant("Roos Bakkers", "", Role.RESIDENT)
    return Network(
        Session("Voedsel en schulden", wijk="waterveen-oost", date=date(2026, 4, 15)),
        questions=[ResidentQuestion("Waar haal ik eten?", themes=["armoede & schulden"])],
        organisations=[welzijn, buurtzorg, gemeente, voedselbank],
        participants=[wim, bea, vera, gijs, rita, roos],
        initiatives=[
            _initiative(
                "Voedselpakketten", voedselbank, vera, "armoede & schulden", "gezinnen", backup=gijs
            ),
            _initiative("Schuldenspreekuur", gemeente, gijs, "armoede & schulden", "gezinnen"),
        ],
        connections=[
            Connection(welzijn.id, buurtzorg.id, ConnectionKind.KNOW),
            Connection(gemeente.id, voedselbank.id, ConnectionKind.WORK_TOGETHER),
        ],
        agreements=[Agreement("Geen verwijzing zonder naam", AgreementStatus.ADOPTED)],
        commitments=[
            _commitment("c8 pakketten uitdelen", vera, CommitmentStatus.DONE),
            _commitment("c9 spreekuur openen", gijs, CommitmentStatus.OPEN),
        ],
    )


def four_sessions() -> dict[str, Network]:
    """The four sessions by file name, in the order they were made (not in time order)."""
    a = session_a()
    b = session_b(a)
    c = session_c(b)
    return {"a.json": a, "b.json": b, "c.json": c, "d.json": session_d()}


def _initiative(
    name: str,
    organisation: Organisation,
    contact: Participant,
    theme: str,
    group: str,
    backup: Participant | None = None,
) -> Initiative:
    return Initiative(
        name,
        organisation.id,
        themes=[theme],
        target_groups=[group],
        contact_id=contact.id,
        backup_contact_id=backup.id if backup else "",
    )


def _commitment(what: str, person: Participant, status: CommitmentStatus) -> Commitment:
    return Commitment(what, person.id, person.organisation_id, status=status)
