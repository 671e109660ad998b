"""More rules of the temporal tagger: spoken years ("nineteen ninety-six"), holidays
("Thanksgiving", "Christmas 1998"), the year in focus ("for the full year", "year-end") and
the fiscal-report "the year ended March 31" (see ``analysis.timex_rules``)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from analysis import timex_lexicon as lex
from analysis.timex_rules import Context, Handler, Value, _month, _year_by_tense

_UNITS = {w: i for i, w in enumerate(lex.SMALL_NUMBERS) if 0 < i < 10}
_TEENS = {w: i for i, w in enumerate(lex.SMALL_NUMBERS) if i >= 10}
_UNIT = "|".join(_UNITS)
_TEEN = "|".join(sorted(_TEENS, key=len, reverse=True))
_TENS = "|".join(lex.TENS)
# "nineteen ninety-six", "eighteen oh five", "two thousand (and) one": read-out years.
SPOKEN_YEAR = (
    rf"(?P<spoken>(?i:(?P<hi>{_TEEN})[- ](?:(?P<tens>{_TENS})(?:[- ](?P<unit>{_UNIT}))?"
    rf"|(?P<teen>{_TEEN})|oh[- ](?P<oh>{_UNIT}))"
    rf"|two thousand(?:(?:\s+and)?\s+(?P<after>{_UNIT}|{_TEEN}))?))\b"
)


def spoken_year(m: re.Match[str]) -> int:
    """The year a SPOKEN_YEAR match reads out."""
    if not m["hi"]:
        after = (m["after"] or "").lower()
        return 2000 + _UNITS.get(after, _TEENS.get(after, 0))
    low = (
        lex.TENS.get((m["tens"] or "").lower(), 0) + _UNITS.get((m["unit"] or "").lower(), 0)
        + _TEENS.get((m["teen"] or "").lower(), 0) + _UNITS.get((m["oh"] or "").lower(), 0)
    )
    return _TEENS[m["hi"].lower()] * 100 + low


def _spoken(m: re.Match[str], ctx: Context) -> Value | None:
    if m["spoken"].lower().startswith("two thousand") and m["lead"] is None:
        return None  # "two thousand troops": a year only after "the year", "in", "by" ...
    year = spoken_year(m)
    if m.groupdict().get("month"):
        return Value("DATE", f"{year:04d}-{_month(m):02d}", "month")
    return Value("DATE", str(year), "year")


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) ISO weekday of a month."""
    if n < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


# name -> (month, day) for fixed days, or a function of the year.
HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "halloween": (10, 31), "independence day": (7, 4), "the fourth of july": (7, 4),
    "veterans day": (11, 11), "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "easter sunday": _easter, "easter": _easter,
    "election day": lambda y: _nth_weekday(y, 11, 1, 1) + timedelta(days=1),
}


def _holiday(m: re.Match[str], ctx: Context) -> Value | None:
    rule = HOLIDAYS[" ".join(m["name"].lower().replace("’", "'").split())]

    def day_in(year: int) -> date:
        return rule(year) if callable(rule) else date(year, *rule)

    rel = (m["rel"] or "").lower()
    this_year = day_in(ctx.ref.year)
    if m["year"]:
        year = int(m["year"])
    elif rel == "last":
        year = ctx.ref.year - (1 if this_year >= ctx.ref else 0)
    elif rel == "next":
        year = ctx.ref.year + (1 if this_year <= ctx.ref else 0)
    elif rel == "this":
        year = ctx.ref.year
    else:
        year = _year_by_tense(ctx, m.start(), this_year.month, this_year.day)
    day = day_in(year)
    if m["week"]:
        iso = day.isocalendar()
        return Value("DATE", f"{iso[0]:04d}-W{iso[1]:02d}", "week")
    return Value("DATE", day.isoformat(), "day")


_APPOSED_YEAR = re.compile(r"\b(\d{4}),\s*$")
# "the year that marked ...", "the year she was born": a clause says which year it is
_DEFINED_BY_CLAUSE = re.compile(
    r"\s+(?:that|when|which|in which|during which|he|she|they|we|I|his|her|its|their)\b")


# "the hottest part of the year", "the darkest days of the year": a season of any year
_SEASON_OF = re.compile(r"\b[a-z]+est\s+(?:part|parts|time|months?|weeks?|days?|nights?|season)"
                        r"\s+of\s+$", re.I)


def _focus_year(m: re.Match[str], ctx: Context) -> Value | None:
    """"for the full year", "year-end": the reporting year, the reference date's."""
    if m.groupdict().get("ended") is not None:
        return Value("DURATION", "P1Y", "duration")  # "the year ended March 31": a period
    if not m["edge"] and (named := _APPOSED_YEAR.search(m.string, max(0, m.start() - 8),
                                                        m.start())):
        return Value("DATE", named.group(1), "year")  # "In 1991, the year he was elected"
    if m[0].lower() == "the year" and _DEFINED_BY_CLAUSE.match(m.string, m.end()):
        return None  # not the year of writing; which year it is, only the clause tells
    if m[0].lower() == "the year" and _SEASON_OF.search(m.string, max(0, m.start() - 40),
                                                        m.start()):
        return None
    mod = "END" if m["edge"] else None
    return Value("DATE", str(ctx.ref.year), "year", mod)


def _year_period(m: re.Match[str], ctx: Context) -> Value:
    """"the 1988 third quarter"; "the 1988 period/quarter": the quarter under discussion."""
    year = int(m["year"])
    if m["ord"]:
        number = {"first": 1, "second": 2, "third": 3, "fourth": 4}[m["ord"].lower()]
        return Value("DATE", f"{year:04d}-Q{number}", "quarter")
    period = ctx.recent_period(m.start())
    if period:
        return Value("DATE", f"{year:04d}{period[4:]}", "quarter")
    return Value("DATE", str(year), "year")


def _weekday_date(m: re.Match[str], ctx: Context) -> Value | None:
    """"Friday, Oct. 23": the year in which that day is that weekday, nearest the reference."""
    month, day = _month(m), int(m["day"])
    weekday = lex.WEEKDAYS[m["wd"].lower()]
    ref = ctx.ref.year
    for year in sorted(range(ref - 6, ref + 2), key=lambda y: abs(y - ref)):
        try:
            if date(year, month, day).isoweekday() == weekday:
                return Value("DATE", date(year, month, day).isoformat(), "day")
        except ValueError:
            return None  # "Feb. 30"
    year = _year_by_tense(ctx, m.start(), month, day)
    return Value("DATE", date(year, month, day).isoformat(), "day")


def _month_rel_year(m: re.Match[str], ctx: Context) -> Value:
    """"June last year", "February this year", "April next year"."""
    year = ctx.ref.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return Value("DATE", f"{year:04d}-{_month(m):02d}", "month")


def _rel_year_quarter(m: re.Match[str], ctx: Context) -> Value:
    """"this year's third quarter", "the year-ago third quarter", "next year's first half"."""
    rel = m["rel"].lower()
    year = ctx.ref.year + (1 if rel == "next" else 0 if rel == "this" else -1)
    number = {"first": 1, "second": 2, "third": 3, "fourth": 4}[m["ord"].lower()]
    letter = "H" if m["what"].lower() == "half" else "Q"
    return Value("DATE", f"{year:04d}-{letter}{number}", "quarter" if letter == "Q" else "half")


_HOLIDAY = "|".join(re.escape(h) for h in sorted(HOLIDAYS, key=len, reverse=True))
_LEAD = (
    r"(?P<lead>\b(?i:the year)\s+|(?<=\bin )|(?<=\bby )|(?<=\bsince )|(?<=\buntil )|(?<=\bof )"
    r"|(?<=\bfrom )|(?<=\bto )|(?<=\bbefore )|(?<=\bafter ))"
)
EXTRA_RULES: list[tuple[str, Handler]] = [
    (rf"{_LEAD}?\b{SPOKEN_YEAR}", _spoken),
    (rf"(?P<lead>\b){lex.MONTH},?\s+{SPOKEN_YEAR}", _spoken),
    (
        rf"(?:\b(?P<rel>(?i:last|next|this))\s+)?\b(?P<name>(?i:{_HOLIDAY}))(?![\w'])"
        rf"(?P<week>\s+(?i:week))?(?:,?\s+{lex.YEAR})?",
        _holiday,
    ),
    (
        r"\b(?:(?P<edge>(?i:the end))\s+of\s+)?(?i:the)\s+(?:(?i:current)\s+)?(?:(?i:fiscal|full"
        r"|calendar)\s+)?year\b(?![-']|\s+(?:(?i:ago|earlier|before|after|later|two|\d))\b)"
        r"(?P<ended>(?=\s+end(?:ed|ing)\b))?",
        _focus_year,
    ),
    (r"\b(?P<edge>(?i:year[- ]end|year's end))\b", _focus_year),
    (rf"\b{lex.WEEKDAY},?\s+{lex.MONTH}\s+{lex.DAY}(?![,\s]+\d)", _weekday_date),
    (
        r"(?:\b(?i:the)\s+)?\b(?P<rel>(?i:this|last|next)(?=\s+year's)|(?i:year-ago|year-earlier))"
        r"(?:\s+(?i:year's))?\s+(?P<ord>(?i:first|second|third|fourth))[- ]"
        r"(?P<what>(?i:quarter|half))\b",
        _rel_year_quarter,
    ),
    (rf"\b{lex.MONTH}\s+(?P<rel>(?i:last|this|next))\s+(?i:year)\b", _month_rel_year),
    (
        rf"\b(?i:the)\s+{lex.YEAR}\s+(?:(?P<ord>(?i:first|second|third|fourth))[- ])?"
        r"(?:(?i:fiscal)\s+)?(?P<what>(?i:quarter|period))\b",
        _year_period,
    ),
]
