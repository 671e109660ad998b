"""The batch manifest: which articles are done, under which KB and settings, and their summaries.

The manifest is a SQLite database in the output folder. Each finished article is one committed
row, written only after its report files are in place (each file written atomically), so a
Ctrl-C or ``kill -9`` at any moment loses no finished report and never marks an unfinished one
done. A re-run skips an article whose row has the same *job key*: the hash of its content, the
KB fingerprint and the settings (as-of date, model, formats, tool version).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from analysis.closing import Closing
from analysis.ingest import MAX_BYTES

MANIFEST_NAME = ".factcheck-batch.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    path TEXT PRIMARY KEY,      -- the article path as given (resolved)
    folder TEXT NOT NULL,       -- report folder, relative to the output folder
    job_key TEXT NOT NULL,      -- content hash + KB fingerprint + settings
    sha256 TEXT NOT NULL,
    status TEXT NOT NULL,       -- ok | error
    row TEXT NOT NULL           -- the summary row (JSON)
);
"""


def content_hash(path: Path) -> str:
    """SHA-256 of a file's bytes; a file over the ingest limit or unreadable hashes its stat.

    The stat fallback keeps a huge or unreadable file from being read into memory; it is
    recorded as an error anyway, and a change of size or time redoes it.
    """
    try:
        stat = path.stat()
        if stat.st_size > MAX_BYTES or not path.is_file():
            return f"stat:{stat.st_size}:{stat.st_mtime_ns}"
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError as exc:
        return f"unreadable:{exc.errno}"


def kb_fingerprint(kb_paths: Sequence[Path], bundled: bool) -> str:
    """Hash of every KB file of a run (path, size, modification time): a KB edit redoes all.

    Raises:
        KBError: a ``--kb`` path that cannot be used (as when loading it).
    """
    from analysis.kb.loader import bundled_kb_dir, collect_kb_files

    folder = bundled_kb_dir() if bundled else None
    found = collect_kb_files([*([folder] if folder else []), *kb_paths])
    digest = hashlib.sha256()
    for kind in sorted(found):
        for file in found[kind]:
            stat = file.stat()
            digest.update(f"{kind}\0{file.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def job_key(sha256: str, kb_print: str, settings: dict[str, Any]) -> str:
    """The key a finished article is stored under; any change in its parts redoes it."""
    blob = json.dumps([sha256, kb_print, settings], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class Manifest(Closing):
    """The SQLite manifest of one output folder (one writer: the batch's driver process)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / MANIFEST_NAME
        # Autocommit off; each record() is one transaction. WAL would leave -wal files behind
        # after a kill; the default rollback journal is recovered on the next open.
        # The batch's writer thread records rows while the driver waits; never both at once.
        self._conn = sqlite3.connect(self.path, check_same_thread=False)
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.executescript(_SCHEMA)
        self._conn.commit()

    def close(self) -> None:
        self._conn.close()


    def done(self, path: str, key: str) -> dict[str, Any] | None:
        """The stored row of ``path`` when it was finished under ``key``, else None."""
        found = self._conn.execute(
            "SELECT row FROM articles WHERE path = ? AND job_key = ?", (path, key)
        ).fetchone()
        return json.loads(found[0]) if found else None

    def folder_of(self, path: str) -> str | None:
        found = self._conn.execute("SELECT folder FROM articles WHERE path = ?", (path,)).fetchone()
        return found[0] if found else None

    def folders(self) -> set[str]:
        return {r[0] for r in self._conn.execute("SELECT folder FROM articles")}

    def record(self, row: dict[str, Any], key: str) -> None:
        """Mark one article finished (after its files are written)."""
        with self._conn:
            self._conn.execute(
                "INSERT OR REPLACE INTO articles (path, folder, job_key, sha256, status, row) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (row["path"], row["folder"], key, row.get("sha256") or "", row["status"],
                 json.dumps(row, ensure_ascii=False)),
            )

    def rows(self, paths: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        """Stored rows (all, or those of ``paths``), in path order, one at a time."""
        wanted = None if paths is None else set(paths)
        for (text,) in self._conn.execute("SELECT row FROM articles ORDER BY path"):
            row = json.loads(text)
            if wanted is None or row["path"] in wanted:
                yield row
