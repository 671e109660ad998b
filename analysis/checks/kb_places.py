"""Places of birth and death: the claimed place against the KB's, allowing for places inside
places and for venues."""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, evidence_of, replace_once
from analysis.checks.kb_match import place_chain
from analysis.checks.life import NEW_CLAUSE
from analysis.checks.outcomes import Outcome, supported
from analysis.kb.api import KBReader
from analysis.kb.model import KBFact
from analysis.kb.names import normalize_name
from analysis.models import Claim
from analysis.vocabulary import VENUE


def check_place(ctx: CheckContext, kb: KBReader, claim: Claim, places: list[KBFact]) -> Outcome:
    """The claimed place must be the KB's place or one that contains it ("born in France")."""
    # "died in the Blue House in Coyoacán": any place the sentence names may be the KB's.
    # (Not past a new clause: "died in Laren, ..., and was buried at Noordwijk")
    named = {(m.kb_id, _place_key(m.text)) for m in ctx.analysis.mentions
             if claim.start <= m.start < claim.end
             and m.label in ("place", "other", "organization")
             and not (claim.obj_start >= 0 and NEW_CLAUSE.search(
                 ctx.text, min(claim.obj_end, m.end), max(claim.obj_start, m.start)))
             # (not before a place the KB knows: "between Karachi and Larkana, the town where
             # she was born" names Larkana)
             and not (claim.object_kb_id and m.end <= claim.obj_start)
             # ("A native of Dalian, where his father worked, he was sent back to Tokyo":
             # the phrase names the birthplace; the clause after it, a later home)
             and not (claim.qualifiers.get("verb") == "native" and m.start != claim.obj_start)}
    # ("Born: Dec. 29, 1876, El Vendrell, Catalonia": the town before the region, whatever
    # the tagger took it for)
    named |= {(None, _place_key(m.text)) for m in ctx.analysis.mentions
              if not m.kb_id and claim.obj_start >= 0 and m.end < claim.obj_start
              and ctx.text[m.end : claim.obj_start] == ", "}
    claimed = (claim.object_kb_id, _place_key(claim.object or ""))
    # "died at the Sheba Medical Center", which the KB places in its Ramat Gan: a finer place
    inside = place_chain(kb, claim.object_kb_id, claim.object or "")[1:] \
        if claim.object_kb_id else []
    longest: list[tuple[str, str]] = []
    for fact in places:
        chain = place_chain(kb, fact.value.entity_id, fact.value.text)
        # The claimed place may be the KB's or contain it ("born in France"); another place
        # the sentence names only counts as the KB's own ("died in Gstaad, Switzerland" when
        # the KB says Tolochenaz, also in Switzerland, is a wrong town)
        written = ctx.text[claim.obj_start : claim.obj_start + len(fact.value.text)] \
            if claim.obj_start >= 0 else ""
        if _place_key(written) == _place_key(fact.value.text) or any(
                _same_place((fact.value.entity_id, _place_key(fact.value.text)), place)
                for place in inside):
            # "Born in Chanteloup-en-Brie", found as "Chanteloup": the KB's name is written
            return supported(kb, [fact])
        if any(_same_place(claimed, place) for place in chain) or any(
                _same_place(claimed, place)
                for place in _name_containers(kb, fact.value.entity_id)) or any(
                _same_place(other, chain[0]) for other in named if chain):
            return supported(kb, [fact])
        longest = max(longest, chain, key=len)
        # "Born in Bunkyō, Tokyo" when the KB says Tokyo: a finer place inside the KB's one
        within = {_place_key(part) for part in (claim.object or "").split(",")[1:]}
        if _place_key(fact.value.text) in within:
            return supported(kb, [fact])
        if _place_key(fact.value.text) == f"{claimed[1]} city":
            # "died in New York" when the KB says New York City: the state, or the city
            # by its short name; either way it holds the KB's place
            return supported(kb, [fact])
    if not claim.object_kb_id and not _other_locality(ctx, claim, longest) and \
            not _other_life_place(kb, claim, longest):
        # "died at the Hôtel Ritz": a place the KB does not know may lie inside the KB's one
        return Outcome("unverifiable", "KB less precise")
    if len(longest) < 2 and not _other_locality(ctx, claim, longest) and \
            not _other_life_place(kb, claim, longest) and not _two_towns(
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


def _same_place(named: tuple[str | None, str], place: tuple[str, str]) -> bool:
    kb_id, key = named
    return bool(kb_id and kb_id == place[0]) or key == _place_key(place[1])


_SETTLEMENTS = frozenset({"city", "town", "village", "municipality", "commune", "big city",
                          "capital", "capital city", "metropolis", "market town", "hamlet"})


def _other_life_place(kb: KBReader, claim: Claim, chain: list[tuple[str, str]]) -> bool:
    """"Nurmi died in his native Turku" when the KB has him born in Turku and dead in Helsinki:
    the place of his other life event is a town of the same standing, and not the KB's."""
    other = "P19" if claim.predicate == "died" else "P20"
    claimed = _place_key(claim.object or "")
    if not chain or VENUE.search(chain[0][1]):
        return False  # "Singapore General Hospital": a building in some town, maybe that one
    return any(
        _place_key(f.value.text) == claimed and not any(
            _same_place((None, claimed), place) for place in chain)
        and not any(_same_place((None, _place_key(chain[0][1])), place)
                    for place in place_chain(kb, f.value.entity_id, f.value.text))
        for f in kb.facts(claim.subject_kb_id or "", (other,)))


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
    written = written.split("\n")[0]  # (not the next line's: a headline ends at its line)
    if "," not in written.split(".")[0][: len(claim.object or "") + 30]:
        return False
    if "," not in (claim.object or "") and not re.match(
            r"[^\s,]*\s*(?:,\s*(?:[A-Z]|(?:in|near|then|now|where)\b)|\s+in\s+(?!(?:January|"
            r"February|March|April|May|June|July|August|September|October|November|December|"
            r"the\b)\b)[A-Z])",
            ctx.text[claim.obj_end:]):
        # ("at New York Hospital in Manhattan, of a streptococcal infection": no region follows;
        # "born in Musoma, in what is now the Mara Region" places the town)
        return False
    if VENUE.search(claim.object or ""):
        return False  # "at the Hôtel Ritz, aged 87": a building inside some town, not a town
    town = _place_key((claim.object or "").split(",")[0])
    return bool(chain) and town != _place_key(chain[0][1].split(",")[0])



def _place_key(name: str) -> str:
    key = normalize_name(name)
    return key[4:] if key.startswith("the ") else key


def _name_containers(kb: KBReader, place: str | None) -> list[tuple[str, str]]:
    """"Hempstead, New York" as the KB's name for the place: what follows the comma contains
    it (the KB may hold no "located in" fact)."""
    entity = kb.entity(place) if place else None
    names = (entity.label, *entity.aliases) if entity else ()
    return [("", part.strip()) for name in names for part in name.split(",")[1:] if part.strip()]
