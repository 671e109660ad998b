"""Wikidata value conversion: snaks to KB values, labels in English, entity types from P31.

Snaks are read by the shape of their ``datavalue`` (never their ``datatype``, which older
exports and page-revision JSON omit); entity ids may come as ``id`` or only ``numeric-id``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from analysis.dates import PartialDate
from analysis.kb.model import EntityType, KBValue
from analysis.kb.names import head_noun
from analysis.kb.properties import REFERENCE_URL

REFERENCE_SOURCE = "https://www.wikidata.org/wiki/"

# P31 class -> entity type. The first P31 value found here decides; extend freely.
ENTITY_TYPES: dict[str, EntityType] = {
    "Q5": "person",
    # organisations
    "Q43229": "organization", "Q4830453": "organization", "Q783794": "organization",
    "Q891723": "organization", "Q6881511": "organization", "Q161726": "organization",
    "Q3918": "organization", "Q875538": "organization", "Q902104": "organization",
    "Q31855": "organization", "Q163740": "organization", "Q2385804": "organization",
    "Q1664720": "organization", "Q327333": "organization", "Q7278": "organization",
    "Q215380": "organization", "Q5741069": "organization", "Q1058914": "organization",
    "Q18388277": "organization", "Q2085381": "organization", "Q189004": "organization",
    "Q9826": "organization", "Q15911314": "organization", "Q476028": "organization",
    "Q847017": "organization", "Q48204": "organization",
    # works
    "Q386724": "work", "Q17537576": "work", "Q7725634": "work", "Q571": "work",
    "Q47461344": "work", "Q13442814": "work", "Q11424": "work", "Q5398426": "work",
    "Q7889": "work", "Q482994": "work", "Q134556": "work", "Q7366": "work", "Q7397": "work",
    "Q341": "work", "Q9143": "work", "Q8261": "work", "Q25379": "work", "Q838948": "work",
    "Q1004": "work", "Q3305213": "work", "Q15416": "work", "Q166142": "work",
    # awards
    "Q618779": "award", "Q38033430": "award", "Q4220917": "award", "Q11448906": "award",
    # places
    "Q515": "place", "Q6256": "place", "Q3624078": "place", "Q5119": "place",
    "Q1549591": "place", "Q486972": "place", "Q532": "place", "Q3957": "place",
    "Q35657": "place", "Q1637706": "place", "Q1093829": "place", "Q5107": "place",
    "Q3336843": "place", "Q200250": "place", "Q15284": "place", "Q2221906": "place",
    "Q82794": "place", "Q7275": "place", "Q107390": "place", "Q34876": "place",
    # positions
    "Q4164871": "position", "Q294414": "position",
}

# Wikidata time precision -> PartialDate precision; coarser ones (millennia...) are skipped.
_PRECISIONS = {11: "day", 10: "month", 9: "year", 8: "decade", 7: "century"}
_TIME = re.compile(r"^(?P<sign>[+-]?)0*(?P<y>\d{1,9})-(?P<m>\d\d)-(?P<d>\d\d)T")
_ENTITY_PREFIX = {"item": "Q", "property": "P", "lexeme": "L"}
_ENGLISH = ("en", "en-gb", "en-us", "en-ca")


def entity_type(classes: Iterable[str], properties: Iterable[str] = ()) -> EntityType:
    """The KB type of an item given its P31 classes, else what its own properties say (a
    date of birth makes a person whatever class P31 names); "other" when neither tells."""
    for qid in classes:
        if qid in ENTITY_TYPES:
            return ENTITY_TYPES[qid]
    present = set(properties)
    for etype, marks in TYPE_BY_PROPERTIES:
        if present & marks:
            if etype == "work" and not present & marks - _SERIES and present & _EVENT_DATES:
                return "other"  # one edition of a series of events (the 1960 Olympics)
            return etype
    return "other"


_SERIES = frozenset({"P155", "P156"})
_EVENT_DATES = frozenset({"P571", "P576", "P580", "P582", "P585"})


# The head noun of a description names the kind of thing ("cultural prize of the city of
# Frankfurt", "1997 film directed by ..."): the last resort when P31 and the properties say nothing.
TYPE_BY_HEAD_NOUN: dict[str, EntityType] = {
    **dict.fromkeys("prize award medal honour honor decoration laureateship".split(), "award"),
    **dict.fromkeys("university college school institute company corporation society academy "
                    "foundation association club team party agency organisation organization "
                    "laboratory museum orchestra band firm studio publisher".split(),
                    "organization"),
    **dict.fromkeys("novel book film album song play opera poem painting magazine newspaper "
                    "journal series memoir documentary symphony essay collection".split(),
                    "work"),
    **dict.fromkeys("city town village country state province river mountain island region "
                    "county district capital".split(), "place"),
}


# A class item the file defines itself, by its label ("human", "city", "film")
TYPE_BY_CLASS_LABEL: dict[str, EntityType] = {
    "human": "person", "person": "person", **TYPE_BY_HEAD_NOUN}


def type_from_description(description: str) -> EntityType:
    return TYPE_BY_HEAD_NOUN.get(head_noun(description) or "", "other")


# Properties that only a person, organisation, work or place has, in that order of trust.
TYPE_BY_PROPERTIES: tuple[tuple[EntityType, frozenset[str]], ...] = (
    ("person", frozenset({"P569", "P570", "P19", "P20", "P27", "P106", "P69", "P184", "P26"})),
    ("organization", frozenset({"P159", "P112", "P169", "P488", "P749", "P355"})),
    ("work", frozenset({"P577", "P50", "P170", "P178", "P57", "P86", "P175", "P155", "P156"})),
    ("place", frozenset({"P17", "P131", "P625"})),
)
# Entities of unknown type take the type their use as a value implies.
TYPE_BY_USE: tuple[tuple[EntityType, tuple[str, ...]], ...] = (
    ("award", ("P166",)),
    ("organization", ("P69", "P108", "P463")),
    ("place", ("P19", "P20", "P131", "P159", "P551")),
    ("work", ("P800",)),
    ("person", ("P184", "P185", "P1066", "P26", "P170", "P61", "P112", "P169")),
)


def wikidata_date(value: dict[str, Any]) -> PartialDate | None:
    """A Wikidata time value as a PartialDate; None for BCE, far-future or coarse precision.

    Month or day "00" lowers the precision (Wikidata's way of saying unknown).
    """
    m = _TIME.match(str(value.get("time", "")))
    precision = _PRECISIONS.get(int(value.get("precision", 11) or 0))
    if not m or m["sign"] == "-" or precision is None:
        return None
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not 1 <= year <= 9999:
        return None
    if precision in ("decade", "century"):
        return PartialDate(year, precision="year").truncate(precision)
    if precision == "year" or month == 0:
        return PartialDate(year)
    if precision == "month" or day == 0:
        return PartialDate(year, month, precision="month")
    return PartialDate(year, month, day, "day")


def _entity_id(value: dict[str, Any]) -> str | None:
    if value.get("id"):
        return str(value["id"])
    if "numeric-id" in value:
        return f"{_ENTITY_PREFIX.get(value.get('entity-type', 'item'), 'Q')}{value['numeric-id']}"
    return None


def snak_value(snak: dict[str, Any]) -> KBValue | str:
    """A snak's value, or the reason it was skipped (counted by the importer)."""
    snaktype = snak.get("snaktype", "value")
    if snaktype != "value":
        return str(snaktype)
    datavalue = snak.get("datavalue") or {}
    value = datavalue.get("value")
    if isinstance(value, str):
        return KBValue("text", value)
    if not isinstance(value, dict):
        return "unsupported value"
    if "numeric-id" in value or "entity-type" in value or datavalue.get("type") == (
        "wikibase-entityid"
    ):
        eid = _entity_id(value)
        return KBValue("entity", eid, entity_id=eid) if eid else "unsupported value"
    if "time" in value:
        date = wikidata_date(value)
        return KBValue("date", str(date), date=date) if date else "unsupported date"
    if "amount" in value:
        try:
            number = float(value["amount"])
        except (TypeError, ValueError):
            return "unsupported value"
        return KBValue("number", str(value["amount"]).lstrip("+"), number=number)
    if "text" in value:
        return KBValue("text", str(value["text"]))
    return "unsupported value"


def _pick(by_language: Any) -> str:
    if not isinstance(by_language, dict) or not by_language:
        return ""
    for lang in (*_ENGLISH, *sorted(k for k in by_language if k.startswith("en-")), "mul",
                 *sorted(by_language)):
        entry = by_language.get(lang)
        if isinstance(entry, dict) and entry.get("value"):
            return str(entry["value"])
    return ""


def labels_of(obj: dict[str, Any], qid: str) -> tuple[str, tuple[str, ...], str]:
    """Label, aliases and description in English (en, en-*, then mul), else any language.

    English variant labels that differ from the label become aliases too.
    """
    labels = obj.get("labels") or {}
    label = _pick(labels) or qid
    names: list[str] = []
    english = [k for k in (labels if isinstance(labels, dict) else {}) if k.startswith("en")]
    names += [labels[k].get("value", "") for k in sorted(english) if isinstance(labels[k], dict)]
    aliases = obj.get("aliases") or {}
    if isinstance(aliases, dict):
        for lang in sorted(aliases, key=lambda k: (k != "en", k)):
            if lang.startswith("en") or lang == "mul":
                names += [a.get("value", "") for a in aliases[lang] or () if isinstance(a, dict)]
    unique = tuple(n for n in dict.fromkeys(names) if n and n != label)
    return label, unique, _pick(obj.get("descriptions"))


def statement_source(qid: str, pid: str, statement: dict[str, Any]) -> str:
    """The statement's page on Wikidata, plus the first reference URL (P854) it cites."""
    source = f"{REFERENCE_SOURCE}{qid}#{pid}"
    for reference in statement.get("references") or ():
        for snak in (reference.get("snaks") or {}).get(REFERENCE_URL, ()):
            value = snak_value(snak)
            if not isinstance(value, str) and value.type == "text":
                return f"{source}; {value.text}"
    return source
