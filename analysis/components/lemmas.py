"""``profile_lemmas``: the model's rule lemmatizer, applied from a table of token keys.

Why: spaCy's rule lemmatizer visits every token as a Python ``Token`` to look up its cache; on
a profile that is one to two per cent of the whole parse. Its answer for a token depends only
on the token's form, part of speech and morphology (``Lemmatizer.rule_lemmatize`` and the
English ``is_base_form`` read nothing else), so the model's own lemmatizer works it out once
per distinct key and the table writes the lemmas back for the whole Doc in one array. The
lemmas are the same; a lemmatizer in another mode (lookup, trainable) is left in place.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

__all__ = ["LemmaTable", "use_lemma_table"]


class LemmaTable:
    """The lemmatizer's result per (form, POS, morphology) key, filled as keys are first seen."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue  # (an exception the attribute ruler set, as the lemmatizer would keep)
            key = (orth, pos, morph)
            value = self.cache.get(key)
            if value is None:
                value = self.cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("profile_lemmas")
def _make_table(nlp: Language, name: str) -> LemmaTable:
    return LemmaTable(nlp.get_pipe("lemmatizer"))


def use_lemma_table(nlp: Language) -> None:
    """Run the model's rule lemmatizer as a table, in its place."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if type(lemmatizer).__name__ not in ("Lemmatizer", "EnglishLemmatizer") or \
            getattr(lemmatizer, "mode", None) != "rule":
        return
    nlp.add_pipe("profile_lemmas", after="lemmatizer")
    nlp.remove_pipe("lemmatizer")
