"""repetition: flag a token repeated back to back ("the the"), as Vale's `repetition`.

    extends: repetition
    message: "'%s' is repeated."
    alpha: true
    tokens: ['[^\\s]+']

The repeat is found by one backreference pattern, so the scan stays in the regex engine.
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule, exceptions_pattern, join_alternatives


class Repetition(Rule):
    FIELDS = {
        "tokens": Field((list,), [], doc="patterns for what counts as one token"),
        "alpha": Field((bool,), False, doc="only alphabetic tokens count"),
        "ignorecase": Field((bool,), False),
        "exceptions": Field((list,), []),
    }
    DEFAULT_MESSAGE = "'%s' is repeated."

    def compile(self, options: dict) -> None:
        tokens = [str(t) for t in self.option("tokens")]
        if not tokens:
            raise self.error("tokens", "a repetition rule needs 'tokens'")
        flags = regex.IGNORECASE if self.option("ignorecase") else 0
        self.compile_pattern(join_alternatives(tokens), "tokens", flags)  # report a bad token by itself
        token = r"\p{L}++" if self.option("alpha") and tokens == [r"[^\s]+"] else "(?>" + join_alternatives(tokens) + ")"
        # A token, then the same token again after white space only; the run may go on.
        body = rf"(?<![\p{{L}}\p{{N}}_'’-])(?P<token>{token})(?:(?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*)(?P=token))+(?![\p{{L}}\p{{N}}_-])"
        self.pattern = self.compile_pattern(body, "tokens", flags)
        self.alpha = self.option("alpha")
        self.exceptions = exceptions_pattern(self, self.option("exceptions"), bool(flags))

    def check(self, doc: Document) -> Iterator[Match]:
        for start, end in self.segments(doc):
            for m in self.finditer(self.pattern, doc, start, end):
                token = m.group("token")
                if self.alpha and not token.isalpha():
                    continue
                if self.is_exception(token, doc):
                    continue
                yield Match(m.start(), m.end(), self.format_message(token), (token,))


RULE = Repetition
