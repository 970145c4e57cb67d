"""What rule types need to behave as Vale does: its regex dialect, its blocks, its exceptions.

Vale compiles every pattern with regexp2 in RE2 mode: Go RE2 syntax plus lookaround, backreferences
and .NET's scoped inline flags. Python's `regex` module reads nearly all of that the same way
(Unicode `\\w`/`\\b`, scoped `(?i)`, `(?P<name>)`, `[[:alpha:]]`, variable-length lookbehind). The
few differences are translated here; what cannot be translated is a load error naming the rule.

Vale lints a plain-text file as one block (scope `text`), as paragraphs split at blank lines
(`paragraph`) and as sentences (`sentence`), each block scanned as a string of its own, so `^` and
`\\b` see the block's edges. `vale_blocks` gives the same blocks, as (offset, text) pairs whose
offsets are code points into the original text.
"""
from __future__ import annotations

import fnmatch
import os
import re
from functools import lru_cache

import regex

from . import patterns

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from .document import Document

# Vale's rule templates (internal/check/definition.go).
WORD_TEMPLATE = r"(?m)\b(?:{})\b"
NONWORD_TEMPLATE = r"(?m)(?:{})"


class ValeRegexError(ValueError):
    """A Vale pattern that Python's `regex` cannot be made to read the same way."""


_QUANTIFIER_END = set("*+?}")


def translate(pattern: str) -> str:
    """A Vale (regexp2, RE2 mode) pattern as a Python `regex` (VERSION0) pattern.

    * `\\Q...\\E` (Go) becomes an escaped literal;
    * `\\Z` (.NET: end, or before a final newline) keeps that meaning;
    * `x{,3}` is a literal in Vale's engine but a quantifier in `regex`, so the brace is escaped;
    * possessive quantifiers (`a*+`), the ungreedy flag `(?U)` and .NET class subtraction
      (`[a-z-[aeiou]]`) have no faithful equivalent and are refused.
    """
    out: list[str] = []
    i = 0
    n = len(pattern)
    in_class = False
    after_quantifier = False
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt == "Q" and not in_class:
                end = pattern.find("\\E", i + 2)
                literal = pattern[i + 2 :] if end < 0 else pattern[i + 2 : end]
                out.append(regex.escape(literal))
                i = n if end < 0 else end + 2
                after_quantifier = False
                continue
            if nxt == "Z" and not in_class:
                out.append(r"(?=\n?\Z)")
            else:
                out.append(pattern[i : i + 2])
            i += 2
            after_quantifier = False
            continue
        if in_class:
            if c == "[" and pattern.startswith("[:", i):
                close = pattern.find(":]", i + 2)
                if close > 0:
                    out.append(pattern[i : close + 2])
                    i = close + 2
                    continue
            if c == "-" and i + 1 < n and pattern[i + 1] == "[":
                raise ValeRegexError(f"character class subtraction ('-[') is not supported: {pattern!r}")
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            # A `]` first in the class (after an optional ^) is a literal.
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append("\\]")
                i += 1
            after_quantifier = False
            continue
        if c == "{":
            close = pattern.find("}", i)
            body = pattern[i + 1 : close] if close > 0 else ""
            if close > 0 and regex.fullmatch(r"\d+(?:,\d*)?", body):
                out.append(pattern[i : close + 1])
                i = close + 1
                after_quantifier = True
                continue
            out.append("\\{")
            i += 1
            after_quantifier = False
            continue
        if c == "(" and pattern.startswith("(?", i):
            flags = regex.match(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?[:)]", pattern[i:])
            if flags and "U" in (flags.group(1) or "") + (flags.group(2) or ""):
                raise ValeRegexError(f"the ungreedy flag (?U) is not supported: {pattern!r}")
        if c == "+" and after_quantifier:
            raise ValeRegexError(f"possessive quantifiers are not supported by Vale's engine: {pattern!r}")
        if c in "*+?" and not after_quantifier:
            after_quantifier = True
            out.append(c)
            # A lazy `?` after a quantifier is part of it.
            if i + 1 < n and pattern[i + 1] == "?":
                out.append("?")
                i += 1
                after_quantifier = False
            i += 1
            continue
        after_quantifier = False
        out.append(c)
        i += 1
    return "".join(out)


@lru_cache(maxsize=4096)
def compile_vale(pattern: str, flags: int = 0) -> "regex.Pattern[str]":
    """Translate and compile (memoised: compiled patterns are immutable); raises ValeRegexError
    or regex.error."""
    return patterns.compile(translate(pattern), flags | regex.VERSION0)


def exceptions_source(terms: Iterable[str]) -> str | None:
    """Vale's exception pattern: a search (not a full match) for any term as a whole word.

    Each term is case-sensitive unless it starts with `(?i)`, whatever the rule's `ignorecase`.
    Longer terms first, as Vale sorts them.
    """
    items = [str(t) for t in terms if str(t) != ""]
    if not items:
        return None
    items.sort(key=len, reverse=True)
    parts = []
    for term in items:
        if term.startswith("(?i)"):
            parts.append("(?i:" + translate(term[4:]) + ")")
        else:
            parts.append("(?-i:" + translate(term) + ")")
    return WORD_TEMPLATE.format("|".join(parts))


def is_phrase(text: str) -> bool:
    """Vale's IsPhrase: letters, digits, spaces and hyphens only (so not a regex)."""
    return all(ch.isalpha() or ch.isdigit() or ch in " -" for ch in text)


def to_sentence(words: list[str], conjunction: str = "or") -> str:
    """Vale's ToSentence: 'a', 'a' or 'b', 'a', 'b' or 'c'."""
    quoted = [f"'{w}'" for w in words]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} {conjunction} {quoted[1]}"
    return ", ".join(quoted[:-1]) + f", {conjunction} " + quoted[-1]


# -- pruning: scan only with the tokens that can match this document ------------------------------

# A token with no regex syntax: its words must all occur in the document for it to match.
_PLAIN_TOKEN = patterns.compile(r"[\w '’-]+")
_WORD_RUN = patterns.compile(r"\w+")


def token_key(token: str, ignorecase: bool) -> tuple | None:
    """What a document must contain for `token` to match inside Vale's word template:
    ("word", words, text) when the token is plain text (all its words, as whole words; or its
    text anywhere for `nonword` rules), ("text", t) when it is a pattern with a required literal
    run of 3+ characters; None when neither."""
    if _PLAIN_TOKEN.fullmatch(token):
        runs = _WORD_RUN.findall(token.lower() if ignorecase else token)
        if runs:
            # Every word of a plain token is a whole word of the document where it matches, and
            # its neighbouring words are neighbours there too.
            pairs = frozenset(zip(runs, runs[1:]))
            return ("word", frozenset(runs), token.lower() if ignorecase else token, pairs)
    literal = required_literal(token)
    if literal is None or len(literal.strip()) < 3:
        chars = _required_chars(token)
        return ("chars", chars) if chars else None
    anchor = required_anchor(token)
    fold = (lambda t: t.lower()) if ignorecase else (lambda t: t)
    return ("text", fold(literal), fold(anchor) if anchor and len(anchor) >= 3 else None)


_PLAIN_GROUP = patterns.compile(r"\((?:\?:)?([\w '’,-]+(?:\|[\w '’,-]+)+)\)")
# A top-level class of punctuation that must occur at least once, like `[!?]{2,}`.
_PUNCT_CLASS = patterns.compile(r"\[([^\]\\\w\s^-]+)\](?:\+|\{[1-9]|(?![?*{]))")


def _required_chars(pattern: str) -> str | None:
    for m in _PUNCT_CLASS.finditer(pattern):
        before = pattern[: m.start()]
        if before.count("(") == before.count(")") and "|" not in pattern:
            return m.group(1)
    return None


_CLASS_ESCAPES = set("dDwWsSbBAZzpPGhHvVkKRXNQE0123456789")


def required_literal(pattern: str) -> str | None:
    """The longest run of plain characters every match of `pattern` must contain (top level only);
    None when the pattern has a top-level alternation or inline flags."""
    parts = required_parts(pattern)
    return max((p[0] for p in parts), key=len) if parts else None


def required_anchor(pattern: str) -> str | None:
    """The longest word that every match of `pattern`, inside Vale's word template, contains as a
    whole word: a word of a required run bounded by other characters of the run or by the
    pattern's own start or end (where the template puts `\\b`)."""
    parts = required_parts(pattern)
    best = None
    for text, at_start, at_end in parts or ():
        for m in _WORD_RUN.finditer(text):
            if (m.start() > 0 or at_start) and (m.end() < len(text) or at_end):
                if best is None or len(m.group()) > len(best):
                    best = m.group()
    return best


def required_parts(pattern: str) -> list[tuple[str, bool, bool]] | None:
    """The runs of plain characters every match must contain, each with whether it starts at the
    pattern's start and ends at its end; None as for `required_literal`."""
    runs: list[tuple[str, bool, bool]] = []
    current: list[str] = []
    i, n = 0, len(pattern)
    began = [0]

    def close() -> None:
        if current:
            start = began[0]
            at_start = start == 0 or pattern[start - 1 : start] == "^" or pattern[start - 2 : start] == "\\b"
            at_end = i >= n or pattern[i : i + 1] == "$" or pattern[i : i + 2] == "\\b"
            runs.append(("".join(current), at_start, at_end))
            current.clear()

    def add(chars) -> None:
        if not current:
            began[0] = i
        current.extend(chars)

    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt.isalnum() or nxt in _CLASS_ESCAPES:
                close()
            else:
                add(nxt)
            i += 2
            continue
        if c in "([":
            if pattern.startswith("(?", i) and regex.match(r"\(\?[a-zA-Z-]+[):]", pattern[i:]):
                return None  # flags change what the literal means
            group = _PLAIN_GROUP.match(pattern, i)
            if group and not (group.end() < n and pattern[group.end()] in "?*{"):
                # `(?:New Hampshireite|New Hampshireman)`: the alternatives' common prefix
                # continues the current run; the rest of the group ends it.
                options = group.group(1).split("|")
                prefix = os.path.commonprefix(options)
                add(prefix)
                if any(o != prefix for o in options):
                    close()
                i = group.end()
                if i < n and pattern[i] == "+":
                    i += 1
                continue
            close()
            depth, j = 0, i
            while j < n:
                ch = pattern[j]
                if ch == "\\":
                    j += 2
                    continue
                if c == "[":
                    if ch == "]" and j > i + 1:
                        break
                else:
                    if ch == "(":
                        depth += 1
                    elif ch == ")":
                        depth -= 1
                        if depth == 0:
                            break
                j += 1
            i = j + 1
            if i < n and pattern[i] == "{":
                end = pattern.find("}", i)
                i = end + 1 if end > 0 else i + 1
            elif i < n and pattern[i] in "?*+":
                i += 1
            if i < n and pattern[i] in "?+":  # lazy or possessive suffix
                i += 1
            continue
        if c == "|":
            return None
        if c in "?*{":
            if current:
                current.pop()
            close()
            if c == "{":
                end = pattern.find("}", i)
                i = end + 1 if end > 0 else i + 1
            else:
                i += 1
            continue
        if c in ".^$+":
            close()  # after `+` the repeated character itself stays in the run just closed
            i += 1
            continue
        add(c)
        i += 1
    close()
    return runs or None



_WORDS_RE = re.compile(r"\w+")


def _document_word_list(doc: "Document", ignorecase: bool) -> list[str]:
    if ignorecase:  # lower-casing word by word is cheaper than a second scan
        return doc.memo(("valecompat", "word-list", True), lambda: [w.lower() for w in _document_word_list(doc, False)])
    return doc.memo(("valecompat", "word-list", False), lambda: _WORDS_RE.findall(doc.text))


def document_words(doc: "Document", ignorecase: bool) -> frozenset[str]:
    """Every word of the document (of its lower-cased text for case-insensitive rules)."""
    return doc.memo(("valecompat", "words", ignorecase), lambda: frozenset(_document_word_list(doc, ignorecase)))


def document_pairs(doc: "Document", ignorecase: bool) -> frozenset[tuple[str, str]]:
    """Every pair of neighbouring words; memoised per doc."""
    def pairs() -> frozenset[tuple[str, str]]:
        words = _document_word_list(doc, ignorecase)
        return frozenset(zip(words, words[1:]))

    return doc.memo(("valecompat", "pairs", ignorecase), pairs)


def document_lower(doc: "Document") -> str:
    return doc.memo(("valecompat", "lower"), doc.text.lower)


class TokenIndex:
    """Finds, per document, the tokens of a rule that can match it, without a Python loop over
    every token: plain tokens are filed under their longest word and found by one set
    intersection with the document's words; patterns with a required literal are checked by
    substring; the rest always run."""

    def __init__(self, keys: list, ignorecase: bool, nonword: bool) -> None:
        self.ignorecase = ignorecase
        self.always: list[int] = []
        self.by_word: dict[str, list[tuple[int, frozenset[str], str | None]]] = {}
        self.by_text: list[tuple[int, str]] = []
        self.by_chars: list[tuple[int, str]] = []
        for i, key in enumerate(keys):
            if key is None:
                self.always.append(i)
            elif key[0] == "word" and not nonword:
                anchor = max(key[1], key=len)
                self.by_word.setdefault(anchor, []).append((i, key[1], key[3]))
            elif key[0] == "chars":
                self.by_chars.append((i, key[1]))
            elif key[0] == "text" and key[2] is not None and not nonword:
                self.by_word.setdefault(key[2], []).append((i, frozenset((key[2],)), key[1]))
            else:
                self.by_text.append((i, key[2] if key[0] == "word" else key[1]))
        self.anchors = frozenset(self.by_word)
        self.prunes = len(self.always) < len(keys)
        # Plain tokens can be scanned with `re` (see compile_plain).
        self.plain = frozenset(i for i, key in enumerate(keys) if key is not None and key[0] == "word")

    def share(self, shared: "SharedAnchors") -> None:
        """Let `shared` find this index's anchors, with those of the other rules, in one step."""
        self.shared = shared
        self.slot = shared.register(self)

    shared: "SharedAnchors | None" = None
    slot = 0

    def keep(self, doc: "Document") -> tuple[int, ...]:
        if self.shared is not None:
            candidates = self.shared.hits(doc).get(self.slot, ())
            if not candidates and not self.always and not self.by_text and not self.by_chars:
                return ()
            words = document_words(doc, self.ignorecase)
        else:
            words = document_words(doc, self.ignorecase)
            candidates = [entry for anchor in self.anchors & words for entry in self.by_word[anchor]]
        kept = list(self.always)
        text = None
        if candidates:
            for i, needed, extra in candidates:
                if len(needed) == 1 or needed <= words:
                    if isinstance(extra, str):  # a pattern's required literal
                        text = text if text is not None else (document_lower(doc) if self.ignorecase else doc.text)
                        if extra not in text:
                            continue
                    elif extra and not extra <= document_pairs(doc, self.ignorecase):
                        continue
                    kept.append(i)
        if self.by_text:
            text = document_lower(doc) if self.ignorecase else doc.text
            kept.extend(i for i, literal in self.by_text if literal in text)
        for i, chars in self.by_chars:
            if any(ch in doc.text for ch in chars):
                kept.append(i)
        kept.sort()
        return tuple(kept)


class SharedAnchors:
    """The anchor words of every rule of one Linter, so that a document's words are looked up
    once for all rules (one set intersection per document instead of one per rule)."""

    def __init__(self) -> None:
        self.indexes: list[TokenIndex] = []
        self.by_anchor: dict[bool, dict[str, list[tuple[int, tuple]]]] = {True: {}, False: {}}
        self.anchor_sets: dict[bool, frozenset[str]] = {}

    def register(self, index: TokenIndex) -> int:
        slot = len(self.indexes)
        self.indexes.append(index)
        table = self.by_anchor[index.ignorecase]
        for anchor, entries in index.by_word.items():
            table.setdefault(anchor, []).extend((slot, entry) for entry in entries)
        self.anchor_sets = {}
        return slot

    def hits(self, doc: "Document") -> dict[int, list[tuple]]:
        return doc.memo(("valecompat", "hits", self), lambda: self._hits(doc))

    def _hits(self, doc: "Document") -> dict[int, list[tuple]]:
        if not self.anchor_sets:
            self.anchor_sets = {flag: frozenset(table) for flag, table in self.by_anchor.items()}
        found = {}
        for flag, table in self.by_anchor.items():
            if not table:
                continue
            for anchor in self.anchor_sets[flag] & document_words(doc, flag):
                for slot, entry in table[anchor]:
                    found.setdefault(slot, []).append(entry)
        return found


@lru_cache(maxsize=8192)
def compile_plain(source: str):
    """A pattern built around one plain token (letters, digits, spaces, hyphens, apostrophes):
    compiled by the standard library's `re`, which compiles such patterns many times faster than
    `regex` and cannot backtrack badly on them (so needs no timeout). Its `\\w` differs from
    Vale's only for combining marks and superscript digits."""
    import re

    return re.compile(source)


def merged_finditer(patterns: list, text: str, timeout: float):
    """The matches of the alternation `p1|p2|...` (leftmost; on a tie the earlier pattern), found
    with one search per pattern instead of compiling the alternation. Exact when each pattern is
    one alternative wrapped alone (as `\\b(?:tok)\\b`), since a regex tries the alternatives
    in order at each position."""
    pos = 0
    plain = [not isinstance(p, regex.Pattern) for p in patterns]
    upcoming: list = [None] * len(patterns)
    finished = [False] * len(patterns)
    end = len(text)
    while pos <= end:
        best = None
        for i, pattern in enumerate(patterns):
            if finished[i]:
                continue
            m = upcoming[i]
            if m is None or m.start() < pos:
                m = pattern.search(text, pos) if plain[i] else pattern.search(text, pos, timeout=timeout)
                if m is None:
                    finished[i] = True
                    continue
                upcoming[i] = m
            if best is None or m.start() < best.start():
                best = m
        if best is None:
            return
        yield best
        pos = best.end() if best.end() > best.start() else best.end() + 1


# -- blocks -------------------------------------------------------------------------------------

_PARAGRAPH_BREAK = patterns.compile(r"\n\n")


def vale_blocks(doc: "Document", scopes: tuple[str, ...], ignores: tuple = ()) -> list[tuple[int, str]]:
    """The blocks Vale would run a rule of these scopes on, as (offset, text); memoised per doc.

    `ignores` are the `.vale.ini` sections' (glob, BlockIgnores, TokenIgnores): in Markdown, text
    they match is masked, as Vale turns it into code before linting."""
    memo = doc.memo(("valecompat", "blocks"), dict)
    if scopes in memo:
        return memo[scopes]
    include = [s for s in scopes if not s.startswith("~") and "&" not in s]
    exclude = {s[1:].split(".")[0] for s in scopes if s.startswith("~")}
    for s in scopes:  # `a & ~b`: treat the parts as include and exclude
        if "&" in s:
            for part in s.split("&"):
                part = part.strip()
                (exclude.add(part[1:].split(".")[0]) if part.startswith("~") else include.append(part))
    if not include and exclude:
        include = ["text"]
    blocks: list[tuple[int, str]] = []
    seen: set[tuple[int, int]] = set()
    for scope in include:
        base = scope.split(".")[0]
        for start, end in _scope_spans(doc, base, exclude):
            if (start, end) not in seen and end >= start:
                seen.add((start, end))
                blocks.append((start, _source_of(doc, base, ignores)[start:end]))
    memo[scopes] = blocks
    return blocks


def _source_of(doc: "Document", base: str, ignores: tuple = ()) -> str:
    # A plain-text file is linted by Vale as it is (no URL or comment masking; Vale applies no
    # ignore patterns to it); Markdown prose keeps its markup masked, as Vale lints the
    # rendered text.
    if base == "raw" or doc.format == "text":
        return doc.text
    if ignores:
        return _ignored_masked(doc, ignores)
    return doc.prose


def _ignored_masked(doc: "Document", ignores: tuple) -> str:
    return doc.memo(("valecompat", "ignored-masked"), lambda: _mask_ignored(doc, ignores))


def _mask_ignored(doc: "Document", ignores: tuple) -> str:
    from .masking import MASK_FILL, mask_text

    path = doc.source.path
    forms = {path, os.path.abspath(path)} if path else set()
    ranges = []
    for glob, block_patterns, token_patterns in ignores:
        if not any(vale_glob_match(glob, f) for f in forms):
            continue
        for pattern in (*block_patterns, *token_patterns):
            for m in compile_vale(pattern).finditer(doc.text):
                if m.end() > m.start():
                    ranges.append((m.start(), m.end(), MASK_FILL))
    return mask_text(doc.prose, ranges)


def _scope_spans(doc: "Document", base: str, exclude: set[str]) -> Iterable[tuple[int, int]]:
    text = doc.text
    if base == "raw":
        yield 0, len(text)
        return
    if doc.format == "text":
        if base in ("text", "summary"):
            yield 0, len(text)
        elif base == "paragraph":
            start = 0
            for m in _PARAGRAPH_BREAK.finditer(text):
                yield start, m.end()
                start = m.end()
            if start < len(text) or start == 0:
                yield start, len(text)
        elif base == "sentence":
            yield from _vale_sentences(doc)
        return
    if base in ("text", "summary"):
        for block in doc.blocks:
            if block.kind not in exclude:
                yield block.start, block.end
    elif base == "sentence":
        allowed = [(b.start, b.end) for b in doc.blocks if b.kind not in exclude]
        for s in doc.sentences:
            if any(a <= s[0] < b for a, b in allowed):
                yield s
    else:
        for block in doc.blocks:
            if block.kind == base:
                yield block.start, block.end


def _vale_sentences(doc: "Document") -> Iterable[tuple[int, int]]:
    """Sentences of a plain-text file: ours, over the whole text (Vale segments the whole file)."""
    yield from doc.sentences


# -- Vale's globs (section headers of .vale.ini) ---------------------------------------------


def expand_braces(pattern: str) -> list[str]:
    """`*.{md,txt}` -> [`*.md`, `*.txt`] (nested braces too)."""
    start = pattern.find("{")
    if start < 0:
        return [pattern]
    depth = 0
    for i in range(start, len(pattern)):
        if pattern[i] == "{":
            depth += 1
        elif pattern[i] == "}":
            depth -= 1
            if depth == 0:
                inner = pattern[start + 1 : i]
                options, level, last = [], 0, 0
                for j, ch in enumerate(inner):
                    if ch == "{":
                        level += 1
                    elif ch == "}":
                        level -= 1
                    elif ch == "," and level == 0:
                        options.append(inner[last:j])
                        last = j + 1
                options.append(inner[last:])
                return [e for o in options for e in expand_braces(pattern[:start] + o + pattern[i + 1 :])]
    return [pattern]


def vale_glob_match(glob: str, path: str) -> bool:
    """Vale's section globs: `*` also crosses folders (no separators are set), braces expand."""
    if glob == "*":
        return True
    return any(fnmatch.fnmatchcase(path, g) for g in expand_braces(glob))
