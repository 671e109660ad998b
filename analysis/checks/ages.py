"""Stated ages: "at 34", "aged 87", "then 41", "now 60", "He was 75" against the birth date."""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, Finding, claim_date
from analysis.checks.life import (
    NEW_CLAUSE,
    NUM,
    QUOTED,
    LifeDate,
    calendar_dates,
    life_date,
    subject_claims,
)
from analysis.checks.registry import register
from analysis.dates import PartialDate, agrees
from analysis.models import Evidence, Timex
from analysis.vocabulary import FEMALE_PRONOUNS, MALE_PRONOUNS, SUBJECT_PRONOUNS
from analysis.wordnum import parse_number


@register
def check_ages(ctx: CheckContext) -> list[Finding]:
    birth = life_date(ctx, "born", "P569")
    death = life_date(ctx, "died", "P570")
    return [*stated_ages(ctx, birth), *ages_without_dates(ctx, birth, death),
            *age_gaps(ctx, birth), *kin_ages(ctx)]


# "In 1935 her son Lev, then only sixteen, was arrested": a relative's age, set off after the
# name the kinship word introduces
_KIN_AGE = re.compile(
    r"\b(?:his|her|their)\s+(?:\w+\s+)?(?:son|daughter|child|brother|sister|husband|wife)"
    r",?\s+(?P<name>[A-Z][\w'’-]+),\s+(?:then\s+|now\s+)?(?:aged\s+)?"
    r"(?:just\s+|only\s+|barely\s+)?(?P<age>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s*,")


def kin_ages(ctx: CheckContext) -> list[Finding]:
    """A relative's stated age against the birth year the article gives them ("Their only
    child, Lev, was born in 1912")."""
    found = []
    for start, end in ctx.analysis.sentences:
        for m in _KIN_AGE.finditer(ctx.text, start, end):
            age = parse_number(m["age"])
            dates = [(t, d) for t, d in calendar_dates(ctx, start, end) if t.start < m.start()]
            born = _named_birth(ctx, m["name"], start)
            if age is None or not 0 < age < 120 or not dates or born is None:
                continue
            when = dates[-1][1]
            possible = sorted(_possible_ages(born[1], when))
            if age in possible:
                continue
            ages = " or ".join(str(a) for a in possible)
            found.append(Finding(
                "internal_inconsistency", "medium", start, end,
                f"Age {age} does not fit: {m['name']} was born in {born[1].year}, so was {ages} "
                f"in {when.year}", (Evidence(f"The birth the article gives: \"{born[0]}\"",
                                            f"the article, offset {start}"),),
                f"Use {' or '.join(repr(str(a)) for a in possible)}, or check the dates."))
    return found


def _named_birth(ctx: CheckContext, name: str, before: int) -> tuple[str, PartialDate] | None:
    """The birth an earlier sentence gives the person of that first name ("Lev was born in
    1912", "their son, Lev, born in 1912,")."""
    pattern = re.compile(rf"\b{re.escape(name)}\b,?[^.;]{{0,30}}?\bborn\b[^.;]{{0,30}}?"
                         r"\b(1[5-9]\d\d|20\d\d)\b")
    for start, end in ctx.analysis.sentences:
        if start >= before:
            break
        m = pattern.search(ctx.text, start, end)
        if m is not None:
            return ctx.text[start:end].strip(), PartialDate(int(m.group(1)))
    return None


# "His brother Rudolf, born in 1902, was four years his junior": the gap to the subject's birth
_GAP = re.compile(r"\bborn (?:in|on) [^,;.]*?\b(?P<year>1[5-9]\d\d|20[0-2]\d)\b[^;.]*?\b"
                  r"(\d{1,2}|[a-z]+(?:-[a-z]+)?) years? (?:(?P<own>his|her) "
                  r"(?P<rank>junior|senior)|(?P<cmp>younger|older) than (?P<obj>him|her))\b",
                  re.I)


def age_gaps(ctx: CheckContext, birth: LifeDate | None) -> list[Finding]:
    if birth is None or birth.date.precision not in ("year", "month", "day"):
        return []
    pronouns = ctx.analysis.subject.pronouns if ctx.analysis.subject else frozenset()
    found = []
    for start, end in ctx.analysis.sentences:
        for m in _GAP.finditer(ctx.text, start, end):
            gap = parse_number(m.group(2))
            owner = (m["own"] or m["obj"] or "").lower()
            if gap is None or pronouns and owner not in pronouns:
                continue
            younger = (m["rank"] or m["cmp"]).lower() in ("junior", "younger")
            expected = birth.date.year + (gap if younger else -gap)
            if abs(int(m["year"]) - expected) <= 1:
                continue  # (a year either way: the birthdays may fall on either side)
            found.append(Finding(
                "internal_inconsistency", "medium", start, end,
                f"'{m.group(2)} years {'younger' if younger else 'older'}' does not fit: born "
                f"{m['year']}, against the subject's {birth.date.year}",
                (birth.evidence,),
                f"Say {abs(int(m['year']) - birth.date.year)} years "
                f"{'younger' if int(m['year']) > birth.date.year else 'older'}, or check the "
                "years."))
    return found


_AGE = re.compile(
    # ("at a major company": "a" counts one elsewhere, never as an age)
    rf"\b(?:at(?: the age of)?|aged|age)\s+(?:just |only |barely )?(?!an?\b){NUM}\b"
    rf"(?!(?-i:\s+[A-Z])|\s+(?:rue|street|avenue|road)\b)"
    # (not "at 1.7 kilometres", "at 30 metres", "at 5,000 feet": a measure)
    rf"(?![.,]\d|\s*(?:%|percent|p\.?m|a\.?m|o'clock|kilomet|met(?:re|er)s?\b|km\b|miles?\b|"
    rf"feet\b|foot\b|mph\b|degrees\b|"
    rf"years? (?:later|after|earlier|before|ago)))|\b(\d{{1,3}}|[a-z]+(?:-[a-z]+)?)-year-old\b"
    # "as a twelve-year-old, he": not "a nine-year-old Alsatian boy" (someone else's age)
    rf"(?=\s*[,.;:)]|\s+(?:he|she|they|his|her)\b)"
    rf"|\bwhen (?:he|she|they) was (?:just |only |barely )?{NUM}\b"
    # "arrived at Princeton in the autumn of 1948, just 18 years old": an age in apposition
    rf"|,\s+(?:just |only |barely |then )?{NUM} years old\b"
    rf"|\bthen(?: aged)? (\d{{1,3}}|[a-z]+(?:-[a-z]+)?)(?:,|\.?$)"
    rf"|\b(?:was|were|is) (?:only |just |barely |still )?{NUM}(?: years old)? when\b"
    # "She was ten, in 1951, when": an age opening its sentence, its date right after it
    rf"|^\s*(?:he|she|they) was (\d{{1,3}}|[a-z]+(?:-[a-z]+)?),\s+(?=(?:in|on)\s)"
    # "on 17 September 1925; she was 15": an age stated next to the date it is at
    rf"|[;,]\s*(?:he|she|they) was (?!then\b){NUM}\b"
    rf"(?![\s-]*(?:years? (?:later|after|before|earlier)|"
    rf"percent|%|feet|ft|foot|inches|metres|meters|kg|pounds|points?|goals?|minutes?|"
    rf"seconds?|hours?|days?|weeks?|months?|times|of|out|per|to|[-–]\s*\d))",
    re.I,
)


# "entered Chicago at sixteen, earned degrees in 1954 and 1955": a comma and a past-tense verb
# start the next clause of a list, with its own date.
_LISTED_VERB = re.compile(r",\s+[a-z]+ed\b")
# "He began racing at 13 and won the championship in 1977": a second verb, a second event
_AND_VERB = re.compile(
    r"\s+and\s+(?:then\s+|later\s+|went on to\s+)?(?:[a-z]+ed|won|took|became|began|made|went|"
    r"came|wrote|led|ran|held|left|got|gave|met|built|sold|lost|brought|taught|drove|struck|"
    r"rose|grew|spent|bought|found|sang|flew|fought)\b")
_LATER_BETWEEN = re.compile(r"\b(?:years?|months?|decades?) (?:later|after|on)\b", re.I)
_NEXT_VERB = re.compile(_LISTED_VERB.pattern + "|" + _AND_VERB.pattern)
_OTHER_CLAUSE = re.compile(NEW_CLAUSE.pattern + "|" + _NEXT_VERB.pattern)
# "when Makeba was just fifteen": an age stated with the subject's name
# (any letter opens the name, "Ōe" too: only the subject's names are kept)
_NAMED_AGE = re.compile(rf"\bwhen ([^\W\d_][\w'’-]+) was (?:just |only |barely |still )?{NUM}\b"
                        # "When Lady Bird opened in November 2017, Gerwig was 31."
                        rf"|,\s+([^\W\d_][\w'’-]+) was (?:just |only |barely )?{NUM}"
                        rf"(?=\s*(?:[.;]|$|,\s+(?:and|but)\b))")
_NOW_AGE = re.compile(rf"\b(?:now|today|currently),? (?:aged? )?{NUM}\b(?! (?:years|percent|%))"
                      rf"|\bturns {NUM}\b(?! (?:years|percent))", re.I)


_DEATH_AGE = re.compile(rf"\b(?:he|she|they) was {NUM}\b(?! (?:years? (?:later|after|before)|"
                        rf"percent|%|when))", re.I)

# "He died on August 30, 2022, ... Gorbachev was 92."
_NAMED_DEATH_AGE = re.compile(rf"^\W*([^\W\d_][\w'’-]+) was {NUM}\s*\.?\s*$")


def ages_without_dates(
    ctx: CheckContext, birth: LifeDate | None, death: LifeDate | None
) -> list[Finding]:
    """"Now 60, Huang ..." (judged at the as-of date) and "He was 75, and his ashes ..." (at
    death): ages whose date is the present or the death rather than a year in the sentence."""
    if birth is None:
        return []
    found = []
    sentences = ctx.analysis.sentences
    for index, (start, end) in enumerate(sentences):
        sentence = QUOTED.sub(lambda q: " " * len(q.group(0)), ctx.text[start:end])
        checks = [(m, ctx.as_of.year, f"at {ctx.as_of}") for m in _NOW_AGE.finditer(sentence)
                  if not _set_off_after_other(ctx, start + m.start())]
        # "He was 75": at death only where the sentence or the one before tells the subject's
        # death (another's death, a father's, dates no age of the subject's).
        near = {sentences[i][0] for i in (index - 1, index) if i >= 0}
        died_here = any(c.predicate == "died" and c.start in near for c in subject_claims(ctx))
        if death is not None and died_here:
            checks += [(m, death.date.year, "at death") for m in _DEATH_AGE.finditer(sentence)]
            checks += [(m, death.date.year, "at death") for m in _NAMED_DEATH_AGE.finditer(
                sentence) if ctx.analysis.subject is not None
                and m.group(1).casefold() in ctx.analysis.subject.names]
        for m, year, when in checks:
            age = parse_number(m.groups()[-1] if m.re is _NAMED_DEATH_AGE else
                               next(g for g in m.groups() if g))
            expected = year - birth.date.year
            if age is None or not 0 < age < 120 or age in (expected - 1, expected):
                continue
            found.append(Finding(
                "internal_inconsistency", "medium", start, end,
                f"Age {age} does not fit: born {birth.date.human()}, the subject was "
                f"{expected - 1} or {expected} {when}",
                (birth.evidence,), f"Use '{expected - 1}' or '{expected}', or check the years."))
    return found


_YEARS_WORD = re.compile(r"\s+years?$", re.I)


def stated_ages(ctx: CheckContext, birth: LifeDate | None) -> list[Finding]:
    if birth is None:
        return []
    found = []
    for start, end in ctx.analysis.sentences:
        sentence = QUOTED.sub(lambda q: " " * len(q.group(0)), ctx.text[start:end])
        # The birth date itself dates no age ("Born on 7 October 1955, she began at age 4").
        dates = [(t, d) for t, d in calendar_dates(ctx, start, end)
                 if not agrees(d, birth.date)]
        if not dates or _about_someone_else(ctx, start, end, sentence):
            continue
        plain = [*_AGE.finditer(sentence), *_named_ages(ctx, sentence)]
        taken = {m.start() for m in plain} | {m.end() for m in plain}
        nouns = [m for m in _noun_ages(ctx, sentence) if not taken & {m.start(), m.end()}]
        for m in [*plain, *nouns]:
            # the number is the last group matched ("nine years" in "she was nine years old")
            age = parse_number(_YEARS_WORD.sub("", m.group(m.lastindex or 0)))
            if age is None or not 0 < age < 120:
                continue
            if _SET_OFF_PARTICIPLE.search(sentence, 0, m.start()) and \
                    sentence[m.end() : m.end() + 1] == ",":
                continue  # "Her Concerto, begun when she was thirteen, had its premiere in 1835"
            # The date the age belongs to is the one written next to it, in its clause;
            # "then 41" is at the date in focus, which may be well before it in the sentence.
            at = start + m.start()
            reach = 200 if m.group(0).lower().startswith("then") else 60
            # "... in 2016, and at 74 he received ... in October 2023": not across ", and"
            strict = [(t, d) for t, d in dates if not _OTHER_CLAUSE.search(
                ctx.text, min(t.end, at), max(t.start, at))]
            own = strict or [
                (t, d) for t, d in dates if not _NEXT_VERB.search(
                    ctx.text, min(t.end, at), max(t.start, at))]
            if m.group(0).lower().startswith("then"):
                # "2011: ... pledged ...; he was then 50": "then" points back, across clauses
                own = own or [(t, d) for t, d in dates if t.start < at][-1:]
            if m.group(0).startswith(";"):
                # "In 1930 she organised X, ...; she was nine": the opening date frames both
                own = own or [(t, d) for t, d in dates if t.start - start <= 8]
            near = [(abs(t.start - at), d) for t, d in own if _dates_age(
                ctx, t, at, (start, end), reach, m.group(0).lower(), (t, d) in strict)]
            if not near and len(dates) == 1 and strict and strict[0][0].start < at and \
                    m.group(0).lower().startswith(("aged", "at")) and \
                    sentence[: m.start()].rstrip().endswith(","):
                # "came in September 1983, when she won the 400 metres hurdles at the
                # Mediterranean Games in her home city, aged just 19": the sentence's one date,
                # in the same run of clauses, however long, for an age set off by a comma (not
                # "a competition for players aged 20 and under")
                near = [(at - strict[0][0].start, strict[0][1])]
            if not near:
                continue
            when = min(near, key=lambda x: x[0])[1]
            form = m.group(0).lower()
            if (form.startswith("aged") and _someone_elses_date(ctx, start, end, when) or
                    form.startswith("at") and _right_after_date(ctx, dates, when, at) and
                    _someone_elses_date(ctx, start, end, when, ("born", "died"))) and \
                    not _before_subject(ctx, sentence, m.end()):
                # "Lili ... died in March 1918, aged 24"; "his sister ... in 1877, at 15": not
                # the subject's age, but it must fit a birth the sentence gives that person
                found.extend(_their_age(ctx, start, end, age, when))
                continue
            possible = sorted(_possible_ages(birth.date, when))
            if age in possible or birth.date.precision == "decade":
                continue
            if m in nouns and min(abs(age - a) for a in possible) > _NOUN_AGE_SPREAD:
                continue
            # one age when both dates give the month, else the two either side of the birthday
            at_date = when.at() if len(possible) == 1 else f"in {when.year}"
            ages = " or ".join(str(a) for a in possible)
            found.append(Finding(
                "internal_inconsistency", "medium", start, end,
                f"Age {age} does not fit: born {birth.date.human()}, the subject was {ages} "
                f"{at_date}", (birth.evidence,),
                f"Use {' or '.join(repr(str(a)) for a in possible)}, or check the dates."))
    return found


def _before_subject(ctx: CheckContext, sentence: str, at: int) -> bool:
    """"In October 1878, at the age of 31, she gave birth to a daughter": the age set off
    before the subject's pronoun is the subject's (the child's birth notwithstanding)."""
    subject = ctx.analysis.subject
    m = re.match(r",\s+(he|she|they)\b", sentence[at:])
    return subject is not None and m is not None and subject.takes(m.group(1))


def _set_off_after_other(ctx: CheckContext, at: int) -> bool:
    """"Mr. Dorsey, now 72, still lives in Chicago": an age set off after another person's
    name is theirs."""
    subject = ctx.analysis.subject
    return any(m.label == "person" and ctx.text[m.end : at] in (", ", ",")
               and not (subject is not None and subject.matches(m))
               for m in ctx.analysis.mentions if at - 3 <= m.end <= at)


def _about_someone_else(ctx: CheckContext, start: int, end: int, sentence: str) -> bool:
    """"Goodenough, who died in 2023 at the age of 100, was at 97 the oldest ...": a sentence
    that opens on another person and never names or refers to the subject."""
    subject = ctx.analysis.subject
    first = next((m for m in ctx.analysis.mentions if m.start == start), None)
    if subject is None or first is None or first.label != "person" or subject.matches(first):
        return False
    words = set(re.findall(r"[a-z']+", sentence.lower()))
    return not words & (subject.pronouns or SUBJECT_PRONOUNS) and not any(
        n in sentence.lower() for n in subject.names)


# ", begun when she was thirteen,": an age set off with the participle it dates
_SET_OFF_PARTICIPLE = re.compile(r",\s+[a-z]+(?:ed|en|un|wn|ne|lt|ft)\s+$")


def _their_age(ctx: CheckContext, start: int, end: int, age: int,
               when: PartialDate) -> list[Finding]:
    """"Her son Paul, born in 1929, was killed in 1953 ..., at the age of 21": the age of the
    one whose birth the same sentence dates."""
    births = [(c, d) for c in ctx.analysis.claims if start <= c.start < end
              and c.predicate == "born" and (d := claim_date(c)) is not None
              and d.precision in ("year", "month", "day") and d.year < when.year]
    if len(births) != 1:
        return []
    claim, born = births[0]
    possible = sorted(_possible_ages(born, when))
    if age in possible:
        return []
    ages = " or ".join(str(a) for a in possible)
    return [Finding(
        "internal_inconsistency", "medium", start, end,
        f"Age {age} does not fit: born {born.human()} (this sentence), they were {ages} in "
        f"{when.year}", (Evidence(f"The birth this sentence gives: {born.human()}",
                                  f"the article, offset {start}"),),
        f"Use {' or '.join(repr(str(a)) for a in possible)}, or check the dates.")]


def _right_after_date(ctx: CheckContext, dates: list[tuple[Timex, PartialDate]],
                      when: PartialDate, at: int) -> bool:
    """"... died of the same disease in 1877, at fifteen": the age set off right after the
    date (not "in July 1907, and shortly afterwards, at the age of 49, he ...")."""
    return any(d is when and ctx.text[t.end : at] in (", ", " ") for t, d in dates)


def _someone_elses_date(ctx: CheckContext, start: int, end: int, when: PartialDate,
                        only: tuple[str, ...] = ()) -> bool:
    """The sentence's claims at that date (of the ``only`` predicates, when given) are all
    about someone else."""
    at = [c for c in ctx.analysis.claims if start <= c.start < end and c.time is not None
          and (d := claim_date(c)) is not None and agrees(d, when)]
    if only and any(c.predicate not in only for c in at):
        return False
    subject = ctx.analysis.subject
    return bool(at) and subject is not None and all(
        c.subject not in (subject.name, "(unspecified)", "(unknown)")
        and (c.subject_kb_id is None or c.subject_kb_id != subject.kb_id) for c in at)


def _dates_age(ctx: CheckContext, tx: Timex, at: int, sentence: tuple[int, int], reach: int,
               age: str, same_clause: bool) -> bool:
    """Is ``tx`` the date the age written at ``at`` is stated at?"""
    start, end = sentence
    distance = abs(tx.start - at)
    # "She was only 20 when she bought X, ..., in the summer of 1921": the when-clause runs on
    after = end - at if age.endswith("when") and same_clause else 90
    nearby = distance <= max(reach, after) and (distance <= reach or tx.start > at)
    # "In 1950 Keymer sent him to London, and there, at 24, ...": a fronted date frames its
    # sentence, however far the age is from it
    fronted = tx.start - start <= 8 and tx.start < at and (
        age.startswith(("at", ";")) or age.endswith("year-old"))
    # "In 1950 ..., and five years later, at 24": the age is at another date
    shifted = tx.start < at and bool(_LATER_BETWEEN.search(ctx.text, tx.end, at))
    return (nearby or fronted) and not shifted


# "the 23-year-old Jobs", "shot the 13-year-old in the head", "On an April afternoon in 1978,
# a 29-year-old bar owner": an age written as a modifier of a noun phrase.
_NOUN_AGE = re.compile(
    r"(?P<lead>^|[,;:]\s+|\b)(?P<det>(?i:the|an?))\s+"
    r"(?P<age>(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old)\b"
    r"(?P<rest>[^,.;:()]*)(?P<appos>,\s+[A-Z][\w'’-]+)?")
_AGE_ONLY = re.compile(r"(\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old", re.I)
_NAMED = re.compile(r"\b(?:named|called)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
# Nouns for someone else: "the 18-year-old daughter of the playwright", "a nine-year-old boy"
_OTHERS = frozenset("""daughter daughters son sons child children boy boys girl girls brother
    sister niece nephew cousin grandson granddaughter grandchild wife husband bride groom
    fiancee fiancée baby infant stepson stepdaughter""".split())
# A noun age is the subject's on weaker signs than "at 34": far from the subject's age, it is
# more likely someone else's ("Pasteur treated him; the nine-year-old survived").
_NOUN_AGE_SPREAD = 10


def _noun_ages(ctx: CheckContext, sentence: str) -> list[re.Match[str]]:
    """Noun-phrase ages that are the subject's: the phrase is definite ("the 18-year-old
    freshman hit"), opens its clause ("1978, a 29-year-old bar owner"), or is followed by the
    subject's name ("the 23-year-old Jobs", "a 27-year-old pilot named Yuri Gagarin"); it
    names no one else and no relative ("their two-year-old daughter", "a nine-year-old
    Alsatian boy, Joseph Meister", "the 18-year-old Wozniak")."""
    subject = ctx.analysis.subject
    if subject is None:
        return []
    found = []
    for m in _NOUN_AGE.finditer(sentence):
        words = m.group("rest").split()[:4]
        named = _NAMED.search(m.group("rest"))
        person = (named.group(1) if named else
                  m.group("appos")[1:].strip() if m.group("appos") and len(words) <= 3 else
                  words[0] if words and words[0][:1].isupper() else None)
        if person is not None:
            if not subject.names & {person.casefold(), person.split()[-1].casefold()}:
                continue
        elif any(re.sub(r"['’]s$", "", w.casefold()) in _OTHERS for w in words[:3]):
            continue
        elif m.group("det").lower() != "the" and not (m.group("lead") or m.start() == 0):
            continue
        found.append(_AGE_ONLY.match(sentence, m.start("age")))
    return found


def _named_ages(ctx: CheckContext, sentence: str) -> list[re.Match[str]]:
    subject = ctx.analysis.subject
    named = [m for m in _NAMED_AGE.finditer(sentence) if subject is not None
             and (m.group(1) or m.group(3) or "").casefold() in subject.names]
    return named + [m for m in _CHILD_AGE.finditer(sentence) if _the_subject_as_child(ctx, m)]


# "died in 1934, when the boy was only five"; "Ingvald Undset died in 1893, when his daughter
# was thirteen" (in her profile: his daughter is she)
_CHILD_AGE = re.compile(rf"\bwhen (?:the (boy|girl|child|youngster)|(his|her) (son|daughter)) "
                        rf"was (?:just |only |barely |still )?{NUM}\b")


def _the_subject_as_child(ctx: CheckContext, m: re.Match[str]) -> bool:
    pronouns = ctx.analysis.subject.pronouns if ctx.analysis.subject else frozenset()
    male, female = bool(pronouns & MALE_PRONOUNS), bool(pronouns & FEMALE_PRONOUNS)
    if m.group(1):  # (with no pronouns to go by, "the boy" may be the subject)
        return m.group(1) in ("child", "youngster") or not pronouns or (
            male if m.group(1) == "boy" else female)
    # the parent's pronoun is not the subject's, and the child's sex is the subject's
    theirs = MALE_PRONOUNS if m.group(2) == "his" else FEMALE_PRONOUNS
    return bool(pronouns) and not pronouns & theirs and (male if m.group(3) == "son" else female)


def _possible_ages(birth: PartialDate, when: PartialDate) -> set[int]:
    """Ages the subject may have had at ``when``: one when both month (and, in the same month,
    day) are known, else the two either side of the birthday."""
    years = when.year - birth.year
    if birth.month is None or when.month is None or birth.precision == "decade":
        return {years - 1, years}
    if when.month != birth.month:
        return {years - (1 if when.month < birth.month else 0)}
    if birth.day is None or when.day is None:
        return {years - 1, years}
    return {years - (1 if when.day < birth.day else 0)}
