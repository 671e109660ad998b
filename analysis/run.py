"""Run the pipeline over articles: the one place that wires ingest, KB, spaCy and claims together.

Commands and batch jobs call ``Analyzer``; nothing here knows about output formats.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from analysis.kb.api import KBReader
from analysis.models import Article, Claim, Mention, Timex
from analysis.pipeline import analyze_many, load_pipeline, sentence_spans
from analysis.subject import ProfileSubject


@dataclass(frozen=True)
class Analysis:
    """Everything the checks and reports need about one article."""

    article: Article
    ref_date: date
    sentences: list[tuple[int, int]]
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    subject: ProfileSubject | None = None


def open_kb(kb_paths: Sequence[Path] = (), *, bundled: bool = True) -> KBReader:
    """The KB of a run: the bundled KB (unless ``bundled`` is False) plus ``--kb`` paths."""
    from analysis.kb.loader import bundled_kb_dir, load_kb

    if bundled and bundled_kb_dir() is None:
        # Not an error (a run with --kb only is fine), but a silent empty KB would make every
        # claim "unverifiable" without saying why.
        sys.stderr.write(
            "factcheck: warning: the bundled KB (corpus/kb) was not found; install from a "
            "checkout with 'pip install -e .' or set FACTCHECK_BUNDLED_KB\n"
        )
    return load_kb(list(kb_paths), bundled=bundled)


class Analyzer:
    """A loaded pipeline; reuse it across articles (loading the model is the slow part)."""

    def __init__(
        self,
        model: str | None = None,
        *,
        kb: KBReader | None = None,
        components: Iterable[str] | None = None,
    ) -> None:
        self.kb = kb
        self.nlp: Language = load_pipeline(model, kb=kb, components=components)

    def analyze(self, article: Article, ref_date: date | None = None) -> Analysis:
        return next(self.analyze_many([article], ref_date))

    def analyze_many(
        self, articles: Iterable[Article], ref_date: date | None = None, batch_size: int = 8
    ) -> Iterator[Analysis]:
        for article, doc in analyze_many(self.nlp, articles, ref_date, batch_size):
            yield to_analysis(article, doc)


def to_analysis(article: Article, doc: Doc) -> Analysis:
    """Copy what the Doc learned into plain records (the Doc itself is not kept)."""
    return Analysis(
        article=article,
        ref_date=doc._.ref_date,
        sentences=sentence_spans(doc),
        timexes=list(doc._.timexes or []) if doc.has_extension("timexes") else [],
        mentions=list(doc._.mentions or []) if doc.has_extension("mentions") else [],
        claims=list(doc._.claims or []) if doc.has_extension("claims") else [],
        subject=doc._.subject if doc.has_extension("subject") else None,
    )
