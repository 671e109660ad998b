"""KB records: entities and facts, as the store returns them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from analysis.dates import PartialDate

EntityType = Literal["person", "organization", "work", "award", "place", "position", "other"]
ValueType = Literal["entity", "date", "text", "number"]


@dataclass(frozen=True)
class KBEntity:
    """An entity: Wikidata Q-id or a local id ("local:yann-lecun")."""

    id: str
    label: str
    type: EntityType = "other"
    description: str = ""
    aliases: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class KBValue:
    """A typed fact value. ``entity_id`` for entity values, ``date`` for dates, ``text`` otherwise.

    ``text`` always holds a readable form: the entity's label when known, else its id.
    """

    type: ValueType
    text: str
    entity_id: str | None = None
    date: PartialDate | None = None
    number: float | None = None


@dataclass(frozen=True)
class KBFact:
    """One statement about ``subject``: property (Wikidata P-id), value, qualifiers, rank, source.

    Qualifiers are keyed by P-id (P580 start time, P582 end time, P585 point in time,
    P512 academic degree, P642 of, P1706 together with, ...); each holds a tuple of values.
    """

    subject: str
    property: str
    value: KBValue
    source: str
    qualifiers: dict[str, tuple[KBValue, ...]] = field(default_factory=dict)
    rank: Literal["preferred", "normal", "deprecated"] = "normal"
    id: int | None = None

    def qualifier_date(self, pid: str) -> PartialDate | None:
        for v in self.qualifiers.get(pid, ()):
            if v.date is not None:
                return v.date
        return None

    @property
    def start(self) -> PartialDate | None:
        return self.qualifier_date("P580")

    @property
    def end(self) -> PartialDate | None:
        return self.qualifier_date("P582")

    @property
    def point_in_time(self) -> PartialDate | None:
        return self.qualifier_date("P585")
