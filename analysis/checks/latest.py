""""Her latest book, Reason for Hope": stale when the KB credits the subject with a later one.

"Latest" is not an age, like "recent": a book is no longer the latest once another has
appeared, however new it is. The check names the later work the KB has, dated before the
analysis date, as its evidence.
"""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, Finding, evidence_of, label_of
from analysis.checks.kb_match import kb_dates
from analysis.checks.registry import register
from analysis.dates import PartialDate
from analysis.kb.kinds import KIND_OF_WORD, kind_of
from analysis.kb.model import KBFact
from analysis.kb.properties import CREATOR_PROPERTIES
from analysis.models import Evidence, Mention

# "her latest novel", "his latest landmark series": a kind of work, after a word or two
# "her latest full-length work": a word for any kind of work
_ANY_WORK = frozenset({"work", "piece", "production", "creation", "project"})
_LATEST = re.compile(
    r"\b(?:latest|most recent|newest)\s+(?:[a-z-]+\s+){0,2}?(?P<kind>"
    rf"{'|'.join(sorted(map(re.escape, {*KIND_OF_WORD, *_ANY_WORK}), key=len, reverse=True))}"
    r")\b", re.I)
_DATES = ("P577", "P571")
_LATEST_AGE_DAYS = 5 * 365


@register
def check_latest(ctx: CheckContext) -> list[Finding]:
    subject = ctx.analysis.subject
    if ctx.kb is None or subject is None or not subject.kb_id:
        return []
    found = []
    for start, end in ctx.analysis.sentences:
        word = _LATEST.search(ctx.text, start, end)
        kind = (KIND_OF_WORD.get(word["kind"].lower()) or (
            "*" if word["kind"].lower() in _ANY_WORK else None)) if word else None
        title = (_title_after(ctx, word.end(), end) or _title_before(ctx, word.start(), start)
                 ) if word and kind else None
        if title is None:
            continue
        dated = _date(ctx, title.kb_id or "")
        later = [f for f in _works_of(ctx, subject.kb_id) if f.subject != title.kb_id
                 and dated is not None and f.value.date is not None
                 and f.value.date.interval()[0] > dated.interval()[1]
                 and f.value.date.interval()[1] <= ctx.as_of and _same_kind(ctx, f, kind)]
        if word is None or dated is None:
            continue
        if not later:
            # no later work in the KB, but "latest" for a work many years old is stale all the
            # same (a few years between books is common: the bar is higher than for "recent")
            age = (ctx.as_of - dated.interval()[1]).days
            if age > _LATEST_AGE_DAYS:
                found.append(Finding(
                    "stale_claim", "low", start, end,
                    f"'{word.group(0)}' for {title.text} ({dated.human()}), {age // 365} years "
                    f"before {ctx.as_of}", _evidence(ctx, title.kb_id or ""),
                    f"Date it instead: '{title.text} ({dated.year})'."))
            continue
        last = max(later, key=lambda f: f.value.date.interval()[0])  # type: ignore[union-attr]
        name = label_of(ctx.kb, last.subject, last.subject)
        found.append(Finding(
            "stale_claim", "medium", start, end,
            f"'{word.group(0)}' for {title.text} ({dated.human()}), but the KB lists a later "
            f"{word['kind'].lower()} by {subject.name}: {name} "
            f"({last.value.date.human()})",  # type: ignore[union-attr]
            (evidence_of(ctx.kb, last),),
            f"Name {name} as the latest, or drop '{word.group(0)}'."))
    return found


def _title_after(ctx: CheckContext, after: int, end: int) -> Mention | None:
    """The linked work named right after "latest book" ("..., Reason for Hope,"), or after a
    short phrase that says which books ("latest book for adult readers, 21 Lessons ...")."""
    return next((m for m in ctx.analysis.mentions if after <= m.start < end
                 and m.kb_id and m.label in ("work", "other")
                 and (m.start < after + 12 or _WHICH_BOOKS.fullmatch(ctx.text, after, m.start)
                      or _APPOSED.fullmatch(ctx.text, after, m.start))),
                None)


_WHICH_BOOKS = re.compile(r"\s+(?:for|in|on|about)\s+[\w' -]{1,30}?,\s*", re.I)
# "Her latest book, the memoir Crossing Borders,": an apposition that names its kind first
_APPOSED = re.compile(r",\s+(?:the\s+|a\s+)?(?:[a-z-]+\s+){1,2}")


# "A Long Petal of the Sea (2019), her latest novel": the title, its year, and an apposition
_BEFORE = re.compile(r"\s*(?:\(\d{4}\))?\s*,\s*(?:his|her|their|its)\s+")


def _title_before(ctx: CheckContext, word: int, start: int) -> Mention | None:
    """The linked work "latest book" stands in apposition to, named before it."""
    return next((m for m in ctx.analysis.mentions if start <= m.start and m.end <= word
                 and m.kb_id and m.label in ("work", "other")
                 and _BEFORE.fullmatch(ctx.text, m.end, word)), None)


def _date(ctx: CheckContext, work: str) -> PartialDate | None:
    assert ctx.kb is not None
    dates = kb_dates(ctx.kb, work, _DATES)
    return dates[0].value.date if dates else None


def _evidence(ctx: CheckContext, work: str) -> tuple[Evidence, ...]:
    assert ctx.kb is not None
    return tuple(evidence_of(ctx.kb, f) for f in kb_dates(ctx.kb, work, _DATES)[:1])


def _works_of(ctx: CheckContext, person: str) -> list[KBFact]:
    """The dated works the KB credits to the person, as their date facts."""
    assert ctx.kb is not None
    works = {f.subject for f in ctx.kb.facts_with_value(person, CREATOR_PROPERTIES)}
    works |= {f.value.entity_id for f in ctx.kb.facts(person, ("P800",)) if f.value.entity_id}
    return [f for w in works for f in kb_dates(ctx.kb, w, _DATES)]


def _same_kind(ctx: CheckContext, fact: KBFact, kind: str) -> bool:
    """A later film does not make a book less the latest book; a work of no known kind counts."""
    assert ctx.kb is not None
    entity = ctx.kb.entity(fact.subject)
    other = kind_of(ctx.kb, entity) if entity is not None else None
    return other is None or kind == "*" or other == kind
