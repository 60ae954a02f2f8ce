"""The short names of changes that the undo toast shows: "organisatie ‘Welzijn Zuid’ toegevoegd".

A name is made when the change is made, in the language current then, and kept with the undo
step; nothing here reads or writes the session file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wijksessie.domain.model import KIND_NOUNS, Connection
from wijksessie.i18n import N_, _

LABEL_LENGTH = 40

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "toegevoegd": (N_("{noun} ‘{label}’ toegevoegd"), N_("{noun} toegevoegd")),
    "gewijzigd": (N_("{noun} ‘{label}’ gewijzigd"), N_("{noun} gewijzigd")),
    "verwijderd": (N_("{noun} ‘{label}’ verwijderd"), N_("{noun} verwijderd")),
}
"""The undo step's name per verb ``describe`` knows (the verb is the Dutch key), with and
without a label, so that each language can put the words in its own order."""
_OTHER_NOUN = N_("item")


def describe(entity: Any, verb: str, organisation_name: Callable[[str], str]) -> str:
    """A short name for a change of ``entity``, in the current language.

    ``verb`` is one of the Dutch keys of ``DESCRIPTIONS``; another verb is put after the name as
    it is. ``organisation_name`` looks up an organisation's name by id, for a connection, whose
    own fields are two ids.
    """
    noun = _(KIND_NOUNS.get(type(entity), _OTHER_NOUN))
    label = shorten(_label(entity, organisation_name))
    if verb in DESCRIPTIONS:
        with_label, without = DESCRIPTIONS[verb]
        return (_(with_label) if label else _(without)).format(noun=noun, label=label)
    return f"{noun} ‘{label}’ {verb}" if label else f"{noun} {verb}"


def _label(entity: Any, organisation_name: Callable[[str], str]) -> str:
    if isinstance(entity, Connection):
        names = [organisation_name(org_id) for org_id in (entity.org_a, entity.org_b)]
        return " – ".join(name for name in names if name)
    for attribute in ("name", "text", "what"):
        value = getattr(entity, attribute, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def shorten(text: str) -> str:
    """At most ``LABEL_LENGTH`` characters, cut between words where that keeps most of it."""
    text = " ".join(text.split())
    if len(text) <= LABEL_LENGTH:
        return text
    cut = text[: LABEL_LENGTH - 1]
    head, _, _ = cut.rpartition(" ")
    return (head if len(head) > LABEL_LENGTH // 2 else cut).rstrip(" ,.;:") + "…"
