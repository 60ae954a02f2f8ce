"""The whole session as an Excel workbook, one sheet per kind of thing, for the municipality.

Every sheet has a frozen, filterable header row and columns wide enough to read; due dates are
real dates, so Excel can sort and filter on them. The sheets Organisaties, Deelnemers and
Initiatieven use headers the importer recognises, so the export reads back into a session.
Privacy: a participant's e-mail and phone are only written with their consent (``share_contact``)
or when the facilitator asks ``with_contact``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from wijksessie.domain.model import Network, Participant, Stance
from wijksessie.exchange.cells import Value, add_sheet, joined, new_workbook, save_workbook, yes_no

Rows = Iterator[Sequence[Value]]


def export_xlsx(network: Network, path: Path, *, with_contact: bool = False) -> None:
    """Write the session to ``path`` as an .xlsx workbook."""
    names = _Names(network)
    workbook = new_workbook()
    sheets: tuple[tuple[str, tuple[str, ...], Rows], ...] = (
        ("Sessie", ("Onderdeel", "Waarde"), _session(network)),
        ("Vragen van inwoners", ("Vraag", "Thema's", "Bron"), _questions(network)),
        ("Organisaties", ("Naam", "Sector", "Belangen"), _organisations(network)),
        (
            "Deelnemers",
            ("Naam", "Organisatie", "Rol", "E-mail", "Telefoon", "Aanwezig", "Contact delen"),
            _participants(network, names, with_contact),
        ),
        (
            "Initiatieven",
            (
                "Naam",
                "Organisatie",
                "Thema's",
                "Doelgroepen",
                "Omschrijving",
                "Contactpersoon",
                "Reserve",
            ),
            _initiatives(network, names),
        ),
        (
            "Verbindingen",
            ("Organisatie", "Met organisatie", "Soort", "Toelichting"),
            _connections(network, names),
        ),
        (
            "Doelen",
            ("Doel", "Thema's", "Stemmen", "Coalitie", "Vragen van inwoners"),
            _goals(network, names),
        ),
        (
            "Afspraken",
            ("Afspraak", "Status", "Akkoord", "Bedenking", "Bezwaar"),
            _agreements(network),
        ),
        (
            "Toezeggingen",
            ("Wat", "Wie", "Organisatie", "Doel", "Uiterlijk", "Status", "Notitie"),
            _commitments(network, names),
        ),
        ("Parkeerplaats", ("Idee",), ([item.text] for item in network.parking)),
    )
    for title, headers, rows in sheets:
        add_sheet(workbook, title, headers, rows)
    save_workbook(workbook, path)


class _Names:
    """Names by id, and people as "Naam (Organisatie)" so namesakes stay apart on re-import."""

    def __init__(self, network: Network) -> None:
        self.organisations = {org.id: org.name for org in network.organisations}
        self.people = {person.id: person for person in network.participants}
        self.goals = {goal.id: goal.text for goal in network.goals}
        self.questions = {question.id: question.text for question in network.questions}

    def organisation(self, organisation_id: str) -> str:
        return self.organisations.get(organisation_id, "")

    def person(self, participant_id: str) -> str:
        person = self.people.get(participant_id)
        if person is None:
            return ""
        org = self.organisation(person.organisation_id)
        return f"{person.name} ({org})" if org else person.name


def _session(network: Network) -> Rows:
    session = network.session
    yield ("Titel", session.title)
    yield ("Wijk", session.wijk)
    yield ("Datum", session.date)
    yield ("Plek", session.location)
    yield ("Procesbegeleider", session.facilitator)
    yield ("Vraagstuk", session.question)
    yield ("Vervolgsessie", session.next_date)
    yield ("Notities", session.notes)


def _questions(network: Network) -> Rows:
    for question in network.questions:
        yield (question.text, joined(question.themes), question.source)


def _organisations(network: Network) -> Rows:
    for org in network.organisations:
        yield (org.name, org.sector, joined(org.interests))


def _participants(network: Network, names: _Names, with_contact: bool) -> Rows:
    for person in network.participants:
        email, phone = _contact(person, with_contact)
        yield (
            person.name,
            names.organisation(person.organisation_id),
            person.role.value,
            email,
            phone,
            yes_no(person.present),
            yes_no(person.share_contact),
        )


def _contact(person: Participant, with_contact: bool) -> tuple[str, str]:
    if person.share_contact or with_contact:
        return person.email, person.phone
    return "", ""


def _initiatives(network: Network, names: _Names) -> Rows:
    for initiative in network.initiatives:
        yield (
            initiative.name,
            names.organisation(initiative.organisation_id),
            joined(initiative.themes),
            joined(initiative.target_groups),
            initiative.description,
            names.person(initiative.contact_id),
            names.person(initiative.backup_contact_id),
        )


def _connections(network: Network, names: _Names) -> Rows:
    for connection in network.connections:
        yield (
            names.organisation(connection.org_a),
            names.organisation(connection.org_b),
            connection.kind.value,
            connection.note,
        )


def _goals(network: Network, names: _Names) -> Rows:
    for goal in network.goals:
        yield (
            goal.text,
            joined(goal.themes),
            sum(goal.votes.values()),
            joined(names.organisation(org_id) for org_id in goal.coalition),
            joined(names.questions.get(qid, "") for qid in goal.question_ids),
        )


def _agreements(network: Network) -> Rows:
    for agreement in network.agreements:
        last = agreement.rounds[-1].positions.values() if agreement.rounds else ()
        stances = Counter(position.stance for position in last)
        yield (
            agreement.text,
            agreement.status.value,
            stances[Stance.CONSENT],
            stances[Stance.RESERVATION],
            stances[Stance.OBJECTION],
        )


def _commitments(network: Network, names: _Names) -> Rows:
    for commitment in network.commitments:
        person = names.people.get(commitment.participant_id)
        yield (
            commitment.what,
            person.name if person else "",
            names.organisation(commitment.organisation_id),
            names.goals.get(commitment.goal_id, ""),
            commitment.due,
            commitment.status.value,
            commitment.note,
        )
