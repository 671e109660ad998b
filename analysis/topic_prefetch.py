"""Articles' topic models computed in a forked helper process while this one loads spaCy.

Why: a single ``factcheck check`` spends about 0.9 s importing scikit-learn (with SciPy) for
the topic model and about 1 s importing and loading the spaCy pipeline, and neither needs the
other: the topic model reads only the article's text. A child forked before spaCy is imported
imports scikit-learn and models each article's topics on another core meanwhile. The child
runs the same ``analyze_article_topics`` on the same file, and its answer is used only for an
article with the same content hash; if anything goes wrong (no ``fork``, a failed child, a
changed file) the caller computes the topics itself, so reports are the same either way.

The child is a daemon that ignores Ctrl-C: the parent reports interruptions and errors, and
multiprocessing ends the child when the parent exits. Batch runs do not use this: their
workers load everything once and keep all cores busy.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from analysis.models import Article

# Prefetch at most this many articles: the gain is hiding the import at start-up.
PREFETCH_LIMIT = 16
Result = tuple[str, dict[str, Any]] | None


def _topics_of(path: str) -> Result:
    from analysis.ingest import read_article
    from analysis.topics import analyze_article_topics

    try:
        article = read_article(path)
        return article.sha256, analyze_article_topics(article)
    except Exception:  # e.g. a missing file: the parent reports it in its own words
        return None


def _serve(paths: list[str], conn: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report
    try:
        for path in paths:
            conn.send((path, _topics_of(path)))
    except (BrokenPipeError, OSError):  # the parent has gone or stopped listening
        pass
    finally:
        conn.close()


class TopicPrefetch:
    """Start modelling the topics of ``paths`` in a child process now; ``get`` them later."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self._pending = list(dict.fromkeys(str(p) for p in paths))[:PREFETCH_LIMIT]
        self._ready: dict[str, Result] = {}
        self._conn: Connection | None = None
        if not self._pending or "fork" not in multiprocessing.get_all_start_methods():
            self._pending = []
            return
        try:
            # fork, not spawn: the child starts at once with what is imported so far.
            context = multiprocessing.get_context("fork")
            self._conn, child_end = context.Pipe(duplex=False)
            process = context.Process(target=_serve, args=(self._pending, child_end),
                                      name="factcheck-topics", daemon=True)
            process.start()
            child_end.close()
        except Exception:  # no child (resource limits, sandbox): the caller computes topics
            self._pending = []
            self.close()

    def get(self, article: Article) -> dict[str, Any] | None:
        """The article's ``topics`` report key, or None: compute it in this process."""
        path = article.path
        self._receive(path)
        if path in self._pending:
            self._pending.remove(path)
        result = self._ready.pop(path, None)
        if not self._pending:
            self.close()
        if result is None or result[0] != article.sha256:
            return None  # not read, or not the text being checked
        return result[1]

    def _receive(self, path: str) -> None:
        """Wait for the child's answer about ``path`` (answers come in the order asked)."""
        while path in self._pending and path not in self._ready and self._conn is not None:
            try:
                done, result = self._conn.recv()
            except (EOFError, OSError):  # the child died: compute the rest here
                self.close()
                break
            self._ready[done] = result

    def close(self) -> None:
        """Stop listening; the daemon child ends with this process at the latest."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
