"""occurrence: flag a scope where a token occurs more than `max` (or fewer than `min`) times.

    extends: occurrence
    message: "More than 40 words in one sentence."
    scope: sentence
    max: 40
    token: '\\b(\\w+)\\b'
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule


class Occurrence(Rule):
    FIELDS = {
        "token": Field((str,), None),
        "max": Field((int,), 0),
        "min": Field((int,), 0),
        "ignorecase": Field((bool,), False),
    }
    DEFAULT_MESSAGE = "Too many occurrences of '%s'."

    def compile(self, options: dict) -> None:
        token = self.option("token")
        if not token:
            raise self.error("token", "an occurrence rule needs a 'token' pattern")
        if not self.option("max") and not self.option("min"):
            raise self.error("max", "an occurrence rule needs 'max' or 'min'")
        flags = regex.IGNORECASE if self.option("ignorecase") else 0
        self.pattern = self.compile_pattern(token, "token", flags)
        self.max = self.option("max")
        self.min = self.option("min")

    def check(self, doc: Document) -> Iterator[Match]:
        for start, end in self.segments(doc):
            count = sum(1 for _ in self.finditer(self.pattern, doc, start, end))
            if (self.max and count > self.max) or (self.min and count < self.min):
                yield Match(start, end, self.format_message(self.text_of(doc)[start:end]))


RULE = Occurrence
