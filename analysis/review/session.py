"""Review operations shared by the terminal command and the server: load, find, decide, teach."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Any

from analysis.errors import InputError
from analysis.kb.api import KBReader
from analysis.review.apply import apply_reviews
from analysis.review.fingerprint import article_key, report_keys
from analysis.review.store import Decision, ReviewError, ReviewStore
from analysis.review.teach import Teaching, derive_teaching, save_teaching

REVIEWER_ENV = "FACTCHECK_REVIEWER"
_MIN_PREFIX = 4


def default_reviewer() -> str:
    """``$FACTCHECK_REVIEWER``, else the login name."""
    try:
        return os.environ.get(REVIEWER_ENV) or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def is_report_file(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def load_report(path: Path) -> dict[str, Any]:
    """A saved ``report.json``.

    Raises:
        InputError: missing, not JSON, or not a factcheck report.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such report file") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable JSON report ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("flags"), list) \
            or not isinstance(data.get("article"), dict):
        raise InputError(f"{path}: not a factcheck report (no 'article' and 'flags'); give an "
                         "article or the report.json that 'factcheck check' wrote")
    return data


def find_flag(report: dict[str, Any], ref: str) -> dict[str, Any]:
    """The flag of ``report`` named by its id ("f2") or a prefix of its fingerprint.

    Raises:
        ReviewError: no such flag, or a prefix that is too short or names several.
    """
    keyed = report_keys(report)
    for flag, _ in keyed:
        if flag.get("id") == ref:
            return flag
    ref = ref.strip().lower()
    matches = [flag for flag, key in keyed if key.fingerprint.startswith(ref)]
    if len(ref) >= _MIN_PREFIX and len(matches) == 1:
        return matches[0]
    ids = ", ".join(str(f.get("id")) for f, _ in keyed) or "none"
    if len(matches) > 1 and len(ref) >= _MIN_PREFIX:
        raise ReviewError(f"fingerprint prefix '{ref}' names several flags; give more characters")
    raise ReviewError(f"no flag '{ref}' in this report (flags: {ids}; or give at least "
                      f"{_MIN_PREFIX} characters of a fingerprint)")


def claim_of(report: dict[str, Any], flag: dict[str, Any]) -> dict[str, Any] | None:
    claim_id = flag.get("claim_id")
    return next((c for c in report.get("claims") or [] if c.get("id") == claim_id), None)


def decide(
    store: ReviewStore,
    report: dict[str, Any],
    flag: dict[str, Any],
    status: str,
    *,
    reviewer: str,
    note: str = "",
    corrected: tuple[str, str] | None = None,
) -> Decision:
    """Record a decision on ``flag`` of ``report`` at once (one short transaction)."""
    key = next(k for f, k in report_keys(report) if f is flag)
    value, source = corrected if corrected else (None, None)
    return store.record(Decision(
        fingerprint=key.fingerprint, loose_key=key.loose_key,
        article=article_key(report.get("article") or {}), status=status,
        flag_id=str(flag.get("id") or ""), category=str(flag.get("category") or ""),
        sentence=str(flag.get("sentence") or ""), message=str(flag.get("message") or ""),
        reviewer=reviewer.strip(), note=note.strip(), corrected_value=value,
        corrected_source=source,
    ))


def teach(
    report: dict[str, Any], flag: dict[str, Any], value: str, source: str, kb: KBReader,
    local_kb: Path,
) -> Teaching:
    """Save the correct ``value`` of ``flag`` (with its ``source``) in the local KB file."""
    teaching = derive_teaching(flag, claim_of(report, flag), value, source, kb)
    save_teaching(local_kb, teaching, kb)
    return teaching


def open_flags(report: dict[str, Any], store: ReviewStore) -> list[dict[str, Any]]:
    """Flags of ``report`` still to review (open, including rewritten sentences), in order."""
    reviewed = apply_reviews(report, store)
    return [f for f in reviewed["flags"] if f["review"]["status"] == "open"]


def decision_rows(decisions: list[Decision]) -> list[dict[str, Any]]:
    """Decisions as plain rows (stable keys, for ``--list --format json`` and ``--export``)."""
    return [d.as_dict() for d in decisions]


__all__ = ["ReviewError", "decide", "find_flag", "load_report", "open_flags", "teach"]
