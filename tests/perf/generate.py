"""Seeded, realistic networks of three sizes for the benchmark.

The benchmark must compare like with like from run to run and machine to machine, so every
name, id, date and link comes from one ``random.Random(seed)``: the same size and seed give the
same ``Network``. The texts are built from a Dutch vocabulary of activities, target groups and
places, so overlap analysis meets the near-duplicates a real wijk has, not random noise.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from wijksessie.domain.model import (
    SECTORS,
    THEMES,
    Agreement,
    AgreementStatus,
    Commitment,
    CommitmentStatus,
    Connection,
    ConnectionKind,
    ConsentRound,
    Goal,
    Initiative,
    Network,
    Organisation,
    ParkingItem,
    Participant,
    Position,
    ResidentQuestion,
    Role,
    Session,
    Stance,
)
from wijksessie.services.sessions import write_network

SESSION_DATE = date(2026, 3, 12)
"""A fixed day, so due dates and 'overdue' flags do not drift with the calendar."""


@dataclass(frozen=True)
class Size:
    """How many of each entity a generated session holds."""

    organisations: int
    participants: int
    initiatives: int
    commitments: int
    agreements: int
    round_people: int
    questions: int
    goals: int
    connections: int
    parking: int

    def times(self, factor: int) -> Size:
        """Every count multiplied, except the people in one consent round: that is a room."""
        counts = {name: getattr(self, name) * factor for name in self.__dataclass_fields__}
        counts["round_people"] = self.round_people
        return Size(**counts)


SMALL = Size(10, 20, 15, 30, 5, round_people=10, questions=5, goals=5, connections=12, parking=5)
LARGE = Size(
    40, 300, 500, 1000, 80, round_people=30, questions=40, goals=30, connections=80, parking=30
)
SIZES: dict[str, Size] = {"small": SMALL, "large": LARGE, "huge": LARGE.times(10)}
CITY_SESSION = Size(
    8, 60, 100, 400, 5, round_people=10, questions=10, goals=5, connections=15, parking=3
)
"""One of the city's sessions: fifty make 400 organisations, 3,000 people, 5,000 initiatives
and 20,000 commitments, the scale of issue 18's network over time."""
CITY_CHAIN = 5
"""Sessions per wijk: each follows the one before it (``previous_session``)."""


def _words(text: str) -> tuple[str, ...]:
    """A vocabulary written as ``"a|b|c"``: compact to read, one tuple to choose from."""
    return tuple(text.split("|"))


_FIRST = _words(
    "Anna|Bram|Chantal|Daan|Esra|Fatima|Gert|Hanneke|Ibrahim|Jolien|Kees|Lotte|Mohamed|"
    "Noor|Olga|Pieter|Rachida|Sven|Tamara|Umut|Vera|Wim|Yara|Zeynep|Ahmed|Bas|Cor|Dewi|Els|"
    "Frank|Gijs|Hatice|Ilse|Jan|Karin|Luuk|Mila|Nadia|Orlando|Priya"
)
_LAST = _words(
    "de Vries|Jansen|Bakker|el Amrani|Yilmaz|van Dijk|Visser|Smit|Meijer|de Boer|Mulder|"
    "de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Kaya|"
    "Öztürk|Bouzid|Wijaya|Tahiri|van der Berg|Koster|Prins|Huisman"
)
_ORG_KINDS = _words(
    "Welzijn|Huisartsenpraktijk|Thuiszorg|Wijkteam|Woonstichting|Basisschool|Jeugdhuis|"
    "Buurtpolitie|Stichting|Bewonersgroep|GGZ-team|Buurthuis|Voedselbank|Taalhuis|"
    "Sportclub"
)
_PLACES = _words(
    "Oost|West|Noord|Zuid|De Linde|Het Anker|De Brug|Kruidenbuurt|Bloemenwijk|De Horst|"
    "Het Plein|De Gaarde|Rivierenbuurt|De Esch|Molenkwartier"
)
_ACTIVITIES = _words(
    "Koffieochtend|Inloopspreekuur|Taalcafé|Huiswerkklas|Wandelgroep|Buurtmaaltijd|"
    "Schuldhulpspreekuur|Mantelzorgcafé|Beweegles|Repair Café|Computerhulp|Kookclub|"
    "Budgetcursus|Ontmoetingsmiddag|Sportinstuif|Voorleesuur|Klussendienst|Belcirkel|"
    "Moestuin|Formulierenhulp"
)
_GROUPS = _words(
    "ouderen|jongeren|kinderen|nieuwkomers|mantelzorgers|alleenstaande ouders|"
    "statushouders|mensen met schulden|werkzoekenden|buurtbewoners"
)
_INTERESTS = _words("bereik|vrijwilligers|zichtbaarheid|minder dubbel werk|signalen")
_VERBS = _words(
    "ontmoeten elkaar|krijgen hulp bij|leren over|praten over|werken samen aan|doen mee met"
)
_TOPICS = _words(
    "geldzaken|gezondheid|de buurt|eenzaamheid|taal|bewegen|opvoeden|wonen|werk|formulieren"
)


def new_id(rng: random.Random) -> str:
    """A uuid4-shaped id drawn from the seeded generator, so reruns give the same ids."""
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def generate(size: str | Size, seed: int = 7) -> Network:
    """The network of one size (``"small"``, ``"large"``, ``"huge"`` or a ``Size``)."""
    counts = SIZES[size] if isinstance(size, str) else size
    name = size if isinstance(size, str) else "eigen"
    return _Builder(counts, random.Random(f"{name}:{seed}")).network(name)


def write_session(path: Path, size: str | Size, seed: int = 7) -> Path:
    """Generate a network and save it as a session file through the app's own store."""
    write_network(path, generate(size, seed)).close()
    return path


def copy_sessions(template: Path, folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` session files in ``folder`` that differ from ``template`` in title and date.

    Written as plain JSON (not through the store) because only the start screen reads them:
    a thousand files in well under a second.
    """
    rng = random.Random(seed)
    data = json.loads(template.read_text(encoding="utf-8"))
    doc = data["session"]["1"]
    paths = []
    for number in range(count):
        when = SESSION_DATE - timedelta(days=rng.randrange(3650))
        doc.update(title=f"Netwerksessie {number + 1}", date=when.isoformat(), id=new_id(rng))
        path = folder / f"{when.isoformat()}-netwerksessie-{number + 1}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


def new_entity(kind: type, network: Network, number: int) -> Any:
    """A fresh, valid entity of ``kind`` linked into ``network``: what 'add' types in.

    The key-press benchmark adds one of these per measured table; a new table kind needs a
    branch here and a line in the benchmark's table list, nothing else.
    """
    organisation = network.organisations[number % len(network.organisations)].id
    if kind is Participant:
        return Participant(f"Nieuwe deelnemer {number}", organisation_id=organisation)
    if kind is Organisation:
        return Organisation(f"Nieuwe organisatie {number}", sector="overig")
    if kind is Initiative:
        return Initiative(f"Nieuw initiatief {number}", organisation_id=organisation)
    if kind is Commitment:
        person = network.participants[number % len(network.participants)]
        return Commitment(
            f"Nieuwe toezegging {number}",
            participant_id=person.id,
            organisation_id=person.organisation_id,
            due=SESSION_DATE + timedelta(days=14),
        )
    raise TypeError(f"no generator for {kind.__name__}")


@dataclass
class _Builder:
    """Builds one network; methods run in the order links need (organisations first)."""

    size: Size
    rng: random.Random
    net: Network = field(init=False)

    def network(self, name: str) -> Network:
        self.net = Network(
            Session(
                f"Benchmark {name}",
                wijk="Teststad-Oost",
                date=SESSION_DATE,
                location="Buurthuis De Linde",
                facilitator="Fatima el Amrani",
                question="Hoe vinden bewoners met geldzorgen en eenzaamheid sneller hulp?",
                next_date=SESSION_DATE + timedelta(days=91),
            )
        )
        for step in (
            self._questions,
            self._organisations,
            self._participants,
            self._initiatives,
            self._connections,
            self._goals,
            self._agreements,
            self._commitments,
            self._parking,
        ):
            step()
        return self.net

    def _id(self) -> str:
        return new_id(self.rng)

    def _themes(self, most: int = 3) -> list[str]:
        return self.rng.sample(THEMES, self.rng.randint(1, most))

    def _questions(self) -> None:
        for number in range(self.size.questions):
            topic = self.rng.choice(_TOPICS)
            self.net.questions.append(
                ResidentQuestion(
                    f"Waar kan ik terecht met vragen over {topic}? ({number + 1})",
                    themes=self._themes(2),
                    source=self.rng.choice(["spreekuur", "huisbezoek", "buurtapp", "enquête"]),
                    id=self._id(),
                )
            )

    def _organisations(self) -> None:
        for number in range(self.size.organisations):
            kind, place = self.rng.choice(_ORG_KINDS), self.rng.choice(_PLACES)
            self.net.organisations.append(
                Organisation(
                    f"{kind} {place} {number + 1}",
                    sector=self.rng.choice(SECTORS),
                    interests=self.rng.sample(_INTERESTS, 2),
                    id=self._id(),
                )
            )

    def _participants(self) -> None:
        for number in range(self.size.participants):
            first, last = self.rng.choice(_FIRST), self.rng.choice(_LAST)
            organisation = self.rng.choice(self.net.organisations)
            mail = f"{first}.{number}@voorbeeld.nl".lower()
            self.net.participants.append(
                Participant(
                    f"{first} {last} {number + 1}",
                    organisation_id=organisation.id,
                    role=self.rng.choice(list(Role)),
                    email=mail if self.rng.random() < 0.7 else "",
                    phone=f"06-{self.rng.randrange(10**8):08d}" if self.rng.random() < 0.5 else "",
                    present=self.rng.random() < 0.8,
                    share_contact=self.rng.random() < 0.5,
                    id=self._id(),
                )
            )

    def _initiatives(self) -> None:
        people = self.net.participants
        for number in range(self.size.initiatives):
            activity, group = self.rng.choice(_ACTIVITIES), self.rng.choice(_GROUPS)
            contact = self.rng.choice(people)
            backup = self.rng.choice(people) if self.rng.random() < 0.6 else None
            self.net.initiatives.append(
                Initiative(
                    f"{activity} voor {group} {self.rng.choice(_PLACES)} {number + 1}",
                    organisation_id=contact.organisation_id,
                    themes=self._themes(),
                    target_groups=self.rng.sample(_GROUPS, self.rng.randint(1, 2)),
                    description=self._description(group),
                    contact_id=contact.id,
                    backup_contact_id=backup.id if backup and backup is not contact else "",
                    id=self._id(),
                )
            )

    def _description(self, group: str) -> str:
        verbs = _VERBS
        parts = [
            f"{group.capitalize()} {self.rng.choice(verbs)} {self.rng.choice(_TOPICS)}",
            f"elke {self.rng.choice(['maandag', 'dinsdag', 'woensdag', 'donderdag'])}",
            f"in {self.rng.choice(_PLACES)}",
        ]
        return " ".join(parts) + "."

    def _connections(self) -> None:
        organisations = self.net.organisations
        seen: set[frozenset[str]] = set()
        while len(self.net.connections) < self.size.connections:
            a, b = self.rng.sample(organisations, 2)
            pair = frozenset((a.id, b.id))
            if pair in seen:
                continue
            seen.add(pair)
            self.net.connections.append(
                Connection(a.id, b.id, kind=self.rng.choice(list(ConnectionKind)), id=self._id())
            )

    def _goals(self) -> None:
        people = self.net.participants
        for number in range(self.size.goals):
            voters = self.rng.sample(people, min(len(people), 30))
            self.net.goals.append(
                Goal(
                    f"Samen {self.rng.choice(_TOPICS)} aanpakken in {self.rng.choice(_PLACES)} "
                    f"(doel {number + 1})",
                    themes=self._themes(2),
                    question_ids=[q.id for q in self.rng.sample(self.net.questions, 1)],
                    votes={p.id: self.rng.randint(0, 3) for p in voters[: self.rng.randint(0, 30)]},
                    coalition=[o.id for o in self.rng.sample(self.net.organisations, 3)],
                    id=self._id(),
                )
            )

    def _agreements(self) -> None:
        for number in range(self.size.agreements):
            text = f"We verwijzen warm door binnen twee werkdagen (afspraak {number + 1})"
            rounds = [self._round(text) for _ in range(self.rng.randint(1, 2))]
            status = self.rng.choice(list(AgreementStatus))
            self.net.agreements.append(Agreement(text, status=status, rounds=rounds, id=self._id()))

    def _round(self, text: str) -> ConsentRound:
        people = self.rng.sample(self.net.participants, self.size.round_people)
        stances = self.rng.choices(list(Stance), weights=(8, 2, 1), k=len(people))
        notes = ("", "", "", "graag eerst evalueren", "wie betaalt dit?")
        return ConsentRound(
            text,
            positions={
                p.id: Position(stance, note=self.rng.choice(notes))
                for p, stance in zip(people, stances, strict=True)
            },
        )

    def _commitments(self) -> None:
        for number in range(self.size.commitments):
            person = self.rng.choice(self.net.participants)
            goal = self.rng.choice(self.net.goals) if self.rng.random() < 0.8 else None
            self.net.commitments.append(
                Commitment(
                    f"{self.rng.choice(_ACTIVITIES)} regelen met {self.rng.choice(_GROUPS)} "
                    f"({number + 1})",
                    participant_id=person.id,
                    organisation_id=person.organisation_id,
                    goal_id=goal.id if goal else "",
                    due=SESSION_DATE + timedelta(days=self.rng.randint(-30, 120)),
                    status=self.rng.choice(list(CommitmentStatus)),
                    note=self.rng.choice(["", "", "met de wijkagent", "na de zomer"]),
                    id=self._id(),
                )
            )

    def _parking(self) -> None:
        for number in range(self.size.parking):
            topic = self.rng.choice(_TOPICS)
            self.net.parking.append(ParkingItem(f"Later: {topic} ({number + 1})", id=self._id()))


def write_city(folder: Path, sessions: int = 50, seed: int = 7) -> list[Path]:
    """``sessions`` session files of one city in ``folder``, in chains of ``CITY_CHAIN`` per wijk.

    Written as plain JSON in the store's format (the store's own writing of fifty sessions
    takes ten seconds and is not what is measured). Names repeat across sessions the way the
    generator draws them, so the matching of organisations and people has work to do.
    """
    from wijksessie.domain.codec import to_dict
    from wijksessie.store.session_store import TABLES, new_file_data

    paths = []
    for number in range(sessions):
        network = generate(CITY_SESSION, seed=seed * 1000 + number)
        wijk, step = divmod(number, CITY_CHAIN)
        network.session.title = f"Sessie {number + 1}"
        network.session.wijk = f"Wijk {wijk + 1}"
        network.session.date = SESSION_DATE + timedelta(days=60 * step + wijk)
        network.session.next_date = None
        network.session.previous_session = f"stad-{number:02d}.json" if step else ""
        data = new_file_data(network.session)
        for table in TABLES.values():
            entities = getattr(network, _NETWORK_FIELDS[table])
            data[table] = {str(i + 1): to_dict(entity) for i, entity in enumerate(entities)}
        path = folder / f"stad-{number + 1:02d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


_NETWORK_FIELDS = {
    "resident_questions": "questions",
    "organisations": "organisations",
    "participants": "participants",
    "initiatives": "initiatives",
    "connections": "connections",
    "goals": "goals",
    "agreements": "agreements",
    "commitments": "commitments",
    "parking": "parking",
}
