"""A work credited to the wrong maker by a possessive: "Zhang Yimou's Farewell My Concubine"
when the KB has Chen Kaige as its director. Only a possessor the KB records as the same kind of
maker of another work (a director of some film) is read as claiming to have made this one:
"Callas's Tosca" names a singer's role, not Puccini's opera."""

from __future__ import annotations

from analysis.checks.base import CheckContext, Finding, evidence_of, label_of, replace_once
from analysis.checks.registry import register
from analysis.kb.properties import CREATOR_PROPERTIES, property_name
from analysis.models import Mention

# Who a possessive may credit, besides the makers: its performers
_CREDITED = (*CREATOR_PROPERTIES, "P175", "P161")


@register
def check_makers(ctx: CheckContext) -> list[Finding]:
    kb = ctx.kb
    if kb is None:
        return []
    found = []
    mentions = sorted(ctx.analysis.mentions, key=lambda m: m.start)
    for owner, work in zip(mentions, mentions[1:], strict=False):
        if owner.label != "person" or work.label != "work" or not owner.kb_id or \
                not work.kb_id or not _possessive_of(ctx, owner, work):
            continue
        credited = [f for f in kb.facts(work.kb_id, _CREDITED)]
        if not credited or any(f.value.entity_id == owner.kb_id for f in credited):
            continue
        makers = [f for f in credited if f.property in CREATOR_PROPERTIES and
                  kb.facts_with_value(owner.kb_id, (f.property,))]
        if not makers:
            continue  # the possessor makes nothing of that kind: a performer's, a patron's
        fact = makers[0]
        start, end = next(((s, e) for s, e in ctx.analysis.sentences if s <= owner.start < e),
                          (owner.start, work.end))
        actual = label_of(kb, fact.value.entity_id, fact.value.text)
        role = property_name(fact.property)
        found.append(Finding(
            "fact_mismatch", "high", start, end,
            f"The KB has {actual} as the {role} of {label_of(kb, work.kb_id, work.text)}, "
            f"not {label_of(kb, owner.kb_id, owner.text)}",
            (evidence_of(kb, fact),),
            replace_once(ctx.text[start:end], owner.text, actual) or f"Credit {actual}."))
    return found


def _possessive_of(ctx: CheckContext, owner: Mention, work: Mention) -> bool:
    """"Zhang Yimou's Farewell My Concubine": the name's possessive right before the title."""
    between = ctx.text[owner.end : work.start]
    return between in ("'s ", "’s ", "' ", "’ ")
