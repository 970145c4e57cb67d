"""Two checkouts of stylecheck side by side, run for run: the CPU of linting the BBC corpus in one
process, and the wall time of linting one article from process start to exit.

    git worktree add /tmp/before <commit>
    python bench/compare_trees.py /tmp/before .            # 5 rounds of each, alternating
    python bench/compare_trees.py /tmp/before . --rounds 15 --only start-up

Each tree is imported from its own folder (PYTHONPATH), with this Python; the two take turns, so a
machine whose speed drifts slows both alike. Prints the minimum and median of each. Speed-only
changes should be checked with `bench/findings_digest.py` too: same digests before and after.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import corpus  # noqa: E402

# Run inside each tree: lint every BBC article in-process, print the CPU seconds.
_IN_PROCESS = """
import sys, time
from stylecheck.config import Config
from stylecheck.engine import Linter
from stylecheck.source import Source
from stylecheck.document import Document
folder = sys.argv[1]
import pathlib
texts = [(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in sorted(pathlib.Path(folder).rglob("*.txt"))]
linter = Linter(Config(preset="british"))
start = time.process_time()
for name, text in texts:
    linter.lint_document(Document.from_source(Source.from_text(text, name)))
print(time.process_time() - start)
"""


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def in_process_cpu(tree: Path, bbc: Path) -> float:
    # From "/": `python -c` puts the working folder first on the path, before PYTHONPATH.
    out = subprocess.run([sys.executable, "-c", _IN_PROCESS, str(bbc)], env=_env(tree), capture_output=True, text=True, check=True, cwd="/")
    return float(out.stdout.split()[-1])


def start_up(tree: Path, article: Path) -> float:
    begin = time.perf_counter()  # from "/" as well, for the same reason
    subprocess.run([sys.executable, "-m", "stylecheck", "--preset", "british", str(article)], env=_env(tree), capture_output=True, cwd="/")
    return time.perf_counter() - begin


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", choices=("corpus", "start-up"))
    args = parser.parse_args(argv)
    bbc = corpus("bbc").path
    article = next(iter(sorted(bbc.rglob("sport_342.txt"))), None) or next(iter(sorted(bbc.rglob("*.txt"))))
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    measures = {"corpus": lambda t: in_process_cpu(t, bbc), "start-up": lambda t: start_up(t, article)}
    for name, measure in measures.items():
        if args.only and name != args.only:
            continue
        for tree in trees.values():  # warm caches (compiled rules, bytecode) for both
            measure(tree)
        seen: dict[str, list[float]] = {label: [] for label in trees}
        for _ in range(args.rounds):
            for label, tree in trees.items():
                seen[label].append(measure(tree))
        unit = "s CPU, BBC in one process" if name == "corpus" else "s wall, one article start to exit"
        for label, values in seen.items():
            print(f"{name:<9} {label:<7} min {min(values):.4f}  median {statistics.median(values):.4f}  ({unit}, {args.rounds} rounds)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
