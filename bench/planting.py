"""Recall on errors planted in real articles: the harness every recall script in bench/ shares.

A recall script defines *planters*: functions that take one document's text and a seeded
``random.Random`` and return the places where an error of their class could be planted, each as a
``Plant`` (the changed text, the changed span, the rules expected to report it, and labels such as
the frame or the kind of subject). The harness then, for each class:

1. walks the corpus's documents (``--split all|build|held-out``, see corpora.py) in a fixed order,
2. picks at most one plant per document, at random with the fixed seed, until ``--per-class`` plants,
3. lints the changed document with the bundled style under the corpus's preset, and
4. counts the plant as found when one of its rules reports a span that overlaps the changed span.

A plant is only made where the original document has no finding of those rules overlapping the same
place, so a finding already there is not counted as recall. Only file names, classes and labels are
printed, never corpus text.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import corpora, documents, lint_text, linter_for_preset  # noqa: E402


class Plant(NamedTuple):
    text: str  # the whole document, with the error planted
    start: int  # the planted error's span in ``text``
    end: int
    rules: tuple[str, ...]  # a finding of any of these rules over the span counts
    labels: dict[str, str] = {}  # e.g. {"frame": "after-preposition", "subject": "country"}
    original_start: int = -1  # the same place in the original text (default: start)
    original_end: int = -1


Planter = Callable[[str, random.Random], Iterable[Plant]]


def overlaps(d, start: int, end: int) -> bool:
    return d.offset < end and start < d.offset + max(d.length, 1)


def measure(
    planters: dict[str, Planter],
    corpus_names: list[str],
    split: str = "all",
    per_class: int = 200,
    seed: int = 2026,
    limit: int = 0,
    show_missed: int = 0,
    select: tuple[str, ...] | None = None,
) -> dict[str, dict]:
    """Recall per class (and per label value) over the corpora; prints a table and returns it."""
    results: dict[str, dict] = {}
    missed_shown: Counter = Counter()
    for corpus_name in corpus_names:
        preset = corpora()[corpus_name].preset
        linter = linter_for_preset(preset, select=select)  # only the rules under test: faster
        docs = list(documents(corpus_name, split, limit))
        for class_name, planter in planters.items():
            rng = random.Random(f"{seed}|{corpus_name}|{class_name}")
            order = list(range(len(docs)))
            rng.shuffle(order)
            tally: Counter = Counter()
            by_label: dict[tuple[str, str], Counter] = defaultdict(Counter)
            for index in order:
                if tally["planted"] >= per_class:
                    break
                name, text = docs[index]
                candidates = list(planter(text, rng))
                if not candidates:
                    continue
                plant = rng.choice(candidates)
                original = lint_text(linter, text, name)
                o_start = plant.original_start if plant.original_start >= 0 else plant.start
                o_end = plant.original_end if plant.original_end >= 0 else plant.end
                if any(d.rule in plant.rules and overlaps(d, o_start, o_end) for d in original):
                    continue
                found = any(d.rule in plant.rules and overlaps(d, plant.start, plant.end)
                            for d in lint_text(linter, plant.text, name))
                tally["planted"] += 1
                tally["found"] += found
                for key, value in plant.labels.items():
                    by_label[(key, value)]["planted"] += 1
                    by_label[(key, value)]["found"] += found
                if not found and missed_shown[class_name] < show_missed:
                    missed_shown[class_name] += 1
                    line = plant.text.count("\n", 0, plant.start) + 1
                    print(f"  missed [{corpus_name}/{class_name}] {name}:{line} {plant.labels}", file=sys.stderr)
            key = f"{corpus_name}/{class_name}"
            results[key] = {"planted": tally["planted"], "found": tally["found"],
                            "labels": {f"{k}={v}": dict(c) for (k, v), c in sorted(by_label.items())}}
    print_table(results, split)
    return results


def print_table(results: dict[str, dict], split: str) -> None:
    print(f"recall on planted errors (split: {split})")
    print(f"{'corpus/class':<40} {'planted':>8} {'found':>6} {'recall':>7}")
    for key, row in results.items():
        recall = row["found"] / row["planted"] if row["planted"] else 0.0
        print(f"{key:<40} {row['planted']:>8} {row['found']:>6} {recall:>7.1%}")
        for label, c in row["labels"].items():
            r = c["found"] / c["planted"] if c["planted"] else 0.0
            print(f"    {label:<36} {c['planted']:>8} {c['found']:>6} {r:>7.1%}")


def arguments(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="bbc,reuters,fixtures", help="comma-separated: bbc, reuters, fixtures")
    parser.add_argument("--split", default="all", choices=("all", "build", "held-out"))
    parser.add_argument("--per-class", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--limit", type=int, default=0, help="read at most this many documents per corpus")
    parser.add_argument("--show-missed", type=int, default=0, help="name up to N missed plants per class (stderr)")
    return parser
