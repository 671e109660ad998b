"""How a claim maps onto KB facts: the property map, and matching of entities, roles and dates.

The property map is the documented contract between the claim vocabulary and the KB:

| predicate | KB properties (on the subject unless noted) | the claim's date is compared with |
| --- | --- | --- |
| born / died | P569 / P570 (date), P19 / P20 (place) | the date itself |
| studied | P69 educated at (+P512 degree) | end time (or point in time), else inside start..end |
| joined | P108 employer, P39 position held | start time |
| left | P108, P39, P54 member of sports team ("joined X from Y" left Y) | end time |
| worked_at | P108, P39 | inside start..end |
| position | P39 (+P642 of), P108 (+P2868/P794 role) | start ("became", "appointed") or inside |
| award | P166 award received (+P1706 together with) | point in time P585 |
| advisor | P184 doctoral advisor, P1066 student of | - |
| created | on the work: P571 inception, P577 publication; creators P170, P61, P178; P800 | date |
| founded | on the organisation: P571 inception; founders P112 | date |
| released | on the work: P577 publication date, else P571, else P585 (a treaty signed) | date |
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from analysis.dates import PartialDate, agrees, overlaps
from analysis.kb.api import KBReader
from analysis.kb.model import KBFact
from analysis.kb.names import normalize_name
from analysis.models import Claim
from analysis.vocabulary import ABSORBED_BY, BOARD_WORDS, CORPORATE_WORDS, KNIGHTHOOD


@dataclass(frozen=True)
class PredicateSpec:
    properties: tuple[str, ...]
    date_role: str  # "point" | "start" | "end" | "during" | "work"
    work_dates: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()


PROPERTY_MAP: dict[str, PredicateSpec] = {
    "born": PredicateSpec(("P569", "P19"), "point"),
    "died": PredicateSpec(("P570", "P20"), "point"),
    "studied": PredicateSpec(("P69",), "end"),
    # (a company's studio company; a club's player; a firm sold to its new parent)
    "joined": PredicateSpec(("P108", "P39", "P463", "P54", "P749"), "start"),
    "left": PredicateSpec(("P108", "P39", "P54", "P102", "P463"), "end"),
    "worked_at": PredicateSpec(("P108", "P39"), "during"),
    "position": PredicateSpec(("P39", "P108"), "start"),
    "award": PredicateSpec(("P166",), "point"),
    "advisor": PredicateSpec(("P184", "P1066"), "point"),
    "member": PredicateSpec(("P102", "P463", "P54", "P39"), "start"),
    "married": PredicateSpec(("P26",), "start"),
    "citizen": PredicateSpec(("P27",), "start"),
    "moved": PredicateSpec(("P551",), "start"),
    "created": PredicateSpec((), "work", ("P571", "P577"),
                             ("P170", "P50", "P61", "P178", "P57", "P86")),
    "founded": PredicateSpec((), "work", ("P571",), ("P112",)),
    "released": PredicateSpec((), "work", ("P577", "P571", "P585"), ("P178", "P170")),
}

# Verbs that date the start of a role; other verbs ("served", "was") only place it inside.
START_VERBS = frozenset(
    {"become", "appoint", "name", "elect", "promote", "join", "hire", "recruit", "enthrone",
     "win", "assume"}  # ("won the presidency in 1990", "assumed the premiership")
)
# Related entities whose date a writer may have borrowed: predecessors, parents, the family.
RELATED_PROPS = ("P155", "P144", "P361", "P1365", "P749")
REVERSE_RELATED_PROPS = ("P156", "P527", "P1366", "P355")
# Works made from this one (a translation, a remake, a sequel): whose date a writer may give
# the original, but which a sentence never names by a stray word ("in Paris")
DERIVED_PROPS = ("P144", "P155")
ORG_LINKS = ("P361", "P749", "P355", "P527")
_LEADERSHIP = frozenset(
    {
        "manage",
        "managing",
        "manager",
        "coach",
        "lead",
        "leader",
        "head",
        "director",
        "chief",
        "chair",
        "chairman",
        "chairwoman",
        "run",
        "direct",
        "president",
        "preside",
    }
)
GENERIC_LEAD = frozenset({"lead", "leader", "head", "run", "direct", "manage", "coach",
                          "preside", "<lead>"})
# Function words and adverbs that say nothing about which role ("also chancellor of X").
_ROLE_STOP = frozenset({"the", "of", "a", "an", "and", "at", "in", "for", "its", "his", "her",
                        "also", "now", "currently", "still", "again", "once", "formerly",
                        "then", "later", "longtime", "former", "founding", "inaugural",
                        # "promoted to full professor": the rank the KB's "Professor of X" is
                        "full",
                        # "is still the Salk Institute's president as well"
                        "as", "well", "too"})


def related_orgs(kb: KBReader, entity_id: str) -> set[str]:
    """The entity and the organisations one part-of / parent / subsidiary link away."""
    found = {entity_id}
    for fact in kb.facts(entity_id, ORG_LINKS):
        if fact.value.entity_id:
            found.add(fact.value.entity_id)
    for fact in kb.facts_with_value(entity_id, ORG_LINKS):
        found.add(fact.subject)
    return found


def entity_matches(
    kb: KBReader,
    claim_id: str | None,
    claim_text: str | None,
    value_id: str | None,
    value_text: str,
    *,
    org: bool = False,
) -> bool:
    """Does the claimed entity (by id, else by name) denote the fact's value?"""
    if claim_id and value_id:
        return claim_id == value_id or (org and value_id in related_orgs(kb, claim_id))
    if claim_text:
        said, known = normalize_name(claim_text), normalize_name(value_text)
        # ("runs the sporting side of Formula One": the KB's "Formula One Group")
        return said == known or org and known.rsplit(" ", 1)[-1] in CORPORATE_WORDS and \
            known.rsplit(" ", 1)[0] == said
    return False


# Titles that make another post: "Deputy Leader", "Emeritus Senior Minister", "professor emeritus"
_SECOND_RANK = frozenset({"deputy", "vice", "assistant", "acting", "interim", "emeritus"})
_SAME_ROLE_WORD = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair"}


_ROLE_ABBREVIATIONS = {"ceo": "chief executive officer", "cfo": "chief financial officer",
                       "cto": "chief technology officer", "coo": "chief operating officer",
                       "cso": "chief scientific officer", "vp": "vice president"}


# The word that tells one "chief ... officer" from another.
_C_SUITE = frozenset({"executive", "operating", "financial", "technology", "marketing",
                      "information", "scientific", "science", "product", "data", "security",
                      "strategy", "legal", "medical", "digital", "content", "creative",
                      "revenue", "commercial", "investment", "risk", "people", "design"})


# Title nouns: two posts whose titles are different nouns are different posts, whatever
# organisation words they share.
_TITLES = frozenset({"president", "chair", "secretary", "director", "minister", "governor",
                     "chancellor", "mayor", "senator", "premier", "ambassador", "commissioner",
                     "treasurer", "dean", "provost", "rector", "speaker", "editor", "professor",
                     "lecturer", "manager", "coach", "captain", "conductor", "curator"})


# Titles a member of a body holds by their seat ("senator": a member of the Senate)
_SEATED = frozenset({"senator", "speaker"})


def _titles(words: set[str]) -> set[str]:
    found = words & _TITLES
    # ("the new chair of theoretical physics" is a professorship)
    return found | {"professor"} if "chair" in found else found


def role_words(text: str) -> set[str]:
    # "the first president" is the president, "the center's 11th director" its director;
    # "First Minister" is a title of its own
    text = re.sub(r"\b(?:first|\d+(?:st|nd|rd|th))\s+(?=[a-z])", "", text)
    words = {_SAME_ROLE_WORD.get(w, w) for w in normalize_name(text).replace("-", " ").split()
             if w not in _ROLE_STOP}
    for short in words & _ROLE_ABBREVIATIONS.keys():  # "CEO" is "chief executive officer"
        words = (words - {short}) | set(_ROLE_ABBREVIATIONS[short].split())
    if words & _LEADERSHIP or any(w.endswith("kapellmeister") for w in words):
        words.add("<lead>")  # (the orchestra "led by its Gewandhauskapellmeister")
    return words


_FULL = re.compile(r"\bfull\b", re.I)
_BELOW_FULL = re.compile(r"\b(?:extraordinary|associate|assistant|adjunct|visiting|junior|"
                         r"ausserordentlicher|außerordentlicher)\b", re.I)


def role_matches(claimed: str, known: str) -> bool:
    """ "professor" ~ "Silver Professor"; "lead" ~ "Director of AI Research"; "Vice President and
    Chief AI Scientist" ~ "Chief AI Scientist"."""
    # ("first and only president of X": "first" names no role, so it is no second one)
    parts = [p for p in re.split(r"\s+(?:and|&)\s+", claimed.strip()) if role_words(p)]
    if len(parts) > 1 and any(role_matches(part, known) for part in parts):
        return True  # "Chair and Chief Executive Officer": two roles, either may be the fact's
    if _FULL.search(claimed) and _BELOW_FULL.search(known):
        return False  # "made her a full professor" is not her extraordinary professorship
    a, b = role_words(claimed), role_words(known)
    if not a:
        return True  # no role named ("served as X", X the post itself): any post fits
    if (b & _SECOND_RANK) - a or (a & _SECOND_RANK) - b:
        return False  # "leader" is not "Deputy Leader", "president" not "vice-president"
    if "<lead>" in b and a <= GENERIC_LEAD:
        return True  # a bare leadership verb or noun ("led", "head") names any leading role
    if _party_head(a, b) or _party_head(b, a):
        return True  # a party's chair is its leader ("elected him its chairman", "Leader of X")
    if a & _C_SUITE and b & _C_SUITE and not a & b & _C_SUITE:
        return False  # "chief operating officer" is not "chief executive officer"
    titles_a, titles_b = _titles(a), _titles(b)
    if titles_a and titles_b and not titles_a & titles_b:
        return False  # "president of the Soviet Union" is not "chairman of the Supreme Soviet"
    if "member" in a ^ b and (titles_a or titles_b) - _SEATED:
        return False  # "member of the New York State Assembly" is not "Mayor of New York City"
    shared = (a & b) - {"<lead>"}
    # "chief executive" is not "executive chairman": two-word roles share two words
    return len(shared) >= min(2, len(a - {"<lead>"}), len(b - {"<lead>"}))


def _party_head(bare: set[str], post: set[str]) -> bool:
    """"chairman" (no more words) and "Leader of the X Party", or the other way round."""
    heads = {"chair", "leader"}
    title = bare - {"<lead>", "party"}
    return len(title) == 1 and title < heads and "party" in post and bool(post & (heads - title))


def without_org(role: str, org: str | None) -> str:
    """"chief executive of Amazon" -> "chief executive": the organisation is not the role."""
    if org and org in role:
        role = re.sub(rf"(?<!\w){re.escape(org)}(?!\w)", " ", role)
    # ("director of NASA's Marshall Space Flight Center": the owner left behind goes too)
    role = re.sub(r"\b(?:of|at|for)\s+(?:the\s+)?(?:[\w.&-]+\s+){0,3}[\w.&-]+(?:'s|’s)\s*$", "",
                  role.strip())
    return re.sub(r"\b(?:of|at|for)(?:\s+the)?\s*$", "", role.strip()).strip()


def fact_role_texts(fact: KBFact) -> list[str]:
    """Role names a fact carries: the position itself (P39) or the role qualifiers (P108)."""
    if fact.property == "P39":
        return [fact.value.text]
    return [v.text for pid in ("P2868", "P794") for v in fact.qualifiers.get(pid, ())]


_OF_BODY = re.compile(r"\bof\s+(?:the\s+)?(.+)$", re.I)


def titled_body(kb: KBReader, fact: KBFact) -> set[str] | None:
    """The KB entities (and their related organisations) a post's title names after "of"."""
    m = _OF_BODY.search(fact.value.text)
    if m is None:
        return None
    found = kb.candidates([normalize_name(m.group(1))]).get(normalize_name(m.group(1)), [])
    return set().union(*(related_orgs(kb, e.id) for e in found)) if found else None


def deaths_before(kb: KBReader, person: str | None, day: date) -> list[KBFact]:
    """The KB's dates of death of ``person`` before ``day`` (the as-of date), or of an
    organisation's dissolution."""
    return [f for f in kb.facts(person or "", ("P570", "P576"))
            if f.value.date is not None and f.value.date.interval()[1] < day]


def parents_now(kb: KBReader, body: str | None, day: date) -> list[KBFact]:
    """The bodies ``body`` has belonged to since a recorded date before ``day`` (a parent
    organisation, a whole it is part of), still at ``day``, earliest first."""
    found = [f for f in kb.facts(body or "", ABSORBED_BY)
             if f.start is not None and f.start.interval()[0] <= day
             and (f.end is None or f.end.interval()[1] >= day)]
    return sorted(found, key=lambda f: f.start.interval()[0])  # type: ignore[union-attr]


def claimed_role(kb: KBReader, claim: Claim) -> str:
    """The claim's role without its organisation's names ("president of Optica" for the
    Optical Society's president: either name of it)."""
    said = str(claim.qualifiers.get("role", ""))
    role = without_org(said, claim.object)
    named = kb.entity(claim.object_kb_id or "")
    for name in (named.label, *named.aliases) if named is not None else ():
        role = without_org(role, name)
    # ("is a Distinguished University Professor at Georgetown", the name the post's own: the
    # role is the whole of it, not nothing)
    return role if role.strip() or not said.strip() else said


def fact_org(fact: KBFact) -> tuple[str | None, str]:
    """The organisation of an employment or position fact."""
    if fact.property == "P39":
        of = fact.qualifiers.get("P642", ())
        return (of[0].entity_id, of[0].text) if of else (None, "")
    return fact.value.entity_id, fact.value.text


# Nationality adjectives whose country is not their stem plus an ending
_NATIONALITIES = {"american": "united states", "british": "united kingdom", "dutch": "netherlands",
                  "french": "france", "swiss": "switzerland", "greek": "greece",
                  "danish": "denmark", "spanish": "spain", "welsh": "wales", "irish": "ireland",
                  "filipino": "philippines", "thai": "thailand", "polish": "poland",
                  "turkish": "turkey", "finnish": "finland", "scottish": "scotland",
                  "english": "england", "icelandic": "iceland", "argentine": "argentina",
                  "norwegian": "norway", "peruvian": "peru", "portuguese": "portugal",
                  "belgian": "belgium", "czech": "czech republic", "pakistani": "pakistan",
                  "bangladeshi": "bangladesh", "nigerian": "nigeria", "soviet": "soviet union"}
_ENDINGS = ("", "a", "ia", "ea", "o", "y", "e", "en", "an", "land")


def nationality_of(adjective: str, country: str) -> bool:
    """Does the adjective ("Canadian", "Austrian", "British") name the country ("Canada",
    "Austria" and not "Australia", "United Kingdom")? The country may be qualified ("South
    Korea", "United States of America")."""
    adj, name = normalize_name(adjective), normalize_name(country)
    names = {name, name.split()[-1]} if name else set()
    known = _NATIONALITIES.get(adj)
    if known is not None:
        return any(n == known or n.startswith(known + " ") for n in names)
    stems = {adj, re.sub(r"(?:ians?|ans?|ese|ish|is?|ic|n)$", "", adj)}
    return any(len(stem) >= 3 and stem + end in names for stem in stems for end in _ENDINGS)


def fact_matches(kb: KBReader, claim: Claim, fact: KBFact) -> bool:
    """Is this employment, position or relation fact the one the claim is about?"""
    if claim.object_kb_id and fact.property == "P39" and \
            fact.value.entity_id == claim.object_kb_id:
        # "appointed her Assistant Minister", "serves in the Georgia State Senate": the
        # position itself is named
        return True
    if claim.predicate == "position":
        org_id, org_text = fact_org(fact)
        # A position with no "of" on record ("Leader of the CDU") is judged by its role alone,
        # unless its title names a body the KB knows ("President of Tanganyika" is not TANU's).
        titled = titled_body(kb, fact) if fact.property == "P39" and not org_id and \
            not org_text and claim.object_kb_id else None
        org_ok = not claim.object or (fact.property == "P39" and not org_id and not org_text
                                      and (titled is None or claim.object_kb_id in titled)) \
            or entity_matches(kb, claim.object_kb_id, claim.object, org_id, org_text, org=True)
        role = claimed_role(kb, claim)
        roles = fact_role_texts(fact)
        if any(role_matches(role, r) for r in roles):
            return org_ok
        # An employment with no role on record fits a role "at X", not a role with no place.
        return bool(claim.object) and org_ok and fact.property == "P108" and not roles
    if claim.predicate == "left" and not claim.object and claim.qualifiers.get("role"):
        # "stepped down as chief executive in 2015": the post named by its role
        return any(role_matches(str(claim.qualifiers["role"]), r) for r in fact_role_texts(fact))
    if fact.property == "P39":
        org_id, org_text = fact_org(fact)
        if claim.predicate == "member" and claim.object_kb_id and not org_id and not org_text:
            # "a nominated member of the Rajya Sabha": the seat "Member of the Rajya Sabha"
            return claim.object_kb_id in (titled_body(kb, fact) or ())
        return entity_matches(kb, claim.object_kb_id, claim.object, org_id, org_text, org=True)
    # King's College is part of the University of Cambridge: either name fits.
    if claim.predicate == "award" and claim.object == KNIGHTHOOD and not claim.object_kb_id:
        return bool(re.search(r"\b(?:knight|dame)\b", fact.value.text, re.I))
    if claim.predicate == "award" and generic_of(claim.object or "", fact.value.text):
        return True  # "his first Academy Award" names "Academy Award for Best Original Score"
    if claim.predicate == "award" and claim.object_kb_id and _family_of(
            kb, claim.object_kb_id, fact.value.text):
        return True  # "her first Oscar", linked to "Academy Awards" (alias "Academy Award")
    if claim.predicate == "award" and claim.object_kb_id and fact.value.entity_id and any(
            f.value.entity_id == claim.object_kb_id
            for f in kb.facts(fact.value.entity_id, ("P31", "P279", "P361"))):
        return True  # "another Oscar": the KB's award is one of the Academy Awards
    if claim.predicate == "citizen" and claim.object and not claim.object_kb_id:
        # "a Canadian citizen": the country the adjective names
        names = [fact.value.text, *(e.aliases if (e := kb.entity(fact.value.entity_id or ""))
                                    else ())]
        return any(nationality_of(claim.object, n) for n in names)
    if claim.predicate == "studied" and not claim.object and fact.property == "P69":
        # "She completed her doctorate in 1908": the studies that earned that degree
        degree = degree_class(str(claim.qualifiers.get("degree", "")))
        return degree is not None and degree == degree_class(
            " ".join(v.text for v in fact.qualifiers.get("P512", ())))
    if claim.predicate == "moved" and claim.object_kb_id and fact.value.entity_id and any(
            place == claim.object_kb_id
            for place, _ in place_chain(kb, fact.value.entity_id, fact.value.text)[1:]):
        return True  # "settled in New Mexico" when the KB has her home at Abiquiú, inside it
    org = claim.predicate in ("joined", "worked_at", "left", "studied", "member")
    return entity_matches(
        kb, claim.object_kb_id, claim.object, fact.value.entity_id, fact.value.text, org=org
    )


def place_chain(kb: KBReader, place: str | None, label: str) -> list[tuple[str, str]]:
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


def seats_first(claim: Claim, facts: list[KBFact]) -> list[KBFact]:
    """ "sits on Microsoft's board": his seat on the board, when the KB has it, not his
    employment at Microsoft; other ties to the organisation when it does not."""
    if not claim.qualifiers.get("board"):
        return facts
    seats = [f for f in facts if any(BOARD_WORDS & set(t.lower().split())
                                     for t in (f.value.text, *fact_role_texts(f)))]
    return seats or facts


def _family_of(kb: KBReader, award_id: str, known: str) -> bool:
    """The linked award is the family the KB's award belongs to by name: one of its label or
    aliases opens the KB award's name ("Academy Award" / "Academy Award for Best Actress")."""
    family = kb.entity(award_id)
    return family is not None and any(
        generic_of(name, known) for name in (family.label, *family.aliases))


def generic_of(claimed: str, known: str) -> bool:
    """"Academy Award" names "Academy Award for Best Original Score" (a prefix, whole words)."""
    a, b = normalize_name(claimed), normalize_name(known)
    return bool(a) and (b.startswith(a + " ") or b == a)


def date_agrees(claimed: PartialDate, fact: KBFact, role: str) -> bool | None:
    """Compare a claimed date with a fact's date in the role the property map gives it.

    Returns None when the fact has no date to compare with.
    """
    point = fact.value.date or fact.point_in_time
    start, end = fact.start, fact.end
    if role == "point":
        return agrees(claimed, point) if point else None
    if role == "start":
        return agrees(claimed, start) if start else None
    if role == "end":
        if end or point:
            return agrees(claimed, end or point)  # type: ignore[arg-type]
        return overlaps(claimed, start, None) if start else None
    if start is None and end is None:
        return agrees(claimed, point) if point else None
    return overlaps(claimed, start, end)


def date_role(claim: Claim, spec: PredicateSpec) -> str:
    if claim.qualifiers.get("until"):
        return "end"  # "a post he held until 1973"
    if claim.qualifiers.get("during"):
        return "during"
    if claim.predicate == "position" and claim.qualifiers.get("verb") not in START_VERBS:
        return "during"
    if claim.predicate == "studied" and claim.qualifiers.get("verb") in ("graduate", "call"):
        return "end"  # "graduated from Princeton in 1974", "called to the bar": the end of studies
    if claim.predicate == "studied" and not claim.qualifiers.get("degree"):
        return "during"
    return spec.date_role


def holds_honour(kb: KBReader, entity_id: str, award_id: str | None) -> bool:
    """The KB gives the entity this honour, or one of its family ("won eight Grammy Awards"
    for an album the KB gives the Grammy for Album of the Year)."""
    own = {f.value.entity_id for f in kb.facts(entity_id, ("P166",))}
    return award_id in own or any(f.value.entity_id == award_id for award in own if award
                                  for f in kb.facts(award, ("P361",)))


def kb_dates(kb: KBReader, entity_id: str, properties: tuple[str, ...]) -> list[KBFact]:
    """The entity's date facts, in the order of ``properties`` (the first present wins)."""
    for pid in properties:
        facts = [f for f in kb.facts(entity_id, (pid,)) if f.value.date is not None]
        if facts:
            return facts
    return []


_DEGREES = (
    ("mba", ("mba", "master of business")),
    ("doctorate", ("phd", "ph.d", "doctor", "dphil", "doctoral", "doctorate", "sc.d", "d.sc")),
    ("master", ("master", "msc", "m.sc", "ms", "ma", "m.a", "mphil", "meng", "mfa", "m.f.a")),
    ("bachelor", ("bachelor", "bsc", "b.sc", "bs", "ba", "b.a", "beng", "licence")),
)


def degree_class(text: str) -> str | None:
    """"PhD" and "doctorate" are one class; "MBA" is its own; None when no degree is named."""
    words = set(normalize_name(text).replace("'s", "").split())
    low = text.lower()
    for name, cues in _DEGREES:
        if any(c in words or (len(c) > 4 and c in low) for c in cues):
            return name
    return None


def related_entities(kb: KBReader, entity_id: str, derived: bool = False) -> list[str]:
    """Entities whose date may be mistaken for this one's; with ``derived``, also the works
    made from it."""
    ids = [f.value.entity_id for f in kb.facts(entity_id, RELATED_PROPS) if f.value.entity_id]
    reverse = REVERSE_RELATED_PROPS + (DERIVED_PROPS if derived else ())
    ids += [f.subject for f in kb.facts_with_value(entity_id, reverse)]
    return list(dict.fromkeys(i for i in ids if i != entity_id))
