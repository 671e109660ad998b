"""The article's dated events in order: what it says happened when."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.dates import PartialDate
from analysis.models import Claim, Timex
from analysis.run import Analysis
from analysis.timex import to_partial_date

_PHRASES = {
    "born": "was born in", "died": "died in", "studied": "studied at", "joined": "joined",
    "worked_at": "worked at", "left": "left", "position": "held a position at",
    "created": "created", "founded": "founded", "award": "received", "released": "released",
    "advisor": "was supervised by",
}


@dataclass(frozen=True)
class TimelineEvent:
    date: PartialDate
    timex: Timex
    description: str
    start: int
    end: int
    claim_ids: tuple[str, ...] = ()


def describe_claim(claim: Claim) -> str:
    """"Yann LeCun created LeNet-5", "Llama 3.1 released", "X held a position (professor) at Y"."""
    verb = _PHRASES.get(claim.predicate, claim.predicate)
    role = claim.qualifiers.get("role")
    if claim.predicate == "position" and role:
        verb = f"became {role} at" if claim.object else f"became {role}"
    parts = [claim.subject, verb]
    if claim.object:
        parts.append(claim.object)
    with_ = claim.qualifiers.get("with")
    if with_:
        parts.append("with " + " and ".join(str(w) for w in with_))  # type: ignore[union-attr]
    return " ".join(parts)


def build_timeline(analysis: Analysis) -> list[TimelineEvent]:
    """Every calendar date the article states, with the claims it dates, sorted by date.

    A date no claim uses is still listed, with its sentence, so that nothing dated is hidden.
    """
    by_timex: dict[tuple[int, int], list[Claim]] = {}
    for claim in analysis.claims:
        if claim.time is not None:
            by_timex.setdefault((claim.time.start, claim.time.end), []).append(claim)
    text = analysis.article.text
    events: list[TimelineEvent] = []
    for timex in analysis.timexes:
        partial = to_partial_date(timex) if timex.type == "DATE" else None
        sentence = next(((s, e) for s, e in analysis.sentences if s <= timex.start < e), None)
        if partial is None or sentence is None or _in_heading(analysis, timex.start):
            continue
        claims = by_timex.get((timex.start, timex.end), [])
        description = "; ".join(describe_claim(c) for c in claims) or _excerpt(text, *sentence)
        events.append(
            TimelineEvent(partial, timex, description, sentence[0], sentence[1],
                          tuple(c.id for c in claims))
        )
    return sorted(events, key=lambda e: (e.date.interval()[0], e.start))


def _in_heading(analysis: Analysis, offset: int) -> bool:
    return any(
        b.kind in ("heading", "title") and b.start <= offset < b.end
        for b in analysis.article.blocks
    )


def _excerpt(text: str, start: int, end: int, limit: int = 110) -> str:
    sentence = " ".join(text[start:end].split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
