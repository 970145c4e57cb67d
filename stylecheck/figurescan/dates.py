"""Dates in prose: the recogniser the date rules share (forms, months, weekdays, the calendar).

Every branch of `DATE_PATTERN` starts at a digit (month names sit in look-behinds), so the figure
scan finds dates, times and amounts in one pass; `read_date` turns a match into a `DateMention`.
"""
from __future__ import annotations

import regex

from .. import patterns
from ..record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

MONTH_NAMES = (
    "", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)
# AP abbreviates these seven months when a day follows; the others are always spelled out.
AP_ABBREVIATIONS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
_MONTH_BY_TEXT = {name.lower(): i for i, name in enumerate(MONTH_NAMES) if name}
_MONTH_BY_TEXT.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH = "(?:" + "|".join(sorted((k.capitalize() for k in _MONTH_BY_TEXT), key=len, reverse=True)) + ")"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_SP = r"[ \t\u00a0]"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# Between the two days of a range: a hyphen or dash, "to", "through", "and" ("February 16 and 17").
_RANGE_SEP = rf"{_SP}?[-–]{_SP}?|{_SP}+(?:to|through|and){_SP}+"
_YEAR_TAIL = rf"(?:(?P<comma>,)?{_SP}{{1,2}}(?P<year>{_YEAR})(?!\w|[.,:/]\d))?"

DATE_PATTERN = patterns.compile(
    r"(?=\d)(?:"
    # Month first: "March 16", "Sept. 16, 2025", "Jan 5th", "March 2025" (a year and no day), and
    # a range of days in the month: "Feb. 16-17", "February 16 and 17, 2025".
    rf"(?<=(?<![\w.])(?P<mon>{_MONTH})(?P<dot>\.)?{_SP}{{1,2}})"
    rf"(?:(?P<day>{_DAY})(?P<ord>st|nd|rd|th)?(?:(?P<rsep>{_RANGE_SEP})(?P<rday>{_DAY})(?P<rord>st|nd|rd|th)?)?"
    rf"(?!\w|[.:,/-]\d){_YEAR_TAIL}|(?P<myear>{_YEAR})(?!\w|[.,:/]\d))"
    # Day first: "16 March 2025", "16th of March", and a range: "16-17 March", "16 and 17 March".
    rf"|(?<![\w.,:/$£€¥-]|[$£€¥]{_SP})(?:(?P<bday1>{_DAY})(?P<bord1>st|nd|rd|th)?(?P<bsep>{_RANGE_SEP}))?"
    rf"(?P<bday>{_DAY})(?P<bord>st|nd|rd|th)?{_SP}{{1,2}}(?P<of>of{_SP}+)?"
    rf"(?P<bmon>{_MONTH})(?P<bdot>\.)?(?!\w)(?:(?P<bcomma>,)?{_SP}{{1,2}}(?P<byear>{_YEAR})(?!\w|[.,:/]\d))?"
    # Numeric: "3/16/2025", "16/03/25", and ISO "2025-03-16".
    r"|(?<![\w.,:/-])(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/(?P<n3>\d{4}|\d\d)(?![\w/]|[.,]\d)"
    r"|(?<![\w.,:/-])(?P<iy>(?:1[89]|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\w-]|[.,]\d)"
    r")",
    regex.VERSION0,
)
_WEEKDAY_BEFORE = patterns.compile(rf"(?<![\w.])(?P<wd>{_WEEKDAY})(?P<wsep>,?{_SP}+)(?:the{_SP}+)?$")
# After "16 Feb." a lower-case word or a figure means the full stop was only the abbreviation's.
_SENTENCE_GOES_ON = patterns.compile(r"[ \t\u00a0]+[\p{Ll}\d]")
_IN_BEFORE = patterns.compile(r"(?<![\w])[Ii]n[ \t\u00a0]+$")
_WORD_BEFORE = patterns.compile(r"(\p{Lu}[\p{L}.'’-]*)[ \t\u00a0]+$")
# Capitalised words before "May" that still leave it a month ("On May 5", "Sunday May 5").
_MAY_AFTER = frozenset(
    "On In By Since From Until Till Before After Last Next Early Late Mid Through During Of And Or To "
    "Between Around About The".split()
) | frozenset(WEEKDAYS)


class DateMention(Record):
    """One date in the text. `start`/`end` cover the date without a leading weekday.

    `form` is month-day, day-month, month-year, numeric or iso. For numeric dates `numbers` are
    the three numbers as written (the year made four-digit); the house order decides which of the
    first two is the month. A range of days in one month ("Feb. 16-17", "16 and 17 February") is
    one mention: `day` is its first day, `last_day` its last (None for a single day) and
    `range_sep` what stands between them as written ("-", " and ").
    """

    __slots__ = (
        "start", "end", "form", "month", "day", "year", "month_text", "abbreviated", "ordinal",
        "year_comma", "weekday", "weekday_start", "weekday_end", "numbers", "last_day", "range_sep",
    )

    def __init__(
        self,
        start: int,
        end: int,
        form: str,
        month: int | None,
        day: int | None,
        year: int | None,
        month_text: str = "",
        abbreviated: bool = False,
        ordinal: str = "",
        year_comma: bool = False,
        weekday: int | None = None,
        weekday_start: int = -1,
        weekday_end: int = -1,
        numbers: tuple[int, int, int] = (0, 0, 0),
        last_day: int | None = None,
        range_sep: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.form = form
        self.month = month
        self.day = day
        self.year = year
        self.month_text = month_text
        self.abbreviated = abbreviated
        self.ordinal = ordinal
        self.year_comma = year_comma
        self.weekday = weekday
        self.weekday_start = weekday_start
        self.weekday_end = weekday_end
        self.numbers = numbers
        self.last_day = last_day
        self.range_sep = range_sep

    @property
    def has_day(self) -> bool:
        return self.day is not None


def _year_of(text: str | None) -> int | None:
    return int(text) if text else None


def _two_digit_year(value: str) -> int:
    year = int(value)
    if len(value) == 2:
        year += 2000 if year < 50 else 1900
    return year




def read_date(m: Any, prose: str) -> DateMention | None:
    if m.group("mon") or m.group("bmon"):
        first = bool(m.group("mon"))
        mon_group = "mon" if first else "bmon"
        month_text = m.group(mon_group)
        month = _MONTH_BY_TEXT[month_text.lower()]
        dotted = bool(m.group("dot" if first else "bdot"))
        start = m.start("mon") if first else m.start()
        end = m.end()
        full_name = month_text.lower() not in _ABBREVIATED_FORMS
        if dotted and not first and not m.group("byear") and (full_name or _SENTENCE_GOES_ON.match(prose, end) is None):
            # "on 16 February." or "on 16 Feb. It ...": the full stop ends the sentence (or does both jobs)
            end -= 1
            dotted = not full_name
        if month_text == "May" and not _may_is_month(prose, start if first else m.start("bmon"), first):
            return None
        if first and not m.group("myear") and _IN_BEFORE.search(prose, max(0, start - 4), start):
            return None  # "In January 25 people were ...": a count after a month, not a date
        if first and m.group("myear"):
            return DateMention(start, end, "month-year", month, None, int(m.group("myear")), month_text + ("." if dotted else ""), month_text.lower() in _ABBREVIATED_FORMS)
        if first:
            day, last_day, range_sep = int(m.group("day")), m.group("rday"), m.group("rsep")
        elif m.group("bday1"):
            day, last_day, range_sep = int(m.group("bday1")), m.group("bday"), m.group("bsep")
        else:
            day, last_day, range_sep = int(m.group("bday")), None, None
        if last_day is not None:
            last_day = int(last_day)
            if last_day <= day:
                # "Jan. 10-1", "the 2-1 March win": not a range of days (a slip, or a score) to
                # write in house style; the date-range check reports a range that ends before it starts.
                return None
        year = _year_of(m.group("year" if first else "byear"))
        weekday = _WEEKDAY_BEFORE.search(prose, max(0, start - 20), start)
        ordinal = m.group("ord" if first else "bord1") or m.group("rord" if first else "bord") or ""
        return DateMention(
            start, end, "month-day" if first else "day-month", month, day, year,
            month_text + ("." if dotted else ""), month_text.lower() in _ABBREVIATED_FORMS,
            ordinal, bool(m.group("comma" if first else "bcomma")),
            WEEKDAYS.index(weekday.group("wd")) if weekday else None,
            weekday.start() if weekday else -1, weekday.end("wd") if weekday else -1,
            last_day=last_day, range_sep=range_sep or "",
        )
    if m.group("n1"):
        return DateMention(m.start(), m.end(), "numeric", None, None, _two_digit_year(m.group("n3")),
                           numbers=(int(m.group("n1")), int(m.group("n2")), _two_digit_year(m.group("n3"))))
    return DateMention(m.start(), m.end(), "iso", int(m.group("im")), int(m.group("id")), int(m.group("iy")))


_ABBREVIATED_FORMS = frozenset(k for k in _MONTH_BY_TEXT if len(k) <= 4 and k not in ("may", "june", "july"))


def _may_is_month(prose: str, start: int, month_first: bool) -> bool:
    """"May" after a capitalised word is usually a surname (Theresa May, Mrs May), not a month."""
    if not month_first:
        return True
    before = _WORD_BEFORE.search(prose, max(0, start - 30), start)
    if before is None:
        return True
    word = before.group(1).rstrip(".")
    return word in _MAY_AFTER


# Days in each month of a common year (the calendar module would cost its import at start-up).
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in(month: int, year: int | None) -> int:
    if month == 2:
        leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
        return 29 if leap else 28
    return _MONTH_DAYS[month - 1]


def is_possible(month: int, day: int, year: int | None) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in(month, year)
