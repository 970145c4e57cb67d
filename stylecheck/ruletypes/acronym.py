"""acronym: an acronym is spelled out at its first use, unless it is common enough to need none.

    extends: acronym
    category: acronym
    scope: prose                  # headlines, tables, tickers, capitals and labels are not uses
    wordlist: acronyms.yml        # in rules/data/: `wellknown: [NATO, FBI, AIDS, ...]`
    exceptions: [OPEC]            # more well-known ones for this style
    wellknown_zipf: 4.0           # or as common as this in English (Zipf; 0 turns it off)
    companies: acronym-companies.yml   # learned lists ('' for none): see below
    usage: acronym-usage.yml

Reported once per article, at the first use in running prose, and only when the article does not
spell it out. An acronym counts as spelled out when its expansion comes anywhere before it (or
just after), with or without brackets and in any case: capitalised words whose initials give it
("the Food and Drug Administration ... the FDA"; "of", "and" and the like may count or not), or
words right before it whose initials give it ("multiple sclerosis (MS)", "megawatts (MW)", "the
export enhancement program, EEP"), or an expansion in brackets right after it ("FSA (Food
Standards Agency)"), or lowercase words a sentence or so before it, one a letter ("collateralized
mortgage obligations ... CMOs"; a plural in capitals is spelled out by its singular's expansion).

Common enough to need none: the house list (anchored on the AP Stylebook's acronyms allowed on
first reference, then BBC and Guardian practice), the rule's `exceptions`, the config's `accept`,
and any acronym whose lowercase form is as common in English as `wellknown_zipf` (word
frequencies, rules/data/frequencies: FBI, DNA and CEO are; GPRS and IFRS are not); and the
acronyms that several newsrooms of the corpora leave unexplained and that are fairly common in
English too (`usage`: rules/data/acronym-usage.yml, `known:`, built by bench/build_acronym_usage.py).

Left alone as names, not acronyms to expand: the name of a company written in capitals ("NEC
Corp", "GTE Corp <GTE>", and a ticker symbol after the company's name is its short name later), or
one the corpora write so (`companies`: rules/data/acronym-companies.yml, built from the corpora's
build documents by bench/build_acronym_companies.py), or initials the corpora use as a name (a band,
a news agency: `usage`, `names:`); a proper name on its own after a preposition
("an analyst at CCF", "lost out to JVC");
initials before a surname or a brand after a name (JK Rowling, AC Milan, CJ van der Linde, Windows
XP); an explanation after a comma or a dash ("MTN - the South African firm"); an acronym
in a list of names ("Ludacris, DMX and Ashanti"), or after a word that says what it names ("the
research firm TNO", "rapper DMX"); a unit after a figure ("400 MW"); a shouted ordinary word (AND)
the article also writes in lowercase; a currency's prefix (HK$); laughter (HAHAHA). Not acronyms:
Roman numerals (with an I, V or X: CML is initials), letters joined to digits or
hyphens (G7, COVID-19, F-16), credit ratings (AAA, BBB), words in a run of capitals, handles and
hashtags (@ABC, #ABC), and forms with an ampersand (AT&T, B&B: brands and stock phrases).
"""
from __future__ import annotations

import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..wordlists import WordListError, load_data, lowercase_words
from .base import Field, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from typing import Any

_CONNECTOR_WORDS = "of|and|for|the|on|in|to|at|de|du|des|la|le|di|del|da|y|et|&|a|an|für|und"
_CONNECTORS = r"(?:[\s-]+(?:(?:" + _CONNECTOR_WORDS + r")[\s-]+)*)"
_ROMAN = patterns.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_CONNECTOR_SET = frozenset(_CONNECTOR_WORDS.split("|"))


def _roman(word: str) -> bool:
    """A Roman numeral (Henry VIII, World War II, Super Bowl XXXV). Letters among C, D, L and M
    alone (CML, CM, MD) are read as initials: a numeral without I, V or X is rare in news copy."""
    return _ROMAN.fullmatch(word) is not None and any(c in word for c in "IVX")
# A word of five letters or more written in capitals, and this common in English, is a word or a
# name in capitals (a product called SOCRATES), not a string of initials.
_WORD_IN_CAPITALS_ZIPF = 3.0


class Acronym(Rule):
    FIELDS = {
        "wordlist": Field((str,), "acronyms.yml", doc="data file with `wellknown: [...]`"),
        "exceptions": Field((list,), [], doc="more well-known acronyms"),
        "wellknown_zipf": Field((int, float), 4.0, doc="an acronym this common in English (Zipf) needs no expansion; 0: off"),
        "companies": Field((str,), "acronym-companies.yml", doc="data file with `companies: [...]`, names known by initials; '' for none"),
        "usage": Field((str,), "acronym-usage.yml", doc="data file with `names: [...]` and `known: [...]` learned from news copy; '' for none"),
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
        self.not_acronyms = frozenset(str(w) for w in data.get("not_acronyms") or ())
        self.descriptors = frozenset(str(w).lower() for w in data.get("name_descriptors") or ())
        self.descriptors_after = frozenset(str(w).lower() for w in data.get("name_descriptors_after") or ())
        self.company_words = frozenset(str(w).lower() for w in data.get("company_words") or ())
        self.known_companies: frozenset[str] = frozenset()
        if self.option("companies"):
            try:
                companies = dict(load_data(self.option("companies"), self.path))
            except WordListError as exc:
                raise self.error("companies", str(exc)) from None
            self.known_companies = frozenset(str(w) for w in companies.get("companies") or ())
        # Learned from the corpora (bench/build_acronym_usage.py): initials news copy uses as names,
        # and acronyms several newsrooms leave unexplained that are common in English too.
        self.known_names: frozenset[str] = frozenset()
        self.known_unexplained: frozenset[str] = frozenset()
        if self.option("usage"):
            try:
                usage = dict(load_data(self.option("usage"), self.path))
            except WordListError as exc:
                raise self.error("usage", str(exc)) from None
            self.known_names = frozenset(str(w) for w in usage.get("names") or ())
            self.known_unexplained = frozenset(str(w) for w in usage.get("known") or ())
        self.zipf = float(self.option("wellknown_zipf") or 0)
        self.frequencies = None
        if self.zipf > 0:
            from .. import frequencies

            shared = self.ctx.shared.get("frequencies")
            if shared is None:
                try:
                    shared = self.ctx.shared["frequencies"] = frequencies.load()
                except WordListError as exc:
                    raise self.error("wellknown_zipf", str(exc)) from None
            self.frequencies = shared
        # Two or more capitals (an inner & allowed), an optional plural s; not touching letters,
        # digits, hyphens, dots or apostrophes (G7, F-16, U.S., O'NEILL are something else).
        # Not after @ or # (a handle or a hashtag). An inner & makes a brand or a stock phrase
        # (AT&T, B&B, M&S), never asked about.
        self.pattern = patterns.compile(r"(?<![\p{L}\p{N}&.'’/@#_-])\p{Lu}[\p{Lu}&]*\p{Lu}(?=s?(?![\p{L}\p{N}&'’/_-]|\.\p{L}))")
        self.shouted_before = patterns.compile(r"\p{Lu}{2,}[^\p{L}\n]{1,3}$")
        self.shouted_after = patterns.compile(r"^[^\p{L}\n]{1,3}\p{Lu}{2,}")

    def check(self, doc: Document) -> Iterator[Match]:
        for m, word, reason in self.first_uses(doc):
            if reason is None:
                yield Match(m.start(), m.end(), self.format_message(word))

    def first_uses(self, doc: Document) -> Iterator[tuple[Any, str, str | None]]:
        """Each acronym's first use in running prose, with the reason it needs no expansion there
        ("wellknown", "name", "defined", ...) or None when it is reported. The bench scripts read
        the reasons to learn from the corpora (bench/build_acronym_usage.py)."""
        prose = doc.prose
        seen: set[str] = set()
        article: ArticleNames | None = None
        for start, end in self.segments(doc):
            for m in self.pattern.finditer(prose, start, end):
                word = m.group()
                if word in seen or "&" in word:
                    continue
                if word in self.wellknown or word in self.not_acronyms or word.lower() in self.company_words or _roman(word):
                    seen.add(word)
                    yield m, word, "wellknown"
                    continue
                if self._shouted(prose, m.start(), m.end()):
                    continue
                if prose[m.end() : m.end() + 1] in _CURRENCY_AFTER:
                    continue  # a currency's prefix ("HK$327m", "NZ$"), not a use
                seen.add(word)
                if len(word) >= 6 and _REPEATED.fullmatch(word):
                    yield m, word, "word"  # laughter or a shout ("HAHAHA", "NONONO"), not initials
                    continue
                if _in_name(prose, m.start(), m.end()):
                    yield m, word, "in-name"  # initials before a surname, a model after a brand
                    continue
                if _after_figure(prose, m.start()):
                    yield m, word, "unit"
                    continue
                if _FIGURE_AFTER.match(prose, m.end()) or _code_elsewhere(doc, word):
                    yield m, word, "code"
                    continue
                if prose[m.end() : m.end() + 1] == ">":
                    yield m, word, "ticker"  # the short form inside a company's name in brackets ("<Societa ... - SME>")
                    continue
                named = self._named(prose, m.start(), m.end())
                if named is not None:
                    yield m, word, named
                    continue
                lower = word.lower()
                if len(word) > 2 and self._written_in_lowercase(prose, lower, doc):
                    yield m, word, "word"  # a shouted ordinary word (AND, WINNERS), written in lowercase elsewhere
                    continue
                if len(word) > 3 and word.isalpha() and _as_word(prose, word.capitalize()):
                    yield m, word, "word"  # a name in capitals ("a CRAY computer" from "Cray Research")
                    continue
                letters = word[:-1] if word.endswith("s") and word[:-1].isupper() and len(word) > 2 else word
                if self.frequencies is not None:
                    common = max(self.frequencies.zipf(word), self.frequencies.zipf(letters))
                    if common >= self.zipf:
                        yield m, word, "common"  # as common in English as the words everyone knows (FBI, DNA, CEO)
                        continue
                    if len(letters) >= 5 and common >= _WORD_IN_CAPITALS_ZIPF:
                        yield m, word, "word"  # a word or a name in capitals (SOCRATES), not initials
                        continue
                if letters in self.known_names:
                    yield m, word, "known-name"  # initials news copy uses as a name, never spelled out
                    continue
                if letters in self.known_unexplained:
                    yield m, word, "known"  # newsrooms leave it unexplained, and it is common in English
                    continue
                if article is None:
                    article = ArticleNames(doc, self.company_words)  # once per article, and only when needed
                if letters in article.companies or letters in article.tickers or letters in self.known_companies:
                    yield m, word, "company"  # a company's name ("NEC Corp"), or its ticker after its name
                    continue
                if _defined(prose, letters, m.start(), m.end(), article.expansions, self.company_words) or (
                    # a plural in capitals ("CMOS" after "collateralized mortgage obligations"), spelled out in order
                    len(letters) > 3 and letters.endswith("S") and (
                        article.expansions.first.get(letters[:-1], _NEVER) < m.start()
                        or _spelled_in_lowercase(prose, letters[:-1], m.start())
                    )
                ):
                    yield m, word, "defined"
                    continue
                yield m, word, None

    @staticmethod
    def _written_in_lowercase(prose: str, lower: str, doc: Document) -> bool:
        """Does `lower` stand as a whole word in the article? For a word of letters only, a set of
        the article's lowercase words, built once per document, answers without a scan per word."""
        if "&" in lower or not lower.isalpha():
            return lower in prose and regex.search(r"\b" + regex.escape(lower) + r"\b", prose) is not None
        return lower in lowercase_words(doc)

    def _shouted(self, prose: str, start: int, end: int) -> bool:
        """In an all-capitals run: the word before or after is capitals too."""
        before = prose[max(0, start - 12) : start]
        after = prose[end : end + 12]
        return bool(self.shouted_before.search(before) or self.shouted_after.search(after))

    def _named(self, prose: str, start: int, end: int) -> str | None:
        """A name in a list of names ("LL Cool J, DMX, Ludacris": "list"), a name standing alone
        after a preposition or in a possessive ("as-name"), explained ("explained"), or next to a
        word that says what it names ("the research firm TNO", "rapper DMX": "descriptor")."""
        before = _LIST_BEFORE.search(prose, max(0, start - 40), start)
        after = _LIST_AFTER.match(prose, end, end + 40)
        if before and (before.group(1) != "," or _SEPARATOR_AFTER.match(prose, end, end + 8)) or after and (
            after.group(1) != "," or _SEPARATOR_BEFORE.search(prose, max(0, start - 8), start)
        ):
            return "list"  # joined to a name by "and" ("AMD and Intel"), or inside a list ("Ludacris, DMX and Ashanti")
        if _APPOSITIVE_AFTER.match(prose, end, end + 40) or _TITLE_AFTER.match(prose, end, end + 4):
            return "explained"  # explained ("RSVP, an electronic system"), or a title ("GTA: San Andreas")
        if _APPOSITIVE_BEFORE.search(prose, max(0, start - 40), start) and prose[end : end + 1] in (",", ".", ")", ";"):
            return "explained"
        if _KNOWN_AS.search(prose, max(0, start - 30), start) or _POSSESSIVE_BEFORE.search(prose, max(0, start - 30), start):
            return "explained"  # "known as DAB"; a company's product ("Sony's PSP")
        if _PREPOSITION_BEFORE.search(prose, max(0, start - 12), start) and not _NOUN_AFTER.match(prose, end, end + 30):
            return "as-name"  # a proper name on its own after a preposition ("an analyst at CCF", "lost out to JVC")
        previous = _WORD_BEFORE.search(prose, max(0, start - 30), start)
        if previous is not None and previous.group(1).lower() in self.descriptors:
            return "descriptor"
        following = _WORDS_AFTER.match(prose, end, end + 40)
        if following is not None and {w.lower() for w in following.groups() if w} & self.descriptors_after:
            return "descriptor"
        return None


_NAME_BEFORE = patterns.compile(
    r"[\p{L}\p{N},;>)][ \t]*(?:\r\n|\r|\n)?[ \t]*[ \t\r\n](?!(?:The|A|An|And|Or|But|In|On|At|For|Of|To|By|With|From|Its|Their|His|Her|This|That)\b)"
    r"\p{Lu}[\p{L}'’-]*[ \t]*(?:\r\n|\r|\n)?[ \t]*[ \t\r\n]$"
)
_NAME_AFTER = patterns.compile(
    r"\s+(?:(?!(?:The|A|An|And|Or|But|In|On|At|For|Of|To|It|He|She|They|We|I)\b)\p{Lu}\p{Ll}|\p{Ll}+\p{Lu}"
    # initials before a surname with a particle ("CJ van der Linde", "JP de Villiers")
    r"|(?:(?:van|von|de|der|den|du|da|di|del|della|dos|das|la|le|ten|ter|bin|ibn|al|el)[ \t]+)+\p{Lu}\p{Ll})"
)
_CURRENCY_AFTER = frozenset("$€£¥")
_REPEATED = patterns.compile(r"(\p{Lu}{1,3})\1{2,}s?")
# In a list of names: next to a capitalised name across a comma, "and", "or" or "&".
# A name: a capitalised word with a lowercase letter or a figure in it ("Ludacris", "AM3D"), or a figure ("2000").
_LIST_ITEM = r"(?:\p{Lu}[\p{L}\p{N}'’-]*[\p{Ll}\p{N}][\p{L}\p{N}'’-]*|\p{N}+|\p{Lu}{2,}\s+\p{Lu}\p{Ll}+)"
_LIST_BEFORE = patterns.compile(r"(?<![.!?]\s)\b" + _LIST_ITEM + r"\s*(,|(?:,\s*)?and|(?:,\s*)?or|&)\s+$")
_LIST_AFTER = patterns.compile(r"\s*(,|and|or|&)\s+" + _LIST_ITEM + r"\b(?!\s+\p{Lu}{2})")
_SEPARATOR_AFTER = patterns.compile(r"s?(?:,|\s+(?:and|or|&)\b)")
_SEPARATOR_BEFORE = patterns.compile(r"(?:,|\b(?:and|or)|&)\s+$")
_WORD_BEFORE = patterns.compile(r"(\p{L}+),?[ \t\r\n\u00a0]+(?:the[ \t\r\n\u00a0]+)?$")
# Initials standing alone as a noun right after a preposition, with no article and no noun after
# them, are a proper name (a company, a brand, a pollster), not an abbreviation of a thing.
_PREPOSITION_BEFORE = patterns.compile(r"\b(?:by|to|at|from|with|for|against|via)[ \t\r\n]+$")
_NOUN_AFTER = patterns.compile(
    r"s?[ \t\r\n]+(?!(?:and|or|in|on|at|to|for|of|by|with|from|as|that|which|who|is|was|has|have|had|will|would|"
    r"said|says|but|after|before|since|when|while|if|than|last|this|next|found|finds|showed|shows|suggested|"
    r"suggests|reported|reports|estimated|estimates|predicted|predicts|revealed|reveals|told|asked)\b)\p{Ll}"
)
_KNOWN_AS = patterns.compile(r"\b(?:known|referred[ \t\r\n]+to|dubbed|described)[ \t\r\n]+as[ \t\r\n]+(?:the[ \t\r\n]+)?$")
_WORDS_AFTER = patterns.compile(r"[ \t\r\n\u00a0]+(\p{Ll}+)(?:[ \t\r\n\u00a0]+(\p{Ll}+))?")
_FIGURE_BEFORE = patterns.compile(r"\p{N}\s?(?:(?:mln|bln|million|billion|thousand|trillion|bn|m)\s+)?$")
# A code or a model: letters before a figure ("RRIM 725", "S&P 100"), or the same letters joined
# to a hyphen or figures elsewhere in the article ("CFM-56" ... "the CFM engine").
_FIGURE_AFTER = patterns.compile(r"[ \t\u00a0]?\p{N}")
# An appositive that says what it is: "RSVP, an electronic system", "PAP, the official agency".
_APPOSITIVE_AFTER = patterns.compile(
    r"s?(?:,|[ \t]+[-–—]|[ \t]*[–—]|[ \t\r\n]+(?:is|was|are|were))[ \t\r\n]+(?:a|an|the|\p{Lu}\p{L}+['’]s)[ \t\r\n]"
)
_POSSESSIVE_BEFORE = patterns.compile(r"\b\p{Lu}[\p{L}&.-]*['’]s[ \t\r\n]+$")
_TITLE_AFTER = patterns.compile(r":[ \t]+\p{Lu}")
# Or before it: a description in lowercase words, then a comma ("the French national railways, SNCF,").
_APPOSITIVE_BEFORE = patterns.compile(r"\b\p{Ll}+[ \t\r\n]+\p{Ll}{3,},[ \t\r\n]+$")


def _in_name(prose: str, start: int, end: int) -> bool:
    """Part of a proper name: initials before a surname (JK Rowling, AC Milan) or a brand written
    in camel case (SSEYO miniMIXA), or a model or brand after a capitalised word inside a sentence
    (Windows XP, Nintendo DS)."""
    return bool(_NAME_AFTER.match(prose, end, end + 40) or _NAME_BEFORE.search(prose, max(0, start - 40), start))


def _as_word(prose: str, word: str) -> bool:
    """Does `word` stand as a whole word in the prose?"""
    at = prose.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not prose[at - 1].isalnum()) and (end >= len(prose) or not prose[end].isalnum()):
            return True
        at = prose.find(word, at + 1)
    return False


def _code_elsewhere(doc: Document, word: str) -> bool:
    """Does the article also write `word` joined to a hyphen and a figure ("CFM-56")? Then it is
    the name of a model or a family of codes. (The stdlib `re` keeps the few patterns asked for.)

    What stands before each such hyphen is collected once per document (its last 1 to 15
    characters): a word not among them needs no search of the text, which in a long text would
    be read once per acronym."""
    import re

    text = doc.text
    if len(word) <= _CODE_STEM:
        stems = doc.memo(("acronym", "code-stems"), lambda: _code_stems(text))
        if word not in stems:
            return False
    return word + "-" in text and re.search(r"(?<![\w-])" + re.escape(word) + r"-\w*\d", text) is not None


_CODE_STEM = 15


def _code_stems(text: str) -> set[str]:
    import re  # the same engine as the search it stands in for, so the same \w and \d

    hyphens = [m.start() for m in re.finditer(r"-\w*\d", text)]
    return {text[max(0, h - n) : h] for h in hyphens for n in range(1, _CODE_STEM + 1)}


def _after_figure(prose: str, start: int) -> bool:
    """A unit symbol after a figure: "400 MW", "64KB"."""
    return _FIGURE_BEFORE.search(prose, max(0, start - 12), start) is not None


def _defined(prose: str, letters: str, start: int, end: int, runs: Expansions, skippable: frozenset[str]) -> bool:
    # "... Agency (FSA)" or "FSA (Food Standards Agency)": brackets right at the first use, or
    # several acronyms in one pair of brackets ("video recorders (DVR and PVR)").
    if prose[start - 1 : start] == "(" or _IN_BRACKETS.search(prose, max(0, start - 40), start):
        return True
    after = _BRACKET_AFTER.match(prose, end, end + 4)
    if after and after.group(1)[:1].lower() == letters[:1].lower():
        return True
    # The expansion right after it, with no bracket: "an SSD solid state storage device".
    if _expanded_after(prose, letters, end, skippable):
        return True
    # The expansion in any case right before it: "multiple sclerosis (MS)", "megawatts (MW)",
    # "the export enhancement program, EEP", "Kraftwerk Union AG <KAWG.F>, KWU".
    if _expanded_before(prose, letters, start, skippable):
        return True
    # The capitalised expansion earlier in the article (or in the sentence or two just after).
    initials = "".join(c for c in letters if c.isalpha())
    if runs.first_spelled_out(initials) < end + 200:
        return True
    # Or in lowercase words shortly before it ("collateralized mortgage obligations in three
    # tranches ... CMOs"): as many words as letters, each giving its initial.
    return len(initials) >= 3 and _spelled_in_lowercase(prose, initials, start)


# How far before its first use a lowercase expansion counts: a sentence or two. (Further back, words
# whose initials happen to spell three letters turn up by chance: "city grid into".)
_LOWERCASE_REACH = 300
_NEVER = float("inf")
# Words that are never one of an expansion's words, and the small words between them that give no
# letter ("Department of the Environment"; all shorter than the three letters a word needs).
_NOT_IN_EXPANSION = frozenset(
    "the and for from into with that this which would will was were has have had its their but not are than then also".split()
)
_NO_LETTER_WORDS = frozenset("of and for the on in to a an".split())
_LOWERCASE_WORD = patterns.compile(r"(?<![\p{L}\p{N}'’-])\p{Ll}+(?![\p{L}\p{N}'’-])")
_SPACE_ONLY = patterns.compile(r"[ \t\r\n]+")


def _spelled_in_lowercase(prose: str, initials: str, before: int) -> bool:
    """Do lowercase words just before `before` spell `initials`, one word a letter, with "of",
    "and", "the" and the like between them giving none? Each word has three letters or more and
    only white space (and those small words) stands between two of them."""
    words = [(m.start(), m.end(), m.group()) for m in _LOWERCASE_WORD.finditer(prose, max(0, before - _LOWERCASE_REACH), before)]
    wanted = initials.lower()

    def spells(word: str, letter: str) -> bool:
        return len(word) >= 3 and word[0] == letter and word not in _NOT_IN_EXPANSION

    def spaced(end: int, start: int) -> bool:
        return _SPACE_ONLY.fullmatch(prose, end, start) is not None

    for first, (_, end, word) in enumerate(words):
        if not spells(word, wanted[0]):
            continue
        at, found = first, 1
        while found < len(wanted):
            nxt = at + 1
            while nxt < len(words) and words[nxt][2] in _NO_LETTER_WORDS and spaced(words[nxt - 1][1], words[nxt][0]):
                nxt += 1
            if nxt >= len(words) or not spaced(words[nxt - 1][1], words[nxt][0]) or not spells(words[nxt][2], wanted[found]):
                break
            at, found = nxt, found + 1
        if found == len(wanted):
            return True
    return False


_IN_BRACKETS = patterns.compile(r"\((?:\p{Lu}[\p{Lu}&]+s?(?:,\s*|\s+(?:and|or|&)\s+))+$")
_BRACKET_AFTER = patterns.compile(r"s?\s\((\p{L})")
_TICKER_IN_WINDOW = patterns.compile(r"<[^<>\r\n]{1,40}>")


def _expanded_before(prose: str, letters: str, start: int, skippable: frozenset[str]) -> bool:
    """Do the words just before `start` (then a bracket, a comma, "or", "known as") spell `letters`
    with their initials? Connectors ("of", "and") and company words ("AG") may be passed over, and
    a compound word may give more than one letter ("megawatts": MW; "Kraftwerk": KW)."""
    head = _BEFORE_ACRONYM.search(prose, max(0, start - 16), start)
    if head is None or not _SEPARATOR.search(head.group()):
        return False  # words right before, with nothing between, are not given as its expansion
    cut = head.start()
    window = prose[max(0, cut - 40 * len(letters) - 40) : cut]
    if "<" in window:
        window = _TICKER_IN_WINDOW.sub(" ", window)
    words = [w.lower() for w in _WORD.findall(window)][-3 * len(letters) - 2 :]
    target = "".join(c for c in letters.lower() if c.isalpha())
    return bool(words and target) and _spells(words, target, _CONNECTOR_SET | skippable)


def _expanded_after(prose: str, letters: str, end: int, skippable: frozenset[str]) -> bool:
    """Do the words right after `end` spell `letters` (an unbracketed expansion that follows)?"""
    target = "".join(c for c in letters.lower() if c.isalpha())
    window = prose[end : end + 30 * len(target) + 20]
    words = [w.lower() for w in _WORD.findall(window)][: 2 * len(target) + 2]
    for size in range(min(len(words), 2 * len(target)), 0, -1):
        if size <= len(words) and words[size - 1] not in skippable and _spells(words[:size], target, skippable):
            return True
    return False


def _spells(words: list[str], target: str, skippable: frozenset[str]) -> bool:
    """Do the last of `words` spell `target`? Each word, from the last back, gives its initial and
    perhaps later letters of its own (a compound), or is passed over when skippable; the first word
    of the expansion must give the first letter."""
    from functools import lru_cache

    @lru_cache(maxsize=None)
    def match(w: int, i: int) -> bool:
        # Can words[..w] spell target[..i], ending with words[w]?
        if i == 0:
            return True
        if w < 0:
            return False
        word = words[w]
        if word in skippable and match(w - 1, i):
            return True
        # words[w] gives target[j..i) for some j < i: its initial is target[j], and the rest in
        # order at the starts of later parts of the compound.
        for j in range(i - 1, -1, -1):
            if word[:1] == target[j] and _compound(word, target[j + 1 : i]) and match(w - 1, j):
                return True
        return False

    return match(len(words) - 1, len(target))


def _compound(word: str, rest: str) -> bool:
    """`rest`'s letters in order inside `word` after its first letter, each at least three letters
    on from the last (the parts of a compound: "megawatts" m-w, "kilobytes" k-b)."""
    pos = 0
    for letter in rest:
        found = word.find(letter, pos + 3)
        if found < 0:
            return False
        pos = found
    return True


_BEFORE_ACRONYM = patterns.compile(r"(?:\s*[(,—–-]\s*|\s+(?:or|known\s+as|called|the)\s+)+$")
_SEPARATOR = patterns.compile(r"[(,—–-]|\bor\b|\bas\b|\bcalled\b")
_WORD = patterns.compile(r"[\p{L}]+(?:['’][\p{L}]+)?")


_RUN = patterns.compile(
    r"(?:(?:\p{Lu}\.){2,}[ \t\r\n]+)?\p{Lu}[\p{L}'’]*(?:" + _CONNECTORS + r"\p{Lu}[\p{L}'’]*)+"
)
_RUN_WORD = patterns.compile(r"(?:\p{Lu}\.){2,}|[\p{L}&][\p{L}'’]*")
# A run's words that may give no letter to an acronym ("Banca Nazionale Del Lavoro": BNL).
_OPTIONAL_LETTERS = "OAFT"


def capitalised_runs(prose: str) -> list[tuple[int, tuple[str, ...]]]:
    """Each run of capitalised words (with of, and, the ... between them, and "U.S." before them):
    its start, and the initials of its words, a connector's in lowercase ("U.S. Department of
    Energy": U S D o E)."""
    runs = []
    for m in _RUN.finditer(prose):
        initials = []
        for w in _RUN_WORD.findall(m.group()):
            if w[-1:] == "." or len(w) == 2 and w.isupper():
                initials.extend(w.replace(".", ""))  # "U.S.", "TV": each letter counts
            elif w.lower() in _CONNECTOR_SET:
                initials.append(w[0].lower())
            else:
                initials.append(w[0])
        runs.append((m.start(), tuple(initials)))
    return runs


class Expansions:
    """Where a string of initials is first spelled out by a run of capitalised words: the start of
    the first run that holds it, in order (connectors' letters optional: "Food and Drug
    Administration", FDA; "Department of Energy", DOE) or as the same letters in another order
    ("U.S. Agriculture Department", USDA; "Energy Department", DOE). Every acronym of an article
    asks, so the answer comes from an index of the runs built once, not from a pass over all runs
    per acronym (quadratic on a long document)."""

    # Initials strings up to this long are indexed; a longer one (no real acronym) is not found.
    INDEXED = 8

    def __init__(self, prose: str) -> None:
        self.first: dict[str, int] = {}
        self.unordered: dict[str, int] = {}
        for run_start, initials in capitalised_runs(prose):
            size = len(initials)
            for i in range(size):
                for j in range(i + 2, min(size, i + self.INDEXED) + 1):
                    part = initials[i:j]
                    if part[0].islower() or part[-1].islower():
                        continue  # a run of words starts and ends with a capitalised one
                    every = "".join(part).upper()
                    capitals = "".join(c for c in part if c.isupper())
                    self.first.setdefault(every, run_start)
                    self.first.setdefault(capitals, run_start)
                    self.unordered.setdefault("".join(sorted(capitals)), run_start)

    def first_spelled_out(self, initials: str) -> float:
        """The start of the first run spelling `initials`; infinity when none does."""
        best = self.first.get(initials, float("inf"))
        keys = {"".join(sorted(initials))}
        if initials.startswith(("US", "UK")) and len(initials) > 3:
            keys.add("".join(sorted(initials[2:])))  # "Agriculture Department": USDA
        for key in list(keys):
            for letter in set(key) & set(_OPTIONAL_LETTERS):
                keys.add(key.replace(letter, "", 1))
        for key in keys:
            if len(key) >= 2:
                best = min(best, self.unordered.get(key, float("inf")))
        return best


class ArticleNames:
    """What one article says about its names, found once: acronyms that are a company's name
    ("NEC Corp", in any case), ticker symbols in angle brackets after a company's name, and the
    index of capitalised runs."""

    def __init__(self, doc: Document, company_words: frozenset[str]) -> None:
        text = doc.text
        self.companies: set[str] = set()
        for m in _CAPITALS_THEN_WORD.finditer(text):
            if m.group(2).lower().rstrip(".") in company_words:
                self.companies.add(m.group(1))
        self.tickers = {s[1:-1].split(".")[0] for s in _TICKER.findall(text)} if "<" in text else set()
        if ":" in text:  # "Crown Equity Holdings Inc. (OTCMKTS: CRWE)": an exchange's code and a symbol
            self.tickers.update(_EXCHANGE_TICKER.findall(text))
        self.expansions = Expansions(doc.prose)


_CAPITALS_THEN_WORD = patterns.compile(r"(?<![\p{L}\p{N}&.'’/-])(\p{Lu}[\p{Lu}&]*\p{Lu})[ \t\r\n]+(?:\([\p{L} .]{2,20}\)[ \t\r\n]+)?(\p{L}+\.?)")
_TICKER = patterns.compile(r"(?<=[\p{Ll}.][ \t\r\n]*)<\p{Lu}[\p{Lu}\p{N}.&]{0,11}>")
_EXCHANGE_TICKER = patterns.compile(r"\((?:\p{Lu}[\p{L}]*[ \t]+)?\p{Lu}{2,}[ \t]*:[ \t]*(\p{Lu}[\p{Lu}\p{N}]{0,7})(?:\.\p{Lu}+)?\)")


RULE = Acronym
