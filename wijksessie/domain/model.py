"""The entities of a network session, as typed dataclasses.

Every entity has a stable ``id`` (uuid4 hex) so that links between them survive edits and
follow-up sessions. Choice values are stored as the Dutch words the users speak, so a session
file reads naturally to them; the Python names are English.
"""

from __future__ import annotations

import uuid
from dataclasses import field
from datetime import date
from enum import StrEnum

from wijksessie.domain.record import mutable_record
from wijksessie.i18n import N_, _


def new_id() -> str:
    """A fresh, stable identifier for an entity."""
    return uuid.uuid4().hex


class Phase(StrEnum):
    """The six phases of a session, in order."""

    SESSION = "sessie"
    NETWORK = "wie-doet-wat"
    GOALS = "doelen"
    AGREEMENTS = "afspraken"
    COMMITMENTS = "toezeggingen"
    SUMMARY = "samenvatting"

    @property
    def label(self) -> str:
        """The phase's name as the room reads it."""
        return _(PHASE_LABELS[self])


PHASE_LABELS: dict[Phase, str] = {
    Phase.SESSION: N_("Sessie"),
    Phase.NETWORK: N_("Wie doet wat"),
    Phase.GOALS: N_("Doelen"),
    Phase.AGREEMENTS: N_("Afspraken"),
    Phase.COMMITMENTS: N_("Toezeggingen"),
    Phase.SUMMARY: N_("Samenvatting"),
}

DEFAULT_MINUTES: dict[Phase, int] = {
    Phase.SESSION: 10,
    Phase.NETWORK: 40,
    Phase.GOALS: 25,
    Phase.AGREEMENTS: 25,
    Phase.COMMITMENTS: 25,
    Phase.SUMMARY: 10,
}


class Role(StrEnum):
    """What a participant is in the network."""

    RESIDENT = "bewoner"
    PROFESSIONAL = "professional"
    ADMINISTRATOR = "bestuurder"
    CONNECTOR = "verbinder"


class ConnectionKind(StrEnum):
    """How two organisations relate today."""

    KNOW = "kennen elkaar"
    WORK_TOGETHER = "werken samen"
    WANT_TO = "willen samenwerken"


class AgreementStatus(StrEnum):
    """Where a basic agreement stands."""

    PROPOSED = "voorstel"
    ADOPTED = "aangenomen"
    REJECTED = "verworpen"


class Stance(StrEnum):
    """A participant's answer in a consent round."""

    CONSENT = "akkoord"
    RESERVATION = "bedenking"
    OBJECTION = "bezwaar"


class CommitmentStatus(StrEnum):
    """Where a commitment stands."""

    OPEN = "open"
    BUSY = "bezig"
    DONE = "gedaan"
    DROPPED = "vervallen"


CHOICE_LABELS: dict[str, str] = {
    Role.RESIDENT: N_("bewoner"),
    Role.PROFESSIONAL: N_("professional"),
    Role.ADMINISTRATOR: N_("bestuurder"),
    Role.CONNECTOR: N_("verbinder"),
    ConnectionKind.KNOW: N_("kennen elkaar"),
    ConnectionKind.WORK_TOGETHER: N_("werken samen"),
    ConnectionKind.WANT_TO: N_("willen samenwerken"),
    AgreementStatus.PROPOSED: N_("voorstel"),
    AgreementStatus.ADOPTED: N_("aangenomen"),
    AgreementStatus.REJECTED: N_("verworpen"),
    Stance.CONSENT: N_("akkoord"),
    Stance.RESERVATION: N_("bedenking"),
    Stance.OBJECTION: N_("bezwaar"),
    CommitmentStatus.OPEN: N_("open"),
    CommitmentStatus.BUSY: N_("bezig"),
    CommitmentStatus.DONE: N_("gedaan"),
    CommitmentStatus.DROPPED: N_("vervallen"),
}
"""The stored choice values (all distinct) as people read them; the value stays what is saved."""


def choice_label(value: str) -> str:
    """A stored choice value, e.g. ``"bezig"``, as a label in the current language."""
    label = CHOICE_LABELS.get(value)
    return _(label) if label else value


SECTORS: tuple[str, ...] = (
    "huisartsenzorg",
    "welzijn",
    "thuiszorg",
    "gemeente",
    "woningcorporatie",
    "onderwijs",
    "jeugdzorg",
    "politie",
    "sociaal ondernemer",
    "bewonersinitiatief",
    "GGZ",
    "overig",
)

THEMES: tuple[str, ...] = (
    "eenzaamheid",
    "armoede & schulden",
    "gezondheid",
    "wonen",
    "veiligheid",
    "jeugd",
    "ouderen",
    "werk & participatie",
    "taal",
    "zorg",
    "mantelzorg",
    "ontmoeting",
)


@mutable_record
class AgendaItem:
    """Planned minutes and the real time spent on one phase."""

    phase: Phase
    planned_minutes: int
    spent_seconds: int = 0


def default_agenda() -> list[AgendaItem]:
    """The agenda a new session starts with: every phase with its default minutes."""
    return [AgendaItem(phase, DEFAULT_MINUTES[phase]) for phase in Phase]


@mutable_record
class VoteRound:
    """A voting round that is open: its votes per person, and whether it is blind.

    Kept in the session file while the round runs, so a round that was open when the app
    closed (or crashed) is still open, and still blind, when the session opens again. A blind
    round shows no bars and no totals anywhere (the wall, a second screen, the summary) until
    it closes: the first voters do not steer the last (Loomio #6402).
    """

    blind: bool = False
    budget: int = 3


@mutable_record
class Session:
    """The meeting itself: what, where, when, who leads it and the question it serves."""

    title: str
    wijk: str = ""
    date: date | None = None
    location: str = ""
    facilitator: str = ""
    question: str = ""
    notes: str = ""
    next_date: date | None = None
    previous_session: str = ""
    """The previous session's file name: the link ``over_time`` follows from file to file."""
    previous_title: str = ""
    """The previous session's title and date, as the room knows it (the file may move)."""
    previous_date: date | None = None
    agenda: list[AgendaItem] = field(default_factory=default_agenda)
    vote_round: VoteRound | None = None
    """The voting round that is open now; ``None`` when none is."""
    id: str = field(default_factory=new_id)


@mutable_record
class ResidentQuestion:
    """A question residents actually ask; the network exists to answer these."""

    text: str
    themes: list[str] = field(default_factory=list)
    source: str = ""
    id: str = field(default_factory=new_id)


@mutable_record
class Organisation:
    """A party in the wijk, with its sector and what it needs from the collaboration."""

    name: str
    sector: str = ""
    interests: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@mutable_record
class Participant:
    """A person in the room. Contact details leave the app only with ``share_contact``."""

    name: str
    organisation_id: str = ""
    role: Role = Role.PROFESSIONAL
    email: str = ""
    phone: str = ""
    present: bool = True
    share_contact: bool = False
    id: str = field(default_factory=new_id)


@mutable_record
class Initiative:
    """An activity an organisation runs in the wijk, with a contact and a backup."""

    name: str
    organisation_id: str = ""
    themes: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    description: str = ""
    contact_id: str = ""
    backup_contact_id: str = ""
    id: str = field(default_factory=new_id)


@mutable_record
class Connection:
    """How two organisations relate: know each other, work together, or want to."""

    org_a: str
    org_b: str
    kind: ConnectionKind = ConnectionKind.KNOW
    note: str = ""
    id: str = field(default_factory=new_id)


@mutable_record
class Goal:
    """A shared goal, tied to residents' questions and owned by a coalition."""

    text: str
    themes: list[str] = field(default_factory=list)
    question_ids: list[str] = field(default_factory=list)
    votes: dict[str, int] = field(default_factory=dict)
    coalition: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@mutable_record
class Position:
    """One participant's answer in a consent round, with an optional note."""

    stance: Stance
    note: str = ""


@mutable_record
class ConsentRound:
    """One round of putting an agreement's text to the room."""

    text: str
    positions: dict[str, Position] = field(default_factory=dict)


@mutable_record
class Agreement:
    """A basic agreement and the history of its consent rounds."""

    text: str
    status: AgreementStatus = AgreementStatus.PROPOSED
    rounds: list[ConsentRound] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@mutable_record
class Commitment:
    """A promise: who does what, for which goal, by when."""

    what: str
    participant_id: str = ""
    organisation_id: str = ""
    goal_id: str = ""
    due: date | None = None
    status: CommitmentStatus = CommitmentStatus.OPEN
    note: str = ""
    carried_from: str = ""
    id: str = field(default_factory=new_id)


@mutable_record
class ParkingItem:
    """An idea that came up but is not for now (parkeerplaats)."""

    text: str
    id: str = field(default_factory=new_id)


Entity = (
    ResidentQuestion
    | Organisation
    | Participant
    | Initiative
    | Connection
    | Goal
    | Agreement
    | Commitment
    | ParkingItem
)

KIND_NOUNS: dict[type, str] = {
    ResidentQuestion: N_("vraag"),
    Organisation: N_("organisatie"),
    Participant: N_("deelnemer"),
    Initiative: N_("initiatief"),
    Connection: N_("verbinding"),
    Goal: N_("doel"),
    Agreement: N_("afspraak"),
    Commitment: N_("toezegging"),
    ParkingItem: N_("parkeerplaats-idee"),
}
"""The Dutch word for each kind of entity, for messages that name what changed or goes."""

ENTITY_TYPES: tuple[type, ...] = (
    ResidentQuestion,
    Organisation,
    Participant,
    Initiative,
    Connection,
    Goal,
    Agreement,
    Commitment,
    ParkingItem,
)


@mutable_record
class Network:
    """Everything in one session at one moment: what analysis and summaries read."""

    session: Session
    questions: list[ResidentQuestion] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    parking: list[ParkingItem] = field(default_factory=list)
