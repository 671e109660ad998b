"""Constructions held-out sets 33 to 40 showed the checker missing or misreading, each in a
general form: an invented cyclist and race organiser, his teams, his wife and his book (no
evaluation set holds them). The KB below is all the checker knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sentence_checks import Check, checker_fixture, on, sentence_check
from sentence_checks import entity as _thing

VASS = "Emil Vass"


ENTITIES: list[dict[str, Any]] = [
    _thing("local:emil-vass", VASS, "person",
           {"property": "date of birth", "value": "1930-05-01"},
           {"property": "employer", "value": "Team Ardent", "start": 1958, "end": 1960},
           {"property": "employer", "value": "Molvik", "start": 1961, "end": 1966},
           {"property": "spouse", "value": "Clara Nagy", "start": 1958},
           {"property": "award received", "value": "Ronda del Sur general classification",
            "point in time": 1963},
           {"property": "award received", "value": "Golden Wheel", "point in time": 1963},
           {"property": "award received", "value": "Velo 50", "point in time": 1999},
           {"property": "award received", "value": "honorary Golden Wheel", "point in time": 2001},
           {"property": "member of", "value": "Royal Cycling Society", "start": 1975},
           {"property": "position held", "value": "professor of engineering",
            "qualifiers": {"of": "Vienna Polytechnic"}, "start": 1995, "end": 2000},
           {"property": "position held", "value": "deputy minister for sport",
            "start": 1991, "end": 1994},
           {"property": "place of death", "value": "Vienna"},
           {"property": "position held", "value": "chair of the Lakes Institute",
            "qualifiers": {"of": "Lakes Institute"}, "start": 1970, "end": 1980},
           {"property": "award received", "value": "Polar Wheel", "point in time": 2019,
            "qualifiers": {"together with": ["Grace Jones", "Wheels for Change"]}},
           {"property": "award received", "value": "Danube Medal", "point in time": 1962,
            "qualifiers": {"together with": ["Clara Nagy"]}},
           {"property": "position held", "value": "co-organiser of the Tour of Lakes",
            "qualifiers": {"of": "Tour of Lakes"}, "start": 2002, "end": 2016},
           {"property": "position held", "value": "goodwill ambassador for the Danube Accords",
            "start": 2004, "end": 2007},
           {"property": "position held", "value": "UNESCO Goodwill Ambassador", "start": 1996},
           aliases=("Vass",)),
    _thing("local:clara-nagy", "Clara Nagy", "person", aliases=("Clara",)),
    _thing("local:otto-brenner", "Otto Brenner", "person"),
    _thing("local:golden-wheel", "Golden Wheel", "award"),
    _thing("local:team-ardent", "Team Ardent", "organization"),
    _thing("local:molvik", "Molvik", "organization"),
    _thing("local:ronda", "Ronda del Sur", "other", {"property": "inception", "value": 1935}),
    _thing("local:ronda-gc", "Ronda del Sur general classification", "award",
           {"property": "part of", "value": "Ronda del Sur"}),
    _thing("local:tour-of-lakes", "Tour of Lakes", "other",
           {"property": "inception", "value": 2002}),
    _thing("local:danube-accords", "Danube Accords", "other", aliases=("Accords",)),
    _thing("local:ncu", "Nordic Cycling Union", "organization",
           {"property": "inception", "value": 1971}),
    _thing("local:ncu-sweden", "Swedish section of the Nordic Cycling Union", "organization",
           {"property": "inception", "value": 1993},
           {"property": "part of", "value": "Nordic Cycling Union"},
           {"property": "founded by", "value": VASS}),
    _thing("local:crossing-rivers", "Crossing Rivers", "work",
           {"property": "publication date", "value": 1998},
           {"property": "author", "value": VASS}),
    _thing("local:vienna", "Vienna", "place"),
    _thing("local:karl-von-rauch", "Karl von Rauch", "person", aliases=("von Rauch",)),
    _thing("local:grace-jones", "Grace Jones", "person"),
    _thing("local:wheels-for-change", "Wheels for Change", "organization"),
    _thing("local:polar-wheel", "Polar Wheel", "award"),
    _thing("local:danube-medal", "Danube Medal", "award"),
    _thing("local:rcs", "Royal Cycling Society", "organization"),
    _thing("local:poly", "Vienna Polytechnic", "organization"),
    _thing("local:vass-frame", "Vass Frame", "work",
           {"property": "publication date", "value": 1970},
           {"property": "creator", "value": VASS}, {"property": "creator", "value": "Clara Nagy"}),
    _thing("local:workshop", "Vass Workshop", "organization",
           {"property": "inception", "value": 1946}),
    _thing("local:vass-cycles", "Vass Cycles", "organization",
           {"property": "inception", "value": 1948},
           {"property": "replaces", "value": "Vass Workshop"}),
    _thing("local:lakes-institute", "Lakes Institute", "organization",
           {"property": "inception", "value": 1966}),
    _thing("local:lakes-lecture", "Lakes Lecture", "work",
           {"property": "inception", "value": 1907}),
    _thing("local:road-home", "The Road Home", "work",
           {"property": "publication date", "value": 2013}, {"property": "author", "value": VASS}),
    _thing("local:paris", "Paris", "place"),
    _thing("local:observatory", "Kapteyn Telescope", "other"),
    _thing("local:games-1964", "1964 Tokyo Games", "other",
           {"property": "point in time", "value": 1964}, aliases=("Tokyo Games",)),
    _thing("local:vass-racing", "Vass Racing", "organization",
           {"property": "inception", "value": 1993},
           {"property": "parent organization", "value": "Vass Cycles"}),
    _thing("local:velo-50", "Velo 50", "award",
           aliases=("50 greatest riders of the century", "50 greatest riders")),
    _thing("local:honorary-wheel", "honorary Golden Wheel", "award"),
]

AS_OF = date(2026, 6, 1)


checker = checker_fixture(ENTITIES)


@pytest.fixture(scope="module")
def check(checker: tuple[Any, Any], check_text: Callable[..., Any]) -> Check:
    return sentence_check(check_text, checker, f"{VASS}\n\n{VASS} is a Hungarian cyclist. ", AS_OF)


def test_a_capitalised_contraction_is_a_name(checker: tuple[Any, Any],
                                             analyze_text: Callable[..., Any]) -> None:
    # spaCy's tokenizer splits "Ive" like "I've": the designer was never found
    _, analyzer = checker
    text = ("Mara Ive\n\nMara Ive is a designer. Otto Brenner hired her. Brenner left. "
            "Brenner returned. Ive was made head of design in 1997.\n")
    analysis = analyze_text(text, analyzer=analyzer)
    assert analysis.subject is not None and analysis.subject.name == "Mara Ive"
    words = [t.text for t in analyzer.nlp.make_doc("Jony Ive met Im Kwon. Cannot stop. I've.")]
    assert "Ive" in words and "Im" in words and "Cannot" not in words and "'ve" in words


def test_the_year_a_clause_defines_and_the_following_year(check: Check) -> None:
    flags = check(
        "In 1958 he married Clara Nagy, in the year that marked a century since the bridge.",
        "In 1960 he won a stage in Vienna, and the following year he took up his post as "
        "captain of Molvik.")
    assert not [f for f in flags if f.category in ("date_mismatch", "conflation")], flags


def test_a_place_behind_the_winner_and_another_mans_death(
        check: Check, checker: tuple[Any, Any], analyze_text: Callable[..., Any]) -> None:
    flags = check(
        "He came second to Otto Brenner in the 1961 Golden Wheel, then went back and won it.")
    assert not on(flags, "came second"), flags
    text = (f"{VASS}\n\n{VASS} is a cyclist. His father was a mechanic, and he is a grandson "
            "of Otto Brenner, the prime minister assassinated in 1955.\n")
    analysis = analyze_text(text, analyzer=checker[1])
    (died,) = [c for c in analysis.claims if c.predicate == "died"]
    assert died.subject == "Otto Brenner"


def test_two_dates_for_one_marriage_flag_the_counted_one(check: Check) -> None:
    flags = check(
        "His first wife died in January 1954. He remarried two years later, taking as his "
        "wife Clara Nagy.",
        "Key dates:\n\n- 1958: Marries Clara Nagy")
    (counted,) = on(flags, "remarried two years later", "internal_inconsistency")
    assert "1956 here, 1958 later" in counted.message
    assert not on(flags, "1958: Marries", "internal_inconsistency"), flags
    flags = check("He married Clara Nagy in 1958.", "He is survived by Clara, his wife since 1957.")
    assert on(flags, "his wife since 1957", "internal_inconsistency"), flags


def test_years_after_he_had_left(check: Check) -> None:
    flags = check("In 1974 he was allowed to leave the country.",
                  "Eighteen years after he had left, in 1990, he returned to Vienna.")
    (flag,) = on(flags, "Eighteen years after", "internal_inconsistency")
    assert "1992" in flag.message


def test_a_habit_of_reminding_and_universal_comparisons(check: Check) -> None:
    flags = check(
        'As he liked to remind his students, "The road is the only honest judge of a rider."',
        "No rider alive has won more hearts than Vass.",
        "There was no climber alive who could match him in the mountains.",
        "No organiser of his generation commanded greater respect.")
    assert on(flags, "liked to remind", "vague_attribution"), flags
    for text in ("No rider alive", "no climber alive", "No organiser of his generation"):
        assert on(flags, text, "unsupported_claim"), (text, flags)


def test_a_victory_in_a_race_and_a_move_to_a_team(check: Check) -> None:
    flags = check("1964 brought his only victory in the Ronda del Sur.",
                  "In 1958 he moved to Molvik, and he stayed there until 1966.",
                  "In 1961 they moved to Vienna, close to the offices of Team Ardent.")
    (won,) = on(flags, "Ronda del Sur", "date_mismatch")
    assert "1963" in won.message
    (moved,) = on(flags, "moved to Molvik", "date_mismatch")
    assert "1961" in moved.message
    assert not on(flags, "close to the offices"), flags


def test_posts_held_now_and_a_latest_book(check: Check) -> None:
    flags = check(
        "Vass still co-organises the Tour of Lakes.",
        "In 2004 the government asked him to serve as goodwill ambassador for the Danube "
        "Accords, a post he still holds.",
        "His latest book, the memoir Crossing Rivers, appeared in 1998.")
    (lakes,) = on(flags, "Tour of Lakes", "stale_claim")
    assert "2016" in lakes.message
    (accords,) = on(flags, "a post he still holds", "stale_claim")
    assert "2007" in accords.message
    assert on(flags, "Crossing Rivers", "stale_claim"), flags


def test_among_the_founders_a_clients_owner_and_life_dates(check: Check) -> None:
    flags = check(
        "He was among the founders of the Swedish section of the Nordic Cycling Union in 1971.",
        "Molvik, one of Team Ardent's sponsors, signed him in 1961.",
        "Emil Vass (1 May 1930 – 2 June 2020) was a cyclist and the founder of the Swedish "
        "section of the Nordic Cycling Union.",
        "He joined Team Ardent more than six decades ago.")
    (founded,) = on(flags, "among the founders", "date_mismatch")
    assert "Nordic Cycling Union" in founded.message and "1993" in founded.message
    assert not on(flags, "one of Team Ardent's sponsors"), flags
    assert not on(flags, "(1 May 1930"), flags
    assert not on(flags, "more than six decades ago"), flags


def test_names_that_open_in_lower_case(check: Check) -> None:
    flags = check(
        "In 1997 Velo magazine named him one of the 50 greatest riders of the century.",
        "He received an honorary Golden Wheel in 2001.",
        "The greatest riders of the century all raced in Vienna.")
    (named,) = on(flags, "50 greatest riders", "date_mismatch")
    assert "1999" in named.message
    assert not on(flags, "honorary Golden Wheel"), flags


def test_lowercase_names_from_the_kb() -> None:
    from analysis.kb.names import lowercase_names

    table = lowercase_names(["100 most influential people", "world championships in Beijing",
                             "gold medal", "Time 100", "honorary Palme d'Or"])
    assert table == {"100": frozenset({"100 most influential people"}),
                     "world": frozenset({"world championships in beijing"}),
                     "honorary": frozenset({"honorary palme dor"})}


def test_people_named_beside_the_subject(check: Check, checker: tuple[Any, Any],
                                         analyze_text: Callable[..., Any]) -> None:
    text = (f"{VASS}\n\n{VASS} is a cyclist. After von Rauch died in 1953, he raced for "
            "Molvik. Paul was frail from childhood, and he died in March 1958, aged 24. "
            "Otto Brenner became, in 1960, the first rider to win the Golden Wheel.\n")
    claims = analyze_text(text, analyzer=checker[1]).claims
    died = {c.subject for c in claims if c.predicate == "died"}
    assert "Karl von Rauch" in died and len(died) == 2 and VASS not in died, claims
    (wheel,) = [c for c in claims if c.predicate == "award"]
    assert wheel.subject == "Otto Brenner"
    flags = check("Paul was frail from childhood, and he died in March 1958, aged 24.",
                  "He shared a flat with Ma Long-wei, a young rider.")
    assert not flags, flags


def test_objects_and_dates_of_the_right_clause(check: Check) -> None:
    flags = check(
        "At 15, in 1945, he left school and went to Vienna as an apprentice at Molvik.",
        "In 1959 he left Vienna for Molvik.",
        "Crossing Rivers, published in 1998, returned to Vienna fifteen years after the events "
        "of the first book.",
        "He was elected a Fellow of the Royal Cycling Society in 1970.",
        "In 1990 the Vienna Polytechnic finally made him a professor of engineering.")
    assert not on(flags, "he left school"), flags
    (moved,) = on(flags, "left Vienna for Molvik", "date_mismatch")
    assert "start" in moved.message and "1961" in moved.message
    assert not on(flags, "fifteen years after the events"), flags
    assert "1975" in on(flags, "Fellow of the Royal Cycling Society", "date_mismatch")[0].message
    assert "1995" in on(flags, "made him a professor", "date_mismatch")[0].message


def test_partners_recipients_and_dates_said_in_passing(check: Check) -> None:
    flags = check(
        "With the engineer Otto Brenner he had also designed a frame, the Vass Frame.",
        "In 2019 he received the Polar Wheel, sharing it with Otto Brenner.",
        "The committee awarded the 1962 Danube Medal to Vass and Otto Brenner.",
        "He chaired the Lakes Institute there, created in 1957, for a decade.",
        "The business was incorporated as Vass Cycles in 1946.",
        "The Tour of Lakes started in 2002, the same year as his Lakes Institute.")
    for text, name in (("the Vass Frame", "Clara Nagy"), ("Polar Wheel", "Grace Jones"),
                       ("Danube Medal", "Clara Nagy")):
        (flag,) = on(flags, text, "fact_mismatch")
        assert name in flag.message, flag
    assert "1966" in on(flags, "created in 1957", "date_mismatch")[0].message
    (renamed,) = on(flags, "incorporated as Vass Cycles", "date_mismatch")
    assert "1946 is the date of Vass Workshop" in renamed.message
    assert "1966" in on(flags, "the same year as his Lakes Institute")[0].message


def test_an_edition_of_a_series_of_events_is_an_event() -> None:
    from analysis.kb.wikidata_values import entity_type

    assert entity_type([], ["P155", "P571", "P576"]) == "other"  # the 1960 Summer Olympics
    assert entity_type([], ["P155", "P577"]) == "work"  # the next book of a series
    assert entity_type([], ["P156"]) == "work"


def test_honours_listed_followed_and_shared(check: Check) -> None:
    flags = check(
        "Austria's highest honour, the Danube Medal, followed in 1964.",
        "In 2019 he and his friend Otto Brenner shared the Polar Wheel.",
        "Honours:\n\n- Golden Wheel, 1965\n- Velo 50, 1999: named among the best\n")
    assert "1962" in on(flags, "the Danube Medal, followed", "date_mismatch")[0].message
    assert "Grace Jones" in on(flags, "shared the Polar Wheel", "fact_mismatch")[0].message
    (wheel,) = on(flags, "Golden Wheel, 1965", "date_mismatch")
    assert "1963" in wheel.message
    assert not on(flags, "Velo 50, 1999"), flags


def test_quotes_from_more_than_one_interview_or_a_former_pupil(check: Check) -> None:
    flags = check(
        '"The road forgives nothing," he has said in more than one interview.',
        '"He could hear a loose spoke from the team car," one former pupil remembered.')
    assert len([f for f in flags if f.category == "vague_attribution"]) == 2, flags


def test_a_subject_named_less_often_than_a_minister(checker: tuple[Any, Any],
                                                   analyze_text: Callable[..., Any]) -> None:
    # the KB knows most about the one it was written for
    text = ("The Rider Who Said No\n\nOn a grey morning in Vienna, Emil Vass, now 96, reads "
            "three newspapers. Otto Brenner hired him in 1958. Otto Brenner liked him. Otto "
            "Brenner promoted him. Otto Brenner retired in 1970. He has outlived them all.\n")
    analysis = analyze_text(text, analyzer=checker[1])
    assert analysis.subject is not None and analysis.subject.name == VASS


def test_posts_projects_and_deaths_read_narrowly(check: Check) -> None:
    flags = check(
        "In 1995 the Vienna Polytechnic promoted him to full professor from within its faculty.",
        "There he managed the Austrian side of the Kapteyn Telescope project.",
        "At his death he was preparing a ride from Vienna to Paris.",
        "In 1989 the chancellor elevated him to deputy minister for sport.",
        "In The Road Home, the Lakes Lecture he delivered in 2013, he spoke of Vienna.")
    assert not on(flags, "full professor"), flags
    assert not on(flags, "Kapteyn Telescope"), flags
    assert not on(flags, "At his death"), flags
    assert "1991" in on(flags, "elevated him", "date_mismatch")[0].message
    assert not on(flags, "Lakes Lecture"), flags


def test_quotes_split_by_their_speaker_and_published_remarks(check: Check,
                                                             checker: tuple[Any, Any],
                                                             check_text: Callable[..., Any]
                                                             ) -> None:
    html = ("<html><head><title>Emil Vass</title></head><body><h1>Emil Vass</h1>"
            "<p>Emil Vass is a Hungarian cyclist.</p>"
            "<blockquote class='pullquote'>\u201cThe road is free. Nobody can buy it, nobody "
            "can own it.\u201d</blockquote>"
            "<p>\u201cThe road is free,\u201d he told Velo magazine in May 2001. \u201cNobody "
            "can buy it, nobody can own it.\u201d</p>"
            "<blockquote><p>\u201cThis race gives hope to every rider from a small town,\u201d "
            "he said in Vienna in August 2016, in remarks published by the Royal Cycling "
            "Society.</p></blockquote></body></html>")
    kb, analyzer = checker
    flags = check_text(html, kb=kb, analyzer=analyzer, fmt="html")[2]
    assert not [f for f in flags if f.category in ("quote_mismatch", "vague_attribution")], flags
    flags = check("No rider of his century brought cycling to more people.",
                  "He is the most gifted climber the sport has produced.")
    assert len(on(flags, "", "unsupported_claim")) == 2, flags


def test_counts_ages_and_posthumous_entries(check: Check) -> None:
    flags = check(
        "He earned a bachelor's degree in 1970 and a master's degree in 1972.",
        "He received a doctorate in 2005, thirty-three years after his master's degree.",
        "Otto Brenner, who died in 2023 at the age of 100, was at 97 the oldest rider to win.",
        "The Royal Cycling Society, founded in 1887, did not change its rules overnight. Five "
        "years later, in 1972, it admitted women.",
        "He died in Vienna in 2020.",
        "Honours:\n\n- 2021: Receives a special Golden Wheel\n")
    assert not [f for f in flags if f.category == "internal_inconsistency"], flags


def test_givers_newspapers_and_posts_held_now(check: Check) -> None:
    flags = check(
        "2019: Awarded the Polar Wheel together with Grace Jones, presented by Otto Brenner.",
        "In 1962 he shared the Danube Medal, awarded by the Royal Cycling Society, with Otto "
        "Brenner.",
        '"The road forgives nothing," he told The New York Times in an interview published in '
        "August 1976.",
        "He still chairs the Lakes Institute, the school he helped found in 1966.",
        "It remains the greatest ride of the twentieth century.")
    assert not on(flags, "Polar Wheel"), flags
    assert "Clara Nagy" in on(flags, "Danube Medal", "fact_mismatch")[0].message
    assert not on(flags, "The New York Times"), flags
    assert "1980" in on(flags, "He still chairs", "stale_claim")[0].message
    assert on(flags, "twentieth century", "unsupported_claim"), flags


def test_sources_after_a_block_quote_or_in_a_named_paper(checker: tuple[Any, Any],
                                                          check_text: Callable[..., Any]) -> None:
    html = ("<html><head><title>Emil Vass</title></head><body><h1>Emil Vass</h1>"
            "<p>Emil Vass is a Hungarian cyclist.</p>"
            "<blockquote>\u201cThe climb has no finish line and no fixed end.\u201d</blockquote>"
            "<p>The line comes from the lecture he gave in Vienna in December 1987.</p>"
            "<p>\u201cI had to ride again for my own people,\u201d he told the Viennese daily "
            "Der Standard in a 1986 interview.</p></body></html>")
    kb, analyzer = checker
    flags = check_text(html, kb=kb, analyzer=analyzer, fmt="html")[2]
    assert not [f for f in flags if f.category == "vague_attribution"], flags


def test_dates_of_the_thing_described(check: Check) -> None:
    flags = check(
        "In 1958 he married Clara Nagy, the 1955 national sprint champion.",
        "He sat on the board that planned the Kapteyn Telescope at Vienna Polytechnic, which "
        "was dedicated in 1948.",
        "Friends said he spoke warmly of his recent triumph at the Tokyo Games.",
        "Vass Racing, the team he set up in 1948, still races.",
        as_of=date(1975, 1, 1))
    assert not on(flags, "national sprint champion"), flags
    assert not on(flags, "Kapteyn Telescope"), flags
    assert on(flags, "recent triumph", "stale_claim"), flags
    assert "1993" in on(flags, "Vass Racing", "date_mismatch")[0].message
