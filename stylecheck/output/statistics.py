"""`--statistics`: how many findings each rule and each category has, instead of the findings.

Like ruff's `--statistics`: one line per rule, most frequent first, then one line per category,
then the usual summary line. With `--format json`, the same counts as one JSON document.
"""
from __future__ import annotations

import json
from collections import Counter

from . import Report

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from typing import TextIO


def rule_counts(report: Report) -> list[tuple[str, str, str, int]]:
    """(rule, category, severity, count), most frequent first, then by rule id."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for result in report.results:
        for d in result.diagnostics:
            counts[(d.rule, d.category, d.severity)] += 1
    return sorted(((r, c, s, n) for (r, c, s), n in counts.items()), key=lambda row: (-row[3], row[0], row[2]))


def category_counts(report: Report) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for result in report.results:
        for d in result.diagnostics:
            counts[d.category] += 1
    return sorted(counts.items(), key=lambda row: (-row[1], row[0]))


def write_text(report: Report, stream: TextIO) -> None:
    from .text import summary_line

    rules = rule_counts(report)
    categories = category_counts(report)
    width = len(str(max([n for *_x, n in rules] + [0])))
    rule_width = max([len(r) for r, *_x in rules] + [4])
    for rule, category, severity, count in rules:
        stream.write(f"{count:>{width}}  {rule:<{rule_width}}  {severity:<10}  {category}\n")
    if categories:
        stream.write("\n")
    for category, count in categories:
        stream.write(f"{count:>{width}}  {category}\n")
    if not report.quiet:
        if rules:
            stream.write("\n")
        stream.write(summary_line(report) + "\n")


def write_json(report: Report, stream: TextIO) -> None:
    data = {
        "rules": [{"rule": r, "category": c, "severity": s, "count": n} for r, c, s, n in rule_counts(report)],
        "categories": [{"category": c, "count": n} for c, n in category_counts(report)],
        "summary": report.counts(),
    }
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def writer_for(fmt: str) -> Callable[[Report, TextIO], None]:
    return write_json if fmt == "json" else write_text


write = write_text
