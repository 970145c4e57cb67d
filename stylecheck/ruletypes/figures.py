"""figures: what the `dates`, `times` and `money` rule types share, beside the figure scan.

Not a rule type: the base class of the three (its `check:` mode, the house's name for messages,
the figure scan it reads with, findings kept to the rule's scope) and reading house settings.
The scan itself, and the recognisers of dates, times and amounts, are document-level
(`stylecheck/figurescan/`): they find figures, the rule types judge them.
"""
from __future__ import annotations

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..figurescan import Figures, FigureScan, figure_scan, number_starts
from ..figurescan import figures as scan_figures
from ..structure import NOT_TEXT
from .base import Rule, RuleError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from typing import Any

__all__ = ["FigureRule", "Figures", "figures", "fit_stop", "number_starts", "rule_extra_words", "setting", "within_scope"]


class FigureRule(Rule):
    """A rule type over the shared figures scan (dates, times, money): its `check:` mode, the
    house's name for messages, what the scan reads with, and findings kept to the rule's scope
    (the scan covers all prose). A subclass reads its settings in `compile` after calling this
    one, and yields its findings from `_check`."""

    def compile(self, options: dict) -> None:
        self.mode: str = self.option("check")
        self.house = "AP" if self.ctx.preset == "ap" else "House"
        # The newsroom's currency words, the currency tables (read from rules/data) and the figure
        # pattern: built here, so that they are kept with the rule in the compiled-rules cache
        # instead of being read again per run.
        self.figure_scan: FigureScan = figure_scan(rule_extra_words(self))

    def check(self, doc: Document) -> Iterator[Match]:
        matches = self._check(doc)
        if self.scopes == ["text"]:
            # The scan covers all prose: leave out what is no copy (tickers, labels, code, embedded
            # posts) and the byline or page stamp ("Posted: Tuesday, June 3, 2014, 9:12 PM").
            return _outside(doc, matches, _NOT_COPY)
        return within_scope(self, doc, matches)

    def _check(self, doc: Document) -> Iterator[Match]:
        raise NotImplementedError


def figures(rule: FigureRule, doc: Document) -> Figures:
    """The dates, times and amounts of `doc` (the figure scan, shared by every figure rule)."""
    return scan_figures(doc, rule.figure_scan)


def rule_extra_words(rule: Rule) -> tuple[tuple[str, str], ...]:
    """A newsroom's own currency words (setting `money_currency_words`: word -> code)."""
    extra = setting(rule, "money_currency_words", {}) or {}
    return tuple(sorted((str(k), str(v)) for k, v in extra.items()))


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


_NOT_COPY = NOT_TEXT | {"byline"}


def _outside(doc: Document, matches: Iterator[Match], kinds: frozenset[str]) -> Iterator[Match]:
    structure = doc.structure
    for match in matches:
        if structure.kind_at(match.start) not in kinds:
            yield match


def within_scope(rule: Rule, doc: Document, matches: Iterator[Match]) -> Iterator[Match]:
    """The matches inside the rule's scope (the shared scan covers all prose)."""
    from bisect import bisect_right

    spans = sorted(rule.segments(doc))
    for match in matches:
        i = bisect_right(spans, (match.start, float("inf"))) - 1
        if any(s <= match.start and match.end <= e for s, e in spans[max(0, i - 8) : i + 1]):
            yield match


# What follows a sentence that ends on a figure: closing quotes, then the end of the block or a
# capital (or an opening quote) after a space. (After "p.m.)" the stop was the abbreviation's.)
_NEW_SENTENCE = patterns.compile(r"[\"”’']*(?:[ \t\u00a0]*(?:$|[\r\n])|[ \t\u00a0]+[\p{Lu}\"“‘'])")


def fit_stop(prose: str, start: int, end: int, fixed: str) -> tuple[str, int]:
    """A suggestion that reads naturally where a sentence ends on the figure.

    "10:57 PM." becomes "10:57 p.m." with the sentence's own full stop taken into the span (the
    suggestion is not "10:57 p.m" before a stop left outside it); and a dotted "p.m." that also
    ended the sentence keeps a stop when the house form has none ("5 p.m. Then" -> "5pm. Then").
    Returns the suggestion and the end of the span it replaces."""
    written_stop = prose[start:end].endswith(".")
    if fixed.endswith(".") and not written_stop and prose.startswith(".", end):
        return fixed, end + 1
    if written_stop and not fixed.endswith(".") and _NEW_SENTENCE.match(prose, end):
        return fixed + ".", end
    return fixed, end
