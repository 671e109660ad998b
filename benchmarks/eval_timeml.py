"""Measure the temporal tagger on TimeML gold (TimeBank + AQUAINT, TempEval-3 training data).

Each .tml document's text is its <TEXT> element with tags stripped; the TIMEX3 with
functionInDocument="CREATION_TIME" (the DCT) is the reference date and is not scored.
Scores follow TempEval-3: extraction P/R/F1 with strict (same span) and relaxed (overlapping)
matching; value and type accuracy over relaxed matches; value F1 counts a true positive only
when spans overlap and the values agree. Gold notations "199" / "19" / "2000-W7" equal
"199X" / "19XX" / "2000-W07".

Usage: python benchmarks/eval_timeml.py [--path DIR] [--limit N] [--errors N] [--model NAME]
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.models import Timex  # noqa: E402
from analysis.timex import find_timexes  # noqa: E402

DEFAULT_PATH = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "timeml-train"
_TOKEN = re.compile(r"<(/?)(\w+)([^>]*)>|&\w+;|&#\d+;|[^<&]+|[<&]")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_JOIN = re.compile(r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\band\b)\s*")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class GoldDoc:
    name: str
    text: str
    dct: date
    timexes: list[GoldTimex]


def read_tml(path: Path) -> GoldDoc:
    """Parse one .tml file: plain text of <TEXT>, its gold TIMEX3s and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<TIMEX3[^>]*CREATION_TIME[^>]*>", raw)
    if dct_match is None:
        raise ValueError(f"{path}: no TIMEX3 with functionInDocument=CREATION_TIME")
    dct = date.fromisoformat(dict(_ATTR.findall(dct_match[0]))["value"][:10])
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    parts: list[str] = []
    pos, open_attrs, gold = 0, None, []
    for m in _TOKEN.finditer(body):
        if m[2] == "TIMEX3":
            if m[1]:
                attrs, start = open_attrs
                gold.append(GoldTimex(start, pos, attrs["type"], attrs.get("value", "")))
            else:
                open_attrs = (dict(_ATTR.findall(m[3])), pos)
            continue
        if m[2]:
            continue  # EVENT, SIGNAL, ...: keep their text only
        piece = html.unescape(m[0]) if m[0].startswith("&") else m[0]
        parts.append(piece)
        pos += len(piece)
    return GoldDoc(path.name, "".join(parts), dct, gold)


def split_ranges(timexes: list[Timex]) -> list[GoldTimex]:
    """Our ranges ("1988 to 1996") are two TIMEX3s in TimeML: score them as such."""
    out = []
    for t in timexes:
        joiner = _JOIN.search(t.text, 1) if t.end_value else None
        if joiner is None:
            out.append(GoldTimex(t.start, t.end, t.type, t.value))
            continue
        out.append(GoldTimex(t.start, t.start + joiner.start(), t.type, t.value))
        out.append(GoldTimex(t.start + joiner.end(), t.end, t.type, t.end_value or ""))
    return out


def norm_value(value: str) -> str:
    """Equal notations of one value: "199" = "199X", "19" = "19XX", "2000-W7" = "2000-W07"."""
    value = re.sub(r"^(\d{4})-W(\d)(?!\d)", r"\1-W0\2", value)
    if re.fullmatch(r"\d{3}", value):
        return value + "X"
    if re.fullmatch(r"\d{2}", value):
        return value + "XX"
    return value


def match(gold: list[GoldTimex], pred: list[GoldTimex]) -> list[tuple[GoldTimex, GoldTimex]]:
    """One-to-one relaxed matching: each gold timex takes the first unused overlapping one."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and p.start < g.end and g.start < p.end:
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(docs: list[GoldDoc], nlp: object | None, errors: int) -> dict[str, float]:
    """Tag every document and print the scores; return them for tests."""
    counts = dict(gold=0, pred=0, strict=0, relaxed=0, value=0, type=0)
    misses: list[str] = []
    for doc in docs:
        spacy_doc = nlp(doc.text) if nlp is not None else None  # type: ignore[operator]
        pred = split_ranges(find_timexes(doc.text, doc.dct, spacy_doc, today_as_date=True))
        pairs = match(doc.timexes, pred)
        spans = {(p.start, p.end) for p in pred}
        counts["gold"] += len(doc.timexes)
        counts["pred"] += len(pred)
        counts["strict"] += sum((g.start, g.end) in spans for g in doc.timexes)
        counts["relaxed"] += len(pairs)
        counts["value"] += sum(norm_value(g.value) == norm_value(p.value) for g, p in pairs)
        counts["type"] += sum(g.type == p.type for g, p in pairs)
        misses.extend(_describe_errors(doc, pred, pairs))
    scores = _report(docs, counts)
    if errors:
        print(f"\nsample of {errors} errors (of {len(misses)}):")
        for line in random.Random(0).sample(misses, min(errors, len(misses))):
            print(" ", line)
    return scores


def _describe_errors(
    doc: GoldDoc, pred: list[GoldTimex], pairs: list[tuple[GoldTimex, GoldTimex]]
) -> list[str]:
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(p) for _, p in pairs}
    out = [
        f"MISS  {doc.text[g.start:g.end]!r} {g.type} {g.value} (dct {doc.dct})"
        for g in doc.timexes if id(g) not in matched_gold
    ]
    out += [
        f"EXTRA {doc.text[p.start:p.end]!r} {p.type} {p.value} "
        f"...{doc.text[max(0, p.start - 30):p.end + 20]!r}"
        for p in pred if id(p) not in matched_pred
    ]
    out += [
        f"VALUE {doc.text[p.start:p.end]!r} got {p.type} {p.value}, "
        f"gold {doc.text[g.start:g.end]!r} {g.type} {g.value} (dct {doc.dct})"
        for g, p in pairs if norm_value(g.value) != norm_value(p.value)
    ]
    return out


def _report(docs: list[GoldDoc], c: dict[str, int]) -> dict[str, float]:
    strict = prf(c["strict"], c["pred"], c["gold"])
    relaxed = prf(c["relaxed"], c["pred"], c["gold"])
    value_f1 = prf(c["value"], c["pred"], c["gold"])[2]
    scores = {
        "value_accuracy": c["value"] / c["relaxed"] if c["relaxed"] else 0.0,
        "type_accuracy": c["type"] / c["relaxed"] if c["relaxed"] else 0.0,
        "value_f1": value_f1, "strict_f1": strict[2], "relaxed_f1": relaxed[2],
    }
    print(f"documents: {len(docs)}  gold timexes (DCT excluded): {c['gold']}", end="  ")
    print(f"predicted: {c['pred']}")
    print("extraction  strict  P={:.3f} R={:.3f} F1={:.3f}".format(*strict))
    print("extraction  relaxed P={:.3f} R={:.3f} F1={:.3f}".format(*relaxed))
    print(f"value accuracy (relaxed matches): {scores['value_accuracy']:.3f}")
    print(f"value F1 (overlap and same value): {value_f1:.3f}")
    print(f"type accuracy (relaxed matches):  {scores['type_accuracy']:.3f}")
    return scores


def load_docs(path: Path, limit: int | None) -> list[GoldDoc]:
    files = sorted(path.rglob("*.tml"))
    if not files:
        raise SystemExit(f"no .tml files under {path}: pass --path to the TimeML folder")
    return [read_tml(f) for f in files[:limit]]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH, help="folder of .tml files")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--errors", type=int, default=0, help="print N sample errors")
    parser.add_argument("--model", default=None, help="spaCy pipeline for sentence hints")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    docs = load_docs(args.path, args.limit)
    nlp = None
    if args.model:
        import spacy

        nlp = spacy.load(args.model, exclude=["ner", "lemmatizer"])
    evaluate(docs, nlp, args.errors)
    print(f"runtime: {time.perf_counter() - began:.1f}s")


if __name__ == "__main__":
    main()
