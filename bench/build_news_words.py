"""Build rules/data/frequencies/news.yml and news-phrases.yml: what news copy uses that the general
list does not know.

    python bench/build_news_words.py    # reads the corpora's build split; writes both files

wordfreq's list (frequencies/en.yml) is general English. News desks have words of their own that
it ranks low or not at all: wire-service jargon ("onstream", "feedgrains", "timecharter"), trade
and sports terms. To a run-together check such a word looks like two words glued together. This
list adds them, counted on the *build* split of the shared corpora (bench/corpora.py), so every
figure can still be measured on held-out documents: lowercase words of letters used in at least
``MIN_DOCUMENTS`` different build documents whose news frequency is above their general one. Their
Zipf value is computed the same way (log10 of uses per billion words of the build split).

news-phrases.yml is a phrase (bigram) model for the run-together checks: word pairs, compared
without regard to case, that build-split copy writes spaced at least ``MIN_PAIR`` times and
joined (as one token, any case but all capitals) at most a tenth as often ("to be", "interest rates", "Sri Lanka"),
with the pair's own Zipf value (log10 of uses per billion words of the build split). A unigram
model cannot tell "stockbuilding" (a compound) from "oilprices" (a lost space), nor "tobe" (web
text's glued pair, a known word to wordfreq) from a word; how often news writes the pair spaced,
and how rarely joined, can. Only pairs whose joined form is rarer than Zipf ``JOINED_CEILING`` in
general English are kept (the checks never split a commoner word), and ``joined`` lists the kept
pairs' joined forms that the general list knows as words at all ("tobe", "hongkong"): the only
known words the checks reconsider. Only words and numbers are kept, never text.
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
# A pair is kept only when news writes it joined at most this share of the times it writes it spaced.
JOINED_SHARE = 0.1
# ... and when its joined form is rarer than this in general English (Zipf).
JOINED_CEILING = 4.0
_PAIR = re.compile(r"(?<![\w'’.@/#&-])(?=([A-Za-z][a-z]*) ([A-Za-z][a-z]*)(?![\w'’@/#&-]|\.\w))")
_TOKEN = re.compile(r"[A-Za-z]+")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from stylecheck import frequencies

    general = frequencies.load()
    uses: Counter = Counter()
    documents_with: Counter = Counter()
    total = 0
    pairs: Counter = Counter()
    tokens: Counter = Counter()
    for corpus in ("bbc", "reuters", "fixtures"):
        for _, text in documents(corpus, "build"):
            total += sum(1 for _ in _ANY.finditer(text))
            found = Counter(m.group(1) for m in _WORD.finditer(text))
            uses.update(found)
            for m in _PAIR.finditer(text):
                pairs[(m.group(1).lower(), m.group(2).lower())] += 1
            # Joined forms in any case but all capitals (wire headlines: "HONGKONG").
            tokens.update(t.lower() for t in _TOKEN.findall(text) if not t.isupper())
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
    phrases: dict[int, list[str]] = defaultdict(list)
    known_joined = []
    for (a, b), n in pairs.items():
        joined = a + b
        if n < MIN_PAIR or len(joined) < 3 or tokens[joined] > JOINED_SHARE * n or zipf(joined) >= JOINED_CEILING:
            continue
        phrases[round(math.log10(n / total * 1e9) * 10)].append(f"{a}_{b}")
        if zipf(joined) > 0:
            known_joined.append(joined)
    lines = [
        "# Word pairs news copy writes spaced, joined by _, on the Zipf scale (see bench/build_news_words.py).",
        f"# Counted on the build split of the shared corpora ({total} words): written spaced {MIN_PAIR}+ times,",
        f"# joined at most {JOINED_SHARE:.0%} as often, the joined form below Zipf {JOINED_CEILING} in general English.",
        "# Do not edit by hand.",
        f"source: corpora build split ({total} words)",
        "# The kept pairs' joined forms that the general list knows as words (web text's glued pairs).",
        "joined: " + " ".join(sorted(known_joined)),
        "zipf:",
    ]
    for value in sorted(phrases, reverse=True):
        lines.append(f"  '{value / 10:.1f}': \"{' '.join(sorted(phrases[value]))}\"")
    phrase_file = OUT.parent / "news-phrases.yml"
    phrase_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{phrase_file}: {sum(len(p) for p in phrases.values())} pairs, {len(known_joined)} known joined forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
