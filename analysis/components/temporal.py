"""spaCy component ``profile_dates``: temporal expressions as ``doc._.timexes`` and spans.

The logic lives in ``analysis.timex``; this component only reads the reference date from
``doc._.ref_date`` (today when unset), stores the Timex list and the aligned spans
``doc.spans["dates"]`` (label = TIMEX3 type, ``kb_id_`` = TIMEX3 value).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from analysis.components.text import doc_text
from analysis.models import Article, Timex
from analysis.timex import find_timexes

SPAN_KEY = "dates"


def register_extensions() -> None:
    """Register ``doc._.ref_date`` and ``doc._.timexes`` once (safe to call repeatedly)."""
    for name in ("ref_date", "timexes"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")


def in_entry_years(
    timexes: list[Timex], article: Article | None, ref: date | None = None
) -> list[Timex]:
    """"1969: Born on 28 December": a date without a year inside a dated entry takes the
    entry's year, not the reference date's (one counted from another date, "the following
    year", keeps its own)."""
    if article is None:
        return timexes
    out = []
    for tx in timexes:
        block = next((b for b in article.blocks if b.date_label and b.start <= tx.start < b.end),
                     None)
        label_year = _YEAR.search(block.date_label) if block and block.date_label else None
        if (label_year and not _YEAR.search(tx.text) and tx.value[:4].isdigit()
                and len(label_year.group(0)) == 4
                and (ref is None or tx.value[:4] == f"{ref.year:04d}")):
            tx = replace(tx, value=label_year.group(0) + tx.value[4:])
        out.append(tx)
    return out


class TemporalTagger:
    """Tag every temporal expression of a Doc with its TIMEX3 type and value."""

    def __init__(self, name: str = "profile_dates") -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        ref = doc._.ref_date if isinstance(doc._.ref_date, date) else date.today()
        article = doc._.article if Doc.has_extension("article") else None
        timexes = in_entry_years(find_timexes(doc_text(doc), ref, doc), article, ref)
        doc._.timexes = timexes
        spans = []
        for timex in timexes:
            span = doc.char_span(
                timex.start, timex.end, label=timex.type, kb_id=timex.value,
                alignment_mode="expand",
            )
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Tag a stream of Docs (``nlp.pipe``); tagging is per Doc, so no batching."""
        for doc in docs:
            yield self(doc)


@Language.factory("profile_dates", assigns=["doc._.timexes", "doc.spans"])
def make_temporal_tagger(nlp: Language, name: str) -> TemporalTagger:
    """Build the ``profile_dates`` component (``nlp.add_pipe("profile_dates")``)."""
    return TemporalTagger(name)


__all__ = ["SPAN_KEY", "TemporalTagger", "make_temporal_tagger", "register_extensions"]
