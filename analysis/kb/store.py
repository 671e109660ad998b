"""The knowledge base: entities, names and facts in SQLite, read through ``KBReader``.

Every lookup goes through an index (normalised name, subject, entity value), so the cost of
linking an article does not grow with the size of the KB. Writes happen inside
``with kb.transaction():``; an import that fails half-way rolls back and leaves the KB as it was.
Entity values are stored as ids and shown with their label at read time, so importing the
entity later improves every fact that mentions it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from analysis.closing import Closing
from analysis.errors import KBError
from analysis.kb.model import KBEntity, KBFact, KBValue
from analysis.kb.names import (
    colon_titles,
    lowercase_names,
    name_tokens,
    normalize_name,
    title_tails,
)
from analysis.kb.schema import (
    VALUE_COLUMNS,
    VALUE_JOIN,
    VALUE_SELECT,
    connect,
    value_from_row,
    value_row,
)

_BATCH = 500  # below SQLite's bound-parameter limit; one indexed query per batch
def _chunks(items: Sequence[str], size: int = _BATCH) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class KnowledgeBase(Closing):
    """A KB in one SQLite database (a file, or memory). Implements ``KBReader``."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self._conn = conn
        self.path = path
        self._depth = 0
        self._max_tokens: int | None = None
        self._title_tails: frozenset[str] | None = None
        self._colon_titles: dict[str, frozenset[str]] | None = None
        self._lowercase_names: dict[str, frozenset[str]] | None = None

    @classmethod
    def open(cls, path: str | Path, create: bool = False, readonly: bool = False) -> KnowledgeBase:
        """Open the KB database at ``path`` (``create`` makes a new one if absent).

        Raises:
            KBError: missing file, foreign file, or another schema version (the message says
                what to do).
        """
        path = Path(path)
        return cls(connect(path, create=create, readonly=readonly), path)

    @classmethod
    def memory(cls) -> KnowledgeBase:
        """A new empty KB in memory (for YAML/JSON files loaded per run, and tests)."""
        return cls(connect(None))

    def close(self) -> None:
        self._conn.close()


    def __repr__(self) -> str:
        return f"KnowledgeBase({str(self.path) if self.path else ':memory:'})"

    # -- transactions and writers -------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[KnowledgeBase]:
        """All writes inside commit together or not at all (nested blocks are savepoints)."""
        name = f"sp{self._depth}"
        self._conn.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._conn.execute("ROLLBACK")
            else:
                self._conn.execute(f"ROLLBACK TO {name}")
                self._conn.execute(f"RELEASE {name}")
            raise
        self._depth -= 1
        self._conn.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")
        self._max_tokens = None
        self._title_tails = None
        self._colon_titles = None
        self._lowercase_names = None

    def _require_transaction(self) -> None:
        if self._depth == 0:
            raise KBError("internal: KB writes must happen inside 'with kb.transaction():'")

    def begin_source(self, path: str, fmt: str) -> int:
        """Record an import of ``path``; facts from an earlier import of it are removed first."""
        self._require_transaction()
        old = self._conn.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
        if old:
            self._delete_facts("source_id = ?", (old[0],))
            self._conn.execute("DELETE FROM sources WHERE id = ?", (old[0],))
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        cur = self._conn.execute(
            "INSERT INTO sources (path, format, imported_at) VALUES (?, ?, ?)", (path, fmt, stamp)
        )
        return int(cur.lastrowid or 0)

    def finish_source(self, source_id: int, entities: int, facts: int) -> None:
        self._conn.execute(
            "UPDATE sources SET entities = ?, facts = ? WHERE id = ?", (entities, facts, source_id)
        )

    def add_entity(
        self, entity: KBEntity, *, revision: str = "", source_id: int | None = None
    ) -> None:
        """Insert or replace an entity with its names (label and aliases, normalised)."""
        self._require_transaction()
        c = self._conn
        c.execute(
            "INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
            (entity.id, entity.label, entity.type, entity.description, entity.source,
             revision, source_id),
        )
        c.execute("DELETE FROM aliases WHERE entity_id = ?", (entity.id,))
        c.execute("DELETE FROM names WHERE entity_id = ?", (entity.id,))
        c.execute("DELETE FROM redirects WHERE from_id = ?", (entity.id,))
        c.executemany(
            "INSERT INTO aliases VALUES (?, ?, ?)",
            [(entity.id, i, alias) for i, alias in enumerate(entity.aliases)],
        )
        keys = {normalize_name(n) for n in (entity.label, *entity.aliases)} - {""}
        c.executemany(
            "INSERT INTO names VALUES (?, ?, ?)",
            [(key, entity.id, name_tokens(key)) for key in keys],
        )

    def add_fact(
        self, fact: KBFact, *, statement_id: str | None = None, source_id: int | None = None
    ) -> int:
        """Insert a fact with its qualifiers; returns its row id."""
        self._require_transaction()
        cur = self._conn.execute(
            f"INSERT INTO facts (subject, property, {VALUE_COLUMNS}, rank, source, statement_id,"
            " source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (fact.subject, fact.property, *value_row(fact.value), fact.rank, fact.source,
             statement_id, source_id),
        )
        fact_id = int(cur.lastrowid or 0)
        rows = [
            (fact_id, i, pid, *value_row(v))
            for i, (pid, v) in enumerate(
                (pid, v) for pid, values in fact.qualifiers.items() for v in values
            )
        ]
        self._conn.executemany(
            f"INSERT INTO qualifiers (fact_id, position, property, {VALUE_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return fact_id

    def type_by_use(self, rules: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Give entities of type "other" the type their use as a value implies (an award
        received is an award), the first rule that applies winning."""
        self._require_transaction()
        for etype, props in rules:
            marks = ",".join("?" * len(props))
            self._conn.execute(
                f"UPDATE entities SET type = ? WHERE type = 'other' AND id IN "  # noqa: S608
                f"(SELECT value_entity FROM facts WHERE property IN ({marks}) "
                "AND value_entity IS NOT NULL)",
                (etype, *props),
            )

    def type_by_class_label(self, labels: Mapping[str, str]) -> None:
        """Give entities of type "other" the type their class's label names, for classes
        defined in the file itself (a local "human" item as the P31 of the people)."""
        self._require_transaction()
        for label, etype in labels.items():
            self._conn.execute(
                "UPDATE entities SET type = ? WHERE type = 'other' AND id IN "
                "(SELECT f.subject FROM facts f JOIN entities c ON c.id = f.value_entity "
                "WHERE f.property = 'P31' AND lower(c.label) = ?)",
                (etype, label),
            )

    def add_redirect(self, from_id: str, to_id: str) -> None:
        """Make ``from_id`` an alias id of ``to_id`` (Wikidata merges)."""
        self._require_transaction()
        if from_id != to_id:
            self._conn.execute("INSERT OR REPLACE INTO redirects VALUES (?, ?)", (from_id, to_id))

    def delete_statements(self, subject: str, statement_ids: Iterable[str] | None = None) -> None:
        """Delete imported statements of ``subject``: these ids, or all that have one."""
        self._require_transaction()
        if statement_ids is None:
            self._delete_facts("subject = ? AND statement_id IS NOT NULL", (subject,))
            return
        for chunk in _chunks(list(statement_ids)):
            marks = ",".join("?" * len(chunk))
            self._delete_facts(f"statement_id IN ({marks})", tuple(chunk))

    def _delete_facts(self, where: str, params: tuple[object, ...]) -> None:
        self._conn.execute(
            f"DELETE FROM qualifiers WHERE fact_id IN (SELECT id FROM facts WHERE {where})", params
        )
        self._conn.execute(f"DELETE FROM facts WHERE {where}", params)

    def entity_revision(self, entity_id: str) -> str | None:
        """The stored revision stamp of an entity ("" when unknown), None when absent."""
        row = self._conn.execute(
            "SELECT revision FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    # -- readers (KBReader) -------------------------------------------------------------------

    def resolve_id(self, entity_id: str) -> str:
        """Follow redirects (a few hops at most, so a cycle cannot hang a lookup)."""
        for _ in range(5):
            row = self._conn.execute(
                "SELECT to_id FROM redirects WHERE from_id = ?", (entity_id,)
            ).fetchone()
            if row is None:
                break
            entity_id = str(row[0])
        return entity_id

    def entity(self, entity_id: str) -> KBEntity | None:
        found = self._entities([self.resolve_id(entity_id)])
        return next(iter(found.values()), None)

    def _entities(self, ids: Sequence[str]) -> dict[str, KBEntity]:
        rows: dict[str, tuple[object, ...]] = {}
        aliases: dict[str, list[str]] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                "SELECT id, label, type, description, source FROM entities"
                f" WHERE id IN ({marks})", chunk,
            ):
                rows[str(row[0])] = row
            for eid, alias in self._conn.execute(
                f"SELECT entity_id, alias FROM aliases WHERE entity_id IN ({marks})"
                " ORDER BY entity_id, position", chunk,
            ):
                aliases.setdefault(eid, []).append(alias)
        return {
            eid: KBEntity(eid, str(label), etype, str(desc), tuple(aliases.get(eid, ())),  # type: ignore[arg-type]
                          str(source))
            for eid, (_, label, etype, desc, source) in rows.items()
        }

    def candidates(self, names: Iterable[str]) -> dict[str, list[KBEntity]]:
        keys = list(dict.fromkeys(n for n in names if n))
        pairs: list[tuple[str, str]] = []
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            pairs.extend(self._conn.execute(
                f"SELECT name, entity_id FROM names WHERE name IN ({marks})"
                " ORDER BY name, entity_id", chunk,
            ))
        entities = self._entities([eid for _, eid in pairs])
        result: dict[str, list[KBEntity]] = {}
        for name, eid in pairs:
            if eid in entities:
                result.setdefault(name, []).append(entities[eid])
        return result

    def find(self, query: str) -> list[KBEntity]:
        """Entities whose id is ``query`` or whose label/alias matches it after normalisation."""
        entity = self.entity(query.strip())
        if entity is not None:
            return [entity]
        key = normalize_name(query)
        return self.candidates([key]).get(key, [])

    def facts(self, subject: str, properties: Iterable[str] | None = None) -> list[KBFact]:
        return self._facts("x.subject = ?", self.resolve_id(subject), properties)

    def facts_with_value(
        self, entity_id: str, properties: Iterable[str] | None = None
    ) -> list[KBFact]:
        target = self.resolve_id(entity_id)
        return self._facts(
            "(x.value_entity = ? OR x.value_entity IN "
            "(SELECT from_id FROM redirects WHERE to_id = ?))",
            (target, target), properties,
        )

    def _facts(
        self, where: str, params: str | tuple[str, ...], properties: Iterable[str] | None
    ) -> list[KBFact]:
        args = [params] if isinstance(params, str) else list(params)
        if properties is not None:
            props = list(properties)
            where += f" AND x.property IN ({','.join('?' * len(props))})"
            args.extend(props)
        rows = self._conn.execute(
            f"SELECT x.id, x.subject, x.property, {VALUE_SELECT}, x.rank, x.source FROM facts x"
            f" {VALUE_JOIN} WHERE {where} AND x.rank != 'deprecated' ORDER BY x.id", args,
        ).fetchall()
        qualifiers = self._qualifiers([int(r[0]) for r in rows])
        return [
            KBFact(str(r[1]), str(r[2]), value_from_row(r[3:9]), str(r[10]),
                   qualifiers.get(int(r[0]), {}), r[9], int(r[0]))  # type: ignore[arg-type]
            for r in rows
        ]

    def _qualifiers(self, fact_ids: list[int]) -> dict[int, dict[str, tuple[KBValue, ...]]]:
        found: dict[int, dict[str, list[KBValue]]] = {}
        for start in range(0, len(fact_ids), _BATCH):
            chunk = fact_ids[start : start + _BATCH]
            for row in self._conn.execute(
                f"SELECT x.fact_id, x.property, {VALUE_SELECT} FROM qualifiers x {VALUE_JOIN}"
                f" WHERE x.fact_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY x.fact_id, x.position", chunk,
            ):
                found.setdefault(int(row[0]), {}).setdefault(str(row[1]), []).append(
                    value_from_row(row[2:8])
                )
        return {fid: {p: tuple(v) for p, v in q.items()} for fid, q in found.items()}

    @property
    def max_name_tokens(self) -> int:
        if self._max_tokens is None:
            row = self._conn.execute("SELECT MAX(tokens) FROM names").fetchone()
            self._max_tokens = int(row[0] or 0)
        return self._max_tokens

    @property
    def title_tails(self) -> frozenset[str]:
        if self._title_tails is None:
            # SQLite narrows the scan to names with a word not opening on a capital or digit
            # after a space (a superset of what title_tails keeps): Python then reads tens of
            # names, not the whole KB (2.3 s -> 0.07 s on 300,000 entities)
            rows = self._conn.execute(
                "SELECT label FROM entities WHERE label GLOB ?1 AND label NOT GLOB ?2 "
                "UNION ALL SELECT alias FROM aliases WHERE alias GLOB ?1 AND alias NOT GLOB ?2",
                ("* [^A-Z0-9]*", "[a-z0-9]*"))
            self._title_tails = title_tails(name for (name,) in rows)
        return self._title_tails

    @property
    def colon_titles(self) -> dict[str, frozenset[str]]:
        if self._colon_titles is None:
            self._colon_titles = colon_titles(self._names_like("*: *"))
        return self._colon_titles

    @property
    def lowercase_names(self) -> dict[str, frozenset[str]]:
        if self._lowercase_names is None:
            # (names opening on a lower-case letter or digit, with two spaces at least)
            self._lowercase_names = lowercase_names(self._names_like("[a-z0-9]* * *"))
        return self._lowercase_names

    def _names_like(self, pattern: str) -> Iterator[str]:
        """Labels and aliases matching a GLOB ``pattern``: SQLite narrows the scan, so that
        Python reads the few names a table needs, not the whole KB."""
        rows = self._conn.execute(
            "SELECT label FROM entities WHERE label GLOB ?1 "
            "UNION ALL SELECT alias FROM aliases WHERE alias GLOB ?1", (pattern,))
        return (name for (name,) in rows)

    def stats(self) -> dict[str, int]:
        count = self._conn.execute
        return {
            "entities": count("SELECT count(*) FROM entities").fetchone()[0],
            "aliases": count("SELECT count(*) FROM aliases").fetchone()[0],
            "names": count("SELECT count(*) FROM names").fetchone()[0],
            "facts": count("SELECT count(*) FROM facts").fetchone()[0],
            "redirects": count("SELECT count(*) FROM redirects").fetchone()[0],
            "sources": count("SELECT count(*) FROM sources").fetchone()[0],
        }

    def sources(self) -> list[dict[str, object]]:
        """The files imported into this KB: path, format, time, entity and fact counts."""
        cur = self._conn.execute(
            "SELECT path, format, imported_at, entities, facts FROM sources ORDER BY id"
        )
        keys = ("path", "format", "imported_at", "entities", "facts")
        return [dict(zip(keys, row, strict=True)) for row in cur]
