"""Stated lengths of time against the article's own dates: "arrived in 1935 and stayed twelve
years, until he left in May 1945" is ten years, not twelve; "for the next nine years, from
1986 until June 1993" is seven; "on April 4, 1974, ... two weeks later, on April 8" is four
days."""

from __future__ import annotations

import re
from datetime import date

from analysis.checks.base import CheckContext, Finding
from analysis.checks.life import calendar_dates, life_date, quote
from analysis.checks.registry import register
from analysis.dates import PartialDate
from analysis.models import Evidence, Timex
from analysis.wordnum import parse_number

# A span that runs "until" a date: "stayed twelve years, until ...", "the partnership lasted
# twenty-six years, until ...", "served for eight years until ...", "lasted five years and
# ended in 1954". Approximations ("nearly",
# "some", "more than") are no sums to check.
_SPAN = re.compile(
    r"\b(?:stayed|remained|spent|lasted|served|worked|lived|taught|played|ran|reigned|held)\b"
    r"(?:\s+(?:there|on|in\s+\w+|at\s+\w+|with\s+\w+))?\s+(?:for\s+)?"
    r"(?P<approx>(?:nearly|almost|about|around|some|roughly|over|more than|less than|"
    r"close to|under|just over|just under)\s+)?"
    r"(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+(?:full\s+|long\s+)?years\b[^.;:—]{0,40}?,?\s+"
    r"(?:until|and ended in|ending in)\b",
    re.I,
)
# A span stated with its own range: "worked for the next nine years, from 1986 until June
# 1993", "for twelve years, between 1961 and 1973".
_RANGED = re.compile(
    r"\b(?P<approx>(?:nearly|almost|about|around|some|roughly|over|more than|less than|"
    r"close to|under|just over|just under)\s+)?"
    r"(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+(?:full\s+|long\s+)?years\b,?\s+(?:from|between)\s",
    re.I,
)
_RANGE_LINK = re.compile(r"^\W*(?:to|until|till|through|and|[-–—])\W*$", re.I)
# Years either side of the stated span: "from 1935 to May 1945" is nine or ten years.
_SLACK = 1


@register
def check_durations(ctx: CheckContext) -> list[Finding]:
    found = []
    for start, end in ctx.analysis.sentences:
        sentence = ctx.text[start:end]
        spans = [(m, False) for m in _SPAN.finditer(sentence)]
        spans += [(m, True) for m in _RANGED.finditer(sentence)]
        for m, ranged in spans:
            years = parse_number(m["n"])
            if m["approx"] or years is None or not 0 < years < 100:
                continue
            dates = calendar_dates(ctx, start, end)
            after = [(tx, d) for tx, d in dates if tx.start >= start + m.end()]
            if ranged:
                if not after:
                    continue
                range_end = after[0][0].end_value and PartialDate.parse(after[0][0].end_value)
                if range_end:  # one timex: "1986 until June 1993"
                    (since_tx, since), (until_tx, until) = after[0], (after[0][0], range_end)
                elif len(after) > 1 and _RANGE_LINK.match(
                        ctx.text[after[0][0].end:after[1][0].start]):
                    (since_tx, since), (until_tx, until) = after[0], after[1]
                else:
                    continue
            else:
                before = [(tx, d) for tx, d in dates if tx.end <= start + m.start()]
                if not before or not after:
                    continue
                (since_tx, since), (until_tx, until) = before[-1], after[0]
            counted = until.year - since.year
            if counted < 0 or abs(counted - years) <= _SLACK:
                continue
            found.append(_span_finding(
                ctx, (start, end), (since_tx, until_tx),
                f"'{m['n']} years' does not add up: from {since.human()} to {until.human()} is "
                f"{_about(counted)}", f"Say {_about(counted)}, or check the dates."))
    return found


def _span_finding(ctx: CheckContext, sentence: tuple[int, int], ends: tuple[Timex, Timex],
                  message: str, suggestion: str) -> Finding:
    """A stated length of time that its sentence's own two dates contradict."""
    since, until = ends
    return Finding(
        "internal_inconsistency", "medium", *sentence, message, (Evidence(
            f"The sentence's own dates: \"{quote(ctx, since.start, since.end)}\" "
            f"and \"{quote(ctx, until.start, until.end)}\"",
            f"the article, offset {since.start}"),), suggestion)


def _about(years: int) -> str:
    return f"about {years} year{'s' if years != 1 else ''}"


# "two weeks later, on April 8", "three months later, in June 1957": a short count of time
# followed by the date it lands on (years are counted in ``analysis.checks.intervals``)
_SHORT = re.compile(
    r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>days?|weeks?|months?)\s+"
    r"(?:later|afterwards?)\b,?\s+(?:on|in)\s+(?=\S)", re.I)
# Slack in days either side of a counted span: "two weeks" is 10 to 18 days, "ten days" 8 to 12
_DAY_SLACK = {"day": 1, "week": 4}


@register
def check_short_intervals(ctx: CheckContext) -> list[Finding]:
    found = []
    for start, end in ctx.analysis.sentences:
        sentence = ctx.text[start:end]
        for m in _SHORT.finditer(sentence):
            count = parse_number(m["n"])
            if count is None or not 0 < count < 100:
                continue
            dates = calendar_dates(ctx, start, end)
            before = [(tx, d) for tx, d in dates if tx.end <= start + m.start()]
            after = [(tx, d) for tx, d in dates if tx.start == start + m.end()]
            if not before or not after:
                continue
            (since_tx, since), (until_tx, until) = before[-1], after[0]
            unit = m["unit"].lower().rstrip("s")
            counted = _counted(since, until, unit)
            if counted is None:
                continue
            expected = count * 7 if unit == "week" else count
            slack = _DAY_SLACK.get(unit, 1) * (count if unit == "day" and count > 5 else 1)
            if abs(counted - expected) <= slack:
                continue
            span = (f"{counted} day{'s' if counted != 1 else ''}" if unit != "month"
                    else f"{counted} month{'s' if counted != 1 else ''}")
            found.append(_span_finding(
                ctx, (start, end), (since_tx, until_tx),
                f"'{m['n']} {m['unit']} later' does not add up: from {since.human()} to "
                f"{until.human()} is {span}", f"Say {span} later, or check the dates."))
    return found


def _counted(since: PartialDate, until: PartialDate, unit: str) -> int | None:
    """Days (or months) from ``since`` to ``until``, when both are that precise."""
    if unit == "month":
        if since.month is None or until.month is None:
            return None
        return (until.year - since.year) * 12 + until.month - since.month
    if since.day is None or until.day is None or since.month is None or until.month is None:
        return None
    return (date(until.year, until.month, until.day) - date(since.year, since.month,
                                                             since.day)).days


# "for the next twenty-five summers the family ...", "who would remain at his side for seventy
# years": a stretch of a shared life, counted from the sentence's date (an approximation,
# "some twenty years", is no sum)
_STRETCH = re.compile(
    r"\bfor (?:the (?:next|following) )?(?P<approx>(?:nearly|almost|about|around|some|roughly|"
    r"over|more than|close to|just over)\s+)?(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?P<unit>years|summers|winters|seasons)\b", re.I)
# Who shares the stretch with the subject: it needs the subject alive (a foundation, a law or
# a building may outlive its founder)
_SHARED = re.compile(r"\b(?:the family|the couple|together|at (?:his|her) side|by (?:his|her) "
                     r"side|with (?:him|her)|married)\b", re.I)
_NEAR = 40
# "she died in 2010; they had been married for 60 years": a stretch that ends at the date
_BACK = re.compile(r"\b(?:had|has|have)\b", re.I)


@register
def check_outlived(ctx: CheckContext) -> list[Finding]:
    """A stretch of the subject's shared life, from a dated event, that would run past the
    death the article (or the KB) gives."""
    died = life_date(ctx, "died", "P570")
    if died is None:
        return []
    found = []
    for start, end in ctx.analysis.sentences:
        sentence = ctx.text[start:end]
        for m in _STRETCH.finditer(sentence):
            count = parse_number(m["n"])
            near = sentence[max(0, m.start() - _NEAR) : m.end() + _NEAR]
            if m["approx"] or count is None or not 0 < count < 100 or not _SHARED.search(near) \
                    or _BACK.search(sentence[max(0, m.start() - _NEAR) : m.start()]):
                continue
            before = calendar_dates(ctx, start, start + m.start())
            if not before:
                continue
            since_tx, since = before[-1]
            until = since.year + count
            if since.year > died.date.year or until <= died.date.year + _SLACK:
                continue
            found.append(Finding(
                "internal_inconsistency", "medium", start, end,
                f"'{m['n']} {m['unit']}' from {since.year} runs to {until}, past "
                f"{ctx.analysis.subject.name if ctx.analysis.subject else 'the subject'}'s "
                f"death ({died.date.human()})",
                (Evidence(f"The sentence's date: \"{quote(ctx, since_tx.start, since_tx.end)}\"",
                          f"the article, offset {since_tx.start}"), died.evidence),
                f"At most {died.date.year - since.year} {m['unit']}: check the count or the "
                "dates."))
    return found
