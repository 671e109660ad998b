"""Shared by the tests that check sentences about an invented person against an invented KB."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from analysis.models import Flag

Check = Callable[..., list[Flag]]
SRC = "https://example.org/test-source"


def entity(ident: str, label: str, kind: str, *facts: dict[str, Any],
           aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    """An entity of the facts format, every fact sourced to one test URL."""
    return {"id": ident, "label": label, "type": kind, "aliases": list(aliases), "source": SRC,
            "facts": list(facts)}


def checker_fixture(entities: list[dict[str, Any]]) -> Any:
    """A module-scoped ``checker`` fixture: (kb, Analyzer) for a KB of ``entities`` only."""

    @pytest.fixture(scope="module")
    def checker(tmp_path_factory: pytest.TempPathFactory, kb_writer: Callable[..., Any],
                kb_analyzer: Callable[..., tuple[Any, Any]]) -> tuple[Any, Any]:
        return kb_analyzer([kb_writer(tmp_path_factory.mktemp("kb"), entities)])

    return checker


def sentence_check(check_text: Callable[..., Any], checker: tuple[Any, Any], lead: str,
                   as_of: date) -> Check:
    """``check(*sentences, as_of=...)``: the flags of ``lead`` followed by the sentences."""
    kb, analyzer = checker

    def run(*sentences: str, as_of: date = as_of) -> list[Flag]:
        text = lead + " ".join(sentences) + "\n"
        return check_text(text, kb=kb, analyzer=analyzer, as_of=as_of)[2]

    return run


def on(flags: list[Flag], text: str, category: str | None = None) -> list[Flag]:
    """The flags whose sentence holds ``text`` (of ``category``, when given)."""
    return [f for f in flags if text in f.sentence and category in (None, f.category)]


def vague_flags(checker: tuple[Any, Any], check_text: Callable[..., Any], text: str,
                as_of: date, fmt: str = "md") -> list[Flag]:
    """The vague-attribution flags of a whole article (Markdown or HTML)."""
    kb, analyzer = checker
    flags = check_text(text, kb=kb, analyzer=analyzer, as_of=as_of, fmt=fmt)[2]
    return [f for f in flags if f.category == "vague_attribution"]


def check_fixture(lead: str, as_of: date) -> Any:
    """A module-scoped ``check`` fixture: ``sentence_check`` on the module's ``checker``."""

    @pytest.fixture(scope="module")
    def check(checker: tuple[Any, Any], check_text: Callable[..., Any]) -> Check:
        return sentence_check(check_text, checker, lead, as_of)

    return check

