"""Recall on planted typos: run-together words and a/an, in real articles (see planting.py).

    python bench/recall_typos.py                          # every class, every corpus, all documents
    python bench/recall_typos.py --split held-out         # only documents no data list was built from
    python bench/recall_typos.py --corpus bbc --per-class 100 --show-missed 10

Classes (one plant per document, chosen with the fixed seed):

* ``joined-capitalised``: the space removed between two capitalised words ("United Nations" ->
  "UnitedNations"), each a run of letters, on one line; House.RunTogether should report it.
* ``joined-lowercase``: the space removed between two lowercase words ("to prevent" ->
  "toprevent"); House.RunTogetherLowercase should report it.
* ``a-an-swapped``: the article "a" turned into "an", or "an" into "a" (capitalised at a sentence's
  start as written), before the next word; House.AOrAn should report it.

Labels split each class: whether the spaced pair appears elsewhere in the article (the strongest
evidence a run-together check has), and for a/an which way the swap went and what kind of word
follows (a lowercase word, a capitalised word, an all-capital word, a number).
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from planting import Plant, arguments, measure  # noqa: E402

# A pair of words on one line separated by one space, each a whole run of letters (not touching a
# hyphen, an apostrophe, a dot before a letter, a digit, @, # or /).
_EDGE_BEFORE = r"(?<![\w'’.@/#&-])"
_EDGE_AFTER = r"(?![\w'’@/#&-]|\.\w)"
_CAPITALISED_PAIR = re.compile(_EDGE_BEFORE + r"([A-Z][a-z]+) ([A-Z][a-z]+)" + _EDGE_AFTER)
_LOWERCASE_PAIR = re.compile(_EDGE_BEFORE + r"([a-z]+) ([a-z]+)" + _EDGE_AFTER)
_ARTICLE = re.compile(r"(?<![\w'’.@/#&-])(a|an|A|An)( )(?=[\w])")
_NEXT_WORD = re.compile(r"[\w]+")


def _joined(text: str, pattern: re.Pattern, rules: tuple[str, ...]) -> list[Plant]:
    plants = []
    for m in pattern.finditer(text):
        left, right = m.group(1), m.group(2)
        planted = text[: m.start()] + left + right + text[m.end() :]
        spaced_elsewhere = text.count(f"{left} {right}") > 1
        plants.append(Plant(planted, m.start(), m.end() - 1, rules,
                            {"spaced-elsewhere": "yes" if spaced_elsewhere else "no"},
                            m.start(), m.end()))
    return plants


def joined_capitalised(text: str, rng: random.Random) -> list[Plant]:
    return _joined(text, _CAPITALISED_PAIR, ("House.RunTogether",))


def joined_lowercase(text: str, rng: random.Random) -> list[Plant]:
    return _joined(text, _LOWERCASE_PAIR, ("House.RunTogetherLowercase",))


def _kind(word: str) -> str:
    if word[0].isdigit():
        return "number"
    if word.isupper() and len(word) > 1:
        return "all-capitals"
    if word[0].isupper():
        return "capitalised"
    return "lowercase"


def a_an_swapped(text: str, rng: random.Random) -> list[Plant]:
    plants = []
    for m in _ARTICLE.finditer(text):
        article = m.group(1)
        if article[0].isupper():
            before = text[: m.start()].rstrip(" \t\"'“‘(")
            if before and before[-1] not in ".!?\n":
                continue  # a capital "A" inside a sentence is a letter, not an article
        swapped = {"a": "an", "an": "a", "A": "An", "An": "A"}[article]
        word = _NEXT_WORD.match(text, m.end())
        end = m.start() + len(swapped)
        planted = text[: m.start()] + swapped + text[m.start() + len(article) :]
        plants.append(Plant(planted, m.start(), end, ("House.AOrAn",),
                            {"swap": f"{article.lower()}->{swapped.lower()}", "next": _kind(word.group())},
                            m.start(), m.start() + len(article)))
    return plants


PLANTERS = {
    "joined-capitalised": joined_capitalised,
    "joined-lowercase": joined_lowercase,
    "a-an-swapped": a_an_swapped,
}


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--classes", default=",".join(PLANTERS), help="comma-separated: " + ", ".join(PLANTERS))
    args = parser.parse_args(argv)
    planters = {name: PLANTERS[name] for name in args.classes.split(",") if name}
    rules = tuple(sorted({"House.RunTogether", "House.RunTogetherLowercase", "House.AOrAn"}))
    measure(planters, [c.strip() for c in args.corpus.split(",") if c.strip()], split=args.split,
            per_class=args.per_class, seed=args.seed, limit=args.limit, show_missed=args.show_missed,
            select=rules)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
