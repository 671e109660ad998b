"""Render Markdown and HTML to plain text, one block per line, with each block's kind.

The rendering is what the pipeline reads and what report offsets point into; markup that
carries layout (headings, bullets, block quotes) becomes block kinds, the rest is dropped.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import yaml

from analysis.layout import Line, with_date_label

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_SETEXT = re.compile(r"^(=+|-+)\s*$")
_MD_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"<[^>]+>"), ""),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!])"), r"\1"),
]
_ATTRIBUTION = re.compile(r"^(?P<q>.*?)\s*(?:[—–]|--)\s*(?P<attr>[^—–]+)$")
_QUOTES = "“”\"'‘’"


class _Writer:
    """Accumulates rendered blocks and their Line records."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.lines: list[Line] = []

    def add(
        self, kind: str, content: str, prefix: str = "", attribution: str | None = None
    ) -> None:
        content = " ".join(content.split())
        if not content:
            return
        sep = "" if not self.parts else "\n" if kind == "bullet" == self._last_kind() else "\n\n"
        self._write(sep + prefix)
        start = self.pos
        self._write(content)
        line = Line(start, self.pos, kind=kind, blank_before=sep == "\n\n")
        if kind == "pull_quote" and attribution:
            self._write(" — ")
            line = Line(
                start,
                start + len(content),
                kind=kind,
                attribution=attribution,
                attribution_start=self.pos,
            )
            self._write(attribution)
        if kind in ("bullet", "paragraph"):
            line = with_date_label(self.text(), line)
            if line.date_label and kind == "paragraph":
                line = Line(line.start, line.end, "bullet", line.blank_before, line.date_label)
        self.lines.append(line)

    def _last_kind(self) -> str:
        return self.lines[-1].kind if self.lines else ""

    def _write(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def text(self) -> str:
        return "".join(self.parts)


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    try:
        data = yaml.safe_load(m["body"])
    except yaml.YAMLError:
        data = None
    meta = {k: str(v) for k, v in data.items() if v is not None} if isinstance(data, dict) else {}
    return text[m.end() :], {k.lower(): v for k, v in meta.items()}


def _inline(s: str) -> str:
    for pattern, repl in _MD_INLINE:
        s = pattern.sub(repl, s)
    return unescape(s)


def _split_quote(raw: str) -> tuple[str, str | None]:
    """Split "“Quoted.” — Attribution" into the quote (quotation marks dropped) and attribution."""
    m = _ATTRIBUTION.match(raw)
    quote, attr = (m["q"], m["attr"].strip()) if m and m["q"] else (raw, None)
    return _unquote(quote), attr


_DOUBLE = "“”\""


def _unquote(text: str) -> str:
    """The quotation without the marks around it, when they enclose all of it.

    ('"Music is the weapon of the future," as he liked to put it.' keeps its marks: the
    quotation is only part of the block, and dropping the first mark would unbalance it.)
    """
    text = text.strip()
    if len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES and not any(
            c in _DOUBLE for c in text[1:-1]):
        return text[1:-1].strip()
    if len(text) > 1 and text[0] in _QUOTES and text[-1] not in _QUOTES and \
            not any(c in _DOUBLE for c in text[1:]):
        return text[1:].strip()  # an opening mark the closing one never came for
    return text


def render_markdown(source: str) -> tuple[str, list[Line], dict[str, str]]:
    """Render Markdown: returns (text, lines, front-matter metadata)."""
    body, meta = _front_matter(source)
    out = _Writer()
    para: list[str] = []
    quote: list[str] = []
    in_fence = False

    def flush() -> None:
        if para:
            out.add("paragraph", _inline(" ".join(para)))
            para.clear()
        if quote:
            text, attr = _split_quote(_inline(" ".join(quote)))
            out.add("pull_quote", text, attribution=attr)
            quote.clear()

    raw_lines = body.split("\n")
    for i, raw in enumerate(raw_lines):
        if raw.lstrip().startswith(("```", "~~~")):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        nxt = raw_lines[i + 1] if i + 1 < len(raw_lines) else ""
        if m := _MD_HEADING.match(raw):
            flush()
            is_title = len(m["hashes"]) == 1 and not out.lines and "title" not in meta
            out.add("title" if is_title else "heading", _inline(m["text"]))
        elif raw.strip() and not para and _MD_SETEXT.match(nxt) and not _MD_BULLET.match(raw):
            flush()
            out.add("heading", _inline(raw))
        elif _MD_SETEXT.match(raw) and out.lines and out.lines[-1].kind == "heading":
            continue
        elif raw.lstrip().startswith(">"):
            if para:
                flush()
            quote.append(raw.lstrip()[1:].strip())
        elif m := _MD_BULLET.match(raw):
            flush()
            out.add("bullet", _inline(raw[m.end() :]), prefix="- ")
        elif not raw.strip():
            flush()
        else:
            if quote:
                flush()
            para.append(raw.strip())
    flush()
    return out.text(), out.lines, meta


_BLOCK_TAGS = {
    "p": "paragraph",
    "li": "bullet",
    "figcaption": "paragraph",
    "dd": "paragraph",
    "dt": "paragraph",
    "td": "paragraph",
    "pre": "paragraph",
}
_HEADINGS = {f"h{i}" for i in range(1, 7)}
_SKIP = {"script", "style", "noscript", "nav", "template", "svg", "form", "button", "select"}
_DATE_META = {
    "date",
    "dc.date",
    "dcterms.date",
    "article:published_time",
    "pubdate",
    "publish-date",
    "publication_date",
    "datepublished",
    "citation_publication_date",
}


class _HTMLRenderer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = _Writer()
        self.meta: dict[str, str] = {}
        self.stack: list[str] = []
        self.buf: list[str] = []
        self.kind: str | None = None
        self.quote: list[str] | None = None
        self.cite: list[str] | None = None
        self.cite_tag = ""
        self.skip = 0
        self.in_title = False
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag in _SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if key in _DATE_META and "date" not in self.meta:
                self.meta["date"] = a.get("content", "")
        elif tag == "time" and a.get("datetime") and "date" not in self.meta:
            self.meta["date"] = a["datetime"]
        elif tag == "blockquote":
            self._flush()
            self.quote = []
        elif self.quote is not None and tag == "p" and not _ATTRIBUTION_CLASS.search(
                a.get("class", "")):
            self.quote.append("\x01")  # a paragraph break inside the quotation
        elif self.quote is not None and (tag in ("cite", "footer") or _ATTRIBUTION_CLASS.search(
                a.get("class", ""))):
            # <cite>, <footer>, or <p class="attribution"> inside the quotation
            self.cite, self.cite_tag = [], tag
        elif tag in _HEADINGS or tag in _BLOCK_TAGS:
            self._flush()
            self.kind = "heading" if tag in _HEADINGS else _BLOCK_TAGS[tag]
            if tag == "h1" and not self.out.lines:
                self.kind = "title"
        elif tag == "br":
            self._data(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag == self.cite_tag and self.cite is not None and self.quote is not None:
            self.quote.append("\x00" + " ".join(self.cite))
            self.cite = None
        elif tag == "blockquote" and self.quote is not None:
            self._flush_quote()
        elif tag in _HEADINGS or tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title.append(data)
        else:
            self._data(data)

    def _data(self, data: str) -> None:
        if self.cite is not None:
            self.cite.append(data)
        elif self.quote is not None:
            self.quote.append(data)
        else:
            self.buf.append(data)

    def _flush(self) -> None:
        text = "".join(self.buf)
        self.buf.clear()
        if self.quote is not None:
            return
        if text.strip():
            self.out.add(
                self.kind or "paragraph", text, prefix="- " if self.kind == "bullet" else ""
            )
        self.kind = None

    def _flush_quote(self) -> None:
        parts = self.quote or []
        self.quote = None
        cite = next((p[1:] for p in parts if p.startswith("\x00")), None)
        paragraphs = [" ".join(p.split()) for p in
                      "".join(p for p in parts if not p.startswith("\x00")).split("\x01")]
        paragraphs = [p for p in paragraphs if p]
        if cite is None and len(paragraphs) > 1 and paragraphs[-1][:1] not in _QUOTES and (
                paragraphs[0][:1] in _QUOTES or _DATED_CREDIT.fullmatch(paragraphs[-1])):
            # <p>"Quoted."</p><p>Tu Youyou, speaking to reporters ...</p>: the last paragraph,
            # outside quotation marks, names the source; so does a short dated line after
            # unquoted text ("Cloud Piece, spring 1963")
            cite, paragraphs = paragraphs[-1], paragraphs[:-1]
        body = " ".join(paragraphs)
        text, attr = _split_quote(" ".join(body.split()))
        attr = " ".join(cite.split()).lstrip("—–- ") if cite else attr
        self.out.add("pull_quote", text, attribution=attr)


_ATTRIBUTION_CLASS = re.compile(r"attribution|credit|byline|source|cite", re.I)
_DATED_CREDIT = re.compile(r"(?:\S+\s+){0,7}\S*\b(?:1[5-9]|20)\d\d\b\S*")


def render_html(source: str) -> tuple[str, list[Line], dict[str, str]]:
    """Render HTML: returns (text, lines, metadata with title and date when stated)."""
    parser = _HTMLRenderer()
    parser.feed(source)
    parser.close()
    parser._flush()
    title = " ".join("".join(parser.title).split())
    meta = dict(parser.meta)
    if title:
        meta["title"] = title
    return parser.out.text(), parser.out.lines, meta
