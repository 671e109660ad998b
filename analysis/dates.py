"""Partial dates (year, month or day precision) shared by the temporal tagger, the KB and checks."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PRECISIONS = ("century", "decade", "year", "month", "day")
_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
_DECADE = re.compile(r"^(?P<y>\d{3})X$")
_CENTURY = re.compile(r"^(?P<y>\d{2})XX$")
# "the same year", "that year": a date that points back at a written one.
SAME_YEAR = re.compile(r"(?:the|that)\s+(?:same|very)\s+year|that\s+year", re.I)


@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to a precision: century, decade, year, month or day.

    For a decade, ``year`` is its first year (1980 for "198X"); for a century, 1900 for "19XX".
    """

    year: int
    month: int | None = None
    day: int | None = None
    precision: str = "year"

    @classmethod
    def parse(cls, value: str) -> PartialDate | None:
        """Parse "1998", "1998-07", "1998-07-23", "198X", "19XX"; None for anything else.

        Month or day "00" (Wikidata's way of saying "unknown") lowers the precision.
        """
        value = value.strip()
        if m := _DECADE.match(value):
            return cls(int(m["y"]) * 10, precision="decade")
        if m := _CENTURY.match(value):
            return cls(int(m["y"]) * 100, precision="century")
        m = _ISO.match(value)
        if not m:
            return None
        year = int(m["y"])
        month = int(m["m"]) if m["m"] and m["m"] != "00" else None
        day = int(m["d"]) if month and m["d"] and m["d"] != "00" else None
        precision = "day" if day else "month" if month else "year"
        return cls(year, month, day, precision)

    @property
    def rank(self) -> int:
        return _PRECISIONS.index(self.precision)

    def interval(self) -> tuple[date, date]:
        """First and last calendar day this value may denote."""
        if self.precision == "century":
            return date(self.year, 1, 1), date(self.year + 99, 12, 31)
        if self.precision == "decade":
            return date(self.year, 1, 1), date(self.year + 9, 12, 31)
        if self.month is None:
            return date(self.year, 1, 1), date(self.year, 12, 31)
        if self.day is None:
            last = calendar.monthrange(self.year, self.month)[1]
            return date(self.year, self.month, 1), date(self.year, self.month, last)
        return date(self.year, self.month, self.day), date(self.year, self.month, self.day)

    def truncate(self, precision: str) -> PartialDate:
        """The same date at a coarser precision (a finer one returns self)."""
        if _PRECISIONS.index(precision) >= self.rank:
            return self
        if precision == "month":
            return PartialDate(self.year, self.month, None, "month")
        if precision == "year":
            return PartialDate(self.year, None, None, "year")
        if precision == "decade":
            return PartialDate(self.year - self.year % 10, precision="decade")
        return PartialDate(self.year - self.year % 100, precision="century")

    def __str__(self) -> str:
        if self.precision == "century":
            return f"{self.year // 100:02d}XX"
        if self.precision == "decade":
            return f"{self.year // 10:03d}X"
        if self.precision == "year":
            return f"{self.year:04d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def human(self) -> str:
        """Editor-facing form: "1998", "July 2024", "8 July 1960", "the 1980s"."""
        if self.precision == "decade":
            return f"the {self.year}s"
        if self.precision == "century":
            return f"the {self.year // 100 + 1}th century"
        if self.precision == "year":
            return str(self.year)
        month = calendar.month_name[self.month or 1]
        if self.precision == "month":
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def at(self) -> str:
        """The date after its preposition: "on 8 July 1960", "in July 2024", "in 1998"."""
        return f"{'on' if self.day else 'in'} {self.human()}"


def agrees(a: PartialDate, b: PartialDate) -> bool:
    """True when the two dates are equal at the coarser of their precisions."""
    coarse = _PRECISIONS[min(a.rank, b.rank)]
    return a.truncate(coarse) == b.truncate(coarse)


def overlaps(point: PartialDate, start: PartialDate | None, end: PartialDate | None) -> bool:
    """True when ``point`` may fall within [start, end] (an open end is unbounded)."""
    lo, hi = point.interval()
    if start is not None and hi < start.interval()[0]:
        return False
    if end is not None and lo > end.interval()[1]:
        return False
    return True
