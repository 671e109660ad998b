"""Stated lengths of time against the article's own dates: "arrived in 1935 and stayed twelve
years, until he left in May 1945" is ten years, not twelve."""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, Finding
from analysis.checks.life import calendar_dates, quote
from analysis.checks.registry import register
from analysis.models import Evidence
from analysis.wordnum import parse_number

# A span that runs "until" a date: "stayed twelve years, until ...", "the partnership lasted
# twenty-six years, until ...", "served for eight years until ...". Approximations ("nearly",
# "some", "more than") are no sums to check.
_SPAN = re.compile(
    r"\b(?:stayed|remained|spent|lasted|served|worked|lived|taught|played|ran|reigned|held)\b"
    r"(?:\s+(?:there|on|in\s+\w+|at\s+\w+|with\s+\w+))?\s+(?:for\s+)?"
    r"(?P<approx>(?:nearly|almost|about|around|some|roughly|over|more than|less than|"
    r"close to|under|just over|just under)\s+)?"
    r"(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+(?:full\s+|long\s+)?years\b[^.;:—]{0,40}?,?\s+until\b",
    re.I,
)
# Years either side of the stated span: "from 1935 to May 1945" is nine or ten years.
_SLACK = 1


@register
def check_durations(ctx: CheckContext) -> list[Finding]:
    found = []
    for start, end in ctx.analysis.sentences:
        sentence = ctx.text[start:end]
        for m in _SPAN.finditer(sentence):
            years = parse_number(m["n"])
            if m["approx"] or years is None or not 0 < years < 100:
                continue
            dates = calendar_dates(ctx, start, end)
            before = [(tx, d) for tx, d in dates if tx.end <= start + m.start()]
            after = [(tx, d) for tx, d in dates if tx.start >= start + m.end()]
            if not before or not after:
                continue
            (since_tx, since), (until_tx, until) = before[-1], after[0]
            counted = until.year - since.year
            if counted < 0 or abs(counted - years) <= _SLACK:
                continue
            found.append(Finding(
                "internal_inconsistency", "medium", start, end,
                f"'{m['n']} years' does not add up: from {since.human()} to {until.human()} is "
                f"{_about(counted)}", (Evidence(
                    f"The sentence's own dates: \"{quote(ctx, since_tx.start, since_tx.end)}\" "
                    f"and \"{quote(ctx, until_tx.start, until_tx.end)}\"",
                    f"the article, offset {since_tx.start}"),),
                f"Say {_about(counted)}, or check the dates."))
    return found


def _about(years: int) -> str:
    return f"about {years} year{'s' if years != 1 else ''}"
