"""its-contraction: "it's" written for the possessive "its", and "its" written for "it's".

    extends: its-contraction
    learned: pronoun_learned.yml     # its_*: the words around "its" against "it's/it is"

Decided by the words around it, weighed from how edited news uses each form (counted on the
corpora's build split by bench/build_pronoun_data.py): the word before ("of", "launched" take the
possessive; "said", "think", "but", a sentence start the clause), the two words after ("its
shares", "its new plant" against "it is clear that", "it is not"), and the word two before. Each
word gives a likelihood ratio of the two readings (naive Bayes, the ratios multiplied):

* from how often it stands there beside "its" and beside "it's"/"it is"/"it has been|got", when it
  was seen there at least ``min_count`` times;
* else, for a rarer word, from the wider evidence of any possessive against "is/was/are/were"
  (the word after "his/their/our/my/your/its" against after "is/was": a noun against an adjective or
  participle; the word before them against before "he/she/they/we": a verb's object against a
  clause);
* else from the word's shape (a name, a figure, "-ing", "-ed", "-ly", "-s" ...).

"it's" is reported where the possessive is ``ratio`` times likelier, "its" where "it is" is
``contracted_ratio`` times likelier: the possessive is far more common in news, so a written "its"
needs stronger evidence against it. "its" before an article, "not" or "been" ("its a", "its not")
is always reported, as no possessive stands there, but its fix is unsafe: the word may be one left
over from an edit. The only safe fix is "it's own" -> "its own", which no reading keeps.
"""
from __future__ import annotations

import math

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

_CANDIDATE = patterns.compile(r"(?<![A-Za-z\d'’-])(?P<word>[Ii]t(?P<apos>['’])?s)(?![A-Za-z\d'’-])")
# The words as bench/build_pronoun_data.py counts them: ASCII words (with inner apostrophes and
# hyphens), figures, and each other character alone.
TOKEN = patterns.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*|\d[\d.,]*|[^\sA-Za-z\d]")
SENTENCE_START = frozenset((".", "!", "?", '"', "“"))
FEATURES = ("prev", "prev2", "next", "next2")
_SUFFIXES = ("ing", "ed", "ly", "est", "er", "s")


def word_key(token: str, function_words: frozenset[str] | set[str], after: bool = False) -> str:
    """A token as counted: "<number>" for a figure, "<name>" for a capitalised word (before
    its/it's, not a capitalised function word: "But its" is "but"), else the lowercase word."""
    if token[:1].isdigit():
        return "<number>"
    lower = token.lower().replace("’", "'")
    if token[:1].isupper() and (after or lower not in function_words):
        return "<name>"  # after it: "its A340", "It's The Streets"
    return lower


def context_keys(before: list[str], after: list[str], function_words: frozenset[str] | set[str]) -> dict[str, str]:
    """The counted context of "its"/"it's" from (up to) the two tokens before it and the two after
    ("it is": after "is"): the same for the data build and the rule. An empty key is not counted."""
    prev = "<start>" if not before or before[-1] in SENTENCE_START else word_key(before[-1], function_words)
    return {
        "prev": prev,
        # Two before, within the sentence only ("" is not counted): a sentence start counts once.
        "prev2": word_key(before[-2], function_words) if len(before) >= 2 and prev != "<start>" else "",
        "next": word_key(after[0], function_words, True),
        "next2": word_key(after[1], function_words, True) if len(after) >= 2 else ".",
    }


def word_shape(key: str) -> str:
    """The class a word too rare to count falls back to: its kind or its ending."""
    if key[:1] == "<" and len(key) > 1:
        return key
    if not key[:1].isalpha():
        return "<punct>"
    for suffix in _SUFFIXES:
        if key.endswith(suffix):
            return "-" + suffix
    return "-other"


class ItsContraction(Rule):
    FIELDS = {
        "learned": Field((str,), "pronoun_learned.yml", doc="its_*: counts around its / around it's"),
        "certain_contracted": Field((list,), [], doc="words no possessive 'its' can stand before"),
        "certain_possessive": Field((list,), [], doc="words no 'it's' can stand before"),
        "min_count": Field((int,), 20, doc="the fewest uses of a word beside its/it's for its own counts to speak"),
        "general_min_count": Field((int,), 3, doc="the fewest uses for the wider possessive/copula counts to speak"),
        "ratio": Field((int, float), 80, doc="the odds of the possessive at which 'it's' is reported"),
        "contracted_ratio": Field((int, float), 40, doc="the odds of 'it is' at which 'its' is reported"),
        "finite_verbs": Field((list,), [], doc="verbs after which 'its' is a slip for 'it' (neither form fits)"),
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
        self.function_words = frozenset(_strings(data.get("its_function_words")))
        self.certain_contracted = frozenset(_strings(self.option("certain_contracted")))
        self.certain_possessive = frozenset(_strings(self.option("certain_possessive")))
        least = int(self.option("min_count"))
        general_least = int(self.option("general_min_count"))
        self.log_ratio = math.log(float(self.option("ratio")))
        self.log_contracted_ratio = math.log(float(self.option("contracted_ratio")))
        totals = _pair(data.get("its_totals"))
        quoted = dict(data.get("its_quoted") or {})
        # Prior log odds of the possessive, in quoted speech and out of it.
        self.prior = {True: _prior(quoted.get("quoted")), False: _prior(quoted.get("unquoted"))}
        self.finite_verbs = frozenset(_strings(self.option("finite_verbs")))
        general_totals = dict(data.get("its_general_totals") or {})
        # feature -> word -> log likelihood ratio (possessive over "it is"); the shapes under "".
        self.odds: dict[str, dict[str, float]] = {}
        for feature in FEATURES:
            table = _log_odds(data.get(f"its_shape_{feature}"), totals)
            general = general_totals.get(feature)
            if general is not None:
                table.update(_log_odds(data.get(f"its_general_{feature}"), _pair(general), general_least))
            exact = _log_odds(data.get(f"its_{feature}"), totals, least)
            table.update(exact)
            self.odds[feature] = table
            if feature == "prev":
                self.frequent_prev = frozenset(exact)

    def evidence(self, keys: dict[str, str]) -> float:
        """Log odds of the possessive over "it is/has" from the words around."""
        total = 0.0
        for feature, key in keys.items():
            if not key or feature == "prev2" and keys["prev"] in self.frequent_prev:
                continue  # two before: only beside a rarer word before
            table = self.odds[feature]
            value = table.get(key)
            if value is None:
                value = table.get(word_shape(key), 0.0)
            total += value
        return total

    def odds_of(self, doc: Document, m, keys: dict[str, str]) -> float:
        """Log odds of the possessive here: the prior in or out of quoted speech, and the words."""
        return self.prior[doc.in_quote(m.start(), m.end())] + self.evidence(keys)

    def check(self, doc: Document) -> Iterator[Match]:
        prose = doc.prose
        for start, end in self.segments(doc):
            for m in self.finditer(_CANDIDATE, doc, start, end):
                after = [t.group() for t in TOKEN.finditer(prose, m.end(), min(end, m.end() + 80))][:2]
                if not after:
                    continue
                before = [t.group() for t in TOKEN.finditer(prose, max(start, m.start() - 60), m.start())][-2:]
                keys = context_keys(before, after, self.function_words)
                if keys["prev"] == keys["next"] == "<name>" or any(t[:1].isupper() and t.lower() in self.function_words for t in after):
                    continue  # title case ("It's A Wonderful Life", "Know It's Christmas"): no evidence
                word, following = m.group("word"), keys["next"]
                if following in self.finite_verbs:
                    continue  # "its is", "its said": a slip for "it", which neither form mends
                if m.group("apos") is None:
                    certain = following in self.certain_contracted
                    if following == "going" and not (len(after) > 1 and after[1] == "to"):
                        continue  # "its going rate"
                    if following in self.certain_possessive:
                        continue
                    if not certain and self.odds_of(doc, m, keys) > -self.log_contracted_ratio:
                        continue
                    form = word[:2] + "'s"
                    why = f"the possessive does not fit before '{after[0]}': write '{form}' (it is, it has)."
                else:
                    certain = following in self.certain_possessive
                    if following in self.certain_contracted:
                        continue  # "get rid of it's a ..."
                    if not certain and self.odds_of(doc, m, keys) < self.log_ratio:
                        continue
                    form = word[:2] + "s"
                    why = f"'{word}' means 'it is' or 'it has'; here the possessive '{form}' is meant."
                # Safe only for "it's own": no reading keeps it. Before "the" or "a" a written "its"
                # cannot be the possessive, but it may be a word left over from an edit ("its the
                # dollar value"), which "it's" would not mend: reported, but not fixed unasked.
                safe = certain and m.group("apos") is not None
                yield Match(m.start("word"), m.end("word"), self.format_message(word, why), (form,),
                            applicability="safe" if safe else "unsafe")


def _pair(value) -> tuple[float, float]:
    """(possessive, contracted) from "a b" or {its: a, contracted: b}."""
    if isinstance(value, dict):
        return float(value.get("its", 1) or 1), float(value.get("contracted", 1) or 1)
    parts = str(value or "").split()
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return float(parts[0] or 1) or 1.0, float(parts[1]) or 1.0
    return 1.0, 1.0


def _prior(value) -> float:
    a, b = _pair(value)
    return math.log(a / b)


def _log_odds(table, totals: tuple[float, float], least: int = 1) -> dict[str, float]:
    """word -> log of (uses beside the possessive over its total) / (beside "it is" over its total),
    half a use added to each side."""
    t_its, t_contracted = totals
    out = {}
    for word, counts in dict(table or {}).items():
        parts = str(counts).split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            continue
        a, b = int(parts[0]), int(parts[1])
        if a + b >= least:
            out[str(word)] = math.log(((a + 0.5) / t_its) / ((b + 0.5) / t_contracted))
    return out


RULE = ItsContraction
