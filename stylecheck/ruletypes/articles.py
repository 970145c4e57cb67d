"""articles: "a" or "an" by the sound of the next word ("an hour", "a one-off", "an FBI agent").

    extends: articles
    message: "'%s' before '%s', which starts with a %s sound: write '%s'."
    wordlist: articles.yml

The next word's first sound decides, read in this order:

* a number: "8", "11", "18" and "80"-odd start with a vowel sound ("an 8% rise", "an 11-year-old");
  "1100" to "1199" and "1800" to "1899" can be read two ways (a year or a number) and are left alone;
* a letter on its own, or an initialism (all capitals, or with dots: "U.S."), by the name of its
  first letter ("an F-16", "a U-turn", "an MP", "a UN vote"); an all-capital word that can also be
  read as a word ("NATO", "SARS") only when both readings agree;
* a word, by the pronunciation data (rules/data/articles.yml, from the CMU Pronouncing Dictionary):
  its own entry ("hour", "one", "university"), or else its first letters, as learned from the
  dictionary ("uni" is said "you-ni"). Words the data gives two sounds ("herb") and "h" before an
  unstressed syllable ("an historic", "a historic") are left alone, as are words whose first
  letters do not decide ("u" alone, "ho").

"A" and "An" with a capital count only where a sentence or a line starts (elsewhere "A" is a
letter: "Grade A", "Plan A"), and never in an all-capital headline ("AN").
"""
from __future__ import annotations

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..wordlists import WordListError, load_data
from .base import Field, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

# The article, a space (or a line break), and the next token: letters and digits, with dots only
# inside an initialism ("U.S."). "a" is only looked at before what can start with a vowel sound: a
# vowel, h, x or y, a capital or a digit ("a cat" is skipped by the engine, not in Python).
_ARTICLE = patterns.compile(
    r"(?<![\p{L}\p{N}_'’.@/#&-])(?:(a|A)[ \t]+(?:(?:\r\n|\r|\n)[ \t]*)?(?=[aeiouhxy\p{Lu}\p{N}])"
    r"|(an|An|AN)[ \t]+(?:(?:\r\n|\r|\n)[ \t]*)?)"
    r"((?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{N},.]*[\p{L}\p{N}]|[\p{L}\p{N}])"
)
_DIGITS = patterns.compile(r"\d[\d,]*")

VOWEL, CONSONANT = "vowel", "consonant"
# The letters whose names start with a vowel sound: "an F", "an M", "an S". H ("aitch" or
# "haitch") is said both ways and decides nothing.
_VOWEL_LETTERS = set("aefilmnorsx")
_UNDECIDED_LETTERS = set("h")


def letter_sound(letter: str) -> str | None:
    letter = letter.lower()
    if letter in _UNDECIDED_LETTERS:
        return None
    return VOWEL if letter in _VOWEL_LETTERS else CONSONANT


def number_sound(token: str) -> str | None:
    """The first sound of a number as said aloud: "eight", "eleven", "eighteen" are vowels."""
    m = _DIGITS.match(token)
    if m is None:
        return None
    digits = m.group()
    if digits.startswith("8"):
        return VOWEL
    if digits[:2] in ("11", "18"):
        head = digits.split(",")[0]
        if len(head) == 2:
            return VOWEL  # 11, 18, 11,000, 18.5: "eleven", "eighteen"
        if len(head) == 4:
            return None  # 1100, 1850: "eleven hundred" or "one thousand one hundred"
    return CONSONANT


class Articles(Rule):
    FIELDS = {
        "wordlist": Field((str,), "articles.yml", doc="pronunciation data: prefixes, words, spelled (data file)"),
    }
    DEFAULT_MESSAGE = "'%s' before '%s', which starts with a %s sound: write '%s'."

    def compile(self, options: dict) -> None:
        try:
            data = dict(load_data(self.option("wordlist"), self.path))
        except WordListError as exc:
            raise self.error("wordlist", str(exc)) from None
        self.words: dict[str, str] = {}
        for said, words in dict(data.get("words") or ()).items():
            for word in str(words).split():
                self.words[word] = said
        self.prefixes: dict[str, str] = {}
        for said, prefixes in dict(data.get("prefixes") or ()).items():
            for prefix in str(prefixes).split():
                self.prefixes[prefix] = said
        self.spelled = frozenset(str(data.get("spelled") or "").split())
        self.never_after = frozenset(str(data.get("never_after") or "").split())
        self.longest = max(map(len, self.prefixes), default=0)

    # -- how the next word starts ---------------------------------------------------------------

    def word_sound(self, word: str) -> str | None:
        """The first sound of an ordinary word (lowercase), or None when the data cannot say."""
        said = self.words.get(word)
        if said is None:
            for n in range(min(self.longest, len(word)), 0, -1):
                said = self.prefixes.get(word[:n])
                if said is not None:
                    break
        return said if said in (VOWEL, CONSONANT) else None

    def token_sound(self, token: str) -> tuple[str | None, str]:
        """(first sound, how it was read) for the token after the article."""
        if token[0].isdigit():
            return number_sound(token), "number"
        if len(token) > 1 and token[1] == ".":
            return letter_sound(token[0]), "letters"  # U.S., U.N.
        word = token.split(".")[0].split(",")[0]
        if len(word) == 1:
            return letter_sound(word), "letter"
        if not word.isalpha():
            return None, "word"
        caps = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
        if caps.isupper():
            return self.initialism_sound(caps), "initialism"
        if sum(1 for c in word if c.isupper()) > 1 and word[0].isupper():
            return self.initialism_sound(word.upper()), "initialism"  # MSc, PhD, MoD
        lower = word.lower()
        if not any(c in "aeiouy" for c in lower):
            return None, "word"  # lb, mln, St, ntl: an abbreviation said as a word or by letters
        return self.word_sound(lower), "word"

    def initialism_sound(self, caps: str) -> str | None:
        """An all-capital word: read letter by letter, unless it is also a word said another way."""
        if len(set(caps)) == 1:
            return CONSONANT  # AA, AAA: "double A", "triple A"
        by_letters = letter_sound(caps[0])
        if len(caps) == 2 or caps.lower() in self.spelled:
            return by_letters
        as_word = self.word_sound(caps.lower())
        if as_word == by_letters:
            return by_letters
        if not any(c in "AEIOU" for c in caps):
            return by_letters  # NHS, BBC: no vowel, so never said as a word
        return None  # NATO, SARS, FTSE: letters or a word, and they disagree

    # -- the scan -------------------------------------------------------------------------------

    def check(self, doc: Document) -> Iterator[Match]:
        text = self.text_of(doc)
        for start, end in self.segments(doc):
            for m in self.finditer(_ARTICLE, doc, start, end):
                article, token = m.group(1) or m.group(2), m.group(3)
                if article == "AN" or article[0] == "A" and not _opens_sentence(text, m.start()):
                    continue
                if token.lower() in self.never_after:
                    continue  # "a the", "an and": a typo of another kind
                after = text[m.end() : m.end() + 1]
                if after in ("'", "’") and len(token) == 1:
                    continue  # "a 'B' grade" quoted letter; "o'clock"-like forms
                said, _ = self.token_sound(token)
                if said is None:
                    continue
                wants = "an" if said == VOWEL else "a"
                if article.lower() == wants:
                    continue
                right = wants.capitalize() if article[0].isupper() else wants
                # The next word as written, up to a hyphen or an apostrophe: "one-off" -> "one".
                shown = text[m.start(3) : m.end()]
                fixed = f"{right} {shown}"
                yield Match(m.start(), m.end(), self.format_message(article, shown, said, fixed), (fixed,))


def _opens_sentence(text: str, start: int) -> bool:
    """Does a sentence start at `start`: after end punctuation, a blank line, or nothing? A line
    break alone does not start one: copy is often hard-wrapped ("class\nA shares")."""
    before = text[max(0, start - 12) : start]
    if "\n\n" in before.replace("\r", "").replace(" ", "").replace("\t", "")[-2:]:
        return True
    stripped = before.rstrip(" \t\r\n\"'“‘(")
    return not stripped and start < 12 or bool(stripped) and stripped[-1] in ".!?:"


RULE = Articles
