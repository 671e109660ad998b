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
           {"property": "place of birth", "value": "Norby"},
           {"property": "spouse", "value": "Ivo Lund", "start": 1962},
           {"property": "educated at", "value": "Keld University", "end": 1945},
           {"property": "award received", "value": "Selby Medal", "point in time": 1964},
           {"property": "award received", "value": "Order of the Lamp", "point in time": 1970},
           {"property": "employer", "value": "Vell Institute", "start": 1977},
           {"property": "educated at", "value": "Norby High School", "end": 1938},
           {"property": "employer", "value": "Keld Gazette", "start": 1947, "end": 1960},
           {"property": "position held", "value": "science correspondent of the Keld Gazette",
            "qualifiers": {"of": "Keld Gazette"}, "start": 1948, "end": 1955},
           {"property": "member of sports team", "value": "Norby United", "start": 1949,
            "end": 1949},
           {"property": "award received", "value": "Padma Vibhushan", "point in time": 1955},
           {"property": "employer", "value": "Keld University", "start": 1977,
            "qualifiers": {"subject has role": "research associate"}},
           {"property": "employer", "value": "Selby University", "start": 1960,
            "qualifiers": {"subject has role": "associate professor"}},
           {"property": "employer", "value": "Keld studio", "start": 1946,
            "qualifiers": {"subject has role": "assistant chemist"}},
           aliases=("Vell",)),
    _thing("local:norby", "Norby", "place", {"property": "instance of", "value": "town"}),
    _thing("local:selby", "Selby", "place", {"property": "instance of", "value": "town"}),
    _thing("local:keld-university", "Keld University", "organization"),
    _thing("local:varn-university", "Varn University", "organization"),
    _thing("local:selby-medal", "Selby Medal", "award"),
    _thing("local:vell-museum", "Vell Museum at the Old Mill", "organization",
           {"property": "inception", "value": 1989}),
    _thing("local:night-tide-original", "Night Tide (Ivo Lund song)", "work",
           {"property": "publication date", "value": 1950},
           {"property": "composer", "value": "Ivo Lund"}),
    _thing("local:night-tide", "Night Tide", "work",
           {"property": "publication date", "value": "1962-04"},
           {"property": "based on", "value": "Night Tide (Ivo Lund song)"}),
    _thing("local:grey-water-story", "A Story of Grey Water", "work",
           {"property": "publication date", "value": 1950}),
    _thing("local:grey-water", "Grey Water", "work",
           {"property": "publication date", "value": 1962},
           {"property": "based on", "value": "A Story of Grey Water"}),
    _thing("local:keld-studio", "Keld studio", "organization"),
    _thing("local:die-stille", "Die Stille!", "work", {"property": "publication date",
                                                       "value": 1949},
           {"property": "author", "value": VELL}, aliases=("Die Stille",)),
    _thing("local:the-silence", "The Silence (English translation)", "work",
           {"property": "publication date", "value": 1952},
           {"property": "based on", "value": "Die Stille!"}),
    _thing("local:ivo-lund", "Ivo Lund", "person",
           {"property": "employer", "value": "Vell Institute", "start": 2000, "end": 2010,
            "qualifiers": {"subject has role": "director"}},
           {"property": "position held", "value": "President of the Keld Chemical Society",
            "qualifiers": {"of": "Keld Chemical Society"}, "start": 1990, "end": 2006}),
    _thing("local:keld-chemical-society", "Keld Chemical Society", "organization"),
    _thing("local:norby-high-school", "Norby High School", "organization",
           {"property": "instance of", "value": "high school"}),
    _thing("local:keld-gazette", "Keld Gazette", "organization", aliases=("The Keld Gazette",)),
    _thing("local:norby-united", "Norby United", "organization"),
    _thing("local:padma-vibhushan", "Padma Vibhushan", "award"),
    _thing("local:selby-university", "Selby University", "organization"),
    _thing("local:eclipse-suite", "Eclipse Suite", "work",
           {"property": "publication date", "value": 1966}),
    _thing("local:harbour-steps", "Harbour Steps", "work",
           {"property": "publication date", "value": "1967-11-09"},
           {"property": "follows", "value": "Eclipse Suite"}),
    _thing("local:otto-brand", "Otto Brand", "person",
           {"property": "date of death", "value": "1995-07-24"}),
    _thing("local:nils-holm", "Nils Holm", "person",
           {"property": "date of death", "value": "1964-05-25"}),
    _thing("local:vell-centre", "Vell Centre", "organization",
           {"property": "inception", "value": "2007-12-12"},
           {"property": "replaces", "value": "Vell Institute"}),
    _thing("local:keld-works", "Keld Works", "organization"),
    _thing("local:order-of-the-lamp", "Order of the Lamp", "award"),
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


def test_a_museum_described_as_opened_recently(check: Check) -> None:
    (flag,) = on(check("The Vell Museum at the Old Mill, opened recently in the house she "
                       "shared with Lund, keeps her desk."), "opened recently", "stale_claim")
    assert "1989" in flag.message


def test_her_birthplace_was(check: Check) -> None:
    (flag,) = on(check("Her birthplace was Selby, though the family soon moved north."),
                 "birthplace", "fact_mismatch")
    assert "Norby" in flag.message
    assert not check("Her birthplace was Norby, though the family soon moved north.")


def test_the_year_a_work_set_off_by_commas_appeared(check: Check) -> None:
    (flag,) = on(check("In 1962, the year her first album, Harbour Songs, appeared, she married "
                       "Ivo Lund in Keld."), "Harbour Songs", "conflation")
    assert "1959" in flag.message


def test_an_infinitive_of_purpose_shares_the_fronted_date(check: Check) -> None:
    (flag,) = on(check("In 1965 she was allowed to travel to Selby to receive the Selby Medal."),
                 "Selby Medal", "date_mismatch")
    assert "1964" in flag.message


def test_ages_of_a_relative_and_ages_said_with_only(check: Check) -> None:
    text = "Their only child, Lev, was born in 1946. In 1958 her son Lev, then only sixteen, "
    (flag,) = on(check(text + "was sent to Keld."), "then only sixteen",
                 "internal_inconsistency")
    assert "11 or 12" in flag.message and "Lev" in flag.message
    assert not on(check(text.replace("sixteen", "twelve") + "was sent to Keld."), "twelve")
    (flag,) = on(check("Her mother died in 1935, when she was only eleven, and she left "
                       "school."), "only eleven", "internal_inconsistency")
    assert "13 or 14" in flag.message
    (flag,) = on(check("Her breakthrough came in September 1947, when she won the Keld Prize "
                       "for chemistry at the congress in her home town, aged just 19."),
                 "aged just 19", "internal_inconsistency")
    assert "26" in flag.message


def test_a_body_as_it_is_today_and_who_directs_it(check: Check) -> None:
    (flag,) = on(check("Today it is the Vell Institute, directed by Professor Ivo Lund."),
                 "directed by", "stale_claim")
    assert "director" in flag.message and "2010" in flag.message


def test_the_nationality_on_citizen_not_the_next_clauses_place(check: Check) -> None:
    (flag,) = on(check("\n\n1953: Becomes a Keldish citizen and sails for Selby with her "
                       "husband"), "Keldish citizen", "date_mismatch")
    assert "1950" in flag.message


def test_a_remark_reported_on_hearsay(check: Check) -> None:
    (flag,) = on(check("Lund, who could be cutting about his rival, is said to have remarked "
                       "that she was the only chemist left who understood salts."),
                 "is said to have remarked", "vague_attribution")
    assert not check("Lund remarked in his 1970 memoir that she understood salts.")


def test_a_comparison_with_no_one_and_a_page_pull_line(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    kb, analyzer = checker
    line = "No chemist of the twentieth century gave a forgotten craft a more lasting home."
    head = f"# {VELL}\n\n{VELL} (1921-1990) was a chemist.\n\n"
    flags = check_text(head + f"> {line}\n\nShe died in 1990.\n", kb=kb, analyzer=analyzer,
                       as_of=AS_OF, fmt="md")[2]
    assert on(flags, "No chemist", "unsupported_claim")
    flags = check_text(head + line + "\n", kb=kb, analyzer=analyzer, as_of=AS_OF, fmt="md")[2]
    assert on(flags, "No chemist", "unsupported_claim")


def test_the_school_she_graduated_from_named_before_which(check: Check) -> None:
    (flag,) = on(check("She joined the rowing club at Varn University, from which she "
                       "graduated in 1945 with a degree in chemistry."), "graduated",
                 "fact_mismatch")
    assert "Keld University" in flag.message
    assert not check("She joined the rowing club at Keld University, from which she graduated "
                     "in 1945 with a degree in chemistry.")


def test_a_recording_of_someone_elses_song(check: Check) -> None:
    (flag,) = on(check('Her 1950 recording of Ivo Lund\'s "Night Tide" topped the charts.'),
                 "1950 recording", "date_mismatch")
    assert "Night Tide (Ivo Lund song)" in flag.message and "1962" in flag.message


def test_a_work_and_her_year_set_off_after_it(check: Check) -> None:
    (flag,) = on(check("Among the songs she sang most often was Night Tide, her 1950 elegy for "
                       "her father."), "1950 elegy", "date_mismatch")
    assert "1962" in flag.message


def test_a_bracketed_year_and_a_studio_in_the_participle(check: Check) -> None:
    (flag,) = on(check("Grey Water (1950), made on loan to the Keld studio, moved the story to "
                       "a fishing town."), "Grey Water", "date_mismatch")
    assert "A Story of Grey Water" in flag.message


def test_a_translations_date_given_to_the_original(check: Check) -> None:
    (flag,) = on(check("Die Stille!, published in 1952, told the story of Ada Brun, a widow who "
                       "loses two sons."), "published in 1952", "date_mismatch")
    assert "The Silence (English translation)" in flag.message and "1949" in flag.message


def test_someone_who_presides_now_over_a_body(check: Check) -> None:
    (flag,) = on(check("Ivo Lund, who now presides over the Keld Chemical Society, called her "
                       "the finest analyst of salts."), "presides over", "stale_claim")
    assert "president" in flag.message and "2006" in flag.message


def test_the_picture_a_studio_released_set_beside_the_work(check: Check) -> None:
    (flag,) = on(check('She sang at the end of "Grey Water," the picture the Keld studio '
                       "released in 1950."), "released in 1950", "date_mismatch")
    assert "1962" in flag.message


def test_honours_of_a_dated_line_with_who_gave_them(check: Check) -> None:
    (flag,) = on(check("\n\n- 1964: Selby Medal of the Keld Chemical Society and the Order of "
                       "the Lamp"), "Order of the Lamp", "conflation")
    assert "1970" in flag.message


def test_entering_a_studio_as_a_hand_is_a_job(check: Check) -> None:
    (flag,) = on(check("In 1946 she entered the Keld Works as an assistant chemist."),
                 "Keld Works", "fact_mismatch")
    assert "Keld studio" in flag.message
    assert not check("In 1946 she entered the Keld studio as an assistant chemist.")


def test_what_an_infinitive_of_purpose_does_not_date(check: Check) -> None:
    # a strike joined at a works is no employment
    assert not check("In August 1980 she climbed over the fence to join a strike at the Keld "
                     "Works.")


def test_ages_that_are_someone_elses_or_a_rules(check: Check) -> None:
    assert not check("At the 1936 Keld congress, as a 15-year-old, she won the junior prize, a "
                     "competition for chemists aged 20 and under.")


def test_a_block_quotation_sourced_by_a_vague_next_sentence(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    head = f"# {VELL}\n\n{VELL} (1921-1990) was a chemist.\n\n"
    quote = '> "Mara was never afraid of anything except being left behind."\n\n'
    for follow, vague in (("So a friend later recalled of her last weeks in Keld.", "a friend"),
                          ("So she is said to have remarked to a friend.", "said to have")):
        flags = vague_flags(checker, check_text, head + quote + follow + " She died in 1990.\n",
                            AS_OF)
        (flag,) = flags
        assert flag.sentence.startswith("So ") and vague in flag.message


def test_written_the_year_before_it_was_published(check: Check) -> None:
    assert not check("In 1948 she spent six months in Norby prison, where she wrote Die "
                     "Stille.")
    (flag,) = on(check("In 1945 she spent six months in Norby prison, where she wrote Die "
                       "Stille."), "Die Stille", "date_mismatch")


def test_the_most_famous_of_her_own_work(check: Check) -> None:
    assert not check("The concert ends with the most famous few minutes Vell ever wrote, the "
                     "second of the Harbour Songs.")


def test_a_since_date_is_no_moment_to_count_from(check: Check) -> None:
    # (the KB's directorship, 2000-2010, is another matter: "has directed since 1980" is
    # flagged against it)
    flags = check("The Vell Institute opened in Keld in June 1977. The institute, which Ivo "
                  "Lund has directed since 1980, became a meeting place for chemists. Six "
                  "years later, in 1983, she set up a second laboratory in Norby.")
    assert not [f for f in flags if f.category == "internal_inconsistency"]
    assert all("Ivo Lund" in f.sentence for f in flags)


def test_the_pronoun_after_a_semicolon_is_the_first_clauses_subject(check: Check) -> None:
    assert not check("Nils Holm, who never recovered from her death, went on to found a "
                     "society in 1960 with Ivo Lund and Otto Brand; he was killed in a crash "
                     "in Norby in 1964.")


def test_a_grandmothers_death_is_not_hers(check: Check) -> None:
    assert not check("The orphaned girl was taken in by her grandparents; her grandmother died "
                     "in 1931, and her grandfather in 1935.")


def test_a_later_name_is_no_second_founding(check: Check) -> None:
    assert not check("The Vell Institute was founded in her memory in 1977, and since 2007 it "
                     "has been known as the Vell Centre.")


def test_recent_in_the_storys_time(check: Check) -> None:
    assert not check("In 1946 she was appointed a lecturer at the Keld Works, which Ivo Lund "
                     "had recently founded as the research arm of Keld University.")


def test_a_block_quotation_with_its_paper_and_year_inside(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    text = (f"# {VELL}\n\n{VELL} (1921-1990) was a chemist.\n\n"
            '> "A salt is a way of thinking slowly," Vell told the Keld Society\'s magazine in '
            "1982.\n\nShe died in 1990.\n")
    assert not vague_flags(checker, check_text, text, AS_OF)


def test_written_long_before_its_publication_the_sentence_tells(check: Check) -> None:
    assert not check("Die Stille, a sequence written in 1939, was edited by Ivo Lund and "
                     "published in 1949.")


def test_back_at_a_school_as_its_employee(check: Check) -> None:
    assert not check("She then spent three years as a fellow at Varn University, returning to "
                     "Keld University in 1977 as a research associate.")


def test_a_faculty_named_by_its_field(check: Check) -> None:
    assert not check("In 1960 she was appointed associate professor at the College of Arts and "
                     "Sciences in Selby.")


def test_a_degree_in_the_year_of_high_school(check: Check) -> None:
    (flag,) = on(check("She graduated from Keld University in 1938 and worked in Norby."),
                 "graduated", "date_mismatch")
    assert "1945" in flag.message and "Norby High School" in flag.message


def test_hired_is_the_employments_start_not_a_later_post(check: Check) -> None:
    (flag,) = on(check("The Keld Gazette hired her a year later, in 1948."), "hired",
                 "date_mismatch")
    assert "1947" in flag.message


def test_a_native_of_a_town_in_a_region(check: Check) -> None:
    (flag,) = on(check("A native of Selby in Norland, where her father kept a shop, she was "
                       "sent back to Norby to begin school."), "native", "fact_mismatch")
    assert "Norby" in flag.message


def test_none_did_more(check: Check) -> None:
    assert on(check("Few chemists have stood so squarely between two worlds as Vell, and none "
                    "did more to teach the public to trust a laboratory."), "none did more",
              "unsupported_claim")


def test_the_piece_is_the_work_named_before(check: Check) -> None:
    (flag,) = on(check("Harbour Steps was first played in New York. Vell wrote the piece in "
                       "1966, drawing on her experiments in her earlier suite."), "the piece",
                 "date_mismatch")
    assert "Eclipse Suite" in flag.message and "1967" in flag.message
    # whoever opens or plays "the piece", the year is the piece's
    (flag,) = on(check("Harbour Steps was first played in New York. An orchestra from Selby "
                       "unveiled the piece in 1966."), "the piece", "date_mismatch")
    assert "1967" in flag.message
    # a translation's year, with the book it brought to new readers
    assert not check("Her novel Die Stille sold well at home. Ivo Lund's English translation of "
                     "1952 introduced the book to readers abroad.")


def test_a_team_she_lined_up_for(check: Check) -> None:
    (flag,) = on(check("In 1949 she lined up for the Selby Rovers alongside Ivo Lund."),
                 "lined up", "fact_mismatch")
    assert "Norby United" in flag.message


def test_the_other_class_of_an_honour(check: Check) -> None:
    (flag,) = on(check("The Government of Norland awarded her the Padma Bhushan in 1955."),
                 "Padma Bhushan", "fact_mismatch")
    assert "Padma Vibhushan" in flag.message
