"""slips: figures that are malformed or cannot be, the slips a copy editor catches by eye.

    extends: figure-slips
    check: amounts        # amounts | times | symbol-after | decades | years | ranges

* `amounts`: a malformed amount of money. A point with no digits after it ("£17.m", "17. mln dlrs"), a thousands
  group that is not three digits long ("$110,00", "1,4 mln dlrs", "4,472,0000 dlrs"), two
  decimal points ("$1.2.5m"), a plural magnitude after a figure ("£22 billions"). Only amounts,
  known by a currency symbol before the figure or a magnitude or currency word after it: "1,2,3"
  in a list and the Indian grouping "1,00,000" are left alone.
* `times`: a clock time that is malformed or cannot be: "5:pm" (a colon and no minutes),
  "10:5 p.m." (one digit of minutes), "10:75 p.m." (minutes past 59), "13:30 p.m." (an hour past
  12 with a.m. or p.m.; the 24-hour "13:30" alone is left alone).
* `symbol-after`: a currency symbol after the figure ("100$", "2,500,000€"): English puts it
  before ("$100", "€2,500,000"). "$/barrel" and "20 $US" are left alone.
* `decades`: a decade with an apostrophe before the s ("the 1990's", "the 90's"): "1990s", and for
  two digits "90s" (British) or, under AP, "'90s" for a decade and "60s" for an age, a price or a
  temperature ("in his 60's", "the mid-30's"). A year's possessive ("1990's budget", "since
  1980's level", "November 1980's total") is left alone: the decade reading needs a word that
  introduces a decade (a determiner, "early", "mid", "late" ...), a possessive before it, or
  another decade it is paired with.
* `years`: a five-digit year in a date ("May 20014", "April 1, 20012"): the suggestion drops the
  doubled digit or, failing that, the digit that gives a year closest to the article's other
  years. A month followed by a figure in a table ("Aug 13126", no day and no running text before
  the month) is left alone.
* `ranges`: a date range that ends before it starts ("Jan. 10-1", "10-1 January", "2010-2005")
  or names a day its month does not have ("Feb. 27-30", "June 30-31"). A range across a month
  boundary ("Nov. 28-Feb. 2") is left alone, as are scores ("won in March 3-1"), price spreads and
  fractions ("Jul/May 3-1/4") and clock times ("1992 to 1700 GMT").

One scan of the prose finds every kind (each pattern starts at a digit), kept on the document for
all the rules of this type.
"""
from __future__ import annotations

import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule
from ..figurescan.dates import MONTH_NAMES, _MONTH_BY_TEXT, days_in
from .figures import fit_stop, setting, within_scope

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from typing import Any

CHECKS = ("amounts", "times", "symbol-after", "decades", "years", "ranges")

_SP = r"[ \t\u00a0]"
_SYM = "[$£€¥₹]"
_MONTH = "(?:" + "|".join(sorted((k.capitalize() for k in _MONTH_BY_TEXT), key=len, reverse=True)) + ")"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_AMPM = r"[AaPp]\.?[Mm]\.?"
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_LONG = "thousand|million|billion|trillion"

_BRANCHES = (
    # 100$, 2,500,000€, 2.5m €
    rf"(?=[\d.,]*{_SP}?(?:(?:{_LONG}|mln|bln|bn|tn|m|k){_SP}?)?{_SYM})(?<![\w.,$£€¥₹]|{_SYM}{_SP}?)(?P<sa_num>{_NUMBER})(?P<sa_mag>{_SP}?(?:{_LONG}|mln|bln|bn|tn|m|k))?"
    rf"(?P<sa_sp>{_SP}?)(?P<sa_sym>{_SYM})(?![\w$£€¥₹/])",
    # £17.m
    rf"(?=[\d,]+\.(?:bn|tn|m|k|{_LONG}|mln|bln)(?!\w))(?<={_SYM}{_SP}?)(?P<dm_num>\d{{1,3}}(?:,\d{{3}})+|\d+)\.(?P<dm_mag>bn|tn|m|k|{_LONG}|mln|bln)(?!\w)",
    # 17. mln dlrs (a currency word must follow: checked in code)
    r"(?=[\d,]+\.[ \u00a0]?(?:mln|bln|million|billion)(?!\w))(?<![\w.,$£€¥₹])(?P<dw_num>\d{1,3}(?:,\d{3})+|\d+)\.[ \u00a0]?(?P<dw_mag>mln|bln|million|billion)(?!\w)",
    # $1.2.5m
    rf"(?=\d+\.\d+\.\d)(?<={_SYM}{_SP}?)(?P<tp_num>\d+\.\d+\.\d+)(?!\d)",
    # $110,00 and 1,4 mln: a group after a comma that is not three digits long
    r"(?<![\w.,])(?P<bg_num>\d{1,3}(?:,\d{3})*,(?!\d{3}(?!\d))\d+(?:,\d+)*(?:\.\d+)?)(?!\d|[.,]\d)",
    # £22 billions
    rf"(?=[\d.,]+{_SP}(?:{_LONG})s(?!\w))(?<![\w.,])(?P<pm_num>{_NUMBER})(?P<pm_sp>{_SP})(?P<pm_mag>{_LONG})s(?!\w)",
    # 1990's, 90's
    r"(?=\d+['’]s)(?<![\w.,:/$£€¥₹])(?P<de_num>(?:1[0-9]|20)?\d0)(?P<de_apos>['’])s(?!\w)",
    # 5:pm
    r"(?=\d{1,2}[:.][AaPp])(?<![\w.:,])(?P<tc_h>1[0-2]|0?\d)(?P<tc_sep>[:.])(?P<tc_ampm>[AaPp]\.?[Mm]\.?)(?!\w)",
    # 13:30 p.m., 0 a.m. (an undotted "am" may be the verb: "at 16 am I ...")
    r"(?=\d{1,2}(?:[:.]\d\d)?[ \u00a0]?[AaPp])(?<![\w.:,])(?P<th_h>1[3-9]|2[0-4]|00?)(?:[:.](?P<th_m>\d\d))?(?P<th_sp>[ \u00a0]?)"
    r"(?P<th_ampm>[AaPp]\.[Mm]\.?|[Pp][Mm]|PM)(?!\w)",
    # 10:5 p.m., 10:75 p.m.
    rf"(?=\d{{1,2}}:\d{{1,2}}[ \u00a0]?[AaPp])(?<![\w.:,])(?P<tm_h>1[0-2]|0?\d):(?P<tm_m>[6-9]\d|\d(?!\d))[ \u00a0]?(?P<tm_ampm>{_AMPM})(?!\w)",
    # May 20014, April 1, 20012, the year 20014, 3/4/20014
    rf"(?=[12]\d{{4}}(?!\d))(?<=(?<![\w./])(?:(?P<y5_bday>{_DAY})(?:st|nd|rd|th)?{_SP}{{1,2}}(?:of{_SP}+)?)?(?P<y5_mon>{_MONTH})\.?,?{_SP}{{1,2}}(?:(?P<y5_day>{_DAY})(?:st|nd|rd|th)?,?{_SP}{{1,2}})?"
    rf"|\b[Yy]ear{_SP}|(?<![\w./])\d{{1,2}}/\d{{1,2}}/)(?P<y5>[12]\d{{4}})(?!\w|[.,]\d)",
    # Jan. 10-1, Feb. 27-30, March 3 to 1 (, 2016)
    rf"(?=\d{{1,2}}(?:{_SP}?[-–—]|{_SP}+(?:to|through|until|till|and){_SP}))(?<=(?<![\w./])(?P<dr_mon>{_MONTH})(?P<dr_dot>\.)?,?{_SP}{{1,2}})(?P<dr_d1>\d{{1,2}})(?P<dr_sep>{_SP}?[-–—]{_SP}?|{_SP}+(?:to|through|until|till|and){_SP}+)"
    rf"(?P<dr_d2>\d{{1,2}})(?!\w|[-/:.,]\d)(?:,?{_SP}{{1,2}}(?P<dr_year>{_YEAR})(?!\w))?",
    # 10-1 January, between 10 and 1 January
    rf"(?=\d{{1,2}}(?:{_SP}?[-–—]|{_SP}+(?:to|and){_SP}))(?<![\w.,:/$£€¥₹-])(?P<dd_d1>\d{{1,2}})(?P<dd_sep>{_SP}?[-–—]{_SP}?|{_SP}+(?:to|and){_SP}+)(?P<dd_d2>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"{_SP}{{1,2}}(?:of{_SP}+)?(?P<dd_mon>{_MONTH})\b\.?(?:,?{_SP}{{1,2}}(?P<dd_year>{_YEAR})(?!\w))?",
    # 2010-2005, from 2010 to 2005, between 2010 and 2005
    rf"(?=(?:1[6-9]|20)\d\d(?!\d))(?<![\w.,:/$£€¥₹-])(?P<yr_1>{_YEAR})(?P<yr_sep>{_SP}?[-–—]{_SP}?|{_SP}+(?:to|through|until|and){_SP}+)(?P<yr_2>{_YEAR})(?!\w|[-/:.,]\d)",
)
# Every branch refuses a word character before its first digit, so `\b` skips the inner digits of
# every number; and each branch first checks, with a look-ahead, the characters its figure must be
# followed by, before any look-behind (a month before the figure is dear to look for at every digit).
SLIP_PATTERN = patterns.compile(r"\b(?=\d)(?:" + "|".join(f"(?:{b})" for b in _BRANCHES) + ")", regex.VERSION0)
_KINDS = ("sa", "dm", "dw", "tp", "bg", "pm", "de", "tc", "th", "tm", "y5", "dr", "dd", "yr")
_KIND_GROUP = {"sa": "sa_num", "dm": "dm_num", "dw": "dw_num", "tp": "tp_num", "bg": "bg_num", "pm": "pm_num", "de": "de_num",
               "tc": "tc_h", "th": "th_h", "tm": "tm_h", "y5": "y5", "dr": "dr_d1", "dd": "dd_d1", "yr": "yr_1"}
CHECK_OF_KIND = {"dm": "amounts", "dw": "amounts", "tp": "amounts", "bg": "amounts", "pm": "amounts", "tc": "times", "th": "times",
                 "tm": "times", "sa": "symbol-after", "de": "decades", "y5": "years", "dr": "ranges", "dd": "ranges",
                 "yr": "ranges"}

_WORD_BEFORE = patterns.compile(r"(?:^|(?<=[^\p{L}\p{N}'’]))([\p{L}]+)(-?)[ \t\u00a0]*['’]?$")
# Words after which a figure with "'s" is a decade, not a year's possessive: a determiner (a year's
# possessive takes none: "1990's budget", not "the 1990's budget") or a decade's own modifiers.
_BEFORE_DECADE = frozenset("the a an this that these those such his her their its my our your whose early mid late middle".split())
_BEFORE_SHORT_DECADE = _BEFORE_DECADE | frozenset("high low upper lower".split())
_HYPHENATED_BEFORE_DECADE = frozenset("mid early late pre post".split())
_POSSESSIVE_BEFORE = patterns.compile(r"\p{L}['’]s[ \t\u00a0]+['’]?$")
_POSSESSIVES = frozenset("his her their its my our your whose".split())
_NUMBER_RANGE_WORDS = frozenset("high low upper lower".split())
_PAIRING = frozenset("and or to through until till".split())
_DECADE_BEHIND = patterns.compile(r"(?:1[0-9]|20)?\d0['’]?s[ \t\u00a0]*,?[ \t\u00a0]*(?:and|or|to|through|until|till)?[ \t\u00a0]*(?:(?:early|mid|late)-?[ \t\u00a0]*)?['’]?$")
# Running text before a month: a word (or a comma or bracket after one), not a line start, a dash or a figure.
# A line break is a space here: wire copy is hard-wrapped ("public in\nSeptember 1986").
_TEXT_BEFORE = patterns.compile(r"(?:\p{L}[.,]?|[,(])[ \t\u00a0]*(?:\r?\n)?[ \t\u00a0]*(?<=[ \t\u00a0\n])$")
_IN_BEFORE = patterns.compile(r"(?<!\w)[Ii]n[ \t\u00a0]+$")
_BETWEEN_BEFORE = patterns.compile(r"(?<!\w)between[ \t\u00a0]+(?:" + _MONTH + r"\.?[ \t\u00a0]+)?$")
_NAME_BEFORE_MAY = patterns.compile(r"(\p{Lu}[\p{L}.'’-]*)[ \t\u00a0]+$")
_MAY_AFTER = frozenset("On In By Since From Until Till Before After Last Next Early Late Mid Through During Of And Or To Between Around About The".split())
_CLOCK_AFTER = patterns.compile(r"[ \t\u00a0]*(?:[A-Z]{2,4}T\b|GMT|UTC|hrs\b|hours\b|local\b|h\b)")
_SYMBOL_PREFIX = patterns.compile(r"(?<![\w.$])(?:US|C|A|NZ|HK|S)$")
_YEAR_IN_TEXT = patterns.compile(r"(?<![\w.,])(?:1[6-9]\d\d|20\d\d)(?![\w]|[.,]\d)")
_SCORE_AFTER = patterns.compile(r"[ \t\u00a0]+(?:win|victory|defeat|loss|draw|lead|home|away)\b")


def slips(doc: Document) -> list[tuple[str, Any]]:
    """(kind, match) for every slip candidate in the prose, found in one scan and kept on `doc`."""

    def scan() -> list[tuple[str, Any]]:
        found = []
        for m in SLIP_PATTERN.finditer(doc.prose, timeout=doc.time_left()):
            for kind in _KINDS:
                if m.start(_KIND_GROUP[kind]) >= 0:
                    found.append((kind, m))
                    break
        return found

    return doc.memo(("slips", "candidates"), scan)


class FigureSlips(Rule):
    FIELDS = {
        "check": Field((str,), "amounts", CHECKS, doc="which kind of slip this rule reports"),
    }

    def compile(self, options: dict) -> None:
        from ..wordlists import load_data

        self.mode: str = self.option("check")
        self.ap = self.ctx.preset == "ap"
        self.time_style: str = setting(self, "time_style", "ap", ("ap", "british", "any"))
        self.magnitude: str = setting(self, "money_magnitude", "words", ("words", "short", "any"))
        self.short_decade: str = setting(self, "decade_short_form", "'90s" if self.ap else "90s", ("'90s", "90s"))
        # Words after a figure that make it an amount of money: magnitudes and currency words.
        data = dict(load_data("currencies.yml"))
        words = [str(k) for section in ("words", "needs_magnitude") for k, _ in (data.get(section) or ())]
        self.money_after = patterns.compile(
            r"(?:[ \u00a0]?(?P<short>bn|tn|m|k)|\s+(?P<long>thousand|million|billion|trillion|mln|bln)"
            r"|\s+(?P<word>" + "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)) + r"))(?![\w-])"
        )

    def check(self, doc: Document) -> Iterator[Match]:
        found = [(kind, m) for kind, m in slips(doc) if CHECK_OF_KIND[kind] == self.mode]
        if not found:
            return iter(())
        matches = self._matches(doc, found)
        return matches if self.scopes == ["text"] else within_scope(self, doc, matches)

    def _matches(self, doc: Document, found: list[tuple[str, Any]]) -> Iterator[Match]:
        prose = doc.prose
        for kind, m in found:
            match = getattr(self, "_" + kind)(prose, m, doc)
            if match is not None:
                yield match

    # -- amounts ---------------------------------------------------------------------------------

    def _symbol_start(self, prose: str, start: int) -> int:
        """Where the amount starts: at its currency symbol ("US$" with its prefix), if one comes before the figure."""
        i = start - 1 if start > 0 and prose[start - 1] in " \u00a0" else start
        if i > 0 and prose[i - 1] in "$£€¥₹":
            i -= 1
            prefix = _SYMBOL_PREFIX.search(prose, max(0, i - 3), i) if prose[i] == "$" else None
            return prefix.start() if prefix else i
        return start

    def _dm(self, prose: str, m: Any, doc: Document) -> Match:
        start = self._symbol_start(prose, m.start("dm_num"))
        return _point_without_digits(prose, start, m.end())

    def _dw(self, prose: str, m: Any, doc: Document) -> Match | None:
        after = self.money_after.match(prose, m.end())
        if after is None or after.group("word") is None:
            return None  # "rose 3. Million ..." is not an amount; "17. mln dlrs" is
        return _point_without_digits(prose, m.start(), m.end())

    def _tp(self, prose: str, m: Any, doc: Document) -> Match:
        start = self._symbol_start(prose, m.start("tp_num"))
        return Match(start, m.end(), f"'{prose[start:m.end()]}' has two decimal points: one of them is a slip.")

    def _bg(self, prose: str, m: Any, doc: Document) -> Match | None:
        number = m.group("bg_num")
        whole = number.split(".")[0]
        groups = whole.split(",")
        if len(groups) >= 3 and len(groups[-1]) == 3 and all(len(g) == 2 for g in groups[1:-1]):
            return None  # the Indian grouping: 1,00,000
        start = self._symbol_start(prose, m.start("bg_num"))
        after = self.money_after.match(prose, m.end())
        if start == m.start("bg_num") and after is None:
            return None  # not an amount of money: a list ("1,2,3"), page numbers, a score
        end = m.end()
        written = prose[start:end]
        head = prose[start : m.start("bg_num")]
        last = groups[-1]
        magnitude = after is not None and after.group("word") is None
        proper = all(len(g) == 3 for g in groups[1:-1])
        if "." not in number and proper and len(last) <= 2 and magnitude:
            # "1,4 mln", "3,801,7 billion": a decimal comma before a magnitude
            fixed = head + ",".join(groups[:-1]) + "." + last
            return Match(start, end, f"'{written}': the decimal point is written with a full stop ('{fixed}').", (fixed,))
        if "." not in number and len(groups) == 2:
            return Match(
                start, end,
                f"'{written}': a thousands group has three digits. If this is a decimal, write it with a full stop"
                f" ('{head}{groups[0]}.{last}'); if it is thousands, a digit is {'missing' if len(last) < 3 else 'doubled or extra'}.",
            )
        bad = next(g for g in groups[1:] if len(g) != 3)
        return Match(start, end, f"'{written}': a thousands group has three digits, not {len(bad)} ('{bad}'): a digit is missing or doubled.")

    def _pm(self, prose: str, m: Any, doc: Document) -> Match:
        start = self._symbol_start(prose, m.start("pm_num"))
        symbol = prose[start : m.start("pm_num")].strip()
        magnitude = m.group("pm_mag")
        number = m.group("pm_num")
        if symbol and magnitude != "thousand" and self.magnitude == "short" and magnitude != "trillion":
            fixed = f"{symbol}{number}{'m' if magnitude == 'million' else 'bn'}"
        else:
            fixed = f"{prose[start:m.start('pm_num')]}{number}{m.group('pm_sp')}{magnitude}"
        return Match(start, m.end(), f"'{prose[start:m.end()]}': after a figure, '{magnitude}' takes no 's' ('{fixed}').", (fixed,))

    # -- times -----------------------------------------------------------------------------------

    def _clock(self, hour: int, minutes: str, afternoon: bool) -> str:
        if self.time_style == "british":
            return f"{hour}{'.' + minutes if minutes else ''}{'pm' if afternoon else 'am'}"
        return f"{hour}{':' + minutes if minutes else ''} {'p.m.' if afternoon else 'a.m.'}"

    def _tc(self, prose: str, m: Any, doc: Document) -> Match:
        end = _time_end(m, "tc_ampm")
        afternoon = m.group("tc_ampm")[0] in "Pp"
        if self.time_style == "any":
            fixed = m.group("tc_h") + prose[m.start("tc_ampm") : end]
        else:
            fixed = self._clock(int(m.group("tc_h")), "", afternoon)
        fixed, end = fit_stop(prose, m.start(), end, fixed)
        written = prose[m.start() : end]
        return Match(m.start(), end, f"'{written}': a '{m.group('tc_sep')}' with no minutes after it ('{fixed}').", (fixed,))

    def _th(self, prose: str, m: Any, doc: Document) -> Match:
        hour = int(m.group("th_h"))
        afternoon = m.group("th_ampm")[0] in "Pp"
        end = _time_end(m, "th_ampm")
        written = prose[m.start() : end]
        clock = f"{hour:02d}:{m.group('th_m') or '00'}" if hour < 24 else ""
        if hour == 0 or hour == 24:
            return Match(m.start(), end, f"'{written}': the 12-hour clock has no hour {hour}; midnight is 12 a.m. (or write the time on the 24-hour clock).")
        if afternoon and 13 <= hour <= 23:
            fixed = self._clock(hour - 12, m.group("th_m") or "", True) if self.time_style != "any" else ""
            if fixed:
                fixed, end = fit_stop(prose, m.start(), end, fixed)
            return Match(
                m.start(), end,
                f"'{prose[m.start():end]}': the 12-hour clock stops at 12; {clock} is {fixed or str(hour - 12) + ' p.m.'}, or '{clock}' on the 24-hour clock.",
                (fixed,) if fixed else (),
            )
        return Match(m.start(), end, f"'{written}': there is no {hour} o'clock in the morning on the 12-hour clock; check the time.")

    def _tm(self, prose: str, m: Any, doc: Document) -> Match:
        minutes = m.group("tm_m")
        end = _time_end(m, "tm_ampm")
        written = prose[m.start() : end]
        if len(minutes) == 1:
            return Match(m.start(), end, f"'{written}': minutes take two digits (':0{minutes}' or ':{minutes}0'); a digit is missing.")
        return Match(m.start(), end, f"'{written}': an hour has 60 minutes, so ':{minutes}' cannot be; check the time.")

    # -- a currency symbol after the figure ------------------------------------------------------

    def _sa(self, prose: str, m: Any, doc: Document) -> Match | None:
        number = m.group("sa_num")
        if m.group("sa_sp") and regex.fullmatch(_YEAR, number):
            return None  # "2010 $" as in constant-dollar tables
        if prose.startswith("US", m.end()) or (m.end() < len(prose) and prose[m.end()].isalnum()):
            return None
        magnitude = m.group("sa_mag") or ""
        symbol = m.group("sa_sym")
        fixed = f"{symbol}{number}{magnitude}"
        written = prose[m.start() : m.end()]
        return Match(m.start(), m.end(), f"'{written}': the currency symbol goes before the figure in English ('{fixed}').", (fixed,))

    # -- decades ---------------------------------------------------------------------------------

    def _de(self, prose: str, m: Any, doc: Document) -> Match | None:
        number = m.group("de_num")
        start = m.start("de_num")
        leading = start > 0 and prose[start - 1] in "'’"
        head = max(0, start - 40)
        before = _WORD_BEFORE.search(prose, head, start - 1 if leading else start)
        word = before.group(1).lower() if before else ""
        hyphen = bool(before and before.group(2))
        allowed = _BEFORE_DECADE if len(number) == 4 else _BEFORE_SHORT_DECADE
        if hyphen:
            ok = word in _HYPHENATED_BEFORE_DECADE
        elif before is not None and prose[before.start(1) - 2 : before.start(1)] in ("'s", "’s") or _POSSESSIVE_BEFORE.search(prose, head, start):
            ok = True  # "Britain's 1960's": a possessive before, so no year's possessive here
        elif word in allowed:
            ok = True
        elif word in _PAIRING and before is not None:
            ok = _DECADE_BEHIND.search(prose, head, before.start(1)) is not None
        else:
            ok = False
        if not ok:
            return None
        apostrophe = m.group("de_apos")
        span_start = start - 1 if leading else start
        written = prose[span_start : m.end()]
        if len(number) == 4:
            return Match(span_start, m.end(), f"'{written}': a decade is a plural, not a possessive: no apostrophe before the s ('{number}s').", (f"{number}s",))
        plain = f"{number}s"
        if self.short_decade == "90s":
            return Match(span_start, m.end(), f"'{written}': a plural takes no apostrophe before the s ('{plain}').", (plain,))
        # AP marks a decade's dropped century ("the '60s") but not an age or a price ("in his 60s",
        # "the mid-30s"): the words before tell which is likelier.
        decade = f"{apostrophe}{number}s"
        earlier = prose[max(0, (before.start(1) if before else start) - 12) : before.start(1) if before else start].lower().split()
        possessive = word in _POSSESSIVES or (earlier and earlier[-1] in _POSSESSIVES)
        if possessive or word in _NUMBER_RANGE_WORDS:
            suggestions: tuple[str, ...] = (plain,)
        elif word in ("mid", "middle"):
            suggestions = (plain, decade)
        else:
            suggestions = (decade, plain)
        return Match(
            span_start, m.end(),
            f"'{written}': a plural takes no apostrophe before the s: '{plain}' for a number (an age, a price),"
            f" '{decade}' for a decade (AP marks the dropped century).",
            suggestions,
        )

    # -- five-digit years ------------------------------------------------------------------------

    def _y5(self, prose: str, m: Any, doc: Document) -> Match | None:
        if m.start("y5_mon") >= 0:
            month_start = m.start("y5_mon")
            if m.group("y5_mon") == "May" and not _may_is_month(prose, month_start):
                return None
            if m.start("y5_day") < 0 and m.start("y5_bday") < 0 and not _TEXT_BEFORE.search(prose, max(0, month_start - 30), month_start):
                return None  # "Aug 13126" in a table: a month and a figure, not a date in running text
        written = m.group("y5")
        candidates = _year_candidates(written)
        if not candidates:
            return None
        years = doc.memo(("slips", "years"), lambda: [int(y.group()) for y in _YEAR_IN_TEXT.finditer(prose)])
        if years:
            ordered = sorted(years)
            typical = ordered[len(ordered) // 2]
            candidates.sort(key=lambda c: (not c[1], abs(c[0] - typical)))
        else:
            candidates.sort(key=lambda c: (not c[1], -c[0]))
        doubled = [year for year, twice in candidates if twice]
        suggestions = tuple(str(year) for year in doubled) if doubled else tuple(str(year) for year, _ in candidates[:2])
        return Match(m.start("y5"), m.end("y5"), f"'{written}' is not a year: a digit too many ('{suggestions[0]}'?).", suggestions)

    # -- ranges ----------------------------------------------------------------------------------

    def _dr(self, prose: str, m: Any, doc: Document) -> Match | None:
        month_start = m.start("dr_mon")
        if _IN_BEFORE.search(prose, max(0, month_start - 4), month_start) and m.group("dr_sep").strip() in "-–—":
            return None  # "won in March 3-1": a score after a month
        if m.group("dr_sep").strip() == "and" and not _BETWEEN_BEFORE.search(prose, max(0, month_start - 40), month_start):
            return None  # "March 16 and 17": two days, not a range
        if _SCORE_AFTER.match(prose, m.end("dr_d2")) or m.group("dr_sep").startswith((" -", "\t-")):
            return None  # a score; or " - " of a wire dateline ("LONDON, June 2 - 53 weeks to ...")
        month = _MONTH_BY_TEXT[m.group("dr_mon").lower()]
        year = int(m.group("dr_year")) if m.group("dr_year") else None
        return _range_finding(m.group("dr_mon") + (m.group("dr_dot") or ""), month, int(m.group("dr_d1")), int(m.group("dr_d2")), year,
                              month_start, m.end("dr_d2"), prose)

    def _dd(self, prose: str, m: Any, doc: Document) -> Match | None:
        if m.group("dd_sep").strip() == "and" and not _BETWEEN_BEFORE.search(prose, max(0, m.start() - 40), m.start()):
            return None
        if m.group("dd_sep").strip() in "-–—" and _score_before(prose, m.start()):
            return None
        month = _MONTH_BY_TEXT[m.group("dd_mon").lower()]
        year = int(m.group("dd_year")) if m.group("dd_year") else None
        return _range_finding(m.group("dd_mon"), month, int(m.group("dd_d1")), int(m.group("dd_d2")), year, m.start(), m.end("dd_mon"), prose)

    def _yr(self, prose: str, m: Any, doc: Document) -> Match | None:
        first, last = int(m.group("yr_1")), int(m.group("yr_2"))
        if last >= first or first - last > 100:
            return None
        if m.group("yr_sep").strip() == "and" and not _BETWEEN_BEFORE.search(prose, max(0, m.start() - 12), m.start()):
            return None
        if _CLOCK_AFTER.match(prose, m.end()):
            return None  # "from 2000 to 1930 GMT": clock times
        written = prose[m.start() : m.end()]
        return Match(m.start(), m.end(), f"'{written}': the range ends before it starts ({last} is before {first}); check the years.")


def _point_without_digits(prose: str, start: int, end: int) -> Match:
    """"£17.m", "17. mln dlrs": no suggestion, as the lost digit cannot be known."""
    written = prose[start:end]
    return Match(start, end, f"'{written}': a decimal point with no digits after it: a digit is missing, or the point is stray.")


def _time_end(m: Any, group: str) -> int:
    """The end of "a.m."/"pm": a full stop after an undotted "pm" ("5:pm.") is the sentence's, not the time's."""
    text = m.group(group)
    end = m.end(group)
    return end - 1 if text.endswith(".") and text.count(".") == 1 else end


def _may_is_month(prose: str, start: int) -> bool:
    before = _NAME_BEFORE_MAY.search(prose, max(0, start - 30), start)
    return before is None or before.group(1).rstrip(".") in _MAY_AFTER


def _score_before(prose: str, start: int) -> bool:
    """A day range that could be a score: "the 2-1 March win" has "the"/"a" or a possessive before it."""
    before = prose[max(0, start - 6) : start].rstrip().lower()
    return before.endswith((" a", " the", "'s", "’s")) or before in ("a", "the")


def _range_finding(month_text: str, month: int, first: int, last: int, year: int | None, start: int, end: int, prose: str) -> Match | None:
    written = prose[start:end]
    length = days_in(month, year)
    name = MONTH_NAMES[month]
    if not (1 <= first <= 31 and 1 <= last <= 31):
        return None  # not two days of a month ("June 2 - 53 weeks")
    for day in (first, last):
        if day > length:
            if month == 2 and not year:
                length = 28
            when = f" in {year}" if year and month == 2 else (" (29 in a leap year)" if month == 2 else "")
            return Match(start, end, f"'{written}': {name} has {length} days{when}, so there is no {name} {day}.")
    if last < first:
        return Match(start, end, f"'{written}': the range ends before it starts ({name} {last} is before {name} {first}); check the days.")
    return None


def _year_candidates(written: str) -> list[tuple[int, bool]]:
    """Years made by dropping one digit of a five-digit figure, with whether the dropped digit doubled its neighbour."""
    found: dict[int, bool] = {}
    for i in range(len(written)):
        candidate = written[:i] + written[i + 1 :]
        year = int(candidate)
        if candidate[0] == "0" or not 1600 <= year <= 2099:
            continue
        doubled = (i > 0 and written[i - 1] == written[i]) or (i + 1 < len(written) and written[i + 1] == written[i])
        found[year] = found.get(year, False) or doubled
    return list(found.items())


RULE = FigureSlips
