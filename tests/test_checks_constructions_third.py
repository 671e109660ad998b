"""Constructions held-out sets 42 to 45 showed the checker missing or misreading, each in a
general form: an invented chemist, her schools, her books and her students (no evaluation set
holds them). The KB below is all the checker knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sentence_checks import Check, check_fixture, checker_fixture, on
from sentence_checks import entity as _thing

ORVIK = "Ilse Ørvik"

ENTITIES: list[dict[str, Any]] = [
    _thing("local:ilse-orvik", ORVIK, "person",
           {"property": "date of birth", "value": "1921-03-10"},
           {"property": "place of death", "value": "Harlow"},
           {"property": "occupation", "value": "chemist"},
           {"property": "educated at", "value": "Arden University", "end": 1945},
           {"property": "employer", "value": "Tarn Institute", "start": 1947, "end": 1990,
            "qualifiers": {"subject has role": "research chemist"}},
           {"property": "position held", "value": "President of the Norland Chemical Council",
            "start": 1980, "end": 1984},
           {"property": "position held", "value": "Chair of the Norland Chemical Council",
            "start": 1975, "end": 1980},
           {"property": "notable work", "value": "local:salt-table"},
           {"property": "notable work", "value": "local:salt-table-film"},
           {"property": "award received", "value": "Norland Medal", "point in time": 1979,
            "qualifiers": {"together with": ["Piet Osman", "Tomas Lind"]}},
           {"property": "award received", "value": "Kelby Prize", "point in time": 1985},
           {"property": "spouse", "value": "Jonas Berg", "start": 1950},
           {"property": "member of", "value": "Guild Studio", "start": 1946, "end": 1947},
           {"property": "employer", "value": "Chemical Guild", "start": 1947, "end": 1950},
           {"property": "position held", "value": "member of the board of directors",
            "qualifiers": {"of": "Kelby Trust"}, "start": 1990, "end": 2001},
           {"property": "country of citizenship", "value": "Norway"},
           {"property": "country of citizenship", "value": "Sweden", "start": 1950},
           {"property": "employer", "value": "Kelby Herald", "start": 1991, "end": 1995,
            "qualifiers": {"subject has role": "columnist"}},
           aliases=("Ørvik",)),
    _thing("local:jonas-berg", "Jonas Berg", "person"),
    _thing("local:salt-and-silence",
           "Salt and Silence: Notes of a Chemist and a Life in the Laboratory", "work",
           {"property": "publication date", "value": 1990}, {"property": "author", "value": ORVIK}),
    _thing("local:kelby-prize", "Kelby Prize", "award"),
    _thing("local:piet-osman", "Piet Osman", "person",
           {"property": "position held", "value": "President of the Chemical Guild",
            "qualifiers": {"of": "Chemical Guild"}, "start": 1990, "end": 1999}),
    _thing("local:rhea-dunne", "Rhea Dunne", "person"),
    _thing("local:ada-quist", "Ada Quist", "person",
           {"property": "award received", "value": "Kelby Prize", "point in time": 1986}),
    _thing("local:arden", "Arden University", "organization"),
    _thing("local:tarn", "Tarn Institute", "organization"),
    _thing("local:guild", "Chemical Guild", "organization"),
    _thing("local:herald", "Kelby Herald", "organization"),
    _thing("local:kelby-trust", "Kelby Trust", "organization",
           {"property": "inception", "value": 1931},
           {"property": "founded by", "value": "Rhea Dunne"}),
    _thing("local:foundation", "Ørvik Foundation", "organization",
           {"property": "inception", "value": 1960}, {"property": "founded by", "value": ORVIK}),
    _thing("local:norland-medal", "Norland Medal", "award"),
    _thing("local:salt-table", "The Salt Table (book)", "work",
           {"property": "publication date", "value": 1955},
           {"property": "author", "value": ORVIK}, {"property": "author", "value": "Piet Osman"},
           aliases=("The Salt Table",)),
    _thing("local:salt-table-film", "The Salt Table (film)", "work",
           {"property": "publication date", "value": 1960},
           {"property": "director", "value": ORVIK},
           {"property": "director", "value": "Rhea Dunne"},
           {"property": "based on", "value": "local:salt-table"},
           {"property": "part of", "value": "Kelby Herald"},  # the paper's film series
           aliases=("The Salt Table",)),
    _thing("local:salt-lines", "Salt Lines", "work",
           {"property": "publication date", "value": 1988},
           {"property": "author", "value": ORVIK}, {"property": "author", "value": "Rhea Dunne"}),
    _thing("local:kelby-convention", "Kelby Convention", "work",
           {"property": "inception", "value": 1985}),
    _thing("local:harlow-accord", "Harlow Accord", "work",
           {"property": "inception", "value": 1987},
           {"property": "based on", "value": "local:kelby-convention"}),
    _thing("local:harlow", "Harlow", "place", {"property": "instance of", "value": "town"}),
    _thing("local:guild-studio", "Guild Studio", "organization",
           {"property": "parent organization", "value": "Chemical Guild"}),
    _thing("local:norway", "Norway", "place", {"property": "instance of", "value": "country"}),
    _thing("local:sweden", "Sweden", "place", {"property": "instance of", "value": "country"}),
    _thing("local:kelby", "Kelby", "place", {"property": "instance of", "value": "town"}),
]

AS_OF = date(2026, 6, 1)


checker = checker_fixture(ENTITIES)


check = check_fixture(
    f"{ORVIK}\n\n{ORVIK} was a Norwegian chemist, born on 10 March 1921. ", AS_OF)


def test_a_stated_span_with_its_own_range_must_add_up(check: Check) -> None:
    flags = check("She worked on the problem for the next nine years, from 1950 until 1955.",
                  "Her students stayed for four years, between 1960 and 1964.")
    assert [f.message for f in on(flags, "next nine years")] == [
        "'nine years' does not add up: from 1950 to 1955 is about 5 years"]
    assert not on(flags, "four years")


def test_days_and_weeks_later_must_add_up(check: Check) -> None:
    flags = check("She reached Kelby on 3 May 1950 and left two weeks later, on 5 May.",
                  "She sailed on 9 June 1951 and landed ten days later, on 19 June.")
    assert "from 3 May 1950 to 5 May 1950 is 2 days" in on(
        flags, "two weeks later", "internal_inconsistency")[0].message
    assert not on(flags, "ten days later")


def test_an_age_after_a_name_that_opens_with_a_non_ascii_letter(check: Check) -> None:
    flags = check("Her father died in 1931, when Ørvik was six, and her aunt raised her.",
                  "Her brother left in 1933, when Ørvik was eleven or twelve.")
    assert on(flags, "was six", "internal_inconsistency")
    assert not on(flags, "brother left")


def test_quotes_someone_has_often_joked_or_put_to_an_interviewer_are_vague(check: Check) -> None:
    flags = check('As she has often quipped, "Salt keeps better than reputations."',
                  'As she put it to one interviewer, "The table was never finished."',
                  'She told the Kelby Herald in March 1988, "The table was only a start."')
    assert on(flags, "often quipped", "vague_attribution")
    assert on(flags, "one interviewer", "vague_attribution")
    assert not on(flags, "Kelby Herald in March")


def test_a_work_written_with_someone_who_is_not_among_its_authors(check: Check) -> None:
    wrong = check("Salt Lines (1988), written with Ada Quist, became a standard text.")
    right = check("Salt Lines (1988), written with Rhea Dunne, became a standard text.")
    assert on(wrong, "Ada Quist", "fact_mismatch")
    assert not on(right, "Rhea Dunne")


def test_a_work_of_a_shared_name_may_be_either(check: Check) -> None:
    # the Kelby Herald links the name to the film (one of its series), but the sentence does not
    # say which of the two is meant: the book of that name is from 1955
    flags = check("The Salt Table, praised by the Kelby Herald and published in 1955, "
                  "sold well.",
                  "The film version of The Salt Table opened in 1955.")
    assert not on(flags, "published in 1955")
    assert on(flags, "film version", "date_mismatch")


def test_a_newspaper_before_a_co_author_is_not_a_co_author(check: Check) -> None:
    flags = check("Her memoir, Salt Lines, written with the Kelby Herald columnist Rhea Dunne, "
                  "appeared in 1988.")
    assert flags == []


def test_who_after_a_plural_of_phrase_is_the_person_it_describes(check: Check) -> None:
    flags = check("Among her students was Piet Osman, a pioneer of salt crystals, who is "
                  "currently president of the Chemical Guild.")
    stale = on(flags, "currently president", "stale_claim")
    assert stale and "president of the Chemical Guild ended in 1999" in stale[0].message


def test_the_charity_described_after_a_name_is_that_name_s(check: Check) -> None:
    flags = check("With money from the Kelby Trust, the charity that Piet Osman had founded in "
                  "1931, she built her first laboratory.")
    assert "credits Kelby Trust to Rhea Dunne, not Piet Osman" in on(
        flags, "Kelby Trust", "fact_mismatch")[0].message


def test_a_burial_place_is_not_the_place_of_death(check: Check) -> None:
    wrong = check("She died on 2 May 1999 in Kelby, and was buried at Harlow.")
    right = check("She died on 2 May 1999 in Harlow, and was buried at Kelby.")
    assert on(wrong, "died on 2 May", "fact_mismatch")
    assert not on(right, "died on 2 May")


def test_a_book_brought_out_the_same_year_as_another_event(check: Check) -> None:
    flags = check("In 1960 she set up the Ørvik Foundation and brought out Salt Lines.")
    found = on(flags, "brought out", "conflation")
    assert found and "Salt Lines" in found[0].message


def test_no_one_of_a_century_is_a_universal_comparison(check: Check) -> None:
    flags = check("No chemist of the twentieth century changed laboratory practice more "
                  "profoundly.")
    assert on(flags, "No chemist", "unsupported_claim")


def test_a_co_recipient_the_kb_lists_by_name_only(check: Check) -> None:
    wrong = check("She received the Norland Medal in 1979 alongside Rhea Dunne.")
    right = check("She received the Norland Medal in 1979 alongside Tomas Lind.")
    assert on(wrong, "Norland Medal", "fact_mismatch")
    assert not on(right, "Norland Medal")


def test_recently_stepped_down_is_dated_by_the_post(check: Check) -> None:
    flags = check("Having only recently stepped down as president, she returned to research.")
    stale = on(flags, "recently stepped down", "stale_claim")
    assert stale and "1984" in stale[0].message


def test_a_year_before_a_work_s_name_dates_it(check: Check) -> None:
    flags = check("Her data became the basis of the 1985 Harlow Accord.",
                  "Her data also shaped the 1985 Kelby Convention.")
    mismatch = on(flags, "Harlow Accord", "date_mismatch")
    assert mismatch and "1985 is the date of Kelby Convention" in mismatch[0].message
    assert not on(flags, "shaped the 1985")


def test_what_came_then_is_not_under_the_first_date(check: Check) -> None:
    flags = check("She graduated from Arden University in 1947 and then spent two years at "
                  "the Tarn Institute.")
    assert [f.category for f in on(flags, "Arden University")] == ["date_mismatch"]


def test_still_working_as_is_a_present_post(check: Check) -> None:
    flags = check("She still works as a research chemist at the institute.",
                  "Ørvik is the chemist whose tables every student knows.")
    assert on(flags, "still works", "stale_claim")
    assert not on(flags, "whose tables")


def test_a_block_quote_placed_by_the_story_is_sourced(check_text: Callable[..., Any],
                                                       checker: tuple[Any, Any]) -> None:
    kb, analyzer = checker
    text = (f"# {ORVIK}\n\nOn 9 June 1979 she took the Norland Medal in front of the Guild.\n\n"
            '> "I only counted the salt," she told the hall a few minutes later.\n\n'
            '> "Salt keeps better than reputations."\n')
    flags = check_text(text, kb=kb, analyzer=analyzer, as_of=AS_OF, fmt="md")[2]
    vague = [f for f in flags if f.category == "vague_attribution"]
    assert [f.sentence[:12] for f in vague] == ["Salt keeps b"]


def test_a_dateline_dates_the_article(analyze_text: Callable[..., Any]) -> None:
    from analysis.ingest import parse_text

    story = parse_text("HARLOW, Essex, May 3, 1999 -- Ilse Ørvik, the chemist, died yesterday "
                       "in Harlow.\n\nShe was born in 1921.\n", fmt="txt", path="<s>.txt")
    line = parse_text("Obituary\n\nKELBY, 4 June 2001\n\nShe died on Sunday.\n", fmt="txt",
                      path="<s>.txt")
    plain = parse_text("In May 1999 she died in Harlow.\n", fmt="txt", path="<s>.txt")
    assert (story.date, line.date, plain.date) == (date(1999, 5, 3), date(2001, 6, 4), None)


def test_an_age_stated_by_name_after_the_death(check: Check) -> None:
    flags = check("She died on 2 May 1999 in Harlow. Ørvik was 80.")
    right = check("She died on 2 May 1999 in Harlow. Ørvik was 78.")
    assert on(flags, "Ørvik was 80", "internal_inconsistency")
    assert not on(right, "Ørvik was 78")


def test_the_two_married_is_the_subject_and_the_one_just_named(check: Check) -> None:
    flags = check("There she met Jonas Berg, a young engineer from Bergen, and the two married "
                  "in 1952.")
    right = check("There she met Jonas Berg, a young engineer from Bergen, and the two married "
                  "in 1950.")
    assert on(flags, "the two married", "date_mismatch")
    assert not on(right, "the two married")


def test_an_arrest_told_as_jailing(check: Check) -> None:
    flags = check("In 1984 the government jailed her on a false charge.",
                  "She walked free in 1986, three years after her arrest.")
    assert on(flags, "after her arrest", "internal_inconsistency")


def test_awarded_to_the_subject_and_someone_else(check: Check) -> None:
    flags = check("In 1979 the Guild awarded its Norland Medal to Rhea Dunne and Ørvik.")
    right = check("In 1979 the Guild awarded its Norland Medal to Tomas Lind and Ørvik.")
    assert "not Rhea Dunne" in on(flags, "Norland Medal", "fact_mismatch")[0].message
    assert not on(right, "Norland Medal")


def test_a_co_recipient_who_won_it_another_year(check: Check) -> None:
    flags = check("She shared the 1985 Kelby Prize with Ada Quist.")
    right = check("She shared the 1985 Kelby Prize with Rhea Dunne.")
    assert "Ada Quist received Kelby Prize in 1986, not in 1985" in on(
        flags, "Kelby Prize", "fact_mismatch")[0].message
    assert not on(right, "Kelby Prize")


def test_a_job_whose_role_the_kb_places_elsewhere_that_year(check: Check) -> None:
    flags = check("In 1950 she took a job as research chemist at the Kelby Herald.")
    found = on(flags, "Kelby Herald", "fact_mismatch")
    assert found and "Tarn Institute" in found[0].message


def test_lasted_and_ended_in(check: Check) -> None:
    flags = check("She married Jonas Berg in 1950; the marriage lasted five years and ended "
                  "in 1953.")
    assert on(flags, "lasted five years", "internal_inconsistency")


def test_convening_after_death_is_an_act(check: Check) -> None:
    flags = check("She died on 2 May 1999 in Harlow.",
                  "In 2001 she convened the first Kelby Conference of Chemists.")
    assert on(flags, "convened", "internal_inconsistency")


def test_newly_founded_allows_a_few_years(check: Check) -> None:
    near = check("In 1962 she moved to the newly founded Ørvik Foundation.")
    far = check("In 1975 she moved to the newly founded Ørvik Foundation.")
    assert not on(near, "newly founded")
    assert on(far, "newly founded", "date_mismatch")


def test_years_after_a_place_count_from_the_year_before_its_name(check: Check) -> None:
    flags = check("On June 3, 1999, it was recalled that her four medals at the 1936 Olympic "
                  "Games in Harlow had made her famous.",
                  "In 1979, 43 years after Harlow, the Guild honoured her.",
                  "In 1980, 40 years after Harlow, she retired from the Guild.")
    assert not on(flags, "43 years after Harlow")
    assert on(flags, "40 years after Harlow", "internal_inconsistency")


def test_block_quotes_sourced_by_their_own_line_or_the_paragraph_before(
        check_text: Callable[..., Any], checker: tuple[Any, Any]) -> None:
    kb, analyzer = checker
    text = (f"# {ORVIK}\n\n"
            '"Salt keeps better than reputations," she told the Kelby Herald in an interview '
            "published on 3 May 1988.\n\n"
            '> "Salt keeps better than reputations. Tables do not."\n\n'
            "She kept working.\n\n"
            '> "The table was never finished," as she liked to put it.\n')
    flags = check_text(text, kb=kb, analyzer=analyzer, as_of=AS_OF, fmt="md")[2]
    vague = [f for f in flags if f.category == "vague_attribution"]
    assert [f.sentence[:10] for f in vague] == ['"The table']
    assert "as she liked to put it" in vague[0].message


def test_a_long_title_with_a_colon_is_one_name(check: Check) -> None:
    flags = check("Salt and Silence: Notes of a Chemist and a Life in the Laboratory, the memoir "
                  "she wrote with Jonas Berg, was published in 1989.")
    assert on(flags, "published in 1989", "date_mismatch")


def test_a_post_of_another_title_is_another_post(check: Check) -> None:
    from analysis.checks.kb_match import role_matches

    claimed = "first and only president of the Norland Chemical Council"
    assert role_matches(claimed, "President of the Norland Chemical Council")
    assert not role_matches(claimed, "Chair of the Norland Chemical Council")
    assert not role_matches(claimed, "Secretary of the Norland Chemical Council")
    assert role_matches("the new chair of salt chemistry", "Professor of Salt Chemistry")
    flags = check("In 1977 she served as president of the Norland Chemical Council.")
    assert on(flags, "as president", "date_mismatch")


def test_citizenship_is_dated_by_the_kb(check: Check) -> None:
    wrong = check("She became a naturalised citizen of Sweden in 1948.")
    right = check("In 1950 she became a Swedish citizen.")
    assert "citizenship (Sweden) dates from 1950, not 1948" in on(
        wrong, "naturalised citizen", "date_mismatch")[0].message
    assert not on(right, "Swedish citizen")


def test_citizenship_under_another_event_s_date(check: Check) -> None:
    flags = check("In 1947 she joined the Tarn Institute and became a Swedish citizen.")
    renounced = check("In 1960 she gave up her Swedish citizenship.")
    assert on(flags, "Swedish citizen", "conflation")
    assert not on(renounced, "citizenship")


def test_a_nationality_adjective_names_its_country() -> None:
    from analysis.checks.kb_match import nationality_of

    assert nationality_of("Swedish", "Sweden") and nationality_of("Austrian", "Austria")
    assert not nationality_of("Austrian", "Australia")
    assert nationality_of("American", "United States of America")
    assert nationality_of("Korean", "South Korea") and not nationality_of("Indian", "Indonesia")


def test_a_date_past_a_semicolon_is_its_own_clause_s(check: Check) -> None:
    flags = check("On 3 May 1950 she married Jonas Berg, an engineer from Bergen; the couple had "
                  "two sons and divorced in 1971.")
    assert not on(flags, "married Jonas Berg")


def test_joining_a_company_the_kb_lists_as_a_membership(check: Check) -> None:
    flags = check("Ørvik joined the Guild Studio in 1946 and became a chemist of the Guild in "
                  "1947.")
    assert flags == []


def test_a_perfect_participle_keeps_its_date(check: Check) -> None:
    flags = check("She serves on the board of the Kelby Trust, having given it a grant in 1990.")
    stale = on(flags, "serves on the board", "stale_claim")
    assert stale and "2001" in stale[0].message


def test_no_one_in_the_history_of_a_place(check: Check) -> None:
    flags = check("No chemist in the long and eventful history of the Norland Guild has "
                  "commanded greater respect.")
    assert on(flags, "No chemist", "unsupported_claim")


def test_people_killed_in_a_storm_are_not_the_subject(check: Check) -> None:
    # (added in the eleventh session) she died in Harlow: the sailors' deaths are theirs
    flags = check("In 1963 she wrote a lament for the sailors killed in the storm off Kelby.")
    assert not on(flags, "lament")
