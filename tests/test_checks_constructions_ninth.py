"""Constructions the checker misread in held-out sets 78 and 79, each in a general form: an
invented novelist and statesman, his son, his town and the things he wrote (no evaluation set
holds them). The KB below is all the checker knows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sentence_checks import Check, check_fixture, checker_fixture, on
from sentence_checks import entity as _thing

ARKELL = "Tomas Arkell"

ENTITIES: list[dict[str, Any]] = [
    _thing("local:tomas-arkell", ARKELL, "person",
           {"property": "date of birth", "value": "1931-03-14"},
           {"property": "date of death", "value": "2016-09-28"},
           {"property": "place of death", "value": "Brenna"},
           {"property": "employer", "value": "Varn Institute", "start": 1974,
            "qualifiers": {"subject has role": "professor of history"}},
           {"property": "employer", "value": "Brenna Mill", "start": 1955, "end": 1960,
            "qualifiers": {"subject has role": "private secretary to Ola Brent"}},
           {"property": "award received", "value": "Osk Prize", "point in time": 1991,
            "qualifiers": {"together with": ["Piet Arkell"]}},
           {"property": "position held", "value": "Prime Minister of Keldland",
            "start": "1995-11-04", "end": "1996-06-18",
            "qualifiers": {"replaces": "Ola Brent", "replaced by": "Jan Morrow"}},
           {"property": "position held", "value": "Member of the Keld Senate", "start": 1990,
            "end": 2000},
           {"property": "position held", "value": "Leader of the Keld Party", "start": 1980,
            "end": 1996},
           {"property": "award received", "value": "Order of the Lamp", "point in time": 1997},
           aliases=("Arkell",)),
    _thing("local:piet-arkell", "Piet Arkell", "person"),
    _thing("local:jan-morrow", "Jan Morrow", "person"),
    _thing("local:ola-brent", "Ola Brent", "person"),
    _thing("local:keld-senate", "Keld Senate", "organization"),
    _thing("local:brenna-mill", "Brenna Mill", "organization"),
    _thing("local:salt-hall", "Salt Hall", "other", {"property": "inception", "value": 1999}),
    _thing("local:grey-salt", "Grey Salt", "work", {"property": "publication date", "value": 2001},
           {"property": "author", "value": "Jan Morrow"}),
    _thing("local:order-lamp", "Order of the Lamp", "award", aliases=("Knight of the Lamp",)),
    _thing("local:brenna-accord", "Brenna Accord", "other",
           {"property": "point in time", "value": "1993-09-13"}),
    _thing("local:brenna", "Brenna", "place", {"property": "instance of", "value": "city"},
           {"property": "country", "value": "Keldland"}),
    _thing("local:keldland", "Keldland", "place", {"property": "instance of", "value": "country"}),
    _thing("local:halm", "Halm", "place", {"property": "instance of", "value": "city"}),
    _thing("local:brenna-clinic", "Tel Brenna Clinic", "place",
           {"property": "located in", "value": "Brenna"}),
    _thing("local:varn-institute", "Varn Institute", "organization",
           {"property": "inception", "value": 1901}, aliases=("the institute",)),
    _thing("local:osk-prize", "Osk Prize", "award"),
    _thing("local:pm-keldland", "Prime Minister of Keldland", "position",
           aliases=("Prime Minister",)),
    _thing("local:white-tower", "The White Tower", "work",
           {"property": "publication date", "value": 1985},
           {"property": "author", "value": ARKELL}),
    _thing("local:white-tower-en", "The White Tower (English translation)", "work",
           {"property": "publication date", "value": 1990},
           {"property": "based on", "value": "The White Tower"}),
    _thing("local:my-name-was-salt", "My Name Was Salt", "work",
           {"property": "publication date", "value": 1998},
           {"property": "author", "value": ARKELL}),
    _thing("local:harlow-lectures", "Harlow Lectures", "other",
           {"property": "inception", "value": 1925}),
    _thing("local:plain-reader", "The Plain Reader", "work",
           {"property": "publication date", "value": 2010},
           {"property": "author", "value": ARKELL},
           {"property": "based on", "value": "Harlow Lectures"}),
]

AS_OF = date(2026, 12, 1)

checker = checker_fixture(ENTITIES)

check = check_fixture(f"{ARKELL}\n\n{ARKELL} was a novelist and statesman, born on 14 March "
                      "1931. ", AS_OF)


def test_recent_in_a_clause_of_its_own(check: Check) -> None:
    # the recent thing is the treatment the "though" clause tells, not his employer before it
    assert not check("His death was announced by the Varn Institute. The institute did not give "
                     "a cause, though he had been treated for cancer in recent years.")


def test_a_co_recipient_by_his_given_name(check: Check) -> None:
    assert not check("In 1991 he won the Osk Prize, which he shared with his son Piet.")
    (flag,) = on(check("In 1991 he won the Osk Prize, which he shared with Jan Morrow."),
                 "Osk Prize", "fact_mismatch")
    assert "Piet Arkell" in flag.message


def test_a_translation_has_a_date_of_its_own(check: Check) -> None:
    assert not check("It was The White Tower, a short and strange tale, that first carried his "
                     "name abroad: its English translation appeared in 1990.")
    (flag,) = on(check("The White Tower, a short and strange tale, appeared in 1990."),
                 "White Tower", "date_mismatch")
    assert "1985" in flag.message


def test_a_lecture_series_delivered_and_published_the_following_year(check: Check) -> None:
    assert not check("In 2009 he delivered the Harlow Lectures, published the following year as "
                     "The Plain Reader.")
    (flag,) = on(check("In 2008 he delivered the Harlow Lectures, published the following year "
                       "as The Plain Reader."), "Plain Reader", "date_mismatch")
    assert "2010" in flag.message


def test_a_hospital_inside_the_kb_town(check: Check) -> None:
    assert not check("He suffered a stroke on 13 September 2016 and died at the Tel Brenna "
                     "Clinic on 28 September 2016, aged 85.")
    (flag,) = on(check("He died in Halm, a city on the coast, on 28 September 2016."), "Halm",
                 "fact_mismatch")
    assert "Brenna" in flag.message


def test_a_date_in_the_until_phrase_ends_the_post(check: Check) -> None:
    assert not check("After the assassination in November 1995, Arkell became Prime Minister "
                     "again, until his narrow defeat in the direct election of 1996.")
    assert not check("From 1995 until 1996 he was also Prime Minister.")


def test_a_post_before_the_employment_began(check: Check) -> None:
    (flag,) = on(check("In 1970 the Varn Institute appointed him a lecturer in history."),
                 "lecturer", "date_mismatch")
    assert "1974" in flag.message
    assert not check("In 1976 the Varn Institute appointed him a lecturer in history.")


def test_a_title_opening_an_entry_on_a_function_word(check: Check) -> None:
    # "My" and "Name" are stop words: after "2001:" the KB decides whether they open a title
    (flag,) = on(check("\n\n2001: My Name Was Salt, his novel of the salt mines, is published."),
                 "My Name Was Salt", "date_mismatch")
    assert "1998" in flag.message
    assert not check("\n\n1998: My Name Was Salt, his novel of the salt mines, is published.")


def test_the_predecessor_the_kb_records_on_the_post(check: Check) -> None:
    assert not check("In November 1995 he took over the government from Ola Brent.")
    (flag,) = on(check("In November 1995 he took over the government from Jan Morrow."),
                 "Jan Morrow", "fact_mismatch")
    assert "Ola Brent" in flag.message and "came after" in flag.message
    (flag,) = on(check("In 1995 he succeeded Piet Arkell as Prime Minister."), "succeeded",
                 "fact_mismatch")
    assert "Ola Brent" in flag.message


def test_a_body_that_came_into_being(check: Check) -> None:
    (flag,) = on(check("The Varn Institute, a college of history, came into being in 1899."),
                 "came into being", "date_mismatch")
    assert "1901" in flag.message
    assert not check("The Varn Institute came into existence in 1901.")


def test_universal_praise(check: Check) -> None:
    (flag,) = on(check("No novelist, in any language, has ever moved so many readers for so long."),
                 "No novelist", "unsupported_claim")
    (flag,) = on(check("His essays remain the definitive guides to every period they cover."),
                 "definitive", "unsupported_claim")
    # a judgement with its scope and no universal
    assert not check("His 1985 study remains the standard account of the salt trade.")


def test_a_shared_stretch_past_his_death(check: Check) -> None:
    lead = "He died in Brenna on 28 September 2016. "
    (flag,) = on(check(lead, "In 1958 he married Lena Holt, who would stay at his side for "
                       "seventy years."), "seventy years", "internal_inconsistency")
    assert "2028" in flag.message and "2016" in flag.message
    assert not check(lead, "In 1958 he married Lena Holt, who would stay at his side for "
                     "fifty-eight years.")
    # a stretch that ends at the date, counted back
    assert not check(lead, "Lena Holt died on 2 October 2010; they had been married for sixty "
                     "years.")
    # a body may outlive its founder
    assert not check(lead, "In 1980 he endowed the Salt Trust, which has paid for a school "
                     "for forty years.")


def test_a_seat_named_after_its_body(check: Check) -> None:
    (flag,) = on(check("He remains an elected member of the Keld Senate."), "Keld Senate",
                 "stale_claim")
    assert "2000" in flag.message
    assert not check("In 1990 he became an elected member of the Keld Senate.")


def test_a_document_signed(check: Check) -> None:
    (flag,) = on(check("In 1994 he signed the Brenna Accord."), "Brenna Accord", "date_mismatch")
    assert "1993" in flag.message
    assert not check("In 1993 he signed the Brenna Accord.")


def test_made_a_knight_in_a_run_of_verbs(check: Check) -> None:
    (flag,) = on(check("In 1996 he stood down as leader, was given a pension and was made a "
                       "Knight of the Lamp."), "Knight of the Lamp", "conflation")
    assert "1997" in flag.message
    assert not check("In 1997 he was made a Knight of the Lamp.")


def test_followed_by_a_work(check: Check) -> None:
    (flag,) = on(check("\n\n1998: My Name Was Salt is published, followed the same year by The "
                       "White Tower."), "White Tower", "conflation")
    assert "1985" in flag.message
    assert not check("\n\n1985: The White Tower is published, followed in 1998 by My Name Was "
                     "Salt.")


def test_an_honour_dated_by_its_presentation(check: Check) -> None:
    (flag,) = on(check("The Keld Senate awarded him the Osk Prize, presented by Ola Brent at the "
                       "palace in 1993."), "Osk Prize", "date_mismatch")
    assert "1991" in flag.message
    assert not check("The Keld Senate awarded him the Osk Prize, presented by Ola Brent at the "
                     "palace in 1991.")


def test_a_work_given_an_honour_its_author_won_before_it(check: Check) -> None:
    (flag,) = on(check("The Plain Reader (2010), his lectures in book form, was awarded the Osk "
                       "Prize."), "Plain Reader", "fact_mismatch")
    assert "1991" in flag.message and "2010" in flag.message
    # an honour won after the work appeared may be the work's
    assert not check("The White Tower (1985), his first novel, was awarded the Osk Prize.")
    # another writer's book: the profile's honours say nothing of it
    assert not check("Grey Salt (2001), a novel by Jan Morrow, was awarded the Osk Prize.")
    # a date of its own after the work appeared: not the author's earlier honour
    assert not on(check("The Plain Reader won the Osk Prize in 2011."), "Plain Reader",
                  "fact_mismatch")


def test_newly_in_a_sentence_of_the_present(check: Check) -> None:
    (flag,) = on(check("Salt Hall, the city's newly built concert hall, is named after him."),
                 "Salt Hall", "stale_claim")
    assert "1999" in flag.message
    assert not check("In 1999 he sang at the newly built Salt Hall.")
    assert not check("He joined the newly founded Keld Senate.")


def test_a_post_that_serves_another_person(check: Check) -> None:
    (flag,) = on(check("He became private secretary to Jan Morrow."),
                 "private secretary", "fact_mismatch")
    assert "Ola Brent" in flag.message
    assert not check("He became private secretary to Ola Brent.")
