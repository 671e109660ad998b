"""Constructions the checker misread in held-out sets, each in a general form: an invented film
director, her films, her studio and her prizes (no evaluation set holds them). The KB below is
all the checker knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sentence_checks import Check, check_fixture, checker_fixture, on
from sentence_checks import entity as _thing

CASTELL = "Mira Castell"

ENTITIES: list[dict[str, Any]] = [
    _thing("local:mira-castell", CASTELL, "person",
           {"property": "date of birth", "value": "1938-05-02"},
           {"property": "notable work", "value": "North Water"},
           {"property": "notable work", "value": "The Glass Orchard"},
           {"property": "notable work", "value": "Salt Road"},
           {"property": "place of birth", "value": "Orlen"},
           {"property": "educated at", "value": "Varga Film School", "start": 1956, "end": 1960},
           {"property": "employer", "value": "Varga Film School", "start": 1962},
           {"property": "award received", "value": "Keld Cup", "point in time": 1980},
           {"property": "employer", "value": "Keld Film Archive", "start": 1999,
            "qualifiers": {"subject has role": "curator"}},
           {"property": "position held", "value": "Chief Adviser to the Minister", "start": 2003,
            "end": 2010, "qualifiers": {"replaced by": "Tor Ekman"}},
           {"property": "employer", "value": "Keld Senate", "start": 1976, "end": 1978,
            "qualifiers": {"subject has role": "assistant to Senator Ola Brent"}},
           {"property": "position held", "value": "President of the Keld Film Academy",
            "start": 2001, "end": 2009},
           {"property": "employer", "value": "Varn Television", "start": 1960, "end": 1962,
            "qualifiers": {"subject has role": "presenter"}},
           aliases=("Castell",)),
    _thing("local:north-water", "North Water", "work",
           {"property": "publication date", "value": 1972},
           {"property": "director", "value": CASTELL}),
    _thing("local:glass-orchard", "The Glass Orchard", "work",
           {"property": "publication date", "value": 1974},
           {"property": "director", "value": CASTELL}),
    _thing("local:salt-road", "Salt Road", "work",
           {"property": "publication date", "value": 1972},
           {"property": "director", "value": CASTELL}),

    _thing("local:orlen", "Orlen", "place", {"property": "country", "value": "Harland"}),
    _thing("local:harland", "Harland", "place"),
    _thing("local:keld-cup", "Keld Cup", "award"),
    _thing("local:ola-vik", "Ola Vik", "person"),
    _thing("local:ida-sand", "Ida Sand", "person"),
    _thing("local:grey-harbour", "Grey Harbour", "work",
           {"property": "publication date", "value": 1980},
           {"property": "director", "value": "Ola Vik"},
           {"property": "performer", "value": "Ida Sand"}),
    _thing("local:white-harbour", "White Harbour", "work",
           {"property": "publication date", "value": 1982},
           {"property": "director", "value": "Ola Vik"}),
    _thing("local:castell-hall", "Castell Hall", "place", {"property": "inception", "value": 1994}),
    _thing("local:varn-hall", "Varn Hall", "place",
           {"property": "inception", "value": "2026-09-01"}),
    _thing("local:president-keldland", "President of Keldland", "position"),
    _thing("local:tor-ekman", "Tor Ekman", "person",
           {"property": "position held", "value": "President of Keldland", "start": "1945-04-12",
            "end": "1953-01-20"}),
    _thing("local:lars-dahl", "Lars Dahl", "person",
           {"property": "position held", "value": "President of Keldland", "start": "1953-01-20",
            "end": "1961-01-20"}),
    _thing("local:keld-senate", "Keld Senate", "organization"),
    _thing("local:archive-professor", "Distinguished Archive Professor", "other"),
    _thing("local:salt-studio", "Salt Studio Collective", "organization",
           {"property": "inception", "value": 1970}, {"property": "dissolved", "value": 1995}),
    _thing("local:keld-coronation", "Keld Coronation", "other",
           {"property": "point in time", "value": "1962-06-02"}),
    _thing("local:keld-archive", "Keld Film Archive", "organization",
           {"property": "inception", "value": 1950}),
    _thing("local:iron-bell-novel", "The Iron Bell (novel)", "work",
           {"property": "publication date", "value": 1969},
           {"property": "author", "value": "Jan Holt"}, aliases=("The Iron Bell",)),
    _thing("local:iron-bell-film", "The Iron Bell", "work",
           {"property": "publication date", "value": 1977},
           {"property": "director", "value": CASTELL},
           {"property": "based on", "value": "The Iron Bell (novel)"}),
    _thing("local:ola-brent", "Ola Brent", "person",
           {"property": "date of birth", "value": "1950-01-01"},
           {"property": "position held", "value": "director of the Keld Film Archive",
            "start": 1995, "end": 2011},
           {"property": "position held", "value": "Mayor of Orlen", "start": 2025}),
    _thing("local:piet-varn", "Piet Varn", "person",
           {"property": "date of birth", "value": "1980-01-01"},
           {"property": "position held", "value": "member of the Orlen City Council",
            "start": 2012, "end": 2024}),
    _thing("local:jan-holt", "Jan Holt", "person",
           {"property": "date of death", "value": "1998-07-17"},
           {"property": "position held", "value": "Keld Professor of Film", "start": 1979,
            "end": 1990}),
    _thing("local:vessland", "Vessland", "place"),
    _thing("local:varga", "Varga Film School", "organization",
           {"property": "inception", "value": 1931}),
    _thing("local:varn-tv", "Varn Television", "organization",
           {"property": "inception", "value": 1950}),
    _thing("local:salt-ballet", "The Salt Ballet", "work",
           {"property": "publication date", "value": 1975}),
]

AS_OF = date(2026, 12, 1)

checker = checker_fixture(ENTITIES)

check = check_fixture(f"{CASTELL}\n\n{CASTELL} is a film director, born on 2 May 1938. ", AS_OF)


def test_a_year_that_brought_two_films(check: Check) -> None:
    (flag,) = on(check("The year 1972 brought both North Water and The Glass Orchard, her "
                       "portrait of a family at war."), "Glass Orchard", "conflation")
    assert "1974" in flag.message
    assert not check("The year 1972 brought both North Water and Salt Road.")
    (flag,) = on(check("1973 saw The Glass Orchard, her portrait of a family at war."),
                 "Glass Orchard", "date_mismatch")
    assert "1974" in flag.message
    assert not check("1974 saw The Glass Orchard, her portrait of a family at war.")


def test_both_and_across_a_long_description(check: Check) -> None:
    # the parser hangs the second title on a word of the first one's description; "both"
    # promises it after the "and"
    (flag,) = on(check('In 1972 she released both North Water, with its famous "Harbour Song," '
                       'and The Glass Orchard, whose "Four Sisters" gave voice to four '
                       'generations of women.'), "Glass Orchard", "conflation")
    assert "1974" in flag.message
    assert not check('In 1972 she released both North Water, with its famous "Harbour Song," '
                     'and Salt Road, whose "Four Sisters" gave voice to four generations of '
                     'women.')


def test_a_longer_place_name_is_another_place(check: Check) -> None:
    assert not check("She was the first director to have been born in Northern Vessland.")
    (flag,) = on(check("She was the first director to have been born in Vessland."), "Vessland",
                 "fact_mismatch")
    assert "Orlen" in flag.message


def test_a_title_is_not_today(check: Check) -> None:
    assert not check("Between 1960 and 1962 she worked for Varn Television as a presenter on "
                     "current-affairs programmes, including Frontline and Today Tonight.")


def test_a_move_as_a_student(check: Check) -> None:
    # the KB has her studies there from 1956 and a post there from 1962: the move is the studies
    assert not check("In 1956 she moved to the Varga Film School as a research student.")
    (flag,) = on(check("In 1953 she moved to the Varga Film School as a research student."),
                 "Varga", "date_mismatch")
    assert "1956" in flag.message


def test_a_graduation_from_the_school_just_entered(check: Check) -> None:
    (flag,) = on(check("Entering the Varga Film School in 1956, she graduated in 1962, having "
                       "switched from sound to editing."), "graduated", "date_mismatch")
    assert "1960" in flag.message
    assert not check("Entering the Varga Film School in 1956, she graduated in 1960, having "
                     "switched from sound to editing.")


def test_a_body_stages_a_work_in_a_relative_clause(check: Check) -> None:
    (flag,) = on(check("The Varn Ballet invited her back for The Salt Ballet, which it staged at "
                       "the Keld Opera in 1973 with more than eighty costumes of her design."),
                 "Salt Ballet", "date_mismatch")
    assert "1975" in flag.message
    assert not check("The Varn Ballet invited her back for The Salt Ballet, which it staged at "
                     "the Keld Opera in 1975 with more than eighty costumes of her design.")


def test_an_unnamed_speaker_from_named_years(check: Check) -> None:
    # the name in "from the Varn years" says when the speaker knew her, not where it was said
    for speaker in ("a friend from the Varn years once said",
                    "one of the editors from the early Varn Television days recalled",
                    "one of the Harland critics of that era admitted years afterwards",
                    "one old friend from her Orlen years says"):
        (flag,) = on(check(f'"She cut every film as if it were her last," {speaker}.'),
                     "her last", "vague_attribution")
    assert not check('"She cut every film as if it were her last," the critic Ola Brent wrote in '
                     'the Keld Times on 3 May 1980.')


def test_universal_praise_of_a_kind(check: Check) -> None:
    (flag,) = on(check("No director, in any country or in any decade, has framed a face as she "
                       "did."), "No director", "unsupported_claim")
    (flag,) = on(check("Her lenses have made possible every colour film shot since."),
                 "made possible", "unsupported_claim")
    assert not check("Her lenses made colour filming possible at the Varga Film School.")


def test_counted_from_where_the_thing_was_introduced(check: Check) -> None:
    lead = ("In 1965 she wrote down a new method of cutting sound to picture. The method spread "
            "through the studios, and she eventually refined it, in 1969, into a manual. ")
    assert not check(lead, "Her pupil Ola Brent used it in 1970, five years after the method was "
                     "written down.")
    (flag,) = on(check(lead, "Her pupil Ola Brent used it in 1972, five years after the method "
                       "was written down."), "five years after", "internal_inconsistency")
    assert "1965" in flag.message


def test_a_trophy_final_is_a_match(check: Check) -> None:
    assert not check("In 1985 she took her side to its first Keld Cup Final, which Harland won "
                     "in five games.")
    (flag,) = on(check("In 1985 she won the Keld Cup."), "Keld Cup", "date_mismatch")
    assert "1980" in flag.message


def test_counted_from_the_sentence_with_the_same_words(check: Check) -> None:
    lead = ("In 2000 her group published the atomic structure of the salt crystal. The crystal "
            "structure her group reported in 1999 showed more. ")
    # (the 1999 sentence is the odd one; the count is from the sentence that says the same words)
    assert not check(lead, "The prize followed in 2009, nine years after the structure of the "
                     "salt crystal.")
    (flag,) = on(check(lead, "The prize followed in 2012, nine years after the structure of the "
                       "salt crystal."), "nine years after", "internal_inconsistency")
    assert "2000" in flag.message


def test_another_persons_post_said_of_now(check: Check) -> None:
    (flag,) = on(check("Under its director Ola Brent, the Keld Film Archive has grown into a "
                       "family of cinemas."), "Ola Brent", "stale_claim")
    assert "Ola Brent" in flag.message and "2011" in flag.message
    (flag,) = on(check("This year's season has been devised by the archive's director, Ola "
                       "Brent."), "Ola Brent", "stale_claim")
    # told of then, not of now
    assert not check("In 1998 the archive's director, Ola Brent, restored her first film.")
    assert not check("Its former director Ola Brent has written a history of the archive.")


def test_a_post_set_off_that_began_after_the_sentence(check: Check) -> None:
    # the post began in 2012: in a sentence about 1984 it can only be said of now
    (flag,) = on(check("Her son, Piet Varn, a member of the Orlen City Council, was born in "
                       "Orlen in 1984."), "Piet Varn", "stale_claim")
    assert "2024" in flag.message
    assert not check("In 2015 she cast her son, Piet Varn, a member of the Orlen City Council, "
                     "in a short film.")
    # a mayor is not a council member (both name Orlen)
    assert not check("Her friend Ola Brent, the Mayor of Orlen, was born in 1950.")


def test_a_post_held_to_this_day_by_a_man_who_died(check: Check) -> None:
    (flag,) = on(check("The chair then went to the historian Jan Holt, who holds it to this day."),
                 "Jan Holt", "stale_claim")
    assert "1998" in flag.message


def test_filming_another_writers_novel(check: Check) -> None:
    # what she made is the film the KB bases on the novel, with its own date
    (flag,) = on(check("She filmed Jan Holt's novel The Iron Bell in 1969."), "Iron Bell",
                 "date_mismatch")
    assert "1977" in flag.message and "1969 is the date of" in flag.message
    assert not check("She filmed Jan Holt's novel The Iron Bell in 1977.")


def test_a_bare_surname_left_unlinked(write_kb: Callable[..., Path],
                                           kb_analyzer: Callable[..., tuple[Any, Any]],
                                           check_text: Callable[..., Any]) -> None:
    kb, analyzer = kb_analyzer([write_kb([
        _thing("local:lena-arkwood", "Lena Arkwood", "person",
               {"property": "position held", "value": "President of the Keld Film Academy",
                "start": 2001, "end": 2009}),  # (no alias "Arkwood": no KB name either)
        _thing("local:keld-academy", "Keld Film Academy", "organization")])])
    # (parents of the same name keep the bare surname from being linked to her)
    flags = check_text("Lena Arkwood\n\nLena Arkwood is a film historian, the eldest daughter of "
                       "Walter and Phyllis Arkwood. Arkwood, who serves "
                       "as president and a partner of the Keld Film Academy, the school that "
                       "trained her, has also become a familiar voice on radio broadcasts.",
                       kb=kb, analyzer=analyzer, as_of=AS_OF)[2]
    (flag,) = on(flags, "Arkwood, who serves", "stale_claim")
    assert "2009" in flag.message


def test_a_journey_dates_its_purpose(check: Check) -> None:
    (flag,) = on(check("She crossed the sea in 1995 to join the Keld Film Archive."),
                 "Keld Film Archive", "date_mismatch")
    assert "1999" in flag.message
    assert not check("She crossed the sea in 1999 to join the Keld Film Archive.")


def test_winning_a_presidency_starts_it(check: Check) -> None:
    (flag,) = on(check("Castell, who had won the presidency of the Keld Film Academy in 2003, "
                       "stood down in 2009."), "presidency", "date_mismatch")
    assert "2001" in flag.message
    assert not check("In 2001 she won the presidency of the Keld Film Academy.")


def test_a_rough_count_still_has_bounds(check: Check) -> None:
    arrest = "She was arrested in August 1972 for her film about the mines. "
    (flag,) = on(check(arrest, "She was released in June 1975, nearly four years after her "
                       "arrest."), "nearly four years", "internal_inconsistency")
    assert "2 years and 10 months" in flag.message
    assert not check(arrest, "She was released in June 1976, nearly four years after her arrest.")
    debut = "She made her debut in 1970 with a short about the mines. "
    assert not check(debut, "Her first feature followed in 1975, some five years after that "
                     "debut.")
    assert on(check(debut, "Her first feature followed in 1975, some ten years after that "
                    "debut."), "some ten", "internal_inconsistency")
    (flag,) = on(check(debut, "Her first feature followed in 1975, more than ten years after "
                       "that debut."), "more than ten", "internal_inconsistency")
    assert not check(debut, "Her last film came in 2001, more than ten years after that debut.")


def test_an_event_noun_found_by_its_verb(check: Check) -> None:
    # "the stabbing" is told earlier as "stabbed"
    (flag,) = on(check("On 12 August 2022 a man ran onto the stage and stabbed her. Her memoir "
                       "followed in April 2024, almost three years after the stabbing."),
                 "almost three years", "internal_inconsistency")
    assert "1 year and 8 months" in flag.message


def test_a_dated_film_of_a_novel(check: Check) -> None:
    # the year is the film's: the KB's work based on the novel, made by the one named
    (flag,) = on(check("Mira Castell's 1969 film of The Iron Bell toured the festivals."),
                 "Iron Bell", "date_mismatch")
    assert "1977" in flag.message
    assert not check("Mira Castell's 1977 film of The Iron Bell won praise.")
    # a film by someone else the KB does not know: nothing to check
    assert not on(check("Jan Holt's 1969 film of The Iron Bell was lost."), "Iron Bell",
                  "date_mismatch")


def test_counted_from_that_named_debut(check: Check) -> None:
    lead = "In 1969 she made her stage debut at the Velden Opera. "
    (flag,) = on(check(lead, "By 1972, only two years after that Velden debut, she had directed "
                       "her first film."), "two years after", "internal_inconsistency")
    assert "1971" in flag.message
    assert not check(lead, "By 1971, only two years after that Velden debut, she had directed "
                     "her first film.")


def test_called_to_the_bar_at_another_inn(write_kb: Callable[..., Path],
                                          kb_analyzer: Callable[..., tuple[Any, Any]],
                                          check_text: Callable[..., Any]) -> None:
    kb, analyzer = kb_analyzer([write_kb([
        _thing("local:ola-varn", "Ola Varn", "person",
               {"property": "educated at", "value": "Salt Inn", "start": 1910, "end": 1912}),
        _thing("local:salt-inn", "Salt Inn", "organization"),
        _thing("local:grey-inn", "Grey Inn", "organization")])])
    lead = "Ola Varn\n\nOla Varn was a lawyer. "
    flags = check_text(lead + "He was called to the bar at Grey Inn in 1912.", kb=kb,
                       analyzer=analyzer, as_of=AS_OF)[2]
    (flag,) = on(flags, "Grey Inn", "fact_mismatch")
    assert "Salt Inn" in flag.message
    assert not check_text(lead + "He was called to the bar at Salt Inn in 1912.", kb=kb,
                          analyzer=analyzer, as_of=AS_OF)[2]


def test_an_event_of_one_day_in_another_year(check: Check) -> None:
    (flag,) = on(check("She sang at the Keld Coronation in 1961."), "Keld Coronation",
                 "date_mismatch")
    assert "1962" in flag.message
    assert not check("She sang at the Keld Coronation in 1962.")


def test_a_dissolved_body_still_at_work(check: Check) -> None:
    (flag,) = on(check("The Salt Studio Collective still practises from its offices in Orlen."),
                 "Salt Studio", "stale_claim")
    assert "dissolved in 1995" in flag.message


def test_vague_speakers_of_a_named_circle(check: Check) -> None:
    for said in ("she was once quoted as saying", "a Varn friend remembered"):
        (flag,) = on(check(f'"I just cut by instinct," {said}.'), "instinct",
                     "vague_attribution")


def test_praise_of_every_school_in_the_world(check: Check) -> None:
    (flag,) = on(check("Every film school in the world still teaches her method of cutting."),
                 "Every film school", "unsupported_claim")
    # a ranking among others is a judgement with a yardstick
    assert not check("For thirty years she was among the most admired, and most criticised, "
                     "directors in the world.")


def test_a_posthumous_book_in_a_chronology(check: Check) -> None:
    flags = check("\n\n- 2020: Dies on 28 March; her last film appears in July.\n")
    assert not [f for f in flags if f.category == "internal_inconsistency"]
    (flag,) = on(check("\n\n- 2020: Dies on 28 March; she directs a play in July.\n"),
                 "directs", "internal_inconsistency")


def test_after_her_first_of_the_thing_counted(check: Check) -> None:
    lead = ("She won her first Keld Cup title in 1980. In 1983 she made her first film about "
            "the mines. ")
    assert not check(lead, "Her sixth and last Keld Cup title came in 1986, six years after her "
                     "first.")
    (flag,) = on(check(lead, "Her sixth and last Keld Cup title came in 1988, six years after "
                       "her first."), "six years after", "internal_inconsistency")
    assert "1980" in flag.message


def test_a_post_named_by_its_own_entity(check: Check) -> None:
    # the name is the post's own: the role is all of it, not no role (which fits any post)
    assert not check("Mira Castell is a Distinguished Archive Professor at the Keld Film Archive.")


def test_a_post_to_a_person_named_with_an_initial(check: Check) -> None:
    assert not check("In 1976 she became assistant to Senator Ola J. Brent.")
    (flag,) = on(check("In 1976 she became assistant to Senator Piet Varn."), "Piet Varn",
                 "fact_mismatch")
    assert "Ola Brent" in flag.message


def test_a_quote_told_at_a_named_place_and_month(check: Check) -> None:
    assert not check('"Cut what you love," she told a rally in Orlen in February 2016, repeating '
                     'a line she had used in speeches for years.')
    (flag,) = on(check('"Cut what you love," she said, repeating a line she had used in speeches '
                       'for years.'), "Cut what", "vague_attribution")


def test_a_title_before_the_person_held_it(check: Check) -> None:
    (flag,) = on(check("In December 1945 President Lars Dahl named her to the film board."),
                 "Lars Dahl", "fact_mismatch")
    assert "1953" in flag.message and "Tor Ekman" in flag.message
    assert not check("In December 1955 President Lars Dahl named her to the film board.")
    assert not check("In December 1945 the future President Lars Dahl named her to the board.")


def test_a_present_post_held_since_a_date(check: Check) -> None:
    (flag,) = on(check("She also serves as Chief Adviser to the Minister, a post she has held "
                       "since 2003."), "Chief Adviser", "stale_claim")
    assert "2010" in flag.message


def test_a_former_colleague_from_a_named_house(check: Check) -> None:
    (flag,) = on(check('"She never cut a frame she could not defend," a former Keld House '
                       'colleague has said.'), "never cut", "vague_attribution")


def test_a_quoted_title_with_its_comma_inside(check: Check) -> None:
    (flag,) = on(check('In "The Glass Orchard," released in 1972, she turned to her childhood.'),
                 "Glass Orchard", "date_mismatch")
    assert "1974" in flag.message
    assert not check('In "The Glass Orchard," released in 1974, she turned to her childhood.')


def test_a_successor_the_kb_does_not_record(check: Check) -> None:
    (flag,) = on(check("Her successor as adviser to the minister was Lars Dahl."), "Lars Dahl",
                 "fact_mismatch")
    assert "Tor Ekman" in flag.message
    assert not check("Her successor as adviser to the minister was Tor Ekman.")
    # another's successor
    assert not check("Tor Ekman was succeeded by Lars Dahl.")


def test_published_under_a_title(check: Check) -> None:
    (flag,) = on(check("Her lectures were published in 1973 under the title The Glass Orchard."),
                 "Glass Orchard", "date_mismatch")
    assert "1974" in flag.message
    assert not check("Her lectures were published in 1974 under the title The Glass Orchard.")


def test_a_newly_built_hall_of_long_ago(check: Check) -> None:
    (flag,) = on(check("Her name is carried by the newly built Castell Hall, the second cinema "
                       "of the archive."), "newly built", "stale_claim")
    assert "1994" in flag.message
    assert not check("Her name is carried by the newly built Varn Hall, the second cinema of "
                     "the archive.")


def test_a_film_credited_to_another_director(check: Check) -> None:
    # Mira Castell directs films (the KB's North Water): "her" film is a director's claim
    (flag,) = on(check("At Keld she shared the prize with Mira Castell's Grey Harbour."),
                 "Grey Harbour", "fact_mismatch")
    assert "Ola Vik" in flag.message
    assert not check("At Keld she shared the prize with Ola Vik's Grey Harbour.")
    # a performer's film, or a possessor who directs nothing: no claim to have made it
    assert not on(check("Ida Sand's Grey Harbour toured the festivals."), "Grey Harbour",
                  "fact_mismatch")
    assert not on(check("Jan Holt's Grey Harbour toured the festivals."), "Grey Harbour",
                  "fact_mismatch")
