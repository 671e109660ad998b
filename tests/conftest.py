"""Shared fixtures: the repository, the seed article, the real data, and loaded analyzers.

Loading a spaCy pipeline is the slow part of every test, so analyzers are session-scoped: one
with the bundled KB, one without a KB. Tests that need a KB of their own write it with
``write_kb`` and get an analyzer for it from ``kb_analyzer`` (one model load per KB).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "articles" / "yann-lecun-profile.txt"
AS_OF = date(2026, 11, 29)
"""The reference and as-of date of the tests: fixed, so that results do not age."""

AnalyzeText = Callable[..., Any]


@pytest.fixture(scope="session")
def as_of() -> date:
    return AS_OF


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed article {SEED} is not present")
    return SEED


@pytest.fixture(scope="session")
def shared_data(repo_root: Path) -> Path:
    """``../shared/data`` beside the repository (never copied into it); skipped when absent."""
    path = repo_root.parent / "shared" / "data"
    if not path.is_dir():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def bundled_kb() -> Any:
    from analysis.run import open_kb

    return open_kb()


@pytest.fixture(scope="session")
def analyzer(bundled_kb: Any) -> Any:
    """The full pipeline with the bundled KB."""
    from analysis.run import Analyzer

    return Analyzer(kb=bundled_kb)


@pytest.fixture(scope="session")
def bare_analyzer() -> Any:
    """The full pipeline with no KB: what the tool can do on facts it has never seen."""
    from analysis.run import Analyzer

    return Analyzer(kb=None)


def write_kb_file(folder: Path, entities: list[dict[str, Any]], name: str = "facts.yaml") -> Path:
    """Write ``entities`` as a KB facts file (the facts format of the README)."""
    path = folder / name
    path.write_text(
        yaml.safe_dump({"entities": entities}, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def kb_writer() -> Callable[..., Path]:
    """``kb_writer(folder, entities, name="facts.yaml") -> Path`` for module-scoped KBs."""
    return write_kb_file


@pytest.fixture()
def write_kb(tmp_path: Path) -> Callable[..., Path]:
    """``write_kb(entities, name="facts.yaml") -> Path`` into this test's tmp_path."""

    def write(entities: list[dict[str, Any]], name: str = "facts.yaml") -> Path:
        return write_kb_file(tmp_path, entities, name)

    return write


@pytest.fixture(scope="session")
def kb_analyzer() -> Callable[[Sequence[Path]], tuple[Any, Any]]:
    """``kb_analyzer(paths) -> (kb, Analyzer)`` for KB files written by a test (no bundled KB)."""
    from analysis.run import Analyzer, open_kb

    def make(paths: Sequence[Path]) -> tuple[Any, Any]:
        kb = open_kb(list(paths), bundled=False)
        return kb, Analyzer(kb=kb)

    return make


@pytest.fixture(scope="session")
def analyze_text(bare_analyzer: Any) -> AnalyzeText:
    """``analyze_text(text, fmt="txt", ref_date=AS_OF, analyzer=None) -> Analysis``.

    Without ``analyzer`` the KB-less pipeline runs.
    """
    from analysis.ingest import parse_text

    def run(text: str, fmt: str = "txt", ref_date: date = AS_OF, analyzer: Any = None) -> Any:
        article = parse_text(text, fmt=fmt, path=f"<snippet>.{fmt}")
        return (analyzer or bare_analyzer).analyze(article, ref_date)

    return run


@pytest.fixture(scope="session")
def check_text(analyze_text: AnalyzeText) -> Callable[..., tuple[Any, Any, list[Any]]]:
    """``check_text(text, kb=None, analyzer=None, as_of=AS_OF) -> (analysis, result, flags)``."""
    from analysis.checks.registry import run_checks

    def run(
        text: str, kb: Any = None, analyzer: Any = None, as_of: date = AS_OF, fmt: str = "txt"
    ) -> tuple[Any, Any, list[Any]]:
        analysis = analyze_text(text, fmt=fmt, ref_date=as_of, analyzer=analyzer)
        result, flags = run_checks(analysis, kb, as_of)
        return analysis, result, flags

    return run


@pytest.fixture(scope="session")
def seed_analysis(analyzer: Any, seed_path: Path) -> Any:
    """The seed article through the full pipeline with the bundled KB, at AS_OF."""
    from analysis.ingest import read_article

    return analyzer.analyze(read_article(seed_path), AS_OF)


@pytest.fixture(scope="session")
def seed_checked(seed_analysis: Any, bundled_kb: Any) -> tuple[Any, list[Any]]:
    """The seed's check result (verdicts) and numbered flags at AS_OF."""
    from analysis.checks.registry import run_checks

    return run_checks(seed_analysis, bundled_kb, AS_OF)


# Headless Chromium from Debian (never a browser download). No sandbox: CI runs as root; the
# other switches keep Chromium off the network.
CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A Playwright Chromium browser, or a skip that says what to install."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright (Python package) is not installed: "
        "pip install playwright")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
