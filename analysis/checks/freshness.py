"""Freshness: present-tense claims and "recent" judged at the as-of date."""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, Finding, claim_date, evidence_of, label_of
from analysis.checks.kb_match import (
    deaths_before,
    fact_matches,
    fact_role_texts,
    generic_of,
    kb_dates,
    parents_now,
    role_matches,
    seats_first,
)
from analysis.checks.life import calendar_dates
from analysis.checks.registry import register
from analysis.dates import PartialDate
from analysis.kb.model import KBFact
from analysis.models import Claim, Mention
from analysis.timex import to_partial_date

_ROLE_PREDICATES = frozenset({"position", "worked_at", "joined", "member"})
_ROLE_PROPERTIES = ("P39", "P108", "P463", "P54", "P102")
# How old a thing may be and still be called so: "recent(ly)"/"latest"/"new" vs "in recent years".
# "his most recent collection" and "latest" place a thing last in a series; they do not date it.
_RECENT = re.compile(r"(?<!most )\b(recently|recent|brand-new)\b", re.I)
# "NASA's newly launched flagship telescope, is named": new now, in a sentence of the present
# with no year of its own ("In 1950 he joined the newly founded X" is new then)
_NEWLY = re.compile(r"\bnewly\s+(?:[a-z]+ed|built|begun|made|won|rebuilt)\b", re.I)
# ("Today he stands in bronze in the newly unveiled statue": "today" says now)
_PRESENT_TENSE = re.compile(r"\b(?:is|are|remains|has|have|today)\b", re.I)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_RECENT_YEARS = re.compile(r"\b(in|over|during) (the )?(recent|past few|last few) years\b", re.I)
# Recent as of the story's moment, not of the analysis date: a past perfect
_STORY_RECENT = re.compile(r"\bhad\s+(?:only\s+|just\s+|very\s+)?recently\b", re.I)
_RECENT_DAYS = 2 * 365
_RECENT_RELATIVE = re.compile(r",?\s*(?:which|that)\s+(?:he|she|they|it)\s+[a-z]+\s+(?:only\s+)?"
                              r"recently\b", re.I)
_RECENT_YEARS_DAYS = 6 * 365
# "which recently opened to the public as the Louis Armstrong House Museum": a body is recent
# when the sentence says it opened or was founded
_OPENED = re.compile(r"\b(?:opened|founded|established|launched|inaugurated|set up)\b", re.I)


_INSTITUTED = re.compile(r"\b(?:created|established|founded|instituted|endowed|launched|"
                         r"set up)\b", re.I)
_BUILT = re.compile(r"\b(?:built|opened|completed|constructed|erected|restored|rebuilt)$", re.I)


@register
def check_freshness(ctx: CheckContext) -> list[Finding]:
    found = [f for claim in ctx.analysis.claims
             if (f := _stale_role(ctx, claim) or _ended_marriage(ctx, claim)
                 or _dead_now(ctx, claim) or _absorbed(ctx, claim))]
    found.extend(_stale_recent(ctx))
    return found


def _dead_now(ctx: CheckContext, claim: Claim) -> Finding | None:
    """"Carlo Ponti ... still reads every script" when the KB says Ponti died in 2007 (or a
    body still acts that the KB says was dissolved)."""
    if claim.predicate != "active" or ctx.kb is None or not claim.subject_kb_id:
        return None
    deaths = deaths_before(ctx.kb, claim.subject_kb_id, ctx.as_of)
    if not deaths:
        return None
    when = deaths[0].value.date
    on = f"{'on' if when.precision == 'day' else 'in'} {when.human()}"  # type: ignore[union-attr]
    # ("The Architects Collaborative still practises": a body the KB says was dissolved)
    ended = f"was dissolved {on}" if deaths[0].property == "P576" else f"died {on}"
    return Finding(
        "stale_claim", "medium", claim.start, claim.end,
        f"Present tense, but {claim.subject} {ended} (as of {ctx.as_of})",
        (evidence_of(ctx.kb, deaths[0]),),
        f"Use the past tense: {claim.subject} {ended}.", claim.id)


def _absorbed(ctx: CheckContext, claim: Claim) -> Finding | None:
    """"The press remains an independent publisher" when the KB has it under Chatto & Windus
    since 1946."""
    if claim.predicate != "independent" or ctx.kb is None:
        return None
    joined = parents_now(ctx.kb, claim.subject_kb_id, ctx.as_of)
    if not joined:
        return None
    parent = label_of(ctx.kb, joined[0].value.entity_id, str(joined[0].value))
    since = joined[0].start.human()  # type: ignore[union-attr]
    under = "under" if joined[0].property == "P749" else "part of"
    return Finding(
        "stale_claim", "medium", claim.start, claim.end,
        f"Present tense, but {claim.subject} has been {under} {parent} since {since} "
        f"(as of {ctx.as_of})", (evidence_of(ctx.kb, joined[0]),),
        f"Say that {claim.subject} has been {under} {parent} since {since}.", claim.id)


def _ended_marriage(ctx: CheckContext, claim: Claim) -> Finding | None:
    """"She is now married to X" when the KB says that marriage ended."""
    if not claim.present or claim.predicate != "married" or ctx.kb is None or \
            not claim.subject_kb_id or not claim.object_kb_id:
        return None
    facts = [f for f in ctx.kb.facts(claim.subject_kb_id, ("P26",))
             if f.value.entity_id == claim.object_kb_id]
    if not facts or any(f.end is None or f.end.interval()[1] >= ctx.as_of for f in facts):
        return None
    ended = max(facts, key=lambda f: f.end.interval()[1])  # type: ignore[union-attr]
    end = ended.end.human()  # type: ignore[union-attr]
    on = "on" if ended.end.precision == "day" else "in"  # type: ignore[union-attr]
    return Finding(
        "stale_claim", "medium", claim.start, claim.end,
        f"Present tense, but the marriage to {claim.object} ended {on} {end} (as of {ctx.as_of})",
        (evidence_of(ctx.kb, ended),),
        f"Use the past tense: {claim.subject} was married to {claim.object} until {end}.",
        claim.id)


# A post named by its verb ("led by", "directed by", "who runs"), as the noun an editor writes
_ROLE_NOUNS = {"lead": "leader", "direct": "director", "chair": "chair", "run": "head",
               "manage": "manager", "coach": "coach", "head": "head", "preside": "president"}


def _stale_role(ctx: CheckContext, claim: Claim) -> Finding | None:
    """ "As Chief AI Scientist at Meta, he is ..." when the KB says the role ended."""
    if not claim.present or claim.predicate not in _ROLE_PREDICATES or ctx.kb is None:
        return None
    if not claim.subject_kb_id:
        return None
    facts = seats_first(claim, [
        f
        for f in ctx.kb.facts(claim.subject_kb_id, _ROLE_PROPERTIES)
        if fact_matches(ctx.kb, claim, f)
    ])
    role = str(claim.qualifiers.get("role") or "")
    if role and not claim.object and claim.qualifiers.get("verb") == "be" and any(
            role_matches(role, f.value.text)
            for f in ctx.kb.facts(claim.subject_kb_id, ("P106",)) if f.end is None):
        return None  # "is the engineer whose designs ...": an occupation, not a post, still held
    # "who is chief executive of Amazon": the CEO role ended; his employment did not.
    named = [f for f in facts if role and any(role_matches(role, r) for r in fact_role_texts(f))]
    # "goodwill ambassador for the Peace Accords": of two such posts, the one its title names
    titled = [f for f in named if claim.object and any(
        claim.object.casefold() in r.casefold() for r in fact_role_texts(f))]
    named = titled or named
    # Else "sits on Microsoft's board of directors", linked to the board itself: the seat's
    # own fact, not a post at the company the board belongs to
    exact = [f for f in facts if claim.object_kb_id and f.value.entity_id == claim.object_kb_id]
    facts = named or (exact if not role else []) or facts
    if not facts or any(f.end is None or f.end.interval()[1] >= ctx.as_of for f in facts):
        return None
    # The role itself (P39) is better evidence than the employment around it.
    ended = max(facts, key=lambda f: (f.end.interval()[1], f.property == "P39"))  # type: ignore[union-attr]
    told_in = claim.qualifiers.get("told_in")
    if isinstance(told_in, int) and (ended.start is None or ended.start.year <= told_in):
        return None  # "X, a member of the Assembly, was born in 1991": of then, not of now
    role = str(claim.qualifiers.get("role") or "")
    member = claim.predicate == "member"
    at = " of" if member and not role else " at"
    where = f"{at} {claim.object}" if claim.object and claim.object not in role else ""
    end = ended.end.human()  # type: ignore[union-attr]
    on = "on" if ended.end.precision == "day" else "in"  # type: ignore[union-attr]
    post = ctx.kb.entity(claim.object_kb_id or "")
    if post is not None and post.type == "position" and ended.property == "P39":
        # "is still the Salk Institute's president": the post itself is named
        what, where = f"the post {ended.value.text}", ""
        fix = f"{claim.subject} was {ended.value.text} until {end}"
    elif role:
        role = _ROLE_NOUNS.get(role, role)  # ("directed by X": the role is director)
        what, fix = f"the role {role}", f"{claim.subject} was {role}{where} until {end}"
    else:  # "who still drives for Williams": a membership or a post with no title given
        what = "the membership" if member else "the post"
        if claim.qualifiers.get("board"):
            what, where = "the seat", f" on the board of {claim.object}"
        fix = f"{claim.subject}'s {what[4:]}{where} ended {on} {end}"
    subject = ctx.analysis.subject
    if subject is not None and subject.kb_id and claim.subject_kb_id != subject.kb_id:
        # another person's post ("its director Thomas Krens"): say whose
        what = f"{claim.subject}'s term as {what[9:]}" if what.startswith(
            ("the post ", "the role ")) else f"{claim.subject}'s {what[4:]}"
    return Finding(
        "stale_claim",
        "medium",
        claim.start,
        claim.end,
        f"Present tense, but {what}{where} ended {on} {end} (as of {ctx.as_of})",
        (evidence_of(ctx.kb, ended),),
        f"Use the past tense or 'former': {fix}.",
        claim.id,
    )


def _stale_recent(ctx: CheckContext) -> list[Finding]:
    found = []
    # a heading ("Recent work") names a section; the dates are its sentences'
    headings = [(b.start, b.end) for b in ctx.analysis.article.blocks
                if b.kind in ("heading", "title")]
    for start, end in ctx.analysis.sentences:
        if any(s <= start < e for s, e in headings):
            continue
        sentence = ctx.text[start:end]
        years = _RECENT_YEARS.search(sentence)
        word = years or _RECENT.search(sentence) or (
            _NEWLY.search(sentence) if _PRESENT_TENSE.search(sentence)
            and not _YEAR.search(sentence) else None)
        story = _STORY_RECENT.search(sentence)
        if word is None or story and _YEAR.search(sentence, 0, story.start()):
            continue  # (not "In 1916 ..., which X had recently founded": recent then, in 1916)
        limit = _RECENT_YEARS_DAYS if years else _RECENT_DAYS
        dated = _dated_thing(ctx, start, end, start + word.end())
        if dated is None:
            continue
        name, when, evidence = dated
        age = (ctx.as_of - when.interval()[1]).days
        if age > limit:
            found.append(
                Finding(
                    "stale_claim",
                    "low",
                    start,
                    end,
                    f"'{word.group(0)}' for {name} ({when.human()}), {age // 365} years before "
                    f"{ctx.as_of}",
                    evidence,
                    f"Date it instead: say {when.truncate('month').human()} rather than "
                    f"'{word.group(0)}'.",
                )
            )
    return found


def _dated_thing(ctx: CheckContext, start: int, end: int, after: int):  # noqa: ANN202
    """The first dated thing after the word "recent": a dated claim, else a KB-dated mention."""
    for claim in ctx.analysis.claims:
        if claim.start == start and (d := claim_date(claim)) is not None:
            return claim.object or claim.subject, d, ()
    for tx in ctx.analysis.timexes:
        # "Only recently, in April, Time named her ...": the sentence dates the event itself
        if after <= tx.start <= after + 12 and (d := to_partial_date(tx)) is not None:
            return tx.text, d, ()
    dates = calendar_dates(ctx, start, end)
    if len(dates) == 1 and dates[0][0].start >= after:
        # "His recent stint as a World Cup coach, in South Africa in 2010", "In a recent
        # tribute, the airport ... was renamed in 2008": the sentence's one date is the thing's
        return "what this sentence dates", dates[0][1], ()
    if ctx.kb is None:
        return None
    for claim in ctx.analysis.claims:
        # "she recently set up Malala Fund": what the sentence says she made, as the KB dates it
        if claim.start == start and claim.predicate in ("founded", "created", "released") \
                and claim.object_kb_id and claim.time is None:
            for fact in kb_dates(ctx.kb, claim.object_kb_id, ("P571", "P577")):
                if fact.value.date is not None:
                    return claim.object, fact.value.date, (evidence_of(ctx.kb, fact),)
        # "She recently completed a bachelor's degree through X": the KB's end of her studies
        if claim.start == start and claim.predicate == "studied" and claim.object_kb_id and \
                claim.subject_kb_id and claim.time is None:
            for fact in ctx.kb.facts(claim.subject_kb_id, ("P69",)):
                if fact.value.entity_id == claim.object_kb_id and fact.end is not None:
                    return claim.object, fact.end, (evidence_of(ctx.kb, fact),)
    for m in ctx.analysis.mentions:
        # "The X Foundation, which she launched recently": the KB dates what the clause is about
        if start <= m.start < end and m.kb_id and _RECENT_RELATIVE.match(ctx.text, m.end):
            for fact in kb_dates(ctx.kb, m.kb_id, ("P571", "P577")):
                if fact.value.date is not None:
                    return m.text, fact.value.date, (evidence_of(ctx.kb, fact),)
    linked = _linked_fact(ctx, start, end, _clause_start(ctx.text, start, after))
    if linked is not None:
        return linked
    # Things are recent, not their makers: works and products, and not "Meta's" in "Meta's X".
    mentions: list[Mention] = [
        m
        for m in ctx.analysis.mentions
        if (after <= m.start < end or _described_after(ctx, m, after))
        and m.kb_id
        and (m.label in ("work", "other") or m.label == "organization" and (
            after <= m.start and _OPENED.search(ctx.text, after, m.start)
            # ("The Akhmatova Museum at the Fountain House, opened recently in her flat")
            or m.end < after and _OPENED.search(ctx.text, m.end, after))
            # ("has recently created the Hans Bethe Prize": an honour, as the KB dates it)
            or m.label == "award" and after <= m.start and _INSTITUTED.search(
                ctx.text, after, m.start)
            # ("the newly built Court Suzanne-Lenglen": a building, as the KB dates it)
            or m.label == "place" and after <= m.start and _BUILT.search(
                ctx.text, max(0, after - 14), after) and not ctx.text[after : m.start].strip())
        and ctx.text[m.end : m.end + 2] not in ("'s", "’s")
    ]
    for m in mentions:
        # (an event's own date too: "her recent triumph at the Seoul Olympics", held in 1988)
        for fact in kb_dates(ctx.kb, m.kb_id or "", ("P577", "P571", "P585")):
            if fact.value.date is not None:
                return m.text, fact.value.date, (evidence_of(ctx.kb, fact),)
    return _subjects_award(ctx, end, after) or _work_by(ctx, end, after) or _subjects_term(
        ctx, end, after) or _subjects_exit(ctx, end, after)


def _described_after(ctx: CheckContext, m: Mention, after: int) -> bool:
    """"CUDA, NVIDIA's recent platform": the name the recent thing's phrase describes."""
    return m.end < after and bool(_APPOSITION.fullmatch(ctx.text, m.end, after))


# "CUDA, NVIDIA's recent platform"; "The Queen's Window in Westminster Abbey, recently
# unveiled": the name, where it is, and the word
_APPOSITION = re.compile(r"(?:\s+(?:in|at|on)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w’'.-]*\s*)+)?"
                         r",\s+(?:[\w’'.-]+\s+){0,3}?(?:recently|recent|brand-new|newly"
                         r"(?:\s+[a-z]+)?)",
                         re.I)


def _subjects_award(ctx: CheckContext, end: int, after: int):  # noqa: ANN202
    """"Your recent Nobel Prize": the date the KB gives the subject's award."""
    assert ctx.kb is not None
    subject = ctx.analysis.subject
    if subject is None or not subject.kb_id:
        return None
    for m in ctx.analysis.mentions:
        if after <= m.start < end and m.label == "award":
            # linked, or a short name of one of the subject's awards ("Nobel Prize")
            dated = [f for f in ctx.kb.facts(subject.kb_id, ("P166",))
                     if f.point_in_time is not None and (
                         f.value.entity_id == m.kb_id if m.kb_id else
                         generic_of(m.text, f.value.text))]
            if len(dated) == 1:  # an award won once: its date is the one
                return m.text, dated[0].point_in_time, (evidence_of(ctx.kb, dated[0]),)
    return None


_TERM = re.compile(r"\s+(?:[\w-]+\s+)?(?:term|tenure|stint|spell|presidency|chairmanship)\b",
                   re.I)


def _subjects_term(ctx: CheckContext, end: int, after: int):  # noqa: ANN202
    """"her recent term as president of the American Political Science Association": the
    subject's post at the organisation named, as the KB dates its end."""
    assert ctx.kb is not None
    subject = ctx.analysis.subject
    term = _TERM.match(ctx.text, after)
    if subject is None or not subject.kb_id or term is None:
        return None
    orgs = {m.kb_id for m in ctx.analysis.mentions
            if term.end() <= m.start < end and m.kb_id and m.label == "organization"}
    posts = [f for f in ctx.kb.facts(subject.kb_id, ("P39", "P108"))
             if (f.end or f.start) is not None and (
                 f.value.entity_id in orgs
                 or any(v.entity_id in orgs for v in f.qualifiers.get("P642", ())))]
    if len(posts) != 1:
        return None  # no post there, or several: which term is meant is not known
    fact = posts[0]
    return fact.value.text, fact.end or fact.start, (evidence_of(ctx.kb, fact),)


# "only recently stepped down as president", "recently retired as chief executive"
_EXIT = re.compile(r"\s+(?:stepped down|retired|resigned|left office)\s+as\s+"
                   r"(?P<role>[\w' -]+?)\s*(?=[,.;:]|$|\s(?:and|but|of|at|in)\s)", re.I)


def _subjects_exit(ctx: CheckContext, end: int, after: int):  # noqa: ANN202
    """"Having only recently stepped down as president": the end the KB gives the subject's
    post of that title (the latest, when several match: even that one is the bound)."""
    assert ctx.kb is not None
    subject = ctx.analysis.subject
    exit_ = _EXIT.match(ctx.text, after, end)
    if subject is None or not subject.kb_id or exit_ is None:
        return None
    posts = [f for f in ctx.kb.facts(subject.kb_id, ("P39",)) if f.end is not None
             and role_matches(exit_["role"], f.value.text)]
    if not posts:
        return None
    fact = max(posts, key=lambda f: f.end.interval()[1])  # type: ignore[union-attr]
    return fact.value.text, fact.end, (evidence_of(ctx.kb, fact),)


def _work_by(ctx: CheckContext, end: int, after: int):  # noqa: ANN202
    """"a recent biography by the historian Douglas Brinkley": the one dated work the KB
    credits to the person named after "by"."""
    assert ctx.kb is not None
    for m in ctx.analysis.mentions:
        if not (after <= m.start < end and m.kb_id and m.label == "person"):
            continue
        if not re.search(r"\bby\b(?:\s+\w+){0,3}\s*$", ctx.text[after : m.start]):
            continue
        works = {f.subject for f in ctx.kb.facts_with_value(m.kb_id, ("P170", "P50"))}
        dated = [f for w in works for f in kb_dates(ctx.kb, w, ("P577", "P571"))
                 if f.value.date is not None]
        if len({f.subject for f in dated}) == 1:
            fact = dated[0]
            return label_of(ctx.kb, fact.subject, fact.subject), fact.value.date, (
                evidence_of(ctx.kb, fact),)
    return None


# "The institute gave no cause, though he had been treated for cancer in recent years": what
# is recent is told by the clause after the conjunction, not by the names before it
_SUBORDINATE = re.compile(r"(?:;|,?\s\b(?:though|although|whereas|because)\b)\s", re.I)


def _clause_start(text: str, start: int, after: int) -> int:
    breaks = [m.end() for m in _SUBORDINATE.finditer(text, start, after)]
    return breaks[-1] if breaks else start


def _linked_fact(ctx: CheckContext, start: int, end: int, clause: int):  # noqa: ANN202
    """A dated KB fact between things the sentence names: the subject's award, appointment or
    employment, or a relation of two named entities ("sold DeepMind to Google")."""
    assert ctx.kb is not None
    # "Meta's recent SAM 2": the maker named in a possessive is not what is recent
    ids = [m.kb_id for m in ctx.analysis.mentions if clause <= m.start < end and m.kb_id
           and ctx.text[m.end : m.end + 2] not in ("'s", "’s")]
    subject = ctx.analysis.subject
    claims = [c for c in ctx.analysis.claims if c.start == start]
    for claim in claims:
        if claim.subject_kb_id and claim.predicate in _ROLE_PREDICATES | {"award", "studied"}:
            for fact in ctx.kb.facts(claim.subject_kb_id, ("P39", "P108", "P166", "P69")):
                when = _fact_date(fact)
                if when is not None and fact_matches(ctx.kb, claim, fact):
                    return claim.object or claim.qualifiers.get("role"), when, (
                        evidence_of(ctx.kb, fact),)
    owners = ids + ([subject.kb_id] if subject is not None and subject.kb_id else [])
    for owner in dict.fromkeys(owners):
        for fact in ctx.kb.facts(owner):
            when = _fact_date(fact)
            if when is not None and fact.value.entity_id in ids and fact.value.entity_id != owner:
                return fact.value.text, when, (evidence_of(ctx.kb, fact),)
    return None


def _fact_date(fact: KBFact) -> PartialDate | None:
    return fact.point_in_time or fact.start or fact.value.date
