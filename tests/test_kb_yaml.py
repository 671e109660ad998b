"""The YAML facts format: values, cross-file labels, validation errors with file:line."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from analysis.dates import PartialDate
from analysis.errors import KBError
from analysis.kb.facts_yaml import KBValidationError, load_yaml
from analysis.kb.loader import LayeredKB, bundled_kb_dir, load_kb
from analysis.kb.store import KnowledgeBase

PERSON = """\
entities:
  - id: local:ada-example
    label: Ada Example
    type: person
    aliases: [Ada E.]
    source: https://example.org/ada
    facts:
      - property: born
        value: 1950-02-03
      - property: P108
        value: Example Labs
        start: 1980
        end: 1990-05
        qualifiers: {subject has role: researcher}
        source: Example Labs annual report 1990, p. 3
      - property: award received
        value: Q185667
        point in time: 2001
        qualifiers: {together with: [Bob Example, Someone Unknown]}
      - property: educated at
        value: A School Nobody Defined
"""
ORGS = """\
entities:
  - id: local:example-labs
    label: Example Labs
    type: organization
    source: https://example.org/labs
    facts:
      - {property: inception, value: 1970}
  - id: Q12345
    label: Bob Example
    type: person
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(dedent(text), encoding="utf-8")
    return path


def _load(tmp_path: Path, **files: str) -> KnowledgeBase:
    kb = KnowledgeBase.memory()
    load_yaml(kb, [_write(tmp_path, f"{name}.yaml", text) for name, text in files.items()])
    return kb


def test_values_and_cross_file_labels(tmp_path: Path) -> None:
    kb = _load(tmp_path, person=PERSON, orgs=ORGS)
    facts = {f.property: f for f in kb.facts("local:ada-example")}
    assert facts["P569"].value.date == PartialDate(1950, 2, 3, "day")
    assert facts["P569"].source == "https://example.org/ada"  # the entity's default source
    job = facts["P108"]
    assert (job.value.entity_id, job.value.text) == ("local:example-labs", "Example Labs")
    assert job.start == PartialDate(1980) and str(job.end) == "1990-05"
    assert job.source.startswith("Example Labs annual report")
    assert [v.text for v in job.qualifiers["P2868"]] == ["researcher"]
    award = facts["P166"]
    assert award.value.entity_id == "Q185667" and award.point_in_time == PartialDate(2001)
    together = award.qualifiers["P1706"]
    assert [(v.type, v.entity_id) for v in together] == [("entity", "Q12345"), ("text", None)]
    assert facts["P69"].value.type == "text"
    assert [e.id for e in kb.find("ada e")] == ["local:ada-example"]


@pytest.mark.parametrize(
    "fact, message",
    [
        ("- {property: employer, value: X}", r"x\.yaml:6: fact 'employer' of 'Z' has no source"),
        ("- {property: shoe size, value: 4, source: s}", r"x\.yaml:6: .*unknown property 'shoe"),
        ("- {property: born, value: last spring, source: s}", r"x\.yaml:6: .*bad date"),
        ("- {property: born, value: 1990, source: s, sauce: t}",
         r"x\.yaml:6: .*unknown key 'sauce"),
        ("- {property: employer, value: X, source: s, qualifiers: {colour: red}}",
         r"x\.yaml:6: .*unknown qualifier 'colour'"),
    ],
)
def test_validation_errors_name_file_and_line(tmp_path: Path, fact: str, message: str) -> None:
    text = f"entities:\n  - id: local:z\n    label: Z\n    type: person\n    facts:\n      {fact}\n"
    kb = KnowledgeBase.memory()
    with pytest.raises(KBValidationError, match=message):
        load_yaml(kb, [_write(tmp_path, "x.yaml", text)])
    assert kb.stats()["entities"] == 0  # nothing written


def test_a_wikidata_property_outside_the_map_is_skipped_and_counted(tmp_path: Path) -> None:
    # "P22" (father) is real Wikidata: skipped, as the importer skips it; "P0" is no P-id
    text = ("entities:\n  - id: local:z\n    label: Z\n    type: person\n    source: s\n"
            "    facts:\n      - {property: P22, value: Y}\n"
            "      - {property: P569, value: 1950}\n")
    kb = KnowledgeBase.memory()
    (report,) = load_yaml(kb, [_write(tmp_path, "x.yaml", text)])
    assert report.facts == 1 and report.skipped_properties == {"P22": 1}
    assert [f.property for f in kb.facts("local:z")] == ["P569"]
    with pytest.raises(KBValidationError, match="unknown property 'P0'"):
        load_yaml(KnowledgeBase.memory(), [_write(tmp_path, "y.yaml", text.replace("P22", "P0"))])


def test_duplicate_ids_and_bad_entities(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.yaml", "entities:\n  - {id: Q1, label: One}\n")
    b = _write(tmp_path, "b.yaml", "entities:\n  - {id: Q1, label: Uno}\n  - {id: bad id}\n")
    with pytest.raises(KBValidationError) as info:
        load_yaml(KnowledgeBase.memory(), [a, b])
    errors = "\n".join(info.value.errors)
    assert "b.yaml:2: duplicate id 'Q1' (first defined at" in errors
    assert "b.yaml:3: entity 'bad id' has no label" in errors
    assert "b.yaml:3: entity '?': id 'bad id' is missing or invalid" in errors


def test_ambiguous_label_is_an_error(tmp_path: Path) -> None:
    text = """\
    entities:
      - {id: local:a, label: Twin, aliases: [T]}
      - {id: local:b, label: Other Twin, aliases: [T]}
      - id: local:c
        label: C
        facts: [{property: spouse, value: T, source: s}]
    """
    with pytest.raises(KBValidationError, match=r"'T' names several entities"):
        load_yaml(KnowledgeBase.memory(), [_write(tmp_path, "amb.yaml", text)])


def test_a_label_resolves_in_its_own_file_and_folder_first(tmp_path: Path) -> None:
    """A user's KB naming its own "Acme Labs" leaves the other KB's references to its own."""
    for folder in ("bundled", "mine"):
        (tmp_path / folder).mkdir()
        _write(tmp_path / folder, "orgs.yaml", f"""\
        entities:
          - {{id: local:acme-{folder}, label: Acme Labs, type: organization}}
        """)
        _write(tmp_path / folder, "people.yaml", f"""\
        entities:
          - id: local:ann-{folder}
            label: Ann {folder}
            facts: [{{property: employer, value: Acme Labs, source: s}}]
        """)
    kb = KnowledgeBase.memory()
    load_yaml(kb, sorted(tmp_path.glob("*/*.yaml")))
    for folder in ("bundled", "mine"):
        (fact,) = kb.facts(f"local:ann-{folder}", ["P108"])
        assert fact.value.entity_id == f"local:acme-{folder}"


def test_colon_titles() -> None:
    from analysis.kb.names import colon_titles

    # (a lower-case word after the colon is no title's: "Note: see below")
    assert colon_titles(["Sapiens: A Brief History", "Programming: Principles and Practice",
                         "Note: see below", "Apollo: 13 Days"]) == {
        "sapiens": frozenset({"a"}), "programming": frozenset({"principles"}),
        "apollo": frozenset({"13"})}


def test_invalid_yaml(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.yaml", "entities:\n  - id: [unclosed\n")
    with pytest.raises(KBError, match=r"broken\.yaml:\d+: invalid YAML"):
        load_yaml(KnowledgeBase.memory(), [path])


def test_bundled_kb_loads() -> None:
    if bundled_kb_dir() is None:
        pytest.skip("no bundled KB in this installation")
    with load_kb([]) as kb:
        assert kb.stats()["entities"] > 0 and kb.stats()["facts"] > 0


def test_load_kb_layers_db_and_files(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    with KnowledgeBase.open(db, create=True) as store:
        load_yaml(store, [_write(tmp_path, "orgs.yaml", ORGS)])
    person = _write(tmp_path, "person.yaml", PERSON)
    with load_kb([db, person], bundled=False) as kb:
        assert isinstance(kb, LayeredKB)
        # Bob Example lives in the database; the YAML layer resolved the label through it.
        award = kb.facts("local:ada-example", ["P166"])[0]
        assert award.qualifiers["P1706"][0].entity_id == "Q12345"
        assert kb.entity("local:example-labs") is not None
    with pytest.raises(KBError, match="no such KB file"):
        load_kb([tmp_path / "nope.yaml"], bundled=False)


def test_predecessor_qualifiers_and_named_after(tmp_path: Path) -> None:
    """Wikidata's 'position held' carries who came before and after; a hall is named after one."""
    text = """\
    entities:
      - id: local:ada
        label: Ada Example
        source: https://example.org/ada
        facts:
          - property: position held
            value: Music Director of the Example Orchestra
            start: 1958
            qualifiers: {replaces: Bob Example, replaced by: Someone Unknown}
      - {id: local:bob, label: Bob Example, type: person}
      - id: local:hall
        label: Ada Example Hall
        source: https://example.org/hall
        facts: [{property: named after, value: Ada Example}]
    """
    kb = _load(tmp_path, posts=text)
    (post,) = kb.facts("local:ada")
    assert [v.entity_id for v in post.qualifiers["P1365"]] == ["local:bob"]
    assert [v.text for v in post.qualifiers["P1366"]] == ["Someone Unknown"]
    (named,) = kb.facts("local:hall")
    assert (named.property, named.value.entity_id) == ("P138", "local:ada")
