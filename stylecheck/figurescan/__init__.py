"""The figure scan: one pass over a document's prose for its dates, times and amounts of money.

Every date, time and amount has a digit in it, and each recogniser's pattern starts at one, so
joining the three into one alternation scans the prose for digits once instead of three times
(about a third less work on the BBC corpus). Each recogniser (`dates`, `times`, `money`) keeps its
pattern and the reading of its matches; this module joins them and keeps the result on the
document for every rule that reads it (the dates, times and money rule types).
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .. import patterns
from ..record import Record
from .dates import DATE_PATTERN, read_date
from .money import Currencies, currencies, read_amount
from .times import TIME_PATTERN, read_time

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from ..document import Document


class Figures(Record):
    """The dates, times and amounts of money of one document, found in one scan."""

    __slots__ = ("dates", "times", "amounts")
    __hash__ = None  # type: ignore[assignment]  # holds lists

    def __init__(self, dates: list[Any], times: list[Any], amounts: list[Any]) -> None:
        self.dates = dates
        self.times = times
        self.amounts = amounts


class FigureScan(Record):
    """What one scan reads with: a newsroom's extra currency words, the currency tables and the
    joined pattern. Built when a rule is built, so it is kept with the compiled rules."""

    __slots__ = ("extra_words", "currencies", "pattern")
    __hash__ = None  # type: ignore[assignment]  # holds dicts

    def __init__(self, extra_words: tuple[tuple[str, str], ...], currencies: Currencies, pattern: Any) -> None:
        self.extra_words = extra_words
        self.currencies = currencies
        self.pattern = pattern


def _body(pattern: "regex.Pattern[str]") -> str:
    text = pattern.pattern
    assert text.startswith("(?=\\d)"), "a figure pattern must start at a digit"
    return text[len("(?=\\d)") :]


@lru_cache(maxsize=8)
def figure_scan(extra_words: tuple[tuple[str, str], ...] = ()) -> FigureScan:
    """The scan for a newsroom's currency words (word -> code pairs): tables and joined pattern."""
    table = currencies(extra_words)
    # Every branch refuses a word character before its first digit, so `\b` lets the scan skip
    # the inner digits of every number before trying any branch.
    pattern = patterns.compile(
        rf"\b(?=\d)(?:(?P<_date>{_body(DATE_PATTERN)})|(?P<_time>{_body(TIME_PATTERN)})|(?P<_money>{_body(table.pattern)}))",
        regex.VERSION0,
    )
    return FigureScan(extra_words, table, pattern)


def figures(doc: Document, scan: FigureScan) -> Figures:
    """The dates, times and amounts of `doc`, scanned on first use and kept on the document."""
    return doc.memo(("figurescan", "figures", scan.extra_words), lambda: _scan(doc, scan))


def _scan(doc: Document, scan: FigureScan) -> Figures:
    prose = doc.prose
    result = Figures([], [], [])
    # One scan of the whole prose: no pattern crosses a line break, so none crosses a block.
    for m in scan.pattern.finditer(prose, timeout=doc.time_left()):
        kind = m.lastgroup if m.lastgroup in ("_date", "_time", "_money") else _kind(m)
        if kind == "_date":
            item = read_date(m, prose)
            if item is not None:
                result.dates.append(item)
        elif kind == "_time":
            item = read_time(m)
            if item is not None:
                result.times.append(item)
        else:
            item = read_amount(m, prose, scan.currencies)
            if item is not None:
                result.amounts.append(item)
    return result


def _kind(m: Any) -> str:
    if m.start("_date") >= 0:
        return "_date"
    if m.start("_time") >= 0:
        return "_time"
    return "_money"


_NUMBER_RUN = patterns.Lazy(r"\p{N}+")


def number_starts(doc: Document) -> list[int]:
    """Where each run of number characters (\\p{N}) starts in the prose, kept on the document: the
    figure patterns of the numeral rules refuse a number character before their first one, so they
    can only match where a run starts, and are tried there instead of scanning the prose."""
    return doc.memo(("figurescan", "number-starts"), lambda: [m.start() for m in _NUMBER_RUN.finditer(doc.prose)])
