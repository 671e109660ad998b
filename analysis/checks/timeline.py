"""The article against itself: its own timeline must hold together, with or without a KB."""

from __future__ import annotations

import calendar
import re
from datetime import date

from analysis.checks.base import CheckContext, Finding, claim_date
from analysis.checks.kb_match import degree_class, related_orgs
from analysis.checks.life import (
    NEW_CLAUSE,
    LifeDate,
    calendar_dates,
    life_date,
    quote,
    subject_claims,
)
from analysis.checks.registry import register
from analysis.dates import PartialDate, agrees
from analysis.models import Claim, Evidence, Timex
from analysis.timex_lexicon import ORDINALS
from analysis.vocabulary import VERB_TRIGGERS
from analysis.wordnum import parse_number

# Predicates that happen to the subject in life (a posthumous award or book is not a defect).
_START_STUDY = frozenset({"enrol", "enroll", "attend", "enter", "begin", "start", "matriculate",
                          "study", "pursue"})
_LIFE_EVENTS = frozenset({"joined", "studied", "position", "founded", "worked_at", "left"})
# Not "award": a prize or a title can be won many times.
_ONE_TIME = frozenset(
    {"born", "died", "joined", "founded", "created", "released", "left", "studied", "married"}
)


_ACTIVITY = re.compile(
    r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:lecture|talk|speech|interview|address|paper|"
    r"visit|trip|performance|concert|appearance|seminar|class|presentation|expedition|match|"
    r"game|broadcast|sermon|recital)s?\b", re.I)
_ACT_VERBS = (
    r"(?:also\s+|later\s+|then\s+|still\s+|again\s+)?(?:gave|delivered|wrote|warned|argued|"
    r"addressed|addresses|spoke|speaks|"
    r"published|visited|met|spoke|lectured|taught|married|moved|travell?ed|returned|attended|"
    r"founded|joined|led|launched|played|performed|sang|directed|flew|opened|appeared|"
    r"remembers|remembered|recalls|recalled|watched|witnessed|saw|followed)\b")
_ACTS = re.compile(r"\b(?:he|she|they)\s+" + _ACT_VERBS, re.I)
# "2015: Addresses the United Nations": a dated entry whose verb has no subject is the subject's.
# (The present tense only: "2014: Inducted into the Hall of Fame" is an honour, not an act.)
_BULLET_ACT = re.compile(r"^(?:c\.\s?)?\d{4}\s?(?::|\s[–—|-])\s+[A-Z][a-z]+[^s\W]s\b")


def _acts(ctx: CheckContext, sentence: str) -> bool:
    """The subject, by pronoun or by name, does something in this sentence."""
    if _ACTS.search(sentence) or _BULLET_ACT.match(sentence):
        return True
    subject = ctx.analysis.subject
    names = sorted(subject.names, key=len, reverse=True) if subject else []
    if not names:
        return False
    who = "|".join(re.escape(n) for n in names)
    return re.search(rf"\b(?:{who})\s+{_ACT_VERBS}", sentence, re.I) is not None
_POSTHUMOUS = re.compile(
    r"\b(?:posthumous\w*|after (?:his|her|their) death|in (?:his|her|their) (?:memory|"
    r"honou?r)|named (?:after|for)|memorial|commemorat\w*|centenary|centennial|anniversary|"
    r"remains|ashes|urn|grave|tomb|reburied|re-?interred|pardon\w*|tribute|legacy|statue|"
    r"portrait|biograph\w*|"
    r"biopic|film|honou?red|inducted|renamed|died|death|dead)\b", re.I)

_LATER_OPENERS = re.compile(
    r"^(?:later|afterwards?|subsequently|then|after that|thereafter|the (?:following|next) "
    r"(?:year|decade))\b",
    re.I,
)
_EARLIER_OPENERS = re.compile(
    r"^(?:before (?:that|this|then|these|those)\b(?: \w+)?|earlier\b|previously\b|prior to "
    r"(?:that|this)\b)", re.I)
_ORDER_WORD = re.compile(r"\b(after|before)\b", re.I)

_INTERVAL = re.compile(
    r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?:full\s+|whole\s+|long\s+)?(?P<unit>years?|decades?)\s+"
    r"(?P<dir>later|after|afterwards|on|earlier|before|previously)\b(?P<rest>[^,.;:—]*)",
    re.I,
)
_PRONOUNS = frozenset("her him his them their it its this that these those".split())
_APPROXIMATE = re.compile(r"\b(nearly|almost|about|around|some|roughly|over|more than|less than|"
                         r"close to|under|some)\s*$", re.I)
_PHRASE_STOPS = frozenset(
    "was were is are had has have in on at by when that which who as and but with from for "
    "came went did".split()
)


@register
def check_timeline(ctx: CheckContext) -> list[Finding]:
    birth = life_date(ctx, "born", "P569")
    death = life_date(ctx, "died", "P570")
    return [
        *_outside_life(ctx, birth, death),
        *_acts_outside_life(ctx, death, after=True),
        *_acts_outside_life(ctx, birth, after=False),
        *_two_dates(ctx),
        *_order(ctx),
        *_relative_arithmetic(ctx),
    ]


def _outside_life(
    ctx: CheckContext, birth: LifeDate | None, death: LifeDate | None
) -> list[Finding]:
    found = []
    for claim in subject_claims(ctx):
        date = claim_date(claim)
        if date is None or claim.predicate in ("born", "died"):
            continue
        lo, hi = date.interval()
        if birth and hi < birth.date.interval()[0]:
            found.append(_life_finding(claim, f"{date.human()} is before {claim.subject} was born "
                                       f"({birth.date.human()})", birth, "birth"))
        elif death and claim.predicate in _LIFE_EVENTS and lo > death.date.interval()[1]:
            found.append(_life_finding(claim, f"{date.human()} is after {claim.subject} died "
                                       f"({death.date.human()})", death, "death"))
    return found


def _life_finding(claim: Claim, message: str, life: LifeDate, what: str) -> Finding:
    return Finding("internal_inconsistency", "high", claim.start, claim.end, message,
                   (life.evidence,), f"Check the year of this event or of the {what}.", claim.id)


_PUBLISHED_ON = re.compile(
    r"\b(?:published|released|issued|printed|appeared|premiered|broadcast|aired|unveiled|"
    r"reissued|translated|staged|screened|founded|established|opened|built|erected|dedicated|"
    r"named|renamed|launched)\s+(?:in|on)\s+$", re.I)


def _acts_outside_life(
    ctx: CheckContext, life: LifeDate | None, *, after: bool
) -> list[Finding]:
    """Sentences where the subject acts before birth ("he still remembers the 1969 Moon
    landing", born 1972) or after death ("his last lecture, given in 1956", died 1954). A
    posthumous honour, pardon or reburial is not an act of the subject and is left alone."""
    if life is None:
        return []
    found = []
    claimed = {c.start for c in subject_claims(ctx)
               if not after or c.predicate in _LIFE_EVENTS}
    lo, hi = life.date.interval()
    # "adapted from Kurosawa's Ikiru (1952)": a date that is another work's or person's own
    theirs = {c.time.start for c in ctx.analysis.claims if c.time is not None
              and c.subject in ("(unspecified)", "(someone else)")}
    for start, end in ctx.analysis.sentences:
        sentence = ctx.text[start:end]
        if start in claimed or (after and re.search(r"\bposthumous", sentence, re.I)):
            continue
        # "In An Autobiography, published in 1977, she wrote": a work may appear after death
        dated = [(tx, d) for tx, d in calendar_dates(ctx, start, end) if tx.start not in theirs
                 and not (after and _PUBLISHED_ON.search(ctx.text, max(start, tx.start - 30),
                                                         tx.start))
                 and not _model_number(ctx, tx)]
        # "the summer of 1958" is after a death in April 1958, though the year is the same
        spans = [(tx, d, _season_span(tx) or d.interval()) for tx, d in dated]
        outside = [tx.text if _season_span(tx) else d.human()
                   for tx, d, (first, last) in spans if (first > hi if after else last < lo)]
        # "she flew in for the opening" is her act even where the park was named after her.
        acted = _acts(ctx, sentence) or (
            after and _ACTIVITY.search(sentence) and not _POSTHUMOUS.search(sentence))
        if outside and acted:
            when = "after the subject died" if after else "before the subject was born"
            found.append(Finding(
                "internal_inconsistency", "high", start, end,
                f"{outside[0][:1].upper()}{outside[0][1:]} is {when} ({life.date.human()})",
                (life.evidence,),
                f"Check the year of this event or of the {'death' if after else 'birth'}."))
    return found


# "the Formula Ford 1600 championships": a bare number after a name is the name's, not a year
_NAME_BEFORE = re.compile(r"\b([A-Z][\w-]*)\s+$")
_DATE_WORDS = frozenset({
    "in", "by", "since", "from", "until", "till", "before", "after", "of", "to", "during", "circa",
    "around", "about", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter",
    "easter", "christmas", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "the", "and", "or", "ad", "bc"})


def _model_number(ctx: CheckContext, tx: Timex) -> bool:
    if not tx.text.isdigit():
        return False
    word = _NAME_BEFORE.search(ctx.text, max(0, tx.start - 30), tx.start)
    return word is not None and word.group(1).lower() not in _DATE_WORDS


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "Q1": (1, 3), "Q2": (4, 6),
                  "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}


def _season_span(tx: Timex) -> tuple[date, date] | None:
    """First and last day of a season, quarter or half ("1958-SU"); None for other values."""
    m = re.match(r"^(\d{4})-(SP|SU|FA|Q[1-4]|H[12])$", tx.value)
    if m is None:
        return None
    year, (first, last) = int(m[1]), _SEASON_MONTHS[m[2]]
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _event_key(claim: Claim) -> tuple[str, ...]:
    """What makes two claims the same event: who, what, to what, and for study the step
    ("enrolled" and "graduated" are two events)."""
    who = claim.subject_kb_id or claim.subject.casefold()
    if who in ("(someone else)", "(unknown)"):
        who = f"{who}@{claim.start}"  # "(someone else)" twice is not one person twice
    what = claim.object_kb_id or (claim.object or "").casefold()
    step = ""
    if claim.predicate == "studied":
        step = "start" if claim.qualifiers.get("verb") in _START_STUDY else "end"
        step += degree_class(str(claim.qualifiers.get("degree", ""))) or ""
    return (who, claim.predicate, what, step)


def _two_dates(ctx: CheckContext) -> list[Finding]:
    """The same event dated twice, differently (in two sentences or a bullet and a paragraph)."""
    seen: dict[tuple[str, ...], Claim] = {}
    found = []
    for claim in ctx.analysis.claims:
        date = claim_date(claim)
        # A work's maker may go unnamed ("X, published in 1940"): the linked work is the event
        if date is None or claim.predicate not in _ONE_TIME or (
                claim.subject == "(unspecified)" and not claim.object_kb_id):
            continue
        first = seen.setdefault(_event_key(claim), claim)
        first_date = claim_date(first)
        if first is claim or first_date is None or agrees(first_date, date):
            continue
        found.append(
            Finding(
                "internal_inconsistency",
                "high",
                claim.start,
                claim.end,
                f"The article dates this twice: {date.human()} here, {first_date.human()} earlier",
                (
                    Evidence(
                        f'Earlier: "{quote(ctx, first.start, first.end)}"',
                        f"the article, offset {first.start}",
                    ),
                ),
                "Use one date for this event in both places.",
                claim.id,
            )
        )
    return found


def _order(ctx: CheckContext) -> list[Finding]:
    """ "Later, in 1985, ..." after a sentence about 1990; "after X in 1990, ... in 1988"."""
    found = []
    previous: tuple[int, int, PartialDate] | None = None
    for start, end in ctx.analysis.sentences:
        sentence = ctx.text[start:end]
        dates = calendar_dates(ctx, start, end)
        opener = _LATER_OPENERS.match(sentence.lstrip()) or _EARLIER_OPENERS.match(
            sentence.lstrip())
        if dates and previous and opener:
            now = dates[0][1]
            later = _LATER_OPENERS.match(sentence.lstrip()) is not None
            if later and now.interval()[1] < previous[2].interval()[0]:
                found.append(
                    Finding(
                        "internal_inconsistency",
                        "medium",
                        start,
                        end,
                        f"Says this came later, but {now.human()} is before {previous[2].human()}",
                        (
                            Evidence(
                                f'Previous: "{quote(ctx, previous[0], previous[1])}"',
                                f"the article, offset {previous[0]}",
                            ),
                        ),
                        "Fix the year or the order word.",
                    )
                )
            if not later and now.interval()[0] > previous[2].interval()[1]:
                found.append(Finding(
                    "internal_inconsistency", "medium", start, end,
                    f"'{opener.group(0)}' puts this earlier, but {now.human()} is after "
                    f"{previous[2].human()}",
                    (Evidence(f'Previous: "{quote(ctx, previous[0], previous[1])}"',
                              f"the article, offset {previous[0]}"),),
                    "Fix the year or the order word."))
        found.extend(_order_within(ctx, start, end, sentence, dates))
        if dates:
            previous = (start, end, max((d for _, d in dates), key=lambda d: d.interval()[1]))
    return found


def _order_within(
    ctx: CheckContext, start: int, end: int, sentence: str, dates: list[tuple[Timex, PartialDate]]
) -> list[Finding]:
    if len(dates) < 2:
        return []
    for m in _ORDER_WORD.finditer(sentence):
        if m.start() > 0 or sentence[m.end() + 1 : m.end() + 2].isupper():
            continue  # mid-sentence "after" may govern any clause; "After the Rain" is a title
        at = start + m.start()
        clause_end = start + (
            sentence.find(",", m.end())
            if m.start() == 0 and "," in sentence[m.end() :]
            else len(sentence)
        )
        inner = [d for tx, d in dates if at < tx.start < clause_end]
        outer = [d for tx, d in dates if not at < tx.start < clause_end]
        if not inner or not outer:
            continue
        sub, main = inner[0], outer[0]
        after = m.group(1).lower() == "after"
        wrong = (
            main.interval()[1] < sub.interval()[0]
            if after
            else main.interval()[0] > sub.interval()[1]
        )
        if wrong:
            return [
                Finding(
                    "internal_inconsistency",
                    "medium",
                    start,
                    end,
                    f"'{m.group(1)}' puts {main.human()} {m.group(1).lower()} {sub.human()}, "
                    "which the dates contradict",
                    (
                        Evidence(
                            f"The sentence dates its events {sub.human()} and {main.human()}",
                            f"the article, offset {start}",
                        ),
                    ),
                    "Fix one of the years or the order word.",
                )
            ]
    return []


def _relative_arithmetic(ctx: CheckContext) -> list[Finding]:
    """"Two years later, in 1993", "In 2021, thirty years after his 1989 proposal", "eight
    years after Glenn's flight, in 1969": the stated year must be the counted one."""
    found = []
    sentences = ctx.analysis.sentences
    life = {"birth": life_date(ctx, "born", "P569"), "death": life_date(ctx, "died", "P570")}
    for index, (start, end) in enumerate(sentences):
        sentence = ctx.text[start:end]
        for m in _INTERVAL.finditer(sentence):
            if _APPROXIMATE.search(sentence[max(0, m.start() - 15) : m.start()]):
                continue  # "nearly five decades after": not a sum to check
            count = parse_number(m["n"])
            if count is None:
                continue
            years = count * (10 if m["unit"].lower().startswith("decade") else 1)
            direction = m["dir"].lower()
            sign = -1 if direction in ("earlier", "before", "previously") else 1
            anchor, stated = _interval_ends(ctx, index, m, life)
            if anchor is None or stated is None:
                continue
            expected = anchor[1].year + sign * years
            if stated.year != expected and not _other_event_fits(
                    ctx, index, m, stated.year - sign * years):
                found.append(Finding(
                    "internal_inconsistency", "medium", start, end,
                    f"'{m.group(0).strip()}' does not add up: {anchor[1].year} "
                    f"{'+' if sign > 0 else '-'} {years} is {expected}, but the sentence says "
                    f"{stated.year}",
                    (Evidence(f"The counted-from date: \"{quote(ctx, *anchor[0])}\"",
                              f"the article, offset {anchor[0][0]}"),),
                    f"Say {abs(stated.year - anchor[1].year)} years, or check the years."))
    return found


def _interval_ends(
    ctx: CheckContext, index: int, m: re.Match[str], life: dict[str, LifeDate | None]
) -> tuple[Anchor | None, PartialDate | None]:
    """The date counted from (with the sentence it is in) and the date the sentence states."""
    start, end = ctx.analysis.sentences[index]
    dates = calendar_dates(ctx, start, end)
    m_start, rest_start, rest_end = start + m.start(), start + m.start("rest"), start + m.end()
    if m["dir"].lower() in ("after", "before") and m["rest"].strip():
        inside = [d for tx, d in dates if rest_start <= tx.start < rest_end]
        # the stated date is the one nearest the phrase ("In 1936 she married X, and their
        # daughter was born in 1939, three years after the wedding": 1939)
        # (a written year first: "in June that year" leans on another date)
        outside = [d for tx, d in sorted(dates, key=lambda x: (
            not re.search(r"\d{4}", x[0].text), abs(x[0].start - m_start)))
            if not rest_start <= tx.start < rest_end]
        if inside:
            return ((start, end), inside[0]), (outside[0] if outside else None)
        head = _head_word(m["rest"])
        if head in life:
            # "two years after her death": the subject's own death, not the last "death" named
            known = life[head]
            anchor = ((start, end), known.date) if known is not None else None
            return anchor, (outside[0] if outside else None)
        anchor = _claim_anchor(ctx, rest_start, rest_end) or _event_noun(ctx, m_start, head) or \
            _named_earlier(ctx, index, rest_start, rest_end) or (
                _earlier_mention(ctx, index, head) if head else None)
        return _nth_of_series(ctx, m["rest"], anchor), (outside[0] if outside else None)
    before = [(tx, d) for tx, d in dates if tx.start < m_start]
    # "Three years later she followed it with X, ..., and in 2010 with Y": a date past a new
    # coordinated clause belongs to that clause's event, not to the counted one.
    after = [d for tx, d in dates
             if tx.start >= rest_start and not NEW_CLAUSE.search(ctx.text, rest_start, tx.start)]
    if before and ctx.text[before[-1][0].end : m_start].strip(" ,") == "":
        # "In 2012, nineteen years later, ...": that date is the stated one, counted from the
        # sentence's earlier date ("married in 1940; ... his death in 1970, thirty years
        # later") or else from the previous sentence's
        if len(before) > 1:
            return ((start, end), before[-2][1]), before[-1][1]
        return _previous_dated(ctx, index), before[-1][1]
    if before:
        return ((start, end), before[-1][1]), (after[0] if after else None)
    previous = _previous_dated(ctx, index)
    return previous, (after[0] if after else None)


def _claim_anchor(ctx: CheckContext, start: int, end: int) -> Anchor | None:
    """"thirty-three years after joining NACA": the dated claim that joined NACA."""
    named = {m.kb_id or m.text.casefold() for m in ctx.analysis.mentions
             if start <= m.start < end and not _ACTS_AFTER.match(ctx.text, m.end, end)}
    words = ctx.text[start:end].lower().split()
    predicates = {VERB_TRIGGERS.get(_ing_stem(w)) for w in words} - {None}
    for claim in ctx.analysis.claims:
        date = claim_date(claim)
        key = claim.object_kb_id or (claim.object or "").casefold()
        if date is None or claim.end > start or (predicates and claim.predicate not in predicates):
            continue
        related = related_orgs(ctx.kb, key) if ctx.kb is not None and claim.object_kb_id else {key}
        if named & related:  # "joining NACA" is the claim that she joined Langley, part of NACA
            return (claim.start, claim.end), date
    return None


# "three years after the wedding": the noun of an event the claims name by their verb
_EVENT_NOUNS = {"wedding": "married", "marriage": "married"}


# "seven years after SoftBank took control of the carrier": the name acts; the event is what
# it did, not whatever else an earlier sentence dates it by
_ACTS_AFTER = re.compile(r"\s+(?:had\s+|has\s+)?(?:[a-z]+ed|took|made|won|bought|sold|became|"
                         r"began|left|got|gave|went|came|ran|led|held|set|put|brought|built)\b")


def _named_earlier(ctx: CheckContext, index: int, start: int, end: int) -> Anchor | None:
    """"seventeen years after his first French Open title": an earlier dated sentence that
    names the same KB entity (as "Roland Garros", say); the earliest one for "first"."""
    named = {m.kb_id for m in ctx.analysis.mentions if start <= m.start < end and m.kb_id
             and not _ACTS_AFTER.match(ctx.text, m.end, end)}
    if not named:
        return None
    found = []
    for s, e in ctx.analysis.sentences[:index]:
        dates = calendar_dates(ctx, s, e)
        at = [m.start for m in ctx.analysis.mentions if m.kb_id in named and s <= m.start < e]
        if dates and at:
            # the date nearest the name, within its clause ("His first visit to Roland Garros,
            # in 2005, ended with the title")
            tx, date = min(dates, key=lambda d: abs(d[0].start - at[0]))
            if abs(tx.start - at[0]) <= 40:
                found.append(((s, e), date))
    if not found:
        return None
    first = re.search(r"\bfirst\b", ctx.text[start:end], re.I)
    return min(found, key=lambda a: a[1].interval()[0]) if first else found[-1]


def _event_noun(ctx: CheckContext, before: int, head: str | None) -> Anchor | None:
    """The subject's last dated claim of the event the noun names, written before ``before``
    ("In 1936 she married X, and ... three years after the wedding": this sentence's)."""
    predicate = _EVENT_NOUNS.get(head or "")
    dated = [(c, d) for c in ctx.analysis.claims if c.predicate == predicate and c.time
             and c.time.start < before and not c.subject.startswith("(")
             and (d := claim_date(c)) is not None]
    if not dated:
        return None
    claim, date = dated[-1]
    return (claim.start, claim.end), date


_NTH = re.compile(r"\b(?:(?P<word>[a-z]+(?:-[a-z]+)?)|(?P<n>\d{1,2})(?:st|nd|rd|th))\b", re.I)


_RANGE = re.compile(r"\b(?:from|between)\s+\d{4}\s+(?:to|and|until|through)\s+\d{4}\b"
                    r"|\b\d{4}\s*[-–—]\s*\d{4}\b")


def _nth_of_series(ctx: CheckContext, phrase: str, anchor: Anchor | None) -> Anchor | None:
    """"eight years after her fifth FIFA award": the fifth of a series the counted-from
    sentence dates ("five awards in a row, from 2006 to 2010": 2010); the last for "last";
    with no series to count in, which date is meant is not known (no anchor)."""
    if anchor is None:
        return None
    nth = None
    for m in _NTH.finditer(phrase):
        word = (m["word"] or "").lower()
        if word in ("last", "final", "latest"):
            nth = -1
        elif word in ORDINALS and word != "first":
            nth = ORDINALS[word]
        elif m["n"] and m["n"] != "1":
            nth = int(m["n"])
        if nth is not None:
            break
    if nth is None:
        return anchor
    span = anchor[0]
    years = sorted({d.year for _, d in calendar_dates(ctx, *span)})
    if len(years) < 2:
        return None
    if nth == -1:
        return span, PartialDate(years[-1])
    if len(years) == 2 and _RANGE.search(ctx.text, *span):  # "from 2006 to 2010": every year
        year = years[0] + nth - 1
        return (span, PartialDate(year)) if year <= years[-1] else None
    return (span, PartialDate(years[nth - 1])) if nth <= len(years) else None  # a list


def _ing_stem(word: str) -> str:
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        return stem if stem in VERB_TRIGGERS else stem + "e"
    return word


def _head_word(phrase: str) -> str | None:
    """The head noun of "Glenn's flight", "the Science paper was published": its last noun."""
    words = []
    # "three years after that debut": a demonstrative before a noun, not "after that, ..."
    phrase = re.sub(r"^\s*(?:that|this)\s+(?=[a-z])", "", phrase)
    for word in re.findall(r"[\w'’]+", phrase):
        if word.lower() in _PHRASE_STOPS:
            break
        words.append(re.sub(r"['’]s$", "", word))
    if not words or len(words[-1]) <= 2 or words[-1].lower() in _PRONOUNS:
        return None  # "three years after her": whose event is not said
    return words[-1].lower()


Anchor = tuple[tuple[int, int], PartialDate]


def _earlier_mention(ctx: CheckContext, index: int, head: str) -> Anchor | None:
    # "his diagnosis" finds "was diagnosed": compare the first six letters of longer words
    stem = head[:6] if len(head) > 7 else head
    pattern = re.compile(rf"\b{re.escape(stem)}\w*", re.I)
    for s, e in reversed(ctx.analysis.sentences[:index]):
        dates = calendar_dates(ctx, s, e)
        found = pattern.search(ctx.text[s:e])
        if dates and found:
            at = s + found.start()
            # The date nearest the word: "joined NACA in 1953 ..., NASA from 1958".
            return (s, e), min(dates, key=lambda d: abs(d[0].start - at))[1]
    return None


def _other_event_fits(ctx: CheckContext, index: int, m: re.Match[str], year: int) -> bool:
    """"thirty-one years after she had left": she left twice in the article, and the sum
    fits the other leaving. An event word that names several events is not an error."""
    rest = m["rest"].split()
    if m["dir"].lower() not in ("after", "before") or not rest or rest[0].lower() not in (
            "he", "she", "they", "i", "we"):
        return False  # "after Glenn's flight" names one event; "after she had left" may not
    head = _head_word(m["rest"])
    if not head:
        return False
    stem = head[:6] if len(head) > 7 else head
    pattern = re.compile(rf"\b{re.escape(stem)}\w*", re.I)
    for s, e in ctx.analysis.sentences[:index]:
        found = pattern.search(ctx.text[s:e])
        # any date, "that year" too: this only clears a flag
        if found and any(s <= t.start < e and t.type == "DATE" and t.value[:4] == str(year)
                         for t in ctx.analysis.timexes):
            return True
    return False


def _previous_dated(ctx: CheckContext, index: int) -> Anchor | None:
    for s, e in reversed(ctx.analysis.sentences[:index]):
        dates = calendar_dates(ctx, s, e)
        if dates:
            return (s, e), dates[-1][1]
    return None
