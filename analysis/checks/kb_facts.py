"""Check each claim against the KB: a verdict for every claim, a flag for every contradiction."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from analysis.checks.base import (
    CheckContext,
    CheckResult,
    Finding,
    Verdict,
    entity_kind,
    evidence_of,
    kind_text,
    label_of,
    replace_once,
)
from analysis.checks.kb_match import (
    GENERIC_LEAD,
    PROPERTY_MAP,
    PredicateSpec,
    claimed_role,
    date_agrees,
    date_role,
    deaths_before,
    degree_class,
    fact_matches,
    fact_org,
    fact_role_texts,
    holds_honour,
    kb_dates,
    parents_now,
    related_orgs,
    role_matches,
    role_words,
    seats_first,
    titled_body,
)
from analysis.checks.kb_places import check_place
from analysis.checks.kb_works import verify_work
from analysis.checks.life import life_date
from analysis.checks.outcomes import (
    Outcome,
    date_mismatch,
    fact_mismatch,
    people_mismatch,
    same_name,
    supported,
    unlisted_people,
    written_date,
)
from analysis.dates import SAME_YEAR, PartialDate, agrees
from analysis.kb.api import KBReader
from analysis.kb.model import KBFact
from analysis.kb.names import normalize_name
from analysis.kb.properties import CREATOR_PROPERTIES
from analysis.models import Claim

_HIGH_DATE = frozenset(
    {"born", "died", "created", "founded", "released", "award", "joined", "studied"}
)


# Predicates whose KB list is taken as complete enough to call another value wrong ("joined"
# is not: people join parties, boards and clubs the KB does not list as employers).
_CONTRADICTABLE = frozenset({"studied", "award", "born", "died", "advisor"})
_LAWSUIT = re.compile(r"\w\s+v(?:s)?\.?\s+\w")
_FUNDED_POST = re.compile(r"\b(?:professorship|chair|lectureship|scholarship|studentship|"
                          r"residency)s?\b", re.I)


def check_against_kb(ctx: CheckContext) -> CheckResult:
    result = CheckResult()
    for claim in ctx.analysis.claims:
        outcome = _year_of_another(ctx, claim, verify_claim(ctx, claim))
        result.verdicts[claim.id] = Verdict(
            claim.id, outcome.verdict, outcome.reason, outcome.evidence
        )
        if outcome.category:
            severity = _severity(claim, outcome.category)
            result.findings.append(
                Finding(
                    outcome.category,
                    severity,
                    claim.start,
                    claim.end,
                    outcome.message,
                    outcome.evidence,
                    outcome.suggestion,
                    claim.id,
                )
            )
    return result


# "In 1953, the year of his triumph on Everest, he also became ...": the writer puts one
# event in the year of another, which the sentence names
_THE_YEAR_OF = re.compile(
    r"\b(?:in|by)\s+(?P<year>\d{4}),\s+(?P<phrase>the\s+(?:same\s+)?year\s+(?:of|that|when|in "
    r"which|(?:he|she|they|it)|the\s+\w+)\b[^,;]{3,120}),", re.I)


def _year_of_another(ctx: CheckContext, claim: Claim, outcome: Outcome) -> Outcome:
    """A date mismatch on a claim dated by "In YEAR, the year of X, ..." is a conflation: the
    sentence ties the claim to X's year."""
    if outcome.category != "date_mismatch" or claim.time is None:
        return outcome
    m = _THE_YEAR_OF.search(ctx.text, claim.start, claim.end)
    # (the claim may be dated by the year or by "the year" that repeats it)
    if m is None or not m.start("year") <= claim.time.start < m.end("phrase") or \
            m.start("phrase") <= claim.obj_start < m.end("phrase"):
        return outcome
    return replace(outcome, category="conflation", message=(
        f"One date, two events: {m['year']} is given as {m['phrase'].strip()}, but "
        f"{outcome.message}"))


def _severity(claim: Claim, category: str) -> str:
    if category == "date_mismatch":
        return "high" if claim.predicate in _HIGH_DATE else "medium"
    return "high" if claim.predicate in ("award", "studied", "created", "born") else "medium"


def verify_claim(ctx: CheckContext, claim: Claim) -> Outcome:
    """The verdict on one claim (see ``analysis.checks.kb_match`` for the property map)."""
    kb = ctx.kb
    spec = PROPERTY_MAP.get(claim.predicate)
    if kb is not None and claim.predicate == "active":
        # "Ponti still reads every script": the act is nothing the KB records; his death is
        dead = deaths_before(kb, claim.subject_kb_id, ctx.as_of)
        return Outcome("contradicted", "KB differs", (evidence_of(kb, dead[0]),)) if dead \
            else Outcome("unverifiable", "no such fact")
    if kb is not None and claim.predicate == "independent":
        # "The press remains independent": the KB records the parent it came under, if any
        joined = parents_now(kb, claim.subject_kb_id, ctx.as_of)
        return Outcome("contradicted", "KB differs", (evidence_of(kb, joined[0]),)) if joined \
            else Outcome("unverifiable", "no such fact")
    if kb is None or spec is None:
        return Outcome("unverifiable", "no KB" if kb is None else "predicate not in the map")
    if claim.predicate not in ("born", "died") and _lifespan(ctx, claim):
        # "Russian-born, French citizen, 1887-1985": the span of the life, not the claim's date
        claim = replace(claim, time=None)
    if claim.predicate == "created" and str(claim.qualifiers.get("verb")) in _ADAPT_VERBS:
        claim = _own_adaptation(kb, claim)
    if spec.date_role == "work":
        return verify_work(ctx, kb, claim, spec)
    if not claim.subject_kb_id:
        return Outcome("unverifiable", "entity not linked")
    if claim.predicate in ("born", "died"):
        return _verify_life_event(ctx, kb, claim, spec)
    if claim.predicate == "worked_at" and claim.object_kb_id and claim.qualifiers.get(
            "verb") == "spend" and not claim.qualifiers.get("role") and any(
            f.value.entity_id == claim.object_kb_id
            for f in kb.facts(claim.subject_kb_id, ("P69",))) and not any(
            f.value.entity_id == claim.object_kb_id
            for f in kb.facts(claim.subject_kb_id, ("P108",))):
        # "spent 1933 to 1937 at the school of the Finnish Academy of Fine Arts": a school
        # the KB has her study at, so her studies
        claim = replace(claim, predicate="studied", qualifiers={
            **claim.qualifiers, "during": True})
        spec = PROPERTY_MAP["studied"]
    if claim.predicate == "award" and claim.object_kb_id:
        claim = _authors_honour(kb, claim)
    if claim.predicate == "joined" and _is_party(kb, claim.object_kb_id):
        # "joined the Christian Democratic Union": a party the KB knows, so a membership
        claim = replace(claim, predicate="member")
        spec = PROPERTY_MAP["member"]
    return _verify_relation(ctx, kb, claim, spec)


def _lifespan(ctx: CheckContext, claim: Claim) -> bool:
    """A claim of the subject's dated by a range from the birth year to the death year."""
    time = claim.time
    subject = ctx.analysis.subject
    if time is None or not time.end_value or subject is None or not subject.kb_id or \
            claim.subject_kb_id != subject.kb_id:
        return False
    born, died = life_date(ctx, "born", "P569"), life_date(ctx, "died", "P570")
    return born is not None and died is not None and (time.value[:4], time.end_value[:4]) == (
        f"{born.date.year:04d}", f"{died.date.year:04d}")


def _authors_honour(kb: KBReader, claim: Claim) -> Claim:
    """"The novel won the Strega Prize in 1982": a prize the KB gives the novel's author, not
    the novel, is checked as the author's."""
    subject = claim.subject_kb_id or ""
    if holds_honour(kb, subject, claim.object_kb_id):
        return claim
    appeared = min((f.value.date.year for f in kb_dates(kb, subject, ("P577", "P571"))
                    if f.value.date), default=None)
    for maker in kb.facts(subject, CREATOR_PROPERTIES):
        author = maker.value.entity_id
        # (not an honour the author won before the work appeared: another work's, which
        # ``analysis.checks.work_awards`` flags)
        if author and any(f.value.entity_id == claim.object_kb_id and (
                appeared is None or f.point_in_time is None
                or f.point_in_time.year >= appeared) for f in kb.facts(author, ("P166",))):
            return replace(claim, subject_kb_id=author)
    return claim


# Verbs that make a work of another's: "she filmed Hamid's novel"
_ADAPT_VERBS = frozenset({"film", "adapt", "dramatise", "dramatize"})


def _own_adaptation(kb: KBReader, claim: Claim) -> Claim:
    """"She filmed Mohsin Hamid's novel The Reluctant Fundamentalist in 2007": what she made is
    the film the KB bases on the novel and credits to her, dated by its own date."""
    maker, source = claim.subject_kb_id, claim.object_kb_id
    if not maker or not source or any(
            f.value.entity_id == maker for f in kb.facts(source, CREATOR_PROPERTIES)):
        return claim
    for based in kb.facts_with_value(source, ("P144",)):
        if any(f.value.entity_id == maker for f in kb.facts(based.subject, CREATOR_PROPERTIES)):
            entity = kb.entity(based.subject)
            return replace(claim, object_kb_id=based.subject,
                           object=entity.label if entity else claim.object)
    return claim


def _named_adviser(claim: Claim) -> bool:
    """"under the supervision of X", "her doctoral adviser, X": the article calls X that."""
    return claim.predicate == "advisor" and bool(claim.object) and str(
        claim.qualifiers.get("verb", "")).lower() in ("supervision", "supervisor", "adviser",
                                                      "advisor", "atelier", "studio", "class",
                                                      "workshop")


def _is_party(kb: KBReader, entity_id: str | None) -> bool:
    return bool(re.search(r"\bpolitical party\b", kind_text(kb, entity_id), re.I))


def _verify_life_event(
    ctx: CheckContext, kb: KBReader, claim: Claim, spec: PredicateSpec
) -> Outcome:
    date_pid, place_pid = spec.properties
    claimed = written_date(ctx, claim)
    dated = [f for f in kb.facts(claim.subject_kb_id or "", (date_pid,)) if f.value.date]
    date_outcome = None
    if claimed is not None and dated:
        if not any(agrees(claimed, f.value.date) for f in dated):  # type: ignore[arg-type]
            return date_mismatch(ctx, kb, claim, claimed, dated[0], dated[0].value.date)
        date_outcome = supported(kb, dated, claimed, dated[0].value.date)
    places = kb.facts(claim.subject_kb_id or "", (place_pid,))
    if claim.object and places:
        place_outcome = check_place(ctx, kb, claim, places)
        if place_outcome.verdict == "contradicted" or date_outcome is None:
            return place_outcome
    if date_outcome is not None:
        return date_outcome
    return Outcome("unverifiable", "property absent")


def _verify_relation(
    ctx: CheckContext, kb: KBReader, claim: Claim, spec: PredicateSpec
) -> Outcome:
    facts = kb.facts(claim.subject_kb_id or "", spec.properties)
    matching = seats_first(claim, [f for f in facts if fact_matches(kb, claim, f)])
    if claim.qualifiers.get("its"):
        # "converted the association into TANU, and he became its president": a post of a
        # body the sentence names (the KB's presidency of the country is another)
        matching = [f for f in matching if _body_named(ctx, kb, claim, f)]
    # A role at Alphabet is checked against the Alphabet role, not Google's, when both exist.
    exact = [f for f in matching if claim.object_kb_id and claim.object_kb_id in (
        fact_org(f)[0], f.value.entity_id)]
    matching = exact or matching
    if claim.predicate == "position":
        # "named him the Feynman Professor of Theoretical Physics": the post with every word
        # of that title, not the professorship of theoretical physics he held before it
        words = role_words(str(claim.qualifiers.get("role", "")))
        # (a one-word title is no such precision: "elected him its chairman" may be the
        # party's "Leader" as well as some commission's "Chair")
        precise = [f for f in matching if len(words - {"<lead>"}) > 1 and any(
            words <= role_words(r) for r in fact_role_texts(f))]
        matching = precise or matching
    if claim.predicate == "member":
        # "joined the board of Alphabet": of the roles at Alphabet, the board seat
        seats = [f for f in matching if f.property != "P39" or _SEAT.search(f.value.text)]
        matching = seats
    claimed = written_date(ctx, claim)
    role = date_role(claim, spec)
    if matching and not exact and claim.object_kb_id:
        # "read natural sciences at Girton College" when the KB has Newnham for that course:
        # both are Cambridge colleges, and the claim names the wrong one.
        siblings = [f for f in facts if f not in matching and f.property == spec.properties[0]
                    and _sibling(kb, claim.object_kb_id, f.value.entity_id)
                    and (_same_occasion(kb, claim, claimed, f, role) or claimed is None
                         and claim.predicate == "studied")]  # "went up to Somerville"
        if siblings and not any(_named_in_sentence(ctx, claim, f) for f in siblings):
            return fact_mismatch(ctx, kb, claim, siblings, by_occasion=True)
    # "an assistant district attorney at X" when the KB has that role, at Y, as an employment
    rivals = [f for f in facts if f not in matching and (
        (f.property in _RIVALS.get(claim.predicate, spec.properties[:1])
         # "signed for PSV in 1983" when the KB has him join Feyenoord then: a club the KB
         # knows, joined in a year the KB gives another club's start
         or claim.predicate == "joined" and f.property == "P54" and bool(claim.object_kb_id)
         # ("In 1921 he lined up for the Canton Bulldogs", "played for X": a team's season)
         or claim.predicate == "member" and f.property == "P54"
         and claim.qualifiers.get("verb") in ("line", "play"))
        or claim.predicate == "position" and fact_role_texts(f))
        and _same_occasion(kb, claim, claimed, f, role) and _distinct(kb, claim, f)
        and (claim.predicate != "left" or f.end is not None)]  # left: a spell that ended then
    if claim.predicate == "position" and claim.object_kb_id and claim.subject_kb_id and any(
            f.value.entity_id == claim.object_kb_id
            for f in kb.facts(claim.subject_kb_id, ("P102", "P463", "P108", "P54"))):
        # "he became its president" of a party the KB has him join that year: a post in a body
        # the KB ties him to, which its list of posts leaves out, contradicts none of them
        rivals = []
    if any(_named_in_sentence(ctx, claim, f) for f in rivals):
        # "joined the Manhattan Project's laboratories at Columbia": the sentence names the
        # KB's employer too; the other name places the post, it does not replace it
        rivals = []
    to_another = _post_to_another(ctx, kb, claim, matching or facts)
    if to_another is not None:
        return to_another
    if not matching:
        if claim.predicate == "position" and claimed is None and \
                entity_kind(kb, claim.object_kb_id) == "other":
            # "managed the British side of the James Clerk Maxwell Telescope project", undated:
            # a project led is no post the KB's list of posts leaves out
            return Outcome("unverifiable", "property absent")
        # Not awards: a year holds many honours, and the KB's list is never the whole list.
        # (a city the KB knows is no employer: "worked in Copenhagen from 1924")
        if rivals and (claim.predicate in ("studied", "worked_at", "joined", "left", "position",
                                           "moved")
                       or claim.predicate == "member" and all(f.property == "P54" for f in rivals)
                       ) and (
                claim.predicate == "moved" or entity_kind(kb, claim.object_kb_id) != "place"):
            return fact_mismatch(ctx, kb, claim, rivals, by_occasion=True)
        grade = [f for f in facts if claim.predicate == "award" and claimed is not None
                 and not claim.object_kb_id and f.property == "P166"
                 and date_agrees(claimed, f, role) is True and _other_grade(claim, f)]
        if grade:
            # "awarded him the Padma Bhushan in 1954" when the KB has the Padma Vibhushan that
            # year: the same honour's other class
            return fact_mismatch(ctx, kb, claim, grade, by_occasion=True)
        known = [f for f in facts if f.property == spec.properties[0]
                 or _named_adviser(claim)]  # (a doctoral adviser, or "student of")
        work_awards = _work_award(ctx, kb, claim) if claim.predicate == "award" else []
        if work_awards:
            return supported(kb, work_awards)
        if claim.predicate == "studied" and not any(
                _level(kb, claim.object_kb_id, claim.object) == _level(kb, f.value.entity_id,
                                                                       f.value.text)
                for f in known):
            known = []  # a school the KB's list of universities leaves out is no contradiction
        if claim.predicate == "studied" and claim.qualifiers.get("verb") == "call":
            known = []  # the Inn that called him to the bar: rarely among a KB's schools
        if claim.predicate == "award" and claim.qualifiers.get("verb") == "victory" and \
                entity_kind(kb, claim.object_kb_id) not in (None, "award"):
            # "His first victory came at the Canadian Grand Prix": a race won, which a KB's
            # list of honours leaves out, is no contradiction
            return Outcome("unverifiable", "property absent")
        # (an adviser the KB does not know at all is still not the one it names, when the
        # article says adviser: "worked under X" may name a boss)
        if known and (claim.object_kb_id or _named_adviser(claim)) and \
                claim.predicate in _CONTRADICTABLE and not claim.qualifiers.get("by_work") and \
                not (claim.predicate == "award" and (_FUNDED_POST.search(claim.object or "")
                                                     or _LAWSUIT.search(claim.object or ""))):
            # (a funded post, "an Alexander von Humboldt professorship", is held as much as
            # received: a KB may list it among posts, or not at all; a lawsuit won, "He won
            # Sweatt v. Painter in 1950", is no honour)
            return fact_mismatch(ctx, kb, claim, known)
        gone = _dissolved_before(ctx, kb, claim, claimed) or _post_before_employment(
            ctx, kb, claim, claimed, facts)
        if gone is not None:
            return gone
        parties = [f for f in facts if f.property == "P102" or _is_party(kb, f.value.entity_id)]
        if parties and claim.predicate == "member" and "party" in (claim.object or "").lower():
            return fact_mismatch(ctx, kb, claim, parties)  # a party the KB's parties lack
        return Outcome("unverifiable", "property absent")
    co = _co_recipient_problem(kb, claim, matching)
    if co is not None:
        return co
    if claimed is None or claim.predicate == "advisor":
        return supported(kb, matching)  # an advisor's year is the degree's, not the relation's
    signed = _signed_before(kb, claim, claimed, facts, role)
    if signed is not None:
        return supported(kb, [signed], claimed)
    if claim.predicate == "joined" and not claim.qualifiers.get("role") and \
            claim.qualifiers.get("verb") in ("hire", "join", "recruit", "employ", "engage"):
        # "The Sunday Times hired her in 1986": joining is the employment's start (1985), not
        # the start of a post she later held there
        # (unless the sentence names the post: "rejoined the Braves in 1976 as director of
        # player development")
        said = set(normalize_name(ctx.text[claim.start : claim.end]).split())
        matching = [f for f in matching if f.property != "P39" or any(
            role_words(r) - {"<lead>"} <= said for r in fact_role_texts(f))] or matching
    checks = [(f, True if _elected_before(claim, claimed, f, role) or _in_range(claim, f) else
               date_agrees(claimed, f, role)) for f in matching]
    if any(ok for _, ok in checks):
        return supported(kb, [f for f, ok in checks if ok], claimed)
    dated = [f for f, ok in checks if ok is False]
    if not dated:
        return Outcome(
            "unverifiable", "no date in the KB", tuple(evidence_of(kb, f) for f in matching)
        )
    # (a school of the same level: "graduated from Yale in 1974" when 1974 is the year of her
    # high school is a wrong date, not a wrong school)
    level = _level(kb, claim.object_kb_id, claim.object)
    peers = [f for f in rivals if _level(kb, f.value.entity_id, f.value.text) == level]
    if peers and claim.predicate == "studied":
        # "graduated from X in 1937" when X is 1939 and Y is 1937: the place is wrong.
        return fact_mismatch(ctx, kb, claim, peers, by_occasion=True)
    def known_date(f: KBFact) -> PartialDate | None:
        return (f.start if role == "start" else f.end if role == "end" else None) \
            or f.point_in_time or f.start

    # Of two spells at one club, the one nearest the claimed year is the one meant
    # ("brought him back in 2018": the return of 2021, not the first signing of 2003).
    fact = min(dated, key=lambda f: abs(known_date(f).year - claimed.year)
               if known_date(f) else 10_000)
    known = known_date(fact)
    # Another fact the date fits: of the same kind (an open-ended employment "fits" any year)
    other = next((f for f in facts if f is not fact and f.property == fact.property
                  and date_agrees(claimed, f, role)), None)
    if other is None or not _named_event(ctx, claim, other):
        # "In 1991, the year he was elected a Royal Academician, he also received the
        # Praemium Imperiale": a fact of another kind the sentence names, begun that year
        other = next((f for f in kb.facts(claim.subject_kb_id or "", _EVENT_PROPS)
                      if f is not fact and _begins(claimed, f)
                      and _named_event(ctx, claim, f)), other)
    held = str(claim.qualifiers.get("role") or "")
    if other is not None and held and other.property == fact.property and any(
            role_matches(held, r) for r in fact_role_texts(other)) and not any(
            role_matches(held, r) for r in fact_role_texts(fact)):
        # "in Cairo she took a job as associate editor of the African Review" (1961): the KB's
        # associate editorship that year was at The Arab Observer; the paper is what is wrong
        return fact_mismatch(ctx, kb, claim, [other], by_occasion=True)
    if other is not None and (fact.property == other.property == "P54" and claim.predicate in (
            "member", "joined") or fact.property == other.property == "P26" and
            claim.predicate == "married" and other.start is not None) and \
            not _named_in_sentence(ctx, claim, other):
        # "came out of retirement in 1982 to drive for Brabham" (1978-1979) when the KB has
        # McLaren from 1982: a player's year fits another team; the team is what is wrong.
        # So is the bride in "In 1904 he married Gussie" when 1904 is his first wedding's year
        return fact_mismatch(ctx, kb, claim, [other], by_occasion=True)
    outcome = date_mismatch(ctx, kb, claim, claimed, fact, known, other_fact=other)
    if other is not None and _named_event(ctx, claim, other, fact):
        # "In 1979, the year the National Medal arrived, he also won the Kyoto Prize": the
        # sentence's date belongs to the other event it names.
        return replace(outcome, category="conflation", message=(
            f"One date, two events: {claimed.human()} fits {other.value.text}, but "
            f"{claim.object or claim.qualifiers.get('role') or 'the other'} is from "
            f"{known.human() if known else 'another year'}"))
    return outcome


# Facts that can stand for the claimed one with another value; by default the first property.
# "Left Braga City in 2003": a club (P54) left that year is as good a rival as an employer.
_RIVALS = {"left": ("P108", "P54")}
_SEAT = re.compile(r"\b(?:board|member|trustee|governor|fellow|council)\b", re.I)


def _sibling(kb: KBReader, a: str, b: str | None) -> bool:
    """Two distinct organisations under one parent (two colleges of one university)."""
    if not b or b == a:
        return False
    ra, rb = related_orgs(kb, a), related_orgs(kb, b)
    return b not in ra and bool((ra & rb) - {a, b})


def _work_award(ctx: CheckContext, kb: KBReader, claim: Claim) -> list[KBFact]:
    """"Beloved ... won the Pulitzer": the award may be the work's, named in the sentence."""
    ids = {m.kb_id for m in ctx.analysis.mentions
           if claim.start <= m.start < claim.end and m.kb_id and m.label == "work"}
    return [f for wid in ids for f in kb.facts(wid or "", ("P166",))
            if f.value.entity_id == claim.object_kb_id]


_SCHOOL = re.compile(r"\b(?:school|lyc[eé]e|gymnasium|academy)\b", re.I)
_HIGHER = re.compile(r"\b(?:university|college|institute|polytechnic|conservatory|"
                     r"(?:law|medical|business|graduate|art|drama|film|music) school)\b", re.I)


def _level(kb: KBReader, entity_id: str | None, text: str | None) -> str:
    """"school" for a secondary school, else "higher": a KB listing universities only says
    nothing of the subject's schools."""
    words = f"{text or ''} {label_of(kb, entity_id, '') if entity_id else ''} " \
            f"{kind_text(kb, entity_id)}"
    if _HIGHER.search(words):
        return "higher"
    return "school" if _SCHOOL.search(words) else "higher"


_EVENT_PROPS = ("P166", "P39", "P463", "P108", "P69", "P54", "P26")


def _begins(claimed: PartialDate, fact: KBFact) -> bool:
    when = fact.start or fact.point_in_time or fact.value.date
    return when is not None and agrees(claimed, when)


def _named_event(ctx: CheckContext, claim: Claim, fact: KBFact,
                 besides: KBFact | None = None) -> bool:
    """The sentence names the fact's event itself, or whose it is ("an honorary doctorate by
    X", "Royal Academician" of the Royal Academy), other than the claim's own object (or the
    body of ``besides``, the fact the claim is about: two chairs at one university)."""
    named = {fact.value.entity_id, *(q.entity_id for q in fact.qualifiers.get("P642", ()))} \
        - {claim.object_kb_id} - ({fact_org(besides)[0]} if besides is not None else set())
    return any(_mentioned_in(ctx, claim, i) for i in named)


def _body_named(ctx: CheckContext, kb: KBReader, claim: Claim, fact: KBFact) -> bool:
    """The sentence, or the one before it in its paragraph, names the body of this post (its
    "of", or the body its title names): what "its" can stand for."""
    org = fact_org(fact)[0]
    bodies = related_orgs(kb, org) if org else titled_body(kb, fact) or set()
    block = next((b for b in ctx.analysis.article.blocks if b.start <= claim.start < b.end), None)
    before = [s for s, e in ctx.analysis.sentences
              if block is not None and block.start <= s and e <= claim.start]
    start = before[-1] if before else claim.start
    return any(m.kb_id in bodies and start <= m.start < claim.end for m in ctx.analysis.mentions)


def _named_in_sentence(ctx: CheckContext, claim: Claim, fact: KBFact) -> bool:
    """Does the claim's sentence name the organisation of this fact (a post's "of" for P39)?"""
    org = fact_org(fact)[0]
    return bool(org) and any(m.kb_id == org and claim.start <= m.start < claim.end
                             for m in ctx.analysis.mentions)


def _mentioned_in(ctx: CheckContext, claim: Claim, entity_id: str | None) -> bool:
    """Is the entity named as an event of its own in the clause that holds the claim's date?
    ("Google's parent company" names Google only to describe another; "after a season with X"
    and "X came first, and in 1985 she joined Y" do not put X under the date.)"""
    return bool(entity_id) and any(
        m.kb_id == entity_id and claim.start <= m.start < claim.end
        and ctx.text[m.end : m.end + 2] not in ("'s", "’s")
        and _codated(ctx, claim, m.start, m.end)
        for m in ctx.analysis.mentions)


# (and "in 1967 and then spent two years at Freiburg": what came next is not under the date)
_CLAUSE_GAP = re.compile(r";|,\s*(?:and|but|while|whereas|then)\b|[.!?]\s"
                         r"|\band\s+(?:then|later|afterwards|subsequently)\b")


_ORDERED = re.compile(r"\b(?:after|before|since|following|until|than)\b[^,;]*$", re.I)


def _codated(ctx: CheckContext, claim: Claim, start: int, end: int) -> bool:
    time = claim.time
    if time is None or SAME_YEAR.fullmatch(time.text.strip()):
        return True  # "..., and the same year she was elected": the words co-date the two
    gap = ctx.text[time.end : start] if start >= time.end else ctx.text[end : time.start]
    lead = ctx.text[max(claim.start, start - 60) : start]
    return not _CLAUSE_GAP.search(gap) and not _ORDERED.search(lead)


_GENERIC_NAME_WORDS = frozenset(
    "the of and at in for a university college school institute institution business "
    "technology state national royal academy center centre faculty department graduate".split()
)


def _partner_won_it_another_year(kb: KBReader, claimed: list[str], facts: list[KBFact]
                                 ) -> Outcome | None:
    """"shared the 1949 Nobel Prize in Physics with Powell" when the KB lists no co-recipient
    and gives Powell that prize in 1950: he did not share this one."""
    when = [f.point_in_time for f in facts if f.point_in_time is not None]
    award = next((f.value.entity_id for f in facts if f.value.entity_id), None)
    if not when or award is None:
        return None
    found = kb.candidates([normalize_name(c) for c in claimed])
    for name in claimed:
        for person in found.get(normalize_name(name), ()):
            theirs = [f for f in kb.facts(person.id, ("P166",)) if f.value.entity_id == award
                      and f.point_in_time is not None]
            if theirs and not any(agrees(w, f.point_in_time) for w in when for f in theirs):
                other = theirs[0]
                return Outcome(
                    "contradicted", "KB differs", (evidence_of(kb, facts[0]),
                                                   evidence_of(kb, other)), "fact_mismatch",
                    f"{person.label} received {other.value.text} in "
                    f"{other.point_in_time.human()}, not in {when[0].human()}",  # type: ignore[union-attr]
                    f"Do not name {person.label} as a co-recipient of the "
                    f"{when[0].human()} award.")
    return None


# A faculty named by its field alone, a part of whichever university the sentence is about
_SUBUNIT = re.compile(r"^(?:the\s+)?(?:College|School|Faculty|Department|Division|Graduate School)"
                      r"\s+of\s+(?:(?:Arts|Sciences?|Letters|Medicine|Law|Engineering|"
                      r"Humanities|Education|Music|Physics|Chemistry|Biology|Mathematics|"
                      r"Economics|Philosophy|Architecture|Agriculture|Theology)(?:,|\s+and|\s|$)+)+$")


# Words any honour's name may have: only the others tell one honour's family
_HONOUR_WORDS = frozenset(
    "order medal prize award of the for in and grand cross national honorary gold silver "
    "bronze royal state first second third class star merit honour honor great".split())


def _other_grade(claim: Claim, fact: KBFact) -> bool:
    """An honour the KB does not know whose distinctive words it shares with a KB honour of
    another name ("Padma Bhushan", "Padma Vibhushan")."""
    claimed = set(normalize_name(claim.object or "").split()) - _HONOUR_WORDS
    known = set(normalize_name(fact.value.text).split()) - _HONOUR_WORDS
    # (not "her Nobel Prize lecture" for the Nobel Memorial Prize: a name inside the other's)
    return bool(claimed & known) and not claimed <= known and not known <= claimed


def _distinct(kb: KBReader, claim: Claim, fact: KBFact) -> bool:
    """Is the claimed name clearly another institution than the fact's? "Cambridge" is not
    distinct from "King's College, Cambridge"; "Wharton School" is from "Booth School"."""
    if claim.object_kb_id and fact.value.entity_id:
        return fact.value.entity_id not in related_orgs(kb, claim.object_kb_id)
    if _SUBUNIT.match(claim.object or ""):
        return False  # "the College of Arts and Sciences in Komaba": a part of some university
    claimed = set(normalize_name(claim.object or "").split()) - _GENERIC_NAME_WORDS
    # the KB's names for it and for what it is part of ("Lady Margaret Hall, Oxford", part of
    # the University of Oxford: "went up to Oxford" names it too)
    entity = kb.entity(fact.value.entity_id) if fact.value.entity_id else None
    names = [fact.value.text, *(entity.aliases if entity is not None else ())]
    if fact.value.entity_id:
        names += [f.value.text for f in kb.facts(fact.value.entity_id, ("P361", "P749"))]
    known = {w for n in names for w in normalize_name(n).split()} - _GENERIC_NAME_WORDS
    return bool(claimed) and not claimed & known


_LEAD_WORDS = frozenset({"lead", "head", "run", "direct", "chair"})


def _same_occasion(kb: KBReader, claim: Claim, claimed: PartialDate | None, fact: KBFact,
                   role: str) -> bool:
    """A fact of another value that fits the claim's date and degree: the claim's occasion."""
    # The role without the body's name ("first president of the IMF" is the World Bank's
    # president in a year the KB has him there), unless that leaves a bare "leader" or "head"
    # (any post at any body)
    held = str(claim.qualifiers.get("role") or "")
    bare = claimed_role(kb, claim)
    held = bare if bare and not role_words(bare) <= GENERIC_LEAD else held
    if held and claim.predicate in ("worked_at", "joined", "position") and not set(
            held.lower().split()) <= _LEAD_WORDS:
        # "a stint at Bain as a management consultant" when the KB has that role at McKinsey
        # (undated, a one-word role may be held at many places: "held a professorship")
        if claimed is None and len(role_words(held) - {"<lead>"}) < 2:
            return False
        return any(role_matches(held, r) for r in fact_role_texts(fact))
    degree = degree_class(str(claim.qualifiers.get("degree", "")))
    fact_degree = degree_class(" ".join(v.text for v in fact.qualifiers.get("P512", ())))
    if degree and fact_degree and degree != fact_degree:
        return False
    dated = claimed is not None and date_agrees(claimed, fact, role) is True
    return dated or (claimed is None and bool(degree) and degree == fact_degree)


# "personal secretary and telegrapher to Thomas A. Scott": a post that serves a person
_TO_PERSON = re.compile(r"^(?P<role>.+?)\s+to\s+(?P<who>(?-i:[A-Z])[\w.'’ -]+)$", re.I)


def _post_to_another(ctx: CheckContext, kb: KBReader, claim: Claim,
                     facts: list[KBFact]) -> Outcome | None:
    """"became personal secretary and telegrapher to J. Edgar Thomson" when the KB has that
    post serving Thomas A. Scott: the same role, to another person."""
    said = _TO_PERSON.match(str(claim.qualifiers.get("role", "")))
    if claim.predicate not in ("position", "joined", "worked_at") or said is None:
        return None
    for fact in facts:
        for role in fact_role_texts(fact):
            known = _TO_PERSON.match(role)
            if known is None or not (role_matches(said["role"], known["role"])
                                     and role_matches(known["role"], said["role"])):
                continue
            if same_name(normalize_name(known["who"]), said["who"]) or same_name(
                    normalize_name(said["who"]), known["who"]):
                return None  # the KB's own post ("to Scott" for Thomas A. Scott)
            sentence = ctx.text[claim.start : claim.end]
            return Outcome("contradicted", "KB differs", (evidence_of(kb, fact),),
                           "fact_mismatch",
                           f"The KB has {claim.subject} as {known['role']} to {known['who']}, "
                           f"not to {said['who']}",
                           replace_once(sentence, said["who"], known["who"]))
    return None


def _post_before_employment(ctx: CheckContext, kb: KBReader, claim: Claim,
                            claimed: PartialDate | None, facts: list[KBFact]) -> Outcome | None:
    """"Caltech appointed him an assistant professor in 1974" when the KB has him employed at
    Caltech from 1976 only: a post at a body begins no earlier than the employment there."""
    if claim.predicate != "position" or claimed is None or not claim.object_kb_id or \
            claim.qualifiers.get("until"):
        return None
    jobs = [f for f in facts if f.property == "P108" and f.value.entity_id == claim.object_kb_id]
    if not jobs or any(f.start is None for f in jobs):
        return None
    first = min(jobs, key=lambda f: f.start.interval()[0])  # type: ignore[union-attr]
    assert first.start is not None
    if claimed.interval()[1] >= first.start.interval()[0]:
        return None
    return date_mismatch(ctx, kb, claim, claimed, first, first.start)


def _dissolved_before(
    ctx: CheckContext, kb: KBReader, claim: Claim, claimed: PartialDate | None
) -> Outcome | None:
    """"In 1931 he joined Cercle et Carré" when the KB dissolves it in 1930: no one joins a
    group that is gone; its successor, when the subject belongs to it, is the one meant."""
    if claimed is None or claim.predicate not in ("joined", "member") or not claim.object_kb_id:
        return None
    ended = next((f for f in kb.facts(claim.object_kb_id, ("P576",))
                  if f.value.date is not None
                  and f.value.date.interval()[1] < claimed.interval()[0]), None)
    if ended is None:
        return None
    after = {f.value.entity_id for f in kb.facts(claim.object_kb_id, ("P1366", "P156"))}
    theirs = [f for f in kb.facts(claim.subject_kb_id or "", ("P463", "P108", "P54", "P102"))
              if f.value.entity_id in after]
    if theirs:
        return fact_mismatch(ctx, kb, claim, theirs, by_occasion=True)
    gone = ended.value.date.human()  # type: ignore[union-attr]
    return Outcome(
        "contradicted", "KB differs", (evidence_of(kb, ended),), "fact_mismatch",
        f"{claim.object} was dissolved in {gone}, before {claimed.human()}",
        f"Check the group's name or the year: {claim.object} was dissolved in {gone}.")


def _in_range(claim: Claim, fact: KBFact) -> bool:
    """"24 Grand Slam titles between 1960 and 1973": a dated honour inside the span."""
    if claim.time is None or not claim.time.end_value or claim.predicate != "award":
        return False
    first, last = PartialDate.parse(claim.time.value), PartialDate.parse(claim.time.end_value)
    point = fact.value.date or fact.point_in_time
    if first is None or last is None or point is None:
        return False
    return first.interval()[0] <= point.interval()[0] and point.interval()[1] <= last.interval()[1]


_ELECTED = frozenset({"elect", "nominate", "choose", "confirm", "vote", "select", "pick"})


def _elected_before(claim: Claim, claimed: PartialDate, fact: KBFact, role: str) -> bool:
    """"Elected President of Brazil in 1955" for a term from January 1956: an election comes
    up to a year before the office it fills."""
    if role != "start" or claim.qualifiers.get("verb") not in _ELECTED or fact.start is None:
        return False
    if fact.start.precision == "year" and claimed.precision == "year" and not (
            claim.time is not None and claim.time.mod == "END"):
        return False  # both known to the year: "elected in 1974" for 1975 is wrong ("late
        # 1974", or "November 1974", may precede a start in 1975)
    first, last = claimed.interval()
    begins = fact.start.interval()[0]
    return begins - timedelta(days=366) <= last and first <= begins


def _signed_before(kb: KBReader, claim: Claim, claimed: PartialDate, facts: list[KBFact],
                   role: str) -> KBFact | None:
    """"Signs with the Dodgers organization" in 1945 for a first season with its farm club in
    1946: a contract with a club, signed the year before the player's first season with a
    team of its own (a subsidiary or parent the KB links it to)."""
    if role != "start" or claim.qualifiers.get("verb") != "sign" or not claim.object_kb_id:
        return None
    # (only through a club of its own: "Barcelona signed him in 1981" for a first season there
    # in 1982 is a wrong year)
    clubs = related_orgs(kb, claim.object_kb_id) - {claim.object_kb_id}
    spells = [f for f in facts if f.property == "P54" and f.value.entity_id in clubs and f.start]
    first = min(spells, key=lambda f: f.start.interval()[0], default=None)  # type: ignore[union-attr]
    if first is None or first.start is None or claimed.year != first.start.year - 1:
        return None
    return first


def _co_recipient_problem(kb: KBReader, claim: Claim, facts: list[KBFact]) -> Outcome | None:
    claimed = [str(w) for w in claim.qualifiers.get("with", []) or []]  # type: ignore[union-attr]
    known = [v for f in facts for v in f.qualifiers.get("P1706", ())]
    if claimed and not known:
        return _partner_won_it_another_year(kb, claimed, facts)
    wrong = unlisted_people(kb, claimed, [v.entity_id for v in known],
                            texts=[v.text for v in known]) if claimed else []
    if not wrong:
        return None
    shared = ", ".join(dict.fromkeys(v.text for v in known))  # (one per name: two wins, one pair)
    return people_mismatch(kb, facts, f"{claim.object} was shared with {shared}, not "
                           f"{', '.join(wrong)}", shared, "co-recipients")
