"""Fact-check articles end to end: ingest, pipeline, checks, readability, topics -> reports."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from analysis.checks.registry import run_checks
from analysis.ingest import read_article
from analysis.kb.api import KBReader
from analysis.models import Article
from analysis.pipeline import set_kb
from analysis.readability import score_readability
from analysis.report.build import build_report
from analysis.run import Analysis, Analyzer, open_kb
from analysis.topics import analyze_article_topics


class Checker:
    """A loaded KB and pipeline, reused across articles."""

    def __init__(
        self,
        *,
        model: str | None = None,
        kb_paths: Sequence[Path] = (),
        bundled_kb: bool = True,
        kb: KBReader | None = None,
    ) -> None:
        self.kb = kb if kb is not None else open_kb(kb_paths, bundled=bundled_kb)
        self.analyzer = Analyzer(model, kb=self.kb)

    def use_kb(self, kb: KBReader | None) -> None:
        """Check against another KB without reloading the model (evaluation, batch workers)."""
        self.kb = kb
        set_kb(self.analyzer.nlp, kb)
        self.analyzer.kb = kb

    def report(
        self, analysis: Analysis, as_of: date | None = None, topics: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """The article's report; ``topics``, when given, is its ready ``topics`` key."""
        when = as_of or analysis.article.date or date.today()
        result, flags = run_checks(analysis, self.kb, when)
        return build_report(
            analysis, result, flags, kb=self.kb, as_of=when,
            readability=score_readability(analysis.article, analysis.sentences),
            topics=topics if topics is not None else analyze_article_topics(analysis.article),
        )

    def check_paths(
        self,
        paths: Iterable[Path],
        as_of: date | None = None,
        topics: Callable[[Article], dict[str, Any] | None] | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Reports in the order of ``paths``; ``as_of`` also anchors relative dates.

        ``topics`` may supply an article's topics computed elsewhere (``TopicPrefetch.get``);
        when it returns None they are computed here.
        """
        articles = (read_article(p) for p in paths)
        for analysis in self.analyzer.analyze_many(articles, as_of):
            found = topics(analysis.article) if topics is not None else None
            yield self.report(analysis, as_of, found)
