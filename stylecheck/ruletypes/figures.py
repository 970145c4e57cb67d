"""figures: one scan of a document's prose for its dates, times and amounts of money.

Not a rule type: what the `dates`, `times` and `money` rule types share (the scan, reading house
settings, scope filtering). Every date, time and
amount has a digit in it, and each of their patterns starts at one, so joining the three into one
alternation scans the prose for digits once instead of three times (about a third less work on
the BBC corpus). Each pattern, and the reading of its matches, stays in its own module; this one
only joins them and keeps the result on the document for the ten rules that read it.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..record import Record
from .base import Rule, RuleError, doc_time_left

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from typing import Any

_MEMO = "_stylecheck_memo"


class Figures(Record):
    """The dates, times and amounts of money of one document, found in one scan."""

    __slots__ = ("dates", "times", "amounts")
    __hash__ = None  # type: ignore[assignment]  # holds lists

    def __init__(self, dates: list[Any], times: list[Any], amounts: list[Any]) -> None:
        self.dates = dates
        self.times = times
        self.amounts = amounts


def _body(pattern: "regex.Pattern[str]") -> str:
    text = pattern.pattern
    assert text.startswith("(?=\\d)"), "a figure pattern must start at a digit"
    return text[len("(?=\\d)") :]


@lru_cache(maxsize=8)
def figure_pattern(extra_words: tuple[tuple[str, str], ...]) -> "regex.Pattern[str]":
    from .dates import DATE_PATTERN
    from .money import currencies
    from .times import TIME_PATTERN

    # Every branch refuses a word character before its first digit, so `\b` lets the scan skip
    # the inner digits of every number before trying any branch.
    return patterns.compile(
        rf"\b(?=\d)(?:(?P<_date>{_body(DATE_PATTERN)})|(?P<_time>{_body(TIME_PATTERN)})|(?P<_money>{_body(currencies(extra_words).pattern)}))",
        regex.VERSION0,
    )


_NUMBER_RUN = patterns.compile(r"\p{N}+")


def number_starts(doc: Document) -> list[int]:
    """Where each run of number characters (\\p{N}) starts in the prose, kept on the document: the
    figure patterns of the numeral rules refuse a number character before their first one, so they
    can only match where a run starts, and are tried there instead of scanning the prose."""
    memo = doc.__dict__.setdefault(_MEMO, {})
    found = memo.get(("number-starts",))
    if found is None:
        found = memo[("number-starts",)] = [m.start() for m in _NUMBER_RUN.finditer(doc.prose)]
    return found


class FigureRule(Rule):
    """A rule type over the shared figures scan (dates, times, money): its `check:` mode, the
    house's name for messages, what the scan reads with, and findings kept to the rule's scope
    (the scan covers all prose). A subclass reads its settings in `compile` after calling this
    one, and yields its findings from `_check`."""

    def compile(self, options: dict) -> None:
        from .money import currencies, rule_extra_words

        self.mode: str = self.option("check")
        self.house = "AP" if self.ctx.preset == "ap" else "House"
        # The newsroom's currency words, the currency tables (read from rules/data) and the figure
        # pattern: built here, so that they are kept with the rule in the compiled-rules cache
        # instead of being read again per run.
        extra = rule_extra_words(self)
        self.figure_scan = (extra, currencies(extra), figure_pattern(extra))

    def check(self, doc: Document) -> Iterator[Match]:
        matches = self._check(doc)
        return matches if self.scopes == ["text"] else within_scope(self, doc, matches)

    def _check(self, doc: Document) -> Iterator[Match]:
        raise NotImplementedError


def figures(rule: FigureRule, doc: Document) -> Figures:
    """The dates, times and amounts of `doc`, scanned on first use and kept on the document."""
    extra, table, pattern = rule.figure_scan
    memo = doc.__dict__.setdefault(_MEMO, {})
    key = ("figures", extra)
    found = memo.get(key)
    if found is not None:
        return found
    from . import dates, money, times

    prose = doc.prose
    result = Figures([], [], [])
    # One scan of the whole prose: no pattern crosses a line break, so none crosses a block.
    for m in pattern.finditer(prose, timeout=doc_time_left(doc)):
        kind = m.lastgroup if m.lastgroup in ("_date", "_time", "_money") else _kind(m)
        if kind == "_date":
            item = dates.read_date(m, prose)
            if item is not None:
                result.dates.append(item)
        elif kind == "_time":
            item = times.read_time(m)
            if item is not None:
                result.times.append(item)
        else:
            item = money.read_amount(m, prose, table)
            if item is not None:
                result.amounts.append(item)
    memo[key] = result
    return result


def _kind(m: Any) -> str:
    if m.start("_date") >= 0:
        return "_date"
    if m.start("_time") >= 0:
        return "_time"
    return "_money"


def setting(rule: Rule, key: str, default: Any, choices: tuple[str, ...] = ()) -> Any:
    """A house setting (preset, overridden by the config's `settings:`), checked against its type."""
    value = rule.ctx.settings.get(key, default)
    where = f"house setting {key!r} (the {rule.ctx.preset} preset or the config's settings)"
    if choices:
        if value not in choices:
            raise _setting_error(rule, f"{where} must be one of {', '.join(choices)}, not {value!r}")
    elif isinstance(default, bool):
        if not isinstance(value, bool):
            raise _setting_error(rule, f"{where} must be true or false, not {value!r}")
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise _setting_error(rule, f"{where} must be a number such as {default}, not {value!r}")
        value = float(value)
    elif isinstance(default, list):
        if not isinstance(value, list):
            raise _setting_error(rule, f"{where} must be a list, such as {default}, not {value!r}")
    elif isinstance(default, dict):
        if not isinstance(value, dict):
            raise _setting_error(rule, f"{where} must be a mapping, not {value!r}")
    return value


def _setting_error(rule: Rule, message: str) -> RuleError:
    return rule.error(None, message)


def within_scope(rule: Rule, doc: Document, matches: Iterator[Match]) -> Iterator[Match]:
    """The matches inside the rule's scope (the shared scan covers all prose)."""
    from bisect import bisect_right

    spans = sorted(rule.segments(doc))
    for match in matches:
        i = bisect_right(spans, (match.start, float("inf"))) - 1
        if any(s <= match.start and match.end <= e for s, e in spans[max(0, i - 8) : i + 1]):
            yield match
