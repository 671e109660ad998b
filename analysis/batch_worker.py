"""The worker side of a batch: check a chunk of articles with a Checker loaded once per worker.

The same function runs in the local process pool and on Dask workers, so both give the same
reports. A worker keeps one Checker per settings (model + KB) for its whole life; the Checker
is thread-local because spaCy pipelines and SQLite connections must not be shared between
threads (a Dask worker may run several threads).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from analysis.errors import FactcheckError

_LOCAL = threading.local()


@dataclass(frozen=True)
class BatchSettings:
    """What every worker needs to build its Checker and render reports (picklable)."""

    model: str | None = None
    kb_paths: tuple[str, ...] = ()
    bundled_kb: bool = True
    as_of: date | None = None
    formats: tuple[str, ...] = ("json",)
    batch_size: int = 4

    def key(self) -> dict[str, Any]:
        """The settings that change a report (part of every article's job key)."""
        from analysis import __version__

        return {
            "as_of": self.as_of.isoformat() if self.as_of else f"auto:{date.today()}",
            "model": self.model or "",
            "formats": sorted(self.formats),
            "tool": __version__,
        }


@dataclass
class ArticleResult:
    """What a worker sends back for one article: its summary row and rendered files."""

    path: str
    row: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)


def get_checker(settings: BatchSettings) -> Any:
    """This thread's Checker for ``settings`` (built on first use: model + KB load once)."""
    from analysis.checking import Checker

    cache: dict[tuple, Any] = getattr(_LOCAL, "checkers", None) or {}
    _LOCAL.checkers = cache
    ident = (settings.model, settings.kb_paths, settings.bundled_kb)
    if ident not in cache:
        cache.clear()  # one pipeline per thread: a new KB or model replaces the old one
        cache[ident] = Checker(
            model=settings.model,
            kb_paths=[Path(p) for p in settings.kb_paths],
            bundled_kb=settings.bundled_kb,
        )
    return cache[ident]


def error_row(path: str, message: str, sha256: str = "") -> dict[str, Any]:
    return {"path": path, "status": "error", "error": message, "sha256": sha256}


def summary_row(path: str, report: dict[str, Any]) -> dict[str, Any]:
    """The per-article line of the corpus summary, taken from its report."""
    summary = report["summary"]
    article = report["article"]
    readability = (report.get("readability") or {}).get("article") or {}
    topics = report.get("topics") or {}
    mix = topics.get("mix") or []
    ranked = sorted(zip(mix, topics.get("topics") or [], strict=False), key=lambda p: -p[0])
    return {
        "path": path,
        "status": "ok",
        "error": "",
        "sha256": article.get("sha256", ""),
        "title": article.get("title") or "",
        "words": article.get("words", 0),
        "claims": dict(summary["claims"]),
        "flags": dict(summary["flags"]),
        "readability_grade": readability.get("text_standard") if readability.get("scored")
        else None,
        "topics": [t["label"] for w, t in ranked[:3] if w > 0],
    }


def render_files(report: dict[str, Any], formats: Sequence[str]) -> dict[str, str]:
    """Every requested format of one report, by file name (rendered before anything is written)."""
    from analysis.report.render import file_name, render_file

    return {file_name(fmt): render_file(report, fmt) for fmt in formats}


def _one(checker: Any, path: str, analysis: Any, settings: BatchSettings) -> ArticleResult:
    try:
        report = checker.report(analysis, settings.as_of)
        files = render_files(report, settings.formats)
    except FactcheckError as exc:
        return ArticleResult(path, error_row(path, str(exc), analysis.article.sha256))
    except Exception as exc:  # a bug on one article must not stop the other thousands
        message = f"internal error: {type(exc).__name__}: {exc}"
        return ArticleResult(path, error_row(path, message, analysis.article.sha256))
    return ArticleResult(path, summary_row(path, report), files)


def _analyze(checker: Any, articles: list[Any], settings: BatchSettings) -> list[Any]:
    """Analyses of ``articles`` through ``nlp.pipe``; a failing batch is redone one by one."""
    analyzer = checker.analyzer
    try:
        return list(analyzer.analyze_many(articles, settings.as_of, settings.batch_size))
    except Exception:
        if len(articles) == 1:
            raise
    out = []
    for article in articles:
        try:
            out.append(analyzer.analyze(article, settings.as_of))
        except Exception as exc:
            out.append(exc)
    return out


def check_chunk(paths: Sequence[str], settings: BatchSettings) -> list[ArticleResult]:
    """Check a chunk of articles; a bad article becomes an error row, the others go on."""
    from analysis.ingest import read_article

    checker = get_checker(settings)
    results: dict[str, ArticleResult] = {}
    readable: list[tuple[str, Any]] = []
    for path in paths:
        try:
            readable.append((path, read_article(path)))
        except FactcheckError as exc:
            results[path] = ArticleResult(path, error_row(path, str(exc)))
        except Exception as exc:
            results[path] = ArticleResult(path, error_row(path, f"cannot read: {exc}"))
    try:
        analyses = _analyze(checker, [a for _, a in readable], settings)
    except Exception as exc:
        analyses = [exc]
    for (path, article), analysis in zip(readable, analyses, strict=False):
        if isinstance(analysis, Exception):
            message = f"internal error: {type(analysis).__name__}: {analysis}"
            results[path] = ArticleResult(path, error_row(path, message, article.sha256))
        else:
            results[path] = _one(checker, path, analysis, settings)
    return [results[p] for p in paths]
