"""substitution: flag a word and suggest its replacement (Vale's `substitution`).

    extends: substitution
    message: "Use '%s' instead of '%s'."
    swap:
      cease-fire: ceasefire
      e-mail: email

The message's first `%s` is the replacement, the second the text found. A value with `|` offers
several replacements; `$1` in a value stands for the key's first group.
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule, exceptions_pattern

_GROUP_REF = regex.compile(r"\$(\d+)")


class Substitution(Rule):
    FIELDS = {
        "swap": Field((dict,), None, doc="pattern -> replacement"),
        "ignorecase": Field((bool,), False),
        "nonword": Field((bool,), False),
        "exceptions": Field((list,), []),
        "capitalize": Field((bool,), False, doc="re-case a suggestion at the start of a sentence"),
    }
    DEFAULT_MESSAGE = "Use '%s' instead of '%s'."

    def compile(self, options: dict) -> None:
        swap = self.option("swap")
        if not swap:
            raise self.error("swap", "a substitution rule needs a non-empty 'swap' mapping")
        flags = regex.IGNORECASE if self.option("ignorecase") else 0
        self.ignorecase = bool(flags)
        parts: list[str] = []
        self.replacements: list[tuple[str, int]] = []  # (replacement, group number of the key)
        group = 0
        # Longest keys first, so "cease-fire" wins over "cease".
        for index, (key, value) in enumerate(sorted(swap.items(), key=lambda kv: -len(str(kv[0])))):
            key = str(key)
            inner = self.compile_pattern(key, "swap", flags).groups
            group += 1
            self.replacements.append((str(value), group))
            parts.append(f"({key})")
            group += inner
        joined = "|".join(parts)
        body = joined if self.option("nonword") else r"\b(?:" + joined + r")\b"
        self.pattern = self.compile_pattern(f"(?m){body}", "swap", flags)
        self.exceptions = exceptions_pattern(self, self.option("exceptions"), self.ignorecase)

    def check(self, doc: Document) -> Iterator[Match]:
        for start, end in self.segments(doc):
            for m in self.finditer(self.pattern, doc, start, end):
                observed = m.group()
                if not observed:
                    continue
                if self.is_exception(observed, doc):
                    continue
                for replacement, group in self.replacements:
                    if m.start(group) >= 0:
                        break
                expanded = _GROUP_REF.sub(lambda r, g=group: m.group(g + int(r.group(1))) or "", replacement)
                options = [o for o in expanded.split("|")]
                if self.ignorecase and observed[:1].isupper():
                    options = [o[:1].upper() + o[1:] if o[:1].islower() else o for o in options]
                if observed in options:
                    continue
                expected = "' or '".join(options)
                yield Match(m.start(), m.end(), self.format_message(expected, observed), tuple(options))


RULE = Substitution
