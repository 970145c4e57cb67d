"""its-contraction: "it's" written for the possessive "its", and "its" written for "it's".

    extends: its-contraction
    learned: pronoun_learned.yml     # its_next: the word after "its" against "it's/it is/it has"

Decided by the next word, from how edited news uses it (counted on the corpora's build split by
bench/build_pronoun_data.py):

* "its" before a word the possessive can never take (an article, "not", "been", "going to") is
  "it's", and the fix is safe. Before a word that follows "it's"/"it is"/"it has" many times more
  often than "its" in edited news ("its also", "its important"), it is reported with an unsafe fix.
* "it's" before "own" is "its" (safe). Before a word that follows "its" many times more often than
  "it's"/"it is" ("it's shares", "it's board"), it is reported with an unsafe fix.

A word seen too rarely to tell stays silent, and so does anything before a capitalised word or a
figure ("its 1987 profit", "It's Monday").
"""
from __future__ import annotations

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from .base import Field, Rule
from .pronoun import _data_path, _load_data, _strings
from ..yamlload import YamlError
from .base import RuleError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

_CANDIDATE = patterns.compile(
    r"(?<![\p{L}\p{N}'’-])(?P<word>[Ii]t(?P<apos>['’])?s)(?![\p{L}\p{N}'’-])\s+(?P<next>\p{Ll}[\p{Ll}'’-]*|\p{Lu}[\p{L}'’-]*|\p{N}[\p{N}.,]*)"
    r"(?:\s*(?P<after>[\p{L}\p{N}][\p{L}\p{N}'’-]*|[^\s\p{L}\p{N}]))?"
)


class ItsContraction(Rule):
    FIELDS = {
        "learned": Field((str,), "pronoun_learned.yml", doc="its_next: counts after its / after it's"),
        "frames": Field((str,), "pronoun.yml", doc="closed word classes (function words)"),
        "certain_contracted": Field((list,), [], doc="words no possessive 'its' can stand before"),
        "certain_possessive": Field((list,), [], doc="words no 'it's' can stand before"),
        "min_count": Field((int,), 5, doc="the fewest uses of a word for the learned counts to speak"),
        "ratio": Field((int, float), 30, doc="how many times likelier the other reading must be"),
        "certain_before": Field((list,), [], doc="words after which 'it's' cannot stand (prepositions)"),
    }
    DEFAULT_MESSAGE = "'%s': %s"

    def compile(self, options: dict) -> None:
        path = _data_path(self.path, str(self.option("learned")))
        if path is None:
            raise self.error("learned", f"word list {self.option('learned')!r} not found in the style's data folder or the bundled rules/data")
        try:
            data = _load_data(path)
        except YamlError as exc:
            raise RuleError(exc.path, exc.line, exc.message) from None
        frames_path = _data_path(self.path, str(self.option("frames")))
        frames = _load_data(frames_path) if frames_path else {}
        function: set[str] = set()
        for key in ("prepositions", "particles", "determiners", "auxiliaries", "plural_auxiliaries", "clause_words", "other_pronouns", "person_words"):
            function.update(_strings(frames.get(key)))
        self.function_words = frozenset(function | {"to", "and", "than"})
        # What may follow "it is ADJ" but not "its NOUN": "to", "that", a determiner, a pronoun
        # ("its likely to", "its clear that", "its true many"); not "than", "of" or an auxiliary,
        # after which a noun phrase goes on ("its better than expected forecast", "its offering
        # of", "its time has come").
        clause: set[str] = {"to"}
        for key in ("clause_words", "determiners", "other_pronouns", "person_words"):
            clause.update(_strings(frames.get(key)))
        self.clause_after = frozenset(clause - {"than", "its", "their", "our", "your", "my"})
        self.certain_contracted = frozenset(_strings(self.option("certain_contracted")))
        self.certain_possessive = frozenset(_strings(self.option("certain_possessive")))
        least = int(self.option("min_count"))
        self.ratio = float(self.option("ratio"))
        totals = dict(data.get("its_next_totals") or {})
        t_its = float(totals.get("its", 1) or 1)
        t_contracted = float(totals.get("contracted", 1) or 1)
        # Likelihood ratios of the two readings (possessive over "it is/has"), from the word after
        # and the word before, each count over its form's total with half a use added to each side.
        self.next_odds = _odds(data.get("its_next"), t_its, t_contracted, least)
        self.prev_odds = _odds(data.get("its_prev"), t_its, t_contracted, least)
        self.next2_odds = _odds(data.get("its_next2"), t_its, t_contracted, least)
        self.certain_before = frozenset(_strings(self.option("certain_before")))

    def check(self, doc: Document) -> Iterator[Match]:
        prose = doc.prose
        for start, end in self.segments(doc):
            for m in self.finditer(_CANDIDATE, doc, start, end):
                word, following = m.group("word"), m.group("next").replace("’", "'")
                if following[:1].isdigit():
                    following = "<number>"
                elif following[:1].isupper():
                    following = "<name>"
                after = (m.group("after") or ".").lower()
                # The word after next: a noun phrase goes on after a possessive ("its likely
                # impact"), a clause after "it is" ("its likely to", "it's business as usual").
                function_after = not after[:1].isalnum() or after in self.function_words
                before = prose[max(start, m.start() - 30) : m.start()].split()[-1:]
                prev = before[0].lower().strip("\"“‘'(") if before else ""
                prev_key = "<start>" if not prev or prev[-1:] in ".!?" else prev
                after_key = "<number>" if after[:1].isdigit() else "<name>" if (m.group("after") or "")[:1].isupper() else after
                odds = self.next_odds.get(following, 1.0) * self.prev_odds.get(prev_key, 1.0) * self.next2_odds.get(after_key, 1.0)
                if m.group("apos") is None:
                    certain = following in self.certain_contracted
                    if following == "going" and not prose.startswith("to", m.end("next") + 1):
                        continue  # "its going rate"
                    if following in self.certain_possessive:
                        continue
                    clause_after = not after[:1].isalnum() or after in self.clause_after
                    if not certain and (odds * self.ratio > 1.0 or self.next_odds.get(following, 1.0) >= 1.0
                                        or not clause_after or following in self.function_words):
                        continue
                    form = word[:2] + "'s"
                    why = f"the possessive does not fit before '{m.group('next')}': write '{form}' (it is, it has)."
                else:
                    certain = following in self.certain_possessive
                    if prev in self.certain_before:
                        odds *= self.ratio  # "of it's members": a clause cannot follow a preposition
                    if following in self.certain_contracted:
                        continue  # "get rid of it's a ..."
                    if not certain and (odds < self.ratio or self.next_odds.get(following, 1.0) <= 1.0 or following.startswith("<")):
                        continue
                    form = word[:2] + "s"
                    why = f"'{word}' means 'it is' or 'it has'; here the possessive '{form}' is meant."
                yield Match(m.start("word"), m.end("word"), self.format_message(word, why), (form,),
                            applicability="safe" if certain else "unsafe")


def _odds(table, t_its: float, t_contracted: float, least: int) -> dict[str, float]:
    out = {}
    for word, counts in dict(table or {}).items():
        parts = str(counts).split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            continue
        a, b = int(parts[0]), int(parts[1])
        if a + b >= least:
            out[str(word)] = ((a + 0.5) / t_its) / ((b + 0.5) / t_contracted)
    return out


RULE = ItsContraction
