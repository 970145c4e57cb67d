"""consistency: two forms of one thing should not both appear in an article.

    extends: consistency
    message: "'%s' here, but '%s' is the article's usual form (%s to %s)."
    nonword: true
    either:
      '\\bUS\\b': '(?<![\\w.])U\\.S\\.(?!\\w)'

Every occurrence of the minority form is reported, and the message names the majority form
and both counts: PerfectIt's way, not Vale's (which flags whichever form comes second, whatever
the counts). On a tie the form that appears first is taken as the article's choice. Message
arguments, in order: the text found, the majority form, its count here, the majority's count.

`mode: vale` restores Vale's behaviour for Vale styles.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator

import regex

from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule, exceptions_pattern


class Consistency(Rule):
    FIELDS = {
        "either": Field((dict,), None, doc="form -> other form, as patterns"),
        "ignorecase": Field((bool,), False),
        "nonword": Field((bool,), False),
        "exceptions": Field((list,), []),
        "mode": Field((str,), "majority", ("majority", "vale")),
    }
    DEFAULT_MESSAGE = "'%s' here, but the article mostly uses '%s' (%s to %s)."

    def compile(self, options: dict) -> None:
        either = self.option("either")
        if not either:
            raise self.error("either", "a consistency rule needs an 'either' mapping")
        flags = regex.IGNORECASE if self.option("ignorecase") else 0
        wrap = (lambda p: p) if self.option("nonword") else (lambda p: rf"\b(?:{p})\b")
        # All pairs in one pattern: group 2k is the first form of pair k, 2k+1 the second.
        parts: list[str] = []
        self.groups: list[tuple[int, int]] = []
        group = 0
        for first, second in either.items():
            pair = []
            for form in (str(first), str(second)):
                inner = self.compile_pattern(form, "either", flags).groups
                group += 1
                pair.append(group)
                parts.append(f"({wrap(form)})")
                group += inner
            self.groups.append((pair[0], pair[1]))
        self.pattern = self.compile_pattern("|".join(parts), "either", flags)
        self.exceptions = exceptions_pattern(self, self.option("exceptions"), bool(flags))
        self.vale_mode = self.option("mode") == "vale"

    def check(self, doc: Document) -> Iterator[Match]:
        # found[(pair, side)] = list of (start, end, text)
        found: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        for start, end in self.segments(doc):
            for m in self.finditer(self.pattern, doc, start, end):
                if not m.group():
                    continue
                if self.is_exception(m.group(), doc):
                    continue
                for pair, (a, b) in enumerate(self.groups):
                    if m.start(a) >= 0:
                        found.setdefault((pair, 0), []).append((m.start(), m.end(), m.group()))
                        break
                    if m.start(b) >= 0:
                        found.setdefault((pair, 1), []).append((m.start(), m.end(), m.group()))
                        break
        for pair in range(len(self.groups)):
            first, second = found.get((pair, 0)), found.get((pair, 1))
            if not first or not second:
                continue
            if self.vale_mode:
                # Vale: whichever form appeared first wins; every later use of the other is flagged.
                minority, majority = (second, first) if first[0][0] < second[0][0] else (first, second)
            elif len(first) != len(second):
                minority, majority = (first, second) if len(first) < len(second) else (second, first)
            else:
                minority, majority = (second, first) if first[0][0] < second[0][0] else (first, second)
            usual = Counter(text for _s, _e, text in majority).most_common(1)[0][0]
            for start, end, text in minority:
                message = self.format_message(text, usual, len(minority), len(majority))
                yield Match(start, end, message, (usual,))


RULE = Consistency
