"""Amounts of money in prose: the recogniser the money rules share (symbols, currency words, magnitudes).

The currency tables are data (rules/data/currencies.yml); `currencies()` builds them and the one money
pattern, and `read_amount` turns a match into an `Amount`.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .. import patterns
from ..record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

LONG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SHORT = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}
WIRE = {"mln": 1e6, "bln": 1e9}
MAX_ROUNDING = 0.025
_SYMBOL_PREFIX = patterns.compile(r"(?<![\w.$])(?P<pfx>US|C|A|NZ|HK|S)$")


class Currencies(Record):
    """The currency tables (`words`: every currency word -> its code) and the money pattern."""

    __slots__ = ("symbols", "words", "needs_magnitude", "pattern")
    __hash__ = None  # type: ignore[assignment]  # holds dicts

    def __init__(self, symbols: dict[str, str], words: dict[str, str], needs_magnitude: frozenset[str], pattern: Any) -> None:
        self.symbols = symbols
        self.words = words
        self.needs_magnitude = needs_magnitude
        self.pattern = pattern


@lru_cache(maxsize=8)
def currencies(extra: tuple[tuple[str, str], ...] = ()) -> Currencies:
    """The currency tables and the one money pattern built from them (memo of immutable data)."""
    from ..resources import data_path
    from ..yamlload import load_yaml_file

    data = load_yaml_file(data_path("currencies.yml") or "currencies.yml") or {}
    symbols = {str(k): str(v) for k, v in (data.get("symbols") or {}).items()}
    words = {str(k): str(v) for k, v in (data.get("words") or {}).items()}
    needs = {str(k): str(v) for k, v in (data.get("needs_magnitude") or {}).items()}
    words.update(dict(extra))
    all_words = {**needs, **words}
    word_alt = "|".join(regex.escape(w) for w in sorted(all_words, key=len, reverse=True))
    sym_chars = "".join(sorted({s[-1] for s in symbols}))
    sym_class = regex.escape(sym_chars) if len(sym_chars) == 1 else "[" + "".join(regex.escape(c) for c in sym_chars) + "]"
    number = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    magnitude = (
        r"(?:(?P<{p}lsp>[ \u00a0]?)(?P<{p}long>thousand|million|billion|trillion|mln|bln)"
        r"|(?P<{p}ssp>[ \u00a0]?)(?P<{p}short>mn|bn|tn)|(?P<{p}short1>m|k))(?![\w])"
    )
    pattern = patterns.compile(
        rf"(?=\d)(?:"
        rf"(?<=(?P<sym>{sym_class})(?P<ssp>[ \u00a0]?))(?P<num>{number})(?![.,]?\d)(?:{magnitude.format(p='s')})?(?!\w)"
        rf"(?:[ \u00a0]+(?P<cw>{word_alt})(?![\w-]))?"
        rf"|(?<![\w.,:/$£€¥₹-]|{sym_class}[ \u00a0])(?P<wnum>{number})(?:{magnitude.format(p='w')})?[ \u00a0]+(?P<wcw>{word_alt})(?![\w-])"
        r")",
        regex.VERSION0,
    )
    return Currencies(symbols, all_words, frozenset(needs), pattern)


class Amount(Record):
    """An amount of money in the text.

    `number` is as written (e.g. "19.5" or "1,300"); `value` is in units of the currency and
    `precision` is half a unit of the last written digit, in the same units; `symbol` is "$",
    "C$", "£" ... or "" when a word names the currency; `word` is the currency word after the
    figure, or ""; `magnitude` is as written ("bn", "billion", "mln", "" ...) and
    `magnitude_kind` is short, long, wire or "".
    """

    __slots__ = (
        "start", "end", "number", "value", "precision", "code", "symbol", "word", "magnitude",
        "magnitude_kind", "word_start",
    )

    def __init__(
        self,
        start: int,
        end: int,
        number: str,
        value: float,
        precision: float,
        code: str,
        symbol: str,
        word: str,
        magnitude: str,
        magnitude_kind: str,
        word_start: int = -1,
    ) -> None:
        self.start = start
        self.end = end
        self.number = number
        self.value = value
        self.precision = precision
        self.code = code
        self.symbol = symbol
        self.word = word
        self.magnitude = magnitude
        self.magnitude_kind = magnitude_kind
        self.word_start = word_start






def read_amount(m: Any, prose: str, table: Currencies) -> Amount | None:
    sym, num, slong, sshort, sshort1, cw, wnum, wlong, wshort, wshort1, wcw = m.group(
        "sym", "num", "slong", "sshort", "sshort1", "cw", "wnum", "wlong", "wshort", "wshort1", "wcw"
    )
    by_symbol = sym is not None
    number = num if by_symbol else wnum
    long_mag = slong if by_symbol else wlong
    short_mag = (sshort or sshort1) if by_symbol else (wshort or wshort1)
    if short_mag == "k" and not by_symbol:
        return None
    magnitude = long_mag or short_mag or ""
    kind = "wire" if magnitude in WIRE else "long" if long_mag else "short" if short_mag else ""
    factor = LONG.get(magnitude) or SHORT.get(magnitude) or WIRE.get(magnitude) or 1.0
    word = (cw if by_symbol else wcw) or ""
    if word in table.needs_magnitude and not magnitude:
        if not by_symbol:
            return None
        word = ""  # "$3 marks": a figure in one currency and a word that only reads as one after "million"
    start = m.start("sym") if by_symbol else m.start()
    symbol = ""
    if by_symbol:
        symbol = sym
        if symbol == "$":
            prefix = _SYMBOL_PREFIX.search(prose, max(0, start - 3), start)
            if prefix:
                symbol = prefix.group("pfx") + "$"
                start = prefix.start()
        code = table.symbols.get(symbol)
        if code is None:
            return None
    else:
        code = table.words[word]
    digits = number.replace(",", "")
    value = float(digits) * factor
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".")[1])
    elif factor == 1.0 and len(digits) >= 4:
        # "1,300" is likely rounded to the hundred; "100 million" keeps its zeros
        trailing = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        unit = 10.0 ** trailing
    else:
        unit = 1.0
    end = m.end()
    if word and not by_symbol:
        word_start = m.start("wcw")
    elif word:
        word_start = m.start("cw")
    else:
        word_start = -1
        end = m.end("slong") if slong else m.end("sshort") if sshort else m.end("sshort1") if sshort1 else m.end("num")
    # Rounded to its last digit, but a round figure ("$1 billion") is taken as good to 2.5%.
    precision = min(unit * factor / 2, value * MAX_ROUNDING)
    return Amount(start, end, number, value, precision, code, symbol, word, magnitude, kind, word_start)
