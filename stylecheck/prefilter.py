"""Fast scans for rules made of many alternatives (consistency pairs, substitution swaps).

A pattern like `(\\b(?:emails?)\\b)|(\\b(?:e-mails?)\\b)|...` with a hundred alternatives makes the
regex engine try every alternative at every position of the text: over the BBC corpus a
hyphenation rule of 50 pairs took ten seconds. Most alternatives start with a literal ("email",
"e-mail", "ceasefire"), so a match can only start where one of those literals starts.

`literal_prefix` reads that literal off a user's pattern (conservatively: anything it does not
understand gives no prefix); `Prefilter` joins the prefixes into one trie-shaped pattern, which the
engine scans about fifty times faster, and runs the full pattern only where a prefix was found.
The matches are exactly those of `pattern.finditer`: positions where no prefix starts cannot
match, and at the others the full pattern decides, left to right, without overlaps.
"""
from __future__ import annotations


import regex

from . import patterns
from .wordlists import trie_pattern

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from typing import Any

# Characters that mean something in a pattern outside a character class.
_META = set("\\.^$*+?{}[]|()")
# A prefix shorter than this finds too many candidates to pay for the second pass.
MIN_PREFIX = 2


def literal_prefix(pattern: str) -> str:
    """The literal text every match of `pattern` starts with, or "" when that is not certain.

    Leading zero-width parts (`\\b`, look-behinds) are skipped; the literal ends at the first
    metacharacter, and a character made optional by the quantifier after it is dropped.
    """
    if _has_top_level_bar(pattern):
        return ""
    i = 0
    n = len(pattern)
    while i < n:  # zero-width prefixes: \b, (?<=...), (?<!...)
        if pattern.startswith("\\b", i):
            i += 2
        elif pattern.startswith(("(?<=", "(?<!"), i):
            close = _group_end(pattern, i)
            if close < 0:
                return ""
            i = close + 1
        else:
            break
    out: list[str] = []
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n or pattern[i + 1].isalnum():
                break  # \d, \w, \s, \p{..}, a back-reference: not a literal
            out.append(pattern[i + 1])
            i += 2
        elif c in _META or c == "#":
            break
        else:
            out.append(c)
            i += 1
    if out and i < n and pattern[i] in "?*{":
        out.pop()  # `s?`: the last character may be absent
    return "".join(out)


def _has_top_level_bar(pattern: str) -> bool:
    depth = 0
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _class_end(pattern: str, i: int) -> int:
    """Index of the `]` closing the character class that opens at `i` (or the end)."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
            continue
        if pattern[j] == "]":
            return j
        j += 1
    return len(pattern)


def _group_end(pattern: str, i: int) -> int:
    """Index of the `)` closing the group that opens at `i`, or -1."""
    depth = 0
    j = i
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(pattern, j) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


class Prefilter:
    """Candidate positions for a many-alternative pattern: where one of its literal prefixes starts."""

    def __init__(self, pattern: "regex.Pattern[str]", prefixes: list[str], flags: int, word_start: bool) -> None:
        self.pattern = pattern
        lead = r"\b" if word_start else ""
        self.candidates = patterns.compile(lead + trie_pattern(sorted(set(prefixes))), flags | regex.VERSION0)

    @classmethod
    def build(cls, pattern: "regex.Pattern[str]", forms: list[str], flags: int, word_start: bool, minimum: int = 8) -> "Prefilter | None":
        """A Prefilter when every form has a literal prefix and there are enough forms to pay for it.

        `word_start`: every form is matched behind `\\b` (the rule wraps them in word boundaries),
        so candidates may require it too.
        """
        if len(forms) < minimum:
            return None
        prefixes = [literal_prefix(form) for form in forms]
        if any(len(p) < MIN_PREFIX for p in prefixes):
            return None
        if word_start and not all(p[0].isalnum() or p[0] == "_" for p in prefixes):
            word_start = False  # `\b` before a non-word character means something else
        return cls(pattern, prefixes, flags, word_start)

    def positions(self, doc: Any, text: str, timeout: float) -> list[int]:
        """Where a candidate starts in the whole of `text`, found once per document: creating a
        scan costs the engine several microseconds, which over every block of every file of an
        archive added up to more than the scanning itself."""
        # Overlapped: a candidate may start inside another one ("U.S." holds "S.").
        return doc.memo(
            ("prefilter", "positions", self, text is doc.text),
            lambda: [m.start() for m in self.candidates.finditer(text, overlapped=True, timeout=timeout)],
        )

    def finditer(self, text: str, start: int, end: int, timeout: float, doc: Any = None) -> Iterator["regex.Match[str]"]:
        """The matches `self.pattern.finditer(text, start, end)` would give.

        A candidate found in the whole text is one found in [start, end): the candidate pattern
        looks at the characters before a position whether or not the scan starts there, and one
        that runs past `end` is refused by the full pattern, which is matched within [start, end).
        """
        if doc is not None:
            from bisect import bisect_left

            found = self.positions(doc, text, timeout)
            candidates: Any = found[bisect_left(found, start) :]
        else:
            candidates = (m.start() for m in self.candidates.finditer(text, start, end, overlapped=True, timeout=timeout))
        resume = start
        match = self.pattern.match
        for at in candidates:
            if at >= end:
                break
            if at < resume:
                continue
            m = match(text, at, end, timeout=timeout)
            if m is not None and m.end() > m.start():
                resume = m.end()
                yield m


def scan(rule: Any, doc: Any, start: int, end: int) -> Iterator["regex.Match[str]"]:
    """`rule.pattern` over [start, end) of the rule's text, through `rule.prefilter` when it has
    one; either way within the rule's time budget."""
    prefilter = getattr(rule, "prefilter", None)
    if prefilter is None:
        return rule.finditer(rule.pattern, doc, start, end)
    return prefilter.finditer(rule.text_of(doc), start, end, doc.time_left(), doc)
