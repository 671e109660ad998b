"""Find temporal expressions in text and normalise them to TIMEX3 (type, value, mod, range).

Rules over the raw text, so the tagger is fast and works without a model. Conventions:

* Spans follow TimeML: signals such as "in", "since", "from", "between" are not part of the
  expression; their meaning goes into ``mod`` ("since 2013" -> "2013", mod ``ON_OR_AFTER``).
* A range ("from 1988 to 1996", "1988-1996", "between 1988 and 1996") is one Timex spanning
  both ends, value = start, ``end_value`` = end.
* "N units later/earlier" is a DATE resolved against the previous absolute date in the text
  (a profile's "two years later" follows the year it refers to); with no earlier date it stays
  a DURATION ("P2Y"). "N units ago" resolves against the reference date.
* "today" is ``PRESENT_REF`` by default (a profile's "today" means "at the time of writing");
  ``today_as_date=True`` gives the TimeML convention (the reference date itself).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from analysis.dates import PartialDate
from analysis.models import Timex
from analysis.timex_extra import EXTRA_RULES, HOLIDAYS
from analysis.timex_relative import RELATIVE_RULES
from analysis.timex_rules import ABSOLUTE_RULES, Context, Value, compile_rules, run_rules

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_timexes", "to_partial_date", "Timex"]

# Words joining the two ends of a range, and the signal that may open it.
# Not across a line break: "on 24 December\n- 1920: ..." is a list, not a range.
_RANGE_JOIN = re.compile(
    r"^[^\S\n]*(?:-|–|—|to|until|till|through|thru|and)[^\S\n]*$", re.IGNORECASE
)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
# Signals before an expression that turn a point into an open interval.
_SIGNAL_MOD = (
    (re.compile(r"\b(?:since|from)\s+$", re.IGNORECASE), "ON_OR_AFTER"),
    (re.compile(r"\b(?:after)\s+$", re.IGNORECASE), "AFTER"),
    (re.compile(r"\b(?:before|prior to)\s+$", re.IGNORECASE), "BEFORE"),
    (re.compile(r"\b(?:until|till|through|by)\s+$", re.IGNORECASE), "ON_OR_BEFORE"),
)
_RULES = compile_rules(ABSOLUTE_RULES + RELATIVE_RULES + EXTRA_RULES)
_ABSOLUTE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_PERIOD = re.compile(r"^\d{4}-[QH]\d$")
_SEASON = re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$")
_DECADE_OR_CENTURY = re.compile(r"^\d{2,3}X{1,2}$")
_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Between a clock time and its day: a time zone, a comma, "on".
_CLOCK_JOIN = re.compile(r"^\s*(?:[A-Z]{2,4}\s*)?,?\s*(?:on\s+)?$")
# A unit word written in title case is part of a name or a heading, except in a holiday.
_TITLE_UNIT = re.compile(
    r"\b(?:Years?|Months?|Weeks?|Weekends?|Days?|Decades?|Centur(?:y|ies)|Hours?|Minutes?"
    r"|Seconds?|Nights?|Mornings?)\b"
)
_HOLIDAY_NAME = re.compile(rf"(?i:{'|'.join(map(re.escape, HOLIDAYS))})")
_SHIFTED = re.compile(r"\b(?:ago|earlier|before)\b", re.IGNORECASE)


_BOUND_BEFORE = re.compile(r"\b(?:until|till)\s+$", re.I)
_OWNED_BEFORE = re.compile(r"\b(?:her|his|their|its|my|our|your)\s+$", re.I)
_DEICTIC = re.compile(r"(?:last|next|this|that)\s", re.I)


def find_timexes(
    text: str,
    ref_date: date | None,
    doc: Doc | None = None,
    *,
    today_as_date: bool = False,
) -> list[Timex]:
    """Find and normalise every temporal expression in ``text``.

    Args:
        text: the text to tag.
        ref_date: the date relative expressions resolve against (None: today's date).
        doc: an optional spaCy Doc of ``text``; its sentences bound the tense heuristics.
        today_as_date: "today" gets the reference date (TimeML) rather than PRESENT_REF.

    Returns:
        Timexes in text order, non-overlapping, with offsets into ``text``.
    """
    ctx = Context(
        text, ref_date or date.today(), today_as_date, _sentence_bounds(text, doc), doc=doc
    )
    found: list[Timex] = []
    # (not across a line break into the next line's "2020:" label: "on 17 March\n2020: X")
    matches = [f for f in run_rules(_RULES, text)
               if not ("\n" in text[f[0] : f[1]] and text[f[1] : f[1] + 1] == ":")]
    for start, end, rule in _select(matches):
        value = rule(ctx)
        if value is None:
            continue
        timex = _make(text, start, end, value)
        if _OWNED_BEFORE.search(text, max(0, start - 8), start) and _DEICTIC.match(timex.text):
            continue  # "her last year", "his next season": a stretch of a life, not a date
        if _TITLE_UNIT.search(timex.text) and not _HOLIDAY_NAME.search(timex.text):
            continue  # "A Day in the Life", "60 Minutes", ABC's "This Week": titles, not times
        if _SHIFTED.search(timex.text):
            pass  # "a year earlier" compares with the date in focus ("later" moves the story on)
        elif _ABSOLUTE.match(timex.value) and timex.type == "DATE" and not (
                _BOUND_BEFORE.search(text, max(0, start - 8), start)
                and ctx.anchor is not None and ctx.same_sentence(ctx.anchor_at, start)):
            # (not "In 1977 Yale made him dean, a post he held until 1984. In the same year
            # ...": the end of a stretch told in passing; the sentence's date stays in focus)
            ctx.anchor, ctx.anchor_at = PartialDate.parse(timex.value[:10]), timex.start
        elif _PERIOD.match(timex.value):
            ctx.period = (timex.value, timex.end)
        elif _SEASON.match(timex.value) and timex.type == "DATE":
            # "in the spring of 2002. ... that April": the season's year is the one in focus
            ctx.anchor, ctx.anchor_at = PartialDate(int(timex.value[:4])), timex.start
        found.append(timex)
    found = [t for t in found
             if not _month_as_name(text, t) and not _weekday_as_modifier(text, t, doc)]
    merged = _merge_clock_days(text, _merge_ranges(text, found))
    return [_add_signal_mod(text, t) for t in merged]


_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+")
_MONTHS = ("january february march april may june july august september october november "
           "december").split()


def _month_as_name(text: str, timex: Timex) -> bool:
    """"married June Mulgrew": a lone month name followed by a capitalised word is a name."""
    word = timex.text.strip().lower()
    if word not in _MONTHS:
        return False
    after = _NAME_AFTER.match(text, timex.end)
    return after is not None and after.group(0).strip().lower() not in _MONTHS


_WEEKDAYS = ("monday tuesday wednesday thursday friday saturday sunday").split()
_WEEKDAY_LEAD = re.compile(r"\b(?:on|last|next|this|that|every|each|by|until|till|since|from|"
                           r"to|the|a|of|before|after|and|or)\s+$", re.I)
# "Sunday school", "Sunday service": nouns a weekday names a kind of (without a parse)
_KIND_NOUNS = re.compile(r" (?:school|schools|service|services|supplement|league|roast|best)\b")


def _weekday_as_modifier(text: str, timex: Timex, doc: Doc | None) -> bool:
    """"taught Sunday school": a lone weekday with no preposition before it that modifies a
    noun names a kind of thing, not a day ("left Sunday for Paris" is a day)."""
    if timex.text.strip().lower() not in _WEEKDAYS or _WEEKDAY_LEAD.search(
            text[max(0, timex.start - 12) : timex.start]):
        return False
    span = doc.char_span(timex.start, timex.end) if doc is not None else None
    if span is not None:
        tok = span.root
        return tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lower_ not in (
            "morning", "afternoon", "evening", "night")
    return _KIND_NOUNS.match(text, timex.end) is not None


def to_partial_date(timex: Timex) -> PartialDate | None:
    """The calendar date a DATE timex denotes, at its precision (None when it has none).

    Seasons, quarters and halves become their year, weeks their month; durations, sets and
    reference values (PRESENT_REF, ...) have no calendar date.
    """
    if timex.type not in ("DATE", "TIME"):
        return None
    value = timex.value
    if m := re.match(r"^(\d{4})-W(\d{2})", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return PartialDate(monday.year, monday.month, None, "month")
    if m := re.match(r"^(\d{4})-(?:SP|SU|FA|WI|Q\d|H\d|QX|XX)", value):
        return PartialDate(int(m[1]))
    if m := re.match(r"^(\d{4}-\d{2}-\d{2})T", value):
        return PartialDate.parse(m[1])
    return PartialDate.parse(value)


def _sentence_bounds(text: str, doc: Doc | None) -> list[tuple[int, int]]:
    """Sentence character spans: from the Doc when given, else split at end punctuation."""
    if doc is not None and doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    bounds, start = [], 0
    for m in re.finditer(r"[.!?]+[\"”’']?\s+(?=[\"“A-Z0-9])|\n+", text):
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _select(cands: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Keep the longest candidates that do not overlap (earlier rules win ties)."""
    order = sorted(range(len(cands)), key=lambda i: (-(cands[i][1] - cands[i][0]), i))
    taken: list[tuple[int, int, object]] = []
    for i in order:
        s, e, _ = cands[i]
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append(cands[i])
    return sorted(taken, key=lambda c: c[0])


def _make(text: str, start: int, end: int, value: Value) -> Timex:
    return Timex(
        start, end, text[start:end], value.type, value.value, value.precision, value.mod,
        value.end,
    )


def _merge_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """Join "X to Y", "X-Y", "between X and Y" into one Timex with an end value."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if prev is not None and _is_range_pair(text, prev, t):
            out[-1] = Timex(
                prev.start, t.end, text[prev.start : t.end], "DATE", prev.value,
                prev.precision, prev.mod, t.value,
            )
            continue
        out.append(t)
    return out


def _merge_clock_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """Join a clock time and the day after it ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6")."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.type == "TIME" and _CLOCK.match(prev.value)
            and t.type == "DATE" and _DAY.match(t.value) and t.end_value is None
            and _CLOCK_JOIN.match(text[prev.end : t.start])
        ):
            value = t.value + prev.value[10:]
            out[-1] = Timex(prev.start, t.end, text[prev.start : t.end], "TIME", value, "time")
            continue
        out.append(t)
    return out


def _is_range_pair(text: str, a: Timex, b: Timex) -> bool:
    if a.type != "DATE" or b.type != "DATE" or a.end_value is not None:
        return False
    if not (_is_calendar(a.value) and _is_calendar(b.value)):
        return False
    joiner = text[a.end : b.start]
    if not _RANGE_JOIN.match(joiner):
        return False
    word = joiner.strip().lower()
    opened = _RANGE_OPEN.search(text[max(0, a.start - 10) : a.start])
    if word == "and":  # "1988 and 1996" is a range only after "between"
        return bool(opened) and opened.group(0).lower().startswith("between")
    return True


def _is_calendar(value: str) -> bool:
    return bool(_ABSOLUTE.match(value) or _DECADE_OR_CENTURY.match(value))


def _add_signal_mod(text: str, timex: Timex) -> Timex:
    """Record "since 2013" as ON_OR_AFTER, "before 1990" as BEFORE (span stays "2013")."""
    if timex.mod or timex.end_value or timex.type != "DATE" or not _is_calendar(timex.value):
        return timex
    before = text[max(0, timex.start - 12) : timex.start]
    for pattern, mod in _SIGNAL_MOD:
        if pattern.search(before):
            return replace(timex, mod=mod)
    return timex

