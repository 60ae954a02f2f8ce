"""Type-ahead for fields that hold a comma-separated list (themes, target groups)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.suggester import Suggester


class ListSuggester(Suggester):
    """Completes the last item of a comma-separated value from a vocabulary.

    The vocabulary is a callable so that words the session adds join it at once.
    """

    def __init__(self, vocabulary: Callable[[], Iterable[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._vocabulary = vocabulary

    async def get_suggestion(self, value: str) -> str | None:
        _head, _, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        for word in self._vocabulary():
            if word.casefold().startswith(typed.casefold()) and word != typed:
                return value[: len(value) - len(typed)] + word
        return None
