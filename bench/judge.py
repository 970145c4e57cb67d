"""Precision on untouched news copy, judged by hand: a fixed sample of findings per rule and corpus.

    python bench/judge.py                                  # every rule, every corpus: the table
    python bench/judge.py --rules House.RunTogether --corpus bbc --unjudged
    python bench/judge.py --rules 'House.Name*' --template >> bench/judgements/typos.yml

How it works:
* Each corpus is linted in full with the bundled house style under its desk's preset (BBC British,
  Reuters and the web articles AP; see corpora.py).
* For every rule and corpus, the sample is the ``--per-rule`` findings (default 25) with the smallest
  hash of (seed, corpus, file, rule, line, column, match). That is a uniform random sample fixed by the
  seed, and it stays put when a change adds or removes findings elsewhere: a finding that is still
  raised keeps its place, so its verdict is not judged twice.
* Verdicts live in ``bench/judgements/*.yml``, in a top-level ``findings:`` list, one entry per
  finding: ``{corpus, file, line, column, rule, match, verdict, why}``. ``verdict`` is ``true`` (a
  real error or house-style violation, with a right message and suggestion), ``false`` (a false
  alarm, or a wrong suggestion) or ``debatable`` (depends on knowledge the text does not give).
  ``why`` is one line in our own words. No corpus text goes into the files: ``match`` is the
  flagged span only, to notice when a position now points at something else.
* Precision is ``true / judged``: a debatable verdict counts against the rule. The lenient figure
  ``true / (true + false)`` is shown beside it.

``--unjudged`` prints each sampled finding that has no verdict yet with its context (on the terminal
only); ``--template`` prints YAML entries for them to fill in. ``--check`` exits 1 when a rule with a
complete sample misses its severity's target (error 95%, warning 90%, suggestion 80%).
"""
from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import corpora, documents, lint_text, linter_for_preset  # noqa: E402

JUDGEMENTS = Path(__file__).resolve().parent / "judgements"
TARGETS = {"error": 0.95, "warning": 0.90, "suggestion": 0.80}
VERDICTS = ("true", "false", "debatable")
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")


def load_verdicts(folder: Path = JUDGEMENTS) -> dict[tuple, dict]:
    """(corpus, file, rule, line, column) -> the judgement entry, from every file's ``findings:``."""
    found: dict[tuple, dict] = {}
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("findings") or () if isinstance(data, dict) else ():
            verdict = str(entry.get("verdict")).lower()
            if verdict not in VERDICTS:
                continue
            key = (entry["corpus"], str(entry["file"]), entry["rule"], int(entry["line"]), int(entry["column"]))
            found[key] = dict(entry, verdict=verdict, source=path.name)
    return found


def sample_rank(seed: int, corpus: str, d) -> str:
    key = f"{seed}|{corpus}|{d.path}|{d.rule}|{d.line}|{d.column}|{d.match}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def context(text: str, d, width: int = 160) -> str:
    start = max(0, d.offset - width)
    end = min(len(text), d.offset + d.length + width)
    before = text[start : d.offset].replace("\n", "⏎")
    after = text[d.offset + d.length : end].replace("\n", "⏎")
    return f"…{before}⟦{d.match}⟧{after}…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="bbc,reuters,fixtures", help="comma-separated: bbc, reuters, fixtures")
    parser.add_argument("--rules", default="*", help="comma-separated rule ids or globs (default: every rule)")
    parser.add_argument("--split", default="all", choices=("all", "build", "held-out"))
    parser.add_argument("--per-rule", type=int, default=25)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--limit", type=int, default=0, help="lint at most this many documents per corpus")
    parser.add_argument("--unjudged", action="store_true", help="print unjudged sampled findings in context")
    parser.add_argument("--template", action="store_true", help="print YAML entries for the unjudged findings")
    parser.add_argument("--check", action="store_true", help="exit 1 when a fully judged rule misses its target")
    args = parser.parse_args(argv)

    globs = [g.strip() for g in args.rules.split(",") if g.strip()]
    verdicts = load_verdicts()
    names = [c.strip() for c in args.corpus.split(",") if c.strip()]
    rows = []
    missed = []
    for name in names:
        preset = corpora()[name].preset
        linter = linter_for_preset(preset)
        by_rule: dict[str, list] = defaultdict(list)
        texts: dict[str, str] = {}
        severities: dict[str, Counter] = defaultdict(Counter)
        words = 0
        for doc_name, text in documents(name, args.split, args.limit):
            words += sum(1 for _ in _WORD.finditer(text))
            for d in lint_text(linter, text, doc_name):
                if any(fnmatch.fnmatchcase(d.rule, g) for g in globs):
                    by_rule[d.rule].append(d)
                    severities[d.rule][d.severity] += 1
                    texts[doc_name] = text
        for rule in sorted(by_rule):
            found = by_rule[rule]
            sample = sorted(found, key=lambda d: sample_rank(args.seed, name, d))[: args.per_rule]
            tally: Counter = Counter()
            unjudged = []
            for d in sample:
                entry = verdicts.get((name, d.path, d.rule, d.line, d.column))
                if entry is None or str(entry.get("match", d.match)) != d.match:
                    unjudged.append(d)
                else:
                    tally[entry["verdict"]] += 1
            severity = severities[rule].most_common(1)[0][0]
            judged = sum(tally.values())
            strict = tally["true"] / judged if judged else None
            lenient = tally["true"] / (tally["true"] + tally["false"]) if tally["true"] + tally["false"] else None
            rows.append((name, rule, severity, len(found), len(found) * 10000 / max(words, 1), len(sample),
                         judged, tally, strict, lenient))
            if strict is not None and not unjudged and strict < TARGETS[severity]:
                missed.append(f"{name} {rule}: {strict:.0%} at {severity} (target {TARGETS[severity]:.0%})")
            for d in sorted(unjudged, key=lambda d: (d.path, d.offset)):
                if args.unjudged:
                    print(f"[{name}] {d.path}:{d.line}:{d.column} {d.severity} [{d.rule}] {d.message}"
                          f"{' -> ' + repr(d.suggestions[0]) if d.suggestions else ''}")
                    print(f"    {context(texts[d.path], d)}")
                if args.template:
                    print(f"  - {{corpus: {name}, file: {d.path}, line: {d.line}, column: {d.column}, "
                          f"rule: {d.rule}, match: {json.dumps(d.match, ensure_ascii=False)}, "
                          f"verdict: ?, why: \"\"}}")
    if args.template:
        return 0
    header = f"{'corpus':<9} {'rule':<32} {'level':<10} {'found':>6} {'/10k w':>7} {'sample':>6} {'judged':>6} " \
             f"{'T':>3} {'F':>3} {'D':>3} {'precision':>9} {'lenient':>8}"
    print(header)
    print("-" * len(header))
    for name, rule, severity, found, per10k, sampled, judged, tally, strict, lenient in rows:
        fmt = lambda p: f"{p:.0%}" if p is not None else "-"  # noqa: E731
        print(f"{name:<9} {rule:<32} {severity:<10} {found:>6} {per10k:>7.2f} {sampled:>6} {judged:>6} "
              f"{tally['true']:>3} {tally['false']:>3} {tally['debatable']:>3} {fmt(strict):>9} {fmt(lenient):>8}")
    if missed:
        print("\nBelow target:\n  " + "\n  ".join(missed))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
