"""ages: the same person given two ages in one article ("Ms Rahman, 34," then "the 35-year-old Rahman").

    extends: ages

An age is read where it is tied to a name:
* "Rahman, 34," / "Ms Rahman, aged 34." (the age after the name, between commas);
* "Ms Rahman, a 34-year-old teacher" / "Rahman, who is 34,";
* "the 34-year-old Rahman" / "34-year-old singer Aisha Rahman" (up to three lowercase words
  between the age and the name).

Ages are grouped by surname (the name's last word). Two mentions belong to one person unless they
give different first names ("Ali Rahman" and "Aisha Rahman") or different titles (Mr and Ms). When
the article names two people with that surname, a mention without a first name could be either,
and is left out. An age said of another time is left out too ("Rahman, then 34,", "the then
34-year-old Rahman"), as are ages the article gives as changing ("turns 35", "will be 35": not
read). The odd age out is reported on its figure, naming the other mention; it is suggested only
when at least two other mentions agree on it.

Leading capitalised words that the article also writes in lowercase ("The", "Yesterday") are not
part of a name.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..record import Record
from ..wordlists import lowercase_words
from .base import Rule

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from typing import Any

_TITLES = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f", "Dr": "", "Prof": "", "Sir": "m", "Dame": "f",
           "Lady": "f", "Lord": "m", "Judge": "", "Rev": "", "Sgt": "", "Capt": "", "Det": ""}
_TITLE = "(?:" + "|".join(sorted(_TITLES, key=len, reverse=True)) + r")\.?"
_WORD = r"\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*"
_NAME = rf"(?:{_TITLE}[ \u00a0]+)?{_WORD}(?:[ \u00a0]+{_WORD}){{0,3}}"
_AGE = r"(?:1[01]\d|[1-9]?\d)"
_YEAR_OLD = r"[- ]year[- ]old"
# Each branch first checks the figure's own shape and what stands right before it, with cheap
# look-arounds, before the name look-behind, which is dear to try at every digit.
AGE_PATTERN = patterns.compile(
    r"\b(?=\d)(?:"
    # Rahman, 34,   Ms Rahman, aged 34.   Rahman, who is 34,
    rf"(?={_AGE}(?:[,;]|\.(?!\d)))(?<=,[ \u00a0]|[ \u00a0](?:aged|is|then)[ \u00a0])"
    rf"(?<=(?P<n1>{_NAME}),[ \u00a0]+(?P<then1>then[ \u00a0]+)?(?:aged[ \u00a0]+|who[ \u00a0]+is[ \u00a0]+)?)"
    rf"(?P<a1>{_AGE})(?=[,;]|\.(?!\d))"
    # the 34-year-old Rahman, 34-year-old singer Aisha Rahman
    rf"|(?={_AGE}{_YEAR_OLD})(?<![\w.,-])(?P<a3>{_AGE}){_YEAR_OLD}[ \u00a0]+(?:\p{{Ll}}[\p{{L}}-]*[ \u00a0]+){{0,3}}(?P<n3>{_NAME})"
    # Ms Rahman, a 34-year-old teacher
    # (tried after the form above: "Six Nations, the 17-year-old Tait" is Tait's age)
    rf"|(?={_AGE}{_YEAR_OLD})(?<=(?P<n2>{_NAME}),[ \u00a0]+(?:a|an|the)[ \u00a0]+(?P<then2>then-?[ \u00a0]*)?)(?P<a2>{_AGE}){_YEAR_OLD}(?![\w-])"
    r")",
    0,
)
_SENTENCE_START = patterns.compile(r"(?:^|[.!?][\"”’')]*[ \t\u00a0\r\n]+|[\r\n][ \t\u00a0]*|[\"“‘(][ \t\u00a0]*)$")
# A capitalised word this common in English (Zipf 5.5: 300 uses per million words, above "John" at
# 5.4) that starts a sentence is taken for an ordinary word ("While", "Both", "However") rather
# than a first name. Less common openers ("Meanwhile") stay a first name: that can only keep two
# mentions apart, never join two people.
_COMMON_ZIPF = 5.5
_THEN_BEFORE = patterns.compile(r"(?<!\w)then-?[ \t\u00a0]*$")
_MONTHS_AND_DAYS = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


class AgeMention(Record):
    __slots__ = ("start", "end", "age", "surname", "first", "gender", "title")

    def __init__(self, start: int, end: int, age: int, surname: str, first: str, gender: str, title: str = "") -> None:
        self.start = start
        self.end = end
        self.age = age
        self.surname = surname
        self.first = first
        self.gender = gender
        self.title = title


def _person(name: str, ordinary: Any) -> tuple[str, str, str, str] | None:
    """(surname, first name or "", gender or "", title or "") of a name as written, or None when it is no name.

    `ordinary(word, first)` says whether a capitalised word is an ordinary word rather than part of
    a name (`first`: it is the name's first word)."""
    tokens = name.replace("\u00a0", " ").split()
    gender = title = ""
    # Leading ordinary words are not part of the name ("The", "Meanwhile").
    while tokens and tokens[0].rstrip(".") not in _TITLES and ordinary(tokens[0], True):
        tokens.pop(0)
    if tokens and tokens[0].rstrip(".") in _TITLES:
        title = tokens.pop(0)
        gender = _TITLES[title.rstrip(".")]
    if not tokens:
        return None
    surname = tokens[-1]
    for suffix in ("'s", "’s"):
        if surname.endswith(suffix):
            surname = surname[: -len(suffix)]
    if surname in _MONTHS_AND_DAYS or ordinary(surname, False):
        return None
    first = tokens[-2] if len(tokens) > 1 else ""
    return surname, first, gender, title


def age_mentions(doc: Document, common: Any = None) -> list[AgeMention]:
    """The ages tied to a name in `doc`. `common(word)` says whether a word is common English: a
    common word that starts a sentence before a name is taken for an ordinary word ("Meanwhile
    Stoltenberg, 60,"), not a first name."""
    prose = doc.prose
    lowercase: set[str] | None = None
    found: list[AgeMention] = []
    for m in AGE_PATTERN.finditer(prose, timeout=doc.time_left()):
        if m.group("then1") or m.group("then2"):
            continue
        for age_group, name_group in (("a1", "n1"), ("a2", "n2"), ("a3", "n3")):
            if m.start(age_group) >= 0:
                break
        if name_group == "n3" and _THEN_BEFORE.search(prose, max(0, m.start() - 10), m.start()):
            continue  # "the then 34-year-old Rahman"
        age = int(m.group(age_group))
        if not 0 < age < 120:
            continue
        if lowercase is None:
            lowercase = lowercase_words(doc)
        name, name_start = m.group(name_group), m.start(name_group)
        if name_group == "n3":
            # "Ruder, a 57-year-old Republican": the age is Ruder's; "Six Nations, the 17-year-old
            # Tait": Tait's, as Tait is a name the article gives a first name or a title elsewhere.
            apposition = _APPOSITION_BEFORE.search(prose, max(0, m.start() - 120), m.start())
            if apposition is not None and (
                apposition.group("det") != "the" or not _named_elsewhere(prose, name, lowercase)
            ):
                name, name_start = apposition.group("name"), apposition.start("name")
        starts_sentence = _starts_sentence(prose, name_start)

        def ordinary(word: str, first: bool) -> bool:
            if word.lower() in lowercase:  # the article also writes it in lowercase
                return True
            return first and starts_sentence and common is not None and common(word)

        person = _person(name, ordinary)
        if person is None:
            continue
        found.append(AgeMention(m.start(age_group), m.end(age_group), age, *person))
    return found


_APPOSITION_BEFORE = patterns.compile(rf"(?<![\p{{L}}'’-])(?P<name>{_NAME}),[ \u00a0]+(?P<det>a|an|the)[ \u00a0]+$")


def _named_elsewhere(prose: str, name: str, lowercase: set[str]) -> bool:
    """Is this a person's name: written with a title, or a first name here or elsewhere in the article?"""
    tokens = name.split()
    return len(tokens) > 1 or bool(_first_names(prose, tokens[-1], lowercase))


def _starts_sentence(prose: str, at: int) -> bool:
    return _SENTENCE_START.search(prose, max(0, at - 8), at) is not None


class Ages(Rule):
    FIELDS = {}

    def compile(self, options: dict) -> None:
        from .. import frequencies

        # The commonest English words, from the frequency list read when the rule is built: a few
        # hundred words kept with the rule in the compiled-rules cache, not the whole table.
        self.common_words = frequencies.load().at_least(_COMMON_ZIPF)

    def common(self, word: str) -> bool:
        return word.lower().replace("’", "'") in self.common_words

    def check(self, doc: Document) -> Iterator[Match]:
        mentions = age_mentions(doc, self.common)
        if len(mentions) < 2:
            return
        by_surname: dict[str, list[AgeMention]] = defaultdict(list)
        for mention in mentions:
            by_surname[mention.surname].append(mention)
        for surname, items in by_surname.items():
            if len({m.age for m in items}) < 2:
                continue
            yield from self._conflicts(doc, surname, items)

    def _conflicts(self, doc: Document, surname: str, items: list[AgeMention]) -> Iterator[Match]:
        firsts = _first_names(doc.prose, surname, lowercase_words(doc), self.common)
        if len(firsts) >= 2:
            items = [m for m in items if m.first]  # "Rahman" alone could be either of two people
        # One person per compatible group: the same first name (or none) and the same gender (or none).
        people: list[list[AgeMention]] = []
        for mention in items:
            for group in people:
                if all(_same_person(mention, other) for other in group):
                    group.append(mention)
                    break
            else:
                people.append([mention])
        for group in people:
            ages = Counter(m.age for m in group)
            if len(ages) < 2:
                continue
            # The usual age: the most frequent, the first given on a tie.
            usual = max(ages, key=lambda a: (ages[a], -min(m.start for m in group if m.age == a)))
            first_usual = min((m for m in group if m.age == usual), key=lambda m: m.start)
            line, _column = doc.lines.position(first_usual.start)
            who = " ".join(p for p in (first_usual.first or first_usual.title, surname) if p)
            for mention in group:
                if mention.age == usual:
                    continue
                uses = ages[usual]
                yield Match(
                    mention.start, mention.end,
                    f"{who} is {usual} on line {line}" + (f" ({uses} mentions)" if uses > 1 else "")
                    + f" but {mention.age} here: check the age.",
                    (str(usual),) if uses >= 2 else (),
                )


def _same_person(a: AgeMention, b: AgeMention) -> bool:
    if a.first and b.first and a.first != b.first:
        return False
    return not (a.gender and b.gender and a.gender != b.gender)


def _first_names(prose: str, surname: str, ordinary: set[str], common: Any = None) -> set[str]:
    """The capitalised words written right before `surname` in the article (its first names)."""
    found = set()
    at = prose.find(surname)
    while at >= 0:
        after = at + len(surname)
        if (at == 0 or not prose[at - 1].isalnum()) and (after >= len(prose) or not prose[after].isalnum()):
            before = _NAME_WORD_BEFORE.search(prose, max(0, at - 40), at)
            # A common word that starts a sentence is no evidence of a first name ("While Simpson ...").
            if (before and before.group(1).rstrip(".") not in _TITLES and before.group(1).lower() not in ordinary
                    and not (common is not None and common(before.group(1)) and _starts_sentence(prose, before.start(1)))):
                found.add(before.group(1))
        at = prose.find(surname, after)
    return found


# A first name: one capitalised word, or two joined by a hyphen ("Jean-Paul"; not "York-born").
_NAME_WORD_BEFORE = patterns.compile(r"(?<![\w'’-])(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)[ \u00a0]+$")


RULE = Ages
