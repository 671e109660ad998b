"""What the timeline checks share: the subject's life dates and the calendar dates of a
sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.checks.base import CheckContext, claim_date
from analysis.dates import PartialDate
from analysis.models import Claim, Evidence, Timex
from analysis.timex import to_partial_date


@dataclass(frozen=True)
class LifeDate:
    """The subject's birth or death and where the date comes from."""

    date: PartialDate
    evidence: Evidence


NUM = r"(\d{1,3}|[a-z]+(?:[- ][a-z]+)?)"


QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


RELATIVE = re.compile(r"\b(later|after|afterwards|earlier|before)\b", re.I)




def subject_claims(ctx: CheckContext) -> list[Claim]:
    subject = ctx.analysis.subject
    if subject is None:
        return []
    return [
        c
        for c in ctx.analysis.claims
        if c.subject == subject.name or (subject.kb_id and c.subject_kb_id == subject.kb_id)
    ]


def quote(ctx: CheckContext, start: int, end: int) -> str:
    text = " ".join(ctx.text[start:end].split())
    return text if len(text) < 140 else text[:137] + "..."


def life_date(ctx: CheckContext, predicate: str, pid: str) -> LifeDate | None:
    """The subject's birth or death: as the article states it, else as the KB has it."""
    key = ("life_date", predicate)
    if key not in ctx.memo:  # the timeline, age and birthday checks all ask
        ctx.memo[key] = _find_life_date(ctx, predicate, pid)
    return ctx.memo[key]  # type: ignore[return-value]


def _find_life_date(ctx: CheckContext, predicate: str, pid: str) -> LifeDate | None:
    for claim in subject_claims(ctx):
        date = claim_date(claim)
        if claim.predicate == predicate and date is not None:
            if predicate == "died" and _active_after(ctx, date):
                continue  # the KB has the subject taking up posts later: not the subject's death
            where = f"the article, offset {claim.start}"
            return LifeDate(
                date, Evidence(f'The article says: "{quote(ctx, claim.start, claim.end)}"', where)
            )
    subject = ctx.analysis.subject
    if ctx.kb is not None and subject is not None and subject.kb_id:
        for fact in ctx.kb.facts(subject.kb_id, (pid,)):
            if fact.value.date is not None:
                statement = f"{subject.name}: {predicate} {fact.value.date.human()}"
                return LifeDate(fact.value.date, Evidence(statement, fact.source, subject.kb_id))
    return None


def _active_after(ctx: CheckContext, died: PartialDate) -> bool:
    subject = ctx.analysis.subject
    if ctx.kb is None or subject is None or not subject.kb_id:
        return False
    last = died.interval()[1]
    return any(f.start is not None and f.start.interval()[0] > last
               for f in ctx.kb.facts(subject.kb_id, ("P39", "P108", "P463", "P54")))


_WRITTEN = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                      r"\b(?:spring|summer|autumn|fall|winter)\b|\b[a-z]+(?:ties|ties's)\b",
                      re.I)


def calendar_dates(ctx: CheckContext, start: int, end: int) -> list[tuple[Timex, PartialDate]]:
    out = []
    for tx in ctx.analysis.timexes:
        # "At midnight on 6 March 1957": a time of a written day is that day
        if start <= tx.start < end and tx.type in ("DATE", "TIME") and not RELATIVE.search(
                tx.text) and _WRITTEN.search(tx.text):
            # "Sunday", "at the end of the year": the article's own week or year, not a date
            # the story gives
            date = to_partial_date(tx)
            if date is not None and date.precision != "decade" and not _of_writing(ctx, tx, date):
                out.append((tx, date))
    return out


def _of_writing(ctx: CheckContext, tx: Timex, date: PartialDate) -> bool:
    """"Working from late July into September": no year written, and none the story gave (the
    year is the analysis date's), so the date tells nothing about the life."""
    year = ctx.analysis.ref_date.year
    if re.search(r"\d{4}", tx.text) or date.year != year:
        return False
    if "story_years" not in ctx.memo:  # (computed once per article)
        ctx.memo["story_years"] = (max((d.year for d in _years_written(ctx)), default=0),
                                   _death_years(ctx))
    latest, deaths = ctx.memo["story_years"]  # type: ignore[misc]
    return year - 1 > latest and year not in deaths  # (an obituary's "died on 5 February")


def _death_years(ctx: CheckContext) -> set[int]:
    """The years the KB, or the article itself, gives the subject's death."""
    subject = ctx.analysis.subject
    told = {d.year for c in ctx.analysis.claims if c.predicate == "died"
            and subject is not None and c.subject == subject.name and (d := claim_date(c))}
    if ctx.kb is None or subject is None or not subject.kb_id:
        return told
    return told | {f.value.date.year for f in ctx.kb.facts(subject.kb_id, ("P570",))
                   if f.value.date}


def _years_written(ctx: CheckContext) -> list[PartialDate]:
    return [d for t in ctx.analysis.timexes if re.search(r"\d{4}", t.text)
            and (d := to_partial_date(t)) is not None and d.year < ctx.analysis.ref_date.year]


NEW_CLAUSE = re.compile(r";|,\s*(?:and|but|while|whereas|then)\b")
