"""The clause around a pronoun, for House.PronounAgreement: who the subject is, and the frame that
joins it to the pronoun. Pure functions over one sentence's tokens; the word classes they read come
from `Lexicon` (built once, at rule-compile time, from rules/data/pronoun.yml and the gazetteers).

A sentence is cut into tokens and each token gets one tag (see `tag`). The subject is a noun phrase
that opens its clause and stands for a place or a body (`find_subject`); the stretch of tags between
the end of its verb group and the pronoun must then match one of the frames in `FRAMES`:

    after-verb          Brazil lowered | her forecast              (an adverb or particle may sit between)
    after-preposition   Greece defaulted on | her loans            (also "struggled with perfecting his")
    after-infinitive    Egypt is to resubmit | her application     ("is looking to develop", "plans to cut")
    coordinated         Chile joined the talks and reaffirmed | his commitment  ("agreed to stop X and to raise")
    reflexive           Portugal found | himself isolated          (anywhere in the clause)

No frame lets a person stand between the subject and the pronoun: a person word (he, Mr, a given
name, "the striker"), an unknown capitalised name, a clause break (comma, "who", "that") or another
subject ends the frame, so "Portugal praised the striker for his goal" never matches.
"""
from __future__ import annotations


from .. import patterns

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

# A word (inner apostrophes, hyphens, periods and ampersands kept: "U.S", "AT&T", "Canada's") or
# one punctuation mark.
TOKEN = patterns.compile(r"[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]")

# Frames over the tags between the end of the subject's verb group and the pronoun.
_TAIL = r"(?:r{0,2}|r{0,2}p{1,2}(?:r?g)?|(?:r{0,2}t[ar]*[vng]r{0,2})+(?:p(?:r?g)?)?)"
FRAMES = {
    "after-verb": patterns.compile(r"r{0,2}\Z"),
    "after-preposition": patterns.compile(r"r{0,2}p{1,2}(?:r?g)?\Z"),
    "after-infinitive": patterns.compile(r"(?:r{0,2}t[ar]*[vng]r{0,2})+(?:p(?:r?g)?)?\Z"),
    "coordinated": patterns.compile(r"(?:tA|[rpdtngvBa]){0,12}c[ar]*t?[vng]" + _TAIL + r"\Z"),
}
# A reflexive binds to the subject of its own clause wherever it stands in it.
REFLEXIVE_PATH = patterns.compile(r"[rpdtngvBac]{0,16}\Z")

_ING = patterns.compile(r"\p{Ll}[\p{Ll}-]*ing")
_LY = patterns.compile(r"\p{Ll}{3,}ly")
_CAPITALISED = patterns.compile(r"\p{Lu}[\p{L}\p{N}.'’&-]*")


# Legal forms of a company's name: "Lowe's Cos" is a name, "Sanchez's Administration" a possessive.
_LEGAL_FORMS = frozenset(("Inc", "Corp", "Corporation", "Co", "Cos", "Ltd", "Limited", "plc", "PLC", "LLC", "LP", "AG", "SA", "SpA", "NV", "SE", "GmbH", "Group", "Holdings"))


class Token:
    __slots__ = ("start", "end", "text", "lower", "tag")

    def __init__(self, start: int, end: int, text: str, lower: str, tag: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower
        self.tag = tag

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"{self.text}/{self.tag}"


class Lexicon:
    """The closed word classes and gazetteers the clause analysis reads. Plain sets and dicts, so
    the compiled rule pickles with them."""

    def __init__(self, frames: Any, places: dict[str, str], bodies: dict[str, str], heads: frozenset,
                 demonyms: frozenset, person_nouns: frozenset, given_names: frozenset, suffixes: frozenset) -> None:
        get = lambda key: frozenset(str(w) for w in (frames.get(key) or ()))  # noqa: E731
        self.auxiliaries = get("auxiliaries")
        self.plural_auxiliaries = get("plural_auxiliaries")
        self.adverbs = get("adverbs")
        self.particles = get("particles")
        self.prepositions = get("prepositions")
        self.determiners = get("determiners")
        self.clause_words = get("clause_words")
        self.openers = get("clause_openers")
        self.reporting_verbs = get("reporting_verbs")
        self.person_words = get("person_words")
        self.titles = get("person_titles")
        self.time_words = get("time_words")
        self.other_pronouns = get("other_pronouns")
        self.not_given_names = get("not_given_names")
        self.modifiers = get("modifiers")
        self.led_by_person = get("led_by_person")
        self.places = places  # name -> kind ("country", "city or state")
        self.bodies = bodies  # name -> kind ("company", "institution")
        self.heads = heads
        self.demonyms = demonyms
        self.person_nouns = person_nouns
        self.given_names = given_names
        self.suffixes = suffixes
        # One look-up for the lowercase word classes, the first class listed winning.
        closed: dict[str, str] = {}
        for words, mark in ((self.person_words, "h"), (("to",), "t"), (("and",), "c"), (self.clause_words, "x"),
                            (self.other_pronouns, "o"), (self.plural_auxiliaries, "A"), (self.auxiliaries, "a"),
                            (self.determiners, "d"), (self.prepositions, "p"), (self.adverbs, "r"), (self.particles, "r"),
                            (self.person_nouns, "h"), (self.reporting_verbs, "v")):
            for word in words:
                closed.setdefault(word, mark)
        self.closed = closed
        # The longest gazetteer name, in tokens; and the first word of each name of several words,
        # with the most words such a name has ("New" -> 3: "New York City").
        longest = 1
        name_starts: dict[str, int] = {}
        for name in list(places) + list(bodies):
            words = TOKEN.findall(name)
            longest = max(longest, len(words))
            if len(words) > 1:
                name_starts[words[0]] = max(name_starts.get(words[0], 0), len(words))
        self.longest_name = longest
        self.name_starts = name_starts


def tokens(prose: str, start: int, end: int) -> list[Token]:
    out = []
    for m in TOKEN.finditer(prose, start, end):
        text = m.group()
        if text == ".":
            continue  # after an abbreviation ("U.S.", "Inc."): a sentence never ends mid-clause
        out.append(Token(m.start(), m.end(), text, text.lower(), ""))
    return out


def tag(toks: list[Token], lex: Lexicon) -> None:
    """Give each token its tag:

    r adverb or particle   p preposition     t "to"       c "and"      a auxiliary   A plural auxiliary
    g -ing word            d determiner, figure or time word              v reporting or other verb
    h person word          N capitalised name not known as a place or body   B a known place or body
    n other lowercase word o another pronoun ("it", "they", "its")         x clause break
    """
    closed = lex.closed
    for i, tok in enumerate(toks):
        text = tok.text
        first = text[:1]
        if not first.isalnum():
            tok.tag = "x"
            continue
        if first.isdigit():
            tok.tag = "d"
            continue
        low = tok.lower
        if first.isupper():
            if i == 0 and low in lex.person_nouns:
                tok.tag = "h"  # "Workers said ...", "Analysts expect ..."
                continue
            bare = text[:-2] if text.endswith(("'s", "’s")) else text
            if bare in lex.places or bare in lex.bodies:
                tok.tag = "B"
                continue
            found = closed.get(low)
            if found is not None and (found != "r" or i == 0) and found != "v" and found != "h" or low in lex.person_words:
                tok.tag = "h" if low in lex.person_words else found
            elif text in lex.titles or text in lex.given_names:
                tok.tag = "h"
            elif text in lex.time_words:
                tok.tag = "d"
            elif bare in lex.demonyms:
                tok.tag = "B"
            else:
                tok.tag = "N"
            continue
        found = closed.get(low)
        if low == "longer" and i > 0 and toks[i - 1].lower == "no":
            toks[i - 1].tag = tok.tag = "r"  # "was no longer dumping": an adverb, not "no" + noun
        elif found is not None:
            tok.tag = found
        elif _LY.fullmatch(low):
            tok.tag = "r"
        elif _ING.fullmatch(low):
            tok.tag = "g"
        else:
            tok.tag = "n"
    # A place's or body's name of several words ("New York", "Hong Kong") is a place, not an
    # unknown name that may be a person's.
    name_starts = lex.name_starts
    if name_starts:
        n = len(toks)
        i = 0
        while i < n:
            most = name_starts.get(toks[i].text) if toks[i].tag == "N" else None
            if most is None:
                i += 1
                continue
            for length in range(min(most, n - i), 1, -1):
                words = toks[i : i + length]
                if all(t.text[:1].isupper() for t in words):
                    name = " ".join(t.text for t in words)
                    if name in lex.places or name in lex.bodies:
                        for t in words:
                            t.tag = "B"
                        i += length - 1
                        break
            i += 1


class Subject:
    __slots__ = ("start", "end", "first", "last", "kind", "name")

    def __init__(self, first: int, last: int, start: int, end: int, kind: str, name: str) -> None:
        self.first = first  # token indexes, inclusive
        self.last = last
        self.start = start  # offsets into the prose
        self.end = end
        self.kind = kind
        self.name = name


def subject_at(toks: list[Token], i: int, limit: int, lex: Lexicon, bodies_here: dict[str, str], persons_here: frozenset) -> Subject | None:
    """The place or body noun phrase that starts at token `i` and ends before `limit`, if any.

    * a gazetteer name, with or without "the" ("Canada", "the Netherlands", "the Kremlin");
    * an organisation's noun phrase: a determiner, up to three modifiers and a head noun ("the
      retailer", "the Swiss central bank", "The Bank of Japan");
    * a capitalised name the article shows to be a body ("Acme said it ...", "Acme's shares", "Acme
      Inc"), or one that ends in a corporate word ("Vantage Holdings").
    The phrase must end the noun phrase: "Canada's prime minister" and "Canada Post" are not "Canada".
    """
    j = i
    has_the = toks[j].lower == "the"
    if has_the:
        j += 1
    if j >= limit:
        return None
    tok = toks[j]
    # Gazetteer and article-evidence names, longest first.
    if tok.text[:1].isupper():
        for length in range(min(lex.longest_name + 1, limit - j), 0, -1):
            words = toks[j : j + length]
            name = " ".join(t.text for t in words)
            kind = lex.places.get(name) or lex.bodies.get(name)
            if kind is None and all(t.text[:1].isupper() or t.text == "&" for t in words):
                kind = bodies_here.get(name)
            if kind is None:
                continue
            if name in persons_here:
                return None
            end = j + length
            if end < limit and _continues_name(toks[end], lex):
                break  # "Canada Post", "Telex Corp": a longer name, tried below
            return Subject(i, end - 1, toks[i].start, toks[end - 1].end, kind, _join(toks[i:end]))
        # A capitalised run ending in a corporate word ("Vantage Holdings", "Kelso United",
        # "Albertson's Inc").
        k = j
        while k < limit and k - j < 6 and (toks[k].text[:1].isupper() or toks[k].text == "&") and not (
                toks[k].text.endswith(("'s", "’s")) and not (k + 1 < limit and toks[k + 1].text[:1].isupper())):
            k += 1
        possessive_inside = any(t.text.endswith(("'s", "’s")) for t in toks[j:k])
        if k - j >= 2 and toks[k - 1].text.rstrip(".") in lex.suffixes and not (k < limit and _continues_name(toks[k], lex)) \
                and not (possessive_inside and toks[k - 1].text.rstrip(".") not in _LEGAL_FORMS):
            if True:  # a corporate word outweighs a given name inside ("John Labatt Ltd")
                return Subject(i, k - 1, toks[i].start, toks[k - 1].end, "company", _join(toks[i:k]))
        # "the FDA", "The MPAA": an acronym after "the" names a body.
        if has_the and tok.text.isupper() and tok.text.isalpha() and 2 <= len(tok.text) <= 6 and not (j + 1 < limit and _continues_name(toks[j + 1], lex)):
            if tok.text not in persons_here:
                return Subject(i, j, toks[i].start, tok.end, "institution", _join(toks[i : j + 1]))
    # Determiner + modifiers + head noun (+ "of" and a capitalised name).
    start = i
    if not has_the and toks[i].lower not in ("this", "that"):
        return None
    k = j
    modifiers = 0
    while k < limit and modifiers <= 3:
        t = toks[k]
        low = t.lower
        bare = t.text.rstrip(".")
        if low in lex.heads and not (k + 1 < limit and (toks[k + 1].lower in lex.heads or toks[k + 1].lower in lex.person_nouns or toks[k + 1].tag == "h")):
            end = k + 1
            # "of Japan", "of the Philippines", "of England and Wales"
            if end + 1 < limit and toks[end].lower == "of":
                m = end + 1
                if m < limit and toks[m].lower == "the":
                    m += 1
                n = m
                while n < limit and n - m < 4 and (toks[n].text[:1].isupper() or (toks[n].lower == "and" and n + 1 < limit and toks[n + 1].text[:1].isupper())):
                    n += 1
                if n > m:
                    if any(toks[x].tag == "h" or toks[x].text in lex.titles for x in range(m, n)):
                        return None  # "the Office of the President" speaks for a person
                    end = n
            if end < limit and (_continues_name(toks[end], lex) or toks[end].text.endswith(("'s", "’s"))):
                return None
            if toks[end - 1].text.endswith(("'s", "’s")):
                return None
            phrase = toks[start:end]
            if _led_by_person(phrase, lex, persons_here):
                return None
            return Subject(start, end - 1, toks[start].start, toks[end - 1].end, "organisation", _join(phrase))
        if t.tag == "c" and k > j and toks[k - 1].text[:1].isupper() and k + 1 < limit and toks[k + 1].text[:1].isupper():
            k += 1  # "the Food and Drug Administration"
            continue
        if t.tag in ("h", "x", "a", "A", "c", "t", "o") or low in lex.prepositions or low in lex.determiners:
            if not (t.tag == "h" and t.text[:1].isupper() and t.text not in persons_here and t.text not in lex.given_names):
                return None
        if t.text[:1].isupper() and (t.text in persons_here or t.text in lex.given_names):
            return None
        modifiers += 1
        k += 1
        _ = bare
    return None


def _continues_name(tok: Token, lex: Lexicon) -> bool:
    """A word after a name that makes it part of a longer name or a modifier ("Canada Post",
    "Canada's", "Brazil-based")."""
    text = tok.text
    if text.endswith(("'s", "’s")) or text[:1] in "-–'’":
        return True
    return text[:1].isupper() and text not in lex.time_words and tok.lower not in lex.openers


def _led_by_person(phrase: list[Token], lex: Lexicon, persons_here: frozenset) -> bool:
    """"the Trump administration", "the Blair government": a capitalised modifier that is no place,
    body or demonym, before a head that speaks for a leader."""
    head = phrase[-1].lower
    if head not in lex.led_by_person:
        return False
    for t in phrase[1:-1]:
        if t.text[:1].isupper() and t.text not in lex.demonyms and t.text not in lex.places and t.text not in lex.bodies \
                and t.lower not in lex.not_given_names:
            return True
    return False


def _join(toks: list[Token]) -> str:
    return " ".join(t.text for t in toks)


def verb_group(toks: list[Token], i: int, limit: int, lex: Lexicon) -> tuple[int, bool] | None:
    """After a subject ending before token `i`: the index of the main verb and whether the group is
    plural ("have", "are"). Auxiliaries and adverbs may come first ("had been understating", "has
    once again expressed"). A bare auxiliary followed by "to" ("is to resubmit") or by the pronoun
    ("has his") is the verb itself."""
    plural = False
    k = i
    while k < limit:
        t = toks[k]
        if t.tag == "A":
            plural = True
        elif t.tag == "a" or t.tag == "r" or t.tag == "d" and t.text in lex.time_words:
            pass
        elif t.tag == "p" and t.lower == "on" and k + 1 < limit and toks[k + 1].text in lex.time_words:
            k += 1  # "on Thursday"
        elif t.tag in ("n", "g", "v"):
            return k, plural
        elif t.tag == "t" and k > i and toks[k - 1].tag in ("a", "A"):
            return k - 1, plural
        else:
            return None
        k += 1
    if k > i and toks[k - 1].tag in ("a", "A"):
        return k - 1, plural
    return None


def frame_of(path: str) -> str | None:
    for name, pattern in FRAMES.items():
        if pattern.match(path):
            return name
    return None
