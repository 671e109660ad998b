"""Constructions the checker misread in held-out sets 72 and 73, each in a general form: an
invented chemist and diplomat, her teacher, her town and the bodies she served (no evaluation
set holds them). The KB below is all the checker knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sentence_checks import Check, check_fixture, checker_fixture, on, vague_flags
from sentence_checks import entity as _thing

VELL = "Mara Vell"

ENTITIES: list[dict[str, Any]] = [
    _thing("local:mara-vell", VELL, "person",
           {"property": "date of birth", "value": "1921-05-02"},
           {"property": "date of death", "value": "1990-08-03"},
           {"property": "doctoral advisor", "value": "Otto Brand"},
           {"property": "country of citizenship", "value": "Keldland", "start": 1950},
           {"property": "award received", "value": "Keld Prize", "point in time": 1950},
           {"property": "position held",
            "value": "Chair of the Evaluation Commission for the 1972 Games", "start": 1966},
           aliases=("Vell",)),
    _thing("local:otto-brand", "Otto Brand", "person"),
    _thing("local:ivo-lund", "Ivo Lund", "person"),
    _thing("local:keld", "Keld", "place", {"property": "instance of", "value": "town"}),
    _thing("local:keldland", "Keldland", "place", {"property": "instance of", "value": "country"},
           aliases=("Keldish",)),
    _thing("local:vell-institute", "Vell Institute", "organization",
           {"property": "inception", "value": 1977},
           {"property": "founded by", "value": VELL}),
    _thing("local:harbour-guild", "Harbour Guild", "organization",
           {"property": "inception", "value": 1948},
           {"property": "founded by", "value": VELL}),
    _thing("local:keld-prize", "Keld Prize", "award"),
    _thing("local:keld-prize-album", "Keld Prize for Album of the Year", "award",
           {"property": "part of", "value": "Keld Prize"}),
    _thing("local:harbour-songs", "Harbour Songs", "work",
           {"property": "publication date", "value": 1959},
           {"property": "author", "value": VELL},
           {"property": "award received", "value": "Keld Prize for Album of the Year",
            "point in time": 1960}),
    _thing("local:eval-1972", "Chair of the Evaluation Commission for the 1972 Games", "position",
           aliases=("Evaluation Commission for the 1972 Games",)),
]

AS_OF = date(2026, 6, 1)


checker = checker_fixture(ENTITIES)


check = check_fixture(f"{VELL}\n\n{VELL} was a chemist and diplomat, born on 2 May 1921. ", AS_OF)


def test_a_hope_is_not_what_happened(check: Check) -> None:
    assert not check("In 1946 a grant took her to Keld, where she hoped to work under Ivo Lund "
                     "at the Keld Laboratory.")
    (flag,) = on(check("In 1946 she went to Keld to work under Ivo Lund."), "Ivo Lund",
                 "fact_mismatch")
    assert "Otto Brand" in flag.message


def test_an_interval_that_dates_the_first_of_two_verbs(check: Check) -> None:
    assert not check("In 1946 she won a medal for a study of salts. She took her master's "
                     "degree two years later and received her doctorate from Keld in 1950.")
    (flag,) = on(check("In 1946 she won a medal for a study of salts. Two years later, in "
                       "1950, she received her doctorate."), "Two years later",
                 "internal_inconsistency")
    assert "1948" in flag.message


def test_counted_from_an_arrival_the_clause_dates(check: Check) -> None:
    (flag,) = on(check("In 1938, at the age of 17, she came north to Keld to live with an aunt. "
                       "Twelve years after arriving in Keld, she founded the Harbour Guild in "
                       "1948."), "Twelve years", "internal_inconsistency")
    assert "1950" in flag.message


def test_an_obituary_dateline_is_no_arrival(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    kb, analyzer = checker
    text = (f"# {VELL}, Chemist, Is Dead at 69\n\n"
            f"KELD, Aug. 4 — {VELL}, the chemist and diplomat, died yesterday in Keld.\n\n"
            "In 1938, at the age of 17, she came north to Keld to live with an aunt.\n\n"
            "Ten years after arriving in Keld, she founded the Harbour Guild in 1948.\n")
    flags = check_text(text, kb=kb, analyzer=analyzer, as_of=date(1990, 8, 4), fmt="md")[2]
    assert not on(flags, "Ten years after", "internal_inconsistency")


def test_another_persons_return_counts_from_their_visit(check: Check) -> None:
    assert not check("In November 1945 the chemist Ivo Lund spent a night talking with her in "
                     "Keld. In August 1946 the council expelled her from the Harbour Guild. "
                     "When Lund returned to Keld eleven years later, in 1956, she declined to "
                     "see him.")


def test_the_same_year_is_the_sentences_date_not_its_bound(check: Check) -> None:
    assert not check("In 1977 the university appointed her dean of chemistry, a post she held "
                     "until 1984. In the same year she founded the Vell Institute with Ivo "
                     "Lund.")


def test_someone_elses_age_set_off_after_their_name(check: Check) -> None:
    assert not check("Ivo Lund, now 72, still lives in Keld.", as_of=date(1985, 1, 1))
    (flag,) = on(check("Now 72, she still lives in Keld.", as_of=date(1985, 1, 1)), "Now 72",
                 "internal_inconsistency")
    assert "63" in flag.message


def test_a_block_quotation_sourced_by_so_said(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    quote = ('> "She was a woman of great patience and great courage, and Keld was proud to '
             'call her its own."\n\n')
    head = f"# {VELL}\n\n{VELL} (1921-1990) was a chemist.\n\n"
    sourced = head + quote + ("So said Mayor Ivo Lund, in a statement issued at the town hall "
                              "on Friday night.\n")
    assert not vague_flags(checker, check_text, sourced, AS_OF)
    assert vague_flags(checker, check_text, head + quote + "She died in 1990.\n", AS_OF)


def test_a_persons_own_judgement_is_reported(check: Check) -> None:
    assert not check("She regarded Harbour Songs as the best record she ever made.")
    (flag,) = on(check("Harbour Songs is the best record anyone ever made."), "best record",
                 "unsupported_claim")


def test_a_lifespan_dates_no_claim(check: Check) -> None:
    assert not check("\n\nChemist and diplomat. Norland-born, Keldish citizen, 1921–1990.")


def test_a_year_in_a_posts_name_is_not_its_start(check: Check) -> None:
    assert not check("In 1966 she chaired the Evaluation Commission for the 1972 Games, whose "
                     "report preceded the vote in 1967.")
    assert not check("In 1966 the Committee asked her to lead the Evaluation Commission for the "
                     "1972 Games as well.")


def test_a_works_prize_of_the_family_it_won(check: Check) -> None:
    assert not check("Harbour Songs, released in 1959, won the Keld Prize in February 1960.")
    (flag,) = on(check("Harbour Songs, released in 1959, won the Keld Prize in February 1962."),
                 "February 1962", "date_mismatch")
    assert "1960" in flag.message
