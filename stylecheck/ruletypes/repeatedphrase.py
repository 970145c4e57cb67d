"""repeatedphrase: a run of two to five words typed twice ("is an echo is an echo", "I write i write").

    extends: repeatedphrase
    minwords: 2
    maxwords: 5

A phrase repeated back to back, with only white space between the two copies (one line break
allowed), compared without regard to case. Single words typed twice are the `doubledword` type's.

How it is found: a quick test over the whole text (repeats.py, shared with `doubledword`) rules
out the many articles with no repeat at all. In the others, the words of each block, lowercased,
are compared with the words k places further on (k = 5..2), all at once (`map(operator.eq, ...)`
into bytes, in C); k equal pairs in a row are a phrase of k words repeated. A contraction counts
as two words ("it's"), as in the quick test.

Left alone:
* copies set apart by punctuation ("I write, I write": a deliberate echo) or by a break into an
  indented line (a new paragraph);
* a phrase of one word repeated ("nil nil nil nil": a table, or the doubled-word check's);
* tokens that are not words (figures, "U.S.", "and/or");
* table rows (columns set apart by runs of spaces, see proselines.py);
* a repeat the article makes twice or more (a refrain, a title: "New York New York").
"""
from __future__ import annotations

from operator import eq

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule
from .proselines import is_all_capitals, is_table_row
from .repeats import WHOLE_TEXT_LIMIT, Pieces, pieces_of

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

_TOKEN = patterns.compile(r"\S+")
_INDENTED_BREAK = patterns.compile(r"(?:\r\n|\r|\n)(?:[ ]{2,}|\t)")
_BREAKS = ("\n", "\r")
# Characters stripped from either end of a token before words are compared.
_EDGE = "\"'“”‘’«»()[]{}<>.,;:!?…*–—/\\|"
_INSIDE = str.maketrans("", "", "'’-")

class RepeatedPhrase(Rule):
    FIELDS = {
        "minwords": Field((int,), 2, doc="shortest phrase reported, in words"),
        "maxwords": Field((int,), 5, doc="longest phrase reported, in words"),
        "coordinators": Field((list,), [], doc="words that join any word to itself (more and more, on and on)"),
        "prepositions": Field((list,), [], doc="words that join a noun to itself (back to back, day by day)"),
        "determiners": Field((list,), [], doc="words that never stand for the repeated word of such a pair (the, its)"),
        "complements": Field((list,), [], doc="verbs whose object may be followed by itself (what makes a home a home)"),
    }
    DEFAULT_MESSAGE = "'%s' is repeated."

    def compile(self, options: dict) -> None:
        self.minwords = max(2, int(self.option("minwords")))
        self.maxwords = max(self.minwords, min(12, int(self.option("maxwords"))))
        if int(self.option("maxwords")) < int(self.option("minwords")):
            raise self.error("maxwords", f"rule {self.id}: 'maxwords' is smaller than 'minwords'")
        self.coordinators = frozenset(str(w).lower() for w in self.option("coordinators"))
        self.prepositions = frozenset(str(w).lower() for w in self.option("prepositions"))
        self.determiners = frozenset(str(w).lower() for w in self.option("determiners"))
        self.complements = frozenset(str(w).lower() for w in self.option("complements"))

    def check(self, doc: Document) -> Iterator[Match]:
        prose = doc.prose
        pieces = pieces_of(doc)
        if pieces is not None and not pieces.may_repeat(self.minwords, self.maxwords):
            return  # no run of words is followed by itself anywhere (most articles)
        found: list[tuple[int, int, str, str]] = []
        for start, end in self.segments(doc):
            # The article has a repeat somewhere: test each block the same way before reading it.
            if end - start <= WHOLE_TEXT_LIMIT and not Pieces(prose[start:end]).may_repeat(self.minwords, self.maxwords):
                continue
            found.extend(self._segment(doc.text, prose, start, end))
        if not found:
            return
        # A phrase the article repeats twice or more is deliberate (a refrain, a title).
        counts: dict[str, int] = {}
        for _s, _e, phrase, _k in found:
            counts[phrase.lower()] = counts.get(phrase.lower(), 0) + 1
        for start, end, phrase, keep in found:
            if counts[phrase.lower()] > 1:
                continue
            message = self.format_message(" ".join(phrase.split()))
            if any(b in prose[start:end] for b in _BREAKS):
                message += " (across a line break)"
            yield Match(start, end, message, (keep,))

    def _segment(self, text: str, prose: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(prose, start, end)]
        keys = [t[2].strip(_EDGE).lower() for t in tokens]
        found: list[tuple[int, int, str, str]] = []
        taken: list[tuple[int, int]] = []  # token ranges already reported (longest phrases first)
        for k in range(self.maxwords, self.minwords - 1, -1):
            if len(keys) < 2 * k:
                continue
            equal = bytes(map(eq, keys, keys[k:]))
            run = b"\x01" * k
            i = equal.find(run)
            while i >= 0:
                span = None
                if not any(a < i + 2 * k and i < b for a, b in taken) and _is_repeat(tokens, keys, i, k, self.maxwords):
                    span = self._prose_span(text, tokens, keys, i, k)
                if span is not None:
                    keep = text[span[0] : tokens[i + k - 1][1]]
                    found.append((span[0], span[1], keep, keep))
                    taken.append((i, i + 2 * k))
                    i = equal.find(run, i + 2 * k)
                else:
                    i = equal.find(run, i + 1)
        found.sort()
        return found


    def _prose_span(self, text: str, tokens: list[tuple[int, int, str]], keys: list[str], i: int, k: int) -> tuple[int, int] | None:
        """The span of the repeat at tokens i..i+2k-1, or None where it is not a slip in prose.
        The layout (columns, indentation, capitals) is read from the original text: masked markup
        leaves runs of spaces in the prose that no writer typed."""
        first, last = tokens[i], tokens[i + 2 * k - 1]
        span_start = first[0] + len(first[2]) - len(first[2].lstrip(_EDGE))
        span_end = last[1] - (len(last[2]) - len(last[2].rstrip(_EDGE)))
        between = text[tokens[i + k - 1][1] : tokens[i + k][0]]
        if "\t" in between or "   " in between or _INDENTED_BREAK.match(between.lstrip(" ")):
            return None  # copies set apart as columns, or the second opens a paragraph
        if is_table_row(text, span_start) or is_all_capitals(text, span_start):
            return None  # a table row, a headline or a label
        if i > 0 and keys[i - 1] in self.complements and tokens[i - 1][2][-1] not in _EDGE:
            return None  # "what makes a gadget a gadget", "call a spade a spade"
        if k == 2:
            a, b = keys[i], keys[i + 1]
            for joiner, word in ((a, b), (b, a)):
                if word in self.determiners:
                    continue  # "to the to the": a slip
                if joiner in self.coordinators or joiner in self.prepositions and not word.endswith("ed"):
                    return None  # "more and more", "back to back", "day by day": a word joined to itself
        return span_start, span_end


def _is_repeat(tokens: list[tuple[int, int, str]], keys: list[str], i: int, k: int, longest: int) -> bool:
    """Tokens i..i+2k-1 are a phrase of k words and its copy, with no punctuation between words."""
    phrase = keys[i : i + k]
    if len(set(phrase)) == 1:
        return False  # one word repeated: a table or the doubled-word check's
    if k + sum(key.count("'") + key.count("’") for key in phrase) > longest:
        return False  # longer than `maxwords`, counting "it's" as two words as the quick test does
    for j in range(i, i + 2 * k):
        key = keys[j]
        if not key or not key.translate(_INSIDE).isalpha() or key[0] == "-" or key[-1] == "-":
            return False
        raw = tokens[j][2]
        # Only the first copy's opening and the second copy's close may carry punctuation.
        if j > i and raw[0] in _EDGE:
            return False
        if j < i + 2 * k - 1 and raw[-1] in _EDGE:
            return False
    return True


RULE = RepeatedPhrase
