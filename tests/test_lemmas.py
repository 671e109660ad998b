"""The lemma table gives the same lemmas as the model's rule lemmatizer it replaces."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from analysis.components.attributes import use_attribute_table
from analysis.components.lemmas import use_lemma_table
from analysis.pipeline import resolve_model

ROOT = Path(__file__).resolve().parents[1]
# Written for this test: one form in several parts of speech and inflections ("saw", "left",
# "found"), capitals, contractions, numbers and spaces.
TEXTS = [
    "She saw the saw that he left on the left bench; they found the foundations sound.",
    "WHO'S leading? The leaders led, the runners ran, and the studies studied them in 1998.",
    "Better days: the best was yet to come,  and came.\n\nHe'd gone; she's going; they went.",
]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    model = resolve_model(None)
    stock, table = spacy.load(model), spacy.load(model)
    use_attribute_table(stock)
    use_attribute_table(table)
    use_lemma_table(table)
    return stock, table


def test_the_table_replaces_the_lemmatizer_in_place(pair: tuple[Language, Language]) -> None:
    stock, table = pair
    if "lemmatizer" not in stock.pipe_names:
        pytest.skip("the model has no lemmatizer")
    position = stock.pipe_names.index("lemmatizer")
    assert table.pipe_names[position] == "profile_lemmas"
    assert "lemmatizer" not in table.pipe_names


def test_lemmas_are_the_stock_lemmatizer_s(pair: tuple[Language, Language]) -> None:
    stock, table = pair
    articles = sorted(ROOT.glob("tests/eval*/*/article.*"))[::11]
    texts = TEXTS + [p.read_text(encoding="utf-8") for p in articles]
    assert len(texts) > 10
    for text, a, b in zip(texts, stock.pipe(texts), table.pipe(texts), strict=True):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b], text[:60]


def test_another_mode_stays() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    use_lemma_table(nlp)
    assert nlp.pipe_names == ["lemmatizer"]
