"""namevariant: the same name spelled two ways in one article (Zelensky/Zelenskyy, Mohammed/Muhammad).

    extends: namevariant
    category: name-variant
    minlength: 5
    exceptions: [Briton, Britain]     # pairs of different words that look alike

Not a list of known pairs: every capitalised word of at least `minlength` letters is reduced to a
sound skeleton (lowercased; vowels and y made one letter, c and q made k, z made s; doubled letters
made single), and words
that share a skeleton are candidates. Grouping by the skeleton is one dictionary pass over the
article's distinct capitalised words, so the cost stays linear in the number of words.

A candidate pair is reported only when both are names used as names:
* they begin with the same letter and differ by an edit distance of 1 (2 from eight letters: Ronaldo and Rinaldi
  are two men);
* the capitalised words beside them do not tell two people apart (Michel Gondry, Michael Mann);
* neither is the other plus an ending (Kenya/Kenyan, Somali/Somalia), unless the ending only
  doubles the last letter (Zelensky/Zelenskyy);
* they do not differ only in a final vowel (Mario/Maria: two people), nor, under six letters, in
  one vowel (Cheng/Chang);
* each appears at least once inside a sentence (not only as its first word), and never in lowercase
  (so it is not an ordinary word).
The minority spelling is reported, naming the majority spelling and both counts.
"""
from __future__ import annotations

from collections import defaultdict

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..wordlists import lowercase_words
from .base import Field, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

# Letters that transliterations and misspellings swap: vowels (and y) with each other, c/q with k,
# z with s (Mohammed/Muhammad, Kovalenko/Kovalenco, Gonzales/Gonzalez).
_SOUNDS = str.maketrans("eiouycqz", "aaaaakks")
_DOUBLES = patterns.compile(r"(.)\1+")
_SENTENCE_OPENERS = set(".!?:\"“‘'(")
# Capitalised words beside a name that say nothing about who it is (honorifics, sentence openers).
# An office does: "President Reagan" and "Donald Regan" are two men.
_NOT_NEIGHBOURS = frozenset(
    "The A An In On At But And Or If When As For Of By With From To After Before Under Over Then So Yet "
    "Mr Mrs Ms Miss Dr Sir Mme Mlle Herr Frau Senor Senora".split()
)
_PREVIOUS = patterns.compile(r"(\p{Lu}[\p{L}'’-]*) $")
_NEXT = patterns.compile(r"(?:['’]s)? (\p{Lu}[\p{L}'’-]*)")


class NameVariant(Rule):
    FIELDS = {
        "minlength": Field((int,), 5, doc="shortest name considered"),
        "exceptions": Field((list,), [], doc="names never reported (each a whole word)"),
    }
    DEFAULT_MESSAGE = "'%s' here, but '%s' elsewhere in the article (%s to %s uses): the same name spelled two ways?"

    def compile(self, options: dict) -> None:
        minimum = max(2, int(self.option("minlength")))
        self.words = patterns.compile(r"\b\p{Lu}\p{Ll}{%d,}\b" % (minimum - 1))
        self.skip = frozenset(str(w) for w in self.option("exceptions")) | frozenset(self.ctx.accept)

    def check(self, doc: Document) -> Iterator[Match]:
        prose = doc.prose
        distinct: set[str] = set()
        for start, end in self.segments(doc):
            distinct.update(self.words.findall(prose, start, end))
        if len(distinct) < 2:
            return
        names = sorted(distinct - self.skip)
        # All skeletons at once: one translate and one substitution over the joined names.
        skeletons = _DOUBLES.sub(r"\1", "\n".join(names).lower().translate(_SOUNDS)).split("\n")
        if len(set(skeletons)) == len(skeletons):
            return  # no two names sound alike: nothing to compare (most articles)
        groups: dict[str, list[str]] = defaultdict(list)
        for name, skeleton in zip(names, skeletons):
            groups[skeleton].append(name)
        candidates = [pairs for forms in groups.values() if len(forms) > 1 for pairs in [_pairs(forms)] if pairs]
        if not candidates:
            return
        # One scan of the article for every name involved in any group (not one per group: a
        # long document with many groups would be read again for each). The names came from
        # `self.words`, so its matches are exactly their uses; a set decides which to keep (an
        # alternation of the names would be tried at every position, for every name).
        involved_names = {f for pairs in candidates for pair in pairs for f in pair}
        involved = sorted(involved_names)
        places: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for start, end in self.segments(doc):
            for m in self.words.finditer(prose, start, end):
                if m.group() in involved_names:
                    places[m.group()].append((m.start(), m.end()))
        lowercase = lowercase_words(doc)
        names = {f for f in involved if _used_as_name(prose, f, places[f], lowercase)}
        beside = {f: _neighbours(prose, places[f]) for f in names}
        reported: set[str] = set()
        for pairs in candidates:
            for a, b in pairs:
                if a not in names or b not in names or _different_people(beside[a], beside[b]):
                    continue
                first, second = places[a], places[b]
                if len(first) != len(second):
                    minority, usual = (a, b) if len(first) < len(second) else (b, a)
                else:
                    minority, usual = (b, a) if first[0][0] < second[0][0] else (a, b)
                if minority in reported:
                    continue
                reported.add(minority)
                message_args = (minority, usual, len(places[minority]), len(places[usual]))
                for start, end in places[minority]:
                    yield Match(start, end, self.format_message(*message_args), (usual,))


def _pairs(forms: list[str]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(forms) for b in forms[i + 1 :] if _variants(a, b)]


def _variants(a: str, b: str) -> bool:
    if a[0] != b[0]:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_.startswith(short):
        # Kenya/Kenyan is a different word; Zelensky/Zelenskyy only doubles the last letter.
        return set(long_[len(short) :]) == {short[-1]}
    if len(a) == len(b) and a[:-1] == b[:-1] and a[-1] in "aeiou" and b[-1] in "aeiou":
        return False  # Mario/Maria, Carlo/Carla: two people
    if len(a) == len(b) < 6 and sum(x != y for x, y in zip(a, b)) == 1 and _vowel_swap(a, b):
        return False  # Cheng/Chang, Lines/Lanes: too short to tell a misspelling from another name
    if a[:-3] == b[:-3] and {a[-3:], b[-3:]} == {"man", "men"}:
        return False  # Congressman/Congressmen: singular and plural
    # One letter apart for short names (Bryan/Brian is already two people often enough), two for long.
    return _distance_at_most(a.lower(), b.lower(), 1 if min(len(a), len(b)) < 8 else 2)


def _vowel_swap(a: str, b: str) -> bool:
    return all(x == y or (x in "aeiouy" and y in "aeiouy") for x, y in zip(a.lower(), b.lower()))


def _distance_at_most(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance <= limit (the strings are short: a plain dynamic programme)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _neighbours(prose: str, places: list[tuple[int, int]]) -> tuple[set[str], set[str]]:
    """The capitalised words right before and right after a name's uses (given names, surnames)."""
    before: set[str] = set()
    after: set[str] = set()
    for start, end in places:
        m = _PREVIOUS.search(prose, max(0, start - 30), start)
        if m and m.group(1) not in _NOT_NEIGHBOURS:
            before.add(m.group(1))
        m = _NEXT.match(prose, end, end + 30)
        if m and m.group(1) not in _NOT_NEIGHBOURS:
            after.add(m.group(1))
    return before, after


def _different_people(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    """Michel Gondry and Michael Mann, Warren Beatty and American Beauty: the words beside the two
    spellings never agree, so they name different people or things."""
    if any(x and y and x.isdisjoint(y) for x, y in zip(a, b)):
        return True
    # One is only ever a given name (Michel Gondry), the other only a surname (Roger Michell).
    return bool(a[1] and not a[0] and b[0] and not b[1] or b[1] and not b[0] and a[0] and not a[1])


def _used_as_name(prose: str, form: str, places: list[tuple[int, int]], lowercase: set[str]) -> bool:
    """Inside a sentence at least once, and never written in lowercase in the article."""
    if form.lower() in lowercase:
        return False
    for start, _end in places:
        before = prose[max(0, start - 3) : start].rstrip(" \t")
        if before and before[-1] not in _SENTENCE_OPENERS and before[-1] not in "\r\n":
            return True
    return False


RULE = NameVariant
