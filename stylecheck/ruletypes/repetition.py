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
        "max": Field((int,), 0, doc="repeats allowed before a finding (Vale)"),
    }
    DEFAULT_MESSAGE = "'%s' is repeated."

    def compile(self, options: dict) -> None:
        if self.vale:
            tokens = [str(t) for t in (self.option("tokens") or [])]
            if not tokens:
                raise self.error("tokens", f"rule {self.id}: a repetition rule needs 'tokens'")
            source = ("(?i)" if self.option("ignorecase") else "") + "(" + "|".join(tokens) + ")"
            self.pattern = self.compile_vale(source, "tokens")
            self.exceptions = self.vale_exceptions()
            self.alpha = bool(self.option("alpha"))
            self.ignorecase = bool(self.option("ignorecase"))
            self.max = int(self.option("max") or 0)
            return
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

    def _check_vale(self, doc: Document) -> Iterator[Match]:
        # Vale's Repetition.Run: consecutive matches of the token pattern compared pairwise; the
        # count of repeats is reset only when a finding is made.
        for offset, text in self.vale_blocks(doc):
            prev = ""
            prev_start = 0
            count = 0
            for m in self.vale_finditer(self.pattern, text, doc):
                curr = m.group().strip()
                if self.ignorecase:
                    hit = curr != "" and curr.casefold() == prev.casefold()
                else:
                    hit = curr != "" and curr == prev
                hit = hit and (not self.alpha or all(ch.isalpha() for ch in curr))
                if hit:
                    count += 1
                if hit and count > self.max:
                    span = text[prev_start : m.end()]
                    if "\n" not in span and not (self.exceptions is not None and self.exceptions.search(span)):
                        yield Match(offset + prev_start, offset + m.end(), self.format_message(curr), (curr,))
                        count = 0
                prev_start = m.start()
                prev = curr

    def check(self, doc: Document) -> Iterator[Match]:
        if self.vale:
            yield from self._check_vale(doc)
            return
        for start, end in self.segments(doc):
            for m in self.finditer(self.pattern, doc, start, end):
                token = m.group("token")
                if self.alpha and not token.isalpha():
                    continue
                if self.exceptions is not None and self.exceptions.fullmatch(token):
                    continue
                yield Match(m.start(), m.end(), self.format_message(token), (token,))


RULE = Repetition
