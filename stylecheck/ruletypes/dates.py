"""dates: calendar dates in house style, consistent within an article, possible, and on the right weekday.

    extends: dates
    check: style          # style | consistency | impossible | weekday

Recognised forms: "March 16, 2025", "16 March 2025", "Mar. 16", "March 16th", "the 16th of March",
"Sunday, March 16", "March 2025", "3/16/2025", "16/03/2025", "2025-03-16".

House settings (rules/presets/*.yml, overridable in a config's `settings:`):

    date_order: month-day        # month-day | day-month | any
    date_months: ap              # ap (Jan. Feb. Aug. Sept. Oct. Nov. Dec. with a day) | full | any
    date_ordinals: false         # allow "March 16th"
    date_year_comma: true        # AP: a comma after the year in mid-sentence ("March 16, 2025, in ...")
    date_numeric: false          # allow "3/16/2025" and "2025-03-16" in running text

Every pattern starts with a digit (month names sit in look-behinds), so the scan costs about
what a search for digits costs; all date rules share one scan per document.
"""
from __future__ import annotations

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..figurescan.dates import (  # the recogniser, shared through the figure scan
    MONTH_NAMES,
    AP_ABBREVIATIONS,
    WEEKDAYS,
    DateMention,
    days_in,
    is_possible,
)
from .base import Field
from .figures import FigureRule, setting

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

# "— Stansted Airport (@STN_Airport) December 22, 2014": the date stamp of an embedded tweet.
_TWEET_STAMP_BEFORE = patterns.compile(r"\(@\w{1,30}\)[ \t\u00a0]*$")
_LEADING_ZERO = patterns.compile(r"(?<![\d,.])0[1-9](?!\d)")
# After a year, these let the sentence go on without the AP comma (a time, a bracket, punctuation).
_AFTER_YEAR_OK = patterns.compile(r"""(?:[ \t\u00a0]*(?:$|[\r\n]|[.,;:!?)\]}"'”’…—–-])|[ \t\u00a0]+\d)""")



# Columns of a table set in plain text: a run of three spaces (or a tab) between two entries.
_COLUMN_GAP = patterns.compile(r"\S(?: {3,}|\t)\S")


_LOWERCASE = patterns.compile(r"\p{Ll}")


def _in_table_row(prose: str, at: int) -> bool:
    """Is `at` on a line laid out in columns ("3/9/88   Prev Wk   3/2/88"), or on a line with no
    word in lowercase ("04/09/87 03/09/87", a heading), rather than in running text?"""
    from ..lines import line_end, line_start

    start, end = line_start(prose, at), line_end(prose, at)
    return _COLUMN_GAP.search(prose, start, end) is not None or _LOWERCASE.search(prose, start, end) is None


def _days(mention: DateMention, ordinal: str) -> str:
    """The day, or the range of days ("16-17", "16 and 17"), with `ordinal` after each day."""
    if mention.last_day is None:
        return f"{mention.day}{ordinal}"
    sep = mention.range_sep  # as written, spaces made single: "-", " - ", " and "
    separator = (" " if sep[:1].isspace() else "") + sep.strip() + (" " if sep[-1:].isspace() else "")
    return f"{mention.day}{ordinal}{separator}{mention.last_day}{ordinal}"


def find_dates(rule: FigureRule, doc: Document) -> list[DateMention]:
    """Every date in the document's prose (one scan shared with the time and money rules)."""
    from .figures import figures

    return figures(rule, doc).dates


class Dates(FigureRule):
    FIELDS = {
        "check": Field((str,), "style", ("style", "consistency", "impossible", "weekday"), doc="which date check this rule runs"),
    }
    DEFAULT_MESSAGE = "%s"

    def compile(self, options: dict) -> None:
        super().compile(options)
        self.order: str = setting(self, "date_order", "month-day", ("month-day", "day-month", "any"))
        self.months: str = setting(self, "date_months", "ap", ("ap", "full", "any"))
        self.ordinals: bool = setting(self, "date_ordinals", False)
        self.year_comma: bool = setting(self, "date_year_comma", True)
        self.numeric: bool = setting(self, "date_numeric", False)

    def _check(self, doc: Document) -> Iterator[Match]:
        dates = find_dates(self, doc)
        if not dates:
            return
        if self.mode == "style":
            yield from self._style(doc, dates)
        elif self.mode == "consistency":
            yield from self._consistency(doc, dates)
        elif self.mode == "impossible":
            yield from self._impossible(dates)
        else:
            yield from self._weekday(doc, dates)

    # -- house style ----------------------------------------------------------------------------

    def month_form(self, mention: DateMention, with_day: bool) -> str:
        month = mention.month or 1
        if self.months == "any":
            written = mention.month_text
            if written.rstrip(".").lower() == "sep":
                return "Sept." if written.endswith(".") else "Sept"
            return written
        if self.months == "ap" and with_day and month in AP_ABBREVIATIONS:
            return AP_ABBREVIATIONS[month]
        return MONTH_NAMES[month]

    def render(self, mention: DateMention, order: str | None = None) -> str:
        """The date as house style writes it (in `order`, or the house order)."""
        if mention.form == "month-year":
            return f"{self.month_form(mention, False)} {mention.year}"
        order = order or (mention.form if self.order == "any" else self.order)
        day = _days(mention, mention.ordinal if self.ordinals else "")
        month = self.month_form(mention, True)
        if order == "month-day":
            return f"{month} {day}" + (f", {mention.year}" if mention.year else "")
        return f"{day} {month}" + (f" {mention.year}" if mention.year else "")

    def _style(self, doc: Document, dates: list[DateMention]) -> Iterator[Match]:
        text = doc.text
        prose = doc.prose
        for mention in dates:
            if _TWEET_STAMP_BEFORE.search(prose, max(0, mention.start - 40), mention.start):
                continue  # "— Name (@handle) December 22, 2014": an embedded tweet's own date stamp
            if mention.form in ("numeric", "iso"):
                if not self.numeric and not _in_table_row(prose, mention.start):
                    written = text[mention.start : mention.end]
                    words = self._numeric_in_words(mention)
                    yield Match(
                        mention.start, mention.end, f"{self.house} style: write the date '{written}' in words in running text.",
                        (words,) if words else (), "suggestion",
                    )
                continue
            written = " ".join(text[mention.start : mention.end].split())
            wanted = self.render(mention)
            # AP's comma after the year when the sentence goes on ("March 16, 2025, in Ottawa").
            comma = (
                self.year_comma and bool(mention.year) and mention.form in ("month-day", "day-month")
                and wanted.startswith(self.month_form(mention, True))
                and not _AFTER_YEAR_OK.match(prose, mention.end, min(len(prose), mention.end + 4))
            )
            if written != wanted:
                # One finding per date: a missing comma after the year joins the date's other reasons.
                reasons = self._reasons(mention, wanted, written)
                if comma:
                    reasons.append("a comma after the year when the sentence goes on")
                    wanted += ","
                yield Match(mention.start, mention.end, f"{self.house} style: write '{wanted}' ({'; '.join(reasons)}).", (wanted,))
            elif comma:
                year_start = mention.end - 4
                yield Match(year_start, mention.end, f"{self.house} style: put a comma after the year when the sentence goes on ('{mention.year},').", (f"{mention.year},",))

    def _numeric_in_words(self, mention: DateMention) -> str:
        """The house rendering of a numeric date, read in the house order; empty when that reading is impossible."""
        if mention.form == "iso":
            month, day = mention.month, mention.day
        else:
            a, b, _year = mention.numbers
            month, day = (b, a) if self.order == "day-month" else (a, b)
        if month is None or day is None or not is_possible(month, day, mention.year):
            return ""
        words = DateMention(mention.start, mention.end, "month-day", month, day, mention.year, MONTH_NAMES[month])
        return self.render(words)

    def _reasons(self, mention: DateMention, wanted: str, written: str) -> list[str]:
        reasons = []
        if _LEADING_ZERO.search(written):
            reasons.append("no leading zero on the day")
        if self.order != "any" and mention.form != "month-year" and mention.form != self.order:
            reasons.append("day before month" if self.order == "day-month" else "month before day")
        written_month = mention.month_text
        wanted_month = self.month_form(mention, mention.has_day)
        if written_month != wanted_month:
            if wanted_month.rstrip(".") == written_month.rstrip(".") or wanted_month == "Sept.":
                reasons.append(f"abbreviate the month as '{wanted_month}'")
            elif len(wanted_month) > len(written_month):
                reasons.append("spell out the month" + ("" if mention.has_day else " when there is no day"))
            else:
                reasons.append(f"abbreviate the month as '{wanted_month}' before a day")
        if mention.ordinal and not self.ordinals:
            reasons.append(f"no '{mention.ordinal}' after the day")
        if mention.year and mention.has_day:
            month_first = wanted.startswith(wanted_month)
            if month_first and not mention.year_comma:
                reasons.append("a comma between day and year")
            elif not month_first and mention.year_comma:
                reasons.append("no comma before the year")
        return reasons or ["house form"]

    # -- one form per article -------------------------------------------------------------------

    def _consistency(self, doc: Document, dates: list[DateMention]) -> Iterator[Match]:
        doc_text = doc.text
        # A wire dateline ("LONDON, Feb 26 -") follows its own convention, not the article's, and an
        # embedded tweet's date stamp is Twitter's.
        with_day = [
            d for d in dates
            if d.form in ("month-day", "day-month") and not _in_dateline(doc.prose, d)
            and not _TWEET_STAMP_BEFORE.search(doc.prose, max(0, d.start - 40), d.start)
        ]
        if len(with_day) < 2:
            return
        house_order = None if self.order == "any" else self.order
        yield from self._mixed(
            doc_text, with_day, lambda d: d.form, house_order,
            {"month-day": ("puts the month first", "month first"), "day-month": ("puts the day first", "day first")},
            lambda d, form: self.render(d, form),
        )
        for group in (frozenset(AP_ABBREVIATIONS), frozenset((3, 4, 6, 7))):
            members = [d for d in with_day if d.month in group]
            house = None
            if self.months == "full":
                house = "spelled"
            elif self.months == "ap":
                house = "abbreviated" if group == frozenset(AP_ABBREVIATIONS) else "spelled"
            yield from self._mixed(
                doc_text, members, lambda d: "abbreviated" if d.abbreviated else "spelled", house,
                {"abbreviated": ("abbreviates the month", "abbreviated"), "spelled": ("spells out the month", "spelled out")},
                None,
            )

    def _mixed(self, doc_text: str, items, form_of, house, describe, render) -> Iterator[Match]:
        counts: dict[str, list[DateMention]] = {}
        for d in items:
            counts.setdefault(form_of(d), []).append(d)
        if len(counts) < 2:
            return
        if house is not None:
            # The house fixes this form: the style rule reports every date not in it, whatever the
            # article's majority, so a consistency finding would only repeat it (or, where the
            # majority breaks house style, recommend against the house).
            return
        (form_a, list_a), (form_b, list_b) = sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
        if len(list_a) == len(list_b):
            return  # a tie: no majority to follow, and no house form to recommend
        minority, majority, minority_form, majority_form = list_b, list_a, form_b, form_a
        example = majority[0]
        for d in minority:
            if render is not None:
                suggestion = render(d, majority_form)
            else:
                suggestion = self._respell(d, majority_form == "abbreviated", example)
            usual = " ".join(doc_text[example.start : example.end].split())
            message = (
                f"This date {describe[minority_form][0]}, but the article's dates are mostly {describe[majority_form][1]},"
                f" as in '{usual}' ({len(minority)} to {len(majority)} uses)."
            )
            yield Match(d.start, d.end, message, (suggestion,) if suggestion else ())

    def _respell(self, d: DateMention, abbreviate: bool, example: DateMention) -> str:
        month = d.month or 1
        if abbreviate:
            dotted = example.month_text.endswith(".")
            short = AP_ABBREVIATIONS.get(month, MONTH_NAMES[month][:3] + ".")
            name = short if dotted else short.rstrip(".")
        else:
            name = MONTH_NAMES[month]
        day = _days(d, d.ordinal)
        if d.form == "month-day":
            return f"{name} {day}" + (f", {d.year}" if d.year else "")
        return f"{day} {name}" + (f" {d.year}" if d.year else "")

    # -- dates that cannot be -------------------------------------------------------------------

    def _impossible(self, dates: list[DateMention]) -> Iterator[Match]:
        for d in dates:
            if d.form == "numeric":
                a, b, year = d.numbers
                if not is_possible(a, b, year) and not is_possible(b, a, year):
                    yield Match(d.start, d.end, "No such date: neither the month-day nor the day-month reading exists.")
                continue
            if d.month is None or d.day is None:
                continue
            if d.form == "iso" and not 1 <= d.month <= 12:
                yield Match(d.start, d.end, f"No such date: there is no month {d.month}.")
                continue
            if not is_possible(d.month, d.day, d.year):
                length = days_in(d.month, d.year)
                when = f" in {d.year}" if d.year and d.month == 2 else ""
                yield Match(d.start, d.end, f"No such date: {MONTH_NAMES[d.month]} has {length} days{when}.")

    # -- the weekday agrees with the date ------------------------------------------------------

    def _weekday(self, doc: Document, dates: list[DateMention]) -> Iterator[Match]:
        # The year of a date without one comes from the dateline only: a year written elsewhere in
        # an article is as likely to be history ("in March 2003") as the article's own year.
        first = dates[0]
        dateline = first if first.year and first.month and first.day and first.start < _DATELINE_REACH else None
        for d in dates:
            if d.weekday is None or d.day is None or d.month is None or not is_possible(d.month, d.day, d.year):
                continue
            import datetime  # here, not at the top: few articles give a weekday with a date

            if d.year:
                candidates = [d.year]
                context = None
            else:
                context = dateline
                if context is None or context.year is None or context.month is None or context.day is None:
                    continue
                # The year that puts the date nearest the dateline: "3 January" under a December
                # dateline is next year's, "22 December" under a January dateline last year's.
                anchor = datetime.date(context.year, context.month, min(context.day, days_in(context.month, context.year)))
                years = [y for y in (context.year - 1, context.year, context.year + 1) if is_possible(d.month, d.day, y)]
                candidates = sorted(years, key=lambda y: abs((datetime.date(y, d.month, d.day) - anchor).days))[:1]
            actual = [datetime.date(y, d.month, d.day).weekday() for y in candidates if is_possible(d.month, d.day, y)]
            if not actual or d.weekday in actual:
                continue
            year = candidates[0]
            right = WEEKDAYS[actual[0]]
            source = "" if context is None else " (the year is taken from the article's date)"
            yield Match(
                d.weekday_start, d.weekday_end,
                f"{MONTH_NAMES[d.month]} {d.day}, {year} is a {right}, not a {WEEKDAYS[d.weekday]}{source}.",
                (right,),
            )


_DATELINE_BEFORE = patterns.compile(r"(?:^|[\r\n])[ \t]*\p{Lu}[\p{L} .,'()/-]{0,60},[ \t]*$")
_DATELINE_AFTER = patterns.compile(r"(?:,?[ \t]*\d{4})?[ \t]*(?:\([\w ]+\)[ \t]*)?[-–—]")


def _in_dateline(prose: str, d: DateMention) -> bool:
    """"WASHINGTON, Feb 26 - ...": a place in capitals, a date and a dash, at the start of a line."""
    return bool(_DATELINE_AFTER.match(prose, d.end) and _DATELINE_BEFORE.search(prose, max(0, d.start - 64), d.start))


# The article's first date, this close to its start, is its dateline (or byline date).
_DATELINE_REACH = 400


RULE = Dates
