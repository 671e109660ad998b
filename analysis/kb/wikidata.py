"""Import Wikidata JSON: Special:EntityData / wbgetentities responses, bare entities, dumps.

Files are streamed: a dump (a ``[`` line, then one entity per line with a trailing comma, maybe
no closing ``]``) or JSON lines are read line by line, plain, .gz or .bz2, so a dump never sits
in memory whole. A file whose first line is not a complete JSON value (pretty-printed JSON) is
parsed as one document. Only properties of the property map are kept; everything the KB cannot
represent (unknown properties, somevalue/novalue, deprecated statements, BCE dates, coordinates)
is skipped and counted, never fatal. Which entity revision wins when an entity is imported
twice: see ``_apply``.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.errors import KBError, located
from analysis.kb.importing import ImportReport, open_text, read_error
from analysis.kb.model import KBEntity, KBFact
from analysis.kb.properties import BY_PID, QUALIFIER_BY_PID
from analysis.kb.store import KnowledgeBase
from analysis.kb.wikidata_values import (
    ENTITY_TYPES,
    REFERENCE_SOURCE,
    TYPE_BY_CLASS_LABEL,
    TYPE_BY_USE,
    entity_type,
    labels_of,
    snak_value,
    statement_source,
    type_from_description,
)

__all__ = ["ParsedEntity", "import_wikidata", "iter_documents", "iter_entities", "parse_entity"]


@dataclass(frozen=True)
class ParsedEntity:
    """One Wikidata item converted: the entity, its facts with statement ids, its revision."""

    entity: KBEntity
    facts: tuple[tuple[KBFact, str | None], ...]
    revision: str = ""
    redirect_from: str | None = None


def iter_documents(path: Path, report: ImportReport, strict: bool = False) -> Iterator[Any]:
    """Yield the JSON documents of ``path``: one per line (dump / JSON lines) or the whole file.

    Raises:
        KBError: a malformed line with ``strict``, a truncated or damaged compressed file, or a
            whole-file document that is not JSON.
    """
    line_no = 0
    try:
        with open_text(path) as fh:
            first = fh.readline()
            line_no = 1
            head = first.strip().removesuffix(",")
            if head == "[":
                head = ""
            elif head:
                try:
                    doc = json.loads(head)
                except ValueError:
                    # Not one value per line: a pretty-printed document, parsed whole.
                    yield _whole_document(path, first + fh.read())
                    return
                yield doc
            for line_no, line in enumerate(fh, start=2):
                text = line.strip().removesuffix(",")
                if text in ("", "[", "]"):
                    continue
                try:
                    yield json.loads(text)
                except ValueError as exc:
                    if strict:
                        message = located(str(path), line_no, f"malformed JSON ({exc})")
                        raise KBError(message) from exc
                    report.skip_line(line_no)
    except (EOFError, OSError, zlib.error, UnicodeDecodeError) as exc:
        raise read_error(path, exc, line_no) from exc


def _whole_document(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        message = f"not valid JSON ({exc}); is it a Wikidata file?"
        raise KBError(located(str(path), line, message)) from exc


def iter_entities(doc: Any, report: ImportReport) -> Iterator[tuple[str | None, dict[str, Any]]]:
    """The entity objects of a document, each with the key it was listed under (if any)."""
    if isinstance(doc, list):
        for item in doc:
            yield from iter_entities(item, report)
    elif isinstance(doc, dict) and isinstance(doc.get("entities"), dict):
        for key, obj in doc["entities"].items():
            if not isinstance(obj, dict) or "missing" in obj:
                report.missing.append(str(key))
                continue
            yield str(key), obj
    elif isinstance(doc, dict) and ("claims" in doc or "labels" in doc):
        yield None, doc
    else:
        report.skipped_entities["not an entity"] += 1


def parse_entity(
    obj: dict[str, Any], report: ImportReport, key: str | None = None
) -> ParsedEntity | None:
    """Convert one Wikidata entity object; None for non-items (properties, lexemes)."""
    kind = obj.get("type", "item")
    qid = str(obj.get("id") or key or "")
    if kind != "item" or not qid.startswith("Q"):
        report.skipped_entities[str(kind) if kind != "item" else "item without id"] += 1
        return None
    claims = obj.get("claims") or {}
    if not isinstance(claims, dict):
        claims = {}
    label, aliases, description = labels_of(obj, qid)
    facts = tuple(_statements(qid, claims, report))
    p31 = [f.value.entity_id for f, _ in facts if f.property == "P31" and f.value.entity_id]
    etype = entity_type(p31, {f.property for f, _ in facts})
    described = type_from_description(description)
    if described != "other" and (etype == "other" or etype == "place" and not any(
            qid in ENTITY_TYPES for qid in p31)):
        # a university or a company is "located in" a city too (P131, P17): that property
        # alone does not make a place of "public university in Graz, Austria"
        etype = described
    entity = KBEntity(qid, label, etype, description, aliases, f"{REFERENCE_SOURCE}{qid}")
    redirect = obj.get("redirects")
    redirect_from = key if key and key != qid else None
    if isinstance(redirect, dict) and redirect.get("to") == qid:
        redirect_from = str(redirect.get("from") or "") or redirect_from
    return ParsedEntity(entity, facts, str(obj.get("modified") or ""), redirect_from)


def _statements(
    qid: str, claims: dict[str, Any], report: ImportReport
) -> Iterator[tuple[KBFact, str | None]]:
    for pid, statements in claims.items():
        if pid not in BY_PID:
            report.skipped_properties[pid] += len(statements or ())
            continue
        for statement in statements or ():
            fact = _statement(qid, pid, statement, report)
            if fact is not None:
                sid = statement.get("id")
                yield fact, str(sid).casefold() if sid else None


def _statement(qid: str, pid: str, statement: Any, report: ImportReport) -> KBFact | None:
    if not isinstance(statement, dict):
        report.skipped_values["malformed statement"] += 1
        return None
    rank = statement.get("rank", "normal")
    if rank == "deprecated":
        report.deprecated += 1
        return None
    value = snak_value(statement.get("mainsnak") or {})
    if isinstance(value, str):
        report.skipped_values[value] += 1
        return None
    qualifiers: dict[str, tuple[Any, ...]] = {}
    for qpid, snaks in (statement.get("qualifiers") or {}).items():
        if qpid not in QUALIFIER_BY_PID:
            continue
        values = [v for v in map(snak_value, snaks or ()) if not isinstance(v, str)]
        if values:
            qualifiers[qpid] = tuple(values)
    return KBFact(
        qid, pid, value, statement_source(qid, pid, statement), qualifiers,
        "preferred" if rank == "preferred" else "normal",
    )


def _apply(kb: KnowledgeBase, parsed: ParsedEntity, report: ImportReport, source_id: int) -> None:
    """Store one entity, deciding which revision wins when the KB already has it.

    Revisions with a ``modified`` stamp are comparable: the newer one replaces the entity's
    imported statements, an older one is skipped, and a dated revision beats an undated one.
    Two undated revisions are merged statement by statement (the incoming one wins per
    statement id), since neither can be known to be newer.
    """
    entity, revision = parsed.entity, parsed.revision
    existing = kb.entity_revision(entity.id)
    if existing is not None and (revision < existing if revision and existing else bool(existing)):
        report.older_revisions += 1
        return
    if existing is not None and not existing and not revision:
        old = kb.entity(entity.id)
        merged = tuple(dict.fromkeys((*entity.aliases, *(old.aliases if old else ()))))
        etype = entity.type if entity.type != "other" or old is None else old.type
        entity = KBEntity(entity.id, entity.label, etype, entity.description,
                          tuple(a for a in merged if a != entity.label), entity.source)
        kb.delete_statements(entity.id, [sid for _, sid in parsed.facts if sid])
    elif existing is not None:
        kb.delete_statements(entity.id)
    kb.add_entity(entity, revision=revision, source_id=source_id)
    for fact, sid in parsed.facts:
        kb.add_fact(fact, statement_id=sid, source_id=source_id)
    report.entities += 1
    report.facts += len(parsed.facts)
    if parsed.redirect_from:
        kb.add_redirect(parsed.redirect_from, entity.id)
        report.redirects += 1


def import_wikidata(kb: KnowledgeBase, path: Path, *, strict: bool = False) -> ImportReport:
    """Import one Wikidata JSON file (any supported shape) into ``kb`` in one transaction.

    Args:
        kb: the KB to write to.
        path: a .json/.jsonl file, plain, .gz or .bz2.
        strict: fail on the first malformed line instead of skipping it.

    Returns:
        The counts of what was imported and skipped.

    Raises:
        KBError: unreadable, truncated or (with ``strict``) malformed input; the KB is unchanged.
    """
    report = ImportReport(str(path), "wikidata")
    with kb.transaction():
        source_id = kb.begin_source(str(path.resolve()), "wikidata")
        for doc in iter_documents(path, report, strict):
            for key, obj in iter_entities(doc, report):
                parsed = parse_entity(obj, report, key)
                if parsed is not None:
                    _apply(kb, parsed, report, source_id)
        kb.type_by_use(TYPE_BY_USE)
        kb.type_by_class_label(TYPE_BY_CLASS_LABEL)
        kb.finish_source(source_id, report.entities, report.facts)
    return report
