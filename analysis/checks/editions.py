"""Dated editions of a series: "at the London Olympics in 2008" (or "at the 2008 London
Olympics") when the KB dates the London Olympics to 2012. An event the KB places in a series
(it follows or is followed by another), or dates to a day, is held once, so the year written
with its name must be its own; the message names the edition that year belongs to, when the KB
has it ("2008 is the date of the 2008 Summer Olympics")."""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, Finding, evidence_of, label_of, replace_once
from analysis.checks.kb_match import kb_dates, related_entities
from analysis.checks.life import calendar_dates
from analysis.checks.registry import register
from analysis.dates import PartialDate
from analysis.kb.api import KBReader
from analysis.kb.model import KBFact
from analysis.models import Mention

_DATES = ("P585", "P580", "P571", "P577")
_SERIES = ("P155", "P156")
# "the London Olympics in 2008", "the 1966 World Cup final, played in 1967": a year in the name's
# own phrase, not in a later clause
_IN_YEAR = re.compile(r"\s+(?:in|of)\s+$", re.I)
_THE = re.compile(r"\bthe\s+$", re.I)
# Kinds the claim checks date already (works, organisations, awards, people, places, posts)
_CHECKED_KINDS = frozenset({"person", "organization", "work", "award", "place", "position"})


@register
def check_editions(ctx: CheckContext) -> list[Finding]:
    kb = ctx.kb
    if kb is None:
        return []
    found = []
    dated = {c.object_kb_id for c in ctx.analysis.claims if c.time is not None}
    for mention in ctx.analysis.mentions:
        if mention.kb_id is None or not (_edition(kb, mention) or (
                mention.kb_id not in dated and _one_off(kb, mention))):
            continue
        start, end = next(((s, e) for s, e in ctx.analysis.sentences if s <= mention.start < e),
                          (mention.start, mention.end))
        written = _written_year(ctx, mention, start, end)
        if written is None:
            continue
        known = kb_dates(kb, mention.kb_id, _DATES)
        # (by year: an edition lasts weeks, "in August 2012" is the Games of 27 July 2012)
        if known and not any(f.value.date and f.value.date.year == written.year for f in known):
            found.append(_finding(ctx, kb, mention, written, known[0], start, end))
    return found


def _written_year(ctx: CheckContext, mention: Mention, start: int, end: int
                  ) -> PartialDate | None:
    """The year written with the name: "the London Olympics in 2008", "the 1992 Lillehammer
    Games"."""
    after = next((d for tx, d in calendar_dates(ctx, mention.end, end)
                  if _IN_YEAR.fullmatch(ctx.text, mention.end, tx.start)), None)
    return after or next((d for tx, d in calendar_dates(ctx, start, mention.start)
                          if not ctx.text[tx.end : mention.start].strip()
                          and _THE.search(ctx.text, max(0, tx.start - 5), tx.start)), None)


def _edition(kb: KBReader, mention: Mention) -> bool:
    if mention.kb_id is None or mention.label in _CHECKED_KINDS:
        return False
    entity = kb.entity(mention.kb_id)
    return entity is not None and entity.type not in _CHECKED_KINDS and bool(
        kb.facts(mention.kb_id, _SERIES) or kb.facts_with_value(mention.kb_id, _SERIES))


def _one_off(kb: KBReader, mention: Mention) -> bool:
    """An event the KB dates to a day ("Ronald Reagan's second inauguration", 21 January 1985):
    it happened once, so "at X in 1981" gives it the wrong year (a claim that names it with a
    date is checked as a claim)."""
    if mention.label in _CHECKED_KINDS:
        return False
    entity = kb.entity(mention.kb_id or "")
    return entity is not None and entity.type == "other" and any(
        f.value.date is not None and f.value.date.precision == "day"
        for f in kb.facts(entity.id, ("P585",)))


def _finding(ctx: CheckContext, kb: KBReader, mention: Mention, written: PartialDate,
             fact: KBFact, start: int, end: int) -> Finding:
    entity_id = fact.subject
    what = label_of(kb, entity_id, mention.text)
    known = fact.value.date
    assert known is not None  # kb_dates keeps dated facts only
    message = f"{what} dates from {known.year}, not {written.year}"
    evidence = [evidence_of(kb, fact)]
    for other in related_entities(kb, entity_id, derived=True):
        dated = [f for f in kb_dates(kb, other, _DATES)
                 if f.value.date and f.value.date.year == written.year]
        if dated:
            evidence.append(evidence_of(kb, dated[0]))
            message = (f"{written.year} is the date of {label_of(kb, other, other)}; "
                       f"{mention.text} ({what}) is from {known.year}")
            break
    sentence = ctx.text[start:end]
    return Finding("date_mismatch", "high", start, end, message, tuple(evidence),
                   replace_once(sentence, str(written.year), str(known.year)))
