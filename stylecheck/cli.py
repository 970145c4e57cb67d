"""The `stylecheck` command.

    stylecheck [OPTIONS] [PATH ...]        lint files, folders, or `-` (stdin)
    stylecheck test-rules DIR [DIR ...]    run the examples of every rule in DIR
    stylecheck lsp                         the language server, over stdio

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage, config or
input errors.
"""
from __future__ import annotations

import argparse
import os
import sys

from .defaults import PRESETS
from .errors import UserError
from .version import __version__
from .record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, told the terminal width: argparse would ask `shutil`, whose import
    (with bz2 and lzma) costs a few milliseconds on every run, help or not."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_columns() - 2)


def _terminal_columns() -> int:
    """What `shutil.get_terminal_size` answers: $COLUMNS, else the terminal's width, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def build_parser() -> argparse.ArgumentParser:
    from .output import FORMATS

    parser = argparse.ArgumentParser(
        prog="stylecheck",
        formatter_class=_HelpFormatter,
        description="An editorial style and consistency linter for news copy.",
        epilog="Other commands: 'stylecheck test-rules DIR' runs rule examples; 'stylecheck lsp' starts the language server.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint; '-' reads standard input (default: .)")
    parser.add_argument("--version", action="version", version=f"stylecheck {__version__}")
    parser.add_argument("--format", "--output-format", dest="format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output")
    parser.add_argument("--config", metavar="FILE", help="use this config (.stylecheck.yaml, pyproject.toml or .vale.ini) for every file")
    parser.add_argument("--rules", metavar="DIR", action="append", default=[], help="load one more style folder (repeatable)")
    parser.add_argument("--preset", choices=PRESETS, help="house preset (overrides the config)")
    parser.add_argument("--select", metavar="RULES", action="append", help="only these rule ids or styles (comma-separated, repeatable)")
    parser.add_argument("--ignore", metavar="RULES", action="append", help="skip these rule ids or styles (comma-separated, repeatable)")
    parser.add_argument("--fail-level", choices=("suggestion", "warning", "error"), help="lowest severity that fails the run (default: error)")
    parser.add_argument("--include", metavar="GLOB", action="append", help="file globs to lint inside folders (default: *.txt *.md *.markdown)")
    parser.add_argument("--exclude", metavar="GLOB", action="append", default=[], help="globs to skip inside folders (repeatable)")
    parser.add_argument("--force-exclude", action="store_true", help="apply exclude globs to files named on the command line too (as pre-commit names them)")
    parser.add_argument("--stdin-filename", metavar="NAME", help="name (and so format) of the text read from '-'")
    parser.add_argument("--encoding", default="utf-8", help="decode files with this encoding (e.g. latin-1 for legacy archives)")
    parser.add_argument("--max-file-size", metavar="MB", type=float, default=10, help="skip files larger than this, with a notice (default: 10; 0: no limit)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output (auto: only on a terminal, never with NO_COLOR)")
    parser.add_argument("--list-rules", action="store_true", help="list the rules the configuration loads, then exit")
    parser.add_argument("--explain", metavar="RULE", help="show a rule's description, link and examples, then exit")
    parser.add_argument("-q", "--quiet", action="store_true", help="print findings only: no source lines, no summary")
    parser.add_argument("--fix", action="store_true", help="apply the fixes that rules mark safe, then report what remains")
    parser.add_argument("--diff", action="store_true", help="print the fixes as a unified diff instead of writing them (exit 1 if any)")
    parser.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply fixes not marked safe")
    from .parallel import add_options

    add_options(parser)  # -j/--jobs, --cache, --cache-dir, --statistics, --no-progress
    return parser


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


class Run(Record):
    """The files of one run, each with the configuration that governs it.

    `entries` are (path, Config) pairs; `missing` are (path, reason) pairs.
    """

    __slots__ = ("args", "explicit_config", "finder", "entries", "missing")
    __hash__ = None  # type: ignore[assignment]  # filled in as the paths are collected

    def __init__(
        self,
        args: argparse.Namespace,
        explicit_config: object = None,
        finder: object = None,
        entries: list[tuple[str, object]] | None = None,
        missing: list[tuple[str, str]] | None = None,
    ) -> None:
        self.args = args
        self.explicit_config = explicit_config
        self.finder = finder
        self.entries = [] if entries is None else entries
        self.missing = [] if missing is None else missing


def _cli_config(args: argparse.Namespace, config):
    """Apply the command line's choices on top of a file's configuration."""
    changes: dict[str, object] = {}
    if args.rules:
        changes["styles"] = config.styles + tuple(os.path.abspath(r) for r in args.rules)
    if args.preset:
        changes["preset"] = args.preset
    select = _split(args.select)
    if select is not None:
        changes["select"] = select
    ignore = _split(args.ignore)
    if ignore:
        changes["ignore"] = config.ignore + ignore
    if args.fail_level:
        changes["fail_level"] = args.fail_level
    if args.include:
        changes["include"] = tuple(args.include)
    if args.exclude:
        changes["exclude"] = config.exclude + tuple(args.exclude)
    return config.with_cli(**changes) if changes else config


def _config_for(run: Run, path: str):
    from .config import ConfigFinder, load_config

    if run.explicit_config is None and run.args.config:
        run.explicit_config = load_config(run.args.config)
    if run.explicit_config is not None:
        return _cli_config(run.args, run.explicit_config)
    if run.finder is None:
        run.finder = ConfigFinder()
    return _cli_config(run.args, run.finder.for_path(path))  # type: ignore[attr-defined]


def collect(run: Run) -> None:
    """Expand the command line's paths into files, each with its config, in a stable order."""
    from .config import DEFAULT_EXCLUDE

    paths = run.args.paths or ["."]
    seen: set[str] = set()
    for path in paths:
        if path == "-":
            name = run.args.stdin_filename or "<stdin>"
            run.entries.append(("-", _config_for(run, name if name != "<stdin>" else os.path.join(os.getcwd(), "stdin"))))
            continue
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path, onerror=lambda e, p=path: run.missing.append((_clean(e.filename or p), _os_reason(e)))):
                config = _config_for(run, os.path.join(root, "_"))
                dirs[:] = sorted(
                    d for d in dirs
                    if d not in DEFAULT_EXCLUDE and not config.is_excluded(os.path.join(root, d))
                )
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if not config.is_included(full) or config.is_excluded(full):
                        continue
                    key = _identity(full)
                    if key in seen:
                        continue
                    seen.add(key)
                    run.entries.append((_clean(full), config))
        elif os.path.exists(path) or os.path.islink(path):
            key = _identity(path)
            if key not in seen:
                seen.add(key)
                config = _config_for(run, path)
                if run.args.force_exclude and config.is_excluded(path):
                    continue
                run.entries.append((path, config))
        else:
            run.missing.append((path, "no such file or directory"))


def _identity(path: str) -> object:
    """What makes two paths one file (a link, or the same file named twice): its device and
    inode, one stat() where realpath() costs one per path component."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (st.st_dev, st.st_ino) if st.st_ino else os.path.realpath(path)


def _clean(path: str) -> str:
    return path[2:] if path.startswith("./") else path


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def lint(run: Run):
    """Lint every collected file; returns (results, texts) in input order (see parallel.py)."""
    from .diagnostic import FileResult
    from .parallel import lint_entries
    from .source import SkippedFile, SourceError, decode, read_stdin as read_stdin_bytes

    max_bytes = max_file_bytes(run.args)

    def read_stdin():
        name = run.args.stdin_filename or "<stdin>"
        try:
            return decode(read_stdin_bytes(name, max_bytes), name, run.args.encoding)
        except SkippedFile as exc:
            return FileResult(exc.path, warnings=[str(exc)])
        except SourceError as exc:
            return FileResult(exc.path, error=exc.message)

    results = [FileResult(path, error=reason) for path, reason in run.missing]
    linted, texts = lint_entries(
        run.entries, encoding=run.args.encoding, jobs=run.args.jobs, read_stdin=read_stdin,
        use_cache=run.args.cache, cache_dir=run.args.cache_dir, progress=not run.args.no_progress,
        max_bytes=max_bytes,
    )
    return results + linted, texts


def max_file_bytes(args: argparse.Namespace) -> int:
    """`--max-file-size` in bytes (0: no limit)."""
    return int(max(0.0, args.max_file_size) * 1024 * 1024)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "test-rules":
        return test_rules_main(argv[1:])
    if argv and argv[0] == "lsp":
        from .lsp import main as lsp_main

        return lsp_main(argv[1:])
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its one-line usage error
        return EXIT_ERROR if exc.code else EXIT_OK
    try:
        return _main(args)
    except KeyboardInterrupt:
        print("stylecheck: interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        print("stylecheck: error: out of memory (lower --max-file-size, or lint fewer files at once)", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`stylecheck ... | head`); nothing more to say.
        _drop_stdout()
        return EXIT_ERROR


def _drop_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush cannot fail a second time."""
    try:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
    except OSError:
        sys.stdout = None  # type: ignore[assignment]


def _main(args: argparse.Namespace) -> int:
    run = Run(args)
    if args.unsafe_fixes and not (args.fix or args.diff):
        print("stylecheck: error: --unsafe-fixes needs --fix or --diff", file=sys.stderr)
        return EXIT_ERROR
    try:
        if args.list_rules or args.explain:
            config = _config_for(run, os.path.join(os.getcwd(), "_"))
            return list_rules(config, args.explain)
        collect(run)
        # Load every configuration's rules before linting anything: a bad rule file stops the run.
        from .rulecache import linter_for

        shown: set[int] = set()
        rule_ids: set[str] = set()
        configs = [config for _path, config in run.entries] or [_config_for(run, os.path.join(os.getcwd(), "_"))]
        for config in configs:
            linter = linter_for(config)  # type: ignore[arg-type]
            if id(linter) not in shown:  # load notices (e.g. a Vale rule skipped), once per config
                shown.add(id(linter))
                rule_ids |= linter.rule_ids
                for warning in linter.ctx.warnings:
                    print(f"stylecheck: warning: {warning}", file=sys.stderr)
        problem = _unknown_rule_option(args, rule_ids)
        if problem:
            print(f"stylecheck: error: {problem}", file=sys.stderr)
            return EXIT_ERROR
    except UserError as exc:
        print(f"stylecheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR

    if args.fix or args.diff:
        from .fix import fix_run, summary_line

        results, texts, fixes = fix_run(run)
        print(summary_line(fixes, args.diff), file=sys.stderr)
    else:
        results, texts = lint(run)
    for result in results:
        for warning in result.warnings:
            print(f"stylecheck: warning: {warning}", file=sys.stderr)
    if args.diff:
        # The diff alone is the output (for `patch`/`git apply`); 1 when it is not empty.
        for result in results:
            if result.error is not None:
                print(f"stylecheck: error: {result.path}: {result.error}", file=sys.stderr)
        errors = any(r.error is not None for r in results) or fixes.write_failures
        return EXIT_ERROR if errors else (EXIT_FINDINGS if fixes.files_changed else EXIT_OK)
    from .output import Report, writer

    fail_level = args.fail_level or (run.entries[0][1].fail_level if run.entries else "error")  # type: ignore[attr-defined]
    stream = sys.stdout
    color = _use_color(args, stream)
    report = Report(results, color=color, quiet=args.quiet, fail_level=fail_level, source_text=texts.get)
    if args.statistics:
        from .output.statistics import writer_for

        write = writer_for(args.format)
    else:
        write = writer(args.format)
    if args.output:
        color = False
        report.color = False
        from .fileio import atomic_write_text

        import io

        buffer = io.StringIO()
        write(report, buffer)
        try:
            atomic_write_text(args.output, buffer.getvalue())
        except OSError as exc:
            print(f"stylecheck: error: {args.output}: cannot write report ({exc.strerror or exc})", file=sys.stderr)
            return EXIT_ERROR
    else:
        try:
            if stream is None:  # started with stdout closed (`>&-`)
                raise OSError(0, "standard output is closed")
            write(report, stream)
            stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk, a closed descriptor
            _drop_stdout()
            print(f"stylecheck: error: cannot write the report ({exc.strerror or exc})", file=sys.stderr)
            return EXIT_ERROR
    code = exit_code(results, {path: cfg.fail_level for path, cfg in run.entries}, args.fail_level)  # type: ignore[attr-defined]
    return EXIT_ERROR if args.fix and fixes.write_failures else code


def exit_code(results, fail_levels: dict[str, str], cli_level: str | None) -> int:
    from .engine import at_or_above

    if any(r.error is not None for r in results):
        return EXIT_ERROR
    for r in results:
        level = cli_level or fail_levels.get(r.path, "error")
        if any(at_or_above(d.severity, level) for d in r.diagnostics):
            return EXIT_FINDINGS
    return EXIT_OK


def _unknown_rule_option(args: argparse.Namespace, rule_ids: set[str]) -> str | None:
    """The first name in --select or --ignore that names no loaded rule, as a one-line error."""
    from .rulenames import unmatched

    for option, values in (("--select", args.select), ("--ignore", args.ignore)):
        for name in _split(values) or ():
            problem = unmatched(name, rule_ids)
            if problem is not None:
                return f"{option}: {problem}"
    return None


def _use_color(args: argparse.Namespace, stream) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR") or args.format != "text":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def list_rules(config, explain: str | None) -> int:
    from .rulecache import linter_for
    from .examples import count_examples

    linter = linter_for(config)
    if explain:
        rule = linter.rules.get(explain)
        if rule is None:
            from .errors import did_you_mean

            print(f"stylecheck: error: no rule {explain!r}{did_you_mean(explain, linter.rules)}", file=sys.stderr)
            return EXIT_ERROR
        print(f"{rule.id}  ({rule.extends}, {rule.level}, category: {rule.category})")
        print()
        print(rule.description or rule.message)
        if rule.link:
            print(f"\nSee: {rule.link}")
        examples = rule.examples or {}
        for kind, title in (("bad", "Flagged"), ("good", "Not flagged")):
            items = examples.get(kind) or []
            if items:
                print(f"\n{title}:")
                for item in items:
                    text = item.get("text") if isinstance(item, dict) else item
                    extra = f"   -> {item['match']}" if isinstance(item, dict) and "match" in item else ""
                    print(f"  {text}{extra}")
        print(f"\nSource: {rule.path}")
        return EXIT_OK
    for rule in linter.rules.values():
        summary = (rule.description or rule.message).strip().split("\n")[0]
        if len(summary) > 80:
            summary = summary[:77] + "..."
        print(f"{rule.id:<32} {rule.level:<10} {rule.category:<16} {rule.extends:<14} {summary}")
    print(f"{len(linter.rules)} rules (preset: {config.preset}); {sum(count_examples(r) for r in linter.rules.values())} examples.")
    return EXIT_OK


def test_rules_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="stylecheck test-rules", description="Run the examples of every rule in the given style folders.")
    parser.add_argument("dirs", nargs="+", metavar="DIR", help="a style folder, or a folder of style folders")
    parser.add_argument("--preset", choices=PRESETS, action="append", help="preset(s) to test under (default: both)")
    parser.add_argument("-q", "--quiet", action="store_true")
    parser.add_argument("--strict", action="store_true", help="fail when a rule has no examples (a warning otherwise)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_ERROR if exc.code else EXIT_OK
    from .config import Config
    from .engine import Linter
    from .examples import count_examples, run_examples

    failures = 0
    checked = 0
    rules_seen: set[str] = set()
    untested: set[str] = set()
    for preset in args.preset or PRESETS:
        config = Config(styles=tuple(os.path.abspath(d) for d in args.dirs), preset=preset)
        try:
            linter = Linter(config)
        except UserError as exc:
            print(f"stylecheck: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
        for rule in linter.rules.values():
            rules_seen.add(rule.id)
            examples = count_examples(rule)
            checked += examples
            if not examples:
                untested.add(rule.id)
            for failure in run_examples(linter, rule):
                failures += 1
                print(f"FAIL [{preset}] {failure}")
    for rule_id in sorted(untested):
        print(f"stylecheck: {'error' if args.strict else 'warning'}: {rule_id} has no examples "
              "(add 'examples:' with bad and good texts to its YAML)", file=sys.stderr)
    if not args.quiet:
        print(f"{len(rules_seen)} rules, {checked} examples run, {failures} failed.")
    return EXIT_FINDINGS if failures or (args.strict and untested) else EXIT_OK
