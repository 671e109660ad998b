"""The local KB: facts editors taught while reviewing, laid over the run's KB.

The file is in the project's YAML facts format (README, "The facts format"). Its default place is
``$FACTCHECK_LOCAL_KB``, else ``factcheck-local-kb.yaml`` beside the review database. It is not
simply added as another ``--kb`` file: its entities usually exist in the bundled KB already (a
duplicate id there is an error), and an editor's correction must *replace* the KB's value, not
sit beside it as a conflicting one. So ``OverlayKB`` reads the run's KB through the local facts:
a local fact hides the KB's facts of the same subject and property (for dates and other
single-valued properties) or of the same subject, property and value (employers, awards, ...).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from analysis.kb.api import KBReader
from analysis.kb.facts_yaml import load_yaml
from analysis.kb.model import KBEntity, KBFact, KBValue
from analysis.kb.names import merge_name_tables, normalize_name
from analysis.kb.store import KnowledgeBase

LOCAL_KB_ENV = "FACTCHECK_LOCAL_KB"
LOCAL_KB_NAME = "factcheck-local-kb.yaml"
# Properties a subject has one value of: a local value replaces the KB's whatever it is.
_SINGLE = frozenset({"P19", "P20", "P569", "P570", "P571", "P577"})


def local_kb_path(review_db: Path | None = None) -> Path:
    """``$FACTCHECK_LOCAL_KB``, else ``factcheck-local-kb.yaml`` beside ``review_db``."""
    env = os.environ.get(LOCAL_KB_ENV)
    if env:
        return Path(env)
    return (review_db.parent if review_db else Path(".")) / LOCAL_KB_NAME


def _value_key(value: KBValue) -> str:
    return value.entity_id or normalize_name(value.text)


def _supersedes(local: KBFact, fact: KBFact) -> bool:
    if local.property != fact.property:
        return False
    single = local.property in _SINGLE or local.value.type == "date"
    return single or _value_key(local.value) == _value_key(fact.value)


class OverlayKB:
    """``base`` read through the local facts in ``local`` (a ``KBReader``)."""

    def __init__(self, base: KBReader, local: KnowledgeBase, path: Path) -> None:
        self.base, self.local, self.path = base, local, path

    def entity(self, entity_id: str) -> KBEntity | None:
        return self.base.entity(entity_id) or self.local.entity(entity_id)

    def candidates(self, names: Iterable[str]) -> dict[str, list[KBEntity]]:
        keys = list(names)
        merged = {k: list(v) for k, v in self.base.candidates(keys).items()}
        for name, entities in self.local.candidates(keys).items():
            known = {e.id for e in merged.get(name, [])}
            merged.setdefault(name, []).extend(e for e in entities if e.id not in known)
        return merged

    def find(self, query: str) -> list[KBEntity]:
        found = {e.id: e for e in getattr(self.base, "find", lambda q: [])(query)}
        for entity in self.local.find(query):
            found.setdefault(entity.id, entity)
        return list(found.values())

    def _label(self, fact: KBFact) -> KBFact:
        value = fact.value
        if value.entity_id and value.text == value.entity_id:
            entity = self.entity(value.entity_id)
            if entity is not None:
                return replace(fact, value=replace(value, text=entity.label))
        return fact

    def _merge(self, local: list[KBFact], base: list[KBFact]) -> list[KBFact]:
        # Both lists are about one subject and the same properties.
        kept = [f for f in base if not any(_supersedes(m, f) for m in local)]
        return [self._label(f) for f in local] + kept

    def facts(self, subject: str, properties: Iterable[str] | None = None) -> list[KBFact]:
        props = None if properties is None else list(properties)
        return self._merge(self.local.facts(subject, props), self.base.facts(subject, props))

    def facts_with_value(
        self, entity_id: str, properties: Iterable[str] | None = None
    ) -> list[KBFact]:
        props = None if properties is None else list(properties)
        local = self.local.facts_with_value(entity_id, props)
        base = [f for f in self.base.facts_with_value(entity_id, props)
                if not any(_supersedes(m, f) for m in self.local.facts(f.subject, [f.property]))]
        return [self._label(f) for f in local] + base

    @property
    def max_name_tokens(self) -> int:
        return max(self.base.max_name_tokens, self.local.max_name_tokens)

    @property
    def title_tails(self) -> frozenset[str]:
        return self.base.title_tails | self.local.title_tails

    @property
    def colon_titles(self) -> dict[str, frozenset[str]]:
        return merge_name_tables([self.base.colon_titles, self.local.colon_titles])

    @property
    def lowercase_names(self) -> dict[str, frozenset[str]]:
        return merge_name_tables([self.base.lowercase_names, self.local.lowercase_names])

    def stats(self) -> dict[str, int]:
        total = dict(self.base.stats())
        total["facts"] = total.get("facts", 0) + self.local.stats().get("facts", 0)
        return total

    def sources(self) -> list[dict[str, object]]:
        base = getattr(self.base, "sources", lambda: [])()
        return [*base, *self.local.sources()]

    def close(self) -> None:
        self.local.close()
        getattr(self.base, "close", lambda: None)()


def load_local(path: Path, base: KBReader) -> KnowledgeBase:
    """The facts of the local KB file at ``path``, validated by the project's YAML loader.

    Raises:
        KBValidationError: the file does not validate (``path:line: message``).
    """
    local = KnowledgeBase.memory()
    try:
        load_yaml(local, [path], lookup=[base])
    except BaseException:
        local.close()
        raise
    return local


def with_local_kb(base: KBReader, path: Path | None) -> KBReader:
    """``base`` read through the local KB at ``path``; ``base`` itself when there is none."""
    if path is None or not path.is_file():
        return base
    return OverlayKB(base, load_local(path, base), path)


def open_kb_with_local(
    kb_paths: Sequence[Path], *, bundled: bool, local_path: Path | None
) -> KBReader:
    """The run's KB (``--kb`` paths plus the bundled KB) read through the local KB."""
    from analysis.run import open_kb

    return with_local_kb(open_kb(kb_paths, bundled=bundled), local_path)
