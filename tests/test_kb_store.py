"""The SQLite KB store: names, properties, schema checks, transactions, reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from analysis.dates import PartialDate
from analysis.errors import KBError
from analysis.kb.model import KBEntity, KBFact, KBValue
from analysis.kb.names import normalize_name
from analysis.kb.properties import property_name, resolve_property, resolve_qualifier
from analysis.kb.store import KnowledgeBase


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Yann LeCun’s", "yann lecun"),
        ("Hinton's", "hinton"),
        ("LeNet-5", "lenet-5"),
        ("Facebook (now Meta)", "facebook now meta"),
        ("AT&T Labs-Research", "at&t labs-research"),
        ("Llama 3.1", "llama 3.1"),
        ("U.S.", "us"),
        ("“Deep  Learning”", "deep learning"),
        ("Université de Montréal", "universite de montreal"),
        ("ＳＡＭ 2", "sam 2"),
        ("NYU's Center for Data Science", "nyu center for data science"),
        ("--", ""),
        ("C++", "c++"),
        ("C#.", "c#"),
        ("C", "c"),
        ("A+B", "a b"),
    ],
)
def test_normalize_name(text: str, expected: str) -> None:
    assert normalize_name(text) == expected


@pytest.mark.parametrize(
    "name, pid",
    [("P569", "P569"), ("p108", "P108"), ("date of birth", "P569"), ("Born", "P569"),
     ("educated_at", "P69"), ("founded", "P571"), ("no such thing", None), ("P99999", None)],
)
def test_resolve_property(name: str, pid: str | None) -> None:
    assert resolve_property(name) == pid


def test_resolve_qualifier_and_names() -> None:
    assert resolve_qualifier("start") == "P580"
    assert resolve_qualifier("together with") == "P1706"
    assert resolve_qualifier("employer") is None
    assert property_name("P582") == "end time"
    assert property_name("P9") == "P9"


def _date(text: str) -> KBValue:
    return KBValue("date", text, date=PartialDate.parse(text))


def _entity(eid: str) -> KBValue:
    return KBValue("entity", eid, entity_id=eid)


@pytest.fixture
def kb() -> KnowledgeBase:
    kb = KnowledgeBase.memory()
    with kb.transaction():
        kb.add_entity(KBEntity("Q1", "Ada Example", "person", aliases=("A. Example",)))
        kb.add_entity(KBEntity("Q2", "Example Labs", "organization"))
        kb.add_fact(KBFact("Q1", "P569", _date("1950-02-03"), "src-a"))
        kb.add_fact(KBFact("Q1", "P108", _entity("Q2"), "src-b", {"P580": (_date("1980"),)}))
        kb.add_fact(KBFact("Q1", "P108", _entity("Q77"), "src-c"))
        kb.add_fact(KBFact("Q1", "P569", _date("1951"), "src-d", rank="deprecated"))
        kb.add_redirect("Q3", "Q2")
        kb.add_fact(KBFact("Q1", "P463", _entity("Q3"), "src-e"))
    return kb


def test_reads(kb: KnowledgeBase) -> None:
    facts = kb.facts("Q1")
    assert [f.property for f in facts] == ["P569", "P108", "P108", "P463"]  # deprecated excluded
    assert facts[0].value.date == PartialDate(1950, 2, 3, "day")
    assert facts[1].value.text == "Example Labs" and facts[1].start == PartialDate(1980)
    assert facts[2].value.text == "Q77"  # not in the KB: shown by id
    assert facts[3].value.entity_id == "Q2" and facts[3].value.text == "Example Labs"
    assert [f.property for f in kb.facts("Q1", ["P108"])] == ["P108", "P108"]
    assert {f.property for f in kb.facts_with_value("Q2")} == {"P108", "P463"}
    assert kb.entity("Q3") == kb.entity("Q2")
    assert kb.entity("Q404") is None


def test_candidates_and_find(kb: KnowledgeBase) -> None:
    found = kb.candidates(["ada example", "a example", "nobody"])
    assert [e.id for e in found["ada example"]] == ["Q1"]
    assert [e.id for e in found["a example"]] == ["Q1"]
    assert "nobody" not in found
    assert kb.max_name_tokens == 2
    assert [e.id for e in kb.find("Ada Example’s")] == ["Q1"]
    assert [e.id for e in kb.find("Q1")] == ["Q1"]
    assert kb.find("nobody") == []


def test_label_resolved_at_read_time(kb: KnowledgeBase) -> None:
    with kb.transaction():
        kb.add_entity(KBEntity("Q77", "Later Corp", "organization"))
    assert [f.value.text for f in kb.facts("Q1", ["P108"])] == ["Example Labs", "Later Corp"]


def test_failed_transaction_leaves_kb_unchanged(kb: KnowledgeBase) -> None:
    before = kb.stats()
    with pytest.raises(RuntimeError), kb.transaction():
        kb.add_entity(KBEntity("Q9", "Half Done"))
        kb.add_fact(KBFact("Q9", "P569", _date("1990"), "x"))
        raise RuntimeError("boom")
    assert kb.stats() == before and kb.entity("Q9") is None


def test_writes_need_a_transaction() -> None:
    with KnowledgeBase.memory() as kb, pytest.raises(KBError):
        kb.add_entity(KBEntity("Q1", "X"))


def test_file_roundtrip_and_readonly(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    with KnowledgeBase.open(path, create=True) as kb, kb.transaction():
        kb.add_entity(KBEntity("Q1", "Ada Example", "person"))
    with KnowledgeBase.open(path, readonly=True) as kb:
        assert kb.entity("Q1") is not None and kb.stats()["entities"] == 1
        with pytest.raises(sqlite3.OperationalError), kb.transaction():
            kb.add_entity(KBEntity("Q2", "Nope"))


def test_missing_db(tmp_path: Path) -> None:
    with pytest.raises(KBError, match="no KB database"):
        KnowledgeBase.open(tmp_path / "absent.db")


def test_foreign_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(KBError, match="not a factcheck KB"):
        KnowledgeBase.open(path)


def test_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hello, not a database\n")
    with pytest.raises(KBError, match="not a SQLite database"):
        KnowledgeBase.open(path)


def test_other_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    KnowledgeBase.open(path, create=True).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(KBError, match="schema version 0.*re-import"):
        KnowledgeBase.open(path)


def test_memo_kb_answers_as_the_kb_and_asks_once(kb: KnowledgeBase) -> None:
    from analysis.kb.memo import MemoKB, memoized

    asked: list[str] = []
    real = kb.facts

    def counting(subject: str, properties=None):  # type: ignore[no-untyped-def]
        asked.append(subject)
        return real(subject, properties)

    kb.facts = counting  # type: ignore[method-assign]
    memo = MemoKB(kb)
    first = memo.facts("Q1", iter(["P108"]))  # any iterable of properties
    first.append(first[0])  # a caller's list is its own
    assert memo.facts("Q1", ["P108"]) == real("Q1", ["P108"]) and len(asked) == 1
    assert memo.facts("Q1") == real("Q1") and len(asked) == 2
    assert memo.facts_with_value("Q2") == kb.facts_with_value("Q2")
    assert memo.entity("Q1") == kb.entity("Q1") and memo.max_name_tokens == kb.max_name_tokens
    assert memoized(None) is None
