"""Constructions the checker misread in held-out sets, each in a general form: an invented
novelist and publisher, her press, her family and her institute (no evaluation set holds
them). The KB below is all the checker knows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sentence_checks import Check, check_fixture, checker_fixture, on
from sentence_checks import entity as _thing

TARN = "Livia Tarn"

ENTITIES: list[dict[str, Any]] = [
    _thing("local:livia-tarn", TARN, "person",
           {"property": "date of birth", "value": "1902-03-04"},
           {"property": "date of death", "value": "1970-06-01"},
           {"property": "employer", "value": "Hallam College", "start": 1933, "end": 1936},
           {"property": "employer", "value": "University of Brask", "start": 1936, "end": 1938},
           {"property": "member of", "value": "Brask Writers' Society", "start": 1930,
            "end": "1939-02"},
           aliases=("Tarn",)),
    _thing("local:tarn-press", "Tarn Press", "organization",
           {"property": "inception", "value": 1920},
           {"property": "founded by", "value": TARN},
           {"property": "parent organization", "value": "Morrow & Finch", "start": 1946},
           aliases=("The Tarn Press",)),
    _thing("local:morrow-finch", "Morrow & Finch", "organization"),
    _thing("local:lund-press", "Lund Press", "organization",
           {"property": "inception", "value": 1921}),
    _thing("local:tarn-institute", "Tarn Institute for Letters", "organization",
           {"property": "inception", "value": 1990},
           {"property": "part of", "value": "University of Brask", "start": "2011-06-01"}),
    _thing("local:brask", "University of Brask", "organization",
           {"property": "inception", "value": 1585}),
    _thing("local:hallam", "Hallam College", "organization"),
    _thing("local:writers", "Brask Writers' Society", "organization",
           {"property": "inception", "value": 1901}),
    _thing("local:piet-tarn", "Piet Tarn", "person",
           {"property": "date of birth", "value": "1925-01-01"},
           {"property": "date of death", "value": "1996-02-08"}),
    _thing("local:ola-brent", "Ola Brent", "person",
           {"property": "date of birth", "value": "1960-01-01"}),
]

AS_OF = date(2026, 12, 1)

checker = checker_fixture(ENTITIES)

check = check_fixture(f"{TARN}\n\n{TARN} was a novelist, born on 4 March 1902. ", AS_OF)


def test_a_body_said_to_stand_on_its_own_that_the_kb_puts_under_another(check: Check) -> None:
    founded = "She founded the Tarn Press in 1920 with her brother."
    (flag,) = on(check(founded, "The press, which took its name from her house, remains an "
                       "independent publisher to this day."), "remains", "stale_claim")
    assert "Morrow & Finch" in flag.message and "1946" in flag.message
    (flag,) = on(check("The Tarn Institute for Letters, founded in 1990, remains an independent "
                       "institute outside the university system."), "remains", "stale_claim")
    assert "University of Brask" in flag.message and "2011" in flag.message
    (flag,) = on(check("The Tarn Press is independent."), "independent", "stale_claim")
    assert not check(founded, "The press remained an independent publisher until 1946.")
    assert not check(founded, "The press is no longer independent.")
    assert not check("The Lund Press remains an independent publisher to this day.")


def test_the_pronoun_of_a_second_clause_is_the_first_clause_s_subject(check: Check) -> None:
    (flag,) = on(check("Her son Piet Tarn took over the press, and he runs it to this day."),
                 "runs it", "stale_claim")
    assert "1996" in flag.message
    assert not check("Her friend Ola Brent took over the press, and he runs it to this day.")


def test_the_organization_is_the_body_named_before(check: Check) -> None:
    said = ("In February {}, when the Brask Writers' Society refused to admit her translator, "
            "she resigned from the organization.")
    (flag,) = on(check(said.format(1938)), "resigned", "date_mismatch")
    assert "1939" in flag.message
    assert not check(said.format(1939))
    # a body named in an earlier sentence is taken up only by a noun its name has
    (flag,) = on(check("She taught at Hallam College from 1933.", "In 1938 she left the college "
                       "for good."), "left the college", "date_mismatch")
    assert "1936" in flag.message
    assert not check("She taught at Hallam College from 1933.", "In 1938 she left the "
                     "society for good.")
