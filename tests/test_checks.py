"""Checks: the seed against the bundled KB, then snippets of other people written for these
tests, with no KB (the article against itself) and with small KBs written here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from analysis.models import Claim, Flag

# --- helpers ---------------------------------------------------------------------------------


def flags_in(flags: list[Flag], text: str, category: str | None = None) -> list[Flag]:
    """Flags whose sentence contains ``text`` (and of ``category`` when given)."""
    return [f for f in flags if text in f.sentence and category in (None, f.category)]


def show(flags: list[Flag]) -> str:
    return "\n".join(f"{f.category}/{f.severity}: {f.message} | {f.sentence[:60]}" for f in flags)


def claim_with(claims: list[Claim], predicate: str, obj: str | None, time: str) -> Claim | None:
    for c in claims:
        if c.predicate != predicate or c.time is None or not c.time.value.startswith(time):
            continue
        if obj is None or obj.casefold() in (c.object or c.subject).casefold():
            return c
    return None


# --- the seed with the bundled KB at 2026-11-29 ---------------------------------------------


def test_seed_lenet5_date_mismatch(seed_checked: tuple[Any, list[Flag]]) -> None:
    _, flags = seed_checked
    (flag,) = flags_in(flags, "LeNet-5", "date_mismatch")
    assert flag.severity == "high"
    assert "1998" in flag.message and "1989" in flag.message
    assert any("1998" in e.statement and e.source for e in flag.evidence)
    assert flag.suggestion and "1998" in flag.suggestion
    assert flag.claim_id is not None


def test_seed_flag_offsets(seed_checked: tuple[Any, list[Flag]], seed_analysis: Any) -> None:
    _, flags = seed_checked
    text = seed_analysis.article.text
    assert [f.id for f in flags] == [f"f{i}" for i in range(1, len(flags) + 1)]
    for flag in flags:
        assert text[flag.start : flag.end] == flag.sentence
        assert flag.severity in ("high", "medium", "low")
        assert flag.message and "\n" not in flag.message


def test_seed_2003_bullet_is_conflation(seed_checked: tuple[Any, list[Flag]]) -> None:
    result, flags = seed_checked
    (flag,) = flags_in(flags, "2003: Appointed professor", "conflation")
    assert "2003" in flag.message and "2012" in flag.message
    assert not flags_in(flags, "2003: Appointed professor", "date_mismatch")


def test_seed_vague_quotes(seed_checked: tuple[Any, list[Flag]]) -> None:
    _, flags = seed_checked
    assert flags_in(flags, "in various talks", "vague_attribution"), show(flags)
    assert flags_in(flags, "in a 2023 podcast", "vague_attribution"), show(flags)
    assert len([f for f in flags if f.category == "vague_attribution"]) == 2


SEED_SUPPORTED = [
    ("born", None, "1960"),
    ("studied", "Pierre and Marie Curie University", "1987"),
    ("joined", "Bell Lab", "1988"),
    ("position", "AT&T Labs", "1996"),
    ("position", "New York University", "2003"),
    ("joined", "Facebook", "2013"),
    ("released", "Llama 3.1", "2024-07"),
    ("award", "Turing Award", "2018"),
]


@pytest.mark.parametrize("predicate, obj, time", SEED_SUPPORTED)
def test_seed_supported(
    seed_analysis: Any,
    seed_checked: tuple[Any, list[Flag]],
    predicate: str,
    obj: str | None,
    time: str,
) -> None:
    result, flags = seed_checked
    claim = claim_with(seed_analysis.claims, predicate, obj, time)
    assert claim is not None, f"no {predicate} {obj} {time} claim"
    assert result.verdicts[claim.id].verdict == "supported", result.verdicts[claim.id]
    assert result.verdicts[claim.id].evidence
    wrong = [
        f
        for f in flags
        if f.category in ("date_mismatch", "fact_mismatch") and f.start <= claim.start < f.end
    ]
    assert not wrong, show(wrong)


def test_seed_turing_award_co_recipients(seed_analysis: Any) -> None:
    claim = claim_with(seed_analysis.claims, "award", "Turing Award", "2018")
    assert claim is not None
    assert set(claim.qualifiers.get("with", [])) == {"Geoffrey Hinton", "Yoshua Bengio"}


# --- the article against itself (no KB) ------------------------------------------------------

INTERNAL = [
    pytest.param(
        "Ana Silva was born in 1970 in Recife. She joined the Recife Power Company in 1965.",
        "joined the Recife Power Company",
        ["1965", "1970"],
        id="event-before-birth",
    ),
    pytest.param(
        "Ana Silva was born in 1970 in Recife. She joined the Recife Power Company in 1995 as "
        "an engineer.\n\nCareer\n- 1997: Joined the Recife Power Company, where she designed "
        "pipelines.\n",
        "1997: Joined",
        ["1995", "1997"],
        id="two-dates-one-event",
    ),
    pytest.param(
        "Ana Silva was born in 1950 in Recife. She founded the Silva Energy Institute in 1990, "
        "at the age of 25.",
        "at the age of 25",
        ["25"],
        id="wrong-age",
    ),
    pytest.param(
        "Helen Marsh was born in 1934 in Bristol. She died on 3 March 2019, aged 79.",
        "aged 79",
        ["79"],
        id="wrong-age-obituary",
    ),
    pytest.param(
        "Ana Silva was born in 1950 in Recife. In 1995 she joined the Recife Power Company. "
        "Later, in 1990, she founded the Silva Energy Institute.",
        "Later, in 1990",
        ["1990", "1995"],
        id="later-before",
    ),
    pytest.param(
        "Ana Silva was born in 1950 in Recife. In 1990 she joined the Recife Power Company. "
        "Two years later, in 1993, she founded the Silva Energy Institute.",
        "Two years later",
        ["1992", "1993"],
        id="n-years-later",
    ),
]


@pytest.mark.parametrize("text, where, numbers", INTERNAL)
def test_internal_inconsistency(
    check_text: Callable[..., Any], text: str, where: str, numbers: list[str]
) -> None:
    _, _, flags = check_text(text)
    found = flags_in(flags, where, "internal_inconsistency")
    assert len(found) == 1, show(flags)
    assert all(n in found[0].message for n in numbers), found[0].message
    assert found[0].evidence and found[0].suggestion


CONSISTENT = [
    pytest.param(
        "Ana Silva was born in 1950 in Recife. In 1985 she joined the Recife Power Company. "
        "Later, in 1990, she founded the Silva Energy Institute. She founded the Silva Energy "
        "Institute in 1990, at the age of 40.",
        id="right-order-right-age",
    ),
    pytest.param(
        "Ana Silva was born in 1950 in Recife. In 1990 she joined the Recife Power Company. "
        "Three years later, in 1993, she founded the Silva Energy Institute.",
        id="right-arithmetic",
    ),
    pytest.param(
        "Helen Marsh died on 3 March 2019 at 84. Born in 1934 in Bristol, Marsh joined the "
        "Harwell Institute in 1961.",
        id="obituary-age",
    ),
    pytest.param(
        "Ana Silva was born in 1970 in Recife. She joined the Recife Power Company in 1995.\n\n"
        "Career\n- 1995: Joined the Recife Power Company as an engineer.\n",
        id="same-date-twice",
    ),
]


@pytest.mark.parametrize("text", CONSISTENT)
def test_consistent_timeline_is_not_flagged(check_text: Callable[..., Any], text: str) -> None:
    _, _, flags = check_text(text)
    assert not [f for f in flags if f.category == "internal_inconsistency"], show(flags)


VAGUE_QUOTE = (
    "Ana Silva was born in 1950. “Energy is the story of the century, and we are only at its "
    "start,” she said in various interviews."
)
SOURCED_QUOTE = (
    "Ana Silva was born in 1950. “Energy is the story of the century, and we are only at its "
    "start,” she told The Guardian in an interview on 4 May 2019."
)
PROMO = "Ana Silva was born in 1950. Her leadership guarantees that the institute never fails."
PLAIN = "Ana Silva was born in 1950. She leads an institute that employs 300 people in Recife."


def test_vague_vs_sourced_quote(check_text: Callable[..., Any]) -> None:
    _, _, flags = check_text(VAGUE_QUOTE)
    (flag,) = flags_in(flags, "various interviews", "vague_attribution")
    assert "various interviews" in flag.message
    _, _, flags = check_text(SOURCED_QUOTE)
    assert not [f for f in flags if f.category == "vague_attribution"], show(flags)


def test_unsupported_vs_plain(check_text: Callable[..., Any]) -> None:
    _, _, flags = check_text(PROMO)
    (flag,) = flags_in(flags, "guarantees", "unsupported_claim")
    assert flag.severity == "low"
    _, _, flags = check_text(PLAIN)
    assert not flags, show(flags)


def test_no_kb_means_unverifiable(check_text: Callable[..., Any]) -> None:
    analysis, result, _ = check_text(PLAIN)
    assert analysis.claims
    assert {v.verdict for v in result.verdicts.values()} == {"unverifiable"}


# --- small KBs written for the tests ---------------------------------------------------------

SOURCE = "https://example.org/ana-silva"
ENTITIES: list[dict[str, Any]] = [
    {
        "id": "local:ana-silva",
        "label": "Ana Silva",
        "type": "person",
        "aliases": ["Silva"],
        "source": SOURCE,
        "facts": [
            {"property": "date of birth", "value": "1950-03-02"},
            {
                "property": "educated at",
                "value": "University of Coimbra",
                "qualifiers": {"academic degree": "PhD"},
                "end": 1978,
            },
            {"property": "employer", "value": "Recife Power Company", "start": 1980, "end": 1990},
            {
                "property": "position held",
                "value": "chief executive",
                "qualifiers": {"of": "Andes Mining Corporation"},
                "start": 2005,
                "end": 2020,
            },
            {
                "property": "award received",
                "value": "Gold Turbine Award",
                "point in time": 2012,
                "qualifiers": {"together with": ["Rui Costa"]},
            },
        ],
    },
    {"id": "local:rui-costa", "label": "Rui Costa", "type": "person", "source": SOURCE},
    {"id": "local:marta-gomes", "label": "Marta Gomes", "type": "person", "source": SOURCE},
    {"id": "local:coimbra", "label": "University of Coimbra", "type": "organization"},
    {"id": "local:lisbon", "label": "University of Lisbon", "type": "organization"},
    {"id": "local:rpc", "label": "Recife Power Company", "type": "organization"},
    {"id": "local:amc", "label": "Andes Mining Corporation", "type": "organization"},
    {"id": "local:gta", "label": "Gold Turbine Award", "type": "award"},
    {
        "id": "local:power-flows",
        "label": "Power Flows",
        "type": "work",
        "source": "Power Flows, Recife University Press, 2014",
        "facts": [
            {"property": "publication date", "value": "2014-09"},
            {"property": "creator", "value": "Ana Silva"},
        ],
    },
]


@pytest.fixture(scope="module")
def silva(
    tmp_path_factory: pytest.TempPathFactory,
    kb_writer: Callable[..., Path],
    kb_analyzer: Callable[..., Any],
) -> tuple[Any, Any]:
    """(kb, analyzer) for a KB about Ana Silva (no bundled KB)."""
    folder = tmp_path_factory.mktemp("silva-kb")
    return kb_analyzer([kb_writer(folder, ENTITIES)])


def _check(check_text: Callable[..., Any], silva: tuple[Any, Any], text: str, **kw: Any) -> Any:
    kb, analyzer = silva
    return check_text(text, kb=kb, analyzer=analyzer, **kw)


def test_kb_supports_correct_profile(check_text: Callable[..., Any], silva: Any) -> None:
    text = (
        "Ana Silva was born in 1950 in Recife. She earned her PhD from the University of "
        "Coimbra in 1978. She joined the Recife Power Company in 1980. She won the Gold "
        "Turbine Award in 2012 with Rui Costa."
    )
    analysis, result, flags = _check(check_text, silva, text)
    assert not flags, show(flags)
    verdicts = {c.predicate: result.verdicts[c.id].verdict for c in analysis.claims}
    assert verdicts == dict.fromkeys(("born", "studied", "joined", "award"), "supported")


def test_wrong_university(check_text: Callable[..., Any], silva: Any) -> None:
    text = "Ana Silva was born in 1950. She earned her PhD from the University of Lisbon in 1978."
    _, _, flags = _check(check_text, silva, text)
    (flag,) = flags_in(flags, "University of Lisbon", "fact_mismatch")
    assert "University of Coimbra" in flag.message
    assert flag.evidence[0].source == SOURCE
    assert flag.suggestion and "University of Coimbra" in flag.suggestion


def test_wrong_co_recipient(check_text: Callable[..., Any], silva: Any) -> None:
    text = "Ana Silva was born in 1950. She won the Gold Turbine Award in 2012 with Marta Gomes."
    _, _, flags = _check(check_text, silva, text)
    (flag,) = flags_in(flags, "Marta Gomes", "fact_mismatch")
    assert "Rui Costa" in flag.message and "Marta Gomes" in flag.message


def test_wrong_birth_year(check_text: Callable[..., Any], silva: Any) -> None:
    _, _, flags = _check(check_text, silva, "Ana Silva was born in 1952 in Recife.")
    (flag,) = flags_in(flags, "1952", "date_mismatch")
    assert flag.severity == "high" and "1950" in flag.message


STALE = "Ana Silva was born in 1950. She is the chief executive of Andes Mining Corporation."


def test_stale_present_role(check_text: Callable[..., Any], silva: Any) -> None:
    _, _, flags = _check(check_text, silva, STALE)
    (flag,) = flags_in(flags, "chief executive", "stale_claim")
    assert "2020" in flag.message
    assert flag.evidence and flag.evidence[0].source == SOURCE
    # Before the role ended, the present tense is right.
    _, _, flags = _check(check_text, silva, STALE, as_of=date(2019, 6, 1))
    assert not flags_in(flags, "chief executive", "stale_claim"), show(flags)


def test_stale_serves_as(check_text: Callable[..., Any], silva: Any) -> None:
    text = "Ana Silva was born in 1950. She serves as chief executive of Andes Mining Corporation."
    _, _, flags = _check(check_text, silva, text)
    assert flags_in(flags, "serves as", "stale_claim"), show(flags)


RECENT = "Ana Silva was born in 1950. Her recent book, Power Flows, explains grids to the public."


def test_recent_for_old_release(check_text: Callable[..., Any], silva: Any) -> None:
    _, _, flags = _check(check_text, silva, RECENT)
    (flag,) = flags_in(flags, "recent book", "stale_claim")
    assert flag.severity == "low"
    assert "2014" in flag.message
    _, _, flags = _check(check_text, silva, RECENT, as_of=date(2015, 3, 1))
    assert not flags_in(flags, "recent book", "stale_claim"), show(flags)


def test_related_entity_date(
    write_kb: Callable[..., Path],
    kb_analyzer: Callable[..., Any],
    check_text: Callable[..., Any],
) -> None:
    """A date borrowed from a predecessor: the message names both."""
    path = write_kb(
        [
            {
                "id": "local:lena-park",
                "label": "Lena Park",
                "type": "person",
                "source": "https://example.org/lena-park",
                "facts": [{"property": "date of birth", "value": 1962}],
            },
            {
                "id": "local:gridsim",
                "label": "GridSim",
                "type": "work",
                "source": "GridSim 1.0 manual, 1999",
                "facts": [
                    {"property": "inception", "value": 1999},
                    {"property": "creator", "value": "Lena Park"},
                ],
            },
            {
                "id": "local:gridsim-2",
                "label": "GridSim 2",
                "type": "work",
                "source": "GridSim 2 release notes, 2005",
                "facts": [
                    {"property": "inception", "value": 2005},
                    {"property": "creator", "value": "Lena Park"},
                    {"property": "follows", "value": "GridSim"},
                ],
            },
        ]
    )
    kb, analyzer = kb_analyzer([path])
    text = "Lena Park was born in 1962. In 1999 she created GridSim 2, a simulator for grids."
    _, result, flags = check_text(text, kb=kb, analyzer=analyzer)
    (flag,) = flags_in(flags, "GridSim 2", "date_mismatch")
    assert flag.message == "1999 is the date of GridSim; GridSim 2 is from 2005"
    sources = {e.source for e in flag.evidence}
    assert sources == {"GridSim 1.0 manual, 1999", "GridSim 2 release notes, 2005"}
    assert flag.suggestion and "2005" in flag.suggestion
    # The right date is supported and flags nothing.
    _, _, flags = check_text(text.replace("1999", "2005"), kb=kb, analyzer=analyzer)
    assert not flags, show(flags)
