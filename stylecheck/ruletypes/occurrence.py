"""occurrence: flag a scope where a token occurs more than `max` (or fewer than `min`) times.

    extends: occurrence
    message: "More than 40 words in one sentence."
    scope: sentence
    max: 40
    token: '\\b(\\w+)\\b'
"""
from __future__ import annotations


import regex

from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator


class Occurrence(Rule):
    FIELDS = {
        "token": Field((str,), None),
        "max": Field((int,), 0),
        "min": Field((int,), 0),
        "ignorecase": Field((bool,), False),
    }
    DEFAULT_MESSAGE = "Too many occurrences of '%s'."

    def compile(self, options: dict) -> None:
        if self.vale:
            if not self.option("token"):
                raise self.error("token", f"rule {self.id}: an occurrence rule needs a 'token' pattern")
            prefix = "(?i)" if self.option("ignorecase") else ""
            self.pattern = self.compile_vale(prefix + "(?:" + str(self.option("token")) + ")", "token")
            self.max = int(self.option("max") or 0)
            self.min = int(self.option("min") or 0)
            return
        token = self.option("token")
        if not token:
            raise self.error("token", "an occurrence rule needs a 'token' pattern")
        if not self.option("max") and not self.option("min"):
            raise self.error("max", "an occurrence rule needs 'max' or 'min'")
        flags = regex.IGNORECASE if self.option("ignorecase") else 0
        self.pattern = self.compile_pattern(token, "token", flags)
        self.max = self.option("max")
        self.min = self.option("min")

    def _check_vale(self, doc: Document) -> Iterator[Match]:
        # Vale's Occurrence.Run: the finding sits on the first non-blank match (or at the block's
        # start when there is none) and its message gets the count.
        for offset, text in self.vale_blocks(doc):
            spans = [m.span() for m in self.vale_finditer(self.pattern, text, doc)]
            count = len(spans)
            if not ((self.max and count > self.max) or (self.min and count < self.min)):
                continue
            if not spans:
                yield Match(offset, offset, self.format_message(str(count)))
                continue
            for start, end in spans:
                found = text[start:end]
                if found.strip() and not all(ch in "*@" for ch in found):
                    yield Match(offset + start, offset + end, self.format_message(str(count)))
                    break

    def check(self, doc: Document) -> Iterator[Match]:
        if self.vale:
            yield from self._check_vale(doc)
            return
        for start, end in self.segments(doc):
            count = sum(1 for _ in self.finditer(self.pattern, doc, start, end))
            if (self.max and count > self.max) or (self.min and count < self.min):
                yield Match(start, end, self.format_message(self.text_of(doc)[start:end]))


RULE = Occurrence
