"""Every flag of some rules on a corpus, one a line (file:line:column severity rule match :: message),
for judging them all rather than a sample. Output quotes the corpus: keep it out of the repository.

    python bench/list_flags.py ../shared/corpus/bbc --preset british --rules House.Spelling,House.NameVariants
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from precision import documents  # noqa: E402

from stylecheck.config import Config  # noqa: E402
from stylecheck.engine import Linter, at_or_above  # noqa: E402
from stylecheck.source import Source  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--preset", default="ap", choices=("ap", "british"))
    parser.add_argument("--rules", required=True, help="comma-separated rule ids or styles")
    parser.add_argument("--level", default="warning", choices=("suggestion", "warning", "error"))
    args = parser.parse_args(argv)
    linter = Linter(Config(preset=args.preset, select=tuple(args.rules.split(","))))
    for name, text in documents(args.corpus):
        for d in linter.lint_source(Source.from_text(text, name)).diagnostics:
            if at_or_above(d.severity, args.level):
                print(f"{name}:{d.line}:{d.column} {d.severity[0]} {d.rule.split('.', 1)[1]} {d.match!r} :: {d.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
