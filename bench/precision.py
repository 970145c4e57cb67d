"""Precision on professionally edited news: flags per 10,000 words, per rule and per category.

    python bench/precision.py ../shared/corpus/bbc --preset british
    python bench/precision.py ../shared/corpus/reuters21578.jsonl.gz --preset ap --sample 10
    python bench/precision.py ../shared/corpus/extractor_fixtures --rules House.PronounAgreement

The corpus is edited copy, so nearly every flag is a false alarm: judge the samples it prints and
fix the checks, not the corpus. Judgements are kept by file and line in bench/judgements/*.yml.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stylecheck.config import Config  # noqa: E402
from stylecheck.engine import Linter, at_or_above  # noqa: E402
from stylecheck.source import Source  # noqa: E402

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")


def documents(corpus: str) -> Iterator[tuple[str, str]]:
    """(name, text) pairs from a folder of .txt/.md files or a JSON-lines file (gzipped or not)."""
    path = Path(corpus)
    if path.is_dir():
        for file in sorted(path.rglob("*")):
            if file.suffix in (".txt", ".md") and file.name != "PROVENANCE.md":
                yield str(file.relative_to(path)), file.read_text(encoding="utf-8", errors="replace")
    else:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                yield str(item.get("id")), item["text"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="a folder of articles, or a .jsonl(.gz) file with id and text")
    parser.add_argument("--preset", default="ap", choices=("ap", "british"))
    parser.add_argument("--level", default="warning", choices=("suggestion", "warning", "error"), help="count flags at or above this level")
    parser.add_argument("--rules", help="comma-separated rule ids or styles to count (default: all)")
    parser.add_argument("--sample", type=int, default=5, help="flagged lines to show per rule")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="lint at most this many documents")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    select = tuple(args.rules.split(",")) if args.rules else None
    linter = Linter(Config(preset=args.preset, select=select))
    words = 0
    docs = 0
    by_rule: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    for name, text in documents(args.corpus):
        if args.limit and docs >= args.limit:
            break
        docs += 1
        words += sum(1 for _ in _WORD.finditer(text))
        result = linter.lint_source(Source.from_text(text, name))
        lines = None
        for d in result.diagnostics:
            if not at_or_above(d.severity, args.level):
                continue
            by_rule[d.rule] += 1
            by_category[d.category] += 1
            if lines is None:
                lines = text.splitlines()
            context = lines[d.line - 1] if d.line - 1 < len(lines) else ""
            start = max(0, d.column - 60)
            snippet = context[start : d.column + d.length + 60]
            samples[d.rule].append(f"{name}:{d.line}:{d.column}: {d.match!r} | {snippet}")

    per10k = lambda n: n * 10000 / words if words else 0.0  # noqa: E731
    if args.json:
        print(json.dumps({
            "corpus": args.corpus, "preset": args.preset, "level": args.level, "documents": docs, "words": words,
            "rules": {r: {"flags": n, "per_10k_words": round(per10k(n), 3)} for r, n in by_rule.most_common()},
            "categories": {c: {"flags": n, "per_10k_words": round(per10k(n), 3)} for c, n in by_category.most_common()},
        }, indent=2))
        return 0
    print(f"{args.corpus}: {docs} documents, {words} words, preset {args.preset}, flags at {args.level} or above")
    print(f"\n{'category':<20} {'flags':>7} {'per 10k words':>14}")
    for category, n in by_category.most_common():
        print(f"{category:<20} {n:>7} {per10k(n):>14.2f}")
    print(f"\n{'rule':<36} {'flags':>7} {'per 10k words':>14}")
    for rule, n in by_rule.most_common():
        print(f"{rule:<36} {n:>7} {per10k(n):>14.2f}")
    rng = random.Random(args.seed)
    for rule, n in by_rule.most_common():
        shown = samples[rule] if len(samples[rule]) <= args.sample else rng.sample(samples[rule], args.sample)
        print(f"\n== {rule}: {min(n, args.sample)} of {n} flags")
        for line in shown:
            print("  " + line)
    total = sum(by_rule.values())
    print(f"\nTotal: {total} flags, {per10k(total):.2f} per 10k words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
