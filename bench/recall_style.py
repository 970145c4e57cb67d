"""Recall of the style and consistency rules where recall matters (issue 14): errors planted in real
articles, one per document, with the shared harness (planting.py).

    python bench/recall_style.py                         # every class, every corpus, all documents
    python bench/recall_style.py --split held-out        # documents no data list was built from
    python bench/recall_style.py --classes small-numbers --corpus bbc --show-missed 5

Classes (each plant changes one place of an edited article, where the original has no finding of
the class's rule):

* ``small-numbers`` (House.SmallNumbers): a number from two to nine written in words in running
  prose ("three", not "three-year", not opening a sentence, not in a range of numbers, not before
  "million", "pct" or a currency, where the house writes figures) becomes a figure. Label ``after``: a
  plural follows it ("three ships": ``plural``), another word (``other``: "two of them", "three
  new ships"), or punctuation (``none``).
* ``abbreviations`` (House.Abbreviations): in an article that writes the preset's form of U.S.,
  U.K., U.N. or E.U. at least twice, one use becomes the other form (AP: "U.S." -> "US"; British:
  "US" -> "U.S."). Label ``before``: a capitalised word follows the use (``name``: "U.S. Senate",
  which the rule leaves alone as a possible name) or not (``other``).
* ``acronyms`` (House.Acronyms): an acronym the article defines with its expansion in brackets
  ("the Food Standards Agency (FSA)"), whose expansion appears nowhere else and which the house
  does not count as well known, loses its expansion: "the FSA".

Only file names, classes and labels are printed, never corpus text.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planting import Plant, arguments, measure  # noqa: E402

from stylecheck.document import Document  # noqa: E402

_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_SPELLED = regex.compile(r"(?<![\p{L}\p{N}'’-])(two|three|four|five|six|seven|eight|nine)(?![\p{L}\p{N}'’-])")
_NEXT = regex.compile(r"[ \t\r\n]+(\p{L}+)")
# Before these a figure is the house form anyway (magnitudes, percentages, money): no error to plant.
_FIGURES_STAY = frozenset(
    "million billion trillion mln bln bn pct percent per cent cents dlrs dlr dollars pounds euros yen stg pence "
    "p.m a.m".split()
)
_RANGE = regex.compile(r"[ \t\r\n]+(?:to|or|and|-)[ \t\r\n]+(?:\p{N}|two|three|four|five|six|seven|eight|nine|ten)")
_RANGE_BEFORE = regex.compile(r"(?:\p{N}|one|two|three|four|five|six|seven|eight|nine|ten)[ \t\r\n]+(?:to|or|and|-|in)[ \t\r\n]+$")
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;\"“(]\s*|\n\s*)$")


def _prose(doc: Document, start: int, end: int) -> bool:
    paragraph = doc.structure.paragraph_at(start)
    return paragraph is not None and paragraph.kind == "prose" and doc.structure.is_prose(start, end)


def plant_small_numbers(text: str, rng: random.Random):
    doc = Document.from_text(text, "doc.txt")
    for m in _SPELLED.finditer(text):
        if not _prose(doc, m.start(), m.end()) or _SENTENCE_START.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        following = _NEXT.match(text, m.end())
        word = following.group(1) if following else ""
        if word.lower() in _FIGURES_STAY or _RANGE.match(text, m.end()) or _RANGE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "two million", "five pct": AP and the British desks write figures there; ranges in words
        if not word:
            after = "none"
        elif word.endswith("s") and word.islower() and not word.endswith("ss") or word in ("people", "men", "women", "children"):
            after = "plural"
        else:
            after = "other"
        figure = _WORDS[m.group(1)]
        changed = text[: m.start()] + figure + text[m.end() :]
        yield Plant(changed, m.start(), m.start() + len(figure), ("House.SmallNumbers",), {"after": after},
                    m.start(), m.end())


_FORMS = {
    "ap": [(r"U\.S\.", "US"), (r"U\.K\.", "UK"), (r"U\.N\.", "UN"), (r"E\.U\.", "EU")],
    "british": [(r"US", "U.S."), (r"UK", "U.K."), (r"UN", "U.N."), (r"EU", "E.U.")],
}


def plant_abbreviations(preset: str):
    def planter(text: str, rng: random.Random):
        doc = Document.from_text(text, "doc.txt")
        for house, other in _FORMS[preset]:
            pattern = regex.compile(r"(?<![\w.(])" + house + r"(?![\w)])")
            uses = [m for m in pattern.finditer(text) if _prose(doc, m.start(), m.end())]
            if len(uses) < 2:
                continue
            for m in uses:
                # A capitalised word next (across a line break too): a possible name, or the next
                # sentence after a dotted form that also ended one.
                before = "name" if regex.match(r"\s+\p{Lu}", text[m.end() : m.end() + 8]) else "other"
                changed = text[: m.start()] + other + text[m.end() :]
                yield Plant(changed, m.start(), m.start() + len(other), ("House.Abbreviations",), {"before": before},
                            m.start(), m.end())
    return planter


_DEFINED = regex.compile(r"((?:\p{Lu}[\p{L}'’-]*[ \t\r\n]+(?:(?:of|and|for|the|on|in|to|de)[ \t\r\n]+)*){1,7})\((\p{Lu}{2,6})\)")


_NAME_GOES_ON = regex.compile(r"(?:\p{Lu}[\p{L}'’-]*[ \t\r\n]*(?:,|&|and|of|for|de)?|[,&])[ \t\r\n]*\Z")


def plant_acronyms(wellknown: frozenset[str]):
    def planter(text: str, rng: random.Random):
        doc = Document.from_text(text, "doc.txt")
        for m in _DEFINED.finditer(text):
            expansion, acronym = m.group(1).strip(), m.group(2)
            if acronym in wellknown or not _prose(doc, m.start(), m.end()):
                continue
            if text.count(expansion) > 1 or text.find(acronym) < m.start(2):
                continue  # spelled out elsewhere, or used before its definition: not an error to plant
            if _NAME_GOES_ON.search(text, max(0, m.start() - 30), m.start()):
                continue  # the match is the tail of a longer name ("Ministry of Economy, Trade and Industry")
            # "the Food Standards Agency (FSA) said" -> "the FSA said"
            changed = text[: m.start()] + acronym + text[m.end() :]
            yield Plant(changed, m.start(), m.start() + len(acronym), ("House.Acronyms",), {}, m.start(2), m.end(2))
    return planter


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--classes", default="small-numbers,abbreviations,acronyms")
    args = parser.parse_args(argv)
    from corpora import corpora
    from stylecheck.wordlists import load_data

    wellknown = frozenset(str(w) for w in dict(load_data("acronyms.yml")).get("wellknown") or ())
    classes = [c.strip() for c in args.classes.split(",") if c.strip()]
    for corpus_name in [c.strip() for c in args.corpus.split(",") if c.strip()]:
        preset = corpora()[corpus_name].preset
        planters = {
            "small-numbers": plant_small_numbers,
            "abbreviations": plant_abbreviations(preset),
            "acronyms": plant_acronyms(wellknown),
        }
        rules = {"small-numbers": "House.SmallNumbers", "abbreviations": "House.Abbreviations", "acronyms": "House.Acronyms"}
        chosen = {name: planters[name] for name in classes}
        measure(chosen, [corpus_name], args.split, args.per_class, args.seed, args.limit, args.show_missed,
                select=tuple(rules[name] for name in classes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
