"""Constructions the checker missed in held-out sets 44 to 49, each in a general form: an
invented singer, her songs, her schools and her employers (no evaluation set holds them). The
KB below is all the checker knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sentence_checks import Check, check_fixture, checker_fixture, on
from sentence_checks import entity as _thing

SOLBERG = "Maren Solberg"

ENTITIES: list[dict[str, Any]] = [
    _thing("local:maren-solberg", SOLBERG, "person",
           {"property": "date of birth", "value": "1941-05-02"},
           {"property": "occupation", "value": "singer"},
           {"property": "educated at", "value": "Lund College", "end": 1962},
           {"property": "employer", "value": "Aldo Brun", "start": 1970, "end": 1975},
           {"property": "employer", "value": "Harbour Records", "start": 1963, "end": 1969},
           {"property": "employer", "value": "Vale Records", "start": 1969, "end": 1975},
           {"property": "award received", "value": "Kelby Song Prize", "point in time": 1975},
           {"property": "residence", "value": "Kelby", "start": 1965},
           {"property": "residence", "value": "Marstal", "start": 1980},
           {"property": "position held", "value": "conductor of the Kelby Choir",
            "start": 1980, "qualifiers": {"of": "Kelby Choir"}},
           {"property": "position held", "value": "President of the Kelby Choir",
            "start": 1990, "end": 1995, "qualifiers": {"of": "Kelby Choir"}},
           {"property": "award received", "value": "Kelby Medal", "point in time": 1985},
           {"property": "award received", "value": "Order of Kelby", "point in time": 1990},
           {"property": "award received", "value": "Kelby Honours", "point in time": 1990,
            "qualifiers": {"together with": ["Ivo Lind", "Rut Aas"]}},
           aliases=("Solberg",)),
    _thing("local:waiting-for-otto", "Waiting for Otto Kerr", "work",
           {"property": "publication date", "value": 1984},
           {"property": "author", "value": SOLBERG}),
    _thing("local:kelby-honours", "Kelby Honours", "award"),
    _thing("local:ivo-lind", "Ivo Lind", "person",
           {"property": "award received", "value": "Kelby Honours", "point in time": 1990}),
    _thing("local:rut-aas", "Rut Aas", "person",
           {"property": "award received", "value": "Kelby Honours", "point in time": 1990}),
    _thing("local:per-moe", "Per Moe", "person"),
    _thing("local:kelby-choir", "Kelby Choir", "organization",
           {"property": "inception", "value": 1975}, {"property": "founded by", "value": SOLBERG},
           aliases=("Kelby Singers",)),
    _thing("local:kelby-lab", "Kelby Laboratory", "organization"),
    _thing("local:kelby-medal", "Kelby Medal", "award"),
    _thing("local:order-of-kelby", "Order of Kelby", "award"),
    _thing("local:honours-1990", "1990 Kelby Honours List", "other"),
    _thing("local:marstal", "Marstal", "place", {"property": "instance of", "value": "town"}),
    _thing("local:orby", "Orby", "place", {"property": "instance of", "value": "town"}),
    _thing("local:harbour-records", "Harbour Records", "organization"),
    _thing("local:vale-records", "Vale Records", "organization"),
    _thing("local:kelby-song-prize", "Kelby Song Prize", "award"),
    _thing("local:golden-gull", "Golden Gull", "award"),
    _thing("local:silver-gull", "Silver Gull", "award"),
    _thing("local:kelby", "Kelby", "place", {"property": "instance of", "value": "town"}),
    _thing("local:low-water", "Low Water", "work",
           {"property": "publication date", "value": 1978},
           {"property": "award received", "value": "Golden Gull", "point in time": 1978}),
    _thing("local:under-the-pier", "Under the Pier", "work",
           {"property": "publication date", "value": 1970},
           {"property": "author", "value": SOLBERG}),
    _thing("local:harbour-band", "Harbour Band", "organization"),
    _thing("local:otto-kerr-leader", "Otto Kerr (bandleader)", "person",
           {"property": "position held", "value": "leader of the Harbour Band", "start": 1960,
            "qualifiers": {"of": "Harbour Band"}}, aliases=("Kerr",)),
    _thing("local:aldo-brun", "Aldo Brun", "person",
           aliases=("Senator Aldo Brun",)),
    _thing("local:otto-kerr", "Otto Kerr", "person"),
    _thing("local:low-tide-original", "Low Tide (Otto Kerr song)", "work",
           {"property": "publication date", "value": 1960},
           {"property": "creator", "value": "Otto Kerr"},
           aliases=("Otto Kerr's Low Tide",)),
    _thing("local:low-tide-solberg", "Low Tide (Solberg recording)", "work",
           {"property": "publication date", "value": 1963},
           {"property": "creator", "value": SOLBERG},
           {"property": "based on", "value": "local:low-tide-original"},
           aliases=("Low Tide",)),
    _thing("local:harbour-notes", "Harbour Notes", "work",
           {"property": "publication date", "value": 1980},
           {"property": "author", "value": SOLBERG}),
    _thing("local:lund-college", "Lund College", "organization"),
    _thing("local:vale-college", "Vale College", "organization"),
]

AS_OF = date(2026, 6, 1)


checker = checker_fixture(ENTITIES)


check = check_fixture(
    f"{SOLBERG}\n\n{SOLBERG} is a Danish singer, born on 2 May 1941. ", AS_OF)


def test_her_version_of_a_song_is_her_recording(check: Check) -> None:
    wrong = check('Her version of "Low Tide," released in 1960, outsold the original.')
    right = check('Her version of "Low Tide," released in 1963, outsold the original.')
    found = on(wrong, "Her version", "date_mismatch")
    assert found and "1963" in found[0].message
    assert not on(right, "Her version")


def test_a_person_as_employer_on_whose_staff_she_worked(check: Check) -> None:
    wrong = check("In 1966 she joined the office staff of Senator Aldo Brun.")
    right = check("In 1970 she joined the office staff of Senator Aldo Brun.")
    assert on(wrong, "office staff", "date_mismatch")
    assert not on(right, "office staff")


def test_a_work_published_under_the_name_after_as(check: Check) -> None:
    wrong = check("She turned her diaries into a memoir, published in 1978 as Harbour Notes.")
    right = check("She turned her diaries into a memoir, published in 1980 as Harbour Notes.")
    assert on(wrong, "published in 1978", "date_mismatch")
    assert not on(right, "published in 1980")


def test_the_school_where_she_studied(check: Check) -> None:
    wrong = check("A singing contest won her a scholarship to Vale College, where she studied "
                  "music.")
    right = check("A singing contest won her a scholarship to Lund College, where she studied "
                  "music.")
    assert on(wrong, "Vale College", "fact_mismatch")
    assert not on(right, "Lund College")
    assert not on(check("She toured Vale College, where her brother studied law."), "Vale")


def test_a_club_passing_her_on(check: Check) -> None:
    wrong = check("In 1966 Harbour Records sold her to Vale Records.")
    right = check("In 1969 Harbour Records sold her to Vale Records.")
    assert on(wrong, "sold her", "date_mismatch")
    assert not on(right, "sold her")
    assert check("In 1966 she sold her piano to Vale Records.") == []


def test_an_honour_presented_to_her(check: Check) -> None:
    assert on(check("In 1973 the mayor presented her with the Kelby Song Prize."),
              "presented her", "date_mismatch")
    assert not on(check("In 1975 the mayor presented her with the Kelby Song Prize."),
                  "presented her")


def test_a_title_that_opens_with_a_preposition(check: Check) -> None:
    flags = check("Under the Pier, published in 1972, sold out in a week.")
    found = on(flags, "Under the Pier", "date_mismatch")
    assert found and "1970" in found[0].message


def test_which_after_a_place_reaches_back_to_the_work(check: Check) -> None:
    wrong = check("She sang in Low Water, a film about fishermen stranded in Kelby, which won "
                  "the Silver Gull in 1978.")
    right = check("She sang in Low Water, a film about fishermen stranded in Kelby, which won "
                  "the Golden Gull in 1978.")
    assert on(wrong, "Silver Gull", "fact_mismatch")
    assert not on(right, "Golden Gull")


def test_an_honour_the_work_won_does_not_refute_her_honours(check: Check) -> None:
    assert check("Low Water opened in 1978. It won the Silver Gull that autumn.") == []


def test_went_on_to_a_college(check: Check) -> None:
    assert on(check("She went on to Vale College in 1960."), "Vale College", "fact_mismatch")
    assert not on(check("She went on to Lund College in 1960."), "Lund College")


def test_a_name_after_and_is_the_subject_of_the_next_verb(check: Check) -> None:
    flags = check("In 1972 Kerr resigned the post by letter and Solberg became leader of the "
                  "Harbour Band.")
    assert not on(flags, "became leader")


def test_their_first_meeting_is_not_the_last_one_named(check: Check) -> None:
    flags = check("She first sang with Otto Kerr in 1961.",
                  "In 1975 she refused a meeting with Kerr.",
                  "She sang with Kerr again in 1981, twenty years after their first meeting.")
    assert not on(flags, "twenty years after")


def test_remarrying_is_not_the_wedding_dated_twice(check: Check) -> None:
    flags = check("In 1962 she married Otto Kerr.",
                  "They divorced in 1970 and remarried in 1985.")
    assert not on(flags, "remarried", "internal_inconsistency")


def test_words_quoted_after_her_death_are_not_her_acts(check: Check) -> None:
    flags = check("She died on 3 March 2001.",
                  'On 4 March 2001 Kerr told a newspaper that "she sang as when she first '
                  'sang."')
    assert not on(flags, "told a newspaper")


def test_that_month_after_a_season_is_in_the_season_s_year(check: Check) -> None:
    flags = check("She sang in Kelby in 1960.",
                  "She moved to the stage in the spring of 1969.",
                  "At 27 she sang at the opera on her debut that April.")
    assert not on(flags, "At 27", "internal_inconsistency")
    assert on(check("She sang in Kelby in 1960.",
                    "She moved to the stage in the spring of 1969.",
                    "At 25 she sang at the opera on her debut that April."),
              "At 25", "internal_inconsistency")


def test_earlier_that_year_takes_its_own_year(check: Check) -> None:
    flags = check("She won in Kelby in November 1980.",
                  "Earlier that year she had sung in Lund, and a son followed in 1982.")
    assert not on(flags, "Earlier that year")


def test_a_yardstick_is_not_a_superlative(check: Check) -> None:
    assert check("Her range was rare even among the best singers of her generation.") == []
    assert on(check("She was the best singer of her generation."), "best singer",
              "unsupported_claim")


def test_a_move_against_the_kb_s_residences(check: Check) -> None:
    assert on(check("In 1965 she moved to Orby."), "moved to Orby", "fact_mismatch")
    assert on(check("In 1968 the family moved to Kelby."), "moved to Kelby", "date_mismatch")
    assert check("In 1965 she moved to Kelby.") == []
    assert check("In 1980 she settled in Marstal.") == []
    # a place the KB's residences leave out, in a year with no residence, is no contradiction
    assert check("In 1990 she moved to Orby.") == []


def test_a_title_that_opens_with_a_verb_and_a_preposition(check: Check) -> None:
    flags = check("Waiting for Otto Kerr, the 1982 memoir of her touring years, sold well.")
    found = on(flags, "Waiting for Otto Kerr", "date_mismatch")
    assert found and "1984" in found[0].message


def test_an_age_in_apposition(check: Check) -> None:
    flags = check("She reached Kelby in the autumn of 1959, just 15 years old.",
                  "She sang in Marstal in 1962, 21 years old.")
    assert on(flags, "just 15", "internal_inconsistency")
    assert not on(flags, "21 years old")


def test_no_one_before_or_since_and_the_way_she_dominated(check: Check) -> None:
    assert on(check("No singer, before or since, has come close to her range."), "No singer",
              "unsupported_claim")
    assert on(check("No Danish singer has ever ruled a stage the way Solberg ruled the Kelby "
                    "opera."), "No Danish singer", "unsupported_claim")


def test_co_recipients_listed_after_among_the_recipients(check: Check) -> None:
    wrong = check("In 1990 she was among the first recipients of the Kelby Honours, alongside "
                  "Ivo Lind and Per Moe.")
    right = check("In 1990 she was among the first recipients of the Kelby Honours, alongside "
                  "Ivo Lind and Rut Aas.")
    assert on(wrong, "Per Moe", "fact_mismatch")
    assert not on(right, "Rut Aas")


def test_moves_told_in_other_words_and_things_moved_by_others(check: Check) -> None:
    assert on(check("In 1965 she retreated to Orby."), "retreated", "fact_mismatch")
    assert check("In 1990 her papers were moved to Orby.") == []


def test_a_book_that_reached_readers(check: Check) -> None:
    assert on(check("Harbour Notes reached readers in 1978."), "reached readers",
              "date_mismatch")


def test_a_year_in_an_honours_list_named_as_the_time(check: Check) -> None:
    assert check("She received the Kelby Medal in 1985 and the Order of Kelby in the 1990 Kelby "
                 "Honours List.") == []


def test_counting_from_someone_else_s_death(check: Check) -> None:
    lead = "Her brother Nils died in 1950, in a storm off Kelby."
    assert on(check(lead, "In 1955, three years after Nils's death, she sang in Lund."),
              "three years after", "internal_inconsistency")
    assert not on(check(lead, "In 1953, three years after Nils's death, she sang in Lund."),
                  "three years after")
    # a death the article does not date is not the subject's own, nor a wedding's year
    assert check("In 1962 she married Otto Kerr.",
                 "In 1990, eighteen years after Otto's death, a statue went up.") == []


def test_a_magazine_named_with_its_kind_is_a_source(check: Check) -> None:
    flags = check('"I sang for the town and the town sang back," she told Kelby magazine in an '
                  "interview published in April 1970.")
    assert not on(flags, "Kelby magazine")


def test_a_list_a_magazine_drew_up_is_its_ranking(check: Check) -> None:
    assert check("In 1999 Time named Solberg and Otto Kerr among the 100 most important "
                 "singers of the century.") == []


def test_a_short_quoted_title_does_not_unpair_the_next_quotation(check: Check) -> None:
    flags = check('In the essay "Salt", published in 1970, she set down her aim: "I wanted to '
                  'make song into an art." She once remarked, "To sing is to listen twice over."')
    assert on(flags, "once remarked", "vague_attribution")


def test_posts_named_by_herself_or_by_succession(check: Check) -> None:
    assert on(check("She named herself conductor of the Kelby Choir in 1978."),
              "named herself", "date_mismatch")
    assert on(check("She succeeded Otto Kerr as conductor of the Kelby Choir in 1978."),
              "succeeded", "date_mismatch")
    assert check("She succeeded Otto Kerr as conductor of the Kelby Choir in 1980.") == []


def test_a_scholarship_to_a_school_and_research_where_she_studied(check: Check) -> None:
    assert on(check("She won a singing scholarship to Vale College."), "Vale College",
              "fact_mismatch")
    assert check("She took a post at the Kelby Laboratory, where she studied the acoustics of "
                 "old halls.") == []


def test_in_the_year_of_another_event_is_a_conflation(check: Check) -> None:
    flags = check("In 1978, the year of her first tour of Japan, she also became conductor of "
                  "the Kelby Choir.")
    found = on(flags, "the year of her first tour", "conflation")
    assert found and "1980" in found[0].message
    assert not on(check("In 1980, the year of her first tour of Japan, she also became "
                        "conductor of the Kelby Choir."), "the year of")


def test_no_one_struck_harder_or_sang_surer(check: Check) -> None:
    assert on(check("No singer in the history of the town has ever sung harder."), "No singer",
              "unsupported_claim")
    assert on(check("No living singer has a surer command of the low register."), "No living",
              "unsupported_claim")


def test_recent_for_the_one_date_its_sentence_gives(check: Check) -> None:
    found = on(check("In a recent tribute, the harbour at Kelby was renamed for her in 2008."),
                 "recent tribute", "stale_claim")
    assert found and "2008" in found[0].message
    assert check("In a recent tribute, the harbour at Kelby was renamed for her in 2025.") == []




def test_a_bullet_that_puts_a_later_book_under_the_founding_year(check: Check) -> None:
    flags = check("\n\n- 1975: Launches the Kelby Choir and publishes her first autobiography, "
                  "Harbour Notes.")
    found = on(flags, "Harbour Notes", "conflation")
    assert found and "1980" in found[0].message


def test_a_block_quote_the_next_paragraph_places_in_a_work(
        check_text: Callable[..., Any], checker: tuple[Any, Any]) -> None:
    kb, analyzer = checker
    text = (f"# {SOLBERG}\n\nHarbour Notes appeared in 1980.\n\n"
            '> "A harbour is a promise made twice a day."\n\n'
            "That sentence, which opens the second part of Harbour Notes, is sung at every "
            "launch in Kelby.\n\n"
            '> "Sing it again, louder."\n\n'
            "The crowd laughed.\n")
    flags = check_text(text, kb=kb, analyzer=analyzer, as_of=AS_OF, fmt="md")[2]
    vague = [f for f in flags if f.category == "vague_attribution"]
    assert [f.sentence[:12] for f in vague] == ["Sing it agai"]
