"""How common an English word is: Zipf frequencies from `rules/data/frequencies/en.yml`.

The list (about 300,000 words, generated from the wordfreq package by bench/build_frequencies.py)
is held as one sorted, newline-separated string with an array of line starts and one byte of Zipf
value per word. Unpickling that from the compiled-rules cache is a few memory copies, where a dict
of 300,000 strings would cost a tenth of a second at every start; a look-up is a binary search.

Zipf values: log10 of uses per billion words. 7 is "the", 5 "government", 3 about one use per
million words, 1 the rarest kept; 0.0 means the word is not in the list.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

DEFAULT_LIST = "frequencies/en.yml"


class _Words:
    """The i-th word of the joined string, as a sequence `bisect` can search."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str, starts: array) -> None:
        self.text = text
        self.starts = starts

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, index: int) -> str:
        return self.text[self.starts[index] : self.starts[index + 1] - 1]


class Frequencies:
    """A read-only word -> Zipf frequency table; build it with `from_buckets` or `load`."""

    __slots__ = ("_words", "_zipf", "source")

    def __init__(self, text: str, starts: array, zipf: bytes, source: str = "") -> None:
        self._words = _Words(text, starts)
        self._zipf = zipf
        self.source = source

    @classmethod
    def from_buckets(cls, buckets: Any, source: str = "") -> "Frequencies":
        """From pairs (Zipf value, space-separated words), as the data file holds them."""
        table: dict[str, int] = {}
        for value, words in buckets:
            tenths = round(float(value) * 10)
            for word in str(words).split():
                table[word] = max(tenths, table.get(word, 0))
        ordered = sorted(table)
        starts = array("I", [0])
        for word in ordered:
            starts.append(starts[-1] + len(word) + 1)
        return cls("\n".join(ordered) + "\n", starts, bytes(table[w] for w in ordered), source)

    def __reduce__(self) -> tuple:
        return (Frequencies, (self._words.text, self._words.starts, self._zipf, self.source))

    def __len__(self) -> int:
        return len(self._words)

    def zipf(self, word: str) -> float:
        """The word's Zipf frequency (0.0 when unknown); the look-up is case-insensitive."""
        key = word.lower().replace("’", "'")
        words = self._words
        i = bisect_left(words, key)
        if i < len(words) and words[i] == key:
            return self._zipf[i] / 10
        return 0.0

    def __contains__(self, word: str) -> bool:
        return self.zipf(word) > 0.0

    def at_least(self, zipf: float) -> frozenset[str]:
        """The words at least this common: for a high threshold a small set that a rule can keep
        (pickled with it) instead of the whole table."""
        least = round(zipf * 10)
        words = self._words
        return frozenset(words[i] for i, value in enumerate(self._zipf) if value >= least)


def load(name: str = DEFAULT_LIST, rule_path: str = "") -> Frequencies:
    """The frequency list in data file `name` (beside the rule's style, or bundled)."""
    from .wordlists import WordListError, load_data

    data = dict(load_data(name, rule_path))
    buckets = data.get("zipf")
    if not buckets:
        raise WordListError(f"{name}: no 'zipf' mapping of Zipf values to words")
    return Frequencies.from_buckets(buckets, str(data.get("source", name)))


def shared(store: dict, name: str = DEFAULT_LIST, rule_path: str = "") -> Frequencies:
    """The list in data file `name`, loaded once into `store` (a Linter's `RuleContext.shared`),
    so that every rule reading it holds the same table and the compiled-rules cache pickles it
    once."""
    key = "frequencies:" + name
    table = store.get(key)
    if table is None:
        table = store[key] = load(name, rule_path)
    return table
