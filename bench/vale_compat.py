"""Compare stylecheck's Vale mode with Vale 3.7.1, alert by alert, on corpus/bbc.

    python bench/vale_compat.py                       # proselint, write-good, alex, Joblint
    python bench/vale_compat.py proselint --show 20   # print up to 20 missed / extra alerts

An alert is the same when file, line, 1-based inclusive span and check name agree. Vale's
reference is `../shared/peers/vale-reference/<Style>.bbc.json.gz` (see ../shared/README.md).

Vale does not carry a match's position through: it finds the matched text again in the file
(internal/core/location.go), searching from the block's start with an ASCII word boundary and
masking the alerts it already placed. That search sometimes lands on the wrong occurrence (an
earlier "is" inside "this", a "so" inside a quotation), and two alerts landing on the same spot
are then merged into one. stylecheck reports the true position. To tell those cases apart from
real disagreements, this script replays Vale's search on each of our alerts; an alert that Vale
reported where the replay puts it (but not where it really is) counts as a Vale position bug,
and an alert of ours that the replay merges into another (same line, column and check) counts as a
Vale dropped duplicate.
Both are counted separately from misses and extras (tests/test_vale_bugs.py shows each).

Columns: Vale counts runes (code points), as stylecheck does, so no conversion is needed; the
replay works on UTF-8 bytes where Vale does (its byte-wise look-arounds), and converts back.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stylecheck.engine import Linter  # noqa: E402
from stylecheck.source import read_source  # noqa: E402
from stylecheck.vale import load_vale_ini  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
STYLES = ("proselint", "write-good", "alex", "Joblint")


# -- Vale's location search, replayed (internal/core/location.go, file.go) -------------------------


def substitute(src: bytes, sub: bytes, char: bytes) -> bytes:
    """Go core.Substitute: the first occurrence of `sub`, each rune but \\n replaced by `char`."""
    idx = src.find(sub)
    if idx < 0 or not sub:
        return src
    text = sub.decode("utf-8", errors="replace")
    repl = "".join("\n" if ch == "\n" else "#" for ch in text).encode().replace(b"#", char)
    return src[:idx] + repl + src[idx + len(sub) :]


def rune_len(b: bytes) -> int:
    return len(b.decode("utf-8", errors="replace"))


def initial_position(ctx: bytes, txt: bytes, match: bytes) -> tuple[int, bytes]:
    if not match:
        return 1, b""
    offset = ctx.find(txt)
    if offset > 0:
        ctx = substitute(ctx, ctx[:offset], b"@")
    pat = re.compile(rb"(?:^|\b|_)" + re.escape(match) + rb"(?:_|\b|\Z)")
    found = [(m.start(), m.end()) for m in pat.finditer(ctx)]
    if not found:
        idx = ctx.find(match)
        if idx < 0:
            return -1, match
    else:
        idx = found[0][0]
        size = len(ctx)
        for s, e in found:
            start, end = s - 1, e + 1
            if start > 0 and ctx[start : start + 1] in (b"`", b"-"):
                continue
            if end < size and ctx[end : end + 1] in (b"`", b"-"):
                continue
            idx = s
            break
    if ctx[idx : idx + 1] == b"_":
        idx += 1
    return rune_len(ctx[:idx]) + 1, match


def find_loc(ctx: bytes, block: bytes, offsets: list[bytes], match: bytes, line_count: int) -> tuple[int, int, int] | None:
    for word in offsets:
        ctx = substitute(ctx, word, b"@")
    pos, found = initial_position(ctx, block, match)
    if pos < 0:
        return None
    counter = 0
    lines = ctx.split(b"\n")
    lines = [line + b"\n" for line in lines[:-1]] + [lines[-1]]
    for idx, line in enumerate(lines):
        length = rune_len(line)
        if counter + length >= pos:
            s0 = pos - counter
            s1 = s0 + rune_len(found) - 1
            if s1 > length:
                s1 = length
            elif s1 <= 0:
                s1 = 1
            return line_count - (len(lines) - (idx + 1)), s0, s1
        counter += length
    return None


def true_span(text: str, line_starts: list[int], offset: int, length: int) -> tuple[int, int, int]:
    """(line, first column, last column) as Vale writes them, from a code-point offset."""
    from bisect import bisect_right

    line = bisect_right(line_starts, offset) - 1
    col = offset - line_starts[line] + 1
    end_of_line = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
    extent = end_of_line - line_starts[line]
    last = col + max(length, 1) - 1 if length else col
    if length and last > extent:
        last = extent
    return line + 1, col, last


def replay(text: str, diagnostics: list, linter: Linter, doc) -> dict[int, tuple[int, int, int] | None]:
    """Vale's position of each of our diagnostics (None: Vale would drop it as a duplicate)."""
    from stylecheck.valecompat import vale_blocks

    content = text.encode("utf-8")
    line_count = text.count("\n") + 1
    out: dict[int, tuple[int, int, int] | None] = {}
    history: set[tuple[int, int, str]] = set()
    by_rule: dict[str, list[int]] = {}
    for i, d in enumerate(diagnostics):
        by_rule.setdefault(d.rule, []).append(i)
    # Vale lints paragraph blocks, then sentences, then the whole text; each check's masked
    # context starts afresh with every block.
    order = {"paragraph": 0, "sentence": 1}
    for rule_id, indexes in by_rule.items():
        rule = linter.rules[rule_id]
        blocks = vale_blocks(doc, tuple(rule.scopes))
        kind = order.get(rule.scopes[0].split(".")[0], 2)
        placed: list[tuple[int, int]] = []  # (block index, diagnostic index)
        for i in indexes:
            d = diagnostics[i]
            for b, (start, body) in enumerate(blocks):
                if start <= d.offset < start + max(len(body), 1):
                    placed.append((b, i))
                    break
        placed.sort(key=lambda p: (p[0], diagnostics[p[1]].offset))
        current = -1
        ctx = content
        for b, i in placed:
            if b != current:
                current, ctx = b, content
            d = diagnostics[i]
            start, body = blocks[b]
            match = d.match.encode("utf-8")
            offsets: list[bytes] = []
            if ctx.count(match) > 1 and len(ctx) < 1000:
                span0 = d.offset - start
                offsets = ctx[:span0].split()
            loc = find_loc(ctx, body.encode("utf-8"), offsets, match, line_count)
            if loc is None or loc[1] <= 0:
                out[i] = None
                continue
            ctx = substitute(ctx, match, b"#")
            key = (loc[0], loc[1], rule_id)
            if key in history:
                out[i] = None
                continue
            history.add(key)
            out[i] = loc
    del kind
    return out


# -- the comparison -------------------------------------------------------------------------------


def linter_for_style(style: str, styles_path: Path) -> Linter:
    with tempfile.TemporaryDirectory() as tmp:
        ini = Path(tmp) / ".vale.ini"
        ini.write_text(f"StylesPath = {styles_path}\nMinAlertLevel = suggestion\n\n[*.{{md,txt}}]\nBasedOnStyles = {style}\n")
        return Linter(load_vale_ini(str(ini)))


def compare(style: str, corpus: Path, reference: Path, styles_path: Path, show: int = 0) -> dict:
    from stylecheck.document import Document
    from stylecheck.lines import LineIndex

    with gzip.open(reference, "rt", encoding="utf-8") as handle:
        expected: dict[str, list[dict]] = json.load(handle)
    linter = linter_for_style(style, styles_path)
    files = sorted(p for p in corpus.rglob("*.txt"))
    totals = Counter()
    missed_samples: list[str] = []
    extra_samples: list[str] = []
    lint_seconds = 0.0
    for path in files:
        rel = path.relative_to(corpus).as_posix()
        source = read_source(str(path))
        began = time.process_time()
        doc = Document.from_source(source)
        result = linter.lint_document(doc)
        lint_seconds += time.process_time() - began
        text = source.text
        starts = LineIndex(text).starts
        ours = result.diagnostics
        vale = Counter((a["Line"], a["Span"][0], a["Span"][1], a["Check"]) for a in expected.get(rel, []))
        totals["vale"] += sum(vale.values())
        totals["ours"] += len(ours)
        truth = [(*true_span(text, starts, d.offset, d.length), d.rule) for d in ours]
        # Reference side: exact (our true position), else Vale's replayed search explains it.
        remaining = vale - Counter(truth)
        totals["exact"] += sum((vale & Counter(truth)).values())
        odd = [i for i, key in enumerate(truth) if vale[key] == 0]
        if remaining or odd:
            replayed = replay(text, ours, linter, doc)
            where = [(*replayed[i], ours[i].rule) if replayed.get(i) else None for i in range(len(ours))]
            explained = remaining & Counter(w for w in where if w is not None)
            totals["vale_position"] += sum(explained.values())
            remaining -= explained
            # Our side: an alert Vale did not report where it is.
            for i in odd:
                if where[i] is None:
                    totals["vale_dropped"] += 1  # Vale's search merged it into another alert
                elif vale[where[i]] > 0:
                    totals["vale_moved"] += 1  # reported by Vale at the wrong place (counted above)
                else:
                    totals["extra"] += 1
                    if len(extra_samples) < show:
                        extra_samples.append(f"  {rel}:{truth[i][0]}:{truth[i][1]}-{truth[i][2]} {ours[i].rule} {ours[i].match!r} (Vale's search: {where[i][:3]})")
        for key, count in remaining.items():
            if count > 0:
                totals["missed"] += count
                if len(missed_samples) < show:
                    line, s0, s1, check = key
                    bit = text.splitlines()[line - 1][s0 - 1 : s1] if line - 1 < len(text.splitlines()) else ""
                    missed_samples.append(f"  {rel}:{line}:{s0}-{s1} {check} {bit!r}")
    vale_total = max(totals["vale"], 1)
    ours_total = max(totals["ours"], 1)
    report = {
        "style": style,
        "vale_alerts": totals["vale"],
        "our_alerts": totals["ours"],
        "exact": totals["exact"],
        "vale_position_bugs": totals["vale_position"],
        "vale_dropped_duplicates": totals["vale_dropped"],
        "ours_moved_by_vale": totals["vale_moved"],
        "missed": totals["missed"],
        "extra": totals["extra"],
        "reproduced_pct": round(100 * (totals["exact"] + totals["vale_position"]) / vale_total, 2),
        "exact_pct": round(100 * totals["exact"] / vale_total, 2),
        "extra_pct": round(100 * totals["extra"] / ours_total, 2),
        "lint_seconds": round(lint_seconds, 2),
    }
    if show:
        report["missed_samples"] = missed_samples
        report["extra_samples"] = extra_samples
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("styles", nargs="*", default=list(STYLES))
    parser.add_argument("--corpus", default=str(SHARED / "corpus" / "bbc"))
    parser.add_argument("--peers", default=str(SHARED / "peers"))
    parser.add_argument("--show", type=int, default=0, help="print up to N missed and N extra alerts")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    peers = Path(args.peers)
    if not Path(args.corpus).is_dir() or not (peers / "vale-reference").is_dir():
        print(f"vale_compat: corpus or reference missing ({args.corpus}, {peers})", file=sys.stderr)
        return 2
    reports = []
    for style in args.styles:
        report = compare(style, Path(args.corpus), peers / "vale-reference" / f"{style}.bbc.json.gz", peers / "vale-styles", args.show)
        reports.append(report)
        if args.json:
            continue
        print(
            f"{style:<11} Vale {report['vale_alerts']:>6}  ours {report['our_alerts']:>6}  "
            f"exact {report['exact']:>6}  Vale-position-bug {report['vale_position_bugs']:>5}  "
            f"Vale-dropped {report['vale_dropped_duplicates']:>4}  missed {report['missed']:>4}  extra {report['extra']:>4}  "
            f"reproduced {report['reproduced_pct']:.2f}% (exact {report['exact_pct']:.2f}%)  extra {report['extra_pct']:.2f}%  "
            f"lint {report['lint_seconds']:.2f}s"
        )
        for title, key in (("Vale found, we missed:", "missed_samples"), ("We found, Vale did not:", "extra_samples")):
            if report.get(key):
                print(title)
                print("\n".join(report[key]))
    if args.json:
        print(json.dumps(reports, indent=2))
    ok = all(r["reproduced_pct"] >= 99 and r["extra_pct"] <= 1 for r in reports)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
