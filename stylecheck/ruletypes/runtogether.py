"""runtogether: two words glued together where a space was lost ("IndependentLucy", "toprevent").

    extends: runtogether
    case: capitalised        # or: lowercase
    message: "'%s' looks like two words run together: '%s'?"
    exceptions: [YouTube, PayPal]
    prefixes: [Mc, Mac]

Two kinds of token, one rule each (`case`):

* **capitalised**: a capital inside a word after lowercase letters ("UnitedNations",
  "SenatorJane", "TheGuardian"); the halves are the two capitalised runs.
* **lowercase**: a token of lowercase letters ("toprevent", "citycouncil"), or one capitalised at
  the start ("Thedredging"), split where the split scores best.

The evidence, strongest first:

1. The article's own usage. The spaced form elsewhere ("United Nations") flags the joined one;
   a joined form the article repeats the same way and never spaces is a name ("RipGuard" 13 times)
   and stays silent.
2. The language (Norvig's segmentation by unigram frequency): a split wins where the product of
   the halves' probabilities beats the whole's, each half a frequent word (Zipf `common` or more;
   for capitalised halves, a word the article also uses on its own counts too), and the whole not
   a word: unknown to the frequency list, or far rarer there than the split (`margin`), and not a
   dictionary word (rules/data/runtogether.yml). A known brand is a known word ("YouTube").
3. What a lost space is not: a misspelling one edit from a word more likely than the split
   ("forseen" is "foreseen", not "for seen"), and a closed compound, read from how freely the
   halves start and end compounds in the dictionary ("outturn", "stockbuilding", "RipGuard").

URLs, e-mail addresses, handles, hashtags, file names and code are never tokens here: a token
touching @ # / . _ - or a digit is skipped, and code is masked out of the prose.
"""
from __future__ import annotations


from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..wordlists import WordListError, distinct_matches, load_data, lowercase_words
from .base import Field, Rule, doc_time_left

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

    from ..frequencies import Frequencies

# The scan starts at the inner capital (rare) and looks back for the left half, so the engine skips
# from capital to capital instead of trying every letter: about 15 times faster over a corpus than
# matching the left half first, with the same matches.
_CANDIDATE = patterns.compile(
    r"(?<=\p{Ll})(?<=(?<![\p{L}\p{N}_'’.@/#&-])(\p{L}\p{Ll}+))(\p{Lu}\p{Ll}++)(?![\p{L}\p{N}_@/#&-]|\.\p{L})"
)
# A word capitalised at its start only, at the start of a sentence: "Thedredging".
_CAPITALISED = patterns.compile(r"(?<![\p{L}\p{N}_'’.@/#&-])\p{Lu}\p{Ll}{3,}+(?![\p{L}\p{N}_'’@/#&-]|\.\p{L})")
_WORD = patterns.compile(r"\p{L}+")
_NOT_A_LETTER = patterns.compile(r"\P{L}")
# What may not touch a token on either side (besides letters and digits): it would make the token
# part of a handle, an address, a file name, a hyphenated or elided word.
_TOKEN_BEFORE = frozenset("_'’.@/#&-")
_TOKEN_AFTER = frozenset("_@/#&-")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"

# A word this common (Zipf) is a function word or close to one: "the", "of", "said", "people".
# Closed compounds are not made of them, so a split with one is never read as a compound.
FUNCTION_WORD = 6.0
# The commonest words (Zipf): "the", "of", "on", "with", "was", "but". Some look like compound
# parts in the dictionary ("bathe", "onset"), but a split with one is a lost space.
GRAMMAR_WORD = 6.5
# A capitalised word rarer than this (Zipf) after a given name reads as a surname.
SURNAME = 3.0
# A given name this common (Zipf) is a name first ("Simon", "Henry"); rarer ones also open brands
# ("Mira", "Maxi", "Vira").
GIVEN_NAME = 3.5
# A word rarer than this (Zipf) after such a name reads as a surname ("Harte", "Penrose", "Dunmore").
SURNAME_LIKE = 4.5
# "The", "In", "Of": words this common (Zipf) never start a brand written in camel case.
OPENING_WORD = 7.4
# A lowercase word this common (Zipf) before a capitalised one is a lost space ("ofTexas"); rarer
# ones are code and product names ("getCanvas", "localStorage").
LOWERCASE_BEFORE = 6.5
# Known words this common are never split (a split would need two halves of Zipf 7 and more).
NEVER_SPLIT = 4.0
# Endings that make a word an inflected form (plural, past, adverb, participle).
INFLECTIONS = ("s", "ed", "ly", "ing")
# The prior odds of a lost space against a one-letter slip, in powers of ten: a slip is likelier.
SPACE_PRIOR = -0.3
# ... and for a pair news writes spaced, in powers of ten over the pair's own frequency (with
# SPACE_PRIOR: a word more than sixteen times commoner than the pair is still read as the slip).
PHRASE_PRIOR = 1.5


def word_set(text: str) -> set[str]:
    """The distinct words of `text`: memory grows with the vocabulary, not with the text."""
    return distinct_matches(text, _WORD, _NOT_A_LETTER)


def _edits(word: str) -> Iterator[str]:
    """Every string one deletion, transposition, substitution or insertion from `word`."""
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            yield head + tail[1:]
            if len(tail) > 1:
                yield head + tail[1] + tail[0] + tail[2:]
            for c in _ALPHABET:
                yield head + c + tail[1:]
        for c in _ALPHABET:
            yield head + c + tail


_CODE_MARK = patterns.compile(r"[{}<>;=$]|%}|{%")


def _in_code_line(text: str, start: int) -> bool:
    """Is `start` on a line that reads as code or markup ("{% endfor %}", "x = getValue();")?"""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    line = text[begin : end if end >= 0 else len(text)]
    return sum(1 for _ in _CODE_MARK.finditer(line)) >= 3


def _opens_sentence(text: str, start: int) -> bool:
    """Does a sentence (or a line) start at `start`: after end punctuation, a break, or nothing?"""
    before = text[max(0, start - 8) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n\r" or start < 8 and not before.strip()


class _Memo(dict):
    """A per-process memo kept on a rule: pickled empty, so the compiled-rules cache never holds it."""

    SIZE = 200_000

    def __reduce__(self) -> tuple:
        return (_Memo, ())


class _Cleared(set):
    """Words judged not to be run together, per process: pickled empty, like `_Memo`."""

    def __reduce__(self) -> tuple:
        return (_Cleared, ())


class _Higher:
    """The higher of two frequency lists' Zipf values for a word (picklable, unlike a lambda)."""

    __slots__ = ("first", "second", "memo")

    def __init__(self, first: "Frequencies", second: "Frequencies") -> None:
        self.first = first
        self.second = second
        self.memo: dict[str, float] = {}

    def __reduce__(self) -> tuple:
        return (_Higher, (self.first, self.second))

    def __call__(self, word: str) -> float:
        found = self.memo.get(word)
        if found is None:
            found = max(self.first.zipf(word), self.second.zipf(word))
            if len(self.memo) < _Memo.SIZE:
                self.memo[word] = found
        return found


class RunTogether(Rule):
    FIELDS = {
        "case": Field((str,), "capitalised", ("capitalised", "lowercase"), doc="which tokens: capitalised pairs or lowercase words"),
        "exceptions": Field((list,), [], doc="words that are meant to look this way"),
        "prefixes": Field((list,), [], doc="name prefixes (Mc, Mac, De) that are never a lost space"),
        "min": Field((int,), 2, doc="the shortest half that counts as a word ('a' always counts)"),
        "common": Field((int, float), 3.0, doc="the Zipf frequency a half needs to count as a frequent word"),
        "margin": Field((int, float), 1.0, doc="how far (Zipf) a split must beat a known whole word"),
        "frequencies": Field((str,), "frequencies/en.yml", doc="the word-frequency list (data file)"),
        "news": Field((str,), "frequencies/news.yml", doc="words news uses more than general English (data file; '' for none)"),
        "phrases": Field((str,), "frequencies/news-phrases.yml", doc="word pairs news writes spaced and hardly ever joined, with their Zipf values (data file; '' for none)"),
        "titles": Field((list,), [], doc="titles written before a name ('Mr', 'Dr'): a capitalised word glued after one is a lost space"),
        "organisations": Field((str,), "gazetteer/organisations.yml", doc="its `suffixes` ('Inc', 'Holdings'): glued after a name the article also writes alone, a lost space (data file; '' for none)"),
        "places": Field((list,), ["gazetteer/countries.yml", "gazetteer/cities.yml", "gazetteer/us_states.yml"], doc="gazetteers whose one-word `names` are places (data files)"),
        "compounds": Field((str,), "runtogether.yml", doc="dictionary words and compound heads and tails (data file)"),
        "names": Field((str,), "names/given.yml", doc="given names (data file; capitalised pairs only)"),
        "pairs": Field((str,), "names/news-pairs.yml", doc="capitalised pairs news writes spaced, and name openers (data file)"),
    }
    DEFAULT_MESSAGE = "'%s' looks like two words run together: '%s'?"

    def compile(self, options: dict) -> None:
        from .. import frequencies
        from ..frequencies import Frequencies

        self.case = self.option("case")
        self.exceptions = {str(e) for e in self.option("exceptions")} | set(self.ctx.accept)
        self.prefixes = tuple(str(p) for p in self.option("prefixes"))
        self.min = self.option("min")
        self.common = float(self.option("common"))
        self.margin = float(self.option("margin"))
        # Built once, with the rule, and kept in the compiled-rules cache: never per article.
        try:
            general = frequencies.load(self.option("frequencies"), self.path)
            news = frequencies.load(self.option("news"), self.path) if self.option("news") else None
            data = dict(load_data(self.option("compounds"), self.path))
        except WordListError as exc:
            raise self.error(None, str(exc)) from None
        # A word's frequency is the higher of its general and its news frequency ("onstream").
        self.zipf = general.zipf if news is None else _Higher(general, news)
        # Whether a word is a function word is a fact of English, not of a desk's vocabulary:
        # wire copy's "stock" and "mln" are frequent, not grammatical.
        self.english = general.zipf
        heads, tails = dict(data.get("heads") or ()), dict(data.get("tails") or ())
        self.dictionary = Frequencies.from_buckets([("1.0", data.get("words") or "")])
        self.joined_words = Frequencies.from_buckets([("1.0", data.get("joined") or "")])
        self.heads = Frequencies.from_buckets([("2.0", heads.get("strong") or ""), ("1.0", heads.get("weak") or "")])
        self.tails = Frequencies.from_buckets([("2.0", tails.get("strong") or ""), ("1.0", tails.get("weak") or "")])
        self.given = self.pairs = self.openers = self.phrases = None
        self.titles = frozenset(str(t) for t in self.option("titles"))
        self.suffixes: frozenset[str] = frozenset()
        self.places: frozenset[str] = frozenset()
        if self.case == "capitalised":
            try:
                if self.option("organisations"):
                    self.suffixes = frozenset(str(t) for t in dict(load_data(self.option("organisations"), self.path)).get("suffixes") or ())
                self.places = frozenset(
                    str(name) for gazetteer in self.option("places")
                    for name in dict(load_data(str(gazetteer), self.path)).get("names") or () if " " not in str(name)
                )
            except WordListError as exc:
                raise self.error(None, str(exc)) from None
        if self.option("phrases"):
            try:
                # One table shared by both rules (and pickled once in the compiled-rules cache).
                self.phrases = frequencies.load(self.option("phrases"), self.path)
                phrase_data = dict(load_data(self.option("phrases"), self.path))
            except WordListError as exc:
                raise self.error("phrases", str(exc)) from None
            self.phrase_joined = Frequencies.from_buckets([("1.0", str(phrase_data.get("joined") or ""))])
        if self.case == "capitalised":
            try:
                names = dict(load_data(self.option("names"), self.path))
                news = dict(load_data(self.option("pairs"), self.path))
            except WordListError as exc:
                raise self.error(None, str(exc)) from None
            self.given = Frequencies.from_buckets([("1.0", str(names.get("names") or "").lower())])
            joined = " ".join(str(p).replace(" ", "_") for p in news.get("pairs") or ())
            self.pairs = Frequencies.from_buckets([("1.0", joined.lower())])
            self.openers = Frequencies.from_buckets([("1.0", str(news.get("openers") or "").lower())])

    # -- the evidence ---------------------------------------------------------------------------

    def best_split(self, word: str, known: set[str] = frozenset()) -> tuple[float, str, str] | None:
        """The split of lowercase `word` whose halves' product is likeliest: (Zipf of the product,
        left, right); each half a frequent word, or one of `known` (words the article uses)."""
        zipf, common = self.zipf, self.common
        best = None
        for i in range(1, len(word)):
            left, right = word[:i], word[i:]
            if (len(left) < self.min and left != "a") or (len(right) < self.min and right != "a"):
                continue
            if left in ("a", "an") and ((left == "a") == (right[0] in "aeiou") or self.zipf(right) >= GRAMMAR_WORD):
                continue  # "a apple", "an pear", "a the": not English, so not a lost space
            zl = zipf(left)
            if zl < common:
                if left not in known:
                    continue
                zl = common
            if left[-1] == "n" and self.english(left + "'t") > self.english(left) + 1.0:
                continue  # "isn", "didn": what a tokenizer leaves of "isn't", not a word
            zr = zipf(right)
            if zr < common:
                if right not in known:
                    continue
                zr = common
            score = zl + zr - 9
            if best is None or score > best[0]:
                best = (score, left, right)
        return best

    def is_word(self, word: str, score: float) -> bool:
        """Is lowercase `word` a word in its own right, against a split scoring `score`?"""
        whole = self.zipf(word)
        return word in self.dictionary or whole > 0 and score < whole + self.margin

    def is_misspelling(self, word: str, score: float, left: str, right: str) -> bool:
        """Is `word` likelier one slip away from a word than two words run together?"""
        zipf, bar = self.zipf, max(score + SPACE_PRIOR, 0.0)  # a string no list knows is no word
        return any(zipf(e) > bar for e in _edits(word) if e != left and e != right and e != word)

    def has_function_word(self, left: str, right: str) -> bool:
        """Is one half a function word: one of the commonest words ("the", "of", "with"), or a
        common word that does not start compounds on the left ("said", not "new" or "time") or
        end them on the right?"""
        zipf = self.english
        return (
            zipf(left) >= GRAMMAR_WORD
            or zipf(right) >= GRAMMAR_WORD
            or zipf(left) >= FUNCTION_WORD and not self.heads.zipf(left)
            or zipf(right) >= FUNCTION_WORD and not self.tails.zipf(right)
        )

    def phrase(self, left: str, right: str) -> float:
        """How often news copy writes `left right` spaced (and hardly ever joined), on the Zipf
        scale ("interest rates", "to be", "Sri Lanka"); 0.0 for a pair it does not write so."""
        return 0.0 if self.phrases is None else self.phrases.zipf(f"{left}_{right}")

    def is_phrase(self, left: str, right: str) -> bool:
        """Does news copy write `left right` spaced, as a phrase ("interest rates")?"""
        return self.phrase(left, right) > 0.0

    def is_inflected(self, word: str, right: str = "") -> bool:
        """Does `word` end in an inflection ("prices", "approved", "quickly", "rising")? A closed
        compound's first part almost never does ("stockbuilding", "wheatgrowers"). Not when the
        ending may belong to the `right` half instead ("rocks cape" is "rock" + "scape")."""
        for ending in INFLECTIONS:
            if right and word.endswith(ending) and self.zipf(ending + right) > 0:
                return False
            if word.endswith(ending) and len(word) > len(ending) + 2:
                stem = word[: -len(ending)]
                if self.zipf(stem) >= self.common or self.zipf(stem + "e") >= self.common:
                    return True
        return False

    def is_compound(self, left: str, right: str) -> bool:
        """Could `left` + `right` be a closed compound ("outturn", "stockbuilding")?"""
        head, tail = self.heads.zipf(left), self.tails.zipf(right)
        function_left = self.english(left) >= FUNCTION_WORD and not head
        function_right = self.english(right) >= FUNCTION_WORD and not tail
        if head == 2.0 and not (self.english(right) >= FUNCTION_WORD and tail == 0.0):
            return True  # over-, out-, under-: they start compounds with nearly anything
        if tail == 2.0 and not (self.english(left) >= FUNCTION_WORD and head == 0.0):
            return True  # -ship, -less, -man: they end compounds of nearly anything
        return bool(head and tail) and self.english(left) < FUNCTION_WORD and self.english(right) < FUNCTION_WORD \
            and not function_left and not function_right

    # -- the scan -------------------------------------------------------------------------------

    def check(self, doc: Document) -> Iterator[Match]:
        if self.case == "lowercase":
            yield from self._check_lowercase(doc)
        else:
            yield from self._check_capitalised(doc)

    def _in_scope(self, doc: Document, start: int) -> bool:
        return any(a <= start < b for a, b in self.segments(doc))

    def _occurrences(self, text: str, word: str) -> list[int]:
        """Where `word` stands as a whole token in `text` (a plain search, no pattern to build)."""
        found = []
        size = len(word)
        at = text.find(word)
        while at >= 0:
            end = at + size
            if (at == 0 or text[at - 1] not in _TOKEN_BEFORE and not text[at - 1].isalnum()) and (
                end == len(text)
                or text[end] not in _TOKEN_AFTER and not text[end].isalnum()
                and not (text[end] == "." and end + 1 < len(text) and text[end + 1].isalpha())
            ):
                found.append(at)
            at = text.find(word, at + 1)
        return found

    def _alone(self, text: str, word: str) -> bool:
        """Does the article write `word` on its own inside a sentence ("Kestrel said", "in Leeds")?
        A sentence's first word does not count: any word is capitalised there."""
        for at in self._occurrences(text, word):
            before = text[max(0, at - 4) : at].rstrip(" \t\"'“‘(")
            if before and before[-1] not in ".!?:\n\r":
                return True
        return False

    def _spaced(self, text: str, left: str, right: str) -> int:
        """How often `left right` stands spaced (or across a line break) in `text`."""
        return sum(len(self._occurrences(text, f"{left}{gap}{right}")) for gap in (" ", "\n"))

    def _check_capitalised(self, doc: Document) -> Iterator[Match]:
        text = self.text_of(doc)
        # Most articles have no candidate at all: one search of the whole text says so.
        if _CANDIDATE.search(text, timeout=doc_time_left(doc)) is None:
            return
        words: set[str] | None = None
        decided: dict[str, bool] = {}
        for start, end in self.segments(doc):
            for m in self.finditer(_CANDIDATE, doc, start, end):
                left, right = m.group(1), m.group(2)
                word = text[m.start(1) : m.end()]
                if word not in decided:
                    if words is None:
                        words = word_set(doc.prose)
                    decided[word] = self._capitalised_pair(doc, word, left, right, words)
                if decided[word] and not _in_code_line(text, m.start(1)):
                    fixed = f"{left} {right}"
                    yield Match(m.start(1), m.end(), self.format_message(word, fixed), (fixed,))

    def _capitalised_pair(self, doc: Document, word: str, left: str, right: str, words: set[str]) -> bool:
        if word in self.exceptions or left in self.prefixes or left.capitalize() in self.prefixes:
            return False
        if len(left) < max(self.min, 2) or len(right) < max(self.min, 2):
            return False
        text = self.text_of(doc)
        joined = max(1, len(self._occurrences(text, word)))
        if self._spaced(text, left, right) >= joined:
            return True  # the article writes it spaced too: "New Zealand" beside "NewZealand"
        if joined > 1:
            return False  # repeated the same way and never spaced: a name
        whole = word.lower()
        lower_left, lower_right = left.lower(), right.lower()
        if left in self.titles:
            return True  # a title before a name: "MrCordes", "DrSmith"
        phrase = self.phrase(lower_left, lower_right)
        if phrase and phrase > self.english(whole) + max(self.margin, 0.0) and self.english(lower_left) < GRAMMAR_WORD:
            # A pair news writes spaced and hardly ever joined: "SriLanka". A grammar word first
            # is what product names look like ("OnTrack", "InStep").
            return True
        zl, zr, zw = self.zipf(left), self.zipf(right), self.zipf(whole)
        if whole in self.dictionary or zw > 0 and zw >= zl + zr - 9 - self.margin:
            return False  # a known word or brand: "BankAmerica", "YouTube"
        if len(left) > 2 and self.english(lower_right) >= GRAMMAR_WORD:
            # No name ends in "Of", "On", "With": "HarvestOf". (Brands do end in commoner content
            # words: "StreamNow", "MetroFirst".)
            return True
        if right in self.suffixes and self._alone(text, left):
            return True  # a company the article also names without its suffix: "KestrelCorp", "Kestrel said"
        if self.english(lower_left) >= GRAMMAR_WORD and (
            right in self.places or lower_right in self.given or self._alone(text, right)
        ):
            return True  # a grammar word before a place or a name: "InLeeds", "AfterPeru"
        if len(left) > 2 and lower_left in self.given and self.english(lower_left) >= GIVEN_NAME and zr < SURNAME_LIKE:
            return True  # a common given name before a surname-like word: "SimonHarte", "HenryPenrose"
        # Camel case of two words is what brands look like ("TalkTalk", "ZoneAlarm"); a lost space
        # shows in what the halves are: a pair news writes spaced ("United Nations"), a given name
        # and a surname ("JohnCleese"), a title or a word the article uses alone before a given
        # name ("SenatorJane", "IndependentLucy"), "The" or a common lowercase word before a
        # capital ("TheGuardian", "ofNew").
        if f"{lower_left}_{lower_right}" in self.pairs:
            return True
        if len(left) > 2 and lower_left in self.given and (zr < SURNAME or right in words):
            return True  # a given name before a surname: "JohnCleese"
        if len(right) > 2 and lower_right in self.given and (lower_left in self.openers or left in words and right in words):
            return True  # a title, or a word the article uses alone, before a given name: "SenatorJane"
        return zl >= OPENING_WORD or left[0].islower() and zl >= LOWERCASE_BEFORE

    def best_split_at(self, whole: str, left: str, right: str, known: set[str]) -> float | None:
        """The score of the one split a capital marks, or None when a half is not a word."""
        zl, zr = self.zipf(left), self.zipf(right)
        if zl < self.common:
            if left not in known:
                return None
            zl = self.common
        if zr < self.common:
            if right not in known:
                return None
            zr = self.common
        return zl + zr - 9

    def _lowercase_candidate(self, word: str) -> tuple[float, str, str] | None:
        """The best split of a lowercase word that may be two words run together, or None."""
        if len(word) < 4 and not (len(word) == 3 and self.phrases is not None and word in self.phrase_joined) \
                or word in self.exceptions:
            return None
        # A word the frequency list knows is split only if it is one of the glued pairs the list
        # holds ("ofthe", "upto"), found when the rule was built, or one whose split news writes
        # spaced far more often than general English writes the word ("tobe", "lastyear": web
        # text's glued pairs, and names in the dictionary).
        phrased = self.phrases is not None and word in self.phrase_joined
        if self.zipf(word) > 0 and word not in self.joined_words and not phrased:
            return None
        best = self.best_split(word)
        if best is None:
            return None
        if not self.is_word(word, best[0]):
            return best
        if not phrased:
            return None
        # A dictionary word ("anew", "beheld", "fora") needs thirty times the evidence, and two
        # content words ten times: web text's joined form may be a closed compound's variant
        # ("stockmarket", "cashflow") rather than a glued pair ("lastyear").
        margin = self.margin + (1.5 if word in self.dictionary else 0.0) \
            + (0.0 if self.has_function_word(best[1], best[2]) else 1.0)
        return best if self.phrase(best[1], best[2]) >= self.english(word) + margin else None

    def _check_lowercase(self, doc: Document) -> Iterator[Match]:
        zipf = self.zipf
        cleared = self.__dict__.get("_cleared")
        if cleared is None:
            cleared = self.__dict__["_cleared"] = _Cleared()
        candidates: list[tuple[str, float, str, str]] = []
        # The same words come back article after article: each is judged once per process, and
        # the words already cleared are taken out with one set difference (no loop over them).
        for word in lowercase_words(doc) - cleared:
            best = self._lowercase_candidate(word)
            if best is None:
                if len(cleared) < _Memo.SIZE:
                    cleared.add(word)
            else:
                candidates.append((word, *best))
        # A word capitalised only because it opens a sentence: "Thedredging".
        text = self.text_of(doc)
        for start, _ in doc.sentences:
            m = _CAPITALISED.match(text, start)
            if m is None:
                continue
            word = m.group()
            if word in self.exceptions or zipf(word) > 0 or word.lower() in self.dictionary:
                continue
            best = self.best_split(word.lower())
            if best is not None and zipf(best[1]) >= FUNCTION_WORD:
                candidates.append((word, *best))
        lowered = None
        for word, score, left, right in sorted(set(candidates)):
            lower = word.lower()
            # News writing the pair spaced and hardly ever joined outweighs what the halves look
            # like: "news conference" is no compound.
            phrase = self.phrase(left, right)
            if not phrase and self.is_compound(left, right):
                continue
            if lowered is None:
                lowered = text.lower()
            joined = len(self._occurrences(lowered, lower))
            spaced = self._spaced(lowered, left, right)
            if not (spaced and joined <= spaced):
                if joined > 1:
                    continue  # repeated the same way and never spaced: meant so
                if not (phrase or self.has_function_word(left, right) or self.is_inflected(left, right)
                        or not self.heads.zipf(left) and not self.tails.zipf(right)):
                    # Two content words, one of which starts or ends compounds in the dictionary:
                    # as often a closed compound ("stockbuilding", "vampirelike") as not.
                    continue
            # The pair's own frequency in news, where known, is a better estimate of the split's
            # likelihood than the product of the halves' (Norvig's bigram model), and a space lost
            # between a pair news writes is likelier than one slip in a word a little commoner.
            if self.is_misspelling(lower, max(score, phrase + PHRASE_PRIOR if phrase else score), left, right):
                continue
            fixed = f"{word[: len(left)]} {word[len(left) :]}"
            for at in self._occurrences(text, word):
                if self._in_scope(doc, at) and not _in_code_line(text, at):
                    yield Match(at, at + len(word), self.format_message(word, fixed), (fixed,))


RULE = RunTogether
