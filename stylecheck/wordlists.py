"""Word lists for rule types: YAML files in a `data/` folder beside the style, read once per process.

A rule names its list by file name (`wordlist: us-uk-spellings.yml`). The list is looked for in
`<style folder>/../data/` first (so a newsroom's own style can ship its own), then in the bundled
`rules/data/`. Lists are returned frozen (tuples, frozensets), so the memo is never mutated.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left
from functools import lru_cache

from .patterns import Lazy
from .yamlload import MAX_YAML_BYTES, YamlError, load_yaml_file

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from pathlib import Path
    from typing import Any


_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\]}]")


class WordListError(Exception):
    """A word list that is missing or malformed; `str()` names the file."""


def find_data_file(name: str, rule_path: str = "") -> Path:
    """The data file `name`, beside the rule's style or in the bundled `rules/data/`."""
    from pathlib import Path  # here: only building rules reads data files

    from .resources import data_candidates

    candidates = data_candidates(name, rule_path)
    for candidate in candidates:
        if os.path.isfile(candidate):
            return Path(candidate)
    raise WordListError(f"no word list {name!r} (looked in: {', '.join(os.path.dirname(c) for c in candidates)})")


@lru_cache(maxsize=32)
def _load(path: str, mtime: float) -> Any:
    # A word list needs no line numbers (its errors name the file), so it is read with libyaml's
    # C loader when PyYAML has one: ten times faster than the line-tracking loader on a list of
    # thousands of words, which matters at start-up.
    import yaml

    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        try:
            return _freeze(load_yaml_file(path))
        except YamlError as exc:
            raise WordListError(str(exc)) from None
    try:
        if os.path.getsize(path) > MAX_YAML_BYTES:
            raise WordListError(f"{path}: larger than {MAX_YAML_BYTES} bytes")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise WordListError(f"{path}: {exc}") from None
    if _ALIAS.search(text):
        # Anchors and aliases go through the core loader, which refuses YAML bombs.
        try:
            return _freeze(load_yaml_file(path))
        except YamlError as exc:
            raise WordListError(str(exc)) from None
    try:
        return _freeze(yaml.load(text, Loader=loader))  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        raise WordListError(f"{path}: invalid YAML: {exc}") from None


def load_data(name: str, rule_path: str = "") -> Any:
    """The parsed, frozen contents of a data file (mappings become tuples of pairs)."""
    path = find_data_file(name, rule_path)
    return _load(str(path), os.path.getmtime(path))


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple((str(k), _freeze(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def trie_pattern(words: "list[str] | tuple[str, ...] | frozenset[str]") -> str:
    """One alternation shaped as a trie (`col(?:o(?:ur|r))`), so that a list of thousands of words
    costs the scanner about what one word costs: each character of the text is tried once per
    branch point, never once per word. Words are matched literally."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


_WORD_START = re.compile(r"\w")
_FIRST_RUN = re.compile(r"\w+")
_RUN_AT_WORD_START = re.compile(r"(?<![\w'’])\w+")


class WordStarts:
    """Where a word from any of several rules' lists begins: one scan of the prose that they share.

    A word-list scan costs the stdlib `re` about the same whatever the list's size, but it is paid
    once per rule: two rules that each try a trie at every word start pay it twice. Rules of one
    Linter register their words here (`add`, at compile time); the first of them to check a document
    scans it once for every word start where some registered word is a prefix, and each rule then
    runs its own exact pattern only at those few positions (`matches`). The positions are a superset
    of where any registered rule can match, provided every registered word starts with a word
    character and the rule's own pattern refuses a word character or apostrophe just before it.
    """

    # The trie of thousands of words takes the stdlib `re` about 60 ms to compile: more than
    # linting an article. The first few documents a process sees are scanned without it (below),
    # so a pre-commit run on one article never pays for it; an archive run compiles it once, and
    # so does a document long enough for the trie's faster scan to repay it (about 0.5 µs less
    # per character than the set look-ups).
    DOCUMENTS_BEFORE_TRIE = 8
    LONGEST_WITHOUT_TRIE = 100_000

    def __init__(self) -> None:
        self.words: set[str] = set()
        self._pattern: "re.Pattern[str] | None" = None
        # For `_scan_runs`, kept up to date by `add` (so built with the rules and cached with them):
        # each registered word's first run of word characters, and for each run length L the
        # lengths of those first runs that are at most L.
        self._first_runs: set[str] = set()
        self._lengths_upto: list[tuple[int, ...]] = [()]
        self._documents = 0

    def add(self, words: "list[str] | tuple[str, ...] | set[str]") -> bool:
        """Register a rule's words; False (nothing registered) unless each starts with a word character."""
        words = list(words)
        if not all(_WORD_START.match(w) for w in words):
            return False
        self.words.update(words)
        self._pattern = None
        self._first_runs.update(m.group() for m in map(_FIRST_RUN.match, words) if m)
        lengths = sorted({len(r) for r in self._first_runs})
        self._lengths_upto = [tuple(n for n in lengths if n <= size) for size in range(lengths[-1] + 1)] if lengths else [()]
        return True

    def pattern(self) -> "re.Pattern[str]":
        if self._pattern is None:
            self._pattern = re.compile(r"(?<![\w'’])(?=" + trie_pattern(sorted(self.words)) + ")")
        return self._pattern

    def positions(self, doc: Any) -> list[int]:
        """The sorted candidate positions in `doc.prose`, scanned once per document."""
        # Keyed on this index, not its pattern: a pattern's hash reads its whole source. (Words are
        # registered while the rules are built, before any document is scanned.)
        return doc.memo(("wordlists", "word-starts", self), lambda: self._scan(doc.prose))

    def _scan(self, prose: str) -> list[int]:
        if self._pattern is None and self._documents < self.DOCUMENTS_BEFORE_TRIE and len(prose) <= self.LONGEST_WITHOUT_TRIE:
            self._documents += 1
            return self._scan_runs(prose)
        return [m.start() for m in self.pattern().finditer(prose)]

    def _scan_runs(self, prose: str) -> list[int]:
        """Candidates found without compiling the trie, a superset of the trie's: where the text's
        run of word characters begins with the first run of some registered word (a registered
        word that matches there has its first run as a prefix of the text's run). Set look-ups,
        one per distinct first-run length, decide; the rules' own patterns refuse the extra ones."""
        firsts, upto = self._first_runs, self._lengths_upto
        longest = len(upto) - 1
        found = []
        for m in _RUN_AT_WORD_START.finditer(prose):
            run = m.group()
            for n in upto[min(len(run), longest)]:
                if run[:n] in firsts:
                    found.append(m.start())
                    break
        return found

    def matches(self, pattern: "re.Pattern[str]", doc: Any, segments: Any) -> Iterator[Any]:
        """Exactly what `pattern.finditer(prose, start, end)` yields for each segment in turn, for a
        pattern that can only match at a registered word's start; tried at the candidates only.
        (A pattern that may also match inside a word gets its word-start matches only.)"""
        return self.matches_by(lambda prose, at, end: pattern.match(prose, at, end), doc, segments)

    def matches_by(self, match_at: Any, doc: Any, segments: Any) -> Iterator[Any]:
        """Like `matches`, with `match_at(prose, position, segment_end)` standing for `pattern.match`:
        anything with `end()`, or None."""
        yield from matches_at(self.positions(doc), match_at, doc.prose, segments)


def matches_at(positions: list[int], match_at: Any, prose: str, segments: Any) -> Iterator[Any]:
    """What a `finditer` over each segment in turn yields, for a pattern that can only match at
    one of the sorted candidate `positions`: `match_at(prose, position, segment_end)` is tried
    at those alone, and a candidate inside a previous match is passed over, as finditer would."""
    if not positions:
        return
    count = len(positions)
    for start, end in segments:
        i = bisect_left(positions, start)
        resume = start  # finditer goes on after the end of its last match
        while i < count:
            at = positions[i]
            if at >= end:
                break
            i += 1
            if at < resume:
                continue
            m = match_at(prose, at, end)
            if m is not None:
                yield m
                resume = m.end()


# Distinct words are collected a slice at a time, so a 20 MB file never holds a list of all its words.
_SLICE = 1 << 20


def distinct_matches(text: str, pattern: Any, gap: Any) -> set[str]:
    """The distinct matches of `pattern` in `text`, found with `findall` one slice at a time:
    memory grows with the vocabulary, not with the text. Each slice ends where `gap` matches (a
    character no match can hold or look at as part of a word), so no match is cut in two."""
    found: set[str] = set()
    start, size = 0, len(text)
    while start < size:
        end = start + _SLICE
        if end >= size:
            end = size
        else:
            at = gap.search(text, end)
            end = at.start() if at else size
        found.update(pattern.findall(text, start, end))
        start = end
    return found


# A maximal run of word characters that is all lowercase letters, and what separates such runs.
_LOWERCASE_RUN = Lazy(r"(?<!\w)\p{Ll}++(?!\w)")
_NOT_A_WORD_CHARACTER = Lazy(r"\W")


# The same for text that is all ASCII (most news copy), where the stdlib `re` finds the same runs
# faster: there a word character is [A-Za-z0-9_] and a lowercase letter [a-z] for both engines.
_ASCII_LOWERCASE_RUN = re.compile(r"(?<!\w)[a-z]+(?!\w)")
_ASCII_NOT_A_WORD_CHARACTER = re.compile(r"\W")


def lowercase_words(doc: Any) -> set[str]:
    """The words `doc` writes all in lowercase (as whole runs of word characters), found once per
    document for every rule that asks (is this capitalised word also an ordinary word here?)."""
    return doc.memo(("wordlists", "lowercase-words"), lambda: _lowercase_words(doc.prose))


def _lowercase_words(prose: str) -> set[str]:
    if prose.isascii():
        return distinct_matches(prose, _ASCII_LOWERCASE_RUN, _ASCII_NOT_A_WORD_CHARACTER)
    return distinct_matches(prose, _LOWERCASE_RUN, _NOT_A_WORD_CHARACTER)


def word_starts(shared: dict[str, Any]) -> WordStarts:
    """The `WordStarts` index the rules of one Linter share (kept in `RuleContext.shared`)."""
    index = shared.get("word-starts")
    if index is None:
        index = shared["word-starts"] = WordStarts()
    return index
