"""House.PronounAgreement beyond precision: what it catches, and what it rightly leaves alone.

    python bench/pronoun_recall.py ../shared/corpus/bbc --preset british
    python bench/pronoun_recall.py ../shared/corpus/reuters21578.jsonl.gz --list

Edited news has (almost) no agreement errors, so precision alone cannot show the check works.
This script measures two more things on a corpus, printing file and line only (never text):

* planted errors: every "its"/"itself" is turned into "his"/"himself" in memory and the rule is
  run again. Each finding is a real error in the changed text (the subject it names is what "its"
  referred to); their number shows how many of the corpus's own it/its frames the check covers.
* word-distance candidates: sentences that open with a gazetteer name and have his/her/himself/
  herself later on. A check that decided by word distance would consider all of them; the
  structural check must report none of them in the original text.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from precision import documents  # noqa: E402

from stylecheck.config import Config  # noqa: E402
from stylecheck.document import Document  # noqa: E402
from stylecheck.engine import Linter  # noqa: E402
from stylecheck.ruletypes.pronoun import _alternation  # noqa: E402
from stylecheck.source import Source  # noqa: E402

RULE = "House.PronounAgreement"
_ITS = regex.compile(r"\b(its|itself)\b")
_PERSONAL = regex.compile(r"\b(?:his|her|himself|herself)\b")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--preset", default="ap", choices=("ap", "british"))
    parser.add_argument("--list", action="store_true", help="print file:line of planted errors found and of candidates")
    args = parser.parse_args(argv)

    linter = Linter(Config(preset=args.preset, select=(RULE,)))
    rule = linter.rules[RULE]
    opening = regex.compile(r"(?:[Tt]he\s+)?(?:" + _alternation(rule.names) + r")(?![\p{L}\p{N}'’-])")
    docs = planted = its_total = candidates = flagged = 0
    for name, text in documents(args.corpus):
        docs += 1
        original = linter.lint_source(Source.from_text(text, name)).diagnostics
        flagged += len(original)
        swapped = _ITS.sub(lambda m: "his" if m.group(1) == "its" else "himself", text)
        its_total += sum(1 for _ in _ITS.finditer(text))
        for d in linter.lint_source(Source.from_text(swapped, name)).diagnostics:
            planted += 1
            if args.list:
                print(f"planted\t{name}\t{d.line}")
        doc = Document.from_text(text, name)
        for start, end in doc.sentences:
            m = opening.match(text, start, end)
            if m and _PERSONAL.search(text, m.end(), end):
                candidates += 1
                if args.list:
                    print(f"candidate\t{name}\t{text.count(chr(10), 0, start) + 1}")
    print(f"{args.corpus}: {docs} documents, preset {args.preset}")
    print(f"findings on the original text: {flagged}")
    print(f"planted errors (its->his, itself->himself over {its_total} its/itself): {planted} found")
    print(f"word-distance candidates (sentence opens with a gazetteer name, a personal pronoun follows): {candidates}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
