"""Autofix: apply the fixes that diagnostics carry, to a fixed point, and write files safely.

    --fix            apply every fix marked safe (`fix: safe` in the rule's YAML, or said by the rule)
    --unsafe-fixes   also apply the unsafe ones (never the display-only ones)
    --diff           print the unified diff instead of writing anything

Fixing is a loop: lint, pick a non-overlapping subset of the fixes (deterministically: by offset,
then shortest span, then rule id; a fix's edits go together), apply it, lint again, until nothing is left to fix or the
iteration bound is reached. Text outside the applied spans is never touched, so the newline style
and everything else the rules did not flag stay as they were; a file keeps its BOM, encoding and mode.

A file is written through a temporary file in its own folder, fsync'd, then `os.replace`d; just
before the replace the file is read again, and if it changed since it was linted it is left alone.
"""
from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .diagnostic import Diagnostic, Edit, FileResult, Fix
from .source import BOM, SkippedFile, Source, SourceError, decode, read_file, read_stdin

# Enough for fixes that uncover one another (removing a word can make two others meet that a
# rule then flags); a text that has not settled by then is reported rather than looped on.
MAX_ITERATIONS = 10

_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass
class FixOutcome:
    """The result of fixing one text: the new text, what was applied, and what is left."""

    text: str
    # The edits applied in each round, in text order, in that round's coordinates (round 1: the
    # original text); `applied` counts the fixes they came from (a fix may hold several edits).
    rounds: list[list[Edit]] = field(default_factory=list)
    applied: int = 0
    remaining: list[Diagnostic] = field(default_factory=list)
    converged: bool = True


def fixable(diagnostic: Diagnostic, unsafe: bool = False) -> bool:
    return diagnostic.fix is not None and diagnostic.fix.applicable(unsafe)


def planned_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool = False, newline: str = "\n") -> list[tuple[Fix, str]]:
    """The fixes of these diagnostics that may be applied, each with its rule id; a replacement's
    line breaks follow the file's style."""
    planned = []
    for d in diagnostics:
        if not fixable(d, unsafe):
            continue
        fix: Fix = d.fix  # type: ignore[assignment]
        edits = tuple(Edit(e.start, e.end, _with_newline(e.replacement, newline)) for e in fix.edits)
        planned.append((Fix(edits, fix.applicability), d.rule))
    return planned


def _with_newline(replacement: str, newline: str) -> str:
    if "\n" in replacement or "\r" in replacement:
        return _NEWLINE.sub(newline, replacement)
    return replacement


def _span(fix: Fix) -> tuple[int, int]:
    return min(e.start for e in fix.edits), max(e.end for e in fix.edits)


def select_fixes(fixes: Iterable[tuple[Fix, str]]) -> list[tuple[Fix, str]]:
    """A non-overlapping subset of (fix, rule) pairs, the same whatever order they come in.

    Sorted by (start, end, rule, replacements), a fix is kept when it starts at or after the end
    of the last kept one. Two insertions at one point would have no defined order, so only the
    first is kept; the next round of linting decides about the other.
    """
    def key(item: tuple[Fix, str]) -> tuple:
        fix, rule = item
        return (*_span(fix), rule, tuple((e.start, e.end, e.replacement) for e in fix.edits))

    chosen: list[tuple[Fix, str]] = []
    last: tuple[int, int] | None = None
    seen: set[tuple] = set()
    for item in sorted(fixes, key=key):
        k = key(item)
        if k in seen:
            continue
        seen.add(k)
        start, end = _span(item[0])
        if last is not None and (start < last[1] or start == end == last[0] == last[1]):
            continue
        chosen.append(item)
        last = (start, end)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits; everything between them is copied unchanged."""
    parts: list[str] = []
    position = 0
    for edit in edits:
        if edit.start < position or edit.end < edit.start or edit.end > len(text):
            raise ValueError(f"edits overlap or fall outside the text: {edit}")
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def fix_text(
    text: str,
    lint: Callable[[str], list[Diagnostic]],
    unsafe: bool = False,
    newline: str = "\n",
    max_iterations: int = MAX_ITERATIONS,
) -> FixOutcome:
    """Lint and fix `text` until no fix is left (or `max_iterations` rounds have run)."""
    outcome = FixOutcome(text)
    diagnostics = lint(text)
    for _ in range(max_iterations):
        # Drop fixes that would change nothing before choosing, so none of them blocks a real one.
        fixes = select_fixes(f for f in planned_fixes(diagnostics, unsafe, newline) if _changes(f[0], text))
        if not fixes:
            break
        edits = sorted((e for fix, _rule in fixes for e in fix.edits), key=lambda e: (e.start, e.end))
        text = apply_edits(text, edits)
        outcome.rounds.append(edits)
        outcome.applied += len(fixes)
        diagnostics = lint(text)
    else:
        outcome.converged = not any(_changes(fix, text) for fix, _rule in planned_fixes(diagnostics, unsafe, newline))
    outcome.text = text
    outcome.remaining = diagnostics
    return outcome


def _changes(fix: Fix, text: str) -> bool:
    return any(text[e.start : e.end] != e.replacement for e in fix.edits)


# -- files ---------------------------------------------------------------------------------------


class WriteRefused(Exception):
    """A fixed file was not written; `str()` is the one-line reason."""


def encode_source(source: Source, text: str) -> bytes:
    """The bytes of `text` as `source` was stored: same encoding, BOM kept."""
    try:
        data = text.encode(source.encoding)
    except UnicodeEncodeError as exc:
        raise WriteRefused(
            f"a fix needs {text[exc.start]!r}, which {source.encoding} cannot store; not written"
        ) from None
    if source.bom:
        data = BOM.encode(source.encoding) + data
    return data


def write_fixed(path: str, original: bytes, read_info: os.stat_result, data: bytes) -> None:
    """Atomically replace `path` with `data`, unless it no longer holds `original` as read.

    `read_info` is the file's stat when `original` was read. Raises WriteRefused for a read-only
    file, a file changed since it was read, or any OS error.
    """
    from .fileio import atomic_write_bytes

    target = os.path.realpath(path)  # replace the file a symlink points at, not the link
    try:
        info = os.stat(target)
    except OSError as exc:
        raise WriteRefused(f"cannot write the fixes ({exc.strerror or exc})") from None
    # Replacing needs only the folder's permission, so a read-only file must be refused here.
    # The mode bits matter even for root, whom os.access always lets through.
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteRefused("read-only file; fixes not written")

    def unchanged() -> None:
        try:
            with open(target, "rb") as handle:
                now = handle.read()
            now_info = os.stat(target)
        except OSError as exc:
            raise WriteRefused(f"cannot re-read before writing ({exc.strerror or exc}); fixes not written") from None
        if now != original or (now_info.st_mtime_ns, now_info.st_size) != (read_info.st_mtime_ns, read_info.st_size):
            raise WriteRefused("changed since it was read; fixes not written")

    try:
        atomic_write_bytes(target, data, info.st_mode & 0o7777, before_replace=unchanged, owner=(info.st_uid, info.st_gid))
    except WriteRefused:
        raise
    except OSError as exc:
        raise WriteRefused(f"cannot write the fixes ({exc.strerror or exc})") from None


# -- the command line ----------------------------------------------------------------------------


@dataclass
class FixSummary:
    fixed: int = 0            # fixes applied (or, with --diff, that would be)
    files_changed: int = 0
    write_failures: int = 0
    unsettled: list[str] = field(default_factory=list)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff that `patch -p0` applies; lines split at CRLF, CR or LF only."""
    a = _lines(before)
    b = _lines(after)
    out = []
    for number, line in enumerate(difflib.unified_diff(a, b, fromfile=path, tofile=path, lineterm="")):
        if number < 2 or line.startswith("@@"):  # the two file headers and the hunk headers
            out.append(line + "\n")
        elif line.endswith(("\n", "\r")):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    lines: list[str] = []
    start = 0
    for m in _NEWLINE.finditer(text):
        lines.append(text[start : m.end()])
        start = m.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def fix_run(run) -> tuple[list[FileResult], dict[str, str], FixSummary]:
    """`--fix` / `--diff` over the files of a CLI run: returns what remains, the texts, a summary.

    With --diff the diffs go to standard output and nothing is written. Notices go to stderr.
    """
    from .api import lint_source

    args = run.args
    max_bytes = int(max(0.0, args.max_file_size) * 1024 * 1024)
    unsafe = bool(args.unsafe_fixes)
    results: list[FileResult] = []
    texts: dict[str, str] = {}
    summary = FixSummary()
    for path, reason in run.missing:
        results.append(FileResult(path, error=reason))
    for path, config in run.entries:
        try:
            source, data, read_info = _read(path, args, max_bytes)
        except SkippedFile as exc:
            results.append(FileResult(exc.path, warnings=[str(exc)]))
            continue
        except SourceError as exc:
            results.append(FileResult(exc.path, error=exc.message))
            continue
        warnings: list[str] = []

        def lint(text: str, source: Source = source, config=config, warnings=warnings) -> list[Diagnostic]:
            result = lint_source(source.replace(text=text), config)
            warnings[:] = result.warnings
            return result.diagnostics

        outcome = fix_text(source.text, lint, unsafe=unsafe, newline=source.newline)
        result = FileResult(source.path, diagnostics=outcome.remaining, warnings=list(warnings))
        texts[source.path] = outcome.text
        changed = outcome.text != source.text
        if not outcome.converged:
            summary.unsettled.append(source.path)
            result.warnings.append(f"{source.path}: fixes did not settle after {MAX_ITERATIONS} rounds; run --fix again and review")
        refused = None
        if changed and args.diff:
            sys.stdout.write(unified_diff(source.path, source.text, outcome.text))
        elif changed and read_info is None:
            refused = "standard input cannot be fixed in place; use --diff"
        elif changed:
            try:
                write_fixed(path, data, read_info, encode_source(source, outcome.text))
            except WriteRefused as exc:
                summary.write_failures += 1
                refused = str(exc)
        if refused is not None:
            result.warnings.append(f"{source.path}: {refused}")
            # Nothing was written: report what the file still holds.
            result.diagnostics = lint(source.text)
            texts[source.path] = source.text
        elif changed:
            summary.fixed += outcome.applied
            summary.files_changed += 1
        results.append(result)
    return results, texts, summary


def _read(path: str, args, max_bytes: int) -> tuple[Source, bytes, os.stat_result | None]:
    """The file's decoded Source, its bytes and its stat as read (None for standard input), read
    the way every file is (source.py): the same limits, the same one-line errors."""
    if path == "-":
        name = args.stdin_filename or "<stdin>"
        data = read_stdin(name, max_bytes)
        return decode(data, name, args.encoding), data, None
    data, info = read_file(path, max_bytes)
    return decode(data, path, args.encoding), data, info


def summary_line(summary: FixSummary, diff: bool) -> str:
    noun = "fix" if summary.fixed == 1 else "fixes"
    files = "file" if summary.files_changed == 1 else "files"
    verb = "would apply" if diff else "applied"
    line = f"stylecheck: {verb} {summary.fixed} {noun} in {summary.files_changed} {files}"
    if summary.write_failures:
        line += f"; {summary.write_failures} {'file' if summary.write_failures == 1 else 'files'} not written"
    return line + "."
