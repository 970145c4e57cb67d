"""namevariant: the same name spelled two ways in one article (Merkel/Merkell, Khodorkovsky/Khordokovsky).

    extends: namevariant
    category: name-variant
    minlength: 4                     # shortest name considered
    substitution: 7                  # shortest name in which a changed letter counts
    frequencies: frequencies/en.yml  # a spelling found here is a known word or name
    gazetteers: [gazetteer/cities.yml]   # more known names (their `names`)
    rare: 2.5                        # a known spelling this rare (Zipf) ...
    rarer: 2.0                       # ... and this much rarer than the other may be a misspelling
    common: 3.5                      # a known spelling this common, used less, is another word
    exceptions: [Briton, Britain]    # never reported

Not a list of known pairs: every capitalised word the article uses (people, places, companies
alike) is compared with the others, and a pair is weighed on evidence.

**Which pairs.** Two names are candidates when one is the other with a letter doubled or dropped,
two neighbouring letters swapped, or (from `substitution` letters) a letter changed; names of
eight letters or more may differ by two edits if they have the same letters (a letter moved:
Khodorkovsky/Khordokovsky). Distance is optimal string alignment (Damerau-Levenshtein with
adjacent transpositions). Found without comparing every pair: both names begin with the same
letter, and a single edit leaves either the first three letters alone or everything but the first
four, so only names in a run of the sorted names sharing their first three letters, or their first
and last letters, are compared (runs found by one regex search). Transliterations that sound alike
(Mohammed/Muhammad) are found by a sound skeleton (vowels made one letter, c/q made k, z made s,
doubles made single).

**Different names, not variants.** A pair is left alone when either spelling is also written in
lowercase in the article (an ordinary word), when both are only ever a sentence's first word, when
one is the other plus a plural "s" or, rarer, plus an ending (Finneys, Italiana beside Italian),
when they differ only in a final vowel (Mario/Maria), when the capitalised words or initials
beside them never agree (Michel Gondry, Michael Mann; and always for a changed letter: Ruhollah
Khomenei, Ali Khamenei), or on table rows and one-word lines. A pair of two known spellings
(Jon/John, Hoffman/Hoffmann, Kenya/Kenyan) is two names unless one is rare (`rare`) and far
rarer (`rarer`) than the other (Toyko beside Tokyo) and the common one is not only ever part of
longer names while the rare one stands alone (Standard Life, Liffe), or unless they share a
neighbour that shows one person (Mohammed Ali, Muhammad Ali).

**Which spelling is right.** Outside evidence first: a spelling found in the frequency list or a
gazetteer beside one found in neither (or far rarer) is likely right (Merkel, not Merkell), and
the message says so. Then the article's counts: the spelling used more often. When the two
disagree (the unknown spelling is the more used), the less used one is reported and the finding
asks "which is right?", unless the known one is a common word (American beside Americom: another
word); on a tie with no evidence, both spellings are reported, asking "which is right?". Only an
agreed spelling is suggested, and never applied unasked.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import repeat
from operator import add, itemgetter, ne

import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..wordlists import lowercase_words
from .base import Field, Rule
from .proselines import is_lone_word, is_table_row

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator


# Letters that transliterations swap: vowels (and y) with each other, c/q with k, z with s
# (Mohammed/Muhammad, Kovalenko/Kovalenco, Gonzales/Gonzalez).
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
# A run of lines that begin with the same three characters, in a sorted list of names.
_SHARED_START = patterns.compile(r"^([^\n]{3})[^\n]*(?:\n\1[^\n]*)+", regex.MULTILINE)
_GAZETTEER_WORD = patterns.compile(r"\b\p{Lu}\p{Ll}{3,}\b")
# A capitalised word at least this common (Zipf) says nothing about who a name is ("Later", "Today").
_ORDINARY = 5.0
# Long names (this many letters or more) may differ by two edits.
_LONG = 8


class NameVariant(Rule):
    FIELDS = {
        "minlength": Field((int,), 4, doc="shortest name considered"),
        "substitution": Field((int,), 7, doc="shortest name in which one changed letter makes a variant"),
        "exceptions": Field((list,), [], doc="names never reported (each a whole word)"),
        "frequencies": Field((str,), "frequencies/en.yml", doc="word frequencies: a spelling found there is known"),
        "gazetteers": Field((list,), [], doc="data files whose `names` are known spellings"),
        "rare": Field((float, int), 2.5, doc="Zipf value at or below which a known spelling may be a misspelling"),
        "rarer": Field((float, int), 2.0, doc="how much rarer (in Zipf) that spelling must be than the other"),
        "common": Field((float, int), 3.5, doc="Zipf value from which a known spelling the article uses less is another word"),
    }
    DEFAULT_MESSAGE = "'%s' here, but '%s' elsewhere in the article (%s): the same name spelled two ways?%s"

    def compile(self, options: dict) -> None:
        self.minimum = max(2, int(self.option("minlength")))
        self.substitution = max(self.minimum, int(self.option("substitution")))
        self.words = patterns.compile(r"\b\p{Lu}\p{Ll}{%d,}\b" % (self.minimum - 1))
        self.skip = frozenset(str(w) for w in self.option("exceptions")) | frozenset(self.ctx.accept)
        self.rare = float(self.option("rare"))
        self.rarer = float(self.option("rarer"))
        self.common = float(self.option("common"))
        from ..frequencies import shared

        self.frequencies = shared(self.ctx.shared, str(self.option("frequencies")), self.path)
        known: set[str] = set()
        from ..wordlists import load_data

        for name in self.option("gazetteers"):
            data = dict(load_data(str(name), self.path))
            for entry in data.get("names") or ():
                known.update(w.lower() for w in _GAZETTEER_WORD.findall(str(entry)))
        self.gazetteer = frozenset(known)

    def check(self, doc: Document) -> Iterator[Match]:
        prose = doc.prose
        distinct: set[str] = set()
        for start, end in self.segments(doc):
            distinct.update(self.words.findall(prose, start, end))
        if len(distinct) < 2:
            return
        names = sorted(distinct - self.skip)
        lowered = "\n".join(names).lower().split("\n")
        pairs = self._sound_pairs(names, lowered)
        pairs.update(self._edit_pairs(names, lowered))
        if not pairs:
            return  # no two names alike: nothing to weigh (most articles)
        seen: dict[str, float] = {}  # Zipf values looked up for this article
        # Two known words need no article to tell them apart (India/Indian, Olympic/Olympics).
        pairs = {pair: d for pair, d in pairs.items() if not self._two_known_words(*pair, seen)}
        if not pairs:
            return
        # One scan of the article for every name in a pair: their uses, on prose lines only.
        involved = {f for pair in pairs for f in pair}
        places: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for start, end in self.segments(doc):
            for m in self.words.finditer(prose, start, end):
                if m.group() in involved:
                    places[m.group()].append((m.start(), m.end()))
        lowercase = lowercase_words(doc)
        reported: set[str] = set()
        findings: list[Match] = []
        # Closest pairs first (Malayasia is Malaysia misspelt before it is Malaysian), then the
        # pairs with the better-known, more used spelling (Portuguse: Portuguese before Portugues).
        def order(pair: tuple[str, str]) -> tuple:
            best = max((self._zipf(f, seen), len(places[f])) for f in pair)
            return (pairs[pair], -best[0], -best[1], min(places[pair[0]] + places[pair[1]], default=(0, 0)), pair)

        prose_only: set[str] = set()
        for a, b in sorted(pairs, key=order):
            if a in reported or b in reported:
                continue
            for form in (a, b):
                if form not in prose_only:  # uses on table rows and one-word lines do not count
                    prose_only.add(form)
                    places[form] = [(s, e) for s, e in places[form] if not is_table_row(doc.text, s) and not is_lone_word(doc.text, s, e)]
            if not places[a] or not places[b]:
                continue
            if a.lower() in lowercase or b.lower() in lowercase:
                continue  # an ordinary word here
            verdict = self._weigh(prose, a, b, places, lowercase, seen)
            if verdict is None:
                continue
            wrong, usual, note, suggest = verdict
            # A tie with no evidence is reported at both spellings; otherwise at the one to check.
            for form, other in ((wrong, usual),) if wrong else ((a, b), (b, a)):
                reported.add(form)
                message = self.format_message(form, other, _counts(len(places[form]), len(places[other])), note)
                for start, end in places[form]:
                    findings.append(Match(start, end, message, (other,) if suggest else ()))
        findings.sort(key=lambda m: m.start)
        yield from findings

    # -- candidates -------------------------------------------------------------------------------

    def _edit_pairs(self, names: list[str], lowered: list[str]) -> dict[tuple[str, str], int]:
        """Pairs one or two edits apart (two only for long names), with their distance.

        Both names begin with the same letter, and one edit leaves either the first three letters
        alone (an edit from the fourth letter on) or the last letter (an edit before it; names have
        five letters or more). So only names that share their first three letters, or their first
        and last letters, are compared: in a sorted list those are runs of neighbouring lines,
        which one regex search finds."""
        original = dict(zip(lowered, names))
        pairs: dict[tuple[str, str], int] = {}
        # The names, then (after a blank line) each name behind its first and last letters and a
        # tab: one search finds the runs of both kinds, three characters alike at a line's start.
        ends = map(add, map(add, map(itemgetter(0), lowered), map(itemgetter(-1), lowered)), repeat("\t"))
        joined = "\n".join(lowered) + "\n\n" + "\n".join(sorted(map(add, ends, lowered)))
        backward_from = len(joined) - len(joined.partition("\n\n")[2])
        for run in _SHARED_START.finditer(joined):
            members = run.group().split("\n")
            flip = run.start() >= backward_from
            if flip:
                members = [m[3:] for m in members]
            for x, a in enumerate(members):
                for b in members[x + 1 :]:
                    if flip:
                        # An edit near the start: the first three letters differ (others were
                        # compared in the forward runs) and all but the first four match.
                        tail = min(len(a), len(b)) - 4
                        if a[:3] == b[:3] or tail > 0 and a[-tail:] != b[-tail:]:
                            continue
                    found = self._edit_distance(a, b)
                    if found:
                        pair = (original[a], original[b]) if original[a] < original[b] else (original[b], original[a])
                        pairs[pair] = found
        return pairs

    def _edit_distance(self, a: str, b: str) -> int:
        """1 or 2 when a and b are variants by the edits this rule counts, else 0."""
        size, other = len(a), len(b)
        shortest = min(size, other)
        limit = 2 if shortest >= _LONG else 1
        if abs(size - other) > limit:
            return 0
        if size == other:
            # Same length: count the letters that differ (in C) before any table is built.
            differ = sum(map(ne, a, b))
            if differ == 1:
                return 0 if shortest < self.substitution or _final_vowels(a, b) else 1
            if differ > 2 * limit:
                return 0
        same_letters = size == other and sorted(a) == sorted(b)
        if size == other and shortest < self.substitution and not same_letters:
            return 0  # one changed letter in a short name: too often another name
        distance = _osa(a, b, limit)
        if distance == 0 or distance > limit:
            return 0
        if distance == 2 and not (same_letters or sorted(a) == sorted(b)):
            return 0  # two edits that are not letters moved (Vancocin/Vancomycin): other words
        if distance == 1 and size == other and shortest < self.substitution and not _transposed(a, b):
            return 0
        if _final_vowels(a, b):
            return 0  # Mario/Maria, Carlo/Carla: two people
        return distance

    def _sound_pairs(self, names: list[str], lowered: list[str]) -> dict[tuple[str, str], int]:
        """Transliterations: the same sound skeleton, the same first letter, close in spelling."""
        skeletons = _DOUBLES.sub(r"\1", "\n".join(lowered).translate(_SOUNDS)).split("\n")
        if len(set(skeletons)) == len(skeletons):
            return {}
        groups: dict[str, list[int]] = defaultdict(list)
        for i, skeleton in enumerate(skeletons):
            groups[skeleton].append(i)
        pairs: dict[tuple[str, str], int] = {}
        for members in groups.values():
            for x, i in enumerate(members):
                for j in members[x + 1 :]:
                    if _sound_variants(names[i], names[j]):
                        pairs[(names[i], names[j])] = _osa(lowered[i], lowered[j], 2)
        return pairs

    # -- evidence ---------------------------------------------------------------------------------

    def _zipf(self, name: str, seen: dict[str, float]) -> float:
        found = seen.get(name)
        if found is None:
            found = seen[name] = self._lookup(name)
        return found

    def _two_known_words(self, a: str, b: str, seen: dict[str, float]) -> bool:
        """Both spellings known, neither rare beside the other, one the other plus an ending: two
        words (India/Indian, Steve/Steven), whatever the article says."""
        if not _is_ending(a, b):
            return False
        za, zb = self._zipf(a, seen), self._zipf(b, seen)
        return bool(za and zb) and not (min(za, zb) <= self.rare and abs(za - zb) >= self.rarer)

    def _lookup(self, name: str) -> float:
        found = self.frequencies.zipf(name)
        if not found and name.lower() in self.gazetteer:
            return 3.0  # a gazetteer name missing from the word list: known, of middling frequency
        return found

    def _neighbours(self, prose: str, places: list[tuple[int, int]], lowercase: set[str]) -> tuple[set[str], set[str]]:
        """The capitalised words right before and right after a name's uses (given names,
        surnames), leaving out those that say nothing about who it is: honorifics, and ordinary
        words capitalised at a sentence's start ("Later", "Today"): words the article also writes
        in lowercase, or very common ones."""
        before, after = _neighbours(prose, places)
        # An initial ("J Smit") is kept: it tells people apart as a given name does.
        keep = lambda w: len(w) == 1 or w.lower() not in lowercase and self.frequencies.zipf(w) < _ORDINARY  # noqa: E731
        return {w for w in before if keep(w)}, {w for w in after if keep(w)}

    def _weigh(
        self, prose: str, a: str, b: str, places: dict[str, list[tuple[int, int]]], lowercase: set[str], seen: dict[str, float]
    ) -> tuple[str, str, str, bool] | None:
        """(the spelling to report, the other spelling, a note, whether to suggest the other), or
        ("", "", note, False) for a tie with no evidence (both spellings are reported)."""
        za, zb = self._zipf(a, seen), self._zipf(b, seen)
        ca, cb = len(places[a]), len(places[b])
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        ending = _is_ending(a, b)
        language = ""  # the spelling outside evidence favours
        if ending:
            # One is the other plus an ending. A plural ("the Finneys", Britains) or a longer name
            # that is the rarer (Italiana beside Italian, Nighty beside Night) is another word; a
            # shorter one that is rarer or unknown may have lost its last letter (Londo, London).
            if long_.lower().endswith("s") and len(long_) == len(short) + 1:
                return None
            z_short, z_long = (za, zb) if short == a else (zb, za)
            if not z_long or z_short >= z_long:
                return None
        if not za and not zb and _substituted(a, b) and _skeleton(a) != _skeleton(b):
            return None  # Babobovich/Babodovich: another consonant and nothing known: two names
        beside = (self._neighbours(prose, places[a], lowercase), self._neighbours(prose, places[b], lowercase))
        if za and zb:
            if min(za, zb) <= self.rare and abs(za - zb) >= self.rarer:
                # Toyko beside Tokyo: a misspelling the word list has seen, unless the words
                # beside them show two names (Annette Bening, Being Julia), or the common
                # spelling only ever stands in longer names while the rare one stands alone: two
                # names (Standard Life and the exchange Liffe; the Chocolate Factory and Chocolat).
                language, rare = (a, b) if za > zb else (b, a)
                if _different_people(*beside):
                    return None
                if _in_longer_names(prose, places[language]) == len(places[language]) and not _in_longer_names(prose, places[rare]):
                    return None
            elif ending or not _shared(*beside):
                return None  # two known words (Jon/John, Kenya/Kenyan), nothing shows one person
        elif za or zb:
            language = a if za else b
        if (not language or _substituted(a, b)) and _different_people(*beside):
            return None  # the words beside them differ (Ruhollah Khomenei, Ali Khamenei)
        count = a if ca > cb else b if cb > ca else ""
        usual = language or count
        if language and count and language != count:
            usual = ""  # the word list and the article disagree
        if not (_used_inside_sentence(prose, places[a]) or _used_inside_sentence(prose, places[b])):
            return None  # both only ever a sentence's first word: capitalised ordinary words
        if usual:
            wrong = b if usual == a else a
            note = f" '{usual}' is the known spelling." if language else ""
            return wrong, usual, note, True
        if language:
            # The word list and the article disagree. A common word the article uses less is
            # another word (American beside the company Americom); a rarer known name is reported
            # where it is used, as the spelling to check.
            if self._zipf(language, seen) >= self.common:
                return None
            return language, count, f" '{language}' is the known spelling, '{count}' the more used here: which is right?", False
        return "", "", " Which is right?", False


def _is_ending(a: str, b: str) -> bool:
    """Is one spelling the other plus an ending (Kenya/Kenyan)? Not when the "ending" only doubles
    the last letter (Brazil/Brazill, Zelensky/Zelenskyy): that is a slip or a transliteration."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_.lower().startswith(short.lower()) and not _doubled_last(short, long_)


def _skeleton(name: str) -> str:
    return _DOUBLES.sub(r"\1", name.lower().translate(_SOUNDS))


def _counts(this: int, other: int) -> str:
    if this == other:
        return "one use each" if this == 1 else f"{this} uses each"
    return f"{this} to {other} uses"


def _osa(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), or
    limit + 1 as soon as it must exceed `limit`."""
    if a == b:
        return 0
    # Strip the common prefix and suffix: the table is then only as large as the edited middle.
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    a, b = a[start:end_a], b[start:end_b]
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if not a or not b:
        return max(len(a), len(b))
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def _transposed(a: str, b: str) -> bool:
    """Same letters, two neighbours swapped (a and b of one length, one edit apart)."""
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _final_vowels(a: str, b: str) -> bool:
    return len(a) == len(b) and a[:-1] == b[:-1] and a[-1] in "aeiou" and b[-1] in "aeiou"


def _doubled_last(short: str, long_: str) -> bool:
    """Zelensky/Zelenskyy: the longer only doubles the shorter's last letter."""
    return set(long_[len(short) :].lower()) == {short[-1].lower()}


def _sound_variants(a: str, b: str) -> bool:
    """Two spellings with one sound skeleton that are close enough to be one name."""
    if a[0] != b[0]:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_.startswith(short):
        return _doubled_last(short, long_)
    if _final_vowels(a, b):
        return False
    if len(a) == len(b) < 6 and sum(x != y for x, y in zip(a, b)) == 1:
        return False  # Cheng/Chang, Lines/Lanes: too short to tell a misspelling from another name
    if a[:-3] == b[:-3] and {a[-3:], b[-3:]} == {"man", "men"}:
        return False  # Congressman/Congressmen: singular and plural
    return _osa(a.lower(), b.lower(), 2) <= (1 if min(len(a), len(b)) < _LONG else 2)


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


def _in_longer_names(prose: str, places: list[tuple[int, int]]) -> int:
    """How many of these uses stand beside another capitalised word (Standard Life, Wall Street)."""
    count = 0
    for start, end in places:
        m = _PREVIOUS.search(prose, max(0, start - 30), start)
        if m is None or m.group(1) in _NOT_NEIGHBOURS:
            m = _NEXT.match(prose, end, end + 30)
            if m is None or m.group(1) in _NOT_NEIGHBOURS:
                continue
        count += 1
    return count


def _substituted(a: str, b: str) -> bool:
    """Same length, other letters: one changed letter or more (not letters moved)."""
    return len(a) == len(b) and sorted(a.lower()) != sorted(b.lower())


def _shared(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    return bool(a[0] & b[0] or a[1] & b[1])


def _different_people(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    """Michel Gondry and Michael Mann, Warren Beatty and American Beauty: the words beside the two
    spellings never agree, so they name different people or things."""
    if any(x and y and x.isdisjoint(y) for x, y in zip(a, b)):
        return True
    # One is only ever a given name (Michel Gondry), the other only a surname (Roger Michell).
    return bool(a[1] and not a[0] and b[0] and not b[1] or b[1] and not b[0] and a[0] and not a[1])


def _used_inside_sentence(prose: str, places: list[tuple[int, int]]) -> bool:
    """Used at least once inside a sentence, not only as a sentence's first word."""
    for start, _end in places:
        before = prose[max(0, start - 3) : start].rstrip(" \t")
        if before and before[-1] not in _SENTENCE_OPENERS and before[-1] not in "\r\n":
            return True
    return False


RULE = NameVariant
