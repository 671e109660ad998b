"""Tense of the clause around a temporal expression: does a bare "Friday" or "March" point
back (the last one) or forward (the next one)?

With a parsed spaCy Doc the verb governing the expression decides: a modal ("will meet
Friday"), an infinitive ("plans to leave Thursday") or a base form is the future, a past
form ("met Friday", "the year ended March 31") the past. Without a parse, cue words in a
window around the expression stand in for the verb.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FUTURE, PAST = "future", "past"
# Lexical cues when there is no parse. Modals and plans put the clause in the future.
_FUTURE_CUES = re.compile(
    r"(?:\b(?:will|shall|would|could|might|should|must|expects?|going to|is to|are to"
    r"|plans? to|planned to|planning to|scheduled|set to|expected to|due to|as soon as"
    r"|as early as)\b|'ll\b)",
    re.IGNORECASE,
)
# "-ed" after a determiner is an adjective ("the reduced dividend"), not a past verb.
_PLANNED_BEFORE = re.compile(
    r"\b(?:had been|was|were)\s+(?:due|scheduled|set|expected|supposed|planned|going)\s+to\b",
    re.IGNORECASE,
)
_PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|ago|(?<!the )(?<!\ba )(?<!\ban )(?<!its )(?<!still )\w{3,}ed)\b",
    re.IGNORECASE,
)
# Past participles that open a future clause rather than report a past event.
_NOT_PAST = re.compile(r"\b(?:scheduled|expected|planned|proposed|needed)\b", re.IGNORECASE)
_MODALS = {"will", "shall", "'ll", "wo", "would", "could", "might", "may", "ca", "can"}
_PAST_TAGS = {"VBD", "VBN"}


def lexical_tense(text: str, start: int, end: int, pos: int) -> str | None:
    """Tense from cue words in the clause around ``pos`` (sentence bounds ``start``-``end``)."""
    before = text[max(start, pos - 60) : pos]
    window = before + text[pos : min(end, pos + 12)]
    if _PLANNED_BEFORE.search(before):
        return PAST  # "had been due to expire Friday": a plan seen from the past
    if _FUTURE_CUES.search(window):
        return FUTURE
    clause = re.split(r"[,;:]", before)[-1]  # past cues only in the expression's own clause
    past = _PAST_CUES.search(_NOT_PAST.sub(" ", clause))
    return PAST if past else None


def parsed_tense(doc: Doc, starts: list[int], pos: int) -> str | None:
    """Tense of the verb governing the token at character ``pos`` (None: no verb found)."""
    index = bisect_right(starts, pos) - 1
    if index < 0 or not doc.has_annotation("DEP") or not doc.has_annotation("TAG"):
        return None
    verb = _governing_verb(doc[index])
    if verb is None:
        return None
    children = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
        return FUTURE
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in children):
        return FUTURE  # "plans to leave Thursday"
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in children):
        return PAST  # "was shot Friday", "had said"
    if verb.tag_ in _PAST_TAGS:
        return PAST
    return None


def _governing_verb(token: Token) -> Token | None:
    """The verb the expression hangs from, through prepositions ("on Friday") only."""
    current = token
    for _ in range(4):
        head = current.head
        if head is current:
            return current if current.pos_ in ("VERB", "AUX") else None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.pos_ not in ("ADP", "PROPN", "NUM") and head.dep_ != "prep":
            return None  # a noun or adjective in between: "the Oct. 23 slaying", "payable"
        current = head
    return None
