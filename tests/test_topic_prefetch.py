"""TopicPrefetch: topics modelled in a forked child equal those computed in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.ingest import read_article
from analysis.topic_prefetch import TopicPrefetch
from analysis.topics import analyze_article_topics

PARAGRAPH = (
    "The {a} team studied {b} methods for {c} systems and published results on {b} {c}. "
    "Their {a} work on {b} shaped later {c} research across several laboratories.\n\n"
)


def _write(path: Path, words: list[tuple[str, str, str]]) -> Path:
    path.write_text("Profile\n\n" + "".join(PARAGRAPH.format(a=a, b=b, c=c) for a, b, c in words),
                    encoding="utf-8")
    return path


@pytest.fixture()
def article_path(tmp_path: Path) -> Path:
    themes = [("robotics", "learning", "vision"), ("chemistry", "catalyst", "enzyme")] * 4
    return _write(tmp_path / "profile.txt", themes)


def test_child_topics_equal_in_process(article_path: Path) -> None:
    prefetch = TopicPrefetch([article_path])
    article = read_article(article_path)
    got = prefetch.get(article)
    assert got is not None
    assert json.dumps(got, sort_keys=True) == json.dumps(
        analyze_article_topics(article), sort_keys=True
    )
    assert prefetch.get(article) is None  # each article is handed over once


def test_changed_file_is_recomputed(article_path: Path) -> None:
    prefetch = TopicPrefetch([article_path])
    before = read_article(article_path)
    prefetch._receive(str(article_path))  # the child has read the old text
    _write(article_path, [("music", "harmony", "orchestra")] * 8)
    after = read_article(article_path)
    assert after.sha256 != before.sha256
    assert prefetch.get(after) is None  # not the checked text: the caller computes it


def test_failed_child_and_unknown_article_fall_back(tmp_path: Path, article_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    prefetch = TopicPrefetch([missing, article_path])
    prefetch._receive(str(missing))  # the child could not read it
    _write(missing, [("music", "harmony", "orchestra")] * 8)
    assert prefetch.get(read_article(missing)) is None
    other = _write(tmp_path / "other.txt", [("law", "court", "justice")] * 8)
    assert prefetch.get(read_article(other)) is None
    assert prefetch.get(read_article(article_path)) is not None


def test_no_paths_starts_no_child() -> None:
    prefetch = TopicPrefetch([])
    assert prefetch._conn is None
