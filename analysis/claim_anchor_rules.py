"""The verbs of KB-anchored claims (``analysis.claim_anchors``): which verbs state a relation
with a name the KB relates to the subject, and which date a work or an organisation itself."""

from __future__ import annotations

import re

from spacy.tokens import Token

from analysis.claim_context import TIME_NOUNS, YEAR
from analysis.kb.api import KBReader
from analysis.subject import ProfileSubject
from analysis.topic_terms import load_lexicon

# What a subject's fact about a name says, by KB property.
_RELATIONS = {"P166": "award", "P69": "studied", "P108": "worked_at", "P39": "worked_at",
              "P54": "member", "P463": "member", "P102": "member"}
# Verbs that state a relation with an organisation. Others ("visited MIT", "Harvard gave her an
# honorary degree in 2012", "spoke at Google") name it without dating the relation.
START_VERBS = frozenset({"join", "sign", "hire", "recruit", "transfer", "appoint", "elect",
                         "enrol", "enroll", "enter", "matriculate", "admit", "rejoin", "poach",
                         "draft", "become", "lure", "woo",
                         # "moved to Molteni": a move to an employer the KB has (not to a city)
                         "move", "switch"})
END_VERBS = frozenset({"leave", "quit", "retire", "resign", "depart", "release", "sack", "fire"})
DURING_VERBS = frozenset({"work", "serve", "play", "teach", "lead", "head", "manage", "coach",
                          "captain", "study", "attend", "spend", "remain", "stay", "drive",
                          "race", "ride", "compete", "sing", "dance", "sit"})
# Verbs under which a year is not the award's: it was only proposed, given by the subject, or
# the subject made the prize.
_NOT_RECEIVED = frozenset({"nominate", "shortlist", "longlist", "consider", "lose", "miss",
                           "deny", "present", "give", "hand", "judge", "chair", "host", "fund",
                           "sponsor", "endow", "found", "establish", "create", "set", "announce",
                           # "... who won 14 titles at Roland Garros, ended his career in 2024"
                           "end", "finish", "close", "conclude", "retire", "leave", "quit",
                           "play"})
_GIVE = frozenset({"present", "give", "hand"})
# Verbs that date a work or an organisation itself.
RELEASE_VERBS = frozenset({"appear", "publish", "release", "premiere", "premier", "open", "debut",
                           "air", "launch", "issue", "begin", "start", "serialise", "serialize",
                           "print", "unveil", "introduce", "fly", "inaugurate", "come", "arrive",
                           "dedicate", "deliver", "stage", "present", "mount", "ship"})
# Documents whose signing is their date: "signed the Manifesto of the 343" (not "signed copies").
_DOCUMENTS = frozenset({"manifesto", "declaration", "treaty", "petition", "charter", "accord",
                        "pact", "convention", "protocol", "appeal", "letter", "agreement"})
# Release verbs of stage works and shows only.
_SHOW = frozenset({"stage", "present", "mount"})
# A law or treaty's own date, said in the passive ("passed in 1998"), never "X passed Y".
_ENACT = frozenset({"pass", "enact", "ratify"})
_MAKE = frozenset({"create", "write", "compose", "complete", "finish", "design", "build",
                   "invent", "paint", "develop", "direct"})
_FOUND = frozenset({"found", "establish", "form", "set", "launch", "create", "start",
                    "inaugurate", "incorporate"})
# An organisation that is the active subject: "X launched in 2004", but not "Amazon opened for
# business" or "the club started a youth team".
_FOUND_ACTIVE = frozenset({"launch", "form", "debut"})
# "began its serialisation", "started its run": a work's own beginning, not one of its events.
_FIRST_RUN = frozenset({"serialisation", "serialization", "run", "publication", "broadcast",
                        "life"})
# A name inside "after X", "before X" orders events; the clause's date is not X's.
ORDER_PREPS = frozenset({"after", "before", "since", "until", "till", "following", "than",
                         "like", "unlike", "despite", "beyond"})
_STUDY = frozenset({"enrol", "enroll", "enter", "matriculate", "admit", "study", "attend"})
_OWN_DATE_TYPES = frozenset({"work", "organization", "other"})
# Verbs whose subject is a year and whose object is what happened in it.
_YEAR_BRINGS = frozenset({"bring", "see", "witness"})


def _time_subject(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.ent_type_ == "DATE" or s.lemma_.lower() in TIME_NOUNS or YEAR.fullmatch(s.text)
               for s in subjects)


def own_date_predicate(entity_type: str, lemma: str, verb: Token, active: bool) -> str | None:
    """What a verb says of a work or organisation's own date: released, created or founded."""
    if entity_type not in _OWN_DATE_TYPES:
        return None
    if lemma in ("begin", "start") and active and not any(
            c.lemma_.lower() in _FIRST_RUN for c in verb.children):
        return None
    if lemma == "come" and not any(c.lower_ == "out" for c in verb.children):
        return None
    if lemma == "dedicate" and any(c.lower_ == "to" for c in verb.children):
        return None  # "a memorial dedicated in 1994", not "a book dedicated to her mother"
    if lemma == "follow" and active and not any(c.dep_ == "dobj" for c in verb.children):
        return "released" if entity_type == "work" else None  # "The Edge of the Sea followed in"
    if lemma in ("sign", "conclude"):  # ("concluded the Basic Treaty": signed it)
        return "released" if entity_type in ("work", "other") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _DOCUMENTS for c in verb.children) else None
    if lemma in _SHOW and (entity_type != "work" or any(c.lower_ == "with"
                                                        for c in verb.children) and any(
            c.dep_ in ("dobj", "dative") and c.lower_ not in ("which", "that")
            for c in verb.children)):
        # "presented Bluebeard in 1977", not "presented her with its Medal" (but "which it
        # staged in 1942 with eighty costumes")
        return None
    if lemma == "deliver" and entity_type != "work":
        return None  # "delivered the Norton Lectures in 2009": a year of a series begun in 1925
    if lemma in _YEAR_BRINGS and _time_subject(verb):
        # "The year 1932 brought both Shanghai Express and X", "1969 saw Under the Glacier":
        # a year that brings a work is the work's
        return "released" if entity_type in ("work", "other") and not active else None
    if lemma == "go":  # "the Discman went on sale in 1984"
        on_sale = any(c.lower_ == "on" and any(g.lower_ == "sale" for g in c.children)
                      for c in verb.children)
        return "released" if on_sale else None
    if lemma == "fly" and not any(c.lower_ == "first" for c in verb.children):
        return None  # "first flew in 1957" dates the craft; "flew in 1961" is a mission
    if entity_type == "organization":
        if active and any(c.dep_ == "dobj" for c in verb.children):
            return None  # "Labour formed a red-green alliance": the body made something else
        return "founded" if lemma in (_FOUND_ACTIVE if active else _FOUND) else None
    if lemma in _ENACT:  # "was passed in 1998", "the law passed in 1998"; not "X passed Y"
        other = [c for c in verb.children if c.dep_ in ("dobj", "dative", "prt") or (
            c.dep_ == "prep" and c.lower_ not in ("in", "on", "by", "as"))]
        return None if other else "released"
    if lemma in RELEASE_VERBS:
        return "released"
    return "created" if lemma in _MAKE else None


def relation(
    kb: KBReader, agent: str | None, name: str | None, lemma: str,
    subject: ProfileSubject | None, *, received: bool = False,
) -> str | None:
    """The predicate the KB's fact between the agent and the name makes of this verb.

    ``received``: the agent is the one the verb gives to ("gave her X", "she was given X").
    """
    if not agent:
        return None
    facts = kb.facts(agent, tuple(_RELATIONS))
    props = {f.property for f in facts if f.value.entity_id == name} or {
        f.property for f in facts  # no fact names X itself: a post held at X ("chairman of X")
        if f.property == "P39" and any(q.entity_id == name for q in f.qualifiers.get("P642", ()))}
    if not props:
        return None
    if "P166" in props:
        given = received and lemma in _GIVE
        if lemma in _NOT_RECEIVED and not given and agent == getattr(subject, "kb_id", None):
            return None
        return "award"
    if props == {"P69"} or "P69" in props and lemma in _STUDY:
        # (a school the subject also worked at: "entered the University of Toronto")
        return "studied" if lemma in _STUDY else None
    member = props <= {"P54", "P463", "P102"}
    if lemma in START_VERBS:
        return "member" if member else "joined"
    if lemma in END_VERBS:
        return None if member else "left"
    if lemma in DURING_VERBS:
        return "member" if member else "worked_at"
    if props == {"P39"} and doer_post(kb, agent, name, lemma):
        return "position"  # "co-organises the Tour of Qatar": the KB's "co-organiser of" post
    return None


def doer_post(kb: KBReader, agent: str, name: str | None, lemma: str) -> str | None:
    """The post the agent holds at ``name`` that names the one who does ``lemma``, if any."""
    lemma = load_lexicon().lemma(lemma, "verb") or lemma  # ("organises": verb_lemma's guess)
    stem = re.escape(lemma[:-1] if lemma.endswith("e") else lemma)
    doer = re.compile(rf"\b{stem}(?:e?rs?|ors?|ing)?\b", re.I)
    return next((f.value.text for f in kb.facts(agent, ("P39",)) if doer.search(f.value.text)
                 and any(q.entity_id == name for q in f.qualifiers.get("P642", ()))), None)
