"""Build the name lists House.RunTogether reads: given names, and the capitalised pairs news uses.

    pip install 'gender-guesser>=0.4'   # or: pip install -e '.[data]'
    python bench/build_names.py         # writes rules/data/names/given.yml and rules/data/names/news-pairs.yml

Two capitalised words run together ("SenatorJane", "UnitedNations") look like a brand written
in camel case ("TalkTalk", "ZoneAlarm"); frequencies cannot tell them apart, names can:

* ``names/given.yml``: given names, from the name dictionary gender-guesser ships (Jörg Michael's
  list of about 48,000 first names from many countries). "AdrianoRigoglioso" starts with one.
  Only plain ASCII names are kept, and of those that are also common English words (Zipf 4 or
  more: "Power", "One", "Mark") only the ones news copy writes capitalised inside a sentence at
  least four times in five (counted on the build split): "John" stays, "Power" goes.
* ``names/news-pairs.yml``: learned from the corpora's *build* split only (bench/corpora.py), never
  from held-out documents: ``pairs``, capitalised word pairs news copy writes spaced at least three
  times ("United Nations", "Prime Minister"); and ``openers``, capitalised words that are followed
  by another capitalised word at least 60% of the at-least-ten times they occur ("Senator",
  "President": titles and name parts). No corpus sentence is kept, only the pairs and words.
"""
from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import ROOT, documents  # noqa: E402

OUT = ROOT / "rules" / "data" / "names"
_PAIR = re.compile(r"(?<![\w'’.@/#&-])(?=([A-Z][a-z]+) ([A-Z][a-z]+)(?![\w'’@/#&-]|\.\w))")
_CAPITALISED = re.compile(r"(?<![\w'’.@/#&-])([A-Z][a-z]+)(?![\w'’@/#&-]|\.\w)( [A-Z][a-z]+)?")
PAIR_MIN = 3
OPENER_MIN = 10
OPENER_SHARE = 0.6


def given_names() -> list[str]:
    import gender_guesser

    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    names = set()
    with open(path, encoding="iso8859-1") as handle:
        for line in handle:
            if line.startswith("#") or len(line) < 30:
                continue
            name = line[3:29].strip()
            if re.fullmatch(r"[A-Z][a-z]+", name):
                names.add(name)
    return sorted(names)


_INSIDE = re.compile(r"(?<=[a-z,;] )([A-Za-z][a-z]+)(?![\w'’@/#&-])")
COMMON_WORD = 4.0
PROPER_SHARE = 0.8


def capitalised_inside() -> set[str]:
    """The words build-split copy writes capitalised inside a sentence, three times or more and
    in at least 80% of their uses there: proper nouns ("Williams", "Dubai", "Israeli")."""
    capital: Counter = Counter()
    lower: Counter = Counter()
    for corpus in ("bbc", "reuters", "fixtures"):
        for _, text in documents(corpus, "build"):
            for m in _INSIDE.finditer(text):
                word = m.group(1)
                if word[0].isupper():
                    if word[1:].islower():
                        capital[word] += 1
                else:
                    lower[word.capitalize()] += 1
    return {n for n, c in capital.items() if c >= 3 and c >= PROPER_SHARE * (c + lower[n])}


def news_pairs() -> tuple[list[str], list[str]]:
    pairs: Counter = Counter()
    seen: Counter = Counter()
    followed: Counter = Counter()
    for corpus in ("bbc", "reuters", "fixtures"):
        for _, text in documents(corpus, "build"):
            for m in _PAIR.finditer(text):
                pairs[(m.group(1), m.group(2))] += 1
            for m in _CAPITALISED.finditer(text):
                seen[m.group(1)] += 1
                followed[m.group(1)] += m.group(2) is not None
    kept = sorted(f"{a} {b}" for (a, b), n in pairs.items() if n >= PAIR_MIN)
    openers = sorted(w for w, n in seen.items() if n >= OPENER_MIN and followed[w] >= OPENER_SHARE * n)
    return kept, openers


def main() -> int:
    try:
        import gender_guesser  # noqa: F401
    except ImportError:
        print("needs the gender-guesser package: pip install 'gender-guesser>=0.4'", file=sys.stderr)
        return 2
    from importlib.metadata import version

    from stylecheck import frequencies

    zipf = frequencies.load().zipf
    OUT.mkdir(parents=True, exist_ok=True)
    names = given_names()
    proper = capitalised_inside()
    names = [n for n in names if zipf(n) < COMMON_WORD or n in proper]
    (OUT / "given.yml").write_text(
        "# Given names (see bench/build_names.py). Generated from the name dictionary of gender-guesser\n"
        f"# {version('gender-guesser')} (Jörg Michael's nam_dict.txt, GNU FDL 1.2); ASCII names only; names that are\n"
        "# common words kept only where the corpora's build split writes them capitalised. Do not edit by hand.\n"
        f"source: gender-guesser {version('gender-guesser')}\n"
        "names: " + " ".join(names) + "\n",
        encoding="utf-8",
    )
    pairs, openers = news_pairs()
    (OUT / "news-pairs.yml").write_text(
        "# Capitalised pairs news copy writes spaced, and words that open names (see bench/build_names.py).\n"
        "# Learned from the build split of the shared corpora (bench/corpora.py); counts only, no text.\n"
        "# Do not edit by hand.\n"
        f"source: corpora build split; pairs seen {PAIR_MIN}+ times; openers followed by a capital in "
        f"{OPENER_SHARE:.0%} of {OPENER_MIN}+ uses\n"
        "pairs:\n" + "".join(f"  - {p}\n" for p in pairs) +
        "openers: " + " ".join(openers) + "\n",
        encoding="utf-8",
    )
    print(f"{OUT}: {len(names)} given names, {len(pairs)} pairs, {len(openers)} openers")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
