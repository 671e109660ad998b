"""The read interface every part of the pipeline uses to consult the KB.

``analysis.kb.store.KnowledgeBase`` implements it over SQLite; tests may implement it in memory.
Lookups are by normalised name (``analysis.kb.names.normalize_name``) through an index, so that
their cost does not grow with the size of the KB.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from analysis.kb.model import KBEntity, KBFact


class KBReader(Protocol):
    def entity(self, entity_id: str) -> KBEntity | None:
        """The entity with this id (a redirected id resolves to its target), or None."""

    def candidates(self, names: Iterable[str]) -> dict[str, list[KBEntity]]:
        """Entities whose label or an alias normalises to each of ``names`` (already normalised).

        Names with no match are absent from the result.
        """

    def facts(self, subject: str, properties: Iterable[str] | None = None) -> list[KBFact]:
        """Facts about ``subject`` (deprecated rank excluded), optionally only these P-ids."""

    def facts_with_value(
        self, entity_id: str, properties: Iterable[str] | None = None
    ) -> list[KBFact]:
        """Facts whose value is the entity ``entity_id`` (who created X, who received Y)."""

    @property
    def max_name_tokens(self) -> int:
        """The largest number of whitespace-separated tokens in any normalised label or alias."""

    @property
    def title_tails(self) -> frozenset[str]:
        """The last words, lower case, of names that end in a lower-case word after a capital
        start ("La Vie en rose", "Non, je ne regrette rien"): a name may end there."""

    @property
    def colon_titles(self) -> Mapping[str, frozenset[str]]:
        """Names with a colon: the normalised part before it -> the first words after it
        (``analysis.kb.names.colon_titles``)."""

    @property
    def lowercase_names(self) -> Mapping[str, frozenset[str]]:
        """Names of three words or more opening on a lower-case word or a digit: the first word
        -> the whole names, all normalised (``analysis.kb.names.lowercase_names``)."""

    def stats(self) -> dict[str, int]:
        """Counts: entities, aliases, facts, sources."""
