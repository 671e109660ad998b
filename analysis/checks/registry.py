"""Run every check and number the flags. Checks are pure functions of a CheckContext."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from analysis.checks.base import CheckContext, CheckResult, Finding
from analysis.checks.conflation import merge_conflations
from analysis.checks.kb_facts import check_against_kb
from analysis.kb.api import KBReader
from analysis.kb.memo import memoized
from analysis.models import Flag
from analysis.run import Analysis

# Checks that need no verdicts: each returns findings. Registered by their modules below.
SIMPLE_CHECKS: list[Callable[[CheckContext], list[Finding]]] = []
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def register(
    check: Callable[[CheckContext], list[Finding]],
) -> Callable[[CheckContext], list[Finding]]:
    SIMPLE_CHECKS.append(check)
    return check


def run_checks(
    analysis: Analysis, kb: KBReader | None, as_of: date
) -> tuple[CheckResult, list[Flag]]:
    """All checks over one analysed article; returns the verdicts and the numbered flags."""
    _load_builtin_checks()
    # One article's checks repeat many KB questions; the KB does not change meanwhile.
    ctx = CheckContext(analysis, memoized(kb), as_of)
    result = check_against_kb(ctx)
    merge_conflations(ctx, result)
    for check in SIMPLE_CHECKS:
        result.findings.extend(check(ctx))
    findings = _dedupe(result.findings)
    findings.sort(key=lambda f: (f.start, _SEVERITY_ORDER.get(f.severity, 3), f.category))
    text = analysis.article.text
    flags = [
        Flag(
            f"f{i}",
            f.category,
            f.severity,
            text[f.start : f.end],
            f.start,
            f.end,
            f.message,  # type: ignore[arg-type]
            f.evidence,
            f.suggestion,
            f.claim_id,
        )
        for i, f in enumerate(findings, 1)
    ]
    return result, flags


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, str]] = set()
    out = []
    for f in findings:
        key = (f.category, f.start, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _load_builtin_checks() -> None:
    # Imported for their @register side effect, once.
    from analysis.checks import (  # noqa: F401
        ages,
        attribution,
        birthdays,
        durations,
        editions,
        freshness,
        latest,
        makers,
        successions,
        timeline,
        titles,
        unsupported,
        work_awards,
    )
