"""Claims about works and organisations: their dates, and who made or founded them."""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, evidence_of, kind_text
from analysis.checks.kb_match import PredicateSpec, kb_dates
from analysis.checks.outcomes import (
    Outcome,
    date_mismatch,
    people_mismatch,
    supported,
    unlisted_people,
    written_date,
)
from analysis.dates import agrees
from analysis.kb.api import KBReader
from analysis.models import Claim


def verify_work(ctx: CheckContext, kb: KBReader, claim: Claim, spec: PredicateSpec) -> Outcome:
    work = claim.object_kb_id or (claim.subject_kb_id if claim.predicate == "released"
                                  and _kind(kb, claim.subject_kb_id) != "organization" else None)
    if work is None:
        # "the Nobel Assembly announced that ...": an organisation that announces is not
        # itself released
        return Outcome("unverifiable", "no work named" if claim.subject_kb_id else
                       "entity not linked")
    if claim.predicate == "released" and _PERIODICAL.search(kind_text(kb, work)):
        # "an essay published in Bloomberg Businessweek on 30 October 2014": the date is the
        # issue's; the magazine itself is much older
        return Outcome("unverifiable", "a periodical's issue")
    agent = _agent_problem(ctx, kb, claim, work, spec) or _partner_problem(kb, claim, work)
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
    return date_mismatch(
        ctx, kb, claim, claimed, dated[0], dated[0].value.date, work=work, spec=spec
    )


# The kind of thing the entity is, as its description opens ("weekly business magazine"), not a
# journal its description mentions ("1948 article in the Bell System Technical Journal").
_PERIODICAL = re.compile(r"^\s*(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}(?:magazine|newspaper|"
                         r"journal|periodical|gazette)\b", re.I | re.M)


def _kind(kb: KBReader, entity_id: str | None) -> str | None:
    entity = kb.entity(entity_id) if entity_id else None
    return entity.type if entity else None


def _named_nearby(ctx: CheckContext, claim: Claim, ids: set[str | None]) -> bool:
    sentences = ctx.analysis.sentences
    index = next((i for i, (s, _) in enumerate(sentences) if s == claim.start), 0)
    start = sentences[index - 1][0] if index > 0 else claim.start
    return any(m.kb_id in ids and start <= m.start < claim.end for m in ctx.analysis.mentions)


def _partner_problem(kb: KBReader, claim: Claim, work: str) -> Outcome | None:
    """"co-founded X with A and B" when the KB's founders of X do not include B."""
    partners = [str(w) for w in claim.qualifiers.get("with", []) or []]  # type: ignore[union-attr]
    if claim.predicate != "founded" or not partners:
        return None
    founders = [f for f in kb.facts(work, ("P112",)) if f.value.entity_id
                and f.value.entity_id != claim.subject_kb_id]
    wrong = unlisted_people(kb, partners, [f.value.entity_id for f in founders])
    if not wrong:
        return None
    listed = ", ".join(f.value.text for f in founders)
    return people_mismatch(kb, founders, f"The KB lists {listed} among the founders of "
                           f"{claim.object}, not {', '.join(wrong)}", listed, "co-founders")


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
    if any(f.value.entity_id == work for f in kb.facts(person, ("P800",))):
        return None
    people = [
        f
        for f in agents
        if f.property in ("P170", "P61", "P112", "P57", "P86")
        and f.value.entity_id
        and (e := kb.entity(f.value.entity_id)) is not None
        and e.type == "person"
    ]
    subject = kb.entity(person)
    if not people or subject is None or subject.type != "person":
        return None
    if _named_nearby(ctx, claim, {f.value.entity_id for f in people}):
        return None
    names = ", ".join(f.value.text for f in people)
    return Outcome(
        "contradicted",
        "KB differs",
        tuple(evidence_of(kb, f) for f in people),
        "fact_mismatch",
        f"The KB credits {claim.object} to {names}, not {subject.label}",
        f"Attribute {claim.object} to {names}, or cite a source for {subject.label}'s role.",
    )
