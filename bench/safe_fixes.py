"""Which judged findings carry a safe fix (one `--fix` applies unasked), and is any of them wrong?

    python bench/safe_fixes.py

Each corpus is linted under its desk's preset (corpora.py); every finding that has a verdict in
bench/judgements/ is looked up, and those whose fix is `safe` are counted per rule. A safe fix on a
finding judged false or debatable is listed: a fix is safe only where no reading makes it wrong,
so the list should be empty. Exit status 1 when it is not.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import corpora, documents, lint_text, linter_for_preset  # noqa: E402
from judge import load_verdicts  # noqa: E402


def main() -> int:
    verdicts = load_verdicts()
    wanted: dict[str, dict[str, list]] = {}
    for key, entry in verdicts.items():
        wanted.setdefault(key[0], {}).setdefault(key[1], []).append((key, entry))
    safe: Counter = Counter()
    wrong = []
    for name in ("bbc", "reuters", "fixtures"):
        files = wanted.get(name, {})
        if not files:
            continue
        linter = linter_for_preset(corpora()[name].preset)
        for doc_name, text in documents(name, "all", 0):
            if doc_name not in files:
                continue
            found = {(d.rule, d.line, d.column): d for d in lint_text(linter, text, doc_name)}
            for key, entry in files[doc_name]:
                d = found.get((key[2], key[3], key[4]))
                if d is None or d.fix is None or d.fix.applicability != "safe":
                    continue
                safe[d.rule] += 1
                if entry["verdict"] != "true":
                    wrong.append(f"{name} {doc_name}:{d.line}:{d.column} {d.rule} {d.match!r}: {entry['verdict']} ({entry.get('why', '')})")
    print(f"judged findings with a safe fix: {sum(safe.values())}")
    for rule, count in sorted(safe.items()):
        print(f"  {rule:<32} {count}")
    print(f"of them judged false or debatable: {len(wrong)}")
    for line in wrong:
        print("  " + line)
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
