"""Stable fingerprints of flags: a decision must survive re-runs and edits elsewhere.

A flag is identified by the article (file name and title, not its content hash, so an edit in
another paragraph keeps it), its category, the claim it is about (predicate and object) or, for
flags without a claim, the core of its message (digits masked: "2 years before 2026-11-29"
changes with ``--as-of``), and its sentence, normalised. The *loose key* leaves the sentence out:
a decision whose sentence no longer appears, but whose loose key does, belongs to a sentence that
was rewritten ("sentence changed, review again").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

VERSION = "1"
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_DIGITS = re.compile(r"\d+")


def normalize(text: str | None) -> str:
    """Case, quotes, dashes and spacing folded: cosmetic edits keep a fingerprint."""
    folded = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).casefold()
    return " ".join(folded.split())


def article_key(article: dict[str, Any]) -> str:
    """The article's identity: its file name and title (not its path or content hash).

    The file name alone, so that ``check corpus/a.txt`` and ``check /abs/corpus/a.txt`` agree.
    """
    raw = str(article.get("path") or "")
    name = PurePath(raw.replace("\\", "/")).name if raw else ""
    return f"{name.casefold()}|{normalize(article.get('title'))}"


def claim_core(flag: dict[str, Any], claims: dict[str, dict[str, Any]]) -> str:
    """What the flag is about: the claim's predicate and object, else its message's core."""
    claim = claims.get(flag.get("claim_id") or "")
    if claim:
        obj = claim.get("object_kb_id") or normalize(claim.get("object"))
        return f"claim:{claim.get('predicate') or ''}:{obj}"
    return "message:" + _DIGITS.sub("#", normalize(flag.get("message")))


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join((VERSION, *parts)).encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class FlagKey:
    """A flag's fingerprint (exact) and loose key (without the sentence)."""

    fingerprint: str
    loose_key: str
    article: str


def flag_key(flag: dict[str, Any], article: str, claims: dict[str, dict[str, Any]]) -> FlagKey:
    """The keys of one flag of a report whose article key is ``article``."""
    core = claim_core(flag, claims)
    loose = _digest(article, flag.get("category") or "", core)
    return FlagKey(_digest(loose, normalize(flag.get("sentence"))), loose, article)


def report_keys(report: dict[str, Any]) -> list[tuple[dict[str, Any], FlagKey]]:
    """Every flag of ``report`` with its keys, in report order."""
    article = article_key(report.get("article") or {})
    claims = {c["id"]: c for c in report.get("claims") or [] if c.get("id")}
    return [(flag, flag_key(flag, article, claims)) for flag in report.get("flags") or []]
