"""The review database: every editor decision on a flag, in SQLite.

Decisions are appended, never updated: the current decision on a flag is its latest row, and the
history stays for export. Each write is one short ``BEGIN IMMEDIATE`` transaction on its own
connection, in WAL mode with a busy timeout, so editors writing at the same moment (threads of
the review server, several ``factcheck review`` processes) wait for each other and lose nothing.

Default location: ``$FACTCHECK_REVIEW_DB``, else ``./factcheck-reviews.db``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analysis.errors import FactcheckError

SCHEMA_VERSION = 1
DB_ENV = "FACTCHECK_REVIEW_DB"
DEFAULT_DB = "factcheck-reviews.db"
STATUSES = ("open", "confirmed", "dismissed", "fixed")
MAX_NOTE, MAX_REVIEWER, MAX_VALUE = 2000, 100, 500
_BUSY_MS = 30_000
_APP_ID = 0x46435256  # "FCRV": marks the file as ours

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint TEXT NOT NULL,
    loose_key TEXT NOT NULL,
    article TEXT NOT NULL,
    flag_id TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    sentence TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ({", ".join(repr(s) for s in STATUSES)})),
    reviewer TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    corrected_value TEXT,
    corrected_source TEXT,
    time TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_fingerprint ON decisions (fingerprint, id);
CREATE INDEX IF NOT EXISTS decisions_article ON decisions (article, id);
"""


class ReviewError(FactcheckError):
    """A review database that cannot be used, or a decision that is not valid."""


@dataclass(frozen=True)
class Decision:
    """One editor decision on one flag (a row of the database)."""

    fingerprint: str
    loose_key: str
    article: str
    status: str
    flag_id: str = ""
    category: str = ""
    sentence: str = ""
    message: str = ""
    reviewer: str = ""
    note: str = ""
    corrected_value: str | None = None
    corrected_source: str | None = None
    time: str = ""
    id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


_COLUMNS = [f.name for f in fields(Decision) if f.name != "id"]


def default_db_path() -> Path:
    """``$FACTCHECK_REVIEW_DB``, else ``./factcheck-reviews.db``."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def validate(decision: Decision) -> Decision:
    """``decision`` with its text trimmed, or a ReviewError naming the bad field."""
    if decision.status not in STATUSES:
        raise ReviewError(f"status '{decision.status}' is not one of {', '.join(STATUSES)}")
    limits = {"note": MAX_NOTE, "reviewer": MAX_REVIEWER, "corrected_value": MAX_VALUE,
              "corrected_source": MAX_NOTE}
    for name, limit in limits.items():
        value = getattr(decision, name)
        if value is not None and len(value) > limit:
            raise ReviewError(f"{name.replace('_', ' ')} is longer than {limit} characters")
    if not decision.fingerprint or not decision.article:
        raise ReviewError("a decision needs the flag's fingerprint and article")
    return decision


class ReviewStore:
    """The review database at ``path`` (created on first write)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.exists():
            with self._connect() as conn:
                self._check_schema(conn)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            conn = sqlite3.connect(self.path, timeout=_BUSY_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise ReviewError(f"{self.path}: cannot open the review database ({exc})") from exc
        with closing(conn):
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
            conn.row_factory = sqlite3.Row
            yield conn

    def _check_schema(self, conn: sqlite3.Connection) -> None:
        try:
            app, version, tables = self._header(conn)
            if tables and app != _APP_ID:
                # Another process may be creating the database this very moment: look again
                # behind the write lock, which waits for its transaction to end.
                conn.execute("BEGIN IMMEDIATE")
                try:
                    app, version, tables = self._header(conn)
                finally:
                    conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise ReviewError(f"{self.path}: not an SQLite database ({exc}); "
                              "give another --db") from exc
        if tables and app != _APP_ID:
            raise ReviewError(f"{self.path}: not a factcheck review database; give another --db")
        if tables and version != SCHEMA_VERSION:
            raise ReviewError(f"{self.path}: review database schema {version}, this factcheck "
                              f"reads {SCHEMA_VERSION}; upgrade factcheck or use another --db")

    @staticmethod
    def _header(conn: sqlite3.Connection) -> tuple[int, int, int]:
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return app, version, tables

    def record(self, decision: Decision) -> Decision:
        """Append ``decision`` (stamped now unless it has a time) and return it with its id."""
        decision = validate(decision)
        if not decision.time:
            decision = Decision(**{**decision.as_dict(), "time": now()})
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            if not self._has_table(conn):
                self._init(conn)
            conn.execute("BEGIN IMMEDIATE")
            try:
                cur = conn.execute(
                    f"INSERT INTO decisions ({', '.join(_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(_COLUMNS))})",
                    [getattr(decision, c) for c in _COLUMNS],
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return Decision(**{**decision.as_dict(), "id": cur.lastrowid})

    @staticmethod
    def _has_table(conn: sqlite3.Connection) -> bool:
        row = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decisions'").fetchone()
        return row is not None

    def _init(self, conn: sqlite3.Connection) -> None:
        self._check_schema(conn)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have created it between our check and the lock.
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {_APP_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _select(self, where: str = "", params: tuple[Any, ...] = (),
                latest: bool = True) -> list[Decision]:
        if not self.path.exists():
            return []
        with self._connect() as conn:
            if not self._has_table(conn):
                return []
            sql = f"SELECT id, {', '.join(_COLUMNS)} FROM decisions"
            conds = [where] if where else []
            if latest:
                conds.append("id IN (SELECT MAX(id) FROM decisions GROUP BY fingerprint)")
            if conds:
                sql += " WHERE " + " AND ".join(conds)
            rows = conn.execute(sql + " ORDER BY id", params).fetchall()
        return [Decision(**dict(row)) for row in rows]

    def current(self, article: str) -> list[Decision]:
        """The latest decision on each flag of ``article`` (an ``article_key``)."""
        return self._select("article = ?", (article,))

    def all_current(self) -> list[Decision]:
        """The latest decision on every flag of every article."""
        return self._select()

    def history(self) -> list[Decision]:
        """Every decision ever recorded, oldest first."""
        return self._select(latest=False)
