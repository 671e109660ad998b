"""Present roles given to a named person in apposition: "Edgar Lungu, the current President of
Zambia, declared ...". No verb makes the claim, so the trigger pass misses it; the word
"current" (or "sitting", "incumbent") says the role holds at the time of writing, which the
freshness check judges at --as-of like any present-tense role. And the present acts of people
the KB says have died ("Ponti still reads every script")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from analysis.claim_context import ClaimContext
from analysis.claim_objects import speech_tokens
from analysis.kb.api import KBReader
from analysis.models import Claim

# ", the current President of Zambia," up to the next comma, semicolon or sentence end
_CURRENT = re.compile(r",\s+(?:the|its|their|his|her)\s+(?:current|sitting|incumbent|present)\s+"
                      r"(?P<role>[^,;.()]{3,80}?)\s*(?=[,;.)]|$)")


def current_roles(ctx: ClaimContext, span: Span) -> Iterator[Claim]:
    """A position claim, in the present, for each linked person named with a current role."""
    text = ctx.article.text
    seen: set[int] = set()
    for tok in span:
        person = ctx.mention_at.get(tok.i)
        if person is None or person.start in seen or person.label != "person" or \
                not person.kb_id:
            continue
        seen.add(person.start)
        m = _CURRENT.match(text, person.end, span.end_char)
        if m is None:
            continue
        role_start = m.start("role")
        post = next((ctx.mention_at[t.i] for t in span
                     if t.i in ctx.mention_at and role_start <= t.idx < m.end("role")
                     and ctx.mention_at[t.i].kb_id
                     and ctx.mention_at[t.i].label != "person"), None)
        yield Claim(
            id="",
            subject=person.kb_label or person.text,
            subject_kb_id=person.kb_id,
            predicate="position",
            object=post.text if post else None,
            object_kb_id=post.kb_id if post else None,
            time=None,
            start=span.start_char,
            end=span.end_char,
            obj_start=post.start if post else -1,
            obj_end=post.end if post else -1,
            qualifiers={"role": m.group("role"), "verb": "(current)"},
            present=True,
            score=0.6,
        )


_NOW_WORDS = frozenset({"still", "now", "currently", "today", "nowadays"})
_STATE_VERBS = frozenset({"be", "sound", "seem", "look", "feel", "remain", "matter", "stand",
                          "appear", "count", "loom", "endure", "belong", "rank", "resonate"})
_AFTER_DEATH = re.compile(r"\b(?:after|since) (?:his|her|their) death\b|\bposthumous", re.I)


def present_acts(ctx: ClaimContext, span: Span, kb: KBReader | None) -> Iterator[Claim]:
    """"Carlo Ponti, her husband, still reads every script": a person the KB says has died,
    doing something now. Made only for people with a date of death on record, for the
    freshness check to judge at --as-of (a living person's habits are nothing to check), and
    not for the profile's own subject, whose "still" in a retrospective speaks of a legacy."""
    if kb is None:
        return
    if _AFTER_DEATH.search(span.text):
        return  # "Fifty-five years after his death, Armstrong still sounds like the future"
    speech = speech_tokens(span, ctx.mention_at)
    for verb in span:
        if verb.lemma_ in _STATE_VERBS or verb.lemma_ == "live" and any(
                c.lower_ == "on" for c in verb.children):
            continue  # "still matters", "lives on": what is said of the legacy
        if verb.tag_ not in ("VBZ", "VBP") or verb.i in speech or not any(
                c.lower_ in _NOW_WORDS and c.dep_ in ("advmod", "npadvmod") for c in verb.children):
            continue
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if doer is not None and doer.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            doer = verb.head  # "Carlo Ponti, who still reads every script"
        person = ctx.mention_at.get(doer.i) if doer is not None else None
        if person is None or person.label != "person" or not person.kb_id or \
                not kb.facts(person.kb_id, ("P570",)):
            continue
        if ctx.subject is not None and ctx.subject.matches(person):
            continue  # "A century on, Thorpe still refuses to fit in one box": a legacy
        yield Claim(
            id="", subject=person.kb_label or person.text, subject_kb_id=person.kb_id,
            predicate="active", object=None, object_kb_id=None, time=None,
            start=span.start_char, end=span.end_char, obj_start=-1, obj_end=-1,
            qualifiers={"verb": verb.lemma_}, present=True, score=0.6)
