"""capitalization: a whole block (usually a heading) must follow a case style (Vale's `capitalization`).

    extends: capitalization
    message: "'%s' should use sentence-style capitalization."
    scope: heading
    match: $sentence          # or $title (style: AP | Chicago), $lower, $upper, or a regex
    indicators: [":"]         # a word ending so starts a new "sentence"
    exceptions: [Kubernetes]  # words kept as written
    threshold: 0.8            # share of words that must already be right

The finding spans the block; the message gets the block's text, then the expected form.
Title case follows Vale's AP and Chicago word lists, without Vale's part-of-speech tagger (so
AP's "to" before a noun is not capitalised).
"""
from __future__ import annotations


import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable, Iterator

_WORD = r"[\p{N}\p{L}*]+[^\s]*"
_TITLE_SPLIT = patterns.compile(r"[\p{N}\p{L}]+[^\s\-/]*")
_NUMBER_LIST = patterns.compile(r"\d+\.")
_SMALL_WORDS = frozenset(
    "a an and as at but by en for if in nor of on or per the to vs vs. via v v.".split()
)
_PREPOSITIONS = frozenset(
    "with from into during including until against among throughout despite towards upon concerning "
    "about over through before between after since without under within along following across beyond "
    "around down near above".split()
)
_TITLE_SANITIZE = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"})


def _to_title(word: str, strict: bool) -> str:
    rest = word[1:].lower() if strict else word[1:]
    return word[:1].title() + rest


class Capitalization(Rule):
    FIELDS = {
        "match": Field((str,), None, doc="$title, $sentence, $lower, $upper, or a pattern"),
        "style": Field((str,), "AP", doc="title case style: AP or Chicago"),
        "exceptions": Field((list,), []),
        "indicators": Field((list,), [], doc="word endings after which a capital is expected"),
        "threshold": Field((int, float), 0.8),
        "prefix": Field((str,), "", doc="a pattern for a leading part to leave alone"),
    }
    DEFAULT_MESSAGE = "'%s' should be in %s."

    def compile(self, options: dict) -> None:
        match = self.option("match")
        if not match:
            raise self.error("match", f"rule {self.id}: a capitalization rule needs 'match'")
        self.match = str(match)
        self.threshold = float(self.option("threshold") or 0.8)
        exceptions = [str(e) for e in (self.option("exceptions") or [])]
        if self.options.get("vocab", True) is not False:
            exceptions.extend(self.ctx.accept)
        self.vocab = exceptions
        self.vocab_patterns = [(term, self.compile_vale(term, "exceptions")) for term in exceptions]
        self.exceptions = self.vale_exceptions()
        self.indicators = tuple(str(i) for i in (self.option("indicators") or []))
        prefix = self.option("prefix")
        self.prefix = self.compile_vale(str(prefix), "prefix") if prefix else None
        word = _WORD
        if self.exceptions is not None:
            word = self.exceptions.pattern + "|" + word
        self.words = patterns.compile(word, regex.VERSION0)
        vocab_words = _WORD if not exceptions else r"\b(?:" + "|".join(exceptions) + r")\b|" + _WORD
        self.sentence_words = self.compile_vale("(?i)" + vocab_words, "exceptions")
        self.convert: Callable[[str], str] | None = None
        self.pattern = None
        if self.match == "$title":
            chicago = str(self.option("style") or "AP") == "Chicago"
            self.convert = lambda s: self._title(s, chicago)
        elif self.match == "$sentence":
            self.convert = self._sentence
        elif self.match not in ("$lower", "$upper"):
            self.pattern = self.compile_vale(self.match, "match")

    # -- Vale's converters (twine/strcase) ----------------------------------------------------------

    def _in_vocab(self, word: str) -> str:
        for term, pattern in self.vocab_patterns:
            if term.lower() == word.lower():
                return term
            if pattern.search(word):
                return word
        return ""

    def _split_prefix(self, text: str) -> tuple[str, str]:
        if self.prefix is not None:
            m = self.prefix.search(text)
            if m:
                found = m.group()
                return found, text[len(found):] if text.startswith(found) else text
        return "", text

    def _is_indicator(self, word: str, index: int) -> bool:
        if any(len(word) > len(s) and word.endswith(s) for s in self.indicators):
            return True
        return index == 0 and _NUMBER_LIST.search(word) is not None

    def _sentence(self, text: str) -> str:
        prefix, text = self._split_prefix(text)
        tokens = self.sentence_words.findall(text)
        made = []
        for i, token in enumerate(tokens):
            prev = tokens[i - 1] if i else ""
            entry = self._in_vocab(token)
            if entry:
                made.append(entry)
            elif i == 0 or self._is_indicator(prev, i - 1):
                made.append(_to_title(token, True))
            else:
                made.append(token.lower())
        return prefix + " ".join(made)

    def _title(self, text: str, chicago: bool) -> str:
        prefix, text = self._split_prefix(text)
        clean = text.translate(_TITLE_SANITIZE)
        end = len(clean)
        out: list[str] = []
        pos = 0
        idx = 0

        def char_at(i: int) -> str:
            return clean[i] if 0 <= i < end else ""

        for m in _TITLE_SPLIT.finditer(text):
            word = m.group()
            lower = word.lower()
            found = clean.find(word, idx)
            start = found if found >= 0 else m.start()
            idx = start + len(word)
            out.append(text[pos : m.start()])
            pos = m.end()
            entry = self._in_vocab(word)
            if entry:
                out.append(entry)
                continue
            bounding = start == 0 or idx == end
            small = lower in _SMALL_WORDS or (chicago and lower in _PREPOSITIONS)
            prev = char_at(start - 1)
            if (
                not bounding and small and prev in (" ", "-", "/")
                and char_at(start - 2) not in (":", "-")
                and (char_at(idx) != "-" or prev == "-")
            ):
                out.append(lower)
            else:
                out.append(_to_title(word, False))
        out.append(text[pos:])
        return prefix + "".join(out)

    # -- checking ----------------------------------------------------------------------------------

    def _agrees(self, text: str, expected: str, sentence: bool) -> bool:
        words = self.words.findall(text)
        wanted = self.words.findall(expected)
        right = 0.0
        for i, word in enumerate(words):
            if i >= len(wanted) or word == wanted[i] or (self.exceptions is not None and self.exceptions.search(word)):
                right += 1
            elif sentence and i == 0 and word != word.lower().title():
                return False
            elif not sentence and word == word.upper():
                right += 1
        return not words or right / len(words) >= self.threshold

    def verdict(self, text: str) -> tuple[str, bool]:
        """(expected form, whether `text` already follows it)."""
        if self.match == "$lower":
            expected = text.lower()
            return expected, text == expected or bool(self.exceptions and self.exceptions.search(text))
        if self.match == "$upper":
            expected = text.upper()
            return expected, text == expected or bool(self.exceptions and self.exceptions.search(text))
        if self.pattern is not None:
            ok = self.pattern.search(text) is not None or bool(self.exceptions and self.exceptions.search(text))
            return self.match, ok
        assert self.convert is not None
        expected = self.convert(text)
        return expected, self._agrees(text, expected, self.match == "$sentence")

    def check(self, doc: Document) -> Iterator[Match]:
        for offset, text in self.vale_blocks(doc):
            if not text.strip():
                continue
            expected, ok = self.verdict(text)
            if not ok:
                yield Match(offset, offset + len(text), self.format_message(text, expected), (expected,) if self.convert else ())


RULE = Capitalization
