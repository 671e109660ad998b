"""The article against itself: its own timeline must hold together, with or without a KB."""

from __future__ import annotations

import calendar
import re
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from analysis.checks.base import CheckContext, Finding, claim_date
from analysis.checks.intervals import relative_arithmetic
from analysis.checks.kb_match import degree_class
from analysis.checks.life import (
    LifeDate,
    calendar_dates,
    life_date,
    quote,
    subject_claims,
)
from analysis.checks.registry import register
from analysis.claim_context import RELATIVE_TEXT
from analysis.dates import PartialDate, agrees
from analysis.models import Claim, Evidence, Timex

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
_QUOTED = re.compile(r'["“][^"”]*(?:["”]|$)')  # (a sentence may end inside the quote)
_ACT_VERBS = (
    r"(?:also\s+|later\s+|then\s+|still\s+|again\s+)?(?:gave|delivered|wrote|warned|argued|"
    r"addressed|addresses|spoke|speaks|"
    r"published|visited|met|spoke|lectured|taught|married|moved|travell?ed|returned|attended|"
    r"founded|joined|led|launched|played|performed|sang|directed|flew|opened|appeared|"
    r"remembers|remembered|recalls|recalled|watched|witnessed|saw|followed|sent|signed|"
    r"finished|completed|revised|submitted|dictated|corrected|convened|organi[sz]ed|chaired|"
    r"hosted|presided|announced|proposed|campaigned|resigned|retired)\b")
_ACTS = re.compile(r"\b(?:he|she|they)\s+" + _ACT_VERBS, re.I)
# "2015: Addresses the United Nations": a dated entry whose verb has no subject is the subject's.
# (The present tense only: "2014: Inducted into the Hall of Fame" is an honour, not an act.)
# ("2021: Receives a special Golden Lion": an honour received, posthumously too, is no act;
# "1995: Remains transferred to the Panthéon": the noun, his remains)
_BULLET_ACT = re.compile(r"^(?:c\.\s?)?\d{4}\s?(?::|\s[–—|-])\s+(?!Receives\b|Gets\b|"
                         r"Remains\s+[a-z]+ed\b)"
                         r"[A-Z][a-z]+[^s\W]s\b")


def _acts(ctx: CheckContext, sentence: str) -> bool:
    """The subject, by pronoun or by name, does something in this sentence."""
    if _ACTS.search(sentence) or _BULLET_ACT.match(sentence):
        return True
    subject = ctx.analysis.subject
    names = sorted(subject.names, key=len, reverse=True) if subject else []
    if not names:
        return False
    who = "|".join(re.escape(n) for n in names)
    # (not inside a longer name: "the Pavillon Le Corbusier opened in 1967")
    return any(not _inside_name(sentence, m.start()) for m in re.finditer(
        rf"\b(?:{who})\s+{_ACT_VERBS}", sentence, re.I))


def _inside_name(sentence: str, at: int) -> bool:
    """A capitalised word that is no function word runs into the name from the left."""
    before = sentence[:at].split()
    return bool(before) and before[-1][:1].isupper() and before[-1].isalpha() and \
        before[-1].lower() not in STOP_WORDS
_POSTHUMOUS = re.compile(
    r"\b(?:posthumous\w*|after (?:his|her|their) death|in (?:his|her|their) (?:memory|"
    r"honou?r)|named (?:after|for)|memorial|commemorat\w*|centenary|centennial|anniversary|"
    r"remains|ashes|urn|grave|tomb|reburied|re-?interred|pardon\w*|tribute|legacy|statue|"
    r"portrait|biograph\w*|"
    r"biopic|film|honou?red|inducted|renamed|died|death|dead)\b", re.I)

_SAME_PERIOD = re.compile(r"\s+(?:that|the same)\s+(?:same\s+)?(?:season|year|month|summer|"
                          r"spring|autumn|fall|winter|week|day|decade)\b", re.I)
_WITHIN_YEAR = re.compile(r"^(?:later|earlier)\s+in\s+(?:1[5-9]|20)\d\d\b", re.I)
_LATER_OPENERS = re.compile(
    r"^(?:later|afterwards?|subsequently|then|after that|thereafter|the (?:following|next) "
    r"(?:year|decade))\b",
    re.I,
)
_EARLIER_OPENERS = re.compile(
    r"^(?:before (?:that|this|then|these|those)\b(?: \w+)?|earlier\b|previously\b|prior to "
    r"(?:that|this)\b)", re.I)
_ORDER_WORD = re.compile(r"\b(after|before)\b", re.I)

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
        *relative_arithmetic(ctx),
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
    r"named|renamed|launched|"
    # (a chronology's present: "1941: Dies on 28 March; Between the Acts appears in July")
    r"appears|premieres|opens|comes out|came out)\s+(?:in|on)\s+$", re.I)


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
    # ("the novel Louisa May Alcott published in 1868": another named person's act too)
    own = {id(c) for c in subject_claims(ctx)}
    theirs = {c.time.start for c in ctx.analysis.claims if c.time is not None
              and (c.subject in ("(unspecified)", "(someone else)") or id(c) not in own
                   and (c.subject_kb_id is not None or c.predicate in ("born", "died")))}
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
        # (not in a quotation: "as fresh as when he played them", said of him by another)
        unquoted = _QUOTED.sub("", sentence)
        acted = _acts(ctx, unquoted) or (
            after and _ACTIVITY.search(unquoted) and not _POSTHUMOUS.search(sentence))
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


_AGAIN = frozenset({"remarry", "rejoin", "refound", "reopen", "re-marry", "re-join"})


def _event_key(claim: Claim) -> tuple[str, ...]:
    """What makes two claims the same event: who, what, to what, and for study the step
    ("enrolled" and "graduated" are two events)."""
    who = claim.subject_kb_id or claim.subject.casefold()
    if who in ("(someone else)", "(unknown)"):
        who = f"{who}@{claim.start}"  # "(someone else)" twice is not one person twice
    # a post named by its role only ("stepped down as chief executive", "... as chairman")
    what = claim.object_kb_id or (claim.object or "").casefold() or str(
        claim.qualifiers.get("role", "")).casefold()
    step = ""
    if claim.predicate == "studied":
        step = "start" if claim.qualifiers.get("verb") in _START_STUDY else "end"
        step += degree_class(str(claim.qualifiers.get("degree", ""))) or ""
    elif str(claim.qualifiers.get("verb", "")) in _AGAIN:
        step = "again"  # "they remarried in 2001": not the wedding of 1957 dated twice
    return (who, claim.predicate, what, step)


def _counted(claim: Claim) -> bool:
    """Dated by counting from another date ("two years later"), not by a written date."""
    return claim.time is not None and bool(RELATIVE_TEXT.search(claim.time.text))


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
        if _counted(first) and not _counted(claim):
            # "remarried two years later" against "1952: Marries X": the count is the suspect
            first, claim, first_date, date = claim, first, date, first_date
        where = "earlier" if first.start < claim.start else "later"
        found.append(
            Finding(
                "internal_inconsistency",
                "high",
                claim.start,
                claim.end,
                f"The article dates this twice: {date.human()} here, {first_date.human()} "
                f"{where}",
                (
                    Evidence(
                        f'{where.capitalize()}: "{quote(ctx, first.start, first.end)}"',
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
    previous: tuple[int, int, PartialDate, PartialDate] | None = None
    for start, end in ctx.analysis.sentences:
        sentence = ctx.text[start:end]
        dates = calendar_dates(ctx, start, end)
        opener = _LATER_OPENERS.match(sentence.lstrip()) or _EARLIER_OPENERS.match(
            sentence.lstrip())
        if opener and (_dated_opener(ctx, start + len(sentence) - len(sentence.lstrip()),
                                     opener.end())
                       or _SAME_PERIOD.match(sentence.lstrip(), opener.end())):
            # "Earlier that year", "Earlier that same season": its own time, taken from the
            # previous sentence
            opener = None
        if opener and (_WITHIN_YEAR.match(sentence.lstrip()) or previous and any(
                b.kind == "heading" and previous[1] <= b.start < start
                for b in ctx.analysis.article.blocks)):
            # "Later in 1913" is late in that year, not after the last date written (a cited
            # book of 1940); past a heading the story starts again
            opener = None
        if dates and previous and opener:
            now = dates[0][1]
            later = _LATER_OPENERS.match(sentence.lstrip()) is not None
            # (before every date of the previous sentence: "named him X in 1974, and he was
            # inducted into Y in 1987" does not place "Then, in 1983" before itself)
            first = previous[3]
            if later and now.interval()[1] < first.interval()[0]:
                found.append(
                    Finding(
                        "internal_inconsistency",
                        "medium",
                        start,
                        end,
                        f"Says this came later, but {now.human()} is before {first.human()}",
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
            previous = (start, end, max((d for _, d in dates), key=lambda d: d.interval()[1]),
                        min((d for _, d in dates), key=lambda d: d.interval()[0]))
    return found


def _dated_opener(ctx: CheckContext, at: int, length: int) -> bool:
    return any(at <= tx.start < at + length for tx in ctx.analysis.timexes)


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
