"""Constructions the checker missed or misread in held-out sets 62 and 63, each in a general
form: an invented diplomat, her clubs, marriages, treaties and honours (no evaluation set holds
them). The KB below is all the checker knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sentence_checks import Check, check_fixture, checker_fixture, on, vague_flags
from sentence_checks import entity as _thing

SOLVANG = "Mira Solvang"

ENTITIES: list[dict[str, Any]] = [
    _thing("local:mira-solvang", SOLVANG, "person",
           {"property": "date of birth", "value": "1931-02-10"},
           {"property": "place of birth", "value": "Tarnby"},
           {"property": "spouse", "value": "Ola Brin", "start": 1955, "end": 1970},
           {"property": "spouse", "value": "Piet Varo", "start": 1972},
           {"property": "member of sports team", "value": "Vik Juniors", "start": 1953,
            "end": 1954},
           {"property": "member of sports team", "value": "Vik United", "start": 1955,
            "end": 1958},
           {"property": "position held", "value": "Leader of the Green Party", "start": "1964-02",
            "end": 1987},
           {"property": "position held", "value": "Chair of the Sea Commission", "start": 1977,
            "end": 1980},
           {"property": "doctoral advisor", "value": "Anton Lie"},
           {"property": "award received", "value": "Fjord Prize", "point in time": 2012,
            "qualifiers": {"together with": ["Rut Aas"]}},
           {"property": "award received", "value": "Kell Medal", "point in time": 1971},
           {"property": "place of death", "value": "Oslo"},
           {"property": "position held", "value": "President of the Tarn Institute",
            "start": 1994, "end": 1995},
           {"property": "position held", "value": "Vice-President of the Sea Federation",
            "start": 2015, "end": 2023, "qualifiers": {"of": "Sea Federation"}},
           {"property": "member of", "value": "Tern Society", "start": 1999},
           {"property": "educated at", "value": "University of Tarn", "end": 1957,
            "qualifiers": {"academic degree": "doctorate"}},
           {"property": "country of citizenship", "value": "Norland", "start": 1956},
           {"property": "student of", "value": "Anna Brekke"},
           {"property": "position held", "value": "Prime Minister of Norland", "start": 1969,
            "end": 1976},
           {"property": "position held", "value": "Prime Minister of Norland", "start": 1982,
            "end": 1986},
           {"property": "position held", "value": "Director of the Tarn Observatory",
            "start": 1960, "end": 1970, "qualifiers": {"of": "Tarn Observatory"}},
           {"property": "award received", "value": "Nobel Prize in Chemistry",
            "point in time": 1985},
           aliases=("Solvang",)),
    _thing("local:tarn-observatory", "Tarn Observatory", "organization",
           {"property": "parent organization", "value": "Sea Federation"}),
    _thing("local:nobel-chemistry", "Nobel Prize in Chemistry", "award"),
    _thing("local:nobel-physics", "Nobel Prize in Physics", "award"),
    _thing("local:tarn-society", "Tarn Society", "organization",
           {"property": "inception", "value": 1907}),
    _thing("local:tarn-journal", "Journal of the Tarn Society", "work",
           {"property": "inception", "value": 1909},
           {"property": "parent organization", "value": "Tarn Society"}),
    _thing("local:anna-brekke", "Anna Brekke", "person"),
    _thing("local:lars-holt", "Lars Holt", "person"),
    _thing("local:prime-minister", "Prime Minister of Norland", "position"),
    _thing("local:tarn-president", "President of the Tarn Institute", "position",
           aliases=("Tarn Institute's president",)),
    _thing("local:sea-federation", "Sea Federation", "organization"),
    _thing("local:tern-society", "Tern Society", "organization"),
    _thing("local:tarn-university", "University of Tarn", "organization"),
    _thing("local:tarnby", "Tarnby", "place", {"property": "instance of", "value": "town"}),
    _thing("local:lundby", "Lundby", "place", {"property": "instance of", "value": "town"}),
    _thing("local:ola-brin", "Ola Brin", "person"),
    _thing("local:piet-varo", "Piet Varo", "person"),
    _thing("local:rut-aas", "Rut Aas", "person"),
    _thing("local:per-moe", "Per Moe", "person"),
    _thing("local:anton-lie", "Anton Lie", "person"),
    _thing("local:vik-united", "Vik United", "organization",
           {"property": "subsidiary", "value": "Vik Juniors"}),
    _thing("local:vik-juniors", "Vik Juniors", "organization"),
    _thing("local:green-party", "Green Party", "organization"),
    _thing("local:sea-commission", "Sea Commission", "organization"),
    _thing("local:fjord-prize", "Fjord Prize", "award"),
    _thing("local:kell-medal", "Kell Medal", "award"),
    _thing("local:sea-treaty", "Sea Treaty", "other",
           {"property": "point in time", "value": "1972-12-21"}),
    _thing("local:sea-review", "Sea Review", "work",
           {"property": "inception", "value": 1959},
           {"property": "founded by", "value": SOLVANG},
           {"property": "founded by", "value": "Piet Varo"}),
    _thing("local:tide-tables", "Tide Tables", "work",
           {"property": "publication date", "value": 1988},
           {"property": "author", "value": SOLVANG},
           {"property": "performer", "value": "Lars Holt"}, aliases=("Tidevann",)),
]

AS_OF = date(2026, 6, 1)


checker = checker_fixture(ENTITIES)


check = check_fixture(f"{SOLVANG}\n\n{SOLVANG} was a diplomat, born on 10 February 1931. ", AS_OF)


def test_a_native_of_a_town_is_born_there(check: Check) -> None:
    (flag,) = on(check("A native of Lundby, she went to work at a cannery as a girl."),
                 "native", "fact_mismatch")
    assert "Tarnby" in flag.message
    (flag,) = on(check("In 1950 she returned to her native Lundby."), "native", "fact_mismatch")
    assert "Tarnby" in flag.message
    # the year she went back is no date of birth
    assert not check("In 1950 she returned to her native Tarnby.")


def test_a_wedding_year_of_another_spouse_names_the_wrong_spouse(check: Check) -> None:
    (flag,) = on(check("In 1955 she married Piet Varo."), "married", "fact_mismatch")
    assert "Ola Brin" in flag.message
    assert not check("In 1972 she married Piet Varo.")


def test_a_marriage_that_ended_is_not_dated_by_its_end(check: Check) -> None:
    assert not check("Her marriage to Ola Brin ended in divorce in 1970, and in 1972 she "
                     "married Piet Varo.")


def test_a_party_chair_is_its_leader(check: Check) -> None:
    assert not check("In February 1964 the party elected her its chairman, a post she would "
                     "hold for 23 years.")


def test_signing_with_a_club_the_year_before_playing_for_its_own_team(check: Check) -> None:
    # the KB has her first season with Vik United's junior side in 1953
    assert not check("1952: Signs with the Vik United organization")
    assert on(check("In 1950 she signed with Vik United."), "signed")


def test_a_partner_set_off_before_what_was_founded(check: Check) -> None:
    (flag,) = on(check("In 1959 she co-founded, with Per Moe, the journal Sea Review."),
                 "co-founded", "fact_mismatch")
    assert "Piet Varo" in flag.message
    assert not check("In 1959 she co-founded, with Piet Varo, the journal Sea Review.")


def test_an_honour_shared_after_a_comma(check: Check) -> None:
    (flag,) = on(check("\n\n2012: Fjord Prize, shared with Per Moe"), "shared",
                 "fact_mismatch")
    assert "Rut Aas" in flag.message
    assert not check("\n\n2012: Fjord Prize, shared with Rut Aas")


def test_a_treaty_concluded_is_dated_by_its_signing(check: Check) -> None:
    flags = check("In 1971 she was awarded the Kell Medal and concluded the Sea Treaty.")
    (flag,) = on(flags, "Sea Treaty", "conflation")
    assert "1972" in flag.message
    assert not check("In 1972 she concluded the Sea Treaty.")


def test_a_supervisor_named_in_the_thesis_clause(check: Check) -> None:
    flags = check("She graduated in 1955 with a thesis on tides, written under the supervision "
                  "of the geologist Nils Haug.")
    (flag,) = on(flags, "supervision", "fact_mismatch")
    assert "Anton Lie" in flag.message
    assert not check("She graduated in 1955 with a thesis on tides, written under the "
                     "supervision of the geologist Anton Lie.")
    # a boss is no doctoral adviser
    assert not check("In 1960 she worked under Nils Haug at the ministry.")


def test_a_day_and_its_evening_date_a_death(check: Check) -> None:
    # 2000-11-23 was a Thursday: "Tuesday" is 21 November
    flags = check("Solvang, whose courage in 1968 cost her her post, died on Tuesday evening in "
                  "Tarnby.", as_of=date(2000, 11, 23))
    assert not on(flags, "died", "date_mismatch")


def test_a_wait_counted_from_an_unnamed_time(check: Check) -> None:
    assert not check("In 1975 she joined the Sea Commission.",
                     "It would be 42 years before another woman, Ada Holm, won the Fjord Prize, "
                     "in 2017.")
    # counted from a date the sentence names
    (flag,) = on(check("She had been stateless since 1937, and it was eighteen years before she "
                       "became a citizen in 1951."), "eighteen years", "internal_inconsistency")
    assert "1933" in flag.message


def test_at_a_company_is_no_age(check: Check) -> None:
    assert not check("She became director of personnel at Tarn Foods in 1957, one of the first "
                     "women executives at a major company.")


def _vague(checker: tuple[Any, Any], check_text: Callable[..., Any], text: str,
           fmt: str = "md") -> list[Any]:
    return vague_flags(checker, check_text, text, AS_OF, fmt)


def test_a_block_quotation_from_the_work_just_named(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    before = (f"# {SOLVANG}\n\n{SOLVANG} was a diplomat, born on 10 February 1931. Her essays "
              "were collected in 1988 as Tide Tables. ")
    quote = "\n\n> The sea keeps no ledger, and neither should a treaty.\n"
    assert not _vague(checker, check_text, before + "In the first of them she wrote:" + quote)
    # no work named: the quotation's source is still vague
    assert _vague(checker, check_text, f"# {SOLVANG}\n\n{SOLVANG} was a diplomat. In the first "
                  "of them she wrote:" + quote)


def test_a_post_named_as_the_subject_s_still_held(check: Check) -> None:
    (flag,) = on(check("Officially she is still the Tarn Institute's president as well."),
                 "still", "stale_claim")
    assert "President of the Tarn Institute" in flag.message and "1995" in flag.message
    (flag,) = on(check("She still serves as one of the federation's vice-presidents."),
                 "still", "stale_claim")
    assert "2023" in flag.message


def test_a_membership_since_a_year_on_the_copula(check: Check) -> None:
    (flag,) = on(check("She has been a member of the Tern Society since 1996."), "member",
                 "date_mismatch")
    assert "1999" in flag.message
    assert not check("She has been a member of the Tern Society since 1999.")


def test_the_novel_named_before_wins_its_author_s_prize(check: Check) -> None:
    flags = check("Her novel Tide Tables appeared in 1988. The novel won the Fjord Prize in 2013.")
    (flag,) = on(flags, "The novel won", "date_mismatch")
    assert "2012" in flag.message


def test_a_work_credited_by_a_possessive(check: Check) -> None:
    (flag,) = on(check("Per Moe's Tide Tables (1988) sold well."), "Tide Tables",
                 "fact_mismatch")
    assert SOLVANG in flag.message
    assert not check("Solvang's Tide Tables (1988) sold well.")
    # the KB's performer of it: the star's own
    assert not check("Lars Holt's Tide Tables (1988) sold well.")


def test_a_title_with_its_original_name_and_year(check: Check) -> None:
    (flag,) = on(check("Then came Tide Tables (Tidevann, 1989), her best book."), "Tidevann",
                 "date_mismatch")
    assert "1988" in flag.message


def test_dying_in_the_town_of_one_s_birth(check: Check) -> None:
    (flag,) = on(check("She died in her native Tarnby in 2001."), "native", "fact_mismatch")
    assert "Oslo" in flag.message


def test_a_relative_s_age_is_checked_against_the_birth_given_for_them(check: Check) -> None:
    assert not check("Her brother Ivo died of a fever in 1950, at fifteen.")
    (flag,) = on(check("Her son Paul, born in 1960, was killed in 1983, at 21."), "Paul",
                 "internal_inconsistency")
    assert "1960" in flag.message and "22 or 23" in flag.message


def test_a_death_given_to_someone_by_a_possessive(check: Check) -> None:
    assert not check("Her lessons with the old painter continued until shortly before the "
                     "master's death in 1968.")


def test_a_surname_after_another_person_s_full_name(check: Check) -> None:
    assert not check("Her father, Juan Solvang, ran a ferry. When Solvang was killed in a storm "
                     "in 1940, the family moved inland.")


def test_a_doctorate_completed_is_dated_by_the_kb(check: Check) -> None:
    (flag,) = on(check("She completed her doctorate in 1958."), "doctorate", "date_mismatch")
    assert "1957" in flag.message
    assert not check("She completed her doctorate in 1957.")


def test_an_entry_s_year_is_no_subject(check: Check) -> None:
    (flag,) = on(check("\n\n1955: Marries Ola Brin and becomes a Norland citizen"), "Marries",
                 "conflation")
    assert "1956" in flag.message


def test_a_town_written_before_its_region(check: Check) -> None:
    assert not check("\n\nBorn: Feb. 10, 1931, Tarnby, Westland, Norland")


def test_the_subject_as_a_child(check: Check) -> None:
    # born 10 February 1931
    (flag,) = on(check("Her father died in 1934, when the girl was only eight."), "the girl",
                 "internal_inconsistency")
    assert "2 or 3" in flag.message
    (flag,) = on(check("She was the only child of a ferryman, and she adored him. Her father "
                       "died in 1946, when his daughter was twelve. She never spoke of it; she "
                       "kept her grief to herself."), "daughter", "internal_inconsistency")
    assert "14 or 15" in flag.message
    # her own daughter's age is someone else's
    assert not check("Her husband died in 1980, when her daughter was twelve.")
    assert not check("Her father died in 1936, when the boy next door was twelve.")


def test_a_sibling_s_birth_against_the_gap_stated(check: Check) -> None:
    (flag,) = on(check("Her brother Ivo, born in 1926, was four years her junior."), "junior",
                 "internal_inconsistency")
    assert "1926" in flag.message
    assert not check("Her brother Ivo, born in 1935, was four years her junior.")
    assert not check("Her sister Ada, born in 1926, was five years older than her.")


def test_a_teacher_named_by_the_atelier(check: Check) -> None:
    (flag,) = on(check("In Paris she studied in the atelier of Lars Holt."), "atelier",
                 "fact_mismatch")
    assert "Anna Brekke" in flag.message
    assert not check("In Paris she studied in the atelier of Anna Brekke.")


def test_returning_as_a_post_holder(check: Check) -> None:
    (flag,) = on(check("In 1980 she returned as prime minister."), "returned", "date_mismatch")
    assert "1982" in flag.message
    assert not check("In 1982 she returned as prime minister.")
    assert not check("In 1980 she returned to Tarnby.")


def test_a_capitalised_title_with_life_dates_names_the_subject(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    # the husband is named more often; the title names her
    kb, analyzer = checker
    text = ("MIRA SOLVANG (1931-2001)\nDiplomat and essayist: a life in brief\n\n"
            "Mira Solvang married the poet Ola Brin in 1955. Brin wrote; Brin drank; Brin "
            "quarrelled with editors, and Ola Brin outlived his fame. She was born on 10 "
            "February 1931 in Tarnby.\n")
    analysis, _, flags = check_text(text, kb=kb, analyzer=analyzer, as_of=AS_OF)
    assert analysis.article.title.startswith("MIRA SOLVANG")
    assert analysis.subject is not None and analysis.subject.name == SOLVANG
    assert not flags


def test_an_age_set_off_with_its_participle(check: Check) -> None:
    assert not check("Her Sea Suite, begun when she was twelve, had its premiere in March 1950.")


def test_a_day_before_the_next_entry_s_year(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    kb, analyzer = checker
    text = (f"{SOLVANG}\n\n{SOLVANG} was a diplomat, born on 10 February 1931.\n\nKey dates\n\n"
            "1955: Marries Ola Brin on 3 May\n2020: A street in Oslo is named after her\n")
    analysis, _, flags = check_text(text, kb=kb, analyzer=analyzer, as_of=AS_OF)
    assert "1955-05-03" in {t.value for t in analysis.timexes}
    assert not flags


def test_her_last_year_is_no_date(check: Check) -> None:
    assert not check("She died in 2001. She spent much of her last year sorting her papers.")


def test_order_words_that_name_their_own_year(check: Check) -> None:
    assert not check("In 1970 she wrote of her ministry years. Later in 1956 she became a "
                     "Norland citizen.")


def test_a_place_name_found_in_part(
        tmp_path: Any, kb_writer: Callable[..., Any], kb_analyzer: Callable[..., Any],
        check_text: Callable[..., Any]) -> None:
    kb, analyzer = kb_analyzer([kb_writer(tmp_path, [_thing(
        "local:mira-solvang", SOLVANG, "person",
        {"property": "date of birth", "value": "1931-02-10"},
        {"property": "place of birth", "value": "Chanteloup-en-Brie"})])])
    text = f"{SOLVANG}\n\n1931: Born in Chanteloup-en-Brie, Seine-et-Marne\n"
    assert not check_text(text, kb=kb, analyzer=analyzer, as_of=AS_OF)[2]
    wrong = f"{SOLVANG}\n\n1931: Born in Chanteloup-les-Vignes, Yvelines\n"
    assert check_text(wrong, kb=kb, analyzer=analyzer, as_of=AS_OF)[2]


def test_a_post_at_a_centre_named_with_its_owner(check: Check) -> None:
    (flag,) = on(check("Solvang is director of the Sea Federation's Tarn Observatory in Oslo."),
                 "director", "stale_claim")
    assert "1970" in flag.message


def test_the_couple_shared_an_honour(check: Check) -> None:
    flags = check("She married Ola Brin in 1955, and the couple shared the 1985 Nobel Prize in "
                  "Physics.")
    (flag,) = on(flags, "the couple", "fact_mismatch")
    assert "Nobel Prize in Chemistry" in flag.message


def test_a_dated_description_in_apposition(check: Check) -> None:
    flags = check("Her first paper appeared in 1960 in the Journal of the Tarn Society, a "
                  "publication launched in 1907.")
    (flag,) = on(flags, "launched", "date_mismatch")
    assert "1909" in flag.message
    # undated, the description dates nothing
    assert not check("In 1960 she wrote for the Journal of the Tarn Society, a magazine "
                     "written for sailors.")


def test_a_teacher_described_in_the_studio(check: Check) -> None:
    (flag,) = on(check("In 1950 she enrolled in the Paris studio of the painter Lars Holt."),
                 "studio", "fact_mismatch")
    assert "Anna Brekke" in flag.message
