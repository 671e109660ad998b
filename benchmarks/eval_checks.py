"""Score the checks on an evaluation corpus (tests/eval by default): recall per category, false
positives per article, and how many correct KB-checkable statements come out supported.

Usage:
    python benchmarks/eval_checks.py [--corpus tests/eval] [--corpus tests/eval-holdout]
        [--json] [--verbose]

Matching rules: tests/eval/README.md. Each profile runs with its own KB only (no bundled KB)
and with the analysis date of its gold file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
CATEGORIES = ("date_mismatch", "fact_mismatch", "conflation", "stale_claim",
              "internal_inconsistency", "vague_attribution", "unsupported_claim")


@dataclass
class Score:
    """Counts over a corpus."""

    planted: Counter[tuple[str, bool]] = field(default_factory=Counter)
    found: Counter[tuple[str, bool]] = field(default_factory=Counter)
    false_positives: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    missed: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    correct_claims: int = 0
    correct_supported: int = 0

    def recall(self, kb_checkable: bool | None = None, category: str | None = None) -> float:
        keys = [k for k in self.planted if (kb_checkable is None or k[1] == kb_checkable)
                and (category is None or k[0] == category)]
        planted = sum(self.planted[k] for k in keys)
        return sum(self.found[k] for k in keys) / planted if planted else 1.0

    def max_false_positives(self) -> int:
        return max((len(v) for v in self.false_positives.values()), default=0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "recall_kb": round(self.recall(True), 3),
            "recall_internal": round(self.recall(False), 3),
            "recall_by_category": {c: round(self.recall(category=c), 3) for c in CATEGORIES
                                   if any(k[0] == c for k in self.planted)},
            "planted": sum(self.planted.values()),
            "found": sum(self.found.values()),
            "false_positives": {k: len(v) for k, v in self.false_positives.items()},
            "max_false_positives_per_article": self.max_false_positives(),
            "correct_claims_supported": f"{self.correct_supported}/{self.correct_claims}",
        }


def profiles(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if (p / "gold.yaml").exists())


def _one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        raise SystemExit(f"{folder}: expected one {pattern}, found {len(found)}")
    return found[0]


def run_profile(checker: Any, folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Check one profile with its own KB; returns (gold, report)."""
    from analysis.ingest import read_article
    from analysis.kb.loader import load_kb

    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    as_of = gold.get("as_of")
    as_of = as_of if isinstance(as_of, date) else date.fromisoformat(str(as_of))
    kb = load_kb([_one(folder, "kb.*")], bundled=False)
    checker.use_kb(kb)
    article = read_article(_one(folder, "article.*"))
    analysis = checker.analyzer.analyze(article, as_of)
    return gold, checker.report(analysis, as_of)


def score_profile(score: Score, name: str, gold: dict[str, Any], report: dict[str, Any]) -> None:
    flags = list(report["flags"])
    errors = gold.get("errors") or []
    used: set[str] = set()
    for err in errors:
        key = (err["category"], bool(err.get("kb_checkable")))
        score.planted[key] += 1
        sentences = [err["sentence"], *(err.get("alt_sentences") or [])]
        hit = next((f for f in flags if f["id"] not in used and f["category"] == err["category"]
                    and any(s in f["sentence"] for s in sentences)), None)
        if hit:
            used.add(hit["id"])
            score.found[key] += 1
        else:
            score.missed.append((name, err))
    error_sentences = [s for e in errors for s in [e["sentence"], *(e.get("alt_sentences") or [])]]
    score.false_positives[name] = [
        f for f in flags if f["id"] not in used
        and not any(s in f["sentence"] for s in error_sentences)
    ]
    for ok in gold.get("correct") or []:
        if not ok.get("kb_checkable"):
            continue
        claims = [c for c in report["claims"] if ok["sentence"] in c["sentence"]]
        score.correct_claims += len(claims)
        score.correct_supported += sum(1 for c in claims if c["verdict"] == "supported")


def evaluate(corpus: Path, checker: Any | None = None) -> Score:
    if checker is None:
        from analysis.checking import Checker

        checker = Checker(bundled_kb=False)
    score = Score()
    for folder in profiles(corpus):
        gold, report = run_profile(checker, folder)
        score_profile(score, folder.name, gold, report)
    return score


def _print(corpus: Path, score: Score, verbose: bool) -> None:
    d = score.as_dict()
    print(f"\n== {corpus} ({len(d['false_positives'])} profiles, {d['planted']} planted errors)")
    print(f"recall, KB-checkable errors: {d['recall_kb']:.2f}   (target >= 0.90)")
    print(f"recall, internal errors:     {d['recall_internal']:.2f}   (target >= 0.80)")
    for cat, r in d["recall_by_category"].items():
        kb = score.planted[(cat, True)]
        internal = score.planted[(cat, False)]
        print(f"  {cat:24s} {r:.2f}  ({kb + internal} planted)")
    print("false positives per article:", ", ".join(f"{k} {v}" for k, v in
                                                    d["false_positives"].items()))
    print(f"max false positives in one article: {d['max_false_positives_per_article']} "
          "(target <= 1)")
    print(f"correct KB-checkable statements: {d['correct_claims_supported']} claims supported")
    if verbose:
        for name, err in score.missed:
            print(f"  MISSED {name}: {err['category']}: {err['sentence'][:90]}")
        for name, flags in score.false_positives.items():
            for f in flags:
                print(f"  FP {name}: {f['category']}: {f['message'][:80]} | {f['sentence'][:70]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    from analysis.checking import Checker

    checker = Checker(bundled_kb=False)
    results = {}
    for corpus in args.corpus or [REPO / "tests" / "eval"]:
        score = evaluate(corpus, checker)
        results[str(corpus)] = score.as_dict()
        if not args.json:
            _print(corpus, score, args.verbose)
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
