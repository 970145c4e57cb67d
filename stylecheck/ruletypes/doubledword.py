"""doubledword: a word typed twice ("the the"), on one line or across a line break.

    extends: doubledword
    exceptions: [had, that]      # doubles English allows: never reported
    emphatic: [very, really]     # doubled for stress in speech: not reported inside quotations
    names: [Walla, Duran]        # words that double as a name (Walla Walla): never reported
    safe: [the, a, an]           # doubles no reading keeps: only these fixes are marked safe
    stranding: [for, in]         # prepositions that may end a relative clause
    relativisers: [that, which]  # \
    subjects: [we, they]         #  } when a stranded preposition is possible (see _may_strand)
    openers: [and, but, said]    # /
    determiners: [the, a]        # a content word doubled after one may be stress
    common: 4.5                  # Zipf value from which a word is too common to half a doubled name

The house check, where Vale's `repetition` type reports every repeat. The repeat is found by one
backreference pattern (so the scan stays in the regex engine, after the quick test of repeats.py
rules out the many articles with no repeat at all); each repeat found is then weighed on evidence
from the article and from the word-frequency list:

* **Not prose.** A repeat on a table row ("Price  Price" heading two columns), on a one-word line
  (a signature repeated on the next line), or across a line break into an indented line (a new
  paragraph) is left alone; so is a table block of a Markdown file (scope `~table`).
* **A name.** A repeat in capitals ("Bafana Bafana", "Koh Phi Phi", "Boing Boing") is a name or a
  title unless the article also uses the word on its own, in any case (then "British British"
  beside "British", or "In In 2002" beside "in", is a slip), or a common word doubles inside a
  longer name ("the New York York Stock Exchange") or opens a sentence ("All All three"): doubled
  names are units of rarer words. A title's triple ("Girls Girls Girls") and a double the article
  makes twice are deliberate. A lowercase word followed by the same word capitalised starts a name
  ("the new New York office").
* **Grammatical.** `exceptions` are words English doubles ("what she had had", "that that plan");
  `emphatic` words are doubled in speech ("really really nervous") and left alone inside quotes,
  a quotation hard-wrapped over several lines included; a preposition in `stranding` may end a
  relative clause and the next phrase begin with it ("the moment we have been waiting for for
  years"), which is taken to be the case when a subject pronoun opens a relative clause before it.

A fix removes the second copy. It is marked safe only for the words in `safe` (articles,
possessives, coordinators), which no reading doubles; any other fix ("will will": "the will will
be read") is offered for review. A content word doubled after a determiner may be stress ("the
sweet sweet taste"): that finding offers the comma edited copy wants beside the cut.
"""
from __future__ import annotations

import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule
from .proselines import is_all_capitals, is_lone_word, is_table_row
from .repeats import WHOLE_TEXT_LIMIT, Pieces, pieces_of

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

# A word, then the same word (in any case) after white space holding at most one line break; the
# run may go on ("Spend Spend Spend").
_DOUBLE = patterns.compile(
    r"\b(?<![\p{L}\p{N}_'’-])(?P<word>\p{L}++)(?:(?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*)(?P=word))+(?![\p{L}\p{N}_-])",
    regex.IGNORECASE,
)
_WORD = patterns.compile(r"\p{L}+")
_BREAK = patterns.compile(r"\r\n|\r|\n")
_INDENTED_BREAK = patterns.compile(r"(?:\r\n|\r|\n)(?:[ ]{2,}|\t)")
# Between a run and another use of its word: punctuation only ("Turn, Turn Turn").
_ADJACENT = patterns.compile(r"[\s,;:!?.…–—-]{1,3}")
# What comes before a doubled word: the word before it on the same line, or a sentence's end.
_BEFORE = patterns.compile(r"(?r)(?:(?P<word>\p{L}+)|(?P<end>[.!?:][\"'”’)]*|\n[ \t]*\n)|(?P<other>\S))\s*\Z")
# A word this common (Zipf) doubled at a sentence's start is a slip ("All All three").
_VERY_COMMON = 5.5
# Words this common (Zipf) are function words (the, of, will, have), never doubled for stress.
_FUNCTION_WORD = 6.0
# Where a clause ends, looking back from a doubled preposition.
_CLAUSE_BREAK = patterns.compile(r"[,;:.!?\"“”()\[\]—–]")
_WORDS_AND_CONTRACTIONS = patterns.compile(r"\p{L}+(?:['’]\p{L}+)?")
_CONTRACTION = patterns.compile(r"['’]")


class DoubledWord(Rule):
    FIELDS = {
        "exceptions": Field((list,), [], doc="words English doubles (had had, that that): never reported"),
        "emphatic": Field((list,), [], doc="words doubled for emphasis in speech (really really): not reported in quotes"),
        "names": Field((list,), [], doc="words that double as a name (Walla Walla): never reported"),
        "safe": Field((list,), [], doc="words no reading doubles (the the): their fix is marked safe"),
        "stranding": Field((list,), [], doc="prepositions that may end a relative clause (waiting for for years)"),
        "determiners": Field((list,), [], doc="words before an adjective (the, a): a content word doubled after one may be stress"),
        "frequencies": Field((str,), "frequencies/en.yml", doc="word frequencies: how common a word is"),
        "common": Field((float, int), 4.5, doc="Zipf value from which a word is too common to be half of a doubled name"),
        "relativisers": Field((list,), [], doc="words that open a relative clause (that, which, what)"),
        "subjects": Field((list,), [], doc="subject pronouns (we, they)"),
        "openers": Field((list,), [], doc="words after which a subject pronoun opens a main clause (and, but, said)"),
    }
    DEFAULT_MESSAGE = "'%s' is repeated."

    def compile(self, options: dict) -> None:
        lower = lambda key: frozenset(str(w).lower() for w in self.option(key))  # noqa: E731
        self.exceptions = lower("exceptions") | frozenset(w.lower() for w in self.ctx.accept)
        self.emphatic = lower("emphatic")
        self.names = lower("names")
        self.safe_words = lower("safe")
        self.stranding = lower("stranding")
        self.relativisers = lower("relativisers")
        self.subjects = lower("subjects")
        self.openers = lower("openers")
        self.common = float(self.option("common"))
        self.determiners = lower("determiners")
        from ..frequencies import shared

        # Only how common the common words are is asked: three small sets are kept (and pickled
        # with the rule), not the whole table.
        table = shared(self.ctx.shared, str(self.option("frequencies")), self.path)
        self.common_words = table.at_least(self.common)
        self.very_common = table.at_least(_VERY_COMMON)
        self.function_words = table.at_least(_FUNCTION_WORD)

    def check(self, doc: Document) -> Iterator[Match]:
        prose = doc.prose
        pieces = pieces_of(doc)
        if pieces is not None and not pieces.may_double():
            return  # no word is followed by itself anywhere (most articles)
        runs = []
        for start, end in self.segments(doc):
            if pieces is None and end - start <= WHOLE_TEXT_LIMIT and not Pieces(prose[start:end]).may_double():
                continue
            runs.extend(self.finditer(_DOUBLE, doc, start, end))
        if not runs:
            return
        # How often the article makes each repeat: twice or more, it is deliberate.
        forms: dict[str, int] = {}
        for m in runs:
            key = " ".join(_WORD.findall(m.group().lower()))
            forms[key] = forms.get(key, 0) + 1
        for m in runs:
            found = self._judge(doc, m, runs, forms)
            if found is not None:
                yield found

    def _judge(self, doc: Document, m: regex.Match, runs: list, forms: dict[str, int]) -> Match | None:
        prose = doc.prose
        run = m.group()
        copies = [(m.start() + w.start(), m.start() + w.end(), w.group()) for w in _WORD.finditer(run)]
        word = copies[0][2]
        lower = word.lower()
        if lower in self.exceptions:
            return None
        first_start = copies[0][0]
        # The layout is read from the original text: masked markup leaves runs of spaces in the
        # prose that no writer typed.
        text = doc.text
        if is_table_row(text, first_start):
            return None
        if _BREAK.search(run):
            if _INDENTED_BREAK.search(text, m.start(), m.end()):
                return None  # the next line starts a paragraph
            if any(is_lone_word(text, s, e) for s, e, _w in copies):
                return None  # a signature or a label line
        others = [w for _s, _e, w in copies[1:]]
        capitals = is_all_capitals(text, first_start)
        if word[0].islower() and any(not w.islower() for w in others):
            return None  # "the new New York office": the capital starts a name
        name_like = capitals or (not word.islower() and not all(w.islower() for w in others))
        key = " ".join(w.lower() for _s, _e, w in copies)
        if name_like:
            if lower in self.names or forms.get(key, 0) > 1 or len(copies) > 2:
                return None  # a known name, a double the article makes twice, a title's triple
            # A slip when the article also uses the word on its own, in any case (an ordinary word
            # in lowercase, "In In 2002"; a dateline's "NEW YORK" beside "New York York");
            # otherwise a name that only ever comes doubled.
            if not _used_alone(prose, word, runs) and not self._inside_a_name(prose, copies[0][0], word):
                return None
        else:
            if lower in self.emphatic and _in_quotation(prose, doc, m.start()):
                return None
            if lower in self.stranding and self._may_strand(prose, m.start()):
                return None
        message = self.format_message(word)
        if _BREAK.search(run):
            message += " (at the end of one line and the start of the next)"
        if not name_like and len(copies) == 2 and not _BREAK.search(run) and self._may_stress(prose, first_start, lower):
            # "the sweet sweet reminder": a slip, or an adjective doubled for stress, which edited
            # copy sets apart with a comma. Both fixes are offered, for review.
            message += f" If it is doubled for stress, set the two apart with a comma: '{word}, {others[0]}'."
            return Match(m.start(), m.end(), message, (word, f"{word}, {others[0]}"))
        safe = lower in self.safe_words and not name_like
        return _match(m.start(), m.end(), message, word, safe)

    def _may_stress(self, prose: str, start: int, lower: str) -> bool:
        """Could the double be an adjective doubled for stress? A content word (not one of the
        commonest, which are function words) right after a determiner: "the sweet sweet"."""
        if lower in self.function_words:
            return False
        before = _BEFORE.search(prose, max(0, start - 60), start)
        return before is not None and before.group("word") is not None and before.group("word").lower() in self.determiners


    def _inside_a_name(self, prose: str, start: int, word: str) -> bool:
        """A common word doubled inside a longer name ("Fox Television Stations Stations", "the
        New York York exchange") or at a sentence's start ("All All three"): doubled names are
        units of rarer words (Bafana Bafana, Koh Phi Phi, Duran Duran)."""
        if len(word) < 3 or word.lower() not in self.common_words:
            return False  # a rarer word, or a syllable ("Sha La La")
        before = _BEFORE.search(prose, max(0, start - 60), start)
        if before is None or before.group("end") is not None:
            return word.lower() in self.very_common  # a sentence's or the text's start
        if before.group("word") is not None:
            return before.group("word")[0].isupper()
        return False  # after a comma, a quote mark, a bracket

    def _may_strand(self, prose: str, start: int) -> bool:
        """Could the first copy end a relative clause ("the moment we have been waiting for | for
        years", "the place that they were held in | in May")? Only when the clause before it has a
        subject pronoun opening a relative clause: after a relative pronoun ("that they") or right
        after a noun ("the moment we"), not after a conjunction or a verb ("but we", "said they")."""
        before = prose[max(0, start - 80) : start]
        clause = _CLAUSE_BREAK.split(before)[-1]
        words = [_CONTRACTION.split(w)[0] for w in _WORDS_AND_CONTRACTIONS.findall(clause.lower())[-7:]]
        for i in range(1, len(words)):
            if words[i] in self.subjects:
                previous = words[i - 1]
                if previous in self.relativisers or previous not in self.openers and previous not in self.subjects:
                    return True
        return False


def _in_quotation(prose: str, doc: Document, pos: int) -> bool:
    """Inside quoted speech, including a quotation hard-wrapped over several lines (the Document's
    quotes end at a line break): an odd number of straight quotes, or more opening than closing
    curly quotes, between the start of the block and `pos`."""
    if doc.in_quote(pos, pos + 1):
        return True
    for block in doc.blocks:
        if block.start <= pos < block.end:
            before = prose[block.start : pos]
            return before.count('"') % 2 == 1 or before.count("“") > before.count("”")
    return False


def _used_alone(prose: str, word: str, runs: list) -> bool:
    """Does the article use `word` (in any case) on its own, outside the repeats of it and not
    right beside one?"""
    # Built for this document and word: not a fixed pattern, so not kept in the pattern store.
    uses = regex.compile(r"(?<![\p{L}\p{N}_'’-])" + regex.escape(word) + r"(?![\p{L}\p{N}_-])", regex.IGNORECASE)
    folded = word.lower()
    spans = [(m.start(), m.end()) for m in runs if m.group("word").lower() == folded]
    for use in uses.finditer(prose):
        inside = False
        for start, end in spans:
            if start <= use.start() < end:
                inside = True
                break
            if use.end() <= start and _ADJACENT.fullmatch(prose, use.end(), start):
                inside = True
                break
            if end <= use.start() and _ADJACENT.fullmatch(prose, end, use.start()):
                inside = True
                break
        if not inside:
            return True
    return False


def _match(start: int, end: int, message: str, keep: str, safe: bool) -> Match:
    """A finding whose fix keeps the first copy; marked unsafe where some reading keeps both."""
    return Match(start, end, message, (keep,), applicability=None if safe else "unsafe")


RULE = DoubledWord
