"""The whole session as an Excel workbook, one sheet per kind of thing, for the municipality.

Every sheet has a frozen, filterable header row and columns wide enough to read; due dates are
real dates, so Excel can sort and filter on them. The sheets Organisaties, Deelnemers and
Initiatieven use headers the importer recognises, so the export reads back into a session.
Privacy: a participant's e-mail and phone are only written with their consent (``share_contact``)
or when the facilitator asks ``with_contact``.

Sheet titles, headers and the app's own words (ja/nee) follow the current language; the importer
recognises the English titles and headers too, so an English workbook reads back as well. What
was typed and the stored choices (roles, kinds, statuses, sectors, themes) stay as stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from wijksessie.domain.model import Network, Participant, Stance
from wijksessie.exchange.cells import Value, add_sheet, joined, new_workbook, save_workbook, yes_no
from wijksessie.i18n import N_, _

Rows = Iterator[Sequence[Value]]


def export_xlsx(network: Network, path: Path, *, with_contact: bool = False) -> None:
    """Write the session to ``path`` as an .xlsx workbook."""
    names = _Names(network)
    workbook = new_workbook()
    sheets: tuple[tuple[str, tuple[str, ...], Rows], ...] = (
        (N_("Sessie"), (N_("Onderdeel"), N_("Waarde")), _session(network)),
        (
            N_("Vragen van inwoners"),
            (N_("Vraag"), N_("Thema's"), N_("Bron")),
            _questions(network),
        ),
        (N_("Organisaties"), (N_("Naam"), N_("Sector"), N_("Belangen")), _organisations(network)),
        (
            N_("Deelnemers"),
            (
                N_("Naam"),
                N_("Organisatie"),
                N_("Rol"),
                N_("E-mail"),
                N_("Telefoon"),
                N_("Aanwezig"),
                N_("Contact delen"),
            ),
            _participants(network, names, with_contact),
        ),
        (
            N_("Initiatieven"),
            (
                N_("Naam"),
                N_("Organisatie"),
                N_("Thema's"),
                N_("Doelgroepen"),
                N_("Omschrijving"),
                N_("Contactpersoon"),
                N_("Reserve"),
            ),
            _initiatives(network, names),
        ),
        (
            N_("Verbindingen"),
            (N_("Organisatie"), N_("Met organisatie"), N_("Soort"), N_("Toelichting")),
            _connections(network, names),
        ),
        (
            N_("Doelen"),
            (N_("Doel"), N_("Thema's"), N_("Stemmen"), N_("Coalitie"), N_("Vragen van inwoners")),
            _goals(network, names),
        ),
        (
            N_("Afspraken"),
            (N_("Afspraak"), N_("Status"), N_("Akkoord"), N_("Bedenking"), N_("Bezwaar")),
            _agreements(network),
        ),
        (
            N_("Toezeggingen"),
            (
                N_("Wat"),
                N_("Wie"),
                N_("Organisatie"),
                N_("Doel"),
                N_("Uiterlijk"),
                N_("Status"),
                N_("Notitie"),
            ),
            _commitments(network, names),
        ),
        (N_("Parkeerplaats"), (N_("Idee"),), ([item.text] for item in network.parking)),
    )
    for title, headers, rows in sheets:
        add_sheet(workbook, _(title), tuple(_(header) for header in headers), rows)
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
    yield (_("Titel"), session.title)
    yield (_("Wijk"), session.wijk)
    yield (_("Datum"), session.date)
    yield (_("Plek"), session.location)
    yield (_("Procesbegeleider"), session.facilitator)
    yield (_("Vraagstuk"), session.question)
    yield (_("Vervolgsessie"), session.next_date)
    yield (_("Notities"), session.notes)


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
