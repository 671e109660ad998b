"""``profile_layout``: sentence boundaries from the article's layout, set before the parser.

The stock parser glues a heading to the next sentence and splits "1988: Joined ..." after the
colon, losing the year. The parser respects boundaries set before it, so we set them here:
every block starts a sentence, and a heading or a dated bullet is one sentence.
(Setting only the label's tokens is not enough: the parser still splits after the colon.)
The parser also splits a title with a colon ("Programming: Principles and Practice Using C++"),
so the linker never sees it whole: a colon that the KB knows inside a title starts nothing.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

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
        for block in article.blocks:
            span = doc.char_span(block.start, block.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            span[0].is_sent_start = True
            keep_whole = block.kind in ("heading", "title") or block.date_label is not None
            if keep_whole:
                for token in span[1:]:
                    token.is_sent_start = False
            else:
                self._keep_titles(doc, span)
                if len(span) > 4:
                    # The parser sometimes cuts a block's opening name ("Margaret | Heafield
                    # was born ..."): no sentence is one or two words long.
                    for token in span[1:3]:
                        token.is_sent_start = False
                # nor starts a sentence after a word ("on the UNESCO | World Heritage List,
                # in 2016, ...", "Dois Maridos | (Dona Flor ...)"): edited prose ends one with
                # its punctuation
                for token in span[3:]:
                    if doc[token.i - 1].is_alpha and not token.is_space:
                        token.is_sent_start = False
            after = span.end
            if after < len(doc) and doc[after].is_space and after + 1 < len(doc):
                doc[after + 1].is_sent_start = True
        found = dateline(article.text, article.blocks)
        if found is not None:
            # "TUCSON, Arizona, April 1, 1980 -- Jesse Owens ... died yesterday": the dateline
            # is no part of the sentence (the parser took "TUCSON" for the one who died)
            opening = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
            if opening is not None:
                opening[0].is_sent_start = True
        return doc

    def _keep_titles(self, doc: Doc, span: Span) -> None:
        """No sentence starts after a colon the KB knows inside a title ("Sapiens: A ...")."""
        titles = self.kb.colon_titles if self.kb is not None else None
        if not titles or ":" not in span.text:
            return
        for token in span[1:-1]:
            if token.text != ":":
                continue
            following = normalize_name(doc[token.i + 1].text)
            end = doc[token.i - 1].idx + len(doc[token.i - 1].text)
            for first in range(token.i - 1, max(span.start, token.i - _HEAD_WORDS) - 1, -1):
                firsts = titles.get(normalize_name(doc.text[doc[first].idx : end]))
                if firsts and following in firsts:
                    doc[token.i + 1].is_sent_start = False
                    break


@Language.factory("profile_layout", assigns=["token.is_sent_start"])
def make_profile_layout(nlp: Language, name: str) -> ProfileLayout:
    return ProfileLayout()
