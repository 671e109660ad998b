"""A work's honour that went to its author for an earlier work: "Under My Skin (1994) ... was
awarded the Somerset Maugham Award" when the KB has that award for Lessing in 1954 and gives
Under My Skin another prize. An honour given before the work appeared cannot be the work's."""

from __future__ import annotations

from analysis.checks.base import CheckContext, Finding, evidence_of, label_of
from analysis.checks.kb_match import holds_honour, kb_dates
from analysis.checks.registry import register
from analysis.kb.model import KBFact
from analysis.kb.properties import CREATOR_PROPERTIES
from analysis.models import Claim


@register
def check_work_awards(ctx: CheckContext) -> list[Finding]:
    kb, subject = ctx.kb, ctx.analysis.subject
    if kb is None or subject is None or not subject.kb_id:
        return []
    found = []
    for claim in ctx.analysis.claims:
        if claim.predicate != "award" or not claim.object_kb_id:
            continue
        said = kb.entity(claim.subject_kb_id) if claim.subject_kb_id else None
        if said is not None and said.type != "work":
            continue  # (the profile's or a named person's honour is checked as theirs)
        work = said.id if said is not None else _work_named_first(ctx, claim)
        makers = {f.value.entity_id for f in kb.facts(work or "", CREATOR_PROPERTIES)}
        if work is None or makers and subject.kb_id not in makers:
            continue  # (another's work: the profile's honours say nothing of it)
        published = [f for f in kb_dates(kb, work, ("P577", "P571")) if f.value.date]
        if not published or holds_honour(kb, work, claim.object_kb_id):
            continue
        appeared = published[0].value.date
        assert appeared is not None
        if claim.time is not None and claim.time.value[:4].isdigit() and \
                int(claim.time.value[:4]) >= appeared.year:
            continue  # a date of its own after the work: the date checks judge it
        authors = [f for f in kb.facts(subject.kb_id, ("P166",))
                   if f.value.entity_id == claim.object_kb_id and f.point_in_time is not None]
        if not authors or any(f.point_in_time.year >= appeared.year  # type: ignore[union-attr]
                              for f in authors):
            continue
        found.append(_finding(ctx, claim, work, authors[0], published[0],
                              kb.facts(work, ("P166",))))
    return found


def _work_named_first(ctx: CheckContext, claim: Claim) -> str | None:
    """The work the sentence opens on, before the honour: what "was awarded" it."""
    named = [m for m in ctx.analysis.mentions
             if claim.start <= m.start < claim.end and m.kb_id and m.label != "person"]
    first = named[0] if named else None
    return first.kb_id if first is not None and first.label == "work" else None


def _finding(ctx: CheckContext, claim: Claim, work: str, author_award: KBFact,
             published: KBFact, own: list[KBFact]) -> Finding:
    kb = ctx.kb
    assert kb is not None and author_award.point_in_time is not None
    title = label_of(kb, work, work)
    message = (f"{claim.object} went to {label_of(kb, author_award.subject)} in "
               f"{author_award.point_in_time.human()}, before {title} appeared "
               f"({published.value.date.human() if published.value.date else '?'})")
    if own:
        message += f"; the KB gives {title} the {', '.join(f.value.text for f in own)}"
    evidence = (evidence_of(kb, author_award), evidence_of(kb, published),
                *(evidence_of(kb, f) for f in own[:2]))
    suggestion = f"Name {own[0].value.text}." if own else "Check which work won it."
    return Finding("fact_mismatch", "high", claim.start, claim.end, message, evidence,
                   suggestion, claim.id)
