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


import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..valecompat import NONWORD_TEMPLATE, WORD_TEMPLATE, TokenIndex, compile_plain, compile_vale, is_phrase, merged_finditer, to_sentence, token_key
from ..prefilter import Prefilter, scan
from .base import Field, Rule, doc_time_left, exceptions_pattern

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

_GROUP_REF = patterns.compile(r"\$(\d+)")
# A capturing group's opening parenthesis (not escaped, not `(?`), as Vale finds it.
_CAPTURE_OPEN = patterns.compile(r"(?<!\\)\((?!\?)")


def _cap_first(text: str) -> str:
    """Vale's CapFirst: the first byte upper-cased (so only an ASCII first letter changes)."""
    return text[:1].upper() + text[1:] if text[:1].isascii() else text


def _same_token(expected: str, observed: str) -> bool:
    """Vale's matchToken: a phrase compares as text; a pattern must match the whole observed text."""
    if is_phrase(expected):
        return expected == observed
    try:
        return compile_vale("^(?:" + expected + ")$").search(observed) is not None
    except (ValueError, regex.error):
        return expected == observed


def _convert_message(message: str) -> str:
    """Vale's convertMessage: with a ready-quoted list of options, drop one pair of quotes."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            message = message.replace(spec, "%s", 1)
    return message


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
        if self.vale:
            return self._compile_vale()
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
        # Many keys: find candidates by their literal starts first (see prefilter.py).
        self.prefilter = Prefilter.build(self.pattern, [str(key) for key in swap], flags, word_start=not self.option("nonword"))
        self.exceptions = exceptions_pattern(self, self.option("exceptions"), self.ignorecase)

    def _compile_vale(self) -> None:
        # Vale's NewSubstitution: keys longest first, each one capture group (groups inside a key
        # become non-capturing), in the word template unless `nonword`.
        swap = self.option("swap")
        if not swap or not isinstance(swap, dict):
            raise self.error("swap", f"rule {self.id}: a substitution rule needs a non-empty 'swap' mapping")
        self.ignorecase = bool(self.option("ignorecase"))
        keys = sorted((str(k) for k in swap), key=len, reverse=True)
        parts = []
        self.vale_swaps: list[tuple[str, str, "regex.Pattern[str] | None"]] = []  # (key, replacement, key regex)
        for key in keys:
            value = "" if swap[key] is None else str(swap[key])
            source = key
            if key.count("(") != key.count("(?") + key.count("\\("):
                source = _CAPTURE_OPEN.sub("(?:", key)
            parts.append("(" + source + ")")
            key_re = None
            if _GROUP_REF.search(value):
                key_re = self.compile_vale(("(?i)" if self.ignorecase else "") + key, "swap")
            self.vale_swaps.append((key, value, key_re))
        self.vale_template = NONWORD_TEMPLATE if self.option("nonword") else WORD_TEMPLATE
        self.vale_parts = parts
        self.pattern = self._vale_compile(tuple(range(len(parts))))
        self.vale_keys = [token_key(k, self.ignorecase) for k in keys]
        self.vale_index = TokenIndex(self.vale_keys, self.ignorecase, self.vale_template.startswith("(?m)(?:"))
        self.vale_index.share(self.ctx.vale_anchors())
        self.vale_plain_pattern = None
        if len(self.vale_index.plain) == len(keys):
            self.vale_plain_pattern = self._vale_compile(tuple(range(len(parts))), plain=True)
        self.exceptions = self.vale_exceptions()
        self.capitalize = bool(self.option("capitalize"))

    def _vale_compile(self, keep: tuple[int, ...], plain: bool = False) -> "regex.Pattern[str]":
        """The pattern with only the keys in `keep`; its group k is key keep[k-1]."""
        body = self.vale_template.format("|".join(self.vale_parts[i] for i in keep))
        source = ("(?i)" if self.ignorecase else "") + body
        if plain:
            return compile_plain(source)
        return self.compile_vale(source, "swap")

    def _scan(self, doc: Document, text: str, keep: tuple[int, ...] | None = None):
        """(match, key indexes by group) of Vale's pattern in `text`, scanning only with the keys
        that can occur in `doc` (see Existence._scan)."""

        everything = tuple(range(len(self.vale_parts)))
        if keep is None:
            keep = self.vale_index.keep(doc) if self.vale_index.prunes else everything
        if not keep:
            return
        if len(keep) <= 64 and 2 * len(keep) <= len(self.vale_parts):
            plain = self.vale_index.plain
            patterns = [self._vale_compile((i,), i in plain) for i in keep]
            by_pattern = {id(p): i for p, i in zip(patterns, keep)}
            for m in merged_finditer(patterns, text, doc_time_left(doc)):
                yield m, (by_pattern[id(m.re)],)
            return
        if self.vale_plain_pattern is not None:
            for m in self.vale_plain_pattern.finditer(text):
                yield m, everything
            return
        for m in self.vale_finditer(self.pattern, text, doc):
            yield m, everything

    def _check_vale(self, doc: Document) -> Iterator[Match]:
        action = self.action or {}
        kept = self.vale_index.keep(doc) if self.vale_index.prunes else tuple(range(len(self.vale_parts)))
        if not kept:
            return
        for offset, text in self.vale_blocks(doc):
            for m, keep in self._scan(doc, text, kept):
                for group in range(1, min(len(keep), len(m.groups())) + 1):
                    start, end = m.span(group)
                    if start < 0:
                        continue
                    found = m.group(group)
                    observed = found.strip()
                    _key, expected, key_re = self.vale_swaps[keep[group - 1]]
                    if self.capitalize and observed == _cap_first(observed):
                        expected = _cap_first(expected)
                    if key_re is not None:
                        template = _GROUP_REF.sub(lambda r: "\\g<" + r.group(1) + ">", expected.replace("\\", "\\\\"))
                        try:
                            expected = key_re.sub(template, observed)
                        except (regex.error, IndexError):
                            pass
                    if _same_token(expected, observed):
                        continue
                    if self.exceptions is not None and self.exceptions.search(observed, timeout=doc_time_left(doc)):
                        continue
                    options = expected.split("|")
                    message = self.message
                    if action.get("name") == "replace" and not action.get("params"):
                        if self.capitalize and observed == _cap_first(observed):
                            options = [_cap_first(o) for o in options]
                        expected = to_sentence(options, "or")
                        message = _convert_message(message)
                    from .base import format_message

                    yield Match(offset + start, offset + end, format_message(message, (expected, observed)), tuple(options))

    def check(self, doc: Document) -> Iterator[Match]:
        if self.vale:
            yield from self._check_vale(doc)
            return
        for start, end in self.segments(doc):
            for m in scan(self, doc, start, end):
                observed = m.group()
                if not observed:
                    continue
                if self.is_exception(observed, doc, m.start(), m.end()):
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
