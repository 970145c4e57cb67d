"""money: amounts of money in house style, one form per article, no "$5 dollars", and conversions that agree.

    extends: money
    check: style          # style | consistency | redundancy | exchange

Recognised: a currency symbol before a figure ("$5", "£2bn", "C$19.5 billion", "US$3m", "€40,000"),
or a figure, an optional magnitude and a currency word after it ("16 billion Canadian dollars",
"5 mln dlrs", "300 euros"). Currencies are data: rules/data/currencies.yml.

House settings:

    money_magnitude: words           # words: "$5 million" | short: "£5m", "£2bn" | any
    money_symbol_currencies: [USD]   # written with their symbol: "$5 million", not "5 million dollars"
    money_currency_words: {}         # a newsroom's own currency words -> codes
    exchange_rate_tolerance: 0.05    # how far apart (relative) the rates implied by conversions may be

An amount with a conversion in brackets ("16 billion Canadian dollars ($11 billion)") implies an
exchange rate. Each figure is taken to be rounded to its last digit, so "$3.1 billion" stands for
anything from 3.05 to 3.15 billion (but a round "$1 billion" for no more than 2.5% either way); rates that cannot agree even then, plus the tolerance, are
reported, the odd one out only.
"""
from __future__ import annotations

import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..figurescan.money import (  # the recogniser, shared through the figure scan
    LONG,
    SHORT,
    WIRE,
    Amount,
)
from .base import Field
from .figures import FigureRule, setting

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from typing import Any

_LONG_BY_VALUE = {1e6: "million", 1e9: "billion", 1e12: "trillion"}
_SHORT_BY_VALUE = {1e6: "m", 1e9: "bn", 1e12: "tn"}
# Currency words that say nothing beyond the symbol's default currency (so "$5 million" can replace
# "5 million dollars"); "U.S. dollars" and "Canadian dollars" are kept as the writer's choice.
_PLAIN_WORDS = frozenset({"dollars", "dollar", "dlrs", "euros", "euro", "pounds", "pound", "sterling", "stg", "pounds sterling"})
_QUALIFIER = patterns.compile(
    r"[ \t\u00a0]*\([ \t\u00a0]*(?:(?P<approx>about|around|roughly|approximately|approx\.|some|nearly|almost|~)"
    r"|(?P<bound>more than|less than|over|under|up to|at least|at most|just over|just under))?[ \t\u00a0]*$"
)
_DOUBLED_WORD = patterns.compile(r"[ \t\u00a0]+")
_CLOSING = patterns.compile(r"[ \t\u00a0]*(?:\)|[,;][^()\r\n]{0,60}\))")



def find_amounts(rule: FigureRule, doc: Document) -> list[Amount]:
    """Every amount in the document's prose (one scan shared with the date and time rules)."""
    from .figures import figures

    return figures(rule, doc).amounts


class Money(FigureRule):
    FIELDS = {
        "check": Field((str,), "style", ("style", "consistency", "redundancy", "exchange"), doc="which money check this rule runs"),
    }

    def compile(self, options: dict) -> None:
        super().compile(options)
        self.magnitude: str = setting(self, "money_magnitude", "words", ("words", "short", "any"))
        self.symbol_codes = frozenset(str(c) for c in setting(self, "money_symbol_currencies", ["USD"]))
        self.tolerance: float = setting(self, "exchange_rate_tolerance", 0.05)
        self.table = table = self.figure_scan.currencies  # the currency tables the scan reads amounts with
        # The symbol house style writes each currency with: the shortest symbol that names it.
        self.symbol_for: dict[str, str] = {}
        for symbol, code in sorted(table.symbols.items(), key=lambda kv: len(kv[0])):
            self.symbol_for.setdefault(code, symbol)

    def _check(self, doc: Document) -> Iterator[Match]:
        amounts = find_amounts(self, doc)
        if not amounts:
            return
        if self.mode == "style":
            yield from self._style(doc, amounts)
        elif self.mode == "consistency":
            yield from self._consistency(doc, amounts)
        elif self.mode == "redundancy":
            yield from self._redundancy(doc, amounts)
        else:
            yield from self._exchange(doc, amounts)

    # -- house style -----------------------------------------------------------------------------

    def render(self, a: Amount, kind: str | None = None, symbol: str | None = None) -> str:
        """The amount with its symbol and its magnitude in the house (or the given) form."""
        kind = kind or ("long" if self.magnitude == "words" else "short")
        factor = LONG.get(a.magnitude) or SHORT.get(a.magnitude) or WIRE.get(a.magnitude) or 1.0
        symbol = symbol if symbol is not None else a.symbol
        if factor == 1e3:
            whole = float(a.number.replace(",", "")) * 1e3
            number = f"{whole:,.0f}" if whole == int(whole) else f"{whole:,.2f}"
            return f"{symbol}{number}"
        if not a.magnitude:
            return f"{symbol}{a.number}"
        if kind == "long" or factor == 1e12:  # "trillion" stays spelled out in the short style too
            return f"{symbol}{a.number} {_LONG_BY_VALUE[factor]}"
        return f"{symbol}{a.number}{_SHORT_BY_VALUE[factor]}"

    def _style(self, doc: Document, amounts: list[Amount]) -> Iterator[Match]:
        text = doc.text
        for a in amounts:
            if a.symbol and a.word:
                continue  # "$5 dollars": the redundancy check's business
            if a.word and _DOUBLED_WORD.match(text, a.end) and text.startswith(a.word, _DOUBLED_WORD.match(text, a.end).end()):
                continue  # "1.61 dlrs dlrs": a doubled word first (House.DoubledWord reports it)
            reasons: list[str] = []
            if a.symbol:
                written = text[a.start : a.end]
                wanted = written if self.magnitude == "any" and a.magnitude_kind != "wire" and a.magnitude not in ("k", "thousand") else self.render(a)
                if self.magnitude == "any" and a.magnitude_kind == "wire":
                    wanted = self.render(a, "long")
                if self.magnitude == "short" and a.magnitude == "tn":
                    wanted = written  # "$2tn" and "$2 trillion" are both short-style usage
                if written.replace("\u00a0", " ") != wanted:
                    reasons.append(self._magnitude_reason(a))
            elif a.word in _PLAIN_WORDS and a.code in self.symbol_codes:
                written = text[a.start : a.end]
                symbol = self.symbol_for.get(a.code, "")
                if not symbol:
                    continue
                wanted = self.render(a, None if self.magnitude != "any" else ("short" if a.magnitude_kind == "short" else "long"), symbol)
                reasons.append(f"the symbol {symbol} before the figure")
                if a.magnitude and a.magnitude_kind != ("long" if self.magnitude == "words" else "short") and self.magnitude != "any":
                    reasons.append(self._magnitude_reason(a))
            elif a.magnitude_kind == "wire" and self.magnitude != "any":
                written = text[a.start : a.word_start].rstrip()
                factor = WIRE[a.magnitude]
                if self.magnitude == "short":
                    wanted = f"{a.number}{_SHORT_BY_VALUE[factor]}"
                else:
                    wanted = f"{a.number} {_LONG_BY_VALUE[factor]}"
                yield Match(a.start, a.start + len(written), f"{self.house} style: write '{wanted}' ('mln' and 'bln' are wire shorthand).", (wanted,))
                continue
            else:
                continue
            if reasons:
                yield Match(a.start, a.end, f"{self.house} style: write '{wanted}' ({'; '.join(reasons)}).", (wanted,))

    def _magnitude_reason(self, a: Amount) -> str:
        if not a.magnitude:
            return "no space after the symbol"
        if a.magnitude in ("k", "thousand"):
            return "thousands in figures"
        if self.magnitude == "words" or (self.magnitude == "any" and a.magnitude_kind == "wire"):
            return "the magnitude spelled out after a space"
        return "'m', 'bn' or 'tn' closed up after the figure"

    # -- one form per article --------------------------------------------------------------------

    def _consistency(self, doc: Document, amounts: list[Amount]) -> Iterator[Match]:
        if self.magnitude != "any":
            # The house fixes the form ("$5 million" under AP, "£5m" under the British preset): the
            # style rule reports every amount not in it, whatever the article's majority, so this
            # rule would only repeat it on the same span.
            return
        # Wire shorthand ("mln") is the style rule's under any house: not a form to be consistent with.
        scaled = [
            a for a in amounts
            if a.symbol and not a.word and a.magnitude_kind in ("short", "long") and a.magnitude not in ("k", "thousand", "trillion", "tn")
        ]
        names = {"short": "abbreviated ('m', 'bn')", "long": "spelled out ('million', 'billion')"}
        groups: dict[str, list[Amount]] = {}
        for a in scaled:
            groups.setdefault(a.magnitude_kind, []).append(a)
        if len(groups) < 2:
            return
        (majority_kind, majority), (kind, minority) = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
        if len(majority) == len(minority):
            return  # a tie: no majority to follow
        usual = doc.text[majority[0].start : majority[0].end]
        for a in minority:
            yield Match(
                a.start, a.end,
                f"Magnitude {names[kind]} here, but the article's amounts are mostly {names[majority_kind]}, as in '{usual}'"
                f" ({len(minority)} to {len(majority)} uses).",
                (self.render(a, majority_kind),),
            )

    # -- "$5 dollars" ---------------------------------------------------------------------------

    def _redundancy(self, doc: Document, amounts: list[Amount]) -> Iterator[Match]:
        text = doc.text
        for a in amounts:
            if not (a.symbol and a.word):
                continue
            written = text[a.start : a.end]
            bare = text[a.start : a.word_start].rstrip()
            if a.code == self.table.words.get(a.word) or a.word in _PLAIN_WORDS:
                yield Match(a.start, a.end, f"'{written}' names the currency twice: the symbol already says '{a.word}'.", (bare,))
            else:
                yield Match(a.start, a.end, f"'{written}': the symbol and '{a.word}' name different currencies.")

    # -- conversions agree ----------------------------------------------------------------------

    def _exchange(self, doc: Document, amounts: list[Amount]) -> Iterator[Match]:
        prose = doc.prose
        conversions = []
        for first, second in zip(amounts, amounts[1:]):
            if first.code == second.code or not first.value or not second.value:
                continue
            between = _QUALIFIER.match(prose, first.end, second.start)
            if between is None or between.end() != second.start or between.group("bound"):
                continue
            if not _CLOSING.match(prose, second.end, min(len(prose), second.end + 64)):
                continue
            conversions.append((first, second, between))
        # Rates change from year to year: conversions are compared only with those for the same year.
        anchors = _time_anchors(doc, conversions)
        pairs: dict[tuple[str, str, str], list[tuple[Amount, Amount, float, float, float]]] = {}
        for (first, second, between), anchor in zip(conversions, anchors):
            # Each rate is widened by half the tolerance, so two rates may differ by the whole of it.
            slack = self.tolerance / 2 * (2 if between.group("approx") else 1)
            lo = (first.value - first.precision) / (second.value + second.precision)
            hi = (first.value + first.precision) / (second.value - second.precision) if second.value > second.precision else float("inf")
            point = first.value / second.value
            codes = (first.code, second.code)
            if first.code > second.code:
                codes = (second.code, first.code)
                lo, hi, point = (1 / hi if hi != float("inf") else 0.0), 1 / lo if lo > 0 else float("inf"), 1 / point
            pairs.setdefault((*codes, anchor), []).append((first, second, lo * (1 - slack), hi * (1 + slack), point))
        for (code_a, code_b, anchor), items in pairs.items():
            if len(items) < 2:
                continue
            agree = [[j for j, other in enumerate(items) if j != i and _overlap(item, other)] for i, item in enumerate(items)]
            for i, (first, second, _lo, _hi, point) in enumerate(items):
                others = len(items) - 1
                disagree = others - len(agree[i])
                if others == 1:
                    odd = disagree == 1 and i == 1
                else:
                    odd = disagree * 2 > others
                if not odd:
                    continue
                # The usual rate: that of the conversions that agree with at least half the others
                # (never the odd one's own cluster: "£10m ($20m)" twice against two outliers is no
                # usual rate, only one more disagreement).
                rest = sorted(items[j][4] for j in range(len(items)) if j != i and (others == 1 or len(agree[j]) * 2 >= others))
                if not rest:
                    continue  # no conversion agrees with half the others: no usual rate to name
                usual = rest[len(rest) // 2]
                suggestion = self._converted(first, second, usual, (code_a, code_b))
                hint = ""
                if point / usual > 300 or usual / point > 300:
                    hint = " A magnitude ('m', 'million', 'bn') may be missing from one of the two figures."
                yield Match(
                    second.start, second.end,
                    f"This conversion implies 1 {code_b} = {_rate(point)} {code_a}; the article's other conversions"
                    f"{' for ' + anchor if anchor else ''} imply "
                    f"1 {code_b} = {_rate(usual)} {code_a} (more than {self.tolerance:.0%} apart, allowing for rounding).{hint}",
                    (suggestion,) if suggestion and not hint else (),
                )

    def _converted(self, first: Amount, second: Amount, rate: float, key: tuple[str, str]) -> str:
        """`second` recomputed from `first` at `rate` (code_a per code_b): written as `second` was,
        in the house form when it has a symbol (it replaces the style rule's finding on that span)."""
        value = first.value / rate if first.code == key[0] else first.value * rate
        factor = LONG.get(second.magnitude) or SHORT.get(second.magnitude) or WIRE.get(second.magnitude) or 1.0
        digits = second.number.replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        scaled = value / factor
        if scaled >= 100:
            decimals = 0  # "£945m", not "£945.0m": a recomputed figure is no more precise than that
        number = f"{scaled:,.{decimals}f}" if "," in second.number or scaled >= 10000 else f"{scaled:.{decimals}f}"
        if second.symbol and not second.word:
            recomputed = Amount(second.start, second.end, number, scaled * factor, 0.0, second.code, second.symbol, "",
                                second.magnitude, second.magnitude_kind)
            if self.magnitude != "any" or second.magnitude_kind == "wire":
                return self.render(recomputed)
        head = second.symbol
        space = " " if second.magnitude_kind in ("long", "wire") else ""
        tail = f"{space}{second.magnitude}" if second.magnitude else ""
        word = f" {second.word}" if second.word else ""
        return f"{head}{number}{tail}{word}"


_ANCHOR = patterns.compile(
    r"(?<![\w.,])(?P<year>(?:1[89]|20)\d\d)(?:[-/](?:\d\d)?\d\d)?(?![\w]|[.,]\d)"
    r"|(?P<next>(?:the[ \t\u00a0]+)?(?:following|next)[ \t\u00a0]+year|a[ \t\u00a0]+year[ \t\u00a0]+later)"
    r"|(?P<previous>(?:the[ \t\u00a0]+)?(?:previous|prior|preceding|last)[ \t\u00a0]+year|a[ \t\u00a0]+year[ \t\u00a0]+(?:earlier|ago|before)|year[- ]earlier)",
    regex.IGNORECASE,
)


def _time_anchors(doc: Document, conversions: list[tuple[Amount, Amount, Any]]) -> list[str]:
    """The year each conversion is for, as the sentence says it ("2000", "previous year"), or "".

    A year after a conversion, before the next one in the sentence, is its own ("a $6.4bn loss in
    2000"); failing that, the last one before it and after the previous conversion ("In 2000, it
    lost $6.4bn"); failing that, the last one earlier in the sentence."""
    if not conversions:
        return []
    from bisect import bisect_right

    prose = doc.prose
    sentences = doc.sentences
    starts = [s for s, _ in sentences]
    found = []
    for i, (first, second, _between) in enumerate(conversions):
        k = bisect_right(starts, first.start) - 1
        s_start, s_end = sentences[k] if k >= 0 else (0, len(prose))
        next_start = conversions[i + 1][0].start if i + 1 < len(conversions) else s_end
        prev_end = conversions[i - 1][1].end if i > 0 else s_start
        anchor = _ANCHOR.search(prose, second.end, max(second.end, min(s_end, next_start)))
        if anchor is None:
            before = list(_ANCHOR.finditer(prose, max(s_start, prev_end), first.start))
            anchor = before[-1] if before else None
        if anchor is None:
            # "In 2000 it spent 200 billion yen ($1.9 billion) and 100 billion yen ($1.5 billion)":
            # the sentence's year, before an earlier conversion, holds for the later ones too.
            before = list(_ANCHOR.finditer(prose, s_start, first.start))
            anchor = before[-1] if before else None
        found.append(_anchor_name(anchor) if anchor else "")
    return found


def _anchor_name(m: Any) -> str:
    if m.group("year"):
        return m.group("year")
    return "the following year" if m.group("next") else "the previous year"


def _overlap(a: tuple, b: tuple) -> bool:
    return a[2] <= b[3] and b[2] <= a[3]


def _rate(value: float) -> str:
    return f"{value:.3g}" if value < 100 else f"{value:,.0f}"


RULE = Money
