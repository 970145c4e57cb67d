"""repetition: flag a token repeated back to back ("the the"), as Vale's `repetition`.

    extends: repetition
    message: "'%s' is repeated."
    alpha: true
    tokens: ['[^\\s]+']

The repeat is found by one backreference pattern, so the scan stays in the regex engine.
"""
from __future__ import annotations

from operator import eq

import regex

from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule, doc_time_left, exceptions_pattern, join_alternatives

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator


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
        # Words of letters: the common case ("the the"), which `may_repeat` can rule out quickly.
        self.words_only = bool(self.option("alpha")) and tokens == [r"[^\s]+"]
        token = r"\p{L}++" if self.words_only else "(?>" + join_alternatives(tokens) + ")"
        # A token, then the same token again after white space only; the run may go on. For words,
        # a leading `\b` lets the engine reject positions inside a word before the slower
        # look-behind runs: twice as fast over a corpus as the look-behind alone, same matches.
        lead = r"\b" if self.words_only else ""
        body = rf"{lead}(?<![\p{{L}}\p{{N}}_'’-])(?P<token>{token})(?:(?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*)(?P=token))+(?![\p{{L}}\p{{N}}_-])"
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
                    if "\n" not in span and not (self.exceptions is not None and self.exceptions.search(span, timeout=doc_time_left(doc))):
                        yield Match(offset + prev_start, offset + m.end(), self.format_message(curr), (curr,))
                        count = 0
                prev_start = m.start()
                prev = curr

    def check(self, doc: Document) -> Iterator[Match]:
        if self.vale:
            yield from self._check_vale(doc)
            return
        text = self.text_of(doc)
        whole = len(text) <= _WHOLE_TEXT_LIMIT
        if self.words_only and whole and not may_repeat(text):
            return
        for start, end in self.segments(doc):
            if self.words_only and not whole and end - start <= _WHOLE_TEXT_LIMIT and not may_repeat(text[start:end]):
                continue
            for m in self.finditer(self.pattern, doc, start, end):
                token = m.group("token")
                if self.alpha and not token.isalpha():
                    continue
                if self.is_exception(token, doc, m.start(), m.end()):
                    continue
                yield Match(m.start(), m.end(), self.format_message(token), (token,))


# -- a quick, exact test that rules a text out -------------------------------------------------------
#
# The pattern above costs the regex engine an attempt at every word of the text; most articles
# have no repeated word at all. `may_repeat` answers "could the pattern match anywhere here?" with
# bytes operations that run in C (about a tenth of the pattern's time): it is never False when the
# pattern would match, and the pattern decides every True.
#
# Why it is exact for ASCII text: characters that may touch a token ([A-Za-z0-9_-]) are kept, all
# others become spaces, then the text is lower-cased and split. A match is "token, white space,
# the same token": the token is preceded by none of [letters digits _ ' ’ -] and the repeat is
# followed by none of [letters digits _ -]; apostrophes become spaces here, so each token is a
# whole piece of the split, and the two pieces are neighbours and equal once lower-cased. Common
# non-ASCII punctuation (curly quotes, dashes, £, the mask character) becomes a space too; a text
# with any other non-ASCII character (an accented letter, whose case folding bytes cannot do) is
# never ruled out.

_KEPT = {*range(ord("A"), ord("Z") + 1), *range(ord("a"), ord("z") + 1), *range(ord("0"), ord("9") + 1), ord("_"), ord("-")}
_TO_SPACE = bytes(c if c in _KEPT or c >= 128 else 32 for c in range(256))
_PUNCTUATION = tuple(c.encode("utf-8") for c in "“”‘’–—…£€\ufffc«»•·°\u00a0")
# Longer texts are tested segment by segment, so the split never holds a huge text's words at once.
_WHOLE_TEXT_LIMIT = 1 << 20


def may_repeat(text: str) -> bool:
    """False only when no word of `text` is followed, after white space, by the same word."""
    data = text.encode("utf-8").translate(_TO_SPACE)
    if not data.isascii():
        for mark in _PUNCTUATION:
            if mark in data:
                data = data.replace(mark, b" ")
        if not data.isascii():
            return True
    words = data.lower().split()
    return any(map(eq, words, words[1:]))


RULE = Repetition
