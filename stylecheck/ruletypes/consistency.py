"""consistency: two forms of one thing should not both appear in an article.

    extends: consistency
    message: "'%s' here, but '%s' is the article's usual form (%s to %s)."
    nonword: true
    either:
      '\\bUS\\b': '(?<![\\w.])U\\.S\\.(?!\\w)'

Reported only when both forms of a pair occur. **The preset decides the form**: when one form of
a pair spells a form the house prefers (the house setting `preferred_forms`, a list such as
`[U.S., U.K., email]` in the preset or a config's `settings:`), every use of the other form is
reported with the house form as the suggestion, whatever the article's majority
(`housemessage`: the text found, the house form, its count here, the house form's count). Where
the house has no preference, the minority form is reported and the message names the majority
form and both counts: PerfectIt's way, not Vale's (which flags whichever form comes second,
whatever the counts). On a tie the form that appears first is taken as the article's choice.
Message arguments, in order: the text found, the majority form, its count here, the majority's
count.

What votes: with `quotesvote: false`, uses inside quoted speech are reported but do not count
towards the majority, and a quoted title (most of its words capitalised: "Second Friendliest City
in the US") is left alone. With `initialisms: true` (forms written in capitals, such as US and U.S.),
a use inside a run of capitals (a shouted "HELP US") is not the abbreviation (neither reported nor
counted), and a use right before a capitalised word, or right after one that does not open the
sentence, may be part of a name ("US Sprint", "U.S. Grant", "US Airways", "Air UK", "Esso UK"): it
is counted but never reported. A rule whose scope is
`prose` also leaves headlines, datelines, tables and capitals out (see structure.py).

`mode: vale` restores Vale's behaviour for Vale styles (no house preference).
"""
from __future__ import annotations

from collections import Counter

import regex

from ..diagnostic import Match
from ..document import Document
from ..valecompat import NONWORD_TEMPLATE, WORD_TEMPLATE, TokenIndex, token_key
from ..prefilter import Prefilter, scan
from .. import patterns
from .base import Field, Rule, exceptions_pattern, format_message

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator


class Consistency(Rule):
    FIELDS = {
        "either": Field((dict,), None, doc="form -> other form, as patterns"),
        "ignorecase": Field((bool,), False),
        "nonword": Field((bool,), False),
        "exceptions": Field((list,), []),
        "mode": Field((str,), "majority", ("majority", "vale")),
        "housemessage": Field((str,), "", doc="the message when the house prefers one form (%s: found, house form, counts)"),
        "quotesvote": Field((bool,), True, doc="uses inside quoted speech count towards the majority"),
        "initialisms": Field((bool,), False, doc="forms in capitals: skip shouted runs and uses before a name"),
    }
    DEFAULT_HOUSE_MESSAGE = "'%s' here, but the house style is '%s' (%s to %s uses)."
    DEFAULT_MESSAGE = "'%s' here, but the article mostly uses '%s' (%s to %s)."

    def compile(self, options: dict) -> None:
        if self.vale:
            return self._compile_vale()
        either = self.option("either")
        if not either:
            raise self.error("either", "a consistency rule needs an 'either' mapping")
        flags = regex.IGNORECASE if self.option("ignorecase") else 0
        wrap = (lambda p: p) if self.option("nonword") else (lambda p: rf"\b(?:{p})\b")
        # All pairs in one pattern: group 2k is the first form of pair k, 2k+1 the second.
        parts: list[str] = []
        self.groups: list[tuple[int, int]] = []
        group = 0
        for first, second in either.items():
            pair = []
            for form in (str(first), str(second)):
                inner = self.compile_pattern(form, "either", flags).groups
                group += 1
                pair.append(group)
                parts.append(f"({wrap(form)})")
                group += inner
            self.groups.append((pair[0], pair[1]))
        self.pattern = self.compile_pattern("|".join(parts), "either", flags)
        # Many pairs: find candidates by their literal starts first (see prefilter.py).
        forms = [str(form) for pair in either.items() for form in pair]
        self.prefilter = Prefilter.build(self.pattern, forms, flags, word_start=not self.option("nonword"))
        self.exceptions = exceptions_pattern(self, self.option("exceptions"), bool(flags))
        self.vale_mode = self.option("mode") == "vale"
        self.house_message = self.option("housemessage") or self.DEFAULT_HOUSE_MESSAGE
        self.quotes_vote = bool(self.option("quotesvote"))
        self.initialisms = bool(self.option("initialisms"))
        # The house form of each pair: (side, form), side 0 or 1, from the house setting.
        preferred = self.ctx.settings.get("preferred_forms") or []
        if not isinstance(preferred, list) or not all(isinstance(f, str) for f in preferred):
            raise self.error(None, f"house setting 'preferred_forms' must be a list of forms, not {preferred!r}")
        self.house: list[tuple[int, str] | None] = []
        for first, second in either.items():
            choice = None
            if not self.vale_mode:
                for side, form in enumerate((str(first), str(second))):
                    compiled = self.compile_pattern(form, "either", flags)
                    found = next((f for f in preferred if compiled.fullmatch(f)), None)
                    if found is not None:
                        choice = (side, found)
                        break
            self.house.append(choice)

    def _compile_vale(self) -> None:
        # Vale's NewConsistency: one pattern per pair, `(?P<a>first)|(?P<b>second)` in the word
        # template.
        either = self.option("either")
        if not either or not isinstance(either, dict):
            raise self.error("either", f"rule {self.id}: a consistency rule needs an 'either' mapping")
        template = NONWORD_TEMPLATE if self.option("nonword") else WORD_TEMPLATE
        prefix = "(?i)" if self.option("ignorecase") else ""
        self.vale_steps = []
        keys = []
        for first, second in either.items():
            body = template.format(f"(?P<first>{first})|(?P<second>{second})")
            self.vale_steps.append(self.compile_vale(prefix + body, "either"))
            keys.extend((token_key(str(first), bool(prefix)), token_key(str(second), bool(prefix))))
        # A pair is reported only once both forms occur: a document lacking either form is skipped.
        self.vale_index = TokenIndex(keys, bool(prefix), template == NONWORD_TEMPLATE)

    def _check_vale(self, doc: Document) -> Iterator[Match]:
        # Vale's Consistency.Run: once both forms of a pair have been seen in the file, one finding,
        # at the last group matched in this block. The forms seen accumulate over the file.
        seen: set[tuple[int, str]] = doc.memo(("consistency", "vale-seen", self.id), set)
        kept = set(self.vale_index.keep(doc))
        pairs = [i for i in range(len(self.vale_steps)) if 2 * i in kept and 2 * i + 1 in kept]
        for offset, text in self.vale_blocks(doc):
            for index in pairs:
                pattern = self.vale_steps[index]
                last: tuple[int, int] | None = None
                for m in self.vale_finditer(pattern, text, doc):
                    for group in range(1, len(m.groups()) + 1):
                        if m.start(group) >= 0:
                            last = m.span(group)
                    for name in ("first", "second"):
                        if m.start(name) >= 0:
                            seen.add((index, name))
                if last is not None and (index, "first") in seen and (index, "second") in seen:
                    found = text[last[0] : last[1]]
                    yield Match(offset + last[0], offset + last[1], self.format_message(found))

    def check(self, doc: Document) -> Iterator[Match]:
        if self.vale:
            yield from self._check_vale(doc)
            return
        # found[(pair, side)] = list of (start, end, text, votes, reported)
        found: dict[tuple[int, int], list[tuple[int, int, str, bool, bool]]] = {}
        prose = doc.prose
        for start, end in self.segments(doc):
            for m in scan(self, doc, start, end):
                if not m.group():
                    continue
                if self.is_exception(m.group(), doc, m.start(), m.end()):
                    continue
                if self.initialisms and _shouted(prose, m.start(), m.end()):
                    continue  # "HELP US": a shouted word, not the abbreviation
                if not self.quotes_vote and _in_title(doc, m.start(), m.end()):
                    continue  # a quoted title ("Second Friendliest City in the US"): its own words
                # Before a capitalised word a form may be part of a name ("US Sprint", "U.S. Grant"):
                # counted, never reported.
                reported = not (self.initialisms and (
                    _NAME_AFTER.match(prose, m.end(), m.end() + 60) or _NAME_BEFORE.search(prose, max(0, m.start() - 30), m.start())
                ))
                for pair, (a, b) in enumerate(self.groups):
                    side = 0 if m.start(a) >= 0 else 1 if m.start(b) >= 0 else -1
                    if side < 0:
                        continue
                    votes = self.quotes_vote or not doc.in_quote(m.start(), m.end())
                    found.setdefault((pair, side), []).append((m.start(), m.end(), m.group(), votes, reported))
                    break
        for pair in range(len(self.groups)):
            first, second = found.get((pair, 0)), found.get((pair, 1))
            if not first or not second:
                continue
            house = self.house[pair]
            if house is not None:
                side, form = house
                usual_uses, other = (first, second) if side == 0 else (second, first)
                usual = Counter(u[2] for u in usual_uses).most_common(1)[0][0]
                for start, end, text, _votes, reported in other:
                    if not reported:
                        continue
                    message = format_message(self.house_message, (text, usual, len(other), len(usual_uses)))
                    yield Match(start, end, message, (usual,))
                continue
            first_votes = [u for u in first if u[3]]
            second_votes = [u for u in second if u[3]]
            if not first_votes or not second_votes:
                continue  # one form only in quoted speech: the article itself is consistent
            if self.vale_mode:
                # Vale: whichever form appeared first wins; every later use of the other is flagged.
                minority, majority = (second, first) if first[0][0] < second[0][0] else (first, second)
            elif len(first_votes) != len(second_votes):
                minority, majority = (first, second) if len(first_votes) < len(second_votes) else (second, first)
            else:
                minority, majority = (second, first) if first_votes[0][0] < second_votes[0][0] else (first, second)
            counted_minority = [u for u in minority if u[3]]
            counted_majority = [u for u in majority if u[3]]
            usual = Counter(u[2] for u in counted_majority).most_common(1)[0][0]
            for start, end, text, _votes, reported in minority:
                if not reported:
                    continue
                message = self.format_message(text, usual, len(counted_minority), len(counted_majority))
                yield Match(start, end, message, (usual,))


# A name right after a form: a capitalised word ("US Sprint"); or right before it, a capitalised
# word inside a sentence ("with Air UK"), or one opening it that is not a function word or a
# sentence adverb ("Esso UK said", but not "Its UK unit" or "Later US envoys").
_NAME_AFTER = patterns.compile(r"[ \t\u00a0]*(?:\r\n|\r|\n)?[ \t\u00a0]*(?<=\s)\p{Lu}\p{Ll}")
_NAME_BEFORE = patterns.compile(
    r"(?:(?<=[\p{Ll},;:][ \t]*(?:\r\n|\r|\n)?[ \t]*[ \t\r\n])"
    r"|(?<![\p{L}'’])(?!(?:The|A|An|Its|In|On|At|For|Of|To|By|And|But|From|With|Our|Their|His|Her|This|That|These|"
    r"Those|Both|All|Some|Many|Most|Every|Each|Any|No|As|If|When|While|After|Before|Since|Under|Over|Into|About|"
    r"Like|Unlike|Than|Via|Per|Major|Leading|Top|Big|New|Other|Several|Two|Three|Four|Five|Six|Seven|Eight|Nine|"
    r"Ten|Which|What|Where|Who|Whose|How|Why|Only|Even|Also|Then|Now|So|Yet|Such|Whether|Although|Though|Because|"
    r"Until|Against|Among|Between|During|Without|Within|Across|Along|Around|Behind|Beyond|Near|Toward|Towards|"
    r"Upon|Including|Later|Earlier|Meanwhile|However|Yesterday|Today|Tomorrow|Still|Instead|Separately|Last|Next|"
    r"First|Finally|Overall|Currently|Recently|Previously|Elsewhere|Here|There|Analysts|Officials|Some)\b))"
    r"\p{Lu}\p{Ll}+[ \t\u00a0]*(?:\r\n|\r|\n)?[ \t\u00a0]*\Z"
)
_CAPITALS_BEFORE = patterns.compile(r"(?:\p{Lu}{3,}[^\p{L}\r\n]{1,3}){2}$")
_CAPITALS_AFTER = patterns.compile(r"(?:[^\p{L}\r\n]{1,3}\p{Lu}{3,}){2}")
_CAPITALS_AROUND = patterns.compile(r"\p{Lu}{3,}[^\p{L}\r\n]{1,3}$")
_CAPITALS_NEXT = patterns.compile(r"[^\p{L}\r\n]{1,3}\p{Lu}{3,}")


_TITLE_WORD = patterns.compile(r"\b\p{L}[\p{L}'’-]{3,}")


def _in_title(doc: Document, start: int, end: int) -> bool:
    """Inside a quoted title: quote marks around words most of which (of four letters or more)
    are capitalised ("Second Friendliest City in the US")."""
    from bisect import bisect_right

    quotes = doc.quotes
    i = bisect_right(quotes, (start, float("inf"))) - 1
    if i < 0 or not (quotes[i][0] <= start and end <= quotes[i][1]):
        return False
    words = _TITLE_WORD.findall(doc.prose, quotes[i][0], quotes[i][1])
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _shouted(prose: str, start: int, end: int) -> bool:
    """In a run of words in capitals ("PLEASE HELP US NOW"): two words of three or more capitals
    before it, two after it, or one on each side."""
    before = prose[max(0, start - 30) : start]
    if _CAPITALS_BEFORE.search(before) or _CAPITALS_AFTER.match(prose, end, end + 30):
        return True
    return bool(_CAPITALS_AROUND.search(before) and _CAPITALS_NEXT.match(prose, end, end + 30))


RULE = Consistency
