"""CPU seconds each rule spends on a corpus (the rule's own check, without parsing or output).

    python bench/rule_timing.py ../shared/corpus/bbc --preset british
    python bench/rule_timing.py ../shared/corpus/bbc --rules House.Spelling,House.NameVariants

The budget for one rule type is about 0.1 s over the BBC corpus on an idle machine.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from precision import documents  # noqa: E402

from stylecheck.config import Config  # noqa: E402
from stylecheck.document import Document  # noqa: E402
from stylecheck.engine import Linter  # noqa: E402
from stylecheck.source import Source  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--preset", default="ap", choices=("ap", "british"))
    parser.add_argument("--rules", help="comma-separated rule ids or styles (default: all)")
    args = parser.parse_args(argv)
    select = tuple(args.rules.split(",")) if args.rules else None
    linter = Linter(Config(preset=args.preset, select=select))
    docs = [Document.from_source(Source.from_text(text, name)) for name, text in documents(args.corpus)]
    spent: Counter[str] = Counter()
    for doc in docs:
        _selection, rules = linter.active_rules(doc.source.path)
        for rule in rules:
            doc.rule_deadline = time.monotonic() + 60  # type: ignore[attr-defined]
            started = time.process_time()
            for _match in rule.check(doc):
                pass
            spent[rule.id] += time.process_time() - started
    print(f"{args.corpus}: {len(docs)} documents, preset {args.preset}; CPU seconds per rule")
    for rule_id, seconds in spent.most_common():
        print(f"  {rule_id:<36} {seconds:8.3f}")
    print(f"  {'total':<36} {sum(spent.values()):8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
