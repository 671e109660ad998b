"""Finding entity mentions in a parsed Doc: NER spans, proper-noun chunks and KB name n-grams.

The stock English model misses or mislabels many names in profiles (product names with digits,
"X and Y University", a school cut to its city), so mentions come from three sources and the
longest name the KB knows wins. All functions work on token indices and return ``Candidate``s;
linking is ``analysis.components.linker``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from analysis.components.text import doc_text
from analysis.vocabulary import WORK_NOUNS

# NER labels that name things a profile's facts are about; the others are dates and amounts.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
)
# Tokens inside these entities are never part of a name ("July 2024", "2018", "first").
NON_ENTITY_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)
# Words that join two capitalised parts into one name: "Center for Data Science", "AT&T".
CONNECTORS = frozenset({"of", "and", "for", "&", "de", "du", "des", "la", "von", "van", "der"})
# Characters that glue a name together when written without spaces: "Labs-Research", "AT&T".
GLUE = frozenset({"-", "&", "/", "+"})
# Punctuation after which a capital letter starts a clause rather than marks a name.
OPENERS = frozenset({"“", '"', "‘", "(", "[", ":", "-", "—", "–", "•", "*"})
# Roman numerals that end names ("Harvard Mark I", "World War II").
ROMAN = re.compile(r"[IVX]{1,4}")
# Words that, inside brackets after a name, say the bracketed name is the same entity.
SAME_AS = frozenset({"now", "formerly", "later", "previously", "then", "aka", "née", "nee", "ex"})
# Methods in order of preference when two sources propose the very same span.
SOURCE_RANK = {"ner": 0, "chunk": 1, "kb": 2}


@dataclass
class Candidate:
    """A proposed mention: tokens ``start:end`` of the Doc, where it came from, its NER label."""

    start: int
    end: int
    source: str
    ner_label: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start


def _is_break(tok: Token) -> bool:
    """A newline token or a possessive marker: a name never runs across either."""
    return ("\n" in tok.text and tok.is_space) or tok.tag_ == "POS" or "\n" in tok.whitespace_


def _is_numberish(tok: Token) -> bool:
    return tok.ent_type_ in NON_ENTITY_LABELS or (tok.like_num and tok.ent_type_ == "")


def _clause_start(tok: Token) -> bool:
    """First word of a sentence, line, quote or bracket, where any word is capitalised."""
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return "\n" in prev.whitespace_ or prev.is_space or prev.text in OPENERS


def _proper(tok: Token) -> bool:
    """A proper noun (or a word mixing letters and digits, "GPT-4") outside dates and numbers."""
    if tok.ent_type_ in NON_ENTITY_LABELS or tok.is_punct or tok.is_space:
        return False
    text = tok.text
    if text.isupper() and text.lower() in _CAPS_FUNCTION_WORDS and _in_capitals(tok):
        return False  # "DIES IN PARIS AT 54": a headline's function words are no names
    # The tagger calls some lowercase words PROPN ("viral tech demos"); names are written big.
    if tok.pos_ == "PROPN" and any(c.isupper() for c in text):
        return True
    return not text.isalpha() and any(c.isdigit() for c in text) and any(
        c.isalpha() for c in text)


_CAPS_FUNCTION_WORDS = frozenset(
    "a an the at in on of to for from by with as and or but who which that is was dies died "
    "wins won".split())


def _in_capitals(tok: Token) -> bool:
    """The words on both sides are written in capitals too (a headline in capitals)."""
    doc = tok.doc
    sides = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc) and doc[i].is_alpha]
    return bool(sides) and all(t.text.isupper() for t in sides)


def _namey(tok: Token) -> bool:
    """Could this token carry a name? Proper nouns, and capitals that are not clause-initial."""
    if _proper(tok):
        return True
    if tok.ent_type_ in NON_ENTITY_LABELS or tok.is_punct or tok.is_space or tok.is_stop:
        return False
    # A capital at the start of a sentence says nothing ("Born", "In"); elsewhere it does, and
    # so it does where NER found a name ("1983: Aké: The Years of Childhood").
    return any(c.isupper() for c in tok.text) and (not _clause_start(tok) or bool(tok.ent_type_))


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading/trailing determiners, connectors, punctuation, numbers that are not names."""

    def weak(tok: Token) -> bool:
        return (
            tok.is_punct
            or tok.is_space
            or tok.pos_ in {"DET", "ADP", "CCONJ", "PART"}
            or tok.lower_ in CONNECTORS
            or tok.ent_type_ in NON_ENTITY_LABELS
        )

    while start < end and (weak(doc[start]) or _is_numberish(doc[start])):
        start += 1
    while end > start and weak(doc[end - 1]):
        end -= 1
    return start, end


def split_clean(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield the clean name pieces of tokens ``start:end``, split at newlines and possessives."""
    piece = start
    for i in range(start, end + 1):
        at_end = i == end
        if at_end or _is_break(doc[i]):
            stop = i if at_end or doc[i].tag_ == "POS" or doc[i].is_space else i + 1
            s, e = _trim(doc, piece, stop)
            if e > s and any(_namey(doc[k]) for k in range(s, e)):
                yield s, e
            piece = i + 1


def ner_mentions(doc: Doc) -> list[Candidate]:
    """Named entities of the kinds a profile is about, cleaned ("the 2018 Turing Award")."""
    found = []
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            found.extend(
                Candidate(s, e, "ner", ent.label_) for s, e in split_clean(doc, ent.start, ent.end)
            )
    return found


def _joins(doc: Doc, i: int) -> bool:
    """Token ``i`` joins the name before it to the capitalised word after it."""
    tok = doc[i]
    if i + 1 >= len(doc) or not _proper(doc[i + 1]) or _is_break(tok):
        return False
    if tok.lower_ in CONNECTORS and not tok.is_sent_start:
        return True
    # "Labs-Research", "AT & T" without spaces: glue characters written tight.
    return tok.text in GLUE and not doc[i - 1].whitespace_ and not tok.whitespace_


def _version_suffix(doc: Doc | list[Token], i: int) -> bool:
    """A number right after a name is part of it ("SAM 2", "Llama 3.1"), unless it is a date.
    (The tagger calls "2" in "AlphaFold 2" a cardinal; a short number still ends a name.)"""
    tok = doc[i]
    numeric = tok.like_num or ROMAN.fullmatch(tok.text) is not None  # "Mark I", "Llama 3.1"
    # "Gemini 8": the tagger may call a short number after a name a DATE
    short = tok.ent_type_ in ("CARDINAL", "DATE") and (len(tok.text) <= 2 or "." in tok.text)
    return numeric and (tok.ent_type_ not in NON_ENTITY_LABELS or short) and not _is_break(
        doc[i - 1])


def _glued(doc: Doc | list[Token], i: int) -> bool:
    """Token ``i`` is the tail of a tight compound ("labs-research"): a name may end there."""
    return (
        i >= 2
        and doc[i - 1].text in GLUE
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i].is_alpha
    )


def chunk_mentions(doc: Doc) -> list[Candidate]:
    """Runs of proper nouns, joined by connectors and glue, with a trailing version number."""
    found: list[Candidate] = []
    i, n = 0, len(doc)
    while i < n:
        if not _proper(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _proper(doc[j]) and not _is_break(doc[j - 1]):
                j += 1
            elif j + 1 < n and _joins(doc, j) and _proper(doc[j - 1]):
                j += 2
            elif _version_suffix(doc, j):
                j += 1
                break
            else:
                break
        pieces = split_clean(doc, i, j)
        found.extend(Candidate(s, e, "chunk") for s, e in pieces if not _weak_chunk(doc, s, e))
        i = j
    return found


def _weak_chunk(doc: Doc, start: int, end: int) -> bool:
    """One capitalised word opening a sentence or bullet ("Programming in Python"): the tagger
    often calls such words PROPN, so alone they need another sign (acronym, digits, NER)."""
    tok = doc[start]
    if end - start > 1 or not _clause_start(tok) or tok.ent_type_:
        return False
    return not (tok.text.isupper() or any(c.isdigit() for c in tok.text))


def _segments(doc: Doc) -> Iterator[tuple[int, int]]:
    """Sentences (or the whole Doc without a parser), further cut at line breaks."""
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        piece = sent.start
        for i in range(sent.start, sent.end):
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                yield piece, i + (0 if doc[i].is_space else 1)
                piece = i + 1
        if piece < sent.end:
            yield piece, sent.end


_OPENER_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "X"})


def _capital_opener(tok: Token) -> bool:
    # a capitalised function word inside a sentence opens a title ("..., No Future Without
    # Forgiveness,", "Its sequel, From Third World to First,"): the KB decides
    return tok.text[:1].isupper() and tok.is_alpha and (
        tok.pos_ in _OPENER_POS or not _clause_start(tok))


def _numeric_title(tok: Token) -> bool:
    """"His final album, 12, ...", "the album 25": a number that a work noun names; the KB
    decides whether it is a title."""
    doc, i = tok.doc, tok.i
    return tok.is_digit and i > 1 and (
        doc[i - 1].lemma_.lower() in WORK_NOUNS
        or doc[i - 1].text == "," and doc[i - 2].lemma_.lower() in WORK_NOUNS)


def _named_by_apposition(tok: Token) -> bool:
    """"North, his fourth collection, ...": a capitalised word the next words describe."""
    doc = tok.doc
    return (tok.text[:1].isupper() and tok.is_alpha and tok.i + 2 < len(doc)
            and doc[tok.i + 1].text == ","
            and (doc[tok.i + 2].lower_ in ("his", "her", "their", "its", "the", "a", "an")
                 or doc[tok.i + 2].tag_ == "VBN"  # "Ficciones, published in 1941, ..."
                 # "CUDA, NVIDIA's recent platform"
                 or tok.i + 3 < len(doc) and doc[tok.i + 3].tag_ == "POS"))


# Lower-case particles that open surnames ("von Mises", "van Gogh", "de Gaulle", "al-Khwarizmi")
_PARTICLES = frozenset("von van de da di du del della der den des le la ten ter bin ibn al el "
                       "dos das".split())


def name_ngrams(
    doc: Doc, max_words: int, normalize: Callable[[str], str],
    tails: frozenset[str] = frozenset(),
) -> dict[str, list[tuple[int, int]]]:
    """Normalised n-grams (up to ``max_words`` words) of each sentence that could be names.

    An n-gram starts and ends on a name-like token or a version number, holds at least one
    name-like token and stays inside a sentence line, so the KB is asked about a few hundred
    strings per article rather than about every word sequence.
    """
    grams: dict[str, list[tuple[int, int]]] = {}
    # Token tests computed once: the inner loop visits each token up to max_words times. (One
    # list of Token objects: each ``doc[i]`` would build a new one.)
    toks = list(doc)
    namey = [_namey(t) for t in toks]
    lowers = [t.lower_ for t in toks]
    article_before = [i > 0 and lowers[i - 1] in ("a", "an", "the") for i in range(len(toks))]
    # A title may open with a capitalised common word ("Love in the Time of Cholera" opening a
    # sentence, "The Two Fridas") and open or end on a capitalised function word or ordinal
    # inside a sentence ("From Third World to First"): such words bound n-grams; the KB decides.
    opener = [_capital_opener(t) for t in toks]
    described = [_named_by_apposition(t) or _numeric_title(t) for t in toks]
    # A KB title may end on a lower-case word ("La Vie en rose"): ``tails`` are those words.
    # ... or on a number after "the" ("Manifesto of the 343")
    can_end = [namey[j] or described[j] or (j > 0 and (
        opener[j] or _version_suffix(toks, j) or _glued(toks, j) or lowers[j] in tails
        or lowers[j - 1] == "the" and toks[j].is_digit))
        for j in range(len(toks))]
    # A KB name may hold a possessive ("King's College", "President's Council"): the n-gram may
    # cross one, and only the KB's answer decides whether "Meta's Llama" is one name.
    stops = [t.is_space for t in toks]
    gap = [bool(t.whitespace_) for t in toks]
    # An n-gram's text sliced from the Doc's text (what Span.text returns, without building a
    # Span and joining its tokens for each of the thousands of n-grams).
    text = doc_text(doc)
    starts = [t.idx for t in toks]
    ends = [t.idx + len(t.text) for t in toks]
    # "Play Magnus, the company he co-founded": a capitalised word opening a sentence may
    # open a name when a name-like word follows it (the KB decides)
    # ... and so may a number before a name-like word ("21 Lessons for the 21st Century")
    # ... and so may a surname's particle ("after von Mises died": "von Mises")
    # ... and a capitalised word before an article or a preposition and a name ("Beneath the
    # Wheel, published in 1906", "Searching for Bobby Fischer, the 1993 film")
    # ... and so may any capitalised word opening a sentence ("If This Is a Man, which
    # first appeared in 1947") or a line's entry ("2001: My Name Is Red"): the KB decides
    can_start = [namey[i] or opener[i] or described[i] or (
        toks[i].is_alpha and toks[i].text[:1].isupper() and _clause_start(toks[i])) or (
        i + 1 < len(toks) and namey[i + 1] and (
            toks[i].is_alpha and toks[i].text[:1].isupper() or toks[i].is_digit
            or lowers[i] in _PARTICLES)) or (
        i + 2 < len(toks) and namey[i + 2] and (article_before[i + 2] or toks[i + 1].pos_ == "ADP")
        and toks[i].is_alpha and toks[i].text[:1].isupper())
        for i in range(len(toks))]
    for seg_start, seg_end in _segments(doc):
        for i in range(seg_start, seg_end):
            if not can_start[i]:
                continue
            words = 1
            for j in range(i, seg_end):
                words += j > i and gap[j - 1]
                if words > max_words or stops[j]:
                    break
                if can_end[j]:
                    key = normalize(text[starts[i] : ends[j]])
                    if key:
                        grams.setdefault(key, []).append((i, j + 1))
                    if article_before[i]:
                        # "A Brief History of Time", "The Devil Wears Prada": titles that
                        # begin with an article the KB keeps
                        key = normalize(text[starts[i - 1] : ends[j]])
                        grams.setdefault(key, []).append((i - 1, j + 1))
    return grams


_QUOTE_MARKS = ("“", "”", '"')


def quoted_titles(doc: Doc, normalize: Callable[[str], str]) -> dict[str, list[tuple[int, int]]]:
    """Quoted strings of 2-16 words, which may be titles the KB knows ("On Computable Numbers,
    with an Application to the Entscheidungsproblem"): only a KB match makes them mentions."""
    found: dict[str, list[tuple[int, int]]] = {}
    opened: int | None = None
    for tok in doc:
        if tok.text not in _QUOTE_MARKS:
            continue
        if opened is None or tok.text == "“":
            opened = tok.i + 1
            continue
        start, end = opened, tok.i
        opened = None
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if 2 <= end - start <= 16:
            key = normalize(doc[start:end].text)
            if key:
                found.setdefault(key, []).append((start, end))
    return found


_OWNERS = frozenset({"its", "their"})
_TITLE_LINKS = frozenset({"of", "the", "for", "and", "in"})


def owned_titles(doc: Doc, normalize: Callable[[str], str]) -> dict[str, list[tuple[int, int]]]:
    """"FIFA made him its Player of the Century", "won X and the tournament's Golden Ball": a
    title after "its" or "the <event>'s" may be named in full with its owner ("FIFA Player of
    the Century"). Keyed by each full name the sentence's earlier names make, spanning the
    title: only a name the KB knows becomes a mention."""
    found: dict[str, list[tuple[int, int]]] = {}
    for tok in doc:
        owned = tok.lower_ in _OWNERS or (
            tok.text in ("'s", "’s") and tok.i >= 2 and doc[tok.i - 1].lower_ in _EVENT_OWNERS
            and doc[tok.i - 2].lower_ == "the")
        if not owned or tok.i + 1 >= len(doc) or not doc[tok.i + 1].is_title:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 8 and (
                doc[end].is_title or doc[end].lower_ in _TITLE_LINKS):
            end += 1
        while not doc[end - 1].is_title:
            end -= 1
        for owner in _names_before(doc, tok):
            key = normalize(f"{owner} {doc[tok.i + 1 : end].text}")
            found.setdefault(key, []).append((tok.i + 1, end))
    return found


_EVENT_OWNERS = frozenset({"tournament", "championship", "championships", "festival",
                           "competition", "contest", "games", "league", "academy", "society",
                           "organisation", "organization", "foundation", "club", "event"})


def _names_before(doc: Doc, tok: Token) -> list[str]:
    """The runs of proper nouns before ``tok`` in its sentence, nearest first."""
    runs: list[str] = []
    i = tok.i - 1
    while i >= tok.sent.start:
        if doc[i].pos_ != "PROPN":
            i -= 1
            continue
        end = i + 1
        while i >= tok.sent.start and doc[i].pos_ == "PROPN":
            i -= 1
        runs.append(doc[i + 1 : end].text)
    return runs


def select_mentions(known: list[Candidate], unknown: list[Candidate], doc: Doc) -> list[Candidate]:
    """Pick non-overlapping mentions: the longest KB-known names first, then the rest.

    An unknown span that overlaps a known one keeps only its clean leftover pieces, so that
    "Bell Labs President Bob Smith" gives "Bell Labs" and "President Bob Smith".
    """
    taken = [False] * len(doc)
    chosen: list[Candidate] = []

    def order(c: Candidate) -> tuple[int, int, int]:
        return (-c.length, c.start, SOURCE_RANK.get(c.source, 9))

    for cand in sorted(known, key=order):
        if not any(taken[cand.start : cand.end]):
            taken[cand.start : cand.end] = [True] * cand.length
            chosen.append(cand)
    for cand in sorted(unknown, key=order):
        for s, e in _free_pieces(taken, cand.start, cand.end):
            for s2, e2 in split_clean(doc, s, e):
                if not any(taken[s2:e2]):
                    taken[s2:e2] = [True] * (e2 - s2)
                    chosen.append(Candidate(s2, e2, cand.source, cand.ner_label))
    return sorted(chosen, key=lambda c: c.start)


def _free_pieces(taken: list[bool], start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = start
    for i in range(start, end + 1):
        if i == end or taken[i]:
            if i > piece:
                yield piece, i
            piece = i + 1


def same_as(left: Span, right: Span) -> bool:
    """``right`` is bracketed after ``left`` as another name of it: "Facebook (now Meta)",
    "its AI Research lab (FAIR)" (an acronym holding the name's capitals in order)."""
    doc = left.doc
    toks = [t for t in doc[left.end : right.start] if not t.is_space]
    # A common noun or two may end the named phrase before the bracket ("lab (FAIR)").
    for _ in range(2):
        if len(toks) > 1 and toks[0].pos_ == "NOUN" and toks[0].is_lower:
            toks = toks[1:]
    words = [t.lower_ for t in toks]
    if not words or words[0] != "(" or right.end >= len(doc) or doc[right.end].text != ")":
        return False
    if len(words) > 1:
        return all(w in SAME_AS for w in words[1:])
    return _acronym_of(right.text, left.text)


def _acronym_of(short: str, name: str) -> bool:
    """``short`` is an all-capitals word whose letters contain the name's capitals in order."""
    if not (short.isupper() and short.isalpha() and 2 <= len(short) <= 8):
        return False
    letters = iter(short)
    capitals = [c for c in name if c.isupper()]
    return len(capitals) >= 2 and all(c in letters for c in capitals)
