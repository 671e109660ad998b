"""Claims that a claim implies: one per coordinated name ("the Turing Award and the IEEE von
Neumann Medal"), an echo ("..., as did his Kagawa office"), the club left for the one joined
("joined United from Sporting CP"), and a post taken that is still held ("a post she still
holds")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from analysis.claim_context import ClaimContext
from analysis.models import Claim, Mention

_COORDINATED = frozenset({"award", "created", "founded", "released", "studied", "joined"})


_STILL_HELD = re.compile(r",\s+(?:a|the)\s+(?:post|position|role|job|office|seat|title)\s+"
                         r"(?:that\s+|which\s+)?(?:he|she|they)\s+(?:still|now)\s+"
                         r"(?:holds|hold|occupies|occupy|retains|retain)\b", re.I)


def still_held(ctx: ClaimContext, claim: Claim, start: int, end: int) -> Iterator[Claim]:
    """"asked her to join ... as goodwill ambassador for X, a post she still holds": the post
    taken is also held now (judged at --as-of)."""
    if claim.predicate not in ("joined", "position") or not claim.qualifiers.get("role") or \
            claim.present:
        return
    found = _STILL_HELD.search(ctx.article.text, claim.end if claim.end < end else start, end)
    if found is not None and claim.start <= found.start():
        yield replace(claim, predicate="position", present=True, time=None)


def coordinated(ctx: ClaimContext, claim: Claim) -> Iterator[Claim]:
    """ "Received the A.M. Turing Award and the IEEE von Neumann Medal": one claim per name."""
    if claim.predicate not in _COORDINATED or claim.obj_start < 0:
        return
    if claim.qualifiers.get("verb") == "(" and claim.predicate == "released":
        return  # "X (1970) and Y (1973)": each bracketed year dates its own work only
    first = ctx.mention_at_char(claim.obj_start)
    span = ctx.doc.char_span(claim.obj_start, claim.obj_end, alignment_mode="expand")
    if first is None or span is None:
        return
    yield from _echoed(ctx, claim, first)
    yield from _moved_from(ctx, claim)
    if not span.root.conjuncts and (second := _both_and(ctx, first, span.sent.end_char)):
        yield replace(claim, object=second.text, object_kb_id=second.kb_id,
                      obj_start=second.start, obj_end=second.end)
    for conj in span.root.conjuncts:
        other = ctx.mention_at.get(conj.i)
        honours = {"award", "position"}
        if (
            other is None
            or other is first
            or (other.label != first.label and not {other.label, first.label} <= honours)
        ):
            continue
        # "between the 2002 French Open and the 2003 Australian Open": a year of its own
        # "X appeared in 1983, and his fifth novel, Y, in 1987": a gapped verb's own date
        left, right = conj.left_edge.idx, conj.right_edge.idx + len(conj.right_edge)
        # ("received X in 2011 and, a year later, Y": a date after the "and", before Y)
        own = next((t for t in ctx.timexes if t.value[:1].isdigit() and (
            left <= t.start < max(other.end, right)
            or re.fullmatch(r",?\s+(?:in|on)\s+", ctx.article.text[other.end : t.start] if
                            other.end <= t.start < other.end + 12 else "x")
            or claim.obj_end <= t.start < left and AND_BEFORE.search(
                ctx.article.text, claim.obj_end, t.start))), None)
        yield replace(
            claim,
            object=other.text,
            object_kb_id=other.kb_id,
            obj_start=other.start,
            obj_end=other.end,
            time=own or claim.time,
        )


# "and," just before: a date or a name that opens the next conjunct
AND_BEFORE = re.compile(r"\band,?\s*$")
_BOTH_BEFORE = re.compile(r"\bboth\s+(?:the\s+)?$", re.I)
_AND_THEN = re.compile(r"[,;]?\s+and\s+(?:the\s+)?$")


def _both_and(ctx: ClaimContext, first: Mention, end: int) -> Mention | None:
    """"released both X, a comedy about ..., and Y, a series ...": "both" promises a second
    name after "and", however long the first one's description (the parser may lose it)."""
    text = ctx.article.text
    if not _BOTH_BEFORE.search(text, max(0, first.start - 10), first.start):
        return None
    later = sorted((m for m in {id(m): m for m in ctx.mention_at.values()}.values()
                    if first.end < m.start < end), key=lambda m: m.start)
    return next((m for m in later if m.label == first.label and m.kb_id
                 and _AND_THEN.search(text, first.end, m.start)), None)


# "..., as did his Kagawa office", "..., and so did her second novel, Harbour"
_ECHO_WORDS = re.compile(r"\b(?:as|so)\s+(?:did|was|were|had)\b")
_ECHO = re.compile(r",?\s+(?:as|and so)\s+(?:did|was|were|had)\s+"
                   r"(?:(?:his|her|their|its|the)\s+)?(?:[a-z][\w-]*\s+){0,2},?\s*$")


_FROM = re.compile(r"\s+from\s+(?:the\s+)?")


def _moved_from(ctx: ClaimContext, claim: Claim) -> Iterator[Claim]:
    """"He joined Manchester United from Sporting CP in 2003": he left Sporting CP then."""
    if claim.predicate != "joined" or claim.obj_end < 0:
        return
    between = _FROM.match(ctx.article.text, claim.obj_end, claim.end)
    if between is None:
        return
    other = ctx.mention_at_char(between.end())
    if other is not None and other.kb_id and other.label == "organization":
        yield replace(claim, predicate="left", object=other.text, object_kb_id=other.kb_id,
                      obj_start=other.start, obj_end=other.end)


def _echoed(ctx: ClaimContext, claim: Claim, first: Mention) -> Iterator[Claim]:
    """"X opened in 1955, as did his Y": the echo makes the same claim of Y, at X's date."""
    text = ctx.article.text
    rest = ctx.doc.char_span(claim.obj_end, claim.end, alignment_mode="expand")
    if rest is None or not _ECHO_WORDS.search(text, claim.obj_end, claim.end):
        return  # most sentences: no echo to look for
    seen = {first.start}
    for tok in rest:
        other = ctx.mention_at.get(tok.i)
        if other is None or other.start in seen or other.start < claim.obj_end:
            continue
        seen.add(other.start)
        if other.label == first.label and _ECHO.search(text, claim.obj_end, other.start):
            yield replace(claim, object=other.text, object_kb_id=other.kb_id,
                          obj_start=other.start, obj_end=other.end)
