"""Name normalisation shared by the KB index and the entity linker.

Both sides of a lookup go through ``normalize_name``, so a mention matches a label whatever its
case, accents, quote style, possessive or punctuation: "Yann LeCun’s" and "yann lecun" meet.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping

# Typographic quotes and hyphens mapped to ASCII before anything else looks at the text.
_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-",
    }
)
# A possessive at the end of a word: "LeCun's" -> "LeCun"; "Jones'" loses its apostrophe below.
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
# Periods inside numbers carry meaning ("Llama 3.1"); inside words they are abbreviations
# ("U.S." -> "us"), as are apostrophes ("O'Brien" -> "obrien").
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_JOINERS = re.compile(r"(?<=\w)['.](?=\w)")
# Hyphens and ampersands between word characters are part of a name ("LeNet-5", "AT&T").
_INTERNAL = re.compile(r"(?<=[^\W_])[-&](?=[^\W_])")
# "C++", "C#", "Notepad++": a plus or hash closing a word is part of the name, or C++ and C
# would share one key.
_CLOSING = re.compile(r"(?<=[^\W_])(?:\+\+?|#)(?![\w+#])")
_PLACEHOLDER_POINT = "\x00"
_PLACEHOLDER = {"-": "\x01", "&": "\x02", "+": "\x03", "#": "\x04"}
_NOT_WORD = re.compile(r"[^\w\x00-\x04]+|_+")


def _strip_accents(text: str) -> str:
    # Articles often drop diacritics ("Universite"); folding both sides keeps them matching.
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# A pure function of its text, called for every candidate n-gram of every article (the same
# names recur across n-grams, mentions and articles): cached, bounded.
@functools.lru_cache(maxsize=1 << 16)
def normalize_name(text: str) -> str:
    """The lookup key of a name: casefolded, accent-free, punctuation-free, single-spaced.

    Internal hyphens, ampersands and decimal points are kept ("LeNet-5" -> "lenet-5",
    "AT&T" -> "at&t", "Llama 3.1" -> "llama 3.1"), and so are a plus or hash closing a word
    ("C++" -> "c++"); possessives are dropped ("LeCun’s" ->
    "lecun"); every other punctuation mark separates tokens ("Facebook (now Meta)" ->
    "facebook now meta").

    Args:
        text: a label, alias or mention as written.

    Returns:
        The normalised key; "" when nothing word-like remains.
    """
    text = unicodedata.normalize("NFKC", text).translate(_CHAR_MAP)
    text = _strip_accents(text).casefold()
    text = _POSSESSIVE.sub("", text)
    text = _DECIMAL_POINT.sub(_PLACEHOLDER_POINT, text)
    text = _JOINERS.sub("", text)
    text = _INTERNAL.sub(lambda m: _PLACEHOLDER[m.group()], text)
    text = _CLOSING.sub(lambda m: "".join(_PLACEHOLDER[c] for c in m.group()), text)
    text = _NOT_WORD.sub(" ", text)
    text = text.replace(_PLACEHOLDER_POINT, ".")
    for char, placeholder in _PLACEHOLDER.items():
        text = text.replace(placeholder, char)
    return " ".join(text.split())


def name_tokens(normalized: str) -> int:
    """The number of whitespace-separated tokens of an already normalised name."""
    return len(normalized.split())


# Where a description's head phrase ends: "1956 documentary film | by Jacques Cousteau",
# "cultural prize | of the city of Frankfurt".
_HEAD_END = re.compile(r"\s(?:of|by|in|for|from|at|on|with|about|based|directed|written|adapted|"
                       r"founded|awarded|given|set|starring|that|which|and)\b|[,;(]", re.I)


def head_noun(description: str) -> str | None:
    """The kind of thing a description names: its head phrase's last word, lower-cased."""
    head = _HEAD_END.split(description, maxsplit=1)[0].split()
    return head[-1].lower() if head else None


_WORDS = re.compile(r"\w+")


def colon_titles(names: Iterable[str]) -> dict[str, frozenset[str]]:
    """Titles with a colon ("Programming: Principles and Practice Using C++", "Sapiens: A Brief
    History of Humankind"): the part before the colon, normalised, mapped to the first words
    after it. The stock parser ends a sentence at such a colon; layout keeps the title whole.
    """
    found: dict[str, set[str]] = {}
    for name in names:
        before, colon, after = name.partition(":")
        after = after.strip()
        if not colon or not after[:1].isupper() and not after[:1].isdigit():
            continue
        head, tail = normalize_name(before), normalize_name(after).split()
        if head and tail:
            found.setdefault(head, set()).add(tail[0])
    return {head: frozenset(firsts) for head, firsts in found.items()}


def lowercase_names(names: Iterable[str]) -> dict[str, frozenset[str]]:
    """Names of three words or more that open on a lower-case word or a digit ("100 most
    influential people", "world championships in Beijing"): the first word, normalised, mapped
    to the whole names, normalised. The linker's candidates start at a capital; these it looks
    up word by word (a shorter lower-case name, "gold medal", is too common a phrase to link).
    """
    found: dict[str, set[str]] = {}
    for name in names:
        if not name[:1].islower() and not name[:1].isdigit():
            continue
        key = normalize_name(name)
        words = key.split()
        if len(words) >= 3:
            found.setdefault(words[0], set()).add(key)
    return {first: frozenset(keys) for first, keys in found.items()}


def merge_name_tables(
    tables: Iterable[Mapping[str, frozenset[str]]],
) -> dict[str, frozenset[str]]:
    """The ``colon_titles`` (or ``lowercase_names``) of several KBs read as one."""
    merged: dict[str, frozenset[str]] = {}
    for table in tables:
        for head, firsts in table.items():
            merged[head] = merged.get(head, frozenset()) | firsts
    return merged


def title_tails(names: Iterable[str]) -> frozenset[str]:
    """Last words of titles that start with a capital and end in a lower-case word ("La Vie en
    rose", "Hymne à l'amour"): the linker lets a name end on such a word only when a KB name
    does, instead of on any word."""
    tails = set()
    for name in names:
        words = _WORDS.findall(name)
        if len(words) >= 2 and name[:1].isupper() and words[-1][:1].islower():
            tails.add(words[-1].lower())
    return frozenset(tails)
