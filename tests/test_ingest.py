"""Ingest: .txt/.md/.html into an Article (blocks, sections, pull quotes, dates), encodings,
bad input, and the sentence boundaries the layout imposes on the pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from analysis.errors import InputError
from analysis.ingest import MAX_BYTES, parse_text, read_article
from analysis.models import Article

# One short profile of a made-up person in the three formats. Each has a title, two headings,
# a "YEAR: event" bullet, a pull quote with an "— From the section on ..." attribution.
TXT = """\
Ines Moreau: Building Better Bridges

Ines Moreau was born in Lyon in 1961. She studied civil engineering at the Ecole Centrale.

Early Career
She designed footbridges before turning to long spans.
- 1988: Joined the Lyon Bridge Company, where she led the cable team.
- 1996: Became head of design at the Lyon Bridge Company.

“She designed footbridges before turning to long spans.” — From the section on early career

Later Work
Her latest bridge opened in 2019.
"""

MD = """\
---
title: "Ines Moreau: Building Better Bridges"
date: 2024-05-04
---

Ines Moreau was born in Lyon in 1961. She studied civil engineering at the *Ecole Centrale*.

## Early Career

She designed footbridges before turning to long spans.

- 1988: Joined the **Lyon Bridge Company**, where she led the cable team.
- 1996: Became head of design at the Lyon Bridge Company.

> “She designed footbridges before turning to long spans.” — From the section on early career

## Later Work

Her latest bridge opened in 2019.
"""

HTML = """\
<!doctype html>
<html><head>
<title>Ines Moreau: Building Better Bridges</title>
<meta property="article:published_time" content="2024-05-04T09:30:00+02:00">
<style>p { color: red; }</style>
</head><body>
<h1>Ines Moreau: Building Better Bridges</h1>
<p>Ines Moreau was born in Lyon in 1961. She studied civil engineering at the
<em>Ecole Centrale</em>.</p>
<h2>Early Career</h2>
<p>She designed footbridges before turning to long spans.</p>
<ul>
<li>1988: Joined the Lyon Bridge Company, where she led the cable team.</li>
<li>1996: Became head of design at the Lyon Bridge Company.</li>
</ul>
<blockquote><p>“She designed footbridges before turning to long spans.”</p>
<footer>— From the section on early career</footer></blockquote>
<h2>Later Work</h2>
<p>Her latest bridge opened in 2019.</p>
<script>var x = "not text";</script>
</body></html>
"""

FORMATS = [("txt", TXT, None), ("md", MD, date(2024, 5, 4)), ("html", HTML, date(2024, 5, 4))]
TITLE = "Ines Moreau: Building Better Bridges"
BULLET_1988 = "1988: Joined the Lyon Bridge Company, where she led the cable team."
QUOTE = "She designed footbridges before turning to long spans."


def _blocks(article: Article, kind: str) -> list[str]:
    return [article.block_text(b) for b in article.blocks if b.kind == kind]


@pytest.mark.parametrize("fmt, source, article_date", FORMATS)
def test_structure(fmt: str, source: str, article_date: date | None) -> None:
    article = parse_text(source, fmt=fmt, path=f"moreau.{fmt}")
    assert article.source_format == fmt
    assert article.title == TITLE
    assert article.date == article_date
    assert _blocks(article, "heading") == ["Early Career", "Later Work"]
    assert [s.heading for s in article.sections if s.heading] == ["Early Career", "Later Work"]
    bullets = [b for b in article.blocks if b.kind == "bullet"]
    assert [article.block_text(b) for b in bullets][0] == BULLET_1988
    assert [b.date_label for b in bullets] == ["1988", "1996"]
    (quote,) = [b for b in article.blocks if b.kind == "pull_quote"]
    assert article.block_text(quote) == QUOTE
    assert quote.attribution == "From the section on early career"
    assert article.text[quote.attribution_start :].startswith(quote.attribution)
    # Markup never reaches the text the pipeline reads.
    for junk in ("**", "<", "##", "color: red", "not text", "---"):
        assert junk not in article.text


@pytest.mark.parametrize("fmt, source, article_date", FORMATS)
def test_offsets_map_back(fmt: str, source: str, article_date: date | None) -> None:
    article = parse_text(source, fmt=fmt)
    for block in article.blocks:
        text = article.text[block.start : block.end]
        assert text == text.strip() and text, block
        assert not text.startswith(("- ", "#", ">")), block
    for section in article.sections:
        assert 0 <= section.start <= section.end <= len(article.text)
        heading = section.heading
        if heading is not None:
            assert article.text[section.start : section.start + len(heading)] == heading
    # Sections partition the body in order, and every block sits in the section it names.
    starts = [s.start for s in article.sections]
    assert starts == sorted(starts)
    for block in article.blocks:
        if block.kind != "title":
            section = article.sections[block.section]
            assert section.start <= block.start < section.end or block.start == section.start


def test_plain_text_is_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "moreau.txt"
    path.write_text(TXT, encoding="utf-8")
    article = read_article(path)
    assert article.text == TXT
    assert article.sha256 and len(article.sha256) == 64


@pytest.mark.parametrize(
    "line, label",
    [
        ("- 1988: Joined the Lyon Bridge Company.", "1988"),
        ("* 2003: Appointed professor at the Lyon Institute.", "2003"),
        ("1996: Became head of design at the Lyon Bridge Company.", "1996"),
        ("- July 2024: Released the Span model.", "July 2024"),
        ("- 1988–1996 – Head of the cable team at the Lyon Bridge Company.", "1988–1996"),
        ("- Hands-on projects, such as building bridges.", None),
    ],
)
def test_bullet_date_labels(line: str, label: str | None) -> None:
    text = f"Ines Moreau is an engineer.\n\nMilestones\n{line}\nThe end of the list is here.\n"
    article = parse_text(text)
    (bullet,) = [b for b in article.blocks if b.kind == "bullet"]
    assert bullet.date_label == label
    assert article.block_text(bullet).startswith(line.lstrip("-* ")[:10])


@pytest.mark.parametrize(
    "meta, expected",
    [
        ('<meta name="date" content="2021-03-04">', date(2021, 3, 4)),
        pytest.param(
            '<meta name="citation_publication_date" content="2020/01/02">',
            date(2020, 1, 2),
            marks=pytest.mark.xfail(
                reason="YYYY/MM/DD (the Highwire/Scholar citation form) is not parsed",
                strict=True,
            ),
        ),
        ('<meta itemprop="datePublished" content="May 4, 2024">', date(2024, 5, 4)),
        ("", None),
    ],
)
def test_html_meta_date(meta: str, expected: date | None) -> None:
    html = f"<html><head>{meta}</head><body><p>Ines Moreau builds bridges.</p></body></html>"
    assert parse_text(html, fmt="html").date == expected


@pytest.mark.parametrize(
    "front, expected",
    [
        ("date: 2024-05-04", date(2024, 5, 4)),
        ("date: 2024-05-04T10:00:00Z", date(2024, 5, 4)),
        ('date: "May 4, 2024"', date(2024, 5, 4)),
        ("author: Someone", None),
    ],
)
def test_markdown_front_matter_date(front: str, expected: date | None) -> None:
    md = f"---\n{front}\n---\nInes Moreau builds bridges.\n"
    article = parse_text(md, fmt="md")
    assert article.date == expected
    assert article.text == "Ines Moreau builds bridges."


BODY = "Café Owner\n\nZoë Müller was born in 1960. She joined the “Acme” works in 1988.\n"
ENCODINGS = [
    ("utf8-bom", b"\xef\xbb\xbf" + BODY.encode("utf-8")),
    ("crlf", BODY.replace("\n", "\r\n").encode("utf-8")),
    ("cr", BODY.replace("\n", "\r").encode("utf-8")),
    ("bom-and-crlf", b"\xef\xbb\xbf" + BODY.replace("\n", "\r\n").encode("utf-8")),
    ("cp1252", BODY.encode("cp1252")),
    ("utf16-le-bom", BODY.encode("utf-16")),
    ("utf16-be-bom", b"\xfe\xff" + BODY.encode("utf-16-be")),
]


@pytest.mark.parametrize("name, data", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encodings(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert article.text == BODY
    assert article.title == "Café Owner"
    assert "\r" not in article.text and "\ufeff" not in article.text


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as fh:
        fh.truncate(size)


BAD_INPUT: list[tuple[str, Any, str]] = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n\t \r\n", "empty"),
    ("bom-only.txt", b"\xef\xbb\xbf\n", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("nul.md", b"Some text\x00with a NUL byte in it", "binary"),
    ("undecodable.txt", b"Zo\x81 M\x8dller was born \x90 in 1960.\n", "UTF-8"),
    ("scripts-only.html", b"<html><script>x = 1</script></html>", "no visible text"),
    ("front-matter-only.md", b"---\ntitle: Nothing\n---\n", "empty"),
    ("huge.txt", MAX_BYTES + 1, "limit"),
    ("missing.txt", None, "no such file"),
    ("folder.txt", "dir", "not a file"),
]


@pytest.mark.parametrize("name, data, words", BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_bad_input(tmp_path: Path, name: str, data: Any, words: str) -> None:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, int):
        _sparse(path, data)
    elif data == "dir":
        path.mkdir()
    with pytest.raises(InputError) as info:
        read_article(path)
    message = str(info.value)
    assert words in message
    assert "\n" not in message and str(path) in message


def test_size_limit_is_inclusive(tmp_path: Path) -> None:
    path = tmp_path / "exactly.txt"
    path.write_bytes(b"Ines Moreau builds bridges. " + b" " * (MAX_BYTES - 28))
    assert path.stat().st_size == MAX_BYTES
    assert read_article(path).text.startswith("Ines Moreau")


# --- sentence boundaries from the layout (the real model) -----------------------------------


def _sentences(analysis: Any) -> list[str]:
    text = analysis.article.text
    return [text[s:e] for s, e in analysis.sentences]


@pytest.mark.parametrize("fmt, source, article_date", FORMATS)
def test_headings_and_bullets_are_their_own_sentences(
    analyze_text: Any, fmt: str, source: str, article_date: date | None
) -> None:
    analysis = analyze_text(source, fmt=fmt)
    sentences = _sentences(analysis)
    article = analysis.article
    for heading in _blocks(article, "heading") + _blocks(article, "title"):
        assert heading in sentences, f"heading glued to a sentence: {heading!r}"
    assert BULLET_1988 in sentences
    # No sentence crosses a block boundary.
    for start, end in analysis.sentences:
        assert any(b.start <= start and end <= b.end for b in article.blocks), (start, end)
    (s, e) = next(span for span in analysis.sentences if article.text[slice(*span)] == BULLET_1988)
    years = [t.value for t in analysis.timexes if s <= t.start < e and t.type == "DATE"]
    assert years == ["1988"]


def test_seed_layout(seed_analysis: Any) -> None:
    article = seed_analysis.article
    sentences = _sentences(seed_analysis)
    headings = _blocks(article, "heading")
    assert "From Paris to Pioneering Neural Networks" in headings
    assert all(h in sentences for h in headings)
    assert not any(s.startswith("From Paris to Pioneering Neural Networks\n") for s in sentences)
    bullet = next(b for b in article.blocks if b.date_label == "1988")
    assert article.block_text(bullet) in sentences
    quotes = [b for b in article.blocks if b.kind == "pull_quote"]
    assert [q.attribution for q in quotes] == [
        "From the section on early career milestones",
        "From the discussion on his early innovations",
    ]
