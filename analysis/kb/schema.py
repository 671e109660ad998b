"""The KB's SQLite schema, its version, and opening a database file safely.

A KB database says what it is: a ``meta`` table holds the application id and the schema version
(the same id is also in SQLite's ``PRAGMA application_id``), so that a foreign SQLite file or a
KB written by another version of factcheck is refused with a message that says what to do,
instead of failing later on a missing column.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from analysis.dates import PartialDate
from analysis.errors import KBError
from analysis.kb.model import KBValue

APP_ID = "factcheck-kb"
SCHEMA_VERSION = 2  # 2: name keys keep a closing "+"/"#" ("c++")
# "FCKB" as a 32-bit integer; lets `file`/sqlite tools recognise the database too.
SQLITE_APPLICATION_ID = 0x46434B42
_SQLITE_MAGIC = b"SQLite format 3\x00"

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sources (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, format TEXT NOT NULL,
    imported_at TEXT NOT NULL, entities INTEGER NOT NULL DEFAULT 0,
    facts INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, type TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',
    revision TEXT NOT NULL DEFAULT '', source_id INTEGER
) WITHOUT ROWID;
CREATE TABLE aliases (
    entity_id TEXT NOT NULL, position INTEGER NOT NULL, alias TEXT NOT NULL,
    PRIMARY KEY (entity_id, position)
) WITHOUT ROWID;
-- The lookup index of the linker: normalised label or alias -> entity.
CREATE TABLE names (
    name TEXT NOT NULL, entity_id TEXT NOT NULL, tokens INTEGER NOT NULL,
    PRIMARY KEY (name, entity_id)
) WITHOUT ROWID;
CREATE INDEX names_entity ON names (entity_id);
CREATE INDEX names_tokens ON names (tokens);
CREATE TABLE facts (
    id INTEGER PRIMARY KEY, subject TEXT NOT NULL, property TEXT NOT NULL,
    value_type TEXT NOT NULL, value_entity TEXT, value_text TEXT, value_date TEXT,
    value_precision TEXT, value_number REAL, rank TEXT NOT NULL DEFAULT 'normal',
    source TEXT NOT NULL, statement_id TEXT, source_id INTEGER
);
CREATE INDEX facts_subject ON facts (subject, property);
CREATE INDEX facts_value ON facts (value_entity, property) WHERE value_entity IS NOT NULL;
CREATE INDEX facts_statement ON facts (statement_id) WHERE statement_id IS NOT NULL;
CREATE INDEX facts_source ON facts (source_id);
CREATE TABLE qualifiers (
    fact_id INTEGER NOT NULL, position INTEGER NOT NULL, property TEXT NOT NULL,
    value_type TEXT NOT NULL, value_entity TEXT, value_text TEXT, value_date TEXT,
    value_precision TEXT, value_number REAL,
    PRIMARY KEY (fact_id, position)
) WITHOUT ROWID;
CREATE TABLE redirects (from_id TEXT PRIMARY KEY, to_id TEXT NOT NULL) WITHOUT ROWID;
"""

VALUE_COLUMNS = "value_type, value_entity, value_text, value_date, value_precision, value_number"
# Entity values resolve through redirects and show the target's label when it is in the KB.
VALUE_SELECT = (
    "x.value_type, COALESCE(r.to_id, x.value_entity), x.value_text, x.value_date, "
    "x.value_number, e.label"
)
VALUE_JOIN = (
    "LEFT JOIN redirects r ON r.from_id = x.value_entity "
    "LEFT JOIN entities e ON e.id = COALESCE(r.to_id, x.value_entity)"
)


def value_row(value: KBValue) -> tuple[object, ...]:
    date = value.date
    return (
        value.type,
        value.entity_id,
        None if value.type == "entity" else value.text,
        str(date) if date else None,
        date.precision if date else None,
        value.number,
    )


def value_from_row(row: Sequence[object]) -> KBValue:
    vtype, entity_id, text, date, number, label = row
    if vtype == "entity":
        return KBValue("entity", str(label or text or entity_id), entity_id=str(entity_id))
    parsed = PartialDate.parse(str(date)) if date else None
    return KBValue(
        str(vtype),  # type: ignore[arg-type]
        str(text if text is not None else (date or "")),
        date=parsed,
        number=float(number) if number is not None else None,  # type: ignore[arg-type]
    )


_FIX = "create a new one with 'factcheck kb import SOURCE... --db NEW.db'"


def _check_header(path: Path) -> None:
    if path.is_dir():
        raise KBError(f"{path}: is a folder, not a KB database (give a .db file)")
    with path.open("rb") as fh:
        head = fh.read(len(_SQLITE_MAGIC))
    if head and head != _SQLITE_MAGIC:
        raise KBError(
            f"{path}: not a SQLite database, so not a factcheck KB; "
            f"pass YAML/JSON KB files with --kb, or {_FIX}"
        )


def _check_meta(conn: sqlite3.Connection, path: Path) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "meta" not in tables:
        raise KBError(f"{path}: a SQLite database but not a factcheck KB (no meta table); {_FIX}")
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    if meta.get("app_id") != APP_ID:
        raise KBError(
            f"{path}: a SQLite database of another application "
            f"(app_id {meta.get('app_id')!r}), not a factcheck KB; {_FIX}"
        )
    version = meta.get("schema_version")
    if version != str(SCHEMA_VERSION):
        raise KBError(
            f"{path}: KB schema version {version}, but this factcheck reads version "
            f"{SCHEMA_VERSION}; re-import its sources into a new database: {_FIX}"
        )


def _initialise(conn: sqlite3.Connection) -> None:
    conn.executescript(DDL)
    conn.execute(f"PRAGMA application_id = {SQLITE_APPLICATION_ID}")
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("app_id", APP_ID), ("schema_version", str(SCHEMA_VERSION))],
    )


def connect(
    path: Path | None, *, create: bool = False, readonly: bool = False
) -> sqlite3.Connection:
    """Open (and with ``create`` initialise) a KB database; ``None`` means in memory.

    Raises:
        KBError: the file is missing (without ``create``), not SQLite, another application's
            database, or a KB of another schema version.
    """
    if path is None:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _initialise(conn)
        return conn
    exists = path.exists()
    if not exists and (not create or readonly):
        raise KBError(f"{path}: no KB database there; {_FIX.replace('NEW.db', str(path))}")
    if exists:
        _check_header(path)
    conn: sqlite3.Connection | None = None
    try:
        if readonly:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        empty = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        if empty and create and not readonly:
            _initialise(conn)
        elif empty:
            raise KBError(f"{path}: an empty database, not a factcheck KB; {_FIX}")
        _check_meta(conn, path)
    except (sqlite3.DatabaseError, KBError) as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, KBError):
            raise
        raise KBError(f"{path}: cannot read it as a KB database ({exc}); {_FIX}") from exc
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MB: imports touch several large indexes
    if not readonly:
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn
