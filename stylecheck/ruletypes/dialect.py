"""dialect: American and British spellings, one per article or the house's.

    extends: dialect
    category: spelling-variant
    wordlist: us-uk-spellings.yml     # in rules/data/: `pairs: {british: american}`

The house setting `dialect` (from the preset, or a config's `settings:`) decides:

* `us` or `uk`: every spelling of the other dialect is reported, with its house counterpart. It is
  a `warning` when the article also uses house spellings (the article is inconsistent), and a
  `suggestion` when the whole article keeps to the other dialect (a copy from another desk);
* `any`: no house dialect; only the minority dialect of the article is reported (a warning),
  naming the majority and both counts. On a tie the dialect seen first wins.

Only lowercase forms are matched: a capitalised one is nearly always a name (World Health
Organization, Ministry of Defence, Labour, Pearl Harbor). Proper names and terms of art written in
lowercase keep their spelling: a form before one of the words its list gives under `names_before`
("the labor department", "defense secretary" of the US under the British preset; the metals
market's "kerb trading" under AP), and a form marked "(sic)". Words that are ordinary on both sides
in some sense (a gas meter, a computer program) are listed under `american_also_british` and are
never counted as American.
"""
from __future__ import annotations

import re
from functools import cached_property

from ..diagnostic import Match
from ..document import Document
from ..wordlists import WordListError, load_data, trie_pattern, word_starts
from .base import Field, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

# A run of the characters the forms' boundaries refuse: at a word start, the only text a form can match.
_RUN = re.compile(r"[\w'’]+")
_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z]+)")
_SIC = re.compile(r"\s*[\[(]sic[\])]", re.IGNORECASE)
DIALECTS = ("us", "uk", "any")
_NAMES = {"us": "American", "uk": "British"}


class Dialect(Rule):
    FIELDS = {
        "wordlist": Field((str,), "us-uk-spellings.yml", doc="data file with `pairs: {british: american}`"),
        "exceptions": Field((list,), [], doc="words never reported"),
    }
    DEFAULT_MESSAGE = "'%s' is %s spelling; %s: '%s' (%s)."

    def compile(self, options: dict) -> None:
        try:
            data = dict(load_data(self.option("wordlist"), self.path))
        except WordListError as exc:
            raise self.error("wordlist", str(exc)) from None
        pairs = dict(data.get("pairs") or ())
        if not pairs:
            raise self.error("wordlist", f"{self.option('wordlist')}: no 'pairs' (british: american)")
        shared = set(data.get("american_also_british") or ())
        # form -> words after it that make it part of a name or a term of art
        self.names_before = {str(k): frozenset(str(w) for w in v) for k, v in dict(data.get("names_before") or ()).items()}
        skip = {str(w) for w in self.option("exceptions")}
        # word -> (dialect, counterpart)
        self.forms: dict[str, tuple[str, str]] = {}
        for british, american in pairs.items():
            if british not in skip:
                self.forms[british] = ("uk", american)
            if american not in shared and american not in skip:
                self.forms.setdefault(american, ("us", british))
        # The scan for word starts is shared with other word-list rules (see WordStarts); a form is
        # all letters, so at a candidate the one form that can match is the whole run of word
        # characters there: a set look-up, and no pattern of our own to compile at start-up.
        index = word_starts(self.ctx.shared)
        self.word_starts = index if all(f.isalpha() for f in self.forms) and index.add(self.forms) else None
        house = self.ctx.settings.get("dialect", "us")
        if house not in DIALECTS:
            raise self.error(None, f"house setting 'dialect' must be one of {', '.join(DIALECTS)}, not {house!r}")
        self.house = house

    @cached_property
    def pattern(self) -> "re.Pattern[str]":
        """Every form, not touching a word character or an apostrophe (when the forms cannot go
        through WordStarts). The stdlib `re` scans a trie-shaped literal alternation in one pass
        (the `regex` module is many times slower on it); built from our own data, it needs no
        timeout against runaway backtracking."""
        return re.compile(r"(?<![\w'’])(?:" + trie_pattern(sorted(self.forms)) + r")(?![\w'’])")

    def _form_at(self, prose: str, at: int, end: int) -> "re.Match[str] | None":
        """What `self.pattern.match(prose, at, end)` finds at a word start (see `compile`)."""
        run = _RUN.match(prose, at, end)
        return run if run is not None and run.group() in self.forms else None

    def check(self, doc: Document) -> Iterator[Match]:
        found: list[tuple[int, int, str, str, str]] = []  # start, end, word, dialect, counterpart
        prose = doc.prose
        if self.word_starts is not None:
            matches = self.word_starts.matches_by(self._form_at, doc, self.segments(doc))
        else:
            matches = (m for start, end in self.segments(doc) for m in self.pattern.finditer(prose, start, end))
        forms = self.forms
        names_before = self.names_before
        for m in matches:
            word = m.group()
            if word in names_before:
                following = _NEXT_WORD.match(prose, m.end(), m.end() + 40)
                if following and following.group(1).lower() in names_before[word]:
                    continue  # "the labor department", "kerb trading": a name or a term of art
            if _SIC.match(prose, m.end(), m.end() + 12):
                continue  # quoted as written ("maneuvers (sic)")
            dialect, other = forms[word]
            found.append((m.start(), m.end(), word, dialect, other))
        if not found:
            return
        counts = {"us": 0, "uk": 0}
        for item in found:
            counts[item[3]] += 1
        if self.house == "any":
            if not counts["us"] or not counts["uk"]:
                return
            if counts["us"] != counts["uk"]:
                usual = "us" if counts["us"] > counts["uk"] else "uk"
            else:
                usual = found[0][3]
            flagged, mixed = ("uk" if usual == "us" else "us"), True
            reason = f"the article mostly uses {_NAMES[usual]} spelling"
        else:
            usual = self.house
            flagged = "uk" if usual == "us" else "us"
            mixed = counts[usual] > 0
            reason = f"the house style is {_NAMES[usual]}"
        tally = f"{counts[flagged]} {_NAMES[flagged]} to {counts[usual]} {_NAMES[usual]} in this article"
        for start, end, word, dialect, other in found:
            if dialect != flagged:
                continue
            message = self.format_message(word, _NAMES[dialect], reason, other, tally)
            yield Match(start, end, message, (other,), None if mixed else "suggestion")


RULE = Dialect
