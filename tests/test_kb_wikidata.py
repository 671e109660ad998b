"""Wikidata JSON import: every shape, the real files in ../shared/data, and bad input."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from analysis.dates import PartialDate
from analysis.errors import KBError
from analysis.kb.store import KnowledgeBase
from analysis.kb.wikidata import import_wikidata
from analysis.kb.wikidata_values import wikidata_date

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikidata"


@pytest.fixture(scope="module")
def wikidata_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip("../shared/data/wikidata is not available")
    return DATA


def _snak(pid: str, value: Any, vtype: str, snaktype: str = "value") -> dict[str, Any]:
    snak: dict[str, Any] = {"snaktype": snaktype, "property": pid}
    if snaktype == "value":
        snak["datavalue"] = {"value": value, "type": vtype}
    return snak


def _item(qid: str, label: str, claims: dict[str, list[dict[str, Any]]], **extra: Any) -> dict:
    return {"type": "item", "id": qid, "labels": {"en": {"language": "en", "value": label}},
            "claims": claims, **extra}


def _time(text: str, precision: int = 11) -> dict[str, Any]:
    return {"time": text, "precision": precision, "calendarmodel": "Q1985727"}


def _statement(snak: dict[str, Any], rank: str = "normal", **extra: Any) -> dict[str, Any]:
    return {"mainsnak": snak, "rank": rank, "type": "statement", **extra}


PERSON = _item("Q100", "Test Person", {
    "P31": [_statement(_snak("P31", {"numeric-id": 5}, "wikibase-entityid"))],
    "P569": [
        _statement(_snak("P569", _time("+00000001952-03-11T00:00:00Z"), "time"), id="Q100$a"),
        _statement(_snak("P569", _time("+1950-01-01T00:00:00Z"), "time"), rank="deprecated"),
    ],
    "P570": [_statement(_snak("P570", None, "", "somevalue"))],
    "P108": [_statement(
        _snak("P108", {"id": "Q200"}, "wikibase-entityid"),
        qualifiers={"P580": [_snak("P580", _time("+1980-00-00T00:00:00Z", 9), "time")],
                    "P582": [_snak("P582", _time("+1990-05-00T00:00:00Z", 10), "time")]},
        references=[{"snaks": {"P854": [_snak("P854", "https://example.org/cv", "string")]}}],
    )],
    "P9999": [_statement(_snak("P9999", "x", "string"))],
})
ORG = _item("Q200", "Test Labs", {"P31": [_statement(
    _snak("P31", {"numeric-id": 43229, "entity-type": "item"}, "wikibase-entityid"))]})


def _dump(path: Path, lines: list[str], opener: Any = open) -> Path:
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.write("[\n" + "".join(line + ",\n" for line in lines))
    return path


@pytest.mark.parametrize(
    "value, expected",
    [(_time("+00000001952-03-11T00:00:00Z"), PartialDate(1952, 3, 11, "day")),
     (_time("+1926-00-00T00:00:00Z", 9), PartialDate(1926)),
     (_time("+1948-03-00T00:00:00Z", 10), PartialDate(1948, 3, precision="month")),
     (_time("+1948-00-00T00:00:00Z", 11), PartialDate(1948)),
     (_time("+1987-00-00T00:00:00Z", 8), PartialDate(1980, precision="decade")),
     (_time("-0500-00-00T00:00:00Z", 9), None),
     (_time("+1900-00-00T00:00:00Z", 3), None)],
)
def test_wikidata_date(value: dict[str, Any], expected: PartialDate | None) -> None:
    assert wikidata_date(value) == expected


def test_entity_data_shape(tmp_path: Path) -> None:
    path = tmp_path / "Q100.json"
    path.write_text(json.dumps({"entities": {"Q100": PERSON, "Q200": ORG, "Q6": {"id": "Q6",
                                                                                 "missing": ""}}}))
    kb = KnowledgeBase.memory()
    report = import_wikidata(kb, path)
    assert (report.entities, report.missing, report.deprecated) == (2, ["Q6"], 1)
    assert report.skipped_values["somevalue"] == 1 and report.skipped_properties["P9999"] == 1
    person = kb.entity("Q100")
    assert person is not None and person.type == "person"
    assert kb.entity("Q200").type == "organization"  # type: ignore[union-attr]
    birth = kb.facts("Q100", ["P569"])
    assert [f.value.date for f in birth] == [PartialDate(1952, 3, 11, "day")]
    (job,) = kb.facts("Q100", ["P108"])
    assert job.value.text == "Test Labs"
    assert job.start == PartialDate(1980) and job.end == PartialDate(1990, 5, precision="month")
    assert job.source == "https://www.wikidata.org/wiki/Q100#P108; https://example.org/cv"


@pytest.mark.parametrize("suffix, opener", [("", open), (".gz", gzip.open), (".bz2", bz2.open)])
def test_dump_with_malformed_line(tmp_path: Path, suffix: str, opener: Any) -> None:
    path = _dump(tmp_path / f"dump.json{suffix}",
                 [json.dumps(PERSON), '{"type": "item", "id": "Q3", "lab', json.dumps(ORG)],
                 opener)
    kb = KnowledgeBase.memory()
    report = import_wikidata(kb, path)
    assert report.entities == 2 and report.skipped_lines == [3]
    with pytest.raises(KBError, match=r"dump\.json.*:3: malformed JSON"):
        import_wikidata(KnowledgeBase.memory(), path, strict=True)


@pytest.mark.parametrize("suffix, opener", [(".gz", gzip.open), (".bz2", bz2.open)])
def test_truncated_compressed_dump(tmp_path: Path, suffix: str, opener: Any) -> None:
    full = _dump(tmp_path / f"full.json{suffix}", [json.dumps(PERSON)] * 200, opener)
    cut = tmp_path / f"cut.json{suffix}"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    kb = KnowledgeBase.memory()
    with pytest.raises(KBError, match="truncated"):
        import_wikidata(kb, cut)
    assert kb.stats()["entities"] == 0 and kb.stats()["sources"] == 0


def test_redirect_and_numeric_ids(tmp_path: Path) -> None:
    path = tmp_path / "redirect.json"
    path.write_text(json.dumps({"entities": {"Q999": ORG}}))  # requested Q999, got Q200
    kb = KnowledgeBase.memory()
    assert import_wikidata(kb, path).redirects == 1
    assert kb.entity("Q999") == kb.entity("Q200")


def test_newer_revision_wins(tmp_path: Path) -> None:
    old = {**ORG, "modified": "2015-01-01T00:00:00Z", "labels": {"en": {"value": "Old Name"}}}
    new = {**ORG, "modified": "2020-01-01T00:00:00Z"}
    (tmp_path / "new.json").write_text(json.dumps(new))
    (tmp_path / "old.json").write_text(json.dumps(old))
    kb = KnowledgeBase.memory()
    import_wikidata(kb, tmp_path / "new.json")
    assert import_wikidata(kb, tmp_path / "old.json").older_revisions == 1
    assert kb.entity("Q200").label == "Test Labs"  # type: ignore[union-attr]


def test_reimport_replaces(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(PERSON))
    kb = KnowledgeBase.memory()
    import_wikidata(kb, path)
    before = kb.stats()
    import_wikidata(kb, path)
    assert kb.stats() == before


def test_every_shared_file_imports(wikidata_dir: Path) -> None:
    kb = KnowledgeBase.memory()
    for path in sorted(wikidata_dir.glob("*.json")):
        report = import_wikidata(kb, path)
        assert report.skipped_line_count == 0, path
    assert kb.entity("Q6") is None  # listed as missing
    adams = {f.property: f for f in kb.facts("Q42")}
    assert str(adams["P569"].value.date) == "1952-03-11"
    assert str(adams["P570"].value.date) == "2001-05-11"
    assert {"P19", "P20", "P69"} <= adams.keys()
    turing = {f.property: f.value.date for f in kb.facts("Q7251", ["P569", "P570"])}
    assert (str(turing["P569"]), str(turing["P570"])) == ("1912-06-23", "1954-06-07")
    assert kb.entity("Q7251").type == "person"  # type: ignore[union-attr]
    assert kb.entity("Q1299").type == "organization"  # type: ignore[union-attr]
    assert len(kb.find("Douglas Adams")) == 1


def test_type_from_the_description_head_noun() -> None:
    from analysis.kb.wikidata_values import type_from_description

    assert type_from_description("cultural prize of the city of Frankfurt") == "award"
    assert type_from_description("1997 film directed by Robert Zemeckis") == "work"
    assert type_from_description("public research university in Ithaca, New York") == \
        "organization"
    assert type_from_description("American astronomer") == "other"
    assert type_from_description("") == "other"


def test_type_from_a_class_the_file_defines(tmp_path: Path) -> None:
    # a local "human" item as everyone's P31 (no Q5): the class's label gives the type, and
    # only to entities the rest left untyped
    human = _item("Q9000001", "human", {})
    film = _item("Q9000002", "film", {})
    painter = _item("Q9000003", "Ada Brun", {
        "P31": [_statement(_snak("P31", {"id": "Q9000001"}, "wikibase-entityid"))]})
    movie = _item("Q9000004", "Grey Water", {
        "P31": [_statement(_snak("P31", {"id": "Q9000002"}, "wikibase-entityid"))]})
    other = _item("Q9000005", "Something", {})
    path = tmp_path / "local.json"
    path.write_text(json.dumps([human, film, painter, movie, other]))
    kb = KnowledgeBase.memory()
    import_wikidata(kb, path)
    types = {q: kb.entity(q).type for q in ("Q9000003", "Q9000004", "Q9000005")}  # type: ignore[union-attr]
    assert types == {"Q9000003": "person", "Q9000004": "work", "Q9000005": "other"}


def test_located_in_a_city_is_no_place_the_description_calls_a_university(tmp_path: Path) -> None:
    # a body "located in" a city (P131) with no class: its description says what it is; an
    # item the description leaves open stays a place
    located = {"P131": [_statement(_snak("P131", {"id": "Q9000009"}, "wikibase-entityid"))]}
    school = _item("Q9000006", "University of Velm", located,
                   descriptions={"en": {"language": "en", "value": "public university in Velm"}})
    square = _item("Q9000007", "Old Square", located,
                   descriptions={"en": {"language": "en", "value": "square in Velm"}})
    town = _item("Q9000008", "Lower Velm", located,
                 descriptions={"en": {"language": "en", "value": "town in Velm"}})
    path = tmp_path / "local.json"
    path.write_text(json.dumps([school, square, town]))
    kb = KnowledgeBase.memory()
    import_wikidata(kb, path)
    types = {q: kb.entity(q).type for q in ("Q9000006", "Q9000007", "Q9000008")}  # type: ignore[union-attr]
    assert types == {"Q9000006": "organization", "Q9000007": "place", "Q9000008": "place"}
