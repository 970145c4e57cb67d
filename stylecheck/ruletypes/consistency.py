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

import regex

from ..diagnostic import Match
from ..document import Document
from ..valecompat import NONWORD_TEMPLATE, WORD_TEMPLATE, TokenIndex, token_key
from ..prefilter import Prefilter, scan
from .base import Field, Rule, exceptions_pattern

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator


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
        if self.vale:
            return self._compile_vale()
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
        # Many pairs: find candidates by their literal starts first (see prefilter.py).
        forms = [str(form) for pair in either.items() for form in pair]
        self.prefilter = Prefilter.build(self.pattern, forms, flags, word_start=not self.option("nonword"))
        self.exceptions = exceptions_pattern(self, self.option("exceptions"), bool(flags))
        self.vale_mode = self.option("mode") == "vale"

    def _compile_vale(self) -> None:
        # Vale's NewConsistency: one pattern per pair, `(?P<a>first)|(?P<b>second)` in the word
        # template.
        either = self.option("either")
        if not either or not isinstance(either, dict):
            raise self.error("either", f"rule {self.id}: a consistency rule needs an 'either' mapping")
        template = NONWORD_TEMPLATE if self.option("nonword") else WORD_TEMPLATE
        prefix = "(?i)" if self.option("ignorecase") else ""
        self.vale_steps = []
        keys = []
        for first, second in either.items():
            body = template.format(f"(?P<first>{first})|(?P<second>{second})")
            self.vale_steps.append(self.compile_vale(prefix + body, "either"))
            keys.extend((token_key(str(first), bool(prefix)), token_key(str(second), bool(prefix))))
        # A pair is reported only once both forms occur: a document lacking either form is skipped.
        self.vale_index = TokenIndex(keys, bool(prefix), template == NONWORD_TEMPLATE)

    def _check_vale(self, doc: Document) -> Iterator[Match]:
        # Vale's Consistency.Run: once both forms of a pair have been seen in the file, one finding,
        # at the last group matched in this block. The forms seen accumulate over the file.
        seen: set[tuple[int, str]] = doc.memo(("consistency", "vale-seen", self.id), set)
        kept = set(self.vale_index.keep(doc))
        pairs = [i for i in range(len(self.vale_steps)) if 2 * i in kept and 2 * i + 1 in kept]
        for offset, text in self.vale_blocks(doc):
            for index in pairs:
                pattern = self.vale_steps[index]
                last: tuple[int, int] | None = None
                for m in self.vale_finditer(pattern, text, doc):
                    for group in range(1, len(m.groups()) + 1):
                        if m.start(group) >= 0:
                            last = m.span(group)
                    for name in ("first", "second"):
                        if m.start(name) >= 0:
                            seen.add((index, name))
                if last is not None and (index, "first") in seen and (index, "second") in seen:
                    found = text[last[0] : last[1]]
                    yield Match(offset + last[0], offset + last[1], self.format_message(found))

    def check(self, doc: Document) -> Iterator[Match]:
        if self.vale:
            yield from self._check_vale(doc)
            return
        # found[(pair, side)] = list of (start, end, text)
        found: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        for start, end in self.segments(doc):
            for m in scan(self, doc, start, end):
                if not m.group():
                    continue
                if self.is_exception(m.group(), doc, m.start(), m.end()):
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
