"""Assemble the KB of a run from ``--kb`` paths and the bundled KB under ``corpus/kb``.

- A database (``.db``, ``.sqlite``, ``.sqlite3``) is opened read-only where it is: a KB of a
  million entities is never copied.
- YAML facts files and Wikidata JSON files (plain, .gz, .bz2), or folders of them, are loaded
  together into one in-memory KB (Wikidata first, then YAML, so curated YAML entities win and
  YAML labels can refer to imported entities).
- With a database and files (or several databases), a ``LayeredKB`` asks every store and merges
  the answers: the in-memory layer first, then the databases in the order given.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import analysis
from analysis.closing import Closing
from analysis.errors import KBError
from analysis.kb.facts_yaml import load_yaml
from analysis.kb.model import KBEntity, KBFact, KBValue
from analysis.kb.names import merge_name_tables
from analysis.kb.store import KnowledgeBase
from analysis.kb.wikidata import import_wikidata

DB_SUFFIXES = (".db", ".sqlite", ".sqlite3")
YAML_SUFFIXES = (".yaml", ".yml")
_JSON = re.compile(r"\.(json|jsonl|ndjson)(\.gz|\.bz2)?$", re.IGNORECASE)


def bundled_kb_dir() -> Path | None:
    """The bundled KB folder: $FACTCHECK_BUNDLED_KB, else ``corpus/kb`` of the source checkout
    the package runs from (an editable install, as the README does); None when neither exists."""
    override = os.environ.get("FACTCHECK_BUNDLED_KB")
    folder = Path(override) if override else (
        Path(analysis.__file__).resolve().parent.parent / "corpus" / "kb")
    return folder if folder.is_dir() else None


def kb_file_kind(path: Path) -> str | None:
    """"db", "yaml" or "wikidata" by file name; None for files that are not KB files."""
    name = path.name.lower()
    if name.endswith(DB_SUFFIXES):
        return "db"
    if name.endswith(YAML_SUFFIXES):
        return "yaml"
    return "wikidata" if _JSON.search(name) else None


def collect_kb_files(paths: Iterable[Path]) -> dict[str, list[Path]]:
    """KB files by kind, folders expanded (recursively, sorted), duplicates removed.

    Raises:
        KBError: a path that does not exist, a file of no KB kind, or a folder with no KB file.
    """
    found: dict[str, list[Path]] = {"db": [], "yaml": [], "wikidata": []}
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise KBError(f"{path}: no such KB file or folder")
        if path.is_dir():
            files = [p for p in sorted(path.rglob("*")) if p.is_file() and kb_file_kind(p)]
            if not files:
                raise KBError(f"{path}: no KB files in this folder (.db, .yaml, .json)")
        else:
            files = [path]
        for file in files:
            kind = kb_file_kind(file)
            if kind is None:
                raise KBError(f"{file}: not a KB file; give a .db/.sqlite database, "
                              "a .yaml facts file or a Wikidata .json(.gz|.bz2) file")
            if file.resolve() not in seen:
                seen.add(file.resolve())
                found[kind].append(file)
    return found


def load_files(
    kb: KnowledgeBase, wikidata: Sequence[Path], yaml_files: Sequence[Path],
    lookup: Sequence[KnowledgeBase] = (),
) -> None:
    """Import Wikidata files, then YAML files, into ``kb`` in one transaction.

    YAML labels used as values also resolve against the ``lookup`` KBs.
    """
    with kb.transaction():
        for path in wikidata:
            import_wikidata(kb, path)
        if yaml_files:
            load_yaml(kb, yaml_files, lookup=lookup)


def load_kb(
    paths: Sequence[Path], *, bundled: bool = True, databases: Sequence[Path] = ()
) -> KnowledgeBase | LayeredKB:
    """The KB of a run: ``paths`` (databases, files, folders) plus the bundled KB.

    Args:
        paths: KB databases, files or folders, in any mix (``--kb``).
        bundled: also load the bundled KB under ``corpus/kb`` (when present).
        databases: KB databases opened whatever their file name (``--db``).

    Raises:
        KBError: a path that cannot be used (the message names it and the fix).
    """
    folder = bundled_kb_dir() if bundled else None
    found = collect_kb_files([*([folder] if folder else []), *paths])
    layers: list[KnowledgeBase] = []
    try:
        layers += [KnowledgeBase.open(db, readonly=True) for db in [*databases, *found["db"]]]
        if found["yaml"] or found["wikidata"] or not layers:
            memory = KnowledgeBase.memory()
            dbs = list(layers)
            layers.insert(0, memory)
            load_files(memory, found["wikidata"], found["yaml"], lookup=dbs)
    except BaseException:
        for layer in layers:
            layer.close()
        raise
    return layers[0] if len(layers) == 1 else LayeredKB(layers)


class LayeredKB(Closing):
    """Several KBs read as one (``KBReader``): the first layer that knows an entity describes it;
    candidates, facts and counts are merged from all layers."""

    def __init__(self, layers: Sequence[KnowledgeBase]) -> None:
        self.layers = list(layers)

    def close(self) -> None:
        for layer in self.layers:
            layer.close()


    def entity(self, entity_id: str) -> KBEntity | None:
        return next((e for kb in self.layers if (e := kb.entity(entity_id)) is not None), None)

    def candidates(self, names: Iterable[str]) -> dict[str, list[KBEntity]]:
        keys = list(names)
        merged: dict[str, dict[str, KBEntity]] = {}
        for kb in self.layers:
            for name, entities in kb.candidates(keys).items():
                for entity in entities:
                    merged.setdefault(name, {}).setdefault(entity.id, entity)
        return {name: list(by_id.values()) for name, by_id in merged.items()}

    def find(self, query: str) -> list[KBEntity]:
        found: dict[str, KBEntity] = {}
        for kb in self.layers:
            for entity in kb.find(query):
                found.setdefault(entity.id, entity)
        return list(found.values())

    def _label(self, value: KBValue) -> KBValue:
        # An entity value shows its id when its own layer lacks the entity; another may have it.
        if value.entity_id and value.text == value.entity_id:
            entity = self.entity(value.entity_id)
            if entity is not None:
                return replace(value, text=entity.label)
        return value

    def _labelled(self, facts: list[KBFact]) -> list[KBFact]:
        return [
            replace(
                fact,
                value=self._label(fact.value),
                qualifiers={p: tuple(map(self._label, vs)) for p, vs in fact.qualifiers.items()},
            )
            for fact in facts
        ]

    def facts(self, subject: str, properties: Iterable[str] | None = None) -> list[KBFact]:
        props = None if properties is None else list(properties)
        return self._labelled([f for kb in self.layers for f in kb.facts(subject, props)])

    def facts_with_value(
        self, entity_id: str, properties: Iterable[str] | None = None
    ) -> list[KBFact]:
        props = None if properties is None else list(properties)
        return self._labelled(
            [f for kb in self.layers for f in kb.facts_with_value(entity_id, props)]
        )

    @property
    def max_name_tokens(self) -> int:
        return max((kb.max_name_tokens for kb in self.layers), default=0)

    @property
    def title_tails(self) -> frozenset[str]:
        return frozenset().union(*(kb.title_tails for kb in self.layers))

    @property
    def colon_titles(self) -> dict[str, frozenset[str]]:
        return merge_name_tables(kb.colon_titles for kb in self.layers)

    @property
    def lowercase_names(self) -> dict[str, frozenset[str]]:
        return merge_name_tables(kb.lowercase_names for kb in self.layers)

    def stats(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for kb in self.layers:
            for key, count in kb.stats().items():
                total[key] = total.get(key, 0) + count
        return total

    def sources(self) -> list[dict[str, object]]:
        return [source for kb in self.layers for source in kb.sources()]
