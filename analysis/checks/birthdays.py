"""Birthdays: "a few days before his 30th birthday" must fit the birth date and the event's date.

The age checks in ``timeline`` read "at 34" or "aged 87"; this reads the other way English
counts years of life, by the birthday an event falls before or after.
"""

from __future__ import annotations

import re
from datetime import date

from analysis.checks.base import CheckContext, Finding
from analysis.checks.life import QUOTED, LifeDate, calendar_dates, life_date
from analysis.checks.registry import register
from analysis.wordnum import parse_number

_ORDINAL = re.compile(
    r"\b(?P<rel>before|after|on|ahead of|short of)\s+(?:(?:his|her|their)\s+)"
    r"(?P<n>\d{1,3})(?:st|nd|rd|th)\s+birthday\b"
    r"|\b(?P<rel2>before|after|on|ahead of|short of)\s+(?:(?:his|her|their)\s+)"
    r"(?P<word>[a-z]+(?:-[a-z]+)?)\s+birthday\b",
    re.I,
)
_ORDINAL_WORDS = {"first": "one", "second": "two", "third": "three", "fifth": "five",
                  "eighth": "eight", "ninth": "nine", "twelfth": "twelve"}


def _ordinal(word: str) -> int | None:
    """ "thirtieth" -> 30, "twenty-first" -> 21."""
    parts = word.lower().split("-")
    last = parts[-1]
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("ieth"):
        last = last[:-4] + "y"
    elif last.endswith("th"):
        last = last[:-2]
    else:
        return None
    return parse_number("-".join([*parts[:-1], last]))


def _birthday(birth: date, n: int) -> date:
    try:
        return birth.replace(year=birth.year + n)
    except ValueError:  # born on 29 February
        return birth.replace(year=birth.year + n, day=28)


@register
def check_birthdays(ctx: CheckContext) -> list[Finding]:
    birth = life_date(ctx, "born", "P569")
    if birth is None or birth.date.precision != "day":
        return []
    born = birth.date.interval()[0]
    found = []
    for start, end in ctx.analysis.sentences:
        sentence = QUOTED.sub(lambda q: " " * len(q.group(0)), ctx.text[start:end])
        dates = calendar_dates(ctx, start, end)
        for m in _ORDINAL.finditer(sentence):
            n = int(m["n"]) if m["n"] else _ordinal(m["word"])
            if not n or not 0 < n < 120 or not dates:
                continue
            at = start + m.start()
            tx, when = min(dates, key=lambda d: abs(d[0].start - at))
            first, last = when.interval()
            day = _birthday(born, n)
            rel = (m["rel"] or m["rel2"]).lower()
            wrong = first >= day if rel in ("before", "ahead of", "short of") else (
                last < day if rel == "after" else not first <= day <= last)
            if wrong:
                found.append(_finding(start, end, n, rel, tx.text, day, birth))
    return found


def _nth(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _finding(start: int, end: int, n: int, rel: str, when: str, day: date,
             birth: LifeDate) -> Finding:
    return Finding(
        "internal_inconsistency", "medium", start, end,
        f"'{when}' is not {rel} the {_nth(n)} birthday: born {birth.date.human()}, the subject "
        f"turned {n} on {day:%-d %B %Y}",
        (birth.evidence,), "Check the birthday's number or the date.")
