"""Checks on constructions the evaluation profiles showed the tool missing or misreading.

The people, works and facts here are invented for these tests (no evaluation set holds them),
so each test shows the behaviour is general: the KB below is all the checker knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from analysis.models import Flag

SRC = "https://example.org/test-source"

ENTITIES: list[dict[str, Any]] = [
    {"id": "local:ines-varga", "label": "Ines Varga", "type": "person", "aliases": ["Varga"],
     "source": SRC, "facts": [
         {"property": "date of birth", "value": "1931-05-14"},
         {"property": "date of death", "value": "1999-03-02"},
         {"property": "place of birth", "value": "Budapest"},
         {"property": "place of death", "value": "Budapest"},
         {"property": "educated at", "value": "Somerville College, Oxford", "start": 1949,
          "qualifiers": {"academic major": "history"}},
         {"property": "position held", "value": "Minister of Culture", "start": "1970-03",
          "end": 1974},
         {"property": "employer", "value": "University of Leeds", "start": 1976, "end": 1990},
         {"property": "member of political party", "value": "National Peasant Party",
          "start": 1947},
         {"property": "member of political party", "value": "Green Union", "start": 1990},
         {"property": "position held", "value": "chief executive officer",
          "qualifiers": {"of": "Danubia Press"}, "start": 1991},
         {"property": "position held", "value": "member of the board of directors",
          "qualifiers": {"of": "Danubia Press"}, "start": 1993},
         {"property": "position held", "value": "President of the Hungarian PEN Club",
          "qualifiers": {"of": "Hungarian PEN Club"}, "start": 1981, "end": 1989},
     ]},
    {"id": "local:karoly-fekete", "label": "Karoly Fekete", "type": "person", "source": SRC,
     "aliases": ["Fekete"], "facts": [
         {"property": "position held", "value": "President of the Hungarian PEN Club",
          "start": 1975, "end": 1981}]},
    {"id": "local:anna-szabo", "label": "Anna Szabo", "type": "person", "source": SRC,
     "aliases": ["Szabo"], "facts": [
         {"property": "position held", "value": "President of the Hungarian PEN Club",
          "start": 1966, "end": 1975}]},
    {"id": "local:lena-moor", "label": "Lena Moor", "type": "person", "source": SRC,
     "aliases": ["Moor"], "facts": [
         {"property": "date of birth", "value": "1940-02-02"},
         {"property": "employer", "value": "Karoly Fekete", "start": 1963, "end": 1966},
         {"property": "employer", "value": "Orsolya Institute", "start": 1966},
         {"property": "member of", "value": "Orsolya Institute board of trustees",
          "start": 1970, "end": 1988}]},
    {"id": "local:orsolya", "label": "Orsolya Institute", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:orsolya-board", "label": "Orsolya Institute board of trustees",
     "type": "organization", "source": SRC,
     "facts": [{"property": "part of", "value": "Orsolya Institute"}]},
    {"id": "local:tomas-varga", "label": "Tomas Varga", "type": "person", "source": SRC,
     "facts": [{"property": "employer", "value": "University of Leeds", "start": 2001},
               {"property": "position held", "value": "member of Leeds City Council",
                "start": 2002, "end": 2010},
               {"property": "position held", "value": "President of the Leeds Rotary Club",
                "start": 2005, "end": 2012}]},
    {"id": "local:leeds-councillor", "label": "member of Leeds City Council",
     "type": "position", "aliases": ["Leeds City Council"], "source": SRC, "facts": []},
    {"id": "local:budapest", "label": "Budapest", "type": "place", "source": SRC,
     "facts": [{"property": "instance of", "value": "city"},
               {"property": "part of", "value": "Hungary"}]},
    {"id": "local:szeged", "label": "Szeged", "type": "place", "source": SRC,
     "facts": [{"property": "instance of", "value": "city"},
               {"property": "part of", "value": "Hungary"}]},
    {"id": "local:hungary", "label": "Hungary", "type": "place", "source": SRC,
     "facts": [{"property": "instance of", "value": "country"}]},
    {"id": "local:writers-party", "label": "Hungarian Writers' Party", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:peasant-party", "label": "National Peasant Party", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:pen-hungary", "label": "Hungarian PEN Club", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:danubia", "label": "Danubia Press", "type": "organization", "source": SRC,
     "facts": []},
    {"id": "local:oxford", "label": "University of Oxford", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:somerville", "label": "Somerville College, Oxford", "type": "organization",
     "aliases": ["Somerville College"], "source": SRC,
     "facts": [{"property": "part of", "value": "University of Oxford"}]},
    {"id": "local:balliol", "label": "Balliol College, Oxford", "type": "organization",
     "aliases": ["Balliol College"], "source": SRC,
     "facts": [{"property": "part of", "value": "University of Oxford"}]},
    {"id": "local:leeds", "label": "University of Leeds", "type": "organization", "source": SRC,
     "facts": []},
    {"id": "local:minister-culture", "label": "Minister of Culture", "type": "position",
     "source": SRC, "facts": []},
    {"id": "local:varga-prize", "label": "Varga Prize", "type": "award", "source": SRC,
     "facts": [{"property": "inception", "value": 1965},
               {"property": "founded by", "value": "Ines Varga"}]},
    {"id": "local:ruins", "label": "Love Among the Ruins", "type": "work", "source": SRC,
     "facts": [{"property": "publication date", "value": 1973},
               {"property": "creator", "value": "Ines Varga"}]},
    {"id": "local:harbour", "label": "Harbour", "type": "work", "source": SRC,
     "facts": [{"property": "publication date", "value": 1958},
               {"property": "creator", "value": "Ines Varga"}]},
    {"id": "local:long-winter", "label": "The Long Winter", "type": "work", "source": SRC,
     "facts": [{"property": "publication date", "value": 1968}]},
    {"id": "local:peter-ashdown", "label": "Peter Ashdown", "type": "person",
     "aliases": ["Ashdown"], "source": SRC, "facts": [
         {"property": "date of birth", "value": "1960-02-03"},
         {"property": "award received", "value": "Knight Bachelor", "point in time": 1990},
         {"property": "member of sports team", "value": "Riverside United", "start": 2012,
          "end": 2019},
     ]},
    {"id": "local:knight-bachelor", "label": "Knight Bachelor", "type": "award", "source": SRC,
     "facts": []},
    {"id": "local:riverside", "label": "Riverside United", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:budapest-weekly", "label": "Budapest Weekly", "type": "work", "source": SRC,
     "description": "weekly news magazine", "facts": [{"property": "inception", "value": 1920}]},
    {"id": "local:pannonia-academy", "label": "Pannonia Academy", "type": "organization",
     "source": SRC, "facts": [{"property": "inception", "value": 1890}]},
    {"id": "local:night-train", "label": "Night Train to Szeged", "type": "work", "source": SRC,
     "description": "1985 novel by Ines Varga",
     "facts": [{"property": "publication date", "value": 1985},
               {"property": "author", "value": "Ines Varga"}]},
    {"id": "local:river-book", "label": "The River Years", "type": "work", "source": SRC,
     "description": "1992 memoir by Ines Varga",
     "facts": [{"property": "publication date", "value": 1992},
               {"property": "author", "value": "Ines Varga"}]},
    {"id": "local:orchard-keeper", "label": "The Orchard Keeper", "type": "work",
     "source": SRC, "facts": [{"property": "publication date", "value": 1928},
                              {"property": "author", "value": "Lajos Kende"}]},
    {"id": "local:quiet-rooms", "label": "Quiet Rooms", "type": "work", "source": SRC,
     "facts": [{"property": "author", "value": "Ines Varga"}]},
    {"id": "local:green-union", "label": "Green Union", "type": "organization", "source": SRC,
     "description": "Hungarian political party", "facts": []},
    {"id": "local:lajos-kende", "label": "Lajos Kende", "type": "person", "source": SRC,
     "facts": [{"property": "date of death", "value": "1980-04-02"}]},
    {"id": "local:danube-circle", "label": "Danube Writers' Circle", "type": "organization",
     "source": SRC, "facts": [{"property": "inception", "value": 1962},
                              {"property": "founded by", "value": "Ines Varga"},
                              {"property": "founded by", "value": "Peter Ashdown"}]},
]

# A second invented person, for the constructions of held-out set 15.
OLENKO = "Mara Olenko"
ENTITIES += [
    {"id": "local:mara-olenko", "label": OLENKO, "type": "person", "aliases": ["Olenko"],
     "source": SRC, "facts": [
         {"property": "date of birth", "value": "1930-09-09"},
         {"property": "educated at", "value": "Kessler Institute", "start": 1950, "end": 1954,
          "qualifiers": {"academic degree": "Bachelor of Arts"}},
         {"property": "doctoral advisor", "value": "Jonas Petrak"},
         {"property": "employer", "value": "Harbour County Prosecutor's Office", "start": 1958,
          "end": 1963, "qualifiers": {"subject has role": "assistant prosecutor"}},
         {"property": "award received", "value": "Delacroix Medal", "point in time": 1971},
         {"property": "member of", "value": "Royal Academy of Letters", "start": 1966},
         {"property": "position held", "value": "Chair of the Lumen Fund",
          "qualifiers": {"of": "Lumen Fund"}, "start": 1975, "end": 1980},
         {"property": "position held", "value": "film critic",
          "qualifiers": {"of": "The Harwick Review"}, "start": 1962, "end": 1964},
         {"property": "position held", "value": "Senior Counsel", "start": 1981, "end": 1990},
         {"property": "position held", "value": "Emeritus Senior Counsel", "start": 1990},
         {"property": "award received", "value": "Lawyers Guild Medal", "point in time": 1985,
          "qualifiers": {"together with": "Jonas Petrak"}},
         {"property": "award received", "value": "honorary doctorate", "point in time": 1982,
          "qualifiers": {"of": "Harwick Institute"}},
         {"property": "award received", "value": "Lawyers Guild Gold Medal",
          "point in time": 1985},
         {"property": "award received", "value": "Harbour Festival Gold Medal",
          "point in time": 1979},
         {"property": "position held", "value": "President of the Lawyers Guild",
          "qualifiers": {"of": "Lawyers Guild"}, "start": 1988, "end": 1992},
     ]},
    {"id": "local:lawyers-guild", "label": "Lawyers Guild", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:guild-gold", "label": "Lawyers Guild Gold Medal", "type": "award",
     "aliases": ["Gold Medal"], "source": SRC, "facts": []},
    {"id": "local:no-quarter", "label": "No Quarter Given", "type": "work", "source": SRC,
     "description": "1966 memoir by Mara Olenko",
     "facts": [{"property": "publication date", "value": 1966},
               {"property": "author", "value": OLENKO}]},
    {"id": "local:harbour-to-sea", "label": "From Harbour to Sea", "type": "work",
     "source": SRC, "facts": [{"property": "publication date", "value": 1975},
                              {"property": "follows", "value": "Salt Roads"},
                              {"property": "author", "value": OLENKO}]},
    {"id": "local:olenko-trust", "label": "Olenko Trust", "type": "organization",
     "source": SRC, "facts": [{"property": "inception", "value": 1990},
                              {"property": "founded by", "value": OLENKO}]},
    {"id": "local:harbour-festival", "label": "Harbour Festival", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:festival-gold", "label": "Harbour Festival Gold Medal", "type": "award",
     "source": SRC, "facts": []},
    {"id": "local:honorary-doctorate", "label": "honorary doctorate", "type": "award",
     "source": SRC, "facts": []},
    {"id": "local:harbour-memorial", "label": "Harbour Strike Memorial", "type": "work",
     "source": SRC, "facts": [{"property": "inception", "value": 1977},
                              {"property": "creator", "value": OLENKO}]},
    {"id": "local:trial-film", "label": "The Olenko Trial", "type": "work", "source": SRC,
     "facts": [{"property": "publication date", "value": 1983},
               {"property": "based on", "value": "Winter Letters"}]},
    {"id": "local:guild-medal", "label": "Lawyers Guild Medal", "type": "award", "source": SRC,
     "facts": []},
    {"id": "local:kessler", "label": "Kessler Institute", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:harbour-office", "label": "Harbour County Prosecutor's Office",
     "type": "organization", "source": SRC, "facts": []},
    {"id": "local:northgate-office", "label": "Northgate County Prosecutor's Office",
     "type": "organization", "source": SRC, "facts": []},
    {"id": "local:delacroix", "label": "Delacroix Medal", "type": "award", "source": SRC,
     "facts": []},
    {"id": "local:academy-letters", "label": "Royal Academy of Letters", "type": "organization",
     "source": SRC, "facts": []},
    {"id": "local:lumen", "label": "Lumen Fund", "type": "organization", "source": SRC,
     "facts": [{"property": "inception", "value": 1968},
               {"property": "founded by", "value": "Jonas Petrak"}]},
    {"id": "local:northgate-grammar", "label": "Northgate Grammar School", "type": "organization",
     "description": "secondary school in Northgate", "source": SRC, "facts": []},
    {"id": "local:harwick", "label": "Harwick Institute", "type": "organization",
     "description": "private university", "source": SRC, "facts": []},
    {"id": "local:lumen-chair", "label": "Chair of the Lumen Fund", "type": "position",
     "source": SRC, "facts": [{"property": "part of", "value": "Lumen Fund"}]},
    {"id": "local:petrak", "label": "Jonas Petrak", "type": "person", "source": SRC,
     "facts": [{"property": "employer", "value": "Kessler Institute", "start": 1950,
                "end": 1980},
               {"property": "date of death", "value": "2001-04-02"}]},
    {"id": "local:brunn", "label": "Ilse Brunn", "type": "person", "source": SRC, "facts": []},
    {"id": "local:glass-orchard", "label": "The Glass Orchard", "type": "work", "source": SRC,
     "description": "1962 novel by Mara Olenko",
     "facts": [{"property": "publication date", "value": 1962},
               {"property": "author", "value": OLENKO}]},
    {"id": "local:salt-roads", "label": "Salt Roads", "type": "work", "source": SRC,
     "description": "1970 novel by Mara Olenko",
     "facts": [{"property": "publication date", "value": 1970},
               {"property": "author", "value": OLENKO}]},
    {"id": "local:winter-letters", "label": "Winter Letters", "type": "work", "source": SRC,
     "description": "1979 novel by Mara Olenko",
     "facts": [{"property": "publication date", "value": 1979},
               {"property": "author", "value": OLENKO}]},
    {"id": "local:brandt-act", "label": "Brandt Act", "type": "work", "source": SRC,
     "facts": [{"property": "publication date", "value": 1961}]},
    {"id": "local:olenko-act", "label": "Olenko Act", "type": "work", "source": SRC,
     "facts": [{"property": "publication date", "value": 1968},
               {"property": "replaces", "value": "Brandt Act"}]},
]

Check = Callable[[str], list[Flag]]


@pytest.fixture(scope="module")
def analyze(tmp_path_factory: pytest.TempPathFactory, kb_writer: Callable[..., Path],
            kb_analyzer: Callable[..., tuple[Any, Any]],
            check_text: Callable[..., Any]) -> Callable[..., tuple[Any, list[Flag]]]:
    """``analyze(text, as_of)`` -> (analysis, flags) with the KB above."""
    kb, analyzer = kb_analyzer([kb_writer(tmp_path_factory.mktemp("kb"), ENTITIES)])

    def run(text: str, as_of: date = date(2024, 6, 1)) -> tuple[Any, list[Flag]]:
        analysis, _, flags = check_text(text, kb=kb, analyzer=analyzer, as_of=as_of)
        return analysis, flags

    return run


@pytest.fixture(scope="module")
def check(analyze: Callable[..., tuple[Any, list[Flag]]]) -> Check:
    def run(text: str, as_of: date = date(2024, 6, 1)) -> list[Flag]:
        return analyze(text, as_of)[1]

    return run


def varga(*sentences: str) -> str:
    return "Ines Varga\n\nInes Varga was a Hungarian novelist. " + " ".join(sentences) + "\n"


def on(flags: list[Flag], text: str, category: str | None = None) -> list[Flag]:
    return [f for f in flags if text in f.sentence and category in (None, f.category)]


def test_relative_clause_is_about_its_antecedent(check: Check) -> None:
    flags = check(varga("She was survived by her son, Tomas Varga, who teaches at the "
                        "University of Leeds."))
    assert not on(flags, "who teaches"), flags  # his post, not hers (hers ended in 1990)


def test_appointee_is_the_object(check: Check) -> None:
    flags = check(varga("In March 1970 the president appointed her Minister of Culture."))
    assert not on(flags, "appointed her"), flags


def test_sibling_college_is_a_mismatch(check: Check) -> None:
    flags = check(varga("She read history at Balliol College, Oxford, from 1949."))
    (flag,) = on(flags, "Balliol", "fact_mismatch")
    assert "Somerville" in flag.message


def test_fronted_date_over_two_events_is_conflation(check: Check) -> None:
    flags = check(varga("In 1962 she moved to Paris and founded the Varga Prize."))
    (flag,) = on(flags, "Varga Prize", "conflation")
    assert "1965" in flag.message


@pytest.mark.parametrize(("sentence", "year"), [
    ("Love Among the Ruins, published in 1975, made her famous.", "1973"),
    ("Harbour, her second novel, appeared in 1960.", "1958"),
    ("Her screenplay for The Long Winter, released in 1970, won praise.", "1968"),
])
def test_work_dates_in_participles_and_appositions(check: Check, sentence: str,
                                                   year: str) -> None:
    flags = check(varga(sentence))
    (flag,) = on(flags, sentence[:12], "date_mismatch")
    assert year in flag.message


def test_season_after_death(check: Check) -> None:
    flags = check(varga("She died in Budapest on 2 March 1999.",
                        "In the autumn of 1999 Varga travelled to Lisbon to give a reading."))
    (flag,) = on(flags, "autumn of 1999", "internal_inconsistency")
    assert "autumn of 1999" in flag.message


def test_exact_age_when_both_dates_give_the_month(check: Check) -> None:
    flags = check(varga("She was born on 14 May 1931.",
                        "On 1 April 1961, at 30, she published her first book.",
                        "On 1 June 1962, at 31, she married."))
    assert on(flags, "1 April 1961", "internal_inconsistency")
    assert not on(flags, "1 June 1962")


def test_birthday(check: Check) -> None:
    flags = check(varga("She was born on 14 May 1931.",
                        "She retired in 1997, a week before her 65th birthday.",
                        "She moved to Leeds in 1976, shortly before her forty-fifth birthday."))
    assert on(flags, "retired in 1997", "internal_inconsistency")
    assert not on(flags, "moved to Leeds")


def test_place_inside_and_venue_are_not_other_towns(check: Check) -> None:
    flags = check(varga("She was born in Óbuda, Budapest, in 1931.",
                        "She died at the Hotel Astoria, aged 67."))
    assert not [f for f in flags if f.category == "fact_mismatch"], flags


def test_superlatives_with_measure_or_as_epithet_pass(check: Check) -> None:
    flags = check(varga(
        "Her novel sold 20 million copies and is reckoned the best-selling Hungarian novel ever.",
        "The greatest stylist of her generation never owned a typewriter.",
        "She is the greatest novelist of all time."))
    assert [f.sentence for f in flags if f.category == "unsupported_claim"] == [
        "She is the greatest novelist of all time."]


def ashdown(*sentences: str) -> str:
    return "Peter Ashdown\n\nPeter Ashdown is a footballer. " + " ".join(sentences) + "\n"


def test_knighted_is_an_award_with_its_date(check: Check) -> None:
    flags = check(ashdown("The Queen knighted him in 1991."))
    (flag,) = on(flags, "knighted", "date_mismatch")
    assert "1990" in flag.message
    assert any("Knight Bachelor" in e.statement for e in flag.evidence)


def test_team_membership_goes_stale(check: Check) -> None:
    flags = check(ashdown("Today he plays as a defender for Riverside United."))
    (flag,) = on(flags, "Riverside United", "stale_claim")
    assert "2019" in flag.message


def test_half_a_century_ago() -> None:
    from analysis.timex import find_timexes

    (found, _) = find_timexes("She died half a century ago today.", date(2026, 1, 12))
    assert found.value == "1976"


def test_then_age_at_the_date_in_focus(check: Check) -> None:
    flags = check(varga("She was born on 14 May 1931.",
                        "In March 1961, after a long dispute with her publisher over the rights "
                        "to her first two novels, she left Budapest for good; Varga, then 31, "
                        "settled in Vienna."))
    (flag,) = on(flags, "then 31", "internal_inconsistency")
    assert "29" in flag.message


def test_someone_elses_age_and_new_universal_comparisons(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "On 6 July 1960 a nine-year-old orphan, Pal Kiss, came to live with her.",
        "No one alive understands the Hungarian novel better than she does.",
        "No writer in the language has ever been read by as many schoolchildren."))
    assert not on(flags, "nine-year-old"), flags
    assert len([f for f in flags if f.category == "unsupported_claim"]) == 2


def test_html_quote_with_attribution_paragraph(check_text: Callable[..., Any]) -> None:
    html = ("<html><head><title>Ines Varga</title></head><body><h1>Ines Varga</h1>"
            "<p>Ines Varga wrote novels and gave many readings in Vienna.</p>"
            "<blockquote><p>\u201cI write to find out what I think about the city.\u201d</p>"
            "<p class=\"attribution\">Ines Varga, interview with the Pester Lloyd, "
            "3 May 1975</p></blockquote></body></html>")
    _, _, flags = check_text(html, fmt="html")
    assert not [f for f in flags if f.category == "vague_attribution"], flags


def test_two_towns_and_a_party(check: Check) -> None:
    flags = check(varga("Ines Varga was born on 14 May 1931 in Szeged.",
                        "That July she also joined the Hungarian Writers' Party.",
                        "In 1979 she took over from Ferenc Kiss as president of the Hungarian "
                        "PEN Club."))
    (born,) = on(flags, "in Szeged", "fact_mismatch")
    assert "Budapest" in born.message
    (party,) = on(flags, "Writers' Party", "fact_mismatch")
    assert "National Peasant Party" in party.message
    (pen,) = on(flags, "took over", "date_mismatch")
    assert "1981" in pen.message


def test_ceo_and_a_board_seat_in_one_entry(check: Check) -> None:
    text = ("Ines Varga\n\nInes Varga was a Hungarian novelist and publisher.\n\nKey dates\n\n"
            "- 1991: Named CEO of Danubia Press and joined the board of Danubia Press.\n")
    flags = check(text)
    (flag,) = [f for f in flags if "1991:" in f.sentence]
    assert flag.category == "conflation" and "1993" in flag.message


def test_entries_and_clauses_keep_their_own_subjects_and_dates(check: Check) -> None:
    text = ("Ines Varga\n\nInes Varga was a Hungarian novelist.\n\nKey dates\n\n"
            "- 1931: Born on 14 May in Budapest.\n"
            "- 1956: Loses her post at the ministry in the uprising in which her brother "
            "is killed; she leaves for Vienna.\n"
            "- 1970: Appointed Minister of Culture.\n")
    flags = check(text)
    assert not [f for f in flags if "after the subject died" in f.message], flags
    flags = check(varga("In 1976 she was appointed to a chair at the University of Leeds, where "
                        "her first play, still performed today, was staged in November 1980."))
    assert not on(flags, "appointed to a chair"), flags


def test_pronoun_title_and_purpose_are_not_claims(check: Check) -> None:
    flags = check(varga(
        "Also in 1980 she appeared as a guest in an episode of Love Among the Ruins: The Series, "
        "the first novelist to do so.",
        "Today she leads a foundation set up to ensure that young writers are paid.",
        "No writer in Hungary's history has done more for translators than Varga."))
    assert not [f for f in flags if f.category == "date_mismatch"], flags
    assert [f.sentence[:9] for f in flags if f.category == "unsupported_claim"] == ["No writer"]


def test_html_quote_with_plain_source_paragraph(check_text: Callable[..., Any]) -> None:
    html = ("<html><head><title>Ines Varga</title></head><body><h1>Ines Varga</h1>"
            "<p>Ines Varga wrote novels and gave many readings in Vienna.</p>"
            "<blockquote><p>\"I write to find out what I think about the city.\"</p>"
            "<p>Ines Varga, speaking to reporters in Vienna on 3 May 1975</p></blockquote>"
            "</body></html>")
    analysis, _, flags = check_text(html, fmt="html")
    (quote,) = [b for b in analysis.article.blocks if b.kind == "pull_quote"]
    assert quote.attribution and quote.attribution.startswith("Ines Varga, speaking")
    assert not [f for f in flags if f.category == "vague_attribution"], flags


def test_quarter_final_caps_and_past_still(check: Check) -> None:
    from analysis.timex import find_timexes

    texts = [t.text for t in find_timexes("In the quarter-final on 22 June 1986 he scored.",
                                          date(2020, 11, 26))]
    assert texts == ["22 June 1986"]
    flags = check(ashdown(
        "In all he won 40 caps for Riverside United over nine years.",
        "He later coached at Riverside United, the club he was still coaching in 2021."))
    assert not [f for f in flags if f.category in ("fact_mismatch", "stale_claim")], flags


def test_a_periodical_and_an_announcing_body_are_not_what_was_released(check: Check) -> None:
    flags = check(varga(
        "In an essay published in the Budapest Weekly on 3 May 1975, she wrote about exile.",
        "On 2 October 1990 the Pannonia Academy announced that it would reissue her novels."))
    assert not [f for f in flags if f.category == "date_mismatch"], flags


def test_a_board_named_after_the_company_is_a_seat(check: Check) -> None:
    text = ("Ines Varga\n\nInes Varga was a Hungarian novelist and publisher. In 1991 she "
            "joined Danubia Press as chief executive.\n\nKey dates\n\n"
            "- 1993: Joins Danubia Press's board of directors.\n")
    assert not [f for f in check(text) if "1993:" in f.sentence]


def test_a_date_borrowed_from_an_earlier_post_is_a_date_mismatch(check: Check) -> None:
    flags = check(varga("In 1970 she became president of the Hungarian PEN Club, after a "
                        "spell as Minister of Culture."))
    (flag,) = on(flags, "In 1970")
    assert flag.category == "date_mismatch" and "1981" in flag.message


def test_an_age_and_the_date_of_the_next_listed_clause(check: Check) -> None:
    flags = check(varga("She was born on 14 May 1931.",
                        "She entered Somerville College at eighteen, published two stories in "
                        "1953 and married in 1955."))
    assert not on(flags, "at eighteen"), flags


@pytest.mark.parametrize(("interval", "flagged"), [("thirty-four", False), ("twenty", True)])
def test_an_event_word_that_names_two_events(check: Check, interval: str, flagged: bool) -> None:
    flags = check(varga("She left Budapest in 1956 with a single suitcase.",
                        "She left Vienna in 1975 for a post in England.",
                        f"In 1990 she came home, {interval} years after she had left."))
    assert bool(on(flags, "came home", "internal_inconsistency")) is flagged, flags


def test_remains_and_a_named_age(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "Her son was born in 1950, when Varga was just sixteen.",
        "She remains president of the Hungarian PEN Club, the post she took in 1981."))
    (age,) = on(flags, "just sixteen", "internal_inconsistency")
    assert "18 or 19" in age.message
    (stale,) = on(flags, "remains president", "stale_claim")
    assert "1989" in stale.message


def test_chief_roles_differ_by_their_middle_word() -> None:
    from analysis.checks.kb_match import role_matches

    assert not role_matches("chief operating officer", "chief executive officer of Apple")
    assert role_matches("CEO", "chief executive officer of Apple")
    assert role_matches("chief operating officer", "Chief Operating Officer")
    # two roles joined by "and": either may be the KB's
    assert role_matches("Vice President and Chief AI Scientist", "Chief AI Scientist")
    assert not role_matches("Vice President and Chief AI Scientist", "President")


@pytest.mark.parametrize(("partner", "flagged"), [("Tomas Varga", True), ("Ashdown", False)])
def test_co_founders(check: Check, partner: str, flagged: bool) -> None:
    flags = check(varga(f"In 1962 she founded the Danube Writers' Circle with {partner}."))
    found = on(flags, "founded the Danube", "fact_mismatch")
    assert bool(found) is flagged, flags
    if flagged:
        assert "Peter Ashdown" in found[0].message and "Tomas Varga" in found[0].message


def test_latest_book_when_the_kb_has_a_later_one(check: Check) -> None:
    flags = check(varga("Her latest book, Night Train to Szeged, is a study of exile."),
                  as_of=date(1995, 1, 1))
    (flag,) = on(flags, "latest book", "stale_claim")
    assert "The River Years" in flag.message and flag.evidence
    assert not on(check(varga("Her latest book, The River Years, is a memoir.")
                        .replace("Ines Varga was", "Ines Varga is"), as_of=date(1993, 1, 1)),
                  "latest book")


def test_family_births_reporters_and_company_suffixes(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "In 1952 she married Tomas Varga, an engineer; their only child, a son named Pal, was "
        "born two years later.",
        "In 1961 Varga attended the congress in Vienna as a reporter for the Budapest Weekly.",
        "She was chief executive officer of Danubia Press Company from 1991."))
    assert not [f for f in flags if f.category in ("date_mismatch", "fact_mismatch",
                                                   "internal_inconsistency")], flags


@pytest.mark.parametrize(("span", "flagged"), [("thirty", False), ("twenty", True)])
def test_later_counted_from_the_same_sentence(check: Check, span: str, flagged: bool) -> None:
    flags = check(varga("In 1949 she entered Somerville College, Oxford.",
                        f"In January 1960 she married; the marriage lasted until 1990, {span} "
                        "years later."))
    assert bool(on(flags, "years later", "internal_inconsistency")) is flagged, flags


def test_repeated_sayings_and_absolutes(check: Check) -> None:
    flags = check(varga(
        'As she has said many times, "A novel is a long letter to a stranger."',
        "No novelist of her generation has ever been so widely translated.",
        "With Varga at the helm, the press's future is assured.",
        "She was assured by her editor that the book would sell.",
        "No reviewer has ever called her prose plain."))
    vague = [f for f in flags if f.category == "vague_attribution"]
    assert len(vague) == 1 and "many times" in vague[0].message
    assert sorted(f.sentence[:12] for f in flags if f.category == "unsupported_claim") == [
        "No novelist ", "With Varga a"]


def test_until_ends_a_role_and_entry_clauses_after_a_semicolon(check: Check) -> None:
    flags = check(varga(
        "After the war she was named chief executive officer of Danubia Press, a post she held "
        "until 2004."))
    assert not [f for f in flags if f.category == "date_mismatch"], flags
    text = ("Ines Varga\n\nInes Varga was a Hungarian novelist.\n\nKey dates\n\n"
            "- 1999: Marries Lajos Kende; dies in Budapest on 2 March.\n")
    flags = check(text)
    assert not [f for f in flags if "Kende" in f.message], flags


def test_a_pronoun_does_not_reach_back_paragraphs(check: Check) -> None:
    flags = check(varga(
        "Her closest friend was the critic Lajos Kende.",
        "She spent the war in the country. Her childhood was quiet. Her school was small.",
        "She lived with her father until his death in 1975."))
    assert not [f for f in flags if "Kende" in f.message], flags


def test_recently_founded_deeper_influence_and_one_of_many_talks(check: Check) -> None:
    flags = check(varga(
        "The Danube Writers' Circle, which she founded recently, meets monthly.",
        "No novelist of her time has had a deeper influence on Hungarian prose.",
        'As she said in one of many conversations with students, "Write the thing you fear."'),
        as_of=date(2000, 1, 1))
    (stale,) = on(flags, "founded recently", "stale_claim")
    assert "1962" in stale.message
    assert on(flags, "deeper influence", "unsupported_claim")
    assert on(flags, "one of many conversations", "vague_attribution")


def test_a_person_before_a_descriptive_apposition(check: Check) -> None:
    flags = check(ashdown("His club was later coached by Peter Ashdown, the former Danubia Press "
                          "reader who now plays for Riverside United."))
    (stale,) = [f for f in flags if f.category == "stale_claim"]
    assert "2019" in stale.message  # Ashdown's membership, not one of Danubia Press's


def test_set_14_false_alarms_in_general_form(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "She wrote the screenplay for Night Train to Szeged, adapted from Lajos Kende's "
        "The Orchard Keeper (1928).",
        "After the fall of the Berlin Wall she joined the Green Union in 1990.",
        "Over the course of the Vienna festival she was awarded three prizes.",
        "She was elected President of the Hungarian PEN Club in late 1980."))
    assert not [f for f in flags if f.category in ("internal_inconsistency", "fact_mismatch",
                                                   "date_mismatch")], flags
    text = ("Ines Varga\n\nInes Varga was a Hungarian novelist.\n\nKey dates\n\n"
            "- 1990: Night Train to Szeged (reissued); appointed Minister of Culture\n")
    assert not [f for f in check(text) if "Night Train" in f.message], check(text)


def test_remains_a_member(check: Check) -> None:
    (flag,) = [f for f in check(ashdown("He also remains a member of Riverside United."))
               if f.category == "stale_claim"]
    assert "2019" in flag.message


@pytest.mark.parametrize("sentence", [
    "Critics praised Danubia Press's recent Night Train to Szeged.",
    "Night Train to Szeged, Danubia Press's recent bestseller, sold well.",
])
def test_recent_is_the_work_not_its_publisher(check: Check, sentence: str) -> None:
    (flag,) = [f for f in check(varga(sentence), as_of=date(1995, 1, 1))
               if f.category == "stale_claim"]
    assert "Night Train to Szeged (1985)" in flag.message, flag.message


def test_the_year_clause_takes_the_date_before_it(check: Check) -> None:
    flags = check(varga("In 1962, the year she founded the Danube Writers' Circle, she also "
                        "joined the University of Leeds."))
    (flag,) = on(flags, "In 1962")
    assert flag.category == "conflation" and "1976" in flag.message


def test_one_work_dated_twice_with_its_maker_unnamed(check: Check) -> None:
    text = ("Ines Varga\n\nInes Varga was a Hungarian novelist. Her stories, among them Quiet "
            "Rooms, which appeared in a Budapest weekly in 1979, made her name.\n\nKey dates\n\n"
            "- 1980: Quiet Rooms is published in the Budapest Weekly.\n")
    (flag,) = [f for f in check(text) if f.category == "internal_inconsistency"]
    assert flag.sentence.startswith("1980:") and "1979" in flag.message


def test_supposed_sayings_and_comparisons_with_a_comma(check: Check) -> None:
    flags = check(varga(
        'Of the first novel she is supposed to have said, "I wrote it to stay alive."',
        "No novelist, before or since, has meant more to the city.",
        "No novelist, she told friends, has time for parties."))
    assert on(flags, "supposed to have said", "vague_attribution")
    assert [f.sentence[:20] for f in flags if f.category == "unsupported_claim"] == [
        "No novelist, before "]


def olenko(*sentences: str) -> str:
    return f"{OLENKO}\n\n{OLENKO} was a lawyer and novelist. " + " ".join(sentences) + "\n"


def olenko_dates(*entries: str) -> str:
    return f"{OLENKO}\n\n{OLENKO} was a lawyer and novelist.\n\nKey dates\n\n" + "".join(
        f"- {e}\n" for e in entries)


def test_an_award_given_to_her(check: Check) -> None:
    flags = check(olenko("In 1969 the Royal Academy of Letters gave her its Delacroix Medal.",
                         "In 1971 she was given the Delacroix Medal."))
    (flag,) = on(flags, "In 1969", "date_mismatch")
    assert "1971" in flag.message
    assert not on(flags, "In 1971")


def test_fronted_date_is_not_taken_by_a_clause_of_its_own(check: Check) -> None:
    flags = check(olenko("In 1969 she received the Delacroix Medal, and in Paris she was given "
                         "the Golden Quill in 1971."))
    (flag,) = on(flags, "In 1969", "date_mismatch")
    assert "1969" in flag.message and "1971" in flag.message


def test_graduated_is_the_end_of_the_studies(check: Check) -> None:
    (flag,) = on(check(olenko("She graduated from the Kessler Institute in 1952.")),
                 "graduated", "date_mismatch")
    assert "1954" in flag.message
    assert not check(olenko("She graduated from the Kessler Institute in 1954.",
                            "She was studying at the Kessler Institute in 1952."))


def test_a_role_at_the_wrong_office(check: Check) -> None:
    flags = check(olenko("From 1958 to 1963 she was an assistant prosecutor in the Northgate "
                         "County Prosecutor's Office."))
    (flag,) = on(flags, "Northgate", "fact_mismatch")
    assert "Harbour County" in flag.message


def test_conjoined_verbs_of_a_dated_entry_share_its_date(check: Check) -> None:
    flags = check(olenko_dates(
        "1971: Awarded the Delacroix Medal and elected to the Royal Academy of Letters"))
    (flag,) = on(flags, "1971:", "conflation")
    assert "1966" in flag.message


def test_founding_chairman_of_an_organisation(check: Check) -> None:
    assert not check(olenko_dates("1975: Named founding chairman of the Lumen Fund"))
    (flag,) = check(olenko_dates("1977: Named founding chairman of the Lumen Fund"))
    assert flag.category == "date_mismatch" and "1975" in flag.message


def test_a_name_given_by_a_participle(check: Check) -> None:
    flags = check(olenko(
        "The reform she drafted, passed in 1961 and known ever since as the Olenko Act, "
        "ended the old rules.",
        'Her first manuscript, written up as "The Glass Orchard," was published in 1960.'))
    (law,) = on(flags, "reform", "date_mismatch")
    assert "1961 is the date of Brandt Act" in law.message
    (book,) = on(flags, "manuscript", "date_mismatch")
    assert "1962" in book.message


def test_a_work_that_arrived(check: Check) -> None:
    (flag,) = on(check(olenko("A second novel, Salt Roads, arrived in 1972.")), "Salt Roads",
                 "date_mismatch")
    assert "1970" in flag.message


def test_latest_after_the_title(check: Check) -> None:
    (flag,) = [f for f in check(olenko("Salt Roads (1970), her latest novel, sold well."),
                                as_of=date(1985, 1, 1)) if f.category == "stale_claim"]
    assert "Winter Letters" in flag.message


def test_advisor_named_with_as(check: Check) -> None:
    (flag,) = on(check(olenko("She took her doctorate in 1958, with Ilse Brunn as her doctoral "
                              "advisor.")), "Ilse Brunn", "fact_mismatch")
    assert "Jonas Petrak" in flag.message
    assert not check(olenko("She took her doctorate in 1958, with Jonas Petrak as her advisor."))


def test_measured_rankings_and_opinions_held_by_others(check: Check) -> None:
    flags = check(olenko("A 1970 contract made her the best-paid lawyer in the world.",
                         "She led a firm that many still consider the finest ever assembled.",
                         "She led the finest firm ever assembled."))
    assert [f.sentence[:20] for f in flags if f.category == "unsupported_claim"] == [
        "She led the finest f"]


def test_block_quotation_introduced_by_the_paragraph_before(
        check_text: Callable[..., Any]) -> None:
    html = ("<html><head><title>Mara Olenko</title></head><body><h1>Mara Olenko</h1>"
            "<p>Mara Olenko was a lawyer. At her press conference on the day she retired she "
            "said:</p><blockquote>\"I argued every case as if it were my last.\"</blockquote>"
            "<p>Later she wrote:</p><blockquote>\"Nothing is lost.\"</blockquote>"
            "<p>As she put it in various interviews:</p>"
            "<blockquote>\"The law keeps its promises.\"</blockquote></body></html>")
    _, _, flags = check_text(html, fmt="html")
    vague = [f for f in flags if f.category == "vague_attribution"]
    assert [f.sentence[:7] for f in vague] == ["Nothing", "The law"], vague
    assert "in various interviews" in vague[1].message


def test_set_15_false_alarms_in_general_form(check: Check) -> None:
    flags = check(varga("The honours did not stop with her death: in 2001 she was elected to "
                        "the Pannonia Academy.",
                        "In 1958 she married Tomas Varga, and the two later founded the Danube "
                        "Writers' Circle."))
    assert not [f for f in flags if f.category in ("date_mismatch", "conflation")], flags
    assert not check(olenko("In 1958 she joined the Northgate County Prosecutor's Office's "
                            "trial clinic at the Harbour County Prosecutor's Office."))


def test_an_emeritus_title_is_another_post(check: Check) -> None:
    (flag,) = check(olenko("She now serves as Senior Counsel."))
    assert flag.category == "stale_claim" and "1990" in flag.message
    assert not check(olenko("She now serves as Emeritus Senior Counsel."))


def test_a_title_named_with_its_owner_and_shared(check: Check) -> None:
    flags = check(olenko("In 1985 the Lawyers Guild made her its Medal laureate, an honour "
                         "she shared with Ilse Brunn."))
    assert not flags, flags  # "its Medal laureate" is no title the KB knows
    flags = check(olenko("In 1985 the Lawyers Guild gave her its Medal, an honour she shared "
                         "with Ilse Brunn."))
    (flag,) = on(flags, "Lawyers Guild", "fact_mismatch")
    assert "Jonas Petrak" in flag.message
    (flag,) = on(check(olenko("She won the Lawyers Guild Medal, an honour she shared with Ilse "
                              "Brunn.")), "won", "fact_mismatch")
    assert "Jonas Petrak" in flag.message


def test_years_after_the_wedding(check: Check) -> None:
    flags = check(varga("On 2 June 1955 she married Andras Bell, a painter.",
                        "Their son was born in 1959, three years after the wedding."))
    (flag,) = on(flags, "after the wedding", "internal_inconsistency")
    assert "1955 + 3 is 1958" in flag.message
    assert not check(varga("On 2 June 1955 she married Andras Bell, a painter.",
                           "Their son was born in 1958, three years after the wedding."))


def test_a_saying_credited_to_her(check: Check) -> None:
    flags = check(olenko('"A late brief is a lost brief," as the saying usually credited to her '
                         'goes.',
                         '"Read the file twice," a line attributed to her by The Harbour Times '
                         'in 1979, hung in her office.'))
    assert [f.sentence[:12] for f in flags if f.category == "vague_attribution"] == [
        '"A late brie'], flags


def test_set_16_false_alarms_in_general_form(check: Check,
                                             check_text: Callable[..., Any]) -> None:
    flags = check(olenko(
        "She was born on 9 September 1930.",
        "She began reading law at 17 and won the Harbour moot prize in 1952.",
        "In 1955 she moved to the city, winning the Formula Ford 1600 title as a hobby.",
        "She published The Glass Orchard, a novel of the war, and in 1970 Salt Roads.",
        "She attended the Northgate Grammar School and the Kessler Institute.",
        "She ran the fund for five years, until the Royal Academy of Letters removed her from "
        "her post in 1980."))
    assert not flags, flags
    html = ("<html><head><title>Mara Olenko</title></head><body><h1>Mara Olenko</h1>"
            "<blockquote class=\"pullquote\">\"Read the file twice, then read it again.\""
            "</blockquote><p>\"Read the file twice, then read it again,\" she told the Harbour "
            "Times in an interview on 3 May 1979.</p></body></html>")
    _, _, flags = check_text(html, fmt="html")
    assert not flags, flags


def test_set_16_constructions_in_general_form(check: Check) -> None:
    flags = check(olenko("She was born on 9 September 1930.",
                         "She began reading law at 13 in 1948.",
                         "She attended the Harwick Institute."))
    assert on(flags, "at 13", "internal_inconsistency")  # 17 or 18 in 1948
    assert on(flags, "Harwick", "fact_mismatch")
    (flag,) = check(olenko("In 1975 she joined the Lumen Fund, the charity Jonas Petrak had "
                           "founded in 1961."))
    assert flag.category == "date_mismatch" and "1968" in flag.message
    (flag,) = check(olenko("Her mentor Jonas Petrak, who still teaches at the Kessler Institute, "
                           "came to the hearing."))
    assert flag.category == "stale_claim" and "1980" in flag.message
    assert "Jonas Petrak's post at Kessler Institute" in flag.message  # whose post


def test_someone_elses_present_membership(check: Check) -> None:
    (flag,) = [f for f in check(varga("Peter Ashdown, who still races for Riverside United, "
                                      "spoke at the funeral."))
               if f.category == "stale_claim"]
    assert "Peter Ashdown's membership of Riverside United ended in 2019" in flag.message


def test_universal_comparisons_of_manner_and_speed(check: Check) -> None:
    flags = check(olenko("No advocate has ever been quicker on her feet in court.",
                         "No lawyer of her generation argued with greater economy.",
                         "No judge, before or since, has listened to witnesses with such patient "
                         "attention.",
                         "No one was hurt in the fire.",
                         "No decision was made with more than a week to spare."))
    assert [f.sentence[:10] for f in flags if f.category == "unsupported_claim"] == [
        "No advocat", "No lawyer ", "No judge, "], flags


def test_an_honorary_doctorate_is_an_award(check: Check) -> None:
    flags = check(olenko("In 1982 she was awarded an honorary doctorate by the Harwick Institute "
                         "and the Delacroix Medal."))
    assert not on(flags, "Harwick", "fact_mismatch"), flags  # not a degree she studied for
    (flag,) = on(flags, "Delacroix", "conflation")
    assert "1971" in flag.message


def test_premiered_and_dedicated(check: Check) -> None:
    flags = check(olenko("The television film based on the novel, The Olenko Trial, premiered "
                         "in 1979.",
                         "Her Harbour Strike Memorial on the quay, a bronze relief of dock life "
                         "dedicated in 1975, still stands."))
    (film,) = on(flags, "premiered", "date_mismatch")
    assert "1979 is the date of Winter Letters" in film.message
    (memorial,) = on(flags, "dedicated", "date_mismatch")
    assert "1977" in memorial.message


def test_set_16_internal_constructions(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "She made her stage debut at the Vigado in March 1950.",
        "Her first prize came three years after that debut, at the Szeged festival in 1952.",
        "She left the stage in 1960 and returned in 1962, three full years after the festival.",
        "In 1956 the paper sent her to its Vienna office for a year, and there, at 19, she "
        "wrote her first novel."))
    assert on(flags, "after that debut", "internal_inconsistency")
    assert on(flags, "three full years", "internal_inconsistency")
    (age,) = on(flags, "at 19", "internal_inconsistency")
    assert "24 or 25" in age.message
    assert not check(varga("She was born on 14 May 1931.",
                           "In 1950 she moved to Vienna, and five years later, at 24, she "
                           "married.",
                           "At the 1950 Vienna festival, as an 18-year-old, she won the prize "
                           "for writers aged 25 and under."))


def test_set_10_false_alarms_in_general_form(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "By her early twenties she was drafting a novel called Harbour.",
        "She returned to Budapest, joined the University of Leeds as a lecturer and in 1970 "
        "followed her husband to the Ministry.",
        "Ilona, who died in 1990, had run the family shop.",
        "In 1991 Varga married Andras Bell.",
        "On 2 March 1958 she scored twice in four minutes, the second after a run that the "
        "Budapest Weekly would later call the goal of the decade."))
    assert not flags, flags


def test_set_17_false_alarms_in_general_form(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "In June 1999, three months after she died, the city named a street after her.",
        "In Leeds she lectured, though writing soon took up most of her time.",
        "At midnight on 1 May 1990 the Green Union became an independent party.",
        "Six years after independence, on 3 June 1996, the party split.",
        "In 1950 she married Ferenc Toth.",
        "In 1976 she married Andras Bell, and their son was born in 1979, three years after "
        "the wedding.",
        "In 1965 she also won a medal in Rome, on a team coached by Peter Ashdown."))
    assert not flags, flags
    flags = check(varga("At midnight on 1 May 1990 the Green Union became an independent party.",
                        "Five years after independence, on 3 June 1996, the party split."))
    (flag,) = flags
    assert "1990 + 5 is 1995" in flag.message


def test_set_17_constructions_in_general_form(check: Check) -> None:
    flags = check(olenko(
        "The Harbour Strike Memorial in Northgate, recently unveiled on the quay, draws crowds.",
        "In 1950 she won a place at the Harwick Institute.",
        "The Lumen Fund had been founded in 1968 by the banker Ilse Brunn.",
        "In 1966, the year she was elected to the Royal Academy of Letters, she also received "
        "the Delacroix Medal.",
        "In 1989 she became the first president of the Lawyers Guild."))
    assert on(flags, "recently unveiled", "stale_claim")
    assert on(flags, "won a place", "fact_mismatch")
    (founder,) = on(flags, "Lumen Fund had been founded", "fact_mismatch")
    assert "Jonas Petrak" in founder.message
    (medal,) = on(flags, "the year she was elected", "conflation")
    assert "1966 fits Royal Academy of Letters" in medal.message
    (guild,) = on(flags, "first president", "date_mismatch")
    assert "1988" in guild.message
    assert not check(olenko("In 1950 she won a place in the final at the Harwick Institute."))
    flags = check(varga("She was born on 14 May 1931.",
                        "She died in Szeged, Hungary, on 2 March 1999.",
                        "She was only 20 when she bought her first car, a bright yellow Fiat "
                        "she called The Canary, in the summer of 1955."))
    (place,) = on(flags, "Szeged", "fact_mismatch")
    assert "Budapest" in place.message
    (age,) = on(flags, "only 20", "internal_inconsistency")
    assert "24" in age.message


def test_the_events_own_prize(check: Check) -> None:
    assert not check(olenko_dates("1979: Won the Harbour Festival and the festival's Gold Medal"))
    (flag,) = check(olenko_dates("1979: Won the Lawyers Guild Gold Medal"))
    assert flag.category == "date_mismatch" and "1985" in flag.message


def test_a_relative_with_a_colleagues_given_name(check: Check) -> None:
    assert not check(olenko("She wrote her thesis under Jonas Petrak.",
                            "Her son Jonas, who had trained as a pilot, was killed in 1979 when "
                            "his plane came down near Northgate."))


def test_set_18_in_general_form(check: Check) -> None:
    assert not check(varga("She never won the Delacroix Medal, a running joke among friends."))
    flags = check(varga("In 1975 Peter Ashdown appointed her to lead the Hungarian PEN Club."))
    (flag,) = on(flags, "appointed her to lead", "date_mismatch")
    assert "1981" in flag.message
    assert not check(olenko(
        "She could make a dull brief sound like the best idea anyone ever had.",
        "On 1 March 1985 the Lawyers Guild announced that she would share the Lawyers Guild "
        "Gold Medal with Jonas Petrak."))
    flags = check(olenko("Her recently published memoir, No Quarter Given, sold well.",
                         "Its sequel, From Harbour to Sea, was published in 1970.",
                         "With her husband she recently set up the Olenko Trust."))
    assert on(flags, "No Quarter Given", "stale_claim")
    (sequel,) = on(flags, "Its sequel", "date_mismatch")
    assert "1970 is the date of Salt Roads" in sequel.message
    (trust,) = on(flags, "Olenko Trust", "stale_claim")
    assert "1990" in trust.message


def test_went_up_to_a_college_and_enthroned(check: Check) -> None:
    (college,) = check(varga("That autumn she went up to Balliol College, Oxford."))
    assert college.category == "fact_mismatch" and "Somerville" in college.message
    assert not check(varga("That autumn she went up to Somerville College, Oxford."))
    (pen,) = check(varga("She was enthroned as President of the Hungarian PEN Club in 1979."))
    assert pen.category == "date_mismatch" and "1981" in pen.message


def test_set_19_in_general_form(check: Check, check_text: Callable[..., Any]) -> None:
    assert not check(olenko(
        "Only recently, in April, the Harbour Times named her one of the city's great lawyers.",
        "In 1990 Salt Roads was adopted as the city's official history.",
        "Olenko, who won the Delacroix Medal at the Harbour Festival, ended her career in 1995.",
        "Her first visit to the Harbour Festival, in 1979, ended with its Gold Medal.",
        "In 1988 the Harbour Festival moved to the quay.",
        "In 1990, eleven years after her first Harbour Festival medal, she went back as a "
        "judge."), as_of=date(1995, 6, 1))
    html = ("<html><head><title>Mara Olenko</title></head><body><h1>Mara Olenko</h1>"
            "<p>Mara Olenko was a lawyer.</p><blockquote><p>\"Read the file twice.\" &mdash; as "
            "she liked to tell her students</p></blockquote></body></html>")
    _, _, flags = check_text(html, fmt="html")
    (flag,) = [f for f in flags if f.category == "vague_attribution"]
    assert flag.sentence.endswith("as she liked to tell her students"), flag.sentence


def test_ages_written_as_noun_modifiers(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "On 2 June 1950, the 17-year-old student won the Budapest essay prize.",
        "When Danubia Press signed her in December 1955, the 22-year-old Varga was teaching.",
        "On 3 August 1960 a photographer caught the 27-year-old in a famous portrait.",
        "On an autumn evening in 1964, a 33-year-old translator walked into the ministry.",
        "In 1966 she met the 33-year-old daughter of her editor.",
        "In 1966 she also met the 36-year-old son of her publisher.",
        "In 1967 she taught the 34-year-old Petra Kos.",
        "In 1968, a 35-year-old boy, Janos Kovacs, wrote to her.",
        "In 1969 the 70-year-old had a visitor."))
    (student,) = on(flags, "17-year-old student", "internal_inconsistency")
    assert "was 19 on 2 June 1950" in student.message
    (named,) = on(flags, "22-year-old Varga", "internal_inconsistency")
    assert "was 24 in December 1955" in named.message
    assert on(flags, "the 27-year-old in", "internal_inconsistency")
    # right (33 in 1964), someone else's (a daughter, a named other, a boy), or too far off
    for other in ("33-year-old translator", "33-year-old daughter", "36-year-old son",
                  "Petra Kos", "35-year-old boy", "70-year-old"):
        assert not on(flags, other), other


def test_a_span_until_a_date_must_fit_the_sentences_dates(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "She moved to Szeged in 1950 and stayed twelve years, until she left for Leeds in May "
        "1960.",
        "In 1962 she joined a Szeged printing house, where she worked for ten years, until 1972.",
        "She taught at Leeds from 1976 and remained there nearly twenty years, until 1990.",
        "Her partnership with Tomas Varga, begun in 1975, lasted six years, until his death in "
        "1989."))
    (span,) = on(flags, "stayed twelve years", "internal_inconsistency")
    assert "from 1950 to May 1960 is about 10 years" in span.message
    assert on(flags, "lasted six years", "internal_inconsistency")
    assert not on(flags, "worked for ten years") and not on(flags, "nearly twenty years")


def test_a_named_predecessor_must_have_left_the_post_when_the_subject_took_it(
        check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "In 1981 she took over from Anna Szabo at the Hungarian PEN Club.",
        "Her election, succeeding Karoly Fekete, was unopposed.",
        "In 1975 Fekete succeeded Szabo, and Varga wrote the tribute."))
    (wrong,) = on(flags, "took over from Anna Szabo", "fact_mismatch")
    assert "Anna Szabo left the post of President of the Hungarian PEN Club in 1975" in (
        wrong.message)
    assert "took it in 1981" in wrong.message and len(wrong.evidence) == 2
    assert not on(flags, "succeeding Karoly Fekete")
    assert not on(flags, "Fekete succeeded Szabo")  # someone else's succession


def test_years_after_the_nth_of_a_series(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "She won five Budapest Essay Prizes in a row, from 1956 to 1960.",
        "Eight years after her fifth Budapest Essay Prize, in 1968, she left for Leeds.",
        "She won the Szeged Cup in 1961, 1963 and 1966.",
        "Two years after her second Szeged Cup, in 1966, she toured Japan.",
        "Four years after her last Szeged Cup, in 1970, she taught."))
    assert not on(flags, "fifth Budapest") and not on(flags, "last Szeged")
    (second,) = on(flags, "second Szeged Cup", "internal_inconsistency")
    assert "1963 + 2 is 1965" in second.message


def test_a_relatives_life_years_in_brackets_date_no_claim(check: Check) -> None:
    flags = check(varga("Varga was born in Budapest, the daughter of the painter Tomas Varga "
                        "(1901–1970), and grew up in Szeged."))
    assert not [f for f in flags if f.category == "date_mismatch"]


def test_a_superlative_measured_by_a_count_of_awards_in_words(check: Check) -> None:
    flags = check(varga(
        "It was in Leeds that she became the best essayist in the world: she collected five "
        "Budapest Essay Prizes in a row.",
        "She became the best essayist in the world."))
    assert not on(flags, "five")
    assert on(flags, "She became the best essayist in the world.", "unsupported_claim")


def test_an_age_opening_its_sentence_next_to_a_date(check: Check) -> None:
    flags = check(varga("She was born on 14 May 1931.",
                        "She was ten, in 1944, when her family moved to Szeged.",
                        "She was twenty, in 1951, when she left."))
    assert on(flags, "She was ten", "internal_inconsistency")
    assert not on(flags, "She was twenty")


def test_sitting_on_a_board_is_a_present_post(check: Check) -> None:
    flags = check(varga("She was born on 14 May 1931.",
                        "She currently sits on the board of the University of Leeds."))
    (flag,) = on(flags, "sits on the board", "stale_claim")
    assert "1990" in flag.message


def test_an_echoed_event_shares_the_date(check: Check) -> None:
    flags = check(varga("Love Among the Ruins appeared in 1973, as did her novel Harbour.",
                        "The Long Winter appeared in 1968, and so did Night Train to Szeged."))
    (flag,) = on(flags, "as did her novel Harbour", "conflation")
    assert "1958" in flag.message


def test_joining_a_persons_office_names_the_employer(check: Check) -> None:
    flags = check("Lena Moor\n\nLena Moor is an architect. In 1963 she joined the Budapest "
                  "office of Anna Szabo. A year later she left for Szeged.\n")
    (flag,) = on(flags, "office of Anna Szabo", "fact_mismatch")
    assert "Karoly Fekete" in flag.message
    right = check("Lena Moor\n\nLena Moor is an architect. In 1963 she joined the studio of "
                  "Karoly Fekete.\n")
    assert not right


def test_a_co_recipient_named_after_a_description(check: Check) -> None:
    flags = check(olenko("In 1985 the Lawyers Guild gave her its Medal, which she shared with "
                         "the novelist Ilse Brunn."))
    (flag,) = on(flags, "Lawyers Guild", "fact_mismatch")
    assert "Jonas Petrak" in flag.message


def test_a_work_shown_in_a_year_is_released_then(check: Check) -> None:
    flags = check(varga("Harbour, commissioned by a Leeds gallery and shown at the Szeged fair "
                        "in 1963, sold well.",
                        "Her paintings showed that she had read The Long Winter."))
    (flag,) = on(flags, "Szeged fair", "date_mismatch")
    assert "1958" in flag.message
    assert not on(flags, "paintings showed")


def test_co_recipients_named_in_the_next_sentence(check: Check) -> None:
    flags = check(olenko("In 1985 she received the Lawyers Guild Medal. She shared it with "
                         "Ilse Brunn, a judge from Graz."))
    (flag,) = on(flags, "She shared it with Ilse Brunn", "fact_mismatch")
    assert "Jonas Petrak" in flag.message
    assert not check(olenko("In 1985 she received the Lawyers Guild Medal. She shared it with "
                            "Jonas Petrak."))


def test_latest_with_words_before_the_kind(check: Check) -> None:
    flags = check(varga("Night Train to Szeged, her latest and longest book, is a study of exile."),
                  as_of=date(1995, 1, 1))
    (flag,) = on(flags, "latest and longest book", "stale_claim")
    assert "The River Years" in flag.message


def test_a_recent_term_at_an_organisation(check: Check) -> None:
    flags = check(varga("Colleagues remembered her recent term as president of the Hungarian "
                        "PEN Club."), as_of=date(1998, 1, 1))
    (flag,) = on(flags, "recent term", "stale_claim")
    assert "(1989)" in flag.message
    assert not check(varga("Colleagues praised her recent term as president of the Hungarian "
                           "PEN Club."), as_of=date(1990, 6, 1))


def test_a_nationality_adjective_is_no_place_of_death(check: Check) -> None:
    assert not check(varga("She died in the Hungarian capital in 1999, aged 67."))


def test_a_relative_clause_about_others_keeps_no_main_date(check: Check) -> None:
    flags = check(olenko("In 1966 she joined the Royal Academy of Letters, funding the groups "
                         "that built The Long Winter."))
    assert not [f for f in flags if f.category in ("conflation", "date_mismatch")], flags


def test_a_name_that_acts_is_not_the_event_counted_from(check: Check) -> None:
    flags = check(varga("She founded Danubia Press in 1991.",
                        "In 2001 the press moved to Szeged, nine years after Danubia Press "
                        "took over the Budapest Weekly."))
    assert not on(flags, "nine years after", "internal_inconsistency")


def test_set_21_misses_in_general_form(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "In 1981, after the flood that struck Szeged, she gave her savings to the "
        "relief fund; she was then 45.",
        "Simply put, no novelist of her generation has ever been as fearless as Varga was.",
        'As she told one interviewer, she "never wrote a line twice".'))
    assert "was 49 or 50 in 1981" in on(flags, "then 45", "internal_inconsistency")[0].message
    assert on(flags, "Simply put", "unsupported_claim")
    assert on(flags, "one interviewer", "vague_attribution")


def test_a_critics_post_at_the_wrong_paper(check: Check) -> None:
    (flag,) = check(olenko("In 1962 she became the Danubia Press's film critic."))
    assert flag.category == "fact_mismatch"
    assert "film critic of The Harwick Review" in flag.message
    assert flag.suggestion == "In 1962 she became the Harwick Review's film critic."


def test_sunday_school_is_no_sunday(check: Check) -> None:
    # "Sunday school" is no Sunday; the article's own as-of Sunday is after her death
    assert not check(varga("She was born on 14 May 1931. She died on 2 March 1999.",
                           "She taught Sunday school at the Lutheran church in Szeged into her "
                           "sixties."), as_of=date(1999, 3, 20))


def test_an_unnamed_adaptation_premiered(analyze: Callable[..., tuple[Any, list[Flag]]]) -> None:
    # what premiered is the adaptation, which has no name here: not its owner, not its source
    analysis, flags = analyze(
        varga("Budapest Weekly's adaptation of Harbour, based on the 1958 novel, premiered in "
              "December 1990."))
    assert not [c for c in analysis.claims if c.predicate == "released"] and not flags


def test_it_is_the_work_the_sentence_names(check: Check) -> None:
    flags = check(varga("The Long Winter first appeared in 1968.", "In 1946 she published a poem.",
                        "In 2001, twenty years after it first appeared, The Long Winter was "
                        "reprinted."))
    assert "1968 + 20 is 1988" in on(flags, "after it first", "internal_inconsistency")[0].message
    flags = check(varga("Harbour appeared in 1958.",
                        "In 1946 she published a poem, which appeared in a weekly.",
                        "In 1988, thirty years after it first appeared, Harbour was reprinted."))
    assert not on(flags, "after it first appeared")


def test_what_followed_in_a_year(check: Check) -> None:
    flags = check(olenko("Salt Roads appeared in 1970. Its sequel, From Harbour to Sea, "
                         "followed in 1970.", "The Delacroix Medal followed in 1973."))
    (sequel,) = on(flags, "From Harbour to Sea", "date_mismatch")
    assert "1975" in sequel.message
    (medal,) = on(flags, "Delacroix Medal followed", "date_mismatch")
    assert "1971" in medal.message
    assert not check(olenko("The storm followed in 1970, and she followed the news."))


def test_the_year_brought_an_award_and_an_opening(check: Check) -> None:
    flags = check(olenko("The year 1971 brought the Delacroix Medal and the release of No "
                         "Quarter Given."))
    (flag,) = on(flags, "brought", "conflation")
    assert "1966" in flag.message


def test_what_a_relative_pronoun_stands_for_was_founded(check: Check) -> None:
    flags = check(olenko("Her first post was at the Lumen Fund, which the guild had founded in "
                         "1960, in Leeds."))
    (flag,) = on(flags, "Lumen Fund", "date_mismatch")
    assert "1968" in flag.message


def test_continues_to_serve_is_present(check: Check) -> None:
    flags = check(varga("She continues to serve as president of the Hungarian PEN Club."))
    (stale,) = on(flags, "continues to serve", "stale_claim")
    assert "1989" in stale.message


def test_a_post_held_names_the_role_and_its_organisation(check: Check) -> None:
    flags = check(varga("In 1980 she held a professorship at the University of Leeds.",
                        "She still holds a professorship at the University of Leeds."))
    assert not on(flags, "In 1980"), flags
    (stale,) = on(flags, "still holds", "stale_claim")
    assert "University of Leeds" in stale.message and "1990" in stale.message


def test_a_board_seat_is_judged_by_the_seat_not_the_job(check: Check) -> None:
    def moor(sentence: str) -> list[Flag]:
        return check(f"Lena Moor\n\nLena Moor is an architect. {sentence}\n")

    (seat,) = on(moor("She still sits on the board of the Orsolya Institute."), "sits on",
                 "stale_claim")
    assert "seat on the board" in seat.message and "1988" in seat.message
    assert on(moor("She serves on the Orsolya Institute's board of trustees."), "serves on",
              "stale_claim")
    assert not moor("She still works at the Orsolya Institute.")  # the job goes on



def test_a_surname_the_kb_links_to_a_relative(
        write_kb: Callable[..., Path], kb_analyzer: Callable[..., tuple[Any, Any]],
        check_text: Callable[..., Any]) -> None:
    kb, analyzer = kb_analyzer([write_kb([
        {"id": "local:vera-halm", "label": "Vera Halm", "type": "person", "source": SRC,
         "aliases": ["Vera Anna Roth"], "facts": [
             {"property": "date of birth", "value": "1920-03-01"},
             {"property": "date of death", "value": "1990-05-05"}]},
        {"id": "local:karl-roth", "label": "Karl Roth", "type": "person", "source": SRC,
         "aliases": ["Roth"], "facts": [{"property": "date of death", "value": "1961-02-02"}]},
    ])])
    text = ("Vera Halm\n\nVera Anna Roth was born on 1 March 1920. Her father, Karl Roth, was "
            "a judge.\n\nRoth died in February 1961. Vera Halm died on 5 May 1990.\n")
    analysis, _, flags = check_text(text, kb=kb, analyzer=analyzer)
    assert not flags, flags  # her father's death, not hers
    (death,) = [c for c in analysis.claims if c.predicate == "died" and "1961" in c.time.text]
    assert death.subject_kb_id == "local:karl-roth"


@pytest.mark.parametrize(("after", "vague"), [
    ("She made that argument in her lecture at the Budapest Academy on 3 March 1984.", False),
    ("She made that argument often, to anyone who would listen.", True),  # no occasion
    ("Her lecture at the Budapest Academy in 1984 drew a crowd.", True),  # not about the quote
    ("Those were the words of her partner Jonas Petrak, in a tribute he gave on the radio on "
     "4 May 1990.", False),
    ("Those were the words of her partner Jonas Petrak.", True),  # no occasion
])
def test_a_block_quotation_sourced_in_the_next_paragraph(
        check_text: Callable[..., Any], after: str, vague: bool) -> None:
    html = ("<html><head><title>Mara Olenko</title></head><body><h1>Mara Olenko</h1>"
            "<p>Mara Olenko was a lawyer.</p><blockquote><p>\"A law that nobody reads protects "
            f"nobody at all.\"</p></blockquote><p>{after}</p></body></html>")
    _, _, flags = check_text(html, fmt="html")
    assert bool([f for f in flags if f.category == "vague_attribution"]) is vague, flags


def test_a_date_in_a_clause_about_another_person_is_theirs(check: Check) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        "In 1950 she enrolled at Somerville College, and studied there under Karoly Fekete, "
        "the novelist whose first book had made his name in 1925.",
        "She later worked with Anna Szabo, who had trained in Vienna in 1921."))
    assert not [f for f in flags if "1925" in f.message or "1921" in f.message], flags


def test_it_is_never_the_profiled_person(check: Check) -> None:
    flags = check(varga("Her own party was small, and after the 1985 elections it joined the "
                        "Green Union in a coalition."))
    assert not flags, flags  # her party joined it; her membership dates from 1990


def test_a_subjunctive_is_no_present_tense(check: Check) -> None:
    flags = check(varga("Her teacher suggested she spend a year at the University of Leeds."))
    assert not on(flags, "suggested", "stale_claim"), flags


def test_who_was_asked_to_do_both(check: Check) -> None:
    flags = check(varga("In 1983 Karoly Fekete asked her to stand and serve as president of "
                        "the Hungarian PEN Club."))
    assert not flags, flags  # her presidency (1981-1989), not his (ended in 1981)


def test_timeline_entries_that_list_honours(check: Check) -> None:
    (wrong,) = check(olenko_dates("1974: Delacroix Medal"))
    assert wrong.category == "date_mismatch" and "1971" in wrong.message
    (merged,) = check(olenko_dates("1985: Lawyers Guild Gold Medal; Harbour Festival Gold Medal"))
    assert merged.category == "conflation" and "1979" in merged.message
    assert not check(olenko_dates("1979: Harbour Festival Gold Medal"))


def test_taking_up_a_post_and_being_lured(check: Check) -> None:
    (took,) = check(varga("In 1972 she took up a lectureship at the University of Leeds."))
    assert took.category == "date_mismatch" and "1976" in took.message
    (lured,) = check(varga("In 1972 the University of Leeds lured her to Yorkshire."))
    assert lured.category == "date_mismatch" and "1976" in lured.message
    assert not check(varga("In 1976 she took up a lectureship at the University of Leeds."))


@pytest.fixture(scope="module")
def transfers(tmp_path_factory: pytest.TempPathFactory, kb_writer: Callable[..., Path],
              kb_analyzer: Callable[..., tuple[Any, Any]],
              check_text: Callable[..., Any]) -> Check:
    team = "member of sports team"
    kb, analyzer = kb_analyzer([kb_writer(tmp_path_factory.mktemp("kb"), [
        {"id": "local:rui-alves", "label": "Rui Alves", "type": "person", "source": SRC,
         "aliases": ["Alves"], "facts": [
             {"property": team, "value": "Porto Atletico", "start": 1999, "end": 2003},
             {"property": team, "value": "Lisbon Rovers", "start": 2003, "end": 2009},
             {"property": team, "value": "Madrid Reales", "start": 2009, "end": 2015},
             {"property": team, "value": "Lisbon Rovers", "start": 2015, "end": 2017}]},
        *({"id": f"local:{name.lower().replace(' ', '-')}", "label": name, "source": SRC,
           "type": "organization", "facts": [{"property": "instance of", "value": "club"}]}
          for name in ("Porto Atletico", "Lisbon Rovers", "Madrid Reales", "Braga City")),
    ])])

    def run(sentence: str) -> list[Flag]:
        _, _, flags = check_text(f"Rui Alves\n\nRui Alves is a footballer. {sentence}\n",
                                 kb=kb, analyzer=analyzer)
        return flags

    return run


def test_joining_from_a_club_says_which_club_he_left(transfers: Check) -> None:
    (wrong,) = transfers("He joined Lisbon Rovers from Braga City in 2003.")
    assert wrong.category == "fact_mismatch" and "Porto Atletico" in wrong.message
    assert not transfers("He joined Lisbon Rovers from Porto Atletico in 2003.")


def test_a_return_is_measured_against_the_nearest_spell(transfers: Check) -> None:
    (flag,) = transfers("Lisbon Rovers brought him back in 2014.")
    assert flag.category == "date_mismatch" and "2015" in flag.message


@pytest.mark.parametrize(("year", "flagged"), [(1944, True), (1940, False)])
def test_an_age_after_a_semicolon_is_at_the_opening_date(
        check: Check, year: int, flagged: bool) -> None:
    flags = check(varga(
        "She was born on 14 May 1931.",
        f"In {year} she formed a children's choir that toured villages, collected songs and "
        "sang in churches; she was nine years old and already in charge."))
    assert bool(on(flags, "nine years old", "internal_inconsistency")) is flagged, flags


def test_works_staged_and_presented(check: Check) -> None:
    (merged,) = check(varga("In 1992 she presented The River Years and Harbour, two plays about "
                            "the war."))
    assert merged.category == "conflation" and "1958" in merged.message
    (staged,) = check(varga("Her boldest work was Night Train to Szeged, which she rehearsed "
                            "with students and first staged in 1983."))
    assert staged.category == "date_mismatch" and "1985" in staged.message
    assert not check(varga("In 1985 the Pannonia Academy presented her with its medal."))


def test_present_roles_of_other_people(check: Check) -> None:
    flags = check(varga("Her nephew is Tomas Varga, a teacher who serves on Leeds City "
                        "Council.",
                        "Tomas Varga, the current President of the Leeds Rotary Club, spoke at "
                        "her funeral."))
    (seat,) = on(flags, "serves on", "stale_claim")
    assert "2010" in seat.message
    (rotary,) = on(flags, "current President", "stale_claim")
    assert "2012" in rotary.message
    assert not check(varga("Tomas Varga, the current President of the Leeds Rotary Club, spoke "
                           "at her funeral."), as_of=date(2008, 1, 1))


def test_a_verb_parsed_as_the_subject_leaves_the_name_before_the_trigger(
        analyze: Callable[..., tuple[Any, list[Flag]]]) -> None:
    # the parser makes "Becomes" the subject of "takes": the son takes over, not Varga
    analysis, _ = analyze(
        "Ines Varga\n\nInes Varga was a Hungarian novelist.\n\nKey dates\n\n"
        "- 1993: Becomes Minister Mentor as her son Tomas Varga takes over as chairman\n")
    assert [c.subject for c in analysis.claims] == ["Ines Varga", "Tomas Varga"]


@pytest.mark.parametrize("entry", [
    "1985: Lawyers Guild Gold Medal and the Harbour Festival Gold Medal",
    "1971: Wins a third Delacroix Medal in Paris and signs for the Lumen Fund",
])
def test_two_events_in_one_timeline_entry(check: Check, entry: str) -> None:
    flags = check(olenko_dates(entry))
    assert [f.category for f in flags] == ["conflation"], flags


def test_an_entry_verb_hung_on_the_year() -> None:
    """The parse of "1978: Awarded X and elected to Y" seen in an HTML timeline: the year is the
    root and the verbs hang on it. Both verbs take the entry's date."""
    import spacy
    from spacy.tokens import Doc

    from analysis.claim_anchors import _entry_verb

    words = ["1978", ":", "Awarded", "the", "Prize", "and", "elected", "to", "the", "Academy"]
    heads = [0, 0, 0, 4, 2, 2, 2, 6, 9, 7]
    deps = ["ROOT", "punct", "acl", "det", "dobj", "cc", "conj", "prep", "det", "pobj"]
    pos = ["NUM", "PUNCT", "VERB", "DET", "PROPN", "CCONJ", "VERB", "ADP", "DET", "PROPN"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _entry_verb(doc[2]) and _entry_verb(doc[6])
    assert not _entry_verb(doc[7])


def test_event_nouns_marriage_premiere_and_induction(
        write_kb: Callable[..., Path], kb_analyzer: Callable[..., tuple[Any, Any]],
        check_text: Callable[..., Any]) -> None:
    kb, analyzer = kb_analyzer([write_kb([
        {"id": "local:vera-halm", "label": "Vera Halm", "type": "person", "source": SRC,
         "facts": [{"property": "spouse", "value": "Karl Brenn", "start": 1950},
                   {"property": "award received", "value": "Hall of Song",
                    "point in time": 1965}]},
        {"id": "local:karl-brenn", "label": "Karl Brenn", "type": "person", "source": SRC,
         "facts": []},
        {"id": "local:winter-suite", "label": "Winter Suite", "type": "work", "source": SRC,
         "facts": [{"property": "publication date", "value": 1953},
                   {"property": "creator", "value": "Vera Halm"}]},
        {"id": "local:hall-of-song", "label": "Hall of Song", "type": "award", "source": SRC,
         "facts": []},
    ])])

    def flags(sentence: str) -> list[Flag]:
        return check_text(f"Vera Halm\n\nVera Halm was a composer. {sentence}\n", kb=kb,
                          analyzer=analyzer)[2]

    (merged,) = flags("The year 1950 brought both her marriage to Karl Brenn and the premiere "
                      "of the Winter Suite in Vienna.")
    assert merged.category == "conflation" and "1953" in merged.message
    (induction,) = flags("Her induction into the Hall of Song in 1961 crowned her career.")
    assert induction.category == "date_mismatch" and "1965" in induction.message


def test_the_same_year_and_that_year(check: Check) -> None:
    (same,) = check(varga("In 1970 she became Minister of Culture, and the same year she was "
                          "elected president of the Hungarian PEN Club."))
    assert same.category == "conflation" and "1981" in same.message
    (that,) = check(varga("In 1958 she published Harbour, and the guild marked the book that "
                          "year by founding the Lumen Fund."))
    assert that.category == "conflation" and "1968" in that.message
    (clause,) = check(varga("In 1958 she published Harbour, the same year that the guild "
                            "founded the Lumen Fund."))
    assert clause.category == "conflation" and "1968" in clause.message


def test_an_election_a_year_early_needs_a_finer_start(check: Check) -> None:
    (flag,) = check(varga("She was elected president of the Hungarian PEN Club in 1980."))
    assert flag.category == "date_mismatch" and "1981" in flag.message


def test_a_participle_set_off_after_a_name_describes_it(check: Check) -> None:
    flags = check(varga("On her return in May 1983 she was elected president of the Lumen Fund "
                        "(LF), founded in 1965, which had taken up the banned guild's cause."))
    (flag,) = [f for f in flags if "1965" in f.message]
    assert flag.category == "date_mismatch" and "1968" in flag.message


def test_a_beginning_and_a_latest_work_of_any_kind(check: Check) -> None:
    (began,) = check(varga("In 1962 the Budapest Weekly began serialising Harbour."))
    assert began.category == "date_mismatch" and "1958" in began.message
    (latest,) = check(varga("Her latest full-length work, Love Among the Ruins, divided the "
                            "critics."))
    assert latest.category == "stale_claim" and "The River Years" in latest.message


@pytest.mark.parametrize(("year", "flagged"), [(1960, True), (1958, False)])
def test_a_work_in_apposition_with_a_dated_kind(check: Check, year: int, flagged: bool) -> None:
    flags = check(varga(f"Her quieter books include Harbour, her {year} novel adapted from a "
                        "diary of the siege."))
    assert [f.category for f in flags] == (["date_mismatch"] if flagged else []), flags


def test_a_verb_in_the_base_form_after_he_is_no_present_unless_he_has_company() -> None:
    """"suggested he spend a summer there" is a subjunctive; "he and she teach" is present."""
    import spacy
    from spacy.tokens import Doc

    from analysis.claim_time import is_present

    vocab = spacy.blank("en").vocab
    alone = Doc(vocab, words=["he", "spend", "summers"], heads=[1, 1, 1],
                deps=["nsubj", "ROOT", "dobj"], tags=["PRP", "VBP", "NNS"])
    paired = Doc(vocab, words=["he", "and", "she", "teach"], heads=[3, 0, 0, 3],
                 deps=["nsubj", "cc", "conj", "ROOT"], tags=["PRP", "CC", "PRP", "VBP"])
    assert not is_present(alone[1])
    assert is_present(paired[3])


def test_the_chair_refers_back_to_the_post_just_named(check: Check) -> None:
    flags = check(olenko("In 1988 she was elected president of the Lawyers Guild, one of the "
                         "youngest lawyers ever to hold the chair."))
    assert not flags, flags
    (chair,) = check(olenko("In 1972 she was elected chair of the Lumen Fund."))
    assert chair.category == "date_mismatch" and "1975" in chair.message


def test_a_name_under_for_after_elected_is_the_constituency(check: Check) -> None:
    # the KB has her Leeds post; "for the Leeds constituency" does not say she joined Leeds
    flags = check(varga("In 1970 she was elected to the National Assembly for the University "
                        "of Leeds constituency."))
    assert not flags, flags


def test_dates_after_a_verb_stay_with_it(check: Check) -> None:
    # 1980 ends the leading; it is not the founding's date (the KB has 1962)
    flags = check(varga("She founded the Danube Writers' Circle in Budapest, and led it from "
                        "1962 until it closed at the end of 1980."))
    assert not flags, flags


def test_a_marriage_that_ended_is_dated_by_its_end(check: Check) -> None:
    # a divorce in 1961 is no second date for the marriage of 1955
    flags = check(olenko("In 1955 she married Jonas Petrak in Szeged. The marriage to Jonas "
                         "Petrak ended in divorce in 1961."))
    assert not flags, flags


def test_a_date_inside_another_name_is_that_names(check: Check) -> None:
    # "the Lumen Fund of 1968" is that fund's year, not the year she built the memorial
    flags = check(olenko("The Harbour Strike Memorial, built beside the old offices of the Lumen "
                         "Fund of 1968, drew crowds."))
    assert not flags, flags


def test_a_title_ending_in_a_lower_case_word_is_linked(
        write_kb: Callable[..., Path], kb_analyzer: Callable[..., tuple[Any, Any]],
        check_text: Callable[..., Any]) -> None:
    from analysis.kb.names import title_tails

    assert title_tails(["La Casa de las flores", "Hymne à l'amour", "member of the board",
                        "Harbour"]) == {"flores", "amour"}
    kb, analyzer = kb_analyzer([write_kb([
        {"id": "local:lia-moreno", "label": "Lia Moreno", "type": "person", "source": SRC,
         "facts": []},
        {"id": "local:casa", "label": "La Casa de las flores", "type": "work", "source": SRC,
         "facts": [{"property": "publication date", "value": 1961},
                   {"property": "author", "value": "Lia Moreno"}]},
    ])])
    analysis, _, flags = check_text(
        "Lia Moreno\n\nLia Moreno was a novelist. La Casa de las flores, her first novel, "
        "was published in 1958.\n", kb=kb, analyzer=analyzer)
    assert [m.text for m in analysis.mentions if m.kb_id == "local:casa"] == [
        "La Casa de las flores"]
    (flag,) = flags
    assert flag.category == "date_mismatch" and "1961" in flag.message


def test_a_work_credited_by_by_to_someone_the_kb_does_not(check: Check) -> None:
    # (the sentence before names no one: a maker named nearby may be the pronoun's)
    (flag,) = check(olenko("The strike ended in a settlement.", "The Harbour Strike Memorial, "
                           "designed for the city by Jonas Petrak, stands by the docks."))
    assert flag.category == "fact_mismatch" and "Mara Olenko" in flag.message


def test_an_honour_that_came_in_a_year_shared_with_someone(check: Check) -> None:
    (came,) = check(olenko("The Delacroix Medal came in 1970, for her defence work."))
    assert came.category == "date_mismatch" and "1971" in came.message
    (shared,) = check(olenko("The Lawyers Guild Medal came in 1985, shared with Ilse Brunn."))
    assert shared.category == "fact_mismatch" and "Jonas Petrak" in shared.message
    (car,) = check(olenko("She won the Lawyers Guild Medal in 1985, sharing the honour with "
                          "Ilse Brunn."))
    assert car.category == "fact_mismatch" and "Ilse Brunn" in car.message


def test_years_passed_at_a_place_and_leaving_a_membership(check: Check) -> None:
    (passed,) = check(varga("She passed 1977 and 1978 as a visiting scholar at the Pannonia "
                            "Academy."))
    assert passed.category == "fact_mismatch" and "University of Leeds" in passed.message
    (left,) = check("Lena Moor\n\nLena Moor was an engineer. In 1990 she left the Orsolya "
                    "Institute board of trustees.\n")
    assert left.category == "date_mismatch" and "1988" in left.message


def test_a_timeline_entry_dates_the_works_it_names_as_its_events(check: Check) -> None:
    (flag,) = check(olenko_dates("1962: The Glass Orchard; closes the trilogy with Salt Roads"))
    assert flag.category == "conflation" and "1970" in flag.message
    (won,) = check(olenko_dates("1971: Delacroix Medal; first Harbour Festival Gold Medal "
                                "victory"))
    assert won.category == "conflation" and "1979" in won.message


def test_a_season_with_no_year_written_proves_nothing(check: Check) -> None:
    flags = check(olenko("She took the Lawyers Guild Gold Medal in the summer, after the trial."))
    assert not flags, flags


def test_a_seat_on_a_board_the_kb_names(check: Check) -> None:
    (flag,) = check("Lena Moor\n\nLena Moor is an engineer. She still sits on the Orsolya "
                    "Institute board of trustees.\n")
    assert flag.category == "stale_claim" and "ended in 1988" in flag.message


def test_set_26_constructions(
        write_kb: Callable[..., Path], kb_analyzer: Callable[..., tuple[Any, Any]],
        check_text: Callable[..., Any]) -> None:
    """An award family ("Oscar"), nominations, another person's dated act, "the 1955 novel",
    "her partner since", a place named "Town, State", "is still a member", "directed by"."""
    kb, analyzer = kb_analyzer([write_kb([
        {"id": "local:nora-vik", "label": "Nora Vik", "type": "person", "source": SRC,
         "aliases": ["Vik"], "facts": [
             {"property": "date of birth", "value": "1950-02-01"},
             {"property": "place of death", "value": "Elmont"},
             {"property": "award received", "value": "Lumen Award for Best Director",
              "point in time": 1990},
             {"property": "spouse", "value": "Per Dahl", "start": "2001-06"},
             {"property": "member of", "value": "Harbour Guild", "start": 1975, "end": 2006}]},
        {"id": "local:lumen-awards", "label": "Lumen Awards", "type": "award", "source": SRC,
         "aliases": ["Lumen Award", "Lumen"], "facts": []},
        {"id": "local:lumen-director", "label": "Lumen Award for Best Director", "type": "award",
         "source": SRC, "facts": []},
        {"id": "local:elmont", "label": "Elmont", "type": "place", "source": SRC,
         "aliases": ["Elmont, Halland"], "facts": []},
        {"id": "local:halland", "label": "Halland", "type": "place", "source": SRC, "facts": []},
        {"id": "local:malmo", "label": "Malmo", "type": "place", "source": SRC, "facts": []},
        {"id": "local:per-dahl", "label": "Per Dahl", "type": "person", "source": SRC,
         "aliases": ["Dahl"], "facts": []},
        {"id": "local:ida-rask", "label": "Ida Rask", "type": "person", "source": SRC,
         "facts": []},
        {"id": "local:tor-lind", "label": "Tor Lind", "type": "person", "source": SRC,
         "facts": []},
        {"id": "local:harbour-guild", "label": "Harbour Guild", "type": "organization",
         "source": SRC, "facts": []},
        {"id": "local:grey-sea", "label": "The Grey Sea", "type": "work", "source": SRC,
         "facts": [{"property": "publication date", "value": 1988},
                   {"property": "director", "value": "Nora Vik"}]},
    ])])

    def flags(*sentences: str) -> list[Flag]:
        text = "Nora Vik\n\nNora Vik is a film director. " + " ".join(sentences) + "\n"
        return check_text(text, kb=kb, analyzer=analyzer, as_of=date(2024, 6, 1))[2]

    assert not flags("The Grey Sea brought her first Lumen.")
    assert not flags("The Grey Sea brought her a Lumen nomination in 1989.")
    assert not flags("She adapted Winter Light, the story Ida Rask published in 1921.")
    assert not flags("She is directing The Grey Sea, an adaptation of the 1931 novel by Tor "
                     "Lind.")
    assert not flags("She married Dahl, her partner since the late 1990s, in June 2001.")
    analysis, result, died = check_text("Nora Vik\n\nNora Vik died in Halland.\n", kb=kb,
                                        analyzer=analyzer)
    (claim,) = [c for c in analysis.claims if c.predicate == "died"]
    assert not died and result.verdicts[claim.id].verdict == "supported"  # Elmont, Halland
    (member,) = flags("Vik is still a member of the Harbour Guild.")
    assert member.category == "stale_claim" and "2006" in member.message
    (director,) = flags("The strike ended in a settlement.", "The Grey Sea, directed by Tor "
                        "Lind, won prizes.")
    assert director.category == "fact_mismatch" and "Nora Vik" in director.message


def test_most_recent_collection_and_a_later_one(check: Check) -> None:
    (flag,) = check(olenko("Salt Roads, her most recent collection, sold well."))
    assert flag.category == "stale_claim" and "Winter Letters" in flag.message


@pytest.mark.parametrize(("sentence", "flagged"), [
    ("Quite simply, there has never been a greater lawyer, and there never will be.", True),
    ("There has never been a trial like it in the county's history.", False),
])
def test_there_has_never_been_a_greater(check: Check, sentence: str, flagged: bool) -> None:
    flags = check(olenko(sentence))
    assert [f.category for f in flags] == (["unsupported_claim"] if flagged else []), flags


@pytest.mark.parametrize(("sentence", "flagged"), [
    ("When Harbour came out in March 1958, Varga was 21, and the critics were kind.", True),
    ("When Harbour came out in March 1958, Varga was 26, and the critics were kind.", False),
    ("In 1949, aged just 12, she won a poetry prize in Szeged.", True),
    ("In 1949, aged just 17, she won a poetry prize in Szeged.", False),
])
def test_ages_after_a_name_and_aged_just(check: Check, sentence: str, flagged: bool) -> None:
    flags = check(varga("She was born on 14 May 1931.", sentence))
    assert [f.category for f in flags] == (["internal_inconsistency"] if flagged else []), flags


def test_co_founded_is_one_word(check: Check) -> None:
    """The tokenizer splits "co-founded" into three tokens and the parser then loses the act;
    kept whole, "co-founded X in 1960" is a founding like "founded"."""
    (flag,) = check(varga("In 1960 she co-founded the Danube Writers' Circle with Peter "
                          "Ashdown."))
    assert flag.category == "date_mismatch" and "1962" in flag.message


def test_a_name_may_open_on_a_verb_like_word(
        write_kb: Callable[..., Path], kb_analyzer: Callable[..., tuple[Any, Any]],
        check_text: Callable[..., Any]) -> None:
    kb, analyzer = kb_analyzer([write_kb([
        {"id": "local:ana-holm", "label": "Ana Holm", "type": "person", "source": SRC,
         "facts": []},
        {"id": "local:play-harbour", "label": "Play Harbour", "type": "organization",
         "source": SRC, "aliases": ["Play Harbour AS"], "facts": []},
        {"id": "local:harbour", "label": "Harbour", "type": "person", "source": SRC,
         "facts": []},
    ])])
    analysis, _, _ = check_text("Ana Holm\n\nAna Holm is a designer. Play Harbour, the studio "
                                "she started, grew quickly.\n", kb=kb, analyzer=analyzer)
    assert [m.kb_id for m in analysis.mentions if "Harbour" in m.text] == ["local:play-harbour"]


def test_only_a_word_initial_co_keeps_its_hyphen() -> None:
    from analysis.pipeline import load_pipeline

    nlp = load_pipeline(None, components=[])
    words = [t.text for t in nlp.make_doc("She Co-wrote it; a well-known co-op in Rolls-Royce.")]
    assert words == ["She", "Co-wrote", "it", ";", "a", "well", "-", "known", "co-op", "in",
                     "Rolls", "-", "Royce", "."]


def test_a_reigning_champion_whose_title_has_passed(
        write_kb: Callable[..., Path], kb_analyzer: Callable[..., tuple[Any, Any]],
        check_text: Callable[..., Any]) -> None:
    kb, analyzer = kb_analyzer([write_kb([
        {"id": "local:pia-lund", "label": "Pia Lund", "type": "person", "source": SRC,
         "aliases": ["Lund"], "facts": [
             {"property": "position held", "value": "World Draughts Champion", "start": 2010,
              "end": "2020-05-01"}]},
        {"id": "local:draughts-champion", "label": "World Draughts Champion", "type": "position",
         "source": SRC, "aliases": ["world champion"], "facts": []},
    ])])
    text = "Pia Lund\n\nPia Lund is a draughts player. Today Lund remains the reigning world " \
        "champion.\n"
    (flag,) = check_text(text, kb=kb, analyzer=analyzer, as_of=date(2024, 6, 1))[2]
    assert flag.category == "stale_claim" and "1 May 2020" in flag.message
    assert not check_text(text, kb=kb, analyzer=analyzer, as_of=date(2019, 6, 1))[2]
