"""An honour's co-recipients named in a sentence of their own: "In 2009 she won the Nobel
Memorial Prize in Economic Sciences. She shared it with Oliver E. Williamson." The shared
honour is the subject's award claimed in the sentence just before."""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.claim_context import ClaimContext
from analysis.models import Claim

# "She shared it with", "He shared the prize with", "They shared the honour with"
_SHARED = re.compile(
    r"\W*(?:he|she|they)\s+(?:later\s+)?shared\s+(?:it|the\s+(?:award|prize|honou?r|medal|title))"
    r"\s+with\s+", re.I)


def shared_in_next_sentence(
    ctx: ClaimContext, start: int, end: int, earlier: list[Claim]
) -> Claim | None:
    """The previous sentence's award claim, restated with the co-recipients this one names."""
    text = ctx.article.text
    m = _SHARED.match(text, start, end)
    if m is None or not earlier:
        return None
    people = []
    for mention in sorted(ctx.mention_at.values(), key=lambda x: x.start):
        if m.end() <= mention.start < end and mention.label == "person" \
                and not (ctx.subject and ctx.subject.matches(mention)):
            name = mention.kb_label or mention.text
            if name not in people:
                people.append(name)
    last = earlier[-1].start
    awards = [c for c in earlier if c.start == last and c.predicate == "award" and c.object_kb_id
              and not c.subject.startswith("(")]
    if not people or len(awards) != 1:
        return None  # nobody named, or no one honour the "it" can be
    award = awards[0]
    return replace(award, start=start, end=end, time=None,
                   qualifiers={**award.qualifiers, "with": people, "anchored": True})
