"""Constructions the checker missed or misread in held-out sets 51 to 55, each in a general
form: an invented architect, her schools, clubs, seats and manifestos (no evaluation set holds
them). The KB below is all the checker knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sentence_checks import Check, check_fixture, checker_fixture, on, vague_flags
from sentence_checks import entity as _thing

LORNE = "Hedda Lorne"

ENTITIES: list[dict[str, Any]] = [
    _thing("local:hedda-lorne", LORNE, "person",
           {"property": "date of birth", "value": "1930-03-04"},
           {"property": "place of birth", "value": "Orby"},
           {"property": "date of death", "value": "1996-05-01"},
           {"property": "place of death", "value": "New Haven City"},
           {"property": "country of citizenship", "value": "Norland", "start": 1960},
           {"property": "educated at", "value": "Kell College", "start": 1948, "end": 1952},
           {"property": "educated at", "value": "University of Vale", "end": 1952},
           {"property": "employer", "value": "University of Vale", "start": 1960, "end": 1970,
            "qualifiers": {"subject has role": "head of the architecture department"}},
           {"property": "member of sports team", "value": "Harbour FC", "start": 1950,
            "end": 1955},
           {"property": "employer", "value": "Harbour FC", "start": 1975, "end": 1980,
            "qualifiers": {"subject has role": "head coach"}},
           {"property": "position held", "value": "Member of the Upper Chamber",
            "start": 1985, "end": 1991, "qualifiers": {"of": "Upper Chamber"}},
           {"property": "award received", "value": "Norland Prize", "point in time": 1984},
           {"property": "award received", "value": "Arne Medal", "point in time": 1990},
           {"property": "member of", "value": "Tern Association", "start": 1972, "end": 1980},
           {"property": "member of", "value": "Orby Rowing Club", "start": 1946},
           {"property": "spouse", "value": "Ivo Lind", "start": 1955, "end": 1974},
           {"property": "award received", "value": "OBE", "point in time": 1975},
           {"property": "employer", "value": "Orby Press", "start": 1948, "end": 1953},
           {"property": "member of sports team", "value": "Orby FC", "start": 1962, "end": 1965},
           {"property": "member of", "value": "Glass Union", "start": 1961},
           {"property": "award received", "value": "Kell Medal", "point in time": 1992,
            "qualifiers": {"together with": ["Rut Aas"]}},
           aliases=("Lorne",)),
    _thing("local:tern-association", "Tern Association", "organization",
           {"property": "inception", "value": 1972}),
    _thing("local:orby-rowing", "Orby Rowing Club", "organization"),
    _thing("local:obe", "OBE", "award"),
    _thing("local:tide-turns", "The Sea Also Rises", "work",
           {"property": "publication date", "value": 1980}, {"property": "author", "value": LORNE}),
    _thing("local:men-without-boats", "Women Without Men", "work",
           {"property": "publication date", "value": 1981}, {"property": "author", "value": LORNE}),
    _thing("local:if-walls", "If This Is a House", "work",
           {"property": "publication date", "value": 1972}, {"property": "author", "value": LORNE}),
    _thing("local:toits-bas", "Toits Bas", "work",
           {"property": "publication date", "value": 1985},
           {"property": "based on", "value": "Low Roofs"}),
    _thing("local:glass-circle", "Glass Circle", "organization",
           {"property": "dissolved", "value": 1960},
           {"property": "replaced by", "value": "Glass Union"}),
    _thing("local:orby-guild", "Orby Guild", "organization",
           {"property": "dissolved", "value": 1960}),
    _thing("local:glass-union", "Glass Union", "organization",
           {"property": "inception", "value": 1961}),
    _thing("local:orby-fc", "Orby FC", "organization"),
    _thing("local:kell-medal", "Kell Medal", "award"),
    _thing("local:rut-aas", "Rut Aas", "person"),
    _thing("local:per-moe", "Per Moe", "person"),
    _thing("local:vale-press", "Vale Press", "organization",
           {"property": "parent organization", "value": "Orby Press", "start": 1990}),
    _thing("local:lorne-institute", "Lorne Institute", "organization",
           {"property": "inception", "value": 1975}, {"property": "founded by", "value": LORNE}),
    _thing("local:orby-press", "Orby Press", "organization"),
    _thing("local:ivo-lind", "Ivo Lind", "person", aliases=("Lind",)),
    _thing("local:harbour-radio", "Harbour Radio", "organization",
           {"property": "founded by", "value": "Ivo Lind"},
           {"property": "inception", "value": 1950}),
    _thing("local:glass-manifesto", "Glass Manifesto", "work",
           {"property": "publication date", "value": 1971}),
    _thing("local:charter-77", "Charter of the 77", "work",
           {"property": "publication date", "value": 1977}),
    _thing("local:harbour-notes", "Harbour Notes", "work",
           {"property": "publication date", "value": 1980},
           {"property": "author", "value": LORNE}),
    _thing("local:low-roofs", "Low Roofs", "work",
           {"property": "publication date", "value": 1983},
           {"property": "author", "value": LORNE},
           {"property": "award received", "value": "Norland Prize", "point in time": 1984}),
    _thing("local:upper-chamber", "Upper Chamber", "organization"),
    _thing("local:norland-prize", "Norland Prize", "award"),
    _thing("local:arne-medal", "Arne Medal", "award"),
    _thing("local:kell-college", "Kell College", "organization"),
    _thing("local:vale", "University of Vale", "organization"),
    _thing("local:harbour-fc", "Harbour FC", "organization"),
    _thing("local:army-corps", "Norland Army Corps", "organization"),
    _thing("local:orby", "Orby", "place", {"property": "instance of", "value": "town"}),
    _thing("local:new-haven-city", "New Haven City", "place",
           {"property": "instance of", "value": "city"}),
]

AS_OF = date(2026, 6, 1)


checker = checker_fixture(ENTITIES)


check = check_fixture(f"{LORNE}\n\n{LORNE} was an architect, born on 4 March 1930. ", AS_OF)


def _vague(checker: tuple[Any, Any], check_text: Callable[..., Any], text: str,
           fmt: str = "md") -> list[Any]:
    return vague_flags(checker, check_text, text, AS_OF, fmt)


def test_helped_found_is_a_founding(check: Check) -> None:
    flags = check("In 1984, the year she won the Norland Prize, she also helped found the Tern "
                  "Association.")
    (flag,) = on(flags, "helped found", "conflation")
    assert "1972" in flag.message
    assert not on(check("In 1972 she helped found the Tern Association."), "helped found")
    # (the passive of "find" founds nothing)
    assert not check("In 1990 her drawings of the Tern Association could be found in Orby.")


def test_nominated_to_a_chamber_is_a_seat(check: Check) -> None:
    flags = check("In 1990 she was awarded the Arne Medal and nominated to the Upper Chamber.")
    (flag,) = on(flags, "nominated to", "conflation")
    assert "1985" in flag.message
    assert not on(check("In 1985 she was nominated to the Upper Chamber."), "nominated")


def test_signing_a_manifesto_dates_it(check: Check) -> None:
    (flag,) = on(check("In 1970 she signed the Glass Manifesto."), "Glass", "date_mismatch")
    assert "1971" in flag.message
    # a title that ends on a number after "the" is found whole
    (flag,) = on(check("In 1970 she signed the Charter of the 77."), "Charter", "date_mismatch")
    assert "1977" in flag.message
    assert not on(check("In 1971 she signed the Glass Manifesto."), "Glass")


def test_joining_a_club_she_played_for(check: Check) -> None:
    # the KB has her as the club's player from 1950 and its coach from 1975
    assert not on(check("In 1950 she joined Harbour FC."), "joined")
    assert on(check("In 1958 she joined Harbour FC."), "joined", "date_mismatch")


def test_a_birth_clause_does_not_take_the_main_clause_s_date(check: Check) -> None:
    assert not check("Born in Orby, she took Norland citizenship in 1960.")


def test_a_pronoun_after_a_relative_named_as_subject(check: Check) -> None:
    assert not check("Her mother, Ada, ran a bakery; when she died of a fever in 1940 the girl "
                     "was ten.")


def test_a_named_war_is_no_season(check: Check) -> None:
    assert not check("Her uncle was killed in the Winter War when she was nine.")


def test_a_later_event_does_not_take_the_sentence_s_date(check: Check) -> None:
    # (nor is the death of the man she married later an act of hers after her own death)
    flags = check("In November 1955 Lorne married the painter Ivo Lind at a ceremony in Orby.",
                  "The couple divorced in 1974, nineteen years after the wedding, and Lorne "
                  "later married the surgeon Per Moe, who died in 1999.")
    assert not flags


def test_a_party_the_kb_has_no_party_for(check: Check) -> None:
    # the KB lists her memberships, none of them a party: it cannot say which party she was in
    assert not check("A member of the Communist Party, Lorne rose quickly through the "
                     "institutions.")


def test_a_city_by_its_short_name(check: Check) -> None:
    assert not check("She died in a room at the hospital in New Haven, with her son at her "
                     "side, on 1 May 1996.")


def test_then_after_a_sentence_with_an_aside(check: Check) -> None:
    lead = "The Norland Prize came in 1984, and the Arne Medal followed in 1990."
    assert not check(lead, "Then, in 1985, she stopped building.")
    assert on(check(lead, "Then, in 1979, she stopped building."), "Then", "internal_inconsistency")


def test_an_interval_from_a_title_won_in_a_named_city(check: Check) -> None:
    flags = check("In 1952 in Vale she won her second Olympic title.",
                  "Her last appearance came at the 1960 Games in Orby, where she won the final, "
                  "twelve years after her first Olympic title in Kell.")
    assert not on(flags, "twelve years")


def test_a_college_inside_a_university_she_also_worked_at(check: Check) -> None:
    assert not check("She attended school in Orby and in 1948 entered Kell College in the "
                     "University of Vale.")


def test_a_bare_gerund_has_no_object(check: Check) -> None:
    assert not check("Within days of graduating she was in uniform with the Norland Army Corps.")


def test_a_building_named_after_her_opens_after_her_death(check: Check) -> None:
    assert not check("The pavilion in Orby now known as the Pavillon Hedda Lorne opened in 1999, "
                     "and the chapel at Vale was completed in 2006, ten years after her death.")


def test_a_block_quotation_sourced_after_the_words(
    checker: tuple[Any, Any], check_text: Callable[..., Any]
) -> None:
    lead = f"# {LORNE}\n\n{LORNE} was an architect, born on 4 March 1930.\n\n"
    for source in ("(from Harbour Notes, 1980)", "she told The Orby Herald in 1985."):
        text = lead + f'> "A house is a letter to the street." {source}\n'
        assert not _vague(checker, check_text, text), source
    text = lead + '> "A house is a letter to the street," she once said.\n'
    assert _vague(checker, check_text, text)


def test_the_following_year_in_a_dated_entry(check: Check) -> None:
    assert not check("\n\n1983: Low Roofs, which won the Norland Prize the following year.")


def test_a_count_of_years_set_off_before_the_second_honour(check: Check) -> None:
    assert not check("She received the Norland Prize in 1984 and, six years later, the Arne "
                     "Medal.")


def test_a_day_of_the_month_just_named(check: Check) -> None:
    # (not the analysis date's September, decades after her death)
    assert not check("In September 1975 she travelled to Vale to give a lecture.",
                     "On the morning of 21 September, the day before the lecture, she visited "
                     "the harbour museum with her son.")


def test_an_undated_post_that_the_kb_does_not_list(check: Check) -> None:
    assert not check("After graduating she lectured at the university, and she later managed "
                     "the Norland Film Board.")


def test_an_honours_line_dates_the_honour(check: Check) -> None:
    flags = check("\n\nSelected honours:\n\n- Norland Prize, Low Roofs (1984)\n"
                  "- Arne Medal, Low Roofs (1990)")
    assert not flags


def test_a_superlative_the_colon_backs_with_a_record(check: Check) -> None:
    assert not check("By 1960 she was the best young architect in the world: she won the Orby "
                     "competition in 1958 and built the town library in 1959.")
    assert on(check("By 1960 she was the best young architect in the world."), "best",
              "unsupported_claim")


def test_an_html_block_quotation_credited_on_its_last_line(
    checker: tuple[Any, Any], check_text: Callable[..., Any]
) -> None:
    text = (f"<html><body><h1>{LORNE}</h1><p>{LORNE} was an architect, born on 4 March "
            "1930.</p><blockquote><p>Build low. Build near the water.</p>"
            "<p>Harbour Notes, spring 1980</p></blockquote></body></html>")
    assert not _vague(checker, check_text, text, "html")


def test_no_sentence_starts_after_a_word(check: Check) -> None:
    (flag,) = on(check("The recent inscription of seventeen of her works in seven countries on the "
                       "UNESCO World Heritage List, in 2016, has renewed interest in her "
                       "buildings."), "UNESCO", "stale_claim")
    assert "2016" in flag.message


def test_a_quotation_whose_closing_mark_ends_the_sentence(check: Check) -> None:
    assert not check('The critic Per Moe wrote in his journal on 14 March 1961 that she had "a '
                     'talent for plain rooms which is to me the most wonderful I ever met with."')


def test_the_founder_named_after_his_description(check: Check) -> None:
    assert not check("In 1960 she was still married to the Harbour Radio founder Ivo Lind.")
    (flag,) = on(check("She is now married to the Harbour Radio founder Ivo Lind."), "married",
                 "stale_claim")
    assert "1974" in flag.message


def test_the_group_of_which_she_is_still_a_member(check: Check) -> None:
    flags = check("That October the Tern Association, the club of which she is still a member "
                  "alongside Ivo Lind, held its first regatta.")
    (flag,) = on(flags, "still a member", "stale_claim")
    assert "1980" in flag.message


def test_what_a_law_guarantees(check: Check) -> None:
    assert not check("In 1946 she drafted the amendment guaranteeing freedom of worship in the new "
                     "constitution.")


def test_a_count_of_years_from_an_age(check: Check) -> None:
    assert not check("At thirteen she left school and married, briefly, a sailor named Olav Berg.",
                     "Two years later, in 1945, she married the painter Arne Dahl.")


def test_a_block_quotation_introduced_with_its_date(
    checker: tuple[Any, Any], check_text: Callable[..., Any]
) -> None:
    text = (f"# {LORNE}\n\n{LORNE} was an architect, born on 4 March 1930. In 1963 she spoke "
            "at the harbour. Addressing the crowd on 28 August 1963, she said:\n\n"
            '> "I have walked into the palaces of kings. I could not walk into a hotel in this '
            'town."\n')
    assert not _vague(checker, check_text, text, "md")


def test_his_version_of_her_work(check: Check) -> None:
    # (a woman's profile: "his" is the director's, whose remake the KB does not hold)
    assert not check("She retired in 1990.", "Years later the director Per Moe cast her in his "
                     "1993 Low Roofs, a role written for her.")


def test_a_birth_date_after_post_nominals(check: Check) -> None:
    assert not check("\n\nHedda Lorne OBE (née Berg; born 4 March 1930) was a Norland architect.")


def test_honours_counted_over_a_span(check: Check) -> None:
    assert not check("She won 4 Norland Prize titles between 1980 and 1990, and she still holds "
                     "the record.")


def test_a_count_of_years_from_the_last_count(check: Check) -> None:
    assert not check("Her brother died in 1950; a year later her mother died, and her father "
                     "died two years later, in 1953.")


def test_a_bound_is_not_the_counted_date(check: Check) -> None:
    assert not check("Her first post came in 1960, when she was named architect of the Orby "
                     "harbour.", "A year later she added the Vale office, which she led until "
                     "1969.")


def test_years_spent_at_a_school(check: Check) -> None:
    assert not check("She spent 1948 to 1952 at the school of Kell College.")


def test_ownership_transferred(check: Check) -> None:
    assert not check("In 1982 she transferred ownership of the Tern Association to her son.")


def test_a_decade_that_sets_a_story(check: Check) -> None:
    flags = check("In 1983, the year she won the Norland Prize, she published Low Roofs, a book "
                  "about a harbour in 1920s Orby.")
    (flag,) = on(flags, "Norland Prize", "conflation")
    assert "1984" in flag.message


def test_a_participle_the_parser_took_for_a_name(check: Check) -> None:
    flags = check("Stung when the club declined to offer her a contract, she signed in 1962 for "
                  "Harbour FC, of all clubs.")
    (flag,) = on(flags, "signed", "fact_mismatch")
    assert "Orby FC" in flag.message


def test_a_purpose_dated_by_its_verb(check: Check) -> None:
    (flag,) = on(check("She came out of retirement in 1962 to play for Harbour FC."), "retirement",
                 "fact_mismatch")
    assert "Orby FC" in flag.message


def test_a_firm_sold_to_its_new_parent(check: Check) -> None:
    flags = check("\n\n1955: Marries Ivo Lind and sells Vale Press to Orby Press.")
    (flag,) = on(flags, "Vale Press", "conflation")
    assert "1990" in flag.message


def test_the_year_of_an_apposition_and_the_main_clause(check: Check) -> None:
    flags = check("In 1962, the year she married Ivo Lind, she won the Orby regatta.")
    (flag,) = on(flags, "married", "conflation")
    assert "1955" in flag.message


def test_called_to_a_university(check: Check) -> None:
    (flag,) = on(check("She was called to the University of Vale in 1955."), "called",
                 "date_mismatch")
    assert "1960" in flag.message


def test_that_same_year(check: Check) -> None:
    flags = check("Harbour Notes appeared in 1980.", "Low Roofs, its sequel, came out that same "
                  "year.")
    (flag,) = on(flags, "that same year", "date_mismatch")
    assert "1983" in flag.message


def test_a_ceremony_that_also_honoured_another(check: Check) -> None:
    flags = check("In 1992 the president presented her with the Kell Medal, at a ceremony that "
                  "also honored Per Moe.")
    (flag,) = on(flags, "also honored", "fact_mismatch")
    assert "Rut Aas" in flag.message


def test_that_same_month_after_a_dated_clause(check: Check) -> None:
    flags = check("In May 1972 the club elected her its treasurer, and that same month she set "
                  "up the Lorne Institute.")
    (flag,) = on(flags, "Lorne Institute", "conflation")
    assert "1975" in flag.message


def test_an_entry_of_titles_whose_words_look_like_verbs(check: Check) -> None:
    flags = check("\n\n1980: The Sea Also Rises and Women Without Men.")
    (flag,) = on(flags, "Women Without Men", "conflation")
    assert "1981" in flag.message


def test_an_honour_a_relative_clause_dates(check: Check) -> None:
    (flag,) = on(check("The Arne Medal for architecture, which she received in 1988, confirmed "
                       "her standing."), "Arne Medal", "date_mismatch")
    assert "1990" in flag.message


def test_joining_a_group_after_it_was_dissolved(check: Check) -> None:
    (flag,) = on(check("In 1961 she joined the Glass Circle."), "Glass Circle", "fact_mismatch")
    assert "Glass Union" in flag.message
    (flag,) = on(check("In 1965 she joined the Orby Guild."), "Orby Guild", "fact_mismatch")
    assert "dissolved in 1960" in flag.message and flag.suggestion


def test_an_adaptation_named_after_its_source(check: Check) -> None:
    flags = check("Her French adaptation of the book Low Roofs, Toits Bas, opened in Orby in 1983.")
    (flag,) = on(flags, "Toits Bas", "date_mismatch")
    assert "1985" in flag.message


def test_a_title_that_opens_a_sentence(check: Check) -> None:
    flags = check("She began writing at once. If This Is a House, which first appeared in "
                  "1970, is her best-known book.")
    (flag,) = on(flags, "If This", "date_mismatch")
    assert "1972" in flag.message


def test_the_opening_chapter_is_no_release(check: Check) -> None:
    assert not check("In 1978 she worked on the pier, and she then wrote the opening chapter of "
                     "Harbour Notes (1980).")


def test_it_is_the_work_the_sentence_names(check: Check) -> None:
    assert not check("In 1975 she recorded her second album.", 'In 1990 a television advert used '
                     '"Salt Song," and the song became a hit, thirty years after she had recorded '
                     "it.")


def test_the_topic_of_a_doctorate(check: Check) -> None:
    assert not check("She stayed on at Vale for a doctorate on the state religion of the late "
                     "Roman Republic in the age of Cicero, completed in 1952.")


def test_earlier_that_same_season(check: Check) -> None:
    assert not check("A foot injury kept her out of the 1960 Vale Games, and at the Orby Games a "
                     "year later she fouled all three of her jumps.", "Earlier that same season, "
                     "though, she had shown what she could be, winning the Kell title in 1961.")


def test_a_ranking_by_others(check: Check) -> None:
    assert not check("The hall she designed is regularly named among the best ever made.")


def test_a_date_set_off_before_a_second_verb(check: Check) -> None:
    assert not check("She backed the strikers at Orby in 1974 and, the following year, founded "
                     "the Lorne Institute.")


def test_a_block_quotation_from_a_dated_documentary(
    checker: tuple[Any, Any], check_text: Callable[..., Any]
) -> None:
    text = (f"# {LORNE}\n\n{LORNE} was an architect, born on 4 March 1930. When the filmmaker "
            "Per Moe asked her, in his 1970 documentary Harbour Days, what a house meant, she did "
            'not hesitate:\n\n> "A house is a letter to the street."\n')
    assert not _vague(checker, check_text, text, "md")
