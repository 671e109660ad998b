"""Topics: TF-IDF + NMF over paragraphs, section mapping, determinism, heading match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import topics as tp
from analysis.ingest import parse_text

SEED = Path(__file__).resolve().parents[1] / "corpus" / "articles" / "yann-lecun-profile.txt"

# A multi-section profile the code has never seen: cooking, then astronomy, then music.
OTHER = (Path(__file__).parent / "data" / "topics" / "three_lives.txt").read_text("utf-8")


def test_stem_folds_inflections() -> None:
    assert tp.stem("regulation") == tp.stem("regulating") == "regulat"
    assert tp.stem("networks") == "network" and tp.stem("class") == "class"


def test_other_profile_maps_sections_to_their_themes() -> None:
    article = parse_text(OTHER, path="other.txt")
    result = tp.analyze_topics([article])
    assert result["scored"] is True and result["k"] == 3
    sections = {s["heading"]: s for s in result["articles"][0]["sections"]}
    topics = {
        s: sections[s]["topic"] for s in ("Kitchen Years", "Looking at the Stars", "Music at Last")
    }
    assert len(set(topics.values())) == 3  # three themes, three topics
    labels = {h: sections[h]["label"] for h in topics}
    assert any(w in labels["Kitchen Years"] for w in ("bread", "sauces", "pastry", "kitchen"))
    assert any(w in labels["Looking at the Stars"] for w in ("stars", "telescope", "galaxies"))
    assert any(w in labels["Music at Last"] for w in ("cello", "orchestra", "music", "quartet"))
    shifts = result["articles"][0]["shifts"]
    assert [s["shift"] for s in shifts][-2:] == [True, True]
    # "Kitchen Years" shares "kitchen"; "Looking at the Stars" shares "stars".
    assert sections["Kitchen Years"]["heading_match"]["matches"] is True
    assert sections["Looking at the Stars"]["heading_match"]["matches"] is True


def test_heading_that_does_not_match_its_content_is_reported() -> None:
    text = OTHER.replace("Music at Last", "Financial Regulation Policy")
    result = tp.analyze_topics([parse_text(text, path="x.txt")])
    art = result["articles"][0]
    heading_index = next(
        s["index"] for s in art["sections"] if s["heading"] == "Financial Regulation Policy"
    )
    assert heading_index in art["mismatched_headings"]


def test_deterministic() -> None:
    article = parse_text(OTHER, path="other.txt")
    first = json.dumps(tp.analyze_topics([article]), sort_keys=True)
    assert json.dumps(tp.analyze_topics([article]), sort_keys=True) == first


@pytest.mark.parametrize(
    "text",
    ["", "Title\nOne paragraph only.\n", "Title\nOne.\nHeading\nTwo.\nOther\nThree.\n"],
)
def test_too_little_text_is_not_modelled(text: str) -> None:
    result = tp.analyze_topics([parse_text(text or "x", path="t.txt")])
    assert result["scored"] is False and result["reason"]


def test_corpus_level_model_gives_each_article_a_mix() -> None:
    kitchen = parse_text(OTHER, path="a.txt")
    result = tp.analyze_topics([kitchen, kitchen])
    assert len(result["articles"]) == 2
    for art in result["articles"]:
        assert len(art["mix"]) == result["k"]
        assert sum(art["mix"]) == pytest.approx(1.0, abs=0.01)


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_sections_map_to_recognisable_topics() -> None:
    from analysis.ingest import read_article

    article = read_article(SEED)
    result = tp.analyze_article_topics(article)
    assert json.dumps(result) == json.dumps(tp.analyze_article_topics(article))
    sec = {s["index"]: s for s in result["sections"]}
    label = {i: s["label"] for i, s in sec.items() if s["topic"] is not None}
    # Early career and neural networks; Meta and open source; the views/future section apart.
    assert any(w in label[1] for w in ("neural", "networks", "cnns"))
    assert any(w in label[3] for w in ("open", "pytorch", "meta", "source"))
    assert sec[1]["topic"] != sec[3]["topic"]
    assert sec[5]["topic"] not in (sec[1]["topic"], sec[3]["topic"])
    assert sec[3]["topic"] == sec[4]["topic"]
