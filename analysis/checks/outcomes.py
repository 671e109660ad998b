"""What a claim's check concludes: the outcome record and the supported / mismatch outcomes
with their evidence, messages and suggested corrections."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.checks.base import (
    CheckContext,
    claim_date,
    describe_fact,
    evidence_of,
    label_of,
    replace_once,
)
from analysis.checks.kb_match import PredicateSpec, kb_dates, related_entities
from analysis.dates import PartialDate, agrees
from analysis.kb.api import KBReader
from analysis.kb.model import KBFact
from analysis.kb.names import normalize_name
from analysis.models import Claim, Evidence


@dataclass(frozen=True)
class Outcome:
    """One claim's result before it becomes a verdict and maybe a finding."""

    verdict: str
    reason: str = ""
    evidence: tuple[Evidence, ...] = ()
    category: str | None = None
    message: str = ""
    suggestion: str | None = None


_MONTH_OR_DAY_ONLY = re.compile(
    r"^(?:(?:early|late|mid|last|this|next|in|on|that|the)[\s-]+)*(?:(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|"
    r"spring|summer|autumn|fall|winter)$", re.I)  # ("the summer": a season, no year written)


def written_date(ctx: CheckContext, claim: Claim) -> PartialDate | None:
    """The claim's date, unless the article wrote no year for it ("In June she founded ..."
    in a story of 1973 is resolved against the article's date, and proves nothing). A dated
    entry's year ("1914: Marries ... on December 24") counts as written."""
    if claim.time is not None and _MONTH_OR_DAY_ONLY.match(claim.time.text.strip()) and \
            claim.time.value[:4] not in ctx.text[claim.start : claim.end]:
        return None
    return claim_date(claim)


def supported(
    kb: KBReader,
    facts: list[KBFact],
    claimed: PartialDate | None = None,
    known: PartialDate | None = None,
) -> Outcome:
    evidence = tuple(evidence_of(kb, f) for f in facts[:3])
    if claimed is not None and known is not None and claimed.rank > known.rank:
        return Outcome("unverifiable", "KB less precise", evidence)
    return Outcome("supported", "", evidence)


def _where(fact: KBFact) -> str:
    """The organisation of a post ("film critic" of The Spectator), else the post itself."""
    of = fact.qualifiers.get("P642", ())
    return of[0].text if of else fact.value.text


def _named(fact: KBFact) -> str:
    """"film critic of The Spectator": a post with its organisation, when the name lacks it."""
    where = _where(fact)
    return fact.value.text if where in fact.value.text else f"{fact.value.text} of {where}"


def fact_mismatch(
    ctx: CheckContext, kb: KBReader, claim: Claim, known: list[KBFact], by_occasion: bool = False
) -> Outcome:
    """The claimed value is not the KB's. ``by_occasion``: ``known`` are the facts that fit
    the claim's date or degree, so the message can name the right value for that occasion."""
    values = ", ".join(dict.fromkeys(_named(f) for f in known))
    sentence = ctx.text[claim.start : claim.end]
    first = _where(known[0]) if claim.predicate == "position" else known[0].value.text
    suggestion = replace_once(sentence, claim.object or "", first) if len(known) == 1 else None
    if suggestion is not None:
        suggestion = re.sub(r"\b([Tt]he) The ", r"\1 ", suggestion)  # "the The Spectator's"
    what = {
        "studied": "education",
        "joined": "employers",
        "award": "awards",
        "moved": "residences",
        "born": "place of birth",
        "died": "place of death",
        "advisor": "teachers and advisers",
    }.get(claim.predicate, "facts")
    if by_occasion:
        occasion = " ".join(str(x) for x in (claim.qualifiers.get("degree"),
                                             claim.time.text if claim.time else None) if x)
        message = f"The KB gives {values} for this{' (' + occasion + ')' if occasion else ''}, " \
                  f"not {claim.object}"
    else:
        message = f"{claim.object} is not among {claim.subject}'s {what} in the KB ({values})"
    return Outcome(
        "contradicted",
        "KB differs",
        tuple(evidence_of(kb, f) for f in known[:4]),
        "fact_mismatch",
        message,
        suggestion or f"Check {claim.object}: the KB lists {values}.",
    )


def date_mismatch(
    ctx: CheckContext,
    kb: KBReader,
    claim: Claim,
    claimed: PartialDate,
    fact: KBFact,
    known: PartialDate | None,
    *,
    work: str | None = None,
    spec: PredicateSpec | None = None,
    other_fact: KBFact | None = None,
) -> Outcome:
    evidence = [evidence_of(kb, fact)]
    what = label_of(kb, work, claim.object or "") if work else _event_name(claim)
    known_text = known.human() if known else "another date"
    message = f"{what} dates from {known_text}, not {claimed.human()}"
    if other_fact is not None:
        # "2014 is the date of his CEO appointment": the writer borrowed a neighbouring date.
        evidence.append(evidence_of(kb, other_fact))
        message += f" ({claimed.human()} fits another fact: {describe_fact(other_fact, '')[2:]})"
    if work and spec:
        related = _related_with_date(kb, work, spec, claimed)
        if related is not None:
            rel_label, rel_fact = related
            evidence.append(evidence_of(kb, rel_fact))
            message = f"{claimed.human()} is the date of {rel_label}; {what} is from {known_text}"
    sentence = ctx.text[claim.start : claim.end]
    new_date = known.truncate(claimed.precision) if known and claimed.rank < known.rank else known
    suggestion = replace_once(
        sentence, claim.time.text if claim.time else "", new_date.human() if new_date else ""
    )
    return Outcome(
        "contradicted",
        "KB differs",
        tuple(evidence),
        "date_mismatch",
        message,
        suggestion,
    )


def _event_name(claim: Claim) -> str:
    noun = {
        "born": "birth",
        "died": "death",
        "studied": "degree",
        "joined": "start",
        "left": "departure",
        "worked_at": "time",
        "position": "appointment",
        "award": "award",
        "member": "membership",
        "married": "marriage",
        "citizen": "citizenship",
        "moved": "move",
    }.get(claim.predicate, "event")
    obj = f" ({claim.object})" if claim.object else ""
    return f"{claim.subject}'s {noun}{obj}"


def _related_with_date(
    kb: KBReader, work: str, spec: PredicateSpec, claimed: PartialDate
) -> tuple[str, KBFact] | None:
    for other in related_entities(kb, work, derived=True):
        for fact in kb_dates(kb, other, spec.work_dates):
            if fact.value.date and agrees(claimed, fact.value.date):
                return label_of(kb, other, other), fact
    return None


def unlisted_people(kb: KBReader, claimed: list[str], people: list[str | None],
                    firms: bool = False, texts: list[str] | None = None) -> list[str]:
    """The claimed names that none of the KB's people (entity ids) answers to. "Murray" names
    "Bruce Murray": a surname may end a known name. Empty when any KB value is not a person
    ("shared with Bob Fosse's All That Jazz": only people can be told apart from people), or
    with ``firms`` not a person or organisation (makers may be firms: "with Snøhetta").
    ``texts`` are the KB's names for ``people``, for the ones the KB does not hold."""
    entities = [kb.entity(i) if i else None for i in people]
    kinds = ("person", "organization") if firms else ("person",)
    if not entities:
        return []
    if any(e is None or e.type not in kinds for e in entities):
        if any(e is not None and e.type == "work" for e in entities) or None in entities and \
                not any(e is not None and e.type == "person" for e in entities):
            # "shared with Bob Fosse's All That Jazz": a film shares with a film (a name the
            # KB does not hold is of unknown kind, unless the others are people)
            return []
        # "shared with Grace Jones and Playing for Change": a band among them; only a claimed
        # name that the KB knows as a person, and as none of them, is told apart
        known = set(filter(None, people))
        found = kb.candidates([normalize_name(c) for c in claimed])
        # (a known person unlinked in the KB's list may still be named: "with Travis Jackson")
        written = {normalize_name(t) for t in texts or ()}
        return [c for c in claimed if (matches := found.get(normalize_name(c)))
                and all(e.type == "person" and e.id not in known for e in matches)
                and not any(same_name(w, c) for w in written)]
    names = [{normalize_name(n) for n in (e.label, *e.aliases)} for e in entities if e]
    return [c for c in claimed if not any(same_name(k, c) for known in names for k in known)]


def same_name(known: str, claimed: str) -> bool:
    """"Murray" names "Bruce Murray", and "his son Andrea" Andrea Morricone: one word may be the
    surname or the given name (``known`` is normalised already)."""
    # (initials aside: "Edmund S. Muskie" is Edmund Muskie)
    known, name = (" ".join(w for w in n.split() if len(w) > 1) or n
                   for n in (known, normalize_name(claimed)))
    return known == name or known.endswith(" " + name) or (
        " " not in name and known.startswith(name + " "))


def people_mismatch(kb: KBReader, facts: list[KBFact], message: str, listed: str,
                    role: str) -> Outcome:
    return Outcome("contradicted", "KB differs", tuple(evidence_of(kb, f) for f in facts[:4]),
                   "fact_mismatch", message, f"Name the {role} as the KB has them: {listed}.")
