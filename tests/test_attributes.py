"""The attribute table gives the same annotations as the model's attribute ruler it replaces."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language

from analysis.components.attributes import AttributeTable, use_attribute_table
from analysis.pipeline import resolve_model

ROOT = Path(__file__).resolve().parents[1]
ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
# Written for this test: contractions, "gonna"/"let's" (the ruler's multi-token rules), spaces,
# possessives, auxiliaries and tag exceptions the one-token rules cover.
TEXTS = [
    "She ain't gonna stop, and let's be honest: nobody's gotta tell her twice.",
    "Their lab    didn't publish until 1998;\n\nthen it won everything.  Well, once.",
    "Is he the one who'd have done it? They've said so, haven't they?",
    "Our first grant came in 2004 — here, there and everywhere — and we'd spent it by May.",
]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    model = resolve_model(None)
    stock, table = spacy.load(model), spacy.load(model)
    use_attribute_table(table)
    return stock, table


def _texts() -> list[str]:
    articles = sorted(ROOT.glob("tests/eval*/*/article.*"))[::9] + sorted(
        ROOT.glob("corpus/articles/*.txt"))
    return TEXTS + [p.read_text(encoding="utf-8") for p in articles]


def test_the_table_replaces_the_ruler_in_place(pair: tuple[Language, Language]) -> None:
    stock, table = pair
    position = stock.pipe_names.index("attribute_ruler")
    assert table.pipe_names[position] == "profile_attributes"
    assert "attribute_ruler" not in table.pipe_names


def test_annotations_are_the_stock_ruler_s(pair: tuple[Language, Language]) -> None:
    stock, table = pair
    texts = _texts()
    assert len(texts) > 10
    for text, a, b in zip(texts, stock.pipe(texts), table.pipe(texts), strict=True):
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all(), text[:60]
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_spanning_rules_still_apply(pair: tuple[Language, Language]) -> None:
    _, table = pair
    doc = table("They were gonna win.")
    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na")] == ["go", "to"]


def test_a_ruler_the_table_cannot_read_stays(pair: tuple[Language, Language]) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">": 3}}]], {"LEMMA": "long"})
    assert AttributeTable.from_ruler(ruler) is None
    use_attribute_table(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    assert nlp("Words").to_json()["tokens"][0]["lemma"] == "long"
