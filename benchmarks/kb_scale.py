"""KB scale benchmark: import a synthetic Wikidata dump and time name lookups, small vs large.

Generates a dump in the real dump shape (a ``[`` line, one entity per line with a trailing
comma, gzip or bzip2) with realistic entities: humans with birth/death dates (day, month or year
precision), places, citizenship, education and employers with start/end qualifiers, awards with
point in time, organisations with inception and headquarters, creative works with publication
dates and creators, places; plus properties the KB does not map (skipped on import), labels in
three languages, aliases and descriptions. Then it imports the dump, and times
``KnowledgeBase.candidates`` for the same batch of names in a 100-entity KB and in the large one.

Usage: python benchmarks/kb_scale.py [--entities 100000] [--compression gz|bz2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import json
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from analysis.kb.names import normalize_name
from analysis.kb.store import KnowledgeBase
from analysis.kb.wikidata import import_wikidata

_SYLLABLES = "ka lo mi ne ru sa ti vo be da fe gi ho ju le ma no pe ri su ta ve wi ya zo".split()
# Article words for the lookups that find nothing (most n-grams of an article).
_WORDS = "the joined lab in as chief scientist award later won research after model paper".split()
_KINDS = ("human", "human", "human", "human", "org", "org", "work", "work", "work", "place")
_CLASSES = {"human": 5, "org": 43229, "work": 7725634, "place": 515}


def _name(rng: random.Random, words: int) -> str:
    return " ".join(
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        for _ in range(words)
    )


def _snak(pid: str, value: Any, vtype: str) -> dict[str, Any]:
    return {"snaktype": "value", "property": pid, "datavalue": {"value": value, "type": vtype},
            "datatype": "time" if vtype == "time" else "wikibase-item"}


def _item_value(pid: str, qid: int) -> dict[str, Any]:
    return _snak(pid, {"entity-type": "item", "numeric-id": qid, "id": f"Q{qid}"},
                 "wikibase-entityid")


def _time(pid: str, rng: random.Random, lo: int, hi: int) -> dict[str, Any]:
    precision = rng.choice((9, 10, 11, 11, 11))
    month = rng.randint(1, 12) if precision >= 10 else 0
    day = rng.randint(1, 28) if precision == 11 else 0
    stamp = f"+{rng.randint(lo, hi):04d}-{month:02d}-{day:02d}T00:00:00Z"
    return _snak(pid, {"time": stamp, "precision": precision, "timezone": 0, "before": 0,
                       "after": 0, "calendarmodel": "http://www.wikidata.org/entity/Q1985727"},
                 "time")


def _statement(qid: int, n: int, snak: dict[str, Any], **qualifiers: Any) -> dict[str, Any]:
    st: dict[str, Any] = {"mainsnak": snak, "type": "statement", "rank": "normal",
                          "id": f"Q{qid}${n:08X}-0000-0000-0000-000000000000"}
    if qualifiers:
        st["qualifiers"] = {pid: [snak] for pid, snak in qualifiers.items()}
    return st


def _claims(kind: str, qid: int, rng: random.Random, n: int) -> dict[str, list[Any]]:
    pick = lambda: rng.randint(1, n)  # noqa: E731 -- any entity of the dump
    claims: dict[str, list[Any]] = {"P31": [_item_value("P31", _CLASSES[kind])]}
    if kind == "human":
        claims["P569"] = [_time("P569", rng, 1850, 2000)]
        if rng.random() < 0.4:
            claims["P570"] = [_time("P570", rng, 1900, 2024)]
        claims["P19"] = [_item_value("P19", pick())]
        claims["P27"] = [_item_value("P27", pick())]
        claims["P69"] = [_item_value("P69", pick()) for _ in range(rng.randint(1, 2))]
        claims["P108"] = [_item_value("P108", pick()) for _ in range(rng.randint(1, 3))]
        claims["P166"] = [_item_value("P166", pick()) for _ in range(rng.randint(0, 2))]
        claims["P106"] = [_item_value("P106", pick())]
        claims["P21"] = [_item_value("P21", 6581097)]  # unmapped: skipped and counted
        claims["P735"] = [_item_value("P735", pick())]
    elif kind == "org":
        claims["P571"] = [_time("P571", rng, 1800, 2020)]
        claims["P159"] = [_item_value("P159", pick())]
        claims["P112"] = [_item_value("P112", pick())]
        claims["P452"] = [_item_value("P452", pick())]
    elif kind == "work":
        claims["P577"] = [_time("P577", rng, 1900, 2024)]
        claims["P170"] = [_item_value("P170", pick())]
        claims["P50"] = [_item_value("P50", pick())]
    else:
        claims["P17"] = [_item_value("P17", pick())]
        claims["P1082"] = [_snak("P1082", {"amount": "+12345", "unit": "1"}, "quantity")]
    out: dict[str, list[Any]] = {}
    for pid, snaks in claims.items():
        out[pid] = []
        for i, snak in enumerate(snaks):
            quals: dict[str, Any] = {}
            if pid in ("P108", "P69"):
                quals = {"P580": _time("P580", rng, 1950, 1990),
                         "P582": _time("P582", rng, 1991, 2024)}
            elif pid == "P166":
                quals = {"P585": _time("P585", rng, 1950, 2024)}
            out[pid].append(_statement(qid, hash((pid, i)) & 0xFFFFFFF, snak, **quals))
    return out


def make_entity(qid: int, rng: random.Random, n: int) -> dict[str, Any]:
    """One synthetic item in the JSON shape of a Wikidata dump line."""
    kind = rng.choice(_KINDS)
    label = _name(rng, 2 if kind == "human" else rng.randint(1, 3))
    langs = {lang: {"language": lang, "value": label} for lang in ("en", "fr", "de")}
    return {
        "type": "item", "id": f"Q{qid}", "labels": langs,
        "descriptions": {"en": {"language": "en", "value": f"synthetic {kind} {qid}"}},
        "aliases": {"en": [{"language": "en", "value": _name(rng, 1)}]},
        "claims": _claims(kind, qid, rng, n),
        "sitelinks": {"enwiki": {"site": "enwiki", "title": label, "badges": []}},
        "lastrevid": 1000 + qid, "modified": "2024-01-01T00:00:00Z",
    }


def write_dump(path: Path, entities: int, seed: int = 0) -> list[str]:
    """Write the dump; returns the labels of the first 100 entities (the small KB's names)."""
    rng = random.Random(seed)
    opener = bz2.open if path.suffix == ".bz2" else gzip.open
    labels: list[str] = []
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.write("[\n")
        for qid in range(1, entities + 1):
            entity = make_entity(qid, rng, entities)
            if qid <= 100:
                labels.append(entity["labels"]["en"]["value"])
            fh.write(json.dumps(entity, separators=(",", ":")) + ",\n")
        fh.write("]\n")
    return labels


def _lookup_ms(kb: KnowledgeBase, names: list[str], repeat: int = 20) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        kb.candidates(names)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def run(entities: int, compression: str, workdir: Path) -> None:
    dump = workdir / f"synthetic-{entities}.json.{compression}"
    start = time.perf_counter()
    labels = write_dump(dump, entities)
    print(f"generated {entities} entities -> {dump.name}: {dump.stat().st_size / 1e6:.1f} MB "
          f"in {time.perf_counter() - start:.1f} s")

    small_dump = workdir / f"synthetic-100.json.{compression}"
    small_labels = write_dump(small_dump, 100, seed=1)
    with KnowledgeBase.open(workdir / "small.db", create=True) as small:
        import_wikidata(small, small_dump)
        db = workdir / "large.db"
        with KnowledgeBase.open(db, create=True) as large:
            start = time.perf_counter()
            report = import_wikidata(large, dump)
            took = time.perf_counter() - start
            stats = large.stats()
            print(f"import: {report.entities} entities, {report.facts} facts in {took:.1f} s = "
                  f"{report.entities / took:,.0f} entities/s "
                  f"({sum(report.skipped_properties.values())} unmapped statements skipped)")
            print(f"db size: {db.stat().st_size / 1e6:.1f} MB "
                  f"({stats['names']} names, {stats['facts']} facts)")
            # An article's lookup: its n-grams, a few of which name entities of either KB.
            rng = random.Random(1)
            names = [normalize_name(label) for label in (*labels[:20], *small_labels[:20])]
            names += [" ".join(rng.choices(_WORDS, k=rng.randint(1, 3))) for _ in range(960)]
            # Reported with the number of entities found: synthetic one-word names recur in a
            # large KB (as common names do), and building those entities costs more than the
            # index lookups themselves.
            for label, kb in (("small", small), ("large", large)):
                found = sum(map(len, kb.candidates(names).values()))
                print(f"candidates() for {len(names)} names, {label} KB "
                      f"({kb.stats()['entities']:,} entities): {_lookup_ms(kb, names):.1f} ms, "
                      f"{found} candidate entities returned")
            misses = names[40:]
            print(f"candidates() for {len(misses)} names found in neither: "
                  f"{_lookup_ms(small, misses):.2f} ms small, {_lookup_ms(large, misses):.2f} ms "
                  "large")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--compression", choices=("gz", "bz2"), default="gz")
    parser.add_argument("--keep", type=Path, help="keep the dump and databases in this folder")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="kb-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        run(args.entities, args.compression, workdir)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
