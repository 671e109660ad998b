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
    """Issue 5: early career and CNNs, Meta and open source, ethics and the future: three
    different topics whose labels name them, identically on two runs."""
    from analysis.ingest import read_article

    article = read_article(SEED)
    result = tp.analyze_article_topics(article)
    assert json.dumps(result) == json.dumps(tp.analyze_article_topics(article))
    by_heading = {s["heading"] or "": s for s in result["sections"]}

    def section(word: str) -> dict:
        return next(s for h, s in by_heading.items() if word in h.lower())

    early, meta, ethics = section("neural networks"), section("meta"), section("ethics")
    assert len({early["topic"], meta["topic"], ethics["topic"]}) == 3
    expected = {
        "early": (early, ("neural", "convolutional", "networks", "cnn")),
        "meta": (meta, ("open", "source", "pytorch", "meta", "llama")),
        "ethics": (ethics, ("ethic", "regulat", "safety", "future", "risk", "bias")),
    }
    for name, (sec, words) in expected.items():
        assert any(w in sec["label"].lower() for w in words), (name, sec["label"])


def test_labels_are_content_words_not_verbs() -> None:
    """Verbs the writer hangs a subject on ("recommends", "ensures") never label a topic."""
    from analysis.ingest import read_article

    if not SEED.exists():
        pytest.skip("seed article not present")
    result = tp.analyze_article_topics(read_article(SEED))
    words = {w for t in result["topics"] for w in t["label"].replace("/", " ").split()}
    assert not words & {"recommends", "ensures", "innovating", "advises", "highlights", "comes"}
    assert not any(w.endswith("ly") for w in words)


def test_topic_terms_classify_words_by_lemmatizer_tables() -> None:
    from analysis.topic_terms import Terms, load_lexicon

    lexicon = load_lexicon()
    if not lexicon.index:
        pytest.skip("no spaCy English model with lemmatizer tables installed")
    assert lexicon.classify("networks") == ("network", True)
    assert lexicon.classify("recommends") == ("recommend", False)
    assert lexicon.classify("pytorch") == ("pytorch", True)  # unknown: a name, kept
    terms = Terms()
    tokens = terms.tokens("Regulating is hard. The regulation of innovation, not innovating.")
    # the verb form survives only as its noun's stem, shown by the noun
    assert "innovat" in terms.words(tokens) and terms.show("innovat") == "innovation"


def test_split_sentences_keeps_initials_and_titles() -> None:
    from analysis.topic_terms import split_sentences

    text = "He met Dr. Smith in 1990. J. R. Smith agreed! \u201cYes,\u201d he said."
    spans = [text[a:b] for a, b in split_sentences(text)]
    expected = ["He met Dr. Smith in 1990.", "J. R. Smith agreed!", "\u201cYes,\u201d he said."]
    assert spans == expected


def test_silhouette_is_sklearns() -> None:
    """The silhouette on distances computed once equals sklearn's, one-document topics too."""
    import numpy as np
    from sklearn.metrics import silhouette_score
    from sklearn.metrics.pairwise import cosine_distances

    rng = np.random.default_rng(7)
    matrix = rng.random((40, 12)) * (rng.random((40, 12)) > 0.6)
    matrix[:, 0] += 0.01  # no empty row: every document has a direction
    distances = cosine_distances(matrix)
    for labels in (rng.integers(0, 3, 40), np.r_[np.zeros(39, int), [5]]):
        expected = silhouette_score(matrix, labels, metric="cosine")
        assert tp._silhouette(distances, labels) == pytest.approx(expected, abs=1e-12)


def test_large_corpus_silhouette_is_scored_on_a_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past DENSE_SILHOUETTE sentences, k is still chosen (on a fixed sample), the same twice."""
    articles = [parse_text(OTHER, path="a.txt"), parse_text(SEED.read_text("utf-8"), path="b.txt")]
    full = tp.analyze_topics(articles)
    monkeypatch.setattr(tp, "DENSE_SILHOUETTE", 20)
    sampled, again = tp.analyze_topics(articles), tp.analyze_topics(articles)
    assert sampled == again and sampled["scored"] and sampled["documents"] > 20
    assert 2 <= sampled["k"] <= 8 and max(sampled["k_selection"]["scores"].values()) > 0
    assert sampled["k_selection"] != full["k_selection"]  # the sample did change the scores


def test_kept_articles_give_the_same_models_and_stay_bounded() -> None:
    """Prepared documents kept for a batch's corpus model change no number or label."""
    articles = [parse_text(OTHER, path="other.txt"), parse_text(SEED.read_text("utf-8"),
                                                                 path="seed.txt")]
    plain = [tp.analyze_article_topics(a) for a in articles], tp.analyze_topics(articles)
    with tp.keep_prepared(1):
        kept = [tp.analyze_article_topics(a) for a in articles], tp.analyze_topics(articles)
        assert tp._KEPT is not None and len(tp._KEPT) == 1  # the smallest content hash only
        assert next(iter(tp._KEPT))[2] == min(a.sha256 for a in articles)
    assert tp._KEPT is None
    assert json.dumps(kept) == json.dumps(plain)


def test_kept_article_is_the_file_as_read_until_it_changes(tmp_path: Path) -> None:
    from analysis.ingest import read_article

    path = tmp_path / "three.txt"
    path.write_text(OTHER, encoding="utf-8")
    article = read_article(path)
    assert tp.kept_article(str(path)) is None  # nothing kept outside keep_prepared
    with tp.keep_prepared(10):
        tp.analyze_article_topics(article)
        assert tp.kept_article(str(path)) == read_article(path)
        path.write_text(OTHER + "\nOne more line about the cello.\n", encoding="utf-8")
        assert tp.kept_article(str(path)) is None  # changed since: read it again
        assert tp.kept_article(str(tmp_path / "gone.txt")) is None
