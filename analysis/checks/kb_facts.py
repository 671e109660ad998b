"""Check each claim against the KB: a verdict for every claim, a flag for every contradiction."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from analysis.checks.base import (
    CheckContext,
    CheckResult,
    Finding,
    Verdict,
    claim_date,
    describe_fact,
    evidence_of,
    label_of,
    replace_once,
)
from analysis.checks.kb_match import (
    PROPERTY_MAP,
    PredicateSpec,
    date_agrees,
    date_role,
    degree_class,
    fact_matches,
    fact_org,
    fact_role_texts,
    kb_dates,
    related_entities,
    related_orgs,
    role_matches,
)
from analysis.dates import PartialDate, agrees
from analysis.kb.api import KBReader
from analysis.kb.model import KBFact
from analysis.kb.names import normalize_name
from analysis.models import Claim, Evidence

_HIGH_DATE = frozenset(
    {"born", "died", "created", "founded", "released", "award", "joined", "studied"}
)
# Predicates whose KB list is taken as complete enough to call another value wrong ("joined"
# is not: people join parties, boards and clubs the KB does not list as employers).
_CONTRADICTABLE = frozenset({"studied", "award", "born", "died", "advisor"})


@dataclass(frozen=True)
class Outcome:
    """One claim's result before it becomes a verdict and maybe a finding."""

    verdict: str
    reason: str = ""
    evidence: tuple[Evidence, ...] = ()
    category: str | None = None
    message: str = ""
    suggestion: str | None = None


def check_against_kb(ctx: CheckContext) -> CheckResult:
    result = CheckResult()
    for claim in ctx.analysis.claims:
        outcome = verify_claim(ctx, claim)
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


def _severity(claim: Claim, category: str) -> str:
    if category == "date_mismatch":
        return "high" if claim.predicate in _HIGH_DATE else "medium"
    return "high" if claim.predicate in ("award", "studied", "created", "born") else "medium"


def verify_claim(ctx: CheckContext, claim: Claim) -> Outcome:
    """The verdict on one claim (see ``analysis.checks.kb_match`` for the property map)."""
    kb = ctx.kb
    spec = PROPERTY_MAP.get(claim.predicate)
    if kb is None or spec is None:
        return Outcome("unverifiable", "no KB" if kb is None else "predicate not in the map")
    if spec.date_role == "work":
        return _verify_work(ctx, kb, claim, spec)
    if not claim.subject_kb_id:
        return Outcome("unverifiable", "entity not linked")
    if claim.predicate in ("born", "died"):
        return _verify_life_event(ctx, kb, claim, spec)
    return _verify_relation(ctx, kb, claim, spec)


def _verify_life_event(
    ctx: CheckContext, kb: KBReader, claim: Claim, spec: PredicateSpec
) -> Outcome:
    date_pid, place_pid = spec.properties
    claimed = _written_date(ctx, claim)
    dated = [f for f in kb.facts(claim.subject_kb_id or "", (date_pid,)) if f.value.date]
    date_outcome = None
    if claimed is not None and dated:
        if not any(agrees(claimed, f.value.date) for f in dated):  # type: ignore[arg-type]
            return _date_mismatch(ctx, kb, claim, claimed, dated[0], dated[0].value.date)
        date_outcome = _supported(kb, dated, claimed, dated[0].value.date)
    places = kb.facts(claim.subject_kb_id or "", (place_pid,))
    if claim.object and places:
        place_outcome = _check_place(ctx, kb, claim, places)
        if place_outcome.verdict == "contradicted" or date_outcome is None:
            return place_outcome
    if date_outcome is not None:
        return date_outcome
    return Outcome("unverifiable", "property absent")


def _check_place(ctx: CheckContext, kb: KBReader, claim: Claim, places: list[KBFact]) -> Outcome:
    """The claimed place must be the KB's place or one that contains it ("born in France")."""
    # "died in the Blue House in Coyoacán": any place the sentence names may be the KB's.
    named = {(m.kb_id, _place_key(m.text)) for m in ctx.analysis.mentions
             if claim.start <= m.start < claim.end
             and m.label in ("place", "other", "organization")}
    named.add((claim.object_kb_id, _place_key(claim.object or "")))
    longest: list[tuple[str, str]] = []
    for fact in places:
        chain = _place_chain(kb, fact.value.entity_id, fact.value.text)
        if any((kb_id and kb_id == pid) or key == _place_key(label)
               for pid, label in chain for kb_id, key in named):
            return _supported(kb, [fact])
        longest = max(longest, chain, key=len)
        # "Born in Bunkyō, Tokyo" when the KB says Tokyo: a finer place inside the KB's one
        within = {_place_key(part) for part in (claim.object or "").split(",")[1:]}
        if _place_key(fact.value.text) in within:
            return _supported(kb, [fact])
    if not claim.object_kb_id and not _other_locality(ctx, claim, longest):
        # "died at the Hôtel Ritz": a place the KB does not know may lie inside the KB's one
        return Outcome("unverifiable", "KB less precise")
    if len(longest) < 2 and not _other_locality(ctx, claim, longest) and not _two_towns(
            kb, claim.object_kb_id, [f.value.entity_id for f in places]):
        return Outcome("unverifiable", "KB less precise")
    where = ", ".join(label for _, label in longest)
    what = "born" if claim.predicate == "born" else "died"
    sentence = ctx.text[claim.start:claim.end]
    return Outcome(
        "contradicted", "KB differs", tuple(evidence_of(kb, f) for f in places), "fact_mismatch",
        f"{claim.subject} {what} in {where}, not {claim.object}",
        replace_once(sentence, claim.object or "", longest[0][1]),
    )


_SETTLEMENTS = frozenset({"city", "town", "village", "municipality", "commune", "big city",
                          "capital", "capital city", "metropolis", "market town", "hamlet"})


def _two_towns(kb: KBReader, claimed: str | None, known: list[str | None]) -> bool:
    """"Born in Brühl" when the KB says Mannheim, both towns by their KB class: one town is not
    inside another (a district such as Bunkyō may be inside a city, so it does not count)."""
    def settlement(entity_id: str | None) -> bool:
        return bool(entity_id) and any(
            normalize_name(f.value.text) in _SETTLEMENTS for f in kb.facts(entity_id, ("P31",)))
    return settlement(claimed) and any(k != claimed and settlement(k) for k in known)


def _other_locality(ctx: CheckContext, claim: Claim, chain: list[tuple[str, str]]) -> bool:
    """Without the KB's place hierarchy, "Indianapolis, Indiana" still names a town: when the
    KB's town is another, the claim is wrong whatever contains what."""
    written = ctx.text[claim.obj_start : claim.obj_end + 40] if claim.obj_start >= 0 else ""
    if "," not in written.split(".")[0][: len(claim.object or "") + 30]:
        return False
    if _VENUE.search(claim.object or ""):
        return False  # "at the Hôtel Ritz, aged 87": a building inside some town, not a town
    town = _place_key((claim.object or "").split(",")[0])
    return bool(chain) and town != _place_key(chain[0][1].split(",")[0])


_VENUE = re.compile(
    r"\b(?:h[oô]tel|hospital|clinic|infirmary|sanatorium|hospice|house|home|palace|theat(?:re|er)|"
    r"church|cathedral|abbey|chapel|museum|hall|cent(?:re|er)|prison|jail|station|airport|"
    r"stadium|arena|castle|villa|farm|estate|residence|apartment|manor|ranch|studio|school|"
    r"college|university|institute|laboratory|camp|barracks|ship)\b", re.I)


def _place_key(name: str) -> str:
    key = normalize_name(name)
    return key[4:] if key.startswith("the ") else key


def _place_chain(kb: KBReader, place: str | None, label: str) -> list[tuple[str, str]]:
    """The place and what contains it (located in, country, part of), nearest first."""
    chain = [(place or "", label)]
    seen = {place}
    frontier = place
    for _ in range(5):
        if not frontier:
            break
        parent = next((f.value for f in kb.facts(frontier, ("P131", "P17", "P361"))
                       if f.value.entity_id not in seen), None)
        if parent is None:
            break
        chain.append((parent.entity_id or "", parent.text))
        seen.add(parent.entity_id)
        frontier = parent.entity_id
    return chain


def _verify_relation(
    ctx: CheckContext, kb: KBReader, claim: Claim, spec: PredicateSpec
) -> Outcome:
    facts = kb.facts(claim.subject_kb_id or "", spec.properties)
    matching = [f for f in facts if fact_matches(kb, claim, f)]
    # A role at Alphabet is checked against the Alphabet role, not Google's, when both exist.
    exact = [f for f in matching if claim.object_kb_id and claim.object_kb_id in (
        fact_org(f)[0], f.value.entity_id)]
    matching = exact or matching
    if claim.predicate == "member":
        # "joined the board of Alphabet": of the roles at Alphabet, the board seat
        seats = [f for f in matching if f.property != "P39" or _SEAT.search(f.value.text)]
        matching = seats
    claimed = _written_date(ctx, claim)
    role = date_role(claim, spec)
    if matching and not exact and claim.object_kb_id:
        # "read natural sciences at Girton College" when the KB has Newnham for that course:
        # both are Cambridge colleges, and the claim names the wrong one.
        siblings = [f for f in facts if f not in matching and f.property == spec.properties[0]
                    and _sibling(kb, claim.object_kb_id, f.value.entity_id)
                    and _same_occasion(claim, claimed, f, role)]
        if siblings:
            return _fact_mismatch(ctx, kb, claim, siblings, by_occasion=True)
    rivals = [f for f in facts if f not in matching and f.property == spec.properties[0]
              and _same_occasion(claim, claimed, f, role) and _distinct(kb, claim, f)]
    if not matching:
        # Not awards: a year holds many honours, and the KB's list is never the whole list.
        if rivals and claim.predicate in ("studied", "worked_at", "joined", "position"):
            return _fact_mismatch(ctx, kb, claim, rivals, by_occasion=True)
        known = [f for f in facts if f.property == spec.properties[0]]
        work_awards = _work_award(ctx, kb, claim) if claim.predicate == "award" else []
        if work_awards:
            return _supported(kb, work_awards)
        if known and claim.object_kb_id and claim.predicate in _CONTRADICTABLE:
            return _fact_mismatch(ctx, kb, claim, known)
        if facts and claim.predicate == "member" and "party" in (claim.object or "").lower():
            return _fact_mismatch(ctx, kb, claim, facts)  # a party the KB's memberships lack
        return Outcome("unverifiable", "property absent")
    co = _co_recipient_problem(kb, claim, matching)
    if co is not None:
        return co
    if claimed is None:
        return _supported(kb, matching)
    checks = [(f, date_agrees(claimed, f, role)) for f in matching]
    if any(ok for _, ok in checks):
        return _supported(kb, [f for f, ok in checks if ok], claimed)
    dated = [f for f, ok in checks if ok is False]
    if not dated:
        return Outcome(
            "unverifiable", "no date in the KB", tuple(evidence_of(kb, f) for f in matching)
        )
    if rivals and claim.predicate == "studied":
        # "graduated from X in 1937" when X is 1939 and Y is 1937: the place is wrong.
        return _fact_mismatch(ctx, kb, claim, rivals, by_occasion=True)
    fact = dated[0]
    known = fact.start if role == "start" else fact.end if role == "end" else None
    known = known or fact.point_in_time or fact.start
    # Another fact the date fits: of the same kind (an open-ended employment "fits" any year)
    other = next((f for f in facts if f is not fact and f.property == fact.property
                  and date_agrees(claimed, f, role)), None)
    outcome = _date_mismatch(ctx, kb, claim, claimed, fact, known, other_fact=other)
    if other is not None and _mentioned_in(ctx, claim, other.value.entity_id):
        # "In 1979, the year the National Medal arrived, he also won the Kyoto Prize": the
        # sentence's date belongs to the other event it names.
        return replace(outcome, category="conflation", message=(
            f"One date, two events: {claimed.human()} fits {other.value.text}, but "
            f"{claim.object} is from {known.human() if known else 'another year'}"))
    return outcome


_MONTH_OR_DAY_ONLY = re.compile(
    r"^(?:(?:early|late|mid|last|this|next|in|on)[\s-]+)*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?$", re.I)


def _written_date(ctx: CheckContext, claim: Claim) -> PartialDate | None:
    """The claim's date, unless the article wrote no year for it ("In June she founded ..."
    in a story of 1973 is resolved against the article's date, and proves nothing). A dated
    entry's year ("1914: Marries ... on December 24") counts as written."""
    if claim.time is not None and _MONTH_OR_DAY_ONLY.match(claim.time.text.strip()) and \
            claim.time.value[:4] not in ctx.text[claim.start : claim.end]:
        return None
    return claim_date(claim)


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


def _mentioned_in(ctx: CheckContext, claim: Claim, entity_id: str | None) -> bool:
    """Is the entity named as an event of its own in the clause that holds the claim's date?
    ("Google's parent company" names Google only to describe another; "after a season with X"
    and "X came first, and in 1985 she joined Y" do not put X under the date.)"""
    return bool(entity_id) and any(
        m.kb_id == entity_id and claim.start <= m.start < claim.end
        and ctx.text[m.end : m.end + 2] not in ("'s", "’s")
        and _codated(ctx, claim, m.start, m.end)
        for m in ctx.analysis.mentions)


_CLAUSE_GAP = re.compile(r";|,\s*(?:and|but|while|whereas|then)\b|[.!?]\s")
_ORDERED = re.compile(r"\b(?:after|before|since|following|until|than)\b[^,;]*$", re.I)


def _codated(ctx: CheckContext, claim: Claim, start: int, end: int) -> bool:
    time = claim.time
    if time is None:
        return True
    gap = ctx.text[time.end : start] if start >= time.end else ctx.text[end : time.start]
    lead = ctx.text[max(claim.start, start - 60) : start]
    return not _CLAUSE_GAP.search(gap) and not _ORDERED.search(lead)


_GENERIC_NAME_WORDS = frozenset(
    "the of and at in for a university college school institute institution business "
    "technology state national royal academy center centre faculty department graduate".split()
)


def _distinct(kb: KBReader, claim: Claim, fact: KBFact) -> bool:
    """Is the claimed name clearly another institution than the fact's? "Cambridge" is not
    distinct from "King's College, Cambridge"; "Wharton School" is from "Booth School"."""
    if claim.object_kb_id and fact.value.entity_id:
        return fact.value.entity_id not in related_orgs(kb, claim.object_kb_id)
    claimed = set(normalize_name(claim.object or "").split()) - _GENERIC_NAME_WORDS
    known = set(normalize_name(fact.value.text).split()) - _GENERIC_NAME_WORDS
    return bool(claimed) and not claimed & known


_LEAD_WORDS = frozenset({"lead", "head", "run", "direct", "chair"})


def _same_occasion(claim: Claim, claimed: PartialDate | None, fact: KBFact, role: str) -> bool:
    """A fact of another value that fits the claim's date and degree: the claim's occasion."""
    role = str(claim.qualifiers.get("role") or "")
    if role and claim.predicate in ("worked_at", "joined", "position") and not set(
            role.lower().split()) <= _LEAD_WORDS:
        # "a stint at Bain as a management consultant" when the KB has that role at McKinsey
        return any(role_matches(role, r) for r in fact_role_texts(fact))
    degree = degree_class(str(claim.qualifiers.get("degree", "")))
    fact_degree = degree_class(" ".join(v.text for v in fact.qualifiers.get("P512", ())))
    if degree and fact_degree and degree != fact_degree:
        return False
    dated = claimed is not None and date_agrees(claimed, fact, role) is True
    return dated or (claimed is None and bool(degree) and degree == fact_degree)


def _co_recipient_problem(kb: KBReader, claim: Claim, facts: list[KBFact]) -> Outcome | None:
    claimed = [str(w) for w in claim.qualifiers.get("with", []) or []]  # type: ignore[union-attr]
    known = [v for f in facts for v in f.qualifiers.get("P1706", ())]
    if not claimed or not known:
        return None
    # Only people can be told apart from people ("shared with Bob Fosse's All That Jazz").
    if not all(v.entity_id and (e := kb.entity(v.entity_id)) and e.type == "person"
               for v in known):
        return None
    names = {v.text.casefold() for v in known}
    wrong = [w for w in claimed if w.casefold() not in names]
    if not wrong:
        return None
    shared = ", ".join(v.text for v in known)
    return Outcome(
        "contradicted",
        "KB differs",
        tuple(evidence_of(kb, f) for f in facts),
        "fact_mismatch",
        f"{claim.object} was shared with {shared}, not {', '.join(wrong)}",
        f"Name the co-recipients as the KB has them: {shared}.",
    )


def _verify_work(ctx: CheckContext, kb: KBReader, claim: Claim, spec: PredicateSpec) -> Outcome:
    work = claim.object_kb_id or (claim.subject_kb_id if claim.predicate == "released"
                                  and _kind(kb, claim.subject_kb_id) != "organization" else None)
    if work is None:
        # "the Nobel Assembly announced that ...": an organisation that announces is not
        # itself released
        return Outcome("unverifiable", "no work named" if claim.subject_kb_id else
                       "entity not linked")
    if claim.predicate == "released" and _PERIODICAL.search(_describe(kb, work)):
        # "an essay published in Bloomberg Businessweek on 30 October 2014": the date is the
        # issue's; the magazine itself is much older
        return Outcome("unverifiable", "a periodical's issue")
    agent = _agent_problem(ctx, kb, claim, work, spec) or _partner_problem(kb, claim, work)
    if agent is not None:
        return agent
    claimed = _written_date(ctx, claim)
    dated = kb_dates(kb, work, spec.work_dates)
    if claimed is None:
        creators = kb.facts(work, spec.agents)
        return _supported(kb, creators) if creators else Outcome("unverifiable", "property absent")
    if not dated:
        return Outcome("unverifiable", "no date in the KB")
    if any(agrees(claimed, f.value.date) for f in dated):  # type: ignore[arg-type]
        return _supported(kb, dated, claimed, dated[0].value.date)
    return _date_mismatch(
        ctx, kb, claim, claimed, dated[0], dated[0].value.date, work=work, spec=spec
    )


# The kind of thing the entity is, as its description opens ("weekly business magazine"), not a
# journal its description mentions ("1948 article in the Bell System Technical Journal").
_PERIODICAL = re.compile(r"^\s*(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}(?:magazine|newspaper|"
                         r"journal|periodical|gazette)\b", re.I | re.M)


def _kind(kb: KBReader, entity_id: str | None) -> str | None:
    entity = kb.entity(entity_id) if entity_id else None
    return entity.type if entity else None


def _describe(kb: KBReader, entity_id: str) -> str:
    """The entity's description and what it is an instance of ("weekly business magazine")."""
    entity = kb.entity(entity_id)
    kinds = "\n".join(f.value.text for f in kb.facts(entity_id, ("P31",)))
    return f"{entity.description if entity else ''}\n{kinds}"


def _named_nearby(ctx: CheckContext, claim: Claim, ids: set[str | None]) -> bool:
    sentences = ctx.analysis.sentences
    index = next((i for i, (s, _) in enumerate(sentences) if s == claim.start), 0)
    start = sentences[index - 1][0] if index > 0 else claim.start
    return any(m.kb_id in ids and start <= m.start < claim.end for m in ctx.analysis.mentions)


def _partner_problem(kb: KBReader, claim: Claim, work: str) -> Outcome | None:
    """"co-founded X with A and B" when the KB's founders of X do not include B."""
    partners = [str(w) for w in claim.qualifiers.get("with", []) or []]  # type: ignore[union-attr]
    if claim.predicate != "founded" or not partners:
        return None
    founders = [f for f in kb.facts(work, ("P112",)) if f.value.entity_id
                and f.value.entity_id != claim.subject_kb_id]
    people = [e for f in founders if (e := kb.entity(f.value.entity_id or "")) is not None
              and e.type == "person"]
    if not people or len(people) < len(founders):
        return None
    names = [{normalize_name(n) for n in (e.label, *e.aliases)} for e in people]
    wrong = [p for p in partners if not any(_same_person(normalize_name(p), known)
                                            for known in names)]
    if not wrong:
        return None
    listed = ", ".join(e.label for e in people)
    return Outcome(
        "contradicted",
        "KB differs",
        tuple(evidence_of(kb, f) for f in founders[:4]),
        "fact_mismatch",
        f"The KB lists {listed} among the founders of {claim.object}, not {', '.join(wrong)}",
        f"Name the co-founders as the KB has them: {listed}.",
    )


def _same_person(name: str, known: set[str]) -> bool:
    """"Murray" names "Bruce Murray": a surname ends one of the known names."""
    return any(k == name or k.endswith(" " + name) for k in known)


def _agent_problem(
    ctx: CheckContext, kb: KBReader, claim: Claim, work: str, spec: PredicateSpec
) -> Outcome | None:
    """The KB credits the work to named people, and the claimed person is not among them.

    Not when one of those people is named in the sentence or the one before: "Eicher founded
    ECM. In 1984 he launched its New Series" -- the pronoun may well be theirs."""
    person = claim.subject_kb_id
    if claim.predicate == "released" or not person or person == work:
        return None
    agents = kb.facts(work, spec.agents)
    if any(f.value.entity_id == person for f in agents):
        return None
    if any(f.value.entity_id == work for f in kb.facts(person, ("P800",))):
        return None
    people = [
        f
        for f in agents
        if f.property in ("P170", "P61", "P112")
        and f.value.entity_id
        and (e := kb.entity(f.value.entity_id)) is not None
        and e.type == "person"
    ]
    subject = kb.entity(person)
    if not people or subject is None or subject.type != "person":
        return None
    if _named_nearby(ctx, claim, {f.value.entity_id for f in people}):
        return None
    names = ", ".join(f.value.text for f in people)
    return Outcome(
        "contradicted",
        "KB differs",
        tuple(evidence_of(kb, f) for f in people),
        "fact_mismatch",
        f"The KB credits {claim.object} to {names}, not {subject.label}",
        f"Attribute {claim.object} to {names}, or cite a source for {subject.label}'s role.",
    )


def _supported(
    kb: KBReader,
    facts: list[KBFact],
    claimed: PartialDate | None = None,
    known: PartialDate | None = None,
) -> Outcome:
    evidence = tuple(evidence_of(kb, f) for f in facts[:3])
    if claimed is not None and known is not None and claimed.rank > known.rank:
        return Outcome("unverifiable", "KB less precise", evidence)
    return Outcome("supported", "", evidence)


def _fact_mismatch(
    ctx: CheckContext, kb: KBReader, claim: Claim, known: list[KBFact], by_occasion: bool = False
) -> Outcome:
    """The claimed value is not the KB's. ``by_occasion``: ``known`` are the facts that fit
    the claim's date or degree, so the message can name the right value for that occasion."""
    values = ", ".join(dict.fromkeys(f.value.text for f in known))
    sentence = ctx.text[claim.start : claim.end]
    first = known[0].value.text
    suggestion = replace_once(sentence, claim.object or "", first) if len(known) == 1 else None
    what = {
        "studied": "education",
        "joined": "employers",
        "award": "awards",
        "born": "place of birth",
        "died": "place of death",
    }.get(claim.predicate, "facts")
    if by_occasion:
        occasion = " ".join(str(x) for x in (claim.qualifiers.get("degree"),
                                             claim.time.text if claim.time else None) if x)
        message = f"The KB gives {values} for this{' (' + occasion + ')' if occasion else ''}, " \
                  f"not {claim.object}"
    else:
        message = f"{claim.object} is not among {claim.subject}'s {what} in the KB ({values})"
    return Outcome(
        "contradicted",
        "KB differs",
        tuple(evidence_of(kb, f) for f in known[:4]),
        "fact_mismatch",
        message,
        suggestion or f"Check {claim.object}: the KB lists {values}.",
    )


def _date_mismatch(
    ctx: CheckContext,
    kb: KBReader,
    claim: Claim,
    claimed: PartialDate,
    fact: KBFact,
    known: PartialDate | None,
    *,
    work: str | None = None,
    spec: PredicateSpec | None = None,
    other_fact: KBFact | None = None,
) -> Outcome:
    evidence = [evidence_of(kb, fact)]
    what = label_of(kb, work, claim.object or "") if work else _event_name(claim)
    known_text = known.human() if known else "another date"
    message = f"{what} dates from {known_text}, not {claimed.human()}"
    if other_fact is not None:
        # "2014 is the date of his CEO appointment": the writer borrowed a neighbouring date.
        evidence.append(evidence_of(kb, other_fact))
        message += f" ({claimed.human()} fits another fact: {describe_fact(other_fact, '')[2:]})"
    if work and spec:
        related = _related_with_date(kb, work, spec, claimed)
        if related is not None:
            rel_label, rel_fact = related
            evidence.append(evidence_of(kb, rel_fact))
            message = f"{claimed.human()} is the date of {rel_label}; {what} is from {known_text}"
    sentence = ctx.text[claim.start : claim.end]
    new_date = known.truncate(claimed.precision) if known and claimed.rank < known.rank else known
    suggestion = replace_once(
        sentence, claim.time.text if claim.time else "", new_date.human() if new_date else ""
    )
    return Outcome(
        "contradicted",
        "KB differs",
        tuple(evidence),
        "date_mismatch",
        message,
        suggestion,
    )


def _event_name(claim: Claim) -> str:
    noun = {
        "born": "birth",
        "died": "death",
        "studied": "degree",
        "joined": "start",
        "left": "departure",
        "worked_at": "time",
        "position": "appointment",
        "award": "award",
        "member": "membership",
        "married": "marriage",
    }.get(claim.predicate, "event")
    obj = f" ({claim.object})" if claim.object else ""
    return f"{claim.subject}'s {noun}{obj}"


def _related_with_date(
    kb: KBReader, work: str, spec: PredicateSpec, claimed: PartialDate
) -> tuple[str, KBFact] | None:
    for other in related_entities(kb, work):
        for fact in kb_dates(kb, other, spec.work_dates):
            if fact.value.date and agrees(claimed, fact.value.date):
                return label_of(kb, other, other), fact
    return None
