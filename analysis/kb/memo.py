"""A KB reader that remembers its answers for the length of one article's checks.

Why: the checks ask the KB the same questions many times -- each claim about the subject asks
for the subject's positions, awards, employers again -- about 60 fact lookups an article in
the benchmark corpus, 50 of them repeats, each an SQLite query plus one for its qualifiers.
The KB does not change while an article is checked, so a repeated question gets the first
answer. Scoped to one article (``run_checks``): a KB edited between articles (the review
server's local KB) is read afresh.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from analysis.kb.api import KBReader
from analysis.kb.model import KBEntity, KBFact

_Key = tuple[str, tuple[str, ...] | None]


class MemoKB:
    """``kb`` (a ``KBReader``) with ``facts``, ``facts_with_value`` and ``entity`` remembered;
    everything else is passed through."""

    def __init__(self, kb: KBReader) -> None:
        self._kb = kb
        self._facts: dict[_Key, list[KBFact]] = {}
        self._facts_with_value: dict[_Key, list[KBFact]] = {}
        self._entities: dict[str, KBEntity | None] = {}

    def facts(self, subject: str, properties: Iterable[str] | None = None) -> list[KBFact]:
        key = (subject, None if properties is None else tuple(properties))
        if key not in self._facts:
            self._facts[key] = self._kb.facts(subject, key[1])
        return list(self._facts[key])  # a copy: a caller may sort or extend its list

    def facts_with_value(
        self, entity_id: str, properties: Iterable[str] | None = None
    ) -> list[KBFact]:
        key = (entity_id, None if properties is None else tuple(properties))
        if key not in self._facts_with_value:
            self._facts_with_value[key] = self._kb.facts_with_value(entity_id, key[1])
        return list(self._facts_with_value[key])

    def entity(self, entity_id: str) -> KBEntity | None:
        if entity_id not in self._entities:
            self._entities[entity_id] = self._kb.entity(entity_id)
        return self._entities[entity_id]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._kb, name)


def memoized(kb: KBReader | None) -> KBReader | None:
    """``kb`` remembering its answers (see the module docstring); None stays None."""
    return None if kb is None else MemoKB(kb)  # type: ignore[return-value]
