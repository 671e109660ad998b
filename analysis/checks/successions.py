"""Predecessors: "she took over from Jean-Claude Trichet", "succeeding Navi Pillay" against the
KB's tenures of the post both held. The named predecessor must have left it when the subject
took it; the KB's holder whose tenure ended then is named in the message when the KB has one.
Successors ("his successor at the head of the school was X") against the KB's "replaced by"."""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, Finding, evidence_of, label_of, replace_once
from analysis.checks.kb_match import role_matches
from analysis.checks.life import calendar_dates
from analysis.checks.outcomes import same_name
from analysis.checks.registry import register
from analysis.kb.api import KBReader
from analysis.kb.model import KBFact, KBValue
from analysis.kb.names import normalize_name
from analysis.models import Mention

_SUCCEEDS = re.compile(
    # ("took over the Philharmonic from Pierre Boulez": the body may come between)
    r"\b(?:t(?:ook|akes|aking) over (?:[^,.;:]{1,60}? )?from|succeed(?:ed|ing|s)?|"
    r"replac(?:ed|ing|es)|"
    r"in succession to|as (?:the )?successor (?:to|of))\s+(?:the\s+)?$",
    re.I,
)
# "His successor at the head of the school was X", "he was succeeded by X"
_SUCCEEDED_BY = re.compile(
    r"\b(?:(?:his|her|their)\s+successor\b[^.;:]{0,60}?\b(?:was|is|became)|"
    r"(?:was|were)\s+succeeded\s+(?:[^,.;:]{1,40}?\s+)?by|"
    r"(?:was|were)\s+replaced\s+(?:[^,.;:]{1,40}?\s+)?by)\s+(?:the\s+)?$",
    re.I,
)
# "The party elected Kate Forbes as her successor": the successor named before the words
_AS_SUCCESSOR = re.compile(r"\s+as\s+(?:his|her|their)\s+successor\b", re.I)
_HANDOVER_YEARS = 1  # a post may stand empty a while, or change hands at the turn of a year


@register
def check_successions(ctx: CheckContext) -> list[Finding]:
    kb, subject = ctx.kb, ctx.analysis.subject
    if kb is None or subject is None or subject.kb_id is None:
        return []
    # (a post held, or a job whose record names who came before or after: "chief conductor"
    # of the Berlin Philharmonic, an employer)
    posts = [f for f in kb.facts(subject.kb_id, ("P39", "P108")) if f.start is not None and (
        f.property == "P39" or f.qualifiers.get("P1365") or f.qualifiers.get("P1366"))]
    found = []
    for mention in ctx.analysis.mentions:
        if mention.kb_id in (None, subject.kb_id) or mention.label != "person":
            continue
        span = next(((s, e) for s, e in ctx.analysis.sentences if s <= mention.start < e), None)
        if span is not None and (_SUCCEEDED_BY.search(ctx.text[span[0] : mention.start])
                                 or _AS_SUCCESSOR.match(ctx.text, mention.end, span[1])):
            finding = _successor(ctx, posts, span, mention)
            if finding is not None:
                found.append(finding)
            continue
        if span is None or not _SUCCEEDS.search(ctx.text[span[0] : mention.start]):
            continue
        if _another_succeeds(ctx, span[0], mention):
            continue
        recorded = _recorded(ctx, posts, span)
        if recorded:
            if not any(_names(kb, mention, v) for _, v in recorded):
                found.append(_not_the_recorded(ctx, mention, recorded, span))
            continue
        shared = [(mine, theirs) for mine in posts for theirs in kb.facts(mention.kb_id, ("P39",))
                  if _same_post(mine, theirs) and theirs.end is not None]
        if not shared or any(_hands_over(theirs, mine) for mine, theirs in shared):
            continue  # no shared dated post: nothing to judge; or the handover fits
        mine, theirs = shared[0]
        who = label_of(kb, mention.kb_id, mention.text)
        actual = _predecessor(ctx, mine)
        left, took = theirs.end, mine.start
        assert left is not None and took is not None  # both filtered for above
        message = (f"{who} left the post of {mine.value.text} {left.at()}; "
                   f"{subject.name} took it {took.at()}")
        if actual is not None:
            message += f": the predecessor was {label_of(kb, actual.subject)}"
        evidence = [evidence_of(kb, mine), evidence_of(kb, theirs)]
        if actual is not None:
            evidence.append(evidence_of(kb, actual))
        found.append(Finding(
            "fact_mismatch", "medium", span[0], span[1], message, tuple(evidence),
            f"Name {label_of(kb, actual.subject)}." if actual is not None
            else "Check who held the post before."))
    return found


def _successor(ctx: CheckContext, posts: list[KBFact], span: tuple[int, int],
               named: Mention) -> Finding | None:
    """"His successor at the head of the school was Mies van der Rohe" when the KB's post
    records Hannes Meyer as the one who replaced the subject (the post ended in a year the
    sentence gives, or names its body, or is the only post that records a successor)."""
    kb = ctx.kb
    assert kb is not None
    others = [m for m in ctx.analysis.mentions if span[0] <= m.start < named.start
              and m.label == "person" and m.kb_id != posts[0].subject] if posts else []
    if others or not posts:
        return None  # "Jones was succeeded by X": someone else's successor
    recorded = _recorded(ctx, posts, span, after=True)
    if not recorded or any(_names(kb, named, v) for _, v in recorded):
        return None
    return _not_the_recorded(ctx, named, recorded, span, after=True)


def _another_succeeds(ctx: CheckContext, start: int, predecessor: Mention) -> bool:
    """"In 2011 Draghi succeeded Trichet": another person, named before the verb with no
    reference to the subject after it, is the one who took over."""
    subject = ctx.analysis.subject
    before = [m for m in ctx.analysis.mentions if start <= m.start < predecessor.start
              and m.label == "person" and m is not predecessor]
    others = [m for m in before if subject is None or m.kb_id != subject.kb_id]
    if not others:
        return False
    last = others[-1]
    between = ctx.text[last.end : predecessor.start].lower()
    ours = [m for m in before if m.start > last.start and m not in others]
    pronoun = subject is not None and any(
        re.search(rf"\b{p}\b", between) for p in subject.pronouns or {"he", "she"})
    return not ours and not pronoun


def _same_post(a: KBFact, b: KBFact) -> bool:
    if a.value.entity_id and b.value.entity_id:
        return a.value.entity_id == b.value.entity_id
    return role_matches(a.value.text, b.value.text) and role_matches(b.value.text, a.value.text)


def _hands_over(before: KBFact, after: KBFact) -> bool:
    """``before``'s tenure ended when ``after``'s began, give or take the handover years."""
    if before.end is None or after.start is None:
        return True  # undated: nothing to contradict
    return 0 <= after.start.year - before.end.year <= _HANDOVER_YEARS


def _predecessor(ctx: CheckContext, post: KBFact) -> KBFact | None:
    """The KB's holder whose tenure of ``post`` ended as the subject's began (an entity post)."""
    if ctx.kb is None or not post.value.entity_id:
        return None
    holders = [f for f in ctx.kb.facts_with_value(post.value.entity_id, ("P39",))
               if f.subject != post.subject and _hands_over(f, post) and f.end is not None]
    return max(holders, key=lambda f: f.end.year, default=None)  # type: ignore[union-attr]


def _recorded(ctx: CheckContext, posts: list[KBFact], span: tuple[int, int], *,
              after: bool = False) -> list[tuple[KBFact, KBValue]]:
    """The predecessors (or, ``after``, successors) the KB records on the subject's posts
    ("replaces", "replaced by", as Wikidata puts them on a post held) that the sentence is
    about: the post begun (ended) in a year the sentence gives, else the post or body the
    sentence names, else (a successor) the only post that records one."""
    recorded = [(f, v) for f in posts for v in f.qualifiers.get("P1366" if after else "P1365", ())]
    years = {d.year for _, d in calendar_dates(ctx, *span)}
    named = {m.kb_id for m in ctx.analysis.mentions if span[0] <= m.start < span[1] and m.kb_id}
    dated = [(f, v) for f, v in recorded
             if (edge := f.end if after else f.start) is not None and edge.year in years]
    sole = recorded if after and len({id(f) for f, _ in recorded}) == 1 else []
    return dated or [(f, v) for f, v in recorded if f.value.entity_id in named] or sole


def _names(kb: KBReader, mention: Mention, value: KBValue) -> bool:
    if mention.kb_id and value.entity_id:
        return mention.kb_id == value.entity_id
    entity = kb.entity(value.entity_id) if value.entity_id else None
    names = {normalize_name(n) for n in ((entity.label, *entity.aliases) if entity
                                         else (value.text,))}
    return any(same_name(n, mention.text) for n in names)


def _not_the_recorded(ctx: CheckContext, mention: Mention,
                      recorded: list[tuple[KBFact, KBValue]], span: tuple[int, int], *,
                      after: bool = False) -> Finding:
    kb = ctx.kb
    assert kb is not None
    post, other = recorded[0]
    who = label_of(kb, mention.kb_id, mention.text)
    actual = label_of(kb, other.entity_id, other.text)
    holder = label_of(kb, post.subject, "the subject")
    role = next((v.text for v in post.qualifiers.get("P2868", ())), None)
    title = f"{role} of {post.value.text}" if post.property == "P108" and role else \
        post.value.text
    message = f"The KB has {actual} {'after' if after else 'before'} {holder} as {title}, " \
        f"not {who}"
    if any(_names(kb, mention, v) for v in post.qualifiers.get("P1365" if after else "P1366", ())):
        message += f" ({who} came {'before' if after else 'after'})"
    sentence = ctx.text[span[0] : span[1]]
    return Finding("fact_mismatch", "medium", span[0], span[1], message,
                   (evidence_of(kb, post),),
                   replace_once(sentence, mention.text, actual) or f"Name {actual}.")
