"""Speed benchmark: stylecheck beside proselint 0.16, on the same inputs, in the same run.

    python bench/run.py                  # everything (several minutes: proselint is slow)
    python bench/run.py --quick          # fewer repeats; proselint once on the large inputs
    python bench/run.py --only article,corpus

Run it with any Python 3.11+. It installs this checkout (an ordinary install, as users get it) into
`bench/.venv-stylecheck` and proselint 0.16.0 from PyPI into `bench/.venv-proselint` (both
git-ignored; created when missing, the checkout re-installed on every run), then
runs each tool in turn, as separate processes from start to exit, and prints medians of wall time,
CPU time and peak memory (RSS of the largest single process, from wait4) with the ratios:

1. article  one typical article, process start to exit, as a pre-commit hook runs it (the two
            tools take turns, run for run, and the fastest run is shown beside the median);
            measured first, while the machine is quiet;
2. corpus   the whole BBC corpus (../shared/corpus/bbc) with the full bundled house style,
            British preset; stylecheck with its default -j (all cores) and with -j 1;
3. linear   the BBC text ten times over (22,000 files) and one single 20 MB file, to show that
            time grows linearly with text and that memory stays bounded;
4. vale     the Vale-compatibility mode running Vale's proselint style (../shared/peers/
            vale-styles) on the corpus, when this stylecheck has `stylecheck.vale`.

The large inputs are written once to bench/.data (git-ignored). One untimed warm-up run of each
command comes first, so both tools start with warm file and bytecode caches; byte-code writing is
allowed for both (PYTHONDONTWRITEBYTECODE is removed from the children's environment: an
installed package has its .pyc files, a source checkout needs one run to write them).

The corpus runs and the article runs of the two tools take turns (ours, ours -j 1, proselint,
ours ...), so that a machine whose speed drifts during the bench slows both alike. The machine's
load is printed with the figures: on a shared machine, read CPU time beside wall time.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PEER_VENV = BENCH / ".venv-proselint"
OURS_VENV = BENCH / ".venv-stylecheck"
DATA = BENCH / ".data"
PROSELINT_VERSION = "0.16.0"
BIG_FILE_BYTES = 20 * 1024 * 1024

TARGETS = {
    "corpus": "stylecheck >= 10x faster than proselint (wall)",
    "article": "<= 0.08 s wall and faster than proselint",
    "linear": "10x text <= 11x time; 20 MB file finishes, memory bounded",
    "memory": "<= 150 MB per process on the corpus",
    "vale": "Vale-compat proselint style >= 10x faster than proselint",
}


def find_shared() -> Path | None:
    """`shared/` beside the checkout (../shared), or beside its parent (worktrees in wt/)."""
    explicit = os.environ.get("STYLECHECK_SHARED")
    if explicit:
        return Path(explicit)
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus" / "bbc").is_dir():
            return base / "shared"
    return None


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float
    code: int
    timed_out: bool = False


@dataclass
class Figure:
    wall: float
    cpu: float
    rss_mb: float
    runs: int
    timed_out: bool = False
    fastest: float | None = None  # the quickest run's wall time, shown for short commands

    def text(self) -> str:
        if self.timed_out:
            return f">{self.wall:.0f} s (timeout)"
        fastest = f", min {_secs(self.fastest)}" if self.fastest is not None else ""
        return f"{_secs(self.wall)} (cpu {_secs(self.cpu)}{fastest}, {self.rss_mb:.0f} MB)"


def _secs(value: float) -> str:
    return f"{value:.3f} s" if value < 1 else f"{value:.2f} s"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONDONTWRITEBYTECODE", "STYLECHECK_NO_CACHE", "PYTHONPROFILEIMPORTTIME"):
        env.pop(name, None)
    env["NO_COLOR"] = "1"
    return env


def run_once(cmd: list[str], timeout: float, cwd: Path | None = None) -> Sample:
    """Run `cmd` to exit; wall time, CPU time and peak RSS of its largest process (wait4)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env(), cwd=cwd)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            wall = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
            # ru_maxrss is in KB on Linux, bytes on macOS; the largest of the process and its children.
            rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
            return Sample(wall, usage.ru_utime + usage.ru_stime, rss, proc.returncode)
        if time.perf_counter() > deadline:
            proc.kill()
            proc.wait()
            return Sample(timeout, 0.0, 0.0, -9, timed_out=True)
        time.sleep(0.002 if time.perf_counter() - started < 1 else 0.02)


def measure(cmd: list[str], runs: int, timeout: float, warmup: bool = True) -> Figure:
    if warmup:
        first = run_once(cmd, timeout)
        if first.timed_out:
            return Figure(timeout, 0.0, 0.0, 0, timed_out=True)
    return _figure([run_once(cmd, timeout) for _ in range(runs)], timeout)


def measure_interleaved(cmds: list[list[str]], runs: int | list[int], timeouts: float | list[float],
                        warmup: bool = True, fastest: bool = True) -> list[Figure]:
    """Each command its number of runs, taking turns (A B C A B C ...) after one warm-up each: on
    a machine whose speed drifts, every tool sees the same conditions. A command with fewer runs
    than the others takes its turns in the middle rounds."""
    counts = runs if isinstance(runs, list) else [runs] * len(cmds)
    limits = timeouts if isinstance(timeouts, list) else [timeouts] * len(cmds)
    if warmup:
        for cmd, limit in zip(cmds, limits):
            run_once(cmd, limit)
    rounds = max(counts)
    samples: list[list[Sample]] = [[] for _ in cmds]
    for r in range(rounds):
        for cmd, count, limit, taken in zip(cmds, counts, limits, samples):
            first_round = (rounds - count) // 2
            if first_round <= r < first_round + count and not any(s.timed_out for s in taken):
                taken.append(run_once(cmd, limit))
    figures = [_figure(taken, limit) for taken, limit in zip(samples, limits)]
    if fastest:
        for figure, taken in zip(figures, samples):
            if taken and not figure.timed_out:
                figure.fastest = min(s.wall for s in taken)
    return figures


def _figure(samples: list[Sample], timeout: float) -> Figure:
    if any(s.timed_out for s in samples):
        return Figure(timeout, 0.0, 0.0, len(samples), timed_out=True)
    return Figure(
        statistics.median(s.wall for s in samples),
        statistics.median(s.cpu for s in samples),
        max(s.rss_mb for s in samples),
        len(samples),
    )


# -- the two tools -------------------------------------------------------------------------------


def stylecheck_cmd(use_current: bool) -> list[str]:
    """The `stylecheck` command of an ordinary (not editable) install of this checkout, as
    pre-commit or `pip install` gives users: an editable install adds an import hook to every
    Python start-up (about 20 ms), which no user pays. `--current` uses this interpreter's."""
    if use_current:
        script = Path(sys.executable).parent / "stylecheck"
        return [str(script)] if script.exists() else [sys.executable, "-m", "stylecheck"]
    python = OURS_VENV / "bin" / "python"
    if not python.exists():
        print(f"installing this checkout into {OURS_VENV.relative_to(ROOT)} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(OURS_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
    else:
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(ROOT)], check=True)
    return [str(OURS_VENV / "bin" / "stylecheck")]


def proselint_cmd() -> list[str]:
    return [str(PEER_VENV / "bin" / "proselint"), "check"]


def ensure_proselint() -> None:
    exe = PEER_VENV / "bin" / "proselint"
    if exe.exists():
        return
    print(f"installing proselint {PROSELINT_VERSION} into {PEER_VENV.relative_to(ROOT)} ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
    subprocess.run([str(PEER_VENV / "bin" / "python"), "-m", "pip", "install", "-q", f"proselint=={PROSELINT_VERSION}"], check=True)


def has_vale_compat(ours: list[str]) -> bool:
    python = str(Path(ours[0]).parent / "python") if ours[0].endswith("stylecheck") else ours[0]
    probe = "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('stylecheck.vale') else 1)"
    return subprocess.run([python, "-c", probe], env=child_env()).returncode == 0


def rule_count(ours: list[str]) -> str:
    out = subprocess.run([*ours, "--list-rules", "--preset", "british"], capture_output=True, text=True, env=child_env())
    last = out.stdout.strip().splitlines()[-1:] or ["?"]
    return last[0]


# -- inputs ---------------------------------------------------------------------------------------


def corpus_files(bbc: Path) -> list[Path]:
    return sorted(p for p in bbc.iterdir() if p.suffix == ".txt")


def tenfold_corpus(bbc: Path) -> Path:
    """The BBC articles, ten times, as real copies (links would be linted once: one file)."""
    target = DATA / "bbc-x10"
    files = corpus_files(bbc)
    marker = target / ".complete"
    if marker.exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    for copy in range(10):
        folder = target / f"copy{copy:02}"
        folder.mkdir(parents=True)
        for path in files:
            shutil.copyfile(path, folder / path.name)
    marker.write_text("ok\n")
    return target


def big_file(bbc: Path) -> Path:
    """One 20 MB text file: the BBC articles end to end, repeated."""
    target = DATA / "bbc-20mb.txt"
    if target.exists() and target.stat().st_size >= BIG_FILE_BYTES:
        return target
    DATA.mkdir(parents=True, exist_ok=True)
    parts = [p.read_text(encoding="utf-8") for p in corpus_files(bbc)]
    with open(target, "w", encoding="utf-8") as out:
        written = 0
        while written < BIG_FILE_BYTES:
            for part in parts:
                out.write(part)
                out.write("\n\n")
                written += len(part.encode("utf-8")) + 2
                if written >= BIG_FILE_BYTES:
                    break
    return target


def vale_ini(shared: Path, folder: Path) -> Path:
    ini = folder / ".vale.ini"
    styles = shared / "peers" / "vale-styles"
    ini.write_text(f"StylesPath = {styles}\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = proselint\n", encoding="utf-8")
    return ini


# -- the report -----------------------------------------------------------------------------------


def ratio(peer: Figure | None, ours: Figure) -> str:
    """Wall-time speed-up, and CPU-time speed-up (steadier on a shared machine)."""
    if peer is None or ours.timed_out:
        return ""
    if peer.timed_out:
        return f">{peer.wall / ours.wall:.1f}x"
    cpu = f" (cpu {peer.cpu / ours.cpu:.1f}x)" if ours.cpu > 0 else ""
    return f"{peer.wall / ours.wall:.1f}x{cpu}"


def row(label: str, ours: Figure | str, peer: Figure | str | None = None, note: str = "") -> None:
    ours_text = ours if isinstance(ours, str) else ours.text()
    peer_text = "" if peer is None else (peer if isinstance(peer, str) else peer.text())
    speedup = ratio(peer, ours) if isinstance(ours, Figure) and isinstance(peer, Figure) else ""
    print(f"{label:<38} {ours_text:<42} {peer_text:<42} {speedup:>18}  {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (default 5; 30 for the article, 20 with --quick)")
    parser.add_argument("--quick", action="store_true", help="3 runs each, proselint once on the large inputs")
    parser.add_argument("--only", default="article,corpus,linear,vale", help="comma-separated: article, corpus, linear, vale")
    parser.add_argument("--no-peer", action="store_true", help="time stylecheck only")
    parser.add_argument("--current", action="store_true", help="time this interpreter's stylecheck instead of a fresh install of the checkout")
    parser.add_argument("--peer-timeout", type=float, default=600.0, help="seconds before a proselint run is stopped")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else args.runs
    only = set(args.only.split(","))

    shared = find_shared()
    if shared is None:
        print("bench: ../shared/corpus/bbc is not beside this checkout (set STYLECHECK_SHARED)", file=sys.stderr)
        return 2
    bbc = shared / "corpus" / "bbc"
    files = corpus_files(bbc)
    article = sorted(files, key=lambda p: (p.stat().st_size, p.name))[len(files) // 2]  # the median article
    if not args.no_peer:
        ensure_proselint()
    ours = stylecheck_cmd(args.current)
    peer = None if args.no_peer else proselint_cmd()
    size_mb = sum(p.stat().st_size for p in files) / 1e6

    print(f"stylecheck bench: {rule_count(ours)}; command: {' '.join(ours)}")
    print(f"peer: proselint {PROSELINT_VERSION}; machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    print(f"wall and CPU are medians of {runs} runs after one warm-up; MB is the peak RSS of the largest process")
    print()
    print(f"{'measure':<38} {'stylecheck':<42} {'proselint 0.16':<42} {'speed-up':>18}  target")
    print("-" * 176)
    corpus_fig = peer_corpus = None
    if "article" in only:
        # Cheap to repeat, and the most sensitive to a machine's passing load: many runs, taking turns.
        article_runs = 20 if args.quick else max(runs, 30)
        ours_cmd = [*ours, "--preset", "british", str(article)]
        if peer:
            ours_fig, peer_fig = measure_interleaved([ours_cmd, [*peer, str(article)]], article_runs, 60)
        else:
            ours_fig, peer_fig = measure_interleaved([ours_cmd], article_runs, 60)[0], None
        row(f"1 one article ({article.name}, {article.stat().st_size / 1000:.1f} KB)", ours_fig, peer_fig, TARGETS["article"])
    if "corpus" in only:
        corpus_cmds = [[*ours, "-q", "--preset", "british", str(bbc)], [*ours, "-q", "--preset", "british", "-j", "1", str(bbc)]]
        if peer:
            corpus_fig, serial, peer_fig = measure_interleaved(
                [*corpus_cmds, [*peer, str(bbc)]], [runs, runs, max(1, runs if not args.quick else 1)],
                [600, 600, args.peer_timeout], fastest=False)
        else:
            (corpus_fig, serial), peer_fig = measure_interleaved(corpus_cmds, runs, 600, fastest=False), None
        peer_corpus = peer_fig
        row(f"2 BBC corpus ({len(files)} files, {size_mb:.1f} MB)", corpus_fig, peer_fig, TARGETS["corpus"])
        row("  stylecheck -j 1 (one core)", serial, peer_fig)
        row("  peak RSS per process", f"{max(corpus_fig.rss_mb, serial.rss_mb):.0f} MB", f"{peer_fig.rss_mb:.0f} MB" if peer_fig else None, note=TARGETS["memory"])
        with tempfile.TemporaryDirectory() as tmp:
            cache_dir = Path(tmp) / "cache"
            cached_cmd = [*ours, "-q", "--preset", "british", "--cache", "--cache-dir", str(cache_dir), str(bbc)]
            run_once(cached_cmd, 600)  # fills the cache
            row("  second run with --cache", measure(cached_cmd, runs, 600, warmup=False), note="unchanged files come from the cache")
    if "linear" in only:
        tenfold = tenfold_corpus(bbc)
        big = big_file(bbc)
        peer_runs = 1 if args.quick else max(1, runs // 2)
        # Growth is a ratio of two timings: each tenfold run is taken between runs of the 1x corpus
        # (the same command), so that both sides of the ratio see the same machine.
        ten_runs = 1 if args.quick else max(1, runs // 2)
        base, ten, base_serial, ten_serial = measure_interleaved(
            [[*ours, "-q", "--preset", "british", str(bbc)], [*ours, "-q", "--preset", "british", str(tenfold)],
             [*ours, "-q", "--preset", "british", "-j", "1", str(bbc)], [*ours, "-q", "--preset", "british", "-j", "1", str(tenfold)]],
            [runs, ten_runs, runs, ten_runs], [600, 3600, 600, 3600], fastest=False)
        peer_ten = measure([*peer, str(tenfold)], peer_runs, args.peer_timeout, warmup=False) if peer else None
        row(f"3 10x corpus ({len(files) * 10} files)", ten, peer_ten)
        row("  growth 10x text / 1x text", f"{ten.wall / base.wall:.1f}x (-j 1: {ten_serial.wall / base_serial.wall:.1f}x)",
            f"{peer_ten.wall / peer_corpus.wall:.1f}x" if peer_ten and peer_corpus and not peer_ten.timed_out else None,
            note="<= 11x")
        # --max-file-size 0: the 20 MB file is over the default 10 MB limit, which would skip it.
        one_big = measure([*ours, "-q", "--preset", "british", "--max-file-size", "0", str(big)], max(1, runs // 2 if not args.quick else 1), 3600)
        peer_big = measure([*peer, str(big)], 1, args.peer_timeout, warmup=False) if peer else None
        row(f"  one {big.stat().st_size / 1e6:.0f} MB file", one_big, peer_big, TARGETS["linear"])
    if "vale" in only:
        if has_vale_compat(ours):
            with tempfile.TemporaryDirectory() as tmp:
                ini = vale_ini(shared, Path(tmp))
                vale_fig = measure([*ours, "-q", "--config", str(ini), str(bbc)], runs, 600)
                peer_fig = peer_corpus or (measure([*peer, str(bbc)], 1, args.peer_timeout) if peer else None)
                row("4 Vale compat, proselint style", vale_fig, peer_fig, TARGETS["vale"])
        else:
            row("4 Vale compat, proselint style", "n/a (vale compat not available)")
    print("-" * 176)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
