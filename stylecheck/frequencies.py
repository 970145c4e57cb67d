"""How common an English word is: Zipf frequencies from `rules/data/frequencies/en.yml`.

The list (about 300,000 words, generated from the wordfreq package by bench/build_frequencies.py)
is held as a sorted array of 64-bit keys, one per word, and one byte of Zipf value per word: 2.7 MB
that unpickle from the compiled-rules cache as two memory copies, where a dict of 300,000 strings
would cost a tenth of a second at every start, and the words' own text would double the size. A
look-up is a binary search of the array for the word's key (two zlib checksums side by side: the
same in every process, unlike `hash()`; two different words share a key about once in 10^14).

Zipf values: log10 of uses per billion words. 7 is "the", 5 "government", 3 about one use per
million words, 1 the rarest kept; 0.0 means the word is not in the list.
"""
from __future__ import annotations

import os
from array import array
from bisect import bisect_left
from functools import lru_cache
from zlib import adler32, crc32

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

DEFAULT_LIST = "frequencies/en.yml"


def key_of(word: str) -> int:
    """A word's 64-bit key: its CRC-32 and its Adler-32 side by side."""
    data = word.encode("utf-8")
    return crc32(data) << 32 | adler32(data)


class Frequencies:
    """A read-only word -> Zipf frequency table; build it with `from_buckets` or `load`."""

    __slots__ = ("_keys", "_zipf", "source", "_memo", "_buckets")

    # Look-ups remembered per process: a corpus run asks for the same few thousand words again and
    # again, and a dict answers in a fraction of the time of the binary search. Never pickled.
    MEMO_SIZE = 100_000

    def __init__(self, keys: array, zipf: bytes, source: str = "") -> None:
        self._keys = keys
        self._zipf = zipf
        self.source = source
        self._memo: dict[str, float] = {}
        # The words themselves, kept only while rules are being built (for `at_least`): a table
        # unpickled from the compiled-rules cache holds keys, not words.
        self._buckets: Any = None

    @classmethod
    def from_buckets(cls, buckets: Any, source: str = "") -> "Frequencies":
        """From pairs (Zipf value, space-separated words), as the data file holds them."""
        table: dict[int, int] = {}
        for value, words in buckets:
            tenths = round(float(value) * 10)
            for word in str(words).split():
                key = key_of(word.lower().replace("’", "'"))
                table[key] = max(tenths, table.get(key, 0))
        ordered = sorted(table)
        made = cls(array("Q", ordered), bytes(table[k] for k in ordered), source)
        made._buckets = buckets
        return made

    def __reduce__(self) -> tuple:
        return (Frequencies, (self._keys, self._zipf, self.source))

    def __len__(self) -> int:
        return len(self._keys)

    def zipf(self, word: str) -> float:
        """The word's Zipf frequency (0.0 when unknown); the look-up is case-insensitive."""
        found = self._memo.get(word)
        if found is not None:
            return found
        key = key_of(word.lower().replace("’", "'"))
        keys = self._keys
        i = bisect_left(keys, key)
        found = self._zipf[i] / 10 if i < len(keys) and keys[i] == key else 0.0
        if len(self._memo) < self.MEMO_SIZE:
            self._memo[word] = found
        return found

    def __contains__(self, word: str) -> bool:
        return self.zipf(word) > 0.0

    def at_least(self, zipf: float) -> frozenset[str]:
        """The words at least this common: for a high threshold a small set that a rule can keep
        (pickled with it) instead of the whole table."""
        if self._buckets is None:
            raise ValueError("at_least() needs the table as built from its data, not one unpickled")
        least = round(zipf * 10)
        return frozenset(
            word.lower().replace("’", "'")
            for value, words in self._buckets
            if round(float(value) * 10) >= least
            for word in str(words).split()
        )


def load(name: str = DEFAULT_LIST, rule_path: str = "") -> Frequencies:
    """The frequency list in data file `name` (beside the rule's style, or bundled).

    One table per file and process: rules that read the same list share it, so the compiled-rules
    cache (one pickle of every rule) holds it once.
    """
    from .wordlists import find_data_file

    path = str(find_data_file(name, rule_path))
    return _load(path, os.path.getmtime(path), name)


@lru_cache(maxsize=8)
def _load(path: str, mtime: float, name: str) -> Frequencies:
    from .wordlists import WordListError, _load as load_file

    data = dict(load_file(path, mtime))
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
