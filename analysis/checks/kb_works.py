"""Claims about works and organisations: their dates, and who made or founded them."""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, entity_kind, evidence_of, kind_text
from analysis.checks.kb_match import PredicateSpec, kb_dates, related_entities
from analysis.checks.outcomes import (
    Outcome,
    date_mismatch,
    people_mismatch,
    supported,
    unlisted_people,
    written_date,
)
from analysis.dates import PartialDate, agrees
from analysis.kb.api import KBReader
from analysis.kb.kinds import KIND_OF_WORD
from analysis.kb.model import KBFact
from analysis.kb.names import normalize_name
from analysis.models import Claim
from analysis.vocabulary import PERIODICAL


def verify_work(ctx: CheckContext, kb: KBReader, claim: Claim, spec: PredicateSpec) -> Outcome:
    work = claim.object_kb_id or (
        claim.subject_kb_id if claim.predicate == "released"
        and entity_kind(kb, claim.subject_kb_id) != "organization" else None)
    if work is None:
        # "the Nobel Assembly announced that ...": an organisation that announces is not
        # itself released
        return Outcome("unverifiable", "no work named" if claim.subject_kb_id else
                       "entity not linked")
    if claim.predicate == "released" and PERIODICAL.search(kind_text(kb, work)):
        # "an essay published in Bloomberg Businessweek on 30 October 2014": the date is the
        # issue's; the magazine itself is much older
        return Outcome("unverifiable", "a periodical's issue")
    agent = _agent_problem(ctx, kb, claim, work, spec) or _partner_problem(
        ctx, kb, claim, work, spec)
    if agent is not None:
        return agent
    claimed = written_date(ctx, claim)
    dated = kb_dates(kb, work, spec.work_dates)
    if claimed is None:
        creators = kb.facts(work, spec.agents)
        return supported(kb, creators) if creators else Outcome("unverifiable", "property absent")
    if not dated:
        return Outcome("unverifiable", "no date in the KB")
    if any(agrees(claimed, f.value.date) for f in dated):  # type: ignore[arg-type]
        return supported(kb, dated, claimed, dated[0].value.date)
    if claim.qualifiers.get("verb") in _BEGUN and not _FIRST_ISSUE.search(
            ctx.text, claim.start, claim.end) and all(
            f.value.date is not None and f.value.date.year > claimed.year for f in dated):
        # "Mahler began the Resurrection Symphony in 1888" (1895): work begun before it was done
        return Outcome("unverifiable", "KB less precise")
    if claim.qualifiers.get("verb") in _LATER_RENDERINGS and not _RECORDING.search(
            kind_text(kb, work)) and all(
            f.value.date is not None and f.value.date.year < claimed.year for f in dated):
        # "In July 1932 he recorded the Violin Concerto" (1910): a later recording of it
        return Outcome("unverifiable", "KB less precise")
    newly = [f for f in dated if claim.qualifiers.get("verb") == "newly" and f.value.date
             and 0 <= claimed.year - f.value.date.year <= _NEWLY_YEARS]
    if newly:  # "In 1933 he moved to the newly founded X": X is from 1931
        return supported(kb, newly, claimed, newly[0].value.date)
    version = _named_version(ctx, kb, claim, work, spec, claimed) or _namesake_dated(
        ctx, kb, claim, work, spec, claimed)
    if version is not None:
        return supported(kb, [version], claimed, version.value.date)
    published = _PUBLISHED.search(ctx.text, claim.start, claim.end) is not None
    borrowed = any(f.value.date and agrees(claimed, f.value.date)
                   for other in related_entities(kb, work, derived=True)
                   for f in kb_dates(kb, other, spec.work_dates))
    # ("the cycle she composed between 1935 and 1940": years of writing, told as a span)
    last = claim.time.end_value if claim.time is not None else None
    span = last is not None and last[:4].isdigit() and all(
        f.value.date is not None and f.value.date.year > int(last[:4]) for f in dated)
    if claim.qualifiers.get("verb") in _WRITING and not borrowed and all(
            f.property == "P577" and (f.value.date.year == claimed.year + 1  # type: ignore[union-attr]
                                      or (published or span)
                                      and f.value.date.year > claimed.year)  # type: ignore[union-attr]
            for f in dated):
        # "in Brixton prison, where he wrote Introduction to Mathematical Philosophy" (1918):
        # written the year before the KB's publication date, which says nothing of the
        # writing; or long before, when the sentence tells the publication apart ("a sequence
        # written in 1927, ... published in 1961"). Not a year the KB gives a related work
        # ("wrote the piece in 1966", the year of Eclipse, which it follows).
        return Outcome("unverifiable", "KB less precise")
    return date_mismatch(
        ctx, kb, claim, claimed, dated[0], dated[0].value.date, work=work, spec=spec
    )


# Verbs of starting a work, which may come any time before it was finished
_BEGUN = frozenset({"begin", "start", "commence"})
# ... unless it is its publication that began: "Dragon Ball begins its serialisation"
_FIRST_ISSUE = re.compile(r"\b(?:beg[ia]ns?|started|starts?|commenced?s?)\s+(?:its|their)\s+"
                          r"(?:serialisation|serialization|run|publication|broadcast)", re.I)
# Verbs of rendering a work, which may come any time after it was made
_LATER_RENDERINGS = frozenset({"record", "perform", "conduct", "revive", "rerecord"})
# A record itself, whose release follows its recording
_RECORDING = re.compile(r"\b(?:album|single|record|recording|EP|LP)\b", re.I)
# Verbs of making a text or a score, which precede its publication
_WRITING = frozenset({"write", "compose", "finish", "complete", "draft"})
_PUBLISHED = re.compile(r"\b(?:published|appeared|came out|printed)\b", re.I)


# How old a thing may be and still be "newly founded" at the date of the event told
_NEWLY_YEARS = 3


def _named_version(
    ctx: CheckContext, kb: KBReader, claim: Claim, work: str, spec: PredicateSpec,
    claimed: PartialDate,
) -> KBFact | None:
    """"Sapiens first appeared in Hebrew in 2011": the date is right for the related version the
    sentence names by a word of its own ("A Brief History of Humankind (Hebrew edition)").

    The word, capitalised in the sentence, must not be in the work's own names ("LeNet" is in
    "LeNet-5"), nor part of a linked name in the sentence ("B, derived from BCPL, in 1967"
    names the predecessor to set it apart: the date is still B's, and wrong).
    """
    entity = kb.entity(work)
    if entity is None:
        return None
    own = " ".join(normalize_name(n) for n in (entity.label, *entity.aliases))
    # (and not a person's name: "Martha von Tilling", the heroine, whom a translation's
    # subtitle names too)
    linked = [(m.start, m.end) for m in ctx.analysis.mentions
              if (m.kb_id or m.label == "person") and claim.start <= m.start < claim.end]
    # a capitalised word ("in Hebrew", "the Danish edition"), not "with" in "C with Classes"
    loose = {normalize_name(w.group()) for w in _WORD.finditer(ctx.text, claim.start, claim.end)
             if w.group()[0].isupper() and w.start() > claim.start
             and not any(s <= w.start() < e for s, e in linked)}
    for other in related_entities(kb, work):
        related = kb.entity(other)
        if related is None:
            continue
        words = {w for n in (related.label, *related.aliases)
                 for w in normalize_name(n).split() if len(w) > 3 and w not in own}
        if not words & loose:
            continue
        for fact in kb_dates(kb, other, spec.work_dates):
            if fact.value.date and agrees(claimed, fact.value.date):
                return fact
    return None


_WORD = re.compile(r"[^\W\d_]+")


# "the film version of", "the 1987 film", "the stage musical": the kind written before a name
_KIND_CUE = re.compile(r"\b(?P<word>[a-z]+)\s+(?:(?:version|adaptation)\s+)?(?:of\s+)?$", re.I)


def _namesake_dated(
    ctx: CheckContext, kb: KBReader, claim: Claim, work: str, spec: PredicateSpec,
    claimed: PartialDate,
) -> KBFact | None:
    """"The Silent World, written with Dumas and published in 1953": the book and the film
    share the name, and no kind word ("the film version of") says which is meant, so the date
    of either is right."""
    if claim.obj_start < 0:
        return None
    cue = _KIND_CUE.search(ctx.text[max(claim.start, claim.obj_start - 40) : claim.obj_start])
    if cue and cue["word"].lower() in KIND_OF_WORD:
        return None
    name = normalize_name(claim.object or "")
    for entity in kb.candidates([name]).get(name, ()):
        if entity.id != work:
            for fact in kb_dates(kb, entity.id, spec.work_dates):
                if fact.value.date and agrees(claimed, fact.value.date):
                    return fact
    return None





def _named_nearby(ctx: CheckContext, claim: Claim, ids: set[str | None]) -> bool:
    sentences = ctx.analysis.sentences
    index = next((i for i, (s, _) in enumerate(sentences) if s == claim.start), 0)
    start = sentences[index - 1][0] if index > 0 else claim.start
    return any(m.kb_id in ids and start <= m.start < claim.end for m in ctx.analysis.mentions)


def _partner_problem(
    ctx: CheckContext, kb: KBReader, claim: Claim, work: str, spec: PredicateSpec
) -> Outcome | None:
    """"co-founded X with A and B" when the KB's founders of X do not include B; "designed Go
    with Pike and Cox" when the KB's designers, the subject among them, are not Cox."""
    partners = [str(w) for w in claim.qualifiers.get("with", []) or []]  # type: ignore[union-attr]
    if claim.predicate not in ("founded", "created") or not partners:
        return None
    person = claim.subject_kb_id
    if claim.subject == "(unspecified)" and ctx.analysis.subject is not None:
        person = ctx.analysis.subject.kb_id  # "X (1958), written with Cyert": by the profiled
    makers = kb.facts(work, spec.agents)
    if claim.predicate == "created":
        # only a KB that lists the team, the subject in it, can say who was not in it
        if not any(f.value.entity_id == person for f in makers):
            return None
        makers = [f for f in makers if (e := kb.entity(f.value.entity_id or "")) is not None
                  and e.type in ("person", "organization")]
    others = [f for f in makers if f.value.entity_id and f.value.entity_id != person]
    wrong = unlisted_people(kb, partners, [f.value.entity_id for f in others],
                            firms=claim.predicate == "created")
    if not wrong or _namesake_by(kb, claim, work, spec, wrong):
        return None
    listed = ", ".join(f.value.text for f in others)
    what, role = ("founders", "co-founders") if claim.predicate == "founded" else (
        "makers", "co-creators")
    entity = kb.entity(work)
    name = entity.label if entity is not None else claim.object
    return people_mismatch(kb, others, f"The KB lists {listed} among the {what} of "
                           f"{name}, not {', '.join(wrong)}", listed, role)


def _namesake_by(kb: KBReader, claim: Claim, work: str, spec: PredicateSpec,
                 partners: list[str]) -> bool:
    """Another work of the same name made with those partners: "The Silent World, written
    with Frédéric Dumas" is the book, not the film it was linked to."""
    name = normalize_name(claim.object or "")
    return any(not unlisted_people(kb, partners, [f.value.entity_id for f in kb.facts(
        e.id, spec.agents)]) for e in kb.candidates([name]).get(name, ()) if e.id != work)


def _agent_problem(
    ctx: CheckContext, kb: KBReader, claim: Claim, work: str, spec: PredicateSpec
) -> Outcome | None:
    """The KB credits the work to named people, and the claimed person is not among them.

    Not when one of those people is named in the sentence or the one before: "Eicher founded
    ECM. In 1984 he launched its New Series" -- the pronoun may well be theirs."""
    person = claim.subject_kb_id
    if claim.predicate == "released" or not person or person == work:
        return None
    agents = kb.facts(work, spec.agents)
    if any(f.value.entity_id == person for f in agents):
        return None
    if any(f.value.entity_id == work for f in kb.facts(person, ("P800",))) or any(
            f.value.entity_id == person for f in kb.facts(work, ("P175", "P161"))):
        return None  # (the star's own: "Garbo's Queen Christina", the KB's performer)
    people = [
        f
        for f in agents
        if f.property in ("P170", "P50", "P61", "P112", "P57", "P86")
        and f.value.entity_id
        and (e := kb.entity(f.value.entity_id)) is not None
        and e.type == "person"
    ]
    subject = kb.entity(person)
    if not people or subject is None or subject.type != "person":
        return None
    before = ctx.text[claim.start : claim.obj_start] if claim.obj_start >= 0 else ""
    names = (claim.subject, *subject.aliases)
    possessive = any(before.endswith(f"{n}{s} ") for n in names for s in ("'s", "’s"))
    # "Bischof, a fellow founder of Magnum": the noun set off after the name is said of him
    apposed = any(re.search(rf"\b{re.escape(n)}, (?:a|an|the|another)\b", before) for n in names)
    if not possessive and not apposed and _named_nearby(
            ctx, claim, {f.value.entity_id for f in people}):
        return None  # (not "Per Moe's Tide Tables": the sentence names its maker outright)
    names = ", ".join(f.value.text for f in people)
    return Outcome(
        "contradicted",
        "KB differs",
        tuple(evidence_of(kb, f) for f in people),
        "fact_mismatch",
        f"The KB credits {claim.object} to {names}, not {subject.label}",
        f"Attribute {claim.object} to {names}, or cite a source for {subject.label}'s role.",
    )
