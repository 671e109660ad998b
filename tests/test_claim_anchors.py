"""KB-anchored claims: dated sentences with no trigger word, checked because the KB relates the
name to the subject. The person, the prizes and the club are invented for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from analysis.models import Flag

SRC = "https://example.org/anchor-test"

ENTITIES: list[dict[str, Any]] = [
    {"id": "local:mara-okonkwo", "label": "Mara Okonkwo", "type": "person",
     "aliases": ["Okonkwo"], "source": SRC, "facts": [
         {"property": "date of birth", "value": "1961-08-30"},
         {"property": "award received", "value": "Halvorsen Medal", "point in time": 1994,
          "qualifiers": {"together with": "Ade Bello"}},
         {"property": "award received", "value": "Kano Prize", "point in time": 2001},
         {"property": "member of sports team", "value": "Northport Rovers", "start": 1983,
          "end": 1991},
         {"property": "employer", "value": "Lagos Polytechnic", "start": 1995, "end": 2006},
     ]},
    {"id": "local:halvorsen-medal", "label": "Halvorsen Medal", "type": "award", "source": SRC,
     "facts": []},
    {"id": "local:kestrel-radio", "label": "Kestrel Radio", "type": "work", "source": SRC,
     "facts": [{"property": "publication date", "value": 1999},
               {"property": "based on", "value": "local:kestrel"}]},
    {"id": "local:harmattan", "label": "Crossings", "type": "work", "source": SRC,
     "description": "1988 essay collection by Mara Okonkwo",
     "facts": [{"property": "publication date", "value": 1988},
               {"property": "author", "value": "Mara Okonkwo"}]},
    {"id": "local:long-road", "label": "Taking on the Storm", "type": "work", "source": SRC,
     "facts": [{"property": "publication date", "value": 1997},
               {"property": "author", "value": "Mara Okonkwo"}]},
    {"id": "local:kano-prize", "label": "Kano Prize", "type": "award", "source": SRC,
     "facts": []},
    {"id": "local:amundsen-society", "label": "Amundsen Society", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:northport", "label": "Northport Rovers", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:lagos-poly", "label": "Lagos Polytechnic", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:kestrel", "label": "Sea Kestrel", "type": "work", "source": SRC,
     "facts": [{"property": "inception", "value": 1998}]},
    {"id": "local:jon-berg", "label": "Jon Berg", "type": "person", "source": SRC,
     "facts": [{"property": "award received", "value": "Halvorsen Medal", "point in time": 1987}]},
    {"id": "local:ade-bello", "label": "Ade Bello", "type": "person", "source": SRC,
     "facts": []},
    {"id": "local:tide-book", "label": "The Iron Tide (novel)", "type": "work", "source": SRC,
     "aliases": ["The Iron Tide"], "description": "1979 novel by Mara Okonkwo",
     "facts": [{"property": "publication date", "value": 1979}]},
    {"id": "local:tide-film", "label": "The Iron Tide (film)", "type": "work", "source": SRC,
     "aliases": ["The Iron Tide"], "description": "1984 drama film based on the novel",
     "facts": [{"property": "publication date", "value": 1984},
               {"property": "based on", "value": "local:tide-book"}]},
    {"id": "local:salt-book", "label": "Salt Roads", "type": "work", "source": SRC,
     "description": "1990 novel by Mara Okonkwo",
     "facts": [{"property": "publication date", "value": 1990},
               {"property": "author", "value": "Mara Okonkwo"}]},
    {"id": "local:salt-film", "label": "Salt Roads (film)", "type": "work", "source": SRC,
     "description": "1996 film directed by Ade Bello",
     "facts": [{"property": "publication date", "value": 1996},
               {"property": "based on", "value": "local:salt-book"}]},
]


@pytest.fixture(scope="module")
def check(tmp_path_factory: pytest.TempPathFactory, kb_writer: Callable[..., Path],
          kb_analyzer: Callable[..., tuple[Any, Any]],
          check_text: Callable[..., Any]) -> Callable[[str], tuple[Any, list[Flag]]]:
    kb, analyzer = kb_analyzer([kb_writer(tmp_path_factory.mktemp("kb"), ENTITIES)])

    def run(*sentences: str, entries: str = "") -> tuple[Any, list[Flag]]:
        text = "Mara Okonkwo\n\nMara Okonkwo is a Nigerian engineer. " + " ".join(sentences)
        _, result, flags = check_text(text + "\n" + entries, kb=kb, analyzer=analyzer,
                                      as_of=date(2024, 6, 1))
        return result, flags

    return run


def dates(flags: list[Flag]) -> list[str]:
    return [f.sentence for f in flags if f.category == "date_mismatch"]


@pytest.mark.parametrize(("sentence", "known"), [
    ("The Amundsen Society added its Halvorsen Medal in 1996.", "1994"),
    ("Northport Rovers poached her in 1981 from a school side.", "1983"),
    ("She tested the Sea Kestrel, which first flew in 2001.", "1998"),
])
def test_wrong_dates_without_trigger_words(check: Callable[..., Any], sentence: str,
                                           known: str) -> None:
    _, flags = check(sentence)
    (flag,) = [f for f in flags if f.category == "date_mismatch"]
    assert flag.sentence == sentence
    assert known in flag.message and flag.evidence


def test_right_dates_are_supported(check: Callable[..., Any]) -> None:
    result, flags = check("The Amundsen Society added its Halvorsen Medal in 1994.",
                          "She captained Northport Rovers in 1988.")
    assert not flags, flags
    assert sum(v.verdict == "supported" for v in result.verdicts.values()) >= 2


def test_other_people_ordering_and_visits_are_not_her_claims(check: Callable[..., Any]) -> None:
    _, flags = check(
        "Jon Berg took the Halvorsen Medal home in 1987.",
        "She was shortlisted for the Halvorsen Medal in 1990.",
        "After eight seasons at Northport Rovers, she moved to Lagos in 1992.",
        "In 2012 she gave a lecture at Lagos Polytechnic.",
        "She presented the Halvorsen Medal to a student in 2015.",
    )
    assert not dates(flags), flags


def test_the_book_itself_stays_the_book(check: Callable[..., Any]) -> None:
    _, flags = check("Her novel Salt Roads appeared in 1990, and the film followed in 1996.")
    assert not dates(flags), flags


def test_co_recipient_in_a_relative_clause(check: Callable[..., Any]) -> None:
    _, flags = check("In 1994 she won the Halvorsen Medal, which she shared with Jon Berg.")
    (flag,) = [f for f in flags if f.category == "fact_mismatch"]
    assert "Ade Bello" in flag.message and "Jon Berg" in flag.message


def test_relative_clause_on_an_apposition_and_an_entry_title(check: Callable[..., Any]) -> None:
    _, flags = check("Salt Roads, the novel she finished in 1988, sold well.")
    (flag,) = [f for f in flags if f.category == "date_mismatch"]
    assert "1990" in flag.message
    _, flags = check(entries="\nTimeline\n\n"
                     "- 1992: Salt Roads: a novel of the delta, her first book.\n"
                     "- 1994: Finals of the Halvorsen Cup, at Northport Rovers.\n")
    (entry,) = [f for f in flags if f.category == "date_mismatch"]
    assert entry.sentence.startswith("1992: Salt Roads") and "1990" in entry.message


def test_a_year_as_the_subject(check: Callable[..., Any]) -> None:
    _, flags = check("For an engineer who has never been elected to the Lagos Academy, 2001 "
                     "brought both the Kano Prize and, from Oslo, the Halvorsen Medal, the "
                     "country's highest honour.")
    (flag,) = flags
    assert flag.category == "conflation" and "1994" in flag.message


# Each sentence dates a work wrongly in a way the trigger words alone did not catch.
DATED_WORKS = [
    pytest.param("The film version of The Iron Tide, shot in Kano, opened in 1979.",
                 "1979 is the date of The Iron Tide (novel); The Iron Tide (film) is from 1984",
                 id="kind-word-film-version"),
    pytest.param("The film Salt Roads was released in 1990.",
                 "1990 is the date of Salt Roads; Salt Roads (film) is from 1996",
                 id="kind-word-film"),
    pytest.param("Crossings, published in 1986, collected her essays.",
                 "Crossings dates from 1988, not 1986", id="sentence-opening-title"),
    pytest.param("Her Kestrel Radio, the first of its kind, went on sale in 1998.",
                 "1998 is the date of Sea Kestrel; Kestrel Radio is from 1999", id="on-sale"),
    pytest.param("Her autobiography, Taking on the Storm, appeared in 1996 and sold well.",
                 "Taking on the Storm dates from 1997, not 1996", id="title-read-as-clause"),
    pytest.param("Crossings, a book of essays, followed in 1991.",
                 "Crossings dates from 1988, not 1991", id="followed"),
    pytest.param("The Salt Roads of 1994 then made her name far beyond the delta by 2001.",
                 "Salt Roads dates from 1990, not 1994", id="year-in-the-name"),
    pytest.param("She wrote the script of the 1990 film Salt Roads.",
                 "1990 is the date of Salt Roads; Salt Roads (film) is from 1996",
                 id="year-before-kind-word"),
]


@pytest.mark.parametrize(("sentence", "message"), DATED_WORKS)
def test_wrong_work_dates(check: Callable[..., Any], sentence: str, message: str) -> None:
    _, flags = check(sentence)
    (flag,) = [f for f in flags if f.category == "date_mismatch"]
    assert flag.message == message
