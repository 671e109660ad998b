"""The text of a Doc without rebuilding it.

``Doc.text`` joins every token's text on each access (a few milliseconds for a long article);
the pipeline's Docs are made from ``doc._.article.text``, so that string is the same text.
"""

from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, taken from the Doc's article when the Doc was made from it."""
    article = doc._.article if Doc.has_extension("article") else None
    text = getattr(article, "text", None)
    if isinstance(text, str) and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        return text
    return doc.text
