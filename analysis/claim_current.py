"""Present roles given to a named person in apposition: "Edgar Lungu, the current President of
Zambia, declared ...". No verb makes the claim, so the trigger pass misses it; the word
"current" (or "sitting", "incumbent") says the role holds at the time of writing, which the
freshness check judges at --as-of like any present-tense role. And the present acts of people
the KB says have died ("Ponti still reads every script"), bodies said to stand on their own
("remains an independent publisher") and marriages said to hold now ("lives with his wife, X")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from analysis.claim_context import ClaimContext
from analysis.claim_named import body_by_noun
from analysis.claim_objects import speech_tokens
from analysis.claim_subject import mention_in_phrase
from analysis.kb.api import KBReader
from analysis.models import Claim, Mention
from analysis.vocabulary import ABSORBED_BY, ROLE_NOUNS

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


# A post named before the person: "its director Thomas Krens", "the festival's artistic
# director, Pierre-Laurent Aimard"
_ROLE_BEFORE = re.compile(r"\b(?:its|their|the(?:\s+[\w'’-]+){0,4}?['’]s?)\s+"
                          r"(?P<role>(?:[\w-]+\s+){0,2}?[\w-]+),?\s+$", re.I)
# ... and after, set off: "Zohran Mamdani, a member of the New York State Assembly,"
_ROLE_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?P<role>[^,;.()]{3,80}?)\s*(?=[,;.)]|$)")


def named_roles(ctx: ClaimContext, span: Span) -> Iterator[Claim]:
    """Another person's post, named with them in a sentence that speaks of now: "Under its
    director Thomas Krens, the Guggenheim has grown", "this year's programme has been devised by
    the festival's artistic director, X". A post set off after the name in a past sentence
    ("Her son, X, a member of the State Assembly, was born in 1991") is said at the time of
    writing only if it began after the sentence's own date; the claim carries that date
    ("told_in") for the freshness check to compare with the post's start."""
    text = ctx.article.text
    speech = speech_tokens(span, ctx.mention_at)
    seen: set[int] = set()
    for tok in span:
        person = ctx.mention_at.get(tok.i)
        if person is None or person.start in seen or person.label != "person" or \
                not person.kb_id or tok.i in speech:
            continue
        seen.add(person.start)
        if ctx.subject is not None and ctx.subject.matches(person):
            continue
        before = _ROLE_BEFORE.search(text, max(span.start_char, person.start - 60), person.start)
        after = _ROLE_AFTER.match(text, person.end, span.end_char)
        role = next((m["role"] for m in (before, after) if m is not None and set(
            m["role"].lower().split()) & ROLE_NOUNS and _title_words(ctx, m.start("role"),
                                                                  m.end("role"))), None)
        if role is None or role.lower().startswith("former") or _CURRENT.match(
                text, person.end, span.end_char):
            continue
        now = _now_clause(ctx, tok)
        told_in = None if now else _sentence_year(ctx, span)
        if not now and told_in is None:
            continue
        qualifiers: dict[str, object] = {"role": role, "verb": "(named)"}
        if told_in is not None:
            qualifiers["told_in"] = told_in
        yield Claim(
            id="", subject=person.kb_label or person.text, subject_kb_id=person.kb_id,
            predicate="position", object=None, object_kb_id=None, time=None,
            start=span.start_char, end=span.end_char, obj_start=-1, obj_end=-1,
            qualifiers=qualifiers, present=True, score=0.5)


def _first_conjunct_doer(ctx: ClaimContext, verb: Token) -> Mention | None:
    """"His son Mercer took over the orchestra, and he leads it to this day": the pronoun of
    the second clause is the first clause's subject, named there."""
    doer = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if doer is None:
        return None
    named = ctx.mention_at.get(doer.i) or mention_in_phrase(ctx, doer)
    return named if named is not None and named.label == "person" else None


_TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET", "CCONJ", "PART", "PUNCT"})


def _title_words(ctx: ClaimContext, start: int, end: int) -> bool:
    """A post's title, not a description that tells a story ("the prime minister assassinated
    in 1932", "a financier who had served ..."): no verb, no number."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(t.pos_ in _TITLE_POS and not t.like_num
                                    and t.lower_ not in ("who", "whose", "whom") for t in span)


def _now_clause(ctx: ClaimContext, tok: Token) -> bool:
    """The verb the name hangs on is in the present or the present perfect."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD", "MD"}


def _sentence_year(ctx: ClaimContext, span: Span) -> int | None:
    """The one year the sentence's dates give, if they give one."""
    years = {int(tx.value[:4]) for tx in ctx.timexes
             if span.start_char <= tx.start < span.end_char and tx.value[:4].isdigit()}
    return years.pop() if len(years) == 1 else None


_NOW_WORDS = frozenset({"still", "now", "currently", "today", "nowadays"})
# "who holds it to this day" (a word or two of object between)
_TO_THIS_DAY = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+(?:to|until|till)\s+(?:this|the\s+present)\s+"
                          r"day\b", re.I)
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
        if verb.tag_ not in ("VBZ", "VBP") or verb.i in speech or not (any(
                c.lower_ in _NOW_WORDS and c.dep_ in ("advmod", "npadvmod") for c in verb.children)
                or _TO_THIS_DAY.match(ctx.article.text, verb.idx + len(verb.text),
                                      span.end_char)):
            continue
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if doer is not None and doer.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            doer = verb.head  # "Carlo Ponti, who still reads every script"
        person = ctx.mention_at.get(doer.i) if doer is not None else None
        if doer is not None and doer.lower_ in ("he", "she") and verb.dep_ == "conj":
            person = _first_conjunct_doer(ctx, verb.head)
        if person is None or not person.kb_id or not (
                person.label == "person" and kb.facts(person.kb_id, ("P570",))
                or person.label == "organization" and kb.facts(person.kb_id, ("P576",))):
            continue  # (a body the KB says was dissolved: "TAC still practises from Cambridge")
        if ctx.subject is not None and ctx.subject.matches(person):
            continue  # "A century on, Thorpe still refuses to fit in one box": a legacy
        yield Claim(
            id="", subject=person.kb_label or person.text, subject_kb_id=person.kb_id,
            predicate="active", object=None, object_kb_id=None, time=None,
            start=span.start_char, end=span.end_char, obj_start=-1, obj_end=-1,
            qualifiers={"verb": verb.lemma_}, present=True, score=0.6)


_STAYS = frozenset({"be", "remain", "stay"})


def present_independence(ctx: ClaimContext, span: Span, kb: KBReader | None) -> Iterator[Claim]:
    """"The press ... remains an independent publisher to this day": a body said to stand on
    its own now. Made only for bodies the KB gives a parent or a whole they are part of, for the
    freshness check to judge at --as-of against the date that began."""
    if kb is None:
        return
    for tok in span:
        if tok.lower_ != "independent" or tok.pos_ != "ADJ" or tok.dep_ not in ("amod", "acomp"):
            continue
        verb = tok.head if tok.dep_ == "acomp" else tok.head.head \
            if tok.head.dep_ == "attr" else None
        if verb is None or verb.lemma_ not in _STAYS or not _now_clause(ctx, verb) or any(
                c.dep_ == "neg" or c.lower_ == "longer" for c in verb.subtree):
            continue
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        body = _body_named(ctx, doer) if doer is not None else None
        if body is None or not body.kb_id or not kb.facts(body.kb_id, ABSORBED_BY):
            continue
        yield Claim(
            id="", subject=body.kb_label or body.text, subject_kb_id=body.kb_id,
            predicate="independent", object=None, object_kb_id=None, time=None,
            start=span.start_char, end=span.end_char, obj_start=-1, obj_end=-1,
            qualifiers={"verb": verb.lemma_}, present=True, score=0.6)


def _body_named(ctx: ClaimContext, doer: Token) -> Mention | None:
    """The organisation the clause's subject names, or that "the press" takes up."""
    named = ctx.mention_at.get(doer.i)
    if named is not None:
        return named if named.label == "organization" else None
    if doer.pos_ != "NOUN" or not any(c.lower_ == "the" for c in doer.children):
        return None
    return body_by_noun(ctx, doer, in_sentence=False)


_SPOUSE_NOUNS = frozenset({"wife", "husband"})
_NOT_NOW = frozenset({"former", "ex", "late", "estranged", "first", "then", "future", "second",
                      "divorced"})
# ", the actress " between "his wife" and her name: a description in lower case
_DESCRIBED = re.compile(r",?\s*(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}")


def present_spouses(ctx: ClaimContext, span: Span) -> Iterator[Claim]:
    """"He lives in New York with his wife, the actress Isabella Rossellini": a marriage said
    to hold now, which the freshness check judges at --as-of against the KB's end date."""
    subject = ctx.subject
    if subject is None:
        return
    text = ctx.article.text
    for tok in span:
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if tok.lemma_.lower() not in _SPOUSE_NOUNS or owner is None or \
                not subject.takes(owner.lower_) or not _now_clause(ctx, tok) or any(
                    c.lower_ in _NOT_NOW for c in tok.children):
            continue  # ("survived by his former wife, Margaret": a marriage that ended)
        end = tok.idx + len(tok.text)
        spouse = next((m for m in ctx.mentions if m.label == "person" and m.kb_id
                       and end <= m.start < span.end_char
                       and _DESCRIBED.fullmatch(text, end, m.start)), None)
        if spouse is None:
            continue
        yield Claim(
            id="", subject=subject.name, subject_kb_id=subject.kb_id, predicate="married",
            object=spouse.text, object_kb_id=spouse.kb_id, time=None, start=span.start_char,
            end=span.end_char, obj_start=spouse.start, obj_end=spouse.end,
            qualifiers={"verb": "(spouse)"}, present=True, score=0.6)
