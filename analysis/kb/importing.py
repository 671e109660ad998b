"""What every importer shares: its report, and reading plain or compressed text files."""

from __future__ import annotations

import bz2
import gzip
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from analysis.errors import KBError

MAX_LISTED_LINES = 50  # line numbers kept for the report; the count covers all of them


@dataclass
class ImportReport:
    """Counts of one import: what went in and what was skipped, and why."""

    path: str
    format: str
    entities: int = 0
    facts: int = 0
    redirects: int = 0
    skipped_line_count: int = 0
    skipped_lines: list[int] = field(default_factory=list)
    skipped_properties: Counter[str] = field(default_factory=Counter)
    skipped_values: Counter[str] = field(default_factory=Counter)
    skipped_entities: Counter[str] = field(default_factory=Counter)
    missing: list[str] = field(default_factory=list)
    deprecated: int = 0
    older_revisions: int = 0

    def skip_line(self, line: int) -> None:
        self.skipped_line_count += 1
        if len(self.skipped_lines) < MAX_LISTED_LINES:
            self.skipped_lines.append(line)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form with stable keys."""
        return {
            "path": self.path,
            "format": self.format,
            "entities": self.entities,
            "facts": self.facts,
            "redirects": self.redirects,
            "skipped_lines": {"count": self.skipped_line_count, "lines": self.skipped_lines},
            "skipped_properties": dict(self.skipped_properties.most_common()),
            "skipped_values": dict(self.skipped_values),
            "skipped_entities": dict(self.skipped_entities),
            "missing": self.missing,
            "deprecated": self.deprecated,
            "older_revisions": self.older_revisions,
        }


def open_text(path: Path) -> IO[str]:
    """Open a UTF-8 text file that may be gzip- or bzip2-compressed (sniffed, not by name).

    Raises:
        KBError: the file cannot be opened.
    """
    try:
        with path.open("rb") as fh:
            magic = fh.read(3)
        if magic[:2] == b"\x1f\x8b":
            return gzip.open(path, "rt", encoding="utf-8")
        if magic == b"BZh":
            return bz2.open(path, "rt", encoding="utf-8")
        return io.open(path, encoding="utf-8-sig")  # noqa: UP020 -- one opener for all three
    except OSError as exc:
        raise KBError(f"{path}: cannot open it ({exc.strerror or exc})") from exc


def read_error(path: Path, exc: BaseException, line: int) -> KBError:
    """A one-line KBError for a failure while reading ``path`` after ``line`` lines."""
    if isinstance(exc, EOFError):
        return KBError(
            f"{path}: the compressed file is truncated (its stream ends after line {line}); "
            "copy or download it again -- nothing was imported"
        )
    if isinstance(exc, UnicodeDecodeError):
        return KBError(f"{path}:{line + 1}: not UTF-8 text; KB files must be UTF-8")
    return KBError(f"{path}: cannot read it after line {line} ({exc}); is the file damaged?")
