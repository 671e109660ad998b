"""Read an article file (.txt, .md, .html) into an Article: text, title, sections, blocks, date.

A plain-text file keeps its text exactly (BOM dropped, line ends normalised to "\\n"), so offsets
in reports point into the file as an editor sees it. Markdown and HTML are rendered to plain
text first (markup dropped, one block per line); offsets point into that rendering.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from analysis.errors import InputError
from analysis.layout import Line, build_article, classify_plain_lines, split_lines
from analysis.markup import render_html, render_markdown
from analysis.models import Article

MAX_BYTES = 5 * 1024 * 1024
"""Articles above 5 MiB are refused: a profile is a few thousand words; a larger file is
almost always the wrong file (a dump, a book), and spaCy's memory grows with document length."""

_SUFFIX_FORMAT = {
    ".txt": "txt", ".text": "txt", "": "txt",
    ".md": "md", ".markdown": "md", ".mdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<p[\s>])", re.I)


def read_article(path: str | Path) -> Article:
    """Read, decode and structure one article file.

    Raises:
        InputError: missing, not a file, empty, binary, over MAX_BYTES, or undecodable.
    """
    path = Path(path)
    data = _read_bytes(path)
    text = decode(data, str(path))
    fmt = _SUFFIX_FORMAT.get(path.suffix.lower())
    if fmt is None:
        fmt = "html" if _HTML_SNIFF.match(text) else "txt"
    return parse_text(text, path=str(path), fmt=fmt, sha256=hashlib.sha256(data).hexdigest())


def parse_text(text: str, *, path: str = "<text>", fmt: str = "txt", sha256: str = "") -> Article:
    """Structure already-decoded text (used by read_article and by tests)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{path}: the article is empty; give a file with text in it")
    sha256 = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    meta: dict[str, str] = {}
    if fmt == "md":
        text, lines, meta = render_markdown(text)
        if not text.strip():
            raise InputError(f"{path}: the article is empty (front matter or code only); "
                             "give a file with text in it")
    elif fmt == "html":
        text, lines, meta = render_html(text)
        if not text.strip():
            raise InputError(f"{path}: the HTML page has no visible text")
    else:
        lines = classify_plain_lines(text, split_lines(text))
    default_title = Path(path).stem.replace("-", " ").replace("_", " ").strip().title()
    return build_article(
        text, lines, path=path, fmt=fmt, sha256=sha256, meta=meta, default_title=default_title
    )


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if not path.is_file():
        raise InputError(f"{path}: not a file; give the path of an article (.txt, .md, .html)")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            f"{path}: {size / 1048576:.1f} MiB is over the {MAX_BYTES // 1048576} MiB limit "
            "for one article; split it into articles"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not data.strip():
        raise InputError(f"{path}: the article is empty; give a file with text in it")
    return data


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Raises:
        InputError: binary data, or bytes that are neither UTF-8 nor Windows-1252.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: broken UTF-16; re-save the file as UTF-8") from exc
    if b"\x00" in data[:4096] or _control_share(data[:4096]) > 0.05:
        raise InputError(f"{name}: looks like a binary file, not text; give a .txt, .md or .html")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Word and old CMSs still write Windows-1252; it is the only fallback we accept
        # because latin-1 would "decode" any byte soup without complaint.
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: bytes at offset {exc.start} are neither UTF-8 nor Windows-1252; "
            "re-save the file as UTF-8"
        ) from exc


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(data)


__all__ = ["MAX_BYTES", "Line", "decode", "parse_text", "read_article"]
