"""A person given a title at a date when the KB says they did not hold it: "In December 1945
President Eisenhower named her a delegate", when the KB has Eisenhower's presidency from 1953.
The message names who held the post then, when the KB knows ("Harry S. Truman")."""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, Finding, evidence_of, label_of
from analysis.checks.kb_match import role_words
from analysis.checks.life import NEW_CLAUSE, calendar_dates
from analysis.checks.registry import register
from analysis.dates import PartialDate, agrees, overlaps
from analysis.kb.api import KBReader
from analysis.kb.model import KBFact
from analysis.models import Mention

_TITLES = r"(?P<title>President|Prime Minister|Chancellor|Premier|Governor|Mayor|" \
    r"Secretary-General|Pope)"
# Titles written before a name; "former", "future" or "later" before them look elsewhere in time
_TITLE = re.compile(rf"(?<![\w-])(?<!former )(?<!future )(?<!later )(?<!then-){_TITLES}\s+$")
_TITLED = re.compile(rf"{_TITLES}\s+\S")


@register
def check_titles(ctx: CheckContext) -> list[Finding]:
    kb = ctx.kb
    if kb is None:
        return []
    found = []
    for mention in ctx.analysis.mentions:
        if mention.label != "person" or not mention.kb_id:
            continue
        title = _title_of(ctx, mention)
        if title is None:
            continue
        start, end = next(((s, e) for s, e in ctx.analysis.sentences if s <= mention.start < e),
                          (mention.start, mention.end))
        words = set(title.lower().replace("-", " ").split())
        posts = [f for f in kb.facts(mention.kb_id, ("P39",))
                 if words <= role_words(f.value.text) and f.start is not None]
        since = _in_office_since(ctx, mention, end)
        if posts and since is not None and not any(
                f.start is not None and agrees(since, f.start) for f in posts):
            found.append(_wrong_start(ctx, kb, mention, since, posts[0], start, end))
            continue
        when = _clause_date(ctx, mention, start)
        if when is None or not posts or any(_held(f, when) for f in posts):
            continue
        found.append(_finding(ctx, kb, mention, title, when, posts[0], start, end))
    return found


# "President René Coty, in office since 1947,": the date the title's tenure began
_IN_OFFICE = re.compile(r"\s*[,(]\s*(?:who\s+ha[ds]\s+been\s+)?in\s+office\s+(?:since|from)\s+$",
                        re.I)


def _in_office_since(ctx: CheckContext, mention: Mention, end: int) -> PartialDate | None:
    return next((d for tx, d in calendar_dates(ctx, mention.end, end)
                 if _IN_OFFICE.fullmatch(ctx.text, mention.end, tx.start)), None)


def _wrong_start(ctx: CheckContext, kb: KBReader, mention: Mention, since: PartialDate,
                 post: KBFact, start: int, end: int) -> Finding:
    name = mention.kb_label or mention.text
    took = post.start
    assert took is not None  # (posts are filtered for a start)
    message = f"{name} took office as {post.value.text} {took.at()}, not in {since.human()}"
    evidence = [evidence_of(kb, post)]
    other = next((f for f in kb.facts_with_value(post.value.entity_id or "", ("P39",))
                  if f.subject != post.subject and f.start is not None
                  and agrees(since, f.start)), None) if post.value.entity_id else None
    if other is not None:
        message += f"; {since.human()} is when {label_of(kb, other.subject, other.subject)} took it"
        evidence.append(evidence_of(kb, other))
    return Finding("date_mismatch", "medium", start, end, message, tuple(evidence),
                   f"Say that {name} had been in office since {took.human()}.")


def _title_of(ctx: CheckContext, mention: Mention) -> str | None:
    """"President Eisenhower", in the name or right before it."""
    inside = _TITLED.match(mention.text)
    if inside is not None:
        before = ctx.text[max(0, mention.start - 9) : mention.start].lower()
        return None if before.endswith(("former ", "future ", "later ", "then-")) else \
            inside["title"]
    m = _TITLE.search(ctx.text, max(0, mention.start - 30), mention.start)
    return m["title"] if m is not None else None


def _clause_date(ctx: CheckContext, mention: Mention, start: int) -> PartialDate | None:
    """The date written before the name in its clause ("In December 1945 President X")."""
    before = [(tx, d) for tx, d in calendar_dates(ctx, start, mention.start)
              if not NEW_CLAUSE.search(ctx.text, tx.end, mention.start)]
    return before[-1][1] if before else None


def _held(fact: KBFact, when: PartialDate) -> bool:
    return overlaps(when, fact.start, fact.end)


def _finding(ctx: CheckContext, kb: KBReader, mention: Mention, title: str, when: PartialDate,
             post: KBFact, start: int, end: int) -> Finding:
    name = mention.kb_label or mention.text
    span = "-".join(d.human() for d in (post.start, post.end) if d is not None)
    message = f"In {when.human()} {name} was not {title}: the KB has {post.value.text} {span}"
    evidence = [evidence_of(kb, post)]
    holder = _holder_then(kb, post, when)
    if holder is not None:
        message += f"; then it was {label_of(kb, holder.subject, holder.subject)}"
        evidence.append(evidence_of(kb, holder))
    return Finding("fact_mismatch", "medium", start, end, message, tuple(evidence),
                   f"Check who was {title} in {when.human()}.")


def _holder_then(kb: KBReader, post: KBFact, when: PartialDate) -> KBFact | None:
    if not post.value.entity_id:
        return None
    return next((f for f in kb.facts_with_value(post.value.entity_id, ("P39",))
                 if f.start is not None and _held(f, when)), None)
