"""Constructions the checker missed or misread in held-out sets 68 and 69, each in a general
form: an invented actress and physicist, her husband, her university and the people who run
the bodies she belonged to (no evaluation set holds them). The KB below is all the checker
knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sentence_checks import Check, check_fixture, checker_fixture, on, vague_flags
from sentence_checks import entity as _thing

RENLUND = "Tova Renlund"

ENTITIES: list[dict[str, Any]] = [
    _thing("local:tova-renlund", RENLUND, "person",
           {"property": "date of birth", "value": "1930-03-04"},
           {"property": "place of birth", "value": "Harnby"},
           {"property": "spouse", "value": "Edo Palm", "start": 1957},
           {"property": "educated at", "value": "Varn University", "end": 1955,
            "qualifiers": {"academic degree": "doctorate"}},
           {"property": "educated at", "value": "Keld University", "start": 1949, "end": 1950},
           {"property": "position held", "value": "extraordinary professor of physics",
            "qualifiers": {"of": "Varn University"}, "start": 1960, "end": 1965},
           {"property": "position held", "value": "professor of physics",
            "qualifiers": {"of": "Varn University", "subject has role": "full professor"},
            "start": 1965},
           {"property": "position held", "value": "President of Norland", "start": 1970,
            "end": 1975},
           {"property": "member of political party", "value": "Norland Labour League",
            "start": 1968},
           {"property": "award received", "value": "Lion Prize", "point in time": 1961},
           {"property": "award received", "value": "Academy Award for Best Actress",
            "point in time": 1962},
           {"property": "award received", "value": "Kell Star", "point in time": 1995},
           {"property": "award received", "value": "Nansen Ring", "point in time": 1983},
           {"property": "award received", "value": "Varn Gold Medal", "point in time": 1962},
           {"property": "award received", "value": "Harbour Prize", "point in time": 1970,
            "qualifiers": {"together with": ["Nina Holt"]}},
           {"property": "employer", "value": "Selby Institute", "start": 1962},
           aliases=("Renlund",)),
    _thing("local:selby-institute", "Selby Institute", "organization"),
    _thing("local:harbour-charter", "Harbour Charter", "work",
           {"property": "publication date", "value": "1967-02-05"}),
    _thing("local:harbour-prize", "Harbour Prize", "award"),
    _thing("local:harbour-songs", "Harbour Songs", "work",
           {"property": "publication date", "value": 1958},
           {"property": "author", "value": RENLUND}),
    _thing("local:kell-star", "Kell Star", "award"),
    _thing("local:nansen-ring", "Nansen Ring", "award"),
    _thing("local:varn-gold-medal", "Varn Gold Medal", "award"),
    _thing("local:lena-dahl", "Lena Dahl", "person"),
    _thing("local:per-moe", "Per Moe", "person"),
    _thing("local:quiet-day", "Quiet Day", "work",
           {"property": "publication date", "value": 1977},
           {"property": "director", "value": "Lena Dahl"}),
    _thing("local:grey-novel", "The Grey Novel", "work",
           {"property": "publication date", "value": 1957}),
    _thing("local:grey-women", "Grey Women", "work",
           {"property": "publication date", "value": 1960},
           {"property": "director", "value": "Lena Dahl"},
           {"property": "based on", "value": "The Grey Novel"}),
    _thing("local:harbour-guild", "Harbour Guild", "organization",
           {"property": "inception", "value": 1947},
           {"property": "founded by", "value": RENLUND},
           {"property": "founded by", "value": "Nina Holt"}),
    _thing("local:edo-palm", "Edo Palm", "person",
           {"property": "date of birth", "value": "1912-12-11"},
           {"property": "date of death", "value": "2007-01-10"}),
    _thing("local:ivo-berg", "Ivo Berg", "person",
           {"property": "position held", "value": "Kapellmeister",
            "qualifiers": {"of": "Kort Orchestra"}, "start": 2005, "end": 2016}),
    _thing("local:nina-holt", "Nina Holt", "person",
           {"property": "employer", "value": "Renlund Centre", "start": 2011, "end": 2022,
            "qualifiers": {"subject has role": "director"}}),
    _thing("local:kort-orchestra", "Kort Orchestra", "organization"),
    _thing("local:renlund-centre", "Renlund Centre", "organization",
           {"property": "inception", "value": "2003-10"}),
    _thing("local:varn-university", "Varn University", "organization"),
    _thing("local:keld-university", "Keld University", "organization"),
    _thing("local:norland", "Norland", "place"),
    _thing("local:labour-league", "Norland Labour League", "organization"),
    _thing("local:workers-union", "Norland Workers Union", "organization", aliases=("NWU",)),
    _thing("local:harnby", "Harnby", "place", {"property": "instance of", "value": "town"}),
    _thing("local:selby", "Selby", "place", {"property": "instance of", "value": "town"}),
    _thing("local:lion-prize", "Lion Prize", "award"),
    _thing("local:academy-award", "Academy Award for Best Actress", "award"),
]

AS_OF = date(2026, 6, 1)


checker = checker_fixture(ENTITIES)


check = check_fixture(f"{RENLUND}\n\n{RENLUND} was an actress and physicist, born on 4 March "
                      "1930. ", AS_OF)


def test_a_body_led_now_by_someone_whose_post_ended(check: Check) -> None:
    (flag,) = on(check("The Kort Orchestra, currently led by its Kapellmeister Ivo Berg, still "
                       "plays her songs."), "currently led", "stale_claim")
    assert "2016" in flag.message
    (flag,) = on(check("Renlund founded the Renlund Centre in 2003. The centre is run today by "
                       "Nina Holt."), "run today", "stale_claim")
    assert "2022" in flag.message


def test_a_dead_person_doing_something_now(check: Check) -> None:
    (flag,) = on(check("Edo Palm, her husband and producer, still reads every script."),
                 "still reads", "stale_claim")
    assert "2007" in flag.message
    # the legacy, not the man
    assert not check("Seventeen years after his death, Edo Palm still sounds modern.")


def test_the_birthplace_a_description_names(check: Check) -> None:
    (flag,) = on(check("Her childhood was divided between Harnby and Selby, the market town "
                       "where she was born."), "where she was born", "fact_mismatch")
    assert "Harnby" in flag.message
    (flag,) = on(check("She thought of herself as a child of Selby, the town of her birth."),
                 "her birth", "fact_mismatch")
    assert "Harnby" in flag.message
    assert not check("She thought of herself as a child of Harnby, the town of her birth.")


def test_the_town_the_verb_names_before_the_places_around_it(check: Check) -> None:
    (flag,) = on(check("Renlund was born in Selby, in what is now the south of Norland, to a "
                       "miller."), "Selby", "fact_mismatch")
    assert "Harnby" in flag.message and "not Selby" in flag.message


def test_a_school_that_awards_the_degree(check: Check) -> None:
    (flag,) = on(check("In 1955 Keld University awarded her a doctorate summa cum laude."),
                 "doctorate", "fact_mismatch")
    assert "Varn University" in flag.message
    assert not check("In 1955 Varn University awarded her a doctorate summa cum laude.")


def test_a_full_professorship_is_not_the_lower_chair(check: Check) -> None:
    (flag,) = on(check("In 1960 the university made her a full professor."), "full professor",
                 "date_mismatch")
    assert "1965" in flag.message
    assert not check("In 1965 the university made her a full professor.")


def test_an_age_set_off_before_the_mother_is_hers(check: Check) -> None:
    (flag,) = on(check("In October 1958, at the age of 31, she gave birth to a daughter."),
                 "gave birth", "internal_inconsistency")
    assert "28" in flag.message
    assert not check("In October 1958, at the age of 28, she gave birth to a daughter.")


def test_a_second_object_with_its_own_date(check: Check) -> None:
    assert not check("The film won her the Lion Prize in 1961 and, in April 1962, the Academy "
                     "Award for Best Actress, the first ever given for a foreign-language role.")


def test_a_post_owned_by_its(check: Check) -> None:
    # the union she led is not the country she later presided over
    assert not check("In 1965 she turned the league's youth wing into the Norland Workers "
                     "Union (NWU) and became its president.")
    assert not check("That April she was elected president of the Norland Workers Union.")


def test_a_leader_who_leads_someone_away(check: Check) -> None:
    assert not check("In January 1976 two policemen led her out of a rehearsal at Varn "
                     "University.")


def test_words_that_look_like_life_events(check: Check) -> None:
    assert not check("A crater and the asteroid 1859 Renlund bear her name.")
    assert not check("\n\n1961: The Last Summer, three tales of love against death")
    assert not check("1995: Remains transferred to the National Pantheon.",
                     as_of=date(2026, 6, 1))


def test_a_season_of_any_year(check: Check) -> None:
    # "the year" here is no year at all, not the year of writing
    assert not check("She married Edo Palm during the hottest part of the year.")


def test_a_relative_introduced_by_kin_is_not_the_namesake(check: Check) -> None:
    # "Their sons, Edo and ...": not the husband Edo Palm, born 1912
    assert not check("She married Edo Palm in 1957. Their sons, Edo and Jan, were born in 1958 "
                     "and 1961.")


def test_superlatives_in_coordinated_clauses_and_titles(check: Check) -> None:
    (flag,) = on(check("Her films changed acting, and no actress since has come close to "
                       "matching her range."), "no actress", "unsupported_claim")
    (flag,) = on(check("No physicist before or since has possessed an intuition as sure as "
                       "hers."), "before or since", "unsupported_claim")
    (flag,) = on(check("She was, quite simply, the finest mind Norland produced in the "
                       "twentieth century."), "finest", "unsupported_claim")
    # an award's title
    assert not check("She won the Academy Award for Best Actress in 1962.")
    assert not check("She lived in Selby, and no one since has lived in that house.")


def _vague(checker: tuple[Any, Any], check_text: Callable[..., Any], text: str,
           fmt: str = "md") -> list[Any]:
    return vague_flags(checker, check_text, text, AS_OF, fmt)


def test_block_quotations_sourced_around_them(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    lead = f"# {RENLUND}\n\n{RENLUND} was an actress and physicist.\n\n"
    quote = "> Film is a dream, and physics is the waking from it, every single morning.\n\n"
    assert _vague(checker, check_text, lead + quote + "Few passages explain her better.\n")
    assert not _vague(checker, check_text, lead + quote + "So she wrote in her 1987 memoir "
                      "The Magic Lamp, and few passages explain her better.\n")
    # her own words to the writer of the profile, in the present
    assert not _vague(checker, check_text, lead + '> "I have been lucky," she says, pouring '
                      'coffee. "But I worked for my luck every single day."\n')


def test_a_date_on_the_verb_that_makes_her_a_recipient(check: Check) -> None:
    (flag,) = on(check("Norland made her the first recipient of the Kell Star in 1983."),
                 "Kell Star", "date_mismatch")
    assert "1995" in flag.message
    # a cleft puts its date on the clause after "that"
    (flag,) = on(check("It was in 1958 that she married Edo Palm, in a small church."),
                 "married", "date_mismatch")
    assert "1957" in flag.message
    assert not check("It was in 1957 that she married Edo Palm, in a small church.")


def test_an_honour_among_her_honours(check: Check) -> None:
    (flag,) = on(check("Among her honours was the Varn Gold Medal, awarded in 1947."),
                 "Varn Gold Medal", "date_mismatch")
    assert "1962" in flag.message
    assert not check("Among her honours was the Varn Gold Medal, awarded in 1962.")


def test_a_work_set_off_with_its_maker_and_year(check: Check) -> None:
    (flag,) = on(check("Years later, Quiet Day, Per Moe's 1977 chamber piece, gave her a "
                       "quieter role."), "Quiet Day", "fact_mismatch")
    assert "Lena Dahl" in flag.message
    (flag,) = on(check("Grey Women, Lena Dahl's 1957 adaptation of a novel, cast her as a "
                       "widow."), "Grey Women", "date_mismatch")
    assert "1960" in flag.message
    assert not check("Grey Women, Lena Dahl's 1960 adaptation of a novel, cast her as a widow.")


def test_a_founder_named_by_apposition(check: Check) -> None:
    (flag,) = on(check("Per Moe, a fellow founder of the Harbour Guild, was her closest ally."),
                 "fellow founder", "fact_mismatch")
    assert "Per Moe" in flag.message
    assert not check("Nina Holt, a fellow founder of the Harbour Guild, was her closest ally.")


def test_a_second_to_names_another_recipient(check: Check) -> None:
    (flag,) = on(check("In 1970 the guild awarded the Harbour Prize jointly to Renlund and "
                       "Nina Holt and to Lena Dahl."), "Harbour Prize", "fact_mismatch")
    assert "Lena Dahl" in flag.message


def test_a_fronted_place_and_year_frame_both_verbs(check: Check) -> None:
    (flag,) = on(check("Back in Selby in 1955, she formed a trio and recorded Harbour Songs."),
                 "Harbour Songs")
    assert "1958" in flag.message
    assert not check("Back in Selby in 1958, she formed a trio and recorded Harbour Songs.")


def test_a_year_named_by_another_event_of_it(check: Check) -> None:
    (flag,) = on(check("In 1964, the year the guild took the name Harbour Guild, Renlund also "
                       "issued the Harbour Charter."), "Harbour Charter", "conflation")
    assert "1967" in flag.message


def test_a_body_that_recently_opened(check: Check) -> None:
    (flag,) = on(check("Her house, which recently opened to the public as the Renlund Centre, "
                       "still holds her films."), "recently", "stale_claim")
    assert "2003" in flag.message


def test_moving_to_an_institution_is_joining_it(check: Check) -> None:
    flags = check("\n\n1960: Becomes a citizen and moves with Edo to the Selby Institute")
    (flag,) = on(flags, "Selby Institute")
    assert "1962" in flag.message


def test_an_anniversary_does_not_date_the_death(check: Check) -> None:
    assert not check("This 10 January marks nineteen years since the death of Edo Palm, her "
                     "husband and producer.")


def test_the_counted_date_set_off_after_the_phrase(check: Check) -> None:
    # (a full stop the splitter may not see: "the NWU. Eight ...")
    assert not check("She joined the league in 1958; after a merger in 1962 it became the NWU. "
                     "Eight years after she had arrived in Selby, in 1957, she married Edo Palm.",
                     "She had come to Selby in 1949.")


def test_a_participle_counted_later_keeps_its_own_date(check: Check) -> None:
    assert not check("In 1949 she entered Keld University, qualifying as a teacher four years "
                     "later.")


def test_a_credit_line_inside_the_block_quotation(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    lead = f"# {RENLUND}\n\n{RENLUND} was an actress and physicist. She wrote a poem:\n\n"
    assert not _vague(checker, check_text, lead + '> "The sea keeps no ledger of the drowned." '
                      'From "Harbour Songs", Tova Renlund, September 1958\n')
