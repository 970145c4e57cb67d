"""Recall of the repeat and name-variant checks on errors planted in real articles (see planting.py).

    python bench/recall_repeats.py                         # every class, every corpus, all documents
    python bench/recall_repeats.py --split held-out        # only the held-out documents
    python bench/recall_repeats.py --classes name-variant --corpus reuters --show-missed 10

Classes (one plant per document, chosen with the fixed seed):

* ``name-variant``: in a name the article uses at least twice (a capitalised word of four letters
  or more, used at least once inside a sentence and never written in lowercase there), one use
  gets a letter doubled, a letter dropped (not the first) or two neighbouring letters swapped (not
  the first two). Expected: House.NameVariants. Labels: the edit, the name's length, whether the
  word list knows the name.
* ``doubled-word``: a word of a prose line typed twice ("the the"). Expected: House.DoubledWord.
  Labels: lowercase or capitalised, common or not (Zipf 5 and up).
* ``doubled-line-break``: the word ending a line typed again at the start of the next line of the
  same paragraph (hard-wrapped copy only: BBC paragraphs are single lines, so it has none).
  Expected: House.DoubledWord.
* ``repeated-phrase``: two to five words of a prose line typed twice ("is an echo is an echo").
  Expected: House.RepeatedPhrase. Label: the phrase's length.

A prose line holds five words or more and lowercase letters (not a table row, a headline or a
signature). Only file names, classes and labels are printed, never corpus text.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planting import Plant, arguments, measure  # noqa: E402

from stylecheck import frequencies  # noqa: E402

_FREQ = frequencies.load()
_NAME = regex.compile(r"\b\p{Lu}\p{Ll}{3,}\b")
_LOWER_WORD = regex.compile(r"\b\p{Ll}+\b")
# A word of letters standing alone between spaces (no punctuation attached), on a prose line.
_PLAIN_WORD = regex.compile(r"(?<=[ \t]|^)\p{L}+(?=[ \t])", regex.M)
_LINE = regex.compile(r"^.*$", regex.M)
_WORDS = regex.compile(r"\p{L}+")
_SENTENCE_OPENERS = set(".!?:\"“‘'(")


def _prose_lines(text: str):
    for m in _LINE.finditer(text):
        line = m.group()
        if len(_WORDS.findall(line)) >= 5 and regex.search(r"\p{Ll}", line) and "   " not in line.strip() and "\t" not in line:
            yield m.start(), m.end()


def plant_name(text: str, rng: random.Random):
    lowercase = set(_LOWER_WORD.findall(text))
    uses: dict[str, list[regex.Match]] = {}
    for m in _NAME.finditer(text):
        uses.setdefault(m.group(), []).append(m)
    for name, found in sorted(uses.items()):
        if len(found) < 2 or name.lower() in lowercase:
            continue
        inside = [m for m in found if (text[max(0, m.start() - 3) : m.start()].rstrip(" \t") or ".")[-1] not in _SENTENCE_OPENERS | {"\n", "\r"}]
        if not inside:
            continue
        m = rng.choice(found)
        kind = rng.choice(("double", "drop", "transpose"))
        i = rng.randrange(1, len(name) - (1 if kind == "transpose" else 0))
        if kind == "double":
            wrong = name[: i + 1] + name[i:]
        elif kind == "drop":
            wrong = name[:i] + name[i + 1 :]
        else:
            if name[i] == name[i + 1]:
                continue  # swapping two equal letters changes nothing
            wrong = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        labels = {
            "edit": kind,
            "length": "4" if len(name) == 4 else "5-6" if len(name) <= 6 else "7+",
            "known": "known" if name in _FREQ else "unknown",
        }
        yield Plant(text[: m.start()] + wrong + text[m.end() :], m.start(), m.start() + len(wrong),
                    ("House.NameVariants",), labels, m.start(), m.end())


def plant_doubled(text: str, rng: random.Random):
    for start, end in _prose_lines(text):
        for m in _PLAIN_WORD.finditer(text, start, end):
            word = m.group()
            labels = {
                "case": "lower" if word.islower() else "capital",
                "common": "common" if _FREQ.zipf(word) >= 5.0 else "rarer",
            }
            yield Plant(text[: m.end()] + " " + word + text[m.end() :], m.start(), m.end() + 1 + len(word),
                        ("House.DoubledWord",), labels, m.start(), m.end())


_LAST_WORD = regex.compile(r"(?<=[ \t])\p{L}+$")


def plant_line_break(text: str, rng: random.Random):
    for start, end in _prose_lines(text):
        m = _LAST_WORD.search(text, start, end)
        # The next line continues the paragraph: it starts with a letter, not indented or blank.
        if m is None or text[end : end + 1] != "\n" or not text[end + 1 : end + 2].isalpha():
            continue
        word = m.group()
        after = end + 1
        labels = {"case": "lower" if word.islower() else "capital"}
        yield Plant(text[:after] + word + " " + text[after:], m.start(), after + len(word),
                    ("House.DoubledWord",), labels, m.start(), m.end())


def plant_phrase(text: str, rng: random.Random):
    for start, end in _prose_lines(text):
        words = list(_PLAIN_WORD.finditer(text, start, end))
        for i in range(len(words)):
            k = rng.randint(2, 5)
            run = words[i : i + k]
            if len(run) < k:
                continue
            # The run must be plain words with single spaces between them (no punctuation).
            if any(text[a.end() : b.start()] != " " for a, b in zip(run, run[1:])):
                continue
            phrase = text[run[0].start() : run[-1].end()]
            if len({w.group().lower() for w in run}) == 1:
                continue
            labels = {"length": str(k)}
            yield Plant(text[: run[-1].end()] + " " + phrase + text[run[-1].end() :], run[0].start(),
                        run[-1].end() + 1 + len(phrase), ("House.RepeatedPhrase",), labels, run[0].start(), run[-1].end())


PLANTERS = {
    "name-variant": plant_name,
    "doubled-word": plant_doubled,
    "doubled-line-break": plant_line_break,
    "repeated-phrase": plant_phrase,
}


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--classes", default=",".join(PLANTERS), help="comma-separated: " + ", ".join(PLANTERS))
    args = parser.parse_args(argv)
    chosen = {name: PLANTERS[name] for name in args.classes.split(",") if name}
    rules = tuple(sorted({"House.NameVariants", "House.DoubledWord", "House.RepeatedPhrase"}))
    results = measure(chosen, [c for c in args.corpus.split(",") if c], args.split, args.per_class, args.seed,
                      args.limit, args.show_missed, select=rules)
    # Totals per class over the corpora.
    print(f"\n{'class (all corpora)':<40} {'planted':>8} {'found':>6} {'recall':>7}")
    for name in chosen:
        planted = sum(r["planted"] for k, r in results.items() if k.endswith("/" + name))
        found = sum(r["found"] for k, r in results.items() if k.endswith("/" + name))
        print(f"{name:<40} {planted:>8} {found:>6} {found / planted if planted else 0:>7.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
