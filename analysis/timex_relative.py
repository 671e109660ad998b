"""Rules for relative and quantified expressions: "yesterday", "last year", "Friday",
"two years ago", "three months", "weekly", "now" (see ``analysis.timex_rules``)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from analysis import timex_lexicon as lex
from analysis.timex_rules import Context, Handler, Value, _add_months, _num, _week, _words

_DAY_SHIFT = {
    "today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}
_REL_SHIFT = {
    "last": -1, "previous": -1, "this": 0, "current": 0, "the current": 0, "next": 1,
    "coming": 1, "the same": 0,
}
_REF_VALUES = (
    dict.fromkeys(lex.PRESENT_WORDS, "PRESENT_REF")
    | dict.fromkeys(lex.PAST_WORDS, "PAST_REF")
    | dict.fromkeys(lex.FUTURE_WORDS, "FUTURE_REF")
)
# An amount before "a year" makes it a rate ("$5 a year", "twice a day"): a SET.
_RATE_BEFORE = re.compile(r"(?:once|twice|times|\d|dollars?|cents?|percent|%)\s*$")


def _day_words(m: re.Match[str], ctx: Context) -> Value | None:
    if m["word"][:1].isupper() and not _opens_sentence(m.string, m.start()):
        return None  # "Frontline and Today Tonight", "The Tonight Show": a title
    word = " ".join(m["word"].lower().split())
    pod = (m["pod"] or "").lower()
    if word == "last" and pod != "night":
        return None  # "last morning" is not idiomatic; "last night" is yesterday's
    day = ctx.ref + timedelta(days=_DAY_SHIFT[word])
    if word == "tonight":
        return Value("TIME", f"{day.isoformat()}TNI", "time")
    if pod:
        return Value("TIME", f"{day.isoformat()}T{lex.PARTS_OF_DAY[pod]}", "time")
    if word == "today" and not ctx.today_as_date:
        return Value("DATE", "PRESENT_REF", "ref")
    return Value("DATE", day.isoformat(), "day")


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]  # (a window: never the whole text before)
    stripped = before.rstrip()
    return not stripped or "\n" in before[-4:] or stripped[-1] in ".!?:;\"“”'‘’([-*–—•"


def _ref_word(m: re.Match[str], ctx: Context) -> Value:
    return Value("DATE", _REF_VALUES[" ".join(m["w"].lower().split())], "ref")


def _recent_units(m: re.Match[str], ctx: Context) -> Value:
    """"recent years" is the recent past; "recent weeks", "the past few days" a vague span."""
    unit = m["unit"].lower().rstrip("s")
    if unit in ("day", "week", "month"):
        return Value("DURATION", f"PX{lex.UNITS[unit][0]}", "duration")
    return Value("DATE", "PAST_REF", "ref")


def _unit_value(day: date, unit: str, shift: int) -> tuple[str, str] | None:
    """The calendar unit containing ``day`` moved by ``shift`` units, with its precision."""
    if unit == "year":
        return str(day.year + shift), "year"
    if unit == "month":
        year, month = _add_months(day, shift)
        return f"{year:04d}-{month:02d}", "month"
    if unit in ("week", "weekend"):
        week = _week(day + timedelta(weeks=shift))
        return (week + "-WE", "week") if unit == "weekend" else (week, "week")
    if unit == "decade":
        return f"{day.year // 10 + shift:03d}X", "decade"
    if unit == "century":
        return f"{day.year // 100 + shift:02d}XX", "century"
    return None


_AS_AFTER = re.compile(r"\s+as\b", re.I)


def _rel_unit(m: re.Match[str], ctx: Context) -> Value | None:
    """"last year", "this month", "early next year", "the past year" (a duration)."""
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    if rel in ("the past", "the last", "the next", "the coming", "the previous"):
        letter, mult, _ = lex.UNITS[unit]
        return Value("DURATION", f"P{mult}{letter}", "duration")
    base = ctx.ref
    if rel in ("that", "the same", "that same", "the following"):  # of, or after, the focus
        if ctx.anchor is None or rel != "the following" and _AS_AFTER.match(ctx.text, m.end()):
            # "the same year as the film": the film's year, maybe not the focus (but "published
            # the following year as X" names what was published)
            return None
        base, rel = ctx.anchor.interval()[0], "next" if rel == "the following" else "this"
    resolved = _unit_value(base, unit, _REL_SHIFT.get(rel, 0))
    if resolved is None:
        return None
    pre = (m["pre"] or "").lower()
    return Value("DATE", resolved[0], resolved[1], lex.PART_MODS.get(pre))


def _weekday(m: re.Match[str], ctx: Context) -> Value | None:
    """"Friday": the last one (or today) unless the clause is about the future."""
    wd = lex.WEEKDAYS[m["wd"].lower()]
    if not m["rel"] and _NAME_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return None  # "Paul Greengrass's Bloody Sunday", "Black Sunday": a title, not a day
    if m["pl"]:
        return Value("SET", f"XXXX-WXX-{wd}", "set")
    rel = (m["rel"] or "").lower()
    back = (ctx.ref.isoweekday() - wd) % 7
    ahead = (wd - ctx.ref.isoweekday()) % 7
    if rel == "last":
        day = ctx.ref - timedelta(days=back or 7)
    elif rel in ("next", "this coming") or (not rel and ctx.future(m.start())):
        day = ctx.ref + timedelta(days=ahead if not rel else ahead or 7)
    else:
        day = ctx.ref - timedelta(days=back)
    if m["pod"]:
        return Value("TIME", f"{day.isoformat()}T{lex.PARTS_OF_DAY[m['pod'].lower()]}", "time")
    return Value("DATE", day.isoformat(), "day")


def _clock(m: re.Match[str], ctx: Context) -> Value:
    if m["word"]:
        hour, minute = (12, 0) if m["word"].lower() == "noon" else (24, 0)
    else:
        hour, minute = int(m["h"]) % 12, int(m["mi"] or 0)
        hour += 12 if m["ampm"].lower().startswith("p") else 0
    return Value("TIME", f"{ctx.ref.isoformat()}T{hour:02d}:{minute:02d}", "time")


def _amount(n: float, mult: int) -> str:
    total = n * mult
    return str(int(total)) if total == int(total) else f"{total:g}"


def _duration(m: re.Match[str], ctx: Context) -> Value | None:
    """"three months" (P3M), "two years ago" (a date), "two years later" (date or P2Y)."""
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    letter, mult, is_time = lex.UNITS[unit]
    n = _num(m["num"])
    mod = lex.MODS.get((m["mod"] or "").lower())
    rel = (m["rel"] or "").strip().lower()
    if re.match(r"[\s-]+old\b", ctx.text[m.end() : m.end() + 6]):
        return None  # an age ("a 6-year-old boy"), not a period of the story
    if rel in ("ago", "later", "earlier", "from now", "hence"):
        return _shifted(ctx, m.start(), unit, n, rel, mod)
    after = ctx.text[m.end() : m.end() + 12]
    if unit == "quarter" and re.match(r"\s+of\s+(?!(?:fiscal\s+)?\d)", after):
        return None  # "three-quarters of its food": a fraction
    if m["unit"].lower() == "second" and m["num"].lower() in ("a", "an") and re.match(
        r"\s+(?!ago|later|earlier|or\b|and\b)[a-z]", after
    ):
        return None  # "a second group": an ordinal
    if m["num"].lower() in ("a", "an") and _RATE_BEFORE.search(ctx.before(m.start())):
        return Value("SET", f"P1{letter}", "set")
    prefix = "PT" if is_time else "P"
    if n is None:
        vague = {"decade": "DE", "century": "CE"}.get(unit, letter)
        return Value("DURATION", f"{prefix}X{vague}", "duration", mod)
    return Value("DURATION", f"{prefix}{_amount(n, mult)}{letter}", "duration", mod)


def _shifted(
    ctx: Context, pos: int, unit: str, n: float | None, rel: str, mod: str | None
) -> Value | None:
    """Resolve "N units ago" against the reference date, "N units later" against the anchor."""
    if n is None:
        past = rel in ("ago", "earlier")
        return Value("DATE", "PAST_REF" if past else "FUTURE_REF", "ref", mod)
    period = None
    if unit == "year" and rel in ("ago", "earlier") and n == 1:
        period = ctx.recent_period(pos)
    if period:  # "a year earlier" in a quarterly report is the same quarter a year before
        return Value("DATE", f"{int(period[:4]) - 1:04d}{period[4:]}", "quarter", mod)
    if rel == "earlier" and ctx.anchor is None:
        rel = "ago"  # nothing to compare with: earlier than the time of writing
    if rel in ("later", "earlier"):
        if ctx.anchor is None:
            letter, mult, is_time = lex.UNITS[unit]
            return Value("DURATION", f"P{_amount(n, mult)}{letter}", "duration", mod)
        base, precision = ctx.anchor.interval()[0], ctx.anchor.precision
    else:
        base, precision = ctx.ref, "day"
    sign = -1 if rel in ("ago", "earlier") else 1
    steps = int(round(n)) * sign
    if unit in ("day", "week", "hour", "minute", "second"):
        days = steps * (7 if unit == "week" else 1) if unit in ("day", "week") else 0
        day = base + timedelta(days=days)
        if unit == "week":
            return Value("DATE", _week(day), "week", mod)
        return Value("DATE", day.isoformat(), "day", mod)
    if unit in ("decade", "century"):  # "half a century ago" is fifty years, not zero
        resolved = _unit_value(base, "year", int(round(n * (10 if unit == "decade" else 100)))
                               * sign)
    else:
        resolved = _unit_value(base, unit, steps)
    if unit == "quarter" or resolved is None:
        return None
    if unit == "month" and precision == "year":
        resolved = (resolved[0][:4], "year")  # "two months after 1990" stays a year
    return Value("DATE", resolved[0], resolved[1], mod)


def _year_ago(m: re.Match[str], ctx: Context) -> Value | None:
    """"year-earlier", "the year-ago quarter": the same period one year before."""
    return _shifted(ctx, m.start(), "year", 1, "ago", None)


def _weekend(m: re.Match[str], ctx: Context) -> Value:
    """"the weekend": the coming one late in the week, else the one just past."""
    rel = m["rel"].lower()
    shift = {"last": -1, "next": 1}.get(rel, 0)
    if rel == "the" and ctx.ref.isoweekday() < 5 and not ctx.future(m.start()):
        shift = -1
    return Value("DATE", _week(ctx.ref + timedelta(weeks=shift)) + "-WE", "week")


def _set_word(m: re.Match[str], ctx: Context) -> Value:
    return Value("SET", lex.SETS[m["w"].lower()], "set")


def _every(m: re.Match[str], ctx: Context) -> Value:
    if m["wd"]:
        return Value("SET", f"XXXX-WXX-{lex.WEEKDAYS[m['wd'].lower()]}", "set")
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    letter, mult, is_time = lex.UNITS[unit]
    n = (_num(m["num"]) or 1) if m["num"] else (2 if m["other"] else 1)
    return Value("SET", f"{'PT' if is_time else 'P'}{_amount(n, mult)}{letter}", "set")


def _vague_plural(m: re.Match[str], ctx: Context) -> Value:
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    letter, _, is_time = lex.UNITS[unit]
    vague = {"decade": "DE", "century": "CE"}.get(unit, letter)
    return Value("DURATION", f"{'PT' if is_time else 'P'}X{vague}", "duration")


# "Paul Greengrass's Bloody Sunday": a weekday after a possessive and a capitalised word is
# a title ("Washington Sunday" in news is a place and a day, so a bare capital is not enough).
_NAME_BEFORE = re.compile(r"['’]s\s+[A-Z][\w'’-]*\s+$")
_POD = r"(?P<pod>(?i:morning|afternoon|evening|night))"
_PLURALS = r"(?P<unit>(?i:years|months|weeks|days|decades|centuries|hours|minutes))\b"
RELATIVE_RULES: list[tuple[str, Handler]] = [
    (
        r"\b(?P<word>(?i:the day before yesterday|the day after tomorrow|today|tonight"
        rf"|yesterday|tomorrow))\b(?:\s+{_POD}\b)?",
        _day_words,
    ),
    (rf"\b(?P<word>(?i:this|last))\s+{_POD}\b", _day_words),
    (rf"\b(?P<w>(?i:{_words(_REF_VALUES)}))\b", _ref_word),
    (rf"\b(?i:recent|the past few|the last few)\s+{_PLURALS}", _recent_units),
    (
        r"(?:\b(?P<pre>(?i:earlier|later|early|late|mid))[- ](?:(?i:in|of)\s+)?)?"
        r"\b(?P<rel>(?i:last|this|next|coming|previous|the past|the last|the next|the coming"
        r"|the previous|the current|current|the same|that same|that|the following))\s+"
        r"(?P<unit>(?i:year|month|week|weekend|decade|century))\b",
        _rel_unit,
    ),
    (
        r"(?:\b(?P<rel>(?i:last|next|this past|this coming|this))\s+)?\b" + lex.WEEKDAY
        + rf"(?P<pl>s)?\b(?:\s+{_POD}\b)?",
        _weekday,
    ),
    (
        r"\b(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am|pm))"
        r"(?![a-z])|(?P<word>(?i:noon|midnight)))",
        _clock,
    ),
    (
        lex.MOD + r"(?:\b(?i:the)\s+)?(?:\b(?i:the\s+)?(?i:past|last|next|first|previous"
        r"|coming|following|final|another|over the past)\s+)?\b" + lex.NUMBER
        + r"[\s-]+(?:(?i:more|additional|full|straight|consecutive)\s+)?" + lex.UNIT
        + r"(?P<rel>\s+(?i:ago|later|earlier|from now|hence))?",
        _duration,
    ),
    (rf"\b(?P<w>(?i:{_words(lex.SETS)}))\b", _set_word),
    (
        r"(?:\b(?i:the|a)\s+(?=\S+\s+(?i:quarter|period)))?\b(?i:year-earlier|year-ago)"
        r"(?:\s+(?i:quarter|period))?\b",
        _year_ago,
    ),
    (r"\b(?P<rel>(?i:the|this|last|next))\s+(?i:weekend)\b", _weekend),
    (
        r"\b(?i:every|each)\s+(?:(?P<other>(?i:other))\s+)?(?:" + lex.WEEKDAY + r"\b|(?:"
        + lex.NUMBER + r"\s+)?" + lex.UNIT + ")",
        _every,
    ),
    (
        r"(?:\b(?i:the\s+(?:past|last|next|coming))\s+(?:(?i:few|several)\s+)?)?\b" + _PLURALS,
        _vague_plural,
    ),
]
