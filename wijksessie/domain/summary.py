"""The summary participants take home: one plain structure that every format renders.

The terminal, the app's Samenvatting phase, Markdown, HTML and the calendar must all say the
same thing, so ``build_summary`` decides once what is in a summary, in which order, and what a
participant's status or consent outcome reads like; a renderer only lays it out. The structure
holds strings, numbers, dates and tuples, no Rich and no markup, and is frozen so a renderer
cannot change what another one shows.

Privacy: a summary is shared and its terminal form may be on a projector. Email and phone of a
participant are in a summary only when that participant set ``share_contact`` *and* the caller
asks ``with_contact=True``. The rule for callers (see ``wijksessie.services.formats``):
files handed to participants (HTML, iCalendar) ask for contact details; text and Markdown
printed to a terminal ask only when the user says ``--met-contact``.

Language: every label and sentence built here is in the language ``wijksessie.i18n`` has when
``build_summary`` runs (the Dutch words are the catalogue's source strings); what users typed
stays as typed. Stored choice values (``status``, ``stance``) stay the saved Dutch words, for
renderers to style by; the ``*_label`` fields beside them are what a reader sees.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import defaultdict
from collections.abc import Container, Iterable
from dataclasses import field
from datetime import date
from typing import TypeVar

from wijksessie.domain import analysis, commitments, consent, voting
from wijksessie.domain.dates import long_date
from wijksessie.domain.followup import previous_name
from wijksessie.domain.model import (
    AgendaItem,
    Agreement,
    AgreementStatus,
    Commitment,
    Goal,
    Initiative,
    Network,
    Organisation,
    Participant,
    Position,
    Stance,
    choice_label,
)
from wijksessie.domain.record import record
from wijksessie.domain.text import normalise
from wijksessie.errors import NotFoundError
from wijksessie.i18n import N_, _, ngettext

NO_ORGANISATION = N_("Zonder organisatie")
NO_PERSON = N_("Namens een organisatie")
NO_GOAL = N_("Zonder doel")
"""Group titles for what has no organisation, person or goal: pass through ``_()`` to show."""


# --- the structure -------------------------------------------------------------------------------


@record
class Header:
    """What the session was: its facts, the question it served and when the network meets next."""

    title: str
    wijk: str
    date: date | None
    date_text: str
    place: str
    facilitator: str
    question: str
    next_date: date | None
    next_date_text: str
    previous_session: str
    """The session this one follows, by title and date (``followup.previous_name``)."""
    session_id: str
    made_on: date
    made_on_text: str


@record
class Person:
    """A participant as the summary shows them; ``email``/``phone`` empty unless shared.

    ``role`` is the role as a reader sees it (a label in the current language).
    """

    id: str
    name: str
    role: str
    present: bool
    email: str = ""
    phone: str = ""


@record
class Attendance:
    """The people of one organisation (``organisation`` empty: people without one)."""

    organisation: str
    sector: str
    people: tuple[Person, ...]


@record
class InitiativeLine:
    """One initiative with its themes and who to ask about it."""

    name: str
    themes: tuple[str, ...]
    target_groups: tuple[str, ...]
    description: str
    contact: str
    backup: str


@record
class OrganisationWork:
    """What one organisation does in the wijk and what it needs from the network."""

    organisation: str
    sector: str
    interests: tuple[str, ...]
    initiatives: tuple[InitiativeLine, ...]


@record
class OverlapLine:
    """Two similar initiatives of different organisations.

    ``connected`` says how their organisations relate (a label), empty if they are strangers.
    """

    first: str
    first_organisation: str
    second: str
    second_organisation: str
    score: int
    reason: str
    connected: str


@record
class GapLine:
    """A residents' question nobody works on, and why."""

    question: str
    reason: str


@record
class WeakLinkLine:
    """A place where the network hangs on one person."""

    kind: str
    reason: str


MAX_OVERLAPS = 25
"""The strongest overlaps a summary lists; the rest is counted, not listed."""


@record
class Findings:
    """What the analysis of "Wie doet wat" found."""

    overlaps: tuple[OverlapLine, ...]
    gaps: tuple[GapLine, ...]
    uncovered_themes: tuple[str, ...]
    weak_links: tuple[WeakLinkLine, ...]
    more_overlaps: int = 0
    """Overlaps found beyond the strongest ``MAX_OVERLAPS``: a reader acts on the top ones."""
    found: tuple[analysis.Overlap, ...] | None = field(default=None, compare=False, repr=False)
    """Every overlap the analysis found, so the network picture of the same export takes them
    instead of running the analysis again (0.2 s for the large benchmark session)."""


@record
class GoalLine:
    """A shared goal in vote order: equal votes share a rank."""

    rank: int
    text: str
    votes: int
    themes: tuple[str, ...]
    coalition: tuple[str, ...]
    questions: tuple[str, ...]
    hidden: bool = False
    """A blind voting round is open: no rank, no votes (and the goals in their own order)."""


@record
class StanceNote:
    """Who had a reservation or objection in the last round, and what they said."""

    person: str
    stance: str
    stance_label: str
    note: str


@record
class AgreementLine:
    """A basic agreement with the outcome of its last consent round."""

    text: str
    status: str
    status_label: str
    outcome: str
    rounds: int
    consents: int
    reservation_count: int
    objection_count: int
    unanswered: int
    objections: tuple[StanceNote, ...]
    reservations: tuple[StanceNote, ...]


@record
class CommitmentLine:
    """One promise as the summary shows it, with its flags already decided.

    ``chain_id`` is the id of the first commitment of its chain (``carried_from``, or its own id
    when it is new): one promise carried from session to session keeps one calendar event.
    """

    id: str
    what: str
    participant_id: str
    person: str
    organisation: str
    goal: str
    due: date | None
    due_text: str
    status: str
    status_label: str
    overdue: bool
    carried_over: bool
    note: str
    chain_id: str = ""


@record
class CommitmentGroup:
    """Commitments of one person or one goal; ``own`` marks the reader's own group.

    ``participant_id`` is the person's id in a group per person (empty otherwise).
    """

    title: str
    detail: str
    commitments: tuple[CommitmentLine, ...]
    own: bool = False
    participant_id: str = ""


@record
class OpenQuestion:
    """A residents' question no initiative answers yet (a gap, ``analysis.gaps``)."""

    text: str
    themes: tuple[str, ...]
    source: str


@record
class AgendaLine:
    """One phase: the minutes planned and the minutes really spent."""

    phase: str
    planned_minutes: int
    spent_minutes: int


@record
class Summary:
    """Everything a summary says, in reading order; built by ``build_summary`` only.

    ``reader`` is the participant whose view this is (empty for the whole room); ``own`` holds
    their commitments, shown first. ``with_contact`` says whether shared contact details are in.
    """

    header: Header
    attendance: tuple[Attendance, ...]
    present_count: int
    absent_count: int
    work: tuple[OrganisationWork, ...]
    findings: Findings
    goals: tuple[GoalLine, ...]
    agreements: tuple[AgreementLine, ...]
    reader: str
    own: tuple[CommitmentLine, ...]
    by_person: tuple[CommitmentGroup, ...]
    by_goal: tuple[CommitmentGroup, ...]
    overdue_count: int
    parking: tuple[str, ...]
    open_questions: tuple[OpenQuestion, ...]
    agenda: tuple[AgendaLine, ...]
    with_contact: bool

    @property
    def commitments(self) -> tuple[CommitmentLine, ...]:
        """Every commitment once, by due date (undated last): the calendar's order."""
        return self.commitments_of(None)

    def commitments_of(self, ids: Container[str] | None) -> tuple[CommitmentLine, ...]:
        """The commitments whose id is in ``ids`` (all with ``None``), in ``commitments``'
        order: sorting only those, as a personal calendar of the large benchmark session does
        300 times, instead of all 1,000 each time."""
        lines = [
            line
            for group in self.by_person
            for line in group.commitments
            if ids is None or line.id in ids
        ]
        return tuple(sorted(lines, key=_due_order))


def _due_order(line: CommitmentLine) -> tuple[bool, date, str, str]:
    return (line.due is None, line.due or date.max, normalise(line.what), line.id)


# --- building it ---------------------------------------------------------------------------------


def build_summary(
    network: Network,
    *,
    today: date,
    for_participant: str | None = None,
    with_contact: bool = False,
) -> Summary:
    """The summary of ``network`` as it stands ``today`` (which decides what is overdue).

    ``for_participant`` (a name, a part of one, ``"Naam (Organisatie)"`` or an id; see
    ``find_participant``) makes it that person's own view: their commitments first. A blank,
    unknown or ambiguous name raises ``NotFoundError`` with a message in the current language.
    ``with_contact`` lets in the email and phone of participants who chose to share them
    (``share_contact``); without it no contact detail is in the summary at all.
    """
    reader = find_participant(network, for_participant) if for_participant is not None else None
    summary = _build(network, today, with_contact)
    return for_reader(summary, network, reader) if reader else summary


def for_reader(summary: Summary, network: Network, reader: Participant) -> Summary:
    """``summary`` as ``reader``'s own view: their commitments first, even with none.

    Cheap (no analysis runs again), so a copy for every participant costs one summary and a
    reordering each, not 300 summaries. Only a group whose ``own`` changes is copied: copying
    all 289 groups of the large benchmark session for each of its 300 readers was a third of
    its ``--iedereen``'s CPU.
    """
    groups = [
        group
        if group.own == (group.participant_id == reader.id)
        else dataclasses.replace(group, own=not group.own)
        for group in summary.by_person
    ]
    if not any(group.own for group in groups):
        detail = _Names(network).organisation(reader.organisation_id)
        groups.insert(0, CommitmentGroup(reader.name, detail, (), True, reader.id))
    groups.sort(key=lambda group: not group.own)
    return dataclasses.replace(
        summary, reader=reader.name, own=groups[0].commitments, by_person=tuple(groups)
    )


def _build(network: Network, today: date, with_contact: bool) -> Summary:
    """The summary for the whole room (no reader)."""
    names = _Names(network)
    found_gaps = analysis.gaps(network)
    lines = {c.id: _commitment_line(c, names, today) for c in network.commitments}
    by_person = _person_groups(network, names, lines)
    return Summary(
        header=_header(network, today),
        attendance=_attendance(network, with_contact),
        present_count=sum(p.present for p in network.participants),
        absent_count=sum(not p.present for p in network.participants),
        work=_work(network, names),
        findings=_findings(network, names, found_gaps),
        goals=_goals(network),
        agreements=tuple(_agreement_line(a, network, names) for a in network.agreements),
        reader="",
        own=(),
        by_person=by_person,
        by_goal=_goal_groups(network, lines),
        overdue_count=sum(line.overdue for line in lines.values()),
        parking=tuple(item.text for item in network.parking),
        open_questions=_open_questions(network, found_gaps),
        agenda=tuple(_agenda_line(item) for item in network.session.agenda),
        with_contact=with_contact,
    )


MAX_LISTED = 10
"""Names a refused ``--voor`` lists: enough to choose from, not a session's 300."""


def find_participant(network: Network, text: str) -> Participant:
    """The participant ``text`` names, as a person would ask for them.

    In this order: an id; the full name or ``"Naam (Organisatie)"``; the beginnings of words of
    the name (``"Erik"``, ``"Mul"``); then any part of the name or organisation. Case and accents do
    not matter (``"fatima el amrani"``). Raises ``NotFoundError`` for a blank name, for a name
    several people match (listing at most ``MAX_LISTED``, told apart by organisation) and for
    a name nobody matches (listing the closest names).
    """
    wanted = text.strip()
    if not wanted:
        raise NotFoundError(_("Geef de naam van een deelnemer op."))
    key = _fold(wanted)
    names = _Names(network)
    people = network.participants
    words = key.split()
    for matches in (
        [p for p in people if p.id == wanted],
        [p for p in people if key in (_fold(p.name), _fold(names.label(p.id)))],
        [p for p in people if _starts_words(words, _fold(p.name))],
        [p for p in people if all(word in _fold(names.label(p.id)) for word in words)],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise NotFoundError(_ambiguous(wanted, matches, names))
    raise NotFoundError(_unknown(wanted, people, names))


def _starts_words(words: list[str], name: str) -> bool:
    """Whether each of ``words`` begins a word of ``name`` ("mul" → "Erik Mulder")."""
    parts = name.split()
    return all(any(part.startswith(word) for part in parts) for word in words)


def _listing(labels: list[str]) -> str:
    """At most ``MAX_LISTED`` labels, then how many more there are."""
    shown = ", ".join(labels[:MAX_LISTED])
    more = len(labels) - MAX_LISTED
    if more > 0:
        shown += " " + ngettext("en nog {n}", "en nog {n}", more).format(n=more)
    return shown


def _ambiguous(wanted: str, matches: list[Participant], names: _Names) -> str:
    labels = [names.label(p.id) for p in matches]
    # A label that names two people, or that is what was asked: only the id tells them apart.
    unclear = {
        label for label in labels if labels.count(label) > 1 or _fold(label) == _fold(wanted)
    }
    labels = sorted(
        (
            f"{label} [{p.id}]" if label in unclear else label
            for label, p in zip(labels, matches, strict=True)
        ),
        key=_fold,
    )
    return ngettext(
        "‘{name}’ past bij {count} deelnemer: {names}. Kies er één, bijvoorbeeld ‘Naam "
        "(Organisatie)’.",
        "‘{name}’ past bij {count} deelnemers: {names}. Kies er één, bijvoorbeeld ‘Naam "
        "(Organisatie)’.",
        len(matches),
    ).format(name=wanted, count=len(matches), names=_listing(labels))


def _unknown(wanted: str, people: list[Participant], names: _Names) -> str:
    """Who is in the session: everyone in a small one, the names closest to ``wanted`` else."""
    if not people:
        return _(
            "Geen deelnemer ‘{name}’ in deze sessie. Deze sessie heeft nog geen deelnemers."
        ).format(name=wanted)
    if len(people) <= MAX_LISTED:
        known = ", ".join(sorted((p.name for p in people), key=_fold))
        return _("Geen deelnemer ‘{name}’ in deze sessie. Deelnemers: {known}.").format(
            name=wanted, known=known
        )
    from rapidfuzz import fuzz, process

    labels = sorted({names.label(p.id) for p in people}, key=_fold)
    close = process.extract(
        wanted, labels, scorer=fuzz.WRatio, processor=_fold, limit=MAX_LISTED, score_cutoff=70
    )
    if not close:
        return ngettext(
            "Geen deelnemer ‘{name}’ in deze sessie, en geen naam die erop lijkt "
            "({count} deelnemer).",
            "Geen deelnemer ‘{name}’ in deze sessie, en geen naam die erop lijkt "
            "({count} deelnemers).",
            len(people),
        ).format(name=wanted, count=len(people))
    return _("Geen deelnemer ‘{name}’ in deze sessie. Bedoel je: {known}?").format(
        name=wanted, known=", ".join(label for label, _score, _index in close)
    )


class _Names:
    """Ids to the names a reader sees; unknown ids read as empty."""

    def __init__(self, network: Network) -> None:
        self.organisations = {o.id: o for o in network.organisations}
        self.people = {p.id: p for p in network.participants}
        self.goals = {g.id: g for g in network.goals}
        self.questions = {q.id: q for q in network.questions}
        self.initiatives = {i.id: i for i in network.initiatives}

    def organisation(self, organisation_id: str) -> str:
        found = self.organisations.get(organisation_id)
        return found.name if found else ""

    def person(self, participant_id: str) -> str:
        found = self.people.get(participant_id)
        return found.name if found else ""

    def label(self, participant_id: str) -> str:
        person = self.people.get(participant_id)
        if person is None:
            return ""
        organisation = self.organisation(person.organisation_id)
        return f"{person.name} ({organisation})" if organisation else person.name


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", normalise(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_Named = TypeVar("_Named", Organisation, Participant, Initiative)


def _by_name(items: Iterable[_Named]) -> list[_Named]:
    return sorted(items, key=lambda item: (normalise(item.name), item.id))


# --- header, people, work ------------------------------------------------------------------------


def _header(network: Network, today: date) -> Header:
    session = network.session
    return Header(
        title=session.title,
        wijk=session.wijk,
        date=session.date,
        date_text=long_date(session.date),
        place=session.location,
        facilitator=session.facilitator,
        question=session.question,
        next_date=session.next_date,
        next_date_text=long_date(session.next_date),
        previous_session=previous_name(session),
        session_id=session.id,
        made_on=today,
        made_on_text=long_date(today),
    )


def _person(participant: Participant, with_contact: bool) -> Person:
    shared = with_contact and participant.share_contact
    return Person(
        id=participant.id,
        name=participant.name,
        role=choice_label(participant.role),
        present=participant.present,
        email=participant.email.strip() if shared else "",
        phone=participant.phone.strip() if shared else "",
    )


def _attendance(network: Network, with_contact: bool) -> tuple[Attendance, ...]:
    """People per organisation (by name), present people first; people without one last."""
    known = {o.id for o in network.organisations}
    groups = []
    for organisation in [*_by_name(network.organisations), None]:
        wanted = organisation.id if organisation else None
        members = [
            p
            for p in network.participants
            if p.organisation_id == wanted or (wanted is None and p.organisation_id not in known)
        ]
        if not members:
            continue
        ordered = sorted(_by_name(members), key=lambda p: not p.present)
        groups.append(
            Attendance(
                organisation=organisation.name if organisation else "",
                sector=organisation.sector if organisation else "",
                people=tuple(_person(p, with_contact) for p in ordered),
            )
        )
    return tuple(groups)


def _work(network: Network, names: _Names) -> tuple[OrganisationWork, ...]:
    """Every organisation with its initiatives; initiatives of no known organisation last."""
    known = {o.id for o in network.organisations}
    runs: dict[str | None, list[InitiativeLine]] = defaultdict(list)
    for i in _by_name(network.initiatives):  # sorted once, not once per organisation
        runs[i.organisation_id if i.organisation_id in known else None].append(
            _initiative(i, names)
        )
    work = [
        OrganisationWork(
            organisation=o.name,
            sector=o.sector,
            interests=tuple(o.interests),
            initiatives=tuple(runs.get(o.id, ())),
        )
        for o in _by_name(network.organisations)
    ]
    if runs.get(None):
        work.append(OrganisationWork(_(NO_ORGANISATION), "", (), tuple(runs[None])))
    return tuple(work)


def _initiative(i: Initiative, names: _Names) -> InitiativeLine:
    return InitiativeLine(
        name=i.name,
        themes=tuple(i.themes),
        target_groups=tuple(i.target_groups),
        description=i.description,
        contact=names.person(i.contact_id),
        backup=names.person(i.backup_contact_id),
    )


# --- findings, goals, agreements -----------------------------------------------------------------


def _findings(network: Network, names: _Names, found_gaps: analysis.Gaps) -> Findings:
    found = analysis.overlaps(network)
    return Findings(
        overlaps=tuple(_overlap_line(o, names) for o in found[:MAX_OVERLAPS]),
        more_overlaps=max(0, len(found) - MAX_OVERLAPS),
        found=tuple(found),
        gaps=tuple(GapLine(gap.text, gap.reason) for gap in found_gaps.questions),
        uncovered_themes=found_gaps.themes,
        weak_links=tuple(
            WeakLinkLine(link.kind.value, link.reason) for link in analysis.weak_links(network)
        ),
    )


def _overlap_line(overlap: analysis.Overlap, names: _Names) -> OverlapLine:
    first = names.initiatives[overlap.first_id]
    second = names.initiatives[overlap.second_id]
    return OverlapLine(
        first=first.name,
        first_organisation=names.organisation(first.organisation_id),
        second=second.name,
        second_organisation=names.organisation(second.organisation_id),
        score=overlap.score,
        reason=overlap.reason,
        connected=choice_label(overlap.connected) if overlap.connected else "",
    )


def _goals(network: Network) -> tuple[GoalLine, ...]:
    names = _Names(network)
    if voting.results_hidden(network.session):
        return tuple(
            dataclasses.replace(_goal_line(goal, 0, 0, names), hidden=True)
            for goal in network.goals
        )
    return tuple(
        _goal_line(bar.goal, bar.rank, bar.total, names) for bar in voting.tally(network.goals)
    )


def _goal_line(goal: Goal, rank: int, votes: int, names: _Names) -> GoalLine:
    return GoalLine(
        rank=rank,
        text=goal.text,
        votes=votes,
        themes=tuple(goal.themes),
        coalition=tuple(n for n in map(names.organisation, goal.coalition) if n),
        questions=tuple(names.questions[q].text for q in goal.question_ids if q in names.questions),
    )


def _agreement_line(agreement: Agreement, network: Network, names: _Names) -> AgreementLine:
    counted = consent.tally(agreement, network.participants)
    last = consent.current_round(agreement)
    positions = last.positions if last else {}
    return AgreementLine(
        text=agreement.text,
        status=agreement.status.value,
        status_label=choice_label(agreement.status),
        outcome=_outcome(agreement, counted),
        rounds=len(agreement.rounds),
        consents=counted.counts[Stance.CONSENT],
        reservation_count=counted.counts[Stance.RESERVATION],
        objection_count=counted.counts[Stance.OBJECTION],
        unanswered=len(counted.missing) if last else 0,
        objections=_notes(positions, counted.objections, names),
        reservations=_notes(positions, counted.reservations, names),
    )


def _notes(
    positions: dict[str, Position], participant_ids: list[str], names: _Names
) -> tuple[StanceNote, ...]:
    notes = [
        StanceNote(
            person=names.label(pid) or _("onbekende deelnemer"),
            stance=positions[pid].stance.value,
            stance_label=choice_label(positions[pid].stance),
            note=positions[pid].note,
        )
        for pid in participant_ids
    ]
    return tuple(sorted(notes, key=lambda n: normalise(n.person)))


def _outcome(agreement: Agreement, counted: consent.ConsentTally) -> str:
    """One sentence: what was decided, in which round, with how many answers."""
    last = consent.current_round(agreement)
    if last is None:
        return _("Nog niet voorgelegd.")
    counts = _counts(counted)
    number = len(agreement.rounds)
    if agreement.status is AgreementStatus.ADOPTED:
        sentence = _("Aangenomen in ronde {round}: {counts}.")
    elif agreement.status is AgreementStatus.REJECTED:
        sentence = _("Verworpen in ronde {round}: {counts}.")
    elif last.text != agreement.text:
        sentence = _("Tekst aangepast na ronde {round}; nog opnieuw voorleggen.")
    elif counted.objections:
        sentence = _("Nog geen besluit in ronde {round}: {counts}.")
    elif counted.missing:
        sentence = ngettext(
            "Ronde {round} loopt: {counts}; {n} deelnemer nog niet geantwoord.",
            "Ronde {round} loopt: {counts}; {n} deelnemers nog niet geantwoord.",
            len(counted.missing),
        )
    else:
        sentence = _("Iedereen akkoord in ronde {round}, de ronde is nog niet gesloten: {counts}.")
    return sentence.format(round=number, counts=counts, n=len(counted.missing))


def _counts(counted: consent.ConsentTally) -> str:
    consents = counted.counts[Stance.CONSENT]
    parts = [ngettext("{n} akkoord", "{n} akkoord", consents).format(n=consents)]
    if reservations := counted.counts[Stance.RESERVATION]:
        parts.append(
            ngettext("{n} bedenking", "{n} bedenkingen", reservations).format(n=reservations)
        )
    if objections := counted.counts[Stance.OBJECTION]:
        parts.append(ngettext("{n} bezwaar", "{n} bezwaren", objections).format(n=objections))
    return ", ".join(parts)


# --- commitments ---------------------------------------------------------------------------------


def _commitment_line(commitment: Commitment, names: _Names, today: date) -> CommitmentLine:
    live = commitment.status in commitments.LIVE
    organisation = commitments.organisation_of(commitment, names.people.values())
    goal = names.goals.get(commitment.goal_id)
    return CommitmentLine(
        id=commitment.id,
        what=commitment.what,
        participant_id=commitment.participant_id
        if commitment.participant_id in names.people
        else "",
        person=names.person(commitment.participant_id),
        organisation=names.organisation(organisation),
        goal=goal.text if goal else "",
        due=commitment.due,
        due_text=long_date(commitment.due),
        status=commitment.status.value,
        status_label=choice_label(commitment.status),
        overdue=bool(live and commitment.due and commitment.due < today),
        carried_over=bool(commitment.carried_from),
        note=commitment.note,
        chain_id=commitment.carried_from or commitment.id,
    )


def _lines(group: list[Commitment], lines: dict[str, CommitmentLine]) -> tuple[CommitmentLine, ...]:
    return tuple(lines[c.id] for c in group)


def _person_groups(
    network: Network, names: _Names, lines: dict[str, CommitmentLine]
) -> tuple[CommitmentGroup, ...]:
    """Per person by name; commitments made on behalf of an organisation last."""
    return tuple(
        CommitmentGroup(
            title=person.name if person else _(NO_PERSON),
            detail=names.organisation(person.organisation_id) if person else "",
            commitments=_lines(group, lines),
            participant_id=person.id if person else "",
        )
        for person, group in commitments.by_person(network)
    )


def _goal_groups(network: Network, lines: dict[str, CommitmentLine]) -> tuple[CommitmentGroup, ...]:
    return tuple(
        CommitmentGroup(
            title=goal.text if goal else _(NO_GOAL), detail="", commitments=_lines(group, lines)
        )
        for goal, group in commitments.by_goal(network)
    )


# --- the rest ------------------------------------------------------------------------------------


def _open_questions(network: Network, found_gaps: analysis.Gaps) -> tuple[OpenQuestion, ...]:
    """Residents' questions no initiative answers: the gaps, with their themes and source.

    The same analysis as the Gaten list (``analysis.gaps``), so the two never disagree: a goal
    that takes a question on has not answered it yet, an initiative on its theme has.
    """
    open_ids = {gap.question_id for gap in found_gaps.questions}
    return tuple(
        OpenQuestion(q.text, tuple(q.themes), q.source)
        for q in network.questions
        if q.id in open_ids
    )


def _agenda_line(item: AgendaItem) -> AgendaLine:
    return AgendaLine(
        phase=item.phase.label,
        planned_minutes=item.planned_minutes,
        spent_minutes=round(item.spent_seconds / 60),
    )
