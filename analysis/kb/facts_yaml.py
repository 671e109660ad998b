"""Load the project's YAML facts format (README, "KB facts format") into a KnowledgeBase.

Files are composed into YAML nodes, not plain objects, so that every validation error can name
its file and line. Entity values given as labels are resolved after all files of one load are
read, so files may refer to each other in any order. Nothing is written unless every file
validates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from analysis.errors import KBError, located
from analysis.kb.api import KBReader
from analysis.kb.importing import ImportReport
from analysis.kb.model import KBEntity, KBFact
from analysis.kb.properties import is_pid, resolve_property, resolve_qualifier
from analysis.kb.store import KnowledgeBase
from analysis.kb.yaml_values import Resolver, to_value

_ENTITY_KEYS = {"id", "label", "type", "aliases", "description", "source", "facts"}
# Shorthand keys of a fact for its most common qualifiers.
_SHORTHANDS = {"start": "P580", "end": "P582", "point in time": "P585"}
_FACT_KEYS = {"property", "value", "source", "qualifiers", *_SHORTHANDS}
_TYPES = {"person", "organization", "work", "award", "place", "position", "other"}
_ID = re.compile(r"^(Q[1-9]\d*|local:[a-z0-9]+(?:-[a-z0-9]+)*)$")


class KBValidationError(KBError):
    """A facts file that does not validate; ``errors`` holds every ``path:line: message``."""

    def __init__(self, errors: list[str]) -> None:
        more = f" (and {len(errors) - 1} more errors)" if len(errors) > 1 else ""
        super().__init__(errors[0] + more)
        self.errors = errors


@dataclass
class _Fact:
    pid: str
    name: str
    value: Node
    source: str
    line: int
    qualifiers: list[tuple[str, Node]] = field(default_factory=list)


@dataclass
class _Entity:
    entity: KBEntity
    path: str
    line: int
    facts: list[_Fact] = field(default_factory=list)
    # Wikidata properties the map does not have, by P-id: skipped, as the importer skips them
    skipped: Counter[str] = field(default_factory=Counter)


class _File:
    """Validation of one file: collects errors instead of stopping at the first."""

    def __init__(self, path: Path, errors: list[str]) -> None:
        self.path = str(path)
        self.errors = errors
        self._constructor = SafeConstructor()

    def error(self, node: Node | None, message: str) -> None:
        self.errors.append(located(self.path, node.start_mark.line + 1 if node else None, message))

    def scalar(self, node: Node) -> Any:
        return self._constructor.construct_object(node, deep=True)

    def mapping(self, node: Node, allowed: set[str], what: str) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping of keys to values")
            return None
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(self.scalar(key_node))
            if key in out:
                self.error(key_node, f"{what}: key '{key}' given twice")
            elif allowed and key not in allowed:
                self.error(key_node, f"{what}: unknown key '{key}' (allowed: "
                           f"{', '.join(sorted(allowed))})")
            out[key] = value_node
        return out

    def text(self, node: Node | None) -> str:
        value = self.scalar(node) if node is not None else None
        return "" if value is None else str(value).strip()

    def strings(self, node: Node | None, what: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if isinstance(node, ScalarNode):
            return (self.text(node),) if self.text(node) else ()
        if isinstance(node, SequenceNode) and all(isinstance(n, ScalarNode) for n in node.value):
            return tuple(t for t in (self.text(n) for n in node.value) if t)
        self.error(node, f"{what} must be a name or a list of names")
        return ()


# libyaml's parser builds the same nodes (tags, values, line marks; only the unused ``style``
# differs) about 8x faster: the bundled KB is composed at every start-up (~0.2 s -> ~0.03 s).
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(path: Path) -> Node | None:
    if _FAST_LOADER is not None:
        try:
            with path.open(encoding="utf-8-sig") as fh:
                return yaml.compose(fh, Loader=_FAST_LOADER)
        except Exception:  # redone below: its errors and messages are the contract
            pass
    try:
        with path.open(encoding="utf-8-sig") as fh:
            return yaml.compose(fh, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise KBError(located(str(path), line, f"invalid YAML: {exc.problem}")) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KBError(f"{path}: cannot read it as UTF-8 text ({exc})") from exc


def _read_file(path: Path, errors: list[str]) -> list[_Entity]:
    f = _File(path, errors)
    root = _compose(path)
    top = f.mapping(root, {"entities"}, "the file") if root is not None else None
    entities = top.get("entities") if top else None
    if not isinstance(entities, SequenceNode):
        f.error(entities or root, "expected 'entities:' followed by a list of entities")
        return []
    return [e for node in entities.value if (e := _read_entity(f, node)) is not None]


def _read_entity(f: _File, node: Node) -> _Entity | None:
    keys = f.mapping(node, _ENTITY_KEYS, "an entity")
    if keys is None:
        return None
    eid, label = f.text(keys.get("id")), f.text(keys.get("label"))
    etype = f.text(keys.get("type")) or "other"
    if not label:
        f.error(node, f"entity '{eid or '?'}' has no label")
    if not _ID.match(eid):
        f.error(keys.get("id", node), f"entity '{label or '?'}': id '{eid}' is missing or "
                "invalid (a Wikidata Q-id like Q42, or local:<lowercase-slug>)")
    if etype not in _TYPES:
        f.error(keys["type"], f"entity '{label}': type '{etype}' is not one of "
                f"{', '.join(sorted(_TYPES))}")
    source = f.text(keys.get("source"))
    entity = KBEntity(eid, label, etype, f.text(keys.get("description")),  # type: ignore[arg-type]
                      f.strings(keys.get("aliases"), "aliases"), source)
    draft = _Entity(entity, f.path, node.start_mark.line + 1)
    facts = keys.get("facts")
    if facts is not None and not isinstance(facts, SequenceNode):
        f.error(facts, f"entity '{label}': facts must be a list")
    elif facts is not None:
        for fact_node in facts.value:
            fact = _read_fact(f, fact_node, label, source, draft.skipped)
            if fact is not None:
                draft.facts.append(fact)
    return draft


def _read_fact(f: _File, node: Node, label: str, default_source: str,
               skipped: Counter[str]) -> _Fact | None:
    keys = f.mapping(node, _FACT_KEYS, f"a fact of '{label}'")
    if keys is None:
        return None
    name = f.text(keys.get("property"))
    pid = resolve_property(name)
    if pid is None and is_pid(name):
        # "P22" (father): a real property no check reads; a name the map lacks is a typo
        skipped[name.upper()] += 1
        return None
    if pid is None:
        f.error(keys.get("property", node), f"fact of '{label}': unknown property '{name}' "
                "(use a P-id or a name of the property map, e.g. 'employer')")
    source = f.text(keys.get("source")) or default_source
    if not source:
        f.error(node, f"fact '{name}' of '{label}' has no source")
    if "value" not in keys or f.scalar(keys["value"]) in (None, ""):
        f.error(node, f"fact '{name}' of '{label}' has no value")
    fact = _Fact(pid or "", name, keys.get("value", node), source, node.start_mark.line + 1)
    qualifiers = keys.get("qualifiers")
    qmap = f.mapping(qualifiers, set(), f"qualifiers of '{name}'") if qualifiers else {}
    for qname, qnode in (qmap or {}).items():
        qpid = resolve_qualifier(qname)
        if qpid is None:
            f.error(qnode, f"fact '{name}' of '{label}': unknown qualifier '{qname}'")
        else:
            fact.qualifiers.append((qpid, qnode))
    fact.qualifiers += [(q, keys[k]) for k, q in _SHORTHANDS.items() if k in keys]
    return None if pid is None or not source or "value" not in keys else fact


def load_yaml(
    kb: KnowledgeBase, paths: Sequence[Path], *, lookup: Sequence[KBReader] = ()
) -> list[ImportReport]:
    """Validate ``paths`` together and, when all are valid, store them in ``kb`` at once.

    Labels used as values resolve against the files, then ``kb``, then the ``lookup`` KBs.

    Returns:
        One report per file (entities and facts stored).

    Raises:
        KBValidationError: the first problem as ``path:line: message`` (all of them in
            ``.errors``); nothing was written.
        KBError: a file that cannot be read or is not YAML.
    """
    errors: list[str] = []
    drafts = [(path, _read_file(path, errors)) for path in paths]
    seen: dict[str, _Entity] = {}
    for _, entities in drafts:
        for draft in entities:
            first = seen.setdefault(draft.entity.id, draft)
            if first is not draft and draft.entity.id:
                errors.append(located(draft.path, draft.line, f"duplicate id '{draft.entity.id}'"
                                      f" (first defined at {first.path}:{first.line})"))
    resolver = Resolver(kb, [(Path(d.path), d.entity) for _, ents in drafts for d in ents], lookup)
    built = [
        (path, [(d, _build_facts(d, resolver, errors)) for d in ents]) for path, ents in drafts
    ]
    if errors:
        raise KBValidationError(errors)
    return _store(kb, built)


def _build_facts(draft: _Entity, resolver: Resolver, errors: list[str]) -> list[KBFact]:
    f = _File(Path(draft.path), errors)
    facts = []
    for fact in draft.facts:
        value = to_value(f, fact.value, fact.pid, resolver, single=True)
        qualifiers = {}
        for qpid, qnode in fact.qualifiers:
            values = to_value(f, qnode, qpid, resolver, single=False)
            if values:
                qualifiers[qpid] = tuple(values)
        if value:
            facts.append(KBFact(draft.entity.id, fact.pid, value[0], fact.source, qualifiers))
    return facts


def _store(
    kb: KnowledgeBase, built: list[tuple[Path, list[tuple[_Entity, list[KBFact]]]]]
) -> list[ImportReport]:
    reports = []
    with kb.transaction():
        for path, entities in built:
            report = ImportReport(str(path), "yaml")
            source_id = kb.begin_source(str(path.resolve()), "yaml")
            for draft, facts in entities:
                kb.add_entity(draft.entity, source_id=source_id)
                for fact in facts:
                    kb.add_fact(fact, source_id=source_id)
                report.entities += 1
                report.facts += len(facts)
                report.skipped_properties.update(draft.skipped)
            kb.finish_source(source_id, report.entities, report.facts)
            reports.append(report)
    return reports
