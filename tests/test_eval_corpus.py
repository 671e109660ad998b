"""The checks on the evaluation corpora: recall per kind of error and false positives.

The thresholds are floors under the figures measured when they were set (README, "Measured"):
a change that loses recall or adds false positives fails here. ``tests/eval`` is the corpus the
rules were developed on; the held-out sets were written separately to measure generalisation.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent

# corpus -> (recall on KB-checkable errors, recall on internal errors, false positives/article)
FLOORS = {
    "eval": (0.95, 0.90, 1),
    "eval-holdout": (0.80, 0.90, 1),
    "eval-holdout2": (0.90, 0.90, 1),
    "eval-holdout3": (0.85, 0.80, 1),
    "eval-holdout4": (0.80, 0.90, 1),
    "eval-holdout5": (0.80, 0.85, 1),
    "eval-holdout6": (0.65, 0.90, 1),
    "eval-holdout7": (0.90, 0.85, 1),
    "eval-holdout8": (0.65, 0.90, 1),
    "eval-holdout9": (0.80, 0.85, 1),
    "eval-holdout10": (0.75, 0.90, 1),
    "eval-holdout11": (0.80, 0.90, 1),
    "eval-holdout12": (0.65, 0.90, 1),
    "eval-holdout13": (0.70, 0.95, 1),
    "eval-holdout14": (0.75, 0.95, 1),
    "eval-holdout15": (0.80, 0.85, 1),
    "eval-holdout16": (0.60, 0.90, 1),
    "eval-holdout17": (0.80, 0.90, 1),
    "eval-holdout18": (0.70, 0.90, 1),
    "eval-holdout19": (0.85, 0.90, 1),
    "eval-holdout20": (0.80, 0.85, 1),
    "eval-holdout21": (0.65, 0.80, 1),
    "eval-holdout22": (0.65, 0.90, 1),
    "eval-holdout23": (0.65, 0.90, 1),
    "eval-holdout24": (0.80, 0.85, 1),
    "eval-holdout25": (0.90, 0.90, 1),
    "eval-holdout26": (0.80, 0.85, 1),
    "eval-holdout27": (0.90, 0.85, 1),
    "eval-holdout28": (0.80, 0.85, 1),
    "eval-holdout29": (0.80, 0.85, 1),
    "eval-holdout30": (0.70, 0.90, 1),
    "eval-holdout31": (0.65, 0.85, 1),
    "eval-holdout32": (0.50, 0.85, 1),
    "eval-holdout33": (0.85, 0.85, 1),
    "eval-holdout34": (0.90, 0.95, 1),
    "eval-holdout35": (0.75, 0.95, 1),
    "eval-holdout36": (0.70, 0.90, 1),
    "eval-holdout37": (0.60, 0.90, 1),
    "eval-holdout38": (0.80, 0.85, 1),
    "eval-holdout39": (0.75, 0.85, 1),
    "eval-holdout40": (0.65, 0.85, 1),
    "eval-holdout41": (0.60, 0.80, 1),
    "eval-holdout42": (0.95, 0.95, 1),
    "eval-holdout43": (0.80, 0.95, 1),
    "eval-holdout44": (0.55, 0.80, 1),
    "eval-holdout45": (0.75, 0.85, 1),
    "eval-holdout46": (0.75, 0.80, 1),
    "eval-holdout47": (0.70, 0.95, 1),
    "eval-holdout48": (0.85, 0.85, 1),
    "eval-holdout49": (0.60, 0.90, 1),
    "eval-holdout50": (0.60, 0.80, 1),
    "eval-holdout51": (0.75, 0.80, 1),
    "eval-holdout52": (0.65, 0.85, 1),
    "eval-holdout53": (0.70, 0.80, 1),
    "eval-holdout54": (0.55, 0.85, 1),
    "eval-holdout55": (0.70, 0.70, 1),
    "eval-holdout56": (0.65, 0.80, 1),
    "eval-holdout57": (0.70, 0.80, 1),
    "eval-holdout58": (0.50, 0.70, 1),
    # (59: internal 0.90 until the fifteenth session, one hit of it counted from a wrong date)
    "eval-holdout59": (0.70, 0.80, 1),
    "eval-holdout60": (0.55, 0.85, 1),
    "eval-holdout61": (0.65, 0.85, 1),
    "eval-holdout62": (0.65, 0.80, 1),
    "eval-holdout63": (0.90, 0.85, 1),
    "eval-holdout64": (0.55, 0.85, 1),
    "eval-holdout65": (0.70, 0.95, 1),
    "eval-holdout66": (0.50, 0.80, 1),
    "eval-holdout67": (0.65, 0.80, 1),
    "eval-holdout68": (0.60, 0.80, 1),
    "eval-holdout69": (0.80, 0.85, 1),
    "eval-holdout70": (0.60, 0.85, 1),
    "eval-holdout71": (0.45, 0.85, 1),
    "eval-holdout72": (0.70, 1.00, 1),
    "eval-holdout73": (0.80, 0.90, 1),
    "eval-holdout74": (0.60, 0.85, 1),
    "eval-holdout75": (0.50, 0.80, 1),
    "eval-holdout76": (0.80, 0.85, 1),
    "eval-holdout77": (0.50, 1.00, 1),
    "eval-holdout78": (0.85, 0.80, 1),
    "eval-holdout79": (0.85, 0.80, 1),
    "eval-holdout80": (0.75, 0.90, 1),
    "eval-holdout81": (0.80, 0.80, 1),
    "eval-holdout82": (0.65, 0.85, 1),
    "eval-holdout83": (0.70, 0.85, 1),
    "eval-holdout84": (0.80, 0.80, 1),
    "eval-holdout85": (0.65, 0.80, 1),
    "eval-holdout86": (0.45, 0.75, 1),
    "eval-holdout87": (0.60, 0.70, 1),
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_checks", REPO / "benchmarks" /
                                                  "eval_checks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def checker() -> Any:
    from analysis.checking import Checker

    return Checker(bundled_kb=False)


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_recall_and_false_positives(corpus: str, checker: Any) -> None:
    folder = REPO / "tests" / corpus
    if not folder.is_dir():
        pytest.skip(f"{folder} is not in this checkout")
    score = _scorer().evaluate(folder, checker)
    kb_floor, internal_floor, max_fp = FLOORS[corpus]
    missed = "\n".join(f"{name}: {err['category']}: {err['sentence'][:70]}"
                       for name, err in score.missed)
    assert score.recall(True) >= kb_floor, missed
    assert score.recall(False) >= internal_floor, missed
    assert score.max_false_positives() <= max_fp, score.as_dict()["false_positives"]
