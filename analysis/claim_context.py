"""What claim extraction shares: the per-article context and the syntax word lists."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from analysis.models import Article, Mention, Timex
from analysis.subject import ProfileSubject

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
INHERIT_DEPS = frozenset(
    {"conj", "xcomp", "advcl", "ccomp", "pcomp", "relcl", "acl", "prep", "pobj"}
)
WITH_WORDS = frozenset({"with", "alongside", "and", "beside"})
DATED_TYPES = frozenset({"DATE"})
# Nouns that name a stretch of time: "the year 2009 brought", "1965, the year he set up X".
TIME_NOUNS = frozenset("year decade season month week day summer spring autumn fall winter "
                       "century era".split())
# "left Princeton for Stony Brook": the name after "for" is where the subject went
FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
RELATIVE_TEXT = re.compile(
    r"\b(later|after|afterwards|earlier|before|ago|previous|next|"
    r"following)\b",
    re.I,
)
LEAD_VERBS = frozenset({"lead", "head", "direct", "chair", "run", "preside"})
MEMBER_ROLES = frozenset({"fellow", "member", "associate", "academician"})
PRESENT_PHRASES = re.compile(r"\b(these days|at present|to this day|as of today)\b", re.I)
YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")
AWARD_VERBS = frozenset(
    {"award", "win", "co-win", "honor", "honour", "present", "give", "grant", "bestow", "confer"}
)
# Predicates whose subject is a person: a non-name subject of these is the profile's subject.
PERSON_PREDICATES = frozenset(
    {"born", "died", "studied", "joined", "worked_at", "left", "position", "award", "advisor"}
)
# Clauses that share their governor's date: "joining X in 2013 to lead Y".
EMBEDDED_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl", "pobj", "prep", "dobj", "oprd"})
CLAUSE_BREAKS = frozenset({",", ";", "and", "but", "while", "whereas", "—", "–"})


@dataclass
class ClaimContext:
    doc: Doc
    article: Article
    subject: ProfileSubject | None
    mention_at: dict[int, Mention]
    timexes: list[Timex]

    @functools.cached_property
    def mentions(self) -> list[Mention]:
        """Each mention once, in text order (``mention_at`` maps every token of a name)."""
        return sorted(dict.fromkeys(self.mention_at.values()), key=lambda m: m.start)

    def mention_at_char(self, offset: int) -> Mention | None:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return self.mention_at.get(span.start) if span is not None else None
