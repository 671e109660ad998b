"""Word tables and regex fragments of the temporal tagger (data, no logic)."""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
# Capitalised only: "may", "march" and "august" are common lowercase words.
MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
    r"|(?:Jan|Feb|Apr|Aug|Sept|Oct|Nov|Dec)(?!\s+[A-Z]))(?![a-z])"  # "Jan Kavan" is a name
)
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
# A bare 4-digit number is a year unless it measures something ("1500 troops", "2000%").
YEAR = (
    r"(?<![\d$£€.,/#])(?P<year>1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|\s*(?i:percent|per\b|people"
    r"|shares|troops|km|miles|feet|meters|metres|tons|votes|yards|dollars|points|men|women"
    r"|soldiers|workers|acres|pounds|kilometers|kilometres|employees|jobs|cars))"
)
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}
WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

SMALL_NUMBERS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
NUMBER_WORDS = {w: i for i, w in enumerate(SMALL_NUMBERS)} | TENS | {
    "a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "a hundred": 100, "hundred": 100, "a half": 0.5, "half a": 0.5,
}
# Quantities that are not numbers: "several years" is PXY.
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "a number of")
_SMALL = "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True))
_TENS = "|".join(TENS)
NUMBER = (
    rf"(?P<num>\d+(?:\.\d+)?|(?i:(?:{_TENS})(?:[- ](?:{_SMALL}))?|{_SMALL}|a couple of|couple of"
    r"|a dozen|dozen|a hundred|hundred|a half|half a|a few|few|several|many|some|a number of"
    r"|an?))"
)
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}
# unit word -> (TIMEX3 letter, multiplier, is a time unit)
UNITS = {
    "year": ("Y", 1, False), "month": ("M", 1, False), "week": ("W", 1, False),
    "day": ("D", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
    "quarter": ("Q", 1, False), "hour": ("H", 1, True), "minute": ("M", 1, True),
    "second": ("S", 1, True), "weekend": ("WE", 1, False), "fortnight": ("W", 2, False),
}
UNIT = (
    r"(?P<unit>(?i:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|quarters?|hours?"
    r"|minutes?|seconds?|weekends?|fortnights?))(?![a-z])"
)
# Words before a quantity -> TIMEX3 mod ("more than four decades ago" is MORE_THAN P40Y).
MODS = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
    "almost": "LESS_THAN", "nearly": "APPROX", "about": "APPROX", "around": "APPROX",
    "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}
MOD = (
    r"(?:(?P<mod>(?i:more than|less than|at least|at most|no more than|just over|just under"
    r"|up to|over|under|almost|nearly|about|around|roughly|approximately))\s+)?"
)
PART = r"(?P<part>(?i:early|mid|late))"
PART_MODS = {
    "early": "START", "mid": "MID", "late": "END", "end": "END", "start": "START",
    "beginning": "START", "middle": "MID",
}
# Words that put a clause in the future: a bare "Friday" then means the next one.
FUTURE = r"(?:\b(?:will|shall|going to|scheduled to|is to|are to)\b|'ll\b)"
SETS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "biweekly": "P2W", "nightly": "XXXX-XX-XXTNI",
}
PRESENT_WORDS = (
    "now", "currently", "current", "nowadays", "these days", "at present", "presently",
    "at the moment", "right now",
)
PAST_WORDS = ("recently", "recent", "lately", "the past", "formerly")
FUTURE_WORDS = ("the future", "the coming years")
