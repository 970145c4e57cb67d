"""A fingerprint of every finding on three corpora, to prove that a speed-up changed no result.

    python bench/findings_digest.py            # all three corpora
    python bench/findings_digest.py --counts   # and the number of findings per rule

It lints, in-process, `../shared/corpus/bbc` (British preset), the first 3000 stories of
`../shared/corpus/reuters21578.jsonl.gz` (AP preset) and `../shared/corpus/extractor_fixtures`
(AP preset), and prints for each the sha256 of the sorted list of
(file, rule, offset, length, message, suggestions) and the number of findings. Record the
digests before an optimisation and compare them after: they must be identical.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from precision import documents  # noqa: E402

from stylecheck.config import Config  # noqa: E402
from stylecheck.engine import Linter  # noqa: E402
from stylecheck.source import Source  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = (
    ("bbc", SHARED / "corpus" / "bbc", "british", None),
    ("reuters", SHARED / "corpus" / "reuters21578.jsonl.gz", "ap", 3000),
    ("fixtures", SHARED / "corpus" / "extractor_fixtures", "ap", None),
)


def findings(corpus: Path, preset: str, limit: int | None) -> list[tuple]:
    """Every finding on a corpus as (file, rule, offset, length, message, suggestions)."""
    # A generous time budget: a loaded machine must not cut a rule short and change the result.
    linter = Linter(Config(preset=preset, time_budget=120.0))
    found: list[tuple] = []
    for name, text in islice(documents(str(corpus)), limit):
        result = linter.lint_source(Source.from_text(text, name))
        if result.warnings:
            raise SystemExit(f"{name}: {result.warnings}")
        for d in result.diagnostics:
            found.append((name, d.rule, d.offset, d.length, d.message, list(d.suggestions)))
    return sorted(found, key=lambda f: json.dumps(f))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", action="store_true", help="print the number of findings per rule")
    parser.add_argument("--only", help="comma-separated corpus names (bbc, reuters, fixtures)")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    for label, corpus, preset, limit in CORPORA:
        if only and label not in only:
            continue
        if not corpus.exists():
            print(f"{label}: skipped ({corpus} is absent)")
            continue
        found = findings(corpus, preset, limit)
        digest = hashlib.sha256(json.dumps(found).encode("utf-8")).hexdigest()
        print(f"{label} ({preset}): {len(found)} findings, sha256 {digest}")
        if args.counts:
            for rule, count in sorted(Counter(f[1] for f in found).items()):
                print(f"  {rule:<32} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
