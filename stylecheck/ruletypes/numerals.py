"""numerals: how numbers are written (AP and British house styles agree on these).

    extends: numerals
    category: number
    check: small          # small | words | start | thousands

* `small`: spell out whole numbers below the house setting `spell_out_below` (10): "3 people"
  -> "three people". Figures stay for what a copy editor keeps in figures: ages ("aged 7",
  "Jones, 7,"), money, percentages, dates, scores and votes ("3-1", "6-3"), times, measurements
  and units, ranks and numbered things ("No. 3", "page 4", "Level 2", "Channel 4"), decimals,
  fractions, ranges and figures paired with other figures ("between 5 and 12"), sports
  statistics, list markers, headlines, captions and tables (lines without closing punctuation).
  The words that keep a figure are lists in this module's rule file (`units`, `markers`).
* `words`: figures for ten and up: "twelve people" -> "12 people" (never at the start of a
  sentence, where the number must be spelled out, and never in compounds such as "ten-year").
* `start`: no sentence begins with a figure, except a year ("1995 was ...").
* `thousands`: thousands separators are consistent within the article: "10,000" beside "25000"
  reports the form the house does not use (house setting `thousands_separator`: `comma`, AP's and
  the British desks' "25,000"; `any`: the article's minority form), with both counts. Street
  numbers ("12500 Elm Street"), codes, model numbers and table rows are left alone.
"""
from __future__ import annotations

import re

import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..lines import line_start
from ..wordlists import matches_at, trie_pattern, word_starts
from ..structure import is_list_item
from .base import Field, Rule
from .figures import number_starts

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

CHECKS = ("small", "words", "start", "thousands")
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: 10 + i for i, w in enumerate(_TEENS)} | {w: 10 * i for i, w in enumerate(_TENS) if w}
_ONE_VALUES = {w: i for i, w in enumerate(_ONES) if i}
# Function words that may open a sentence before a figure ("In 3 cases"): a capitalised word that
# is not one of these is a name the figure belongs to ("Channel 4", "Windows 7", "March 3").
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_OPENERS = frozenset(
    "a an the in on at for with about some only just by after before of over nearly almost around all another "
    "those these its their his her our my your up since from to and but or when while if until during within under "
    "between among every each last per than once more less fewer".split()
)
_PAIRED_BEFORE = patterns.compile(r"\p{N}[\p{N},.]*(?:\s*(?:to|and|or|of|in|by|from|out\s+of|x|×|-|–|—|/)|\s*(?:%|per\s*cent|percent)\s*(?:to|and|or|from|-|–|—|/))\s+$")
_PAIRED_AFTER = patterns.compile(r"^\s*(?:to|and|or|of|in|by|out\s+of|x|×|-|–|—|/)\s+(?:\$|£|€)?\p{N}")
_WORD_BEFORE = patterns.compile(r"([\p{L}.&]+)[\s\u00a0]+$")
_WORDS_AFTER = patterns.compile(r"^[\s\u00a0]+([\p{L}'’.]+)(?:[\s\u00a0]+([\p{L}'’.]+))?")
_THREE_WORDS_AFTER = patterns.compile(r"^[\s\u00a0]+([\p{L}'’.]+)(?:[\s\u00a0]+([\p{L}'’.-]+)(?:[\s\u00a0]+([\p{L}'’.]+))?)?")
_LOWER_WORD = patterns.compile(r"(?<![\p{L}\p{N}])\p{Ll}+")
_NUMBERISH = frozenset(["no", "nos", "number", "numbers"])
_TIME_WORDS = frozenset("years months weeks days hours minutes seconds decades centuries".split())
# A count may follow a comma, a dash or a bracket inside a sentence ("twins, 2 months ago").
_CLAUSE_BEFORE = patterns.compile(r"[\p{L}\p{N}][,;:)]?[ \t\u00a0]*(?:[-–—][ \t\u00a0]*)?[,;(]?[ \t\u00a0\r\n]+$")
# Spelled-out numbers left alone: idioms ("one in ten", "ten to one"), clock times, "tens of thousands".
_IDIOM_BEFORE = patterns.compile(r"\b(?:one|nine|\p{N}+)\s+(?:in|out\s+of|times\s+out\s+of)\s+$")
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)
# "eight to ten", "ten or eleven": a range in words is changed as a whole or not at all.
_WORD_RANGE_BEFORE = patterns.compile(r"\b" + _NUMBER_WORD + r"[ \t\r\n]+(?:to|and|or|-|–)[ \t\r\n]+$")
_WORD_RANGE_AFTER = patterns.compile(r"[ \t\r\n]*(?:to|and|or|-|–)[ \t\r\n]+" + _NUMBER_WORD + r"\b")
# "twenty five" written without its hyphen: one number.
_ONES_AFTER = patterns.compile(r"[ \t]+(one|two|three|four|five|six|seven|eight|nine)\b")
_IDIOM_AFTER = patterns.compile(r"\s+(?:to\s+one|o'clock|o’clock)\b")
_MULTIPLIER_AFTER = patterns.compile(r"\s+(?:hundred|thousand|million|billion|trillion)s?\b")
_OF_THE_BEFORE = patterns.compile(r"\b(?:of|the)\s+$")
# Figures at a sentence start that are not numbers to spell out.
_YEAR = patterns.compile(r"1\p{N}{3}|20\p{N}{2}|21\p{N}{2}")
_PERCENT_AFTER = patterns.compile(r"\s*(?:%|per\s*cent|percent)")
_DECADE_MARKER_TIME_AFTER = patterns.compile(r"s\b|['’]?s\b|[.)]\s|[:./]\p{N}|\s*(?:a\.m\.|p\.m\.|am\b|pm\b)")
_UNIT_OR_NAME_AFTER = patterns.compile(r"\p{L}|[ \t]+\p{Lu}")
# A street number: the street's name (capitalised words) and its kind.
_ADDRESS_AFTER = patterns.compile(
    r"[ \t]+(?:[NSEW]\.?[ \t]+)?(?:\p{Lu}[\p{L}'’.-]*[ \t]+){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Parkway|Pkwy|Highway|Hwy"
    r"|Circle|Cir|Terrace|Square|Sq|Plaza|Trail|Pike|Row|Close|Crescent|Gardens)\b"
)
_DATE_BEFORE = patterns.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t\r\n]+\p{N}{1,2},?[ \t\r\n]+\Z"
)
_CITATION_AFTER = patterns.compile(r"\(\p{N}|\s+of\s+\p{N}+\.")
_TOKEN_BEFORE = patterns.compile(r"[\"“‘'(\[]*(\S+?)[\"”’')\]]*\s+$")


def _spelled(n: int) -> str:
    if n < 10:
        return _ONES[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + ("-" + _ONES[ones] if ones else "")


_ENDS_SENTENCE = patterns.compile(r"[.!?…][\"”’')\]]*[ \t]*$")


def _after_sentence_end(prose: str, begins: int) -> bool:
    """At a line start: the line before is blank (a new paragraph) or ends a sentence."""
    if begins == 0:
        return True
    end = begins - 1
    if prose[end] == "\n" and end > 0 and prose[end - 1] == "\r":
        end -= 1
    previous = prose[line_start(prose, end) : end]
    return not previous.strip() or _ENDS_SENTENCE.search(previous) is not None


# A figure from 2 to 9 counts things when a plural follows it, at once or after one modifier
# ("3 houses", "4 new houses"); 1 counts one thing ("1 person"). Words that end in -s but are
# verbs after a name ("3 says", "3 is"), and function words, are never the counted thing.
_IRREGULAR_PLURALS = frozenset(
    "people men women children police staff feet teeth geese mice cattle sheep fish deer crew personnel data "
    "media criteria phenomena dice offspring series species aircraft troops".split()
)
_NOT_COUNTED = frozenset(
    "is was has does says goes seems looks gets makes takes uses plans wants needs thinks knows means lets "
    "this its his hers ours yours theirs us as thus plus less unless whereas always perhaps".split()
)
_NOT_MODIFIERS = frozenset(
    "are were have had will would could should can may might must do did of to in on at by for and or but "
    "that which who whom whose than then as if so is was has be been being also still only just all".split()
)


def _plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return (
        len(word) > 2 and word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "is"))
        and word not in _NOT_COUNTED
    )


def _counts(figure: str, first: str, second: str, third: str = "") -> bool:
    """Does a figure before these words count something: a plural at once, or after one or two
    modifiers ("3 houses", "4 new houses", "2 other striking locals")?"""
    if figure == "1":
        return len(first) > 2 and first.isalpha() and first not in _NOT_COUNTED and first not in _NOT_MODIFIERS
    if _plural(first):
        return True
    if first == "of" and second in _PARTITIVE:
        return True  # "4 of the 12", "two of them"
    if not _modifier(first):
        return False
    if _plural(second):
        return True
    return _modifier(second) and _plural(third)


_PARTITIVE = frozenset("the these those them us its their his her our your my".split())


def _modifier(word: str) -> bool:
    """A word that may stand between a number and what it counts ("new", "film-making")."""
    return word.replace("-", "").isalpha() and word not in _NOT_MODIFIERS and word not in _NOT_COUNTED


def _named(doc: Document, figure: str) -> bool:
    """Does the article use `figure` as a name: a possessive ("3's marketing director") or the
    subject of a verb in the singular ("5300 is a Delaware company", "3 says")? Then no use of it
    in the article is a count. (A pattern per figure asked about: the stdlib `re` keeps it. The
    answer is kept per document: a miss reads the whole text, once per figure, not per use.)"""
    return doc.memo(("numerals", "named", figure), lambda: _named_in(doc.prose, figure))


def _named_in(prose: str, figure: str) -> bool:
    if figure not in prose:
        return False
    return re.search(r"(?<![\w.,])" + re.escape(figure) + r"(?:['’]s\b|\s+(?:is|was|has|says|does)\b)", prose) is not None


class Numerals(Rule):
    FIELDS = {
        "check": Field((str,), "small", CHECKS),
        "units": Field((list,), [], doc="words after a figure that keep it a figure (units, money, times ...)"),
        "markers": Field((list,), [], doc="words before a figure that keep it a figure (No., page, aged ...)"),
        "codes": Field((list,), [], doc="thousands: words before a long figure that make it a code (flight, ID ...)"),
        "models": Field((list,), [], doc="thousands: words after a long figure that make it a model name (chip ...)"),
    }
    DEFAULT_MESSAGE = "%s"

    def compile(self, options: dict) -> None:
        self.kind = self.option("check")
        self.units = frozenset(str(u).lower() for u in self.option("units"))
        self.markers = frozenset(str(m).lower().rstrip(".") for m in self.option("markers"))
        self.codes = frozenset(str(c).lower().rstrip(".") for c in self.option("codes"))
        self.models = frozenset(str(c).lower() for c in self.option("models"))
        below = self.ctx.settings.get("spell_out_below", 10)
        if not isinstance(below, int) or isinstance(below, bool) or not 2 <= below <= 10:
            raise self.error(None, f"house setting 'spell_out_below' must be a whole number from 2 to 10, not {below!r}")
        self.below = below
        separator = self.ctx.settings.get("thousands_separator", "comma")
        if separator not in ("comma", "any"):
            raise self.error(None, f"house setting 'thousands_separator' must be comma or any, not {separator!r}")
        self.house_commas = separator == "comma"
        if self.kind == "small":
            digits = "1-9" if below == 10 else f"1-{below - 1}"
            self.pattern = patterns.compile(
                r"(?<![\p{L}\p{N}.,/:$£€¥#+*^&@_\-–'’])(?<!\p{N}[ \t])[" + digits + r"]"
                r"(?![\p{L}\p{N}%°'’²³_\-–—/)+=]|[.,:]\p{N}|[ \t]*[-–—/:x×][ \t]*\p{N}|[ \t\u00a0]*%)"
            )
        elif self.kind == "words":
            ones = "|".join(_ONES[1:])
            # A trie of the number words for the stdlib `re`, with no look-behind so that it can
            # skip ahead on the first letters; the left boundary is checked on the few matches.
            self.pattern = re.compile(
                r"(?:" + trie_pattern(_TEENS + [t for t in _TENS if t]) + r"(?:-(?:" + ones + r"))?)(?![\w\-–'’])"
            )
            # The word starts are found by one scan shared with the other word-list rules: a match
            # that does not start a word is refused by `_words` anyway (a letter, digit, _ or
            # apostrophe before it is a word character; a hyphen before it is refused there too).
            index = word_starts(self.ctx.shared)
            self.word_starts = index if index.add(_TEENS + [t for t in _TENS if t]) else None
        elif self.kind == "start":
            # The digit first, then the look back: a cheap class test at each position.
            self.pattern = patterns.compile(
                r"\p{N}(?<=(?:^|\n|\r|[.!?][\"”’')\]]{0,2}[ \t]{1,3})[ \t]*\p{N})\p{N}*(?:,\p{N}{3})*(?:\.\p{N}+)?"
            )
        else:
            self.pattern = patterns.compile(
                r"(?<![\p{L}\p{N}.,/#:_\-–])(?:\p{N}{1,3}(?:,\p{N}{3})+|\p{N}{5,})(?![\p{L}\p{N}_\-–/#]|[.,]\p{N})"
            )

    def check(self, doc: Document) -> Iterator[Match]:
        if self.kind == "thousands":
            yield from self._thousands(doc)
            return
        test = {"small": self._small, "words": self._words, "start": self._start}[self.kind]
        if self.kind == "words" and self.word_starts is not None:
            for m in self.word_starts.matches(self.pattern, doc, self.segments(doc)):
                match = test(doc, m.start(), m.end(), m.group())
                if match is not None:
                    yield match
            return
        if self.kind != "words":
            for m in self._at_number_starts(doc):
                match = test(doc, m.start(), m.end(), m.group())
                if match is not None:
                    yield match
            return
        for start, end in self.segments(doc):
            for m in self.pattern.finditer(doc.prose, start, end):
                match = test(doc, m.start(), m.end(), m.group())
                if match is not None:
                    yield match

    # -- helpers ------------------------------------------------------------------------------

    def _at_number_starts(self, doc: Document) -> Iterator["regex.Match[str]"]:
        """What `self.pattern.finditer(prose, start, end)` yields for each segment, tried only where
        a run of number characters starts. Each figure pattern (small, start, thousands) starts at a
        number character and refuses one just before it, so no match starts anywhere else; trying
        the few run starts (one scan of the prose, shared by the rules) replaces a scan per rule."""
        # A fixed pattern, tried at one place at a time: no time budget needed.
        yield from matches_at(number_starts(doc), self.pattern.match, doc.prose, self.segments(doc))

    @staticmethod
    def _prose_paragraph(doc: Document, pos: int) -> bool:
        """In a paragraph of running prose (see structure.py: judged as a whole paragraph, so a
        hard-wrapped line counts like any other), not a list item, with three lowercase words."""
        structure = doc.structure
        paragraph = structure.paragraph_at(pos)
        if paragraph is None or paragraph.kind != "prose" or not structure.is_prose(pos):
            return False
        if is_list_item(doc.prose, paragraph):
            return False
        return len(_LOWER_WORD.findall(doc.prose, paragraph.start, min(paragraph.end, paragraph.start + 400))) >= 3

    # -- checks ---------------------------------------------------------------------------------

    def _small(self, doc: Document, start: int, end: int, figure: str) -> Match | None:
        prose = doc.prose
        before = prose[max(0, start - 40) : start]
        after = prose[end : end + 40]
        if _PAIRED_BEFORE.search(before) or _PAIRED_AFTER.search(after):
            return None  # a range, ratio, score or series with other figures
        if before.endswith("(") or before.endswith(", ") and after.startswith(","):
            return None  # a list marker, or an age after a name ("Jones, 7, said")
        words = _THREE_WORDS_AFTER.match(after)
        if not words:
            return None  # no word after: a name in a list ("TIM and 3."), a score, a label
        first = words.group(1)
        second = (words.group(2) or "").lower().rstrip(".")
        third = (words.group(3) or "").lower().rstrip(".")
        lowered = first.lower()
        if lowered in self.units or lowered.rstrip(".") in self.units:
            return None  # a unit, money, a clock time
        if first[0].isupper():
            return None  # a name ("5 Downing Street", "3 March", "6 Music", "Group of 7 Finance ministers")
        if lowered in ("years", "year", "months", "month", "weeks", "week", "days", "day") and second in ("old", "older", "younger"):
            return None  # an age
        if not _counts(figure, lowered.rstrip("."), second, third):
            return None  # not a count of things: a name or a brand ("the 3 network", "3 says")
        if _named(doc, figure):
            return None  # the article uses this figure as a name ("3's chief executive")
        word = _WORD_BEFORE.search(before)
        if word:
            previous = word.group(1)
            key = previous.lower().rstrip(".")
            if key in self.markers or key in _NUMBERISH:
                return None
            if previous[0].isupper() and key not in _OPENERS and lowered not in _TIME_WORDS:
                return None  # Channel 4, Windows 7, March 3, Jan. 3 (but "Australia 3 years ago" counts)
        elif not _CLAUSE_BEFORE.search(before):
            return None  # at a sentence start (the `start` check's business), or after a symbol
        if not self._prose_paragraph(doc, start):
            return None
        spelled = _ONES[int(figure)]
        return Match(start, end, f"Spell out numbers under {self.below}: '{figure}' -> '{spelled}'.", (spelled,))

    def _words(self, doc: Document, start: int, end: int, word: str) -> Match | None:
        prose = doc.prose
        if start and (prose[start - 1].isalnum() or prose[start - 1] in "_-–'’"):
            return None  # inside a word ("often", "plenty") or a compound
        before = prose[max(0, start - 20) : start].lower()
        after = prose[end : end + 20].lower()
        if _IDIOM_BEFORE.search(before) or _IDIOM_AFTER.match(after):
            return None  # "one in ten", "ten to one", "ten o'clock": idioms and clock times
        if _MULTIPLIER_AFTER.match(after) and _OF_THE_BEFORE.search(before):
            return None  # "tens of thousands", "the twenty thousand" left alone
        if _WORD_RANGE_BEFORE.search(before) or _WORD_RANGE_AFTER.match(after):
            return None  # "eight to ten": a range in words, left whole
        if not self._prose_paragraph(doc, start):
            return None
        parts = word.split("-")
        value = _WORD_VALUES[parts[0]] + (_ONE_VALUES[parts[1]] if len(parts) > 1 else 0)
        ones = _ONES_AFTER.match(after) if len(parts) == 1 and value >= 20 else None
        if ones:
            end += ones.end()
            word = prose[start:end]
            value += _ONE_VALUES[ones.group(1)]
        return Match(start, end, f"Use figures for 10 and above: '{word}' -> '{value}'.", (str(value),))

    def _start(self, doc: Document, start: int, end: int, figure: str) -> Match | None:
        prose = doc.prose
        after = prose[end : end + 12]
        if _YEAR.fullmatch(figure) and not _PERCENT_AFTER.match(after):
            return None  # a year
        if _DECADE_MARKER_TIME_AFTER.match(after):
            return None  # a decade, a list marker, a time, a date such as 9/11
        if _UNIT_OR_NAME_AFTER.match(after):
            return None  # a unit or a code (800m, 3G), or a name or title (50 Cent, 12 Angry Men)
        if _CITATION_AFTER.match(after):
            return None  # a citation's volume (80(3):249), a gallery caption ("1 of 4.")
        begins = line_start(prose, start)
        if not prose[begins:start].strip():
            paragraph = doc.structure.paragraph_at(start)
            if paragraph is None or paragraph.start != start and not _after_sentence_end(prose, begins):
                return None  # a line of hard-wrapped text (wire copy) that continues a sentence
        before = prose[max(0, start - 16) : start]
        token = _TOKEN_BEFORE.search(before)
        if token and token.group(1).endswith(".") and not token.group(1).startswith("$"):
            stem = token.group(1)[:-1]
            if "." in stem or len(stem) <= 4 and stem[:1].isupper() or stem.lower() in self.markers or stem.lower() in _MONTHS:
                return None  # an abbreviation (No. 3, U.S. 5, Jan. 3, feb. 27), not the end of a sentence
            if stem.isdigit():
                return None  # a decimal broken by a space ("11. 6 pct"), not two sentences
        paragraph = doc.structure.paragraph_at(start)
        if paragraph is not None and paragraph.start == start and doc.structure.in_figure_list(prose, paragraph):
            return None  # an item of a list whose bullets were lost: each opens with its figure
        words = _WORDS_AFTER.match(prose[end : end + 40])
        if words and words.group(1).lower() in _NOT_COUNTED or _named(doc, figure):
            return None  # a name: "5300 is a Delaware company", "3's chief"
        if not self._prose_paragraph(doc, start):
            return None
        value = figure.replace(",", "")
        suggestions: tuple[str, ...] = ()
        if value.isdigit() and 0 < int(value) < 100:
            spelled = _spelled(int(value)).capitalize()
            if after.startswith("%"):
                # "27% of sites" -> "Twenty-seven percent of sites": a sign cannot follow a word.
                end += 1
                figure += "%"
                spelled += " per cent" if self.ctx.settings.get("percent") == "per cent" or self.ctx.settings.get("dialect") == "uk" else " percent"
            suggestions = (spelled,)
        return Match(start, end, f"Do not start a sentence with a figure ('{figure}'): spell it out or recast the sentence.", suggestions)

    def _thousands(self, doc: Document) -> Iterator[Match]:
        prose = doc.prose
        commas: list[tuple[int, int, str]] = []
        plain: list[tuple[int, int, str]] = []
        models: set[str] = set()
        for m in self._at_number_starts(doc):
            text = m.group()
            if "," in text:
                commas.append((m.start(), m.end(), text))
                continue
            if text.startswith("0") or len(text) > 9:
                continue  # a code, an account or telephone number
            if _ADDRESS_AFTER.match(prose, m.end(), m.end() + 60):
                continue  # a street number: "12500 Elm Street"
            if _DATE_BEFORE.search(prose, max(0, m.start() - 24), m.start()):
                continue  # a year, mistyped or not: "April 1, 20012"
            following = _WORDS_AFTER.match(prose[m.end() : m.end() + 30])
            if following and following.group(1).lower().rstrip(".") in self.models:
                models.add(text)  # the 80386 microprocessor
                continue
            word = _WORD_BEFORE.search(prose[max(0, m.start() - 24) : m.start()])
            if word:
                key = word.group(1).lower().rstrip(".")
                if key in self.codes or key in _NUMBERISH:
                    continue
                if word.group(1)[0].isupper() and key not in _OPENERS:
                    models.add(text)  # a model or a code: Intel 80386, Boeing 74700
                    continue
            plain.append((m.start(), m.end(), text))
        plain = [p for p in plain if p[2] not in models]
        if not commas or not plain:
            return
        # Figures in table rows are aligned columns, not prose: leave both forms there.
        commas = [c for c in commas if self._prose_paragraph(doc, c[0])]
        plain = [p for p in plain if self._prose_paragraph(doc, p[0])]
        if not commas or not plain:
            return
        majority_commas = len(commas) > len(plain) or len(commas) == len(plain) and commas[0][0] < plain[0][0]
        if self.house_commas or majority_commas:
            # The preset decides: AP and the British desks put commas in thousands ("12,500").
            minority, usual, example = plain, commas, commas[0][2]
        else:
            minority, usual, example = commas, plain, plain[0][2]
        whose = "the article mostly writes" if majority_commas or not self.house_commas else "the house style writes"
        for start, end, text in minority:
            fixed = f"{int(text):,}" if "," not in text else text.replace(",", "")
            message = (
                f"Thousands separators: '{text}' here, but {whose} numbers like '{example}' "
                f"({len(minority)} to {len(usual)})."
            )
            yield Match(start, end, message, (fixed,))


RULE = Numerals
