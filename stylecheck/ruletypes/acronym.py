"""acronym: an acronym is spelled out at its first use, unless the house counts it as well known.

    extends: acronym
    category: acronym
    wordlist: acronyms.yml        # in rules/data/: `wellknown: [NATO, FBI, AIDS, ...]`
    exceptions: [OPEC]            # more well-known ones for this style

Reported once per article, at the first use, and only when the article never spells it out. It
counts as spelled out when the acronym stands in brackets after its expansion ("the Food Safety
Agency (FSA)"), when an expansion in brackets follows it ("FSA (Food Safety Agency)"), or when
capitalised words whose initials give the acronym come before its first use (AP's way: the full
name first, the acronym on later references).

Also left alone: initials and acronyms inside a proper name (JK Rowling, AC Milan, Windows XP), and
a shouted ordinary word (AND) that the article also writes in lowercase.

Not acronyms: anything in an all-capitals run (a shouted headline, a wire slug), Roman numerals,
letters joined to digits or hyphens (G7, COVID-19, F-16), and a capitalised word in a code or
ticker in brackets.
"""
from __future__ import annotations


import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..lines import line_end
from ..wordlists import WordListError, load_data, lowercase_words
from .base import Field, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

_CONNECTORS = r"(?:[\s-]+(?:(?:of|and|for|the|on|in|to|de|du|des|la|le|di|del|y|et|&)[\s-]+)*)"
_ROMAN = patterns.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


class Acronym(Rule):
    FIELDS = {
        "wordlist": Field((str,), "acronyms.yml", doc="data file with `wellknown: [...]`"),
        "exceptions": Field((list,), [], doc="more well-known acronyms"),
    }
    DEFAULT_MESSAGE = "Spell out '%s' at its first use (or add it to the house list of well-known acronyms)."

    def compile(self, options: dict) -> None:
        try:
            data = dict(load_data(self.option("wordlist"), self.path))
        except WordListError as exc:
            raise self.error("wordlist", str(exc)) from None
        self.wellknown = frozenset(str(w) for w in data.get("wellknown") or ()) | frozenset(
            str(w) for w in self.option("exceptions")
        ) | frozenset(self.ctx.accept)
        # Two or more capitals (an inner & allowed), an optional plural s; not touching letters,
        # digits, hyphens, dots or apostrophes (G7, F-16, U.S., O'NEILL are something else).
        self.pattern = patterns.compile(r"(?<![\p{L}\p{N}&.'’/-])\p{Lu}[\p{Lu}&]*\p{Lu}(?=s?(?![\p{L}\p{N}&'’/-]|\.\p{L}))")
        self.shouted_before = patterns.compile(r"\p{Lu}{2,}[^\p{L}\n]{1,3}$")
        self.shouted_after = patterns.compile(r"^[^\p{L}\n]{1,3}\p{Lu}{2,}")

    def check(self, doc: Document) -> Iterator[Match]:
        prose = doc.prose
        seen: set[str] = set()
        runs: Expansions | None = None
        for start, end in self.segments(doc):
            for m in self.pattern.finditer(prose, start, end):
                word = m.group()
                if word in seen:
                    continue
                if _in_headline(prose, m.end()):
                    continue  # a headline or caption cannot spell it out: the body's first use counts
                if word in self.wellknown or _ROMAN.fullmatch(word) or self._shouted(prose, m.start(), m.end()):
                    if word in self.wellknown or _ROMAN.fullmatch(word):
                        seen.add(word)
                    continue
                seen.add(word)
                if _in_name(prose, m.start(), m.end()):
                    continue
                lower = word.lower()
                if len(word) > 2 and self._written_in_lowercase(prose, lower, doc):
                    continue  # a shouted ordinary word (AND, WINNERS), written in lowercase elsewhere
                if runs is None:
                    runs = Expansions(prose)  # once per article, and only when needed
                if _defined(prose, word, m.start(), m.end(), runs):
                    continue
                yield Match(m.start(), m.end(), self.format_message(word))

    @staticmethod
    def _written_in_lowercase(prose: str, lower: str, doc: Document) -> bool:
        """Does `lower` stand as a whole word in the article? For a word of letters only, a set of
        the article's lowercase words, built once per document, answers without a scan per word."""
        if "&" in lower or not lower.isalpha():
            return lower in prose and regex.search(r"\b" + regex.escape(lower) + r"\b", prose) is not None
        return lower in lowercase_words(doc)

    def _shouted(self, prose: str, start: int, end: int) -> bool:
        """In an all-capitals run: the word before or after is capitals too, or a bracketed code."""
        before = prose[max(0, start - 12) : start]
        after = prose[end : end + 12]
        if self.shouted_before.search(before) or self.shouted_after.search(after):
            return True
        return before.endswith(("(", ": ")) and after[:1] in (")", ".", ":") and not after.startswith(") ")


_NAME_BEFORE = patterns.compile(r"[\p{L}\p{N},;]\s+\p{Lu}[\p{L}'’-]*\s+$")
_NAME_AFTER = patterns.compile(r"\s+(?!(?:The|A|An|And|Or|But|In|On|At|For|Of|To|It|He|She|They|We|I)\b)\p{Lu}\p{Ll}")


def _in_name(prose: str, start: int, end: int) -> bool:
    """Part of a proper name: initials before a surname (JK Rowling, AC Milan), or a model or brand
    after a capitalised word inside a sentence (Windows XP, Nintendo DS)."""
    return bool(_NAME_AFTER.match(prose, end, end + 40) or _NAME_BEFORE.search(prose, max(0, start - 40), start))


_TERMINAL = tuple('.!?"”’)…:;')


def _in_headline(prose: str, pos: int) -> bool:
    """On a line that does not end like a sentence: a headline, a caption or a byline."""
    return not prose[pos : line_end(prose, pos)].rstrip().endswith(_TERMINAL)


def _defined(prose: str, word: str, start: int, end: int, runs: Expansions) -> bool:
    letters = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
    # "... Agency (FSA)" or "FSA (Food Safety Agency)": brackets right at the first use.
    if prose[start - 1 : start] == "(" or prose[end : end + 2] == " (" and prose[end + 2 : end + 3].isupper():
        return True
    # The capitalised expansion earlier in the article (or in the same sentence just after).
    initials = "".join(c for c in letters if c.isalpha())
    return runs.first_spelled_out(initials) < end + 120


_RUN = patterns.compile(
    r"\p{Lu}[\p{L}'’]*(?:" + _CONNECTORS + r"\p{Lu}[\p{L}'’]*)+"
)
_INITIAL = patterns.compile(r"(?<![\p{L}'’])\p{Lu}")


def capitalised_runs(prose: str) -> list[tuple[int, str]]:
    """Each run of capitalised words (with of, and, the ... between them) and its initials."""
    return [(m.start(), "".join(_INITIAL.findall(m.group()))) for m in _RUN.finditer(prose)]


class Expansions:
    """Where a string of initials is first spelled out by a run of capitalised words: the start
    of the first run whose initials contain it. Every acronym of an article asks, so the answer
    comes from an index of the runs' initials built once, not from a pass over all runs per
    acronym (quadratic on a long document)."""

    # Initials strings up to this long are indexed; a longer one (no real acronym) is searched.
    INDEXED = 16

    def __init__(self, prose: str) -> None:
        self.runs = capitalised_runs(prose)
        self.first: dict[str, int] = {}
        for run_start, initials in self.runs:
            size = len(initials)
            for i in range(size):
                for j in range(i + 1, min(size, i + self.INDEXED) + 1):
                    self.first.setdefault(initials[i:j], run_start)

    def first_spelled_out(self, initials: str) -> float:
        """The start of the first run containing `initials`; infinity when none does."""
        if len(initials) <= self.INDEXED:
            return self.first.get(initials, float("inf"))
        return next((run_start for run_start, run in self.runs if initials in run), float("inf"))


RULE = Acronym
