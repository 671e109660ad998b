"""Rules of the temporal tagger: each is a regex plus a function that normalises a match.

``candidates(text)`` runs every rule; ``analysis.timex`` keeps the longest non-overlapping
matches and normalises them in text order (so "two years later" can use the date before it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from analysis import timex_lexicon as lex
from analysis.dates import PartialDate
from analysis.timex_tense import FUTURE, PAST, lexical_tense, parsed_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Value(NamedTuple):
    """A normalised expression: TIMEX3 type, value, precision, mod and range end."""

    type: str
    value: str
    precision: str
    mod: str | None = None
    end: str | None = None


@dataclass
class Context:
    """What normalisation needs besides the match: reference date, sentences, last date."""

    text: str
    ref: date
    today_as_date: bool
    sents: list[tuple[int, int]] = field(default_factory=list)
    anchor: PartialDate | None = None
    anchor_at: int = -1  # where the anchor is written
    period: tuple[str, int] | None = None  # last quarter/half mentioned, and where

    def recent_period(self, pos: int) -> str | None:
        """The quarter or half under discussion near ``pos`` ("a year earlier" compares it)."""
        if self.period and 0 <= pos - self.period[1] < 400:
            return self.period[0]
        return None

    doc: Doc | None = None
    _starts: list[int] | None = None

    def tense(self, pos: int) -> str | None:
        """"future", "past" or None: the tense of the clause around ``pos``."""
        if self.doc is not None:
            if self._starts is None:
                self._starts = [t.idx for t in self.doc]
            found = parsed_tense(self.doc, self._starts, pos)
            if found is not None:
                return found
        for start, end in self.sents:
            if start <= pos < end:  # the clause around pos, not the whole sentence
                return lexical_tense(self.text, start, end, pos)
        return None

    def future(self, pos: int) -> bool:
        """True when the clause around ``pos`` speaks of the future ("will", "plans to")."""
        return self.tense(pos) == FUTURE

    def same_sentence(self, a: int, b: int) -> bool:
        return any(start <= a < end and start <= b < end for start, end in self.sents)

    def next_sentence(self, a: int, b: int) -> bool:
        """``b`` is in the sentence right after ``a``'s."""
        return any(s1 <= a < e1 and s2 <= b < e2
                   for (s1, e1), (s2, e2) in zip(self.sents, self.sents[1:], strict=False))

    def before(self, pos: int, width: int = 20) -> str:
        return self.text[max(0, pos - width) : pos].lower()


Handler = Callable[[re.Match[str], Context], Value | None]


def _words(options: tuple[str, ...] | list[str] | dict[str, object]) -> str:
    return "|".join(re.escape(w) for w in sorted(options, key=len, reverse=True))


def _num(word: str) -> float | None:
    """A quantity word as a number; None for vague ones ("several")."""
    word = word.lower().replace("-", " ")
    if word in lex.VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in lex.NUMBER_WORDS:
        return lex.NUMBER_WORDS[word]
    tens, _, unit = word.partition(" ")
    return lex.TENS.get(tens, 0) + lex.NUMBER_WORDS.get(unit, 0)


def _month(m: re.Match[str]) -> int:
    return lex.MONTHS[m["month"].rstrip(".").lower()]


def _day_value(year: int, month: int, day: int) -> Value | None:
    try:
        return Value("DATE", date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _part_mod(m: re.Match[str]) -> str | None:
    part = m.groupdict().get("part") or m.groupdict().get("edge")
    return lex.PART_MODS[part.split()[1 if " " in part else 0].lower()] if part else None


# --- absolute dates ----------------------------------------------------------------------


def _full_date(m: re.Match[str], ctx: Context) -> Value | None:
    return _day_value(int(m["year"]), _month(m), int(m["day"]))


def _iso_date(m: re.Match[str], ctx: Context) -> Value | None:
    return _day_value(int(m["year"]), int(m["mo"]), int(m["day"]))


def _month_day(m: re.Match[str], ctx: Context) -> Value | None:
    """"Sept. 30": this year's, or last/next year's when the clause's tense says so."""
    month, day = _month(m), int(m["day"])
    return _day_value(_year_by_tense(ctx, m.start(), month, day), month, day)


_ANAPHORIC = re.compile(r"\b(?:that|that same|the same)\s+$")


_NARRATED_YEARS = 3


def _year_by_tense(ctx: Context, pos: int, month: int, day: int | None) -> int:
    """The year of a month (and day) given without one.

    A past clause means the last such date ("was shot Oct. 23" said in May is last
    October's), a future clause the next one; otherwise the one nearest the reference date.
    """
    if ctx.anchor is not None and _ANAPHORIC.search(ctx.before(pos, 24)):
        return ctx.anchor.year  # "graduated in 1954, and that June she married": 1954's June
    if ctx.anchor is not None and ctx.anchor.month == month and ctx.anchor_at < pos and \
            ctx.ref.year - ctx.anchor.year >= _NARRATED_YEARS and (
            ctx.same_sentence(ctx.anchor_at, pos) or ctx.next_sentence(ctx.anchor_at, pos)):
        # "In September 2013 he travelled to Nairobi. On the morning of 21 September, ...":
        # a day of the month just named is in that month
        return ctx.anchor.year
    if ctx.anchor is not None and ctx.ref.year - ctx.anchor.year >= _NARRATED_YEARS and \
            ctx.anchor_at < pos and (ctx.same_sentence(ctx.anchor_at, pos) or (
                ctx.next_sentence(ctx.anchor_at, pos) and ctx.tense(pos) == PAST
                and not ctx.before(ctx.anchor_at, 8).endswith("since "))):
        # "In 1981, after the flood in March, ...": a story told years back, its year's March
        # (or the next sentence's: "... in 1983 ... She was 81 when it was announced in October";
        # not "arrested ... since 1990. ... found abandoned in December": a span's start)
        # (near the reference date, news-style, a month is the nearest one: "1990 ... Dec. 21")
        return ctx.anchor.year
    ref = ctx.ref
    gap = (month - ref.month) * 31 + ((day - ref.day) if day else 0)  # days ahead, roughly
    tense = None if re.search(r"\bby\s+$", ctx.before(pos)) else ctx.tense(pos)  # a deadline
    if tense == PAST and gap > 31:
        return ref.year - 1
    if tense == FUTURE and gap < (-31 if day else 0):
        return ref.year + 1
    if tense is None and gap > 6 * 31:
        return ref.year - 1
    if tense is None and gap < -6 * 31:
        return ref.year + 1
    return ref.year


def _month_year(m: re.Match[str], ctx: Context) -> Value:
    return Value("DATE", f"{int(m['year']):04d}-{_month(m):02d}", "month", _part_mod(m))


def _month_alone(m: re.Match[str], ctx: Context) -> Value | None:
    """"January": the last one before the reference date, or the next one in a future clause."""
    rel = (m["rel"] or "").lower()
    if m["month"] in ("May", "March") and not rel and not re.search(
        r"\b(?:in|of|since|until|by|from|to|through|during|early|late|mid|last|next|this)[\s-]*$",
        ctx.before(m.start()),
    ):
        return None  # "May" the modal verb, "March" the verb
    month, ref = _month(m), ctx.ref
    if rel == "next":
        year = ref.year + (1 if month <= ref.month else 0)
    elif rel == "last":
        year = ref.year - (1 if month >= ref.month else 0)
    elif rel == "this":
        year = ref.year
    else:
        year = _year_by_tense(ctx, m.start(), month, None)
    return Value("DATE", f"{year:04d}-{month:02d}", "month", _part_mod(m))


def _year(m: re.Match[str], ctx: Context) -> Value:
    return Value("DATE", m["year"], "year", _part_mod(m))


def _short_year_range(m: re.Match[str], ctx: Context) -> Value | None:
    """"1988-96": a range whose end shares the start's century."""
    start = int(m["year"])
    end = start // 100 * 100 + int(m["yy"])
    if end <= start:
        return None
    return Value("DATE", m["year"], "year", None, str(end))


def _apostrophe_year(m: re.Match[str], ctx: Context) -> Value | None:
    if not re.search(r"\b(?:in|of|since|from|to|until|by|class of)\s+$", ctx.before(m.start())):
        return None  # a quote opening on a number, not a year
    yy = int(m["yy"])
    year = 2000 + yy if 2000 + yy <= ctx.ref.year + 5 else 1900 + yy
    return Value("DATE", str(year), "year")


_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their|my|our|your)\s+$", re.I)


def _decade(m: re.Match[str], ctx: Context) -> Value | None:
    if m["word"] and _POSSESSIVE_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "by her early twenties": an age, not the 1920s
    if m["dec"]:
        digits = m["dec"]
    elif m["yy"]:
        year = 2000 + int(m["yy"]) * 10 if 2000 + int(m["yy"]) * 10 <= ctx.ref.year else None
        digits = str(year // 10) if year else str(190 + int(m["yy"]))
    else:
        digits = str(190 + lex.DECADE_WORDS[m["word"].lower()])
    return Value("DATE", f"{digits}X", "decade", _part_mod(m))


def _century(m: re.Match[str], ctx: Context) -> Value | None:
    raw = m["ord"].lower()
    number = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else lex.ORDINALS.get(raw)
    if not number:
        return None
    return Value("DATE", f"{number - 1:02d}XX", "century", _part_mod(m))


_NAME_AFTER = re.compile(r"[ \t]+[A-Z]")


def _season(m: re.Match[str], ctx: Context) -> Value | None:
    if m["season"][0].isupper() and _NAME_AFTER.match(m.string, m.end()):
        return None  # "the Winter War", "the Summer Olympics": a name, not a season
    code = lex.SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower() if "rel" in m.groupdict() else ""
    if m.groupdict().get("year"):
        year = int(m["year"])
    else:
        year = ctx.ref.year + (1 if rel == "next" else -1 if rel == "last" else 0)
    return Value("DATE", f"{year:04d}-{code}", "season", _part_mod(m))


def _quarter(m: re.Match[str], ctx: Context) -> Value | None:
    number = lex.ORDINALS.get(m["ord"].lower())
    if not number or number > 4:
        return None
    if m["year"]:
        year = int(m["year"])
    else:  # a quarter not begun yet at the reference date is last year's
        year = ctx.ref.year if (number - 1) * 3 < ctx.ref.month else ctx.ref.year - 1
    return Value("DATE", f"{year:04d}-Q{number}", "quarter")


def _quarter_rel(m: re.Match[str], ctx: Context) -> Value:
    """"the latest quarter" is the last completed one; "this quarter" the current one."""
    current = (ctx.ref.month - 1) // 3
    rel = m["rel"].lower()
    shift = {"this": 0, "current": 0, "next": 1, "coming": 1}.get(rel.split()[-1], -1)
    index = ctx.ref.year * 4 + current + shift
    return Value("DATE", f"{index // 4:04d}-Q{index % 4 + 1}", "quarter")


def _half(m: re.Match[str], ctx: Context) -> Value | None:
    number = lex.ORDINALS.get(m["ord"].lower())
    if number not in (1, 2):
        return None
    year = int(m["year"]) if m["year"] else ctx.ref.year
    return Value("DATE", f"{year:04d}-H{number}", "half")


ABSOLUTE_RULES: list[tuple[str, Handler]] = [
    (rf"\b(?P<year>\d{{4}})-(?P<mo>0[1-9]|1[0-2])-{lex.DAY}", _iso_date),
    (rf"\b{lex.MONTH}\s+{lex.DAY},?\s+{lex.YEAR}", _full_date),
    (rf"\b{lex.DAY}\s+(?:(?i:of)\s+)?{lex.MONTH},?\s+{lex.YEAR}", _full_date),
    (rf"\b{lex.MONTH}\s+{lex.DAY}", _month_day),
    (rf"\b{lex.DAY}\s+(?:(?i:of)\s+)?{lex.MONTH}", _month_day),
    (rf"(?:\b{lex.PART}[- ])?\b{lex.MONTH},?\s+(?:(?i:of)\s+)?{lex.YEAR}", _month_year),
    (rf"(?:\b(?P<rel>(?i:last|next|this))\s+|\b{lex.PART}[- ])?\b{lex.MONTH}", _month_alone),
    (
        rf"(?:(?:\b(?i:the)\s+)?\b{lex.PART}[- ]|\b(?i:fiscal|the year)\s+"
        rf"|\b(?P<edge>(?i:the end|the start|the beginning|the middle))\s+(?i:of)\s+)?{lex.YEAR}",
        _year,
    ),
    (rf"{lex.YEAR}[-–](?P<yy>\d\d)(?!\d)", _short_year_range),
    (r"(?<![\w'])'(?P<yy>\d\d)\b(?!s)", _apostrophe_year),
    (
        rf"(?:\b(?i:the)\s+)?(?:\b{lex.PART}[- ]?)?(?:(?P<dec>1[5-9]\d|20\d)0'?s\b"
        rf"|'(?P<yy>\d)0s\b|\b(?P<word>(?i:{_words(lex.DECADE_WORDS)}))\b)",
        _decade,
    ),
    (
        rf"(?:\b(?i:the)\s+)?(?:\b{lex.PART}[- ])?\b(?P<ord>\d{{1,2}}(?:st|nd|rd|th)"
        rf"|(?i:{_words(lex.ORDINALS)}))[- ](?i:century)\b",
        _century,
    ),
    (
        rf"(?:\b(?i:the)\s+)?(?:\b{lex.PART}[- ])?\b(?P<season>(?i:spring|summer|fall|autumn"
        rf"|winter))(?:\s+(?i:of)\s+|\s+){lex.YEAR}",
        _season,
    ),
    (
        r"\b(?P<rel>(?i:last|this|next|this past|the))\s+(?P<season>(?i:spring|summer|fall"
        r"|autumn|winter))\b(?!\s+of\s+(?!\d))",  # not "the fall of the Berlin Wall"
        _season,
    ),
    (
        r"(?:\b(?i:the)\s+)?\b(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))"
        rf"[- ](?i:fiscal[- ])?(?i:quarter)\b(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?{lex.YEAR})?",
        _quarter,
    ),
    (
        r"\b(?P<rel>(?i:the latest|the last|the past|the previous|last|this|next|the current"
        r"|the coming|the))\s+(?i:fiscal\s+)?(?i:quarter|(?<=latest )period)\b"
        r"(?![- ](?:century|of|finals?|final\b))",  # not "the quarter-final"
        _quarter_rel,
    ),
    (
        r"(?:\b(?i:the)\s+)?\b(?P<ord>(?i:first|second))\s+(?i:half)"
        rf"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?{lex.YEAR})?",
        _half,
    ),
]


# A rule that opens with optional groups is tried at every character, each alternative of
# each group in turn. When what follows them starts a word (``\b``), so does every match:
# saying so first lets the engine drop the other positions at once. Such rules ran 1.5-3x
# faster, with the same matches.
_WORD_START = r"(?=[\w'])(?<!\w)"


def _group_end(pattern: str, start: int) -> int:
    """Index just past the group opening at ``start`` (escapes and classes skipped)."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(pattern)


def starts_words(pattern: str) -> bool:
    """True for optional groups, then a word boundary: every match then starts a word."""
    i, optional = 0, False
    while pattern.startswith("(", i) and not pattern.startswith("(?<", i):
        end = _group_end(pattern, i)
        if not pattern.startswith("?", end):
            return False
        i, optional = end + 1, True
    return optional and pattern.startswith("\\b", i)


# Rules that cannot match a text are not run at all. Most rules need some word ("century",
# a month, a unit) that most articles never use, so one case-folded copy of the text and a
# few substring tests replace most of the 39 scans of the whole text (~40% of their time).
# The words are read off each pattern's parse tree: a string is kept only when every match
# must contain it, so skipping a rule whose words are all absent loses no match.
Needs = tuple[frozenset[str], ...]
"""Sets of lower-case strings; every match contains a string of each set."""

# Characters that match an ASCII letter under re.IGNORECASE but that str.lower() does not
# turn into it (checked over every code point by tests/test_timex.py).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` lower-cased so that an ASCII literal that matches it, in any case, is found."""
    return text.translate(_FOLD).lower() if not text.isascii() else text.lower()


def _selective(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """The set whose shortest string is longest: the rarest to be present by chance."""
    return max(sets, key=lambda words: min(map(len, words)), default=None)


def _needs(items: Any) -> list[frozenset[str]]:
    """Necessary string sets of a parsed (sub)pattern; assertions and classes give none."""
    from re import _constants as c  # the parser's opcodes (stable since Python 3.11)

    found: list[frozenset[str]] = []
    run: list[str] = []  # adjacent literal characters: one string

    def flush() -> None:
        if run:
            found.append(frozenset(["".join(run).lower()]))
            run.clear()

    for op, arg in items:
        if op is c.LITERAL and arg < 128:  # non-ASCII literals may fold unlike str.lower
            run.append(chr(arg))
            continue
        flush()
        if op is c.SUBPATTERN:  # (group, add_flags, del_flags, items)
            found += _needs(arg[3])
        elif op is c.ATOMIC_GROUP:
            found += _needs(arg)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            found += _needs(arg[2])  # (min, max, items): at least once
        elif op is c.BRANCH:  # one alternative matches: the union of one set of each
            alternatives = [_selective(_needs(branch)) for branch in arg[1]]
            if all(alternatives):
                found.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
    flush()
    return found


def required_words(pattern: str) -> Needs:
    """Sets of strings of which every match of ``pattern`` contains one each (maybe none)."""
    try:
        from re import _parser

        sets = _needs(_parser.parse(pattern))
    except Exception:  # a future parser: no gate, every rule runs as before
        return ()
    # Rarest first: a text usually fails on the first set.
    return tuple(sorted(set(sets), key=lambda words: -min(map(len, words))))


# The characters a rule's match can begin with, as a lookahead in front of it: the engine
# then drops most positions at one class test instead of trying each alternative of the
# rule's opening groups (a rule like YEAR's, with optional "the early"/"fiscal"/"the end of"
# before the number, ran 3x faster). Read off the parse tree like the words above.
_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}


def _class_items(op: Any, arg: Any) -> list[str] | None:
    """Class syntax for what one character item matches; None for "anything" (or unsure)."""
    from re import _constants as c

    if op is c.LITERAL:
        return [re.escape(chr(arg))]
    if op is not c.IN:
        return None
    items = []
    for kind, value in arg:
        if kind is c.LITERAL:
            items.append(re.escape(chr(value)))
        elif kind is c.RANGE:
            items.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is c.CATEGORY and str(value) in _CATEGORIES:
            items.append(_CATEGORIES[str(value)])
        else:  # a negated class, \D, \W: could start almost anywhere
            return None
    return items


def _first(items: Any) -> tuple[list[str] | None, bool]:
    """Class items covering the first character of any non-empty match of a parsed sequence,
    and whether the sequence can match empty; (None, _) when no useful class is known."""
    from re import _constants as c

    found: list[str] = []
    for op, arg in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the next item starts the match
            continue
        if op is c.SUBPATTERN:
            chars, empty = _first(arg[3])
        elif op is c.ATOMIC_GROUP:
            chars, empty = _first(arg)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            chars, empty = _first(arg[2])
            empty = empty or arg[0] == 0
        elif op is c.BRANCH:
            chars, empty = [], False
            for branch in arg[1]:
                more, maybe = _first(branch)
                if more is None:
                    return None, False
                chars, empty = chars + more, empty or maybe
        else:
            chars, empty = _class_items(op, arg), False
        if chars is None:
            return None, False
        found += chars
        if not empty:
            return found, False
    return found, True


def first_char_gate(pattern: str) -> str:
    """A lookahead for the characters a match of ``pattern`` can begin with ("" if unknown).

    Under IGNORECASE, so that it covers the rule's case-insensitive parts (and only widens the
    case-sensitive ones); an empty match it may prevent is one ``run_rules`` drops anyway.
    """
    try:
        from re import _parser

        chars, _ = _first(_parser.parse(pattern))
    except Exception:  # a future parser: no gate
        return ""
    if not chars:
        return ""
    return f"(?=(?i:[{''.join(dict.fromkeys(chars))}]))"


class Rule(NamedTuple):
    pattern: re.Pattern[str]
    handler: Handler
    needs: Needs


def compile_rules(rules: list[tuple[str, Handler]]) -> list[Rule]:
    def gated(pattern: str) -> str:
        word_start = _WORD_START if starts_words(pattern) else ""
        return first_char_gate(pattern) + word_start + pattern

    return [Rule(re.compile(gated(pattern)), handler, required_words(pattern))
            for pattern, handler in rules]


def run_rules(
    rules: list[Rule], text: str
) -> list[tuple[int, int, Callable[[Context], Value | None]]]:
    """Every match of every rule, as (start, end, normaliser waiting for a context)."""
    found = []
    folded = fold(text)
    for pattern, handler, needs in rules:
        if not all(any(word in folded for word in words) for words in needs):
            continue  # a word every match contains is absent: no match
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), partial(_call, handler, m)))
    return found


def _call(handler: Handler, m: re.Match[str], ctx: Context) -> Value | None:
    return handler(m, ctx)
