"""conditional: `first` may appear only if `second` appears too (Vale's `conditional`).

    extends: conditional
    message: "'%s' has no definition."
    first: '\\b([A-Z]{3,5})\\b'
    second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
    exceptions: [NATO, FBI]

Each match of `first` (its first group, if it has one) is flagged unless the same text was
captured by `second` somewhere in the document, or is an exception.
"""
from __future__ import annotations


import regex

from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule, doc_time_left, exceptions_pattern

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator


class Conditional(Rule):
    FIELDS = {
        "first": Field((str,), None),
        "second": Field((str,), None),
        "ignorecase": Field((bool,), False),
        "exceptions": Field((list,), []),
    }
    DEFAULT_MESSAGE = "'%s' has no definition."

    def compile(self, options: dict) -> None:
        if self.vale:
            if not self.option("first") or not self.option("second"):
                raise self.error("first", f"rule {self.id}: a conditional rule needs 'first' and 'second' patterns")
            prefix = "(?i)" if self.option("ignorecase") else ""
            self.first = self.compile_vale(prefix + str(self.option("first")), "first")
            self.second = self.compile_vale(prefix + str(self.option("second")), "second")
            self.exceptions = self.vale_exceptions()
            return
        if not self.option("first") or not self.option("second"):
            raise self.error("first", "a conditional rule needs 'first' and 'second' patterns")
        flags = regex.IGNORECASE if self.option("ignorecase") else 0
        self.first = self.compile_pattern(self.option("first"), "first", flags)
        self.second = self.compile_pattern(self.option("second"), "second", flags)
        self.exceptions = exceptions_pattern(self, self.option("exceptions"), bool(flags))

    def _check_vale(self, doc: Document) -> Iterator[Match]:
        # Vale's Conditional.Run: every group captured by `second` (over the file so far) defines a
        # term; each whole match of `first` that is not a defined term or an exception is flagged.
        defined: set[str] = doc.memo(("conditional", "vale-defined", self.id), set)
        for offset, text in self.vale_blocks(doc):
            for m in self.vale_finditer(self.second, text, doc):
                defined.update(g for g in m.groups() if g)
            for m in self.vale_finditer(self.first, text, doc):
                found = m.group()
                if not found or found in defined:
                    continue
                if self.exceptions is not None and self.exceptions.search(found, timeout=doc_time_left(doc)):
                    continue
                yield Match(offset + m.start(), offset + m.end(), self.format_message(found))

    def check(self, doc: Document) -> Iterator[Match]:
        if self.vale:
            yield from self._check_vale(doc)
            return
        text = self.text_of(doc)
        defined = {
            (m.group(1) if m.groups() and m.group(1) is not None else m.group())
            for m in self.second.finditer(text, timeout=doc_time_left(doc))
        }
        for start, end in self.segments(doc):
            for m in self.finditer(self.first, doc, start, end):
                if self.first.groups and m.group(1) is not None:
                    key, span = m.group(1), m.span(1)
                else:
                    key, span = m.group(), m.span()
                if not key or key in defined:
                    continue
                if self.is_exception(key, doc, span[0], span[1]):
                    continue
                yield Match(span[0], span[1], self.format_message(key))


RULE = Conditional
