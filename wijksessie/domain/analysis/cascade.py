"""What a deletion touches: the dependents of an entity and the plan that deletes it cleanly."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from wijksessie.domain.analysis.common import name_key
from wijksessie.domain.model import (
    KIND_NOUNS,
    Agreement,
    Connection,
    ConsentRound,
    Entity,
    Goal,
    Initiative,
    Network,
    Organisation,
    Participant,
    ResidentQuestion,
)
from wijksessie.i18n import N_, _

_OTHER_KIND = N_("onderdeel")


@dataclass(frozen=True)
class Dependents:
    """The ids of everything that points at one entity, per kind."""

    participant_ids: tuple[str, ...] = ()
    initiative_ids: tuple[str, ...] = ()
    connection_ids: tuple[str, ...] = ()
    commitment_ids: tuple[str, ...] = ()
    goal_ids: tuple[str, ...] = ()
    agreement_ids: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        """How many entities point at it; 0 means it can go without asking."""
        return sum(map(len, vars(self).values()))


def dependents(network: Network, entity: Entity) -> Dependents:
    """What would be left pointing at nothing if ``entity`` were deleted without care."""
    target = entity.id
    if isinstance(entity, Organisation):
        return Dependents(
            participant_ids=_ids(p for p in network.participants if p.organisation_id == target),
            initiative_ids=_ids(i for i in network.initiatives if i.organisation_id == target),
            connection_ids=_ids(c for c in network.connections if target in (c.org_a, c.org_b)),
            commitment_ids=_ids(c for c in network.commitments if c.organisation_id == target),
            goal_ids=_ids(g for g in network.goals if target in g.coalition),
        )
    if isinstance(entity, Participant):
        return Dependents(
            initiative_ids=_ids(i for i in network.initiatives if _has_contact(i, target)),
            commitment_ids=_ids(c for c in network.commitments if c.participant_id == target),
            goal_ids=_ids(g for g in network.goals if target in g.votes),
            agreement_ids=_ids(a for a in network.agreements if _has_position(a, target)),
        )
    if isinstance(entity, Goal):
        return Dependents(
            commitment_ids=_ids(c for c in network.commitments if c.goal_id == target)
        )
    if isinstance(entity, ResidentQuestion):
        return Dependents(goal_ids=_ids(g for g in network.goals if target in g.question_ids))
    return Dependents()


def _ids(entities: Iterable[Entity]) -> tuple[str, ...]:
    return tuple(entity.id for entity in entities)


def _has_contact(initiative: Initiative, participant_id: str) -> bool:
    return participant_id in (initiative.contact_id, initiative.backup_contact_id)


def _has_position(agreement: Agreement, participant_id: str) -> bool:
    return any(participant_id in round_.positions for round_ in agreement.rounds)


@dataclass(frozen=True)
class Change:
    """One entity rewritten so that it no longer points at what is deleted."""

    before: Entity
    after: Entity
    description: str


@dataclass(frozen=True)
class CascadePlan:
    """Everything one deletion does, for the UI to explain and the store to apply.

    ``removals`` starts with the target itself; ``changes`` hold the rewritten entities (new
    objects, the originals stay untouched); ``description`` is the text in the current
    language, one line each.
    """

    target: Entity
    removals: tuple[Entity, ...]
    changes: tuple[Change, ...]
    description: tuple[str, ...]


def cascade_delete(network: Network, entity: Entity) -> CascadePlan:
    """What deleting ``entity`` must also remove or rewrite so that no id is left dangling.

    An organisation takes its initiatives and connections with it; its people stay, without an
    organisation. A deleted contact person hands the initiative to the backup when there is one.
    """
    names = _names(network)
    removals = [entity, *_removed_with(network, entity)]
    changes = tuple(_changes(network, entity, names))
    lines = [_("{item} wordt verwijderd.").format(item=_first(entity, names))]
    lines += [
        _("Gaat mee weg: {item}.").format(item=_label(removed, names)) for removed in removals[1:]
    ]
    lines += [change.description for change in changes]
    return CascadePlan(entity, tuple(removals), changes, tuple(lines))


def apply_plan(network: Network, plan: CascadePlan) -> Network:
    """The network after the plan: the same entities minus the removals, with the changes."""
    removed = {entity.id for entity in plan.removals}
    changed = {change.before.id: change.after for change in plan.changes}

    def keep(entities: list) -> list:
        return [changed.get(e.id, e) for e in entities if e.id not in removed]

    return replace(
        network,
        questions=keep(network.questions),
        organisations=keep(network.organisations),
        participants=keep(network.participants),
        initiatives=keep(network.initiatives),
        connections=keep(network.connections),
        goals=keep(network.goals),
        agreements=keep(network.agreements),
        commitments=keep(network.commitments),
        parking=keep(network.parking),
    )


def _removed_with(network: Network, entity: Entity) -> list[Entity]:
    if not isinstance(entity, Organisation):
        return []
    initiatives = [i for i in network.initiatives if i.organisation_id == entity.id]
    connections = [c for c in network.connections if entity.id in (c.org_a, c.org_b)]
    return [*sorted(initiatives, key=name_key), *connections]


def _changes(network: Network, entity: Entity, names: dict[str, str]) -> Iterator[Change]:
    if isinstance(entity, Organisation):
        yield from _organisation_changes(network, entity, names)
    elif isinstance(entity, Participant):
        yield from _participant_changes(network, entity, names)
    elif isinstance(entity, Goal):
        for commitment in network.commitments:
            if commitment.goal_id == entity.id:
                text = _("{item} hoort daarna bij geen doel.").format(
                    item=_first(commitment, names)
                )
                yield Change(commitment, replace(commitment, goal_id=""), text)
    elif isinstance(entity, ResidentQuestion):
        for goal in network.goals:
            if entity.id in goal.question_ids:
                ids = [i for i in goal.question_ids if i != entity.id]
                text = _("{item} hoort daarna niet meer bij deze vraag.").format(
                    item=_first(goal, names)
                )
                yield Change(goal, replace(goal, question_ids=ids), text)


def _organisation_changes(
    network: Network, organisation: Organisation, names: dict[str, str]
) -> Iterator[Change]:
    target = organisation.id
    for participant in network.participants:
        if participant.organisation_id == target:
            text = _("{item} hoort daarna bij geen organisatie.").format(
                item=_first(participant, names)
            )
            yield Change(participant, replace(participant, organisation_id=""), text)
    for commitment in network.commitments:
        if commitment.organisation_id == target:
            text = _("{item} staat daarna op geen organisatie.").format(
                item=_first(commitment, names)
            )
            yield Change(commitment, replace(commitment, organisation_id=""), text)
    for goal in network.goals:
        if target in goal.coalition:
            coalition = [member for member in goal.coalition if member != target]
            text = _("{item}: {organisation} gaat uit de coalitie.").format(
                item=_first(goal, names), organisation=organisation.name
            )
            yield Change(goal, replace(goal, coalition=coalition), text)


def _participant_changes(
    network: Network, participant: Participant, names: dict[str, str]
) -> Iterator[Change]:
    target, who = participant.id, participant.name
    for initiative in network.initiatives:
        if _has_contact(initiative, target):
            yield _without_contact(initiative, target, names)
    for commitment in network.commitments:
        if commitment.participant_id == target:
            text = _("{item} staat daarna op niemands naam.").format(item=_first(commitment, names))
            yield Change(commitment, replace(commitment, participant_id=""), text)
    for goal in network.goals:
        if target in goal.votes:
            votes = {voter: n for voter, n in goal.votes.items() if voter != target}
            text = _("{item}: de stemmen van {name} vervallen.").format(
                item=_first(goal, names), name=who
            )
            yield Change(goal, replace(goal, votes=votes), text)
    for agreement in network.agreements:
        if _has_position(agreement, target):
            rounds = [_without_position(round_, target) for round_ in agreement.rounds]
            text = _("{item}: het standpunt van {name} vervalt.").format(
                item=_first(agreement, names), name=who
            )
            yield Change(agreement, replace(agreement, rounds=rounds), text)


def _without_contact(initiative: Initiative, participant_id: str, names: dict[str, str]) -> Change:
    """The backup takes over a deleted contact; a deleted backup simply leaves a gap."""
    label = _first(initiative, names)
    contact, backup = initiative.contact_id, initiative.backup_contact_id
    if backup == participant_id:
        backup = ""
    if contact == participant_id:
        contact, backup = backup, ""
    if contact and contact != initiative.contact_id:
        text = _("{item}: reserve {name} wordt contactpersoon.").format(
            item=label, name=names.get(contact, "?")
        )
    elif not contact:
        text = _("{item} heeft daarna geen contactpersoon.").format(item=label)
    else:
        text = _("{item} heeft daarna geen reserve.").format(item=label)
    return Change(
        initiative, replace(initiative, contact_id=contact, backup_contact_id=backup), text
    )


def _without_position(round_: ConsentRound, participant_id: str) -> ConsentRound:
    positions = {who: p for who, p in round_.positions.items() if who != participant_id}
    return replace(round_, positions=positions)


def _names(network: Network) -> dict[str, str]:
    """Organisation and participant names by id, for the plan's sentences."""
    return {item.id: item.name for item in (*network.organisations, *network.participants)}


def _label(entity: Entity, names: dict[str, str]) -> str:
    """E.g. "initiatief ‘Koffieochtend’" or "verbinding Buurtzorg – Welzijn Oost"."""
    kind = _(KIND_NOUNS.get(type(entity), _OTHER_KIND))
    if isinstance(entity, Connection):
        return f"{kind} {names.get(entity.org_a, '?')} – {names.get(entity.org_b, '?')}"
    title = next((getattr(entity, f) for f in ("name", "text", "what") if hasattr(entity, f)), "")
    short = title if len(title) <= 60 else title[:59].rstrip() + "…"
    return f"{kind} ‘{short}’"


def _first(entity: Entity, names: dict[str, str]) -> str:
    """The label starting a sentence: only its first letter raised, names keep their case."""
    label = _label(entity, names)
    return label[:1].upper() + label[1:]
