"""Build rules/data/frequencies/news.yml and news-bigrams.yml: what news copy uses that the general
list does not know.

    python bench/build_news_words.py    # reads the corpora's build split; writes both files

wordfreq's list (frequencies/en.yml) is general English. News desks have words of their own that
it ranks low or not at all: wire-service jargon ("onstream", "feedgrains", "timecharter"), trade
and sports terms. To a run-together check such a word looks like two words glued together. This
list adds them, counted on the *build* split of the shared corpora (bench/corpora.py), so every
figure can still be measured on held-out documents: lowercase words of letters used in at least
``MIN_DOCUMENTS`` different build documents whose news frequency is above their general one. Their
Zipf value is computed the same way (log10 of uses per billion words of the build split).

news-bigrams.yml holds pairs of lowercase content words (neither among the commonest words, Zipf
below 6) that build-split copy writes spaced at least ``MIN_PAIR`` times ("interest rates"): a
phrase model for the pairs a unigram model cannot judge, where "stockbuilding" and "oilprices"
look alike. Only words and numbers are kept, never text.
"""
from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import ROOT, documents  # noqa: E402

OUT = ROOT / "rules" / "data" / "frequencies" / "news.yml"
_WORD = re.compile(r"(?<![\w'’.@/#&-])([a-z]+)(?![\w'’@/#&-]|\.\w)")
_ANY = re.compile(r"\w+")
MIN_DOCUMENTS = 2
MIN_PAIR = 3
CONTENT = 6.0
_PAIR = re.compile(r"(?<![\w'’.@/#&-])(?=([a-z]+) ([a-z]+)(?![\w'’@/#&-]|\.\w))")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from stylecheck import frequencies

    general = frequencies.load()
    uses: Counter = Counter()
    documents_with: Counter = Counter()
    total = 0
    pairs: Counter = Counter()
    for corpus in ("bbc", "reuters", "fixtures"):
        for _, text in documents(corpus, "build"):
            total += sum(1 for _ in _ANY.finditer(text))
            found = Counter(m.group(1) for m in _WORD.finditer(text))
            uses.update(found)
            for m in _PAIR.finditer(text):
                pairs[(m.group(1), m.group(2))] += 1
            documents_with.update(found.keys())
    buckets: dict[int, list[str]] = defaultdict(list)
    for word, count in uses.items():
        if documents_with[word] < MIN_DOCUMENTS or len(word) < 3:
            continue
        zipf = math.log10(count / total * 1e9)
        if zipf > general.zipf(word) + 0.5:
            buckets[round(zipf * 10)].append(word)
    lines = [
        "# Words news copy uses more than general English does, on the Zipf scale (see bench/build_news_words.py).",
        f"# Counted on the build split of the shared corpora ({total} words); used in {MIN_DOCUMENTS}+ documents.",
        "# Do not edit by hand.",
        f"source: corpora build split ({total} words)",
        "zipf:",
    ]
    for value in sorted(buckets, reverse=True):
        words = " ".join(sorted(buckets[value]))
        lines.append(f"  '{value / 10:.1f}': \"{words}\"")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {sum(len(w) for w in buckets.values())} words")
    zipf = general.zipf
    kept = sorted(f"{a}_{b}" for (a, b), n in pairs.items()
                  if n >= MIN_PAIR and zipf(a) < CONTENT and zipf(b) < CONTENT and zipf(a + b) == 0)
    bigrams = OUT.parent / "news-bigrams.yml"
    bigrams.write_text(
        "# Pairs of content words news copy writes spaced, joined by _ (see bench/build_news_words.py).\n"
        f"# Counted on the build split of the shared corpora; written spaced {MIN_PAIR}+ times. Do not edit by hand.\n"
        f"source: corpora build split ({total} words)\n"
        "pairs: " + " ".join(kept) + "\n",
        encoding="utf-8",
    )
    print(f"{bigrams}: {len(kept)} pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
