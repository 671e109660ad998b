"""``profile_layout``: sentence boundaries from the article's layout, set before the parser.

The stock parser glues a heading to the next sentence and splits "1988: Joined ..." after the
colon, losing the year. The parser respects boundaries set before it, so we set them here:
every block starts a sentence, and a heading or a dated bullet is one sentence.
(Setting only the label's tokens is not enough: the parser still splits after the colon.)
The parser also splits a title with a colon ("Programming: Principles and Practice Using C++"),
so the linker never sees it whole: a colon that the KB knows inside a title starts nothing.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_ALPHA, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from analysis.components.text import doc_text
from analysis.kb.api import KBReader
from analysis.kb.names import normalize_name
from analysis.layout import dateline
from analysis.models import Article

# Words before a title's colon that are looked up ("Sapiens", "Programming", "Harry Potter and
# the Philosopher's Stone" is past any profile's need).
_HEAD_WORDS = 6


class ProfileLayout:
    """Marks sentence starts at block starts; keeps headings, date labels and KB titles with a
    colon unbroken. The pipeline sets ``kb`` (a KBReader, or None)."""

    def __init__(self) -> None:
        self.kb: KBReader | None = None

    def __call__(self, doc: Doc) -> Doc:
        article: Article | None = doc._.article
        if article is None:
            return doc
        # One array read and written back: setting ``is_sent_start`` token by token cost as
        # much as the tagger on a long article.
        values = doc.to_array([SENT_START, IS_ALPHA, IS_SPACE])
        starts = values[:, 0].astype(np.int64)
        after_word = np.zeros(len(doc), dtype=bool)
        after_word[1:] = values[:-1, 1].astype(bool)
        after_word &= ~values[:, 2].astype(bool)
        for block in article.blocks:
            span = doc.char_span(block.start, block.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            first, end = span.start, span.end
            starts[first] = 1
            if block.kind in ("heading", "title") or block.date_label is not None:
                starts[first + 1 : end] = -1
            else:
                for i in self._title_continuations(doc, span):
                    starts[i] = -1
                if len(span) > 4:
                    # The parser sometimes cuts a block's opening name ("Margaret | Heafield
                    # was born ..."): no sentence is one or two words long.
                    starts[first + 1 : first + 3] = -1
                # nor starts a sentence after a word ("on the UNESCO | World Heritage List,
                # in 2016, ...", "Dois Maridos | (Dona Flor ...)"): edited prose ends one with
                # its punctuation
                inner = np.arange(first + 3, end)
                starts[inner[after_word[first + 3 : end]]] = -1
            if end < len(doc) and doc[end].is_space and end + 1 < len(doc):
                starts[end + 1] = 1
        found = dateline(article.text, article.blocks)
        if found is not None:
            # "TUCSON, Arizona, April 1, 1980 -- Jesse Owens ... died yesterday": the dateline
            # is no part of the sentence (the parser took "TUCSON" for the one who died)
            opening = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
            if opening is not None:
                starts[opening.start] = 1
        doc.from_array([SENT_START], starts.astype(np.uint64))
        return doc

    def _title_continuations(self, doc: Doc, span: Span) -> list[int]:
        """Tokens after a colon the KB knows inside a title ("Sapiens: A ..."): no sentence
        starts there."""
        titles = self.kb.colon_titles if self.kb is not None else None
        if not titles or ":" not in span.text:
            return []
        found, text = [], doc_text(doc)
        for token in span[1:-1]:
            if token.text != ":":
                continue
            following = normalize_name(doc[token.i + 1].text)
            end = doc[token.i - 1].idx + len(doc[token.i - 1].text)
            for first in range(token.i - 1, max(span.start, token.i - _HEAD_WORDS) - 1, -1):
                firsts = titles.get(normalize_name(text[doc[first].idx : end]))
                if firsts and following in firsts:
                    found.append(token.i + 1)
                    break
        return found


@Language.factory("profile_layout", assigns=["token.is_sent_start"])
def make_profile_layout(nlp: Language, name: str) -> ProfileLayout:
    return ProfileLayout()
