"""Inline suppression, in every format, written as HTML-style comments:

    <!-- stylecheck: disable House.DoubledWord, House.SoCalled -->   ... until enabled again
    <!-- stylecheck: enable House.DoubledWord -->
    <!-- stylecheck: disable -->          every rule, until `enable`
    <!-- stylecheck: disable-next-line House.Abbreviations -->

Vale's forms are understood too: `<!-- vale off -->`, `<!-- vale on -->`,
`<!-- vale House.Rule = NO -->`, `<!-- vale House.Rule = YES -->`.
A rule can be named by its id, its style (`House`), or a glob (`House.Date*`).
"""
from __future__ import annotations

import regex

from .document import Document
from .patterns import Lazy
from .record import Record
from .rulenames import names_rule

# Compiled on first use: most articles have no comments at all.
_STYLECHECK = Lazy(r"^\s*stylecheck\s*:?\s*(disable-next-line|disable|enable)\b\s*(.*?)\s*$", regex.S)
_VALE_SWITCH = Lazy(r"^\s*vale\s+(off|on)\s*$")
_VALE_RULES = Lazy(r"^\s*vale\s+(.+?)\s*$", regex.S)
_VALE_ASSIGN = Lazy(r"([\w.*-]+)\s*=\s*(YES|NO|\w+)", regex.I)


class Directive(Record):
    """One suppression comment: from `offset` (where it takes effect) on, `action` ("disable",
    "enable" or "next-line") applies to `rules` (empty: every rule)."""

    __slots__ = ("offset", "line", "action", "rules")

    def __init__(self, offset: int, line: int, action: str, rules: tuple[str, ...]) -> None:
        self.offset = offset
        self.line = line
        self.action = action
        self.rules = rules


def directives(doc: Document) -> list[Directive]:
    found: list[Directive] = []
    for comment in doc.comments:
        line = doc.lines.position(comment.end)[0]
        m = _STYLECHECK.match(comment.body)
        if m:
            action = {"disable-next-line": "next-line"}.get(m.group(1), m.group(1))
            rules = tuple(r for r in regex.split(r"[\s,]+", m.group(2)) if r)
            found.append(Directive(comment.end, line, action, rules))
            continue
        m = _VALE_SWITCH.match(comment.body)
        if m:
            found.append(Directive(comment.end, line, "disable" if m.group(1) == "off" else "enable", ()))
            continue
        m = _VALE_RULES.match(comment.body)
        if m:
            for name, value in _VALE_ASSIGN.findall(m.group(1)):
                action = "disable" if value.upper() == "NO" else "enable"
                found.append(Directive(comment.end, line, action, (name,)))
    return found


class Suppressions:
    """Answers "is this rule switched off at this offset?" for one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.items = directives(doc) if doc.comments else []

    def __bool__(self) -> bool:
        return bool(self.items)

    def suppressed(self, rule_id: str, offset: int, line: int) -> bool:
        off = False
        for d in self.items:
            if d.action == "next-line":
                if line == d.line + 1 and (not d.rules or any(names_rule(r, rule_id) for r in d.rules)):
                    return True
                continue
            if d.offset > offset:
                break
            if not d.rules or any(names_rule(r, rule_id) for r in d.rules):
                off = d.action == "disable"
        return off
