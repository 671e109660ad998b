"""Present roles given to a named person in apposition: "Edgar Lungu, the current President of
Zambia, declared ...". No verb makes the claim, so the trigger pass misses it; the word
"current" (or "sitting", "incumbent") says the role holds at the time of writing, which the
freshness check judges at --as-of like any present-tense role."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from analysis.claim_context import ClaimContext
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
