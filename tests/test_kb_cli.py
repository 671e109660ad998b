"""``factcheck kb import/show/stats/properties`` through Click's test runner."""

from __future__ import annotations

import bz2
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from analysis.cli.kb_cmds import kb
from analysis.errors import KBError

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikidata"
ITEM = {"type": "item", "id": "Q100", "labels": {"en": {"value": "Test Person"}}, "claims": {
    "P569": [{"rank": "normal", "mainsnak": {"snaktype": "value", "property": "P569",
              "datavalue": {"type": "time", "value": {"time": "+1950-02-00T00:00:00Z",
                                                      "precision": 10}}}}]}}
YAML = """\
entities:
  - id: local:test-org
    label: Test Org
    type: organization
    source: https://example.org/test-org
    facts:
      - {property: inception, value: 1970}
"""


def _run(*args: str) -> Result:
    return CliRunner().invoke(kb, list(args), catch_exceptions=True)


def test_help_of_every_command() -> None:
    for name in ("import", "show", "stats", "properties"):
        result = _run(name, "--help")
        assert result.exit_code == 0 and "Example:" in result.output


def test_import_show_stats(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    dump = tmp_path / "dump.json.bz2"
    dump.write_bytes(bz2.compress(f"[\n{json.dumps(ITEM)},\nnot json,\n".encode()))
    result = _run("import", str(dump), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "skipped 1 malformed line(s): 3" in result.output
    assert "1 entities" in result.output
    result = _run("show", "test person", "--db", str(db), "--no-bundled-kb")
    assert result.exit_code == 0, result.output
    assert "Test Person (Q100)" in result.output and "1950-02" in result.output
    result = _run("show", "Q100", "--db", str(db), "--no-bundled-kb", "--format", "json")
    (entity,) = json.loads(result.output)["entities"]
    assert entity["facts"][0]["value"] == {"type": "date", "text": "1950-02", "entity_id": None,
                                           "date": "1950-02", "precision": "month",
                                           "number": None}
    result = _run("stats", "--db", str(db), "--no-bundled-kb", "--format", "json")
    assert json.loads(result.output)["kb"]["entities"] == 1


def test_strict_and_unknown_entity(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    dump = tmp_path / "dump.json"
    dump.write_text(f"[\n{json.dumps(ITEM)},\nnot json,\n")
    result = _run("import", str(dump), "--db", str(db), "--strict")
    assert isinstance(result.exception, KBError) and ":3: malformed JSON" in str(result.exception)
    result = _run("show", "Nobody At All", "--db", str(db), "--no-bundled-kb")
    assert isinstance(result.exception, KBError) and "no entity" in str(result.exception)


def test_failed_import_leaves_db_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    good = tmp_path / "org.yaml"
    good.write_text(YAML)
    assert _run("import", str(good), "--db", str(db)).exit_code == 0
    before = sqlite3.connect(db).execute("SELECT count(*) FROM facts").fetchone()
    item = tmp_path / "item.json"
    item.write_text(json.dumps(ITEM))
    bad = tmp_path / "bad.yaml"
    bad.write_text(YAML.replace("local:test-org", "local:other") + "      - {property: x}\n")
    result = _run("import", str(item), str(bad), "--db", str(db))
    assert isinstance(result.exception, KBError) and "bad.yaml:8" in str(result.exception)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM facts").fetchone() == before
    assert sqlite3.connect(db).execute("SELECT count(*) FROM entities").fetchone() == (1,)


def test_foreign_database(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    sqlite3.connect(db).execute("CREATE TABLE x (y)").connection.commit()
    result = _run("show", "Q1", "--db", str(db))
    assert isinstance(result.exception, KBError) and "not a factcheck KB" in str(result.exception)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not DATA.is_dir():
        pytest.skip("../shared/data/wikidata is not available")
    db = tmp_path_factory.mktemp("kb") / "kb.db"
    result = _run("import", *map(str, sorted(DATA.glob("*.json"))), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def test_done_when_douglas_adams(shared_db: Path) -> None:
    result = _run("show", "Q42", "--db", str(shared_db), "--no-bundled-kb")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Douglas Adams (Q42)" in out
    for needle in ("date of birth", "1952-03-11", "date of death", "2001-05-11",
                   "place of birth", "place of death", "educated at"):
        assert needle in out


def test_done_when_alan_turing(shared_db: Path) -> None:
    result = _run("show", "Q7251", "--db", str(shared_db), "--format", "json")
    (entity,) = json.loads(result.output)["entities"]
    dates = {f["property"]: f["value"]["date"] for f in entity["facts"]
             if f["value"]["type"] == "date"}
    assert entity["label"] == "Alan Turing"
    assert (dates["P569"], dates["P570"]) == ("1912-06-23", "1954-06-07")


def test_properties_lists_the_map_the_readme_documents() -> None:
    from analysis.kb.properties import PROPERTIES, QUALIFIERS

    rows = json.loads(_run("properties", "--format", "json").output)
    employer = next(r for r in rows if r["pid"] == "P108")
    assert employer["name"] == "employer" and "subject has role" in employer["qualifiers"]
    assert {r["pid"] for r in rows if r["kind"] == "qualifier"} == {q.pid for q in QUALIFIERS}
    # every name a KB file may use is in the README's "The property map"
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = " ".join(readme.split("### The property map", 1)[1].split("###", 1)[0].split())
    missing = [p.name for p in (*PROPERTIES, *QUALIFIERS) if f"`{p.name}` ({p.pid})" not in section]
    assert not missing, missing
