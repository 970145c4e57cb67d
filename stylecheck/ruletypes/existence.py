"""existence: flag every occurrence of any of a list of words, phrases or patterns (Vale's `existence`).

    extends: existence
    message: "Avoid '%s'."
    ignorecase: true
    tokens: [very unique, most unique]
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule, exceptions_pattern, join_alternatives


class Existence(Rule):
    FIELDS = {
        "tokens": Field((list,), [], doc="words or patterns, joined into one alternation"),
        "raw": Field((list,), [], doc="pattern pieces concatenated as they are"),
        "ignorecase": Field((bool,), False),
        "nonword": Field((bool,), False, doc="do not wrap the tokens in word boundaries"),
        "append": Field((bool,), False),
        "exceptions": Field((list,), []),
    }
    DEFAULT_MESSAGE = "Avoid '%s'."

    def compile(self, options: dict) -> None:
        tokens = [str(t) for t in self.option("tokens")]
        raw = [str(t) for t in self.option("raw")]
        if not tokens and not raw:
            raise self.error("tokens", "an existence rule needs 'tokens' or 'raw'")
        flags = regex.IGNORECASE if self.option("ignorecase") else 0
        body = "".join(raw)
        if tokens:
            joined = join_alternatives(tokens)
            body += joined if self.option("nonword") else r"(?:\b(?:" + joined + r")\b)"
        self.pattern = self.compile_pattern(f"(?m){body}", "tokens" if tokens else "raw", flags)
        self.exceptions = exceptions_pattern(self, self.option("exceptions"), self.option("ignorecase"))
        self.suggestions = _action_suggestions(self.action)

    def check(self, doc: Document) -> Iterator[Match]:
        for start, end in self.segments(doc):
            for m in self.finditer(self.pattern, doc, start, end):
                if m.end() == m.start():
                    continue
                text = m.group()
                if self.is_exception(text, doc):
                    continue
                yield Match(m.start(), m.end(), self.format_message(text), self.suggestions)


def _action_suggestions(action: dict | None) -> tuple[str, ...]:
    if action and action.get("name") == "replace":
        return tuple(str(p) for p in action.get("params") or ())
    return ()


RULE = Existence
