"""What every check shares: its inputs, its outputs, and how KB facts become evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from analysis.dates import PartialDate
from analysis.kb.api import KBReader
from analysis.kb.model import KBFact, KBValue
from analysis.kb.properties import property_name
from analysis.models import Claim, Evidence
from analysis.run import Analysis
from analysis.timex import to_partial_date

Severity = str  # "high" | "medium" | "low"


@dataclass(frozen=True)
class CheckContext:
    """The inputs of every check: the analysed article, the KB (may be None) and the as-of date."""

    analysis: Analysis
    kb: KBReader | None
    as_of: date
    # Results several checks need (the subject's birth and death), computed once per article.
    memo: dict[object, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def text(self) -> str:
        return self.analysis.article.text


@dataclass(frozen=True)
class Verdict:
    """A claim's verdict against the KB, with the reason when it is not supported."""

    claim_id: str
    verdict: str  # supported | contradicted | unverifiable
    reason: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A flag before it is numbered: the registry assigns ids once all checks have run."""

    category: str
    severity: Severity
    start: int
    end: int
    message: str
    evidence: tuple[Evidence, ...] = ()
    suggestion: str | None = None
    claim_id: str | None = None


@dataclass
class CheckResult:
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def claim_date(claim: Claim) -> PartialDate | None:
    """The claim's date, when it names a calendar date (not "recently", not a duration)."""
    if claim.time is None or claim.time.type != "DATE" or claim.time.mod in _BOUNDS:
        return None
    return to_partial_date(claim.time)


# "more than four decades ago": a bound on the date, not the date
_BOUNDS = frozenset({"MORE_THAN", "LESS_THAN"})


def kind_text(kb: KBReader, entity_id: str | None) -> str:
    """What the KB says an entity is: its description and its instance-of values, one a line
    ("weekly business magazine", "political party")."""
    entity = kb.entity(entity_id) if entity_id else None
    if entity is None:
        return ""
    kinds = "\n".join(f.value.text for f in kb.facts(entity.id, ("P31",)))
    return f"{entity.description}\n{kinds}"


def value_text(value: KBValue) -> str:
    if value.date is not None:
        return value.date.human()
    return value.text


def describe_fact(fact: KBFact, subject_label: str) -> str:
    """ "LeNet-5: inception 1998", "Yann LeCun: employer Bell Labs (start time 1988, ...)"."""
    quals = []
    for pid, values in fact.qualifiers.items():
        shown = ", ".join(value_text(v) for v in values)
        quals.append(f"{property_name(pid)} {shown}")
    tail = f" ({'; '.join(quals)})" if quals else ""
    return f"{subject_label}: {property_name(fact.property)} {value_text(fact.value)}{tail}"


def evidence_of(kb: KBReader, fact: KBFact) -> Evidence:
    entity = kb.entity(fact.subject)
    label = entity.label if entity else fact.subject
    return Evidence(describe_fact(fact, label), fact.source or "(no source)", fact.subject)


def entity_kind(kb: KBReader, entity_id: str | None) -> str | None:
    """The KB type of an entity (person, organization, work, ...), or None if unknown."""
    entity = kb.entity(entity_id) if entity_id else None
    return entity.type if entity else None


def label_of(kb: KBReader, entity_id: str | None, default: str = "") -> str:
    if not entity_id:
        return default
    entity = kb.entity(entity_id)
    return entity.label if entity else default or entity_id


def replace_once(sentence: str, old: str, new: str) -> str | None:
    """The sentence with ``old`` replaced by ``new`` (first occurrence), or None if absent."""
    if not old or old not in sentence:
        return None
    return sentence.replace(old, new, 1)
