"""Counted intervals against the article's dates: "two years later, in 1993", "thirty years
after his 1989 proposal", "eight years after Glenn's flight, in 1969" must add up. The
counted-from date is found in the sentence, in a dated claim, or in an earlier sentence that
names the same event or entity."""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, Finding, claim_date
from analysis.checks.kb_match import related_orgs
from analysis.checks.life import NEW_CLAUSE, LifeDate, calendar_dates, life_date, quote
from analysis.claim_context import RELATIVE_TEXT
from analysis.dates import PartialDate
from analysis.layout import dateline
from analysis.models import Evidence
from analysis.timex import to_partial_date
from analysis.timex_lexicon import ORDINALS
from analysis.topic_terms import load_lexicon
from analysis.vocabulary import VERB_TRIGGERS
from analysis.wordnum import parse_number

_INTERVAL = re.compile(
    r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?:full\s+|whole\s+|long\s+)?(?P<unit>years?|decades?)\s+"
    # "Five years and 5,127 prototypes later"
    r"(?:and\s+[\d,]+\s+\w+\s+)?"
    # (the phrase ends where the main clause's subject starts: "Seven years after Boston she
    # won ...": after Boston; but "after she had left" is the leaving)
    r"(?P<dir>later|after|afterwards|on|earlier|before|previously)\b"
    r"(?P<rest>(?:\s+(?:he|she|they|we|I)\b)?(?:(?!\s(?:he|she|they|we)\s)[^,.;:—])*)",
    re.I,
)
_FIRST_VERSION = frozenset({"original", "first", "predecessor", "earlier"})
_ATTRIBUTIVE = re.compile(r"\bthe\s+$", re.I)
_PRONOUNS = frozenset("her him his them their it its this that these those".split())
_APPROXIMATE = re.compile(r"\b(nearly|almost|about|around|some|roughly|over|more than|less than|"
                         r"close to|under|some)\s*$", re.I)
# "It would be 42 years before another woman won": the event after "before" comes N years
# after a time the sentence leaves unnamed, the reverse of "two years before her death"
_WAIT = re.compile(r"\b(?:it|there)\s+(?:would\s+be|was|is|will\s+be|had\s+been|took|would\s+"
                   r"take)\s+(?:another\s+|a\s+further\s+)?$", re.I)
_STORY_TIME = re.compile(r"\s*the\s+(?:events|action|story|plot)\s+of\b", re.I)
_PHRASE_STOPS = frozenset(
    "was were is are had has have in on at by when that which who as and but with from for "
    "came went did".split()
)


def relative_arithmetic(ctx: CheckContext) -> list[Finding]:
    """"Two years later, in 1993", "In 2021, thirty years after his 1989 proposal", "eight
    years after Glenn's flight, in 1969": the stated year must be the counted one."""
    found = []
    sentences = ctx.analysis.sentences
    life = {"birth": life_date(ctx, "born", "P569"), "death": life_date(ctx, "died", "P570")}
    for index, (start, end) in enumerate(sentences):
        sentence = ctx.text[start:end]
        for m in _INTERVAL.finditer(sentence):
            approx = _APPROXIMATE.search(sentence[max(0, m.start() - 15) : m.start()])
            if m["dir"].lower() == "before" and _WAIT.search(sentence, 0, m.start()) and not any(
                    tx.start < start + m.start() for tx, _ in calendar_dates(ctx, start, end)):
                # "It would be 42 years before X won": counted from a time the sentence does
                # not name ("stateless since 1937, and it was eighteen years before" names it)
                continue
            if _STORY_TIME.match(m["rest"]):
                continue  # "set fifteen years after the events of the first book": story time
            count = parse_number(m["n"])
            if count is None:
                continue
            years = count * (10 if m["unit"].lower().startswith("decade") else 1)
            direction = m["dir"].lower()
            sign = -1 if direction in ("earlier", "before", "previously") else 1
            anchor, stated = _interval_ends(ctx, index, m, life)
            if anchor is None or stated is None:
                continue
            if approx is not None:
                # "nearly four years after his arrest" (August 1942, released June 1945): a
                # rough count still has bounds
                finding = _rough_count(ctx, start, end, m, approx.group(1).lower(), years,
                                       sign, anchor, stated)
                if finding is not None:
                    found.append(finding)
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


# Rough counts: "nearly N" is under N and more than N-1 years; "about N" within a year of N;
# "more than N" at least N
_UNDER = frozenset({"nearly", "almost", "close to", "under", "less than"})
_ABOUT = frozenset({"about", "around", "some", "roughly"})
_OVER = frozenset({"over", "more than"})


def _rough_count(ctx: CheckContext, start: int, end: int, m: re.Match[str], word: str,
                 years: int, sign: int, anchor: Anchor, stated: PartialDate) -> Finding | None:
    """The flag for a rough count ("nearly", "about", "more than") the two dates cannot fit."""
    since = anchor[1]
    if m["unit"].lower().startswith("decade") or sign < 0:
        return None  # ("nearly five decades": too rough to check; "some years before": rare)
    if since.month and stated.month:
        span = ((stated.year - since.year) * 12 + stated.month - since.month) / 12
        low, high = span, span
    else:  # years only: the span is anything from a year less to a year more
        low, high = stated.year - since.year - 1, stated.year - since.year + 1
    fits = (high > years - 1 and low <= years) if word in _UNDER else \
        (high >= years - 1 and low <= years + 1) if word in _ABOUT else \
        high >= years if word in _OVER else True
    if fits or high < 0:
        return None
    told = f"{since.human()} to {stated.human()}"
    return Finding(
        "internal_inconsistency", "medium", start, end,
        f"'{word} {m.group(0).strip()}' does not fit the dates: from {told} is "
        f"{_years_text(low, high)}",
        (Evidence(f"The counted-from date: \"{quote(ctx, *anchor[0])}\"",
                  f"the article, offset {anchor[0][0]}"),),
        "Check the count against the two dates.")


def _years_text(low: float, high: float) -> str:
    if low != high:
        return f"{max(0, int(low))} to {int(high)} years"
    years, months = divmod(round(low * 12), 12)
    parts = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in ((years, "year"),
                                                                  (months, "month")) if n]
    return " and ".join(parts) or "less than a month"


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
        # ("Eight years after she had arrived in Switzerland, in 1897, ...": the date set off
        # right after the phrase first; not across a full stop the splitter missed)
        outside = [d for tx, d in sorted(dates, key=lambda x: (
            not re.search(r"\d{4}", x[0].text),
            not (x[0].start >= rest_end and re.fullmatch(r"\s*,?\s*(?:in|on)?\s*",
                                                         ctx.text[rest_end : x[0].start])),
            bool(re.search(r"\.\s+[A-Z]", ctx.text[min(x[0].end, m_start) : max(x[0].start,
                                                                               m_start)])),
            abs(x[0].start - m_start)))
            if not rest_start <= tx.start < rest_end]
        if inside:
            return ((start, end), inside[0]), (outside[0] if outside else None)
        # (also "thirty years after she had recorded it": the work this sentence names)
        if re.match(r"\s*it\s", m["rest"]) or re.search(r"\bit\W*$", m["rest"]):
            # "..., twenty-seven years after it first appeared, Parable of the Sower reached":
            # "it" is the one work the sentence names, dated where an earlier sentence names it
            # (the verb alone would find whatever last "appeared")
            works = [w for w in ctx.analysis.mentions if start <= w.start < end and w.kb_id
                     and w.label == "work" and not rest_start <= w.start < rest_end]
            anchor = _named_earlier(ctx, index, works[0].start, works[0].end) if len(
                {w.kb_id for w in works}) == 1 else None
            return anchor, (outside[0] if outside else None)
        head = _head_word(m["rest"])
        if head in life and (owner := _someone_elses(ctx, m["rest"])):
            # "three years after Annie's death": her death, where the article tells it (not
            # the subject's, nor whatever else is dated where her name appears)
            return _their_life_event(ctx, index, owner, head), (outside[0] if outside else None)
        if head in life:
            # "two years after her death": the subject's own death, not the last "death" named
            known = life[head]
            anchor = ((start, end), known.date) if known is not None else None
            return anchor, (outside[0] if outside else None)
        stated = outside[0] if outside else None
        if head and head.lower() in _FIRST_VERSION:
            # "first appeared in Hebrew in 2011, and the English edition followed in 2014,
            # three years after the original": the sentence's other, earlier date
            earlier = [d for tx, d in dates if tx.end <= m_start and d is not stated]
            if earlier:
                return ((start, end), earlier[-1]), stated
        if head and head.lower() in ORDINALS and re.search(rf"\b{head}\W*$", m["rest"]):
            # "her sixth and last Wimbledon title came in 1925, six years after her first": the
            # first title, found only where an earlier sentence calls it that
            return _elided(ctx, index, head, start, m_start), stated
        anchor = _claim_anchor(ctx, rest_start, rest_end) or _event_noun(ctx, m_start, head) or \
            _named_earlier(ctx, index, rest_start, rest_end) or (
                _earlier_mention(ctx, index, head, m["rest"]) if head else None)
        return _nth_of_series(ctx, m["rest"], anchor), (outside[0] if outside else None)
    before = [(tx, d) for tx, d in dates if tx.start < m_start]
    # "Three years later she followed it with X, ..., and in 2010 with Y": a date past a new
    # coordinated clause belongs to that clause's event, not to the counted one.
    # Nor is "the 2011 tsunami" a stated date: a year naming another event.
    after = [d for tx, d in dates
             if tx.start >= rest_start and not NEW_CLAUSE.search(ctx.text, rest_start, tx.start)
             and not _ATTRIBUTIVE.search(ctx.text, max(0, tx.start - 4), tx.start)
             # ("A year later he added X, which he led until 1969": a bound, not the date)
             and not _UNTIL_BEFORE.search(ctx.text, max(0, tx.start - 8), tx.start)
             # ("He took his master's degree two years later and received his doctorate in
             # 1911": the interval dates the first verb; the year, the one coordinated after it)
             and not (m.start() > 0 and _AND_ACT.search(ctx.text, rest_start, tx.start))]
    if before and ctx.text[before[-1][0].end : m_start].strip(" ,") == "":
        # "In 2012, nineteen years later, ...": that date is the stated one, counted from the
        # sentence's earlier date ("married in 1940; ... his death in 1970, thirty years
        # later") or else from the previous sentence's
        if len(before) > 1:
            return ((start, end), before[-2][1]), before[-1][1]
        return _previous_dated(ctx, index), before[-1][1]
    if before:
        # "killed in 1916; a year later his daughter died, and her twin sister two years
        # later, in 1919": the count goes on from the last counted date
        counted = [tx for tx in ctx.analysis.timexes
                   if before[-1][0].end <= tx.start < m_start and RELATIVE_TEXT.search(tx.text)
                   and (d := to_partial_date(tx)) is not None and d.precision == "year"]
        anchor = to_partial_date(counted[-1]) if counted else before[-1][1]
        return ((start, end), anchor or before[-1][1]), (after[0] if after else None)
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
        if claim.predicate == "died" and not predicates:
            continue  # "ten years after arriving in Keld": not from "died yesterday in Keld"
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
    line = dateline(ctx.text, ctx.analysis.article.blocks)
    for s, e in ctx.analysis.sentences[:index]:
        dates = calendar_dates(ctx, s, e)
        at = [m.start for m in ctx.analysis.mentions if m.kb_id in named and s <= m.start < e]
        if dates and at:
            # the date nearest the name, within its clause ("His first visit to Roland Garros,
            # in 2005, ended with the title"; "In 1927, at the age of 19, she came north to
            # Chicago"), not an obituary's dateline ("CHICAGO, Jan. 28 -- ...")
            tx, date = min(dates, key=lambda d: abs(d[0].start - at[0]))
            first, last = sorted((tx.start, at[0]))
            if (abs(tx.start - at[0]) <= 40 or abs(tx.start - at[0]) <= 60
                    and not NEW_CLAUSE.search(ctx.text, first, last)) and not (
                    line is not None and line.start() <= tx.start < line.end()):
                found.append(((s, e), date))
    if not found:
        return None
    # "first", and an arrival ("fifteen years after arriving in New York"), count from the
    # earliest sentence that names it
    first = re.search(r"\b(?:first|arriv\w*|reach\w*|settl\w*|emigrat\w*|mov(?:ed|ing) to)\b",
                      ctx.text[start:end], re.I)
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


_PERSON_CLAUSE = re.compile(r"\s*(?:he|she|they|we|I)\s+(?:(?:had|has|have|first|finally|"
                            r"last)\s+)*(?P<verb>[a-z]{3,})\s*(?:[,.;]|$)")


def _someone_elses(ctx: CheckContext, phrase: str) -> str | None:
    """"eighteen years after Peter's death": the possessor, when not the profile's subject."""
    owner = re.match(r"\s*(?:the\s+)?([\w-]+)['’]s?\s", phrase)
    if owner is None or owner.group(1).lower() in ("his", "her", "their"):
        return None
    subject = ctx.analysis.subject
    if subject is not None and owner.group(1).lower() in {
            w for n in subject.names for w in n.split()}:
        return None
    return owner.group(1)


_LIFE_WORDS = {"death": r"died|death|killed|dead|loss", "birth": r"born|birth"}


def _their_life_event(ctx: CheckContext, index: int, name: str, head: str) -> Anchor | None:
    """The year of another person's death (or birth) in an earlier sentence that names them
    with it ("Annie died in April 1851, aged ten")."""
    event = re.compile(rf"\b(?:{_LIFE_WORDS[head]})\b", re.I)
    who = re.compile(rf"\b{re.escape(name)}\b")
    for s, e in reversed(ctx.analysis.sentences[:index]):
        text = ctx.text[s:e]
        found = event.search(text)
        if found is None or who.search(text) is None:
            continue
        dates = calendar_dates(ctx, s, e)
        if dates:
            at = s + found.start()
            return (s, e), min(dates, key=lambda d: abs(d[0].start - at))[1]
    return None


def _head_word(phrase: str) -> str | None:
    """The head noun of "Glenn's flight", "the Science paper was published": its last noun."""
    words = []
    # "three years after that debut": a demonstrative before a noun, not "after that, ..."
    phrase = re.sub(r"^\s*(?:that|this)\s+(?=[^\W\d_])", "", phrase)  # ("that Berlin debut")
    if clause := _PERSON_CLAUSE.match(phrase):
        # "eighteen years after he had left,": the leaving (with an object, the last noun)
        return clause["verb"].lower()
    for word in re.findall(r"[\w'’]+", phrase):
        if word.lower() in _PHRASE_STOPS:
            break
        words.append(re.sub(r"['’]s$", "", word))
    if not words or len(words[-1]) <= 2 or words[-1].lower() in _PRONOUNS:
        return None  # "three years after her": whose event is not said
    return words[-1].lower()


Anchor = tuple[tuple[int, int], PartialDate]


_POSSESSIVE_S = re.compile(r"['’]s$")


def _earlier_mention(ctx: CheckContext, index: int, head: str, phrase: str = ""
                     ) -> Anchor | None:
    # "his diagnosis" finds "was diagnosed": compare the first six letters of longer words;
    # "after he had left" finds "allowed to leave" by the verb's lemma
    stems = {head[:6] if len(head) > 7 else head, *_TOLD_AS.get(head.lower(), ())}
    verb = load_lexicon().lemma(head, "verb")
    if verb and verb != head and (not verb.startswith(head[:3]) or len(verb) >= 4):
        # "left": "leave", "leaving"; "the stabbing": "stabbed"
        stems.add(verb[:-1] if verb.endswith("e") else verb)
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, stems))})\w*", re.I)
    # "thirty-three years after his master's degree": the master's, not the bachelor's degree
    # named first in "a bachelor's degree in 1970 and a master's degree in 1972"
    words = [w.lower() for w in re.findall(r"[\w'’]+", phrase)]
    qualifier = _POSSESSIVE_S.sub("", words[words.index(head) - 1]) if head in words[1:] else ""
    qualified = re.compile(rf"\b{re.escape(qualifier)}(?:['’]s)?\s+{re.escape(head)}",
                           re.I) if len(qualifier) > 3 else None
    # "twenty years after their first match": which match was the first, the last one named
    # does not say; only the same words do
    # ("five years after that first diagnosis": the one just told, found by its noun)
    only_qualified = qualified is not None and qualifier in _FIRST_VERSION and not re.match(
        r"\s*(?:that|this)\s", phrase)
    # "twelve years after his first Olympic title in Los Angeles": a title won there
    place = _IN_PLACE.search(phrase)
    said = _said_before(ctx, index, phrase)
    if said is not None:
        return said
    for s, e in reversed(ctx.analysis.sentences[:index]):
        if place is not None and place.group(1) not in ctx.text[s:e]:
            continue
        dates = calendar_dates(ctx, s, e)
        found = (qualified.search(ctx.text[s:e]) if qualified else None) or (
            pattern.search(ctx.text[s:e]) if not only_qualified else None)
        year = _YEAR_BEFORE.search(ctx.text, max(s, s + found.start() - 40), s + found.start()) \
            if found else None
        if year is not None:  # "the 1936 Olympic Games in Berlin": the year the words date
            return (s, e), PartialDate(int(year.group(1)))
        if dates and found and found.start() <= 4 and ctx.text[s:e].lower().startswith("the ") \
                and (introduced := _introduced(ctx, index, pattern, s)) is not None:
            # "... he wrote down a wave equation. The equation ..., in 1931, ...": the sentence
            # that goes on about it dates something else; the one that introduced it, it
            return introduced
        if dates and found:
            at = s + found.start()
            # The date nearest the word: "joined NACA in 1953 ..., NASA from 1958"; one
            # written just after it first ("a bachelor's degree in 1970 and a master's degree
            # in 1972": the master's is 1972)
            after = [d for d in dates if 0 <= d[0].start - found.end() - s <= 12]
            return (s, e), (after or [min(dates, key=lambda d: abs(d[0].start - at))])[0][1]
    return None


def _elided(ctx: CheckContext, index: int, ordinal: str, start: int, at: int
            ) -> Anchor | None:
    """The earlier sentence that names the "first" of the thing the sentence counts ("her
    sixth and last Wimbledon singles title": "her first Wimbledon title"), by its noun."""
    counted = re.search(rf"\b(?:{'|'.join(ORDINALS)}|last)\b(?:\s+and\s+\w+)?((?:\s+[\w'’-]+)+)",
                        ctx.text[start:at], re.I)
    words = []
    for word in (counted.group(1).split() if counted else []):
        if word.lower() in _PHRASE_STOPS or word.lower() in ("came", "followed"):
            break
        words.append(word)
    if not words:
        return None
    noun = re.escape(words[-1].lower().rstrip("s"))  # the phrase's last word: its noun
    same = re.compile(rf"\b{ordinal}\b(?:\s+[\w'’-]+){{0,3}}?\s+{noun}s?\b", re.I)
    for s, e in reversed(ctx.analysis.sentences[:index]):
        found = same.search(ctx.text, s, e)
        dates = calendar_dates(ctx, s, e)
        if found and dates:
            return (s, e), min(dates, key=lambda d: abs(d[0].start - found.start()))[1]
    return None


def _said_before(ctx: CheckContext, index: int, phrase: str) -> Anchor | None:
    """"nine years after the structure of the 30S subunit": an earlier sentence that has the
    same words (four or more) and one date tells the event, whatever sentence since named its
    last noun."""
    words = re.sub(r"^\s*(?:the|that|this|his|her|their)\s+", "", phrase.strip(), flags=re.I)
    if len(words.split()) < 4:
        return None
    same = re.compile(re.escape(words), re.I)
    for s, e in reversed(ctx.analysis.sentences[:index]):
        dates = calendar_dates(ctx, s, e)
        if same.search(ctx.text, s, e) and len(dates) == 1:
            return (s, e), dates[0][1]
    return None


def _introduced(ctx: CheckContext, index: int, pattern: re.Pattern[str], before: int
                ) -> Anchor | None:
    """The dated sentence before ``before`` that introduced the thing ("a relativistic wave
    equation"), within the three sentences before it."""
    earlier = [(s, e) for s, e in ctx.analysis.sentences[:index] if e <= before][-3:]
    for s, e in reversed(earlier):
        found = pattern.search(ctx.text, s, e)
        dates = calendar_dates(ctx, s, e)
        if found and dates and re.search(r"\ban?\s+(?:[\w-]+\s+){0,3}$",
                                         ctx.text[max(s, found.start() - 40) : found.start()]):
            return (s, e), dates[0][1]
    return None


_IN_PLACE = re.compile(r"\b(?:in|at)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
# A year written before a name in its phrase: "the 1936 Olympic Games in Berlin"
_YEAR_BEFORE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\s+(?:[A-Z][\w'’-]*\s+){1,4}(?:in\s+)?$")


# Events a later phrase names by another word: "three years after his arrest" counts from "In
# 1984 the military government jailed him"
_TOLD_AS = {
    "arrest": ("jail", "imprison", "detain"),
    "imprisonment": ("jail", "arrest", "detain"),
    "release": ("freed", "walked free"),
    "exile": ("fled", "banish", "deport"),
}


def _other_event_fits(ctx: CheckContext, index: int, m: re.Match[str], year: int) -> bool:
    """"thirty-one years after she had left": she left twice in the article, and the sum
    fits the other leaving. An event word that names several events is not an error."""
    if _actor_dated_then(ctx, index, m, year):
        return True
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


def _actor_dated_then(ctx: CheckContext, index: int, m: re.Match[str], year: int) -> bool:
    """"In November 1945 Isaiah Berlin spent a night talking with her. [...] When Berlin
    returned to Russia eleven years later, in 1956": the count runs from the last time the
    article showed that person, another person than the subject, in that year."""
    start, _ = ctx.analysis.sentences[index]
    subject = ctx.analysis.subject
    actors = {x.kb_id or x.text.split()[-1] for x in ctx.analysis.mentions
              if x.label == "person" and start <= x.start < start + m.start()
              and not (subject is not None and subject.matches(x))}
    if not actors:
        return False
    for s, e in ctx.analysis.sentences[max(0, index - 3) : index]:
        named = any((x.kb_id or x.text.split()[-1]) in actors
                    for x in ctx.analysis.mentions if s <= x.start < e)
        if named and any(s <= t.start < e and t.type == "DATE" and t.value[:4] == str(year)
                         for t in ctx.analysis.timexes):
            return True
    return False


def _previous_dated(ctx: CheckContext, index: int) -> Anchor | None:
    for s, e in reversed(ctx.analysis.sentences[:index]):
        # (not "The Boston Athletic Association, founded in 1887, did not change its mind":
        # a date set off in commas describes the name before it, not the story's moment, and
        # which date is, the sentences before do not tell)
        # (nor "The foundation, which X has directed since 1980, ...": the start of a state
        # that goes on is no moment of the story; the count runs from the sentence before)
        dated = [(tx, d) for tx, d in calendar_dates(ctx, s, e)
                 if not re.search(r"\bsince\s+$", ctx.text[max(s, tx.start - 8) : tx.start])]
        dates = [(tx, d) for tx, d in dated
                 if not _SET_OFF_DATE.search(ctx.text, max(s, tx.start - 40), tx.start)]
        if dated:
            return ((s, e), dates[-1][1]) if dates else None
        if _AGED.search(ctx.text, s, e):
            return None  # "At thirteen she married X. Two years later, in 1921, ...": an age
    return None


_AGED = re.compile(r"\b(?:at|aged|at the age of)\s+(?:\d{1,2}|[a-z]+teen|twenty|thirty|"
                   r"forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve)\b", re.I)


_AND_ACT = re.compile(r"\band\s+(?:then\s+)?(?:[a-z]+ed|took|made|won|became|began|left|got|gave|"
                     r"went|came|ran|led|held|wrote|built|sold|bought|set)\s")
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through|to)\s+$", re.I)
_SET_OFF_DATE = re.compile(r",\s+(?:founded|established|created|formed|built|born|opened)\s+"
                           r"(?:in\s+)?$", re.I)
