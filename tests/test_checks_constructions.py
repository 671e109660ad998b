"""Constructions held-out sets 27 and 28 showed the checker missing or misreading, each in a
general form: an invented architect, her works and her colleagues (no evaluation set holds
them). The KB below is all the checker knows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sentence_checks import SRC, Check, checker_fixture, on, sentence_check
from sentence_checks import entity as _thing

HOLM = "Irena Holm"


def _work(ident: str, label: str, when: int | str, *facts: dict[str, Any],
          aliases: tuple[str, ...] = (), kind: str = "work") -> dict[str, Any]:
    dated = {"property": "publication date" if kind == "work" else "inception", "value": when}
    return {"id": ident, "label": label, "type": kind, "aliases": list(aliases), "source": SRC,
            "facts": [dated, *facts]}


BY_HOLM = {"property": "author", "value": HOLM}
ENTITIES: list[dict[str, Any]] = [
    _thing("local:irena-holm", HOLM, "person",
           {"property": "date of birth", "value": "1941-03-02"},
           {"property": "educated at", "value": "Aalborg Polytechnic", "end": 1968,
            "qualifiers": {"academic degree": "doctorate"}},
           {"property": "educated at", "value": "Copenhagen Business School", "end": "2015-06",
            "qualifiers": {"academic degree": "Bachelor of Science"}},
           {"property": "position held", "value": "President of the Harbour Court",
            "qualifiers": {"of": "Harbour Court"}, "start": 1972, "end": 1979},
           {"property": "employer", "value": "Vesta Labs", "start": 1990, "end": 1996,
            "qualifiers": {"subject has role": "Fellow"}},
           {"property": "employer", "value": "Harbour Court", "start": 1970, "end": 1980},
           {"property": "spouse", "value": "Anders Berg", "start": 1970},
           {"property": "award received", "value": "Eckersberg Prize", "point in time": 1993},
           {"property": "member of", "value": "Royal Danish Academy", "start": 1996},
           {"property": "award received", "value": "Thorvaldsen Medal", "point in time": 1994},
           {"property": "position held", "value": "Professor of Architecture",
            "qualifiers": {"of": "Aalborg Polytechnic"}, "start": 1980, "end": 1990},
           {"property": "position held", "value": "Eckersberg Professor of Architecture",
            "qualifiers": {"of": "Aalborg Polytechnic"}, "start": 1990, "end": 2006},
           {"property": "position held", "value": "chief executive officer",
            "qualifiers": {"of": "Vesta Labs"}, "start": 1996, "end": 2012},
           {"property": "position held", "value": "executive chairman",
            "qualifiers": {"of": "Vesta Labs"}, "start": 2012, "end": "2019-09-10"},
           aliases=("Holm",)),
    _thing("local:anders-berg", "Anders Berg", "person"),
    _thing("local:henrik-lund", "Henrik Lund", "person",
           {"property": "position held", "value": "chair of the Design Council",
            "qualifiers": {"of": "Design Council"}, "start": 1995}),
    _thing("local:ole-krag", "Ole Krag", "person"),
    _thing("local:karen-dahl", "Karen Dahl", "person",
           {"property": "award received", "value": "Bodil Award", "point in time": 2019}),
    _thing("local:bodil", "Bodil Award", "award"),
    _thing("local:golden-lion", "Golden Lion for lifetime achievement", "award"),
    _thing("local:venice", "Venice Film Festival", "organization"),
    _thing("local:forum-2000", "Forum 2000 conference", "organization",
           {"property": "inception", "value": 1996}, {"property": "founded by", "value": HOLM}),
    _thing("local:council", "Security Council", "organization",
           {"property": "inception", "value": 1946}),
    _thing("local:relief", "Harbour Relief Mission", "organization",
           {"property": "inception", "value": "1960-07"}),
    _thing("local:regatta", "Aarhus Regatta", "other"),
    _thing("local:new-york", "New York", "place"),
    _thing("local:design-council", "Design Council", "organization"),
    _thing("local:aalborg", "Aalborg Polytechnic", "organization",
           {"property": "inception", "value": 1921}),
    _thing("local:marine-dept", "Department of Marine Design", "organization",
           {"property": "inception", "value": 1925},
           {"property": "part of", "value": "Aalborg Polytechnic"}),
    _thing("local:cbs", "Copenhagen Business School", "organization"),
    _thing("local:harbour-court", "Harbour Court", "organization"),
    _thing("local:vesta", "Vesta Labs", "organization",
           {"property": "founded by", "value": "Henrik Lund"}),
    _thing("local:studio-vik", "Studio Vik", "organization"),
    _thing("local:arkitema", "Arkitema Group", "organization"),
    _thing("local:academy", "Royal Danish Academy", "organization"),
    _thing("local:eckersberg", "Eckersberg Prize", "award",
           {"property": "inception", "value": 1883}),
    _thing("local:thorvaldsen", "Thorvaldsen Medal", "award"),
    _thing("local:forum", "Nordic Women's Forum", "organization",
           {"property": "inception", "value": 2006},
           {"property": "founded by", "value": HOLM},
           {"property": "founded by", "value": "Henrik Lund"},
           {"property": "founded by", "value": "Ole Krag"}),
    _thing("local:aarhus-east", "Aarhus East", "other",
           {"property": "instance of", "value": "constituency"}),
    _work("local:harbour-letters", "Harbour: A Life in Letters", 1988, BY_HOLM),
    _work("local:salt-houses", "Salt Houses", 1995, BY_HOLM,
          {"property": "follows", "value": "Harbour: A Life in Letters"}),
    _work("local:twelve", "12", 2021, BY_HOLM),
    _work("local:glass-house", "The Glass House", 1976, BY_HOLM),
    _work("local:harbour-stories", "14 Harbour Stories", 2010, BY_HOLM),
    _work("local:glass-pavilion", "Glass House Pavilion", 1980, aliases=("Glass House",)),
    _work("local:nordlys", "Nordlys (Danish edition)", 1984, BY_HOLM),
    _work("local:north-light", "North Light", 1987, BY_HOLM,
          {"property": "based on", "value": "Nordlys (Danish edition)"}),
    _work("local:kestrel-proto", "Kestrel Prototype", 1979),
    _work("local:kestrel", "Kestrel", 1985, {"property": "follows", "value": "Kestrel Prototype"},
          {"property": "based on", "value": "Kestrel Prototype"}),
    _work("local:rooms", "Rooms of Light", "1994-05", BY_HOLM),
    _work("local:salt-film", "Salt Houses (film)", 1998, aliases=("the Salt Houses film",)),
    _work("local:north-wind", "North Wind", 1998),
    _work("local:holm-lamp", "Holm Lamp", 1985, {"property": "creator", "value": HOLM}),
    _work("local:cirkel", "Cirkelbroen", 2015, {"property": "creator", "value": HOLM},
          {"property": "creator", "value": "Henrik Lund"}),
    _work("local:fjord-hall", "Fjord Hall", 2005, {"property": "creator", "value": HOLM},
          {"property": "creator", "value": "Arkitema Group"}),
    _work("local:biennale-2010", "2010 Oslo Biennale", "2010-06-12",
          {"property": "follows", "value": "2006 Bergen Biennale"},
          aliases=("Oslo Biennale",), kind="other"),
    _work("local:biennale-2006", "2006 Bergen Biennale", 2006, kind="other"),
]

AS_OF = date(2024, 6, 1)


checker = checker_fixture(ENTITIES)


@pytest.fixture(scope="module")
def check(checker: tuple[Any, Any], check_text: Callable[..., Any]) -> Check:
    return sentence_check(check_text, checker, f"{HOLM}\n\n{HOLM} is a Danish architect. ", AS_OF)


def test_titles_with_a_colon_or_an_article_of_their_own(check: Check) -> None:
    flags = check("Her books include Harbour: A Life in Letters (1990) and Salt Houses (1995).",
                  "She wrote The Glass House in 1976.")
    (flag,) = on(flags, "Harbour: A Life", "date_mismatch")
    assert "1988" in flag.message
    assert not on(flags, "The Glass House"), flags


def test_born_and_the_dates_that_are_another_things(check: Check) -> None:
    flags = check(
        "Irena Holm (born 2 March 1941) is an architect who designed the Fjord Hall.",
        "Her Eckersberg Prize lecture, published as Rooms of Light in May 1994, is still read.",
        "The Salt Houses film opened in 1998, and its score won a prize in 1999.",
        "A song from it, North Wind, came out the same year as the film.",
        "The 1992 charter bars architects from the council, so her colleague Henrik Lund became "
        "chair of the Design Council.")
    assert not [f for f in flags if f.category in ("conflation", "date_mismatch")], flags


def test_intervals_counted_from_the_right_date(check: Check) -> None:
    flags = check(
        "In 1979 she began testing lamp designs.",
        "Five years and 312 prototypes later, in 1982, she had one that worked.",
        "Her studio, rebuilt in 2017, her first since the Harbour office eight years earlier, "
        "was damaged again after the 2011 storm.",
        "North Light first appeared in Danish in 1984, and the English edition followed in 1987, "
        "three years after the original.")
    (flag,) = on(flags, "prototypes later", "internal_inconsistency")
    assert "1984" in flag.message
    assert not on(flags, "eight years earlier"), flags
    assert not on(flags, "North Light"), flags


def test_won_a_seat_and_worked_with_a_colleague(check: Check) -> None:
    flags = check("In 1998 she won the Aarhus East constituency in a by-election.",
                  "In 1992 she worked with Henrik Lund of Studio Vik on a ferry terminal.")
    assert not [f for f in flags if f.category == "fact_mismatch"], flags


def test_releases_named_by_pronoun_shop_and_sequel(check: Check) -> None:
    flags = check(
        "The system, renamed Kestrel, reached outside users with its first commercial release "
        "in 1979.",
        "The Holm Lamp reached Danish shops in 1983.",
        "Its sequel, Salt Houses, came out in 1993.",
        "Her final book, 12, a set of short essays, came out in 2019.")
    (kestrel,) = on(flags, "renamed Kestrel", "date_mismatch")
    assert "Kestrel Prototype" in kestrel.message
    for sentence in ("Danish shops", "Its sequel", "Her final book"):
        assert on(flags, sentence, "date_mismatch"), (sentence, flags)


def test_makers_named_with_with_or_among_founders(check: Check) -> None:
    flags = check(
        "In 2009 she began designing a new footbridge with Henrik Lund and Ole Krag.",
        "The footbridge, Cirkelbroen, opened in 2015.",
        "She also designed the glass facade of the Fjord Hall together with Studio Vik.",
        "In 2006 she co-founded the Nordic Women's Forum.",
        "The forum's founders included Henrik Lund, Ole Krag and Karen Dahl.",
        "Vesta Labs, the engineering firm founded by Ole Krag, hired her in 1990.")
    assert "Ole Krag" in on(flags, "new footbridge", "fact_mismatch")[0].message
    assert "Studio Vik" in on(flags, "glass facade", "fact_mismatch")[0].message
    assert "Karen Dahl" in on(flags, "founders included", "fact_mismatch")[0].message
    assert "Henrik Lund" in on(flags, "engineering firm", "fact_mismatch")[0].message


def test_partners_that_are_makers_pass(check: Check) -> None:
    flags = check("In 2009 she began designing a new footbridge with Henrik Lund.",
                  "The footbridge, Cirkelbroen, opened in 2015.",
                  "She designed the glass facade of the Fjord Hall together with Arkitema Group.")
    assert not [f for f in flags if f.category == "fact_mismatch"], flags


def test_second_event_of_a_fronted_date(check: Check) -> None:
    flags = check(
        "In 1972 she became the first woman to preside over the Harbour Court and received her "
        "doctorate from Aalborg Polytechnic.",
        "In 1993 she received the Eckersberg Prize and was appointed to the Royal Danish Academy.",
        "In 1973 she married the sculptor and painter Anders Berg.")
    assert on(flags, "preside over", "conflation"), flags
    assert on(flags, "Royal Danish Academy", "conflation"), flags
    assert on(flags, "Anders Berg", "date_mismatch"), flags


def test_a_description_names_the_organisation_just_named(check: Check) -> None:
    flags = check("In 1975 she joined the Department of Marine Design of Aalborg Polytechnic.",
                  "The department, founded in 1921, had no architects.")
    (flag,) = on(flags, "The department", "date_mismatch")
    assert "1925" in flag.message and "Aalborg Polytechnic" in flag.message


def test_stale_fellowship_recent_degree_and_an_edition(check: Check) -> None:
    flags = check("She also serves as a fellow at Vesta Labs.",
                  "She recently completed a bachelor's degree at Copenhagen Business School.",
                  "Her pavilion stood at the Oslo Biennale in 2006.")
    assert "1996" in on(flags, "fellow at Vesta", "stale_claim")[0].message
    assert "2015" in on(flags, "recently completed", "stale_claim")[0].message
    (edition,) = on(flags, "Oslo Biennale", "date_mismatch")
    assert "2006 Bergen Biennale" in edition.message


def test_a_title_opening_on_a_number_after_which_books(check: Check) -> None:
    flags = check("Her latest book for young readers, 14 Harbour Stories, appeared in 2010.")
    (flag,) = on(flags, "latest book", "stale_claim")
    assert "12 (2021)" in flag.message


def test_an_ordinal_before_a_role() -> None:
    from analysis.checks.kb_match import role_matches

    assert role_matches("11th director", "Director of the Nordic Design Centre")
    assert not role_matches("11th director", "Deputy Director of the Nordic Design Centre")


def test_praise_that_is_a_title_a_hedge_or_others_judgement(check: Check) -> None:
    flags = check(
        "She became, at 31, the youngest undisputed world champion of competitive sailing.",
        "At school she was quickly marked out as the most gifted draughtswoman of her generation.",
        "Her work has run from timber halls to some of the most precise models ever built.")
    assert not on(flags, "", "unsupported_claim"), flags


def test_dates_that_belong_to_an_announcement_a_measure_or_the_next_item(check: Check) -> None:
    flags = check(
        "Her family announced her marriage to Anders Berg on 14 July 1975.",
        "She received the Eckersberg Prize in 1993 and the Thorvaldsen Medal the following year.",
        "The Fjord Hall opened in 2005; at 1.7 kilometres it was then the longest concert hall.",
        "Nordlys was published in 1984 and in English, as North Light, three years later.")
    assert not [f for f in flags if f.category in (
        "date_mismatch", "conflation", "internal_inconsistency")], flags


def test_a_bare_month_in_the_next_sentence_keeps_the_year(check: Check) -> None:
    flags = check("She received the Eckersberg Prize in 1993.",
                  "She was 52 when the prize was announced in October.")
    assert not on(flags, "She was 52"), flags


def test_latest_project_the_named_chair_and_a_year_before_an_edition(check: Check) -> None:
    flags = check(
        "Her latest completed project, the Fjord Hall, opened in 2005.",
        "In 1980 Aalborg Polytechnic named her the Eckersberg Professor of Architecture.",
        "Her pavilion stood at the 2006 Oslo Biennale.")
    assert "12 (2021)" in on(flags, "latest completed project", "stale_claim")[0].message
    assert "1990" in on(flags, "Eckersberg Professor", "date_mismatch")[0].message
    assert on(flags, "2006 Oslo Biennale", "date_mismatch"), flags


def test_a_post_left_named_by_its_role(check: Check) -> None:
    flags = check("Holm stepped down as chief executive in 2015, and remained executive chairman.",
                  "She stepped down as executive chairman on 10 September 2019.")
    assert "2012" in on(flags, "as chief executive in 2015", "date_mismatch")[0].message
    assert not on(flags, "10 September 2019"), flags


@pytest.mark.parametrize(("quote", "attribution"), [
    ("<blockquote><p>\"A promise, because it outlives the people who asked for it.\"</p>"
     "</blockquote>", "pulled from the text in another case"),
    ("<blockquote>\"In the future, buildings will breathe with the people who use them,\" she "
     "said in her Eckersberg lecture, delivered in Copenhagen on May 2, 1994.</blockquote>",
     "sourced inside the block"),
])
def test_block_quotations_sourced_in_the_text(checker: tuple[Any, Any],
                                             check_text: Callable[..., Any], quote: str,
                                             attribution: str) -> None:
    kb, analyzer = checker
    html = (f"<html><head><title>{HOLM}</title></head><body><h1>{HOLM}</h1>"
            f"<p>{HOLM} is a Danish architect. In her Eckersberg lecture of May 1994 she called "
            "a building \"a promise, because it outlives the people who asked for it\".</p>"
            f"{quote}</body></html>")
    flags = check_text(html, kb=kb, analyzer=analyzer, as_of=AS_OF, fmt="html")[2]
    assert not on(flags, "", "vague_attribution"), (attribution, flags)


def test_a_post_accepted(check: Check) -> None:
    flags = check("In 1968 she accepted a junior post with the Harbour Court.")
    assert "1970" in on(flags, "accepted a junior post", "date_mismatch")[0].message


def test_an_act_after_death(check_text: Callable[..., Any]) -> None:
    text = ("Tove Brand\n\nTove Brand, the engraver, died on 3 March 2001. In May 2001 she sent "
            "the last proofs of her final book to the printer. Her ashes were scattered in "
            "June 2001.\n")
    flags = check_text(text, as_of=date(2002, 1, 1))[2]
    assert on(flags, "she sent the last proofs", "internal_inconsistency"), flags
    assert not on(flags, "ashes"), flags


def test_dates_and_objects_of_other_clauses_and_people(check: Check) -> None:
    flags = check(
        "Karen Dahl won the best actress award at the festival in 2019, and later that year the "
        "Venice Film Festival gave Holm its Golden Lion for lifetime achievement.",
        "The Harbour Relief Mission, set up by the Security Council in July 1960 at her "
        "urging, still works.",
        "With the prize she became the third woman to win the Eckersberg Prize, after Ada Lind "
        "in 1903 and Eva Moll in 1963.",
        "In 1998 Vesta Labs signed Holm to its young architects programme.",
        "Her first victory came at the Aarhus Regatta in 1999.",
        "Her pavilion stood at the Oslo Biennale in August 2010.")
    assert not [f for f in flags if f.category in ("date_mismatch", "fact_mismatch",
                                                   "conflation")], flags


def test_a_year_in_a_name_and_an_arrival(check: Check) -> None:
    flags = check(
        "After a brief stop in Seattle she reached New York in 1958.",
        "Her first show, mounted in New York in 1959, was small.",
        "She returned to Copenhagen in 1973, fifteen years after arriving in New York.")
    assert not on(flags, "fifteen years after arriving"), flags


def test_a_year_inside_a_name_beside_the_entry_date(checker: tuple[Any, Any],
                                                    check_text: Callable[..., Any]) -> None:
    kb, analyzer = checker
    text = (f"{HOLM}\n\n{HOLM} is a Danish architect.\n\n"
            "- 1996: Founds the Forum 2000 conference with Anders Berg\n")
    analysis, result, flags = check_text(text, kb=kb, analyzer=analyzer, as_of=AS_OF)
    (claim,) = [c for c in analysis.claims if c.object_kb_id == "local:forum-2000"]
    assert claim.time is not None and claim.time.value == "1996"
    assert result.verdicts[claim.id].verdict == "supported", flags


def test_a_scheme_named_by_another_verb_leaves_the_joining(checker: tuple[Any, Any],
                                                           check_text: Callable[..., Any]) -> None:
    kb, analyzer = checker
    text = (f"{HOLM}\n\n{HOLM} is a Danish architect. In 1990 she joined Vesta Labs, where she "
            "was admitted to the young architects programme.\n")
    analysis, result, _ = check_text(text, kb=kb, analyzer=analyzer, as_of=AS_OF)
    (joined,) = [c for c in analysis.claims if c.predicate == "joined"]
    assert joined.object_kb_id == "local:vesta"
    assert result.verdicts[joined.id].verdict == "supported"
