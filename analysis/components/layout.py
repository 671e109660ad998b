"""``profile_layout``: sentence boundaries from the article's layout, set before the parser.

The stock parser glues a heading to the next sentence and splits "1988: Joined ..." after the
colon, losing the year. The parser respects boundaries set before it, so we set them here:
every block starts a sentence, and a heading or a dated bullet is one sentence.
(Setting only the label's tokens is not enough: the parser still splits after the colon.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from analysis.models import Article


class ProfileLayout:
    """Marks sentence starts at block starts; keeps headings and date labels unbroken."""

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
            elif len(span) > 4:
                # The parser sometimes cuts a block's opening name ("Margaret | Heafield was
                # born ..."): no sentence is one or two words long.
                for token in span[1:3]:
                    token.is_sent_start = False
            after = span.end
            if after < len(doc) and doc[after].is_space and after + 1 < len(doc):
                doc[after + 1].is_sent_start = True
        return doc


@Language.factory("profile_layout", assigns=["token.is_sent_start"])
def make_profile_layout(nlp: Language, name: str) -> ProfileLayout:
    return ProfileLayout()
