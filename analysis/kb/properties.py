"""The property map: which Wikidata properties the KB understands, their names and value types.

A data table rather than code, so that adding a property is one line. The YAML facts format
accepts a P-id, a name or an alias; the Wikidata importer keeps only properties listed here
(others are skipped and counted) and only the qualifiers listed in ``QUALIFIERS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PropertyValueType = Literal["entity", "date", "text", "number", "entity_or_text"]


@dataclass(frozen=True)
class Property:
    """One property: P-id, English name, aliases, the type of its values, qualifiers it takes."""

    pid: str
    name: str
    value_type: PropertyValueType
    aliases: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()


_TIME = ("P580", "P582")

PROPERTIES: tuple[Property, ...] = (
    Property("P31", "instance of", "entity"),
    Property("P279", "subclass of", "entity"),
    Property("P569", "date of birth", "date", ("born", "birth date")),
    Property("P570", "date of death", "date", ("died", "death date")),
    Property("P19", "place of birth", "entity", ("birthplace",)),
    Property("P20", "place of death", "entity"),
    Property("P27", "country of citizenship", "entity", ("nationality", "citizenship")),
    Property("P69", "educated at", "entity", ("education", "alma mater"),
             ("P512", "P812", *_TIME, "P585")),
    Property("P184", "doctoral advisor", "entity", ("doctoral adviser",)),
    Property("P185", "doctoral student", "entity"),
    Property("P1066", "student of", "entity"),
    Property("P108", "employer", "entity", ("employed by",), (*_TIME, "P2868", "P794")),
    Property("P39", "position held", "entity_or_text", ("position",), ("P642", *_TIME)),
    Property("P106", "occupation", "entity"),
    Property("P463", "member of", "entity", (), _TIME),
    Property("P54", "member of sports team", "entity", ("sports team", "team"), _TIME),
    Property("P102", "member of political party", "entity", ("political party", "party"),
             _TIME),
    Property("P166", "award received", "entity", ("award",), ("P585", "P1706")),
    Property("P800", "notable work", "entity"),
    Property("P170", "creator", "entity", ("created by",)),
    Property("P50", "author", "entity", ("written by",)),
    Property("P57", "director", "entity", ("directed by",)),
    Property("P86", "composer", "entity", ("composed by", "music by")),
    Property("P178", "developer", "entity", ("developed by",)),
    Property("P61", "discoverer or inventor", "entity", ("inventor", "discoverer")),
    Property("P571", "inception", "date", ("founded", "created", "date of creation")),
    Property("P576", "dissolved", "date", ("dissolved, abolished or demolished date",)),
    Property("P577", "publication date", "date", ("released", "release date")),
    # an event's own date (the 1988 Summer Olympics); as a qualifier it dates a statement
    Property("P585", "point in time", "date", ("date", "when")),
    Property("P112", "founded by", "entity", ("founder",)),
    Property("P159", "headquarters location", "entity", ("headquarters",)),
    Property("P749", "parent organization", "entity", ("parent organisation",)),
    Property("P355", "subsidiary", "entity"),
    Property("P361", "part of", "entity"),
    Property("P527", "has part", "entity", ("has parts",)),
    Property("P155", "follows", "entity", ("predecessor",)),
    Property("P156", "followed by", "entity", ("successor",)),
    Property("P144", "based on", "entity"),
    Property("P1365", "replaces", "entity"),
    Property("P1366", "replaced by", "entity"),
    Property("P138", "named after", "entity"),
    Property("P127", "owned by", "entity", ("owner",), _TIME),
    Property("P1448", "official name", "text"),
    Property("P488", "chairperson", "entity", ("chairman", "chair")),
    Property("P169", "chief executive officer", "entity", ("ceo",)),
    Property("P551", "residence", "entity"),
    Property("P26", "spouse", "entity"),
    Property("P40", "child", "entity"),
    Property("P175", "performer", "entity", ("performed by",)),
    Property("P1344", "participant in", "entity", ("participated in",), (*_TIME, "P585")),
    Property("P1411", "nominated for", "entity", (), ("P585", "P1706")),
    # where a place, building or organisation is: a place check walks up these
    Property("P131", "located in the administrative territorial entity", "entity",
             ("located in",)),
    Property("P276", "location", "entity"),
    Property("P17", "country", "entity"),
)

QUALIFIERS: tuple[Property, ...] = (
    Property("P580", "start time", "date", ("start", "from", "since")),
    Property("P582", "end time", "date", ("end", "until", "to")),
    Property("P585", "point in time", "date", ("date", "when")),
    Property("P512", "academic degree", "entity_or_text", ("degree",)),
    Property("P812", "academic major", "entity_or_text", ("major",)),
    Property("P642", "of", "entity_or_text"),
    Property("P1706", "together with", "entity_or_text", ("with",)),
    Property("P2868", "subject has role", "entity_or_text", ("role",)),
    Property("P794", "as", "entity_or_text"),
    # who held a post before and after: Wikidata puts them on "position held" statements
    Property("P1365", "replaces", "entity_or_text", ("predecessor",)),
    Property("P1366", "replaced by", "entity_or_text", ("successor",)),
)

# Not facts but provenance: the reference URL of a Wikidata statement becomes part of its source.
REFERENCE_URL = "P854"
# Who made a work, seen from the work: author, creator, director, composer, performer,
# developer, producer, screenwriter, architect.
CREATOR_PROPERTIES = ("P50", "P170", "P57", "P86", "P175", "P178", "P162", "P58", "P61")

BY_PID: dict[str, Property] = {p.pid: p for p in PROPERTIES}
QUALIFIER_BY_PID: dict[str, Property] = {q.pid: q for q in QUALIFIERS}

_PID = re.compile(r"^[Pp](\d+)$")


def _key(name: str) -> str:
    return " ".join(name.replace("_", " ").casefold().split())


def _index(table: tuple[Property, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for prop in table:
        for name in (prop.name, *prop.aliases):
            index[_key(name)] = prop.pid
    return index


_BY_NAME = _index(PROPERTIES)
_QUALIFIER_BY_NAME = _index(QUALIFIERS)


def _resolve(name_or_pid: str, by_pid: dict[str, Property], by_name: dict[str, str]) -> str | None:
    text = str(name_or_pid).strip()
    if m := _PID.match(text):
        pid = f"P{int(m[1])}"
        return pid if pid in by_pid else None
    return by_name.get(_key(text))


def is_pid(text: str) -> bool:
    """A Wikidata property id ("P22"), mapped or not."""
    return bool(_PID.match(str(text).strip())) and int(str(text).strip()[1:]) > 0


def resolve_property(name_or_pid: str) -> str | None:
    """The P-id of a mapped property given its P-id, name or alias (case-insensitive), or None."""
    return _resolve(name_or_pid, BY_PID, _BY_NAME)


def resolve_qualifier(name_or_pid: str) -> str | None:
    """The P-id of a mapped qualifier given its P-id, name or alias (case-insensitive), or None."""
    return _resolve(name_or_pid, QUALIFIER_BY_PID, _QUALIFIER_BY_NAME)


def property_name(pid: str) -> str:
    """The readable name of a property or qualifier P-id (the P-id itself when unmapped)."""
    prop = BY_PID.get(pid) or QUALIFIER_BY_PID.get(pid)
    return prop.name if prop else pid
