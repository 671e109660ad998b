"""Constructions the checker misread in held-out sets, each in a general form: an invented
novelist and publisher, her press, her family and her institute (no evaluation set holds
them). The KB below is all the checker knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sentence_checks import Check, check_fixture, checker_fixture, on, sentence_check
from sentence_checks import entity as _thing

TARN = "Livia Tarn"

ENTITIES: list[dict[str, Any]] = [
    _thing("local:livia-tarn", TARN, "person",
           {"property": "date of birth", "value": "1902-03-04"},
           {"property": "employer", "value": "Hallam College", "start": 1933, "end": 1936},
           {"property": "employer", "value": "University of Brask", "start": 1936, "end": 1938},
           {"property": "member of", "value": "Brask Writers' Society", "start": 1930,
            "end": "1939-02"},
           {"property": "member of sports team", "value": "Brask Rovers", "start": "1956-10-06",
            "end": "1973-04-28"},
           {"property": "residence", "value": "Lower Velm", "start": 1949},
           {"property": "place of birth", "value": "Orlen"},
           {"property": "award received", "value": "Keld Prize", "point in time": 2007},
           {"property": "award received", "value": "Orsa Medal", "point in time": 1950},
           {"property": "position held", "value": "Leader of the Free Party", "start": 2014},
           {"property": "member of political party", "value": "Free Party", "start": 1986},
           {"property": "notable work", "value": "North Light"},
           {"property": "spouse", "value": "Jon Vale", "start": 1930, "end": 1945},
           {"property": "spouse", "value": "Per Lund", "start": 1950},
           {"property": "position held", "value": "Director of the Tarn Institute for Letters",
            "start": 1990, "end": 2000,
            "qualifiers": {"replaces": "Jon Vale", "replaced by": "Per Lund"}},
           {"property": "employer", "value": "Brask Orchestra", "start": 2002,
            "qualifiers": {"subject has role": "chief conductor", "replaces": "Jon Vale"}},
           {"property": "award received", "value": "Dame Commander of the Order of Keld",
            "point in time": 1994},
           {"property": "member of sports team", "value": "Orsa United", "start": 1980},
           {"property": "doctoral advisor", "value": "Jon Vale"},
           {"property": "employer", "value": "Morrow & Finch", "start": 1946, "end": 1950},
           {"property": "educated at", "value": "University of Brask", "start": 1920,
            "end": 1924},
           aliases=("Tarn",)),
    _thing("local:tarn-press", "Tarn Press", "organization",
           {"property": "inception", "value": 1920},
           {"property": "founded by", "value": TARN},
           {"property": "parent organization", "value": "Morrow & Finch", "start": 1946},
           aliases=("The Tarn Press",)),
    _thing("local:morrow-finch", "Morrow & Finch", "organization"),
    _thing("local:lund-press", "Lund Press", "organization",
           {"property": "inception", "value": 1921},
           {"property": "founded by", "value": "Ola Brent"}),
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
           {"property": "date of birth", "value": "1960-01-01"},
           {"property": "employer", "value": "Keld Media Group", "start": 2017, "end": 2022,
            "qualifiers": {"subject has role": "managing director"}}),
    _thing("local:jon-vale", "Jon Vale", "person",
           {"property": "date of birth", "value": "1900-01-01"}),
    _thing("local:per-lund", "Per Lund", "person",
           {"property": "date of birth", "value": "1905-01-01"}),
    _thing("local:tarn-director", "Director of the Tarn Institute for Letters", "position"),
    _thing("local:brask-orchestra", "Brask Orchestra", "organization"),
    _thing("local:dame-keld", "Dame Commander of the Order of Keld", "award"),
    _thing("local:keld-media", "Keld Media Group", "organization"),
    _thing("local:orsa-united", "Orsa United", "organization"),
    _thing("local:keld-congress", "Keld Congress", "other",
           {"property": "point in time", "value": 1960}),
    _thing("local:north-cape", "The North Cape", "work",
           {"property": "publication date", "value": 1912}, {"property": "author", "value": TARN}),
    _thing("local:brent-v-keld", "Brent v. Keld", "other",
           {"property": "point in time", "value": 1950}),
    _thing("local:president-keldland", "President of Keldland", "position"),
    _thing("local:vera-holm", "Vera Holm", "person",
           {"property": "position held", "value": "President of Keldland", "start": "1954-01-16",
            "end": "1959-01-08"},
           {"property": "employer", "value": "Tarn Institute for Letters", "start": 2000,
            "end": 2010, "qualifiers": {"subject has role": "director"}}),
    _thing("local:anton-holm", "Anton Holm", "person",
           {"property": "position held", "value": "President of Keldland", "start": "1947-01-16",
            "end": "1954-01-16"}),
    _thing("local:tarn-statue", "Tarn Statue", "work", {"property": "inception", "value": 2008}),
    _thing("local:tarn-prize", "Tarn Prize", "award", {"property": "inception", "value": 1998}),
    _thing("local:keld-academy", "Keld Academy", "organization"),
    _thing("local:oskar-tarn", "Oskar Tarn", "person",
           {"property": "date of birth", "value": "1870-01-01"},
           {"property": "date of death", "value": "1940-01-01"},
           {"property": "place of birth", "value": "Orsa"}),
    _thing("local:rovers", "Brask Rovers", "organization"),
    _thing("local:velm-province", "Velm Province", "place"),
    _thing("local:lower-velm", "Lower Velm", "place",
           {"property": "located in the administrative territorial entity",
            "value": "Velm Province"}),
    _thing("local:orsa", "Orsa", "place"),
    _thing("local:harran", "Harran", "place"),
    _thing("local:orlen", "Orlen", "place", {"property": "country", "value": "Keldland"}),
    _thing("local:keldland", "Keldland", "place"),
    _thing("local:keld-prize", "Keld Prize", "award"),
    _thing("local:orsa-medal", "Orsa Medal", "award"),
    _thing("local:keld-medal", "Keld Medal", "award"),
    _thing("local:orsa-professorship", "Orsa Professorship", "award"),
    _thing("local:free-party", "Free Party", "organization",
           {"property": "inception", "value": 1887}),
    _thing("local:free-party-leader", "Leader of the Free Party", "position"),
    _thing("local:salt-songs", "Salt Songs", "work",
           {"property": "publication date", "value": 1971}, {"property": "author", "value": TARN}),
    _thing("local:grey-harbour", "Grey Harbour", "work",
           {"property": "publication date", "value": 1977}, {"property": "author", "value": TARN}),
    _thing("local:quiet-years", "The Quiet Years", "work",
           {"property": "publication date", "value": 1920},
           {"property": "author", "value": "Ola Brent"}),
    _thing("local:quiet-years-film", "The Quiet Years (film)", "work",
           {"property": "publication date", "value": 1993},
           {"property": "director", "value": TARN},
           {"property": "based on", "value": "The Quiet Years"}),
    _thing("local:north-light", "North Light", "work",
           {"property": "publication date", "value": 2006},
           {"property": "director", "value": TARN}),
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


def test_a_last_game_ends_a_membership_and_a_game_falls_inside_it(check: Check) -> None:
    assert not check("She played her last game for Brask Rovers in April 1973, having scored "
                     "249 goals.")
    assert not check("She played for Brask Rovers in 1960.")
    (flag,) = on(check("She played her first game for Brask Rovers in 1954."), "first game",
                 "date_mismatch")
    assert "1956" in flag.message


def test_a_superlative_the_article_gives_as_someone_s_word(check: Check) -> None:
    assert not check("Twenty people died, among them Ola Brent, the teammate Tarn always called "
                     "the best she ever saw.")
    (flag,) = on(check("Ola Brent was the best editor who ever lived."), "best",
                 "unsupported_claim")


def test_a_move_to_the_region_that_holds_the_home(check: Check) -> None:
    assert not check("She settled permanently in Velm Province in 1949.")
    (flag,) = on(check("She settled permanently in Orsa in 1949."), "Orsa", "fact_mismatch")
    assert "Lower Velm" in flag.message


def test_a_surname_the_kb_gives_the_subject_after_a_relative_s_full_name(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    # the article never names her in full outside its title; the KB says "Tarn" is hers
    check = sentence_check(check_text, checker, "TARN, LIVIA (1902-1970)\n\nNovelist. ", AS_OF)
    said = "Tarn was born on 4 March 1902 in {}, the only child of Oskar Tarn, a printer."
    assert not check(said.format("Orlen"))
    (flag,) = on(check(said.format("Harran")), "born", "fact_mismatch")
    assert "Orlen" in flag.message


def test_a_bracketed_year_is_the_work_it_follows(check: Check) -> None:
    assert not check("The 1970s brought Salt Songs and the darker Grey Harbour (1977), a book "
                     "she never liked.")
    (flag,) = on(check("Salt Songs (1977) was a book she never liked."), "Salt Songs",
                 "date_mismatch")


def test_a_title_the_film_shares_with_the_novel_it_is_based_on(check: Check) -> None:
    assert not check("The Quiet Years (1993), from Ola Brent's 1920 novel, moved her camera "
                     "indoors.")
    (flag,) = on(check("The novel The Quiet Years (1993) moved her camera indoors."),
                 "Quiet Years", "date_mismatch")
    assert "1920" in flag.message


def test_a_year_describing_the_work_named_before_it(check: Check) -> None:
    assert not check("North Light, a 2006 reworking of an old thriller, finally brought her "
                     "the Keld Prize.")
    (flag,) = on(check("In 2006 North Light finally brought her the Keld Prize."), "Keld Prize",
                 "date_mismatch")
    assert "2007" in flag.message


def test_a_funded_post_the_kb_does_not_list(check: Check) -> None:
    assert not check("In 1936 she took an Orsa Professorship at Hallam College.")
    (flag,) = on(check("In 1936 she won the Keld Medal."), "Keld Medal", "fact_mismatch")


def test_leading_a_party_s_group_is_not_leading_the_party(check: Check) -> None:
    assert not check("In 2004 she was elected deputy leader of the party, and she led the Free "
                     "Party group in the Senate until Ola Brent returned.")
    (flag,) = on(check("In 2004 she led the Free Party."), "led", "date_mismatch")
    assert "2014" in flag.message


def test_the_founders_someone_dealt_with(check: Check) -> None:
    assert not check("Tarn, the novelist who rented her house to the founders of Lund Press, "
                     "died in 1970.")
    (flag,) = on(check("Tarn, one of the founders of Lund Press, died in 1970."), "founders",
                 "fact_mismatch")
    assert "Ola Brent" in flag.message


def test_a_speaker_described_but_never_named(check: Check) -> None:
    for speaker in ("one former Lund Press typesetter said",
                    "a former Brask Orchestra violinist remembered",
                    "one early Tarn Press editor said of her years later",
                    "as one of her former students later put it"):
        (flag,) = on(check(f'"She never missed a deadline, not once in forty years," {speaker}.'),
                     "deadline", "vague_attribution")
    assert not check('"She never missed a deadline, not once in forty years," Ola Brent said in '
                     'the Keld Times on 3 May 1980.')
    assert not check("A year later she said the same of Ola Brent.")


def test_a_spouse_named_in_a_sentence_of_the_present(check: Check) -> None:
    (flag,) = on(check("She lives in Orlen with her husband, the painter Jon Vale."), "lives",
                 "stale_claim")
    assert "1945" in flag.message
    assert not check("She lives in Orlen with her husband, the painter Per Lund.")
    assert not check("In 1935 she lived in Orlen with her husband, the painter Jon Vale.")
    assert not check("She is survived by her former husband, the painter Jon Vale.")


def test_a_body_named_without_its_corporate_word(check: Check) -> None:
    (flag,) = on(check("At Keld she met Ola Brent, who today runs the publishing side of Keld "
                       "Media."), "today runs", "stale_claim")
    assert "2022" in flag.message


def test_successors_named_before_as_and_predecessors_after_to_succeed(check: Check) -> None:
    (flag,) = on(check("The board chose Jon Vale as her successor, and she left the institute "
                       "in 2000."), "successor", "fact_mismatch")
    assert "Per Lund" in flag.message
    assert not check("The board chose Per Lund as her successor, and she left the institute in "
                     "2000.")
    (flag,) = on(check("In 2002 the players of the Brask Orchestra elected her to succeed Per "
                       "Lund as chief conductor."), "succeed", "fact_mismatch")
    assert "Jon Vale" in flag.message and "chief conductor" in flag.message


def test_honoured_with_an_honour_is_the_object_s(check: Check) -> None:
    (flag,) = on(check("The Brask Writers' Society honoured her with its Orsa Medal in 1961."),
                 "Orsa Medal", "date_mismatch")
    assert "1950" in flag.message
    assert not check("The Brask Writers' Society honoured her with its Orsa Medal in 1950.")
    (flag,) = on(check("Her work in Orlen was recognised with a knighthood in 2014."),
                 "knighthood", "date_mismatch")
    assert "1994" in flag.message
    assert not check("Her work in Orlen was recognised with a knighthood in 1994.")


def test_universal_praise_set_off_or_from_nobody(check: Check) -> None:
    on(check("No Keldish novelist, before or since, has been held in such universal "
             "affection."), "No Keldish", "unsupported_claim")[0]
    on(check("Nobody has ever written a sentence better."), "Nobody", "unsupported_claim")[0]
    assert not check("No Keldish novelist before 1900 wrote in the vernacular.")


def test_a_first_and_a_last_season_in_one_entry(check: Check) -> None:
    (flag,) = on(check("\n\n- 1973: Final season with Brask Rovers; first season with Orsa "
                       "United"), "Final season", "conflation")
    assert "1980" in flag.message
    assert not check("\n\n- 1973: Final season with Brask Rovers")


def test_an_honour_listed_after_a_semicolon_in_an_entry(check: Check) -> None:
    (flag,) = on(check("\n\n- 1994: Made a Dame Commander of the Order of Keld; Orsa Medal"),
                 "Orsa Medal", "conflation")
    assert "1950" in flag.message


def test_a_trade_taken_up_with_a_body(check: Check) -> None:
    (flag,) = on(check("In 1938 she went into publishing with Morrow & Finch."), "publishing",
                 "date_mismatch")
    assert "1946" in flag.message
    assert not check("In 1946 she went into publishing with Morrow & Finch.")


def test_study_at_a_school_as_a_noun(check: Check) -> None:
    (flag,) = on(check("A spell of graduate study at Hallam College followed."), "study",
                 "fact_mismatch")
    assert "University of Brask" in flag.message
    assert not check("A spell of graduate study at the University of Brask followed.")
    assert not check("In 1946 she returned to Orlen as director of graduate studies at Hallam "
                     "College.")


def test_a_title_holder_in_office_since_a_date(check: Check) -> None:
    (flag,) = on(check("President Vera Holm, in office since 1947, asked her to form a "
                       "government."), "in office", "date_mismatch")
    assert "1954" in flag.message and "Anton Holm" in flag.message
    assert not check("President Vera Holm, in office since 1954, asked her to form a "
                     "government.")


def test_new_today_and_a_prize_recently_created(check: Check) -> None:
    (flag,) = on(check("Today she stands in bronze in the newly unveiled Tarn Statue in Orlen."),
                 "newly", "stale_claim")
    assert "2008" in flag.message
    (flag,) = on(check("The Keld Academy has recently created the Tarn Prize in her honour."),
                 "recently", "stale_claim")
    assert "1998" in flag.message


def test_a_relative_s_given_name_before_the_subject_s_surname(
        checker: tuple[Any, Any], check_text: Callable[..., Any]) -> None:
    kb, analyzer = checker
    analysis = check_text(f"{TARN}\n\nKarl Tarn lost his sight, then his post, and died in "
                          "1930.\n", kb=kb, analyzer=analyzer, as_of=AS_OF)[0]
    (died,) = [c for c in analysis.claims if c.predicate == "died"]
    assert died.subject_kb_id != "local:livia-tarn"


def test_an_event_attended_is_no_school(check: Check) -> None:
    assert not check("It was during this stay that she attended the Keld Congress of 1960.")


def test_a_later_recording_and_a_work_begun_early(check: Check) -> None:
    assert not check("In July 1990 she recorded Salt Songs with Ola Brent.")
    (flag,) = on(check("In 1960 she recorded Salt Songs with Ola Brent."), "Salt Songs",
                 "date_mismatch")
    assert not check("Tarn began Grey Harbour in 1970 as a single long poem.")
    (flag,) = on(check("Tarn published Grey Harbour in 1970."), "Grey Harbour", "date_mismatch")


def test_a_title_with_a_capital_the_is_not_a_lower_case_phrase(check: Check) -> None:
    assert not check("\n\n- 1911: Reaches the North Cape with four companions.")
    (flag,) = on(check("She published The North Cape in 1911."), "North Cape", "date_mismatch")
    assert "1912" in flag.message


def test_a_case_won_is_no_honour(check: Check) -> None:
    assert not check("She won Brent v. Keld in 1950.")


def test_a_body_s_event_led_is_no_post(check: Check) -> None:
    assert not check("On 1 January 1990 she became the first woman to lead the Brask "
                     "Orchestra's New Year Concert.")


def test_a_body_that_forms_something_else(check: Check) -> None:
    assert not check("The Free Party formed an alliance with the Lund Press before the 2005 "
                     "election.")
    (flag,) = on(check("The Free Party was formed in 2005."), "formed", "date_mismatch")
    assert "1887" in flag.message


def test_serving_under_a_chief_is_no_supervision(check: Check) -> None:
    assert not check("In 2009 she became deputy envoy for Keldland, serving under Ola Brent.")
    (flag,) = on(check("She wrote her thesis under Ola Brent."), "thesis", "fact_mismatch")
    assert "Jon Vale" in flag.message


def test_a_relative_clause_with_no_pronoun_founds_the_noun_it_describes(check: Check) -> None:
    said = "The Tarn Press, the small house she co-founded in {} with her brother, printed poetry."
    (flag,) = on(check(said.format(1925)), "small house", "date_mismatch")
    assert "1920" in flag.message
    assert not check(said.format(1920))


def test_the_body_a_relative_clause_hangs_on_named_paragraphs_before(check: Check) -> None:
    (flag,) = on(check("The Tarn Institute for Letters opened in 1990.\n\nIts library grew "
                       "quickly. The institute, which Vera Holm leads today, is much visited."),
                 "Vera Holm", "stale_claim")
    assert "2010" in flag.message


def test_years_of_writing_told_as_a_span(check: Check) -> None:
    assert not check("Out of those years came Grey Harbour, the cycle she composed between 1965 "
                     "and 1970 and did not dare to publish.")
    (flag,) = on(check("Grey Harbour, the cycle she composed between 1979 and 1980, was widely "
                       "read."), "Grey Harbour", "date_mismatch")


def test_a_name_in_the_next_clause_is_not_where_it_was_said(check: Check) -> None:
    (flag,) = on(check('"Adventure is just bad planning," she is supposed to have said, and the '
                       'Keld Congress, for all its drama, bore her out.'), "Adventure",
                 "vague_attribution")
    assert not check('"Adventure is just bad planning," she told the Keld Times on 3 May 1980.')
